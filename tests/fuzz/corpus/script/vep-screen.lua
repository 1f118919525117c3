-- vep-screen.lua -- screening for behavioural indicators of radicalisation
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how a screening form for
-- front-line prison staff is scripted. Every item is written in our own
-- words; no item wording of any licensed instrument is used. The items,
-- the weights, the cut-off and the critical indicators are invented for
-- the example and must not be used to make decisions about real people.
--
-- How the form works:
--   * twelve behavioural indicators, each rated present / absent (or left
--     unknown, with a reason, when the information is not available);
--   * four stronger indicators count double (weight 2);
--   * three of them are critical: any one of them refers the person to a
--     full risk and needs assessment, whatever the total;
--   * the weighted total is prorated when up to three indicators are
--     unknown; with more, the total is incomplete;
--   * a total of 4 or more is an advisory positive screen;
--   * the professional records the final screening result, with a
--     rationale when it differs from the advisory one.

instrument {
  id           = "vep-screen",
  version      = "1.0.0",
  languages    = { "en", "sr-Latn", "sq" },
  title        = {
    en          = "Screening for indicators of radicalisation (illustrative)",
    ["sr-Latn"] = "Skrining indikatora radikalizacije (ilustrativni)",
    sq          = "Shqyrtim paraprak i treguesve të radikalizimit (ilustrues)",
  },
  description  = {
    en          = "Illustrative screening form for libvep's examples; not a validated "
               .. "tool. Front-line staff rate twelve behavioural indicators at "
               .. "admission and during imprisonment. A positive screen or any "
               .. "critical indicator refers the person to a full risk and needs "
               .. "assessment.",
    ["sr-Latn"] = "Ilustrativni obrazac za skrining, napisan kao primer; nije validiran "
               .. "instrument. Osoblje koje neposredno radi sa zatvorenicima "
               .. "ocenjuje dvanaest indikatora u ponašanju pri prijemu i tokom izdržavanja "
               .. "kazne. Pozitivan rezultat skrininga ili bilo koji kritični indikator "
               .. "upućuje osobu na punu procenu rizika i potreba.",
    sq          = "Formular ilustrues i shqyrtimit paraprak, i hartuar si shembull për "
               .. "libvep; nuk është instrument i validuar. Stafi që punon drejtpërdrejt me "
               .. "të burgosurit vlerëson dymbëdhjetë tregues të sjelljes në momentin e "
               .. "pranimit dhe gjatë vuajtjes së dënimit. Një shqyrtim pozitiv ose çdo "
               .. "tregues kritik e referon personin për vlerësim të plotë të rrezikut dhe "
               .. "nevojave.",
  },
  licence      = "CC-BY-4.0",
  population   = "adult prisoners (general population), at admission and during imprisonment",
  assessor     = "trained front-line prison staff (security and treatment)",
  illustrative = true,
  max_unknown  = 6,   -- more than six unknown answers: the screen is invalid
}

-- ---------------------------------------------------------------------
-- Part and domain
-- ---------------------------------------------------------------------

part "screen" {
  title = {
    en          = "Screening indicators",
    ["sr-Latn"] = "Indikatori za skrining",
    sq          = "Treguesit e shqyrtimit",
  },
}

domain "indicators" {
  part  = "screen",
  kind  = "risk",
  title = {
    en          = "Behavioural indicators of radicalisation",
    ["sr-Latn"] = "Indikatori radikalizacije u ponašanju",
    sq          = "Treguesit e radikalizimit në sjellje",
  },
}

-- ---------------------------------------------------------------------
-- Attitudes expressed
-- ---------------------------------------------------------------------

item "S01" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Expresses approval of violence against a group it names as enemies",
    ["sr-Latn"] = "Odobrava nasilje prema grupi koju naziva neprijateljima",
    sq          = "Shpreh miratim për dhunën ndaj një grupi që e quan armik",
  },
  guidance = {
    en          = "Statements heard by staff or recorded in reports. Anger at "
               .. "a group without approval of violence is not enough.",
    ["sr-Latn"] = "Izjave koje je čulo osoblje ili koje su zabeležene u izveštajima. Ljutnja na "
               .. "neku grupu bez odobravanja nasilja nije dovoljna.",
    sq          = "Deklarata të dëgjuara nga stafi ose të shënuara në raporte. Zemërimi ndaj "
               .. "një grupi pa miratim të dhunës nuk mjafton.",
  },
}

item "S02" {   -- critical indicator
  type = "presence", domains = { "indicators" }, weights = { indicators = 2 },
  required = true,
  text = {
    en          = "States a wish or intention to use violence for a cause",
    ["sr-Latn"] = "Izražava želju ili nameru da upotrebi nasilje u ime ideje",
    sq          = "Shpreh dëshirë ose synim për të përdorur dhunë për një kauzë",
  },
  guidance = {
    en          = "Critical indicator: when present it refers the person to a "
               .. "full assessment on its own. Record the words used, the date "
               .. "and who heard them.",
    ["sr-Latn"] = "Kritični indikator: kada je prisutan, sam po sebi upućuje osobu na punu "
               .. "procenu. Zabeležiti izgovorene reči, datum i ko ih je čuo.",
    sq          = "Tregues kritik: kur është i pranishëm, mjafton vetëm ky tregues për ta "
               .. "referuar personin për vlerësim të plotë. Shënoni fjalët e përdorura, datën "
               .. "dhe se kush i dëgjoi.",
  },
}

item "S03" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Speaks of people outside the group as less than human or as deserving harm",
    ["sr-Latn"] = "O ljudima izvan grupe govori kao o manje vrednim ili kao da zaslužuju da im se naudi",
    sq          = "Flet për njerëzit jashtë grupit sikur të ishin më pak se njerëz ose sikur meritojnë dëm",
  },
}

item "S04" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Rejects the authority of the law, the courts or prison rules on ideological grounds",
    ["sr-Latn"] = "Iz ideoloških razloga odbacuje autoritet zakona, sudova ili kućnog reda zavoda",
    sq          = "Refuzon autoritetin e ligjit, të gjykatave ose të rregullave të burgut për arsye ideologjike",
  },
  guidance = {
    en          = "Ordinary complaints about the prison or the sentence do not "
               .. "count; the refusal must be argued from the group's ideas.",
    ["sr-Latn"] = "Uobičajene pritužbe na zavod ili na kaznu ne računaju se; odbijanje mora "
               .. "biti obrazloženo idejama grupe.",
    sq          = "Ankesat e zakonshme për burgun ose për dënimin nuk llogariten; refuzimi "
               .. "duhet të argumentohet me idetë e grupit.",
  },
}

-- ---------------------------------------------------------------------
-- Behaviour towards other prisoners
-- ---------------------------------------------------------------------

item "S05" {   -- critical indicator
  type = "presence", domains = { "indicators" }, weights = { indicators = 2 },
  required = true,
  text = {
    en          = "Recruits or pressures other prisoners towards a group",
    ["sr-Latn"] = "Vrbuje druge zatvorenike za grupu ili vrši pritisak na njih",
    sq          = "Rekruton ose ushtron presion mbi të burgosur të tjerë që t'i bashkohen një grupi",
  },
  guidance = {
    en          = "Critical indicator. When present, describe the group and "
               .. "how the pressure was exerted in S05a.",
    ["sr-Latn"] = "Kritični indikator. Kada je prisutan, u S05a opisati grupu i način na koji "
               .. "je vršen pritisak.",
    sq          = "Tregues kritik. Kur është i pranishëm, përshkruani në S05a grupin dhe "
               .. "mënyrën si është ushtruar presioni.",
  },
}

item "S05a" {  -- asked only when S05 is present
  type = "text", part = "screen", max_length = 500,
  when = { item = "S05", is = "present" },
  text = {
    en          = "Which group, and how the pressure was exerted (no names of other prisoners: file numbers only)",
    ["sr-Latn"] = "Koja grupa i na koji način je vršen pritisak (bez imena drugih zatvorenika, samo matični brojevi)",
    sq          = "Cili grup dhe si u ushtrua presioni (pa emra të të burgosurve të tjerë, vetëm numrat e dosjeve)",
  },
}

item "S06" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Intimidates or punishes other prisoners who do not follow the group's rules",
    ["sr-Latn"] = "Zastrašuje ili kažnjava zatvorenike koji ne poštuju pravila grupe",
    sq          = "Frikëson ose ndëshkon të burgosurit që nuk ndjekin rregullat e grupit",
  },
}

item "S07" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Sudden isolation from previous social contacts with adoption of a group identity",
    ["sr-Latn"] = "Naglo prekida ranije društvene kontakte i preuzima identitet grupe",
    sq          = "Izolim i papritur nga kontaktet e mëparshme shoqërore dhe marrje e identitetit të një grupi",
  },
  guidance = {
    en          = "A change of religious practice or dress on its own is not "
               .. "an indicator. Rate present only when the withdrawal comes "
               .. "with a new, exclusive group identity.",
    ["sr-Latn"] = "Promena verske prakse ili načina odevanja sama po sebi nije indikator. "
               .. "Oceniti kao prisutno samo kada povlačenje prati nov, isključiv identitet "
               .. "grupe.",
    sq          = "Ndryshimi i praktikës fetare ose i veshjes, më vete, nuk është tregues. "
               .. "Vlerësojeni si të pranishëm vetëm kur tërheqja shoqërohet me një identitet "
               .. "të ri dhe përjashtues grupi.",
  },
}

item "S08" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Refuses contact with staff or prisoners of another faith, nationality or group, on the group's grounds",
    ["sr-Latn"] = "Zbog stavova grupe odbija kontakt sa osobljem ili zatvorenicima druge vere, nacionalnosti ili grupe",
    sq          = "Refuzon kontaktin me stafin ose të burgosurit e një feje, kombësie ose grupi tjetër, për shkak të qëndrimeve të grupit",
  },
}

-- ---------------------------------------------------------------------
-- Material, symbols and outside contacts
-- ---------------------------------------------------------------------

item "S09" {
  type = "presence", domains = { "indicators" }, weights = { indicators = 2 },
  required = true,
  text = {
    en          = "Possesses or distributes extremist propaganda",
    ["sr-Latn"] = "Poseduje ili širi ekstremističku propagandu",
    sq          = "Zotëron ose shpërndan propagandë ekstremiste",
  },
  guidance = {
    en          = "Material that promotes or glorifies violence for a cause, "
               .. "found in a search or seen passed on. Lawful religious or "
               .. "political texts are not propaganda.",
    ["sr-Latn"] = "Materijal koji podstiče ili veliča nasilje u ime ideje, pronađen pri "
               .. "pretresu ili viđen dok se prosleđuje drugima. Zakoniti verski ili politički "
               .. "tekstovi nisu propaganda.",
    sq          = "Materiale që nxitin ose lavdërojnë dhunën për një kauzë, të gjetura gjatë "
               .. "një kontrolli ose të vëna re teksa u kalohen të tjerëve. Tekstet e ligjshme "
               .. "fetare ose politike nuk janë propagandë.",
  },
}

item "S10" {   -- critical indicator
  type = "presence", domains = { "indicators" }, weights = { indicators = 2 },
  required = true,
  text = {
    en          = "Seeks or keeps instructions on weapons, explosives or ways of attacking",
    ["sr-Latn"] = "Traži ili čuva uputstva o oružju, eksplozivu ili načinima napada",
    sq          = "Kërkon ose mban udhëzime për armë, eksplozivë ose mënyra sulmi",
  },
  guidance = {
    en          = "Critical indicator: when present it refers the person to a "
               .. "full assessment on its own. Inform security at once.",
    ["sr-Latn"] = "Kritični indikator: kada je prisutan, sam po sebi upućuje osobu na punu "
               .. "procenu. Odmah obavestiti službu obezbeđenja.",
    sq          = "Tregues kritik: kur është i pranishëm, mjafton vetëm ky tregues për ta "
               .. "referuar personin për vlerësim të plotë. Njoftoni menjëherë shërbimin e "
               .. "sigurisë.",
  },
}

item "S11" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Keeps contact (visits, letters, calls) with people known to belong to violent extremist groups",
    ["sr-Latn"] = "Održava kontakt (posete, pisma, pozivi) sa osobama za koje se zna da pripadaju nasilnim ekstremističkim grupama",
    sq          = "Mban kontakt (vizita, letra, telefonata) me persona që dihet se u përkasin grupeve ekstremiste të dhunshme",
  },
  guidance = {
    en          = "Leave unknown, with the reason, when visit and "
               .. "correspondence records are not yet available.",
    ["sr-Latn"] = "Ostaviti kao nepoznato, uz navođenje razloga, kada evidencija poseta i "
               .. "prepiske još nije dostupna.",
    sq          = "Lëreni si të panjohur, duke shënuar arsyen, kur regjistrat e vizitave dhe "
               .. "të korrespondencës nuk janë ende në dispozicion.",
  },
}

item "S12" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    en          = "Shows symbols, slogans or gestures of a violent extremist group",
    ["sr-Latn"] = "Ističe simbole, parole ili gestove nasilne ekstremističke grupe",
    sq          = "Shfaq simbole, parulla ose gjeste të një grupi ekstremist të dhunshëm",
  },
}

-- ---------------------------------------------------------------------
-- Optional record (not scored)
-- ---------------------------------------------------------------------

item "S13" {
  type = "count", part = "screen", max = 50,
  text = {
    en          = "Number of recorded incidents linked to these indicators in the last six months",
    ["sr-Latn"] = "Broj evidentiranih incidenata povezanih sa ovim indikatorima u poslednjih šest meseci",
    sq          = "Numri i incidenteve të regjistruara, të lidhura me këta tregues, në gjashtë muajt e fundit",
  },
}

-- ---------------------------------------------------------------------
-- Score, advisory level, referral flag
-- ---------------------------------------------------------------------

-- Weighted sum of S01-S12 (maximum 8 x 1 + 4 x 2 = 16). Up to three
-- unknown indicators are prorated by weight: total x weight of the
-- applicable indicators / weight of the answered ones.
score "total" {
  rule        = "sum",
  domain      = "indicators",
  missing     = "prorate",
  max_unknown = 3,
  decimals    = 1,
  title       = {
    en          = "Weighted indicator total",
    ["sr-Latn"] = "Ponderisani zbir indikatora",
    sq          = "Shuma e ponderuar e treguesve",
  },
}

level "screen" {
  of    = "total",
  title = {
    en          = "Advisory screening result",
    ["sr-Latn"] = "Savetodavni rezultat skrininga",
    sq          = "Rezultati këshillimor i shqyrtimit",
  },
  bands = {
    { level = "negative", min = 0, max = 3.9,
      label = { en          = "No referral indicated",
                ["sr-Latn"] = "Upućivanje nije potrebno",
                sq          = "Nuk kërkohet referim" } },
    { level = "positive", min = 4, max = 16,
      label = { en          = "Refer to full risk and needs assessment",
                ["sr-Latn"] = "Uputiti na punu procenu rizika i potreba",
                sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave" } },
  },
}

-- Referral: a positive screen, or any one critical indicator.
flag "refer_full_assessment" {
  when = { any = {
    { level = "screen", is = "positive" },
    { item  = "S02",    is = "present" },   -- intention to use violence
    { item  = "S05",    is = "present" },   -- recruiting or pressuring
    { item  = "S10",    is = "present" },   -- attack instructions
  } },
  title = {
    en          = "Refer to full risk and needs assessment",
    ["sr-Latn"] = "Uputiti na punu procenu rizika i potreba",
    sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave",
  },
}

-- ---------------------------------------------------------------------
-- Professional judgement
-- ---------------------------------------------------------------------

judgement {
  outcome   = "Referral to full risk and needs assessment",
  advisory  = "screen",
  levels    = { "negative", "positive" },
  required  = true,
  rationale = "when_different",
}

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

-- vep-screen-tests.lua -- test cases of vep-screen.lua (illustrative tool)
--
-- Loaded by vep-screen.lua with require "vep-screen-tests"; run them with
--   vep test instruments/screening/vep-screen.lua
--
-- Every case starts from a screen with all twelve indicators absent and
-- changes only the answers it is about. Expected prorated values are worked
-- out by hand in the comments:
--   value = weighted raw sum x weight of the applicable items / weight of
--   the answered items, rounded to one decimal (score "total" has
--   decimals = 1).
-- Weights: S02, S05, S09, S10 count 2; the other indicators count 1, so
-- the twelve indicators weigh 16 in all.

-- The answers of a screen with every indicator absent, with `changes`
-- applied on top.
local function screen(changes)
  local answers = {
    S01 = "absent", S02 = "absent", S03 = "absent", S04 = "absent",
    S05 = "absent", S06 = "absent", S07 = "absent", S08 = "absent",
    S09 = "absent", S10 = "absent", S11 = "absent", S12 = "absent",
  }
  for id, answer in pairs(changes) do answers[id] = answer end
  return answers
end

-- ---------------------------------------------------------------------
-- Negative and positive screens
-- ---------------------------------------------------------------------

test "negative screen: two weaker indicators" {
  answers   = screen { S03 = "present", S12 = "present", S13 = 0 },
  judgement = { level = "negative" },   -- agrees: no rationale needed
  expect    = {
    scores = { total = 2 },                      -- 1 + 1
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "positive screen: recruiting, propaganda and isolation" {
  answers = screen {
    S01  = "present",
    S05  = { value = "present",
             evidence = { ["for"]  = { "security report 4/2026: two prisoners complained of pressure" },
                          against  = { "no disciplinary finding yet" } } },
    S05a = "Group named in the report; pressure by threats at exercise (prisoners 1187, 1203)",
    S07  = "present",
    S09  = "present",
    S13  = 2,
  },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 6 },                      -- 1 + 2 + 1 + 2
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Unknown and not applicable answers
-- ---------------------------------------------------------------------

test "prorated: three unknowns, rounded to one decimal" {
  -- raw 2 (S09), applicable weight 16, answered 13: 2 x 16 / 13 = 2.46 -> 2.5
  answers   = screen { S04 = unknown, S08 = unknown, S11 = unknown,
                       S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 2.5 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "prorated: three unknowns lift the total to a positive screen" {
  -- raw 3 (S01, S06, S12), applicable weight 16, answered 11 (S04, S05
  -- and S09 unknown): 3 x 16 / 11 = 4.36 -> 4.4
  answers   = screen { S04 = unknown, S05 = unknown, S09 = unknown,
                       S01 = "present", S06 = "present", S12 = "present" },
  judgement = { level = "positive" },
  expect    = {
    scores = { total = 4.4 },
    status = { total = "prorated" },
    levels = { screen = "positive" },
    flags  = { refer_full_assessment = true },
  },
}

test "prorated: a not applicable indicator is left out, not counted unknown" {
  -- raw 3 (S03 + S09), applicable weight 15 (S11 n.a.), answered 14 (S04
  -- unknown): 3 x 15 / 14 = 3.21 -> 3.2
  answers   = screen { S11 = not_applicable, S04 = unknown,
                       S03 = "present", S09 = "present" },
  judgement = { level = "negative" },
  expect    = {
    scores = { total = 3.2 },
    status = { total = "prorated" },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = false },
  },
}

test "incomplete: four unknowns, yet a critical indicator still refers" {
  answers   = screen { S03 = unknown, S04 = unknown, S08 = unknown,
                       S11 = unknown, S10 = "present" },
  judgement = { level = "positive",
                rationale = "Attack instructions found in a cell search; total incomplete." },
  expect    = {
    status = { total = "incomplete" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Critical indicators
-- ---------------------------------------------------------------------

test "critical indicator: negative level, referral flag raised" {
  answers   = screen { S02 = "present" },
  judgement = { level = "positive",
                rationale = "Stated intention to use violence: refer whatever the total." },
  expect    = {
    scores = { total = 2 },
    levels = { screen = "negative" },
    flags  = { refer_full_assessment = true },
  },
}

-- ---------------------------------------------------------------------
-- Rejected assessments
-- ---------------------------------------------------------------------

test "rejected: recruiting detail given although S05 is absent" {
  answers   = screen { S05a = "Pressure on other prisoners at exercise" },
  judgement = { level = "negative" },
  expect    = { invalid = { "not_relevant" } },
}

test "rejected: value off the scale" {
  answers   = screen { S01 = "maybe" },
  judgement = { level = "negative" },
  expect    = { invalid = { "not_in_scale" } },
}

test "rejected: final level differs from the advisory one without a rationale" {
  answers   = screen { S03 = "present" },        -- total 1: negative
  judgement = { level = "positive" },
  expect    = { invalid = { "rationale_required" } },
}

test "rejected: incident count above its maximum" {
  answers   = screen { S13 = 75 },
  judgement = { level = "negative" },
  expect    = { invalid = { "out_of_range" } },
}

test "rejected: more than six unknown answers" {
  answers   = screen { S01 = unknown, S03 = unknown, S04 = unknown,
                       S06 = unknown, S07 = unknown, S08 = unknown,
                       S11 = unknown },
  judgement = { level = "negative",
                rationale = "Too little information for a screen." },
  expect    = { invalid = { "too_many_unknowns" } },
}
