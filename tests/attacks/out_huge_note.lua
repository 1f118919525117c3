-- Tries to blow up the result document with a 4 MB explanation of
-- invalid UTF-8, NUL bytes and control characters.  It must be contained:
-- the explanation is cut to 1000 bytes and written as valid JSON, and the
-- result is the same on every run.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local s = "\xff\0\1\"\\\u{2028}\xe2\x82"
  for i = 1, 19 do s = s .. s end
  return 1, s
end }
