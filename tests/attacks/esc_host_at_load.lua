-- Tries to call a host function while the script loads, so that its
-- declarations would depend on the host's data, and to write into the
-- host table.  It must fail: the host is reached only while scoring, from
-- functions (rule host_at_load).
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
host_function "lookup" { signature = "int64 (string subject)", purpose = { en = "A lookup" } }
pcall(function() host.lookup = function() return 1 end end)
local n = host.lookup("P-1") --!
