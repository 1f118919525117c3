-- an error handler that loops
instrument { id = "corpus-xpcall-looping-handler", version = "1.0.0", languages = { "en" },
             title = "Corpus case 57" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
xpcall(function() error("x") end, function(m) while true do end end)   --!
