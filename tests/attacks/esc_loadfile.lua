-- Tries to compile a file of its choice with loadfile, even reached
-- through _G.  It must fail: loadfile is removed, and reading it from the
-- environment is "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local lf = _G.loadfile --!
lf("/etc/passwd")()
