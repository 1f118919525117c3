-- Tries to hang the host while scoring: an endless loop in a function
-- rule.  It must fail: the count hook charges every instruction to the
-- budget and stops the run at the instruction limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local n = 0
  while true do n = n + 1 end --!
end }
