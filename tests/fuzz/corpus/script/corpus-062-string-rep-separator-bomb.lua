-- string.rep with a separator
instrument { id = "corpus-string-rep-separator-bomb", version = "1.0.0", languages = { "en" },
             title = "Corpus case 62" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local s = ("ab"):rep(2^30, ",")   --!
