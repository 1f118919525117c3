-- A small instrument whose test cases are right (vep test: exit 0).
instrument { id = "cli-passing", version = "1.0.0", languages = { "en" },
             title = "CLI fixture: passing test cases" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, weights = { d = 2 }, text = "Indicator B" }
score "total" { rule = "sum", domain = "d" }
level "screen" { of = "total", bands = {
  { level = "negative", min = 0, max = 1, label = "Negative" },
  { level = "positive", min = 2, max = 3, label = "Positive" },
} }
test "A only" {
  answers = { A = "present", B = "absent" },
  expect  = { scores = { total = 1 }, levels = { screen = "negative" } },
}
test "both" {
  answers = { A = "present", B = "present" },
  expect  = { scores = { total = 3 }, levels = { screen = "positive" } },
}
