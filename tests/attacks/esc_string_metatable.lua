-- Tries to take over every string of the engine through the string
-- metatable: getmetatable("") to reach __index and replace methods.  It
-- must fail: the metatable is hidden (getmetatable gives false), so
-- indexing it is a runtime error.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local mt = getmetatable("")
mt.__index.upper = function() return "pwned" end --!
