-- a helper that requires itself (the error is at line 2 of the helper)
instrument { id = "corpus-require-cycle", version = "1.0.0", languages = { "en" },
             title = "Corpus case 18" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
require "helpers.cycle"
