-- nor reachable as a string method
instrument { id = "corpus-string-dump-method", version = "1.0.0", languages = { "en" },
             title = "Corpus case 26" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local chunk = ("x").dump(function() return 1 end)   --!
