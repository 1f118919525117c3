-- a function score that loops when a test case scores it (vep test)
instrument { id = "corpus-function-score-loops-in-test", version = "1.0.0", languages = { "en" },
             title = "Corpus case 70" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "f" { rule = "function", uses = { "A" }, min = 0, max = 1,
  fn = function(a)
    while true do end   --!
  end }
test "runs f" { answers = { A = "present", B = "absent" }, expect = { scores = { f = 1 } } }
