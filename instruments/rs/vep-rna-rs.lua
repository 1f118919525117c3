-- vep-rna-rs.lua -- Serbia's adaptation of the regional risk and needs
-- assessment (instruments/rna/vep-rna.lua)
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts a structured professional judgement (SPJ) tool with an overlay.
-- Every indicator is written in our own words; no item wording of any
-- licensed instrument is used. The added indicator and the changed flag
-- are invented for the example and must not be used to make decisions
-- about real people.
--
-- What this overlay changes (everything else is inherited):
--   * languages: Serbian Cyrillic first (results are written in it), then
--     Serbian Latin; the core's Latin texts are shown in Cyrillic by
--     transliteration, so they are not written again here;
--   * an added additional indicator, A07 (ties to violent extremist
--     prisoners recorded during an earlier prison term): it counts in
--     "additional_present", which now runs from 0 to 7;
--   * the flag "commitment_several_high" is raised from two commitment
--     and motivation indicators rated high (the core: three);
--   * the judgement's rationale policy is written down here as "always",
--     so that the team's written reasons stay required in this adaptation
--     whatever a later version of the core says;
--   * short Serbian guidance for the core items that have English
--     guidance only.
-- The tool still has no total score: the counts, profiles and flags only
-- support the team's judgement.

instrument {
  id        = "vep-rna-rs",
  version   = "1.0.0",
  base      = { id = "vep-rna", version = "^1.0.0" },
  languages = { "sr-Cyrl", "sr-Latn" },
  title     = {
    ["sr-Latn"] = "Procena rizika i potreba nasilnih ekstremističkih zatvorenika, "
               .. "Srbija (ilustrativna)",
    en          = "Risk and needs assessment of violent extremist prisoners, "
               .. "Serbia (illustrative)",
  },
  -- Written in both alphabets: letter by letter, the name "libvep" would
  -- come out in Cyrillic letters too. The English description is the
  -- core's.
  description = {
    ["sr-Latn"] = "Ilustrativni alat strukturisane stručne procene, napisan kao primer "
      .. "za libvep; nije validiran instrument. Svaki indikator se ocenjuje na osnovu "
      .. "dosijea, razgovora i posmatranja. Nisko: nema znakova ili su neznatni. "
      .. "Umereno: neki znaci, ili znaci u prošlosti. Visoko: jasni, sadašnji i "
      .. "ponovljeni znaci. Kod zaštitnih indikatora visoko znači da je zaštitni "
      .. "faktor jasno i sada prisutan.",
    ["sr-Cyrl"] = "Илустративни алат структурисане стручне процене, написан као пример "
      .. "за libvep; није валидиран инструмент. Сваки индикатор се оцењује на основу "
      .. "досијеа, разговора и посматрања. Ниско: нема знакова или су незнатни. "
      .. "Умерено: неки знаци, или знаци у прошлости. Високо: јасни, садашњи и "
      .. "поновљени знаци. Код заштитних индикатора високо значи да је заштитни "
      .. "фактор јасно и сада присутан.",
  },
}

-- ---------------------------------------------------------------------
-- An added additional indicator (criminal history)
-- ---------------------------------------------------------------------

item "A07" { type = "presence", domains = { "additional" }, required = true,
  text = { ["sr-Latn"] = "Tokom ranijeg izdržavanja kazne zabeležene su bliske veze "
                      .. "sa zatvorenicima osuđenim za nasilni ekstremizam",
           en          = "During an earlier prison term, close ties to prisoners "
                      .. "convicted of violent extremism were recorded" },
  guidance = { ["sr-Latn"] = "Samo na osnovu izveštaja iz dosijea ranijeg izdržavanja "
                          .. "kazne; navesti izvor u dokazima.",
               en          = "Only from reports in the file of the earlier prison "
                          .. "term; name the source in the evidence." } }

-- ---------------------------------------------------------------------
-- A changed flag threshold: two commitment indicators high (core: three)
-- ---------------------------------------------------------------------

change.flag "commitment_several_high" {
  when  = { score = "commitment_high", at_least = 2 },
  title = { en          = "Two or more commitment and motivation indicators rated high",
            ["sr-Latn"] = "Dva ili više indikatora posvećenosti i motivacije ocenjena visoko" },
}

-- ---------------------------------------------------------------------
-- The judgement: a written rationale is always required
-- ---------------------------------------------------------------------

change.judgement { rationale = "always" }

-- ---------------------------------------------------------------------
-- Serbian guidance for the core items, in this package's own wording
-- ---------------------------------------------------------------------

change.item "B01" { guidance = { ["sr-Latn"] =
  "Visoko: sada i ponovljeno tvrdi da je nasilje pravi ili jedini odgovor. "
  .. "Umereno: ambivalentan je ili je takva uverenja imao ranije. Nisko: odbacuje ga." } }

change.item "I03" { guidance = { ["sr-Latn"] =
  "Indikator namere, koristi ga obrazac sposobnosti i namere. Visoko: "
  .. "nedavno navedena konkretna meta." } }

change.item "I04" { guidance = { ["sr-Latn"] =
  "Indikator namere, koristi ga obrazac sposobnosti i namere. Visoko: "
  .. "nedavna izjava o nameri ili radnje pripreme. Odmah obavestiti službu "
  .. "obezbeđenja." } }

change.item "H04" { guidance = { ["sr-Latn"] =
  "Indikator sposobnosti, koristi ga obrazac sposobnosti i namere. Visoko: "
  .. "dokumentovana obuka ili borbeno iskustvo." } }

change.item "H06" { guidance = { ["sr-Latn"] =
  "Indikator sposobnosti, koristi ga obrazac sposobnosti i namere. Visoko: "
  .. "sadašnji pristup, ne samo raniji." } }

change.item "P06" { guidance = { ["sr-Latn"] =
  "Nije primenljivo kada se datum otpusta ne može predvideti (npr. doživotna "
  .. "kazna bez utvrđenog datuma preispitivanja)." } }

change.item "A05" { guidance = { ["sr-Latn"] =
  "Samo dijagnoza kvalifikovanog kliničara, zabeležena u dosijeu; navesti izvor "
  .. "u dokazima." } }

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-rna-rs-tests"
