-- Tries to spend the time in the utf8 functions over a huge string: len,
-- offset and codepoint each walk the whole string in C for one
-- instruction.  It must fail: they are charged by the bytes they are given.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = "\u{444}"
for i = 1, 20 do s = s .. s end
while true do utf8.len(s) utf8.offset(s, -1) end --!
