-- two conditional items that depend on each other
instrument { id = "corpus-cycle-conditional-items", version = "1.0.0", languages = { "en" },
             title = "Corpus case 40" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C" { type = "presence", part = "p", when = { item = "D", is = "present" }, text = "C" }   --!
item "D" { type = "presence", part = "p", when = { item = "C", is = "present" }, text = "D" }
