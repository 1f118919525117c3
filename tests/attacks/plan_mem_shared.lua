-- Amplification in a plan: one 1 MiB goal shared by 10,000 interventions,
-- one string to Lua and 10 GB once copied into the plan's model, which
-- counts against the cap while it is built.
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
agency "prison" { kind = "prison", title = { en = "Prison" }, sees = { "risk" } }
local goal = { en = string.rep("g", 1024 * 1024) }
for i = 1, 10000 do
  intervention("X" .. i) { category = "other", agency = "prison", title = { en = "X" }, goal = goal }
end
