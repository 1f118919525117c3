-- all-types.lua -- a test instrument for the JSON Schema conformance test
-- (check-schemas.py): one item of every type, ranges and lengths,
-- items that may not be unknown or not applicable, conditional items, an
-- instrument-wide limit on unknowns, and a judgement whose levels come
-- from an advisory level. Not an assessment tool: the items mean nothing.

instrument {
  id          = "schema-all-types",
  version     = "3.1.0",
  languages   = { "en", "sr-Latn" },
  title       = { en = "Every item type", ["sr-Latn"] = "Svaki tip stavke" },
  description = { en = "Fixture of the JSON Schema conformance test." },
  max_unknown = 3,
}

scale "npy" {
  title = { en = "No / partly / yes" },
  { code = "no",     value = 0, label = { en = "No" } },
  { code = "partly", value = 1, label = { en = "Partly" } },
  { code = "yes",    value = 2, label = { en = "Yes" } },
}

domain "d" { kind = "risk", title = { en = "Scored items" } }

item "P1" { type = "presence", domains = { "d" }, required = true, unknown = false,
            text = { en = "Presence", ["sr-Latn"] = "Prisustvo" },
            guidance = { en = "Rated present or absent; never unknown." } }
item "S1" { type = "scale", scale = "npy", domains = { "d" }, required = true,
            not_applicable = false, text = { en = "Scale" } }
item "C1" { type = "choice", required = true, text = { en = "Choice" },
            options = { { code = "a", value = 1 }, { code = "b", value = 2 },
                        { code = "c" } } }
item "M1" { type = "multi", text = { en = "Several choices" },
            options = { { code = "x", value = 1 }, { code = "y", value = 2 },
                        { code = "z", value = 4 } } }
item "N1" { type = "count", max = 12, text = { en = "Count" } }
item "N2" { type = "number", min = -2.5, max = 7.25, text = { en = "Number" } }
item "N3" { type = "number", min = 0, max = 120, integer = true, required = true,
            unknown = false, not_applicable = false, text = { en = "Whole number" } }
item "D1" { type = "date", text = { en = "Date" } }
item "T1" { type = "text", max_length = 8, text = { en = "Short text" } }
item "T2" { type = "text", required = true, unknown = false,
            when = { item = "P1", is = "present" },
            text = { en = "Details when P1 is present" } }
item "T3" { type = "date", not_applicable = false,
            when = { all = { { item = "N1", at_least = 3 }, { item = "C1", is_not = "c" } } },
            text = { en = "Date when N1 is at least 3 and C1 is not c" } }

score "sum" { rule = "sum", domain = "d" }

level "band" {
  of = "sum",
  bands = { { level = "low", min = 0, max = 1 }, { level = "high", min = 2, max = 3 } },
}

judgement { advisory = "band", required = false, rationale = "when_different" }

-- ---- accepted --------------------------------------------------------

test "every item answered" {
  answers = {
    P1 = "present", S1 = "partly", C1 = "a", M1 = { "x", "z" }, N1 = 12,
    N2 = -2.5, N3 = 120, D1 = "2024-02-29", T1 = "žćčđšабв",
    T2 = { value = "seen twice", evidence = { ["for"] = { "report 1" }, against = { "none" } } },
    T3 = "2000-02-29",
  },
  judgement = { level = "high", confidence = "moderate", decisive_items = { "P1" } },
  expect = { scores = { sum = 2 }, levels = { band = "high" } },
}

test "only the required items" {
  answers = { P1 = "absent", S1 = "no", C1 = "c", N3 = 0 },
  expect = { scores = { sum = 0 }, levels = { band = "low" } },
}

test "missing data where allowed" {
  answers = { P1 = "absent", S1 = { status = "unknown", reason = "no file" },
              C1 = not_applicable, N3 = 7, M1 = {}, N1 = unknown, D1 = not_applicable },
  judgement = { level = "low" },
  expect = { levels = { band = "low" } },
}

test "a conditional item that is not relevant may be not applicable" {
  answers = { P1 = "absent", S1 = "yes", C1 = "b", N3 = 1, T2 = not_applicable,
              T3 = not_applicable },
  judgement = { level = "low", rationale = "the team's view" },
  expect = { levels = { band = "high" } },
}

-- ---- refused, and the schema says so ----------------------------------

test "rejected: P1 unknown" {
  answers = { P1 = unknown, S1 = "no", C1 = "a", N3 = 1 },
  expect = { invalid = { "unknown_not_allowed" } },
}

test "rejected: N3 not a whole number" {
  answers = { P1 = "absent", S1 = "no", C1 = "a", N3 = 7.5 },
  expect = { invalid = { "out_of_range" } },
}

test "rejected: 29 February of a common year" {
  answers = { P1 = "absent", S1 = "no", C1 = "a", N3 = 1, D1 = "2023-02-29" },
  expect = { invalid = { "invalid_date" } },
}

test "rejected: text longer than 8 characters" {
  answers = { P1 = "absent", S1 = "no", C1 = "a", N3 = 1, T1 = "ččččččččč" },
  expect = { invalid = { "too_long" } },
}

test "rejected: a level the advisory level does not have" {
  answers = { P1 = "absent", S1 = "no", C1 = "a", N3 = 1 },
  judgement = { level = "medium" },
  expect = { invalid = { "unknown_level" } },
}

-- ---- refused by the engine only (check-schemas.py lists them) --------

test "rejected: T2 answered although P1 is absent" {
  answers = { P1 = "absent", S1 = "no", C1 = "a", N3 = 1, T2 = "not asked" },
  expect = { invalid = { "not_relevant" } },
}

test "rejected: T2 required once P1 is present" {
  answers = { P1 = "present", S1 = "no", C1 = "a", N3 = 1 },
  expect = { invalid = { "missing_required" } },
}

test "rejected: four unknown answers" {
  answers = { P1 = "absent", S1 = unknown, C1 = unknown, N3 = 1, N1 = unknown,
              D1 = unknown },
  expect = { invalid = { "too_many_unknowns" } },
}

test "rejected: a level other than the advisory one without a rationale" {
  answers = { P1 = "absent", S1 = "no", C1 = "a", N3 = 1 },
  judgement = { level = "high" },
  expect = { invalid = { "rationale_required" } },
}
