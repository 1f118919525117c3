-- Tries to keep state in a helper module's table, which require caches:
-- a counter in lib/state.lua that each assessment increments.  It must be
-- contained: the module cache belongs to the assessment's sandbox.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
local state = require("lib.state")
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  state.n = state.n + 1
  require("lib.state").n = require("lib.state").n + 1
  return state.n, "n " .. state.n
end }
