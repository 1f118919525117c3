-- vep-screen-al-tests.lua -- test cases of vep-screen-al.lua (illustrative)
--
-- Loaded by vep-screen-al.lua with require "vep-screen-al-tests"; run with
--   vep test instruments/al/vep-screen-al.lua
--
-- Every case starts from a screen with all twelve indicators absent and
-- changes only the answers it is about. Weights as in the core: S02, S05,
-- S09, S10 count 2, the others 1 (16 in all). Albania's cut-off: 3 or
-- more is positive (the core: 4 or more). Prorated values:
--   weighted raw sum x applicable weight / answered weight, one decimal.

-- The answers of a screen with every indicator absent, with `changes`.
local function screen_al(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- The lower cut-off
-- ---------------------------------------------------------------------

test "total 3: positive in Albania (the core: negative)" {
  answers   = screen_al { S01 = "present", S03 = "present", S12 = "present" },   -- 1 + 1 + 1
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 3 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "total 2: negative, no referral" {
  answers   = screen_al { S03 = "present", S12 = "present", S13 = 0 },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "prorated 3.2: positive in Albania (the core: negative)" {
  -- raw 3 (S03 + S09), applicable weight 15 (S11 n.a.), answered 14 (S04
  -- unknown): 3 x 15 / 14 = 3.21 -> 3.2
  answers   = screen_al { S11 = not_applicable, S04 = unknown,
                          S03 = "present", S09 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 3.2 },
    status = { total = "prorated" },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "prorated 2.5: still negative" {
  -- raw 2 (S09), applicable weight 16, answered 13: 2 x 16 / 13 = 2.46 -> 2.5
  answers   = screen_al { S04 = unknown, S08 = unknown, S11 = unknown, S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2.5 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "critical indicator alone: negative level, referral flag raised" {
  answers   = screen_al { S10 = "present" },
  judgement = { level = "positive",
                rationale = "U gjetën udhëzime për sulm gjatë kontrollit të dhomës." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Rejected: the advisory level moved, so a negative judgement on a
-- total of 3 now needs a rationale (the core would accept it as agreeing)
-- ---------------------------------------------------------------------

test "rejected: negative judgement on a total of 3 without a rationale" {
  answers   = screen_al { S01 = "present", S06 = "present", S08 = "present" },
  judgement = { level = "negative" },
  expect    = { invalid = { "rationale_required" } },
}
