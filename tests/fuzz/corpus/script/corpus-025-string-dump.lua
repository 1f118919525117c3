-- string.dump is not in the string library (calling nil)
instrument { id = "corpus-string-dump", version = "1.0.0", languages = { "en" },
             title = "Corpus case 25" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local chunk = string.dump(function() return 1 end)   --!
