-- fuzz-host.lua -- the instrument of fuzz_host_args: its score function
-- turns the answer to X (hex digits) into calls of host functions, with
-- arguments of every kind a script can make (nil, booleans, integers of
-- 64 bits, floats with NaN, infinities and fractions, strings with NUL
-- bytes and invalid UTF-8, tables, functions) and any number of them.
--
-- Each call is made under pcall, and what came back is checked against
-- the declaration: a call that succeeded had valid arguments and gave a
-- value of the declared type; an echo gave back exactly what was sent; a
-- call with valid arguments to a function that cannot fail succeeded;
-- every error message is valid UTF-8. A broken rule is reported through
-- host.violation, which aborts the fuzzer. Not an assessment tool.

instrument {
  id = "fuzz-host", version = "1.0.0", languages = { "en" }, title = "Host calls",
}

host_function "violation" { signature = "void (string what)" }
host_function "e_int"   { signature = "int64 (int64 x)" }
host_function "e_dbl"   { signature = "double (double x)" }
host_function "e_bool"  { signature = "bool (bool b)" }
host_function "e_str"   { signature = "string (string s)" }
host_function "e_owned" { signature = "string (string s)" }
host_function "mix"     { signature = "int64 (string a, int64 b, double c, bool d)" }
host_function "many"    { signature = "double (int64 a, int64 b, int64 c, int64 d, double e, double f, bool g, string h)" }
host_function "v_void"  { signature = "void (string s)" }
host_function "none"    { signature = "bool ()" }
host_function "cb_echo" { signature = "string (string s, int64 mode)" }
host_function "cb_num"  { signature = "double (double x, int64 mode, bool b)" }
host_function "cb_void" { signature = "void (bool b, string s)" }
host_function "cb_i"    { signature = "int64 (int64 x)" }
host_function "unregistered" { signature = "bool (string s)" }

item "X" { type = "text", max_length = 20000, text = "Hex digits" }

-- The functions the program calls, with their argument types, whether a
-- valid call always succeeds, and how the result is checked (`echo`: the
-- result is argument 1 as the declared return type; `len`: the length
-- of argument 1; `fifth`: argument 5 as a float; `true`: true).
local I, D, B, S = "int64", "double", "bool", "string"
local funcs = {
  { "e_int",   { I }, true, "echo", "integer" },
  { "e_dbl",   { D }, false, "echo", "float" },
  { "e_bool",  { B }, true, "echo", "boolean" },
  { "e_str",   { S }, true, "echo", "string" },
  { "e_owned", { S }, false, "echo", "string" },
  { "mix",     { S, I, D, B }, true, "len", "integer" },
  { "many",    { I, I, I, I, D, D, B, S }, false, "fifth", "float" },
  { "v_void",  { S }, false, "void" },
  { "none",    { }, true, "true", "boolean" },
  { "cb_echo", { S, I }, false, "echo", "string" },
  { "cb_num",  { D, I, B }, false, "echo", "float" },
  { "cb_void", { B, S }, true, "void" },
  { "cb_i",    { I }, true, "echo", "integer" },
  { "unregistered", { S }, false, "never" },
  { "undeclared", { }, false, "never" },
}

local specials = {
  2^63, -2^63, 2^53, 2^53 + 1, 9007199254740993, math.maxinteger, math.mininteger,
  math.huge, -math.huge, 0/0, -0.0, 0.0, 1e308 * 10, 0.5, -1.5, 2^64, -2^64,
  math.maxinteger + 0.0, math.mininteger + 0.0, 5e-324, 1, -1, 0,
}
local texts = {
  "", "\0", "a\0b", "\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\x80",
  "\xe0\x80\xaf", "ž", "fail", "fail \xc3\xa9", "long", "null", "CBT", ("é"):rep(300),
  ("x"):rep(1000),
}

local function bad(what) host.violation(what) end

-- Whether a string is valid UTF-8 without NUL bytes.
local function text_ok(s)
  return s:find("\0", 1, true) == nil and utf8.len(s) ~= nil
end

-- Whether value v is acceptable as an argument of type t.
local function arg_ok(t, v)
  if t == S then return type(v) == "string" and text_ok(v) end
  if t == B then return type(v) == "boolean" end
  if t == D then return type(v) == "number" end
  if math.type(v) == "integer" then return true end
  return math.type(v) == "float" and v == math.floor(v) and v >= -2^63 and v < 2^63
end

local function as_float(v) return v + 0.0 end

-- Checks what one call gave.
local function check(f, args, n, ok, r, nres)
  local name, types, sure, shape, rtype = f[1], f[2], f[3], f[4], f[5]
  local valid = n == #types
  for i = 1, #types do
    if i > n or not arg_ok(types[i], args[i]) then valid = false end
  end
  if not ok then
    if type(r) ~= "string" or utf8.len(r) == nil then
      bad("a host call failed with a message that is not valid UTF-8")
    end
    if valid and sure then bad("a valid call of " .. name .. " failed") end
    return 0
  end
  if shape == "never" then bad(name .. " was called") end
  if not valid then bad("a call of " .. name .. " with invalid arguments succeeded") end
  if shape == "void" then
    if nres ~= 0 then bad(name .. " (void) gave a value") end
    return 1
  end
  if nres ~= 1 then bad(name .. " gave " .. nres .. " values") end
  if r == nil then
    if rtype ~= "string" then bad(name .. " gave nil") end
    return 1
  end
  if rtype == "string" then
    if type(r) ~= "string" or not text_ok(r) then bad(name .. " gave an invalid string") end
  elseif rtype == "boolean" then
    if type(r) ~= "boolean" then bad(name .. " gave a non-boolean") end
  elseif math.type(r) ~= rtype then
    bad(name .. " gave a " .. tostring(math.type(r)) .. ", not a " .. rtype)
  elseif rtype == "float" and r ~= r then
    bad(name .. " gave NaN")
  end
  if shape == "echo" then
    local want = args[1]
    if rtype == "float" then want = as_float(want) end
    if rtype == "integer" then want = math.tointeger(want) end
    if r ~= want and not (name == "cb_echo" or name == "cb_num") then
      bad(name .. " did not give back its argument")
    end
  elseif shape == "len" then
    if r ~= #args[1] then bad("mix saw a string of another length") end
  elseif shape == "fifth" then
    if r ~= as_float(args[5]) then bad("many saw another fifth argument") end
  elseif shape == "true" then
    if r ~= true then bad("none gave false") end
  end
  return 1
end

-- Runs the program in the bytes: per call a function, a count and the
-- arguments.
local function run(bytes)
  local pos, made = 1, 0
  local function byte()
    local b = bytes:byte(pos) or 0
    pos = pos + 1
    return b
  end
  local function raw(n)
    local s = bytes:sub(pos, pos + n - 1)
    pos = pos + n
    return s .. ("\0"):rep(n - #s)
  end
  while pos <= #bytes do
    local f = funcs[byte() % #funcs + 1]
    local head = byte()
    local n = head % 11
    local args = {}
    for i = 1, n do
      local t = byte() % 12
      if t == 0 then args[i] = nil
      elseif t == 1 then args[i] = true
      elseif t == 2 then args[i] = false
      elseif t == 3 then args[i] = byte() - 128
      elseif t == 4 then args[i] = string.unpack("<i8", raw(8))
      elseif t == 5 then args[i] = string.unpack("<d", raw(8))
      elseif t == 6 then args[i] = (byte() - 128) / 8
      elseif t == 7 then args[i] = raw(byte() % 48)
      elseif t == 8 then args[i] = specials[byte() % #specials + 1]
      elseif t == 9 then args[i] = {}
      elseif t == 10 then args[i] = texts[byte() % #texts + 1]
      else args[i] = run end
    end
    local fn = host[f[1]]
    if head >= 0xF8 then
      -- unprotected: a failure ends the scoring with the host's status
      local res = table.pack(fn(table.unpack(args, 1, n)))
      made = made + check(f, args, n, true, res[1], res.n)
    else
      local res = table.pack(pcall(fn, table.unpack(args, 1, n)))
      made = made + check(f, args, n, res[1], res[2], res.n - 1)
    end
  end
  return made
end

score "calls" {
  rule = "function", uses = { "X" }, min = 0, max = 100000,
  fn = function(a)
    local hex = a.code("X") or ""
    local bytes = hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)
    return run(bytes)
  end,
}

test "an echo" {
  answers = { X = "00010383" }, host = { e_int = 3 },
  expect = { scores = { calls = 1 } },
}
