-- vep-plan-rna-al-tests.lua -- test cases of vep-plan-rna-al.lua.
--
-- Each case gives the result in short form and the case context, and
-- says what the plan must hold. `vep test vep-plan-rna-al.lua` runs them.
-- The cases show the local adaptations at work: the municipality's
-- social service after release, and the interpreter note for a person
-- who does not speak Albanian (none for one who does).

-- A case context: as of 20 June 2026, release in two years, Albanian.
local function context_al(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "sq", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

test "Albanian speaker, moderate risk: no interpreter, municipal social service after release" {
  result  = { risk = "moderate", scores = { beliefs_high = 1 },
              answers = { B01 = "low", B02 = "high", M03 = "low", I01 = "low", A05 = "absent" } },
  context = context_al(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },          -- R02 and R03 merge; R09
    responsivity  = 0,                                    -- the core would add R08's note
    reassessment  = "2026-12-20",
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "municipal_social" },  -- the core: probation, social_work
    conflicts     = 0,
  },
}

test "a person who speaks Serbian: interpreter note" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_al({ language = "sr-Latn" }),
  expect  = { interventions = { "VOCATIONAL" }, responsivity = 1 },
}

test "protective ties weak: family work by the municipal social service" {
  -- R05 adds MENTOR and FAMILY (FAMILY now the municipality's); R14 adds
  -- the mentoring organisation after release
  result  = { risk = "low", flags = { "protective_weak" }, answers = { M03 = "low" } },
  context = context_al(),
  expect  = {
    interventions = { "MENTOR", "VOCATIONAL", "FAMILY" },
    agencies      = { "probation", "mentor_cso", "municipal_social" },
    handled_by    = { FAMILY = "municipal_social", MENTOR = "mentor_cso" },
  },
}

test "high risk with stated intent: police join after release, weekly contact" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "low", M03 = "low", A05 = "absent" } },
  context = context_al(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = "separation",                         -- R11
    reassessment  = "2026-09-20",
    contact       = "weekly",
    agencies      = { "probation", "police", "municipal_social" },
  },
}

test "young adult with low literacy: education, mentor and two notes" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context_al({ age = 19, literacy = "low", language = "en" }),
  expect  = {
    interventions = { "MENTOR", "EDUCATION", "VOCATIONAL" },   -- R10, R07, R09
    responsivity  = 2,                                        -- R07, R08
    reassessment  = "2027-06-20",
  },
}

test "beliefs, justification, ties on the wing and a mental disorder" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "high", B02 = "low", M03 = "high", I01 = "high", A05 = "present" } },
  context = context_al(),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "PSY-IND", "RELIGIOUS", "MENTOR",
                      "VOCATIONAL", "FAMILY" },           -- R01, R06; R03, R04, R05; R09, R05
    placement     = "dispersal",                          -- R12
  },
}

test "already past the release date: the municipal service's family work continues" {
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "high" } },
  context = context_al({ expected_release = "2026-03-01" }),
  expect  = {
    window        = "passed", steps = {},
    interventions = { "MENTOR", "FAMILY" },
    not_added     = { "PSY-IND", "VOCATIONAL" },
    agencies      = { "probation", "mentor_cso", "municipal_social" },
  },
}

test "conditional release: the probation service proposes the conditions" {
  result  = { risk = "low", answers = { M03 = "low" } },
  context = context_al({ conditional_release = true, as_of = "2026-07-01",
                         expected_release = "2026-12-20" }),
  expect  = {
    window = "open",
    steps  = { "release_risk_assessment", "accommodation", "employment",
               "identity_documents", "family_contact", "release_conditions",
               "handover_meeting" },
  },
}
