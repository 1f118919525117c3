-- Tries to write a file in the working directory and in /tmp with the io
-- library, and to read /etc/passwd.  It must fail: io is never opened in
-- the sandbox, and naming it is a "forbidden" error.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local f = io.open("vep-atk-io.txt", "w") --!
f:write("pwned")
io.open("/tmp/vep-atk-io.txt", "w"):write("pwned")
