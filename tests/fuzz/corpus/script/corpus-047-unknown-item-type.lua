-- a misspelt item type
instrument { id = "corpus-unknown-item-type", version = "1.0.0", languages = { "en" },
             title = "Corpus case 47" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C" { type = "presense", domains = { "d" }, text = "C" }   --!
