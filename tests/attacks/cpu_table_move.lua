-- Tries to loop inside table.move over 10^12 positions.  It must fail:
-- move is charged for its range before it runs.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
table.move({}, 1, 1e12, 2) --!
