-- vep-screen-rs.lua -- Serbia's adaptation of the regional screening form
-- (instruments/screening/vep-screen.lua)
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL.
-- It was written for libvep's examples, to show how an administration
-- adapts the regional core with an overlay. Every item is written in our
-- own words; no item wording of any licensed instrument is used. The
-- added indicator and the changed cut-off are invented for the example
-- and must not be used to make decisions about real people.
--
-- What this overlay changes (everything else is inherited):
--   * languages: Serbian Cyrillic first (results are written in it), then
--     Serbian Latin; English and the core's other languages follow. The
--     core's Latin texts are shown in Cyrillic by transliteration, so they
--     are not written again here;
--   * an added indicator, RS01 (praise of attacks or of those who carried
--     them out), written first in Cyrillic: the Latin text is produced from
--     it by transliteration;
--   * the indicators now weigh 17 in all (the core's 16 plus RS01), and the
--     advisory cut-off is raised from 4 to 5;
--   * short Serbian guidance for the core items that have English guidance
--     only.

instrument {
  id        = "vep-screen-rs",
  version   = "1.0.0",
  base      = { id = "vep-screen", version = "^1.0.0" },
  languages = { "sr-Cyrl", "sr-Latn" },
  title     = {
    ["sr-Latn"] = "Skrining indikatora radikalizacije, Srbija (ilustrativni)",
    en          = "Screening for indicators of radicalisation, Serbia (illustrative)",
  },
  -- Written in both alphabets: letter by letter, the name "libvep" would
  -- come out in Cyrillic letters too.
  description = {
    ["sr-Cyrl"] = "Илустративни образац за скрининг, написан као пример за libvep; "
      .. "није валидиран инструмент. Особље првог контакта оцењује тринаест "
      .. "индикатора у понашању при пријему и током издржавања казне. Позитиван "
      .. "скрининг или било који критични индикатор упућује особу на пуну процену "
      .. "ризика и потреба.",
    ["sr-Latn"] = "Ilustrativni obrazac za skrining, napisan kao primer za libvep; "
      .. "nije validiran instrument. Osoblje prvog kontakta ocenjuje trinaest "
      .. "indikatora u ponašanju pri prijemu i tokom izdržavanja kazne. Pozitivan "
      .. "skrining ili bilo koji kritični indikator upućuje osobu na punu procenu "
      .. "rizika i potreba.",
    en = "Illustrative screening form for libvep's examples; not a validated "
      .. "tool. Front-line staff rate thirteen behavioural indicators at "
      .. "admission and during imprisonment. A positive screen or any "
      .. "critical indicator refers the person to a full risk and needs "
      .. "assessment.",
  },
}

-- ---------------------------------------------------------------------
-- An added indicator, written first in Cyrillic
-- ---------------------------------------------------------------------

item "RS01" {
  type = "presence", domains = { "indicators" }, required = true,
  text = {
    ["sr-Cyrl"] = "Хвали или слави насилне нападе или њихове извршиоце "
               .. "(у разговору, писмима, цртежима или натписима)",
    en          = "Praises or celebrates violent attacks or those who carried them out "
               .. "(in conversation, letters, drawings or writing on walls)",
  },
  guidance = {
    ["sr-Cyrl"] = "Рачуна се само одобравање насиља; разговор о вестима или "
               .. "суђењима није довољан.",
    en          = "Count approval of the violence only; talk about news reports "
               .. "or trials is not enough.",
  },
}

-- ---------------------------------------------------------------------
-- The changed cut-off: 17 points in all, positive from 5
-- ---------------------------------------------------------------------

change.level "screen" {
  bands = {
    { level = "negative", min = 0, max = 4.9,
      label = { en          = "No referral indicated",
                ["sr-Latn"] = "Upućivanje nije potrebno",
                sq          = "Nuk kërkohet referim" } },
    { level = "positive", min = 5, max = 17,
      label = { en          = "Refer to full risk and needs assessment",
                ["sr-Latn"] = "Uputiti na punu procenu rizika i potreba",
                sq          = "Referim për vlerësim të plotë të rrezikut dhe nevojave" } },
  },
}

-- ---------------------------------------------------------------------
-- Serbian guidance for the core items, in this package's own wording
-- ---------------------------------------------------------------------

change.item "S01" { guidance = { ["sr-Latn"] =
  "Izjave koje je čulo osoblje ili koje su zabeležene u izveštajima. Ljutnja na "
  .. "grupu bez odobravanja nasilja nije dovoljna." } }

change.item "S02" { guidance = { ["sr-Latn"] =
  "Kritični indikator: kada je prisutan, sam upućuje osobu na punu procenu. "
  .. "Zabeležiti izgovorene reči, datum i ko ih je čuo." } }

change.item "S04" { guidance = { ["sr-Latn"] =
  "Uobičajene pritužbe na zavod ili na kaznu se ne računaju; odbijanje mora biti "
  .. "obrazloženo idejama grupe." } }

-- In both alphabets: the item code S05a stays in Latin letters.
change.item "S05" { guidance = {
  ["sr-Latn"] = "Kritični indikator. Kada je prisutan, u S05a opisati grupu i način "
             .. "na koji je vršen pritisak.",
  ["sr-Cyrl"] = "Критични индикатор. Када је присутан, у S05a описати групу и начин "
             .. "на који је вршен притисак.",
} }

change.item "S07" { guidance = { ["sr-Latn"] =
  "Promena verske prakse ili odevanja sama po sebi nije indikator. Oceniti kao "
  .. "prisutno samo kada povlačenje prati nov, isključiv identitet grupe." } }

change.item "S09" { guidance = { ["sr-Latn"] =
  "Materijal koji podstiče ili veliča nasilje u ime ideje, pronađen pri pretresu "
  .. "ili viđen dok se prosleđuje. Zakoniti verski ili politički tekstovi nisu "
  .. "propaganda." } }

change.item "S10" { guidance = { ["sr-Latn"] =
  "Kritični indikator: kada je prisutan, sam upućuje osobu na punu procenu. "
  .. "Odmah obavestiti službu obezbeđenja." } }

change.item "S11" { guidance = { ["sr-Latn"] =
  "Ostaviti kao nepoznato, uz razlog, dok evidencija poseta i prepiske nije "
  .. "dostupna." } }

-- ---------------------------------------------------------------------
-- Test cases
-- ---------------------------------------------------------------------

require "vep-screen-rs-tests"
