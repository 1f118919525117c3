-- vep-plan-rna-al.lua -- Albania: the regional treatment-plan rules
-- (instruments/plans/vep-plan-rna.lua) for the Albanian risk and needs
-- assessment (vep-rna-al.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL, nor a programme any
-- administration has adopted. The agency names are generic descriptions
-- of a service, not a statement of how any administration is organised.
-- The plan is a proposal built on the team's final judgement; the team
-- reviews it and decides.
--
-- What this overlay changes:
--   * it takes the results of vep-rna-al (the Albanian RNA);
--   * languages: Albanian (sq) first; the agencies, the catalogue of
--     interventions, the rule titles, the pre-release steps and the
--     closure criteria are written in Albanian;
--   * a local agency, the municipality's social service, is responsible
--     for family contact and family sessions, prepares accommodation and
--     family contact before release, and follows the person after
--     release in place of the centre for social work;
--   * the programme language is Albanian: an interpreter note is added
--     only for a person who does not speak Albanian.

plan {
  id         = "vep-plan-rna-al",
  version    = "1.0.0",
  base       = { id = "vep-plan-rna", version = "^1.0.0" },
  instrument = "vep-rna-al",
  languages  = { "sq" },
  title      = {
    sq = "Programi individual i rehabilitimit dhe i trajtimit (ilustrues, Shqipëri)",
    en = "Individual rehabilitation and treatment programme (illustrative, Albania)",
  },
}

-- ---------------------------------------------------------------------
-- Agencies: the core's, named in Albanian, and one local agency
-- ---------------------------------------------------------------------

change.agency "treatment"   { title = { sq = "Shërbimi i trajtimit i administratës së burgjeve" } }
change.agency "security"    { title = { sq = "Shërbimi i sigurisë i burgut" } }
change.agency "health"      { title = { sq = "Shërbimi shëndetësor i burgut" } }
change.agency "probation"   { title = { sq = "Shërbimi i provës" } }
change.agency "social_work" { title = { sq = "Qendra e punës sociale" } }
change.agency "police"      { title = { sq = "Policia / koordinatori për parandalimin e ekstremizmit të dhunshëm" } }
change.agency "mentor_cso"  { title = { sq = "Organizata e mentorimit" } }

agency "municipal_social" {
  kind  = "municipality",
  title = { sq          = "Shërbimi social i bashkisë",
            en          = "Municipal social service",
            ["sr-Latn"] = "Socijalna služba opštine" },
  sees  = { "interventions.own", "pre_release.own", "post_release" },
}

-- ---------------------------------------------------------------------
-- Catalogue of interventions, in Albanian. Intensity is given again in
-- every language, because a changed intensity replaces the base's.
-- ---------------------------------------------------------------------

change.intervention "PSY-IND" {
  title = { sq = "Punë psikologjike individuale" },
  goal  = { sq = "Temat e padrejtësisë dhe të identitetit të trajtuara në të paktën 10 seanca; "
              .. "personi përmend dy mënyra jo të dhunshme për të vepruar ndaj padrejtësisë" },
  intensity = {
    low      = { en = "monthly session",     ["sr-Latn"] = "jednom mesečno",    sq = "një seancë në muaj" },
    moderate = { en = "fortnightly session", ["sr-Latn"] = "svake dve nedelje", sq = "një seancë në dy javë" },
    high     = { en = "weekly session",      ["sr-Latn"] = "jednom nedeljno",   sq = "një seancë në javë" },
  },
}

change.intervention "DIALOGUE" {
  title = { sq = "Dialog i strukturuar mbi besimet" },
  goal  = { sq = "Personi mund të paraqesë këndvështrimin e palës tjetër për tri çështje të diskutueshme" },
  intensity = {
    moderate = { en = "fortnightly session", ["sr-Latn"] = "svake dve nedelje", sq = "një seancë në dy javë" },
    high     = { en = "weekly session",      ["sr-Latn"] = "jednom nedeljno",   sq = "një seancë në javë" },
  },
}

change.intervention "RELIGIOUS" {
  title = { sq = "Këshillim nga një këshilltar fetar i akredituar" },
  goal  = { sq = "Takime mujore të mbajtura dhe të regjistruara për gjashtë muaj" },
}

change.intervention "EDUCATION" {
  title = { sq = "Shkrim-leximi dhe arsimi bazë" },
  goal  = { sq = "Niveli i radhës i programit të arsimit për të rriturit i përfunduar" },
}

change.intervention "VOCATIONAL" {
  title = { sq = "Formim profesional dhe punë në burg" },
  goal  = { sq = "Një certifikatë profesionale e njohur, e marrë para lirimit" },
}

-- Handed to the local agency: the municipality's social service.
change.intervention "FAMILY" {
  agency = "municipal_social",
  title  = { sq = "Kontakti me familjen dhe seanca familjare" },
  goal   = { sq = "Vizita të rregullta të rivendosura; një seancë familjare çdo dy muaj" },
}

change.intervention "MENTAL-HEALTH" {
  title = { sq = "Vlerësim dhe kujdes psikiatrik" },
  goal  = { sq = "Vlerësimi psikiatrik i kryer dhe një plan kujdesi i rënë dakord" },
}

change.intervention "MENTOR" {
  title = { sq = "Mentorim nga një mentor i trajnuar" },
  goal  = { sq = "Takime me mentorin të paktën një herë në muaj, që vazhdojnë edhe pas lirimit" },
}

-- ---------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------

-- Rule titles in Albanian (the English and Serbian titles are given again
-- beside them, as this package first wrote them).
-- The texts inside a rule's `add` (responsivity notes, placement
-- rationales) can only be translated by giving the whole `add` again:
-- R04, R07, R10, R11 and R12 repeat the core's additions unchanged,
-- with their Albanian texts.

change.rule "R01-beliefs" { title = {
  sq          = "Dy ose më shumë tregues të besimeve me vlerësim të lartë",
  en          = "Two or more belief indicators rated high",
  ["sr-Latn"] = "Dva ili više indikatora uverenja ocenjena visoko" } }
change.rule "R02-grievance" { title = {
  sq          = "Ndjenja e padrejtësisë (B02) me vlerësim të lartë",
  en          = "Grievance (B02) rated high",
  ["sr-Latn"] = "Osećaj nepravde (B02) ocenjen visoko" } }
change.rule "R03-risk" { title = {
  sq          = "Gjykimi përfundimtar mesatar ose i lartë",
  en          = "Final judgement moderate or high",
  ["sr-Latn"] = "Konačna procena umerena ili visoka" } }
change.rule "R04-religion" { title = {
  sq          = "Dhuna e paraqitur si e justifikuar (B01) me vlerësim mesatar ose të lartë",
  en          = "Violence presented as justified (B01) rated moderate or high",
  ["sr-Latn"] = "Nasilje predstavljeno kao opravdano (B01) ocenjeno umereno ili visoko" },
  add = { intervention = "RELIGIOUS", priority = 2, start_days = 14,
          responsivity = {
            sq          = "Vetëm me pëlqimin e personit, dhe vetëm kur besimet janë fetare",
            en          = "Only with the person's consent, and only where the beliefs are religious",
            ["sr-Latn"] = "Samo uz pristanak osobe i samo ako su uverenja verska" } } }
change.rule "R05-belonging" { title = {
  sq          = "Përkatësia përmes grupit (M03) me vlerësim të lartë, ose lidhje mbrojtëse të dobëta",
  en          = "Belonging through the group (M03) rated high, or protective ties weak",
  ["sr-Latn"] = "Pripadnost kroz grupu (M03) ocenjena visoko, ili slabe zaštitne veze" } }
change.rule "R06-mental-health" { title = {
  sq          = "Një çrregullim mendor i diagnostikuar që ka lidhje me rrezikun (A05)",
  en          = "A diagnosed mental disorder bearing on the risk (A05)",
  ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik (A05)" } }
change.rule "R07-literacy" {
  title = { sq = "Aftësi të ulëta të shkrim-leximit", en = "Low literacy", ["sr-Latn"] = "Niska pismenost" },
  add = {
    { intervention = "EDUCATION", priority = 2 },
    { responsivity = {
        sq          = "Shkrim-lexim i dobët: përdorni materiale gojore dhe pamore, lexojini dokumentet me zë",
        en          = "Low literacy: use oral and visual materials, read documents aloud",
        ["sr-Latn"] = "Niska pismenost: koristiti usmene i vizuelne materijale, čitati dokumente naglas" } },
  } }
change.rule "R09-work" { title = {
  sq          = "Ende asnjë program i formimit profesional i përfunduar",
  en          = "No vocational programme completed yet",
  ["sr-Latn"] = "Još nije završen nijedan program stručne obuke" } }
change.rule "R10-young" { title = {
  sq          = "I rritur i ri (nën 21 vjeç)",
  en          = "Young adult (under 21)",
  ["sr-Latn"] = "Mlada odrasla osoba (mlađa od 21 godine)" },
  add = { intervention = "MENTOR", priority = 1,
          responsivity = {
            sq          = "I rritur i ri: sipas mundësisë, një mentor i një moshe të afërt",
            en          = "Young adult: a mentor close in age where possible",
            ["sr-Latn"] = "Mlada odrasla osoba: po mogućnosti mentor bliskog uzrasta" } } }
change.rule "R11-placement-high" { title = {
  sq          = "Rrezik i lartë me synim të deklaruar: regjim i veçuar",
  en          = "High risk with stated intent: separate regime",
  ["sr-Latn"] = "Visok rizik uz izraženu nameru: odvojeni režim" },
  add = { placement = "separation", review_months = 3,
          rationale = {
            sq          = "Synim i deklaruar për të përdorur dhunë, me një gjykim përfundimtar të lartë",
            en          = "Stated intent to use violence with a high final judgement",
            ["sr-Latn"] = "Izražena namera nasilja uz visoku konačnu procenu" } } }
change.rule "R12-placement-dispersal" { title = {
  sq          = "Lidhje me të burgosur të tjerë ekstremistë të dhunshëm në të njëjtin sektor",
  en          = "Ties to other violent extremist prisoners on the wing",
  ["sr-Latn"] = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odeljenju" },
  add = { placement = "dispersal",
          rationale = {
            sq          = "Lidhje me të bashkëpandehurit në të njëjtin sektor",
            en          = "Ties to co-defendants on the same wing",
            ["sr-Latn"] = "Veze sa saoptuženima na istom odeljenju" } } }
change.rule "R13-supervision-high" { title = {
  sq          = "Rrezik i lartë: kontakt çdo javë pas lirimit, me policinë",
  en          = "High risk: weekly contact after release, with police",
  ["sr-Latn"] = "Visok rizik: kontakt jednom nedeljno posle otpusta, uz policiju" } }
change.rule "R14-supervision-mentor" { title = {
  sq          = "Mentori nga burgu vazhdon edhe pas lirimit",
  en          = "A mentor in custody continues after release",
  ["sr-Latn"] = "Mentor iz zatvora nastavlja rad i posle otpusta" } }

-- The programme is held in Albanian: an interpreter is needed for a
-- person who does not speak it (the core: who speaks no Serbian,
-- Bosnian, Croatian or Montenegrin).
change.rule "R08-language" {
  title = {
    sq          = "Personi nuk flet shqip, gjuhën e programit",
    en          = "The person does not speak Albanian, the language of the programme",
    ["sr-Latn"] = "Osoba ne govori albanski, jezik programa" },
  when = { none = { { context = "language", is = "sq" } } },
  add  = { responsivity = { sq          = "Siguroni një përkthyes ose një program në gjuhën e personit",
                            en          = "Provide an interpreter or a programme in the person's language",
                            ["sr-Latn"] = "Obezbediti prevodioca ili program na jeziku osobe" } },
}

-- ---------------------------------------------------------------------
-- Pre-release steps. A list of steps is replaced whole, so the core's
-- steps are given again: with Albanian titles, and with accommodation
-- and family contact handed to the municipality's social service.
-- ---------------------------------------------------------------------

local mentor_needed = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" },
                                { context = "age", at_most = 20 } } }

change.pre_release {
  steps = {
    { step = "release_risk_assessment", agency = "treatment",        due_months = 6,
      title = { sq = "Vlerësimi i rrezikut para lirimit", en = "Release risk assessment",
                ["sr-Latn"] = "Procena rizika pri otpustu" } },
    { step = "accommodation",           agency = "municipal_social", due_months = 4,
      title = { sq = "Strehimi pas lirimit", en = "Accommodation after release",
                ["sr-Latn"] = "Smeštaj posle otpusta" } },
    { step = "employment",              agency = "social_work",      due_months = 3,
      title = { sq = "Punësim ose vend për formim profesional", en = "Employment or training place",
                ["sr-Latn"] = "Zaposlenje ili mesto za obuku" } },
    { step = "identity_documents",      agency = "treatment",        due_months = 3,
      title = { sq = "Dokumentet e identitetit", en = "Identity documents",
                ["sr-Latn"] = "Lični dokumenti" } },
    { step = "family_contact",          agency = "municipal_social", due_months = 2,
      title = { sq = "Kontakti me familjen i përgatitur", en = "Family contact prepared",
                ["sr-Latn"] = "Pripremljen kontakt sa porodicom" } },
    { step = "mentor",                  agency = "mentor_cso",       due_months = 2,
      when  = mentor_needed,
      title = { sq = "Mentori i prezantuar para lirimit", en = "Mentor introduced before release",
                ["sr-Latn"] = "Mentor upoznat pre otpusta" } },
    { step = "release_conditions",      agency = "probation",        due_months = 1,
      when  = { context = "conditional_release", is = true },
      title = { sq = "Kushtet e lirimit me kusht të propozuara",
                en = "Conditional-release conditions proposed",
                ["sr-Latn"] = "Predloženi uslovi uslovnog otpusta" } },
    { step = "handover_meeting",        agency = "probation",        due_months = 1,
      title = { sq = "Takimi i shërbimeve për dorëzimin e rastit", en = "Multi-agency handover meeting",
                ["sr-Latn"] = "Primopredajni sastanak službi" } },
  },
}

-- ---------------------------------------------------------------------
-- Post-release: the municipality's social service in place of the
-- centre for social work
-- ---------------------------------------------------------------------

change.post_release {
  agencies = { "probation", "municipal_social" },
  -- the closure criteria, given again with their Albanian texts (a
  -- changed list replaces the base's)
  closure = {
    { sq = "Dymbëdhjetë muaj pa shkelje të kushteve",
      en = "Twelve months without a breach of conditions",
      ["sr-Latn"] = "Dvanaest meseci bez kršenja uslova" },
    { sq = "Strehim dhe të ardhura të qëndrueshme",
      en = "Stable accommodation and income",
      ["sr-Latn"] = "Stabilan smeštaj i prihod" },
    { sq = "Rishqyrtimi i përbashkët i shërbimeve bie dakord për mbylljen",
      en = "The multi-agency review agrees to close",
      ["sr-Latn"] = "Zajednička revizija službi saglasna sa zatvaranjem" },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-plan-rna-al-tests"
