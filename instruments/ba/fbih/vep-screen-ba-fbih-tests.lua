-- vep-screen-ba-fbih-tests.lua -- test cases of vep-screen-ba-fbih.lua
-- (illustrative)
--
-- Loaded by vep-screen-ba-fbih.lua with require "vep-screen-ba-fbih-tests";
-- run them with
--   vep test instruments/ba/fbih/vep-screen-ba-fbih.lua
--
-- Every case starts from a screen with all thirteen indicators absent and
-- changes only the answers it is about. Weights: S02, S05, S09, S10 count
-- 2; the others (BA01 included) count 1; 17 in all. The cut-off is 3
-- (the state level and the core: 4).

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen_fbih(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
    BA01 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

test "FBiH: three weaker indicators are a positive screen here" {
  -- total 3: negative at state level and in the core, positive here
  answers   = screen_fbih { S01 = "present", S03 = "present", S12 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 3 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "FBiH: two weaker indicators stay negative" {
  answers   = screen_fbih { S03 = "present", S12 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "FBiH: the inherited BA01 and propaganda reach the cut-off" {
  -- S09 (2) + BA01 (1) = 3: positive
  answers   = screen_fbih { S09 = "present", BA01 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 3 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "FBiH: a prorated 2.8 falls just below the cut-off" {
  -- raw 2 (S01, S06), applicable weight 17, answered 12 (S04, S05, S09
  -- unknown): 2 x 17 / 12 = 2.83 -> 2.8, negative
  answers   = screen_fbih { S04 = unknown, S05 = unknown, S09 = unknown,
                            S01 = "present", S06 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2.8 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "FBiH: a prorated 3.2 is positive" {
  -- raw 3 (S03 + S09), applicable weight 17, answered 16 (BA01 unknown):
  -- 3 x 17 / 16 = 3.19 -> 3.2; negative at state level, positive here
  answers   = screen_fbih { BA01 = unknown, S03 = "present", S09 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 3.2 },
    status = { total = "prorated" },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "FBiH: rejected: a negative judgement on a positive screen needs a rationale" {
  answers   = screen_fbih { S01 = "present", S03 = "present", S12 = "present" },
  judgement = { level = "negative" },
  expect    = { invalid = { "rationale_required" } },
}
