-- string.rep of 10 GB
instrument { id = "corpus-string-rep-bomb", version = "1.0.0", languages = { "en" },
             title = "Corpus case 61" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local s = string.rep("x", 1e10)   --!
