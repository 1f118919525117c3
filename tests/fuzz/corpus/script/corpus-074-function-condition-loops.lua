-- a function condition that loops
instrument { id = "corpus-function-condition-loops", version = "1.0.0", languages = { "en" },
             title = "Corpus case 74" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
flag "f" { title = "F", when = { uses = { "A" }, fn = function(a)
  while true do end   --!
end } }
