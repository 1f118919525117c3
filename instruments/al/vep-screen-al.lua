-- vep-screen-al.lua -- Albania: the regional screening form
-- (instruments/screening/vep-screen.lua) with a lower cut-off.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional core with an overlay. The Albanian wording is our
-- own; no item wording of any licensed instrument is used. The cut-off
-- below is invented for the example and must not be used to make
-- decisions about real people.
--
-- What this overlay changes:
--   * languages: Albanian (sq) first, so results are written in Albanian
--     (the core already has Albanian item texts);
--   * the cut-off: a weighted total of 3 or more is an advisory positive
--     screen (the core: 4 or more), so that more people are referred to
--     a full assessment;
--   * the short guidance notes are given in this package's own Albanian
--     wording.

instrument {
  id        = "vep-screen-al",
  version   = "1.0.0",
  base      = { id = "vep-screen", version = "^1.0.0" },
  languages = { "sq" },
  title     = {
    sq = "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues, Shqipëri)",
    en = "Screening for indicators of radicalisation (illustrative, Albania)",
  },
  description = {
    sq = "Formular ilustrues i shqyrtimit paraprak për shembujt e libvep; nuk është "
      .. "mjet i vlerësuar shkencërisht. Stafi i vijës së parë vlerëson dymbëdhjetë "
      .. "tregues të sjelljes në pranim dhe gjatë burgimit. Një shqyrtim pozitiv ose "
      .. "çdo tregues kritik e referon personin për vlerësim të plotë të rrezikut "
      .. "dhe të nevojave.",
  },
}

-- ---------------------------------------------------------------------
-- Adaptation: the cut-off. The bands are given again in full, with their
-- labels in every language, because a changed level replaces its bands.
-- ---------------------------------------------------------------------

change.level "screen" {
  bands = {
    { level = "negative", min = 0, max = 2.9,
      label = { sq          = "Nuk kërkohet referim",
                en          = "No referral indicated",
                ["sr-Latn"] = "Upućivanje nije potrebno" } },
    { level = "positive", min = 3, max = 16,
      label = { sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave",
                en          = "Refer to full risk and needs assessment",
                ["sr-Latn"] = "Uputiti na punu procenu rizika i potreba" } },
  },
}

-- ---------------------------------------------------------------------
-- Guidance in Albanian
-- ---------------------------------------------------------------------

change.item "S01" { guidance = { sq = "Deklarata të dëgjuara nga stafi ose të shënuara në raporte. "
                                   .. "Zemërimi ndaj një grupi pa miratim të dhunës nuk mjafton." } }
change.item "S02" { guidance = { sq = "Tregues kritik: kur është i pranishëm, e referon vetë personin "
                                   .. "për vlerësim të plotë. Shënoni fjalët e përdorura, datën dhe "
                                   .. "kush i dëgjoi." } }
change.item "S04" { guidance = { sq = "Ankesat e zakonshme për burgun ose për dënimin nuk llogariten; "
                                   .. "refuzimi duhet të argumentohet me idetë e grupit." } }
change.item "S05" { guidance = { sq = "Tregues kritik. Kur është i pranishëm, përshkruani grupin dhe "
                                   .. "mënyrën e ushtrimit të presionit te S05a." } }
change.item "S07" { guidance = { sq = "Një ndryshim i praktikës fetare ose i veshjes, më vete, nuk "
                                   .. "është tregues. Shënojeni të pranishëm vetëm kur tërheqja vjen "
                                   .. "bashkë me një identitet të ri, përjashtues grupi." } }
change.item "S09" { guidance = { sq = "Materiale që nxitin ose lavdërojnë dhunën për një kauzë, të gjetura "
                                   .. "gjatë një kontrolli ose të para duke u shpërndarë. Tekstet e "
                                   .. "ligjshme fetare ose politike nuk janë propagandë." } }
change.item "S10" { guidance = { sq = "Tregues kritik: kur është i pranishëm, e referon vetë personin "
                                   .. "për vlerësim të plotë. Njoftoni menjëherë shërbimin e sigurisë." } }
change.item "S11" { guidance = { sq = "Lëreni të panjohur, me arsyen, kur regjistrat e vizitave dhe të "
                                   .. "korrespondencës nuk janë ende të disponueshëm." } }

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-al-tests"
