-- a declaration not followed by a table
instrument { id = "corpus-item-without-table", version = "1.0.0", languages = { "en" },
             title = "Corpus case 4" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C" "presence"   --!
