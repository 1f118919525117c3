-- Tries to run past the time limit with instructions that each take long:
-- comparing two 4 MB strings that differ only at the end is one VM
-- instruction but a full memory scan.  The instruction budget barely moves,
-- so it must fail on the wall clock: the hook checks the deadline every
-- 1000 instructions.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = "x"
for i = 1, 21 do s = s .. s end
local x, y = s .. "a", s .. "b"
local n = 0
while true do if x < y then n = n + 1 end end --!
