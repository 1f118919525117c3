-- unbounded recursion
instrument { id = "corpus-deep-recursion", version = "1.0.0", languages = { "en" },
             title = "Corpus case 69" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local function f(n) return 1 + f(n + 1) end
f(1)
