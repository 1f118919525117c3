-- a helper module that is a binary (precompiled) chunk
instrument { id = "corpus-require-binary-module", version = "1.0.0", languages = { "en" },
             title = "Corpus case 19" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
require "helpers.binary"   --!
