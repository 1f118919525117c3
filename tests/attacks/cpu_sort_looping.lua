-- Tries to hang table.sort, a C function, with a comparator that never
-- returns, and with a __len that claims 10^9 elements.  It must fail: the
-- comparator is Lua code under the hook, and the sort's n log n is charged
-- before it starts.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  pcall(table.sort, setmetatable({}, { __len = function() return 1e9 end })) --!
  table.sort({ 3, 2, 1 }, function(x, y) while true do end end)
end }
