-- a backtracking pattern
instrument { id = "corpus-catastrophic-pattern", version = "1.0.0", languages = { "en" },
             title = "Corpus case 63" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local r = string.rep("a", 1e5):find(".-.-.-.-.-.-b")   --!
