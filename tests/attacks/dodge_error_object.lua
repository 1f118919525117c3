-- Tries to make the host run script code while it reports the error: an
-- error object whose __tostring loops, raised when the budget is spent.
-- It must fail quickly as a plain runtime error: the sandbox never calls
-- __tostring on an error value.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  error(setmetatable({}, { __tostring = function() while true do end end }))
end }
