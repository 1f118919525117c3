-- vep-plan-rna-tests.lua -- test cases of vep-plan-rna.lua.
--
-- Each case gives the result in short form (the final judgement, flags
-- raised, scores, answers) and the case context, and says what the plan
-- must hold.  `vep test vep-plan-rna.lua` runs them.  Together they make
-- every rule hold at least once, cross the pre-release window's
-- boundaries, and plan for a person already past the release date.

-- A case context: as of 20 June 2026, release in two years.
local function context(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "sr-Latn", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

local all_steps = { "release_risk_assessment", "accommodation", "employment",
                    "identity_documents", "family_contact", "handover_meeting" }

test "moderate risk, grievance high, release in two years" {
  result  = { risk = "moderate", scores = { beliefs_high = 1 },
              answers = { B01 = "low", B02 = "high", M03 = "low", I01 = "low", A05 = "absent" } },
  context = context(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },         -- R02 and R03 merge; R09
    placement     = "standard",                          -- no rule: the default
    reassessment  = "2026-12-20",                        -- every 6 months
    window        = "before",
    steps         = all_steps,
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "social_work" },
    responsivity  = 0, conflicts = 0,
  },
}

test "high risk, stated intent and ties on the wing: placement rules conflict" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "high", M03 = "low", A05 = "absent" } },
  context = context(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = false,                                -- R11 and R12 disagree
    conflicts     = 1,
    reassessment  = "2026-09-20",                         -- every 3 months
    contact       = "weekly",                             -- R13
    agencies      = { "probation", "social_work", "police" },
  },
}

test "low risk, young adult with low literacy who speaks Albanian" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context({ age = 19, literacy = "low", language = "sq" }),
  expect  = {
    interventions = { "MENTOR", "EDUCATION", "VOCATIONAL" },   -- R10, R07, R09
    responsivity  = 2,                                        -- R07, R08
    reassessment  = "2027-06-20",                             -- every 12 months
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor", "handover_meeting" },
    agencies      = { "probation", "social_work", "mentor_cso" },   -- R14
  },
}

test "beliefs, justification, belonging and a mental disorder" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "moderate", M03 = "high", I01 = "low", A05 = "present" } },
  context = context({ conditional_release = true }),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "PSY-IND", "RELIGIOUS", "MENTOR",
                      "VOCATIONAL", "FAMILY" },   -- R01, R06; R03, R04, R05; R09, R05
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting" },
  },
}

test "protective ties weak: mentor and family" {
  result  = { risk = "low", flags = { "protective_weak" }, answers = { M03 = "low" } },
  context = context(),
  expect  = { interventions = { "MENTOR", "VOCATIONAL", "FAMILY" } },   -- priority 2, then 3 in catalogue order
}

test "programmes completed are not added again" {
  result  = { risk = "moderate", answers = { B02 = "low" } },
  context = context({ programmes = { completed = { { id = "PSY-IND", date = "2026-03-01" } } } }),
  expect  = { interventions = { "VOCATIONAL" }, not_added = { "PSY-IND" } },
}

test "vocational programme completed: rule R09 does not hold" {
  result  = { risk = "low" },
  context = context({ programmes = { completed = { { id = "VOCATIONAL", date = "2025-11-01" } } } }),
  expect  = { interventions = {}, not_added = {} },
}

-- The pre-release window: release 2026-12-20, six months before is 2026-06-20.
test "the day before the pre-release window opens" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-06-19", expected_release = "2026-12-20" }),
  expect  = { window = "before", steps = all_steps, reassessment = "2026-06-20" },
}

test "the day the pre-release window opens" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-06-20", expected_release = "2026-12-20" }),
  expect  = { window = "open", steps = all_steps },
}

test "the last day before release" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-12-19", expected_release = "2026-12-20" }),
  expect  = { window = "open", steps = all_steps },
}

test "the release date itself: the window has passed" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-12-20", expected_release = "2026-12-20" }),
  expect  = { window = "passed", steps = {}, interventions = {}, not_added = { "VOCATIONAL" } },
}

test "month end: release 31 August, the window opens 28 February" {
  result  = { risk = "low" },
  context = context({ as_of = "2027-02-28", expected_release = "2027-08-31" }),
  expect  = { window = "open" },
}

test "month end: 27 February is before the window" {
  result  = { risk = "low" },
  context = context({ as_of = "2027-02-27", expected_release = "2027-08-31" }),
  expect  = { window = "before" },
}

test "already past the release date: support in the community only" {
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "high" } },
  context = context({ as_of = "2026-06-20", expected_release = "2026-03-01" }),
  expect  = {
    window        = "passed", steps = {},
    interventions = { "MENTOR", "FAMILY" },               -- community / any setting
    not_added     = { "PSY-IND", "VOCATIONAL" },          -- custody only
    supervisor    = "probation",
    agencies      = { "probation", "social_work", "mentor_cso" },
  },
}

test "a context with an impossible date is refused" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-02-30" }),
  expect  = { invalid = { "invalid_date" } },
}
