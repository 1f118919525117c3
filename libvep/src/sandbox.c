/*
** sandbox.c -- a contained Lua state: allocator with a cap, instruction and
** wall-clock limits that cannot be swallowed, the strict environment,
** require(), loading and protected calls with error classification.  The
** safe library set is built in sandbox_lib.c.
**
** How the limits hold:
**   - Memory: sb_lua_alloc refuses growth past the cap.  Lua answers with
**     an emergency collection and one retry of the same request; a refused
**     retry is final and trips the sandbox.
**   - Instructions and time: a count hook every HOOK_COUNT instructions
**     charges a budget kept in the sandbox (shared by all coroutines, which
**     inherit the hook from the thread creating them) and compares
**     CLOCK_MONOTONIC with the deadline.  C functions, where no hook runs,
**     charge an estimate of their cost (sandbox_lib.c).
**   - Once tripped, the hook fires on every instruction of the running and
**     the main thread and raises the limit value (a light userdata) each
**     time, growth allocations are refused during the run, and a run that
**     still returns normally is reported as the limit.  Classification
**     looks at the tripped state, never at message text.
*/
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "sandbox.h"
#include "sandbox_lib.h"

#define HOOK_COUNT VEP__SANDBOX_HOOK_COUNT
#define ALLOC_CHECK_BYTES (1u << 20)    /* growth between deadline checks   */

/* Registry keys and the limit value: only their addresses matter. */
static const char limit_tag = 'L';
static const char key_env = 'E';
static const char key_loaded = 'M';
static const char key_errtag = 'T';

struct vep_sandbox {
    vep_alloc alloc;
    lua_State *L;
    size_t mem_limit, mem_used, mem_peak;
    uint64_t instr_limit, instr_used;
    uint32_t time_limit_ms;
    uint64_t deadline_ns;
    vep_status tripped;        /* VEP_OK, or the VEP_ERR_LIMIT_* breached  */
    int running;               /* depth of vep__sandbox_pcall              */
    int host_nomem;            /* the host allocator returned NULL         */
    int cap_refused;           /* the cap refused a request (this run)     */
    int refused;               /* a cap refusal awaits Lua's retry of ... */
    uintptr_t refused_req[3];  /* ... this request: ptr, osize, nsize     */
    size_t alloc_since_check;
    const char *tag_rule;      /* rule of the error stored at key_errtag   */
    char trip_file[LUA_IDSIZE];
    unsigned trip_line;
    vep_module_reader reader;
    void *reader_ud;
    locale_t c_locale;         /* scripts always run in the "C" locale     */
};

/* The sandbox owning L (the main thread's extra space, copied into every
** thread Lua creates). */
static vep_sandbox *sb_from(lua_State *L)
{
    return *(vep_sandbox **)lua_getextraspace(L);
}

/* Monotonic time in nanoseconds. */
static uint64_t now_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Decides whether a growth request of the allocator may proceed: refused
** while a tripped run is active, past the deadline (checked every
** ALLOC_CHECK_BYTES, for scripts whose few instructions allocate a lot), or
** past the cap.  A cap refusal trips the sandbox only when Lua retries the
** very same request after its emergency collection. */
static int sb_may_grow(vep_sandbox *sb, void *ptr, size_t osize,
                       size_t old, size_t nsize)
{
    if (sb->running > 0) {
        if (sb->tripped != VEP_OK)
            return 0;
        sb->alloc_since_check += nsize - old;
        if (sb->alloc_since_check >= ALLOC_CHECK_BYTES) {
            sb->alloc_since_check = 0;
            if (now_ns() > sb->deadline_ns) {
                sb->tripped = VEP_ERR_LIMIT_TIME;
                return 0;
            }
        }
    }
    if (nsize - old > sb->mem_limit - sb->mem_used) {
        uintptr_t req[3];
        req[0] = (uintptr_t)ptr, req[1] = osize, req[2] = nsize;
        if (sb->refused && memcmp(req, sb->refused_req, sizeof req) == 0
            && sb->tripped == VEP_OK)
            sb->tripped = VEP_ERR_LIMIT_MEMORY;
        memcpy(sb->refused_req, req, sizeof req);
        sb->refused = sb->cap_refused = 1;
        return 0;
    }
    return 1;
}

/* The lua_Alloc of every sandbox.  When ptr is NULL, osize is a type code,
** not a size.  Frees and shrinks never fail (a failed shrink keeps the old
** block).  Usage and peak count what Lua believes it holds. */
static void *sb_lua_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    vep_sandbox *sb = ud;
    size_t old = ptr != NULL ? osize : 0;
    void *p;

    if (nsize == 0) {
        if (ptr != NULL) {
            vep__free(&sb->alloc, ptr);
            sb->mem_used -= old;
        }
        return NULL;
    }
    if (ptr != NULL && nsize <= old) {
        p = vep__realloc(&sb->alloc, ptr, nsize);
        sb->mem_used -= old - nsize;
        return p != NULL ? p : ptr;
    }
    if (!sb_may_grow(sb, ptr, osize, old, nsize))
        return NULL;
    p = ptr != NULL ? vep__realloc(&sb->alloc, ptr, nsize)
                    : vep__malloc(&sb->alloc, nsize);
    if (p == NULL) {
        sb->host_nomem = 1;
        return NULL;
    }
    sb->refused = 0;
    sb->mem_used += nsize - old;
    if (sb->mem_used > sb->mem_peak)
        sb->mem_peak = sb->mem_used;
    return p;
}

static void sb_hook(lua_State *L, lua_Debug *ar);

/* Marks the sandbox tripped by `kind` (the first breach wins and records
** where it happened) and makes the hook fire on every instruction of L and
** of the main thread.  `ar` is the hook's record, or NULL from C code
** (then the place is the nearest Lua frame: pcall(string.rep, ...)). */
static void sb_trip(vep_sandbox *sb, lua_State *L, vep_status kind,
                    lua_Debug *ar)
{
    lua_Debug d;
    int level = 1;
    if (sb->tripped == VEP_OK) {
        sb->tripped = kind;
        while (ar == NULL && lua_getstack(L, level++, &d))
            ar = lua_getinfo(L, "l", &d) && d.currentline > 0 ? &d : NULL;
        if (ar != NULL && lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
            memcpy(sb->trip_file, ar->short_src, sizeof sb->trip_file);
            sb->trip_file[sizeof sb->trip_file - 1] = '\0';
            sb->trip_line = (unsigned)ar->currentline;
        }
    }
    if (lua_gethookcount(L) != 1)
        lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    if (L != sb->L && lua_gethookcount(sb->L) != 1)
        lua_sethook(sb->L, sb_hook, LUA_MASKCOUNT, 1);
}

/* Charges `cost` units and checks the deadline.  Returns 1 when within
** the limits; else trips the sandbox (or keeps it tripped) and returns 0. */
static int sb_pay(vep_sandbox *sb, lua_State *L, uint64_t cost,
                  lua_Debug *ar)
{
    vep_status kind = sb->tripped;
    if (kind == VEP_OK) {
        if (cost > sb->instr_limit - sb->instr_used) {
            sb->instr_used = sb->instr_limit;
            kind = VEP_ERR_LIMIT_INSTRUCTIONS;
        } else {
            sb->instr_used += cost;
            if (now_ns() <= sb->deadline_ns)
                return 1;
            kind = VEP_ERR_LIMIT_TIME;
        }
    }
    sb_trip(sb, L, kind, ar);
    return 0;
}

/* The count hook: pays for the instructions run since its last call and,
** past a limit, raises the limit value (pushing a light userdata never
** allocates).  A thread left at count 1 by a tripped run is set back. */
static void sb_hook(lua_State *L, lua_Debug *ar)
{
    int count = lua_gethookcount(L);
    if (sb_pay(sb_from(L), L, count > 0 ? (uint64_t)count : 1, ar)) {
        if (count != HOOK_COUNT)
            lua_sethook(L, sb_hook, LUA_MASKCOUNT, HOOK_COUNT);
        return;
    }
    lua_pushlightuserdata(L, (void *)&limit_tag);
    lua_error(L);
}

/* See sandbox_lib.h.  The budget is checked before the work, so a C
** function never starts something the budget cannot pay for. */
void vep__sandbox_charge(lua_State *L, uint64_t cost)
{
    if (!sb_pay(sb_from(L), L, cost, NULL)) {
        lua_pushlightuserdata(L, (void *)&limit_tag);
        lua_error(L);
    }
}

/* Raises the message on top of the stack, remembering it (and `rule`) so
** that classification recognises this very error value later, whatever the
** message says.  The registry slot exists from setup on, so storing into it
** never allocates. */
static int sb_raise_tagged(lua_State *L, const char *rule)
{
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &key_errtag);
    sb_from(L)->tag_rule = rule;
    return lua_error(L);
}

/* See sandbox_lib.h. */
int vep__sandbox_forbidden(lua_State *L, const char *fmt, ...)
{
    va_list ap;
    luaL_where(L, 1);
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 2);
    return sb_raise_tagged(L, "forbidden");
}

/* See sandbox.h. */
int vep__sandbox_raise(lua_State *L, const char *rule, const char *fmt, ...)
{
    va_list ap;
    luaL_where(L, 1);
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 2);
    return sb_raise_tagged(L, rule);
}

/* See sandbox.h. */
int vep__sandbox_raise_nomem(lua_State *L)
{
    sb_from(L)->host_nomem = 1;
    lua_pushliteral(L, "not enough memory");
    return lua_error(L);
}

/* Module names: [A-Za-z0-9_-]+ separated by single dots. */
static int valid_module_name(const char *s, size_t len)
{
    size_t i, seg = 0;
    for (i = 0; i < len && len <= 200; i++) {
        if (s[i] == '.' && seg > 0)
            seg = 0;
        else if (s[i] != '.' && (isalnum((unsigned char)s[i]) || s[i] == '_'
                                 || s[i] == '-') && (unsigned char)s[i] < 128)
            seg++;
        else
            return 0;
    }
    return i == len && seg > 0;
}

/* Compiles src as a text chunk named "=name" with _ENV set to the script
** environment.  Pushes the function, or the error message; returns the
** status of luaL_loadbufferx. */
static int compile_chunk(lua_State *L, const char *name, const char *src,
                         size_t len)
{
    if (len > 0 && src[0] == LUA_SIGNATURE[0]) {
        lua_pushfstring(L, "%s: binary chunks are not allowed; load source text", name);
        return LUA_ERRSYNTAX;
    }
    int st;
    lua_pushfstring(L, "=%s", name);
    st = luaL_loadbufferx(L, src, len, lua_tostring(L, -1), "t");
    lua_remove(L, -2);
    if (st == LUA_OK) {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &key_env);
        if (lua_setupvalue(L, -2, 1) == NULL)
            lua_pop(L, 1);
    }
    return st;
}

/* Compiles a chunk inside a running script (an overlay's base); see
** sandbox.h. */
int vep__sandbox_compile(lua_State *L, const char *name, const char *src,
                         size_t len)
{
    return compile_chunk(L, name, src, len);
}

/* require(name): asks the host's reader for the module's source once (a
** full userdata, which scripts cannot make, keeps it in the cache until
** the module has run: asking again for a failed module would make the host
** read and keep the file again, outside the memory cap), compiles it as
** text with the script environment (charged by its length), runs it once
** per sandbox and caches its result (a light userdata marks a module being
** loaded, so a cycle is an error).  A failing module is not cached. */
static int sb_require(lua_State *L)
{
    vep_sandbox *sb = sb_from(L);
    size_t len, srclen = 0;
    const char *name = luaL_checklstring(L, 1, &len);
    const char *src = NULL, *chunk = NULL;
    char why[256] = "";
    int st;
    struct module_src { const char *src, *chunk; size_t len; } *c;

    lua_settop(L, 1);
    if (!valid_module_name(name, len))
        return vep__sandbox_forbidden(L, "invalid module name '%s'", name);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &key_loaded);          /* 2 */
    lua_pushvalue(L, 1);
    st = lua_rawget(L, 2);
    if (lua_touserdata(L, -1) == &key_loaded)
        return luaL_error(L, "circular require of module '%s'", name);
    if (st != LUA_TNIL && st != LUA_TUSERDATA)
        return 1;
    if (sb->reader == NULL)
        return vep__sandbox_forbidden(L,
            "require is not available here (module '%s')", name);
    if (st == LUA_TNIL) {
        st = sb->reader(sb->reader_ud, name, &src, &srclen, &chunk, why, sizeof why);
        if (st == -2) {        /* the host ran out of memory reading it */
            sb->host_nomem = 1;
            lua_pushliteral(L, "not enough memory");
            return lua_error(L);
        }
        if (st != 0) {
            why[sizeof why - 1] = '\0';
            return luaL_error(L, "module '%s' not found%s%s", name,
                              why[0] ? ": " : "", why);
        }
        c = lua_newuserdatauv(L, sizeof *c, 0);
        c->src = src, c->chunk = chunk, c->len = srclen;
        lua_replace(L, 3);
        lua_pushvalue(L, 1);
        lua_pushvalue(L, 3);
        lua_rawset(L, 2);
    }
    c = lua_touserdata(L, 3);
    src = c->src, chunk = c->chunk, srclen = c->len;
    vep__sandbox_charge(L, 1 + srclen / COST_BYTES);
    if (src != NULL && srclen > 0 && src[0] == LUA_SIGNATURE[0])
        return vep__sandbox_forbidden(L,
            "module '%s' is a binary chunk; only source is allowed", name);
    st = compile_chunk(L, chunk != NULL ? chunk : name,
                       src != NULL ? src : "", src != NULL ? srclen : 0);
    if (st == LUA_ERRSYNTAX)
        return sb_raise_tagged(L, "syntax");
    if (st != LUA_OK)
        return lua_error(L);
    lua_pushvalue(L, 1);
    lua_pushlightuserdata(L, (void *)&key_loaded);
    lua_rawset(L, 2);
    lua_pushvalue(L, 1);
    st = lua_pcall(L, 1, 1, 0);                              /* 4 */
    if (st == LUA_OK && lua_isnil(L, 4)) {
        lua_pushboolean(L, 1);
        lua_replace(L, 4);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, st == LUA_OK ? 4 : 3);
    lua_rawset(L, 2);
    return st == LUA_OK ? 1 : lua_error(L);
}

/* Builds everything a new sandbox holds, in protected mode: the
** environment with its strict metatable, require, and the registry slots. */
static int sb_setup(lua_State *L)
{
    int env;
    vep__sandbox_open_libs(L);
    env = lua_gettop(L);
    lua_pushcfunction(L, sb_require);
    lua_setfield(L, env, "require");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, vep__sandbox_env_index);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, env);
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &key_loaded);
    lua_pushboolean(L, 0);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &key_errtag);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &key_env);
    return 0;
}

/* Reached only on an error outside any protected call, which the module
** never makes; returning would let Lua abort anyway, so say why first. */
static int sb_panic(lua_State *L)
{
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                      : "(not a string)";
    fprintf(stderr, "libvep: unprotected Lua error in sandbox: %s\n", msg);
    abort();
}

/* Creates the state, then everything that allocates in protected mode. */
vep_status vep__sandbox_new(vep_sandbox **out, const vep_sandbox_config *cfg)
{
    vep_sandbox *sb;
    if (out == NULL)
        return VEP_ERR_ARGUMENT;
    *out = NULL;
    if (cfg == NULL || cfg->alloc == NULL || cfg->memory_limit == 0
        || cfg->instruction_limit == 0 || cfg->time_limit_ms == 0)
        return VEP_ERR_ARGUMENT;
    sb = vep__calloc(cfg->alloc, 1, sizeof *sb);
    if (sb == NULL)
        return VEP_ERR_NOMEM;
    sb->alloc = *cfg->alloc;
    sb->mem_limit = cfg->memory_limit;
    sb->instr_limit = cfg->instruction_limit;
    sb->time_limit_ms = cfg->time_limit_ms;
    sb->reader = cfg->reader;
    sb->reader_ud = cfg->reader_ud;
    sb->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (sb->c_locale == (locale_t)0)
        goto fail;
    sb->L = lua_newstate(sb_lua_alloc, sb);
    if (sb->L == NULL)
        goto fail;
    lua_atpanic(sb->L, sb_panic);
    *(vep_sandbox **)lua_getextraspace(sb->L) = sb;
    lua_pushcfunction(sb->L, sb_setup);
    if (lua_pcall(sb->L, 0, 0, 0) != LUA_OK)
        goto fail;
    vep__sandbox_begin(sb);
    *out = sb;
    return VEP_OK;
fail:
    vep__sandbox_free(sb);
    return VEP_ERR_NOMEM;
}

/* Closes the state and frees the sandbox; NULL is accepted. */
void vep__sandbox_free(vep_sandbox *sb)
{
    vep_alloc a;
    if (sb == NULL)
        return;
    if (sb->L != NULL)
        lua_close(sb->L);
    if (sb->c_locale != (locale_t)0)
        freelocale(sb->c_locale);
    a = sb->alloc;
    vep__free(&a, sb);
}

/* The main thread, for the host's own protected C functions. */
lua_State *vep__sandbox_state(vep_sandbox *sb)
{
    return sb->L;
}

/* Pushes the script environment (never allocates: a registry read). */
void vep__sandbox_push_env(vep_sandbox *sb)
{
    lua_rawgetp(sb->L, LUA_REGISTRYINDEX, &key_env);
}

/* Starts a run: full budget, new deadline, no breached limit, and the
** main thread's hook back at its normal rate. */
void vep__sandbox_begin(vep_sandbox *sb)
{
    sb->instr_used = 0;
    sb->deadline_ns = now_ns() + (uint64_t)sb->time_limit_ms * 1000000u;
    sb->tripped = VEP_OK;
    sb->host_nomem = sb->cap_refused = sb->refused = 0;
    sb->alloc_since_check = 0;
    sb->trip_file[0] = '\0';
    sb->trip_line = 0;
    lua_sethook(sb->L, sb_hook, LUA_MASKCOUNT, HOOK_COUNT);
}

/* The rule remembered for the error value at `idx` (see sb_raise_tagged),
** or NULL.  A string that ends with the tagged one counts too, because
** coroutine.wrap prefixes a position to string errors passing through. */
static const char *tagged_rule(vep_sandbox *sb, int idx)
{
    lua_State *L = sb->L;
    const char *rule = NULL, *s, *t;
    size_t ls, lt;
    if (sb->tag_rule == NULL || lua_type(L, idx) != LUA_TSTRING)
        return NULL;
    idx = lua_absindex(L, idx);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &key_errtag);
    if (lua_type(L, -1) == LUA_TSTRING) {
        s = lua_tolstring(L, idx, &ls);
        t = lua_tolstring(L, -1, &lt);
        if (ls >= lt && memcmp(s + ls - lt, t, lt) == 0)
            rule = sb->tag_rule;
    }
    lua_pop(L, 1);
    return rule;
}

/* Does the value at idx end with the message Lua raises for a refused
** allocation (coroutine.wrap may prefix a position to it)? */
static int is_memory_message(lua_State *L, int idx)
{
    size_t len;
    const char *s = lua_type(L, idx) == LUA_TSTRING
                    ? lua_tolstring(L, idx, &len) : NULL;
    return s != NULL && len >= 17 && memcmp(s + len - 17,
                                            "not enough memory", 17) == 0;
}

/* Describes breached limit `kind` in *err, with where it was noticed. */
static vep_status fill_limit(vep_sandbox *sb, vep_status kind,
                             vep_sandbox_error *err)
{
    int k = kind == VEP_ERR_LIMIT_MEMORY ? 0 : kind == VEP_ERR_LIMIT_TIME ? 1
                                                                        : 2;
    unsigned long long v = k == 0 ? (unsigned long long)sb->mem_limit
                         : k == 1 ? (unsigned long long)sb->time_limit_ms
                                  : (unsigned long long)sb->instr_limit;
    err->status = kind;
    err->rule = k == 0 ? "memory_limit" : k == 1 ? "time_limit"
                                                 : "instruction_limit";
    snprintf(err->message, sizeof err->message, "%s limit exceeded (%llu %s)",
             k == 0 ? "memory" : k == 1 ? "time" : "instruction", v,
             k == 0 ? "bytes" : k == 1 ? "ms" : "instructions");
    vep__sandbox_copy_str(err->file, sizeof err->file, sb->trip_file,
             strlen(sb->trip_file));
    err->line = sb->trip_line;
    return kind;
}

/* Classifies the failure of a protected call whose error value is on top
** of the stack (left there).  A tripped sandbox reports its limit; memory
** errors are split between the host allocator and the cap; other errors
** are "syntax"/"forbidden" when tagged, else "runtime"; a host
** function's failure (rules "host_...") is VEP_ERR_HOST. */
static vep_status sb_classify(vep_sandbox *sb, int status,
                              vep_sandbox_error *err)
{
    lua_State *L = sb->L;
    if (sb->tripped != VEP_OK)
        return fill_limit(sb, sb->tripped, err);
    if (status == LUA_ERRMEM || (is_memory_message(L, -1)
                                 && (sb->host_nomem || sb->cap_refused))) {
        if (!sb->host_nomem)
            return fill_limit(sb, VEP_ERR_LIMIT_MEMORY, err);
        err->status = VEP_ERR_NOMEM;
        err->rule = "out_of_memory";
        vep__sandbox_copy_str(err->message, sizeof err->message, "not enough memory", 17);
        return VEP_ERR_NOMEM;
    }
    err->status = VEP_ERR_SCRIPT;
    err->rule = tagged_rule(sb, -1);
    if (err->rule == NULL)
        err->rule = "runtime";
    else if (strncmp(err->rule, "host_", 5) == 0
             && strcmp(err->rule, "host_at_load") != 0)
        err->status = VEP_ERR_HOST;   /* host.c, host_lua.c */
    vep__sandbox_fill_message(L, -1, err);
    return err->status;
}

/* Prepares a call from the host: empties *err, makes room for `slots`
** values, and (outside any run) forgets the previous call's memory flags
** and tagged error.  The tag slot exists, so resetting it never allocates.
** Returns VEP_OK or the early failure. */
static vep_status sb_enter(vep_sandbox *sb, int ok, int slots,
                           vep_sandbox_error *err)
{
    memset(err, 0, sizeof *err);
    err->rule = "";
    if (!ok || !lua_checkstack(sb->L, slots)) {
        err->status = ok ? VEP_ERR_NOMEM : VEP_ERR_ARGUMENT;
        err->rule = ok ? "out_of_memory" : "runtime";
        vep__sandbox_copy_str(err->message, sizeof err->message, "cannot start the call",
                 21);
        return err->status;
    }
    if (sb->running == 0)
        sb->host_nomem = sb->cap_refused = 0;
    lua_pushboolean(sb->L, 0);
    lua_rawsetp(sb->L, LUA_REGISTRYINDEX, &key_errtag);
    sb->tag_rule = NULL;
    return VEP_OK;
}

/* Runs the function below `nargs` arguments protected, in the "C" locale
** (number formatting and collation must not depend on the host's locale),
** then classifies.  A limit breached during the call fails it even if it
** returned normally (a script swallowed the error): its results are
** dropped.  On failure nothing is left on the stack. */
static vep_status sb_run(vep_sandbox *sb, int nargs, int nresults,
                         vep_sandbox_error *err)
{
    int base = lua_gettop(sb->L) - nargs - 1, st;
    vep_status before = sb->tripped, r;
    locale_t old = uselocale(sb->c_locale);
    st = lua_pcall(sb->L, nargs, nresults, 0);
    if (old != (locale_t)0)
        uselocale(old);
    if (st == LUA_OK && sb->tripped == before)
        return VEP_OK;
    r = st == LUA_OK ? fill_limit(sb, sb->tripped, err)
                     : sb_classify(sb, st, err);
    lua_settop(sb->L, base);
    return r;
}

struct load_args {
    const char *name, *src;
    size_t len;
    int status;
};

/* Protected part of vep__sandbox_load. */
static int sb_load_protected(lua_State *L)
{
    struct load_args *a = lua_touserdata(L, 1);
    a->status = compile_chunk(L, a->name, a->src, a->len);
    return a->status == LUA_OK ? 1 : lua_error(L);
}

/* Compiles a text chunk (binary ones are refused before Lua sees them). */
vep_status vep__sandbox_load(vep_sandbox *sb, const char *chunkname,
                             const char *src, size_t len,
                             vep_sandbox_error *err)
{
    vep_sandbox_error scratch;
    struct load_args a;
    vep_status r;
    if (err == NULL)
        err = &scratch;
    r = sb_enter(sb, sb != NULL && (src != NULL || len == 0), 3, err);
    if (r != VEP_OK)
        return r;
    a.name = chunkname != NULL ? chunkname : "?";
    a.src = src != NULL ? src : "";
    a.len = len;
    a.status = LUA_OK;
    if (len > 0 && src[0] == LUA_SIGNATURE[0]) {
        err->status = VEP_ERR_SCRIPT;
        err->rule = "forbidden";
        vep__sandbox_copy_str(err->file, sizeof err->file, a.name, strlen(a.name));
        snprintf(err->message, sizeof err->message,
                 "binary chunks are not allowed; load source text");
        return VEP_ERR_SCRIPT;
    }
    lua_pushcfunction(sb->L, sb_load_protected);
    lua_pushlightuserdata(sb->L, &a);
    r = sb_run(sb, 1, 1, err);
    if (r != VEP_OK && a.status == LUA_ERRSYNTAX && err->status ==
        VEP_ERR_SCRIPT)
        err->rule = "syntax";
    return r;
}

/* Calls a script function as a run: allocations count as "running". */
vep_status vep__sandbox_pcall(vep_sandbox *sb, int nargs, int nresults,
                              vep_sandbox_error *err)
{
    vep_sandbox_error scratch;
    vep_status r;
    if (err == NULL)
        err = &scratch;
    r = sb_enter(sb, sb != NULL, 2, err);
    if (r != VEP_OK) {
        if (sb != NULL)
            lua_pop(sb->L, nargs + 1);
        return r;
    }
    sb->running++;
    r = sb_run(sb, nargs, nresults, err);
    sb->running--;
    return r;
}

/* Runs host C code protected, with the same classification. */
vep_status vep__sandbox_cpcall(vep_sandbox *sb, lua_CFunction fn, void *ud,
                               vep_sandbox_error *err)
{
    vep_sandbox_error scratch;
    vep_status r;
    if (err == NULL)
        err = &scratch;
    r = sb_enter(sb, sb != NULL && fn != NULL, 3, err);
    if (r != VEP_OK)
        return r;
    lua_pushcfunction(sb->L, fn);
    lua_pushlightuserdata(sb->L, ud);
    return sb_run(sb, 1, 0, err);
}

/* Charges bytes the host holds on the script's behalf (the model being
** built from its declarations, meter.h) to the cap, as if Lua held them;
** a charge that does not fit after a full collection (what Lua itself
** does before it refuses) trips the memory limit at the nearest Lua line,
** if any.  Never called from inside the Lua allocator, so collecting is
** safe here. */
int vep__sandbox_hold(vep_sandbox *sb, size_t bytes)
{
    if (bytes > sb->mem_limit - sb->mem_used && sb->tripped == VEP_OK)
        lua_gc(sb->L, LUA_GCCOLLECT);
    if (bytes > sb->mem_limit - sb->mem_used) {
        sb->cap_refused = 1;
        sb_trip(sb, sb->L, VEP_ERR_LIMIT_MEMORY, NULL);
        return -1;
    }
    sb->mem_used += bytes;
    if (sb->mem_used > sb->mem_peak)
        sb->mem_peak = sb->mem_used;
    return 0;
}

void vep__sandbox_give(vep_sandbox *sb, size_t bytes)
{
    sb->mem_used -= bytes;
}

/* Bytes the Lua state holds now, and at most so far. */
size_t vep__sandbox_memory(const vep_sandbox *sb)
{
    return sb != NULL ? sb->mem_used : 0;
}

size_t vep__sandbox_peak_memory(const vep_sandbox *sb)
{
    return sb != NULL ? sb->mem_peak : 0;
}
