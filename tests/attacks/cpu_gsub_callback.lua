-- Tries to hide an endless loop in a gsub replacement callback, which runs
-- inside a C function.  It must fail: the callback is Lua code, the hook
-- runs in it, and the limit is raised from inside gsub.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = string.gsub("abc", "%w", function(c)
  while true do end --!
end)
