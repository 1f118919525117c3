-- A helper of st_module.lua: a table whose counter the attack increments.
return { n = 0 }
