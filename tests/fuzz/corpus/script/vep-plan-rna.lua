-- vep-plan-rna.lua -- treatment-plan rules for the illustrative risk and
-- needs assessment (instruments/rna/vep-rna.lua).
--
-- ILLUSTRATIVE: written for libvep's examples, not a programme any
-- administration has adopted.  The plan is a proposal built on the team's
-- final judgement; the team reviews it and decides.
--
-- Read it like the paper form: the agencies, the catalogue of
-- interventions, then the rules ("when this holds, add that"), then the
-- placement, reassessment, pre-release and post-release sections.

plan {
  id           = "vep-plan-rna",
  version      = "1.0.0",
  instrument   = "vep-rna",
  languages    = { "en", "sr-Latn" },
  illustrative = true,
  title = {
    en          = "Individual rehabilitation and treatment programme (illustrative)",
    ["sr-Latn"] = "Individualni program rehabilitacije i tretmana (ilustrativni)",
  },
}

-- ---------------------------------------------------------------------
-- Agencies, and what each may see (need to know)
-- ---------------------------------------------------------------------

agency "treatment" {
  kind  = "prison",
  title = { en = "Prison treatment service", ["sr-Latn"] = "Služba za tretman" },
  sees  = { "risk", "interventions", "placement", "reassessment", "pre_release",
            "post_release", "responsivity", "reasons", "conflicts" },
}
agency "security" {
  kind  = "prison",
  title = { en = "Prison security service", ["sr-Latn"] = "Služba obezbeđenja" },
  sees  = { "risk", "placement", "reassessment" },
}
agency "health" {
  kind  = "health",
  title = { en = "Prison health service", ["sr-Latn"] = "Zdravstvena služba" },
  sees  = { "interventions.own", "responsivity" },
}
agency "probation" {
  kind  = "probation",
  title = { en = "Probation service", ["sr-Latn"] = "Služba za probaciju" },
  sees  = { "risk", "interventions", "pre_release", "post_release", "responsivity" },
}
agency "social_work" {
  kind  = "social_work",
  title = { en = "Centre for social work", ["sr-Latn"] = "Centar za socijalni rad" },
  sees  = { "pre_release.own", "post_release" },
}
agency "police" {
  kind  = "police",
  title = { en = "Police / P-CVE coordinator", ["sr-Latn"] = "Policija / koordinator za P-CVE" },
  sees  = { "post_release" },
}
agency "mentor_cso" {
  kind  = "cso",
  title = { en = "Mentoring organisation", ["sr-Latn"] = "Mentorska organizacija" },
  sees  = { "interventions.own", "pre_release.own" },
}

-- ---------------------------------------------------------------------
-- Catalogue of interventions
-- ---------------------------------------------------------------------

intervention "PSY-IND" {
  category = "psychological",
  agency   = "treatment",
  title    = { en = "Individual psychological work", ["sr-Latn"] = "Individualni psihološki rad" },
  goal     = { en = "Grievance and identity themes discussed in at least 10 sessions; the person names two non-violent ways to act on the grievance",
               ["sr-Latn"] = "Teme nepravde i identiteta obrađene u najmanje 10 susreta; osoba navodi dva nenasilna načina delovanja" },
  intensity = {
    low      = { en = "monthly session", ["sr-Latn"] = "jednom mesečno" },
    moderate = { en = "fortnightly session", ["sr-Latn"] = "svake dve nedelje" },
    high     = { en = "weekly session", ["sr-Latn"] = "jednom nedeljno" },
  },
  review_months = 3,
}

intervention "DIALOGUE" {
  category = "ideological_dialogue",
  agency   = "treatment",
  title    = { en = "Structured dialogue on beliefs", ["sr-Latn"] = "Strukturisani dijalog o uverenjima" },
  goal     = { en = "The person can state the other side's view of three contested questions",
               ["sr-Latn"] = "Osoba može da iznese stav druge strane o tri sporna pitanja" },
  intensity = {
    moderate = { en = "fortnightly session", ["sr-Latn"] = "svake dve nedelje" },
    high     = { en = "weekly session", ["sr-Latn"] = "jednom nedeljno" },
  },
  review_months = 3,
}

intervention "RELIGIOUS" {
  category = "religious_counselling",
  agency   = "treatment",
  title    = { en = "Counselling by an accredited religious counsellor",
               ["sr-Latn"] = "Savetovanje kod ovlašćenog verskog savetnika" },
  goal     = { en = "Monthly meetings held and recorded for six months",
               ["sr-Latn"] = "Mesečni susreti održani i zabeleženi tokom šest meseci" },
  review_months = 6,
}

intervention "EDUCATION" {
  category = "education",
  agency   = "treatment",
  title    = { en = "Literacy and basic education", ["sr-Latn"] = "Opismenjavanje i osnovno obrazovanje" },
  goal     = { en = "Next level of the adult education programme completed",
               ["sr-Latn"] = "Završen sledeći nivo programa obrazovanja odraslih" },
  review_months = 6,
}

intervention "VOCATIONAL" {
  category = "vocational",
  agency   = "treatment",
  title    = { en = "Vocational training and prison work", ["sr-Latn"] = "Stručna obuka i rad u zatvoru" },
  goal     = { en = "A recognised vocational certificate obtained before release",
               ["sr-Latn"] = "Stečen priznat sertifikat pre otpusta" },
  review_months = 6,
}

intervention "FAMILY" {
  category = "family",
  agency   = "social_work",
  title    = { en = "Family contact and family sessions", ["sr-Latn"] = "Kontakt sa porodicom i porodični susreti" },
  goal     = { en = "Regular visits restored; one family session every two months",
               ["sr-Latn"] = "Uspostavljene redovne posete; jedan porodični susret na dva meseca" },
  review_months = 6,
  setting  = "any",
}

intervention "MENTAL-HEALTH" {
  category = "mental_health",
  agency   = "health",
  title    = { en = "Psychiatric assessment and care", ["sr-Latn"] = "Psihijatrijska procena i lečenje" },
  goal     = { en = "Psychiatric assessment done and a care plan agreed",
               ["sr-Latn"] = "Obavljena psihijatrijska procena i dogovoren plan lečenja" },
  review_months = 3,
}

intervention "MENTOR" {
  category = "mentoring",
  agency   = "mentor_cso",
  title    = { en = "Mentoring by a trained mentor", ["sr-Latn"] = "Mentorstvo obučenog mentora" },
  goal     = { en = "A mentor met at least monthly, continuing after release",
               ["sr-Latn"] = "Sastanci sa mentorom najmanje jednom mesečno, i posle otpusta" },
  review_months = 3,
  setting  = "any",
}

-- ---------------------------------------------------------------------
-- Rules: when this holds, add that
-- ---------------------------------------------------------------------

rule "R01-beliefs" {
  title = { en          = "Two or more belief indicators rated high",
            ["sr-Latn"] = "Dva ili više indikatora uverenja ocenjena visoko" },
  when  = { score = "beliefs_high", at_least = 2 },
  add   = { intervention = "DIALOGUE", priority = 1 },
}

rule "R02-grievance" {
  title = { en          = "Grievance (B02) rated high",
            ["sr-Latn"] = "Osećaj nepravde (B02) ocenjen visoko" },
  when  = { item = "B02", is = "high" },
  add   = { intervention = "PSY-IND", priority = 1 },
}

rule "R03-risk" {
  title = { en          = "Final judgement moderate or high",
            ["sr-Latn"] = "Konačna procena umerena ili visoka" },
  when  = { risk = { "moderate", "high" } },
  add   = { intervention = "PSY-IND", priority = 2 },
}

rule "R04-religion" {
  title = { en          = "Violence presented as justified (B01) rated moderate or high",
            ["sr-Latn"] = "Opravdavanje nasilja (B01) ocenjeno umereno ili visoko" },
  when  = { item = "B01", is = { "moderate", "high" } },
  add   = { intervention = "RELIGIOUS", priority = 2, start_days = 14,
            responsivity = { en = "Only with the person's consent, and only where the beliefs are religious",
                             ["sr-Latn"] = "Samo uz pristanak osobe i samo ako su uverenja verska" } },
}

rule "R05-belonging" {
  title = { en          = "Belonging through the group (M03) rated high, or protective ties weak",
            ["sr-Latn"] = "Pripadnost ostvarena kroz grupu (M03) ocenjena visoko ili slabe zaštitne veze" },
  when  = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" } } },
  add   = {
    { intervention = "MENTOR", priority = 2, start_days = 30 },
    { intervention = "FAMILY", priority = 3, start_days = 30 },
  },
}

rule "R06-mental-health" {
  title = { en          = "A diagnosed mental disorder bearing on the risk (A05)",
            ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik (A05)" },
  when  = { item = "A05", is = "present" },
  add   = { intervention = "MENTAL-HEALTH", priority = 1 },
}

rule "R07-literacy" {
  title = { en          = "Low literacy",
            ["sr-Latn"] = "Niska pismenost" },
  when  = { context = "literacy", is = "low" },
  add   = {
    { intervention = "EDUCATION", priority = 2 },
    { responsivity = { en = "Low literacy: use oral and visual materials, read documents aloud",
                       ["sr-Latn"] = "Niska pismenost: koristiti usmene i vizuelne materijale, čitati dokumente naglas" } },
  },
}

rule "R08-language" {
  title = { en          = "The person does not speak the language of the programme",
            ["sr-Latn"] = "Osoba ne govori jezik na kome se program sprovodi" },
  when  = { none = { { context = "language", is = { "sr-Latn", "sr-Cyrl", "bs", "hr", "cnr" } } } },
  add   = { responsivity = { en = "Provide an interpreter or a programme in the person's language",
                             ["sr-Latn"] = "Obezbediti prevodioca ili program na jeziku osobe" } },
}

rule "R09-work" {
  title = { en          = "No vocational programme completed yet",
            ["sr-Latn"] = "Još nije završen nijedan program stručne obuke" },
  when  = { none = { { completed = "VOCATIONAL" } } },
  add   = { intervention = "VOCATIONAL", priority = 3, start_days = 30 },
}

rule "R10-young" {
  title = { en          = "Young adult (under 21)",
            ["sr-Latn"] = "Mlada odrasla osoba (mlađa od 21 godine)" },
  when  = { context = "age", at_most = 20 },
  add   = { intervention = "MENTOR", priority = 1,
            responsivity = { en = "Young adult: a mentor close in age where possible",
                             ["sr-Latn"] = "Mlada odrasla osoba: po mogućnosti mentor bliskog uzrasta" } },
}

rule "R11-placement-high" {
  title = { en          = "High risk with stated intent: separate regime",
            ["sr-Latn"] = "Visok rizik uz izraženu nameru: odvojeni režim" },
  when  = { all = { { risk = "high" }, { flag = "intent_stated" } } },
  add   = { placement = "separation",
            rationale = { en = "Stated intent to use violence with a high final judgement",
                          ["sr-Latn"] = "Izražena namera nasilja uz visoku konačnu procenu" },
            review_months = 3 },
}

rule "R12-placement-dispersal" {
  title = { en          = "Ties to other violent extremist prisoners on the wing",
            ["sr-Latn"] = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odeljenju" },
  when  = { item = "I01", is = "high" },
  add   = { placement = "dispersal",
            rationale = { en = "Ties to co-defendants on the same wing",
                          ["sr-Latn"] = "Veze sa saoptuženima na istom odeljenju" } },
}

rule "R13-supervision-high" {
  title = { en          = "High risk: weekly contact after release, with police",
            ["sr-Latn"] = "Visok rizik: nedeljni kontakt posle otpusta, uz učešće policije" },
  when  = { risk = "high" },
  add   = { post_release = { contact = "weekly", agencies = { "police" } } },
}

rule "R14-supervision-mentor" {
  title = { en          = "A mentor in custody continues after release",
            ["sr-Latn"] = "Mentorstvo započeto u zavodu nastavlja se i posle otpusta" },
  when  = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" }, { context = "age", at_most = 20 } } },
  add   = { post_release = { agencies = { "mentor_cso" } } },
}

-- ---------------------------------------------------------------------
-- Placement, reassessment, pre-release and post-release
-- ---------------------------------------------------------------------

placement {
  default       = "standard",
  review_months = 6,
}

reassessment {
  every_months = { low = 12, moderate = 6, high = 3 },
  triggers = {                     -- reassess within this many days of
    incident             = 14,
    transfer             = 30,
    court_decision       = 30,
    parole_decision      = 30,
    programme_completion = 60,
    pre_release_window   = 0,      -- when the pre-release window opens
  },
}

pre_release {
  months_before = 6,
  steps = {
    { step = "release_risk_assessment", agency = "treatment",   due_months = 6,
      title = { en = "Release risk assessment", ["sr-Latn"] = "Procena rizika pri otpustu" } },
    { step = "accommodation",           agency = "social_work", due_months = 4,
      title = { en = "Accommodation after release", ["sr-Latn"] = "Smeštaj posle otpusta" } },
    { step = "employment",              agency = "social_work", due_months = 3,
      title = { en = "Employment or training place", ["sr-Latn"] = "Zaposlenje ili mesto za obuku" } },
    { step = "identity_documents",      agency = "treatment",   due_months = 3,
      title = { en = "Identity documents", ["sr-Latn"] = "Lični dokumenti" } },
    { step = "family_contact",          agency = "social_work", due_months = 2,
      title = { en = "Family contact prepared", ["sr-Latn"] = "Pripremljen kontakt sa porodicom" } },
    { step = "mentor",                  agency = "mentor_cso",  due_months = 2,
      when  = { any = { { item = "M03", is = "high" }, { flag = "protective_weak" }, { context = "age", at_most = 20 } } },
      title = { en = "Mentor introduced before release", ["sr-Latn"] = "Mentor upoznat pre otpusta" } },
    { step = "release_conditions",      agency = "probation",   due_months = 1,
      when  = { context = "conditional_release", is = true },
      title = { en = "Conditional-release conditions proposed", ["sr-Latn"] = "Predloženi uslovi uslovnog otpusta" } },
    { step = "handover_meeting",        agency = "probation",   due_months = 1,
      title = { en = "Multi-agency handover meeting", ["sr-Latn"] = "Primopredajni sastanak službi" } },
  },
}

post_release {
  supervisor    = "probation",
  contact       = "monthly",
  agencies      = { "probation", "social_work" },
  review_months = 3,
  reviews       = 4,
  closure = {
    { en = "Twelve months without a breach of conditions", ["sr-Latn"] = "Dvanaest meseci bez kršenja uslova" },
    { en = "Stable accommodation and income", ["sr-Latn"] = "Stabilan smeštaj i prihod" },
    { en = "The multi-agency review agrees to close", ["sr-Latn"] = "Zajednička revizija službi saglasna sa zatvaranjem" },
  },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

-- vep-plan-rna-tests.lua -- test cases of vep-plan-rna.lua.
--
-- Each case gives the result in short form (the final judgement, flags
-- raised, scores, answers) and the case context, and says what the plan
-- must hold.  `vep test vep-plan-rna.lua` runs them.  Together they make
-- every rule hold at least once, cross the pre-release window's
-- boundaries, and plan for a person already past the release date.

-- A case context: as of 20 June 2026, release in two years.
local function context(extra)
  local c = { as_of = "2026-06-20", sentence_start = "2023-01-10",
              expected_release = "2028-06-20", age = 34, regime = "standard",
              language = "sr-Latn", literacy = "adequate", conditional_release = false }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

local all_steps = { "release_risk_assessment", "accommodation", "employment",
                    "identity_documents", "family_contact", "handover_meeting" }

test "moderate risk, grievance high, release in two years" {
  result  = { risk = "moderate", scores = { beliefs_high = 1 },
              answers = { B01 = "low", B02 = "high", M03 = "low", I01 = "low", A05 = "absent" } },
  context = context(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },         -- R02 and R03 merge; R09
    placement     = "standard",                          -- no rule: the default
    reassessment  = "2026-12-20",                        -- every 6 months
    window        = "before",
    steps         = all_steps,
    supervisor    = "probation", contact = "monthly",
    agencies      = { "probation", "social_work" },
    responsivity  = 0, conflicts = 0,
  },
}

test "high risk, stated intent and ties on the wing: placement rules conflict" {
  result  = { risk = "high", flags = { "intent_stated" },
              answers = { B02 = "moderate", I01 = "high", M03 = "low", A05 = "absent" } },
  context = context(),
  expect  = {
    interventions = { "PSY-IND", "VOCATIONAL" },
    placement     = false,                                -- R11 and R12 disagree
    conflicts     = 1,
    reassessment  = "2026-09-20",                         -- every 3 months
    contact       = "weekly",                             -- R13
    agencies      = { "probation", "social_work", "police" },
  },
}

test "low risk, young adult with low literacy who speaks Albanian" {
  result  = { risk = "low", answers = { B02 = "low", M03 = "low", A05 = "absent" } },
  context = context({ age = 19, literacy = "low", language = "sq" }),
  expect  = {
    interventions = { "MENTOR", "EDUCATION", "VOCATIONAL" },   -- R10, R07, R09
    responsivity  = 2,                                        -- R07, R08
    reassessment  = "2027-06-20",                             -- every 12 months
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor", "handover_meeting" },
    agencies      = { "probation", "social_work", "mentor_cso" },   -- R14
  },
}

test "beliefs, justification, belonging and a mental disorder" {
  result  = { risk = "moderate", scores = { beliefs_high = 2 },
              answers = { B01 = "moderate", B02 = "moderate", M03 = "high", I01 = "low", A05 = "present" } },
  context = context({ conditional_release = true }),
  expect  = {
    interventions = { "DIALOGUE", "MENTAL-HEALTH", "PSY-IND", "RELIGIOUS", "MENTOR",
                      "VOCATIONAL", "FAMILY" },   -- R01, R06; R03, R04, R05; R09, R05
    steps         = { "release_risk_assessment", "accommodation", "employment",
                      "identity_documents", "family_contact", "mentor",
                      "release_conditions", "handover_meeting" },
  },
}

test "protective ties weak: mentor and family" {
  result  = { risk = "low", flags = { "protective_weak" }, answers = { M03 = "low" } },
  context = context(),
  expect  = { interventions = { "MENTOR", "VOCATIONAL", "FAMILY" } },   -- priority 2, then 3 in catalogue order
}

test "programmes completed are not added again" {
  result  = { risk = "moderate", answers = { B02 = "low" } },
  context = context({ programmes = { completed = { { id = "PSY-IND", date = "2026-03-01" } } } }),
  expect  = { interventions = { "VOCATIONAL" }, not_added = { "PSY-IND" } },
}

test "vocational programme completed: rule R09 does not hold" {
  result  = { risk = "low" },
  context = context({ programmes = { completed = { { id = "VOCATIONAL", date = "2025-11-01" } } } }),
  expect  = { interventions = {}, not_added = {} },
}

-- The pre-release window: release 2026-12-20, six months before is 2026-06-20.
test "the day before the pre-release window opens" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-06-19", expected_release = "2026-12-20" }),
  expect  = { window = "before", steps = all_steps, reassessment = "2026-06-20" },
}

test "the day the pre-release window opens" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-06-20", expected_release = "2026-12-20" }),
  expect  = { window = "open", steps = all_steps },
}

test "the last day before release" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-12-19", expected_release = "2026-12-20" }),
  expect  = { window = "open", steps = all_steps },
}

test "the release date itself: the window has passed" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-12-20", expected_release = "2026-12-20" }),
  expect  = { window = "passed", steps = {}, interventions = {}, not_added = { "VOCATIONAL" } },
}

test "month end: release 31 August, the window opens 28 February" {
  result  = { risk = "low" },
  context = context({ as_of = "2027-02-28", expected_release = "2027-08-31" }),
  expect  = { window = "open" },
}

test "month end: 27 February is before the window" {
  result  = { risk = "low" },
  context = context({ as_of = "2027-02-27", expected_release = "2027-08-31" }),
  expect  = { window = "before" },
}

test "already past the release date: support in the community only" {
  result  = { risk = "moderate", answers = { B02 = "high", M03 = "high" } },
  context = context({ as_of = "2026-06-20", expected_release = "2026-03-01" }),
  expect  = {
    window        = "passed", steps = {},
    interventions = { "MENTOR", "FAMILY" },               -- community / any setting
    not_added     = { "PSY-IND", "VOCATIONAL" },          -- custody only
    supervisor    = "probation",
    agencies      = { "probation", "social_work", "mentor_cso" },
  },
}

test "a context with an impossible date is refused" {
  result  = { risk = "low" },
  context = context({ as_of = "2026-02-30" }),
  expect  = { invalid = { "invalid_date" } },
}
