-- A function score using the date library (date.c): days from an answered
-- date to a fixed day, across a leap day.
instrument { id = "dt", version = "1.0.0", languages = { "en" }, title = "Dates" }
domain "d" { title = "D" }
item "since" { type = "date", text = "Date of the last incident" }
item "n" { type = "count", domains = { "d" }, text = "n" }
score "days" { rule = "function", uses = { "since" }, min = 0, max = 100000,
  fn = function(a)
    local s = a.code("since")
    if not s then return nil, "no incident date" end
    return date.days_between(s, "2026-12-01"), "days from " .. s .. " to 2026-12-01"
  end }
test "days since" { answers = { since = "2024-02-29", n = 1 }, expect = { scores = { days = 1006 } } }
