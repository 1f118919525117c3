-- vep-screen-mk-tests.lua -- test cases of vep-screen-mk.lua (illustrative)
--
-- Loaded by vep-screen-mk.lua with require "vep-screen-mk-tests"; run with
--   vep test instruments/mk/vep-screen-mk.lua
--
-- Every case starts from a screen with all twelve indicators absent and
-- changes only the answers it is about. Weights: S02, S05, S09, S10 and,
-- in this adaptation, S11 count 2; the others 1: 17 in all. Cut-off as in
-- the core: 4 or more is positive. Prorated values:
--   weighted raw sum x applicable weight / answered weight, one decimal.

-- The answers of a screen with every indicator absent, with `changes`.
local function screen_mk(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- The changed weight of S11
-- ---------------------------------------------------------------------

test "contacts with extremist groups count 2" {
  answers   = screen_mk { S11 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2 },                                   -- the core: 1
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "S11 with two weaker indicators: positive (the core: 3, negative)" {
  answers   = screen_mk { S11 = "present", S03 = "present", S12 = "present" },   -- 2 + 1 + 1
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "S11 unknown: prorated by its weight of 2" {
  -- raw 3 (S01 + S09), applicable weight 17, answered 15 (S11 unknown,
  -- weight 2): 3 x 17 / 15 = 3.4 (the core: 3 x 16 / 15 = 3.2)
  answers   = screen_mk { S11 = unknown, S01 = "present", S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3.4 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "every indicator present: the new maximum of 17" {
  answers   = screen_mk { S01 = "present", S02 = "present", S03 = "present",
                          S04 = "present", S05 = "present",
                          S05a = "Група наведена во извештајот; притисок со закани при прошетка",
                          S06 = "present", S07 = "present", S08 = "present",
                          S09 = "present", S10 = "present", S11 = "present",
                          S12 = "present", S13 = 3 },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 17 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- The core's rules still hold
-- ---------------------------------------------------------------------

test "critical indicator alone still refers" {
  answers   = screen_mk { S10 = "present" },
  judgement = { level = "positive",
                rationale = "При претрес се пронајдени упатства за напад; упатување без оглед на збирот." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}

test "rejected: a positive judgement on a total of 2 without a rationale" {
  answers   = screen_mk { S11 = "present" },
  judgement = { level = "positive" },
  expect    = { invalid = { "rationale_required" } },
}
