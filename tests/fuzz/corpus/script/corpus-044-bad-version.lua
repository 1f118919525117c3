-- a version that is not MAJOR.MINOR.PATCH
instrument { id = "corpus-bad-version", version = "1.0", languages = { "en" },   --!
             title = "Bad version" }
