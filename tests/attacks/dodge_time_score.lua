-- Tries to outlast the wall clock in a function rule with slow
-- instructions (comparing two long strings), then to swallow the time
-- limit with pcall and return a value.  It must fail with time_limit: the
-- deadline covers the whole assessment, and a tripped limit fails the run.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local s = "x"
  for i = 1, 21 do s = s .. s end
  local x, y = s .. "a", s .. "b"
  pcall(function() while true do local _ = x < y end end) --!
  return 1
end }
