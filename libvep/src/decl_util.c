/*
** decl_util.c -- the helpers every declaration reader uses: raw field
** access, typed reads, texts by language, id and language-tag checks.
*/
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "lauxlib.h"
#include "decl.h"

/* Reports a problem with the declaration being read, prefixed with its
** kind and id, at the line that made it. */
void vep__decl_problem(vep_declrd *r, const char *rule, const char *fmt, ...)
{
    vep_buf b;
    va_list ap;
    if (r->d->nomem)   /* a field that could not be copied is not missing */
        return;
    vep__buf_init(&b, r->a);
    if (r->id)
        vep__buf_printf(&b, "%s '%s': ", r->kind, r->id);
    else
        vep__buf_printf(&b, "%s: ", r->kind);
    va_start(ap, fmt);
    vep__buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (b.failed)
        r->d->nomem = 1;
    else
        vep__diag_add(r->d, r->origin.file, r->origin.line, NULL, r->id, rule,
                      "%s", b.data);
    vep__buf_free(&b);
}

int vep__decl_field(vep_declrd *r, int t, const char *key)
{
    lua_pushstring(r->L, key);
    return lua_rawget(r->L, t < 0 ? t - 1 : t);
}

/* qsort comparator for C strings. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Collects the string keys of table `t` into an array held by a Lua
** userdata (left on the stack, so an error raised later frees it) and
** sorts them; returns the array and sets *n.  The strings stay alive as
** keys of `t`. */
const char **vep__decl_sorted_keys(lua_State *L, int t, size_t *n)
{
    const char **keys;
    size_t count = 0;
    t = lua_absindex(L, t);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) == LUA_TSTRING)
            count++;
        lua_pop(L, 1);
    }
    keys = lua_newuserdatauv(L, (count ? count : 1) * sizeof *keys, 0);
    *n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) == LUA_TSTRING && *n < count)
            keys[(*n)++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    qsort(keys, *n, sizeof *keys, cmp_str);
    return keys;
}

void vep__decl_check_fields(vep_declrd *r, int t, const char *const *allowed,
                          int array_ok)
{
    lua_State *L = r->L;
    const char *bad[32];
    size_t nbad = 0, i, k;
    int abs = lua_absindex(L, t), array_seen = 0;

    lua_pushnil(L);
    while (lua_next(L, abs)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *key = lua_tostring(L, -2);
            int ok = 0;
            for (k = 0; allowed[k]; k++)
                if (strcmp(allowed[k], key) == 0)
                    ok = 1;
            if (!ok && nbad < 32)
                bad[nbad++] = key;  /* the key stays alive in the table */
        } else if (lua_type(L, -2) == LUA_TNUMBER && array_ok) {
            array_seen = 1;
        } else if (!array_seen || !array_ok) {
            if (!array_ok && lua_type(L, -2) == LUA_TNUMBER)
                array_seen = 2;
        }
        lua_pop(L, 1);
    }
    /* lua_next order depends on the hash seed: sort for stable reports. */
    qsort(bad, nbad, sizeof bad[0], cmp_str);
    for (i = 0; i < nbad; i++)
        vep__decl_problem(r, "unknown_field", "unknown field '%s'", bad[i]);
    if (array_seen == 2)
        vep__decl_problem(r, "unknown_field", "unexpected list entries (only named fields are allowed here)");
}

/* Reports a field of the wrong type; returns -1 for the caller to return. */
static int wrong_type(vep_declrd *r, const char *key, const char *want, int type)
{
    vep__decl_problem(r, "wrong_type", "'%s' must be %s, not a %s", key, want,
                      lua_typename(r->L, type));
    return -1;
}

int vep__decl_string(vep_declrd *r, int t, const char *key, char **out)
{
    int type = vep__decl_field(r, t, key);
    int rc = 0;
    if (type == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(r->L, -1, &len);
        *out = vep__strndup(r->a, s, len);
        if (*out == NULL)
            r->d->nomem = 1;
    } else if (type != LUA_TNIL) {
        rc = wrong_type(r, key, "a string", type);
    }
    lua_pop(r->L, 1);
    return rc;
}

int vep__decl_word(vep_declrd *r, int t, const char *key, char *out, size_t n)
{
    int type = vep__decl_field(r, t, key), rc = 0;
    size_t len;
    const char *v;
    out[0] = '\0';
    if (type == LUA_TSTRING) {
        v = lua_tolstring(r->L, -1, &len);
        if (len >= n) {
            vep__decl_problem(r, "invalid_value", "'%s' is too long: \"%.20s...\"", key, v);
            rc = -1;
        } else {
            memcpy(out, v, len + 1);
            rc = 1;
        }
    } else if (type != LUA_TNIL) {
        rc = wrong_type(r, key, "a string", type);
    }
    lua_pop(r->L, 1);
    return rc;
}

int vep__decl_number(vep_declrd *r, int t, const char *key, double *out)
{
    int type = vep__decl_field(r, t, key);
    int rc = 0;
    if (type == LUA_TNUMBER) {
        *out = (double)lua_tonumber(r->L, -1);
        rc = 1;
        if (*out != *out) {
            vep__decl_problem(r, "invalid_value", "'%s' is not a number (NaN)", key);
            rc = -1;
        }
    } else if (type != LUA_TNIL) {
        rc = wrong_type(r, key, "a number", type);
    }
    lua_pop(r->L, 1);
    return rc;
}

int vep__decl_bool(vep_declrd *r, int t, const char *key, int *out)
{
    int type = vep__decl_field(r, t, key);
    int rc = 0;
    if (type == LUA_TBOOLEAN) {
        *out = lua_toboolean(r->L, -1);
        rc = 1;
    } else if (type != LUA_TNIL) {
        rc = wrong_type(r, key, "true or false", type);
    }
    lua_pop(r->L, 1);
    return rc;
}

/* Position of a language tag in the instrument's list, or -1. */
static int lang_index(const vep_model *m, const char *tag)
{
    size_t i;
    for (i = 0; i < m->nlanguages; i++)
        if (strcmp(m->languages[i], tag) == 0)
            return (int)i;
    return -1;
}

/* Appends one (lang, text) pair to a text. */
static void text_add(vep_declrd *r, vep_text *t, const char *lang, const char *s)
{
    char **l2, **t2, *l, *x;
    l2 = vep__realloc(r->a, t->lang, (t->n + 1) * sizeof *l2);
    if (l2 == NULL) { r->d->nomem = 1; return; }
    t->lang = l2;
    t2 = vep__realloc(r->a, t->text, (t->n + 1) * sizeof *t2);
    if (t2 == NULL) { r->d->nomem = 1; return; }
    t->text = t2;
    l = vep__strdup(r->a, lang);
    x = vep__strdup(r->a, s);
    if (l == NULL || x == NULL) {  /* never a NULL entry */
        vep__free(r->a, l);
        vep__free(r->a, x);
        r->d->nomem = 1;
        return;
    }
    t->lang[t->n] = l;
    t->text[t->n] = x;
    t->n++;
}

/* Texts are stored in the order of the instrument's languages, so that the
** first entry is the default language's whatever order the script used. */
void vep__decl_text(vep_declrd *r, int t, const char *key, vep_text *out)
{
    lua_State *L = r->L;
    int type = vep__decl_field(r, t, key);
    size_t i;

    if (type == LUA_TSTRING) {
        text_add(r, out, r->m->nlanguages ? r->m->languages[0] : "en", lua_tostring(L, -1));
    } else if (type == LUA_TTABLE) {
        int tab = lua_gettop(L);
        size_t nk, k, all = 0;
        const char **keys;
        lua_pushnil(L);
        while (lua_next(L, tab)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
                all++;
            lua_pop(L, 1);
        }
        if (all)
            vep__decl_problem(r, "wrong_type", "'%s' must map language tags to strings", key);
        keys = vep__decl_sorted_keys(L, tab, &nk);   /* stable report order */
        for (k = 0; k < nk; k++)
            if (lang_index(r->m, keys[k]) < 0)
                vep__decl_problem(r, "unknown_language",
                                  "'%s' has a text in '%s', which is not among the instrument's languages",
                                  key, keys[k]);
        lua_pop(L, 1);
        for (i = 0; i < r->m->nlanguages; i++) {
            if (vep__decl_field(r, tab, r->m->languages[i]) == LUA_TSTRING)
                text_add(r, out, r->m->languages[i], lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    } else if (type != LUA_TNIL) {
        vep__decl_problem(r, "wrong_type", "'%s' must be a string or a table of texts by language",
                        key);
    }
    lua_pop(L, 1);
}

void vep__decl_strings_at(vep_declrd *r, int idx, const char *what, char ***out,
                        size_t *n)
{
    lua_State *L = r->L;
    int abs = lua_absindex(L, idx);
    size_t len, i;
    char **v;

    *out = NULL;
    *n = 0;
    if (lua_type(L, abs) == LUA_TSTRING) {
        len = 1;
    } else if (lua_type(L, abs) == LUA_TTABLE) {
        len = (size_t)lua_rawlen(L, abs);
    } else {
        vep__decl_problem(r, "wrong_type", "'%s' must be a string or a list of strings", what);
        return;
    }
    if (len == 0)
        return;
    v = vep__calloc(r->a, len, sizeof *v);
    if (v == NULL)
        goto nomem;
    for (i = 0; i < len; i++) {
        int type = lua_type(L, abs) == LUA_TSTRING ? LUA_TSTRING
                                                   : lua_rawgeti(L, abs, (lua_Integer)i + 1);
        const char *s = type == LUA_TSTRING ? lua_tostring(L, lua_type(L, abs) == LUA_TSTRING ? abs : -1) : "";
        if (type != LUA_TSTRING)
            vep__decl_problem(r, "wrong_type", "entry %zu of '%s' must be a string", i + 1, what);
        v[i] = vep__strdup(r->a, s);
        if (lua_type(L, abs) != LUA_TSTRING)
            lua_pop(L, 1);
        if (v[i] == NULL) {
            while (i-- > 0)
                vep__free(r->a, v[i]);
            vep__free(r->a, v);
            goto nomem;
        }
    }
    *out = v;
    *n = len;
    return;
nomem:
    r->d->nomem = 1;   /* a list is all or nothing: never NULL entries */
}

void vep__decl_strings(vep_declrd *r, int t, const char *key, char ***out,
                     size_t *n)
{
    if (vep__decl_field(r, t, key) != LUA_TNIL)
        vep__decl_strings_at(r, -1, key, out, n);
    lua_pop(r->L, 1);
}

int vep__decl_whole(double v, double max)
{
    return v >= 0 && v <= max && v == floor(v);
}

int vep__valid_id(const char *s)
{
    size_t i, n;
    if (s == NULL)
        return 0;
    n = strlen(s);
    if (n == 0 || n > 64)
        return 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '-' && c != '.')))
            return 0;
    }
    return 1;
}

/* A BCP 47 tag, checked for its shape: a 2-3 letter language, then
** subtags of 2-8 letters or digits (e.g. sr-Latn, sr-Cyrl-RS, cnr). */
int vep__valid_lang(const char *s)
{
    size_t i = 0, run = 0, first = 1;
    if (s == NULL)
        return 0;
    for (;; i++) {
        char c = s[i];
        if (c == '-' || c == '\0') {
            if (first ? (run < 2 || run > 3) : (run < 2 || run > 8))
                return 0;
            if (c == '\0')
                return 1;
            first = 0;
            run = 0;
        } else if ((c >= 'a' && c <= 'z') || (!first && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))) {
            run++;
        } else {
            return 0;
        }
    }
}

