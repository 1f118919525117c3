-- no debug library (the hook enforces the limits)
instrument { id = "corpus-debug-sethook", version = "1.0.0", languages = { "en" },
             title = "Corpus case 11" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
debug.sethook()   --! would remove the instruction hook
