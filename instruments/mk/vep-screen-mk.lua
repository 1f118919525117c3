-- vep-screen-mk.lua -- North Macedonia: the regional screening form
-- (instruments/screening/vep-screen.lua) in Macedonian, with one changed
-- weight.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional core with an overlay. The Macedonian wording is our
-- own; no item wording of any licensed instrument is used. The changed
-- weight is invented for the example and must not be used to make
-- decisions about real people.
--
-- What this overlay changes:
--   * languages: Macedonian (mk, Cyrillic) first, so results are written
--     in Macedonian, then Albanian (sq; the core has its item texts);
--   * every text an assessor reads (title, part, domain, the thirteen
--     items, score, level, band and flag titles, the short guidance) is
--     written in Macedonian;
--   * S11, contact with people known to belong to violent extremist
--     groups, counts double (weight 2; the core: 1). The weighted total
--     can now reach 17, so the bands are given again up to 17; the
--     cut-off (4 or more: positive) is the core's.

instrument {
  id        = "vep-screen-mk",
  version   = "1.0.0",
  base      = { id = "vep-screen", version = "^1.0.0" },
  languages = { "mk", "sq" },
  title     = {
    mk = "Скрининг на индикатори за радикализација (илустративен, Северна Македонија)",
    sq = "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues, Maqedonia e Veriut)",
    en = "Screening for indicators of radicalisation (illustrative, North Macedonia)",
  },
  description = {
    mk = "Илустративен образец за скрининг, напишан за примерите на libvep; не е "
      .. "валидирана алатка. Персоналот од првата линија оценува дванаесет индикатори "
      .. "во однесувањето при приемот и за време на издржувањето на казната. "
      .. "Позитивен скрининг или кој било критичен индикатор го упатува лицето на "
      .. "целосна процена на ризикот и потребите.",
    sq = "Formular ilustrues i shqyrtimit paraprak, i shkruar për shembujt e libvep; nuk "
      .. "është mjet i vlerësuar shkencërisht. Stafi i vijës së parë vlerëson dymbëdhjetë "
      .. "tregues të sjelljes në pranim dhe gjatë vuajtjes së dënimit. Një shqyrtim "
      .. "pozitiv ose çdo tregues kritik e referon personin për vlerësim të plotë të "
      .. "rrezikut dhe të nevojave.",
  },
}

-- ---------------------------------------------------------------------
-- Part and domain
-- ---------------------------------------------------------------------

change.part   "screen"     { title = { mk = "Индикатори за скрининг" } }
change.domain "indicators" { title = { mk = "Индикатори за радикализација во однесувањето" } }

-- ---------------------------------------------------------------------
-- Attitudes expressed
-- ---------------------------------------------------------------------

change.item "S01" {
  text     = { mk = "Изразува одобрување на насилство врз група што ја нарекува непријател" },
  guidance = { mk = "Изјави што ги слушнал персоналот или што се запишани во извештаи. Лутина "
                 .. "кон некоја група, без одобрување на насилство, не е доволна.",
               sq = "Deklarata të dëgjuara nga stafi ose të shënuara në raporte. Zemërimi ndaj një "
                 .. "grupi, pa miratim të dhunës, nuk mjafton." },
}
change.item "S02" {
  text     = { mk = "Изразува желба или намера да употреби насилство за некоја кауза" },
  guidance = { mk = "Критичен индикатор: кога е присутен, сам по себе го упатува лицето на "
                 .. "целосна процена. Запишете ги употребените зборови, датумот и кој ги слушнал.",
               sq = "Tregues kritik: kur është i pranishëm, vetëm ai e referon personin për "
                 .. "vlerësim të plotë. Shënoni fjalët e përdorura, datën dhe kush i dëgjoi." },
}
change.item "S03" {
  text = { mk = "За луѓето надвор од групата зборува како за помалку од луѓе или како да заслужуваат да им се наштети" },
}
change.item "S04" {
  text     = { mk = "Од идеолошки причини го отфрла авторитетот на законот, судовите или куќниот ред на установата" },
  guidance = { mk = "Вообичаените поплаки за затворот или за казната не се сметаат; одбивањето "
                 .. "мора да се образложува со идеите на групата.",
               sq = "Ankesat e zakonshme për burgun ose për dënimin nuk llogariten; refuzimi duhet "
                 .. "të arsyetohet me idetë e grupit." },
}

-- ---------------------------------------------------------------------
-- Behaviour towards other prisoners
-- ---------------------------------------------------------------------

change.item "S05" {
  text     = { mk = "Врбува други затвореници за некоја група или врши притисок врз нив" },
  guidance = { mk = "Критичен индикатор. Кога е присутен, опишете ги групата и начинот на "
                 .. "вршење притисок во S05a.",
               sq = "Tregues kritik. Kur është i pranishëm, përshkruani grupin dhe mënyrën e "
                 .. "ushtrimit të presionit te S05a." },
}
change.item "S05a" {
  text = { mk = "Која група и на кој начин е вршен притисокот (без имиња на други затвореници, само броеви на досиеја)" },
}
change.item "S06" {
  text = { mk = "Заплашува или казнува затвореници што не ги почитуваат правилата на групата" },
}
change.item "S07" {
  text     = { mk = "Нагло ги прекинува дотогашните социјални контакти и презема идентитет на група" },
  guidance = { mk = "Промената на верската практика или на облекувањето сама по себе не е "
                 .. "индикатор. Оценете „присутно“ само кога повлекувањето доаѓа заедно со нов, "
                 .. "исклучив идентитет на група.",
               sq = "Ndryshimi i praktikës fetare ose i veshjes, më vete, nuk është tregues. "
                 .. "Shënojeni të pranishëm vetëm kur tërheqja vjen bashkë me një identitet të ri, "
                 .. "përjashtues grupi." },
}
change.item "S08" {
  text = { mk = "Поради ставовите на групата одбива контакт со персоналот или со затвореници од друга вера, националност или група" },
}

-- ---------------------------------------------------------------------
-- Material, symbols and outside contacts
-- ---------------------------------------------------------------------

change.item "S09" {
  text     = { mk = "Поседува или шири екстремистичка пропаганда" },
  guidance = { mk = "Материјал што поттикнува или велича насилство за некоја кауза, пронајден "
                 .. "при претрес или забележан додека се пренесува. Законските верски или "
                 .. "политички текстови не се пропаганда.",
               sq = "Materiale që nxitin ose lavdërojnë dhunën për një kauzë, të gjetura gjatë "
                 .. "kontrollit ose të vërejtura duke u shpërndarë. Tekstet e ligjshme fetare ose "
                 .. "politike nuk janë propagandë." },
}
change.item "S10" {
  text     = { mk = "Бара или чува упатства за оружје, експлозиви или начини на напад" },
  guidance = { mk = "Критичен индикатор: кога е присутен, сам по себе го упатува лицето на "
                 .. "целосна процена. Веднаш известете ја службата за обезбедување.",
               sq = "Tregues kritik: kur është i pranishëm, vetëm ai e referon personin për "
                 .. "vlerësim të plotë. Njoftoni menjëherë shërbimin e sigurisë." },
}

-- Adaptation: S11 counts double.
change.item "S11" {
  weights  = { indicators = 2 },
  text     = { mk = "Одржува контакт (посети, писма, телефонски разговори) со лица за кои се знае дека припаѓаат на насилни екстремистички групи" },
  guidance = { mk = "Во оваа адаптација индикаторот има тежина 2. Оставете „непознато“, со "
                 .. "причината, кога евиденцијата за посети и преписка сè уште не е достапна.",
               sq = "Në këtë përshtatje treguesi ka peshën 2. Lëreni të panjohur, me arsyen, kur "
                 .. "regjistrat e vizitave dhe të korrespondencës nuk janë ende të disponueshëm." },
}
change.item "S12" {
  text = { mk = "Истакнува симболи, пароли или гестови на насилна екстремистичка група" },
}

-- ---------------------------------------------------------------------
-- Optional record (not scored)
-- ---------------------------------------------------------------------

change.item "S13" {
  text = { mk = "Број на евидентирани инциденти поврзани со овие индикатори во последните шест месеци" },
}

-- ---------------------------------------------------------------------
-- Score, advisory level, referral flag
-- ---------------------------------------------------------------------

change.score "total" { title = { mk = "Пондериран збир на индикаторите" } }

-- The bands are given again up to the new maximum of 17, with their
-- labels in every language (a changed level replaces its bands).
change.level "screen" {
  title = { mk = "Советодавен резултат од скринингот" },
  bands = {
    { level = "negative", min = 0, max = 3.9,
      label = { mk          = "Не е потребно упатување",
                sq          = "Nuk kërkohet referim",
                en          = "No referral indicated",
                ["sr-Latn"] = "Upućivanje nije potrebno" } },
    { level = "positive", min = 4, max = 17,
      label = { mk          = "Упатување на целосна процена на ризикот и потребите",
                sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave",
                en          = "Refer to full risk and needs assessment",
                ["sr-Latn"] = "Uputiti na punu procenu rizika i potreba" } },
  },
}

change.flag "refer_full_assessment" {
  title = { mk = "Упатување на целосна процена на ризикот и потребите" },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-mk-tests"
