-- error() called by the script
instrument { id = "corpus-error-call", version = "1.0.0", languages = { "en" },
             title = "Corpus case 3" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
error("deliberate failure")   --!
