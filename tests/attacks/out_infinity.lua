-- Tries to write infinity into the result (not valid JSON).  It must
-- fail: a score must be finite.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  return -math.huge
end }
