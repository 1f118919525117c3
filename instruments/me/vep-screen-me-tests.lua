-- vep-screen-me-tests.lua -- test cases of vep-screen-me.lua (illustrative)
--
-- Loaded by vep-screen-me.lua with require "vep-screen-me-tests"; run them
-- with
--   vep test instruments/me/vep-screen-me.lua
--
-- Every case starts from a screen with all thirteen indicators absent and
-- changes only the answers it is about. Weights: S02, S05, S09, S10, S11
-- and ME01 count 2; the other indicators count 1, so the indicators weigh
-- 19 in all. Negative 0-3.9, positive 4-19 (the cut-off of the core).

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen_me(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
    ME01 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- The changed weight of S11
-- ---------------------------------------------------------------------

test "changed weight: S11 and two weaker indicators are positive here (3, negative, in the core)" {
  answers   = screen_me { S11 = "present", S01 = "present", S03 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4 },                      -- 2 + 1 + 1
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "changed weight: S11 alone counts two points" {
  answers   = screen_me { S11 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

-- ---------------------------------------------------------------------
-- The added indicator ME01
-- ---------------------------------------------------------------------

test "added indicator: ME01 alone counts two points" {
  answers   = screen_me { ME01 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "added indicator: ME01 with two weaker indicators is a positive screen" {
  answers   = screen_me { ME01 = "present", S07 = "present", S12 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4 },                      -- 2 + 1 + 1
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "added indicator: ME01 and S11 unknown are prorated over 19" {
  -- raw 2 (S09), applicable weight 19, answered 14 (ME01, S11 and S04
  -- unknown: 2 + 2 + 1): 2 x 19 / 14 = 2.71 -> 2.7
  answers   = screen_me { ME01 = unknown, S11 = unknown, S04 = unknown,
                          S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2.7 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "every indicator present: the total reaches 19" {
  answers   = screen_me { S01 = "present", S02 = "present", S03 = "present",
                          S04 = "present", S05 = "present", S06 = "present",
                          S07 = "present", S08 = "present", S09 = "present",
                          S10 = "present", S11 = "present", S12 = "present",
                          ME01 = "present",
                          S05a = "Group named in the security report" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 19 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Inherited rules still hold
-- ---------------------------------------------------------------------

test "critical indicator (Montenegro): negative level, referral flag raised" {
  answers   = screen_me { S10 = "present" },
  judgement = { level = "positive",
                rationale = "Attack instructions found in a cell search: refer whatever the total." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Rejected assessments
-- ---------------------------------------------------------------------

-- The form without ME01, as the core form would be filled in.
local function without_me01()
  local answers = screen_me {}
  answers.ME01 = nil
  return answers
end

test "rejected: ME01 is required" {
  answers   = without_me01(),
  judgement = { level = "negative" },
  expect    = { invalid = { "missing_required" } },
}

test "rejected: a total of 4 judged negative without a rationale" {
  answers   = screen_me { S11 = "present", S01 = "present", S03 = "present" },
  judgement = { level = "negative" },
  expect    = { invalid = { "rationale_required" } },
}
