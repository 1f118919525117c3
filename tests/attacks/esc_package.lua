-- Tries to load a native library with package.loadlib (arbitrary C code in
-- the host process) and to reach package.loaded.  It must fail: package
-- is never opened; require is the sandbox's own and reads source only.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local open = package.loadlib("libc.so.6", "system") --!
open("touch vep-atk-package")
