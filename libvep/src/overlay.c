/*
** overlay.c -- overlays: running the base, merging the root declarations,
** change / replace / remove, and the lineage (see overlay.h).
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

/* The fields whose value is a text by language: `change` merges them
** language by language instead of replacing them. */
static const char *const text_fields[] = {
    "title", "description", "text", "guidance", "label", "goal",
    "responsivity", "rationale", "note", "notes", NULL
};

/* Registry key: which layers finished (layer d at [d]: its overlay's root
** declaration merged it).  The records of a base that failed stay in the
** list, and are never read, even when the script caught the error. */
#define VEP_DONE_KEY "vep.layers_done"

/* Pushes t[key] of a script's table, raw (no metamethod runs). */
static int raw_field(lua_State *L, int t, const char *key)
{
    t = lua_absindex(L, t);
    lua_pushstring(L, key);
    return lua_rawget(L, t);
}

/* Whether layers 1 to `depth` all finished, so that a record made at
** `depth` belongs to the script. */
static int layers_done(lua_State *L, int depth)
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

/* ---- Merging --------------------------------------------------------- */

static int is_text_field(const char *k)
{
    return vep__name_find(text_fields, k) >= 0;
}

/* Pushes a shallow copy of the table at `t`. */
static void push_copy(lua_State *L, int t)
{
    luaL_checkstack(L, 6, "too many nested tables");
    t = lua_absindex(L, t);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
}

/* Pushes old merged with new, both tables of texts by language (a plain
** string on either side stands for the whole text and wins as given). */
static void push_text_merge(lua_State *L, int old, int new_)
{
    luaL_checkstack(L, 6, "too many nested tables");
    old = lua_absindex(L, old);
    new_ = lua_absindex(L, new_);
    if (!lua_istable(L, old) || !lua_istable(L, new_)) {
        lua_pushvalue(L, new_);
        return;
    }
    push_copy(L, old);
    lua_pushnil(L);
    while (lua_next(L, new_)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
}

/* The fields that name an entry of a list, in the order they are tried:
** an option's or a point's `code`, a band's `level`, a pre-release step's
** `step`. */
static const char *const identity_fields[] = { "code", "level", "step", NULL };

/* Pushes the identity of the list entry at index e (a table): the value
** of its first identity field, with that field's index in *which; nil
** (and -1) when it has none. */
static void push_identity(lua_State *L, int e, int *which)
{
    int k;
    e = lua_absindex(L, e);
    *which = -1;
    for (k = 0; identity_fields[k]; k++) {
        if (raw_field(L, e, identity_fields[k]) != LUA_TNIL) {
            *which = k;
            return;
        }
        lua_pop(L, 1);
    }
    lua_pushnil(L);
}

/* Index (1-based) in list `t` of the entry with the identity at `id` (of
** identity field `which`), or 0. */
static lua_Integer find_entry(lua_State *L, int t, int id, int which)
{
    lua_Integer i, n = (lua_Integer)lua_rawlen(L, t);
    for (i = 1; i <= n; i++) {
        int same;
        if (lua_rawgeti(L, t, i) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue;
        }
        raw_field(L, -1, identity_fields[which]);
        same = lua_rawequal(L, -1, id);
        lua_pop(L, 2);
        if (same)
            return i;
    }
    return 0;
}

/* Merges entry `src` (a table) into entry `dst`: texts by language, other
** fields replaced. */
static void merge_fields(lua_State *L, int dst, int src)
{
    luaL_checkstack(L, 8, "too many nested tables");
    dst = lua_absindex(L, dst);
    src = lua_absindex(L, src);
    lua_pushnil(L);
    while (lua_next(L, src)) {
        int v = lua_gettop(L), k = v - 1;
        if (lua_type(L, k) == LUA_TSTRING && is_text_field(lua_tostring(L, k))) {
            lua_pushvalue(L, k);
            lua_rawget(L, dst);
            push_text_merge(L, -1, v);
            lua_remove(L, -2);
        } else {
            lua_pushvalue(L, v);
        }
        lua_pushvalue(L, k);
        lua_insert(L, -2);
        lua_rawset(L, dst);
        lua_pop(L, 1);
    }
}

/* Merges the list part of `src` into the list `dst` by identity (code,
** level or step): an entry the list has is merged into it, a new one is
** appended.  Entries without an identity are appended as they are.  Each
** entry is looked for in the whole list, so the work, quadratic, is
** charged to the script's instruction budget before it starts. */
static void merge_list(lua_State *L, int dst, int src)
{
    lua_Integer i, n;
    luaL_checkstack(L, 8, "too many nested tables");
    dst = lua_absindex(L, dst);
    src = lua_absindex(L, src);
    n = (lua_Integer)lua_rawlen(L, src);
    vep__sandbox_charge(L, (uint64_t)n * ((uint64_t)lua_rawlen(L, dst) + (uint64_t)n));
    for (i = 1; i <= n; i++) {
        lua_Integer at = 0;
        int e;
        lua_rawgeti(L, src, i);
        e = lua_gettop(L);
        if (lua_istable(L, e)) {
            int which;
            push_identity(L, e, &which);
            if (which >= 0)
                at = find_entry(L, dst, lua_gettop(L), which);
            lua_pop(L, 1);
        }
        if (at > 0) {
            lua_rawgeti(L, dst, at);
            push_copy(L, -1);
            merge_fields(L, -1, e);
            lua_rawseti(L, dst, at);
            lua_pop(L, 1);
        } else {
            lua_pushvalue(L, e);
            lua_rawseti(L, dst, (lua_Integer)lua_rawlen(L, dst) + 1);
        }
        lua_pop(L, 1);
    }
}

/* The fields holding lists that `change` merges entry by entry. */
static const char *const list_fields[] = { "options", "bands", "steps", NULL };

/* Merges every value of `src` into `dst` as a text by language (a
** table of texts keyed by level, such as an intervention's intensity). */
static void merge_fields_all(lua_State *L, int dst, int src)
{
    luaL_checkstack(L, 8, "too many nested tables");
    dst = lua_absindex(L, dst);
    src = lua_absindex(L, src);
    lua_pushnil(L);
    while (lua_next(L, src)) {
        int v = lua_gettop(L), k = v - 1;
        lua_pushvalue(L, k);
        lua_rawget(L, dst);
        push_text_merge(L, -1, v);
        lua_remove(L, -2);
        lua_pushvalue(L, k);
        lua_insert(L, -2);
        lua_rawset(L, dst);
        lua_pop(L, 1);
    }
}

/* Pushes the declaration `old` changed by `new_`: texts merge by language,
** lists (`options`, a scale's own points, a level's `bands`, the
** pre-release `steps`) merge entry by entry (code, level, step), an
** intervention's `intensity` level by level; every other field given
** replaces the old one. */
static void push_changed(lua_State *L, int old, int new_)
{
    int out;
    luaL_checkstack(L, 8, "too many nested tables");
    old = lua_absindex(L, old);
    new_ = lua_absindex(L, new_);
    push_copy(L, old);
    out = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, new_)) {
        int v = lua_gettop(L), k = v - 1;
        if (lua_type(L, k) == LUA_TSTRING) {
            const char *key = lua_tostring(L, k);
            lua_pushvalue(L, k);
            lua_rawget(L, out);
            if (is_text_field(key)) {
                push_text_merge(L, -1, v);
            } else if (vep__name_find(list_fields, key) >= 0 && lua_istable(L, -1) &&
                       lua_istable(L, v)) {
                push_copy(L, -1);
                merge_list(L, -1, v);
            } else if (strcmp(key, "intensity") == 0 && lua_istable(L, -1) && lua_istable(L, v)) {
                push_copy(L, -1);            /* texts by level: each merged */
                merge_fields_all(L, -1, v);
            } else {
                lua_pushvalue(L, v);
            }
            lua_remove(L, -2);
            lua_pushvalue(L, k);
            lua_insert(L, -2);
            lua_rawset(L, out);
        }
        lua_pop(L, 1);
    }
    if (lua_rawlen(L, new_) > 0)
        merge_list(L, out, new_);
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
            push_changed(L, -1, t);
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
    raw_field(L, 1, "base");
    if (!lua_istable(L, -1))
        vep__sandbox_raise(L, "overlay", "'base' must be a table { id = \"...\", version = \"^1.0.0\" }");
    raw_field(L, -1, "id");
    raw_field(L, -2, "version");
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

/* Pushes { [lang] = the string at index v }. */
static void push_tagged(lua_State *L, const char *lang, int v)
{
    v = lua_absindex(L, v);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, v);
    lua_setfield(L, -2, lang);
}

/* Gives the plain-string texts of a base's declaration table `t` the
** base's own first language, so that inheriting them into an overlay
** whose first language differs neither relabels them nor lets a change
** by language drop them: `text = "Item"` becomes `text = { en = "Item" }`.
** Walks nested tables (bands, options, actions) a few levels down, but not
** test data. */
static void tag_texts(lua_State *L, int t, const char *lang, int level, int judgement)
{
    luaL_checkstack(L, 8, "too many nested tables");
    t = lua_absindex(L, t);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int v = lua_gettop(L), k = v - 1;
        const char *key = lua_type(L, k) == LUA_TSTRING ? lua_tostring(L, k) : NULL;
        if (key && lua_type(L, v) == LUA_TSTRING && is_text_field(key) &&
            !(judgement && strcmp(key, "rationale") == 0)) {   /* a policy word there */
            lua_pushvalue(L, k);
            push_tagged(L, lang, v);
            lua_rawset(L, t);               /* an existing field: allowed */
        } else if (key && lua_istable(L, v) &&
                   (strcmp(key, "intensity") == 0 || strcmp(key, "closure") == 0)) {
            lua_pushnil(L);                 /* texts by level, or a list of texts */
            while (lua_next(L, v)) {
                if (lua_type(L, -1) == LUA_TSTRING) {
                    lua_pushvalue(L, -2);
                    push_tagged(L, lang, -2);
                    lua_rawset(L, v);
                }
                lua_pop(L, 1);
            }
        } else if (lua_istable(L, v) && level < 4 &&
                   !(key && (strcmp(key, "answers") == 0 || strcmp(key, "expect") == 0 ||
                             strcmp(key, "result") == 0 || strcmp(key, "context") == 0 ||
                             strcmp(key, "when") == 0))) {
            tag_texts(L, v, lang, level + 1, 0);
        }
        lua_pop(L, 1);
    }
}

/* Tags the plain-string texts of every declaration the base at `depth`
** made, or changed or replaced last, with the base's first language (the
** first of its root's `languages`, or none). */
static void tag_base_texts(lua_State *L, int root_t, int depth)
{
    const char *lang = NULL;
    lua_Integer i, n;
    int decls, top = lua_gettop(L);
    luaL_checkstack(L, 12, "too many nested tables");
    if (raw_field(L, root_t, "languages") == LUA_TTABLE &&
        lua_rawgeti(L, -1, 1) == LUA_TSTRING)
        lang = lua_tostring(L, -1);       /* kept alive on the stack */
    if (lang == NULL) {
        lua_settop(L, top);
        return;
    }
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    decls = lua_gettop(L);
    n = (lua_Integer)lua_rawlen(L, decls);
    for (i = 1; i <= n; i++) {
        lua_rawgeti(L, decls, i);
        if (lua_getfield(L, -1, "touched") == LUA_TNIL) {
            lua_pop(L, 1);
            lua_getfield(L, -1, "depth");
        }
        lua_getfield(L, -2, "kind");
        lua_getfield(L, -3, "t");
        if (lua_tointeger(L, -3) == depth && lua_istable(L, -1))
            tag_texts(L, -1, lang, 0, lua_isstring(L, -2) &&
                                      strcmp(lua_tostring(L, -2), "judgement") == 0);
        lua_pop(L, 4);   /* record, depth (or touched), kind, t */
    }
    lua_settop(L, top);
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
        raw_field(L, i == 0 ? a : b, "languages");
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
    raw_field(L, 1, "id");
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
    raw_field(L, -1, "id");
    raw_field(L, -2, "version");
    bid = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    bver = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (bid == NULL || strcmp(bid, id) != 0)
        return vep__sandbox_raise(L, "base_not_found", "base '%s': the script found declares the id '%s'", id,
                          bid ? bid : "(none)");
    if (bver == NULL || !vep__semver_satisfies(bver, range))
        return vep__sandbox_raise(L, "base_version", "base '%s' is version %s, but this %s adapts version %s",
                          id, bver ? bver : "(none)", root, range);
    lua_pop(L, 2);
    tag_base_texts(L, base + 1, depth + 1);
    /* The overlay's root: the base's fields, changed by the overlay's. */
    push_changed(L, -1, 1);
    merged = lua_gettop(L);
    push_languages(L, 1, base + 1);
    lua_setfield(L, merged, "languages");
    lua_pushboolean(L, 1);
    lua_setfield(L, base, "superseded");
    vep__push_record(L, root, NULL);
    lua_pushvalue(L, merged);
    vep__attach_table(L, lua_gettop(L) - 1);
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DONE_KEY);   /* the base's layer is read */
    lua_pushboolean(L, 1);
    lua_rawseti(L, -2, depth + 1);
    return 0;
}

/* ---- Reading ---------------------------------------------------------- */

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
    if (live && !layers_done(L, (int)lua_tointeger(L, -1)))
        live = 0;                  /* made by a base that failed */
    (void)root;
    lua_pop(L, 4);
    return live;
}

/* Copies t[key] when it is a string; NULL otherwise or out of memory. */
static char *field_dup(lua_State *L, int t, const char *key, const vep_alloc *a, int *nomem)
{
    char *s = NULL;
    raw_field(L, t, key);
    if (lua_type(L, -1) == LUA_TSTRING) {
        s = vep__strdup(a, lua_tostring(L, -1));
        if (s == NULL)
            *nomem = 1;
    }
    lua_pop(L, 1);
    return s;
}

int vep__lineage_read(lua_State *L, const char *root, const vep_alloc *a,
                      vep_lineage **out, size_t *n)
{
    int decls, maxdepth = 0, nomem = 0, d;
    lua_Integer i, len;
    vep_lineage *l;

    *out = NULL;
    *n = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    decls = lua_gettop(L);
    len = (lua_Integer)lua_rawlen(L, decls);
    for (i = 1; i <= len; i++) {
        lua_rawgeti(L, decls, i);
        lua_getfield(L, -1, "kind");
        lua_getfield(L, -2, "depth");
        if (lua_isstring(L, -2) && strcmp(lua_tostring(L, -2), root) == 0 &&
            lua_tointeger(L, -1) > maxdepth && layers_done(L, (int)lua_tointeger(L, -1)))
            maxdepth = (int)lua_tointeger(L, -1);
        lua_pop(L, 3);
    }
    if (maxdepth == 0) {
        lua_pop(L, 1);
        return 0;
    }
    l = vep__calloc(a, (size_t)maxdepth + 1, sizeof *l);
    if (l == NULL) {
        lua_pop(L, 1);
        return -1;
    }
    *out = l;
    *n = (size_t)maxdepth + 1;
    for (d = 0; d <= maxdepth; d++)
        l[maxdepth - d].layer = d;
    for (i = 1; i <= len; i++) {
        int t, layer;
        lua_rawgeti(L, decls, i);
        lua_getfield(L, -1, "kind");
        lua_getfield(L, -2, "depth");
        layer = (int)lua_tointeger(L, -1);
        if (!lua_isstring(L, -2) || strcmp(lua_tostring(L, -2), root) != 0 ||
            layer < 0 || layer > maxdepth || l[maxdepth - layer].id != NULL ||
            !layers_done(L, layer)) {
            lua_pop(L, 3);
            continue;
        }
        lua_pop(L, 2);
        lua_getfield(L, -1, "t");
        t = lua_gettop(L);
        l[maxdepth - layer].id = field_dup(L, t, "id", a, &nomem);
        l[maxdepth - layer].version = field_dup(L, t, "version", a, &nomem);
        raw_field(L, t, "base");          /* the range asked of the next layer */
        if (lua_istable(L, -1) && layer + 1 <= maxdepth)
            l[maxdepth - layer - 1].range = field_dup(L, lua_gettop(L), "version", a, &nomem);
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    return nomem ? -1 : 0;
}

int vep__lineage_hash(const vep_alloc *a, vep_lineage *l, size_t n,
                      vep_source *v, size_t nv)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        vep_buf b;
        size_t count = 0, last = 0;
        vep__buf_init(&b, a);
        for (j = 0; j < nv; j++) {
            if (v[j].layer != l[i].layer)
                continue;
            if (v[j].module == NULL && l[i].file == NULL)
                l[i].file = v[j].label;
            vep__buf_printf(&b, "%s  %s\n", v[j].sha256,
                            v[j].own_label ? v[j].own_label : v[j].label);
            count++;
            last = j;
        }
        if (count == 1)
            memcpy(l[i].sha256, v[last].sha256, 65);
        else if (b.failed || vep__sha256_hex(b.data ? b.data : "", b.len, l[i].sha256)) {
            vep__buf_free(&b);
            return -1;
        }
        vep__buf_free(&b);
    }
    return 0;
}

void vep__lineage_free(const vep_alloc *a, vep_lineage *l, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        vep__free(a, l[i].id);
        vep__free(a, l[i].version);
        vep__free(a, l[i].range);
    }
    vep__free(a, l);
}

/* Writes "lineage": [{"id", "version", "sha256", "file", "adapts": null or
** {"id", "versions"}}], bases first; nothing when there is no base. */
void vep__lineage_write(vep_jsonw *w, const vep_lineage *l, size_t n)
{
    size_t i;
    if (n == 0)
        return;
    vep__jw_key(w, "lineage");
    vep__jw_array(w);
    for (i = 0; i < n; i++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "id", l[i].id);
        vep__jw_kstring(w, "version", l[i].version);
        vep__jw_kstring(w, "sha256", l[i].sha256);
        vep__jw_kstring(w, "file", l[i].file);
        vep__jw_key(w, "adapts");
        if (i == 0) {
            vep__jw_null(w);
        } else {
            vep__jw_object(w);
            vep__jw_kstring(w, "id", l[i - 1].id);
            vep__jw_kstring(w, "versions", l[i - 1].range);
            vep__jw_object_end(w);
        }
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}
