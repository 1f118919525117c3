-- vep-rna-ba.lua -- risk and needs assessment of violent extremist
-- prisoners: the state-level adaptation for Bosnia and Herzegovina.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional RNA tool (instruments/rna/vep-rna.lua) with an
-- overlay. Every text is written in our own words; no item wording of any
-- licensed instrument is used. The added indicator and the translations
-- are invented for the example and must not be used to make decisions
-- about real people.
--
-- What this overlay changes against vep-rna:
--   * languages: Bosnian, Croatian and Serbian (Latin and Cyrillic);
--     results are written in Bosnian. Serbian Cyrillic texts are converted
--     from the Serbian Latin ones;
--   * translations: the title, the rating scale, the parts, the domains,
--     every indicator, the short guidance and the flags, in Bosnian and
--     Croatian; the inherited Serbian (ekavian) texts are given again in
--     the ijekavian form used in Bosnia and Herzegovina where they differ;
--   * H04 (training or experience in weapons and combat): the guidance
--     says that long-past military or wartime service does not on its own
--     make the rating high;
--   * an added additional indicator A07 (personal history): war or armed
--     conflict lived through that still weighs on the person. It is a
--     needs indicator; it counts in additional_present (now 0 to 7) and
--     the plan (vep-plan-rna-ba.lua) answers it with a trauma assessment.
--   * The tool still has no total: the judgement is the team's.

instrument {
  id        = "vep-rna-ba",
  version   = "1.0.0",
  base      = { id = "vep-rna", version = "^1.0.0" },
  languages = { "bs", "hr", "sr-Latn", "sr-Cyrl" },
  title     = {
    bs          = "Procjena rizika i potreba nasilnih ekstremističkih zatvorenika (Bosna i Hercegovina, ilustrativna)",
    hr          = "Procjena rizika i potreba nasilnih ekstremističkih zatvorenika (Bosna i Hercegovina, ilustrativna)",
    ["sr-Latn"] = "Procjena rizika i potreba nasilnih ekstremističkih zatvorenika (Bosna i Hercegovina, ilustrativna)",
    en          = "Risk and needs assessment of violent extremist prisoners (Bosnia and Herzegovina, illustrative)",
  },
  description = {
    bs = "Ilustrativni instrument strukturisane profesionalne procjene; nije "
      .. "validiran. Svaki indikator ocijenite na osnovu dosijea, razgovora i "
      .. "opažanja. Nisko: nema znakova ili su neznatni. Umjereno: neki znaci, "
      .. "ili znaci u prošlosti. Visoko: jasni, sadašnji i ponovljeni znaci. "
      .. "Kod zaštitnih indikatora visoko znači da je zaštitni faktor jasno i "
      .. "sada prisutan.",
    hr = "Ilustrativni instrument strukturirane stručne procjene; nije "
      .. "validiran. Svaki pokazatelj ocijenite na temelju spisa, razgovora i "
      .. "opažanja. Nisko: nema znakova ili su neznatni. Umjereno: neki znakovi, "
      .. "ili znakovi u prošlosti. Visoko: jasni, sadašnji i ponovljeni znakovi. "
      .. "Kod zaštitnih pokazatelja visoko znači da je zaštitni čimbenik jasno i "
      .. "sada prisutan.",
    ["sr-Latn"] = "Ilustrativni instrument strukturisane profesionalne procjene; "
      .. "nije validiran. Svaki indikator ocijenite na osnovu dosijea, razgovora "
      .. "i opažanja. Nisko: nema znakova ili su neznatni. Umjereno: neki znaci, "
      .. "ili znaci u prošlosti. Visoko: jasni, sadašnji i ponovljeni znaci. "
      .. "Kod zaštitnih indikatora visoko znači da je zaštitni faktor jasno i "
      .. "sada prisutan.",
  },
}

-- ---------------------------------------------------------------------
-- Rating scale (points merge by code: only the labels are added)
-- ---------------------------------------------------------------------

change.scale "lmh" {
  title = { bs = "Nisko / umjereno / visoko", hr = "Nisko / umjereno / visoko",
            ["sr-Latn"] = "Nisko / umjereno / visoko" },
  { code = "low",      label = { bs = "Nisko",    hr = "Nisko",    ["sr-Latn"] = "Nisko"    } },
  { code = "moderate", label = { bs = "Umjereno", hr = "Umjereno", ["sr-Latn"] = "Umjereno" } },
  { code = "high",     label = { bs = "Visoko",   hr = "Visoko",   ["sr-Latn"] = "Visoko"   } },
}

-- ---------------------------------------------------------------------
-- Parts and domains
-- ---------------------------------------------------------------------

change.part "rna"        { title = { bs = "Indikatori rizika i potreba", hr = "Pokazatelji rizika i potreba" } }
change.part "additional" { title = { bs = "Dodatni indikatori",          hr = "Dodatni pokazatelji" } }

change.domain "beliefs"    { title = {
  bs = "Uvjerenja, stavovi i ideologija", hr = "Uvjerenja, stavovi i ideologija",
  ["sr-Latn"] = "Uvjerenja, stavovi i ideologija" } }
change.domain "social"     { title = {
  bs = "Društveni kontekst i namjera", hr = "Društveno okruženje i namjera",
  ["sr-Latn"] = "Društveni kontekst i namjera" } }
change.domain "history"    { title = {
  bs = "Historija, djelovanje i kapaciteti", hr = "Povijest, djelovanje i sposobnosti",
  ["sr-Latn"] = "Istorija, djelovanje i kapaciteti" } }
change.domain "commitment" { title = {
  bs = "Posvećenost i motivacija", hr = "Predanost i motivacija" } }
change.domain "protective" { title = {
  bs = "Zaštitni faktori i faktori koji umanjuju rizik",
  hr = "Zaštitni čimbenici i čimbenici koji umanjuju rizik" } }
change.domain "additional" { title = {
  bs = "Kriminalna historija, lična historija, mentalno zdravlje",
  hr = "Kaznena povijest, osobna povijest, mentalno zdravlje" } }

-- ---------------------------------------------------------------------
-- Beliefs, attitudes and ideology
-- ---------------------------------------------------------------------

change.item "B01" {
  text = { bs          = "Ima uvjerenja po kojima je nasilje prema protivnicima opravdano ili nužno",
           hr          = "Ima uvjerenja po kojima je nasilje prema protivnicima opravdano ili nužno",
           ["sr-Latn"] = "Ima uvjerenja po kojima je nasilje prema protivnicima opravdano ili nužno" },
  guidance = {
    bs          = "Visoko: sada i ponovljeno tvrdi da je nasilje pravi ili jedini odgovor. Umjereno: "
               .. "neodlučan je ili je takva uvjerenja imao u prošlosti. Nisko: odbacuje ga.",
    hr          = "Visoko: sada i opetovano tvrdi da je nasilje pravi ili jedini odgovor. Umjereno: "
               .. "neodlučan je ili je takva uvjerenja imao u prošlosti. Nisko: odbacuje ga.",
    ["sr-Latn"] = "Visoko: sada i ponovljeno tvrdi da je nasilje pravi ili jedini odgovor. Umjereno: "
               .. "neodlučan je ili je takva uvjerenja imao u prošlosti. Nisko: odbacuje ga.",
  },
}
change.item "B02" { text = {
  bs          = "Smatra da je njemu ili grupi nanesena teška nepravda i za to krivi određenu grupu ili instituciju",
  hr          = "Smatra da je njemu ili skupini nanesena teška nepravda i za to krivi određenu skupinu ili instituciju",
  ["sr-Latn"] = "Smatra da je njemu ili grupi nanesena teška nepravda i za to krivi određenu grupu ili instituciju" } }
change.item "B03" { text = {
  bs          = "Ciljanu grupu opisuje kao zlo, kao manje vrijedne ljude ili kao prijetnju koju treba ukloniti",
  hr          = "Ciljanu skupinu opisuje kao zlo, kao manje vrijedne ljude ili kao prijetnju koju treba ukloniti",
  ["sr-Latn"] = "Ciljanu grupu opisuje kao zlo, kao manje vrijedne ljude ili kao prijetnju koju treba ukloniti" } }
change.item "B04" { text = {
  bs          = "Odbacuje pravni i politički poredak i svaki miran način njegove promjene",
  hr          = "Odbacuje pravni i politički poredak i svaki miran način njegove promjene",
  ["sr-Latn"] = "Odbacuje pravni i politički poredak i svaki miran način njegove promjene" } }
change.item "B05" { text = {
  bs          = "Pokazuje malo brige za štetu nanesenu ljudima izvan grupe",
  hr          = "Pokazuje malo brige za štetu nanesenu ljudima izvan skupine",
  ["sr-Latn"] = "Pokazuje malo brige za štetu nanesenu ljudima izvan grupe" } }
change.item "B06" { text = {
  bs          = "O ideji razmišlja kruto, crno-bijelo; ne podnosi sumnju ni drugačija mišljenja",
  hr          = "O ideji razmišlja kruto, crno-bijelo; ne podnosi sumnju ni drukčija mišljenja",
  ["sr-Latn"] = "O ideji razmišlja kruto, crno-bijelo; ne podnosi sumnju ni drugačija mišljenja" } }

-- ---------------------------------------------------------------------
-- Social context and intention
-- ---------------------------------------------------------------------

change.item "I01" { text = {
  bs = "Blizak i redovan kontakt s osobama koje čine ili podržavaju nasilje u ime ideje",
  hr = "Blizak i redovit kontakt s osobama koje čine ili podupiru nasilje u ime ideje" } }
change.item "I02" { text = {
  bs = "Traži, prikuplja ili izrađuje materijal koji podstiče nasilje u ime ideje",
  hr = "Traži, prikuplja ili izrađuje materijal koji potiče nasilje u ime ideje" } }
change.item "I03" {
  text = { bs          = "Naveo je određenu osobu, mjesto, grupu ili događaj kao moguću metu",
           hr          = "Naveo je određenu osobu, mjesto, skupinu ili događaj kao moguću metu",
           ["sr-Latn"] = "Naveo je određenu osobu, mjesto, grupu ili događaj kao moguću metu" },
  guidance = {
    bs          = "Indikator namjere, koristi se u obrascu „sposobnost uz namjeru“. Visoko: konkretna meta navedena nedavno.",
    hr          = "Pokazatelj namjere, koristi se u obrascu „sposobnost uz namjeru”. Visoko: konkretna meta navedena nedavno.",
    ["sr-Latn"] = "Indikator namjere, koristi se u obrascu „sposobnost uz namjeru“. Visoko: konkretna meta navedena nedavno.",
  },
}
change.item "I04" {
  text = { bs = "Izjavio je da će izvršiti nasilje ili se za njega priprema",
           hr = "Izjavio je da će počiniti nasilje ili se za njega priprema" },
  guidance = {
    bs          = "Indikator namjere, koristi se u obrascu „sposobnost uz namjeru“. Visoko: nedavna izjava "
               .. "o namjeri ili radnje pripreme. Odmah obavijestite službu obezbjeđenja.",
    hr          = "Pokazatelj namjere, koristi se u obrascu „sposobnost uz namjeru”. Visoko: nedavna izjava "
               .. "o namjeri ili pripremne radnje. Odmah obavijestite službu osiguranja.",
    ["sr-Latn"] = "Indikator namjere, koristi se u obrascu „sposobnost uz namjeru“. Visoko: nedavna izjava "
               .. "o namjeri ili radnje pripreme. Odmah obavijestite službu obezbjeđenja.",
  },
}
change.item "I05" { text = {
  bs = "O smrti za ideju govori kao o nečemu poželjnom",
  hr = "O smrti za ideju govori kao o nečemu poželjnom" } }
change.item "I06" { text = {
  bs = "Skriva kontakte ili komunikaciju s osobama izvan zatvora (šifre, posrednici)",
  hr = "Skriva kontakte ili komunikaciju s osobama izvan zatvora (šifre, posrednici)" } }

-- ---------------------------------------------------------------------
-- History, action and capacity
-- ---------------------------------------------------------------------

change.item "H01" { text = {
  bs          = "Odrastao je ili dugo živio među ljudima koji su odobravali nasilje u ime ideje",
  hr          = "Odrastao je ili dugo živio među ljudima koji su odobravali nasilje u ime ideje",
  ["sr-Latn"] = "Odrastao je ili dugo živio među ljudima koji su odobravali nasilje u ime ideje" } }
change.item "H02" { text = {
  bs = "Članovi porodice ili bliski prijatelji učestvovali su u nasilju u ime ideje",
  hr = "Članovi obitelji ili bliski prijatelji sudjelovali su u nasilju u ime ideje" } }
change.item "H03" { text = {
  bs          = "Ranije je koristio ozbiljno nasilje ili prijetio njime, iz bilo kojeg motiva",
  hr          = "Ranije je koristio ozbiljno nasilje ili prijetio njime, iz bilo kojeg motiva",
  ["sr-Latn"] = "Ranije je koristio ozbiljno nasilje ili prijetio njime, iz bilo kog motiva" } }

-- The local note: many adults in the region served in an army or lived
-- through the war of the 1990s; that alone is not current capability.
change.item "H04" {
  text = { bs          = "Ima obuku ili iskustvo s oružjem, eksplozivom, borbom ili izbjegavanjem sigurnosnih mjera",
           hr          = "Ima obuku ili iskustvo s oružjem, eksplozivom, borbom ili izbjegavanjem sigurnosnih mjera",
           ["sr-Latn"] = "Ima obuku ili iskustvo sa oružjem, eksplozivom, borbom ili izbjegavanjem bezbjednosnih mjera" },
  guidance = {
    bs          = "Indikator sposobnosti, koristi se u obrascu „sposobnost uz namjeru“. Visoko: dokumentovana "
               .. "obuka ili borbeno iskustvo. Davna vojna služba ili učešće u ratu sami po sebi ne znače "
               .. "visoku ocjenu: ocijenite sadašnji značaj.",
    hr          = "Pokazatelj sposobnosti, koristi se u obrascu „sposobnost uz namjeru”. Visoko: dokumentirana "
               .. "obuka ili borbeno iskustvo. Davna vojna služba ili sudjelovanje u ratu sami po sebi ne znače "
               .. "visoku ocjenu: ocijenite sadašnji značaj.",
    ["sr-Latn"] = "Indikator sposobnosti, koristi se u obrascu „sposobnost uz namjeru“. Visoko: dokumentovana "
               .. "obuka ili borbeno iskustvo. Davna vojna služba ili učešće u ratu sami po sebi ne znače "
               .. "visoku ocjenu: ocijenite sadašnji značaj.",
    en          = "Capability indicator, used by the capability-with-intent pattern. High: "
               .. "documented training or combat experience. Military or wartime service long "
               .. "ago does not on its own make the rating high: rate its current relevance.",
  },
}
change.item "H05" { text = {
  bs = "Prošao je organizovanu ideološku obuku u nasilnoj grupi",
  hr = "Prošao je organiziranu ideološku obuku u nasilnoj skupini" } }
change.item "H06" {
  text = { bs          = "Može pribaviti novac, opremu, kontakte ili organizacijske vještine potrebne za napad",
           hr          = "Može pribaviti novac, opremu, kontakte ili organizacijske vještine potrebne za napad",
           ["sr-Latn"] = "Može da pribavi novac, opremu, kontakte ili organizacione vještine potrebne za napad" },
  guidance = {
    bs          = "Indikator sposobnosti, koristi se u obrascu „sposobnost uz namjeru“. Visoko: sadašnji pristup, a ne samo raniji.",
    hr          = "Pokazatelj sposobnosti, koristi se u obrascu „sposobnost uz namjeru”. Visoko: sadašnji pristup, a ne samo raniji.",
    ["sr-Latn"] = "Indikator sposobnosti, koristi se u obrascu „sposobnost uz namjeru“. Visoko: sadašnji pristup, a ne samo raniji.",
  },
}

-- ---------------------------------------------------------------------
-- Commitment and motivation
-- ---------------------------------------------------------------------

change.item "M01" { text = {
  bs = "Veliča ranije napade ili njihove izvršioce",
  hr = "Veliča ranije napade ili njihove počinitelje" } }
change.item "M02" { text = {
  bs = "Od grupe očekuje ličnu korist: novac, status ili moć",
  hr = "Od skupine očekuje osobnu korist: novac, status ili moć" } }
change.item "M03" { text = {
  bs = "Grupa mu je glavni izvor prijateljstva, zaštite i pripadnosti",
  hr = "Skupina mu je glavni izvor prijateljstva, zaštite i pripadnosti" } }
change.item "M04" { text = {
  bs          = "Vjeruje da ga ideja moralno obavezuje da djeluje i da je grupa iznad drugih",
  hr          = "Vjeruje da ga ideja moralno obvezuje da djeluje i da je skupina iznad drugih",
  ["sr-Latn"] = "Vjeruje da ga ideja moralno obavezuje da djeluje i da je grupa iznad drugih" } }
change.item "M05" { text = {
  bs = "Privlače ga uzbuđenje, opasnost i herojska slika o sebi",
  hr = "Privlače ga uzbuđenje, opasnost i junačka slika o sebi" } }
change.item "M06" { text = {
  bs = "Kroz ideju traži smisao, identitet ili iskupljenje",
  hr = "Kroz ideju traži smisao, identitet ili iskupljenje" } }

-- ---------------------------------------------------------------------
-- Protective and risk-mitigating factors (high = strong protection)
-- ---------------------------------------------------------------------

change.item "P01" { text = {
  bs          = "Preispituje svoja uvjerenja ili ih sada shvata manje kruto",
  hr          = "Preispituje svoja uvjerenja ili ih sada shvaća manje kruto",
  ["sr-Latn"] = "Preispituje svoja uvjerenja ili ih sada shvata manje kruto" } }
change.item "P02" { text = {
  bs = "Odbacuje nasilje kao sredstvo za ostvarivanje ciljeva grupe",
  hr = "Odbacuje nasilje kao sredstvo za ostvarivanje ciljeva skupine" } }
change.item "P03" { text = {
  bs = "Bivše protivnike vidi kao ljude s kojima su mogući kontakt i suživot",
  hr = "Bivše protivnike vidi kao ljude s kojima su mogući kontakt i suživot" } }
change.item "P04" { text = {
  bs = "Aktivno učestvuje u programima, obrazovanju, radu ili dijalogu u zatvoru",
  hr = "Aktivno sudjeluje u programima, obrazovanju, radu ili dijalogu u zatvoru" } }
change.item "P05" { text = {
  bs = "Ima porodicu, partnera ili kontakte u zajednici koji podržavaju život bez nasilja",
  hr = "Ima obitelj, partnera ili kontakte u zajednici koji podupiru život bez nasilja" } }
change.item "P06" {
  text = { bs          = "Ima konkretne i realne planove za zakonit život poslije otpusta",
           hr          = "Ima konkretne i realne planove za zakonit život nakon otpusta",
           ["sr-Latn"] = "Ima konkretne i realne planove za zakonit život poslije otpusta" },
  guidance = {
    bs          = "Nije primjenjivo kada se datum otpusta ne može predvidjeti.",
    hr          = "Nije primjenjivo kada se datum otpusta ne može predvidjeti.",
    ["sr-Latn"] = "Nije primjenljivo kada se datum otpusta ne može predvidjeti.",
  },
}

-- ---------------------------------------------------------------------
-- Additional indicators (present / absent)
-- ---------------------------------------------------------------------

change.item "A01" { text = {
  bs          = "Osude za nasilna krivična djela koja nisu povezana s ideologijom",
  hr          = "Osude za nasilna kaznena djela koja nisu povezana s ideologijom",
  ["sr-Latn"] = "Osude za nasilna krivična djela koja nisu povezana sa ideologijom" } }
change.item "A02" { text = {
  bs = "Drugo ozbiljno kriminalno ponašanje (npr. organizovani kriminal, trgovina oružjem)",
  hr = "Drugo ozbiljno kriminalno ponašanje (npr. organizirani kriminal, trgovina oružjem)" } }
change.item "A03" { text = {
  bs          = "Doživio je ozbiljno nasilje, zlostavljanje ili zanemarivanje u djetinjstvu",
  hr          = "Doživio je ozbiljno nasilje, zlostavljanje ili zanemarivanje u djetinjstvu",
  ["sr-Latn"] = "Doživio je ozbiljno nasilje, zlostavljanje ili zanemarivanje u djetinjstvu" } }
change.item "A04" { text = {
  bs          = "Prošao je kroz tešku ličnu krizu, gubitak ili poniženje prije pristupanja grupi",
  hr          = "Prošao je kroz tešku osobnu krizu, gubitak ili poniženje prije pristupanja skupini",
  ["sr-Latn"] = "Prošao je kroz tešku ličnu krizu, gubitak ili poniženje prije pristupanja grupi" } }
change.item "A05" {
  text = { bs = "Dijagnosticiran mentalni poremećaj od značaja za rizik",
           hr = "Dijagnosticiran psihički poremećaj od značaja za rizik" },
  guidance = {
    bs          = "Samo dijagnoza kvalifikovanog kliničara, zabilježena u dosijeu; izvor navedite u dokazima.",
    hr          = "Samo dijagnoza kvalificiranog kliničara, zabilježena u spisu; izvor navedite u dokazima.",
    ["sr-Latn"] = "Samo dijagnoza kvalifikovanog kliničara, zabilježena u dosijeu; izvor navedite u dokazima.",
  },
}
change.item "A06" { text = {
  bs = "Štetna upotreba alkohola ili droga",
  hr = "Štetna uporaba alkohola ili droga" } }

-- The added indicator: personal history. Declared here, so it comes after
-- A06 in forms and results; it counts in additional_present.
item "A07" {
  type = "presence", domains = { "additional" }, required = true,
  text = {
    bs          = "Preživio je rat ili oružani sukob (kao civil ili borac, u zemlji ili "
               .. "inostranstvu) i to ga još uvijek opterećuje",
    hr          = "Proživio je rat ili oružani sukob (kao civil ili borac, u zemlji ili "
               .. "inozemstvu) i to ga još uvijek opterećuje",
    ["sr-Latn"] = "Preživio je rat ili oružani sukob (kao civil ili borac, u zemlji ili "
               .. "inostranstvu) i to ga još uvijek opterećuje",
    en          = "Lived through war or armed conflict (as a civilian or a combatant, at home "
               .. "or abroad) and it still weighs on the person",
  },
  guidance = {
    bs          = "Indikator lične historije i potreba, a ne sam po sebi indikator rizika: označite "
               .. "kao prisutno samo ako to iskustvo i danas utiče na zdravlje, san, ljutnju ili "
               .. "odnose. Navedite izvor (dosije, zdravstvena služba, razgovor).",
    hr          = "Pokazatelj osobne povijesti i potreba, a ne sam po sebi pokazatelj rizika: "
               .. "označite kao prisutno samo ako to iskustvo i danas utječe na zdravlje, san, "
               .. "ljutnju ili odnose. Navedite izvor (spis, zdravstvena služba, razgovor).",
    ["sr-Latn"] = "Indikator lične istorije i potreba, a ne sam po sebi indikator rizika: označite "
               .. "kao prisutno samo ako to iskustvo i danas utiče na zdravlje, san, ljutnju ili "
               .. "odnose. Navedite izvor (dosije, zdravstvena služba, razgovor).",
    en          = "A personal-history and needs indicator, not a risk indicator on its own: rate "
               .. "present only when the experience still affects health, sleep, anger or "
               .. "relationships. Name the source (file, health service, interview).",
  },
}

-- ---------------------------------------------------------------------
-- Flags
-- ---------------------------------------------------------------------

change.flag "capability_with_intent" { title = {
  bs          = "Indikatori sposobnosti i namjere ocijenjeni su visoko",
  hr          = "Pokazatelji sposobnosti i namjere ocijenjeni su visoko",
  ["sr-Latn"] = "Indikatori sposobnosti i namjere ocijenjeni su visoko" } }
change.flag "intent_stated" { title = {
  bs          = "Izražena namjera ili priprema nasilja ocijenjena visoko: obavijestiti službu obezbjeđenja",
  hr          = "Izražena namjera ili priprema nasilja ocijenjena visoko: obavijestiti službu osiguranja",
  ["sr-Latn"] = "Izražena namjera ili priprema nasilja ocijenjena visoko: obavijestiti službu obezbjeđenja" } }
change.flag "commitment_several_high" { title = {
  bs          = "Tri ili više indikatora posvećenosti i motivacije ocijenjeno visoko",
  hr          = "Tri ili više pokazatelja predanosti i motivacije ocijenjeno visoko",
  ["sr-Latn"] = "Tri ili više indikatora posvećenosti i motivacije ocijenjeno visoko" } }
change.flag "protective_weak" { title = {
  bs          = "Slabi zaštitni faktori: najviše jedan ocijenjen visoko",
  hr          = "Slabi zaštitni čimbenici: najviše jedan ocijenjen visoko",
  ["sr-Latn"] = "Slabi zaštitni faktori: najviše jedan ocijenjen visoko" } }

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-rna-ba-tests"
