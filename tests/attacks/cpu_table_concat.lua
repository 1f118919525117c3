-- Tries to loop inside table.concat over a range of 10^12 (absent
-- elements are only found to be missing at the end of a long walk).  It
-- must fail: concat is charged for its range before it runs.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t = setmetatable({}, { __index = function() return "" end })
local s = table.concat(t, "", 1, 1e12) --!
