-- vep-plan-rna-me.lua -- Montenegro's adaptation of the treatment-plan
-- rules (instruments/plans/vep-plan-rna.lua), for the results of the
-- regional risk and needs assessment (instruments/rna/vep-rna.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- Written for libvep's examples, not a programme any administration has
-- adopted. The agencies are generic descriptions of a kind of service,
-- not a statement of how any real administration is organised. The plan
-- is a proposal built on the team's final judgement; the team reviews it
-- and decides.
--
-- What this overlay changes (everything else is inherited):
--   * languages: Montenegrin (cnr, Latin script) first (plans are written
--     in it), then Serbian Latin; a text not written in Montenegrin is
--     shown from Serbian Latin (`fallbacks`): the responsivity notes and
--     placement reasons inside the core's rules are shown so;
--   * local agencies: the probation administration and the centre for
--     social work of the municipality of residence, under local names;
--     mentoring is handed from the core's mentoring organisation to an
--     added agency, a local NGO's mentoring programme, in custody, before
--     release (the "mentor" step) and after release (rule R14);
--   * reassessment within 7 days of an incident (the core: 14);
--   * Montenegrin titles, goals and intensities of the agencies,
--     interventions, rules, pre-release steps and closure criteria.

plan {
  id        = "vep-plan-rna-me",
  version   = "1.0.0",
  base      = { id = "vep-plan-rna", version = "^1.0.0" },
  languages = { "cnr", "sr-Latn" },
  fallbacks = { cnr = "sr-Latn" },
  title     = {
    cnr         = "Individualni program rehabilitacije i tretmana, Crna Gora (ilustrativni)",
    ["sr-Latn"] = "Individualni program rehabilitacije i tretmana, Crna Gora (ilustrativni)",
    en          = "Individual rehabilitation and treatment programme, Montenegro (illustrative)",
  },
}

-- ---------------------------------------------------------------------
-- Agencies: local names, and the local NGO's mentoring programme
-- ---------------------------------------------------------------------

change.agency "treatment"   { title = { cnr = "Služba za tretman u zavodu" } }
change.agency "security"    { title = { cnr = "Služba obezbjeđenja" } }
change.agency "health"      { title = { cnr = "Zdravstvena služba u zavodu" } }
change.agency "police"      { title = { cnr = "Policija / koordinator za P-CVE" } }

change.agency "probation" {
  title = { cnr         = "Uprava za probaciju",
            ["sr-Latn"] = "Uprava za probaciju",
            en          = "Probation administration" },
}
change.agency "social_work" {
  title = { cnr         = "Centar za socijalni rad u opštini prebivališta",
            ["sr-Latn"] = "Centar za socijalni rad u opštini prebivališta",
            en          = "Centre for social work of the municipality of residence" },
}

agency "mentor_ngo" {
  kind  = "cso",
  title = { cnr         = "Program mentorstva lokalne nevladine organizacije",
            ["sr-Latn"] = "Program mentorstva lokalne nevladine organizacije",
            en          = "Local NGO mentoring programme" },
  sees  = { "interventions.own", "pre_release.own" },
}

-- ---------------------------------------------------------------------
-- The catalogue in Montenegrin; mentoring handed to the local NGO
-- (an intensity is replaced whole, so its other languages are given again)
-- ---------------------------------------------------------------------

change.intervention "PSY-IND" {
  title = { cnr = "Individualni psihološki rad" },
  goal  = { cnr = "Teme nepravde i identiteta obrađene u najmanje 10 susreta; osoba "
               .. "navodi dva nenasilna načina djelovanja" },
  intensity = {
    low      = { cnr = "jednom mjesečno", en = "monthly session",
                 ["sr-Latn"] = "jednom mesečno" },
    moderate = { cnr = "svake dvije nedjelje", en = "fortnightly session",
                 ["sr-Latn"] = "svake dve nedelje" },
    high     = { cnr = "jednom nedjeljno", en = "weekly session",
                 ["sr-Latn"] = "jednom nedeljno" },
  },
}

change.intervention "DIALOGUE" {
  title = { cnr = "Strukturisani dijalog o uvjerenjima" },
  goal  = { cnr = "Osoba može da iznese stav druge strane o tri sporna pitanja" },
  intensity = {
    moderate = { cnr = "svake dvije nedjelje", en = "fortnightly session",
                 ["sr-Latn"] = "svake dve nedelje" },
    high     = { cnr = "jednom nedjeljno", en = "weekly session",
                 ["sr-Latn"] = "jednom nedeljno" },
  },
}

change.intervention "RELIGIOUS" {
  title = { cnr = "Savjetovanje kod ovlašćenog vjerskog savjetnika" },
  goal  = { cnr = "Mjesečni susreti održani i zabilježeni tokom šest mjeseci" },
}

change.intervention "EDUCATION" {
  title = { cnr = "Opismenjavanje i osnovno obrazovanje" },
  goal  = { cnr = "Završen sljedeći nivo programa obrazovanja odraslih" },
}

change.intervention "VOCATIONAL" {
  title = { cnr = "Stručna obuka i rad u zatvoru" },
  goal  = { cnr = "Stečen priznat sertifikat prije otpusta" },
}

change.intervention "FAMILY" {
  title = { cnr = "Kontakt sa porodicom i porodični susreti" },
  goal  = { cnr = "Uspostavljene redovne posjete; jedan porodični susret na dva mjeseca" },
}

change.intervention "MENTAL-HEALTH" {
  title = { cnr = "Psihijatrijska procjena i liječenje" },
  goal  = { cnr = "Obavljena psihijatrijska procjena i dogovoren plan liječenja" },
}

change.intervention "MENTOR" {
  agency = "mentor_ngo",
  title  = { cnr = "Mentorstvo obučenog mentora" },
  goal   = { cnr = "Sastanci sa mentorom najmanje jednom mjesečno, i poslije otpusta" },
}

-- ---------------------------------------------------------------------
-- Rule titles in Montenegrin and Serbian
--
-- The English title is given again beside them.
-- ---------------------------------------------------------------------

change.rule "R01-beliefs" { title = {
  cnr         = "Dva ili više indikatora uvjerenja ocijenjena visoko",
  ["sr-Latn"] = "Dva ili više indikatora uverenja ocenjena visoko",
  en          = "Two or more belief indicators rated high" } }
change.rule "R02-grievance" { title = {
  cnr         = "Osjećaj nepravde (B02) ocijenjen visoko",
  ["sr-Latn"] = "Osećaj nepravde (B02) ocenjen visoko",
  en          = "Grievance (B02) rated high" } }
change.rule "R03-risk" { title = {
  cnr         = "Konačna procjena umjerena ili visoka",
  ["sr-Latn"] = "Konačna procena umerena ili visoka",
  en          = "Final judgement moderate or high" } }
change.rule "R04-religion" { title = {
  cnr         = "Opravdavanje nasilja (B01) ocijenjeno umjereno ili visoko",
  ["sr-Latn"] = "Opravdavanje nasilja (B01) ocenjeno umereno ili visoko",
  en          = "Violence presented as justified (B01) rated moderate or high" } }
change.rule "R05-belonging" { title = {
  cnr         = "Pripadnost kroz grupu (M03) ocijenjena visoko, ili slabe zaštitne veze",
  ["sr-Latn"] = "Pripadnost kroz grupu (M03) ocenjena visoko, ili slabe zaštitne veze",
  en          = "Belonging through the group (M03) rated high, or protective ties weak" } }
change.rule "R06-mental-health" { title = {
  cnr         = "Dijagnostikovan mentalni poremećaj od značaja za rizik (A05)",
  ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik (A05)",
  en          = "A diagnosed mental disorder bearing on the risk (A05)" } }
change.rule "R07-literacy" { title = {
  cnr         = "Niska pismenost",
  ["sr-Latn"] = "Niska pismenost",
  en          = "Low literacy" } }
change.rule "R08-language" { title = {
  cnr         = "Osoba ne govori jezik na kome se program sprovodi",
  ["sr-Latn"] = "Osoba ne govori jezik na kome se program sprovodi",
  en          = "The person does not speak the language of the programme" } }
change.rule "R09-work" { title = {
  cnr         = "Još nije završen nijedan program stručne obuke",
  ["sr-Latn"] = "Još nije završen nijedan program stručne obuke",
  en          = "No vocational programme completed yet" } }
change.rule "R10-young" { title = {
  cnr         = "Mlada odrasla osoba (mlađa od 21 godine)",
  ["sr-Latn"] = "Mlada odrasla osoba (mlađa od 21 godine)",
  en          = "Young adult (under 21)" } }
change.rule "R11-placement-high" { title = {
  cnr         = "Visok rizik uz izraženu namjeru: odvojeni režim",
  ["sr-Latn"] = "Visok rizik uz izraženu nameru: odvojeni režim",
  en          = "High risk with stated intent: separate regime" } }
change.rule "R12-placement-dispersal" { title = {
  cnr         = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odjeljenju",
  ["sr-Latn"] = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odeljenju",
  en          = "Ties to other violent extremist prisoners on the wing" } }
change.rule "R13-supervision-high" { title = {
  cnr         = "Visok rizik: kontakt jednom nedjeljno poslije otpusta, uz policiju",
  ["sr-Latn"] = "Visok rizik: kontakt jednom nedeljno posle otpusta, uz policiju",
  en          = "High risk: weekly contact after release, with police" } }

-- After release the mentor comes from the local NGO (the core: the
-- mentoring organisation).
change.rule "R14-supervision-mentor" {
  title = {
    cnr         = "Mentor iz zavoda nastavlja rad i poslije otpusta",
    ["sr-Latn"] = "Mentor iz zavoda nastavlja rad i posle otpusta",
    en          = "A mentor in custody continues after release" },
  add = { post_release = { agencies = { "mentor_ngo" } } },
}

-- The core's mentoring organisation is no longer named anywhere.
remove.agency "mentor_cso"

-- ---------------------------------------------------------------------
-- Reassessment: within 7 days of an incident (the core: 14)
-- ---------------------------------------------------------------------

change.reassessment {
  triggers = {
    incident             = 7,
    transfer             = 30,
    court_decision       = 30,
    parole_decision      = 30,
    programme_completion = 60,
    pre_release_window   = 0,
  },
}

-- ---------------------------------------------------------------------
-- Pre-release steps (a list of steps is replaced whole: the core's steps
-- are given again, with Montenegrin titles and the mentor step handed to
-- the local NGO)
-- ---------------------------------------------------------------------

local mentor_needed = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" },
                                { context = "age", at_most = 20 } } }

change.pre_release {
  steps = {
    { step = "release_risk_assessment", agency = "treatment",   due_months = 6,
      title = { cnr = "Procjena rizika pri otpustu", en = "Release risk assessment",
                ["sr-Latn"] = "Procena rizika pri otpustu" } },
    { step = "accommodation",           agency = "social_work", due_months = 4,
      title = { cnr = "Smještaj poslije otpusta", en = "Accommodation after release",
                ["sr-Latn"] = "Smeštaj posle otpusta" } },
    { step = "employment",              agency = "social_work", due_months = 3,
      title = { cnr = "Zaposlenje ili mjesto za obuku", en = "Employment or training place",
                ["sr-Latn"] = "Zaposlenje ili mesto za obuku" } },
    { step = "identity_documents",      agency = "treatment",   due_months = 3,
      title = { cnr = "Lična dokumenta", en = "Identity documents",
                ["sr-Latn"] = "Lični dokumenti" } },
    { step = "family_contact",          agency = "social_work", due_months = 2,
      title = { cnr = "Pripremljen kontakt sa porodicom", en = "Family contact prepared",
                ["sr-Latn"] = "Pripremljen kontakt sa porodicom" } },
    { step = "mentor",                  agency = "mentor_ngo",  due_months = 2,
      when  = mentor_needed,
      title = { cnr = "Mentor upoznat prije otpusta", en = "Mentor introduced before release",
                ["sr-Latn"] = "Mentor upoznat pre otpusta" } },
    { step = "release_conditions",      agency = "probation",   due_months = 1,
      when  = { context = "conditional_release", is = true },
      title = { cnr = "Predloženi uslovi uslovnog otpusta",
                en = "Conditional-release conditions proposed",
                ["sr-Latn"] = "Predloženi uslovi uslovnog otpusta" } },
    { step = "handover_meeting",        agency = "probation",   due_months = 1,
      title = { cnr = "Primopredajni sastanak službi", en = "Multi-agency handover meeting",
                ["sr-Latn"] = "Primopredajni sastanak službi" } },
  },
}

-- ---------------------------------------------------------------------
-- Post-release closure criteria in Montenegrin (given again whole)
-- ---------------------------------------------------------------------

change.post_release {
  closure = {
    { cnr = "Dvanaest mjeseci bez kršenja uslova",
      en = "Twelve months without a breach of conditions",
      ["sr-Latn"] = "Dvanaest meseci bez kršenja uslova" },
    { cnr = "Stabilan smještaj i prihod",
      en = "Stable accommodation and income",
      ["sr-Latn"] = "Stabilan smeštaj i prihod" },
    { cnr = "Zajednička revizija službi saglasna sa zatvaranjem",
      en = "The multi-agency review agrees to close",
      ["sr-Latn"] = "Zajednička revizija službi saglasna sa zatvaranjem" },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-plan-rna-me-tests"
