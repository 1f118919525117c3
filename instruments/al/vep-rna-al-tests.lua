-- vep-rna-al-tests.lua -- test cases of vep-rna-al.lua (illustrative tool)
--
-- Loaded by vep-rna-al.lua with require "vep-rna-al-tests"; run them with
--   vep test instruments/al/vep-rna-al.lua
--
-- Every case starts from the core's quiet profile (every risk indicator
-- low, every protective indicator high, no additional indicator present)
-- and changes only the ratings it is about. Values: low 0, moderate 1,
-- high 2. The cases that matter most are those where Albania's threshold
-- for weak protection (at most two high) gives another answer than the
-- core's (at most one high).

-- The quiet profile with `changes` applied on top.
local function rated_al(changes)
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
-- The adapted weak-protection flag
-- ---------------------------------------------------------------------

test "quiet profile: six protective factors high, no flag" {
  answers   = rated_al {},
  judgement = { level = "low", rationale = "Asnjë tregues i tanishëm rreziku; faktorë mbrojtës të fortë." },
  expect    = {
    scores = { protective_high = 6, protective_profile = 12, beliefs_high = 0 },
    flags  = { protective_weak = false, capability_with_intent = false,
               intent_stated = false, commitment_several_high = false },
  },
}

test "two protective factors high: weak protection flagged (the core would not flag it)" {
  -- P01, P02 high; profile = 2 + 2 + 1 + 1 + 0 + 1 = 7
  answers   = rated_al { P03 = "moderate", P04 = "moderate", P05 = "low", P06 = "moderate" },
  judgement = { level = "moderate", rationale = "Pak faktorë mbrojtës; treguesit e rrezikut të ulët." },
  expect    = {
    scores = { protective_high = 2, protective_profile = 7 },
    flags  = { protective_weak = true },
  },
}

test "the core's own case: n.a. and two unknowns, two high, now flagged" {
  -- the core's "not applicable is left out" case expects no flag; here
  -- P06 n.a., P03 and P04 unknown (2 = the maximum), P05 moderate:
  -- high count = 2 (P01, P02), profile = 2 + 2 + 1 = 5
  answers   = rated_al { P06 = not_applicable, P03 = unknown, P04 = unknown, P05 = "moderate" },
  judgement = { level = "low", rationale = "Refuzon dhunën; dosja e programeve nuk ka ardhur ende." },
  expect    = {
    scores = { protective_high = 2, protective_profile = 5 },
    status = { protective_high = "partial", protective_profile = "partial" },
    flags  = { protective_weak = true },
  },
}

test "three protective factors high: no flag (boundary)" {
  -- P01, P02, P03 high; profile = 2 + 2 + 2 + 1 + 1 + 1 = 9
  answers   = rated_al { P04 = "moderate", P05 = "moderate", P06 = "moderate" },
  judgement = { level = "low", rationale = "Tre faktorë mbrojtës të fortë." },
  expect    = {
    scores = { protective_high = 3, protective_profile = 9 },
    flags  = { protective_weak = false },
  },
}

test "protective domain incomplete: the flag is still not raised" {
  answers   = rated_al { P01 = unknown, P02 = unknown, P03 = unknown, P04 = "low",
                         P05 = "low", P06 = "low" },
  judgement = { level = "moderate", rationale = "Faktorët mbrojtës nuk mund të vlerësoheshin." },
  expect    = {
    status = { protective_high = "incomplete" },
    flags  = { protective_weak = false },
  },
}

-- ---------------------------------------------------------------------
-- Inherited rules still work
-- ---------------------------------------------------------------------

test "inherited: capability with intent and stated intent still flagged" {
  answers   = rated_al { H04 = "high", I04 = "high" },
  judgement = { level = "high", rationale = "Trajnim luftarak dhe një deklaratë e fundit e synimit." },
  expect    = {
    scores = { capability_intent = 1, history_high = 1, social_high = 1 },
    flags  = { capability_with_intent = true, intent_stated = true, protective_weak = false },
  },
}

test "rejected: an Albanian judgement without a rationale" {
  answers   = rated_al {},
  judgement = { level = "low" },
  expect    = { invalid = { "rationale_required" } },
}
