-- no debug library
instrument { id = "corpus-debug-getinfo", version = "1.0.0", languages = { "en" },
             title = "Corpus case 10" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local info = debug.getinfo(1)   --!
