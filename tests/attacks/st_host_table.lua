-- Tries to leave something in the host table for the next assessment: a
-- fake host function planted with rawset (writing is refused), and a
-- cached lookup replaced.  It must be contained: the host table belongs
-- to the assessment's own sandbox.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
host_function "lookup" { signature = "int64 (string subject)", purpose = { en = "A lookup" } }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local planted = rawget(host, "planted") ~= nil
  pcall(function() host.planted = 1 end)
  rawset(host, "planted", function() return 99 end)
  local n = host.lookup("P-1")
  rawset(host, "lookup", function() return 42 end)
  return n + (planted and 1000 or 0), planted and "planted" or "clean"
end }
