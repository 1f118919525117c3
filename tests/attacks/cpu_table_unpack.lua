-- Tries to push 10^8 values with table.unpack (a long C loop, then a
-- stack of gigabytes).  It must fail: unpack is charged for its range
-- before it runs.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local n = select("#", table.unpack({}, 1, 1e8)) --!
