-- Tries to keep the assessment view `a` of one assessment (and a doctored
-- copy of its functions) for the next, so that a later rule would read
-- the old answers.  It must be contained: a view works only while its rule
-- runs, and nothing of one assessment's sandbox survives it.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local old = rawget(_G, "saved")
  local stale = old and select(2, pcall(old.value, "A")) or "none"
  rawset(_G, "saved", a)
  a.value = function() return 1000 end
  return (a.value("A") or 0), "stale " .. tostring(stale)
end }
score "t" { rule = "function", uses = { "A" }, fn = function(a)
  local ok = pcall(saved.value, "A")
  return a.value("A") or 0, ok and "saved view worked" or "saved view refused"
end }
