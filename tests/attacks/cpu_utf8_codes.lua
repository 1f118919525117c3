-- Tries to spend the time in the iterator of utf8.codes: called directly
-- with a position in front of megabytes of continuation bytes, each call
-- skips them all in C for a handful of instructions.  It must fail: the
-- iterator is charged for the bytes it passes over.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = "\x80"
for i = 1, 21 do s = s .. s end
s = "a" .. s .. s
local step = utf8.codes(s)
while true do step(s, 1) end --!
