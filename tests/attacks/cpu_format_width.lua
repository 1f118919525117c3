-- Tries to make string.format write gigabytes from a tiny format: a width
-- of a thousand digits.  It must fail: Lua refuses formats longer than a
-- few characters (and widths over 99) with a runtime error.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local ok = pcall(string.format, "%99.99f", 1e308)
local s = string.format("%" .. string.rep("9", 1000) .. "d", 1) --!
