-- Tries to loop inside string.rep: repeating the empty string 10^15
-- times allocates nothing but never returns.  It must fail: rep is charged
-- one unit per copy before it runs.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = string.rep("", 1e15) --!
