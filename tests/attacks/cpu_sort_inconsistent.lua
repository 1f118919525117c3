-- Tries to make table.sort loop or read out of bounds with an
-- inconsistent comparator (always true: a < b and b < a), which throws
-- Lua's own quicksort off.  It must fail cleanly: the sandbox's merge sort
-- ends after n log n comparisons whatever they say, so only the budget
-- stops the loop around it.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t = {}
for i = 1, 20000 do t[i] = i end
while true do table.sort(t, function(x, y) return true end) end --!
