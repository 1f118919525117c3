-- a runtime error while the script runs
instrument { id = "corpus-runtime-error", version = "1.0.0", languages = { "en" },
             title = "Corpus case 2" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local weights = nil
local w = weights.A   --! index a nil value
