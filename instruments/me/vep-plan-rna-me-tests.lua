-- vep-plan-rna-me-tests.lua -- test cases of vep-plan-rna-me.lua
-- (illustrative).
--
-- Each case gives the result of vep-rna in short form (the final
-- judgement, flags raised, scores, answers) and the case context, and
-- says what the plan must hold. `vep test vep-plan-rna-me.lua` runs them.
-- Together they make every rule hold at least once, and show what differs
-- from the core: the local NGO's mentor after release, and the
-- reassessment within 7 days of an incident.

-- A case context: as of 20 June 2026, release in two years.
local function context_me(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "cnr", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

local steps_me = { "release_risk_assessment", "accommodation", "employment",
                   "identity_documents", "family_contact", "handover_meeting" }

-- ---------------------------------------------------------------------
-- What differs from the core
-- ---------------------------------------------------------------------

test "an incident: reassess within 7 days (the core: 14)" {
  result  = { risk = "low", date = "2026-06-10" },
  context = context_me({ events = { { type = "incident", date = "2026-06-15" } } }),
  expect  = { reassessment = "2026-06-22" },             -- core: 2026-06-29
}

test "a transfer: reassess within 30 days, as in the core" {
  result  = { risk = "low", date = "2026-06-10" },
  context = context_me({ events = { { type = "transfer", date = "2026-06-15" } } }),
  expect  = { reassessment = "2026-07-15" },
}

test "young adult with low literacy who speaks Albanian: the local NGO's mentor" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_me({ age = 19, literacy = "low", language = "sq" }),
  expect  = {
    interventions = { "MENTOR", "EDUCATION", "VOCATIONAL" },   -- R10, R07, R09
    responsivity  = 2,                                        -- R07, R08
    reassessment  = "2027-06-20",                             -- every 12 months
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor", "handover_meeting" },
    agencies      = { "probation", "social_work", "mentor_ngo" },   -- R14 (core: mentor_cso)
  },
}

test "already past the release date (Montenegro): the NGO's mentor in the community" {
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "high" } },
  context = context_me({ as_of = "2026-06-20", expected_release = "2026-03-01" }),
  expect  = {
    window        = "passed", steps = {},
    interventions = { "MENTOR", "FAMILY" },               -- community / any setting
    not_added     = { "PSY-IND", "VOCATIONAL" },          -- custody only
    supervisor    = "probation",
    agencies      = { "probation", "social_work", "mentor_ngo" },
  },
}

-- ---------------------------------------------------------------------
-- The inherited rules, unchanged
-- ---------------------------------------------------------------------

test "moderate risk (Montenegro), grievance high, release in two years" {
  result  = { risk = "moderate", scores = { beliefs_high = 1 },
              answers = { B01 = "low", B02 = "high", M03 = "low", I01 = "low", A05 = "absent" } },
  context = context_me(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },         -- R02 and R03 merge; R09
    placement     = "standard",
    reassessment  = "2026-12-20",                        -- every 6 months
    window        = "before",
    steps         = steps_me,
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "social_work" },
    responsivity  = 0, conflicts = 0,
  },
}

test "high risk (Montenegro), stated intent and ties on the wing: placement rules conflict" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "high", M03 = "low", A05 = "absent" } },
  context = context_me(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = false,                               -- R11 and R12 disagree
    conflicts     = 1,
    reassessment  = "2026-09-20",                        -- every 3 months
    contact       = "weekly",                            -- R13
    agencies      = { "probation", "social_work", "police" },
  },
}

test "beliefs, justification, belonging and a mental disorder (Montenegro)" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "moderate", M03 = "high", I01 = "low", A05 = "present" } },
  context = context_me({ conditional_release = true }),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "PSY-IND", "RELIGIOUS", "MENTOR",
                      "VOCATIONAL", "FAMILY" },   -- R01, R06; R03, R04, R05; R09, R05
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting" },
    agencies      = { "probation", "social_work", "mentor_ngo" },
  },
}

test "protective ties weak (Montenegro): mentor and family" {
  result  = { risk = "low", flags = { "protective_weak" }, answers = { M03 = "low" } },
  context = context_me(),
  expect  = { interventions = { "MENTOR", "VOCATIONAL", "FAMILY" } },
}

test "programmes completed are not added again (Montenegro)" {
  result  = { risk = "moderate", answers = { B02 = "low" } },
  context = context_me({ programmes = { completed = { { id = "PSY-IND", date = "2026-03-01" } } } }),
  expect  = { interventions = { "VOCATIONAL" }, not_added = { "PSY-IND" } },
}

test "the day the pre-release window opens (Montenegro)" {
  result  = { risk = "low" },
  context = context_me({ as_of = "2026-06-20", expected_release = "2026-12-20" }),
  expect  = { window = "open", steps = steps_me },
}

test "a context with an impossible date is refused (Montenegro)" {
  result  = { risk = "low" },
  context = context_me({ as_of = "2026-02-30" }),
  expect  = { invalid = { "invalid_date" } },
}
