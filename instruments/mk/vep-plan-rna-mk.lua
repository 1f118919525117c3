-- vep-plan-rna-mk.lua -- North Macedonia: the regional treatment-plan
-- rules (instruments/plans/vep-plan-rna.lua) for the regional risk and
-- needs assessment (instruments/rna/vep-rna.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL, nor a programme any
-- administration has adopted. The agency names are generic descriptions
-- of a service, not a statement of how any administration is organised.
-- The plan is a proposal built on the team's final judgement; the team
-- reviews it and decides.
--
-- What this overlay changes:
--   * languages: Macedonian (mk, Cyrillic) first, then Albanian (sq); the
--     agencies, the catalogue of interventions, the rule titles, the
--     pre-release steps and the closure criteria are written in both;
--   * a local agency, the public psychiatric service, is responsible for
--     psychiatric assessment and care, in place of the core's prison
--     health service;
--   * programmes are held in Macedonian and Albanian: an interpreter note
--     is added only for a person who speaks neither.

plan {
  id        = "vep-plan-rna-mk",
  version   = "1.0.0",
  base      = { id = "vep-plan-rna", version = "^1.0.0" },
  languages = { "mk", "sq" },
  title     = {
    mk = "Индивидуална програма за рехабилитација и третман (илустративна, Северна Македонија)",
    sq = "Programi individual i rehabilitimit dhe i trajtimit (ilustrues, Maqedonia e Veriut)",
    en = "Individual rehabilitation and treatment programme (illustrative, North Macedonia)",
  },
}

-- ---------------------------------------------------------------------
-- Agencies: the core's, named in Macedonian and Albanian, and one local
-- agency
-- ---------------------------------------------------------------------

change.agency "treatment" {
  title = { mk = "Служба за третман во казнено-поправната установа",
            sq = "Shërbimi i trajtimit në institucionin ndëshkues-përmirësues" } }
change.agency "security" {
  title = { mk = "Служба за обезбедување во установата",
            sq = "Shërbimi i sigurimit në institucion" } }
change.agency "probation" {
  title = { mk = "Служба за пробација", sq = "Shërbimi i provës" } }
change.agency "social_work" {
  title = { mk = "Центар за социјална работа", sq = "Qendra për punë sociale" } }
change.agency "police" {
  title = { mk = "Полиција / координатор за спречување на насилен екстремизам",
            sq = "Policia / koordinatori për parandalimin e ekstremizmit të dhunshëm" } }
change.agency "mentor_cso" {
  title = { mk = "Менторска организација", sq = "Organizata e mentorimit" } }

-- Psychiatric care is the public psychiatric service's in this
-- adaptation (see MENTAL-HEALTH below), so the core's prison health
-- service has no element of the plan left to do or to see.
remove.agency "health"

agency "public_psychiatry" {
  kind  = "health",
  title = { mk          = "Јавна психијатриска служба",
            sq          = "Shërbimi publik psikiatrik",
            en          = "Public psychiatric service",
            ["sr-Latn"] = "Javna psihijatrijska služba" },
  sees  = { "interventions.own", "responsivity" },
}

-- ---------------------------------------------------------------------
-- Catalogue of interventions. Intensity is given again in every
-- language, because a changed intensity replaces the base's.
-- ---------------------------------------------------------------------

change.intervention "PSY-IND" {
  title = { mk = "Индивидуална психолошка работа",
            sq = "Punë psikologjike individuale" },
  goal  = { mk = "Темите за неправда и идентитет обработени во најмалку 10 средби; лицето "
              .. "наведува два ненасилни начини да постапи во врска со неправдата",
            sq = "Temat e padrejtësisë dhe të identitetit të trajtuara në të paktën 10 takime; "
              .. "personi përmend dy mënyra pa dhunë për të vepruar ndaj padrejtësisë" },
  intensity = {
    low      = { mk = "една средба месечно", sq = "një takim në muaj",
                 en = "monthly session", ["sr-Latn"] = "jednom mesečno" },
    moderate = { mk = "една средба на секои две недели", sq = "një takim në dy javë",
                 en = "fortnightly session", ["sr-Latn"] = "svake dve nedelje" },
    high     = { mk = "една средба неделно", sq = "një takim në javë",
                 en = "weekly session", ["sr-Latn"] = "jednom nedeljno" },
  },
}

change.intervention "DIALOGUE" {
  title = { mk = "Структуриран дијалог за уверувањата",
            sq = "Dialog i strukturuar për besimet" },
  goal  = { mk = "Лицето може да го изложи ставот на другата страна за три спорни прашања",
            sq = "Personi mund të shprehë qëndrimin e palës tjetër për tri çështje të diskutueshme" },
  intensity = {
    moderate = { mk = "една средба на секои две недели", sq = "një takim në dy javë",
                 en = "fortnightly session", ["sr-Latn"] = "svake dve nedelje" },
    high     = { mk = "една средба неделно", sq = "një takim në javë",
                 en = "weekly session", ["sr-Latn"] = "jednom nedeljno" },
  },
}

change.intervention "RELIGIOUS" {
  title = { mk = "Советување кај овластен верски советник",
            sq = "Këshillim nga një këshilltar fetar i autorizuar" },
  goal  = { mk = "Месечни средби одржани и евидентирани во текот на шест месеци",
            sq = "Takimet mujore të mbajtura dhe të shënuara gjatë gjashtë muajve" },
}

change.intervention "EDUCATION" {
  title = { mk = "Описменување и основно образование",
            sq = "Aftësim në shkrim e lexim dhe arsim bazë" },
  goal  = { mk = "Завршено следното ниво од програмата за образование на возрасни",
            sq = "Niveli pasues i programit të arsimit për të rritur i përfunduar" },
}

change.intervention "VOCATIONAL" {
  title = { mk = "Стручна обука и работа во установата",
            sq = "Aftësim profesional dhe punë në institucion" },
  goal  = { mk = "Стекнат признат сертификат за стручна оспособеност пред отпуштањето",
            sq = "Një certifikatë profesionale e njohur, e fituar para lirimit" },
}

change.intervention "FAMILY" {
  title = { mk = "Контакт со семејството и семејни средби",
            sq = "Kontakt me familjen dhe takime familjare" },
  goal  = { mk = "Воспоставени редовни посети; една семејна средба на секои два месеца",
            sq = "Vizitat e rregullta të rivendosura; një takim familjar çdo dy muaj" },
}

-- Handed to the local agency: the public psychiatric service.
change.intervention "MENTAL-HEALTH" {
  agency = "public_psychiatry",
  title  = { mk = "Психијатриска процена и лекување",
             sq = "Vlerësim dhe trajtim psikiatrik" },
  goal   = { mk = "Извршена психијатриска процена и договорен план за лекување",
             sq = "Vlerësimi psikiatrik i bërë dhe një plan trajtimi i dakorduar" },
}

change.intervention "MENTOR" {
  title = { mk = "Менторство од обучен ментор",
            sq = "Mentorim nga një mentor i trajnuar" },
  goal  = { mk = "Средби со менторот најмалку еднаш месечно, и по отпуштањето",
            sq = "Takime me mentorin të paktën një herë në muaj, edhe pas lirimit" },
}

-- ---------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------

-- Rule titles in Macedonian and Albanian. The core writes them as plain
-- strings, and a table given in a change replaces a plain string instead
-- of merging with it, so the English title is given again (and the
-- Serbian one). The texts inside a rule's `add` (responsivity notes,
-- placement rationales) can only be translated by giving the whole `add`
-- again: R04, R07, R10, R11 and R12 repeat the core's additions
-- unchanged, with Macedonian and Albanian texts.

change.rule "R01-beliefs" { title = {
  mk = "Два или повеќе индикатори за уверувања оценети високо",
  sq = "Dy ose më shumë tregues të besimeve me vlerësim të lartë",
  en = "Two or more belief indicators rated high",
  ["sr-Latn"] = "Dva ili više indikatora uverenja ocenjena visoko" } }
change.rule "R02-grievance" { title = {
  mk = "Чувство на неправда (B02) оценето високо",
  sq = "Ndjenja e padrejtësisë (B02) me vlerësim të lartë",
  en = "Grievance (B02) rated high",
  ["sr-Latn"] = "Osećaj nepravde (B02) ocenjen visoko" } }
change.rule "R03-risk" { title = {
  mk = "Конечна проценка умерена или висока",
  sq = "Gjykimi përfundimtar mesatar ose i lartë",
  en = "Final judgement moderate or high",
  ["sr-Latn"] = "Konačna procena umerena ili visoka" } }
change.rule "R04-religion" {
  title = {
    mk = "Насилството прикажано како оправдано (B01) оценето умерено или високо",
    sq = "Dhuna e paraqitur si e justifikuar (B01) me vlerësim mesatar ose të lartë",
    en = "Violence presented as justified (B01) rated moderate or high",
    ["sr-Latn"] = "Nasilje predstavljeno kao opravdano (B01) ocenjeno umereno ili visoko" },
  add = { intervention = "RELIGIOUS", priority = 2, start_days = 14,
          responsivity = {
            mk = "Само со согласност на лицето и само ако уверувањата се верски",
            sq = "Vetëm me pëlqimin e personit dhe vetëm kur besimet janë fetare",
            en = "Only with the person's consent, and only where the beliefs are religious",
            ["sr-Latn"] = "Samo uz pristanak osobe i samo ako su uverenja verska" } },
}
change.rule "R05-belonging" { title = {
  mk = "Припадност преку групата (M03) оценета високо, или слаби заштитни врски",
  sq = "Përkatësia përmes grupit (M03) me vlerësim të lartë, ose lidhje mbrojtëse të dobëta",
  en = "Belonging through the group (M03) rated high, or protective ties weak",
  ["sr-Latn"] = "Pripadnost kroz grupu (M03) ocenjena visoko, ili slabe zaštitne veze" } }
change.rule "R06-mental-health" { title = {
  mk = "Дијагностицирано ментално нарушување значајно за ризикот (A05)",
  sq = "Një çrregullim mendor i diagnostikuar që ka lidhje me rrezikun (A05)",
  en = "A diagnosed mental disorder bearing on the risk (A05)",
  ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik (A05)" } }
change.rule "R07-literacy" {
  title = { mk = "Ниска писменост", sq = "Aftësi të ulëta të shkrim-leximit",
            en = "Low literacy", ["sr-Latn"] = "Niska pismenost" },
  add = {
    { intervention = "EDUCATION", priority = 2 },
    { responsivity = {
        mk = "Ниска писменост: користете усни и визуелни материјали, читајте ги документите на глас",
        sq = "Shkrim-lexim i dobët: përdorni materiale gojore dhe pamore, lexojini dokumentet me zë",
        en = "Low literacy: use oral and visual materials, read documents aloud",
        ["sr-Latn"] = "Niska pismenost: koristiti usmene i vizuelne materijale, čitati dokumente naglas" } },
  },
}
change.rule "R09-work" { title = {
  mk = "Сè уште нема завршено програма за стручна обука",
  sq = "Ende asnjë program i aftësimit profesional i përfunduar",
  en = "No vocational programme completed yet",
  ["sr-Latn"] = "Još nije završen nijedan program stručne obuke" } }
change.rule "R10-young" {
  title = {
    mk = "Млад возрасен (помлад од 21 година)",
    sq = "I rritur i ri (nën 21 vjeç)",
    en = "Young adult (under 21)",
    ["sr-Latn"] = "Mlada odrasla osoba (mlađa od 21 godine)" },
  add = { intervention = "MENTOR", priority = 1,
          responsivity = {
            mk = "Млад возрасен: по можност ментор на блиска возраст",
            sq = "I rritur i ri: sipas mundësisë, një mentor i një moshe të afërt",
            en = "Young adult: a mentor close in age where possible",
            ["sr-Latn"] = "Mlada odrasla osoba: po mogućnosti mentor bliskog uzrasta" } },
}
change.rule "R11-placement-high" {
  title = {
    mk = "Висок ризик со изразена намера: одвоен режим",
    sq = "Rrezik i lartë me synim të deklaruar: regjim i veçuar",
    en = "High risk with stated intent: separate regime",
    ["sr-Latn"] = "Visok rizik uz izraženu nameru: odvojeni režim" },
  add = { placement = "separation", review_months = 3,
          rationale = {
            mk = "Изразена намера за употреба на насилство, со висока конечна проценка",
            sq = "Synim i deklaruar për të përdorur dhunë, me një gjykim përfundimtar të lartë",
            en = "Stated intent to use violence with a high final judgement",
            ["sr-Latn"] = "Izražena namera nasilja uz visoku konačnu procenu" } },
}
change.rule "R12-placement-dispersal" {
  title = {
    mk = "Врски со други насилни екстремистички затвореници на одделението",
    sq = "Lidhje me të burgosur të tjerë ekstremistë të dhunshëm në të njëjtin sektor",
    en = "Ties to other violent extremist prisoners on the wing",
    ["sr-Latn"] = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odeljenju" },
  add = { placement = "dispersal",
          rationale = {
            mk = "Врски со сообвинетите на истото одделение",
            sq = "Lidhje me të bashkëpandehurit në të njëjtin sektor",
            en = "Ties to co-defendants on the same wing",
            ["sr-Latn"] = "Veze sa saoptuženima na istom odeljenju" } },
}
change.rule "R13-supervision-high" { title = {
  mk = "Висок ризик: неделен контакт по отпуштањето, со полицијата",
  sq = "Rrezik i lartë: kontakt çdo javë pas lirimit, me policinë",
  en = "High risk: weekly contact after release, with police",
  ["sr-Latn"] = "Visok rizik: kontakt jednom nedeljno posle otpusta, uz policiju" } }
change.rule "R14-supervision-mentor" { title = {
  mk = "Менторот од установата продолжува и по отпуштањето",
  sq = "Mentori nga institucioni vazhdon edhe pas lirimit",
  en = "A mentor in custody continues after release",
  ["sr-Latn"] = "Mentor iz ustanove nastavlja rad i posle otpusta" } }

-- Programmes are held in Macedonian and in Albanian: an interpreter is
-- needed for a person who speaks neither.
change.rule "R08-language" {
  title = {
    mk = "Лицето не зборува ни македонски ни албански",
    sq = "Personi nuk flet as maqedonisht as shqip",
    en = "The person speaks neither Macedonian nor Albanian",
    ["sr-Latn"] = "Osoba ne govori ni makedonski ni albanski" },
  when = { none = { { context = "language", is = { "mk", "sq" } } } },
  add  = { responsivity = { mk          = "Обезбедете преведувач или програма на јазикот на лицето",
                            sq          = "Siguroni një përkthyes ose një program në gjuhën e personit",
                            en          = "Provide an interpreter or a programme in the person's language",
                            ["sr-Latn"] = "Obezbediti prevodioca ili program na jeziku osobe" } },
}

-- ---------------------------------------------------------------------
-- Pre-release steps and closure criteria in Macedonian and Albanian. A
-- list is replaced whole, so the core's steps and criteria are given
-- again, unchanged but for their texts, in every language.
-- ---------------------------------------------------------------------

local mentor_needed = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" },
                                { context = "age", at_most = 20 } } }

change.pre_release {
  steps = {
    { step = "release_risk_assessment", agency = "treatment",   due_months = 6,
      title = { mk = "Проценка на ризикот пред отпуштањето", sq = "Vlerësimi i rrezikut para lirimit",
                en = "Release risk assessment", ["sr-Latn"] = "Procena rizika pri otpustu" } },
    { step = "accommodation",           agency = "social_work", due_months = 4,
      title = { mk = "Сместување по отпуштањето", sq = "Strehimi pas lirimit",
                en = "Accommodation after release", ["sr-Latn"] = "Smeštaj posle otpusta" } },
    { step = "employment",              agency = "social_work", due_months = 3,
      title = { mk = "Вработување или место за обука", sq = "Punësim ose vend për aftësim",
                en = "Employment or training place", ["sr-Latn"] = "Zaposlenje ili mesto za obuku" } },
    { step = "identity_documents",      agency = "treatment",   due_months = 3,
      title = { mk = "Лични документи", sq = "Dokumentet e identitetit",
                en = "Identity documents", ["sr-Latn"] = "Lični dokumenti" } },
    { step = "family_contact",          agency = "social_work", due_months = 2,
      title = { mk = "Подготвен контакт со семејството", sq = "Kontakti me familjen i përgatitur",
                en = "Family contact prepared", ["sr-Latn"] = "Pripremljen kontakt sa porodicom" } },
    { step = "mentor",                  agency = "mentor_cso",  due_months = 2,
      when  = mentor_needed,
      title = { mk = "Менторот претставен пред отпуштањето", sq = "Mentori i prezantuar para lirimit",
                en = "Mentor introduced before release", ["sr-Latn"] = "Mentor upoznat pre otpusta" } },
    { step = "release_conditions",      agency = "probation",   due_months = 1,
      when  = { context = "conditional_release", is = true },
      title = { mk = "Предложени услови за условен отпуст", sq = "Kushtet e lirimit me kusht të propozuara",
                en = "Conditional-release conditions proposed",
                ["sr-Latn"] = "Predloženi uslovi uslovnog otpusta" } },
    { step = "handover_meeting",        agency = "probation",   due_months = 1,
      title = { mk = "Состанок на службите за предавање на случајот",
                sq = "Takimi i shërbimeve për dorëzimin e rastit",
                en = "Multi-agency handover meeting", ["sr-Latn"] = "Primopredajni sastanak službi" } },
  },
}

change.post_release {
  closure = {
    { mk = "Дванаесет месеци без прекршување на условите",
      sq = "Dymbëdhjetë muaj pa shkelje të kushteve",
      en = "Twelve months without a breach of conditions",
      ["sr-Latn"] = "Dvanaest meseci bez kršenja uslova" },
    { mk = "Стабилно сместување и приход",
      sq = "Strehim dhe të ardhura të qëndrueshme",
      en = "Stable accommodation and income",
      ["sr-Latn"] = "Stabilan smeštaj i prihod" },
    { mk = "Заедничкиот преглед на службите се согласува со затворањето",
      sq = "Rishqyrtimi i përbashkët i shërbimeve bie dakord për mbylljen",
      en = "The multi-agency review agrees to close",
      ["sr-Latn"] = "Zajednička revizija službi saglasna sa zatvaranjem" },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-plan-rna-mk-tests"
