-- Tries to loop in a __close handler that runs while an error (here, the
-- instruction limit) unwinds through pcall.  It must fail: __close runs
-- hooked, and after the limit every instruction raises again.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
local function guard()
  return setmetatable({}, { __close = function() while true do end end }) --!
end
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  pcall(function() local g <close> = guard() error("unwind") end)
  return 1
end }
