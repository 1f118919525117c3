-- a function score that tries to swallow the limit
instrument { id = "corpus-function-score-pcall-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 77" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "f" { rule = "function", uses = { "A" }, min = 0, max = 1,
  fn = function(a)
    while true do pcall(function() while true do end end) end   --!
  end }
