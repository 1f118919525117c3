-- vep-rna-al.lua -- Albania: the regional risk and needs assessment
-- (instruments/rna/vep-rna.lua) in Albanian, with one local adaptation.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional core with an overlay. The Albanian wording is our
-- own; no item wording of any licensed instrument is used. The threshold
-- changed below is invented for the example and must not be used to make
-- decisions about real people.
--
-- What this overlay changes:
--   * languages: Albanian (sq) first, so results are written in Albanian;
--     the core's English and Serbian (Latin) texts stay as fallbacks;
--   * every text an assessor reads (title, parts, domains, the 36
--     indicators, the rating scale, the flags, the short guidance) is
--     translated into Albanian;
--   * the weak-protection flag is raised when at most TWO of the six
--     protective factors are rated high (the core: at most one), so that
--     the team looks at protective work earlier.

instrument {
  id        = "vep-rna-al",
  version   = "1.0.0",
  base      = { id = "vep-rna", version = "^1.0.0" },
  languages = { "sq" },
  title     = {
    sq = "Vlerësimi i rrezikut dhe i nevojave të të burgosurve ekstremistë të dhunshëm (ilustrues, Shqipëri)",
    en = "Risk and needs assessment of violent extremist prisoners (illustrative, Albania)",
  },
  description = {
    sq = "Mjet ilustrues i gjykimit profesional të strukturuar për shembujt e libvep; "
      .. "nuk është mjet i vlerësuar shkencërisht. Vlerësoni çdo tregues nga dosja, "
      .. "intervistat dhe vëzhgimi. I ulët: asnjë shenjë ose shenjë e vogël. Mesatar: "
      .. "disa shenja, ose shenja në të kaluarën. I lartë: shenja të qarta, të tanishme "
      .. "dhe të përsëritura. Për treguesit mbrojtës, i lartë do të thotë se faktori "
      .. "mbrojtës është qartë i pranishëm tani.",
  },
}

-- ---------------------------------------------------------------------
-- Rating scale, parts and domains
-- ---------------------------------------------------------------------

change.scale "lmh" {
  title = { sq = "I ulët / mesatar / i lartë" },
  { code = "low",      label = { sq = "I ulët"  } },
  { code = "moderate", label = { sq = "Mesatar" } },
  { code = "high",     label = { sq = "I lartë" } },
}

change.part "rna"        { title = { sq = "Treguesit e rrezikut dhe të nevojave" } }
change.part "additional" { title = { sq = "Tregues shtesë" } }

change.domain "beliefs"    { title = { sq = "Besimet, qëndrimet dhe ideologjia" } }
change.domain "social"     { title = { sq = "Konteksti shoqëror dhe synimi" } }
change.domain "history"    { title = { sq = "Historia, veprimet dhe aftësitë" } }
change.domain "commitment" { title = { sq = "Përkushtimi dhe motivimi" } }
change.domain "protective" { title = { sq = "Faktorët mbrojtës dhe ata që zbusin rrezikun" } }
change.domain "additional" { title = { sq = "Historia kriminale, historia personale, shëndeti mendor" } }

-- ---------------------------------------------------------------------
-- Beliefs, attitudes and ideology
-- ---------------------------------------------------------------------

change.item "B01" {
  text = { sq = "Ka besime sipas të cilave dhuna ndaj kundërshtarëve është e justifikuar ose e domosdoshme" },
  guidance = { sq = "I lartë: pohon, tani dhe në mënyrë të përsëritur, se dhuna është përgjigjja "
                 .. "e duhur ose e vetme. Mesatar: i lëkundur, ose i ka pasur këto besime në të "
                 .. "kaluarën. I ulët: e refuzon dhunën." },
}
change.item "B02" { text = { sq = "Ndjen se atij ose asaj, ose grupit, i është bërë një padrejtësi e rëndë dhe fajëson një grup ose institucion të caktuar" } }
change.item "B03" { text = { sq = "E përshkruan një grup të shënjestruar si të keq, si më pak se njerëz ose si kërcënim që duhet eliminuar" } }
change.item "B04" { text = { sq = "Refuzon rendin ligjor dhe politik dhe çdo mënyrë paqësore për ta ndryshuar atë" } }
change.item "B05" { text = { sq = "Tregon pak shqetësim për dëmin që u shkaktohet njerëzve jashtë grupit" } }
change.item "B06" { text = { sq = "Mendon për kauzën në mënyrë të ngurtë, bardh e zi; nuk duron dyshimin ose pikëpamje të tjera" } }

-- ---------------------------------------------------------------------
-- Social context and intention
-- ---------------------------------------------------------------------

change.item "I01" { text = { sq = "Kontakt i ngushtë dhe i rregullt me persona që ushtrojnë ose nxitin dhunë për një kauzë" } }
change.item "I02" { text = { sq = "Kërkon, mbledh ose prodhon materiale që nxitin dhunën për një kauzë" } }
change.item "I03" {
  text = { sq = "Ka përmendur një person, vend, grup ose ngjarje të caktuar si shënjestër të mundshme" },
  guidance = { sq = "Tregues i synimit, përdoret nga modeli aftësi me synim. I lartë: një "
                 .. "shënjestër konkrete e përmendur së fundmi." },
}
change.item "I04" {
  text = { sq = "Ka thënë se do të kryejë dhunë ose po përgatitet për të" },
  guidance = { sq = "Tregues i synimit, përdoret nga modeli aftësi me synim. I lartë: një "
                 .. "deklaratë e fundit e synimit ose veprime përgatitore. Njoftoni menjëherë "
                 .. "shërbimin e sigurisë." },
}
change.item "I05" { text = { sq = "Flet për vdekjen për kauzën si për diçka të dëshirueshme" } }
change.item "I06" { text = { sq = "Fsheh kontaktet ose komunikimin me persona jashtë burgut (kode, ndërmjetës)" } }

-- ---------------------------------------------------------------------
-- History, action and capacity
-- ---------------------------------------------------------------------

change.item "H01" { text = { sq = "Është rritur ose ka jetuar për një kohë të gjatë mes njerëzve që e miratonin dhunën për një kauzë" } }
change.item "H02" { text = { sq = "Anëtarë të familjes ose miq të ngushtë kanë marrë pjesë në dhunë për një kauzë" } }
change.item "H03" { text = { sq = "Ka përdorur ose ka kërcënuar më parë me dhunë të rëndë, për çfarëdo motivi" } }
change.item "H04" {
  text = { sq = "Ka trajnim ose përvojë me armë, eksplozivë, luftime ose shmangie të masave të sigurisë" },
  guidance = { sq = "Tregues i aftësisë, përdoret nga modeli aftësi me synim. I lartë: trajnim "
                 .. "i dokumentuar ose përvojë luftarake." },
}
change.item "H05" { text = { sq = "Ka marrë formim ideologjik të organizuar nga një grup i dhunshëm" } }
change.item "H06" {
  text = { sq = "Mund të sigurojë para, pajisje, kontakte ose aftësi organizative të nevojshme për një sulm" },
  guidance = { sq = "Tregues i aftësisë, përdoret nga modeli aftësi me synim. I lartë: qasje e "
                 .. "tanishme, jo vetëm qasje në të kaluarën." },
}

-- ---------------------------------------------------------------------
-- Commitment and motivation
-- ---------------------------------------------------------------------

change.item "M01" { text = { sq = "Lavdëron sulmet e mëparshme ose ata që i kryen" } }
change.item "M02" { text = { sq = "Pret përfitim personal nga grupi: para, status ose pushtet" } }
change.item "M03" { text = { sq = "Grupi është burimi kryesor i miqësisë, i mbrojtjes dhe i përkatësisë" } }
change.item "M04" { text = { sq = "Beson se kauza i jep një detyrim moral për të vepruar dhe e vendos grupin mbi të tjerët" } }
change.item "M05" { text = { sq = "Tërhiqet nga emocionet e forta, rreziku dhe një imazh heroik i vetvetes" } }
change.item "M06" { text = { sq = "Kërkon kuptim, identitet ose shëlbim përmes kauzës" } }

-- ---------------------------------------------------------------------
-- Protective and risk-mitigating factors (high = strong protection)
-- ---------------------------------------------------------------------

change.item "P01" { text = { sq = "Vë në dyshim besimet e veta, ose tani i mban ato në mënyrë më pak absolute" } }
change.item "P02" { text = { sq = "Refuzon dhunën si mjet për arritjen e qëllimeve të grupit" } }
change.item "P03" { text = { sq = "I sheh ish-kundërshtarët si njerëz me të cilët janë të mundshme kontakti dhe bashkëjetesa" } }
change.item "P04" { text = { sq = "Merr pjesë aktivisht në programe, arsim, punë ose dialog në burg" } }
change.item "P05" { text = { sq = "Ka familje, partner ose kontakte në komunitet që mbështesin një jetë pa dhunë" } }
change.item "P06" {
  text = { sq = "Ka plane konkrete dhe realiste për një jetë në përputhje me ligjin pas lirimit" },
  guidance = { sq = "Nuk zbatohet kur nuk mund të parashikohet data e lirimit (p.sh. burgim "
                 .. "i përjetshëm pa një datë rishqyrtimi ende)." },
}

-- ---------------------------------------------------------------------
-- Additional indicators (present / absent)
-- ---------------------------------------------------------------------

change.item "A01" { text = { sq = "Dënime për vepra penale të dhunshme që nuk lidhen me kauzën" } }
change.item "A02" { text = { sq = "Sjellje tjetër e rëndë kriminale (p.sh. krim i organizuar, trafikim armësh)" } }
change.item "A03" { text = { sq = "Ka përjetuar dhunë, abuzim ose neglizhim të rëndë në fëmijëri" } }
change.item "A04" { text = { sq = "Ka kaluar një krizë personale, humbje ose poshtërim të rëndë para se t'i bashkohej grupit" } }
change.item "A05" {
  text = { sq = "Çrregullim mendor i diagnostikuar që ka lidhje me rrezikun" },
  guidance = { sq = "Vetëm një diagnozë nga një klinicist i kualifikuar, e regjistruar në "
                 .. "dosje; shënoni burimin te provat." },
}
change.item "A06" { text = { sq = "Përdorim i dëmshëm i alkoolit ose i drogës" } }

-- ---------------------------------------------------------------------
-- Flags (they draw attention; they decide nothing)
-- ---------------------------------------------------------------------

change.flag "capability_with_intent" {
  title = { sq = "Treguesit e aftësisë dhe të synimit, të dy me vlerësim të lartë" },
}
change.flag "intent_stated" {
  title = { sq = "Synim i deklaruar ose përgatitje për dhunë me vlerësim të lartë: njoftoni shërbimin e sigurisë" },
}
change.flag "commitment_several_high" {
  title = { sq = "Tre ose më shumë tregues të përkushtimit dhe të motivimit me vlerësim të lartë" },
}

-- Adaptation: weak protection is flagged at two or fewer protective
-- factors rated high (the core: one or fewer). As in the core, the flag
-- is raised only when the protective count has a value (at most two
-- protective factors unknown). The title changes with the threshold, in
-- every language.
change.flag "protective_weak" {
  when  = { score = "protective_high", at_most = 2 },
  title = { sq          = "Faktorë mbrojtës të dobët: më së shumti dy me vlerësim të lartë",
            en          = "Protective factors weak: at most two rated high",
            ["sr-Latn"] = "Slabi zaštitni faktori: najviše dva ocenjena visoko" },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-rna-al-tests"
