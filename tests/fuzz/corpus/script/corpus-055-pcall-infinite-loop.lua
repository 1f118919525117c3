-- pcall cannot swallow the limit
instrument { id = "corpus-pcall-infinite-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 55" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
while true do
  pcall(function() while true do end end)   --! the limit cannot be swallowed
end
