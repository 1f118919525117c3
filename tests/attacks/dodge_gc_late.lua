-- Tries to get a finalizer past the __gc check: set a metatable without
-- __gc, then add __gc to it, and make lots of garbage so the collector
-- runs.  Lua marks an object for finalization only when its metatable is
-- set, so the finalizer never runs; the loop must end on the budget.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local mt = {}
for i = 1, 1000 do setmetatable({}, mt) end
mt.__gc = function() while true do end end
while true do local g = { {}, {}, {} } end --!
