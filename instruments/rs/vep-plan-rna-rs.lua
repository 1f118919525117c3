-- vep-plan-rna-rs.lua -- Serbia's adaptation of the treatment-plan rules
-- (instruments/plans/vep-plan-rna.lua), for the results of Serbia's risk
-- and needs assessment (instruments/rs/vep-rna-rs.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- Written for libvep's examples, not a programme any administration has
-- adopted. The agencies are generic descriptions of a kind of service,
-- not a statement of how any real administration is organised. The plan
-- is a proposal built on the team's final judgement; the team reviews it
-- and decides.
--
-- What this overlay changes (everything else is inherited):
--   * it takes the results of vep-rna-rs, Serbia's adaptation of the RNA;
--   * languages: Serbian Cyrillic first (plans are written in it), then
--     Serbian Latin; the core's Latin texts are shown in Cyrillic by
--     transliteration;
--   * local agencies: the prison administration's treatment service, the
--     probation office ("poverenička služba") and the centre for social
--     work of the place of residence, under local names; two added
--     agencies, the prison's school for adults and the local employment
--     service;
--   * literacy and basic education (EDUCATION) is handed to the prison's
--     school; an added intervention, job-search support (JOB-SEARCH), is
--     the employment service's, from the opening of the pre-release
--     window on;
--   * an added rule for the added indicator A07 (ties formed during an
--     earlier prison term);
--   * reassessment after a moderate final judgement every 4 months (the
--     core: 6); the employment service joins post-release support.

plan {
  id         = "vep-plan-rna-rs",
  version    = "1.0.0",
  base       = { id = "vep-plan-rna", version = "^1.0.0" },
  instrument = "vep-rna-rs",
  languages  = { "sr-Cyrl", "sr-Latn" },
  title      = {
    ["sr-Latn"] = "Individualni program rehabilitacije i tretmana, Srbija (ilustrativni)",
    en          = "Individual rehabilitation and treatment programme, Serbia (illustrative)",
  },
}

-- ---------------------------------------------------------------------
-- Agencies: local names, and two added services
-- ---------------------------------------------------------------------

change.agency "treatment" {
  title = { ["sr-Latn"] = "Služba za tretman zatvorske uprave",
            en          = "The prison administration's treatment service" },
}
change.agency "probation" {
  title = { ["sr-Latn"] = "Poverenička služba",
            en          = "Probation office" },
}
change.agency "social_work" {
  title = { ["sr-Latn"] = "Centar za socijalni rad prema mestu prebivališta",
            en          = "Centre for social work of the place of residence" },
}

agency "prison_school" {
  kind  = "prison",
  title = { ["sr-Latn"] = "Škola za obrazovanje odraslih u zavodu",
            en          = "The prison's school for adult education" },
  sees  = { "interventions.own", "responsivity" },
}
agency "employment" {
  kind  = "other",
  title = { ["sr-Latn"] = "Lokalna služba za zapošljavanje",
            en          = "Local employment service" },
  sees  = { "interventions.own", "post_release" },
}

-- ---------------------------------------------------------------------
-- Interventions handed to the local agencies
-- ---------------------------------------------------------------------

change.intervention "EDUCATION" { agency = "prison_school" }

intervention "JOB-SEARCH" {
  category = "vocational",
  agency   = "employment",
  title    = { ["sr-Latn"] = "Podrška u traženju posla posle otpusta",
               en          = "Job-search support after release" },
  goal     = { ["sr-Latn"] = "Osoba je prijavljena službi za zapošljavanje pre otpusta "
                          .. "i ima najmanje jedan razgovor za posao u prva tri meseca",
               en          = "The person is registered with the employment service before "
                          .. "release and has at least one job interview in the first "
                          .. "three months" },
  review_months = 3,
  setting  = "community",
}

-- ---------------------------------------------------------------------
-- Added rules
-- ---------------------------------------------------------------------

rule "RS01-job-search" {
  title = { ["sr-Latn"] = "Period pripreme za otpust je počeo ili je otpust prošao",
            en          = "The pre-release window is open, or release has passed" },
  when  = { window = { "open", "passed" } },
  add   = { intervention = "JOB-SEARCH", priority = 2 },
}

rule "RS02-earlier-ties" {
  title = { ["sr-Latn"] = "Veze sa nasilnim ekstremističkim zatvorenicima tokom ranijeg "
                       .. "izdržavanja kazne (A07)",
            ["sr-Cyrl"] = "Везе са насилним екстремистичким затвореницима током ранијег "
                       .. "издржавања казне (A07)",
            en          = "Ties to violent extremist prisoners during an earlier prison term (A07)" },
  when  = { item = "A07", is = "present" },
  add   = { intervention = "PSY-IND", priority = 1,
            responsivity = { ["sr-Latn"] = "Razgovarati o ranijem izdržavanju kazne i vezama stečenim tada",
                             en          = "Discuss the earlier prison term and the ties formed then" } },
}

-- ---------------------------------------------------------------------
-- Serbian titles of the core's rules, in this package's own wording
--
-- The English title is given again beside the Serbian one. Titles that name
-- an item code are also written in Cyrillic, since letter by letter the
-- code (B02, A05) would come out in Cyrillic letters.
-- ---------------------------------------------------------------------

change.rule "R01-beliefs" { title = {
  ["sr-Latn"] = "Dva ili više indikatora uverenja ocenjena visoko",
  en          = "Two or more belief indicators rated high" } }
change.rule "R02-grievance" { title = {
  ["sr-Latn"] = "Osećaj nepravde (B02) ocenjen visoko",
  ["sr-Cyrl"] = "Осећај неправде (B02) оцењен високо",
  en          = "Grievance (B02) rated high" } }
change.rule "R03-risk" { title = {
  ["sr-Latn"] = "Konačna procena umerena ili visoka",
  en          = "Final judgement moderate or high" } }
change.rule "R04-religion" { title = {
  ["sr-Latn"] = "Opravdavanje nasilja (B01) ocenjeno umereno ili visoko",
  ["sr-Cyrl"] = "Оправдавање насиља (B01) оцењено умерено или високо",
  en          = "Violence presented as justified (B01) rated moderate or high" } }
change.rule "R05-belonging" { title = {
  ["sr-Latn"] = "Pripadnost kroz grupu (M03) ocenjena visoko, ili slabe zaštitne veze",
  ["sr-Cyrl"] = "Припадност кроз групу (M03) оцењена високо, или слабе заштитне везе",
  en          = "Belonging through the group (M03) rated high, or protective ties weak" } }
change.rule "R06-mental-health" { title = {
  ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik (A05)",
  ["sr-Cyrl"] = "Дијагностикован ментални поремећај од значаја за ризик (A05)",
  en          = "A diagnosed mental disorder bearing on the risk (A05)" } }
change.rule "R07-literacy" { title = {
  ["sr-Latn"] = "Niska pismenost",
  en          = "Low literacy" } }
change.rule "R08-language" { title = {
  ["sr-Latn"] = "Osoba ne govori jezik na kome se program sprovodi",
  en          = "The person does not speak the language of the programme" } }
change.rule "R09-work" { title = {
  ["sr-Latn"] = "Još nije završen nijedan program stručne obuke",
  en          = "No vocational programme completed yet" } }
change.rule "R10-young" { title = {
  ["sr-Latn"] = "Mlada odrasla osoba (mlađa od 21 godine)",
  en          = "Young adult (under 21)" } }
change.rule "R11-placement-high" { title = {
  ["sr-Latn"] = "Visok rizik uz izraženu nameru: odvojeni režim",
  en          = "High risk with stated intent: separate regime" } }
change.rule "R12-placement-dispersal" { title = {
  ["sr-Latn"] = "Veze sa drugim nasilnim ekstremističkim zatvorenicima na odeljenju",
  en          = "Ties to other violent extremist prisoners on the wing" } }
change.rule "R13-supervision-high" { title = {
  ["sr-Latn"] = "Visok rizik: nedeljni kontakt posle otpusta, uz policiju",
  en          = "High risk: weekly contact after release, with police" } }
change.rule "R14-supervision-mentor" { title = {
  ["sr-Latn"] = "Mentor iz zavoda nastavlja rad i posle otpusta",
  en          = "A mentor in custody continues after release" } }

-- ---------------------------------------------------------------------
-- Reassessment and post-release support
-- ---------------------------------------------------------------------

change.reassessment {
  every_months = { low = 12, moderate = 4, high = 3 },
}

change.post_release {
  agencies = { "probation", "social_work", "employment" },
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-plan-rna-rs-tests"
