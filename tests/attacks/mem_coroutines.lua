-- Tries to exhaust memory with coroutines, each with its own Lua stack, and
-- to dodge the budget while doing so.  It must fail: each new coroutine is
-- charged a hook period, so the budget runs out first.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local t = {}
while true do t[#t + 1] = coroutine.create(function() end) end --!
