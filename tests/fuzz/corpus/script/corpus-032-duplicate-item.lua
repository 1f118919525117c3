-- an item id declared twice (at the second declaration)
instrument { id = "corpus-duplicate-item", version = "1.0.0", languages = { "en" },
             title = "Corpus case 32" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "A" { type = "presence", domains = { "d" }, text = "A again" }   --!
