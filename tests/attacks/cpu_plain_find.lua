-- Tries to spend the time inside C with plain find: a long needle that
-- almost matches everywhere in a long subject costs subject x needle
-- byte comparisons per call, and the hook counts one instruction.  It must
-- fail: plain find is charged subject x needle / 8 before it runs.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = string.rep("a", 200000)
local needle = string.rep("a", 2000) .. "b"
while true do s:find(needle, 1, true) end --!
