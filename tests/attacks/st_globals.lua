-- Tries to leave a global behind for the next assessment: a counter that
-- each scoring increments, so the second result would differ from a fresh
-- engine's.  It must be contained: each assessment replays the script in
-- a fresh sandbox.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
runs = 0
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  runs = runs + 1
  rawset(_G, "seen", (rawget(_G, "seen") or 0) + 1)
  return runs * 10 + seen + (a.value("A") or 0), "runs " .. runs
end }
