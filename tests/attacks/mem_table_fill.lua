-- Tries to exhaust the host's memory with ever more tables, while scoring.
-- It must fail: every allocation of the state counts against the limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local t = {}
  while true do t[#t + 1] = { 1, 2, 3, 4 } end
end }
