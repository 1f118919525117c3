/*
** runtime.c -- runs an instrument's Lua function rules for one assessment.
**
** The first function call of an assessment creates a fresh sandbox and
** replays the script sources kept at load time; the declaration records
** then lead to each function by its key ("score:total/fn",
** "flag:refer/when/any/2/fn", ...).  The sandbox is closed with the
** assessment, so no state a function leaves behind reaches the next one,
** and the whole assessment shares one instruction budget and deadline.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lauxlib.h"
#include "runtime.h"
#include "loader.h"

struct vep_runtime {
    vep_sandbox *sb;
    vep_ctx *ctx;
    const vep_fn *current;   /* the function being called, or NULL */
    vep_base_reader bases;   /* replays an overlay's bases            */
    vep_host_bridge host;    /* what `host` reaches (host_lua.c)      */
    vep_host_registry none;  /* when the context gives no registry    */
};

/* Serves require() from the sources recorded at load time (module names
** are unique across an overlay's lineage, see WRITING-INSTRUMENTS.md). */
static int replay_module(void *ud, const char *name, const char **src,
                         size_t *len, const char **chunkname, char *err,
                         size_t errlen)
{
    const vep_model *m = ud;
    size_t i;
    for (i = 0; i < m->nsources; i++)
        if (m->sources[i].module && strcmp(m->sources[i].module, name) == 0) {
            *src = m->sources[i].text;
            *len = m->sources[i].len;
            *chunkname = m->sources[i].label;
            return 0;
        }
    snprintf(err, errlen, "no such file in the instrument's directory");
    return -1;
}

/* Serves an overlay's base from the sources recorded at load time: the
** main source of the next layer down. */
static int replay_base(void *ud, const char *id, int depth, const char **src,
                       size_t *len, const char **chunkname, char *err,
                       size_t errlen)
{
    const vep_model *m = ud;
    size_t i;
    for (i = 0; i < m->nsources; i++)
        if (m->sources[i].module == NULL && m->sources[i].layer == depth + 1) {
            *src = m->sources[i].text;
            *len = m->sources[i].len;
            *chunkname = m->sources[i].label;
            return 0;
        }
    snprintf(err, errlen, "'%s' is not among the sources loaded", id);
    return -1;
}

/* The id part of a function key, for messages ("score:total/fn" -> kind
** "score", id "total"). */
static void key_owner(const char *key, char *kind, size_t nk, char *id, size_t ni)
{
    const char *colon = strchr(key, ':'), *slash;
    size_t n;
    if (colon == NULL) {
        snprintf(kind, nk, "rule");
        snprintf(id, ni, "%s", key);
        return;
    }
    n = (size_t)(colon - key);
    snprintf(kind, nk, "%.*s", (int)(n < nk ? n : nk - 1), key);
    slash = strchr(colon, '/');
    n = slash ? (size_t)(slash - colon - 1) : strlen(colon + 1);
    snprintf(id, ni, "%.*s", (int)(n < ni ? n : ni - 1), colon + 1);
}

/* Records a failed function run: one diagnostic and the status. */
static vep_status fn_failed(vep_ctx *ctx, const vep_fn *fn,
                            const vep_sandbox_error *err)
{
    char kind[32], id[96];
    key_owner(fn ? fn->key : "", kind, sizeof kind, id, sizeof id);
    vep__diag_add(ctx->diags, vep__model_source_name(ctx->m, err->file), err->line, NULL, id, err->rule,
                  "%s '%s': %s", kind, id, err->message);
    ctx->fn_status = err->status;
    return err->status;
}

/* Creates the assessment's sandbox and replays the script. */
static vep_status runtime_open(vep_ctx *ctx)
{
    vep_sandbox_config cfg;
    vep_sandbox_error err;
    vep_runtime *rt;
    vep_status st;

    rt = vep__calloc(ctx->a, 1, sizeof *rt);
    if (rt == NULL)
        return VEP_ERR_NOMEM;
    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = ctx->a;
    cfg.memory_limit = ctx->limits->memory;
    cfg.instruction_limit = ctx->limits->instructions;
    cfg.time_limit_ms = ctx->limits->time_ms;
    cfg.reader = replay_module;
    cfg.reader_ud = (void *)ctx->m;
    st = vep__sandbox_new(&rt->sb, &cfg);
    if (st != VEP_OK) {
        vep__free(ctx->a, rt);
        return st;
    }
    rt->ctx = ctx;
    rt->bases.open = replay_base;
    rt->bases.close = NULL;
    rt->bases.ud = (void *)ctx->m;
    rt->host.decls = ctx->m->hosts;     /* no registry while replaying */
    rt->host.ndecls = ctx->m->nhosts;
    rt->host.alloc = ctx->a;
    rt->host.log = ctx->host_log;
    rt->host.stubs = ctx->host_stubs;
    ctx->rt = rt;
    st = vep__script_run(rt->sb, &rt->bases, &rt->host, ctx->m->sources[0].label,
                         ctx->m->sources[0].text, ctx->m->sources[0].len, &err);
    if (st != VEP_OK) {
        vep__diag_add(ctx->diags, vep__model_source_name(ctx->m, err.file), err.line, NULL, NULL, err.rule,
                      "the script failed when run again for scoring: %s", err.message);
        ctx->fn_status = st;
        return st;
    }
    rt->host.registry = ctx->hosts ? ctx->hosts : &rt->none;  /* calls
                                                     are made from now on */
    return st;
}

void vep__runtime_close(vep_ctx *ctx)
{
    if (ctx->rt == NULL)
        return;
    vep__sandbox_free(ctx->rt->sb);
    vep__free(ctx->a, ctx->rt);
    ctx->rt = NULL;
}

/* ---- The view `a` ---------------------------------------------------- */

/* Finds `id` in the current function's uses, or raises an error naming
** the rule, so that every dependency is declared. */
static const vep_ref *view_ref(lua_State *L, vep_runtime **out_rt)
{
    vep_runtime *rt = lua_touserdata(L, lua_upvalueindex(1));
    const char *id = luaL_checkstring(L, 1);
    size_t i;
    char kind[32], owner[96];
    if (rt->current == NULL)
        luaL_error(L, "the assessment view can be used only while its rule runs");
    for (i = 0; i < rt->current->nuses; i++)
        if (strcmp(rt->current->uses[i].id, id) == 0 && rt->current->uses[i].index >= 0) {
            *out_rt = rt;
            return &rt->current->uses[i];
        }
    key_owner(rt->current->key, kind, sizeof kind, owner, sizeof owner);
    luaL_error(L, "%s '%s' reads '%s', which is not listed in its uses", kind, owner, id);
    return NULL;
}

static int view_value(lua_State *L)
{
    vep_runtime *rt;
    const vep_ref *r = view_ref(L, &rt);
    vep_ctx *ctx = rt->ctx;
    if (r->kind == VEP_REF_ITEM) {
        const vep_answer *a = &ctx->as->answers[r->index];
        if (a->state == VEP_ANSWER_VALUE && a->has_number) {
            lua_pushnumber(L, a->number);
            return 1;
        }
    } else if (r->kind == VEP_REF_SCORE && ctx->out && ctx->out->scores[r->index].has_value) {
        lua_pushnumber(L, ctx->out->scores[r->index].value);
        return 1;
    }
    lua_pushnil(L);
    return 1;
}

static int view_code(lua_State *L)
{
    vep_runtime *rt;
    const vep_ref *r = view_ref(L, &rt);
    const vep_model *m = rt->ctx->m;
    const vep_answer *a;
    const vep_option *opt;
    size_t n, i;
    lua_Integer k = 0;

    if (r->kind != VEP_REF_ITEM)
        return luaL_error(L, "'%s' is not an item: use a.value, a.level or a.flag", lua_tostring(L, 1));
    a = &rt->ctx->as->answers[r->index];
    if (a->state != VEP_ANSWER_VALUE) {
        lua_pushnil(L);
        return 1;
    }
    opt = vep__item_options(m, &m->items[r->index], &n);
    if (m->items[r->index].type == VEP_ITEM_MULTI) {
        lua_createtable(L, (int)n, 0);
        for (i = 0; i < n; i++)
            if (a->selected && a->selected[i]) {
                lua_pushstring(L, opt[i].code);
                lua_rawseti(L, -2, ++k);
            }
    } else if (opt && a->option >= 0 && (size_t)a->option < n) {
        lua_pushstring(L, opt[a->option].code);
    } else if (a->text) {
        lua_pushstring(L, a->text);
    } else if (a->has_number) {
        lua_pushnumber(L, a->number);
    } else {
        lua_pushnil(L);
    }
    return 1;
}

static int view_state(lua_State *L)
{
    vep_runtime *rt;
    const vep_ref *r = view_ref(L, &rt);
    if (r->kind == VEP_REF_ITEM)
        lua_pushstring(L, vep__answer_state_name(rt->ctx->as->answers[r->index].state));
    else if (r->kind == VEP_REF_SCORE && rt->ctx->out)
        lua_pushstring(L, rt->ctx->out->scores[r->index].has_value ? "value" : "incomplete");
    else
        lua_pushnil(L);
    return 1;
}

static int view_level(lua_State *L)
{
    vep_runtime *rt;
    const vep_ref *r = view_ref(L, &rt);
    const vep_level_out *lo;
    if (r->kind != VEP_REF_LEVEL || rt->ctx->out == NULL)
        return luaL_error(L, "'%s' is not a level", lua_tostring(L, 1));
    lo = &rt->ctx->out->levels[r->index];
    if (lo->has_value && lo->band >= 0)
        lua_pushstring(L, rt->ctx->m->levels[r->index].bands[lo->band].level);
    else
        lua_pushnil(L);
    return 1;
}

static int view_flag(lua_State *L)
{
    vep_runtime *rt;
    const vep_ref *r = view_ref(L, &rt);
    if (r->kind != VEP_REF_FLAG || rt->ctx->out == NULL)
        return luaL_error(L, "'%s' is not a flag", lua_tostring(L, 1));
    lua_pushboolean(L, rt->ctx->out->flags[r->index].raised);
    return 1;
}

/* Pushes the function named by key: the declaration table of "kind:id",
** then one table step per '/'-separated part of the path, read raw: a
** rule may have changed another's table while scoring (removed its fn,
** given it an __index), and no script code may run here. */
static int push_function(lua_State *L, const char *key)
{
    const char *slash = strchr(key, '/');
    char part[128];
    size_t n;

    if (slash == NULL)
        return 0;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_BYKEY_KEY);
    lua_pushlstring(L, key, (size_t)(slash - key));
    lua_rawget(L, -2);
    lua_remove(L, -2);
    while (slash && lua_istable(L, -1)) {
        const char *next = strchr(slash + 1, '/');
        char *end;
        long idx;
        n = next ? (size_t)(next - slash - 1) : strlen(slash + 1);
        if (n >= sizeof part)
            return 0;
        memcpy(part, slash + 1, n);
        part[n] = '\0';
        idx = strtol(part, &end, 10);
        if (*end == '\0' && n > 0)
            lua_rawgeti(L, -1, idx);
        else {
            lua_pushstring(L, part);
            lua_rawget(L, -2);
        }
        lua_remove(L, -2);
        slash = next;
    }
    return lua_isfunction(L, -1);
}

typedef struct call_args {
    vep_runtime *rt;
    const vep_fn *fn;
    int nres;
} call_args;

/* The sandboxed run of one function: finds it, builds the view and calls
** the function with it, leaving `nres` results.  Finding and building
** run inside the run, so that their failures (the cap refusing memory, a
** function the script removed) are classified as every other. */
static int run_function(lua_State *L)
{
    static const luaL_Reg view[] = {
        { "value", view_value }, { "code", view_code }, { "state", view_state },
        { "level", view_level }, { "flag", view_flag }, { NULL, NULL }
    };
    call_args *ca = lua_touserdata(L, 1);
    int i;
    lua_settop(L, 0);
    if (!push_function(L, ca->fn->key))
        return luaL_error(L, "the function of %s is gone: the script changed "
                          "its declaration while scoring", ca->fn->key);
    lua_createtable(L, 0, 5);
    for (i = 0; view[i].name; i++) {
        lua_pushlightuserdata(L, ca->rt);
        lua_pushcclosure(L, view[i].func, 1);
        lua_setfield(L, -2, view[i].name);
    }
    lua_call(L, 1, ca->nres);
    return ca->nres;
}

/* Runs function `fn` with the view; leaves `nres` results on the stack. */
static vep_status call(vep_ctx *ctx, const vep_fn *fn, int nres)
{
    vep_sandbox_error err;
    vep_status st;
    call_args ca;
    lua_State *L;
    int base;

    if (ctx->rt == NULL && (st = runtime_open(ctx)) != VEP_OK)
        return st;
    L = vep__sandbox_state(ctx->rt->sb);
    base = lua_gettop(L);
    ca.rt = ctx->rt;
    ca.fn = fn;
    ca.nres = nres;
    lua_pushcfunction(L, run_function);
    lua_pushlightuserdata(L, &ca);
    ctx->rt->current = fn;
    ctx->rt->host.by = fn->key;
    st = vep__sandbox_pcall(ctx->rt->sb, 1, nres, &err);
    ctx->rt->current = NULL;
    ctx->rt->host.by = NULL;
    if (st != VEP_OK) {
        lua_settop(L, base);
        return fn_failed(ctx, fn, &err);
    }
    return VEP_OK;
}

/* Reports a function result of the wrong kind. */
static vep_status bad_result(vep_ctx *ctx, const vep_fn *fn, const char *what)
{
    vep_sandbox_error err;
    memset(&err, 0, sizeof err);
    err.status = VEP_ERR_SCRIPT;
    err.rule = "runtime";
    snprintf(err.message, sizeof err.message, "%s", what);
    return fn_failed(ctx, fn, &err);
}

vep_status vep__runtime_score(vep_ctx *ctx, const vep_fn *fn,
                              double *out_value, int *out_has, vep_buf *note)
{
    lua_State *L;
    vep_status st = call(ctx, fn, 2);
    int base;
    *out_has = 0;
    if (st != VEP_OK)
        return st;
    L = vep__sandbox_state(ctx->rt->sb);
    base = lua_gettop(L) - 2;
    if (lua_type(L, -2) == LUA_TNUMBER) {
        double v = (double)lua_tonumber(L, -2);
        if (!isfinite(v)) {
            lua_settop(L, base);
            return bad_result(ctx, fn, "the function returned a number that is not finite (NaN or infinity)");
        }
        *out_value = v;
        *out_has = 1;
    } else if (!lua_isnil(L, -2)) {
        lua_settop(L, base);
        return bad_result(ctx, fn, "the function must return a number or nil");
    }
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        vep__buf_add(note, s, len > 1000 ? 1000 : len);
    } else if (!lua_isnil(L, -1)) {
        lua_settop(L, base);
        return bad_result(ctx, fn, "the function's second result, the explanation, must be a string");
    }
    lua_settop(L, base);
    return VEP_OK;
}

vep_status vep__runtime_cond(vep_ctx *ctx, const vep_fn *fn, int *out)
{
    lua_State *L;
    vep_status st = call(ctx, fn, 1);
    *out = 0;
    if (st != VEP_OK)
        return st;
    L = vep__sandbox_state(ctx->rt->sb);
    if (!lua_isboolean(L, -1)) {
        lua_pop(L, 1);
        return bad_result(ctx, fn, "a condition function must return true or false");
    }
    *out = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return VEP_OK;
}
