-- Tries to run another file from the disk with dofile.  It must fail:
-- dofile is removed (scripts read nothing but their own helper modules),
-- and naming it is "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
dofile("/etc/passwd") --!
