-- Tries to make the host allocate a billion slots by returning a sparse
-- array whose length looks huge.  It must fail: tables are not scores.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  return { [1] = 1, [1e9] = 2 }
end }
