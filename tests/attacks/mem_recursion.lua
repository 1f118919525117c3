-- Tries to exhaust the host's stack or memory by recursing without end
-- (not a tail call, so every level keeps a frame).  It must fail: the Lua
-- stack lives in the state's memory, under the limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
local function deep(n) return 1 + deep(n + 1) end
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  return deep(1)
end }
