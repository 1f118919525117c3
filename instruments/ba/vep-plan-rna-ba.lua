-- vep-plan-rna-ba.lua -- treatment-plan rules for the risk and needs
-- assessment in Bosnia and Herzegovina (instruments/ba/vep-rna-ba.lua):
-- the state-level adaptation of instruments/plans/vep-plan-rna.lua.
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL, and not a programme any
-- administration has adopted. It was written for libvep's examples. The
-- agencies are generic descriptions of services, not a statement of how
-- any real administration is organised. The plan is a proposal built on
-- the team's final judgement; the team reviews it and decides.
--
-- What this overlay changes against vep-plan-rna:
--   * it takes results of vep-rna-ba (the state-level RNA with A07);
--   * languages: Bosnian, Croatian and Serbian (Latin and Cyrillic), with
--     every text an agency reads translated (agencies, interventions,
--     intensities, rule titles, responsivity notes, steps, closure);
--   * local agencies: the entity ministry of justice's prison service (it
--     sees placement and reassessment), the centre for social work of the
--     person's place of residence (it replaces the generic centre), an
--     adult-education provider, the employment service and the community
--     mental health centre;
--   * handed to local agencies: literacy and basic education (EDUCATION)
--     to the adult-education provider, family work (FAMILY), accommodation
--     and family contact before release to the centre for social work of
--     the place of residence, the employment step to the employment
--     service; post-release support is shared by probation and that centre;
--   * an added intervention TRAUMA and rule R15: war or armed conflict
--     that still weighs on the person (A07) is answered with a trauma
--     assessment and support, continued after release by the community
--     mental health centre; a health handover step before release when A07
--     or A05 is present;
--   * religious counselling only with a counsellor the person chooses.

plan {
  id         = "vep-plan-rna-ba",
  version    = "1.0.0",
  base       = { id = "vep-plan-rna", version = "^1.0.0" },
  instrument = "vep-rna-ba",
  languages  = { "bs", "hr", "sr-Latn", "sr-Cyrl" },
  title = {
    bs          = "Individualni program rehabilitacije i tretmana (Bosna i Hercegovina, ilustrativni)",
    hr          = "Individualni program rehabilitacije i tretmana (Bosna i Hercegovina, ilustrativni)",
    ["sr-Latn"] = "Individualni program rehabilitacije i tretmana (Bosna i Hercegovina, ilustrativni)",
    en          = "Individual rehabilitation and treatment programme (Bosnia and Herzegovina, illustrative)",
  },
}

-- ---------------------------------------------------------------------
-- The core's agencies, translated
-- ---------------------------------------------------------------------

change.agency "treatment"  { title = { bs = "Služba za tretman", hr = "Služba za tretman" } }
change.agency "security"   { title = { bs = "Služba obezbjeđenja", hr = "Služba osiguranja",
                                       ["sr-Latn"] = "Služba obezbjeđenja" } }
change.agency "health"     { title = { bs = "Zdravstvena služba zavoda", hr = "Zdravstvena služba zatvora",
                                       ["sr-Latn"] = "Zdravstvena služba zavoda" } }
change.agency "probation"  { title = { bs = "Služba za probaciju", hr = "Probacijska služba" } }
-- The Serbian title is given again without the abbreviation "P-CVE",
-- which would be converted to Cyrillic letters.
change.agency "police"     { title = { bs = "Policija / koordinator za prevenciju nasilnog ekstremizma",
                                       hr = "Policija / koordinator za prevenciju nasilnog ekstremizma",
                                       ["sr-Latn"] = "Policija / koordinator za prevenciju nasilnog ekstremizma" } }
change.agency "mentor_cso" { title = { bs = "Mentorska organizacija", hr = "Mentorska organizacija" } }

-- ---------------------------------------------------------------------
-- Local agencies
-- ---------------------------------------------------------------------

agency "entity_prison" {
  kind  = "prison",
  title = { bs          = "Zatvorska služba entitetskog ministarstva pravde",
            hr          = "Zatvorska služba entitetskog ministarstva pravosuđa",
            ["sr-Latn"] = "Zatvorska služba entitetskog ministarstva pravde",
            en          = "Prison service of the entity ministry of justice" },
  sees  = { "risk", "placement", "reassessment" },
}

agency "csr_home" {
  kind  = "social_work",
  title = { bs          = "Centar za socijalni rad prema mjestu prebivališta",
            hr          = "Centar za socijalni rad prema mjestu prebivališta",
            ["sr-Latn"] = "Centar za socijalni rad prema mjestu prebivališta",
            en          = "Centre for social work of the place of residence" },
  sees  = { "interventions.own", "pre_release.own", "post_release" },
}

agency "adult_education" {
  kind  = "other",
  title = { bs          = "Ustanova za obrazovanje odraslih",
            hr          = "Ustanova za obrazovanje odraslih",
            ["sr-Latn"] = "Ustanova za obrazovanje odraslih",
            en          = "Adult-education provider" },
  sees  = { "interventions.own", "responsivity" },
}

agency "employment_service" {
  kind  = "other",
  title = { bs          = "Služba za zapošljavanje",
            hr          = "Služba za zapošljavanje",
            ["sr-Latn"] = "Služba za zapošljavanje",
            en          = "Employment service" },
  sees  = { "pre_release.own" },
}

agency "community_health" {
  kind  = "health",
  title = { bs          = "Centar za mentalno zdravlje u zajednici",
            hr          = "Centar za mentalno zdravlje u zajednici",
            ["sr-Latn"] = "Centar za mentalno zdravlje u zajednici",
            en          = "Community mental health centre" },
  sees  = { "pre_release.own", "post_release", "responsivity" },
}

-- The generic centre for social work is replaced by csr_home everywhere
-- below (FAMILY, pre-release steps, post-release support).
remove.agency "social_work"

-- ---------------------------------------------------------------------
-- Catalogue of interventions: translations and local agencies
-- ---------------------------------------------------------------------

-- `intensity` is not a text field: it is given again whole.
change.intervention "PSY-IND" {
  title = { bs = "Individualni psihološki rad", hr = "Individualni psihološki rad" },
  goal  = { bs          = "Teme nepravde i identiteta obrađene u najmanje 10 susreta; osoba navodi dva nenasilna načina djelovanja",
            hr          = "Teme nepravde i identiteta obrađene u najmanje 10 susreta; osoba navodi dva nenasilna načina djelovanja",
            ["sr-Latn"] = "Teme nepravde i identiteta obrađene u najmanje 10 susreta; osoba navodi dva nenasilna načina djelovanja" },
  intensity = {
    low      = { bs = "jednom mjesečno", hr = "jednom mjesečno", ["sr-Latn"] = "jednom mjesečno",
                 en = "monthly session" },
    moderate = { bs = "svake dvije sedmice", hr = "svaka dva tjedna", ["sr-Latn"] = "svake dvije nedjelje",
                 en = "fortnightly session" },
    high     = { bs = "jednom sedmično", hr = "jednom tjedno", ["sr-Latn"] = "jednom nedjeljno",
                 en = "weekly session" },
  },
}

change.intervention "DIALOGUE" {
  title = { bs = "Strukturisani dijalog o uvjerenjima", hr = "Strukturirani dijalog o uvjerenjima",
            ["sr-Latn"] = "Strukturisani dijalog o uvjerenjima" },
  goal  = { bs = "Osoba može iznijeti stav druge strane o tri sporna pitanja",
            hr = "Osoba može iznijeti stav druge strane o tri sporna pitanja" },
  intensity = {
    moderate = { bs = "svake dvije sedmice", hr = "svaka dva tjedna", ["sr-Latn"] = "svake dvije nedjelje",
                 en = "fortnightly session" },
    high     = { bs = "jednom sedmično", hr = "jednom tjedno", ["sr-Latn"] = "jednom nedjeljno",
                 en = "weekly session" },
  },
}

change.intervention "RELIGIOUS" {
  title = { bs = "Savjetovanje kod ovlaštenog vjerskog savjetnika",
            hr = "Savjetovanje kod ovlaštenog vjerskog savjetnika",
            ["sr-Latn"] = "Savjetovanje kod ovlašćenog vjerskog savjetnika" },
  goal  = { bs = "Mjesečni susreti održani i zabilježeni tokom šest mjeseci",
            hr = "Mjesečni susreti održani i zabilježeni tijekom šest mjeseci",
            ["sr-Latn"] = "Mjesečni susreti održani i zabilježeni tokom šest mjeseci" },
}

-- Handed to a local agency: the adult-education provider.
change.intervention "EDUCATION" {
  agency = "adult_education",
  title  = { bs = "Opismenjavanje i osnovno obrazovanje odraslih",
             hr = "Opismenjavanje i osnovno obrazovanje odraslih",
             ["sr-Latn"] = "Opismenjavanje i osnovno obrazovanje odraslih",
             en = "Literacy and basic adult education" },
  goal   = { bs = "Završen sljedeći nivo programa obrazovanja odraslih",
             hr = "Završena sljedeća razina programa obrazovanja odraslih",
             ["sr-Latn"] = "Završen sljedeći nivo programa obrazovanja odraslih" },
}

change.intervention "VOCATIONAL" {
  title = { bs = "Stručna obuka i rad u zavodu", hr = "Stručno osposobljavanje i rad u zatvoru",
            ["sr-Latn"] = "Stručna obuka i rad u zavodu" },
  goal  = { bs = "Stečen priznat certifikat prije otpusta", hr = "Stečen priznati certifikat prije otpusta",
            ["sr-Latn"] = "Stečen priznat sertifikat prije otpusta" },
}

-- Handed to a local agency: the centre for social work of the place of
-- residence, which also supports the family after release.
change.intervention "FAMILY" {
  agency = "csr_home",
  title  = { bs = "Kontakt s porodicom i porodični susreti", hr = "Kontakt s obitelji i obiteljski susreti",
             ["sr-Latn"] = "Kontakt sa porodicom i porodični susreti" },
  goal   = { bs = "Uspostavljene redovne posjete; jedan porodični susret svaka dva mjeseca",
             hr = "Uspostavljeni redoviti posjeti; jedan obiteljski susret svaka dva mjeseca",
             ["sr-Latn"] = "Uspostavljene redovne posjete; jedan porodični susret na dva mjeseca" },
}

change.intervention "MENTAL-HEALTH" {
  title = { bs = "Psihijatrijska procjena i liječenje", hr = "Psihijatrijska procjena i liječenje",
            ["sr-Latn"] = "Psihijatrijska procjena i liječenje" },
  goal  = { bs = "Obavljena psihijatrijska procjena i dogovoren plan liječenja",
            hr = "Obavljena psihijatrijska procjena i dogovoren plan liječenja",
            ["sr-Latn"] = "Obavljena psihijatrijska procjena i dogovoren plan liječenja" },
}

change.intervention "MENTOR" {
  title = { bs = "Mentorstvo obučenog mentora", hr = "Mentorstvo osposobljenog mentora" },
  goal  = { bs = "Sastanci s mentorom najmanje jednom mjesečno, i nakon otpusta",
            hr = "Sastanci s mentorom najmanje jednom mjesečno, i nakon otpusta",
            ["sr-Latn"] = "Sastanci sa mentorom najmanje jednom mjesečno, i poslije otpusta" },
}

-- Added: trauma assessment and support, in custody and after release.
intervention "TRAUMA" {
  category = "mental_health",
  agency   = "health",
  title    = { bs          = "Procjena i podrška kod traume povezane s ratom",
               hr          = "Procjena i podrška kod traume povezane s ratom",
               ["sr-Latn"] = "Procjena i podrška kod traume povezane sa ratom",
               en          = "Assessment of and support for war-related trauma" },
  goal     = { bs          = "Psiholog obavio procjenu traume; dogovoren plan podrške koji nakon otpusta "
                          .. "nastavlja centar za mentalno zdravlje u zajednici",
               hr          = "Psiholog obavio procjenu traume; dogovoren plan podrške koji nakon otpusta "
                          .. "nastavlja centar za mentalno zdravlje u zajednici",
               ["sr-Latn"] = "Psiholog obavio procjenu traume; dogovoren plan podrške koji poslije otpusta "
                          .. "nastavlja centar za mentalno zdravlje u zajednici",
               en          = "Trauma assessed by a psychologist; a support plan agreed, continued after "
                          .. "release by the community mental health centre" },
  review_months = 3,
  setting  = "any",
}

-- ---------------------------------------------------------------------
-- Rules: titles translated; the notes of R04, R07, R08, R10 and the
-- rationales of R11 and R12 are given again whole (`add` is not a text
-- field). Each title is given as a table with its English text as well. The Serbian titles name no item codes:
-- Serbian Cyrillic is converted from them letter by letter, and "B02"
-- would come out as a Cyrillic "Б02".
-- ---------------------------------------------------------------------

change.rule "R01-beliefs" { title = {
  bs = "Dva ili više indikatora uvjerenja ocijenjena visoko",
  hr = "Dva ili više pokazatelja uvjerenja ocijenjena visoko",
  ["sr-Latn"] = "Dva ili više indikatora uvjerenja ocijenjena visoko",
  en = "Two or more belief indicators rated high" } }

change.rule "R02-grievance" { title = {
  bs = "Osjećaj nepravde (B02) ocijenjen visoko",
  hr = "Osjećaj nepravde (B02) ocijenjen visoko",
  ["sr-Latn"] = "Osjećaj nepravde ocijenjen visoko",
  en = "Grievance (B02) rated high" } }

change.rule "R03-risk" { title = {
  bs = "Konačna procjena umjerena ili visoka",
  hr = "Konačna procjena umjerena ili visoka",
  ["sr-Latn"] = "Konačna procjena umjerena ili visoka",
  en = "Final judgement moderate or high" } }

change.rule "R04-religion" {
  title = { bs = "Nasilje predstavljeno kao opravdano (B01) ocijenjeno umjereno ili visoko",
            hr = "Nasilje predstavljeno kao opravdano (B01) ocijenjeno umjereno ili visoko",
            ["sr-Latn"] = "Nasilje predstavljeno kao opravdano ocijenjeno umjereno ili visoko",
            en = "Violence presented as justified (B01) rated moderate or high" },
  add   = { intervention = "RELIGIOUS", priority = 2, start_days = 14,
            responsivity = {
              bs          = "Samo uz pristanak osobe, samo ako su uvjerenja vjerska, i sa savjetnikom kojeg osoba sama izabere",
              hr          = "Samo uz pristanak osobe, samo ako su uvjerenja vjerska, i sa savjetnikom kojeg osoba sama izabere",
              ["sr-Latn"] = "Samo uz pristanak osobe, samo ako su uvjerenja vjerska, i sa savjetnikom kog osoba sama izabere",
              en          = "Only with the person's consent, only where the beliefs are religious, and with a counsellor the person chooses" } },
}

change.rule "R05-belonging" { title = {
  bs = "Pripadnost kroz grupu (M03) ocijenjena visoko ili slabe zaštitne veze",
  hr = "Pripadnost kroz skupinu (M03) ocijenjena visoko ili slabe zaštitne veze",
  ["sr-Latn"] = "Pripadnost kroz grupu ocijenjena visoko ili slabe zaštitne veze",
  en = "Belonging through the group (M03) rated high, or protective ties weak" } }

change.rule "R06-mental-health" { title = {
  bs = "Dijagnosticiran mentalni poremećaj od značaja za rizik (A05)",
  hr = "Dijagnosticiran psihički poremećaj od značaja za rizik (A05)",
  ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik",
  en = "A diagnosed mental disorder bearing on the risk (A05)" } }

change.rule "R07-literacy" {
  title = { bs = "Niska pismenost", hr = "Niska pismenost", ["sr-Latn"] = "Niska pismenost",
            en = "Low literacy" },
  add   = {
    { intervention = "EDUCATION", priority = 2 },
    { responsivity = {
        bs          = "Niska pismenost: koristiti usmene i vizuelne materijale, čitati dokumente naglas",
        hr          = "Niska pismenost: koristiti usmene i vizualne materijale, čitati dokumente naglas",
        ["sr-Latn"] = "Niska pismenost: koristiti usmene i vizuelne materijale, čitati dokumente naglas",
        en          = "Low literacy: use oral and visual materials, read documents aloud" } },
  },
}

change.rule "R08-language" {
  title = { bs = "Osoba ne govori jezik programa", hr = "Osoba ne govori jezik programa",
            ["sr-Latn"] = "Osoba ne govori jezik programa",
            en = "The person does not speak the language of the programme" },
  add   = { responsivity = {
    bs          = "Obezbijediti prevodioca ili program na jeziku osobe",
    hr          = "Osigurati prevoditelja ili program na jeziku osobe",
    ["sr-Latn"] = "Obezbijediti prevodioca ili program na jeziku osobe",
    en          = "Provide an interpreter or a programme in the person's language" } },
}

change.rule "R09-work" { title = {
  bs = "Još nije završen nijedan program stručne obuke",
  hr = "Još nije završen nijedan program stručnog osposobljavanja",
  ["sr-Latn"] = "Još nije završen nijedan program stručne obuke",
  en = "No vocational programme completed yet" } }

change.rule "R10-young" {
  title = { bs = "Mlada odrasla osoba (mlađa od 21 godine)", hr = "Mlada odrasla osoba (mlađa od 21 godine)",
            ["sr-Latn"] = "Mlada odrasla osoba (mlađa od 21 godine)", en = "Young adult (under 21)" },
  add   = { intervention = "MENTOR", priority = 1,
            responsivity = {
              bs          = "Mlada odrasla osoba: po mogućnosti mentor bliske dobi",
              hr          = "Mlada odrasla osoba: po mogućnosti mentor bliske dobi",
              ["sr-Latn"] = "Mlada odrasla osoba: po mogućnosti mentor bliskog uzrasta",
              en          = "Young adult: a mentor close in age where possible" } },
}

change.rule "R11-placement-high" {
  title = { bs = "Visok rizik uz izraženu namjeru: odvojeni režim",
            hr = "Visok rizik uz izraženu namjeru: odvojeni režim",
            ["sr-Latn"] = "Visok rizik uz izraženu namjeru: odvojeni režim",
            en = "High risk with stated intent: separate regime" },
  add   = { placement = "separation",
            rationale = { bs          = "Izražena namjera nasilja uz visoku konačnu procjenu",
                          hr          = "Izražena namjera nasilja uz visoku konačnu procjenu",
                          ["sr-Latn"] = "Izražena namjera nasilja uz visoku konačnu procjenu",
                          en          = "Stated intent to use violence with a high final judgement" },
            review_months = 3 },
}

change.rule "R12-placement-dispersal" {
  title = { bs = "Veze s drugim nasilnim ekstremističkim zatvorenicima na odjeljenju",
            hr = "Veze s drugim nasilnim ekstremističkim zatvorenicima na odjelu",
            ["sr-Latn"] = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odjeljenju",
            en = "Ties to other violent extremist prisoners on the wing" },
  add   = { placement = "dispersal",
            rationale = { bs          = "Veze sa saoptuženima na istom odjeljenju",
                          hr          = "Veze sa suoptuženicima na istom odjelu",
                          ["sr-Latn"] = "Veze sa saoptuženima na istom odjeljenju",
                          en          = "Ties to co-defendants on the same wing" } },
}

change.rule "R13-supervision-high" { title = {
  bs = "Visok rizik: sedmični kontakt nakon otpusta, uz policiju",
  hr = "Visok rizik: tjedni kontakt nakon otpusta, uz policiju",
  ["sr-Latn"] = "Visok rizik: nedjeljni kontakt poslije otpusta, uz policiju",
  en = "High risk: weekly contact after release, with police" } }

change.rule "R14-supervision-mentor" { title = {
  bs = "Mentor iz zavoda nastavlja rad i nakon otpusta",
  hr = "Mentor iz zatvora nastavlja rad i nakon otpusta",
  ["sr-Latn"] = "Mentor iz zavoda nastavlja rad i poslije otpusta",
  en = "A mentor in custody continues after release" } }

-- Added: war or armed conflict that still weighs on the person.
rule "R15-war-trauma" {
  title = { bs = "Rat ili oružani sukob koji osobu još opterećuje (A07)",
            hr = "Rat ili oružani sukob koji osobu još opterećuje (A07)",
            ["sr-Latn"] = "Rat ili oružani sukob koji osobu još opterećuje",
            en = "War or armed conflict that still weighs on the person (A07)" },
  when  = { item = "A07", is = "present" },
  add   = {
    { intervention = "TRAUMA", priority = 2 },
    { post_release = { agencies = { "community_health" } } },
  },
}

-- ---------------------------------------------------------------------
-- Pre-release and post-release: local agencies, translated texts
-- ---------------------------------------------------------------------

-- `steps` is given again whole.
change.pre_release {
  steps = {
    { step = "release_risk_assessment", agency = "treatment",          due_months = 6,
      title = { bs = "Procjena rizika pri otpustu", hr = "Procjena rizika pri otpustu",
                ["sr-Latn"] = "Procjena rizika pri otpustu", en = "Release risk assessment" } },
    { step = "accommodation",           agency = "csr_home",           due_months = 4,
      title = { bs = "Smještaj nakon otpusta", hr = "Smještaj nakon otpusta",
                ["sr-Latn"] = "Smještaj poslije otpusta", en = "Accommodation after release" } },
    { step = "employment",              agency = "employment_service", due_months = 3,
      title = { bs = "Zaposlenje ili mjesto za obuku", hr = "Zaposlenje ili mjesto za osposobljavanje",
                ["sr-Latn"] = "Zaposlenje ili mjesto za obuku", en = "Employment or training place" } },
    { step = "identity_documents",      agency = "treatment",          due_months = 3,
      title = { bs = "Lični dokumenti", hr = "Osobni dokumenti",
                ["sr-Latn"] = "Lični dokumenti", en = "Identity documents" } },
    { step = "family_contact",          agency = "csr_home",           due_months = 2,
      title = { bs = "Pripremljen kontakt s porodicom", hr = "Pripremljen kontakt s obitelji",
                ["sr-Latn"] = "Pripremljen kontakt sa porodicom", en = "Family contact prepared" } },
    { step = "mentor",                  agency = "mentor_cso",         due_months = 2,
      when  = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" }, { context = "age", at_most = 20 } } },
      title = { bs = "Mentor upoznat prije otpusta", hr = "Mentor upoznat prije otpusta",
                ["sr-Latn"] = "Mentor upoznat prije otpusta", en = "Mentor introduced before release" } },
    { step = "release_conditions",      agency = "probation",          due_months = 1,
      when  = { context = "conditional_release", is = true },
      title = { bs = "Predloženi uslovi uslovnog otpusta", hr = "Predloženi uvjeti uvjetnog otpusta",
                ["sr-Latn"] = "Predloženi uslovi uslovnog otpusta", en = "Conditional-release conditions proposed" } },
    { step = "handover_meeting",        agency = "probation",          due_months = 1,
      title = { bs = "Primopredajni sastanak službi", hr = "Primopredajni sastanak službi",
                ["sr-Latn"] = "Primopredajni sastanak službi", en = "Multi-agency handover meeting" } },
    -- Added: health care continues outside.
    { step = "health_handover",         agency = "community_health",   due_months = 1,
      when  = { any = { { item = "A07", is = "present" }, { item = "A05", is = "present" } } },
      title = { bs          = "Zdravstvena dokumentacija predata i zakazan prvi termin u centru za mentalno zdravlje",
                hr          = "Zdravstvena dokumentacija predana i dogovoren prvi termin u centru za mentalno zdravlje",
                ["sr-Latn"] = "Zdravstvena dokumentacija predata i zakazan prvi termin u centru za mentalno zdravlje",
                en          = "Health records handed over and a first appointment at the mental health centre booked" } },
  },
}

change.post_release {
  agencies = { "probation", "csr_home" },
  closure  = {
    { bs = "Dvanaest mjeseci bez kršenja uslova", hr = "Dvanaest mjeseci bez kršenja uvjeta",
      ["sr-Latn"] = "Dvanaest mjeseci bez kršenja uslova", en = "Twelve months without a breach of conditions" },
    { bs = "Stabilan smještaj i prihod", hr = "Stabilan smještaj i prihod",
      ["sr-Latn"] = "Stabilan smještaj i prihod", en = "Stable accommodation and income" },
    { bs = "Zajednička revizija službi saglasna je sa zatvaranjem",
      hr = "Zajednička revizija službi suglasna je sa zatvaranjem",
      ["sr-Latn"] = "Zajednička revizija službi saglasna je sa zatvaranjem",
      en = "The multi-agency review agrees to close" },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-plan-rna-ba-tests"
