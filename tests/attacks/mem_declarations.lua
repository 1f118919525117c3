-- Tries to make the host hold far more than the script's memory limit:
-- thousands of declarations with long texts are copied into the C model
-- outside the Lua state.  It must fail on the memory limit while the
-- script runs, before anything is copied.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
local text = string.rep("t", 2000)
for i = 1, 100000 do
  item("I" .. i) { type = "presence", text = text .. i }
end
