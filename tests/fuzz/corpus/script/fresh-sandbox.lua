-- Functions run in a fresh sandbox for every assessment: a counter kept in
-- the script's own state must read 1 in every test case (vep test: exit 0).
instrument { id = "cli-fresh-sandbox", version = "1.0.0", languages = { "en" },
             title = "CLI fixture: no memory between assessments" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
local runs = { n = 0 }
score "runs" {
  rule = "function", uses = { "A" }, min = 0, max = 1000,
  fn = function(a)
    runs.n = runs.n + 1
    return runs.n
  end,
}
test "first assessment"  { answers = { A = "present" }, expect = { scores = { runs = 1 } } }
test "second assessment" { answers = { A = "absent" },  expect = { scores = { runs = 1 } } }
test "third assessment"  { answers = { A = unknown },   expect = { scores = { runs = 1 } } }
