-- Tries to leave state in an upvalue shared by two function rules, and in
-- a table that the main chunk created, for the next assessment.  It must
-- be contained: the closures are made anew for every assessment.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
local calls, memo = 0, {}
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  calls = calls + 1
  memo[#memo + 1] = a.value("A") or 0
  return calls * 100 + #memo, "calls " .. calls
end }
score "t" { rule = "function", uses = { "B" }, fn = function(a)
  calls = calls + 1
  return calls, "calls " .. calls
end }
