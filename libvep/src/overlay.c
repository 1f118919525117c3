/*
** overlay.c -- overlays: running the base, the root declaration of an
** overlay, change / replace / remove, and which records are live (see
** overlay.h).  Merging declarations and tagging a base's texts are in
** overlay_merge.c; the lineage is in lineage.c.
**
** Everything here works on the declaration records in the registry
** (loader.c) before any reader sees them, so the readers, the checks and
** the runtime's replay see one merged script and need not know that it
** came in layers.  Tables are always read and written raw: a script's
** metatables never run here.
*/
#include <string.h>
#include "lauxlib.h"
#include "overlay.h"
#include "loader.h"
#include "sandbox.h"
#include "sandbox_lib.h"
#include "semver.h"
#include "decl.h"
#include "sha256.h"
#include "jsonw.h"


/* Pushes t[key] of a script's table, raw (see overlay.h). */
int vep__raw_field(lua_State *L, int t, const char *key)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

/* Whether layers 1 to `depth` all finished, so that a record made at
** `depth` belongs to the script. */
int vep__overlay_layers_done(lua_State *L, int depth)
{
    int d, done = 1;
    if (depth <= 0)
        return 1;
    if (lua_getfield(L, LUA_REGISTRYINDEX, VEP_DONE_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    for (d = 1; d <= depth && done; d++) {
        done = lua_rawgeti(L, -1, d) != LUA_TNIL;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return done;
}

/* The depth of the script running now (0 outside any base). */
int vep__overlay_depth(lua_State *L)
{
    int d;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DEPTH_KEY);
    d = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return d;
}

static void set_depth(lua_State *L, int d)
{
    lua_pushinteger(L, d);
    lua_setfield(L, LUA_REGISTRYINDEX, VEP_DEPTH_KEY);
}

/* Pushes the record of "kind:id" (id NULL: "kind"), or nil. */
static int push_record_of(lua_State *L, const char *kind, const char *id)
{
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_RECORDS_KEY);
    if (id)
        lua_pushfstring(L, "%s:%s", kind, id);
    else
        lua_pushstring(L, kind);
    lua_rawget(L, -2);
    lua_remove(L, -2);
    return lua_type(L, -1);
}

/* Where the record at `rec` was declared, "FILE:LINE", pushed. */
static const char *push_where(lua_State *L, int rec)
{
    lua_getfield(L, rec, "file");
    lua_getfield(L, rec, "line");
    lua_pushfstring(L, "%s:%d", lua_tostring(L, -2) ? lua_tostring(L, -2) : "?",
                    (int)lua_tointeger(L, -1));
    lua_replace(L, -3);
    lua_pop(L, 1);
    return lua_tostring(L, -1);
}

void vep__overlay_check_new(lua_State *L, const char *kind, const char *id)
{
    int rec, depth;
    if (strcmp(kind, "test") == 0)
        return;           /* a base's test cases stay the base's own */
    if (push_record_of(L, kind, id) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    rec = lua_gettop(L);
    lua_getfield(L, rec, "depth");
    depth = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (depth > vep__overlay_depth(L)) {
        const char *where = push_where(L, rec);
        vep__sandbox_raise(L, "duplicate_id", "%s '%s' is already declared by the base (%s); write "
                   "change.%s \"%s\" { ... } to change some of its fields, "
                   "or replace.%s \"%s\" { ... } to replace it", kind, id, where,
                   kind, id, kind, id);
    }
    lua_pop(L, 1);
}

/* ---- change, replace, remove ----------------------------------------- */

enum { OP_CHANGE, OP_REPLACE, OP_REMOVE };
static const char *const op_names[] = { "change", "replace", "remove", NULL };

/* Sets the record's file and line to the caller's, `level` frames up. */
static void stamp(lua_State *L, int rec, int level)
{
    lua_Debug ar;
    if (lua_getstack(L, level, &ar) && lua_getinfo(L, "Sl", &ar)) {
        lua_pushstring(L, ar.source[0] == '=' || ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
        lua_setfield(L, rec, "file");
        lua_pushinteger(L, ar.currentline > 0 ? ar.currentline : 0);
        lua_setfield(L, rec, "line");
    }
}

/* Points the runtime's index (VEP_BYKEY_KEY) at the record's table, or
** drops the entry when `t` is 0. */
static void reindex(lua_State *L, const char *kind, const char *id, int t)
{
    if (id == NULL)
        return;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_BYKEY_KEY);
    lua_pushfstring(L, "%s:%s", kind, id);
    if (t)
        lua_pushvalue(L, t);
    else
        lua_pushnil(L);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* Applies one operation to "kind:id" with the table at `t` (0 for
** remove); `level` is the stack level of the script's call. */
static void apply(lua_State *L, int op, const char *kind, const char *id, int t,
                  int level)
{
    int rec, found = push_record_of(L, kind, id) == LUA_TTABLE;
    if (found && strcmp(kind, "test") == 0) {
        lua_getfield(L, -1, "depth");     /* a base's test case stays its own */
        found = lua_tointeger(L, -1) <= vep__overlay_depth(L);
        lua_pop(L, 1);
    }
    if (!found)
        vep__sandbox_raise(L, "unknown_reference", "%s.%s%s%s%s: there is no %s%s%s%s to %s (it must be declared "
                   "by the base or earlier in this script)", op_names[op], kind,
                   id ? " '" : "", id ? id : "", id ? "'" : "", kind,
                   id ? " '" : "", id ? id : "", id ? "'" : "", op_names[op]);
    rec = lua_gettop(L);
    if (op == OP_REMOVE) {
        lua_pushboolean(L, 1);
        lua_setfield(L, rec, "removed");
        lua_getfield(L, LUA_REGISTRYINDEX, VEP_RECORDS_KEY);
        if (id)
            lua_pushfstring(L, "%s:%s", kind, id);
        else
            lua_pushstring(L, kind);
        lua_pushnil(L);
        lua_rawset(L, -3);
        lua_pop(L, 1);
        reindex(L, kind, id, 0);
    } else {
        if (op == OP_CHANGE) {
            lua_getfield(L, rec, "t");
            vep__overlay_push_changed(L, -1, t);
            lua_remove(L, -2);
        } else {
            lua_pushvalue(L, t);
        }
        lua_pushvalue(L, -1);
        lua_setfield(L, rec, "t");
        reindex(L, kind, id, lua_gettop(L));
        lua_pop(L, 1);
        stamp(L, rec, level);
        lua_pushstring(L, op_names[op]);
        lua_setfield(L, rec, "op");
        lua_pushinteger(L, vep__overlay_depth(L));   /* whose plain texts */
        lua_setfield(L, rec, "touched");
    }
    lua_pop(L, 1);
}

/* The second half of change.item "S04" { ... }: upvalues op, kind, id. */
static int op_body(lua_State *L)
{
    int op = (int)lua_tointeger(L, lua_upvalueindex(1));
    const char *kind = lua_tostring(L, lua_upvalueindex(2));
    const char *id = lua_tostring(L, lua_upvalueindex(3));
    if (!lua_istable(L, 1))
        return vep__sandbox_raise(L, "overlay", "%s.%s '%s' must be followed by a table: %s.%s \"%s\" { ... }",
                          op_names[op], kind, id, op_names[op], kind, id);
    apply(L, op, kind, id, 1, 1);
    return 0;
}

/* change.KIND / replace.KIND / remove.KIND: upvalues op, kind, has_id. */
static int op_entry(lua_State *L)
{
    int op = (int)lua_tointeger(L, lua_upvalueindex(1));
    const char *kind = lua_tostring(L, lua_upvalueindex(2));
    int has_id = lua_toboolean(L, lua_upvalueindex(3));

    if (!has_id) {
        if (!lua_istable(L, 1))
            return vep__sandbox_raise(L, "overlay", "%s.%s must be followed by a table: %s.%s { ... }",
                              op_names[op], kind, op_names[op], kind);
        apply(L, op, kind, NULL, 1, 1);
        return 0;
    }
    if (lua_type(L, 1) != LUA_TSTRING)
        return vep__sandbox_raise(L, "overlay", "%s.%s needs an id first: %s.%s \"ID\"%s", op_names[op],
                          kind, op_names[op], kind, op == OP_REMOVE ? "" : " { ... }");
    if (op == OP_REMOVE) {
        apply(L, op, kind, lua_tostring(L, 1), 0, 1);
        return 0;
    }
    if (lua_istable(L, 2)) {
        apply(L, op, kind, lua_tostring(L, 1), 2, 1);
        return 0;
    }
    lua_pushinteger(L, op);
    lua_pushstring(L, kind);
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, op_body, 3);
    return 1;
}

/* Adds op_entry closures for the kinds in `names` to the table on top. */
static void add_ops(lua_State *L, int op, const char *const *names, int has_id,
                    const char *root)
{
    size_t i;
    for (i = 0; names[i]; i++) {
        if (strcmp(names[i], root) == 0)
            continue;            /* the root merges through its own constructor */
        lua_pushinteger(L, op);
        lua_pushstring(L, names[i]);
        lua_pushboolean(L, has_id);
        lua_pushcclosure(L, op_entry, 3);
        lua_setfield(L, -2, names[i]);
    }
}

void vep__overlay_install(lua_State *L, int env, const char *const *with_id,
                          const char *const *plain, const char *root)
{
    int op;
    env = lua_absindex(L, env);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, VEP_RECORDS_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, VEP_DONE_KEY);
    set_depth(L, 0);
    for (op = OP_CHANGE; op <= OP_REMOVE; op++) {
        lua_newtable(L);
        add_ops(L, op, with_id, 1, root);
        if (op != OP_REMOVE)
            add_ops(L, op, plain, 0, root);
        lua_setfield(L, env, op_names[op]);
    }
}

/* ---- The root of an overlay ------------------------------------------ */

/* Reads base = { id = ..., version = ... } from the table at 1 and leaves
** the id and the range on the stack: the base runs in the same state and
** could clear the table's fields, so the strings must be held here. */
static void read_base(lua_State *L, const char **id, const char **range)
{
    vep__raw_field(L, 1, "base");
    if (!lua_istable(L, -1))
        vep__sandbox_raise(L, "overlay", "'base' must be a table { id = \"...\", version = \"^1.0.0\" }");
    vep__raw_field(L, -1, "id");
    vep__raw_field(L, -2, "version");
    /* strings only: lua_tostring would pass a number off as one */
    *id = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    *range = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (*id == NULL || !vep__valid_id(*id))
        vep__sandbox_raise(L, "overlay", "'base' needs the id of the script it adapts: base = { id = \"...\", version = \"^1.0.0\" }");
    if (*range == NULL || !vep__semver_range_valid(*range))
        vep__sandbox_raise(L, "overlay", "'base' needs a version range such as \"^1.0.0\", \"1.2.x\" or \">=1.0.0 <2.0.0\"%s%s%s",
                   lua_type(L, -1) == LUA_TSTRING ? " (not '" : "",
                   lua_type(L, -1) == LUA_TSTRING ? *range : "",
                   lua_type(L, -1) == LUA_TSTRING ? "')" : "");
    lua_remove(L, -3);   /* the id and the range stay, held by the stack */
}

/* Index of the newest live root record at `depth`, pushed; or raises. */
static int push_base_root(lua_State *L, const char *root, int depth, const char *id)
{
    int decls;
    lua_Integer i;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    decls = lua_gettop(L);
    for (i = (lua_Integer)lua_rawlen(L, decls); i >= 1; i--) {
        int same;
        lua_rawgeti(L, decls, i);
        lua_getfield(L, -1, "kind");
        lua_getfield(L, -2, "depth");
        same = lua_isstring(L, -2) && strcmp(lua_tostring(L, -2), root) == 0 &&
               lua_tointeger(L, -1) == depth;
        lua_pop(L, 2);
        if (same) {
            lua_remove(L, decls);
            return lua_gettop(L);
        }
        lua_pop(L, 1);
    }
    return vep__sandbox_raise(L, "base_not_found", "the base script of '%s' declares no %s { ... }", id, root);
}

/* Refuses a base that is already in the chain being loaded (a adapts b,
** which adapts a), and a second base for the script at `depth` (one that
** caught the failure of its first: the runtime's replay serves one base
** per layer); notes `own` as the id at `depth`. */
static void check_cycle(lua_State *L, const char *own, const char *id, int depth)
{
    int d;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_CHAIN_KEY);
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, VEP_CHAIN_KEY);
    }
    if (lua_rawgeti(L, -1, depth + 1) != LUA_TNIL)
        vep__sandbox_raise(L, "overlay", "base '%s': a script adapts one base, and names it "
                           "once (a base that failed cannot be tried again)", id);
    lua_pop(L, 1);
    lua_pushstring(L, own ? own : "");
    lua_rawseti(L, -2, depth + 1);
    for (d = 0; d <= depth; d++) {
        lua_rawgeti(L, -1, d + 1);
        if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), id) == 0)
            vep__sandbox_raise(L, "overlay", "'%s' adapts '%s', which is already a base "
                               "of this script: bases cannot go round in a circle",
                               own ? own : "?", id);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* Protected: compiles and runs the base's chunk (chunk name, source and
** length at 1 to 3), so that no error, not even out of memory while
** compiling, skips the reader's close in run_base. */
static int run_chunk(lua_State *L)
{
    const char *chunk = lua_touserdata(L, 1), *src = lua_touserdata(L, 2);
    size_t len = (size_t)lua_tointeger(L, 3);
    lua_settop(L, 0);
    if (vep__sandbox_compile(L, chunk, src, len) != LUA_OK)
        return lua_error(L);
    lua_call(L, 0, 0);
    return 0;
}

/* Runs the base `id` at depth + 1 through the run's base reader. */
static void run_base(lua_State *L, const char *id, int depth)
{
    const vep_base_reader *br;
    const char *src = NULL, *chunk = NULL;
    char err[256] = "";
    size_t len = 0;
    int rc;

    lua_getfield(L, LUA_REGISTRYINDEX, VEP_BASES_KEY);
    br = lua_touserdata(L, -1);
    lua_pop(L, 1);
    if (br == NULL || br->open == NULL)
        vep__sandbox_raise(L, "base_not_found", "base '%s': this script was loaded from memory, so its base "
                   "cannot be found; load it from a file", id);
    if (depth >= VEP_MAX_BASE_DEPTH)
        vep__sandbox_raise(L, "overlay", "base '%s': bases nest more than %d deep", id, VEP_MAX_BASE_DEPTH);
    luaL_checkstack(L, 4, "too many nested bases");
    rc = br->open(br->ud, id, depth, &src, &len, &chunk, err, sizeof err);
    if (rc == -2)
        luaL_error(L, "not enough memory");
    if (rc != 0)
        vep__sandbox_raise(L, "base_not_found", "base '%s': %s", id, err);
    /* from open to close nothing may raise: no push below allocates */
    lua_pushcfunction(L, run_chunk);
    lua_pushlightuserdata(L, (void *)chunk);
    lua_pushlightuserdata(L, (void *)src);
    lua_pushinteger(L, (lua_Integer)len);
    set_depth(L, depth + 1);
    rc = lua_pcall(L, 3, 0, 0);
    set_depth(L, depth);
    if (br->close)
        br->close(br->ud, depth + 1);
    if (rc != LUA_OK)
        lua_error(L);
}

/* Pushes the union of the `languages` lists of a and b, a's first. */
static void push_languages(lua_State *L, int a, int b)
{
    lua_Integer i, n, k = 0;
    int out, seen;
    lua_newtable(L);
    out = lua_gettop(L);
    lua_newtable(L);
    seen = lua_gettop(L);
    for (i = 0; i < 2; i++) {
        vep__raw_field(L, i == 0 ? a : b, "languages");
        if (lua_istable(L, -1)) {
            lua_Integer j;
            n = (lua_Integer)lua_rawlen(L, -1);
            for (j = 1; j <= n; j++) {
                lua_rawgeti(L, -1, j);
                if (lua_type(L, -1) == LUA_TSTRING) {
                    lua_pushvalue(L, -1);
                    if (lua_rawget(L, seen) == LUA_TNIL) {
                        lua_pop(L, 1);
                        lua_pushvalue(L, -1);
                        lua_pushboolean(L, 1);
                        lua_rawset(L, seen);
                        lua_pushvalue(L, -1);
                        lua_rawseti(L, out, ++k);
                    } else {
                        lua_pop(L, 1);
                    }
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

int vep__overlay_root(lua_State *L, const char *root)
{
    const char *id, *range, *own, *bid, *bver;
    int depth = vep__overlay_depth(L), base, merged;

    read_base(L, &id, &range);           /* held at 2 and 3 */
    vep__raw_field(L, 1, "id");
    own = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    lua_pop(L, 1);                       /* still held by the table at 1 */
    if (own && strcmp(own, id) == 0)
        return vep__sandbox_raise(L, "overlay", "'%s' cannot adapt itself", id);
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    if (lua_rawlen(L, -1) > 0)
        return vep__sandbox_raise(L, "overlay", "declare %s { base = ... } first, before anything else", root);
    lua_pop(L, 1);

    check_cycle(L, own, id, depth);
    run_base(L, id, depth);

    base = push_base_root(L, root, depth + 1, id);
    lua_getfield(L, base, "t");
    vep__raw_field(L, -1, "id");
    vep__raw_field(L, -2, "version");
    bid = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    bver = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (bid == NULL || strcmp(bid, id) != 0)
        return vep__sandbox_raise(L, "base_not_found", "base '%s': the script found declares the id '%s'", id,
                          bid ? bid : "(none)");
    if (bver == NULL || !vep__semver_satisfies(bver, range))
        return vep__sandbox_raise(L, "base_version", "base '%s' is version %s, but this %s adapts version %s",
                          id, bver ? bver : "(none)", root, range);
    lua_pop(L, 2);
    vep__overlay_tag_texts(L, base + 1, depth + 1);
    /* The overlay's root: the base's fields, changed by the overlay's. */
    vep__overlay_push_changed(L, -1, 1);
    merged = lua_gettop(L);
    push_languages(L, 1, base + 1);
    lua_setfield(L, merged, "languages");
    lua_pushboolean(L, 1);
    lua_setfield(L, base, "superseded");
    vep__push_record(L, root, NULL);
    if (vep__raw_field(L, 1, "languages") == LUA_TTABLE)   /* its own, first */
        lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    else
        lua_pushinteger(L, 0);
    lua_setfield(L, -3, "own_languages");
    lua_pop(L, 1);
    lua_pushvalue(L, merged);
    vep__attach_table(L, lua_gettop(L) - 1);
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DONE_KEY);   /* the base's layer is read */
    lua_pushboolean(L, 1);
    lua_rawseti(L, -2, depth + 1);
    return 0;
}

/* ---- Reading ---------------------------------------------------------- */

size_t vep__overlay_own_languages(lua_State *L, int rec, size_t n)
{
    lua_Integer own;
    lua_getfield(L, rec, "own_languages");
    own = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return own > 0 && (size_t)own < n ? (size_t)own : n;
}

int vep__record_live(lua_State *L, int rec, const char *root)
{
    int live;
    rec = lua_absindex(L, rec);
    lua_getfield(L, rec, "removed");
    lua_getfield(L, rec, "superseded");
    lua_getfield(L, rec, "kind");
    lua_getfield(L, rec, "depth");
    live = !lua_toboolean(L, -4) && !lua_toboolean(L, -3);
    if (live && lua_tointeger(L, -1) > 0 && lua_isstring(L, -2) &&
        strcmp(lua_tostring(L, -2), "test") == 0)
        live = 0;                  /* a base's test cases stay its own */
    if (live && !vep__overlay_layers_done(L, (int)lua_tointeger(L, -1)))
        live = 0;                  /* made by a base that failed */
    (void)root;
    lua_pop(L, 4);
    return live;
}
