/*
** test_sandbox.c -- unit tests of the script sandbox (sandbox.h).
**
** Every limit is exercised the way a hostile or careless script would hit
** it, and each test checks the classified outcome, not only survival.
** Limits are small (1e6 instructions, 200 ms) so the suite stays fast.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "sandbox.h"

#define MiB ((size_t)1 << 20)

/* ---- helpers --------------------------------------------------------- */

/* A host allocator that counts live blocks and can be told to fail. */
typedef struct test_heap {
    long live;          /* blocks allocated and not freed */
    long calls;         /* allocation calls so far */
    long fail_from;     /* fail every allocation call >= this (0: never) */
} test_heap;

static void *heap_realloc(void *ud, void *ptr, size_t n)
{
    test_heap *h = ud;
    void *p = NULL;
    if (++h->calls < h->fail_from || h->fail_from == 0)
        p = realloc(ptr, n);
    h->live += ptr == NULL && p != NULL;
    return p;
}

static void *heap_malloc(void *ud, size_t n)
{
    return heap_realloc(ud, NULL, n);
}

static void heap_free(void *ud, void *ptr)
{
    ((test_heap *)ud)->live -= ptr != NULL;
    free(ptr);
}

/* Helper modules served by test_reader. */
static const struct {
    const char *name, *chunk, *src;
} modules[] = {
    {"helpers", "lib/helpers.lua",
     "loads = (rawget(_G, 'loads') or 0) + 1\n"
     "return { twice = function(x) return 2 * x end }\n"},
    {"util.text", "lib/util/text.lua", "return 'text module'\n"},
    {"cyc-a", "lib/cyc-a.lua", "return require('cyc-b')\n"},
    {"cyc-b", "lib/cyc-b.lua", "return require('cyc-a')\n"},
    {"broken", "lib/broken.lua", "local x = 1\nx = = 2\n"},
    {"binary", "lib/binary.lua", "\033Lua fake"},
    {"no", "lib/no.lua", "return false"},
};

static int test_reader(void *ud, const char *name, const char **src,
                       size_t *len, const char **chunkname, char *err,
                       size_t errlen)
{
    size_t i;
    (void)ud;
    for (i = 0; i < sizeof modules / sizeof modules[0]; i++) {
        if (strcmp(modules[i].name, name) == 0) {
            *src = modules[i].src;
            *len = strlen(modules[i].src);
            *chunkname = modules[i].chunk;
            return 0;
        }
    }
    snprintf(err, errlen, "no such module");
    return -1;
}

typedef struct fixture {
    vep_alloc alloc;
    test_heap heap;
    vep_sandbox *sb;
} fixture;

typedef struct limits {
    size_t mem;
    uint64_t instr;
    uint32_t ms;
    vep_module_reader reader;
} limits;

/* The usual sandbox: 8 MiB, 1e6 instructions and a 10 s deadline that only
** a broken limit would reach (valgrind included). */
static const limits usual = {8 * MiB, 1000000, 10000, test_reader};
static const limits timed = {8 * MiB, UINT64_C(1) << 60, 200, NULL};
static const limits small = {2 * MiB, 1000000000, 10000, NULL};
static const limits roomy = {64 * MiB, 1000000, 10000, NULL};
static const limits no_reader = {8 * MiB, 1000000, 10000, NULL};

/* Creates fx->sb over a counting heap that fails from call `fail_from`. */
static vep_status make(fixture *fx, const limits *lim, long fail_from)
{
    vep_allocator host;
    vep_sandbox_config cfg;
    memset(fx, 0, sizeof *fx);
    fx->heap.fail_from = fail_from;
    host.ud = &fx->heap;
    host.malloc_fn = heap_malloc;
    host.realloc_fn = heap_realloc;
    host.free_fn = heap_free;
    vep__alloc_init(&fx->alloc, &host);
    cfg.alloc = &fx->alloc;
    cfg.memory_limit = lim->mem;
    cfg.instruction_limit = lim->instr;
    cfg.time_limit_ms = lim->ms;
    cfg.reader = lim->reader;
    cfg.reader_ud = NULL;
    return vep__sandbox_new(&fx->sb, &cfg);
}

/* Frees the sandbox and checks that every host block came back. */
static void destroy(fixture *fx)
{
    vep__sandbox_free(fx->sb);
    assert_int_equal(fx->heap.live, 0);
}

/* Fixture: a sandbox with the limits given as initial state (or usual). */
static int setup(void **state)
{
    fixture *fx = malloc(sizeof *fx);
    assert_non_null(fx);
    assert_int_equal(make(fx, *state ? *state : &usual, 0), VEP_OK);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    destroy(*state);
    free(*state);
    return 0;
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* Begins a run, loads `src` as chunk `name` and calls it for one result,
** which stays on the stack on success. */
static vep_status run(vep_sandbox *sb, const char *name, const char *src,
                      vep_sandbox_error *err)
{
    vep_status st;
    vep__sandbox_begin(sb);
    st = vep__sandbox_load(sb, name, src, strlen(src), err);
    if (st != VEP_OK)
        return st;
    return vep__sandbox_pcall(sb, 0, 1, err);
}

/* Runs src and expects it to return the string `want`. */
static void check_returns(vep_sandbox *sb, const char *src, const char *want)
{
    vep_sandbox_error err;
    lua_State *L = vep__sandbox_state(sb);
    int top = lua_gettop(L);
    vep_status st = run(sb, "t.lua", src, &err);
    if (st != VEP_OK)
        fail_msg("script failed (%d, %s): %s:%u: %s\n%s", (int)st, err.rule,
                 err.file, err.line, err.message, src);
    assert_int_equal(lua_type(L, -1), LUA_TSTRING);
    assert_string_equal(lua_tostring(L, -1), want);
    lua_pop(L, 1);
    assert_int_equal(lua_gettop(L), top);
}

/* Runs src and expects failure with `status` and `rule`; the stack must be
** as before.  Returns how long the run took in ms. */
static uint64_t check_fails(vep_sandbox *sb, const char *src,
                            vep_status status, const char *rule,
                            vep_sandbox_error *err)
{
    lua_State *L = vep__sandbox_state(sb);
    int top = lua_gettop(L);
    uint64_t t0 = now_ms();
    vep_status st = run(sb, "t.lua", src, err);
    uint64_t dt = now_ms() - t0;
    if (st != status || strcmp(err->rule, rule) != 0)
        fail_msg("want %d/%s, got %d/%s: %s:%u: %s\n%s", (int)status, rule,
                 (int)st, err->rule, err->file, err->line, err->message, src);
    assert_int_equal(lua_gettop(L), top);
    return dt;
}

/* Shorthands inside tests, which name their fixture fx and error err. */
#define RETURNS(src, want) check_returns(fx->sb, src, want)
#define FAILS(src, st, rule) check_fails(fx->sb, src, st, rule, &err)
#define INSTR(src) check_fails(fx->sb, src, VEP_ERR_LIMIT_INSTRUCTIONS, \
                               "instruction_limit", &err)
#define QUICK(src) assert_true(INSTR(src) < 1000)
#define SCRIPT_FAILS(src, rule) FAILS(src, VEP_ERR_SCRIPT, rule)

/* Checks where the last error points and what it says. */
static void check_error(const vep_sandbox_error *err, const char *file,
                        unsigned line, const char *message)
{
    assert_string_equal(err->file, file);
    assert_int_equal(err->line, line);
    assert_string_equal(err->message, message);
}

/* ---- instruction and time limits ------------------------------------- */

static void test_instruction_limit(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    INSTR("local x = 0\nwhile true do x = x + 1 end");
    check_error(&err, "t.lua", 2,
                "instruction limit exceeded (1000000 instructions)");
    /* the same sandbox works again after vep__sandbox_begin */
    RETURNS("return tostring(1 + 1)", "2");
}

static void test_time_limit(void **state)
{
    vep_sandbox_error err;
    uint64_t dt;
    fixture *fx = *state;
    dt = check_fails(fx->sb, "while true do end", VEP_ERR_LIMIT_TIME,
                     "time_limit", &err);
    assert_string_equal(err.message, "time limit exceeded (200 ms)");
    assert_true(dt >= 195);
    assert_true(dt < 200 + 300);
    /* a loop that only allocates is stopped too */
    dt = check_fails(fx->sb, "local s = string.rep('x', 1 << 20)\n"
                     "while true do local t = s .. s end",
                     VEP_ERR_LIMIT_TIME, "time_limit", &err);
    assert_true(dt < 200 + 300);
    RETURNS("return 'again'", "again");
}

static void test_pcall_cannot_swallow(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    INSTR("while true do pcall(function() while true do end end) end");
    INSTR("for i = 1, 3 do pcall(function() while true do end end) "
          "end\nreturn 'survived'");
    INSTR("local ok, e = pcall(function() while true do end "
          "end)\nerror('replaced: ' .. type(e))");
}

static void test_xpcall(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    INSTR("return xpcall(function() error('x') end,\n  function(e) while true "
          "do end end)");
    INSTR("while true do xpcall(function() while true do end end, function(e) "
          "while true do end end) end");
    RETURNS("local ok, m = xpcall(function() error('boom') end, function(e) "
            "return 'handled: ' .. e end)\nreturn tostring(ok) .. ' ' .. m",
            "false handled: t.lua:1: boom");
    RETURNS("local ok, a, b = xpcall(function(x, y) return x, y end, error, "
            "'p', 'q') return tostring(ok) .. a .. b", "truepq");
    RETURNS("local co = coroutine.wrap(function()\n  local ok, v = "
            "xpcall(function() coroutine.yield('1') return '2' end, "
            "function(e) return e end)\n  return tostring(ok) .. v "
            "end)\nlocal a = co() local b = co() return a .. ' ' .. b",
            "1 true2");
}

static void test_gc_and_mode_refused(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    SCRIPT_FAILS("setmetatable({}, {__gc = function() end})", "forbidden");
    assert_non_null(strstr(err.message, "__gc"));
    SCRIPT_FAILS("setmetatable({}, {__gc = false})", "forbidden");
    SCRIPT_FAILS("setmetatable({}, {__mode = 'k'})", "forbidden");
    RETURNS("local t = setmetatable({}, {__index = function(_, k) return k .. "
            "'!' end}) return t.x", "x!");
}

static void test_close_handlers_are_limited(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    const char *looping =
        "local function guard() return setmetatable({}, {__close = "
        "function() while true do end end}) end\n";
    char src[1024];
    snprintf(src, sizeof src, "%sdo local x <close> = guard() end", looping);
    INSTR(src);
    snprintf(src, sizeof src, "%spcall(function() local x <close> = guard() "
             "error('e') end) return 'done'", looping);
    INSTR(src);
    /* a coroutine killed by the limit while holding such a variable */
    snprintf(src, sizeof src, "%scoroutine.wrap(function() local x <close> = "
             "guard() while true do end end)()", looping);
    INSTR(src);
    snprintf(src, sizeof src, "%sco = coroutine.create(function() local x "
             "<close> = guard() while true do end end)\n"
             "coroutine.resume(co) coroutine.close(co)", looping);
    INSTR(src);
    /* closing it in a later run must not run anything unbounded */
    RETURNS("return tostring(coroutine.close(co))", "false");
    snprintf(src, sizeof src, "%slocal co = coroutine.create(function() "
             "local x <close> = guard() coroutine.yield() end)\n"
             "coroutine.resume(co) coroutine.close(co)", looping);
    INSTR(src);
}

static void test_coroutines_share_budget(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    const char *fmt =
        "local n = %d local cos, left = {}, n\n"
        "for i = 1, n do cos[i] = coroutine.wrap(function()\n"
        "  for j = 1, 30000 do if j %% 1000 == 0 then coroutine.yield() end "
        "end return 'done' end) end\n"
        "while left > 0 do for i = 1, n do\n"
        "  if cos[i] and cos[i]() == 'done' then cos[i] = false "
        "left = left - 1 end end end\n"
        "return 'all done'";
    char src[1024];
    snprintf(src, sizeof src, fmt, 2);
    RETURNS(src, "all done");
    snprintf(src, sizeof src, fmt, 20);
    INSTR(src);
    INSTR("coroutine.wrap(function() while true do end end)()");
    INSTR("coroutine.resume(coroutine.create(function() while true do end "
          "end)) return 'swallowed'");
    /* short-lived coroutines, each below one hook period, are charged */
    INSTR("n = 0 while true do n = n + 1 coroutine.wrap(function() "
          "for i = 1, 300 do end end)() end");
    RETURNS("return n < 2000 and 'charged' or tostring(n)", "charged");
    /* a coroutine left hooking every instruction by a tripped run */
    INSTR("co = coroutine.wrap(function() while true do coroutine.yield() "
          "end end) co() while true do end");
    RETURNS("for i = 1, 1000 do co() end return 'resumed'", "resumed");
    INSTR("local co = coroutine.wrap(function()\n  "
          "coroutine.resume(coroutine.create(function() while true do end "
          "end))\n  local n = 0 while true do n = n + 1 end end) co()");
}

/* ---- memory ---------------------------------------------------------- */

static void test_memory_limit(void **state)
{
    static const char *const bombs[] = {
        "local t, i = {}, 0 while true do i = i + 1 t[i] = i end",
        "local s = 'x' while true do s = s .. s end",
        "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end",
        "while true do pcall(function() local t = {} "
        "while true do t[#t + 1] = {} end end) end",
        "return string.rep('x', 3 * 1024 * 1024)",
        "return pcall(function() local t = {} while true do "
        "t[#t + 1] = {} end end)",
    };
    vep_sandbox_error err;
    size_t i;
    fixture *fx = *state;
    for (i = 0; i < sizeof bombs / sizeof bombs[0]; i++) {
        FAILS(bombs[i], VEP_ERR_LIMIT_MEMORY, "memory_limit");
        assert_string_equal(err.message,
                            "memory limit exceeded (2097152 bytes)");
        assert_true(vep__sandbox_memory(fx->sb) <= 2 * MiB);
        assert_true(vep__sandbox_peak_memory(fx->sb) <= 2 * MiB);
        assert_true(vep__sandbox_peak_memory(fx->sb) > MiB);
    }
    RETURNS("local t = {} for i = 1, 1000 do t[i] = i end return tostring(#t)",
            "1000");
}

static void test_host_out_of_memory(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    lua_State *L;
    const char *src = "local t = {} for i = 1, 1e5 do t[i] = {} end return 1";
    L = vep__sandbox_state(fx->sb);
    vep__sandbox_begin(fx->sb);
    assert_int_equal(vep__sandbox_load(fx->sb, "t.lua", src, strlen(src),
                                       &err), VEP_OK);
    fx->heap.fail_from = fx->heap.calls + 1;
    assert_int_equal(vep__sandbox_pcall(fx->sb, 0, 1, &err), VEP_ERR_NOMEM);
    assert_string_equal(err.rule, "out_of_memory");
    assert_int_equal(lua_gettop(L), 0);
    fx->heap.fail_from = 0;
    RETURNS("return 'fine'", "fine");
}

/* SQLite's loop: fail the Nth allocation on, for N = 1, 2, ... until the
** operation succeeds, first creating a sandbox, then running a script;
** every failure is a clean VEP_ERR_NOMEM and leaks nothing. */
static void test_out_of_memory_loop(void **state)
{
    const char *src = "local t = {} for i = 1, 100 do t[i] = "
                      "string.rep('y', i) .. i end return table.concat(t)";
    fixture fx;
    vep_sandbox_error err;
    vep_status st;
    long n;
    (void)state;
    for (n = 1; (st = make(&fx, &usual, n)) != VEP_OK; n++) {
        assert_int_equal(st, VEP_ERR_NOMEM);
        assert_null(fx.sb);
        assert_int_equal(fx.heap.live, 0);
    }
    destroy(&fx);
    for (n = 1; st != VEP_OK || n == 1; n++) {
        assert_int_equal(make(&fx, &usual, 0), VEP_OK);
        vep__sandbox_begin(fx.sb);
        fx.heap.fail_from = fx.heap.calls + n;
        st = vep__sandbox_load(fx.sb, "t.lua", src, strlen(src), &err);
        if (st == VEP_OK)
            st = vep__sandbox_pcall(fx.sb, 0, 1, &err);
        assert_true(st == VEP_OK || st == VEP_ERR_NOMEM);
        assert_int_equal(lua_gettop(vep__sandbox_state(fx.sb)), st == VEP_OK);
        destroy(&fx);
    }
}

/* ---- bounded C functions --------------------------------------------- */

static void test_string_rep_bounded(void **state)
{
    vep_sandbox_error err;
    fixture *fx = *state;
    QUICK("return string.rep('x', 1e9)");
    QUICK("return string.rep('', 1e15)");
    QUICK("return ('ab'):rep(1e12, ',')");
    RETURNS("return string.rep('ab', 3, ',')", "ab,ab,ab");
}

static void test_patterns_bounded(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    QUICK("return string.rep('a', 5000):find('.-.-.-.-.-b')");
    QUICK("return (string.rep('a', 5000):gsub('(a*)*b', 'x'))");
    QUICK("for m in string.rep('a', 3000):gmatch('a-a-a-b') do end");
    QUICK("local s = string.rep('a', 100000)\nreturn s:find(string.rep('a', "
          "1000) .. 'b', 1, true)");
    INSTR("string.gsub('aaa', 'a', function() while true do end end)");
    /* ordinary use stays cheap */
    RETURNS("return ('  hi there  '):match('^%s*(.-)%s*$')", "hi there");
    RETURNS("return (string.gsub('a,b,,c', ',', ';'))", "a;b;;c");
    RETURNS("local n = 0 for w in ('one two three'):gmatch('%a+') do n = n + "
            "1 end return tostring(n)", "3");
    RETURNS("return tostring(('x = [a]'):find('[', 1, true))", "5");
    RETURNS("return ('f(a(b)c)'):match('%b()')", "(a(b)c)");
    RETURNS("local t = {} for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do "
            "t[#t + 1] = k .. v end return table.concat(t, ' ')", "a1 b2");
    SCRIPT_FAILS("return ('x'):find('[a')", "runtime");
    assert_non_null(strstr(err.message, "malformed pattern"));
}

static void test_table_ranges_bounded(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    QUICK("table.move({}, 1, 1e12, 2)");
    QUICK("return table.concat({}, '', 1, 1e12)");
    QUICK("return table.unpack({}, 1, 1e12)");
    QUICK("table.insert(setmetatable({}, {__len = function() return 1e12 "
          "end}), 1, 0)");
    QUICK("table.remove(setmetatable({}, {__len = function() return 1e12 "
          "end}), 1)");
    RETURNS("local t = {1, 2, 3} table.insert(t, 1, 0) table.insert(t, 4) "
            "return table.concat(t, ',')", "0,1,2,3,4");
    RETURNS("local t = {1, 2, 3} local r = table.remove(t, 1) return r .. ':' "
            ".. table.concat(t, ',') .. ':' .. table.remove(t)", "1:2,3:3");
    RETURNS("return select('#', table.unpack({1, 2, 3})) .. "
            "table.concat(table.move({1, 2}, 1, 2, 2), ',')", "31,1,2");
    SCRIPT_FAILS("table.insert({}, 5, 1)", "runtime");
    assert_non_null(strstr(err.message, "position out of bounds"));
}

static void test_sort(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    RETURNS("local t = {5, 3, 1, 4, 2} table.sort(t) return table.concat(t, "
            "',')", "1,2,3,4,5");
    RETURNS("local t = {'b', 'c', 'a'} table.sort(t, function(a, b) return a "
            "> b end) return table.concat(t)", "cba");
    /* stable: equal keys keep their order */
    RETURNS("local t = {} for i = 1, 300 do t[i] = {k = i % 3, id = i} "
            "end\ntable.sort(t, function(a, b) return a.k < b.k end)\nfor i = "
            "2, 300 do local a, b = t[i - 1], t[i]\n  if a.k == b.k and a.id "
            "> b.id then return 'unstable' end end return 'stable'", "stable");
    SCRIPT_FAILS("table.sort({3, 1, 'x'})", "runtime");
    INSTR("table.sort({3, 2, 1}, function(a, b) while true do end end)");
    INSTR("local t = setmetatable({}, {__len = function() return 1e9 end}) "
          "table.sort(t)");
}

/* ---- environment ----------------------------------------------------- */

static void test_removed_globals_forbidden(void **state)
{
    fixture *fx = *state;
    static const char *const names[] = {
        "io", "os", "debug", "package", "dofile", "loadfile", "load",
        "collectgarbage", "print", "next", "loadstring", "module", "setfenv",
        "getfenv", "unpack"
    };
    vep_sandbox_error err;
    char src[128], want[128];
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(src, sizeof src, "local x = 1\nreturn %s", names[i]);
        snprintf(want, sizeof want, "'%s' is not available in instrument "
                 "scripts", names[i]);
        SCRIPT_FAILS(src, "forbidden");
        check_error(&err, "t.lua", 2, want);
    }
    SCRIPT_FAILS("return undefined_thing", "runtime");
    assert_string_equal(err.message, "undefined variable 'undefined_thing'");
    /* a caught forbidden error does not colour a later one ... */
    SCRIPT_FAILS("pcall(function() return io end) error('later')", "runtime");
    assert_string_equal(err.message, "later");
    /* ... but re-raising it, or through coroutine.wrap, keeps it */
    SCRIPT_FAILS("local ok, e = pcall(function() return os end) error(e, 0)",
                 "forbidden");
    SCRIPT_FAILS("coroutine.wrap(function() return debug end)()", "forbidden");
    SCRIPT_FAILS("setmetatable(_G, nil)", "runtime");
    RETURNS("x = 5 rawset(_G, 'y', 6) return tostring(x + y) .. tostring(_G "
            "== _ENV)", "11true");
}

static void test_allow_list(void **state)
{
    fixture *fx = *state;
    static const char *const lists[][2] = {
        {"_G", "_G _VERSION assert coroutine error getmetatable ipairs math "
               "pairs pcall rawequal rawget rawlen rawset require select "
               "setmetatable string table tonumber tostring type utf8 xpcall"},
        {"string", "byte char find format gmatch gsub len lower match pack "
                   "packsize rep reverse sub unpack upper"},
        {"table", "concat insert move pack remove sort unpack"},
        {"math", "abs acos asin atan ceil cos deg exp floor fmod huge log max "
                 "maxinteger min mininteger modf pi rad sin sqrt tan "
                 "tointeger type ult"},
        {"utf8", "char charpattern codepoint codes len offset"},
        {"coroutine", "close create isyieldable resume running status wrap "
                      "yield"},
    };
    char src[256];
    size_t i;
    for (i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        snprintf(src, sizeof src, "local n = {} for k in pairs(%s) do "
                 "n[#n + 1] = k end return table.concat(n, ' ')",
                 lists[i][0]);
        RETURNS(src, lists[i][1]);
    }
    /* The removed library functions are absent from pairs() above, and
    ** naming one is a "forbidden" error (not a silent nil). */
    RETURNS("local function gone(f) local ok, e = pcall(f) "
            "return not ok and tostring(e):find('not available', 1, true) ~= nil end "
            "return tostring(gone(function() return string.dump end) and "
            "gone(function() return ('').dump end) and "
            "gone(function() return math.random end) and "
            "gone(function() return math.randomseed end) and "
            "string.nosuch == nil)", "true");
    RETURNS("return _VERSION", LUA_VERSION);
}

static void test_string_metatable_hidden(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    RETURNS("return tostring(getmetatable(''))", "false");
    SCRIPT_FAILS("getmetatable('').__index.upper = nil", "runtime");
    RETURNS("string.upper = function() return 'hacked' end return "
            "('x'):upper()", "X");
    RETURNS("return ('y'):upper() .. ('abc'):sub(2)", "Ybc");
}

static void test_pairs_sorted(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    RETURNS("local t = {b = 1, a = 2, [3] = 3, [1] = 4, [2.5] = 5, [true] = "
            "6, [false] = 7, ['10'] = 8, B = 9}\nlocal o = {} for k, v in "
            "pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, "
            "',')", "1,2.5,3,10,B,a,b,false,true");
    RETURNS("local t = {[math.maxinteger] = 1, [1e300] = 1, [-math.huge] = 1, "
            "[math.mininteger] = 1, [0.5] = 1, [-1] = 1}\nlocal o = {} for k "
            "in pairs(t) do o[#o + 1] = tostring(k) end return "
            "table.concat(o, ',')",
            "-inf,-9223372036854775808,-1,0.5,9223372036854775807,1e+300");
    RETURNS("local t = {a = 1, b = 2, c = 3} local o = {}\nfor k in pairs(t) "
            "do t.b = nil o[#o + 1] = k end return table.concat(o)", "ac");
    SCRIPT_FAILS("for k in pairs({[{}] = 1}) do end", "runtime");
    assert_non_null(strstr(err.message, "pairs cannot order"));
}

static void test_tostring_no_address(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    RETURNS("return tostring({}) .. ' ' .. tostring(function() end) .. ' ' .. "
            "tostring(coroutine.create(function() end)) .. ' ' .. "
            "tostring(nil) .. ' ' .. tostring(1.0) .. ' ' .. tostring(false)",
            "table function thread nil 1.0 false");
    RETURNS("return tostring(setmetatable({}, {__tostring = function() return "
            "'obj' end, __name = 'N'}))", "obj");
    RETURNS("return string.format('%s|%s|%5.1f|%d', {}, setmetatable({}, "
            "{__tostring = function() return 'o' end}), 2.25, 7)", "table|o|  "
            "2.2|7");
    SCRIPT_FAILS("return string.format('%p', {})", "forbidden");
}

/* ---- loading, errors, require ---------------------------------------- */

static void test_binary_chunk_refused(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    size_t len;
    const char *bin;
    lua_State *plain = luaL_newstate();           /* a real binary chunk */
    assert_non_null(plain);
    luaL_openlibs(plain);
    assert_int_equal(luaL_dostring(plain, "return string.dump(function() "
                                   "return 42 end)"), LUA_OK);
    bin = lua_tolstring(plain, -1, &len);
    vep__sandbox_begin(fx->sb);
    assert_int_equal(vep__sandbox_load(fx->sb, "bin.lua", bin, len, &err),
                     VEP_ERR_SCRIPT);
    lua_close(plain);
    assert_string_equal(err.rule, "forbidden");
    assert_string_equal(err.file, "bin.lua");
    assert_int_equal(lua_gettop(vep__sandbox_state(fx->sb)), 0);
}

static void test_error_messages(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    vep__sandbox_begin(fx->sb);
    assert_int_equal(vep__sandbox_load(fx->sb, "forms/syn.lua",
                     "local x = 1\n\nx = = 1\n", 20, &err), VEP_ERR_SCRIPT);
    assert_string_equal(err.rule, "syntax");
    assert_string_equal(err.file, "forms/syn.lua");
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "near '='"));
    SCRIPT_FAILS("local a = 1\nerror('boom')", "runtime");
    check_error(&err, "t.lua", 2, "boom");
    SCRIPT_FAILS("error({})", "runtime");
    check_error(&err, "", 0, "(error object is a table value)");
    assert_true(check_fails(fx->sb, "error(setmetatable({}, {__tostring = "
                "function() while true do end end}))", VEP_ERR_SCRIPT,
                "runtime", &err) < 1000);
    assert_string_equal(err.message, "(error object is a table value)");
    SCRIPT_FAILS("error(42)", "runtime");
    check_error(&err, "", 0, "42");
    SCRIPT_FAILS("error(1.5)", "runtime");
    check_error(&err, "", 0, "1.5");
    SCRIPT_FAILS("error('no position', 0)", "runtime");
    check_error(&err, "", 0, "no position");
}

static void test_require(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    static const char *const bad[] = {
        "../x", "a..b", ".a", "a.", "", "a/b", "a b", "\xc3\xa9"
    };
    char src[128];
    size_t i;
    RETURNS("local h = require('helpers') require('helpers')\nreturn "
            "tostring(h.twice(21)) .. ' ' .. tostring(loads) .. ' ' .. "
            "require('util.text')", "42 1 text module");
    /* cached per sandbox: a later run does not run the module again */
    RETURNS("require('helpers') return tostring(loads)", "1");
    RETURNS("return tostring(require('no')) .. tostring(require('no'))",
            "falsefalse");
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(src, sizeof src, "return require('%s')", bad[i]);
        SCRIPT_FAILS(src, "forbidden");
    }
    SCRIPT_FAILS("return require('cyc-a')", "runtime");
    assert_non_null(strstr(err.message, "circular require"));
    assert_string_equal(err.file, "lib/cyc-b.lua");
    SCRIPT_FAILS("return require('nope')", "runtime");
    assert_string_equal(err.message,
                        "module 'nope' not found: no such module");
    SCRIPT_FAILS("return require('broken')", "syntax");
    assert_string_equal(err.file, "lib/broken.lua");
    assert_int_equal(err.line, 2);
    SCRIPT_FAILS("return require('binary')", "forbidden");
}

static void test_require_without_reader(void **state)
{
    vep_sandbox_error err;
    fixture *fx = *state;
    SCRIPT_FAILS("return require('helpers')", "forbidden");
}

/* A host function for vep__sandbox_cpcall: sets env.host_value. */
static int host_fn(lua_State *L)
{
    vep_sandbox *sb = lua_touserdata(L, 1);
    vep__sandbox_push_env(sb);
    lua_pushliteral(L, "from host");
    lua_setfield(L, -2, "host_value");
    return 0;
}

static int host_fail(lua_State *L)
{
    return luaL_error(L, "host says no");
}

static void test_cpcall_and_env(void **state)
{
    fixture *fx = *state;
    vep_sandbox_error err;
    assert_int_equal(vep__sandbox_cpcall(fx->sb, host_fn, fx->sb, &err),
                     VEP_OK);
    RETURNS("return host_value", "from host");
    assert_int_equal(vep__sandbox_cpcall(fx->sb, host_fail, NULL, &err),
                     VEP_ERR_SCRIPT);
    assert_string_equal(err.message, "host says no");
    assert_int_equal(lua_gettop(vep__sandbox_state(fx->sb)), 0);
}

static void test_bad_arguments(void **state)
{
    vep_alloc a;
    vep_sandbox_config cfg;
    vep_sandbox *sb = (vep_sandbox *)&a;
    (void)state;
    vep__alloc_init(&a, NULL);
    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = &a;
    cfg.memory_limit = MiB;
    cfg.instruction_limit = 1000;
    assert_int_equal(vep__sandbox_new(&sb, &cfg), VEP_ERR_ARGUMENT);
    assert_null(sb);
    assert_int_equal(vep__sandbox_new(&sb, NULL), VEP_ERR_ARGUMENT);
    assert_int_equal(vep__sandbox_new(NULL, &cfg), VEP_ERR_ARGUMENT);
    cfg.time_limit_ms = 100;
    cfg.memory_limit = 100;   /* too small for the libraries */
    assert_int_equal(vep__sandbox_new(&sb, &cfg), VEP_ERR_NOMEM);
    vep__sandbox_free(NULL);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define TP(f, lim) \
    cmocka_unit_test_prestate_setup_teardown(f, setup, teardown, (void *)&lim)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_instruction_limit), TP(test_time_limit, timed),
        T(test_pcall_cannot_swallow), T(test_xpcall),
        T(test_gc_and_mode_refused), T(test_close_handlers_are_limited),
        T(test_coroutines_share_budget), TP(test_memory_limit, small),
        T(test_host_out_of_memory), cmocka_unit_test(test_out_of_memory_loop),
        TP(test_string_rep_bounded, roomy), T(test_patterns_bounded),
        T(test_table_ranges_bounded), T(test_sort),
        T(test_removed_globals_forbidden), T(test_allow_list),
        T(test_string_metatable_hidden), T(test_pairs_sorted),
        T(test_tostring_no_address), T(test_binary_chunk_refused),
        T(test_error_messages), T(test_require),
        TP(test_require_without_reader, no_reader), T(test_cpcall_and_env),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
