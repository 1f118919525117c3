-- vep-screen-rs-tests.lua -- test cases of vep-screen-rs.lua (illustrative)
--
-- Loaded by vep-screen-rs.lua with require "vep-screen-rs-tests"; run them
-- with
--   vep test instruments/rs/vep-screen-rs.lua
--
-- Every case starts from a screen with all thirteen indicators absent and
-- changes only the answers it is about. Weights: S02, S05, S09 and S10
-- count 2; the other indicators, RS01 among them, count 1, so the
-- indicators weigh 17 in all. Negative 0-4.9, positive 5-17 (the core:
-- positive from 4).

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen_rs(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
    RS01 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- The changed cut-off
-- ---------------------------------------------------------------------

test "cut-off: a total of 4 is negative here (positive in the core)" {
  answers   = screen_rs { S01 = "present", S03 = "present", S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 4 },                      -- 1 + 1 + 2
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "cut-off: a total of 5 is positive" {
  answers   = screen_rs { S01 = "present", S03 = "present", S09 = "present",
                          S12 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 5 },                      -- 1 + 1 + 2 + 1
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "cut-off: a prorated 4.9 is still negative" {
  -- raw 4 (S01, S03, S09), applicable weight 17, answered 14 (S04, S08
  -- and S11 unknown): 4 x 17 / 14 = 4.857 -> 4.9
  answers   = screen_rs { S04 = unknown, S08 = unknown, S11 = unknown,
                          S01 = "present", S03 = "present", S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 4.9 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

-- ---------------------------------------------------------------------
-- The added indicator RS01
-- ---------------------------------------------------------------------

test "added indicator: RS01 alone counts one point" {
  answers   = screen_rs { RS01 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 1 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "added indicator: RS01 tips the total to a positive screen" {
  answers   = screen_rs { RS01 = "present", S01 = "present", S07 = "present",
                          S09 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 5 },                      -- 1 + 1 + 1 + 2
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "added indicator: RS01 unknown is prorated over 17" {
  -- raw 4 (S05 + S09), applicable weight 17, answered 16: 4 x 17 / 16 =
  -- 4.25 -> 4.3; still referred, by the critical indicator S05
  answers   = screen_rs { RS01 = unknown, S05 = "present", S09 = "present",
                          S05a = "Pressure on two prisoners at work (1187, 1203)" },
  judgement = { level = "positive",
                rationale = "Recruiting is a critical indicator: refer whatever the total." },
  expect    = {
    scores = { total = 4.3 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}

test "every indicator present: the total reaches 17" {
  answers   = screen_rs { S01 = "present", S02 = "present", S03 = "present",
                          S04 = "present", S05 = "present", S06 = "present",
                          S07 = "present", S08 = "present", S09 = "present",
                          S10 = "present", S11 = "present", S12 = "present",
                          RS01 = "present",
                          S05a = "Group named in the security report" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 17 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Rejected assessments
-- ---------------------------------------------------------------------

-- The form without RS01, as the core form would be filled in.
local function without_rs01()
  local answers = screen_rs {}
  answers.RS01 = nil
  return answers
end

test "rejected: RS01 is required" {
  answers   = without_rs01(),
  judgement = { level = "negative" },
  expect    = { invalid = { "missing_required" } },
}

test "rejected: a total of 4 judged positive without a rationale" {
  answers   = screen_rs { S01 = "present", S03 = "present", S09 = "present" },   -- 4: negative
  judgement = { level = "positive" },
  expect    = { invalid = { "rationale_required" } },
}
