-- Tries to make the host sort a big table again and again through pairs
-- (which sorts the keys in C for a deterministic order).  It must fail:
-- each pairs call is charged n log n for its sort.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t = {}
for i = 1, 30000 do t["k" .. i] = i end
while true do for k in pairs(t) do break end end --!
