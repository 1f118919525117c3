-- the string metatable is hidden: getmetatable('') is not a table
instrument { id = "corpus-string-metatable-rawset", version = "1.0.0", languages = { "en" },
             title = "Corpus case 29" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
rawset(getmetatable(""), "__index", { rep = function() end })   --!
