-- A plan script that tries to leave state behind for what the engine
-- loads next: globals, the string table, the date library, the host table.
-- It loads (nothing here is refused), and must be contained: each load
-- has its own sandbox, freed at the end, so the engine's next instrument
-- scores as a fresh engine's does.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
agency "prison" { kind = "prison", title = { en = "Prison" }, sees = { "risk" } }
intervention "X" { category = "other", agency = "prison", title = { en = "X" }, goal = { en = "A goal" } }
rule "R1" { title = { en = "A rule" }, when = { risk = "high" }, add = { intervention = "X" } }
leaked = true
string.upper = function() return "!" end
date.add_days = function() return "1999-01-01" end
rawset(host, "planted", function() return 1 end)
