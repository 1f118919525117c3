-- Tries to escape the count hook in short coroutines: each runs fewer
-- instructions than one hook period, so a naive per-thread count would
-- never see them.  It must fail: each new coroutine is charged a hook
-- period, and the budget is shared by every thread.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  while true do coroutine.wrap(function() for i = 1, 500 do end end)() end --!
end }
