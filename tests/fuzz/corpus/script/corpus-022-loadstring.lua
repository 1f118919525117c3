-- no loadstring
instrument { id = "corpus-loadstring", version = "1.0.0", languages = { "en" },
             title = "Corpus case 22" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local f = loadstring("return 1")   --!
