-- Tries to make the host hold more than the script's memory limit without
-- breaching it inside Lua: declarations that fit under the cap (3,000
-- items with 2 KB texts, about 6 MB) are copied into the C model outside
-- the Lua state, which still holds them while they are read.  The host's
-- memory must stay within the cap plus a small overhead.  Open: the model
-- is not counted against the cap (at most about the cap again; see the
-- manifest), and the suite checks that until it is, this still shows.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
local text = string.rep("t", 2000)
for i = 1, 3000 do
  item("I" .. i) { type = "presence", text = text .. i }
end
