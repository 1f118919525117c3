-- vep-screen-ba-tests.lua -- test cases of vep-screen-ba.lua (illustrative)
--
-- Loaded by vep-screen-ba.lua with require "vep-screen-ba-tests"; run them
-- with
--   vep test instruments/ba/vep-screen-ba.lua
--
-- Every case starts from a screen with all thirteen indicators absent
-- (the core's twelve and BA01) and changes only the answers it is about.
-- Weights: S02, S05, S09, S10 count 2; the other indicators, BA01
-- included, count 1, so the thirteen indicators weigh 17 in all.
-- Prorated value = raw weighted sum x weight of the applicable items /
-- weight of the answered items, rounded to one decimal.

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen_ba(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
    BA01 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- The added indicator BA01
-- ---------------------------------------------------------------------

test "BA: armed group abroad on its own is a negative screen" {
  answers   = screen_ba { BA01 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 1 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "BA: armed group abroad lifts three weaker indicators to a positive screen" {
  -- The core gives 3 (S01, S03, S12): negative. Here BA01 adds 1: 4, positive.
  answers   = screen_ba { S01 = "present", S03 = "present", S12 = "present",
                          BA01 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "BA: the same three indicators without BA01 stay negative" {
  answers   = screen_ba { S01 = "present", S03 = "present", S12 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "BA: every indicator present reaches the new maximum of 17" {
  answers   = screen_ba { S01 = "present", S02 = "present", S03 = "present",
                          S04 = "present", S05 = "present", S06 = "present",
                          S07 = "present", S08 = "present", S09 = "present",
                          S10 = "present", S11 = "present", S12 = "present",
                          BA01 = "present",
                          S05a = "Pressure at exercise (prisoners 2210, 2214)" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 17 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Proration over the weight of 17
-- ---------------------------------------------------------------------

test "BA: BA01 unknown is prorated like any indicator" {
  -- raw 3 (S03 + S09), applicable weight 17, answered 16:
  -- 3 x 17 / 16 = 3.19 -> 3.2, negative
  answers   = screen_ba { BA01 = unknown, S03 = "present", S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3.2 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
  },
}

test "BA: three unknowns lift the total to a positive screen" {
  -- raw 3 (S01, S06, S12), applicable weight 17, answered 12 (S04, S05
  -- and S09 unknown): 3 x 17 / 12 = 4.25 -> 4.3 (the core gives 4.4)
  answers   = screen_ba { S04 = unknown, S05 = unknown, S09 = unknown,
                          S01 = "present", S06 = "present", S12 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4.3 },
    status = { total = "prorated" },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Inherited rules still hold
-- ---------------------------------------------------------------------

test "BA: a critical indicator refers whatever the total" {
  answers   = screen_ba { S10 = "present" },
  judgement = { level = "positive",
                rationale = "Attack instructions found in a cell search." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}

test "BA: rejected: BA01 is required" {
  answers   = (function()
    local a = screen_ba {}
    a.BA01 = nil
    return a
  end)(),
  judgement = { level = "negative" },
  expect    = { invalid = { "missing_required" } },
}

test "BA: rejected: BA01 answered off the scale" {
  answers   = screen_ba { BA01 = "yes" },
  judgement = { level = "negative" },
  expect    = { invalid = { "not_in_scale" } },
}
