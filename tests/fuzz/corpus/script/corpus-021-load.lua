-- no load
instrument { id = "corpus-load", version = "1.0.0", languages = { "en" },
             title = "Corpus case 21" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local f = load("return 1")   --!
