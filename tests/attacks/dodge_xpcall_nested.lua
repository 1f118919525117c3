-- Tries to get the handler called again and again by raising inside it
-- (in plain Lua a handler that fails is called for its own error, with
-- hooks off), wrapped in pcall to keep going.  It must fail: a failing
-- handler's error just propagates, and the loop around it meets the
-- budget.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local function handler(e) error(e) end
while true do pcall(xpcall, error, handler) end --!
