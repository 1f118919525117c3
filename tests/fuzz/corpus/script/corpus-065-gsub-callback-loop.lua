-- a gsub callback that loops
instrument { id = "corpus-gsub-callback-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 65" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local s = ("aaaa"):gsub("a", function() while true do end end)   --!
