-- Tries to run for hours inside one C call, where no hook fires: Lua's
-- backtracking matcher on a pattern with several lazy quantifiers over a
-- long subject is exponential.  It must fail at once: the pattern's cost
-- bound is charged before the matcher starts.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = string.rep("a", 20000)
local i = s:find(".-.-.-.-.-.-.-.-b") --!
