-- A definition error: item B07 on an undeclared scale, line 7 (exit 2).
instrument { id = "cli-unknown-scale", version = "1.0.0", languages = { "en" },
             title = "CLI fixture: unknown scale" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "B06" { type = "presence", domains = { "d" }, text = "Indicator B06" }
item "B07" { type = "scale", scale = "lmh3", domains = { "d" }, text = "Indicator B07" }
