-- Tries to dodge the limit by yielding across pcall: the error raised in
-- the coroutine is caught inside it, the coroutine yields, and the main
-- thread resumes it for ever.  It must fail: the budget counts the
-- instructions of every thread, and after the limit each raises.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local co = coroutine.wrap(function()
    while true do pcall(function() coroutine.yield() end) end
  end)
  while true do co() end
end }
