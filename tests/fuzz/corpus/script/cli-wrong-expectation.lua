-- A small instrument with one wrong expectation (vep test: exit 1).
instrument { id = "cli-wrong-expectation", version = "1.0.0", languages = { "en" },
             title = "CLI fixture: a wrong expectation" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, weights = { d = 2 }, text = "Indicator B" }
score "total" { rule = "sum", domain = "d" }
test "right: A only" {
  answers = { A = "present", B = "absent" },
  expect  = { scores = { total = 1 } },
}
test "wrong: B counts 2, not 1" {
  answers = { A = "absent", B = "present" },
  expect  = { scores = { total = 1 } },
}
