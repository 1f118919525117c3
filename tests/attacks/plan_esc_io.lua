-- A plan script that tries to write a file and read the environment while
-- it loads (plans are declarative: this is the only time their Lua runs).
-- It must fail: io and os are never opened for plans either.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
local ok = pcall(function() return os.getenv("HOME") end)
io.open("vep-atk-plan.txt", "w") --!
