-- vep-plan-screen-host.lua -- the follow-up of a screening (instruments/
-- screening/vep-screen.lua) for a prison whose case system knows what the
-- screen cannot: whether a referral to the assessment team is already open,
-- and which programmes the person completed in another institution.  The
-- plan asks through two host functions, which the program embedding libvep
-- provides (examples/embed/referrals.c); `vep test` answers for them with
-- the stand-ins of the test cases.
--
-- ILLUSTRATIVE: written for libvep's examples.  A screen refers; it does
-- not place anyone in a regime, and nothing here does either.

plan {
  id           = "vep-plan-screen-host",
  version      = "1.0.0",
  instrument   = "vep-screen",
  languages    = { "en" },
  illustrative = true,
  title = "Follow-up of the radicalisation screening, with the case system (illustrative)",
}

host_function "open_referrals" {
  signature = "int64 (string subject)",
  purpose   = "How many referrals to the assessment team the case system has open for the person",
}

host_function "completed_elsewhere" {
  signature = "bool (string subject, string programme)",
  purpose   = "Whether the case system records the programme as completed in another institution",
}

agency "treatment" {
  kind  = "prison",
  title = "Prison treatment service",
  sees  = { "risk", "interventions", "reassessment", "responsivity", "reasons" },
}
agency "rna_team" {
  kind  = "prison",
  title = "Multidisciplinary assessment team",
  sees  = { "risk", "interventions.own", "reassessment" },
}

intervention "RNA-REFERRAL" {
  category = "other",
  agency   = "rna_team",
  title    = "Full risk and needs assessment",
  goal     = "Assessment completed and the team's judgement recorded within 30 days",
  review_months = 1,
}

intervention "KEYWORKER" {
  category = "mentoring",
  agency   = "treatment",
  title    = "Weekly contact with a key worker",
  goal     = "A named key worker meets the person every week until the assessment",
  review_months = 1,
}

rule "H01-refer" {
  title = "Positive screen and no referral open: refer to the assessment team",
  when  = { all = { { risk = "positive" },
                    { host = "open_referrals", args = { { fact = "subject" } }, at_most = 0 } } },
  add   = { intervention = "RNA-REFERRAL", priority = 1 },
}

rule "H02-chase" {
  title = "Positive screen and a referral already open: follow it up",
  when  = { all = { { risk = "positive" },
                    { host = "open_referrals", args = { { fact = "subject" } }, at_least = 1 } } },
  add   = { responsivity = "A referral is already open in the case system: follow it up rather than refer again" },
}

rule "H03-keyworker" {
  title = "Positive screen: a key worker until the assessment, unless the person had one elsewhere",
  when  = { all = { { risk = "positive" },
                    { none = { { host = "completed_elsewhere",
                                 args = { { fact = "subject" }, "KEYWORKER" } } } } } },
  add   = { intervention = "KEYWORKER", priority = 2, start_days = 7 },
}

reassessment {
  every_months = { negative = 6, positive = 1 },
  triggers     = { incident = 7, transfer = 14 },
}

test "no referral open: refer, and a key worker" {
  result  = { risk = "positive", levels = { screen = "positive" } },
  context = { as_of = "2026-03-31" },
  host    = { open_referrals = 0, completed_elsewhere = false },
  expect  = { interventions = { "RNA-REFERRAL", "KEYWORKER" }, responsivity = 0 },
}

test "a referral open and a key worker elsewhere: follow up only" {
  result  = { risk = "positive", levels = { screen = "positive" } },
  context = { as_of = "2026-03-31" },
  host    = { open_referrals = 2, completed_elsewhere = true },
  expect  = { interventions = {}, responsivity = 1 },
}

-- No stand-ins: a negative screen asks the case system nothing (the risk
-- condition comes first in every rule), so a case that asked would fail.
test "negative screen: the case system is not asked" {
  result  = { risk = "negative", levels = { screen = "negative" } },
  context = { as_of = "2026-03-31" },
  expect  = { interventions = {}, responsivity = 0 },
}
