-- vep-screen-ba-brcko.lua -- screening for behavioural indicators of
-- radicalisation: Brčko District's adaptation of the state-level form
-- (instruments/ba/vep-screen-ba.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show an overlay of an overlay:
-- vep-screen (regional core) -> vep-screen-ba (state level) -> this one.
-- Every text is written in our own words; no item wording of any licensed
-- instrument is used. The changed weight and the bands are invented for
-- the example and must not be used to make decisions about real people.
--
-- What this overlay changes against vep-screen-ba:
--   * a weight: S11 (contact with people known to belong to violent
--     extremist groups) counts double, as the four stronger indicators do;
--   * so the weighted total now reaches 18, and the bands are given again
--     (negative 0-3.9, positive 4-18: the cut-off itself is unchanged);
--   * the title. The district's three languages are the state level's,
--     with results written in Bosnian.

instrument {
  id        = "vep-screen-ba-brcko",
  version   = "1.0.0",
  base      = { id = "vep-screen-ba", version = "^1.0.0" },
  languages = { "bs", "hr", "sr-Latn", "sr-Cyrl" },
  title     = {
    bs          = "Skrining indikatora radikalizacije (Brčko distrikt BiH, ilustrativni)",
    hr          = "Probir pokazatelja radikalizacije (Brčko distrikt BiH, ilustrativni)",
    ["sr-Latn"] = "Skrining indikatora radikalizacije (Brčko distrikt BiH, ilustrativni)",
    en          = "Screening for indicators of radicalisation (Brčko District of BiH, illustrative)",
  },
}

-- ---------------------------------------------------------------------
-- The local weight: S11 counts double
-- ---------------------------------------------------------------------

-- `weights` is not a text field, so it replaces the inherited one.
change.item "S11" {
  weights = { indicators = 2 },
}

-- The bands replace the state level's as a whole, so every label is
-- given again.
change.level "screen" {
  bands = {
    { level = "negative", min = 0, max = 3.9,
      label = { bs          = "Upućivanje nije potrebno",
                hr          = "Upućivanje nije potrebno",
                ["sr-Latn"] = "Upućivanje nije potrebno",
                en          = "No referral indicated",
                sq          = "Nuk kërkohet referim" } },
    { level = "positive", min = 4, max = 18,
      label = { bs          = "Uputiti na punu procjenu rizika i potreba",
                hr          = "Uputiti na punu procjenu rizika i potreba",
                ["sr-Latn"] = "Uputiti na punu procjenu rizika i potreba",
                en          = "Refer to full risk and needs assessment",
                sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave" } },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-ba-brcko-tests"
