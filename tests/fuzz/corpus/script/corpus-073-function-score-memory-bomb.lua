-- a function score that allocates without end
instrument { id = "corpus-function-score-memory-bomb", version = "1.0.0", languages = { "en" },
             title = "Corpus case 73" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "f" { rule = "function", uses = { "A" }, min = 0, max = 1,
  fn = function(a)
    local t = {}
    for i = 1, 1e9 do t[i] = { i } end
  end }
