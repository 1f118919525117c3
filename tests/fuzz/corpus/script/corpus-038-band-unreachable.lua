-- a band no answer can reach (the score is at most 2)
instrument { id = "corpus-band-unreachable", version = "1.0.0", languages = { "en" },
             title = "Corpus case 38" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
score "total" { rule = "sum", domain = "d" }
level "screen" { of = "total", bands = {   --!
  { level = "low",  min = 0, max = 0, label = "Low" },
  { level = "high", min = 1, max = 2, label = "High" },
  { level = "extreme", min = 3, max = 9, label = "Extreme" },
} }
