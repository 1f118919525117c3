-- A plan script that tries to run Lua at evaluation time, when no
-- sandbox exists, by giving a rule a function as its condition (and an
-- instrument-style function condition in a second rule).  It must fail
-- as a definition error: plan conditions are data only.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
agency "prison" { kind = "prison", title = { en = "Prison" }, sees = { "risk" } }
intervention "X" { category = "other", agency = "prison", title = { en = "X" }, goal = { en = "A goal" } }
rule "R1" { title = { en = "A rule" }, add = { intervention = "X" }, --!
  when = function() while true do end end }
rule "R2" { title = { en = "Another" }, add = { intervention = "X" },
  when = { uses = { "A" }, fn = function() while true do end end } }
