-- the instrument declared twice
instrument { id = "corpus-instrument-twice", version = "1.0.0", languages = { "en" },
             title = "Corpus case 43" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
instrument { id = "corpus-again", version = "1.0.0", languages = { "en" }, title = "Again" }   --!
