/*
** lineage.c -- the lineage of an overlay: read from the root declarations
** of its layers, each layer's hash over its own sources, and the
** "lineage" member of results, plans and descriptions (see overlay.h).
*/
#include <string.h>
#include "lauxlib.h"
#include "overlay.h"
#include "loader.h"
#include "sha256.h"
#include "jsonw.h"

/* Copies t[key] when it is a string; NULL otherwise or out of memory. */
static char *field_dup(lua_State *L, int t, const char *key, const vep_alloc *a, int *nomem)
{
    char *s = NULL;
    vep__raw_field(L, t, key);
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
            lua_tointeger(L, -1) > maxdepth && vep__overlay_layers_done(L, (int)lua_tointeger(L, -1)))
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
            !vep__overlay_layers_done(L, layer)) {
            lua_pop(L, 3);
            continue;
        }
        lua_pop(L, 2);
        lua_getfield(L, -1, "t");
        t = lua_gettop(L);
        l[maxdepth - layer].id = field_dup(L, t, "id", a, &nomem);
        l[maxdepth - layer].version = field_dup(L, t, "version", a, &nomem);
        vep__raw_field(L, t, "base");          /* the range asked of the next layer */
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
