-- a helper that requires itself (used by the require-cycle case)
require "helpers.cycle"
return {}
