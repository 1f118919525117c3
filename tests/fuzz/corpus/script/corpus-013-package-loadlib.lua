-- no native code
instrument { id = "corpus-package-loadlib", version = "1.0.0", languages = { "en" },
             title = "Corpus case 13" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local f = package.loadlib("libc.so.6", "system")   --!
