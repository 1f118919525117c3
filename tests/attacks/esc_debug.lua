-- Tries to reach the registry (and through it the real globals with the
-- unsafe functions) and to remove the count hook with the debug library.
-- It must fail: debug is never opened, and naming it is "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local ok = pcall(function() return debug.sethook() end)
local reg = debug.getregistry() --!
reg[2].io.open("vep-atk-debug.txt", "w")
