-- a function score that loops when an assessment is scored (vep score)
instrument { id = "corpus-function-score-loops-in-score", version = "1.0.0", languages = { "en" },
             title = "Corpus case 71" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "f" { rule = "function", uses = { "A" }, min = 0, max = 1,
  fn = function(a)
    while true do end   --!
  end }
