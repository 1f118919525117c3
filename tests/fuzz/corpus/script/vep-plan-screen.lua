-- vep-plan-screen.lua -- what follows a screening (instruments/screening/
-- vep-screen.lua): referral to the full risk and needs assessment, and
-- when to screen again.
--
-- ILLUSTRATIVE: written for libvep's examples.  A screen refers; it does
-- not place anyone in a regime, and nothing here does either.

plan {
  id           = "vep-plan-screen",
  version      = "1.0.0",
  instrument   = "vep-screen",
  languages    = { "en", "sr-Latn" },
  illustrative = true,
  title = {
    en          = "Follow-up of the radicalisation screening (illustrative)",
    ["sr-Latn"] = "Postupanje posle skrininga radikalizacije (ilustrativno)",
  },
}

agency "treatment" {
  kind  = "prison",
  title = { en = "Prison treatment service", ["sr-Latn"] = "Služba za tretman" },
  sees  = { "risk", "interventions", "reassessment", "responsivity", "reasons" },
}
agency "rna_team" {
  kind  = "prison",
  title = { en = "Multidisciplinary assessment team", ["sr-Latn"] = "Multidisciplinarni tim za procenu" },
  sees  = { "risk", "interventions.own", "reassessment" },
}

intervention "RNA-REFERRAL" {
  category = "other",
  agency   = "rna_team",
  title    = { en = "Full risk and needs assessment", ["sr-Latn"] = "Potpuna procena rizika i potreba" },
  goal     = { en = "Assessment completed and the team's judgement recorded within 30 days",
               ["sr-Latn"] = "Procena završena i zabeležena ocena tima u roku od 30 dana" },
  review_months = 1,
}

intervention "KEYWORKER" {
  category = "mentoring",
  agency   = "treatment",
  title    = { en = "Weekly contact with a key worker", ["sr-Latn"] = "Nedeljni kontakt sa zaduženim vaspitačem" },
  goal     = { en = "A named key worker meets the person every week until the assessment",
               ["sr-Latn"] = "Imenovani vaspitač se sastaje sa osobom svake nedelje do procene" },
  review_months = 1,
}

rule "S01-refer" {
  title = { en          = "The professional confirms the positive screen",
            ["sr-Latn"] = "Stručno lice potvrđuje pozitivan rezultat skrininga" },
  when  = { risk = "positive" },
  add   = { intervention = "RNA-REFERRAL", priority = 1 },
}

rule "S02-keyworker" {
  title = { en          = "Positive screen: a key worker until the assessment",
            ["sr-Latn"] = "Pozitivan rezultat skrininga: zaduženi vaspitač do procene" },
  when  = { risk = "positive" },
  add   = { intervention = "KEYWORKER", priority = 2, start_days = 7 },
}

rule "S03-advisory-differs" {
  title = { en          = "The computed screen was positive but the professional judged it negative",
            ["sr-Latn"] = "Izračunati rezultat skrininga bio je pozitivan, ali ga je stručno lice ocenilo kao negativan" },
  when  = { all = { { risk = "negative" }, { level = "screen", is = "positive" } } },
  add   = { responsivity = { en = "Screen again at the next review: the advisory level was positive",
                             ["sr-Latn"] = "Ponoviti skrining na sledećoj reviziji: savetodavni nivo je bio pozitivan" } },
}

reassessment {
  every_months = { negative = 6, positive = 1 },
  triggers     = { incident = 7, transfer = 14 },
}

-- vep-plan-screen-tests.lua -- test cases of vep-plan-screen.lua.

test "positive screen confirmed: referral and a key worker" {
  result  = { risk = "positive", levels = { screen = "positive" } },
  context = { as_of = "2026-03-31" },
  expect  = { interventions = { "RNA-REFERRAL", "KEYWORKER" }, responsivity = 0,
              reassessment = "2026-04-30" },      -- month end: 31 March + 1 month
}

test "negative screen: screen again in six months" {
  result  = { risk = "negative", levels = { screen = "negative" } },
  context = { as_of = "2026-08-31" },
  expect  = { interventions = {}, reassessment = "2027-02-28", responsivity = 0 },
}

test "the professional overrides a positive advisory level" {
  result  = { risk = "negative", levels = { screen = "positive" } },
  context = { as_of = "2026-01-15" },
  expect  = { interventions = {}, responsivity = 1 },
}
