-- no finalizers
instrument { id = "corpus-setmetatable-gc", version = "1.0.0", languages = { "en" },
             title = "Corpus case 28" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local t = setmetatable({}, { __gc = function() while true do end end })   --!
