-- a helper module that does not exist
instrument { id = "corpus-require-missing", version = "1.0.0", languages = { "en" },
             title = "Corpus case 14" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
require "no-such-helper"   --!
