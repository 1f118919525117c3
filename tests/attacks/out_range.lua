-- Tries to get past the bands with a value outside the score's declared
-- range (the bands were checked against that range at load).  It must
-- fail: the value is checked against the range.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, min = 0, max = 10, fn = function(a)
  return 1e308
end }
level "L" { of = "s", bands = { { level = "low", min = 0, max = 4.99 }, { level = "high", min = 5, max = 10 } } }
