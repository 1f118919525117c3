-- vep-screen-xk.lua -- Kosovo*: the regional screening form
-- (instruments/screening/vep-screen.lua) with one added indicator.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional core with an overlay. The wording is our own; no
-- item wording of any licensed instrument is used. The added indicator
-- is invented for the example and must not be used to make decisions
-- about real people.
--
-- * This designation is without prejudice to positions on status, and is
--   in line with UNSCR 1244 and the ICJ Opinion on the Kosovo Declaration
--   of Independence.
--
-- What this overlay changes:
--   * languages: Albanian (sq) first, then Serbian (sr-Latn; Cyrillic is
--     derived from it); the core has item texts in both;
--   * an added indicator XK01 (weight 1): speaks of going, or urges
--     others to go, to join an armed group in a conflict abroad. It
--     counts in the weighted total, whose maximum becomes 17;
--   * the bands of the advisory level are given again up to 17; the
--     cut-off itself (4 or more: positive) is the core's.

instrument {
  id        = "vep-screen-xk",
  version   = "1.0.0",
  base      = { id = "vep-screen", version = "^1.0.0" },
  languages = { "sq", "sr-Latn" },
  title     = {
    sq          = "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues, Kosovë*)",
    ["sr-Latn"] = "Skrining indikatora radikalizacije (ilustrativni, Kosovo*)",
    en          = "Screening for indicators of radicalisation (illustrative, Kosovo*)",
  },
  description = {
    sq = "Formular ilustrues i shqyrtimit paraprak për shembujt e libvep; nuk është "
      .. "mjet i vlerësuar shkencërisht. * Ky emërtim është pa paragjykim ndaj "
      .. "qëndrimeve për statusin dhe është në përputhje me Rezolutën 1244 të KSOKB-së "
      .. "dhe me Opinionin e GJND-së për shpalljen e pavarësisë së Kosovës.",
    ["sr-Latn"] = "Ilustrativni obrazac za skrining, napisan kao primer; nije validiran "
      .. "instrument. * Ovaj naziv ne prejudicira stavove o statusu i u "
      .. "skladu je sa Rezolucijom SB UN 1244 i mišljenjem MSP o proglašenju "
      .. "nezavisnosti Kosova.",
    en = "Illustrative screening form for libvep's examples; not a validated tool. "
      .. "* This designation is without prejudice to positions on status, and is in "
      .. "line with UNSCR 1244 and the ICJ Opinion on the Kosovo Declaration of "
      .. "Independence.",
  },
}

-- ---------------------------------------------------------------------
-- Adaptation: an added indicator
-- ---------------------------------------------------------------------

item "XK01" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    sq          = "Flet për të shkuar, ose nxit të tjerët të shkojnë, për t'iu bashkuar një grupi të armatosur në një konflikt jashtë vendit",
    ["sr-Latn"] = "Govori o odlasku, ili podstiče druge da odu, kako bi se pridružili oružanoj grupi u sukobu u inostranstvu",
    en          = "Speaks of going, or urges others to go, to join an armed group in a conflict abroad",
  },
  guidance = {
    sq          = "Fjalë të dëgjuara nga stafi ose të shënuara në raporte. Biseda për një "
               .. "konflikt që përmendet në lajme, pa një dëshirë të tillë, nuk mjafton.",
    ["sr-Latn"] = "Reči koje je čulo osoblje ili koje su zabeležene u izveštajima. Razgovor "
               .. "o sukobu iz vesti, bez takve želje, nije dovoljan.",
    en          = "Words heard by staff or recorded in reports. Talk about a conflict in "
               .. "the news, without such a wish, is not enough.",
  },
}

-- The total can now reach 17 (8 x 1 + 4 x 2 + XK01). The bands must
-- cover it, so they are given again, with their labels in every
-- language (a changed level replaces its bands). The cut-off stays 4.
change.level "screen" {
  bands = {
    { level = "negative", min = 0, max = 3.9,
      label = { sq          = "Nuk kërkohet referim",
                ["sr-Latn"] = "Upućivanje nije potrebno",
                en          = "No referral indicated" } },
    { level = "positive", min = 4, max = 17,
      label = { sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave",
                ["sr-Latn"] = "Uputiti na punu procenu rizika i potreba",
                en          = "Refer to full risk and needs assessment" } },
  },
}

-- ---------------------------------------------------------------------
-- Guidance in this package's own Albanian and Serbian wording
-- ---------------------------------------------------------------------

change.item "S01" { guidance = {
  sq          = "Deklarata të dëgjuara nga stafi ose të shënuara në raporte. Zemërimi "
                .. "ndaj një grupi, pa miratim të dhunës, nuk mjafton.",
  ["sr-Latn"] = "Izjave koje je čulo osoblje ili koje su zabeležene u izveštajima. "
                .. "Ljutnja na neku grupu, bez odobravanja nasilja, nije dovoljna.",
} }
change.item "S02" { guidance = {
  sq          = "Tregues kritik: kur është i pranishëm, vetëm ai e referon personin për "
                .. "vlerësim të plotë. Shënoni fjalët e thëna, datën dhe kush i dëgjoi.",
  ["sr-Latn"] = "Kritični indikator: kada je prisutan, sam po sebi upućuje osobu na punu "
                .. "procenu. Zabeležite izgovorene reči, datum i ko ih je čuo.",
} }
change.item "S04" { guidance = {
  sq          = "Ankesat e zakonshme për burgun ose për dënimin nuk llogariten; refuzimi "
                .. "duhet të arsyetohet me idetë e grupit.",
  ["sr-Latn"] = "Uobičajene žalbe na zatvor ili na kaznu se ne računaju; odbijanje mora "
                .. "biti obrazloženo idejama grupe.",
} }
change.item "S05" { guidance = {
  sq          = "Tregues kritik. Kur është i pranishëm, përshkruani grupin dhe mënyrën e "
                .. "presionit në pyetjen pasuese.",
  ["sr-Latn"] = "Kritični indikator. Kada je prisutan, u pitanju koje sledi opišite grupu"
                .. " i način na koji je vršen pritisak.",
} }
change.item "S07" { guidance = {
  sq          = "Ndryshimi i praktikës fetare ose i veshjes, më vete, nuk është tregues. "
                .. "Shënojeni të pranishëm vetëm kur tërheqja shoqërohet me një identitet të"
                .. " ri, përjashtues grupi.",
  ["sr-Latn"] = "Promena verske prakse ili odevanja sama po sebi nije indikator. Ocenite "
                .. "kao prisutno samo kada povlačenje prati novi, isključivi identitet "
                .. "grupe.",
} }
change.item "S09" { guidance = {
  sq          = "Materiale që nxitin ose lavdërojnë dhunën për një kauzë, të gjetura "
                .. "gjatë kontrollit ose të para duke u shpërndarë. Tekstet e ligjshme "
                .. "fetare ose politike nuk janë propagandë.",
  ["sr-Latn"] = "Materijal koji podstiče ili veliča nasilje u ime ideje, pronađen pri "
                .. "pretresu ili viđen dok se prosleđuje. Zakoniti verski ili politički "
                .. "tekstovi nisu propaganda.",
} }
change.item "S10" { guidance = {
  sq          = "Tregues kritik: kur është i pranishëm, vetëm ai e referon personin për "
                .. "vlerësim të plotë. Njoftoni menjëherë shërbimin e sigurisë.",
  ["sr-Latn"] = "Kritični indikator: kada je prisutan, sam po sebi upućuje osobu na punu "
                .. "procenu. Odmah obavestite službu obezbeđenja.",
} }
change.item "S11" { guidance = {
  sq          = "Lëreni të panjohur, me arsyen, kur regjistrat e vizitave dhe të "
                .. "korrespondencës ende nuk janë në dispozicion.",
  ["sr-Latn"] = "Ostavite kao nepoznato, uz razlog, kada evidencija poseta i prepiske još"
                .. " nije dostupna.",
} }

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-xk-tests"
