-- The backtracking bomb inside a function rule, with gsub, match and
-- gmatch in turn, each caught by pcall so that the next can try.  It must
-- fail: each pattern is charged before it runs, and once the budget is
-- gone no pcall can swallow the limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local s = string.rep("a", 3000)
  pcall(string.gsub, s, "(a*)*b", "x") --!
  pcall(string.match, s, "a-a-a-a-a-a-b")
  for m in s:gmatch("a-a-a-a-b") do end
  return 1
end }
