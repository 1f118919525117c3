-- A plan script that tries to hold the host past the time limit with slow
-- instructions (comparing long strings), under pcall.  It must fail on the
-- wall clock.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
local s = "x"
for i = 1, 21 do s = s .. s end
local x, y = s .. "a", s .. "b"
pcall(function() while true do local _ = x < y end end) --!
