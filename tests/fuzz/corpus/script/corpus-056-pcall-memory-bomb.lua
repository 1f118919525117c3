-- pcall cannot swallow the memory limit
instrument { id = "corpus-pcall-memory-bomb", version = "1.0.0", languages = { "en" },
             title = "Corpus case 56" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
for round = 1, 100 do
  pcall(function() local t = {} for i = 1, 1e9 do t[i] = {} end end)
end
