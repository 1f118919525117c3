-- Tries to get the removed libraries back through _ENV and _G tricks:
-- rawget on the environment (no __index), a private _ENV, and _ENV taken
-- from a function.  It must fail: the removed names are absent from the
-- environment itself, so what rawget gives is nil and using it is a
-- runtime error.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local io = rawget(_G, "io") or rawget(_ENV, "io")
local env = (function() return _ENV end)()
do local _ENV = { g = env } g.x = 1 end
io.open("vep-atk-env.txt", "w") --!
