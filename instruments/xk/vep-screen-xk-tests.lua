-- vep-screen-xk-tests.lua -- test cases of vep-screen-xk.lua (illustrative)
--
-- Loaded by vep-screen-xk.lua with require "vep-screen-xk-tests"; run with
--   vep test instruments/xk/vep-screen-xk.lua
--
-- Every case starts from a screen with all thirteen indicators absent
-- (the core's twelve and XK01) and changes only the answers it is about.
-- Weights: S02, S05, S09, S10 count 2, the others (XK01 too) 1: 17 in all.
-- Cut-off as in the core: 4 or more is positive. Prorated values:
--   weighted raw sum x applicable weight / answered weight, one decimal.

-- The answers of a screen with every indicator absent, with `changes`.
local function screen_xk(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
    XK01 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- The added indicator
-- ---------------------------------------------------------------------

test "added indicator alone: counts 1, negative" {
  answers   = screen_xk { XK01 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 1 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "added indicator tips the screen to positive (the core: 3, negative)" {
  answers   = screen_xk { S01 = "present", S03 = "present", S12 = "present",
                          XK01 = "present" },                     -- 1 + 1 + 1 + 1
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "every indicator present: the new maximum of 17 is positive" {
  answers   = screen_xk { S01 = "present", S02 = "present", S03 = "present",
                          S04 = "present", S05 = "present", S05a = "Rregulla të grupit të imponuara në oborr",
                          S06 = "present", S07 = "present", S08 = "present",
                          S09 = "present", S10 = "present", S11 = "present",
                          S12 = "present", XK01 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 17 },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "added indicator unknown: prorated over a weight of 17" {
  -- raw 3 (S03 + S09), applicable weight 17, answered 15 (S04 and XK01
  -- unknown): 3 x 17 / 15 = 3.4
  answers   = screen_xk { XK01 = unknown, S04 = unknown,
                          S03 = "present", S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3.4 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "rejected: the added indicator is required" {
  answers   = (function()
                 local a = screen_xk {}
                 a.XK01 = nil
                 return a
               end)(),
  judgement = { level = "negative" },
  expect    = { invalid = { "missing_required" } },
}

-- ---------------------------------------------------------------------
-- The core's rules still hold
-- ---------------------------------------------------------------------

test "critical indicator alone still refers" {
  answers   = screen_xk { S05 = "present",
                          S05a = "Presion mbi dy të burgosur gjatë shëtitjes (dosjet 2214, 2230)" },
  judgement = { level = "positive",
                rationale = "Presion i raportuar mbi të burgosur të tjerë: referim pavarësisht shumës." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}
