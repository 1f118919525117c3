-- A plan script that hides a backtracking pattern bomb in a title it
-- builds at load time.  It must fail at once: the pattern is charged
-- before the matcher runs.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
local s = string.rep("ab", 10000)
local t = s:match("(.-)(.-)(.-)(.-)(.-)c") --!
