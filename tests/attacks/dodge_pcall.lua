-- Tries to swallow the instruction limit with pcall and carry on: the
-- limit is an error, and pcall catches errors.  It must fail: once the
-- budget is gone the hook raises on every instruction, pcall or not, and a
-- run that tripped a limit fails even if it returns normally.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  for i = 1, 10 do pcall(function() while true do end end) end --!
  return 1, "survived"
end }
