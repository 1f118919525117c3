-- vep-screen.lua, version 2 -- an example of a major revision of the
-- screening tool, to show how a migration script maps old assessments.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.  Every item is written
-- in our own words; the items, weights and cut-off are invented for the
-- example and must not be used to make decisions about real people.
--
-- What changed from version 1 (see ../vep-screen-1-to-2.lua):
--   * S04 is rated no / partly / yes instead of present / absent;
--   * S07 is split into S07a (family and friends) and S07b (other prisoners);
--   * S06 and S08 are one indicator, S06;
--   * S11 is renamed S11C;
--   * the incident count S13 is no longer asked; S14 is new;
--   * the final levels are called no_referral and referral.

instrument {
  id = "vep-screen", version = "2.0.0", languages = { "en" },
  title = "Screening for indicators of radicalisation, version 2 (illustrative)",
  licence = "CC-BY-4.0", illustrative = true, max_unknown = 6,
}

scale "npy" {
  { code = "no",     value = 0, label = "No" },
  { code = "partly", value = 1, label = "Partly" },
  { code = "yes",    value = 2, label = "Yes" },
}

domain "indicators" { kind = "risk", title = "Behavioural indicators of radicalisation" }

local function indicator(id, text, weight)
  item(id) { type = "presence", domains = { "indicators" }, required = true,
             weights = weight and { indicators = weight } or nil, text = text }
end

indicator("S01", "Expresses approval of violence against a group it names as enemies")
indicator("S02", "States a wish or intention to use violence for a cause", 2)
indicator("S03", "Speaks of people outside the group as less than human or as deserving harm")
item "S04" { type = "scale", scale = "npy", domains = { "indicators" }, required = true,
             text = "Rejects the authority of the law, the courts or prison rules on ideological grounds" }
indicator("S05", "Recruits or pressures other prisoners towards a group", 2)
indicator("S06", "Intimidates other prisoners, or refuses contact with them, on the group's grounds")
indicator("S07a", "Sudden isolation from family and friends, with adoption of a group identity")
indicator("S07b", "Sudden isolation from other prisoners, with adoption of a group identity")
indicator("S09", "Possesses or distributes extremist propaganda", 2)
indicator("S10", "Seeks or keeps instructions on weapons, explosives or ways of attacking", 2)
indicator("S11C", "Keeps contact with people known to belong to violent extremist groups")
indicator("S12", "Shows symbols, slogans or gestures of a violent extremist group")
indicator("S14", "Has tried to travel to, or to contact someone in, a zone of armed conflict")

score "total" { rule = "sum", domain = "indicators", missing = "prorate", max_unknown = 3,
                decimals = 1, title = "Weighted indicator total" }

-- The band reaches 34 because libvep bounds a prorated total from above
-- (every answered item at its maximum, scaled by the largest factor).
level "screen" {
  of = "total", title = "Advisory screening result",
  bands = {
    { level = "no_referral", min = 0, max = 4.9, label = "No referral indicated" },
    { level = "referral",    min = 5, max = 34,  label = "Refer to full risk and needs assessment" },
  },
}

judgement {
  outcome = "Referral to full risk and needs assessment", advisory = "screen",
  levels = { "no_referral", "referral" }, required = true, rationale = "when_different",
}
