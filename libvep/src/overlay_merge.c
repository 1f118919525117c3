/*
** overlay_merge.c -- what `change` does to a declaration, and the language
** of a base's plain-string texts (see overlay.h).
**
** Texts merge language by language; lists (options, scale points, bands,
** pre-release steps) merge entry by entry by their identity; every other
** field given replaces the base's.  Tables are read and written raw: a
** script's metatables never run here.
*/
#include <string.h>
#include "lauxlib.h"
#include "overlay.h"
#include "loader.h"
#include "sandbox.h"
#include "sandbox_lib.h"
#include "decl.h"

/* The fields whose value is a text by language: `change` merges them
** language by language instead of replacing them. */
static const char *const text_fields[] = {
    "title", "description", "text", "guidance", "label", "goal",
    "responsivity", "rationale", "note", "notes", NULL
};

/* ---- Merging --------------------------------------------------------- */

int vep__overlay_is_text_field(const char *k)
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
        if (vep__raw_field(L, e, identity_fields[k]) != LUA_TNIL) {
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
        vep__raw_field(L, -1, identity_fields[which]);
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
        if (lua_type(L, k) == LUA_TSTRING && vep__overlay_is_text_field(lua_tostring(L, k))) {
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
void vep__overlay_push_changed(lua_State *L, int old, int new_)
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
            if (vep__overlay_is_text_field(key)) {
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
        if (key && lua_type(L, v) == LUA_TSTRING && vep__overlay_is_text_field(key) &&
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
void vep__overlay_tag_texts(lua_State *L, int root_t, int depth)
{
    const char *lang = NULL;
    lua_Integer i, n;
    int decls, top = lua_gettop(L);
    luaL_checkstack(L, 12, "too many nested tables");
    if (vep__raw_field(L, root_t, "languages") == LUA_TTABLE &&
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

