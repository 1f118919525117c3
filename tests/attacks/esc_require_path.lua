-- Tries to read files outside the script's directory through require:
-- a relative path that climbs out, an absolute path, a Lua 5.1 style path.
-- It must fail: module names are words separated by dots, and anything
-- else is refused as "forbidden" before the disk is touched.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
pcall(require, "/etc/passwd")
pcall(require, "lib/../../../../etc/passwd")
require("..lib") --!
