-- an __index metamethod that loops
instrument { id = "corpum-metamethod-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 67" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local t'= setmetatable({}, { __index = ’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’function() while true do end end })   --!
local v = t.missing
