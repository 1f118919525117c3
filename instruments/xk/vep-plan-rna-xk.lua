-- vep-plan-rna-xk.lua -- Kosovo*: the regional treatment-plan rules
-- (instruments/plans/vep-plan-rna.lua) for the regional risk and needs
-- assessment (instruments/rna/vep-rna.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL, nor a programme any
-- administration has adopted. The agency names are generic descriptions
-- of a service, not a statement of how any administration is organised.
-- The plan is a proposal built on the team's final judgement; the team
-- reviews it and decides.
--
-- * This designation is without prejudice to positions on status, and is
--   in line with UNSCR 1244 and the ICJ Opinion on the Kosovo Declaration
--   of Independence.
--
-- What this overlay changes:
--   * languages: Albanian (sq) first, then Serbian (sr-Latn; Cyrillic is
--     converted from it, except for four rule titles that name an item
--     code, written in sr-Cyrl too); the agencies, the catalogue, the rule titles, the
--     pre-release steps and the closure criteria are written in both;
--   * a local agency, the municipal education directorate, is
--     responsible for literacy and basic education;
--   * reassessment comes sooner: every 4 months after a moderate final
--     judgement and every 2 months after a high one (the core: 6 and 3);
--   * programmes are held in Albanian and Serbian: an interpreter note is
--     added only for a person who speaks neither.

plan {
  id        = "vep-plan-rna-xk",
  version   = "1.0.0",
  base      = { id = "vep-plan-rna", version = "^1.0.0" },
  languages = { "sq", "sr-Latn", "sr-Cyrl" },
  title     = {
    sq          = "Programi individual i rehabilitimit dhe i trajtimit (ilustrues, Kosovë*)",
    ["sr-Latn"] = "Individualni program rehabilitacije i tretmana (ilustrativni, Kosovo*)",
    en          = "Individual rehabilitation and treatment programme (illustrative, Kosovo*)",
  },
}

-- ---------------------------------------------------------------------
-- Agencies: the core's, named in Albanian, and one local agency
-- ---------------------------------------------------------------------

change.agency "treatment"   { title = { sq = "Shërbimi i trajtimit i shërbimit korrektues",
                                        ["sr-Latn"] = "Služba za tretman popravne službe" } }
change.agency "security"    { title = { sq = "Shërbimi i sigurisë i institucionit korrektues",
                                        ["sr-Latn"] = "Služba obezbeđenja popravne ustanove" } }
change.agency "health"      { title = { sq = "Shërbimi shëndetësor në institucionin korrektues",
                                        ["sr-Latn"] = "Zdravstvena služba u popravnoj ustanovi" } }
change.agency "probation"   { title = { sq = "Shërbimi sprovues" } }
change.agency "social_work" { title = { sq = "Qendra për punë sociale" } }
change.agency "police"      { title = { sq = "Policia / koordinatori për parandalimin e ekstremizmit të dhunshëm" } }
change.agency "mentor_cso"  { title = { sq = "Organizata e mentorimit" } }

agency "municipal_education" {
  kind  = "municipality",
  title = { sq          = "Drejtoria komunale e arsimit",
            ["sr-Latn"] = "Opštinska direkcija za obrazovanje",
            en          = "Municipal education directorate" },
  sees  = { "interventions.own", "responsivity" },
}

-- ---------------------------------------------------------------------
-- Catalogue of interventions, in Albanian. Intensity is given again in
-- every language, because a changed intensity replaces the base's.
-- ---------------------------------------------------------------------

change.intervention "PSY-IND" {
  title = { sq = "Punë psikologjike individuale" },
  goal  = { sq = "Temat e padrejtësisë dhe të identitetit të trajtuara në të paktën 10 takime; "
              .. "personi përmend dy mënyra pa dhunë për të vepruar ndaj padrejtësisë" },
  intensity = {
    low      = { sq = "një takim në muaj",    ["sr-Latn"] = "jednom mesečno",    en = "monthly session" },
    moderate = { sq = "një takim në dy javë", ["sr-Latn"] = "svake dve nedelje", en = "fortnightly session" },
    high     = { sq = "një takim në javë",    ["sr-Latn"] = "jednom nedeljno",   en = "weekly session" },
  },
}

change.intervention "DIALOGUE" {
  title = { sq = "Dialog i strukturuar për besimet" },
  goal  = { sq = "Personi mund të shprehë qëndrimin e palës tjetër për tri çështje të diskutueshme" },
  intensity = {
    moderate = { sq = "një takim në dy javë", ["sr-Latn"] = "svake dve nedelje", en = "fortnightly session" },
    high     = { sq = "një takim në javë",    ["sr-Latn"] = "jednom nedeljno",   en = "weekly session" },
  },
}

change.intervention "RELIGIOUS" {
  title = { sq = "Këshillim nga një këshilltar fetar i autorizuar" },
  goal  = { sq = "Takimet mujore të mbajtura dhe të shënuara gjatë gjashtë muajve" },
}

-- Handed to the local agency: the municipal education directorate.
change.intervention "EDUCATION" {
  agency = "municipal_education",
  title  = { sq = "Aftësim në shkrim e lexim dhe arsim bazë" },
  goal   = { sq = "Niveli pasues i programit të arsimit për të rritur i përfunduar" },
}

change.intervention "VOCATIONAL" {
  title = { sq = "Aftësim profesional dhe punë në institucion" },
  goal  = { sq = "Një certifikatë profesionale e njohur, e fituar para lirimit" },
}

change.intervention "FAMILY" {
  title = { sq = "Kontakt me familjen dhe takime familjare" },
  goal  = { sq = "Vizitat e rregullta të rivendosura; një takim familjar çdo dy muaj" },
}

change.intervention "MENTAL-HEALTH" {
  title = { sq = "Vlerësim dhe trajtim psikiatrik" },
  goal  = { sq = "Vlerësimi psikiatrik i bërë dhe një plan trajtimi i dakorduar" },
}

change.intervention "MENTOR" {
  title = { sq = "Mentorim nga një mentor i trajnuar" },
  goal  = { sq = "Takime me mentorin të paktën një herë në muaj, edhe pas lirimit" },
}

-- ---------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------

-- Rule titles in Albanian and Serbian. Where a Serbian title names an
-- item code (B01, B02, M03, A05), its Cyrillic form is written out too,
-- with the code in Latin letters: converted letter by letter, the code
-- would come out in Cyrillic (Б02). The core writes the titles as plain
-- strings, and a table given in a change replaces a plain string instead
-- of merging with it, so the English title is given again. The texts
-- inside a rule's `add` (responsivity notes, placement rationales) can
-- only be translated by giving the whole `add` again: R04, R07, R10, R11
-- and R12 repeat the core's additions unchanged, with Albanian texts.

change.rule "R01-beliefs" { title = {
  sq          = "Dy ose më shumë tregues të besimeve me vlerësim të lartë",
  ["sr-Latn"] = "Dva ili više indikatora uverenja ocenjena visoko",
  en          = "Two or more belief indicators rated high" } }
change.rule "R02-grievance" { title = {
  sq          = "Ndjenja e padrejtësisë (B02) me vlerësim të lartë",
  ["sr-Latn"] = "Osećaj nepravde (B02) ocenjen visoko",
  ["sr-Cyrl"] = "Осећај неправде (B02) оцењен високо",
  en          = "Grievance (B02) rated high" } }
change.rule "R03-risk" { title = {
  sq          = "Gjykimi përfundimtar mesatar ose i lartë",
  ["sr-Latn"] = "Konačna procena umerena ili visoka",
  en          = "Final judgement moderate or high" } }
change.rule "R04-religion" {
  title = {
    sq          = "Dhuna e paraqitur si e justifikuar (B01) me vlerësim mesatar ose të lartë",
    ["sr-Latn"] = "Nasilje predstavljeno kao opravdano (B01) ocenjeno umereno ili visoko",
    ["sr-Cyrl"] = "Насиље представљено као оправдано (B01) оцењено умерено или високо",
    en          = "Violence presented as justified (B01) rated moderate or high" },
  add = { intervention = "RELIGIOUS", priority = 2, start_days = 14,
          responsivity = {
            sq          = "Vetëm me pëlqimin e personit dhe vetëm kur besimet janë fetare",
            ["sr-Latn"] = "Samo uz pristanak osobe i samo ako su uverenja verska",
            en          = "Only with the person's consent, and only where the beliefs are religious" } },
}
change.rule "R05-belonging" { title = {
  sq          = "Përkatësia përmes grupit (M03) me vlerësim të lartë, ose lidhje mbrojtëse të dobëta",
  ["sr-Latn"] = "Pripadnost kroz grupu (M03) ocenjena visoko, ili slabe zaštitne veze",
  ["sr-Cyrl"] = "Припадност кроз групу (M03) оцењена високо, или слабе заштитне везе",
  en          = "Belonging through the group (M03) rated high, or protective ties weak" } }
change.rule "R06-mental-health" { title = {
  sq          = "Një çrregullim mendor i diagnostikuar që ka lidhje me rrezikun (A05)",
  ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik (A05)",
  ["sr-Cyrl"] = "Дијагностикован ментални поремећај од значаја за ризик (A05)",
  en          = "A diagnosed mental disorder bearing on the risk (A05)" } }
change.rule "R07-literacy" {
  title = { sq = "Aftësi të ulëta të shkrim-leximit", ["sr-Latn"] = "Niska pismenost", en = "Low literacy" },
  add = {
    { intervention = "EDUCATION", priority = 2 },
    { responsivity = {
        sq          = "Shkrim-lexim i dobët: përdorni materiale gojore dhe pamore, lexojini dokumentet me zë",
        ["sr-Latn"] = "Niska pismenost: koristiti usmene i vizuelne materijale, čitati dokumente naglas",
        en          = "Low literacy: use oral and visual materials, read documents aloud" } },
  },
}
change.rule "R09-work" { title = {
  sq          = "Ende asnjë program i aftësimit profesional i përfunduar",
  ["sr-Latn"] = "Još nije završen nijedan program stručne obuke",
  en          = "No vocational programme completed yet" } }
change.rule "R10-young" {
  title = {
    sq          = "I rritur i ri (nën 21 vjeç)",
    ["sr-Latn"] = "Mlada odrasla osoba (mlađa od 21 godine)",
    en          = "Young adult (under 21)" },
  add = { intervention = "MENTOR", priority = 1,
          responsivity = {
            sq          = "I rritur i ri: sipas mundësisë, një mentor i një moshe të afërt",
            ["sr-Latn"] = "Mlada odrasla osoba: po mogućnosti mentor bliskog uzrasta",
            en          = "Young adult: a mentor close in age where possible" } },
}
change.rule "R11-placement-high" {
  title = {
    sq          = "Rrezik i lartë me synim të deklaruar: regjim i veçuar",
    ["sr-Latn"] = "Visok rizik uz izraženu nameru: odvojeni režim",
    en          = "High risk with stated intent: separate regime" },
  add = { placement = "separation", review_months = 3,
          rationale = {
            sq          = "Synim i deklaruar për të përdorur dhunë, me një gjykim përfundimtar të lartë",
            ["sr-Latn"] = "Izražena namera nasilja uz visoku konačnu procenu",
            en          = "Stated intent to use violence with a high final judgement" } },
}
change.rule "R12-placement-dispersal" {
  title = {
    sq          = "Lidhje me të burgosur të tjerë ekstremistë të dhunshëm në të njëjtin sektor",
    ["sr-Latn"] = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odeljenju",
    en          = "Ties to other violent extremist prisoners on the wing" },
  add = { placement = "dispersal",
          rationale = {
            sq          = "Lidhje me të bashkëpandehurit në të njëjtin sektor",
            ["sr-Latn"] = "Veze sa saoptuženima na istom odeljenju",
            en          = "Ties to co-defendants on the same wing" } },
}
change.rule "R13-supervision-high" { title = {
  sq          = "Rrezik i lartë: kontakt çdo javë pas lirimit, me policinë",
  ["sr-Latn"] = "Visok rizik: kontakt jednom nedeljno posle otpusta, uz policiju",
  en          = "High risk: weekly contact after release, with police" } }
change.rule "R14-supervision-mentor" { title = {
  sq          = "Mentori nga institucioni vazhdon edhe pas lirimit",
  ["sr-Latn"] = "Mentor iz ustanove nastavlja rad i posle otpusta",
  en          = "A mentor in custody continues after release" } }

-- Programmes are held in Albanian and in Serbian: an interpreter is
-- needed for a person who speaks neither.
change.rule "R08-language" {
  title = {
    sq          = "Personi nuk flet as shqip as serbisht",
    ["sr-Latn"] = "Osoba ne govori ni albanski ni srpski",
    en          = "The person speaks neither Albanian nor Serbian" },
  when = { none = { { context = "language", is = { "sq", "sr", "sr-Latn", "sr-Cyrl" } } } },
  add  = { responsivity = { sq          = "Siguroni një përkthyes ose një program në gjuhën e personit",
                            ["sr-Latn"] = "Obezbediti prevodioca ili program na jeziku osobe",
                            en          = "Provide an interpreter or a programme in the person's language" } },
}

-- ---------------------------------------------------------------------
-- Reassessment: sooner after a moderate or high final judgement. The
-- event triggers are the core's.
-- ---------------------------------------------------------------------

change.reassessment {
  every_months = { low = 12, moderate = 4, high = 2 },
}

-- ---------------------------------------------------------------------
-- Pre-release steps and closure criteria in Albanian. A list is
-- replaced whole, so the core's steps and criteria are given again,
-- unchanged but for their Albanian texts.
-- ---------------------------------------------------------------------

local mentor_needed = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" },
                                { context = "age", at_most = 20 } } }

change.pre_release {
  steps = {
    { step = "release_risk_assessment", agency = "treatment",   due_months = 6,
      title = { sq = "Vlerësimi i rrezikut para lirimit", ["sr-Latn"] = "Procena rizika pri otpustu",
                en = "Release risk assessment" } },
    { step = "accommodation",           agency = "social_work", due_months = 4,
      title = { sq = "Strehimi pas lirimit", ["sr-Latn"] = "Smeštaj posle otpusta",
                en = "Accommodation after release" } },
    { step = "employment",              agency = "social_work", due_months = 3,
      title = { sq = "Punësim ose vend për aftësim", ["sr-Latn"] = "Zaposlenje ili mesto za obuku",
                en = "Employment or training place" } },
    { step = "identity_documents",      agency = "treatment",   due_months = 3,
      title = { sq = "Dokumentet e identitetit", ["sr-Latn"] = "Lični dokumenti",
                en = "Identity documents" } },
    { step = "family_contact",          agency = "social_work", due_months = 2,
      title = { sq = "Kontakti me familjen i përgatitur", ["sr-Latn"] = "Pripremljen kontakt sa porodicom",
                en = "Family contact prepared" } },
    { step = "mentor",                  agency = "mentor_cso",  due_months = 2,
      when  = mentor_needed,
      title = { sq = "Mentori i prezantuar para lirimit", ["sr-Latn"] = "Mentor upoznat pre otpusta",
                en = "Mentor introduced before release" } },
    { step = "release_conditions",      agency = "probation",   due_months = 1,
      when  = { context = "conditional_release", is = true },
      title = { sq = "Kushtet e lirimit me kusht të propozuara",
                ["sr-Latn"] = "Predloženi uslovi uslovnog otpusta",
                en = "Conditional-release conditions proposed" } },
    { step = "handover_meeting",        agency = "probation",   due_months = 1,
      title = { sq = "Takimi i shërbimeve për dorëzimin e rastit",
                ["sr-Latn"] = "Primopredajni sastanak službi",
                en = "Multi-agency handover meeting" } },
  },
}

change.post_release {
  closure = {
    { sq = "Dymbëdhjetë muaj pa shkelje të kushteve",
      ["sr-Latn"] = "Dvanaest meseci bez kršenja uslova",
      en = "Twelve months without a breach of conditions" },
    { sq = "Strehim dhe të ardhura të qëndrueshme",
      ["sr-Latn"] = "Stabilan smeštaj i prihod",
      en = "Stable accommodation and income" },
    { sq = "Rishqyrtimi i përbashkët i shërbimeve pajtohet me mbylljen",
      ["sr-Latn"] = "Zajednička revizija službi saglasna sa zatvaranjem",
      en = "The multi-agency review agrees to close" },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-plan-rna-xk-tests"
