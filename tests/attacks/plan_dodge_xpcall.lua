-- A plan script that loops in an xpcall message handler at load time
-- (hooks are off in plain Lua's handlers).  It must fail on the
-- instruction limit: the handler runs hooked.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
xpcall(error, function() while true do end end) --!
