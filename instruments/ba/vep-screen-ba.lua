-- vep-screen-ba.lua -- screening for behavioural indicators of
-- radicalisation: the state-level adaptation for Bosnia and Herzegovina.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional screening form (instruments/screening/vep-screen.lua)
-- with an overlay. Every text is written in our own words; no item
-- wording of any licensed instrument is used. The added item, the bands
-- and the translations are invented for the example and must not be used
-- to make decisions about real people.
--
-- What this overlay changes against vep-screen:
--   * languages: Bosnian, Croatian and Serbian (Latin and Cyrillic), the
--     state level's working languages; results are written in Bosnian.
--     Serbian Cyrillic texts are converted from the Serbian Latin ones;
--   * translations: every text an assessor reads (title, part, domain,
--     items, short guidance, score, level, bands, flag) in Bosnian and
--     Croatian, and the inherited Serbian (ekavian) texts given again in
--     the ijekavian form used in Bosnia and Herzegovina;
--   * an added indicator BA01 (weight 1): the file shows that the person
--     took part in, or tried to join, an armed group in a conflict abroad;
--   * so the weighted total now reaches 17, and the bands are given again
--     (negative 0-3.9, positive 4-17: the cut-off itself is unchanged).
--
-- The entity and district overlays (fbih/, srpska/, brcko/) adapt this
-- script in turn.

instrument {
  id        = "vep-screen-ba",
  version   = "1.0.0",
  base      = { id = "vep-screen", version = "^1.0.0" },
  languages = { "bs", "hr", "sr-Latn", "sr-Cyrl" },
  title     = {
    bs          = "Skrining indikatora radikalizacije (Bosna i Hercegovina, ilustrativni)",
    hr          = "Probir pokazatelja radikalizacije (Bosna i Hercegovina, ilustrativni)",
    ["sr-Latn"] = "Skrining indikatora radikalizacije (Bosna i Hercegovina, ilustrativni)",
    en          = "Screening for indicators of radicalisation (Bosnia and Herzegovina, illustrative)",
  },
  description = {
    bs = "Ilustrativni obrazac za primjere biblioteke libvep; nije validiran "
      .. "instrument. Osoblje koje radi neposredno sa zatvorenicima ocjenjuje "
      .. "trinaest indikatora u ponašanju pri prijemu i tokom izdržavanja "
      .. "kazne. Pozitivan skrining ili bilo koji kritični indikator upućuje "
      .. "osobu na punu procjenu rizika i potreba.",
    hr = "Ilustrativni obrazac za primjere knjižnice libvep; nije validiran "
      .. "instrument. Osoblje koje radi neposredno sa zatvorenicima ocjenjuje "
      .. "trinaest pokazatelja u ponašanju pri prijamu i tijekom izdržavanja "
      .. "kazne. Pozitivan probir ili bilo koji kritični pokazatelj upućuje "
      .. "osobu na punu procjenu rizika i potreba.",
    -- (no "libvep" here: the name would be converted to Cyrillic)
    ["sr-Latn"] = "Ilustrativni obrazac za primjere; nije "
      .. "validiran instrument. Osoblje koje radi neposredno sa zatvorenicima "
      .. "ocjenjuje trinaest indikatora u ponašanju pri prijemu i tokom "
      .. "izdržavanja kazne. Pozitivan skrining ili bilo koji kritični "
      .. "indikator upućuje osobu na punu procjenu rizika i potreba.",
    en = "Illustrative screening form for libvep's examples (Bosnia and "
      .. "Herzegovina, state level); not a validated tool. Front-line staff "
      .. "rate thirteen behavioural indicators at admission and during "
      .. "imprisonment. A positive screen or any critical indicator refers "
      .. "the person to a full risk and needs assessment.",
  },
}

-- ---------------------------------------------------------------------
-- Part and domain
-- ---------------------------------------------------------------------

change.part "screen" {
  title = {
    bs          = "Indikatori za skrining",
    hr          = "Pokazatelji za probir",
  },
}

change.domain "indicators" {
  title = {
    bs          = "Indikatori radikalizacije u ponašanju",
    hr          = "Pokazatelji radikalizacije u ponašanju",
  },
}

-- ---------------------------------------------------------------------
-- Attitudes expressed
-- ---------------------------------------------------------------------

change.item "S01" {
  text = {
    bs          = "Odobrava nasilje prema grupi koju naziva neprijateljima",
    hr          = "Odobrava nasilje prema skupini koju naziva neprijateljima",
  },
  guidance = {
    bs          = "Izjave koje je čulo osoblje ili koje su zabilježene u izvještajima. "
               .. "Ljutnja na grupu bez odobravanja nasilja nije dovoljna.",
    hr          = "Izjave koje je čulo osoblje ili koje su zabilježene u izvješćima. "
               .. "Ljutnja na skupinu bez odobravanja nasilja nije dovoljna.",
    ["sr-Latn"] = "Izjave koje je čulo osoblje ili koje su zabilježene u izvještajima. "
               .. "Ljutnja na grupu bez odobravanja nasilja nije dovoljna.",
  },
}

change.item "S02" {
  text = {
    bs          = "Izražava želju ili namjeru da upotrijebi nasilje u ime ideje",
    hr          = "Izražava želju ili namjeru da upotrijebi nasilje u ime ideje",
    ["sr-Latn"] = "Izražava želju ili namjeru da upotrijebi nasilje u ime ideje",
  },
  guidance = {
    bs          = "Kritični indikator: ako je prisutan, sam po sebi upućuje osobu na punu "
               .. "procjenu. Zabilježite izgovorene riječi, datum i ko ih je čuo.",
    hr          = "Kritični pokazatelj: ako je prisutan, sam po sebi upućuje osobu na punu "
               .. "procjenu. Zabilježite izgovorene riječi, datum i tko ih je čuo.",
    ["sr-Latn"] = "Kritični indikator: ako je prisutan, sam po sebi upućuje osobu na punu "
               .. "procjenu. Zabilježite izgovorene riječi, datum i ko ih je čuo.",
  },
}

change.item "S03" {
  text = {
    bs          = "O ljudima izvan grupe govori kao o manje vrijednim ili kao da zaslužuju da im se naudi",
    hr          = "O ljudima izvan skupine govori kao o manje vrijednima ili kao da zaslužuju da im se naudi",
    ["sr-Latn"] = "O ljudima izvan grupe govori kao o manje vrijednim ili kao da zaslužuju da im se naudi",
  },
}

change.item "S04" {
  text = {
    bs          = "Iz ideoloških razloga odbacuje autoritet zakona, sudova ili kućnog reda zavoda",
    hr          = "Iz ideoloških razloga odbacuje autoritet zakona, sudova ili kućnog reda zatvora",
  },
  guidance = {
    bs          = "Obične pritužbe na zavod ili kaznu se ne računaju; odbijanje mora biti "
               .. "obrazloženo idejama grupe.",
    hr          = "Uobičajene pritužbe na zatvor ili kaznu ne računaju se; odbijanje mora biti "
               .. "obrazloženo idejama skupine.",
    ["sr-Latn"] = "Obične žalbe na zavod ili kaznu se ne računaju; odbijanje mora biti "
               .. "obrazloženo idejama grupe.",
  },
}

-- ---------------------------------------------------------------------
-- Behaviour towards other prisoners
-- ---------------------------------------------------------------------

change.item "S05" {
  text = {
    bs          = "Vrbuje druge zatvorenike za grupu ili vrši pritisak na njih",
    hr          = "Vrbuje druge zatvorenike za skupinu ili vrši pritisak na njih",
  },
  -- No item code in the Serbian text: it is converted to Cyrillic letter
  -- by letter, and a code such as S05a would come out in Cyrillic too.
  guidance = {
    bs          = "Kritični indikator. Ako je prisutan, u S05a opišite grupu i način "
               .. "na koji je vršen pritisak.",
    hr          = "Kritični pokazatelj. Ako je prisutan, u S05a opišite skupinu i način "
               .. "na koji je vršen pritisak.",
    ["sr-Latn"] = "Kritični indikator. Ako je prisutan, u pitanju koje slijedi opišite "
               .. "grupu i način na koji je vršen pritisak.",
  },
}

change.item "S05a" {
  text = {
    bs          = "Koja grupa i na koji način je vršen pritisak (bez imena drugih zatvorenika, samo matični brojevi)",
    hr          = "Koja skupina i na koji je način vršen pritisak (bez imena drugih zatvorenika, samo matični brojevi)",
  },
}

change.item "S06" {
  text = {
    bs          = "Zastrašuje ili kažnjava zatvorenike koji ne poštuju pravila grupe",
    hr          = "Zastrašuje ili kažnjava zatvorenike koji ne poštuju pravila skupine",
  },
}

change.item "S07" {
  text = {
    bs          = "Naglo prekida ranije društvene kontakte i preuzima identitet grupe",
    hr          = "Naglo prekida ranije društvene kontakte i preuzima identitet skupine",
  },
  guidance = {
    bs          = "Promjena vjerske prakse ili odijevanja sama po sebi nije indikator. "
               .. "Označite kao prisutno samo kada povlačenje prati nov, isključiv identitet grupe.",
    hr          = "Promjena vjerske prakse ili odijevanja sama po sebi nije pokazatelj. "
               .. "Označite kao prisutno samo kada povlačenje prati nov, isključiv identitet skupine.",
    ["sr-Latn"] = "Promjena vjerske prakse ili oblačenja sama po sebi nije indikator. "
               .. "Označite kao prisutno samo kada povlačenje prati nov, isključiv identitet grupe.",
  },
}

change.item "S08" {
  text = {
    bs          = "Zbog stavova grupe odbija kontakt s osobljem ili zatvorenicima druge vjere, nacionalnosti ili grupe",
    hr          = "Zbog stavova skupine odbija kontakt s osobljem ili zatvorenicima druge vjere, nacionalnosti ili skupine",
    ["sr-Latn"] = "Zbog stavova grupe odbija kontakt sa osobljem ili zatvorenicima druge vjere, nacionalnosti ili grupe",
  },
}

-- ---------------------------------------------------------------------
-- Material, symbols and outside contacts
-- ---------------------------------------------------------------------

change.item "S09" {
  text = {
    bs          = "Posjeduje ili širi ekstremističku propagandu",
    hr          = "Posjeduje ili širi ekstremističku propagandu",
    ["sr-Latn"] = "Posjeduje ili širi ekstremističku propagandu",
  },
  guidance = {
    bs          = "Materijal koji podstiče ili veliča nasilje u ime ideje, pronađen pri pretresu "
               .. "ili viđen kako se prosljeđuje. Zakoniti vjerski ili politički tekstovi nisu propaganda.",
    hr          = "Materijal koji potiče ili veliča nasilje u ime ideje, pronađen pri pretrazi "
               .. "ili viđen kako se prosljeđuje. Zakoniti vjerski ili politički tekstovi nisu propaganda.",
    ["sr-Latn"] = "Materijal koji podstiče ili veliča nasilje u ime ideje, pronađen pri pretresu "
               .. "ili viđen kako se prosljeđuje. Zakoniti vjerski ili politički tekstovi nisu propaganda.",
  },
}

change.item "S10" {
  text = {
    bs          = "Traži ili čuva uputstva o oružju, eksplozivu ili načinima napada",
    hr          = "Traži ili čuva upute o oružju, eksplozivu ili načinima napada",
  },
  guidance = {
    bs          = "Kritični indikator: ako je prisutan, sam po sebi upućuje osobu na punu "
               .. "procjenu. Odmah obavijestite službu obezbjeđenja.",
    hr          = "Kritični pokazatelj: ako je prisutan, sam po sebi upućuje osobu na punu "
               .. "procjenu. Odmah obavijestite službu osiguranja.",
    ["sr-Latn"] = "Kritični indikator: ako je prisutan, sam po sebi upućuje osobu na punu "
               .. "procjenu. Odmah obavijestite službu obezbjeđenja.",
  },
}

change.item "S11" {
  text = {
    bs          = "Održava kontakt (posjete, pisma, pozivi) s osobama za koje se zna da pripadaju nasilnim ekstremističkim grupama",
    hr          = "Održava kontakt (posjeti, pisma, pozivi) s osobama za koje se zna da pripadaju nasilnim ekstremističkim skupinama",
    ["sr-Latn"] = "Održava kontakt (posjete, pisma, pozivi) sa osobama za koje se zna da pripadaju nasilnim ekstremističkim grupama",
  },
  guidance = {
    bs          = "Ostavite kao nepoznato, uz razlog, kada evidencija posjeta i prepiske još nije dostupna.",
    hr          = "Ostavite kao nepoznato, uz razlog, kada evidencija posjeta i dopisivanja još nije dostupna.",
    ["sr-Latn"] = "Ostavite kao nepoznato, uz razlog, kada evidencija posjeta i prepiske još nije dostupna.",
  },
}

change.item "S12" {
  text = {
    bs          = "Ističe simbole, parole ili gestove nasilne ekstremističke grupe",
    hr          = "Ističe simbole, parole ili geste nasilne ekstremističke skupine",
  },
}

-- ---------------------------------------------------------------------
-- Added indicator: an armed group in a conflict abroad
-- ---------------------------------------------------------------------

-- Declared here, so it comes after the core's items (after S13) in forms
-- and results. It counts in the weighted total with weight 1.
item "BA01" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    bs          = "Iz dosijea proizlazi da je osoba učestvovala u oružanoj grupi u sukobu u "
               .. "inostranstvu ili se pokušala pridružiti takvoj grupi",
    hr          = "Iz spisa proizlazi da je osoba sudjelovala u oružanoj skupini u sukobu u "
               .. "inozemstvu ili se pokušala pridružiti takvoj skupini",
    ["sr-Latn"] = "Iz dosijea proizlazi da je osoba učestvovala u oružanoj grupi u sukobu u "
               .. "inostranstvu ili je pokušala da se pridruži takvoj grupi",
    en          = "The file shows that the person took part in, or tried to join, an armed "
               .. "group in a conflict abroad",
  },
  guidance = {
    bs          = "Samo na osnovu sudskih spisa ili službenih bezbjednosnih podataka, ne na osnovu "
               .. "glasina. Povratak iz zone sukoba sam po sebi ne znači sadašnji rizik; navedite izvor.",
    hr          = "Samo na temelju sudskih spisa ili službenih sigurnosnih podataka, ne na temelju "
               .. "glasina. Povratak iz zone sukoba sam po sebi ne znači sadašnji rizik; navedite izvor.",
    ["sr-Latn"] = "Samo na osnovu sudskih spisa ili službenih bezbjednosnih podataka, ne na osnovu "
               .. "glasina. Povratak iz zone sukoba sam po sebi ne znači sadašnji rizik; navedite izvor.",
    en          = "From court records or official security information only, never from "
               .. "rumour. Having returned from a conflict zone is not on its own a sign of "
               .. "current risk; name the source.",
  },
}

-- ---------------------------------------------------------------------
-- Optional record (not scored)
-- ---------------------------------------------------------------------

change.item "S13" {
  text = {
    bs          = "Broj evidentiranih incidenata povezanih s ovim indikatorima u posljednjih šest mjeseci",
    hr          = "Broj zabilježenih incidenata povezanih s ovim pokazateljima u posljednjih šest mjeseci",
    ["sr-Latn"] = "Broj evidentiranih incidenata povezanih sa ovim indikatorima u posljednjih šest mjeseci",
  },
}

-- ---------------------------------------------------------------------
-- Score, advisory level, referral flag
-- ---------------------------------------------------------------------

-- The total is the core's (the domain's items, prorated by weight); it
-- now takes in BA01 too, so it reaches 8 x 1 + 4 x 2 + 1 = 17.
change.score "total" {
  title = {
    bs          = "Ponderisani zbir indikatora",
    hr          = "Ponderirani zbroj pokazatelja",
  },
}

-- The bands replace the core's as a whole, so every label is given again.
change.level "screen" {
  title = {
    bs          = "Savjetodavni rezultat skrininga",
    hr          = "Savjetodavni rezultat probira",
    ["sr-Latn"] = "Savjetodavni rezultat skrininga",
  },
  bands = {
    { level = "negative", min = 0, max = 3.9,
      label = { bs          = "Upućivanje nije potrebno",
                hr          = "Upućivanje nije potrebno",
                ["sr-Latn"] = "Upućivanje nije potrebno",
                en          = "No referral indicated",
                sq          = "Nuk kërkohet referim" } },
    { level = "positive", min = 4, max = 17,
      label = { bs          = "Uputiti na punu procjenu rizika i potreba",
                hr          = "Uputiti na punu procjenu rizika i potreba",
                ["sr-Latn"] = "Uputiti na punu procjenu rizika i potreba",
                en          = "Refer to full risk and needs assessment",
                sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave" } },
  },
}

change.flag "refer_full_assessment" {
  title = {
    bs          = "Uputiti na punu procjenu rizika i potreba",
    hr          = "Uputiti na punu procjenu rizika i potreba",
    ["sr-Latn"] = "Uputiti na punu procjenu rizika i potreba",
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-ba-tests"
