-- vep-plan-rna-ba-srpska-tests.lua -- test cases of
-- vep-plan-rna-ba-srpska.lua (illustrative)
--
-- Loaded by vep-plan-rna-ba-srpska.lua with
-- require "vep-plan-rna-ba-srpska-tests"; run them with
--   vep test instruments/ba/srpska/vep-plan-rna-ba-srpska.lua
--
-- The first cases are about the reassessment interval; the rest of the
-- plan is the state level's, and the last two cases make every inherited
-- rule hold once more, so that the inherited rules are checked on this
-- plan too. Without events, the due date is the assessment date
-- (here the as-of date) plus the interval for the final level, unless the
-- pre-release window opens earlier.

-- A case context: as of 20 June 2026, release in two years.
local function context_srpska(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 41, regime = "standard",
              language = "sr-Cyrl", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

test "Srpska plan: moderate risk is reassessed after 4 months" {
  -- state level and core: 2026-12-20 (6 months)
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "low", A05 = "absent", A07 = "absent" } },
  context = context_srpska(),
  expect  = {
    reassessment  = "2026-10-20",
    interventions = { "PSY-IND", "VOCATIONAL" },
    agencies      = { "probation", "csr_home" },   -- inherited from the state level
  },
}

test "Srpska plan: high risk stays at 3 months" {
  result  = { risk = "high", answers = { B02 = "low", M03 = "low" } },
  context = context_srpska(),
  expect  = { reassessment = "2026-09-20", contact = "weekly" },
}

test "Srpska plan: low risk stays at 12 months" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low" } },
  context = context_srpska(),
  expect  = { reassessment = "2027-06-20" },
}

test "Srpska plan: an incident brings the moderate reassessment forward" {
  -- incident on 2026-06-25, within 14 days: 2026-07-09, before 2026-10-20
  result  = { risk = "moderate", date = "2026-06-20", answers = { B02 = "low", M03 = "low" } },
  context = context_srpska({ as_of = "2026-07-01",
                             events = { { type = "incident", date = "2026-06-25" } } }),
  expect  = { reassessment = "2026-07-09" },
}

test "Srpska plan: every inherited need rule at once, with the 4-month interval" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "moderate", M03 = "high", I01 = "low",
                          A05 = "present", A07 = "present" } },
  context = context_srpska({ age = 19, literacy = "low", language = "de",
                             conditional_release = true }),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "MENTOR", "PSY-IND", "RELIGIOUS",
                      "EDUCATION", "TRAUMA", "VOCATIONAL", "FAMILY" },
    responsivity  = 2,                                   -- R07, R08
    reassessment  = "2026-10-20",
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting", "health_handover" },
    agencies      = { "probation", "mentor_cso", "csr_home", "community_health" },
  },
}

test "Srpska plan: high risk with intent and ties on the wing: placement conflict" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "low", I01 = "high", M03 = "low" } },
  context = context_srpska(),
  expect  = { placement = false, conflicts = 1, reassessment = "2026-09-20" },
}
