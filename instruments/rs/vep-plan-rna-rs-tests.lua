-- vep-plan-rna-rs-tests.lua -- test cases of vep-plan-rna-rs.lua
-- (illustrative).
--
-- Each case gives the result of vep-rna-rs in short form (the final
-- judgement, flags raised, scores, answers) and the case context, and
-- says what the plan must hold. `vep test vep-plan-rna-rs.lua` runs them.
-- Together they make every rule hold at least once, the inherited ones
-- and the two added ones, and show what differs from the core: the
-- reassessment after a moderate judgement, job-search support around
-- release, the employment service after release, and the rule for A07.

-- A case context: as of 20 June 2026, release in two years.
local function context_rs(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "sr-Cyrl", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

local steps_rs = { "release_risk_assessment", "accommodation", "employment",
                   "identity_documents", "family_contact", "handover_meeting" }

-- ---------------------------------------------------------------------
-- What differs from the core
-- ---------------------------------------------------------------------

test "moderate risk (Serbia): reassessment after four months, not six" {
  result  = { risk = "moderate", scores = { beliefs_high = 1 },
              answers = { B01 = "low", B02 = "high", M03 = "low", I01 = "low",
                          A05 = "absent", A07 = "absent" } },
  context = context_rs(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },         -- R02 and R03 merge; R09
    placement     = "standard",
    reassessment  = "2026-10-20",                        -- every 4 months (core: 2026-12-20)
    window        = "before",
    steps         = steps_rs,
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "social_work", "employment" },
    responsivity  = 0, conflicts = 0,
  },
}

test "earlier ties (A07): individual work first, with a note" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A07 = "present" } },
  context = context_rs(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },         -- RS02 (priority 1); R09
    responsivity  = 0,                                   -- RS02's note is the intervention's own
    reassessment  = "2027-06-20",                        -- every 12 months
  },
}

test "the pre-release window opens: job-search support is added" {
  result  = { risk = "low", answers = { A07 = "absent" } },
  context = context_rs({ as_of = "2026-06-20", expected_release = "2026-12-20" }),
  expect  = {
    window        = "open",
    interventions = { "JOB-SEARCH", "VOCATIONAL" },      -- RS01 (priority 2); R09 (3)
    steps         = steps_rs,
    reassessment  = "2027-06-20",                        -- every 12 months: the window opens on
                                                         -- the assessment day itself, not after it
  },
}

test "the day before the window opens: no job-search support yet" {
  result  = { risk = "low" },
  context = context_rs({ as_of = "2026-06-19", expected_release = "2026-12-20" }),
  expect  = { window = "before", interventions = { "VOCATIONAL" } },
}

test "past the release date: job search in the community, custody work not added" {
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "high" } },
  context = context_rs({ as_of = "2026-06-20", expected_release = "2026-03-01" }),
  expect  = {
    window        = "passed", steps = {},
    interventions = { "MENTOR", "JOB-SEARCH", "FAMILY" },   -- R05, RS01; R05
    not_added     = { "PSY-IND", "VOCATIONAL" },            -- custody only
    supervisor    = "probation",
    agencies      = { "probation", "social_work", "mentor_cso", "employment" },  -- plan order
  },
}

-- ---------------------------------------------------------------------
-- The inherited rules, on Serbia's results
-- ---------------------------------------------------------------------

test "high risk (Serbia), stated intent and ties on the wing: placement rules conflict" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "high", M03 = "low", A05 = "absent" } },
  context = context_rs(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = false,                               -- R11 and R12 disagree
    conflicts     = 1,
    reassessment  = "2026-09-20",                        -- every 3 months
    contact       = "weekly",                            -- R13
    agencies      = { "probation", "social_work", "police", "employment" },
  },
}

test "low risk (Serbia), young adult with low literacy who speaks Hungarian" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_rs({ age = 19, literacy = "low", language = "hu" }),
  expect  = {
    interventions = { "MENTOR", "EDUCATION", "VOCATIONAL" },  -- R10, R07 (the prison's school), R09
    responsivity  = 2,                                       -- R07, R08
    reassessment  = "2027-06-20",
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor", "handover_meeting" },
    agencies      = { "probation", "social_work", "mentor_cso", "employment" },   -- R14
  },
}

test "beliefs, justification, belonging and a mental disorder (Serbia)" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "moderate", M03 = "high", I01 = "low",
                          A05 = "present", A07 = "absent" } },
  context = context_rs({ conditional_release = true }),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "PSY-IND", "RELIGIOUS", "MENTOR",
                      "VOCATIONAL", "FAMILY" },   -- R01, R06; R03, R04, R05; R09, R05
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting" },
    reassessment  = "2026-10-20",
  },
}

test "protective ties weak (Serbia): mentor and family" {
  result  = { risk = "low", flags = { "protective_weak" }, answers = { M03 = "low" } },
  context = context_rs(),
  expect  = { interventions = { "MENTOR", "VOCATIONAL", "FAMILY" } },
}

test "vocational programme completed (Serbia): nothing to add" {
  result  = { risk = "low" },
  context = context_rs({ programmes = { completed = { { id = "VOCATIONAL", date = "2025-11-01" } } } }),
  expect  = { interventions = {}, not_added = {} },
}

test "a context with an impossible date is refused (Serbia)" {
  result  = { risk = "low" },
  context = context_rs({ as_of = "2026-02-30" }),
  expect  = { invalid = { "invalid_date" } },
}
