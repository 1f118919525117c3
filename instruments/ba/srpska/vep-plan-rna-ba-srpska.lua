-- vep-plan-rna-ba-srpska.lua -- treatment-plan rules for the risk and
-- needs assessment: Republika Srpska's adaptation of the state-level plan
-- (instruments/ba/vep-plan-rna-ba.lua).
--
-- ILLUSTRATIVE ONLY: THIS IS NOT A VALIDATED TOOL, and not a programme any
-- administration has adopted. It was written for libvep's examples, to
-- show a plan overlay of a plan overlay: vep-plan-rna (regional core) ->
-- vep-plan-rna-ba (state level) -> this one. The interval below is
-- invented for the example.
--
-- What this overlay changes against vep-plan-rna-ba:
--   * languages: Serbian Cyrillic first (converted from the Serbian Latin
--     texts; none is written in Cyrillic here);
--   * reassessment: after a moderate final judgement, every 4 months
--     (state level and core: every 6); low and high are unchanged;
--   * the title. It takes results of vep-rna-ba, as the state level does.

plan {
  id        = "vep-plan-rna-ba-srpska",
  version   = "1.0.0",
  base      = { id = "vep-plan-rna-ba", version = "^1.0.0" },
  languages = { "sr-Cyrl", "sr-Latn", "bs", "hr" },
  title = {
    ["sr-Latn"] = "Individualni program rehabilitacije i tretmana (Republika Srpska, ilustrativni)",
    bs          = "Individualni program rehabilitacije i tretmana (Republika Srpska, ilustrativni)",
    hr          = "Individualni program rehabilitacije i tretmana (Republika Srpska, ilustrativni)",
    en          = "Individual rehabilitation and treatment programme (Republika Srpska, illustrative)",
  },
}

-- `every_months` replaces the inherited table; the triggers are kept.
change.reassessment {
  every_months = { low = 12, moderate = 4, high = 3 },
}

require "vep-plan-rna-ba-srpska-tests"
