-- Tries to make one C call build a result far larger than the limit:
-- gsub replacing each of 100,000 bytes by 1,000 bytes (100 MB) costs few
-- instructions.  It must fail: the result's buffer grows under the limit.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local s = string.rep("x", 100000)
local big = s:gsub("x", string.rep("y", 1000))
