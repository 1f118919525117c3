-- Tries to hand the host a huge table as a score, hoping it would be
-- walked or serialised.  It must fail: a score function returns a number
-- or nil, and anything else is a runtime error.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local t = {}
  for i = 1, 100000 do t[i] = i end
  return t
end }
