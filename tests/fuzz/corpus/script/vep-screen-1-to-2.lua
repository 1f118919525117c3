-- vep-screen-1-to-2.lua -- maps assessments made with vep-screen 1.x to
-- vep-screen 2.0.0 (vep-screen-2/vep-screen.lua).  ILLUSTRATIVE ONLY.
--
--   vep migrate examples/migration/vep-screen-1-to-2.lua ASSESSMENT > NEW
--   vep score examples/migration/vep-screen-2/vep-screen.lua NEW
--
-- The steps apply in the order written, each to the answers as the steps
-- before it left them.

migration {
  id      = "vep-screen-1-to-2",
  version = "1.0.0",
  from    = { id = "vep-screen", version = "^1.0.0" },
  to      = { id = "vep-screen", version = "2.0.0" },
  title   = "Screening version 1 to version 2",
}

-- S04 is rated on a three-point scale now; "present" was the whole thing.
recode "S04" { map = { present = "yes", absent = "no" } }

-- S07 covered two settings, now asked apart.  Version 1 does not say which
-- setting an isolation was seen in, so a present S07 leaves both unknown
-- for the assessor to rate again; an absent one is absent in both.
split "S07" {
  into = { "S07a", "S07b" },
  map  = {
    present = { S07a = "unknown", S07b = "unknown" },
    absent  = { S07a = "absent",  S07b = "absent" },
  },
}

-- Intimidation (S06) and refusal of contact (S08) are one indicator now:
-- present when either was.
merge "S06" { from = { "S06", "S08" }, order = { "absent", "present" } }

rename "S11" { to = "S11C" }

drop "S13" { reason = "the incident count is no longer part of the screen" }
drop "S05a" { reason = "the detail of S05 is recorded in the case file" }

add "S14" { status = "unknown", reason = "not asked in version 1" }

judgement { map = { negative = "no_referral", positive = "referral" } }
