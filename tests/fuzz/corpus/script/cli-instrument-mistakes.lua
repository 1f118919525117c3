-- instrument-mistakes.lua -- an instrument that loads but has one example
-- of every instrument finding of `vep lint` (tests/cli/run-cli-tests.sh
-- and tests/unit/test_lint.c count on the lines below).

instrument {
  id        = "lint-mistakes",
  version   = "1.0.0",
  languages = { "en", "sq" },
  title     = { en = "Lint example", sq = "Shembull" },
}

scale "yn" {                                              -- unused_scale
  { code = "no",  value = 0, label = { en = "No",  sq = "Jo" } },
  { code = "yes", value = 1, label = { en = "Yes", sq = "Po" } },
}

scale "lmh" {                                             -- duplicate_label
  { code = "low",      value = 0, label = { en = "Low",  sq = "E ulët" } },
  { code = "moderate", value = 1, label = { en = "High", sq = "Mesatar" } },
  { code = "high",     value = 2, label = { en = "High", sq = "E lartë" } },
}

domain "d" { title = { en = "Domain", sq = "Fusha" } }

item "A" { type = "scale", scale = "lmh", domains = { "d" }, required = true,
  text = { en = "A?", sq = "A?" }, guidance = { en = "Rate A.", sq = "Vlerësoni A." } }

item "B" { type = "scale", scale = "lmh", domains = { "d" }, required = true,
  text = { en = "B?", sq = "B?" }, guidance = { en = "Rate B." } }     -- no sq guidance

item "C" { type = "choice", domains = { "d" },                        -- option without sq label
  options = { { code = "x", value = 0, label = { en = "X", sq = "X" } },
              { code = "y", value = 1, label = { en = "Y" } } },
  text = { en = "C?", sq = "C?" }, guidance = { en = "Rate C.", sq = "Vlerësoni C." } }

item "N" { type = "count", max = 10,                                  -- item_counts_nowhere
  text = { en = "How many?", sq = "Sa?" } }                           -- no_guidance

item "R" { type = "presence", domains = { "d" },                      -- never_holds
  when = { item = "A", at_least = 3 },
  text = { en = "R?", sq = "R?" }, guidance = { en = "Rate R.", sq = "Vlerësoni R." } }

score "s" { rule = "sum", items = { "A", "B" } }

level "L" { of = "s", bands = {                                       -- band_unreachable
  { level = "low",  min = 0,   max = 1 },
  { level = "mid",  min = 1.2, max = 1.8 },
  { level = "high", min = 2,   max = 4 },
} }

flag "F" { when = { all = { { item = "A", is = "low" }, { item = "A", is = "high" } } },  -- never_holds
  title = { en = "F", sq = "F" } }
