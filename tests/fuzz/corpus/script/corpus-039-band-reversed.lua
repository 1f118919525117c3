-- a band with min above max
instrument { id = "corpus-band-reversed", version = "1.0.0", languages = { "en" },
             title = "Corpus case 39" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "total" { rule = "sum", domain = "d" }
level "screen" { of = "total", bands = {   --!
  { level = "all", min = 2, max = 0, label = "All" },
} }
