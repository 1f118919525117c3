-- vep-screen-ba-brcko-tests.lua -- test cases of vep-screen-ba-brcko.lua
-- (illustrative)
--
-- Loaded by vep-screen-ba-brcko.lua with require "vep-screen-ba-brcko-tests";
-- run them with
--   vep test instruments/ba/brcko/vep-screen-ba-brcko.lua
--
-- Every case starts from a screen with all thirteen indicators absent
-- (the core's twelve and the state level's BA01) and changes only the
-- answers it is about. Weights: S02, S05, S09, S10 and, here, S11 count
-- 2; the others (BA01 included) count 1; 18 in all. The cut-off is 4.

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen_brcko(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
    BA01 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

test "Brcko: outside contacts count double and make a positive screen" {
  -- S11 (2) + S01 + S03 = 4: positive. At state level S11 counts 1: 3, negative.
  answers   = screen_brcko { S11 = "present", S01 = "present", S03 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "Brcko: outside contacts alone weigh 2, a negative screen" {
  answers   = screen_brcko { S11 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "Brcko: S11 unknown weighs 2 in the proration" {
  -- raw 3 (S09 + BA01), applicable weight 18, answered 16 (S11 unknown,
  -- weight 2): 3 x 18 / 16 = 3.375 -> 3.4 (state level: 3 x 17 / 16 = 3.2)
  answers   = screen_brcko { S11 = unknown, S09 = "present", BA01 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3.4 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
  },
}

test "Brcko: every indicator present reaches the new maximum of 18" {
  answers   = screen_brcko { S01 = "present", S02 = "present", S03 = "present",
                             S04 = "present", S05 = "present", S06 = "present",
                             S07 = "present", S08 = "present", S09 = "present",
                             S10 = "present", S11 = "present", S12 = "present",
                             BA01 = "present",
                             S05a = "Pressure during visits (prisoners 4102, 4119)" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 18 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "Brcko: a critical indicator still refers whatever the total" {
  answers   = screen_brcko { S05 = "present",
                             S05a = "Threats at exercise (prisoners 4120, 4121)" },
  judgement = { level = "positive",
                rationale = "Pressure on other prisoners: refer whatever the total." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}
