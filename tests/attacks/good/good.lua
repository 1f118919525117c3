-- The known good instrument of the attack suite: after every attack, the
-- engine that ran it must score good.json with the same bytes as a fresh
-- engine.  It uses a sum, a level, a flag and a Lua function rule, so that
-- the declarative path and the runtime are both exercised.
instrument { id = "good", version = "1.0.0", languages = { "en" }, title = "Good" }
scale "lmh" { { code = "low", value = 0 }, { code = "moderate", value = 1 }, { code = "high", value = 2 } }
item "G1" { type = "scale", scale = "lmh", text = "First?" }
item "G2" { type = "scale", scale = "lmh", text = "Second?" }
item "G3" { type = "presence", text = "Third?" }
score "total" { rule = "sum", items = { "G1", "G2", "G3" } }
level "risk" { of = "total", bands = { { level = "low", min = 0, max = 1 },
  { level = "moderate", min = 2, max = 3 }, { level = "high", min = 4, max = 5 } } }
score "shape" { rule = "function", uses = { "G1", "G2" }, fn = function(a)
  local x, y = a.value("G1") or 0, a.value("G2") or 0
  return x * 10 + y, ("%s then %s"):format(a.code("G1"), a.code("G2")):upper()
end }
flag "both" { when = { uses = { "G1", "G3" }, fn = function(a)
  return a.code("G1") == "high" and a.code("G3") == "present"
end } }
