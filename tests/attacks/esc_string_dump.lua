-- Tries to turn a function into a binary chunk with string.dump, through
-- the library and through the method syntax on a string (the string
-- metatable's __index).  It must fail: dump is removed from both, and
-- naming it is "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local ok = pcall(function() return string.dump(print) end)
local bytes = ("x").dump(function() return 1 end) --!
