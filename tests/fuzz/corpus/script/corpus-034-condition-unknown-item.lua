-- a condition naming an item that does not exist
instrument { id = "corpus-condition-unknown-item", version = "1.0.0", languages = { "en" },
             title = "Corpus case 34" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C" { type = "text", part = "p", when = { item = "Z9", is = "present" }, text = "C" }   --!
