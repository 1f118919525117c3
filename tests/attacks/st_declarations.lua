-- Tries to rewrite its own declarations while scoring, so that the next
-- assessment runs another function: the rule replaces its fn, and changes
-- its uses, in the declaration table.  It must be contained: the runtime
-- replays the script for each assessment, and what was read at load
-- (the uses) cannot be changed at all.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
local decl
decl = { rule = "function", uses = { "A" }, fn = function(a)
  decl.fn = function() return 99, "replaced" end
  decl.uses = { "A", "B" }
  return a.value("A") or 0, "original"
end }
score "s" (decl)
