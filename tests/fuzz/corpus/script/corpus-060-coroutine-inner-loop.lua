-- a coroutine that loops (resume must not swallow the limit)
instrument { id = "corpus-coroutine-inner-loop", version = "1.0.0", languages = { "en" },
             title = "Corpus case 60" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
local co = coroutine.create(function() while true do end end)
coroutine.resume(co)
