-- A plan script that loops for ever while it loads.  It must fail on the
-- instruction limit, as instruments do.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
local n = 0
while true do n = n + 1 end --!
