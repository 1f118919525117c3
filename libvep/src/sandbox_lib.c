/*
** sandbox_lib.c -- the library set scripts see, and the bounded wrappers;
** the names removed from the environment (vep__sandbox_env_index).
**
** The allow-list is `libs` near the end: the base functions assert error
** getmetatable ipairs pcall rawequal rawget rawlen rawset select type,
** tonumber (charged), pairs setmetatable tostring xpcall (ours) and
** _VERSION (sandbox.c adds _G and require); string (without dump), table,
** math (without random and randomseed), utf8 and coroutine.  String
** methods come from a private copy of the string table behind a hidden
** (__metatable) string metatable.
**
** Cost model: one unit ~ one VM instruction; B = COST_BYTES bytes of
** linear C work make a unit.  Costs are charged with vep__sandbox_charge()
** (which also checks the deadline) BEFORE the work; output-sized work is
** charged after as well.
**   rep(s, n, sep)          1 + n + n*(#s + #sep)/B
**   find, plain or without pattern specials:  1 + (#s+1)*(#p+1)/B
**   find/match/gmatch/gsub with a pattern:    starts * (#p+1) * PROD
**       starts = 1 when anchored by '^' (not in gmatch), else #s+1; PROD
**       multiplies, for every single-class item quantified by '*', '+' or
**       '-', (longest run of subject bytes in that class + 1), for '?' 2,
**       for %b and back references #s+1; with k > 1 quantifiers PROD is
**       at most C(#s+k, k), the ways k lengths can share #s bytes.  This bounds the backtracking
**       matcher's steps, so ".-.-.-.-.-b" on a long subject is refused at
**       once.  Scanning for runs costs #s*(item length)/B per item; gmatch
**       pays for all its matches at once; gsub also pays its result/B.
**   concat(t, sep, i, j)    (j-i+1)*(1 + #sep/B), then result/B
**   unpack, move            1 + size of the range
**   insert, remove          1 + elements shifted (length taken once)
**   sort (stable merge)     n + n*ceil(log2 n); comparators, __lt and
**                           __index run Lua code, counted by the hook
**   pairs                   the same for n keys, sorted in C
**   coroutine.create/wrap   one hook period (what a thread can run before
**                           its first count hook, which never comes if it
**                           ends sooner)
**   the iterator of utf8.codes  1 + continuation bytes it skips/B (a step
**                           can pass megabytes of them)
**   other string and utf8 functions, table.pack, tonumber:
**                           1 + #args + argument bytes/B, then number of
**                           results + result bytes/B
** Lua itself caps format widths, and all allocation is under the cap.
*/
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "sandbox_lib.h"


/* Number of integers in [i, j] (0 when empty), saturated. */
static uint64_t range_size(lua_Integer i, lua_Integer j)
{
    if (j < i)
        return 0;
    return sat_add((uint64_t)((lua_Unsigned)j - (lua_Unsigned)i), 1);
}

/* Cost of sorting n values: n + n*ceil(log2 n), over-estimated. */
static uint64_t sort_cost(uint64_t n)
{
    uint64_t k = 2, m;
    for (m = n; m > 1; m >>= 1)
        k++;
    return sat_add(n, sat_mul(n, k));
}

/* Calls the original C function (upvalue 1) in this very frame, so its
** errors carry the script's position and the script's name for it.  The
** originals of the standard libraries use no upvalues of their own. */
static int delegate(lua_State *L)
{
    lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
    return f(L);
}

/* Length of argument i when it is a string (numbers are short). */
static size_t arg_len(lua_State *L, int i)
{
    return lua_type(L, i) == LUA_TSTRING ? lua_rawlen(L, i) : 0;
}

/* Generic cost of the stack values from `from` to the top: one unit each
** plus their string bytes.  args_cost is that of a call's arguments. */
static uint64_t values_cost(lua_State *L, int from)
{
    int i, top = lua_gettop(L);
    uint64_t c = 0;
    for (i = from; i <= top; i++)
        c = sat_add(c, 1 + arg_len(L, i) / COST_BYTES);
    return c;
}

#define args_cost(L) (1 + values_cost((L), 1))

/* Charges the r results on top of the stack and returns r. */
static int w_linear_after(lua_State *L, int r)
{
    vep__sandbox_charge(L, values_cost(L, lua_gettop(L) - r + 1));
    return r;
}

/* Wrapper for functions linear in their arguments and results. */
static int w_linear(lua_State *L)
{
    vep__sandbox_charge(L, args_cost(L));
    return w_linear_after(L, delegate(L));
}

/* ---- base ------------------------------------------------------------ */

/* Pushes tostring(value at idx): __tostring is honoured (__name is not),
** anything else without a literal form shows its type, never an address. */
static void push_tostring(lua_State *L, int idx)
{
    int t = lua_type(L, idx);
    if (luaL_callmeta(L, idx, "__tostring")) {
        if (!lua_isstring(L, -1))
            luaL_error(L, "'__tostring' must return a string");
        lua_tolstring(L, -1, NULL);
    } else if (t == LUA_TNUMBER || t == LUA_TSTRING) {
        lua_pushvalue(L, idx);
        lua_tolstring(L, -1, NULL);
    } else if (t == LUA_TBOOLEAN) {
        lua_pushstring(L, lua_toboolean(L, idx) ? "true" : "false");
    } else {
        lua_pushstring(L, luaL_typename(L, idx));   /* nil, table, ... */
    }
}

/* tostring(v), see push_tostring. */
static int w_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    push_tostring(L, 1);
    return 1;
}

/* setmetatable: refuses __gc (finalizers run with hooks off) and __mode
** (weak tables make results depend on when the collector runs). */
static int w_setmetatable(lua_State *L)
{
    static const char *const refused[] = {"__gc", "__mode"};
    int i;
    for (i = 0; i < 2 && lua_type(L, 2) == LUA_TTABLE; i++) {
        lua_pushstring(L, refused[i]);
        if (lua_rawget(L, 2) != LUA_TNIL)
            return vep__sandbox_forbidden(L, "metatables with %s are not "
                                          "allowed in instrument scripts",
                                          refused[i]);
        lua_pop(L, 1);
    }
    return delegate(L);
}

/* Continuation after the message handler: returns false, its result. */
static int xpcall_handled(lua_State *L, int status, lua_KContext ctx)
{
    (void)status, (void)ctx;
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

/* Continuation after f: on error, calls the handler as an ordinary call
** (hooks stay active; an error inside it propagates from xpcall). */
static int xpcall_done(lua_State *L, int status, lua_KContext extra)
{
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushvalue(L, 2);
        lua_insert(L, -2);
        lua_callk(L, 1, 1, 0, xpcall_handled);
        return xpcall_handled(L, LUA_OK, 0);
    }
    return lua_gettop(L) - (int)extra;
}

/* xpcall(f, msgh, ...): Lua runs message handlers with hooks off, so ours
** runs f under pcall and then the handler on the caught error value. */
static int w_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    return xpcall_done(L, lua_pcallk(L, n - 2, LUA_MULTRET, 0, 2,
                                     xpcall_done), 2);
}

/* ---- sorting (pairs and table.sort) ---------------------------------- */

typedef int (*less_fn)(lua_State *L, int a, int b, int has_cmp);

/* Stable bottom-up merge sort of the sequence 1..n of the table at stack
** slot `src`, with the table at `dst` as scratch.  Returns the slot that
** ends up holding the sorted sequence. */
static int merge_sort(lua_State *L, int src, int dst, lua_Integer n,
                      less_fn less, int has_cmp)
{
    lua_Integer width, lo, mid, hi, i, j, k;
    int a = lua_gettop(L) + 1, b = a + 1, t, right;
    for (width = 1; width < n; width *= 2) {
        for (lo = 1; lo <= n; lo += 2 * width) {
            mid = lo + width < n + 1 ? lo + width : n + 1;
            hi = lo + 2 * width < n + 1 ? lo + 2 * width : n + 1;
            for (i = lo, j = mid, k = lo; k < hi; k++) {
                right = i >= mid;
                if (!right && j < hi) {   /* the right one only if less */
                    lua_rawgeti(L, src, i);
                    lua_rawgeti(L, src, j);
                    right = less(L, b, a, has_cmp);
                    lua_pop(L, 2);
                }
                lua_rawgeti(L, src, right ? j++ : i++);
                lua_rawseti(L, dst, k);
            }
        }
        t = src, src = dst, dst = t;
    }
    return src;
}

/* Rank of a key type in the order of pairs(), or -1 if not orderable. */
static int key_rank(int type)
{
    return type == LUA_TNUMBER ? 0 : type == LUA_TSTRING ? 1
         : type == LUA_TBOOLEAN ? 2 : -1;
}

/* a < b for pairs(): numbers ascending, then strings by bytes, then false
** before true.  Comparing two numbers never calls a metamethod. */
static int key_less(lua_State *L, int a, int b, int unused)
{
    int ra = key_rank(lua_type(L, a)), rb = key_rank(lua_type(L, b)), c;
    size_t la, lb;
    const char *sa, *sb;
    (void)unused;
    if (ra != rb)
        return ra < rb;
    if (ra == 0)
        return lua_compare(L, a, b, LUA_OPLT);
    if (ra == 2)
        return !lua_toboolean(L, a) && lua_toboolean(L, b);
    sa = lua_tolstring(L, a, &la);
    sb = lua_tolstring(L, b, &lb);
    c = memcmp(sa, sb, la < lb ? la : lb);
    return c != 0 ? c < 0 : la < lb;
}

/* Iterator of pairs(): upvalues are the table, the sorted keys and the
** position.  Keys removed during the traversal are skipped. */
static int pairs_iter(lua_State *L)
{
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3));
    for (;;) {
        int more = lua_rawgeti(L, lua_upvalueindex(2), ++pos) != LUA_TNIL;
        lua_pushinteger(L, pos);
        lua_replace(L, lua_upvalueindex(3));
        if (!more)
            return 1;
        lua_pushvalue(L, -1);
        if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
            return 2;
        lua_pop(L, 2);
    }
}

/* pairs(t): visits the keys in sorted order (see key_less), so results
** never depend on hash order; a key of another type is an error.  __pairs
** is ignored. */
static int w_pairs(lua_State *L)
{
    lua_Integer n = 0;
    int sorted;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L);                                         /* 2: keys */
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        if (key_rank(lua_type(L, -1)) < 0)
            return luaL_error(L, "pairs cannot order a key of type %s",
                              luaL_typename(L, -1));
        lua_pushvalue(L, -1);
        lua_rawseti(L, 2, ++n);
    }
    vep__sandbox_charge(L, sort_cost((uint64_t)n));
    lua_createtable(L, n < INT_MAX ? (int)n : 0, 0);         /* 3 */
    sorted = merge_sort(L, 2, 3, n, key_less, 0);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, sorted);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, pairs_iter, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* ---- string ---------------------------------------------------------- */

/* The pattern functions find (upvalue 2 = 1), match and gsub (0) and
** gmatch (2, where '^' is no anchor): charge, then run the original.
** gmatch pays at once for every match its iterator can make; results (the
** result of gsub) are charged after. */
static int w_search(lua_State *L)
{
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    size_t n, m, i = 0;
    const char *s, *p;
    uint64_t c;
    if (lua_type(L, 1) != LUA_TSTRING || lua_type(L, 2) != LUA_TSTRING) {
        c = args_cost(L);
    } else {
        s = lua_tolstring(L, 1, &n);
        p = lua_tolstring(L, 2, &m);
        while (kind == 1 && i < m && (p[i] == '\0'
                                      || !strchr("^$*+?.([%-", p[i])))
            i++;
        if (kind == 1 && (lua_toboolean(L, 4) || i == m))
            c = 1 + sat_mul((uint64_t)n + 1, (uint64_t)m + 1) / COST_BYTES;
        else
            c = sat_add(1, vep__sandbox_pattern_cost(L, s, n, p, m, kind != 2));
    }
    vep__sandbox_charge(L, c);
    return w_linear_after(L, delegate(L));
}

/* string.rep: n copies cost n even when empty ("" rep 1e15 loops 1e15
** times inside Lua). */
static int w_rep(lua_State *L)
{
    int ok;
    lua_Integer n = lua_tointegerx(L, 2, &ok);
    uint64_t c = 1;
    if (ok && n > 0)
        c = sat_add((uint64_t)n, sat_mul((uint64_t)n, sat_add(arg_len(L, 1),
                                         arg_len(L, 3))) / COST_BYTES);
    vep__sandbox_charge(L, c);
    return delegate(L);
}

/* string.format: '%s' of a non-string goes through our tostring (Lua's
** would show addresses), and '%p' (an address) is refused. */
static int w_format(lua_State *L)
{
    size_t len;
    const char *f, *end;
    int arg = 1, top = lua_gettop(L);
    vep__sandbox_charge(L, args_cost(L));
    if (lua_type(L, 1) == LUA_TSTRING) {
        f = lua_tolstring(L, 1, &len);
        for (end = f + len; f < end; f++) {
            if (*f != '%')
                continue;
            if (++f >= end)
                break;
            if (*f == '%')
                continue;
            while (f < end && *f != '\0' && strchr("-+ #0123456789.", *f))
                f++;
            if (f >= end)
                break;
            arg++;
            if (*f == 'p')
                return vep__sandbox_forbidden(L, "'%%p' is not available in "
                                              "instrument scripts");
            if (*f == 's' && arg <= top && !lua_isstring(L, arg)) {
                push_tostring(L, arg);
                lua_replace(L, arg);
            }
        }
    }
    return w_linear_after(L, delegate(L));
}

/* ---- table ----------------------------------------------------------- */

/* table.concat and table.unpack: the range (arguments at..at+1, the end
** defaulting to the length, taken once) costs `unit` per element; the
** original then gets it explicitly. */
static int range_call(lua_State *L, int at, uint64_t unit)
{
    lua_Integer i = luaL_optinteger(L, at, 1);
    lua_Integer j = lua_isnoneornil(L, at + 1) ? luaL_len(L, 1)
                                               : luaL_checkinteger(L, at + 1);
    vep__sandbox_charge(L, sat_add(1, sat_mul(range_size(i, j), unit)));
    lua_settop(L, at - 1);
    lua_pushinteger(L, i);
    lua_pushinteger(L, j);
    return w_linear_after(L, delegate(L));
}

static int w_concat(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    return range_call(L, 3, 1 + arg_len(L, 2) / COST_BYTES);
}

static int w_unpack(lua_State *L)
{
    return range_call(L, 2, 1);
}

/* table.move: charges the range (the original checks the arguments). */
static int w_move(lua_State *L)
{
    int okf, oke;
    lua_Integer f = lua_tointegerx(L, 2, &okf);
    lua_Integer e = lua_tointegerx(L, 3, &oke);
    vep__sandbox_charge(L, sat_add(1, okf && oke ? range_size(f, e) : 0));
    return delegate(L);
}

/* table.insert and table.remove, as Lua's (on tables), but taking the
** length (and so calling any __len) once, and charging the shift. */
static int w_insert(lua_State *L)
{
    int n = lua_gettop(L);
    lua_Integer e, pos;
    luaL_checktype(L, 1, LUA_TTABLE);
    e = (lua_Integer)((lua_Unsigned)luaL_len(L, 1) + 1u);
    if (n != 2 && n != 3)
        return luaL_error(L, "wrong number of arguments to 'insert'");
    pos = n == 2 ? e : luaL_checkinteger(L, 2);
    luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2,
                  "position out of bounds");
    vep__sandbox_charge(L, sat_add(1, range_size(pos, e)));
    for (; e > pos; e--) {
        lua_geti(L, 1, e - 1);
        lua_seti(L, 1, e);
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int w_remove(lua_State *L)
{
    lua_Integer size, pos;
    luaL_checktype(L, 1, LUA_TTABLE);
    size = luaL_len(L, 1);
    pos = luaL_optinteger(L, 2, size);
    luaL_argcheck(L, pos == size || (lua_Unsigned)pos - 1u
                  <= (lua_Unsigned)size, 2, "position out of bounds");
    vep__sandbox_charge(L, sat_add(1, range_size(pos, size)));
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

/* a < b for table.sort: the comparator at index 2, or Lua's '<'. */
static int sort_less(lua_State *L, int a, int b, int has_cmp)
{
    int r;
    if (!has_cmp)
        return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    r = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

/* table.sort as a stable merge sort: deterministic (Lua's own picks random
** pivots on bad partitions, which reorders equal elements) and charged
** n*log n.  Sorts a copy, then writes it back. */
static int w_sort(lua_State *L)
{
    lua_Integer n, i;
    int has_cmp, sorted;
    luaL_checktype(L, 1, LUA_TTABLE);
    n = luaL_len(L, 1);
    if (n < 2)
        return 0;
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    has_cmp = !lua_isnoneornil(L, 2);
    if (has_cmp)
        luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    vep__sandbox_charge(L, sort_cost((uint64_t)n));
    lua_createtable(L, (int)n, 0);                           /* 3 */
    lua_createtable(L, (int)n, 0);                           /* 4 */
    for (i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        lua_rawseti(L, 3, i);
    }
    sorted = merge_sort(L, 3, 4, n, sort_less, has_cmp);
    for (i = 1; i <= n; i++) {
        lua_rawgeti(L, sorted, i);
        lua_seti(L, 1, i);
    }
    return 0;
}

/* ---- utf8 ------------------------------------------------------------ */

/* The iterator utf8.codes returns (upvalue 1: the original): a step skips
** the continuation bytes at its position in C, so they are counted and
** charged first (a script can call it directly anywhere in a string). */
static int w_codes_step(lua_State *L)
{
    size_t len = 0, from, n;
    const char *s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len)
                                                   : NULL;
    lua_Integer i = lua_tointeger(L, 2);
    from = s != NULL && i >= 0 && (lua_Unsigned)i < len ? (size_t)i : len;
    for (n = from; n < len && ((unsigned char)s[n] & 0xC0) == 0x80; n++)
        ;
    vep__sandbox_charge(L, 1 + (uint64_t)(n - from) / COST_BYTES);
    return delegate(L);
}

/* utf8.codes: the original, with its iterator replaced by w_codes_step. */
static int w_codes(lua_State *L)
{
    int r = delegate(L);
    lua_pushvalue(L, -r);
    lua_pushcclosure(L, w_codes_step, 1);
    lua_replace(L, -r - 1);
    return r;
}

/* ---- coroutine ------------------------------------------------------- */

/* Continuation of co_body: re-raises an error, now from C code. */
static int co_body_done(lua_State *L, int status, lua_KContext ctx)
{
    (void)ctx;
    if (status != LUA_OK && status != LUA_YIELD)
        return lua_error(L);
    return lua_gettop(L);
}

/* The base function of every script coroutine: runs f (upvalue 1) under a
** yieldable pcall and re-raises its error.  A thread killed by an error
** raised in the count hook keeps hooks disabled (Lua re-enables them only
** where a pcall catches), and coroutine.close or wrap would then run its
** __close handlers unhooked; under this pcall they run at once, hooked. */
static int co_body(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    return co_body_done(L, lua_pcallk(L, n, LUA_MULTRET, 0, 0, co_body_done),
                        0);
}

/* coroutine.create and coroutine.wrap: the original, applied to co_body.
** Charged one hook period: what the new thread may run unseen. */
static int w_co_new(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    vep__sandbox_charge(L, VEP__SANDBOX_HOOK_COUNT);
    lua_settop(L, 1);
    lua_pushcclosure(L, co_body, 1);
    return delegate(L);
}

/* ---- assembly -------------------------------------------------------- */

/* A library: the originals copied as they are (space-separated names), and
** functions of ours: replacing the original (arg < 0) or wrapping it (the
** original becomes upvalue 1, and arg upvalue 2). */
typedef struct lib_fn {
    const char *name;
    lua_CFunction fn;
    int arg;
} lib_fn;

typedef struct lib_def {
    const char *name;              /* NULL: the base library */
    lua_CFunction opener;
    const char *copied;
    lib_fn fns[17];
} lib_def;

static const lib_def libs[] = {
    {NULL, luaopen_base, "assert error getmetatable ipairs pcall rawequal "
     "rawget rawlen rawset select type",
     {{"pairs", w_pairs, -1}, {"setmetatable", w_setmetatable, 0},
      {"tonumber", w_linear, 0}, {"tostring", w_tostring, -1},
      {"xpcall", w_xpcall, -1}}},
    {"string", luaopen_string, "len",
     {{"byte", w_linear, 0}, {"char", w_linear, 0}, {"find", w_search, 1},
      {"format", w_format, 0}, {"gmatch", w_search, 2},
      {"gsub", w_search, 0}, {"lower", w_linear, 0}, {"match", w_search, 0},
      {"pack", w_linear, 0}, {"packsize", w_linear, 0}, {"rep", w_rep, 0},
      {"reverse", w_linear, 0}, {"sub", w_linear, 0},
      {"unpack", w_linear, 0}, {"upper", w_linear, 0}}},
    {"table", luaopen_table, "",
     {{"concat", w_concat, 0}, {"insert", w_insert, -1}, {"move", w_move, 0},
      {"pack", w_linear, 0}, {"remove", w_remove, -1}, {"sort", w_sort, -1},
      {"unpack", w_unpack, 0}}},
    {"math", luaopen_math, "abs acos asin atan ceil cos deg exp floor fmod "
     "huge log max maxinteger min mininteger modf pi rad sin sqrt tan "
     "tointeger type ult", {{NULL, NULL, 0}}},
    {"utf8", luaopen_utf8, "charpattern",
     {{"char", w_linear, 0}, {"codepoint", w_linear, 0}, {"codes", w_codes, 0},
      {"len", w_linear, 0}, {"offset", w_linear, 0}}},
    {"coroutine", luaopen_coroutine, "close isyieldable resume running "
     "status yield", {{"create", w_co_new, 0}, {"wrap", w_co_new, 0}}},
};

/* Names scripts must not use; reading one is a "forbidden" error. */
static const char *const removed_names[] = {
    "collectgarbage", "debug", "dofile", "gcinfo", "getfenv", "io", "load",
    "loadfile", "loadstring", "module", "newproxy", "next", "os", "package",
    "print", "setfenv", "unpack", "warn", NULL
};

/* See sandbox_lib.h: __index of the environment, where every read of an
** absent global is an error, "forbidden" for removed names, "runtime" for
** anything else. */
int vep__sandbox_env_index(lua_State *L)
{
    const char *name;
    size_t i;
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "undefined variable (a %s key)",
                          luaL_typename(L, 2));
    name = lua_tostring(L, 2);
    for (i = 0; removed_names[i] != NULL; i++)
        if (strcmp(name, removed_names[i]) == 0)
            return vep__sandbox_forbidden(L,
                "'%s' is not available in instrument scripts", name);
    return luaL_error(L, "undefined variable '%s'", name);
}

/* Pushes a new table with library `d`, taking the originals from table
** `orig`.  A wrapped original must be a C function without upvalues (see
** delegate); anything else is left out, as are missing originals. */
/* __index of a library table: a removed function ("dump" of string,
** "random" and "randomseed" of math) is a "forbidden" error that names
** it; any other absent field reads as nil, as in plain Lua. */
static int lib_index(lua_State *L)
{
    static const char *const removed[] = {
        "string.dump", "math.random", "math.randomseed", NULL
    };
    const char *lib = lua_tostring(L, lua_upvalueindex(1));
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    size_t n = strlen(lib), i;
    for (i = 0; key != NULL && removed[i] != NULL; i++)
        if (strncmp(removed[i], lib, n) == 0 && removed[i][n] == '.'
            && strcmp(removed[i] + n + 1, key) == 0)
            return vep__sandbox_forbidden(L, "'%s.%s' is not available in instrument scripts",
                                          lib, key);
    lua_pushnil(L);
    return 1;
}

static void push_lib(lua_State *L, int orig, const lib_def *d)
{
    const char *w = d->copied, *e;
    const lib_fn *f;
    int dst;
    lua_newtable(L);
    dst = lua_gettop(L);
    for (; *w != '\0'; w = *e ? e + 1 : e) {
        e = strchr(w, ' ') != NULL ? strchr(w, ' ') : w + strlen(w);
        lua_pushlstring(L, w, (size_t)(e - w));
        lua_pushvalue(L, -1);
        lua_gettable(L, orig);
        lua_rawset(L, dst);
    }
    for (f = d->fns; f->name != NULL; f++) {
        if (f->arg < 0) {
            lua_pushcfunction(L, f->fn);
        } else if (lua_getfield(L, orig, f->name) != LUA_TFUNCTION
                   || lua_tocfunction(L, -1) == NULL
                   || lua_getupvalue(L, -1, 1) != NULL) {
            lua_settop(L, dst);
            continue;
        } else {
            lua_pushinteger(L, f->arg);
            lua_pushcclosure(L, f->fn, 2);
        }
        lua_setfield(L, dst, f->name);
    }
    if (d->name != NULL) {          /* a library, not the base functions */
        lua_createtable(L, 0, 2);
        lua_pushstring(L, d->name);
        lua_pushcclosure(L, lib_index, 1);
        lua_setfield(L, -2, "__index");
        lua_pushboolean(L, 0);       /* getmetatable(string) gives false */
        lua_setfield(L, -2, "__metatable");
        lua_setmetatable(L, dst);
    }
}

/* See sandbox_lib.h.  Each luaopen_* builds the original table (and
** luaopen_string the string metatable); only our copies reach scripts. */
void vep__sandbox_open_libs(lua_State *L)
{
    size_t i;
    int env = 0, orig;
    for (i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        lua_pushcfunction(L, libs[i].opener);
        lua_call(L, 0, 1);
        orig = lua_gettop(L);
        push_lib(L, orig, &libs[i]);
        if (i == 0) {
            lua_replace(L, orig);
            env = orig;
            lua_pushliteral(L, LUA_VERSION);
            lua_setfield(L, env, "_VERSION");
            continue;
        }
        lua_setfield(L, env, libs[i].name);
        if (i == 1) {
            /* String methods come from a private copy that scripts cannot
            ** reach, behind a hidden metatable: what a script does to its
            ** `string` table never changes how strings behave. */
            lua_pushliteral(L, "");
            lua_getmetatable(L, -1);
            push_lib(L, orig, &libs[1]);
            lua_setfield(L, -2, "__index");
            lua_pushboolean(L, 0);
            lua_setfield(L, -2, "__metatable");
            lua_pop(L, 2);
        }
        lua_pop(L, 1);
    }
}
