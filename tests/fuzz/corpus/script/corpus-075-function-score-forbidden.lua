-- a function score that reads the clock (only when it runs)
instrument { id = "corpus-function-score-forbidden", version = "1.0.0", languages = { "en" },
             title = "Corpus case 75" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "f" { rule = "function", uses = { "A" }, min = 0, max = 1,
  fn = function(a)
    return os.time() % 2   --!
  end }
