-- Tries to smuggle a binary chunk in as a helper module: lib/binary.lua
-- starts with the signature of precompiled Lua.  It must fail: require
-- compiles source text only and refuses the chunk as "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local m = require("lib.binary") --!
