-- vep-screen-me.lua -- Montenegro's adaptation of the regional screening
-- form (instruments/screening/vep-screen.lua)
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional core with an overlay. Every item is written in our
-- own words; no item wording of any licensed instrument is used. The
-- added indicator and the changed weight are invented for the example
-- and must not be used to make decisions about real people.
--
-- What this overlay changes (everything else is inherited):
--   * languages: Montenegrin (cnr, Latin script) first, so results are
--     written in it, then Serbian Latin; a text not written in
--     Montenegrin is shown from Serbian Latin (`fallbacks`);
--   * the core's texts translated into Montenegrin: title, part, domain,
--     items, score, level, bands, flag and the short guidance;
--   * an added indicator, ME01 (stay in a foreign armed conflict zone, or
--     contact with people there), weight 2;
--   * S11 (contact with members of violent extremist groups) now counts
--     double (weight 2; the core: 1);
--   * the indicators weigh 19 in all (the core: 16), so the bands run to
--     19; the cut-off stays at 4.

instrument {
  id        = "vep-screen-me",
  version   = "1.0.0",
  base      = { id = "vep-screen", version = "^1.0.0" },
  languages = { "cnr", "sr-Latn" },
  fallbacks = { cnr = "sr-Latn" },
  title     = {
    cnr         = "Skrining indikatora radikalizacije, Crna Gora (ilustrativni)",
    ["sr-Latn"] = "Skrining indikatora radikalizacije, Crna Gora (ilustrativni)",
    en          = "Screening for indicators of radicalisation, Montenegro (illustrative)",
  },
  description = {
    cnr = "Ilustrativni obrazac za skrining, napisan kao primjer za libvep; nije "
      .. "validiran instrument. Osoblje prvog kontakta ocjenjuje trinaest indikatora "
      .. "u ponašanju pri prijemu i tokom izdržavanja kazne. Pozitivan skrining ili "
      .. "bilo koji kritični indikator upućuje osobu na punu procjenu rizika i potreba.",
    ["sr-Latn"] = "Ilustrativni obrazac za skrining, napisan kao primer za libvep; "
      .. "nije validiran instrument. Osoblje prvog kontakta ocenjuje trinaest "
      .. "indikatora u ponašanju pri prijemu i tokom izdržavanja kazne. Pozitivan "
      .. "skrining ili bilo koji kritični indikator upućuje osobu na punu procenu "
      .. "rizika i potreba.",
    en = "Illustrative screening form for libvep's examples; not a validated "
      .. "tool. Front-line staff rate thirteen behavioural indicators at "
      .. "admission and during imprisonment. A positive screen or any "
      .. "critical indicator refers the person to a full risk and needs "
      .. "assessment.",
  },
}

-- ---------------------------------------------------------------------
-- Part and domain
-- ---------------------------------------------------------------------

change.part "screen" { title = { cnr = "Indikatori za skrining" } }

change.domain "indicators" { title = { cnr = "Indikatori radikalizacije u ponašanju" } }

-- ---------------------------------------------------------------------
-- The core's items in Montenegrin
-- ---------------------------------------------------------------------

change.item "S01" {
  text     = { cnr = "Odobrava nasilje prema grupi koju naziva neprijateljima" },
  guidance = { cnr = "Izjave koje je čulo osoblje ili koje su zabilježene u izvještajima. "
                  .. "Ljutnja na grupu bez odobravanja nasilja nije dovoljna.",
               ["sr-Latn"] = "Izjave koje je čulo osoblje ili koje su zabeležene u "
                  .. "izveštajima. Ljutnja na grupu bez odobravanja nasilja nije dovoljna." },
}

change.item "S02" {
  text     = { cnr = "Izražava želju ili namjeru da upotrijebi nasilje u ime ideje" },
  guidance = { cnr = "Kritični indikator: kada je prisutan, sam upućuje osobu na punu "
                  .. "procjenu. Zabilježiti izgovorene riječi, datum i ko ih je čuo.",
               ["sr-Latn"] = "Kritični indikator: kada je prisutan, sam upućuje osobu na "
                  .. "punu procenu. Zabeležiti izgovorene reči, datum i ko ih je čuo." },
}

change.item "S03" {
  text = { cnr = "O ljudima izvan grupe govori kao o manje vrijednim ili kao da "
              .. "zaslužuju da im se naudi" },
}

change.item "S04" {
  text     = { cnr = "Iz ideoloških razloga odbacuje autoritet zakona, sudova ili kućnog "
                  .. "reda zavoda" },
  guidance = { cnr = "Uobičajene pritužbe na zavod ili na kaznu se ne računaju; odbijanje "
                  .. "mora biti obrazloženo idejama grupe.",
               ["sr-Latn"] = "Uobičajene pritužbe na zavod ili na kaznu se ne računaju; "
                  .. "odbijanje mora biti obrazloženo idejama grupe." },
}

change.item "S05" {
  text     = { cnr = "Vrbuje druge zatvorenike za grupu ili vrši pritisak na njih" },
  guidance = { cnr = "Kritični indikator. Kada je prisutan, u S05a opisati grupu i način "
                  .. "na koji je vršen pritisak.",
               ["sr-Latn"] = "Kritični indikator. Kada je prisutan, u S05a opisati grupu i "
                  .. "način na koji je vršen pritisak." },
}

change.item "S05a" {
  text = { cnr = "Koja grupa i na koji način je vršen pritisak (bez imena drugih "
              .. "zatvorenika, samo matični brojevi)" },
}

change.item "S06" {
  text = { cnr = "Zastrašuje ili kažnjava zatvorenike koji ne poštuju pravila grupe" },
}

change.item "S07" {
  text     = { cnr = "Naglo prekida ranije društvene kontakte i preuzima identitet grupe" },
  guidance = { cnr = "Promjena vjerske prakse ili odijevanja sama po sebi nije indikator. "
                  .. "Ocijeniti kao prisutno samo kada povlačenje prati nov, isključiv "
                  .. "identitet grupe.",
               ["sr-Latn"] = "Promena verske prakse ili odevanja sama po sebi nije "
                  .. "indikator. Oceniti kao prisutno samo kada povlačenje prati nov, "
                  .. "isključiv identitet grupe." },
}

change.item "S08" {
  text = { cnr = "Zbog stavova grupe odbija kontakt sa osobljem ili zatvorenicima druge "
              .. "vjere, nacionalnosti ili grupe" },
}

change.item "S09" {
  text     = { cnr = "Posjeduje ili širi ekstremističku propagandu" },
  guidance = { cnr = "Materijal koji podstiče ili veliča nasilje u ime ideje, pronađen pri "
                  .. "pretresu ili viđen dok se prosljeđuje. Zakoniti vjerski ili politički "
                  .. "tekstovi nisu propaganda.",
               ["sr-Latn"] = "Materijal koji podstiče ili veliča nasilje u ime ideje, "
                  .. "pronađen pri pretresu ili viđen dok se prosleđuje. Zakoniti verski "
                  .. "ili politički tekstovi nisu propaganda." },
}

change.item "S10" {
  text     = { cnr = "Traži ili čuva uputstva o oružju, eksplozivu ili načinima napada" },
  guidance = { cnr = "Kritični indikator: kada je prisutan, sam upućuje osobu na punu "
                  .. "procjenu. Odmah obavijestiti službu obezbjeđenja.",
               ["sr-Latn"] = "Kritični indikator: kada je prisutan, sam upućuje osobu na "
                  .. "punu procenu. Odmah obavestiti službu obezbeđenja." },
}

-- The changed weight: contact with members of violent extremist groups
-- counts double (the core: 1).
change.item "S11" {
  weights  = { indicators = 2 },
  text     = { cnr = "Održava kontakt (posjete, pisma, pozivi) sa osobama za koje se zna "
                  .. "da pripadaju nasilnim ekstremističkim grupama" },
  guidance = { cnr = "Ostaviti kao nepoznato, uz razlog, dok evidencija posjeta i prepiske "
                  .. "nije dostupna.",
               ["sr-Latn"] = "Ostaviti kao nepoznato, uz razlog, dok evidencija poseta i "
                  .. "prepiske nije dostupna." },
}

change.item "S12" {
  text = { cnr = "Ističe simbole, parole ili gestove nasilne ekstremističke grupe" },
}

change.item "S13" {
  text = { cnr = "Broj evidentiranih incidenata povezanih sa ovim indikatorima u "
              .. "posljednjih šest mjeseci" },
}

-- ---------------------------------------------------------------------
-- An added indicator: a foreign armed conflict zone
-- ---------------------------------------------------------------------

item "ME01" {
  type = "presence", domains = { "indicators" }, weights = { indicators = 2 },
  required = true,
  text = {
    cnr         = "Boravio je u stranoj zoni oružanog sukoba ili održava kontakt sa "
               .. "osobama koje se tamo nalaze",
    ["sr-Latn"] = "Boravio je u stranoj zoni oružanog sukoba ili održava kontakt sa "
               .. "osobama koje se tamo nalaze",
    en          = "Has stayed in a foreign armed conflict zone, or keeps contact with "
               .. "people who are there",
  },
  guidance = {
    cnr         = "Ocijeniti kao prisutno samo na osnovu dokumentovanog boravka ili "
               .. "zabilježenih kontakata (pisma, pozivi, posjete), nikad samo na "
               .. "osnovu državljanstva, vjere ili porijekla.",
    ["sr-Latn"] = "Oceniti kao prisutno samo na osnovu dokumentovanog boravka ili "
               .. "zabeleženih kontakata (pisma, pozivi, posete), nikad samo na "
               .. "osnovu državljanstva, vere ili porekla.",
    en          = "Rate present only from a documented stay or recorded contacts "
               .. "(letters, calls, visits), never from citizenship, religion or "
               .. "origin alone.",
  },
}

-- ---------------------------------------------------------------------
-- Score, advisory level, referral flag
-- ---------------------------------------------------------------------

change.score "total" { title = { cnr = "Ponderisani zbir indikatora" } }

-- The bands run to 19 (16 + 1 for S11 + 2 for ME01); the cut-off stays 4.
change.level "screen" {
  title = { cnr = "Savjetodavni rezultat skrininga" },
  bands = {
    { level = "negative", min = 0, max = 3.9,
      label = { cnr         = "Upućivanje nije potrebno",
                en          = "No referral indicated",
                ["sr-Latn"] = "Upućivanje nije potrebno",
                sq          = "Nuk kërkohet referim" } },
    { level = "positive", min = 4, max = 19,
      label = { cnr         = "Uputiti na punu procjenu rizika i potreba",
                en          = "Refer to full risk and needs assessment",
                ["sr-Latn"] = "Uputiti na punu procenu rizika i potreba",
                sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave" } },
  },
}

change.flag "refer_full_assessment" {
  title = { cnr = "Uputiti na punu procjenu rizika i potreba" },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-me-tests"
