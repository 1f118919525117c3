-- a typo in a declaration name reads an undefined global
instrument { id = "corpus-undefined-global-typo", version = "1.0.0", languages = { "en" },
             title = "Corpus case 5" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
itme "C" { type = "presence", domains = { "d" }, text = "C" }   --! typo
