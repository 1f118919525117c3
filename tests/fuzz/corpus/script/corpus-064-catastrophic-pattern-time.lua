-- a backtracking pattern with a huge instruction budget
instrument { id = "corpus-catastrophic-pattern-time", version = "1.0.0", languages = { "en" },
             title = "Corpus case 64" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local s = string.rep("a", 3e4)
local r = s:find(string.rep("a*", 20) .. "b")   --!
