-- Tries to make the host read and keep a failing helper module again and
-- again (a failed module is not cached, so each require would read the
-- file, keep its source outside the script's memory cap, and compile it).
-- It must fail on the budget with the host's memory untouched: the source
-- is read once per sandbox, and each compilation is charged.
instrument { id = "atk", version = "1.0.0", languages = { "en" }, title = "Attack" }
item "A" { type = "presence", text = "A?" }
while true do pcall(require, "lib.broken") end --!
