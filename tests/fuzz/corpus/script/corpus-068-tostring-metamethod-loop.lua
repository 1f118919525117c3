-- a __tostring metamethod that loops
instrument { id = "corpus-tostring-metamethod-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 68" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local t = setmetatable({}, { __tostring = function() while true do end end })   --!
local s = tostring(t)
