-- an infinite loop (instruction limit)
instrument { id = "corpus-infinite-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 51" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
while true do end   --!
