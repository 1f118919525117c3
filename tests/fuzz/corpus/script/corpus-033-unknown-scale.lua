-- an item on a scale that is not declared
instrument { id = "corpus-unknown-scale", version = "1.0.0", languages = { "en" },
             title = "Corpus case 33" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C" { type = "scale", scale = "lmh3", domains = { "d" }, text = "C" }   --!
