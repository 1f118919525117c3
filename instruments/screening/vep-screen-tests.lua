-- vep-screen-tests.lua -- test cases of vep-screen.lua (illustrative tool)
--
-- Loaded by vep-screen.lua with require "vep-screen-tests"; run them with
--   vep test instruments/screening/vep-screen.lua
--
-- Every case starts from a screen with all twelve indicators absent and
-- changes only the answers it is about. Expected prorated values are worked
-- out by hand in the comments:
--   value = weighted raw sum x weight of the applicable items / weight of
--   the answered items, rounded to one decimal (score "total" has
--   decimals = 1).
-- Weights: S02, S05, S09, S10 count 2; the other indicators count 1, so
-- the twelve indicators weigh 16 in all.

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- Negative and positive screens
-- ---------------------------------------------------------------------

test "negative screen: two weaker indicators" {
  answers   = screen { S03 = "present", S12 = "present", S13 = 0 },
  judgement = { level = "negative" },   -- agrees: no rationale needed
  expect    = {
    scores = { total = 2 },                      -- 1 + 1
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "positive screen: recruiting, propaganda and isolation" {
  answers = screen {
    S01  = "present",
    S05  = { value = "present",
             evidence = { ["for"]  = { "security report 4/2026: two prisoners complained of pressure" },
                          against  = { "no disciplinary finding yet" } } },
    S05a = "Group named in the report; pressure by threats at exercise (prisoners 1187, 1203)",
    S07  = "present",
    S09  = "present",
    S13  = 2,
  },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 6 },                      -- 1 + 2 + 1 + 2
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Unknown and not applicable answers
-- ---------------------------------------------------------------------

test "prorated: three unknowns, rounded to one decimal" {
  -- raw 2 (S09), applicable weight 16, answered 13: 2 x 16 / 13 = 2.46 -> 2.5
  answers   = screen { S04 = unknown, S08 = unknown, S11 = unknown,
                       S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2.5 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "prorated: three unknowns lift the total to a positive screen" {
  -- raw 3 (S01, S06, S12), applicable weight 16, answered 11 (S04, S05
  -- and S09 unknown): 3 x 16 / 11 = 4.36 -> 4.4
  answers   = screen { S04 = unknown, S05 = unknown, S09 = unknown,
                       S01 = "present", S06 = "present", S12 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4.4 },
    status = { total = "prorated" },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "prorated: a not applicable indicator is left out, not counted unknown" {
  -- raw 3 (S03 + S09), applicable weight 15 (S11 n.a.), answered 14 (S04
  -- unknown): 3 x 15 / 14 = 3.21 -> 3.2
  answers   = screen { S11 = not_applicable, S04 = unknown,
                       S03 = "present", S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3.2 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "incomplete: four unknowns, yet a critical indicator still refers" {
  answers   = screen { S03 = unknown, S04 = unknown, S08 = unknown,
                       S11 = unknown, S10 = "present" },
  judgement = { level = "positive",
                rationale = "Attack instructions found in a cell search; total incomplete." },
  expect    = {
    status = { total = "incomplete" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Critical indicators
-- ---------------------------------------------------------------------

test "critical indicator: negative level, referral flag raised" {
  answers   = screen { S02 = "present" },
  judgement = { level = "positive",
                rationale = "Stated intention to use violence: refer whatever the total." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Rejected assessments
-- ---------------------------------------------------------------------

test "rejected: recruiting detail given although S05 is absent" {
  answers   = screen { S05a = "Pressure on other prisoners at exercise" },
  judgement = { level = "negative" },
  expect    = { invalid = { "not_relevant" } },
}

test "rejected: value off the scale" {
  answers   = screen { S01 = "maybe" },
  judgement = { level = "negative" },
  expect    = { invalid = { "not_in_scale" } },
}

test "rejected: final level differs from the advisory one without a rationale" {
  answers   = screen { S03 = "present" },        -- total 1: negative
  judgement = { level = "positive" },
  expect    = { invalid = { "rationale_required" } },
}

test "rejected: incident count above its maximum" {
  answers   = screen { S13 = 75 },
  judgement = { level = "negative" },
  expect    = { invalid = { "out_of_range" } },
}

test "rejected: more than six unknown answers" {
  answers   = screen { S01 = unknown, S03 = unknown, S04 = unknown,
                       S06 = unknown, S07 = unknown, S08 = unknown,
                       S11 = unknown },
  judgement = { level = "negative",
                rationale = "Too little information for a screen." },
  expect    = { invalid = { "too_many_unknowns" } },
}
