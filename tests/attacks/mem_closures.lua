-- Tries to exhaust memory with closures, each holding its own upvalue.
-- It must fail on the memory limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t, i = {}, 0
while true do
  i = i + 1
  local j = i
  t[i] = function() return j end
end
