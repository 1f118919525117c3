-- vep-screen-ba-srpska.lua -- screening for behavioural indicators of
-- radicalisation: Republika Srpska's adaptation of the state-level form
-- (instruments/ba/vep-screen-ba.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show an overlay of an overlay:
-- vep-screen (regional core) -> vep-screen-ba (state level) -> this one.
-- Every text is written in our own words; no item wording of any licensed
-- instrument is used. The added item and the bands are invented for the
-- example and must not be used to make decisions about real people.
--
-- What this overlay changes against vep-screen-ba:
--   * languages: Serbian Cyrillic first, so results are written in
--     Cyrillic. No text is written in Cyrillic here: libvep converts the
--     (ijekavian) Serbian Latin texts letter by letter;
--   * an added indicator SRP01 (weight 1): an unauthorised phone or device
--     used to reach or spread material that promotes violence;
--   * so the weighted total now reaches 18, and the bands are given again
--     (negative 0-3.9, positive 4-18: the cut-off itself is unchanged).

instrument {
  id        = "vep-screen-ba-srpska",
  version   = "1.0.0",
  base      = { id = "vep-screen-ba", version = "^1.0.0" },
  languages = { "sr-Cyrl", "sr-Latn", "bs", "hr" },
  title     = {
    ["sr-Latn"] = "Skrining indikatora radikalizacije (Republika Srpska, ilustrativni)",
    bs          = "Skrining indikatora radikalizacije (Republika Srpska, ilustrativni)",
    hr          = "Probir pokazatelja radikalizacije (Republika Srpska, ilustrativni)",
    en          = "Screening for indicators of radicalisation (Republika Srpska, illustrative)",
  },
  -- Given again: the form has fourteen indicators here, not thirteen.
  description = {
    ["sr-Latn"] = "Ilustrativni obrazac za primjere; nije validiran instrument. Osoblje "
               .. "koje radi neposredno sa zatvorenicima ocjenjuje četrnaest indikatora u "
               .. "ponašanju pri prijemu i tokom izdržavanja kazne. Pozitivan skrining ili "
               .. "bilo koji kritični indikator upućuje osobu na punu procjenu rizika i potreba.",
    bs          = "Ilustrativni obrazac za primjere biblioteke libvep; nije validiran "
               .. "instrument. Osoblje koje radi neposredno sa zatvorenicima ocjenjuje "
               .. "četrnaest indikatora u ponašanju pri prijemu i tokom izdržavanja kazne. "
               .. "Pozitivan skrining ili bilo koji kritični indikator upućuje osobu na "
               .. "punu procjenu rizika i potreba.",
    hr          = "Ilustrativni obrazac za primjere knjižnice libvep; nije validiran "
               .. "instrument. Osoblje koje radi neposredno sa zatvorenicima ocjenjuje "
               .. "četrnaest pokazatelja u ponašanju pri prijamu i tijekom izdržavanja "
               .. "kazne. Pozitivan probir ili bilo koji kritični pokazatelj upućuje osobu "
               .. "na punu procjenu rizika i potreba.",
    en          = "Illustrative screening form for libvep's examples (Republika Srpska); not "
               .. "a validated tool. Front-line staff rate fourteen behavioural indicators "
               .. "at admission and during imprisonment. A positive screen or any critical "
               .. "indicator refers the person to a full risk and needs assessment.",
  },
}

-- ---------------------------------------------------------------------
-- Added indicator: unauthorised devices
-- ---------------------------------------------------------------------

-- Declared here, so it comes after BA01 in forms and results.
item "SRP01" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    ["sr-Latn"] = "Koristi ili pokušava da nabavi nedozvoljen telefon ili uređaj da bi "
               .. "pristupio sadržaju koji podstiče nasilje u ime ideje ili ga širio",
    bs          = "Koristi ili pokušava nabaviti nedozvoljen telefon ili uređaj kako bi "
               .. "pristupio sadržaju koji podstiče nasilje u ime ideje ili ga širio",
    hr          = "Koristi ili pokušava nabaviti nedopušten telefon ili uređaj kako bi "
               .. "pristupio sadržaju koji potiče nasilje u ime ideje ili ga širio",
    en          = "Uses or tries to obtain an unauthorised phone or device to reach or "
               .. "spread material that promotes violence for a cause",
  },
  guidance = {
    ["sr-Latn"] = "Samo uz zapisnik o pronađenom uređaju i njegovom sadržaju. Sam "
               .. "nedozvoljen telefon, bez takvog sadržaja, nije dovoljan.",
    bs          = "Samo uz zapisnik o pronađenom uređaju i njegovom sadržaju. Sam "
               .. "nedozvoljen telefon, bez takvog sadržaja, nije dovoljan.",
    hr          = "Samo uz zapisnik o pronađenom uređaju i njegovu sadržaju. Sam "
               .. "nedopušten telefon, bez takva sadržaja, nije dovoljan.",
    en          = "Only with a record of the device found and of what it held. An "
               .. "unauthorised phone without such material is not enough.",
  },
}

-- ---------------------------------------------------------------------
-- Bands over the new maximum of 18
-- ---------------------------------------------------------------------

-- The bands replace the state level's as a whole, so every label is
-- given again.
change.level "screen" {
  bands = {
    { level = "negative", min = 0, max = 3.9,
      label = { ["sr-Latn"] = "Upućivanje nije potrebno",
                bs          = "Upućivanje nije potrebno",
                hr          = "Upućivanje nije potrebno",
                en          = "No referral indicated",
                sq          = "Nuk kërkohet referim" } },
    { level = "positive", min = 4, max = 18,
      label = { ["sr-Latn"] = "Uputiti na punu procjenu rizika i potreba",
                bs          = "Uputiti na punu procjenu rizika i potreba",
                hr          = "Uputiti na punu procjenu rizika i potreba",
                en          = "Refer to full risk and needs assessment",
                sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave" } },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-ba-srpska-tests"
