-- a sort comparator that loops
instrument { id = "corpus-sort-comparator-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 66" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local t = { 3, 1, 2 }
table.sort(t, function(x, y) while true do end end)   --!
