/*
** loader.c -- loads an instrument script: run it, read it, check it.
**
**   1. the script and the helper modules it requires run in a sandbox whose
**      environment offers the declaration constructors (this file);
**   2. the recorded declarations become the C model (decl.c, decl_rules.c);
**   3. the model is checked as a whole (check.c);
**   4. the sources are hashed (SHA-256) for the result's audit trail.
**
** Every problem found is reported with file, line and id; loading stops
** after step 1 if the script itself fails, and after step 2 or 3 if the
** definition breaks a rule.
*/
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lauxlib.h"
#include "engine.h"
#include "loader.h"
#include "overlay.h"
#include "date.h"
#include "meter.h"
#include "sha256.h"

/* ---- Constructors ---------------------------------------------------- */

/* Appends a record {kind=, id=, file=, line=, depth=} for the declaration
** being made by the script's current line and leaves it on the stack. */
void vep__push_record(lua_State *L, const char *kind, const char *id)
{
    lua_Debug ar;
    const char *file = "";
    int line = 0;

    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        file = ar.source[0] == '=' || ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        line = ar.currentline > 0 ? ar.currentline : 0;
    }
    lua_createtable(L, 0, 5);
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "kind");
    if (id) {
        lua_pushstring(L, id);
        lua_setfield(L, -2, "id");
    }
    lua_pushstring(L, file);
    lua_setfield(L, -2, "file");
    lua_pushinteger(L, line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, vep__overlay_depth(L));
    lua_setfield(L, -2, "depth");
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    lua_pushvalue(L, -2);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
}

/* Indexes the record by "kind:id" ("kind" when it has no id) for
** change, replace and remove (overlay.c); the first one wins, except over
** a base's (an overlay's test case of the same name as the base's). */
static void index_record(lua_State *L, int record)
{
    int take;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_RECORDS_KEY);
    lua_getfield(L, record, "kind");
    if (lua_getfield(L, record, "id") == LUA_TSTRING) {
        lua_pushliteral(L, ":");
        lua_insert(L, -2);
        lua_concat(L, 3);
    } else {
        lua_pop(L, 1);
    }
    lua_pushvalue(L, -1);
    take = lua_rawget(L, -3) == LUA_TNIL;
    if (!take && lua_istable(L, -1)) {
        lua_getfield(L, -1, "depth");
        lua_getfield(L, record, "depth");
        take = lua_tointeger(L, -2) > lua_tointeger(L, -1);
        lua_pop(L, 2);
    }
    if (take) {
        lua_pop(L, 1);
        lua_pushvalue(L, record);
        lua_rawset(L, -3);
    } else {
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

/* Stores the declaration table at the top of the stack into the record
** below it, and indexes it by "kind:id" for the runtime. */
void vep__attach_table(lua_State *L, int record)
{
    record = lua_absindex(L, record);
    lua_pushvalue(L, -1);
    lua_setfield(L, record, "t");
    index_record(L, record);
    if (lua_getfield(L, record, "id") == LUA_TSTRING) {
        lua_getfield(L, record, "kind");
        lua_pushliteral(L, ":");
        lua_pushvalue(L, -3);
        lua_concat(L, 3);
        lua_getfield(L, LUA_REGISTRYINDEX, VEP_BYKEY_KEY);
        lua_pushvalue(L, -2);
        if (lua_rawget(L, -2) == LUA_TNIL) {  /* the first one wins */
            lua_pop(L, 1);
            lua_pushvalue(L, -2);
            lua_pushvalue(L, -5);
            lua_rawset(L, -3);
        } else {
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

/* The second half of `item "B01" { ... }`: receives the table. */
static int constructor_body(lua_State *L)
{
    const char *kind = lua_tostring(L, lua_upvalueindex(1));
    const char *id = lua_tostring(L, lua_upvalueindex(2));
    if (!lua_istable(L, 1))
        return luaL_error(L, "%s '%s' must be followed by a table: %s \"%s\" { ... }",
                          kind, id, kind, id);
    if (!lua_toboolean(L, lua_upvalueindex(3)))
        return luaL_error(L, "%s '%s' was given two tables", kind, id);
    lua_pushboolean(L, 0);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushvalue(L, lua_upvalueindex(4));  /* the record */
    lua_pushvalue(L, 1);
    vep__attach_table(L, lua_gettop(L) - 1);
    lua_pop(L, 1);
    return 0;
}

/* A constructor with an id, e.g. item "B01" { ... } or item("B01", {...}). */
static int constructor_with_id(lua_State *L)
{
    const char *kind = lua_tostring(L, lua_upvalueindex(1));
    const char *id;
    if (lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, "%s needs an id first: %s \"ID\" { ... }", kind, kind);
    id = lua_tostring(L, 1);
    vep__overlay_check_new(L, kind, id);
    vep__push_record(L, kind, id);            /* record at top */
    if (lua_gettop(L) >= 3 && lua_istable(L, 2)) {
        lua_pushvalue(L, 2);
        vep__attach_table(L, lua_gettop(L) - 1);
        return 0;
    }
    lua_pushvalue(L, lua_upvalueindex(1));    /* kind */
    lua_pushvalue(L, 1);                      /* id */
    lua_pushboolean(L, 1);                    /* not yet given a table */
    lua_pushvalue(L, -4);                     /* record */
    lua_pushcclosure(L, constructor_body, 4);
    return 1;
}

/* A constructor without an id: instrument { ... }, judgement { ... }.  The
** root declaration of an overlay (one with `base`) runs its base first. */
static int constructor_plain(lua_State *L)
{
    const char *kind = lua_tostring(L, lua_upvalueindex(1));
    int is_root = lua_toboolean(L, lua_upvalueindex(2));
    if (!lua_istable(L, 1))
        return luaL_error(L, "%s must be followed by a table: %s { ... }", kind, kind);
    lua_settop(L, 1);
    lua_pushliteral(L, "base");     /* raw, as the readers see it */
    if (is_root && lua_rawget(L, 1) != LUA_TNIL) {
        lua_pop(L, 1);
        return vep__overlay_root(L, kind);
    }
    lua_settop(L, 1);
    vep__push_record(L, kind, NULL);
    lua_pushvalue(L, 1);
    vep__attach_table(L, lua_gettop(L) - 1);
    return 0;
}

/* What install_constructors needs: the sandbox, the constructor names and
** the run's record of a call to the other kind's constructor. */
typedef struct install_args {
    vep_sandbox *sb;
    const vep_script_kinds *kinds;
    const vep_base_reader *bases;
    vep_wrong_kind *wrong;
    vep_host_bridge *host;
} install_args;

/* The constructor of the other kind of script (plan in an instrument,
** instrument in a plan): remembers where it was called and raises the
** kind's message, so that the load fails with rule "wrong_script_kind"
** even when the script catches the error. */
static int constructor_wrong_kind(lua_State *L)
{
    vep_wrong_kind *w = lua_touserdata(L, lua_upvalueindex(1));
    const char *msg = lua_tostring(L, lua_upvalueindex(2));
    lua_Debug ar;
    if (!w->hit) {
        w->hit = 1;
        if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
            const char *file = ar.source[0] == '=' || ar.source[0] == '@'
                               ? ar.source + 1 : ar.short_src;
            snprintf(w->file, sizeof w->file, "%s", file);
            w->line = ar.currentline > 0 ? (unsigned)ar.currentline : 0;
        }
        snprintf(w->message, sizeof w->message, "%s", msg ? msg : "");
    }
    return luaL_error(L, "%s", msg ? msg : "wrong kind of script");
}

/* Creates the registry tables and puts the constructors named by the
** kinds, the answer states `unknown` and `not_applicable` and the `date`
** library (date.c) in the script environment. */
static int install_constructors(lua_State *L)
{
    install_args *ia = lua_touserdata(L, 1);
    const vep_script_kinds *k = ia->kinds;
    int i;

    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, VEP_BYKEY_KEY);
    lua_pushlightuserdata(L, (void *)ia->bases);
    lua_setfield(L, LUA_REGISTRYINDEX, VEP_BASES_KEY);
    vep__sandbox_push_env(ia->sb);
    vep__overlay_install(L, -1, k->with_id, k->plain, k->root);
    for (i = 0; k->with_id[i]; i++) {
        lua_pushstring(L, k->with_id[i]);
        lua_pushcclosure(L, constructor_with_id, 1);
        lua_setfield(L, -2, k->with_id[i]);
    }
    for (i = 0; k->plain[i]; i++) {
        lua_pushstring(L, k->plain[i]);
        lua_pushboolean(L, strcmp(k->plain[i], k->root) == 0);
        lua_pushcclosure(L, constructor_plain, 2);
        lua_setfield(L, -2, k->plain[i]);
    }
    if (k->other) {
        lua_pushlightuserdata(L, ia->wrong);
        lua_pushstring(L, k->other_message);
        lua_pushcclosure(L, constructor_wrong_kind, 2);
        lua_setfield(L, -2, k->other);
    }
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "unknown");
    lua_setfield(L, -2, "status");
    lua_setfield(L, -2, "unknown");
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "not_applicable");
    lua_setfield(L, -2, "status");
    lua_setfield(L, -2, "not_applicable");
    vep__date_push_lib(L);
    lua_setfield(L, -2, "date");
    vep__host_lua_install(L, -1, ia->host);
    lua_pop(L, 1);
    return 0;
}

/* Installs the constructors of `kinds` and runs the main chunk; a call of
** the other kind's constructor fails the run as "wrong_script_kind". */
vep_status vep__script_run_with(vep_sandbox *sb, const vep_script_kinds *kinds,
                                const vep_base_reader *bases,
                                vep_host_bridge *host, const char *name,
                                const char *src, size_t len,
                                vep_sandbox_error *err)
{
    vep_wrong_kind wrong;
    install_args ia;
    vep_status st;

    memset(&wrong, 0, sizeof wrong);
    ia.sb = sb;
    ia.kinds = kinds;
    ia.bases = bases;
    ia.wrong = &wrong;
    ia.host = host;
    vep__sandbox_begin(sb);
    st = vep__sandbox_cpcall(sb, install_constructors, &ia, err);
    if (st != VEP_OK)
        return st;
    st = vep__sandbox_load(sb, name, src, len, err);
    if (st != VEP_OK)
        return st;
    st = vep__sandbox_pcall(sb, 0, 0, err);
    if (wrong.hit && st != VEP_ERR_NOMEM) {  /* even if the script caught it */
        st = err->status = VEP_ERR_SCRIPT;
        err->rule = "wrong_script_kind";
        snprintf(err->file, sizeof err->file, "%s", wrong.file);
        err->line = wrong.line;
        snprintf(err->message, sizeof err->message, "%s", wrong.message);
    }
    return st;
}

/* The instrument constructors, and `plan` refused with a clear message. */
static const char *const instrument_with_id[] = {
    "scale", "part", "domain", "item", "score", "level", "flag", "test",
    "host_function", NULL
};
static const char *const instrument_plain[] = { "instrument", "judgement", NULL };
static const vep_script_kinds instrument_kinds = {
    instrument_with_id, instrument_plain, "plan",
    "this is a plan script (it declares plan {...}); load it as a plan "
    "(vep plan), not as an instrument",
    "instrument"
};

/* Runs an instrument script (see loader.h). */
vep_status vep__script_run(vep_sandbox *sb, const vep_base_reader *bases,
                           vep_host_bridge *host,
                           const char *name, const char *src, size_t len,
                           vep_sandbox_error *err)
{
    return vep__script_run_with(sb, &instrument_kinds, bases, host, name, src,
                                len, err);
}

/* ---- Helper modules -------------------------------------------------- */

/* The name results show for a source: the main script's file name, or a
** module's path relative to the script's directory ("lib/x.lua"). */
static char *source_label(const vep_alloc *a, const char *name,
                          const char *module)
{
    const char *base;
    char *label;
    size_t i, n;
    if (module == NULL) {
        base = strrchr(name, '/');
        return vep__strdup(a, base ? base + 1 : name);
    }
    n = strlen(module);
    label = vep__malloc(a, n + 5);
    if (label == NULL)
        return NULL;
    for (i = 0; i < n; i++)
        label[i] = module[i] == '.' ? '/' : module[i];
    memcpy(label + n, ".lua", 5);
    return label;
}

/* Appends a source to the model's list, taking ownership (loader.h). */
int vep__add_source(vep_script_files *sf, char *name, char *module,
                    char *text, size_t len)
{
    const vep_alloc *a = sf->alloc;
    size_t n = *sf->nsources;
    vep_source *v = vep__realloc(a, *sf->sources, (n + 1) * sizeof *v);
    if (v == NULL) {
        vep__free(a, name);
        vep__free(a, module);
        vep__free(a, text);
        return -1;
    }
    *sf->sources = v;
    memset(&v[n], 0, sizeof v[0]);
    v[n].name = name;
    v[n].module = module;
    v[n].text = text;
    v[n].len = len;
    v[n].layer = sf->depth;
    *sf->nsources = n + 1;
    v[n].label = source_label(a, name, module);
    return v[n].label ? 0 : -1;
}

/* Fills `err` with the one message every failure to find a module gives. */
static void no_module(const vep_script_files *sf, char *err, size_t errlen)
{
    snprintf(err, errlen, "no such file in the %s's directory",
             sf->owner ? sf->owner : "instrument");
}

/* Reads a helper module from the script's own directory (loader.h): the
** resolved path must stay inside it, and every failure gives the same
** message without a path, so that a script learns nothing about where it
** is installed and sees the same message when replayed (runtime.c). */
int vep__read_module(void *ud, const char *name, const char **src,
                     size_t *len, const char **chunkname, char *err,
                     size_t errlen)
{
    vep_script_files *sf = ud;
    const vep_alloc *a = sf->alloc;
    char rel[PATH_MAX], full[PATH_MAX], *real = NULL, *text = NULL;
    char *disp = NULL, *mod = NULL;
    FILE *f = NULL;
    long size;
    size_t i, n, rl;
    int rc = -1;

    if (sf->dir == NULL || sf->realdir == NULL) {
        no_module(sf, err, errlen);
        return -1;
    }
    n = strlen(name);
    if (n + 5 >= sizeof rel) {
        no_module(sf, err, errlen);
        return -1;
    }
    for (i = 0; i < n; i++)
        rel[i] = name[i] == '.' ? '/' : name[i];
    memcpy(rel + n, ".lua", 5);
    if ((size_t)snprintf(full, sizeof full, "%s/%s", sf->dir, rel) >= sizeof full) {
        no_module(sf, err, errlen);
        return -1;
    }
    real = realpath(full, NULL);
    if (real == NULL) {
        no_module(sf, err, errlen);
        goto done;
    }
    rl = strlen(sf->realdir);
    if (strncmp(real, sf->realdir, rl) != 0 || real[rl] != '/') {
        no_module(sf, err, errlen);
        goto done;
    }
    f = fopen(real, "rb");
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0 || size > 16L * 1024 * 1024) {
        no_module(sf, err, errlen);
        goto done;
    }
    text = vep__malloc(a, (size_t)size + 1);
    disp = vep__strdup(a, full);
    mod = vep__strdup(a, name);
    if (text == NULL || disp == NULL || mod == NULL) {
        snprintf(err, errlen, "out of memory");
        sf->nomem = 1;
        rc = -2;
        goto done;
    }
    if (fread(text, 1, (size_t)size, f) != (size_t)size) {
        no_module(sf, err, errlen);
        goto done;
    }
    text[size] = '\0';
    if (vep__add_source(sf, disp, mod, text, (size_t)size) != 0 ||
        (sf->depth > 0 && vep__base_relabel(sf, &(*sf->sources)[*sf->nsources - 1], real) != 0)) {
        disp = mod = text = NULL;
        snprintf(err, errlen, "out of memory");
        sf->nomem = 1;
        rc = -2;
        goto done;
    }
    *src = text;
    *len = (size_t)size;
    *chunkname = (*sf->sources)[*sf->nsources - 1].label;
    disp = mod = text = NULL;
    rc = 0;
done:
    vep__free(a, text);
    vep__free(a, disp);
    vep__free(a, mod);
    if (f)
        fclose(f);
    free(real);  /* realpath() allocates with malloc */
    return rc;
}

/* ---- Hashing --------------------------------------------------------- */

/* Hashes the sources and the whole (the manifest rule is in loader.h). */
vep_status vep__hash_sources(const vep_alloc *a, vep_source *v, size_t n,
                             char out[65])
{
    vep_buf b;
    size_t i;
    int rc = 0;

    for (i = 0; i < n; i++)
        if (vep__sha256_hex(v[i].text, v[i].len, v[i].sha256))
            return VEP_ERR_NOMEM;
    if (n == 1) {
        memcpy(out, v[0].sha256, 65);
        return VEP_OK;
    }
    vep__buf_init(&b, a);
    for (i = 0; i < n; i++)
        vep__buf_printf(&b, "%s  %s\n", v[i].sha256, v[i].label);
    if (b.failed || vep__sha256_hex(b.data, b.len, out))
        rc = -1;
    vep__buf_free(&b);
    return rc ? VEP_ERR_NOMEM : VEP_OK;
}

/* ---- Loading --------------------------------------------------------- */

typedef struct read_args {
    const vep_script_load *sl;
    vep_diags *d;
    vep_buf scratch;
} read_args;

/* Protected: reads the records into the model. */
static int read_decls(lua_State *L)
{
    read_args *ra = lua_touserdata(L, 1);
    ra->sl->read(L, ra->sl->model, ra->d, &ra->scratch);
    if (vep__lineage_read(L, ra->sl->kinds->root, ra->sl->alloc, ra->sl->lineage,
                          ra->sl->nlineage) != 0)
        ra->d->nomem = 1;
    return 0;
}

/* Reports a failed script run as one diagnostic and the engine message,
** naming the file by the path it was loaded from. */
static vep_status script_failed(vep_engine *e, const vep_script_load *sl,
                                const vep_sandbox_error *err)
{
    const char *file = vep__source_name(*sl->sources, *sl->nsources, err->file);
    vep__diag_add(&e->diags, file, err->line, NULL, NULL, err->rule, "%s", err->message);
    if (err->line)
        return vep__engine_fail(e, err->status, "%s:%u: %s", file, err->line, err->message);
    return vep__engine_fail(e, err->status, "%s: %s", file, err->message);
}

/* Creates the sandbox with the engine's limits and `sf` as the reader of
** helper modules. */
static vep_status make_sandbox(vep_engine *e, vep_script_files *sf,
                               vep_sandbox **sb)
{
    vep_sandbox_config cfg;
    vep_status st;

    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = &e->alloc;
    cfg.memory_limit = e->limits.memory;
    cfg.instruction_limit = e->limits.instructions;
    cfg.time_limit_ms = e->limits.time_ms;
    cfg.reader = vep__read_module;
    cfg.reader_ud = sf;
    st = vep__sandbox_new(sb, &cfg);
    if (st != VEP_OK)
        vep__engine_fail(e, st, "cannot create the script sandbox: %s", vep_strerror(st));
    return st;
}

/* The sandbox's cap as the budget of the model's meter (meter.h). */
static int cap_hold(void *sb, size_t bytes)
{
    return vep__sandbox_hold(sb, bytes);
}

static void cap_give(void *sb, size_t bytes)
{
    vep__sandbox_give(sb, bytes);
}

/* Reports a load that the memory limit stopped after the declarations
** were read (the checks and the hashing allocate through the metered
** allocator too): the limit, not the host, ran out. */
static vep_status over_the_cap(vep_engine *e, const vep_script_load *sl,
                               const char *path)
{
    vep__diag_add(&e->diags, path, 0, NULL, NULL, "memory_limit",
                  "memory limit exceeded (%zu bytes) while the %s was built "
                  "from its declarations", e->limits.memory, sl->owner);
    return vep__engine_fail(e, VEP_ERR_LIMIT_MEMORY, "%s: memory limit exceeded "
                            "(%zu bytes) while the %s was built from its "
                            "declarations", path, e->limits.memory, sl->owner);
}

/* Reads the records into the model and checks it; VEP_OK, or
** VEP_ERR_DEFINITION with every problem reported, or another failure. */
static vep_status read_and_check(vep_engine *e, vep_sandbox *sb,
                                 const vep_script_load *sl, const char *path)
{
    vep_sandbox_error err;
    read_args ra;
    vep_status st;
    size_t problems;

    memset(&err, 0, sizeof err);
    ra.sl = sl;
    ra.d = &e->diags;
    vep__buf_init(&ra.scratch, sl->alloc);
    st = vep__sandbox_cpcall(sb, read_decls, &ra, &err);
    vep__buf_free(&ra.scratch);
    if (st == VEP_ERR_NOMEM)
        return vep__engine_fail(e, st, "out of memory");
    if (st == VEP_ERR_LIMIT_MEMORY) {
        size_t n = strlen(err.message);
        snprintf(err.message + n, sizeof err.message - n,
                 " while the %s was built from its declarations", sl->owner);
    }
    if (st != VEP_OK)
        return script_failed(e, sl, &err);
    /* The checks run even after reading problems, so that the user sees
    ** every problem at once; the readers leave no NULL where the checks
    ** look (a missing field is NULL only where the checks test for it). */
    problems = e->diags.n;
    if (!e->diags.nomem)
        problems += sl->check(sl->model, &e->diags);
    if (!e->diags.nomem && sl->hosts != NULL)
        problems += vep__host_decls_check(*sl->hosts, *sl->nhosts, &e->hosts,
                                          &e->diags);
    if (e->diags.nomem)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    if (problems)
        return vep__engine_fail(e, VEP_ERR_DEFINITION,
                                "%s: the %s definition has %zu problem%s",
                                path, sl->owner, problems + e->diags.dropped,
                                problems + e->diags.dropped == 1 ? "" : "s");
    return VEP_OK;
}

vep_status vep__script_load(vep_engine *e, const vep_script_load *sl,
                            const char *path, const char *dir,
                            const char *src, size_t len)
{
    vep_sandbox_error err;
    vep_sandbox *sb = NULL;
    vep_script_files sf;
    vep_host_bridge loading;
    vep_budget cap;
    vep_meter meter;
    char *name = NULL, *text = NULL;
    vep_status st;

    memset(&meter, 0, sizeof meter);
    memset(&sf, 0, sizeof sf);
    memset(&err, 0, sizeof err);
    sf.alloc = sl->alloc;
    sf.sources = sl->sources;
    sf.nsources = sl->nsources;
    sf.owner = sl->owner;
    sf.dir = dir;
    vep__base_reader_init(&sf);
    if (dir) {
        sf.realdir = realpath(dir, NULL);
        if (sf.realdir == NULL) {
            st = vep__engine_fail(e, VEP_ERR_IO, "%s: cannot resolve directory %s: %s",
                                  path, dir, strerror(errno));
            goto done;
        }
    }
    name = vep__strdup(sl->alloc, path);
    text = vep__strndup(sl->alloc, src, len);
    if (name == NULL || text == NULL) {
        vep__free(sl->alloc, name);
        vep__free(sl->alloc, text);
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
        goto done;
    }
    if (vep__add_source(&sf, name, NULL, text, len) != 0) {  /* took ownership */
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
        goto done;
    }
    st = make_sandbox(e, &sf, &sb);
    if (st != VEP_OK)
        goto done;
    /* From here on what the script makes the host hold outside Lua (its
    ** modules' sources, the model) counts against its memory cap. */
    cap.hold = cap_hold;
    cap.give = cap_give;
    cap.ud = sb;
    vep__meter_attach(&meter, sl->alloc, &cap);
    memset(&loading, 0, sizeof loading);   /* no registry: calls refused */
    st = vep__script_run_with(sb, sl->kinds, dir ? &sf.bases : NULL, &loading,
                              (*sl->sources)[0].label, (*sl->sources)[0].text,
                              len, &err);
    if (sf.nomem && !vep__meter_refused(&meter))  /* even if the script
                                           caught it, or failed for it */
        st = err.status = VEP_ERR_NOMEM;
    if (st == VEP_ERR_NOMEM) {
        vep__engine_fail(e, st, "out of memory");
        goto done;
    }
    if (st != VEP_OK) {
        script_failed(e, sl, &err);
        goto done;
    }
    st = read_and_check(e, sb, sl, path);
    if (st == VEP_OK) {
        st = vep__hash_sources(sl->alloc, *sl->sources, *sl->nsources, sl->sha256);
        if (st == VEP_OK && vep__lineage_hash(sl->alloc, *sl->lineage, *sl->nlineage,
                                              *sl->sources, *sl->nsources) != 0)
            st = VEP_ERR_NOMEM;
        if (st != VEP_OK)
            vep__engine_fail(e, st, "cannot hash the script sources");
    }
    if (st == VEP_ERR_NOMEM && vep__meter_refused(&meter))
        st = over_the_cap(e, sl, path);   /* the checks or the hashing */
done:
    vep__meter_detach(&meter, sl->alloc);
    vep__sandbox_free(sb);
    vep__base_reader_free(&sf);
    free(sf.realdir);
    return st;
}

/* The instrument's reader and checks, in the shape vep__script_load
** calls them. */
static void read_instrument(lua_State *L, void *model, vep_diags *d, vep_buf *scratch)
{
    vep__decl_read(L, model, d, scratch);
}

static size_t check_instrument(void *model, vep_diags *d)
{
    return vep__check(model, d);
}

vep_status vep__load(vep_engine *e, vep_model *m, const char *path,
                     const char *dir, const char *src, size_t len)
{
    vep_script_load sl;

    sl.kinds = &instrument_kinds;
    sl.owner = "instrument";
    sl.alloc = m->alloc;
    sl.sources = &m->sources;
    sl.nsources = &m->nsources;
    sl.sha256 = m->sha256;
    sl.lineage = &m->lineage;
    sl.nlineage = &m->nlineage;
    sl.hosts = &m->hosts;
    sl.nhosts = &m->nhosts;
    sl.model = m;
    sl.read = read_instrument;
    sl.check = check_instrument;
    return vep__script_load(e, &sl, path, dir, src, len);
}
