-- Tries to hang a serialiser with a table that contains itself, returned
-- as the score and as the explanation.  It must fail: neither result may
-- be a table.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local t = {}
  t.self = t
  return 1, t
end }
