-- Tries to leave a looping __close handler in a coroutine that the limit
-- kills; closing it afterwards (or a later run closing it) would run the
-- handler unhooked in plain Lua.  It must fail on the budget, and the
-- handler must run hooked.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local function guard()
  return setmetatable({}, { __close = function() while true do end end })
end
co = coroutine.create(function() local g <close> = guard() while true do end end) --!
coroutine.resume(co)
coroutine.close(co)
