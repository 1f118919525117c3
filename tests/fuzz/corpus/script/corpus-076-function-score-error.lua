-- a function score that raises an error
instrument { id = "corpus-function-score-error", version = "1.0.0", languages = { "en" },
             title = "Corpus case 76" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "f" { rule = "function", uses = { "A" }, min = 0, max = 1,
  fn = function(a)
    error("no value for you")   --!
  end }
