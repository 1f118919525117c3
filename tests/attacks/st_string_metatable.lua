-- Tries to change how every string behaves for later assessments: through
-- the string metatable (hidden, so pcall'd), by replacing string.upper and
-- string.format, and by adding a method with rawset.  It must be
-- contained: string methods come from a private copy, and the string
-- table is fresh for each assessment.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local before = ("x"):upper() .. tostring(rawget(string, "pwned"))
  pcall(function() getmetatable("").__index.upper = function() return "!" end end)
  string.upper = function() return "!" end
  string.format = function() return "!" end
  rawset(string, "pwned", true)
  return #before, before .. " " .. ("y"):upper() .. ("%d"):format(7)
end }
