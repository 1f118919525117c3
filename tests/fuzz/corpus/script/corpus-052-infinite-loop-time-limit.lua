-- an infinite loop with a huge instruction budget: the time limit stops it
instrument { id = "corpus-infinite-loop-time-limit", version = "1.0.0", languages = { "en" },
             title = "Corpus case 52" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
while true do end   --!
