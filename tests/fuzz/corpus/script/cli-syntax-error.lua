-- A syntax error on line 6 (exit 2).
instrument { id = "cli-syntax-error", version = "1.0.0", languages = { "en" },
             title = "CLI fixture: syntax error" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" } text = "Indicator A" }
