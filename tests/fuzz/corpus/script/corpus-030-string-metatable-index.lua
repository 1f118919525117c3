-- the string metatable is hidden
instrument { id = "corpus-string-metatable-index", version = "1.0.0", languages = { "en" },
             title = "Corpus case 30" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
getmetatable("").__index = function() return "pwned" end   --!
