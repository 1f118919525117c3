-- vep-rna-ba-tests.lua -- test cases of vep-rna-ba.lua (illustrative)
--
-- Loaded by vep-rna-ba.lua with require "vep-rna-ba-tests"; run them with
--   vep test instruments/ba/vep-rna-ba.lua
--
-- Every case starts from a quiet profile (every risk indicator low, every
-- protective indicator high, no additional indicator present, A07
-- included) and changes only the ratings it is about. Values: low 0,
-- moderate 1, high 2.

-- The quiet profile with `changes` applied on top.
local function rated_ba(changes)
  local answers = {
    B01 = "low",  B02 = "low",  B03 = "low",  B04 = "low",  B05 = "low",  B06 = "low",
    I01 = "low",  I02 = "low",  I03 = "low",  I04 = "low",  I05 = "low",  I06 = "low",
    H01 = "low",  H02 = "low",  H03 = "low",  H04 = "low",  H05 = "low",  H06 = "low",
    M01 = "low",  M02 = "low",  M03 = "low",  M04 = "low",  M05 = "low",  M06 = "low",
    P01 = "high", P02 = "high", P03 = "high", P04 = "high", P05 = "high", P06 = "high",
    A01 = "absent", A02 = "absent", A03 = "absent",
    A04 = "absent", A05 = "absent", A06 = "absent", A07 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

test "BA RNA: quiet profile, no additional indicator" {
  answers   = rated_ba {},
  judgement = { level = "low", rationale = "No current risk indicator; strong protective factors." },
  expect    = {
    scores = { additional_present = 0, protective_high = 6, capability_intent = 0 },
    flags  = { capability_with_intent = false, protective_weak = false },
  },
}

test "BA RNA: war experience counts among the additional indicators" {
  -- the core counts A01 and A06: 2; A07 makes 3
  answers   = rated_ba { A01 = "present", A06 = "present", A07 = "present" },
  judgement = { level = "low", rationale = "Past violence, drug use and war trauma; no link to a cause." },
  expect    = { scores = { additional_present = 3, history_high = 0 } },
}

test "BA RNA: all seven additional indicators present" {
  answers   = rated_ba { A01 = "present", A02 = "present", A03 = "present", A04 = "present",
                         A05 = "present", A06 = "present", A07 = "present" },
  judgement = { level = "moderate", rationale = "Many personal needs; beliefs not entrenched." },
  expect    = { scores = { additional_present = 7 } },
}

test "BA RNA: A07 unknown with two others: the count is incomplete" {
  answers   = rated_ba { A05 = unknown, A06 = unknown, A07 = unknown },
  judgement = { level = "low", rationale = "Health file not yet received." },
  expect    = { status = { additional_present = "incomplete" } },
}

test "BA RNA: A07 unknown alone: the count is partial" {
  answers   = rated_ba { A07 = unknown, A03 = "present" },
  judgement = { level = "low", rationale = "Childhood neglect; war history not yet known." },
  expect    = {
    scores = { additional_present = 1 },
    status = { additional_present = "partial" },
  },
}

test "BA RNA: capability with intent still raises its flag" {
  answers   = rated_ba { H04 = "high", I03 = "high" },
  judgement = { level = "high", rationale = "Documented current training and a named target." },
  expect    = {
    scores = { capability_intent = 1 },
    flags  = { capability_with_intent = true, intent_stated = false },
  },
}

test "BA RNA: rejected: A07 is required" {
  answers   = (function()
    local a = rated_ba {}
    a.A07 = nil
    return a
  end)(),
  judgement = { level = "low", rationale = "Quiet profile." },
  expect    = { invalid = { "missing_required" } },
}

test "BA RNA: rejected: the judgement needs a rationale" {
  answers   = rated_ba {},
  judgement = { level = "low" },
  expect    = { invalid = { "rationale_required" } },
}
