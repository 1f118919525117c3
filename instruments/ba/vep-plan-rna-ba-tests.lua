-- vep-plan-rna-ba-tests.lua -- test cases of vep-plan-rna-ba.lua
-- (illustrative)
--
-- Loaded by vep-plan-rna-ba.lua with require "vep-plan-rna-ba-tests"; run
-- them with
--   vep test instruments/ba/vep-plan-rna-ba.lua
--
-- Each case gives the result in short form and the case context, and says
-- what the plan must hold. Lists of agencies come in the order the
-- agencies are declared: the core's first, then the ones added here.
-- Together they make every rule hold at least
-- once, the core's and the added R15. Where the core's plan would give
-- something else, the comment says what.

-- A case context: as of 20 June 2026, release in two years.
local function context_ba(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "bs", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

local steps_ba = { "release_risk_assessment", "accommodation", "employment",
                   "identity_documents", "family_contact", "handover_meeting" }

test "BA plan: moderate risk, grievance high; support by probation and the home centre" {
  result  = { risk = "moderate", scores = { beliefs_high = 1 },
              answers = { B01 = "low", B02 = "high", M03 = "low", I01 = "low",
                          A05 = "absent", A07 = "absent" } },
  context = context_ba(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },          -- R02 and R03 merge; R09
    placement     = "standard",
    reassessment  = "2026-12-20",
    window        = "before",
    steps         = steps_ba,
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "csr_home" },           -- core: probation, social_work
    responsivity  = 0, conflicts = 0,
  },
}

test "BA plan: war trauma adds trauma support and the community mental health centre" {
  result  = { risk = "low",
              answers = { B02 = "low", M03 = "low", A05 = "absent", A07 = "present" } },
  context = context_ba({ expected_release = "2026-12-20" }),   -- the window is open
  expect  = {
    interventions = { "TRAUMA", "VOCATIONAL" },            -- R15 (priority 2), R09 (3)
    window        = "open",
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "handover_meeting",
                      "health_handover" },
    agencies      = { "probation", "csr_home", "community_health" },
  },
}

test "BA plan: a diagnosed disorder also hands health care over before release" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "moderate", M03 = "high", I01 = "low",
                          A05 = "present", A07 = "absent" } },
  context = context_ba({ conditional_release = true }),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "PSY-IND", "RELIGIOUS", "MENTOR",
                      "VOCATIONAL", "FAMILY" },   -- R01, R06; R03, R04, R05; R09, R05
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting", "health_handover" },
    agencies      = { "probation", "mentor_cso", "csr_home" },   -- R14; agencies in catalogue order
    responsivity  = 0,
  },
}

test "BA plan: young adult with low literacy who speaks none of the programme languages" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent", A07 = "absent" } },
  context = context_ba({ age = 19, literacy = "low", language = "de" }),
  expect  = {
    interventions = { "MENTOR", "EDUCATION", "VOCATIONAL" },   -- R10, R07 (adult education), R09
    responsivity  = 2,                                          -- R07, R08
    reassessment  = "2027-06-20",
    agencies      = { "probation", "mentor_cso", "csr_home" },
  },
}

test "BA plan: Bosnian, Croatian and Serbian speakers need no interpreter" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low" } },
  context = context_ba({ language = "hr" }),
  expect  = { interventions = { "VOCATIONAL" }, responsivity = 0 },
}

test "BA plan: high risk, stated intent and ties on the wing: placement rules conflict" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "high", M03 = "low", A05 = "absent", A07 = "absent" } },
  context = context_ba(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = false,                                  -- R11 and R12 disagree
    conflicts     = 1,
    reassessment  = "2026-09-20",
    contact       = "weekly",                               -- R13
    agencies      = { "probation", "police", "csr_home" },
  },
}

test "BA plan: past the release date: trauma support continues in the community" {
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "high", A07 = "present" } },
  context = context_ba({ as_of = "2026-06-20", expected_release = "2026-03-01" }),
  expect  = {
    window        = "passed", steps = {},
    interventions = { "MENTOR", "TRAUMA", "FAMILY" },       -- community / any setting
    not_added     = { "PSY-IND", "VOCATIONAL" },            -- custody only
    agencies      = { "probation", "mentor_cso", "csr_home", "community_health" },
  },
}
