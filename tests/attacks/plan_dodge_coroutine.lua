-- A plan script that spreads an endless computation over many short
-- coroutines, each below one hook period.  It must fail on the
-- instruction limit: creating a coroutine is charged.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
while true do coroutine.resume(coroutine.create(function() for i = 1, 900 do end end)) end --!
