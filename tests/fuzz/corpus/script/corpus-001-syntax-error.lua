-- a syntax error: the line of the unexpected symbol
instrument { id = "corpus-syntax-error", version = "1.0.0", languages = { "en" },
             title = "Corpus case 1" }
part "p" { title = "Part" }
domain "d" { part = "p", title = "Domain" }
item "A" { type = "presence", domains = { "d" }, text = "Indicator A" }
item "B" { type = "presence", domains = { "d" }, text = "Indicator B" }
item "C" { type = "presence", domains = { "d" },
  text = "C" = "x" }   --! syntax error
