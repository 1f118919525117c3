-- bands with a gap (1 is in no band)
instrument { id = "corpus-band-gap", version = "1.0.0", languages = { "en" },
             title = "Corpus case 36" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "total" { rule = "sum", domain = "d" }
level "screen" { of = "total", bands = {   --!
  { level = "low",  min = 0, max = 0, label = "Low" },
  { level = "high", min = 2, max = 2, label = "High" },
} }
