-- no processes
instrument { id = "corpus-os-execute", version = "1.0.0", languages = { "en" },
             title = "Corpus case 7" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
os.execute("touch /tmp/vep-corpus-pwned")   --!
