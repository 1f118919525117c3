-- a language that is not a BCP 47 tag
instrument { id = "corpus-bad-language", version = "1.0.0", languages = { "english language" },   --!
             title = "Bad language" }
