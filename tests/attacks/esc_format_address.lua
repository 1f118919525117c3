-- Tries to learn addresses (which differ from run to run and from machine
-- to machine) with string.format("%p").  It must fail: %p is refused as
-- "forbidden", and tostring never shows an address.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t = tostring({})
local p = string.format("%p", {}) --!
