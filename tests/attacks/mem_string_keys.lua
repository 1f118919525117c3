-- Tries to exhaust memory with distinct strings (each one interned and
-- hashed) used as table keys.  It must fail on the memory limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t, i = {}, 0
local pad = string.rep("k", 100)
while true do i = i + 1 t[pad .. i] = true end
