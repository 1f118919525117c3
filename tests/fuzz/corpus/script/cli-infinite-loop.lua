-- An infinite loop on line 4 (exit 3).
instrument { id = "cli-infinite-loop", version = "1.0.0", languages = { "en" },
             title = "CLI fixture: infinite loop" }
while true do end
