-- vep-plan-screen-tests.lua -- test cases of vep-plan-screen.lua.

test "positive screen confirmed: referral and a key worker" {
  result  = { risk = "positive", levels = { screen = "positive" } },
  context = { as_of = "2026-03-31" },
  expect  = { interventions = { "RNA-REFERRAL", "KEYWORKER" }, responsivity = 0,
              reassessment = "2026-04-30" },      -- month end: 31 March + 1 month
}

test "negative screen: screen again in six months" {
  result  = { risk = "negative", levels = { screen = "negative" } },
  context = { as_of = "2026-08-31" },
  expect  = { interventions = {}, reassessment = "2027-02-28", responsivity = 0 },
}

test "the professional overrides a positive advisory level" {
  result  = { risk = "negative", levels = { screen = "positive" } },
  context = { as_of = "2026-01-15" },
  expect  = { interventions = {}, responsivity = 1 },
}
