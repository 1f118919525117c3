-- vep-screen-ba-srpska-tests.lua -- test cases of vep-screen-ba-srpska.lua
-- (illustrative)
--
-- Loaded by vep-screen-ba-srpska.lua with
-- require "vep-screen-ba-srpska-tests"; run them with
--   vep test instruments/ba/srpska/vep-screen-ba-srpska.lua
--
-- Every case starts from a screen with all fourteen indicators absent
-- (the core's twelve, the state level's BA01 and SRP01) and changes only
-- the answers it is about. Weights: S02, S05, S09, S10 count 2; the
-- others count 1; 18 in all. The cut-off is 4, as at state level.

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen_srpska(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
    BA01 = "absent", SRP01 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

test "Srpska: an unauthorised device lifts three weaker indicators to a positive screen" {
  -- S01, S03, S12 give 3: negative at state level; SRP01 adds 1: 4, positive
  answers   = screen_srpska { S01 = "present", S03 = "present", S12 = "present",
                              SRP01 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "Srpska: an unauthorised device on its own is a negative screen" {
  answers   = screen_srpska { SRP01 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 1 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "Srpska: every indicator present reaches the new maximum of 18" {
  answers   = screen_srpska { S01 = "present", S02 = "present", S03 = "present",
                              S04 = "present", S05 = "present", S06 = "present",
                              S07 = "present", S08 = "present", S09 = "present",
                              S10 = "present", S11 = "present", S12 = "present",
                              BA01 = "present", SRP01 = "present",
                              S05a = "Pressure in the workshop (prisoners 3307, 3311)" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 18 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "Srpska: three unknowns are prorated over a weight of 18" {
  -- raw 3 (S01, S06, S12), applicable weight 18, answered 13 (S04, S05,
  -- S09 unknown): 3 x 18 / 13 = 4.15 -> 4.2, positive (state level: 4.3)
  answers   = screen_srpska { S04 = unknown, S05 = unknown, S09 = unknown,
                              S01 = "present", S06 = "present", S12 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4.2 },
    status = { total = "prorated" },
    levels = { screen = "positive" },
  },
}

test "Srpska: SRP01 unknown counts as an unknown indicator" {
  -- raw 3 (S09 + BA01), applicable 18, answered 17: 3 x 18 / 17 = 3.18 -> 3.2
  answers   = screen_srpska { SRP01 = unknown, S09 = "present", BA01 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3.2 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
  },
}

test "Srpska: rejected: SRP01 is required" {
  answers   = (function()
    local a = screen_srpska {}
    a.SRP01 = nil
    return a
  end)(),
  judgement = { level = "negative" },
  expect    = { invalid = { "missing_required" } },
}
