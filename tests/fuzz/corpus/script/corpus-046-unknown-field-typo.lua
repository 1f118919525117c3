-- a misspelt field ('requried')
instrument { id = "corpus-unknown-field-typo", version = "1.0.0", languages = { "en" },
             title = "Corpus case 46" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C" { type = "presence", domains = { "d" }, text = "C", requried = true }   --!
