-- Tries to plant a global in the environment with rawset and then use it
-- to read a removed library through a metatable trick on a fresh table.
-- It must fail: a plain table knows nothing of the real globals, and
-- indexing the nil it returns is a runtime error.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
rawset(_G, "loader", setmetatable({}, { __index = _G }))
local ok = pcall(function() return loader.load end)
local os = rawget(loader, "os")
os.exit(1) --!
