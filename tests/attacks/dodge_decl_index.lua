-- Tries to run code while the runtime looks a rule's function up: the
-- first rule removes the second rule's fn and puts an __index on its
-- declaration table that loops, so that the lookup (done outside the
-- run's own protected call) would run it.  It must fail as a script error:
-- the lookup reads the declarations raw and runs no script code.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
local second = { rule = "function", uses = { "B" }, fn = function(a) return 2 end }
score "first" { rule = "function", uses = { "A" }, fn = function(a)
  second.fn = nil
  setmetatable(second, { __index = function() while true do end end })
  return 1
end }
score "second" (second)
