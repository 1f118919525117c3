-- Tries to run a shell command, change the environment and read the clock
-- through the os library.  It must fail: os is never opened in the
-- sandbox (scripts have no clock and no process), so naming it is
-- "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
os.execute("touch /tmp/vep-atk-os") --!
os.remove("/etc/hostname")
