-- vep-rna-rs-tests.lua -- test cases of vep-rna-rs.lua (illustrative)
--
-- Loaded by vep-rna-rs.lua with require "vep-rna-rs-tests"; run them with
--   vep test instruments/rs/vep-rna-rs.lua
--
-- Every case starts from a quiet profile (every risk indicator low, every
-- protective indicator high, no additional indicator present, A07 among
-- them) and changes only the ratings it is about. Values: low 0,
-- moderate 1, high 2.

-- The quiet profile with `changes` applied on top.
local function rated_rs(changes)
  local answers = {
    B01 = "low",  B02 = "low",  B03 = "low",  B04 = "low",  B05 = "low",  B06 = "low",
    I01 = "low",  I02 = "low",  I03 = "low",  I04 = "low",  I05 = "low",  I06 = "low",
    H01 = "low",  H02 = "low",  H03 = "low",  H04 = "low",  H05 = "low",  H06 = "low",
    M01 = "low",  M02 = "low",  M03 = "low",  M04 = "low",  M05 = "low",  M06 = "low",
    P01 = "high", P02 = "high", P03 = "high", P04 = "high", P05 = "high", P06 = "high",
    A01 = "absent", A02 = "absent", A03 = "absent",
    A04 = "absent", A05 = "absent", A06 = "absent", A07 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

test "quiet profile (Serbia): no flag, nothing present" {
  answers   = rated_rs {},
  judgement = { level = "low", rationale = "No current risk indicator; strong protective factors." },
  expect    = {
    scores = { commitment_high = 0, additional_present = 0, capability_intent = 0,
               protective_high = 6 },
    flags  = { capability_with_intent = false, intent_stated = false,
               commitment_several_high = false, protective_weak = false },
  },
}

-- ---------------------------------------------------------------------
-- The changed flag threshold
-- ---------------------------------------------------------------------

test "commitment: two indicators high raise the flag here (three in the core)" {
  -- count of high = 2; profile = 2 + 2 + 1 = 5
  answers   = rated_rs { M03 = "high", M04 = "high", M06 = "moderate" },
  judgement = { level = "moderate", rationale = "Belonging and moral duty through the group." },
  expect    = {
    scores = { commitment_high = 2, commitment_profile = 5 },
    flags  = { commitment_several_high = true },
  },
}

test "commitment: one indicator high does not raise the flag" {
  answers   = rated_rs { M03 = "high", M04 = "moderate", M06 = "moderate" },
  judgement = { level = "low", rationale = "Some attachment to the group, no other concern." },
  expect    = {
    scores = { commitment_high = 1, commitment_profile = 4 },
    flags  = { commitment_several_high = false },
  },
}

test "commitment: unknown ratings leave the count partial, the flag still raised" {
  -- M01 and M02 unknown (2 = the maximum): count over the other four
  answers   = rated_rs { M01 = unknown, M02 = unknown, M03 = "high", M05 = "high" },
  judgement = { level = "moderate", rationale = "Two commitment indicators high; file incomplete." },
  expect    = {
    scores = { commitment_high = 2 },
    status = { commitment_high = "partial" },
    flags  = { commitment_several_high = true },
  },
}

-- ---------------------------------------------------------------------
-- The added additional indicator A07
-- ---------------------------------------------------------------------

test "added indicator: A07 alone counts as one additional indicator" {
  answers   = rated_rs { A07 = "present" },
  judgement = { level = "low", rationale = "Earlier ties recorded; none now." },
  expect    = { scores = { additional_present = 1, history_high = 0 } },
}

test "added indicator: A07 with two core indicators gives three" {
  answers   = rated_rs { A01 = "present", A06 = "present", A07 = "present" },
  judgement = { level = "moderate", rationale = "Violent past, drug use, earlier ties." },
  expect    = { scores = { additional_present = 3 } },
}

test "added indicator: A07 unknown with two others makes the count incomplete" {
  answers   = rated_rs { A03 = unknown, A04 = unknown, A07 = unknown },
  judgement = { level = "low", rationale = "Earlier files not yet received." },
  expect    = { status = { additional_present = "incomplete" } },
}

-- ---------------------------------------------------------------------
-- Inherited rules still hold
-- ---------------------------------------------------------------------

test "capability with intent (Serbia): training and a named target" {
  answers   = rated_rs { H04 = "high", I03 = "high" },
  judgement = { level = "high", rationale = "Combat training and a recently named target." },
  expect    = {
    scores = { capability_intent = 1 },
    flags  = { capability_with_intent = true, intent_stated = false },
  },
}

-- ---------------------------------------------------------------------
-- Rejected assessments
-- ---------------------------------------------------------------------

-- The quiet profile as the core form would be filled in: without A07.
local function without_a07()
  local answers = rated_rs {}
  answers.A07 = nil
  return answers
end

test "rejected: A07 is required" {
  answers   = without_a07(),
  judgement = { level = "low", rationale = "Test case." },
  expect    = { invalid = { "missing_required" } },
}

test "rejected: a low judgement without a rationale" {
  answers   = rated_rs {},
  judgement = { level = "low" },
  expect    = { invalid = { "rationale_required" } },
}
