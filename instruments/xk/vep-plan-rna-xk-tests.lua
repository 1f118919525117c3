-- vep-plan-rna-xk-tests.lua -- test cases of vep-plan-rna-xk.lua.
--
-- Each case gives the result in short form and the case context, and
-- says what the plan must hold. `vep test vep-plan-rna-xk.lua` runs them.
-- The cases show the local adaptations at work: the shorter reassessment
-- intervals, the interpreter note (none for a person who speaks Albanian
-- or Serbian), and the education given by the municipality.

-- A case context: as of 20 June 2026, release in two years, Albanian.
local function context_xk(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "sq", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

-- ---------------------------------------------------------------------
-- Reassessment intervals
-- ---------------------------------------------------------------------

test "moderate risk: reassessment after 4 months (the core: 6)" {
  result  = { risk = "moderate", scores = { beliefs_high = 1 },
              answers = { B01 = "low", B02 = "high", M03 = "low", I01 = "low", A05 = "absent" } },
  context = context_xk(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },          -- R02 and R03 merge; R09
    reassessment  = "2026-10-20",
    responsivity  = 0,                                    -- the core would add R08's note
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "social_work" },
  },
}

test "high risk with stated intent: reassessment after 2 months (the core: 3)" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "low", M03 = "low", A05 = "absent" } },
  context = context_xk({ language = "sr-Latn" }),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = "separation",                         -- R11
    reassessment  = "2026-08-20",
    contact       = "weekly",                             -- R13
    agencies      = { "probation", "social_work", "police" },
  },
}

test "low risk: reassessment after 12 months, as in the core" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_xk(),
  expect  = { interventions = { "VOCATIONAL" }, reassessment = "2027-06-20" },
}

test "an incident brings the reassessment forward, as in the core" {
  -- assessed 2026-06-10, moderate: interval due 2026-10-10; an incident
  -- on 2026-06-15, after the assessment: 14 days later
  result  = { risk = "moderate", date = "2026-06-10", answers = { B02 = "low" } },
  context = context_xk({ events = { { type = "incident", date = "2026-06-15" } } }),
  expect  = { reassessment = "2026-06-29" },
}

-- ---------------------------------------------------------------------
-- The municipal education directorate and the programme languages
-- ---------------------------------------------------------------------

test "low literacy, Albanian speaker: municipal education, no interpreter" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_xk({ literacy = "low" }),
  expect  = {
    interventions = { "EDUCATION", "VOCATIONAL" },        -- R07, R09
    responsivity  = 1,                                    -- R07 only (the core: R07 and R08)
  },
}

test "a person who writes Serbian in Cyrillic: no interpreter" {
  result  = { risk = "low", answers = { B02 = "low" } },
  context = context_xk({ language = "sr-Cyrl" }),
  expect  = { responsivity = 0 },
}

test "young adult who speaks neither language: mentor and an interpreter" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_xk({ age = 19, language = "en" }),
  expect  = {
    interventions = { "MENTOR", "VOCATIONAL" },           -- R10, R09
    responsivity  = 1,                                    -- R08
    agencies      = { "probation", "social_work", "mentor_cso" },   -- R14
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor", "handover_meeting" },
  },
}

test "beliefs, justification, belonging, ties on the wing and a mental disorder" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "low", M03 = "high", I01 = "high", A05 = "present" } },
  context = context_xk({ conditional_release = true }),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "PSY-IND", "RELIGIOUS", "MENTOR",
                      "VOCATIONAL", "FAMILY" },           -- R01, R06; R03, R04, R05; R09, R05
    placement     = "dispersal",                          -- R12
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting" },
  },
}
