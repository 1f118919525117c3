-- Tries to probe the file system through require: the message for a
-- missing module could tell where the script is installed, and a module
-- name that reaches another file could read it.  It must fail with a
-- plain "not found" (rule runtime) that names no path.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local ok, e = pcall(require, "etc.passwd")
error(e, 0)
