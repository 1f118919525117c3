-- Allocates until the memory limit (exit 3).
instrument { id = "cli-memory-hog", version = "1.0.0", languages = { "en" },
             title = "CLI fixture: memory hog" }
local t = {}
for i = 1, 1e9 do t[i] = { i } end
