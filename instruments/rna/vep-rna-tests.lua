-- vep-rna-tests.lua -- test cases of vep-rna.lua (illustrative tool)
--
-- Loaded by vep-rna.lua with require "vep-rna-tests"; run them with
--   vep test instruments/rna/vep-rna.lua
--
-- Every case starts from a quiet profile (every risk indicator low, every
-- protective indicator high, no additional indicator present) and changes
-- only the ratings it is about. Values: low 0, moderate 1, high 2.

-- The quiet profile with `changes` applied on top.
local function rated(changes)
  local answers = {
    B01 = "low",  B02 = "low",  B03 = "low",  B04 = "low",  B05 = "low",  B06 = "low",
    I01 = "low",  I02 = "low",  I03 = "low",  I04 = "low",  I05 = "low",  I06 = "low",
    H01 = "low",  H02 = "low",  H03 = "low",  H04 = "low",  H05 = "low",  H06 = "low",
    M01 = "low",  M02 = "low",  M03 = "low",  M04 = "low",  M05 = "low",  M06 = "low",
    P01 = "high", P02 = "high", P03 = "high", P04 = "high", P05 = "high", P06 = "high",
    A01 = "absent", A02 = "absent", A03 = "absent",
    A04 = "absent", A05 = "absent", A06 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- Profiles and counts
-- ---------------------------------------------------------------------

test "quiet profile: no high risk indicator, strong protection" {
  answers   = rated {},
  judgement = { level = "low", rationale = "No current risk indicator; strong protective factors." },
  expect    = {
    scores = { beliefs_high = 0, social_high = 0, history_high = 0, commitment_high = 0,
               protective_high = 6, protective_profile = 12, beliefs_profile = 0,
               additional_present = 0, capability_intent = 0 },
    flags  = { capability_with_intent = false, intent_stated = false,
               commitment_several_high = false, protective_weak = false },
  },
}

test "beliefs domain: three high, two moderate" {
  -- count of high = 3; profile = 2 + 2 + 2 + 1 + 1 + 0 = 8
  answers   = rated { B01 = "high", B02 = "high", B03 = "high",
                      B04 = "moderate", B05 = "moderate" },
  judgement = { level = "moderate", rationale = "Entrenched beliefs, no intention or capability." },
  expect    = {
    scores = { beliefs_high = 3, beliefs_profile = 8, social_high = 0 },
    flags  = { capability_with_intent = false },
  },
}

test "additional indicators: two present" {
  answers   = rated { A01 = "present", A06 = "present" },
  judgement = { level = "low", rationale = "Past violence and drug use, not linked to a cause." },
  expect    = { scores = { additional_present = 2, history_high = 0 } },
}

-- ---------------------------------------------------------------------
-- Capability with intent (function score)
-- ---------------------------------------------------------------------

test "capability with intent: training and stated intent both high" {
  answers   = rated { H04 = "high", I04 = "high" },
  judgement = { level = "high", rationale = "Combat training and a recent statement of intent." },
  expect    = {
    scores = { capability_intent = 1, history_high = 1, social_high = 1,
               history_profile = 2, social_profile = 2 },
    flags  = { capability_with_intent = true, intent_stated = true },
  },
}

test "capability without intent: pattern absent" {
  -- history profile 2 + 2 = 4; social profile 1 + 1 = 2
  answers   = rated { H04 = "high", H06 = "high", I03 = "moderate", I04 = "moderate" },
  judgement = { level = "moderate", rationale = "Capability without current intention." },
  expect    = {
    scores = { capability_intent = 0, history_high = 2, history_profile = 4,
               social_high = 0, social_profile = 2 },
    flags  = { capability_with_intent = false, intent_stated = false },
  },
}

-- ---------------------------------------------------------------------
-- Flags
-- ---------------------------------------------------------------------

test "commitment: three indicators high raise the flag" {
  answers   = rated { M01 = "high", M03 = "high", M04 = "high", M06 = "moderate" },
  judgement = { level = "moderate", rationale = "Strong commitment to the group, no capability." },
  expect    = {
    scores = { commitment_high = 3, commitment_profile = 7 },
    flags  = { commitment_several_high = true },
  },
}

test "protective factors weak: only one rated high" {
  answers   = rated { P02 = "low", P03 = "moderate", P04 = "low", P05 = "low", P06 = "moderate" },
  judgement = { level = "moderate", rationale = "Few protective factors; risk indicators low." },
  expect    = {
    scores = { protective_high = 1, protective_profile = 4 },   -- 2 + 0 + 1 + 0 + 0 + 1
    flags  = { protective_weak = true },
  },
}

-- ---------------------------------------------------------------------
-- Unknown and not applicable ratings
-- ---------------------------------------------------------------------

test "not applicable is left out and not counted as unknown" {
  -- P06 n.a. (no release date), P03 and P04 unknown (2 = the maximum):
  -- high count = 2 (P01, P02); profile = 2 + 2 + 1 = 5 over P01, P02, P05
  answers   = rated { P06 = not_applicable, P03 = unknown, P04 = unknown, P05 = "moderate" },
  judgement = { level = "low", rationale = "Rejects violence; programme file not yet received." },
  expect    = {
    scores = { protective_high = 2, protective_profile = 5 },
    status = { protective_high = "partial", protective_profile = "partial" },
    flags  = { protective_weak = false },
  },
}

test "three unknowns in a domain: no count, no profile" {
  answers   = rated { B01 = unknown, B02 = unknown, B03 = unknown, B04 = "high" },
  judgement = { level = "moderate", rationale = "Beliefs not yet assessed; interview pending." },
  expect    = {
    status = { beliefs_high = "incomplete", beliefs_profile = "incomplete" },
    scores = { social_high = 0 },
  },
}

test "protective domain incomplete: the weak-protection flag is not raised" {
  answers   = rated { P01 = unknown, P02 = unknown, P03 = unknown, P04 = "low",
                      P05 = "low", P06 = "low" },
  judgement = { level = "moderate", rationale = "Protective factors could not be assessed." },
  expect    = {
    status = { protective_high = "incomplete" },
    flags  = { protective_weak = false },
  },
}

-- ---------------------------------------------------------------------
-- Rejected assessments
-- ---------------------------------------------------------------------

test "rejected: rating off the scale" {
  answers   = rated { B01 = "very_high" },
  judgement = { level = "low", rationale = "Test case." },
  expect    = { invalid = { "not_in_scale" } },
}

test "rejected: presence item rated with a scale code" {
  answers   = rated { A05 = "high" },
  judgement = { level = "low", rationale = "Test case." },
  expect    = { invalid = { "not_in_scale" } },
}

test "rejected: judgement without a rationale" {
  answers   = rated {},
  judgement = { level = "low" },
  expect    = { invalid = { "rationale_required" } },
}

test "rejected: judgement level not in the list" {
  answers   = rated {},
  judgement = { level = "severe", rationale = "Test case." },
  expect    = { invalid = { "unknown_level" } },
}
