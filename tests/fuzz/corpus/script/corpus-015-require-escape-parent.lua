-- module names cannot leave the script's directory
instrument { id = "corpus-require-escape-parent", version = "1.0.0", languages = { "en" },
             title = "Corpus case 15" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
require "../x"   --!
