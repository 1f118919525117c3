-- Tries to compile a hand-made binary chunk with load() (binary chunks
-- can crash the VM or read memory at will).  It must fail: load is removed
-- from the environment, so no chunk can be compiled at run time.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local chunk = "\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64"
local f = load(chunk, "x", "b") --!
f()
