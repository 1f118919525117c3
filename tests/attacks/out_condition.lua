-- Tries to raise a flag with a value that is not a boolean (a string that
-- looks true, or a table), so that the host must guess.  It must fail: a
-- condition function returns true or false.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
flag "F" { when = { uses = { "A" }, fn = function(a) return "yes" end } }
