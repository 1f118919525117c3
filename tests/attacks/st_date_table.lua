-- Tries to change the `date` library for later assessments: add_days
-- replaced and a field added, so that a second assessment would compute
-- other dates.  It must be contained: the date table is made for each
-- assessment's sandbox.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local d = date.add_days("2026-01-31", 1)
  local marked = rawget(date, "marked") and 1 or 0
  date.add_days = function() return "1999-01-01" end
  date.marked = true
  return date.days_between("2026-01-01", d) + marked * 100, d
end }
