-- Tries to run code in a __gc finalizer, which Lua calls with hooks off
-- (a looping finalizer would hang the host when the state is closed or
-- collected).  It must fail: metatables with __gc are refused.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t = setmetatable({}, { __gc = function() while true do end end }) --!
