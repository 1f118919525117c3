-- Tries to swallow the memory limit: the bomb runs under pcall, which
-- catches "not enough memory", and the function then returns normally.
-- It must fail: the sandbox remembers the breach and fails the run.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  pcall(function() local s = "x" while true do s = s .. s end end)
  return 1, "survived"
end }
