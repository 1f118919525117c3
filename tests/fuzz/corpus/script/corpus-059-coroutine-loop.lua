-- a loop resuming a coroutine forever
instrument { id = "corpus-coroutine-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 59" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do co() end   --!
