-- no package library
instrument { id = "corpus-package-path", version = "1.0.0", languages = { "en" },
             title = "Corpus case 12" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
package.path = "/tmp/?.lua"   --!
