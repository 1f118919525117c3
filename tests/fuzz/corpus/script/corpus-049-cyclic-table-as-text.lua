-- a text table that contains itself
instrument { id = "corpus-cyclic-table-as-text", version = "1.0.0", languages = { "en" },
             title = "Corpus case 49" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local t = {}
t.en = t
item "C" { type = "presence", domains = { "d" }, text = t }   --!
