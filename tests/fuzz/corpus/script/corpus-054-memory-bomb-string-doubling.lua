-- a string doubled until the memory limit
instrument { id = "corpus-memory-bomb-string-doubling", version = "1.0.0", languages = { "en" },
             title = "Corpus case 54" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local s = "x"
while true do s = s .. s end
