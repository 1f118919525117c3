-- vep-plan-rna-mk-tests.lua -- test cases of vep-plan-rna-mk.lua.
--
-- Each case gives the result in short form and the case context, and
-- says what the plan must hold. `vep test vep-plan-rna-mk.lua` runs them.
-- The cases show the local adaptations at work: psychiatric care by the
-- public psychiatric service, and the interpreter note (none for a
-- person who speaks Macedonian or Albanian; one for a person who speaks
-- only Serbian, where the core would add none).

-- A case context: as of 20 June 2026, release in two years, Macedonian.
local function context_mk(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "mk", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

test "a diagnosed mental disorder: psychiatric care by the public psychiatric service" {
  result  = { risk = "moderate",
              answers = { B01 = "low", B02 = "low", M03 = "low", I01 = "low", A05 = "present" } },
  context = context_mk(),
  expect  = {
    interventions = { "MENTAL-HEALTH", "PSY-IND", "VOCATIONAL" },   -- R06; R03; R09
    responsivity  = 0,                                              -- the core would add R08's note
    reassessment  = "2026-12-20",
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "social_work" },
  },
}

test "Albanian speaker: no interpreter (the core: one)" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_mk({ language = "sq" }),
  expect  = { interventions = { "VOCATIONAL" }, responsivity = 0 },
}

test "Serbian speaker: interpreter note (the core: none)" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_mk({ language = "sr-Latn" }),
  expect  = { interventions = { "VOCATIONAL" }, responsivity = 1 },
}

test "young adult with low literacy: education, mentor, one note" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_mk({ age = 19, literacy = "low" }),
  expect  = {
    interventions = { "MENTOR", "EDUCATION", "VOCATIONAL" },   -- R10, R07, R09
    responsivity  = 1,                                        -- R07 only
    agencies      = { "probation", "social_work", "mentor_cso" },   -- R14
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor", "handover_meeting" },
  },
}

test "high risk in North Macedonia: separation and dispersal conflict, weekly contact" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "high", M03 = "low", A05 = "absent" } },
  context = context_mk(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = false,                                -- R11 and R12 disagree
    conflicts     = 1,
    reassessment  = "2026-09-20",
    contact       = "weekly",                             -- R13
    agencies      = { "probation", "social_work", "police" },
  },
}

test "beliefs, justification and belonging, conditional release" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "high", M03 = "high", I01 = "low", A05 = "absent" } },
  context = context_mk({ conditional_release = true }),
  expect  = {
    -- priority 1: PSY-IND (R02) and DIALOGUE (R01), in catalogue order;
    -- then RELIGIOUS (R04), MENTOR (R05), VOCATIONAL (R09), FAMILY (R05)
    interventions = { "PSY-IND", "DIALOGUE", "RELIGIOUS", "MENTOR", "VOCATIONAL", "FAMILY" },
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting" },
  },
}

test "past the release date: custody care not added, mentor and family continue" {
  -- MENTAL-HEALTH keeps the core's setting (custody), so after the
  -- release date it is not added; MENTOR and FAMILY continue
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "high", A05 = "present" } },
  context = context_mk({ expected_release = "2026-03-01" }),
  expect  = {
    window        = "passed", steps = {},
    interventions = { "MENTOR", "FAMILY" },
    not_added     = { "PSY-IND", "VOCATIONAL", "MENTAL-HEALTH" },
  },
}
