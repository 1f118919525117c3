-- Tries to make scores random with math.random (the same input must give
-- the same result, byte for byte).  It must fail: random and randomseed
-- are removed, and naming one is "forbidden".
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
math.randomseed(42) --!
local r = math.random()
