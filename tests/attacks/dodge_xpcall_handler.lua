-- Tries to loop in an xpcall message handler, where plain Lua turns the
-- hooks off.  It must fail: the sandbox's xpcall runs the handler as an
-- ordinary call, hooked like everything else.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  return xpcall(error, function(e)
    while true do end --!
  end)
end }
