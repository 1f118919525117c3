-- vep-screen-ba-fbih.lua -- screening for behavioural indicators of
-- radicalisation: the Federation of Bosnia and Herzegovina's adaptation
-- of the state-level form (instruments/ba/vep-screen-ba.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show an overlay of an overlay:
-- vep-screen (regional core) -> vep-screen-ba (state level) -> this one.
-- Every text is written in our own words; no item wording of any licensed
-- instrument is used. The cut-off below is invented for the example and
-- must not be used to make decisions about real people.
--
-- What this overlay changes against vep-screen-ba:
--   * the cut-off: a weighted total of 3 or more is already an advisory
--     positive screen (state level: 4 or more). Bands: negative 0-2.9,
--     positive 3-17;
--   * the title. Everything else (the thirteen indicators with BA01, the
--     weights, the proration, the critical indicators, the languages and
--     the translations) is inherited.

instrument {
  id        = "vep-screen-ba-fbih",
  version   = "1.0.0",
  base      = { id = "vep-screen-ba", version = "^1.0.0" },
  languages = { "bs", "hr", "sr-Latn", "sr-Cyrl" },
  title     = {
    bs          = "Skrining indikatora radikalizacije (Federacija Bosne i Hercegovine, ilustrativni)",
    hr          = "Probir pokazatelja radikalizacije (Federacija Bosne i Hercegovine, ilustrativni)",
    ["sr-Latn"] = "Skrining indikatora radikalizacije (Federacija Bosne i Hercegovine, ilustrativni)",
    en          = "Screening for indicators of radicalisation (Federation of Bosnia and Herzegovina, illustrative)",
  },
}

-- ---------------------------------------------------------------------
-- The local cut-off: positive from 3
-- ---------------------------------------------------------------------

-- The bands replace the state level's as a whole, so every label is
-- given again. The total has one decimal, so 0-2.9 and 3-17 leave no gap.
change.level "screen" {
  bands = {
    { level = "negative", min = 0, max = 2.9,
      label = { bs          = "Upućivanje nije potrebno",
                hr          = "Upućivanje nije potrebno",
                ["sr-Latn"] = "Upućivanje nije potrebno",
                en          = "No referral indicated",
                sq          = "Nuk kërkohet referim" } },
    { level = "positive", min = 3, max = 17,
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

require "vep-screen-ba-fbih-tests"
