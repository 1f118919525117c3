-- xpcall cannot swallow the limit either
instrument { id = "corpus-xpcall-error-in-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 58" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
while true do xpcall(function() while true do end end, function(m) return m end) end   --!
