-- Tries to read the heap size and steer the collector with collectgarbage
-- (results that depend on memory layout, finalizers on demand).  It must
-- fail: collectgarbage is removed, and naming it is "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local kb = collectgarbage("count") --!
