-- Tries to iterate a table in hash order with next (an order that changes
-- with Lua's hash seed, so results would change from run to run).  It
-- must fail: next is removed (pairs visits keys sorted), and naming it is
-- "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local k = next({ a = 1, b = 2 }) --!
