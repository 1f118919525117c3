-- A plan script that tries to exhaust memory while it loads with a
-- catalogue of ever more interventions.  It must fail on the memory
-- limit, before anything is copied out of the sandbox.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
agency "prison" { kind = "prison", title = { en = "Prison" }, sees = { "risk" } }
local pad = string.rep("g", 1000)
for i = 1, 1e7 do
  intervention("X" .. i) { category = "other", agency = "prison", title = { en = "X" }, goal = { en = pad .. i } }
end
