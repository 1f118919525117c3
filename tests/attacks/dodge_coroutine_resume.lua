-- Tries to swallow the limit in a coroutine: resume returns false and the
-- error instead of raising it, so the main thread could go on.  It must
-- fail: the limit is the sandbox's, not the thread's, and the main thread
-- raises it again at its next instruction.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
local co = coroutine.create(function() while true do end end) --!
local ok, e = coroutine.resume(co)
local survived = 1
