-- fuzz-types.lua -- the instrument fuzz_assessment scores besides the
-- bundled ones: one item of every type, conditional items (declarative and
-- function conditions), every score rule, functions that read text and
-- dates and return explanations cut from the answers (which may split a
-- character), levels, flags and a judgement. Not an assessment tool.

instrument {
  id          = "fuzz-types",
  version     = "1.0.0",
  languages   = { "en", "sr-Latn" },
  title       = { en = "Every item type", ["sr-Latn"] = "Svaki tip stavke" },
  max_unknown = 4,
}

scale "npy" {
  title = { en = "No / partly / yes" },
  { code = "no",     value = 0, label = { en = "No" } },
  { code = "partly", value = 1, label = { en = "Partly" } },
  { code = "yes",    value = 2, label = { en = "Yes" } },
}

domain "d" { kind = "risk", title = { en = "Risk" } }
domain "p" { kind = "protective", title = { en = "Protective" } }

item "P1" { type = "presence", domains = { "d" }, required = true, text = { en = "Presence" } }
item "P2" { type = "presence", domains = { "d" }, weights = { d = 2 }, text = { en = "Presence 2" } }
item "S1" { type = "scale", scale = "npy", domains = { "d", "p" }, text = { en = "Scale" } }
item "S2" { type = "scale", scale = "npy", domains = { "p" }, protective = true,
            not_applicable = false, text = { en = "Scale 2" } }
item "C1" { type = "choice", text = { en = "Choice" },
            options = { { code = "a", value = 1 }, { code = "b", value = 2 }, { code = "c" } } }
item "M1" { type = "multi", text = { en = "Several" },
            options = { { code = "x", value = 1 }, { code = "y", value = 2 },
                        { code = "z", value = 4 } } }
item "N1" { type = "count", max = 40, text = { en = "Count" } }
item "N2" { type = "number", min = -2.5, max = 1e6, text = { en = "Number" } }
item "N3" { type = "number", min = 0, max = 120, integer = true, unknown = false,
            text = { en = "Whole number" } }
item "D1" { type = "date", text = { en = "Date" } }
item "D2" { type = "date", when = { item = "P1", is = "present" }, text = { en = "Since" } }
item "T1" { type = "text", max_length = 200, text = { en = "Text" } }
item "T2" { type = "text", required = true,
            when = { all = { { item = "N1", at_least = 3 }, { item = "C1", is_not = "c" } } },
            text = { en = "Details" } }
item "T3" { type = "text", max_length = 20,
            when = { uses = { "T1", "D1" }, fn = function(a)
              local t, d = a.code("T1"), a.code("D1")
              return (t ~= nil and #t > 3) or (d ~= nil and d > "2020-01-01")
            end },
            text = { en = "When the text is long or the date recent" } }

score "sum"   { rule = "sum", domain = "d", missing = "prorate", max_unknown = 2,
                decimals = 0 }
score "prot"  { rule = "mean", domain = "p", missing = "ignore" }
score "cnt"   { rule = "count", items = { "P1", "P2", "S1", "S2" }, at_least = 1 }
score "top"   { rule = "max", items = { "S1", "S2", "N1" } }
score "low"   { rule = "min", items = { "S1", "S2" } }
score "net"   { rule = "composite", of = { sum = 1, prot = -1 }, decimals = 2 }
score "words" {
  rule = "function", uses = { "T1", "N1", "D1", "M1" }, min = 0, max = 400, decimals = 0,
  fn = function(a)
    local t = a.code("T1") or ""
    local n = a.value("N1") or 0
    local m = a.code("M1") or {}
    local d = a.code("D1")
    local extra = ""
    if d ~= nil and date.valid(d) then
      extra = " " .. date.add_months(d, n) .. " " .. tostring(date.days_between(d, "2026-01-01"))
    end
    -- the first n bytes of the text: may end inside a character
    return math.min(#t + #m, 400), t:sub(1, n) .. extra .. " " .. t:upper():rep(2)
  end,
}
score "ratio" {
  rule = "function", uses = { "N2", "N3", "sum" }, min = -1000, max = 1000,
  fn = function(a)
    local x, y = a.value("N2"), a.value("N3")
    if x == nil or y == nil then return nil, "not given" end
    local r = x / (y - 60)
    if r ~= r then return nil, "not a number" end
    return math.max(-1000, math.min(1000, r)), string.format("%g / %g", x, y - 60)
  end,
}

level "band" {
  of = "sum",
  bands = { { level = "low", min = 0, max = 1 }, { level = "high", min = 2, max = 8 } },
}
level "wband" {
  of = "words",
  bands = { { level = "short", min = 0, max = 10 }, { level = "long", min = 11, max = 400 } },
}

flag "many" { when = { any = { { score = "cnt", at_least = 3 }, { level = "band", is = "high" } } },
              title = { en = "Many" } }
flag "odd" { when = { uses = { "T1" }, fn = function(a) return (a.code("T1") or ""):find("%d%d") ~= nil end },
             title = { en = "Digits" } }
flag "none" { when = { none = { { item = "P1", answered = true }, { item = "S1", unknown = true } } },
              title = { en = "None" } }

judgement { advisory = "band", required = false, rationale = "when_different" }

test "every item" {
  answers = { P1 = "present", P2 = "absent", S1 = "partly", S2 = "yes", C1 = "a",
              M1 = { "x", "z" }, N1 = 3, N2 = 2.5, N3 = 7, D1 = "2024-02-29",
              D2 = "2020-01-01", T1 = "žćčđ12", T2 = "seen", T3 = "short" },
  expect = { scores = { sum = 2, cnt = 3 }, flags = { odd = true } },
}
