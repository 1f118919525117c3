-- Tries to keep a suspended coroutine alive for the next assessment, so
-- that resuming it there continues a count begun here.  It must be
-- contained: the coroutine dies with the assessment's sandbox.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
counter = coroutine.wrap(function()
  local n = 0
  while true do n = n + 1 coroutine.yield(n) end
end)
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  return counter() + counter(), "counted"
end }
