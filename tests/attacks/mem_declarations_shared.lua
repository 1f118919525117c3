-- Amplification: one 1 MiB string is the text of 10,000 items.  To Lua it
-- is one string (about 2 MB in all, far under the cap); copied into the
-- model it would be 10 GB.  The model counts against the cap while it is
-- built, so the load ends on the memory limit after a few copies.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
local text = string.rep("t", 1024 * 1024)
for i = 1, 10000 do
  item("I" .. i) { type = "presence", text = text }
end
