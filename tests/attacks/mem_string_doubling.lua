-- Tries to exhaust the host's memory by doubling a string until it is
-- gigabytes long.  It must fail: the sandbox's allocator refuses growth
-- past the memory limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = "x"
while true do s = s .. s end
