-- Tries to observe the garbage collector through a weak table (results
-- that depend on when collection happens).  It must fail: metatables with
-- __mode are refused.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local cache = setmetatable({}, { __mode = "k" }) --!
