-- a score naming an item that does not exist
instrument { id = "corpus-score-unknown-item", version = "1.0.0", languages = { "en" },
             title = "Corpus case 35" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "total" { rule = "sum", items = { "A", "B", "Z9" } }   --!
