-- two composite scores made of each other
instrument { id = "corpus-cycle-composite-scores", version = "1.0.0", languages = { "en" },
             title = "Corpus case 41" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "x" { rule = "composite", of = { y = 1 } }   --!
score "y" { rule = "composite", of = { x = 1 } }
