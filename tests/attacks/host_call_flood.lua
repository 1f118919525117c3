-- Tries to make the host hold far more memory than the script's limit:
-- every host call is recorded in the result with a copy of its arguments,
-- outside the script's memory cap, so 5000 calls with a 4 KB argument
-- would hold 20 MB.  The record of one run is bounded (256 KiB): the call
-- that would pass it fails with rule host_limit, at the loop.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
item "B" { type = "presence", text = "B?" }
host_function "lookup" { signature = "int64 (string subject)", purpose = { en = "A lookup" } }
score "s" { rule = "function", uses = { "A" }, fn = function(a)
  local s = string.rep("x", 4000)
  for i = 1, 5000 do host.lookup(s) end --!
  while true do end
end }
