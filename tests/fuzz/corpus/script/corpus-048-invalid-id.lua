-- an id with a space
instrument { id = "corpus-invalid-id", version = "1.0.0", languages = { "en" },
             title = "Corpus case 48" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C 1" { type = "presence", domains = { "d" }, text = "C" }   --!
