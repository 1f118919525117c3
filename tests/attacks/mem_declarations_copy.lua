-- Tries to make the host hold more than the script's memory limit without
-- breaching it inside Lua: declarations that fit under the cap (3,000
-- items with 2 KB texts, about 6 MB) are copied into the C model outside
-- the Lua state, which still holds them while they are read.  The model
-- counts against the cap while it is built, so the load ends on the
-- memory limit with the host holding no more than the cap.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
local text = string.rep("t", 2000)
for i = 1, 3000 do
  item("I" .. i) { type = "presence", text = text .. i }
end
