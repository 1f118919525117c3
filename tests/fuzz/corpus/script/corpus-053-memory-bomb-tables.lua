-- a table that grows until the memory limit
instrument { id = "corpus-memory-bomb-tables", version = "1.0.0", languages = { "en" },
             title = "Corpus case 53" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local t = {}
for i = 1, 1e9 do t[i] = { i } end
