-- plan-mistakes.lua -- a plan that loads but has one example of every
-- plan finding of `vep lint` (tests/cli/run-cli-tests.sh and
-- tests/unit/test_lint.c count on the lines below).

plan {
  id         = "lint-plan-mistakes",
  version    = "1.0.0",
  instrument = "lint-mistakes",
  languages  = { "en", "sq" },
  title      = { en = "Lint example plan", sq = "Plan shembull" },
}

agency "treatment" { kind = "prison", title = { en = "Treatment", sq = "Trajtimi" },
  sees = { "risk", "interventions" } }

agency "archive" { kind = "other", title = { en = "Archive", sq = "Arkivi" } }  -- unused_agency

agency "health" { kind = "health", title = { en = "Health", sq = "Shëndetësia" },  -- own_part_empty
  sees = { "risk", "interventions.own" } }

intervention "PSY" { category = "psychological", agency = "treatment",
  title = { en = "Psychological work", sq = "Punë psikologjike" } }

intervention "EDU" { category = "education", agency = "treatment",  -- unused_intervention
  title = { en = "Education", sq = "Arsim" } }

rule "R1" { title = "High risk",                                   -- no sq title
  when = { risk = "high" }, add = { intervention = "PSY" } }

host_function "prior_assessments" {                                -- unused_host_function
  signature = "int64 (string subject)",
  purpose = { en = "Earlier assessments", sq = "Vlerësimet e mëparshme" } }
