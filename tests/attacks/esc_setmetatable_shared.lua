-- Tries to put a metatable on shared values: strings, numbers, functions,
-- the library tables and the environment itself (to drop its strict
-- __index).  It must fail: setmetatable takes tables only, and the
-- protected metatables of libraries and the environment cannot be changed.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
pcall(setmetatable, "", {})
pcall(setmetatable, 1, {})
pcall(setmetatable, string, {})
setmetatable(_G, { __index = function() return nil end }) --!
