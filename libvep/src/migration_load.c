/*
** migration_load.c -- loads a migration script (migration.h): runs it in
** the sandbox with the migration constructors, reads the steps into the
** model and checks each one, hashes the sources.
*/
#include <stdlib.h>
#include <string.h>
#include "lauxlib.h"
#include "engine.h"
#include "loader.h"
#include "decl.h"
#include "semver.h"
#include "migration.h"

const char *const vep__mig_op_names[] = {
    "rename", "recode", "split", "merge", "drop", "add", "judgement", NULL
};

static const char *const mig_with_id[] = {
    "rename", "recode", "split", "merge", "drop", "add", NULL
};
static const char *const mig_plain[] = { "migration", "judgement", NULL };
static const vep_script_kinds mig_kinds = {
    mig_with_id, mig_plain, "instrument",
    "this is an instrument script (it declares instrument {...}), not a "
    "migration", "migration"
};

/* What the reader keeps while it walks the records. */
typedef struct mig_rd {
    vep_declrd r;
    vep_model lm;              /* languages only, for texts (borrowed)   */
    vep_migration_model *m;
} mig_rd;

/* Copies a string into the model, noting out of memory. */
static char *dup(mig_rd *p, const char *s)
{
    char *c = vep__strdup(p->m->alloc, s);
    if (c == NULL)
        p->r.d->nomem = 1;
    return c;
}

/* Reads {id = ..., version = ...} at field `key` of t. */
static void read_ref(mig_rd *p, int t, const char *key, char **id, char **version,
                     int range)
{
    static const char *const fields[] = { "id", "version", NULL };
    lua_State *L = p->r.L;
    if (vep__decl_field(&p->r, t, key) != LUA_TTABLE) {
        vep__decl_problem(&p->r, "missing_field", "'%s' must be a table { id = \"...\", version = \"%s\" }",
                          key, range ? "^1.0.0" : "2.0.0");
        lua_pop(L, 1);
        return;
    }
    vep__decl_check_fields(&p->r, -1, fields, 0);
    vep__decl_string(&p->r, lua_gettop(L), "id", id);
    vep__decl_string(&p->r, lua_gettop(L), "version", version);
    lua_pop(L, 1);
    if (*id == NULL || !vep__valid_id(*id))
        vep__decl_problem(&p->r, "missing_field", "'%s' needs the instrument's id", key);
    if (*version == NULL)
        vep__decl_problem(&p->r, "missing_field", "'%s' needs a version", key);
    else if (range ? !vep__semver_range_valid(*version) : !vep__semver_parse(*version, &(vep_semver){0}))
        vep__decl_problem(&p->r, "invalid_value", "'%s' version '%s' is not %s", key, *version,
                          range ? "a version range such as \"^1.0.0\"" : "a semantic version MAJOR.MINOR.PATCH");
}

/* migration { id, version, title, languages, from, to }. */
static void read_root(mig_rd *p, int t)
{
    static const char *const fields[] = {
        "id", "version", "title", "languages", "from", "to", NULL
    };
    vep_migration_model *m = p->m;
    vep__decl_check_fields(&p->r, t, fields, 0);
    vep__decl_strings(&p->r, t, "languages", &m->languages, &m->nlanguages);
    if (m->nlanguages == 0) {
        m->languages = vep__calloc(m->alloc, 1, sizeof *m->languages);
        if (m->languages && (m->languages[0] = dup(p, "en")) != NULL)
            m->nlanguages = 1;
    }
    p->lm.languages = m->languages;
    p->lm.nlanguages = m->nlanguages;
    vep__decl_string(&p->r, t, "id", &m->id);
    if (m->id == NULL || !vep__valid_id(m->id))
        vep__decl_problem(&p->r, "missing_field", "'id' is required: letters, digits, '-', '_', '.'");
    vep__decl_string(&p->r, t, "version", &m->version);
    if (m->version == NULL || !vep__semver_parse(m->version, &(vep_semver){0}))
        vep__decl_problem(&p->r, "invalid_value", "'version' must be a semantic version such as \"1.0.0\"");
    vep__decl_text(&p->r, t, "title", &m->title);
    read_ref(p, t, "from", &m->from_id, &m->from_range, 1);
    read_ref(p, t, "to", &m->to_id, &m->to_version, 0);
}

static int cmp_row(const void *a, const void *b)
{
    return strcmp(((const vep_mig_row *)a)->from, ((const vep_mig_row *)b)->from);
}

/* Reads map = { old = new, ... } (nto 1), or for a split map = { old =
** { item = new, ... } } with one code per item of s->into. */
static void read_map(mig_rd *p, int t, vep_mig_step *s, int split)
{
    lua_State *L = p->r.L;
    const char **keys;
    size_t nk, k, j;
    int map;
    if (vep__decl_field(&p->r, t, "map") != LUA_TTABLE) {
        vep__decl_problem(&p->r, "missing_field", "'map' must be a table { old_code = %s, ... }",
                          split ? "{ new_item = code, ... }" : "\"new_code\"");
        lua_pop(L, 1);
        return;
    }
    map = lua_gettop(L);
    keys = vep__decl_sorted_keys(L, map, &nk);
    if (nk == 0)
        vep__decl_problem(&p->r, "missing_field", "'map' maps no code");
    s->map = nk ? vep__calloc(p->m->alloc, nk, sizeof *s->map) : NULL;
    if (nk && s->map == NULL)
        p->r.d->nomem = 1;
    for (k = 0; k < nk && s->map; k++) {
        vep_mig_row *row = &s->map[s->nmap++];
        int type = vep__decl_field(&p->r, map, keys[k]);
        row->from = dup(p, keys[k]);
        row->nto = split ? s->ninto : 1;
        row->to = vep__calloc(p->m->alloc, row->nto ? row->nto : 1, sizeof *row->to);
        if (row->to == NULL) {
            p->r.d->nomem = 1;
            row->nto = 0;
        } else if (!split && type == LUA_TSTRING) {
            row->to[0] = dup(p, lua_tostring(L, -1));
        } else if (split && type == LUA_TTABLE) {
            for (j = 0; j < s->ninto; j++) {
                if (vep__decl_field(&p->r, -1, s->into[j]) == LUA_TSTRING)
                    row->to[j] = dup(p, lua_tostring(L, -1));
                else
                    vep__decl_problem(&p->r, "missing_field", "map '%s' gives no code for new item '%s'",
                                      keys[k], s->into[j]);
                lua_pop(L, 1);
            }
        } else {
            vep__decl_problem(&p->r, "wrong_type", "map '%s' must give %s", keys[k],
                              split ? "a table { new_item = code, ... }" : "the new code as a string");
        }
        lua_pop(L, 1);
    }
    if (s->map && !p->r.d->nomem)   /* a failed copy leaves a NULL code */
        qsort(s->map, s->nmap, sizeof *s->map, cmp_row);
    lua_pop(L, 2);   /* the keys' holder and the map */
}

/* Reads one step of kind `op` from table t. */
static void read_step(mig_rd *p, int t, vep_mig_op op, vep_mig_step *s)
{
    static const char *const fields[][5] = {
        { "to", NULL }, { "map", NULL }, { "into", "map", NULL },
        { "from", "order", NULL }, { "reason", NULL },
        { "status", "value", "reason", NULL }, { "map", NULL },
    };
    lua_State *L = p->r.L;
    s->op = op;
    vep__decl_check_fields(&p->r, t, fields[op], 0);
    if (p->r.id && op != VEP_MIG_JUDGEMENT)
        s->item = dup(p, p->r.id);
    switch (op) {
    case VEP_MIG_RENAME:
        vep__decl_string(&p->r, t, "to", &s->to);
        if (s->to == NULL || !vep__valid_id(s->to))
            vep__decl_problem(&p->r, "missing_field", "'to' must give the item's new id");
        break;
    case VEP_MIG_RECODE: case VEP_MIG_JUDGEMENT:
        read_map(p, t, s, 0);
        break;
    case VEP_MIG_SPLIT:
        vep__decl_strings(&p->r, t, "into", &s->into, &s->ninto);
        if (s->ninto < 2)
            vep__decl_problem(&p->r, "missing_field", "'into' must list at least two new items");
        read_map(p, t, s, 1);
        break;
    case VEP_MIG_MERGE:
        vep__decl_strings(&p->r, t, "from", &s->from, &s->nfrom);
        vep__decl_strings(&p->r, t, "order", &s->order, &s->norder);
        if (s->nfrom < 2)
            vep__decl_problem(&p->r, "missing_field", "'from' must list at least two old items");
        if (s->norder < 1)
            vep__decl_problem(&p->r, "missing_field", "'order' must list the codes from lowest to highest");
        break;
    case VEP_MIG_DROP:
        vep__decl_string(&p->r, t, "reason", &s->reason);
        break;
    case VEP_MIG_ADD:
        vep__decl_string(&p->r, t, "reason", &s->reason);
        vep__decl_string(&p->r, t, "status", &s->status);
        if (vep__decl_field(&p->r, t, "value") == LUA_TTABLE) {   /* value = unknown */
            vep__decl_field(&p->r, -1, "status");     /* raw, as every reader */
            if (lua_type(L, -1) == LUA_TSTRING && s->status == NULL)
                s->status = dup(p, lua_tostring(L, -1));
            lua_pop(L, 1);
        } else if (lua_type(L, -1) == LUA_TSTRING) {
            s->value = dup(p, lua_tostring(L, -1));
        }
        lua_pop(L, 1);
        if ((s->status == NULL) == (s->value == NULL))
            vep__decl_problem(&p->r, "missing_field", "give either 'value' (a code) or 'status' (unknown or not_applicable)");
        else if (s->status && strcmp(s->status, "unknown") != 0 && strcmp(s->status, "not_applicable") != 0)
            vep__decl_problem(&p->r, "invalid_value", "'status' must be unknown or not_applicable");
        break;
    }
}

/* Reads every live record in declaration order (migration.h). */
static void read_migration(lua_State *L, void *model, vep_diags *d, vep_buf *scratch)
{
    vep_migration_model *m = model;
    mig_rd p;
    size_t len, i, nsteps = 0, nroots = 0;
    int decls;

    memset(&p, 0, sizeof p);
    p.m = m;
    p.lm.alloc = m->alloc;
    p.r.L = L;
    p.r.m = &p.lm;
    p.r.d = d;
    p.r.a = m->alloc;
    p.r.scratch = scratch;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    decls = lua_gettop(L);
    len = (size_t)lua_rawlen(L, decls);
    if (len > VEP_MAX_DECLARATIONS)
        len = VEP_MAX_DECLARATIONS;
    m->steps = len ? vep__calloc(m->alloc, len, sizeof *m->steps) : NULL;
    if (len && m->steps == NULL)
        d->nomem = 1;
    for (i = 1; i <= len && !d->nomem; i++) {
        int k, t;
        lua_rawgeti(L, decls, (lua_Integer)i);
        lua_getfield(L, -1, "kind");
        k = vep__name_find(vep__mig_op_names, lua_tostring(L, -1));
        p.r.kind = lua_tostring(L, -1) ? lua_tostring(L, -1) : "?";
        lua_pop(L, 1);
        lua_getfield(L, -1, "id");
        p.r.id = lua_tostring(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, -1, "file");
        p.r.origin.file = vep__source_name(m->sources, m->nsources, lua_tostring(L, -1));
        lua_pop(L, 1);
        lua_getfield(L, -1, "line");
        p.r.origin.line = (unsigned)lua_tointeger(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, -1, "t");
        t = lua_gettop(L);
        if (!lua_istable(L, t) || !vep__record_live(L, t - 1, "migration")) {
            lua_pop(L, 2);
            continue;
        }
        if (strcmp(p.r.kind, "migration") == 0) {
            if (nroots++ == 0) {
                m->origin = p.r.origin;
                read_root(&p, t);
            } else {
                vep__decl_problem(&p.r, "duplicate_id", "the migration is declared twice");
            }
        } else if (k >= 0) {
            m->steps[nsteps].origin = p.r.origin;
            m->nsteps = ++nsteps;
            read_step(&p, t, (vep_mig_op)k, &m->steps[nsteps - 1]);
        }
        lua_pop(L, 2);
    }
    if (nroots == 0) {
        p.r.kind = "script";
        p.r.id = NULL;
        p.r.origin.file = m->nsources ? m->sources[0].name : "";
        p.r.origin.line = 0;
        vep__decl_problem(&p.r, "missing_field", "no migration { id = ..., from = ..., to = ... } declaration");
    }
    lua_pop(L, 1);
}

/* Everything is checked while reading. */
static size_t check_migration(void *model, vep_diags *d)
{
    (void)model;
    (void)d;
    return 0;
}

vep_status vep__migration_load(vep_engine *e, vep_migration_model *m,
                               const char *path, const char *dir,
                               const char *src, size_t len)
{
    vep_script_load sl;
    sl.kinds = &mig_kinds;
    sl.owner = "migration";
    sl.alloc = m->alloc;
    sl.sources = &m->sources;
    sl.nsources = &m->nsources;
    sl.sha256 = m->sha256;
    sl.lineage = &m->lineage;
    sl.nlineage = &m->nlineage;
    sl.hosts = NULL;
    sl.nhosts = NULL;
    sl.model = m;
    sl.read = read_migration;
    sl.check = check_migration;
    return vep__script_load(e, &sl, path, dir, src, len);
}

/* Frees a list of strings. */
static void free_strings(const vep_alloc *a, char **v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        vep__free(a, v[i]);
    vep__free(a, v);
}

void vep__migration_model_free(vep_migration_model *m)
{
    vep_alloc *a = m->alloc;
    size_t i, j;
    for (i = 0; i < m->nsteps; i++) {
        vep_mig_step *s = &m->steps[i];
        vep__free(a, s->item);
        vep__free(a, s->to);
        for (j = 0; j < s->nmap; j++) {
            vep__free(a, s->map[j].from);
            free_strings(a, s->map[j].to, s->map[j].nto);
        }
        vep__free(a, s->map);
        free_strings(a, s->into, s->ninto);
        free_strings(a, s->from, s->nfrom);
        free_strings(a, s->order, s->norder);
        vep__free(a, s->status);
        vep__free(a, s->value);
        vep__free(a, s->reason);
    }
    vep__free(a, m->steps);
    vep__free(a, m->id);
    vep__free(a, m->version);
    vep__text_free(a, &m->title);
    free_strings(a, m->languages, m->nlanguages);
    vep__free(a, m->from_id);
    vep__free(a, m->from_range);
    vep__free(a, m->to_id);
    vep__free(a, m->to_version);
    vep__sources_free(a, m->sources, m->nsources);
    vep__lineage_free(a, m->lineage, m->nlineage);
    memset(m, 0, sizeof *m);
    m->alloc = a;
}
