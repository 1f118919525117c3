-- a function score whose 'uses' names an unknown id
instrument { id = "corpus-function-score-uses-unknown", version = "1.0.0", languages = { "en" },
             title = "Corpus case 50" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "f" { rule = "function", uses = { "A", "Z9" },   --!
  fn = function(a) return 1 end }
