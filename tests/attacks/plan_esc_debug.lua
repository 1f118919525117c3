-- A plan script that tries to reach the registry and the real globals
-- with debug, after trying to hide the failure in a coroutine.  It must
-- fail: debug is never opened, and the "forbidden" error keeps its rule
-- through coroutine.wrap.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
local reg = coroutine.wrap(function() return debug.getregistry() end)() --!
