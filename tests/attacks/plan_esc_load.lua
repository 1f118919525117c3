-- A plan script that tries to compile code at load time with load and
-- dofile, so that its rules could be hidden from the reader.  It must
-- fail: both are removed ("forbidden").
plan { id = "atk-plan", version = "1.0.0", instrument = "atk", languages = { "en" }, title = { en = "Attack" } }
local f = load("return 1") --!
