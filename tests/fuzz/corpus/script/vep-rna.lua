-- vep-rna.lua -- risk and needs assessment of violent extremist prisoners
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how a structured
-- professional judgement (SPJ) tool is scripted on the common five-domain
-- structure. Every indicator is written in our own words; no item wording
-- of any licensed instrument is used. The indicators, the counts and the
-- flags are invented for the example and must not be used to make
-- decisions about real people.
--
-- How the form works:
--   * 30 indicators in five domains, rated low / moderate / high; in the
--     protective domain "high" means a strong protective factor;
--   * 6 additional indicators (criminal history, personal history, mental
--     health), rated present / absent;
--   * missing information is rated unknown, with a reason ("known
--     unknown"); it does not void the assessment, but a domain with more
--     than two unknown indicators has no count and no profile;
--   * the indicators are NOT summed into a total: the counts, profiles and
--     flags below only support the team's professional judgement, which is
--     always recorded with a rationale.

instrument {
  id           = "vep-rna",
  version      = "1.0.0",
  languages    = { "en", "sr-Latn" },
  title        = {
    en          = "Risk and needs assessment of violent extremist prisoners (illustrative)",
    ["sr-Latn"] = "Procena rizika i potreba nasilnih ekstremističkih zatvorenika (ilustrativna)",
  },
  description  = {
    en          = "Illustrative SPJ tool for libvep's examples; not a validated tool. "
               .. "Rate each indicator from the file, interviews and observation. "
               .. "Low: no or minor sign. Moderate: some signs, or signs in the past. "
               .. "High: clear, current and repeated signs. For protective indicators, "
               .. "high means the protective factor is clearly and currently present.",
    ["sr-Latn"] = "Ilustrativni alat strukturisane stručne procene, napisan kao primer; "
               .. "nije validiran instrument. Svaki indikator oceniti na osnovu "
               .. "dosijea, razgovora i posmatranja. Nisko: nema znakova ili su neznatni. "
               .. "Umereno: postoje neki znaci ili su postojali u prošlosti. Visoko: jasni, "
               .. "aktuelni i ponovljeni znaci. Kod zaštitnih indikatora visoko znači da je "
               .. "zaštitni faktor jasno i trenutno prisutan.",
  },
  licence      = "CC-BY-4.0",
  population   = "adult prisoners convicted of or charged with violent extremist offences, "
              .. "and prisoners referred by a positive screen",
  assessor     = "multidisciplinary team (psychologist, social worker, security officer)",
  illustrative = true,
  no_total     = "Structured professional judgement: indicators are not summed into a "
              .. "total. Domain counts, profiles and flags support the professional "
              .. "judgement; they do not replace it.",
}

-- ---------------------------------------------------------------------
-- Rating scale
-- ---------------------------------------------------------------------

scale "lmh" {
  title = { en = "Low / moderate / high", ["sr-Latn"] = "Nisko / umereno / visoko" },
  { code = "low",      value = 0, label = { en = "Low",      ["sr-Latn"] = "Nisko"   } },
  { code = "moderate", value = 1, label = { en = "Moderate", ["sr-Latn"] = "Umereno" } },
  { code = "high",     value = 2, label = { en = "High",     ["sr-Latn"] = "Visoko"  } },
}

-- ---------------------------------------------------------------------
-- Parts and domains
-- ---------------------------------------------------------------------

part "rna" {
  title = { en = "Risk and needs indicators", ["sr-Latn"] = "Indikatori rizika i potreba" },
}
part "additional" {
  title = { en = "Additional indicators", ["sr-Latn"] = "Dodatni indikatori" },
}

domain "beliefs"    { part = "rna", kind = "risk",
  title = { en = "Beliefs, attitudes and ideology",
            ["sr-Latn"] = "Uverenja, stavovi i ideologija" } }
domain "social"     { part = "rna", kind = "risk",
  title = { en = "Social context and intention",
            ["sr-Latn"] = "Društveni kontekst i namera" } }
domain "history"    { part = "rna", kind = "risk",
  title = { en = "History, action and capacity",
            ["sr-Latn"] = "Istorija, delovanje i kapaciteti" } }
domain "commitment" { part = "rna", kind = "risk",
  title = { en = "Commitment and motivation",
            ["sr-Latn"] = "Posvećenost i motivacija" } }
domain "protective" { part = "rna", kind = "protective",
  title = { en = "Protective and risk-mitigating factors",
            ["sr-Latn"] = "Zaštitni faktori i faktori koji umanjuju rizik" } }
domain "additional" { part = "additional", kind = "other",
  title = { en = "Criminal history, personal history, mental health",
            ["sr-Latn"] = "Kriminalna istorija, lična istorija, mentalno zdravlje" } }

-- ---------------------------------------------------------------------
-- Beliefs, attitudes and ideology
-- ---------------------------------------------------------------------

item "B01" { type = "scale", scale = "lmh", domains = { "beliefs" }, required = true,
  text = { en          = "Holds beliefs that present violence against opponents as justified or necessary",
           ["sr-Latn"] = "Ima uverenja po kojima je nasilje prema protivnicima opravdano ili nužno" },
  guidance = { en          = "High: argues, now and repeatedly, that violence is the right "
                          .. "or only answer. Moderate: ambivalent, or held such beliefs in "
                          .. "the past. Low: rejects it.",
               ["sr-Latn"] = "Visoko: sada i u više navrata tvrdi da je nasilje pravi ili jedini odgovor. "
                          .. "Umereno: ambivalentan je ili je takva uverenja imao u prošlosti. Nisko: "
                          .. "odbacuje nasilje." } }

item "B02" { type = "scale", scale = "lmh", domains = { "beliefs" }, required = true,
  text = { en          = "Feels that he or she, or the group, has been gravely wronged, and blames a named group or institution",
           ["sr-Latn"] = "Smatra da je njemu ili grupi naneta teška nepravda i za to krivi određenu grupu ili instituciju" } }

item "B03" { type = "scale", scale = "lmh", domains = { "beliefs" }, required = true,
  text = { en          = "Describes a target group as evil, less than human or a threat to be removed",
           ["sr-Latn"] = "Ciljanu grupu opisuje kao zlo, kao manje vredne ljude ili kao pretnju koju treba ukloniti" } }

item "B04" { type = "scale", scale = "lmh", domains = { "beliefs" }, required = true,
  text = { en          = "Rejects the legal and political order and any peaceful way of changing it",
           ["sr-Latn"] = "Odbacuje pravni i politički poredak i svaki miran način njegove promene" } }

item "B05" { type = "scale", scale = "lmh", domains = { "beliefs" }, required = true,
  text = { en          = "Shows little concern for harm done to people outside the group",
           ["sr-Latn"] = "Pokazuje malo brige za štetu nanetu ljudima izvan grupe" } }

item "B06" { type = "scale", scale = "lmh", domains = { "beliefs" }, required = true,
  text = { en          = "Thinks about the cause in rigid, all-or-nothing terms; does not tolerate doubt or other views",
           ["sr-Latn"] = "O ideji razmišlja kruto, crno-belo; ne podnosi sumnju ni drugačija mišljenja" } }

-- ---------------------------------------------------------------------
-- Social context and intention
-- ---------------------------------------------------------------------

item "I01" { type = "scale", scale = "lmh", domains = { "social" }, required = true,
  text = { en          = "Close, regular contact with people who use or promote violence for a cause",
           ["sr-Latn"] = "Blizak i redovan kontakt sa osobama koje vrše ili podržavaju nasilje u ime ideje" } }

item "I02" { type = "scale", scale = "lmh", domains = { "social" }, required = true,
  text = { en          = "Looks for, collects or produces material that promotes violence for a cause",
           ["sr-Latn"] = "Traži, prikuplja ili pravi materijal koji podstiče nasilje u ime ideje" } }

item "I03" { type = "scale", scale = "lmh", domains = { "social" }, required = true,
  text = { en          = "Has named a specific person, place, group or event as a possible target",
           ["sr-Latn"] = "Naveo je određenu osobu, mesto, grupu ili događaj kao moguću metu" },
  guidance = { en          = "Intention indicator, used by the capability-with-intent "
                          .. "pattern. High: a concrete target named recently.",
               ["sr-Latn"] = "Indikator namere, koristi se u obrascu „sposobnost uz nameru“. Visoko: "
                          .. "nedavno je naveo konkretnu metu." } }

item "I04" { type = "scale", scale = "lmh", domains = { "social" }, required = true,
  text = { en          = "Has said that he or she will commit violence, or is preparing for it",
           ["sr-Latn"] = "Izjavio je da će izvršiti nasilje ili se za njega priprema" },
  guidance = { en          = "Intention indicator, used by the capability-with-intent "
                          .. "pattern. High: a recent statement of intent, or acts of "
                          .. "preparation. Inform security at once.",
               ["sr-Latn"] = "Indikator namere, koristi se u obrascu „sposobnost uz nameru“. Visoko: "
                          .. "nedavna izjava o nameri ili pripremne radnje. Odmah obavestiti službu "
                          .. "obezbeđenja." } }

item "I05" { type = "scale", scale = "lmh", domains = { "social" }, required = true,
  text = { en          = "Speaks of dying for the cause as something to wish for",
           ["sr-Latn"] = "O smrti za ideju govori kao o nečemu poželjnom" } }

item "I06" { type = "scale", scale = "lmh", domains = { "social" }, required = true,
  text = { en          = "Hides contacts or communication with people outside prison (codes, third parties)",
           ["sr-Latn"] = "Skriva kontakte ili komunikaciju sa osobama izvan zatvora (šifre, posrednici)" } }

-- ---------------------------------------------------------------------
-- History, action and capacity
-- ---------------------------------------------------------------------

item "H01" { type = "scale", scale = "lmh", domains = { "history" }, required = true,
  text = { en          = "Grew up or lived for a long time among people who approved of violence for a cause",
           ["sr-Latn"] = "Odrastao je ili dugo živeo među ljudima koji su odobravali nasilje u ime ideje" } }

item "H02" { type = "scale", scale = "lmh", domains = { "history" }, required = true,
  text = { en          = "Family members or close friends have taken part in violence for a cause",
           ["sr-Latn"] = "Članovi porodice ili bliski prijatelji učestvovali su u nasilju u ime ideje" } }

item "H03" { type = "scale", scale = "lmh", domains = { "history" }, required = true,
  text = { en          = "Has used or threatened serious violence before, for any motive",
           ["sr-Latn"] = "Ranije je koristio ozbiljno nasilje ili pretio njime, iz bilo kog motiva" } }

item "H04" { type = "scale", scale = "lmh", domains = { "history" }, required = true,
  text = { en          = "Has training or experience in weapons, explosives, combat or evading security",
           ["sr-Latn"] = "Ima obuku ili iskustvo sa oružjem, eksplozivom, borbom ili izbegavanjem bezbednosnih mera" },
  guidance = { en          = "Capability indicator, used by the capability-with-intent "
                          .. "pattern. High: documented training or combat experience.",
               ["sr-Latn"] = "Indikator sposobnosti, koristi se u obrascu „sposobnost uz nameru“. "
                          .. "Visoko: dokumentovana obuka ili borbeno iskustvo." } }

item "H05" { type = "scale", scale = "lmh", domains = { "history" }, required = true,
  text = { en          = "Has been taught the ideology in an organised way by a violent group",
           ["sr-Latn"] = "Prošao je organizovanu ideološku obuku u nasilnoj grupi" } }

item "H06" { type = "scale", scale = "lmh", domains = { "history" }, required = true,
  text = { en          = "Can obtain money, equipment, contacts or organising skills needed for an attack",
           ["sr-Latn"] = "Može da pribavi novac, opremu, kontakte ili organizacione veštine potrebne za napad" },
  guidance = { en          = "Capability indicator, used by the capability-with-intent "
                          .. "pattern. High: current access, not only past access.",
               ["sr-Latn"] = "Indikator sposobnosti, koristi se u obrascu „sposobnost uz nameru“. "
                          .. "Visoko: sadašnji pristup, a ne samo raniji." } }

-- ---------------------------------------------------------------------
-- Commitment and motivation
-- ---------------------------------------------------------------------

item "M01" { type = "scale", scale = "lmh", domains = { "commitment" }, required = true,
  text = { en          = "Praises past attacks or those who carried them out",
           ["sr-Latn"] = "Veliča ranije napade ili njihove izvršioce" } }

item "M02" { type = "scale", scale = "lmh", domains = { "commitment" }, required = true,
  text = { en          = "Expects personal gain from the group: money, status or power",
           ["sr-Latn"] = "Od grupe očekuje ličnu korist: novac, status ili moć" } }

item "M03" { type = "scale", scale = "lmh", domains = { "commitment" }, required = true,
  text = { en          = "The group is the main source of friendship, protection and belonging",
           ["sr-Latn"] = "Grupa mu je glavni izvor prijateljstva, zaštite i pripadnosti" } }

item "M04" { type = "scale", scale = "lmh", domains = { "commitment" }, required = true,
  text = { en          = "Believes the cause gives a moral duty to act and sets the group above others",
           ["sr-Latn"] = "Veruje da ga ideja moralno obavezuje da deluje i da je grupa iznad drugih" } }

item "M05" { type = "scale", scale = "lmh", domains = { "commitment" }, required = true,
  text = { en          = "Drawn by excitement, danger and a heroic picture of himself or herself",
           ["sr-Latn"] = "Privlače ga uzbuđenje, opasnost i herojska slika o sebi" } }

item "M06" { type = "scale", scale = "lmh", domains = { "commitment" }, required = true,
  text = { en          = "Looks for meaning, identity or redemption through the cause",
           ["sr-Latn"] = "Kroz ideju traži smisao, identitet ili iskupljenje" } }

-- ---------------------------------------------------------------------
-- Protective and risk-mitigating factors (high = strong protection)
-- ---------------------------------------------------------------------

item "P01" { type = "scale", scale = "lmh", domains = { "protective" }, protective = true, required = true,
  text = { en          = "Questions the beliefs, or now holds them in a less absolute way",
           ["sr-Latn"] = "Preispituje svoja uverenja ili ih sada shvata manje kruto" } }

item "P02" { type = "scale", scale = "lmh", domains = { "protective" }, protective = true, required = true,
  text = { en          = "Rejects violence as a way to reach the group's goals",
           ["sr-Latn"] = "Odbacuje nasilje kao sredstvo za ostvarivanje ciljeva grupe" } }

item "P03" { type = "scale", scale = "lmh", domains = { "protective" }, protective = true, required = true,
  text = { en          = "Sees former opponents as people with whom contact or coexistence is possible",
           ["sr-Latn"] = "Bivše protivnike vidi kao ljude sa kojima su mogući kontakt i suživot" } }

item "P04" { type = "scale", scale = "lmh", domains = { "protective" }, protective = true, required = true,
  text = { en          = "Takes an active part in programmes, education, work or dialogue in prison",
           ["sr-Latn"] = "Aktivno učestvuje u programima, obrazovanju, radu ili dijalogu u zatvoru" } }

item "P05" { type = "scale", scale = "lmh", domains = { "protective" }, protective = true, required = true,
  text = { en          = "Has family, partner or community contacts who support a non-violent life",
           ["sr-Latn"] = "Ima porodicu, partnera ili kontakte u zajednici koji podržavaju život bez nasilja" } }

item "P06" { type = "scale", scale = "lmh", domains = { "protective" }, protective = true, required = true,
  text = { en          = "Has concrete, realistic plans for a lawful life after release",
           ["sr-Latn"] = "Ima konkretne i realne planove za zakonit život posle otpusta" },
  guidance = { en          = "Not applicable when no release date can be foreseen "
                          .. "(e.g. a life sentence without a review date yet).",
               ["sr-Latn"] = "Nije primenljivo kada se datum otpusta ne može predvideti (npr. kazna "
                          .. "doživotnog zatvora za koju još nije utvrđen datum preispitivanja)." } }

-- ---------------------------------------------------------------------
-- Additional indicators (present / absent)
-- ---------------------------------------------------------------------

-- Criminal history
item "A01" { type = "presence", domains = { "additional" }, required = true,
  text = { en          = "Convictions for violent offences unrelated to the cause",
           ["sr-Latn"] = "Osude za nasilna krivična dela koja nisu povezana sa ideologijom" } }

item "A02" { type = "presence", domains = { "additional" }, required = true,
  text = { en          = "Other serious offending (e.g. organised crime, trafficking of weapons)",
           ["sr-Latn"] = "Drugo ozbiljno kriminalno ponašanje (npr. organizovani kriminal, trgovina oružjem)" } }

-- Personal history
item "A03" { type = "presence", domains = { "additional" }, required = true,
  text = { en          = "Suffered serious violence, abuse or neglect in childhood",
           ["sr-Latn"] = "Doživeo je ozbiljno nasilje, zlostavljanje ili zanemarivanje u detinjstvu" } }

item "A04" { type = "presence", domains = { "additional" }, required = true,
  text = { en          = "Went through a grave personal crisis, loss or humiliation before joining the group",
           ["sr-Latn"] = "Prošao je kroz tešku ličnu krizu, gubitak ili poniženje pre pristupanja grupi" } }

-- Mental health
item "A05" { type = "presence", domains = { "additional" }, required = true,
  text = { en          = "A diagnosed mental disorder that bears on the risk",
           ["sr-Latn"] = "Dijagnostikovan mentalni poremećaj od značaja za rizik" },
  guidance = { en          = "Only a diagnosis by a qualified clinician, recorded in the "
                          .. "file; name the source in the evidence.",
               ["sr-Latn"] = "Samo dijagnoza koju je postavio kvalifikovani kliničar i koja je zabeležena "
                          .. "u dosijeu; u dokazima navesti izvor." } }

item "A06" { type = "presence", domains = { "additional" }, required = true,
  text = { en          = "Harmful use of alcohol or drugs",
           ["sr-Latn"] = "Štetna upotreba alkohola ili droga" } }

-- ---------------------------------------------------------------------
-- Domain counts: how many indicators are rated high (value 2)
-- More than two unknown indicators in a domain: no count (incomplete).
-- ---------------------------------------------------------------------

score "beliefs_high"    { rule = "count", domain = "beliefs",    at_least = 2, missing = "incomplete", max_unknown = 2 }
score "social_high"     { rule = "count", domain = "social",     at_least = 2, missing = "incomplete", max_unknown = 2 }
score "history_high"    { rule = "count", domain = "history",    at_least = 2, missing = "incomplete", max_unknown = 2 }
score "commitment_high" { rule = "count", domain = "commitment", at_least = 2, missing = "incomplete", max_unknown = 2 }
score "protective_high" { rule = "count", domain = "protective", at_least = 2, missing = "incomplete", max_unknown = 2 }

-- ---------------------------------------------------------------------
-- Domain profiles: sum of the ratings in each domain (0 to 12)
-- A profile describes the domain; it is never added to the others.
-- ---------------------------------------------------------------------

score "beliefs_profile"    { rule = "sum", domain = "beliefs",    missing = "incomplete", max_unknown = 2 }
score "social_profile"     { rule = "sum", domain = "social",     missing = "incomplete", max_unknown = 2 }
score "history_profile"    { rule = "sum", domain = "history",    missing = "incomplete", max_unknown = 2 }
score "commitment_profile" { rule = "sum", domain = "commitment", missing = "incomplete", max_unknown = 2 }
score "protective_profile" { rule = "sum", domain = "protective", missing = "incomplete", max_unknown = 2 }

-- Additional indicators present (0 to 6).
score "additional_present" { rule = "count", domain = "additional", at_least = 1, missing = "incomplete", max_unknown = 2 }

-- ---------------------------------------------------------------------
-- Capability with intent: a capacity indicator (H04 training, H06
-- resources) and an intention indicator (I03 target, I04 stated intent)
-- both rated high.
--   1   the pattern is present;
--   0   it is absent, on complete information;
--   nil it cannot be ruled out because a needed indicator is unknown.
-- ---------------------------------------------------------------------

score "capability_intent" {
  rule = "function",
  uses = { "H04", "H06", "I03", "I04" },
  min  = 0, max = 1,
  fn = function(a)
    local function look(ids)
      local high, unknown = {}, {}
      for _, id in ipairs(ids) do
        if a.code(id) == "high" then
          high[#high + 1] = id
        elseif a.state(id) == "unknown" then
          unknown[#unknown + 1] = id
        end
      end
      return high, unknown
    end
    local cap_high, cap_unknown = look { "H04", "H06" }
    local int_high, int_unknown = look { "I03", "I04" }
    if #cap_high > 0 and #int_high > 0 then
      return 1, "capability (" .. table.concat(cap_high, ", ") .. ") and intention ("
             .. table.concat(int_high, ", ") .. ") rated high"
    end
    if (#cap_high > 0 or #cap_unknown > 0) and (#int_high > 0 or #int_unknown > 0) then
      local unknown = {}
      for _, id in ipairs(cap_unknown) do unknown[#unknown + 1] = id end
      for _, id in ipairs(int_unknown) do unknown[#unknown + 1] = id end
      return nil, "cannot be ruled out: " .. table.concat(unknown, ", ") .. " unknown"
    end
    if #cap_high > 0 then
      return 0, "capability (" .. table.concat(cap_high, ", ") .. ") rated high, no intention indicator high"
    elseif #int_high > 0 then
      return 0, "intention (" .. table.concat(int_high, ", ") .. ") rated high, no capability indicator high"
    end
    return 0, "no capability or intention indicator rated high"
  end,
}

-- ---------------------------------------------------------------------
-- Flags for the team (they draw attention; they decide nothing)
-- ---------------------------------------------------------------------

flag "capability_with_intent" {
  when  = { score = "capability_intent", at_least = 1 },
  title = { en          = "Capability and intention indicators both rated high",
            ["sr-Latn"] = "Indikatori sposobnosti i namere oba ocenjena visoko" },
}

flag "intent_stated" {
  when  = { item = "I04", is = "high" },
  title = { en          = "Stated intent or preparation for violence rated high: inform security",
            ["sr-Latn"] = "Izjavljena namera ili priprema nasilja ocenjena visoko: obavestiti službu obezbeđenja" },
}

flag "commitment_several_high" {
  when  = { score = "commitment_high", at_least = 3 },
  title = { en          = "Three or more commitment and motivation indicators rated high",
            ["sr-Latn"] = "Tri ili više indikatora posvećenosti i motivacije ocenjeno visoko" },
}

-- Only when the protective count has a value (at most two unknowns).
flag "protective_weak" {
  when  = { score = "protective_high", at_most = 1 },
  title = { en          = "Protective factors weak: at most one rated high",
            ["sr-Latn"] = "Slabi zaštitni faktori: najviše jedan ocenjen visoko" },
}

-- ---------------------------------------------------------------------
-- Professional judgement (no advisory level: the judgement is the team's)
-- ---------------------------------------------------------------------

judgement {
  outcome   = "Risk of violent extremist action",
  levels    = { "low", "moderate", "high" },
  required  = true,
  rationale = "always",
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

-- vep-rna-tests.lua -- test cases of vep-rna.lua (illustrative tool)
--
-- Loaded by vep-rna.lua with require "vep-rna-tests"; run them with
--   vep test instruments/rna/vep-rna.lua
--
-- Every case starts from a quiet profile (every risk indicator low, every
-- protective indicator high, no additional indicator present) and changes
-- only the ratings it is about. Values: low 0, moderate 1, high 2.

-- The quiet profile with `changes` applied on top.
local function rated(changes)
  local answers = {
    B01 = "low",  B02 = "low",  B03 = "low",  B04 = "low",  B05 = "low",  B06 = "low",
    I01 = "low",  I02 = "low",  I03 = "low",  I04 = "low",  I05 = "low",  I06 = "low",
    H01 = "low",  H02 = "low",  H03 = "low",  H04 = "low",  H05 = "low",  H06 = "low",
    M01 = "low",  M02 = "low",  M03 = "low",  M04 = "low",  M05 = "low",  M06 = "low",
    P01 = "high", P02 = "high", P03 = "high", P04 = "high", P05 = "high", P06 = "high",
    A01 = "absent", A02 = "absent", A03 = "absent",
    A04 = "absent", A05 = "absent", A06 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- Profiles and counts
-- ---------------------------------------------------------------------

test "quiet profile: no high risk indicator, strong protection" {
  answers   = rated {},
  judgement = { level = "low", rationale = "No current risk indicator; strong protective factors." },
  expect    = {
    scores = { beliefs_high = 0, social_high = 0, history_high = 0, commitment_high = 0,
               protective_high = 6, protective_profile = 12, beliefs_profile = 0,
               additional_present = 0, capability_intent = 0 },
    flags  = { capability_with_intent = false, intent_stated = false,
               commitment_several_high = false, protective_weak = false },
  },
}

test "beliefs domain: three high, two moderate" {
  -- count of high = 3; profile = 2 + 2 + 2 + 1 + 1 + 0 = 8
  answers   = rated { B01 = "high", B02 = "high", B03 = "high",
                      B04 = "moderate", B05 = "moderate" },
  judgement = { level = "moderate", rationale = "Entrenched beliefs, no intention or capability." },
  expect    = {
    scores = { beliefs_high = 3, beliefs_profile = 8, social_high = 0 },
    flags  = { capability_with_intent = false },
  },
}

test "additional indicators: two present" {
  answers   = rated { A01 = "present", A06 = "present" },
  judgement = { level = "low", rationale = "Past violence and drug use, not linked to a cause." },
  expect    = { scores = { additional_present = 2, history_high = 0 } },
}

-- ---------------------------------------------------------------------
-- Capability with intent (function score)
-- ---------------------------------------------------------------------

test "capability with intent: training and stated intent both high" {
  answers   = rated { H04 = "high", I04 = "high" },
  judgement = { level = "high", rationale = "Combat training and a recent statement of intent." },
  expect    = {
    scores = { capability_intent = 1, history_high = 1, social_high = 1,
               history_profile = 2, social_profile = 2 },
    flags  = { capability_with_intent = true, intent_stated = true },
  },
}

test "capability without intent: pattern absent" {
  -- history profile 2 + 2 = 4; social profile 1 + 1 = 2
  answers   = rated { H04 = "high", H06 = "high", I03 = "moderate", I04 = "moderate" },
  judgement = { level = "moderate", rationale = "Capability without current intention." },
  expect    = {
    scores = { capability_intent = 0, history_high = 2, history_profile = 4,
               social_high = 0, social_profile = 2 },
    flags  = { capability_with_intent = false, intent_stated = false },
  },
}

-- ---------------------------------------------------------------------
-- Flags
-- ---------------------------------------------------------------------

test "commitment: three indicators high raise the flag" {
  answers   = rated { M01 = "high", M03 = "high", M04 = "high", M06 = "moderate" },
  judgement = { level = "moderate", rationale = "Strong commitment to the group, no capability." },
  expect    = {
    scores = { commitment_high = 3, commitment_profile = 7 },
    flags  = { commitment_several_high = true },
  },
}

test "protective factors weak: only one rated high" {
  answers   = rated { P02 = "low", P03 = "moderate", P04 = "low", P05 = "low", P06 = "moderate" },
  judgement = { level = "moderate", rationale = "Few protective factors; risk indicators low." },
  expect    = {
    scores = { protective_high = 1, protective_profile = 4 },   -- 2 + 0 + 1 + 0 + 0 + 1
    flags  = { protective_weak = true },
  },
}

-- ---------------------------------------------------------------------
-- Unknown and not applicable ratings
-- ---------------------------------------------------------------------

test "not applicable is left out and not counted as unknown" {
  -- P06 n.a. (no release date), P03 and P04 unknown (2 = the maximum):
  -- high count = 2 (P01, P02); profile = 2 + 2 + 1 = 5 over P01, P02, P05
  answers   = rated { P06 = not_applicable, P03 = unknown, P04 = unknown, P05 = "moderate" },
  judgement = { level = "low", rationale = "Rejects violence; programme file not yet received." },
  expect    = {
    scores = { protective_high = 2, protective_profile = 5 },
    status = { protective_high = "partial", protective_profile = "partial" },
    flags  = { protective_weak = false },
  },
}

test "three unknowns in a domain: no count, no profile" {
  answers   = rated { B01 = unknown, B02 = unknown, B03 = unknown, B04 = "high" },
  judgement = { level = "moderate", rationale = "Beliefs not yet assessed; interview pending." },
  expect    = {
    status = { beliefs_high = "incomplete", beliefs_profile = "incomplete" },
    scores = { social_high = 0 },
  },
}

test "protective domain incomplete: the weak-protection flag is not raised" {
  answers   = rated { P01 = unknown, P02 = unknown, P03 = unknown, P04 = "low",
                      P05 = "low", P06 = "low" },
  judgement = { level = "moderate", rationale = "Protective factors could not be assessed." },
  expect    = {
    status = { protective_high = "incomplete" },
    flags  = { protective_weak = false },
  },
}

-- ---------------------------------------------------------------------
-- Rejected assessments
-- ---------------------------------------------------------------------

test "rejected: rating off the scale" {
  answers   = rated { B01 = "very_high" },
  judgement = { level = "low", rationale = "Test case." },
  expect    = { invalid = { "not_in_scale" } },
}

test "rejected: presence item rated with a scale code" {
  answers   = rated { A05 = "high" },
  judgement = { level = "low", rationale = "Test case." },
  expect    = { invalid = { "not_in_scale" } },
}

test "rejected: judgement without a rationale" {
  answers   = rated {},
  judgement = { level = "low" },
  expect    = { invalid = { "rationale_required" } },
}

test "rejected: judgement level not in the list" {
  answers   = rated {},
  judgement = { level = "severe", rationale = "Test case." },
  expect    = { invalid = { "unknown_level" } },
}
