-- A plan script that tries to read /etc/passwd through require.  It must
-- fail: module names are words separated by dots ("forbidden" otherwise).
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
local data = require("/etc/passwd") --!
