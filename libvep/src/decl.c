/*
** decl.c -- reads the recorded declarations into the model: the
** instrument itself, scales, parts, domains and items.  Scores, levels,
** flags, the judgement and tests are read by decl_rules.c.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "host.h"
#include "lauxlib.h"
#include "decl.h"
#include "loader.h"
#include "overlay.h"

/* ---- The instrument -------------------------------------------------- */

/* Parses MAJOR.MINOR.PATCH (an optional -pre or +build suffix allowed). */
static int parse_semver(const char *s, int *ma, int *mi, int *pa)
{
    char *end;
    long v[3];
    int i;
    for (i = 0; i < 3; i++) {
        if (*s < '0' || *s > '9')
            return 0;
        v[i] = strtol(s, &end, 10);
        if (v[i] > 99999 || (s[0] == '0' && end - s > 1))
            return 0;
        s = end;
        if (i < 2 && *s++ != '.')
            return 0;
    }
    if (*s != '\0' && *s != '-' && *s != '+')
        return 0;
    *ma = (int)v[0]; *mi = (int)v[1]; *pa = (int)v[2];
    return 1;
}

static void read_instrument(vep_declrd *r, int t)
{
    static const char *const fields[] = {
        "id", "version", "languages", "title", "description", "licence",
        "license", "population", "assessor", "base", "illustrative",
        "max_unknown", "no_total", "fallbacks", NULL
    };
    vep_model *m = r->m;
    double mu;
    size_t i;

    vep__decl_check_fields(r, t, fields, 0);
    vep__decl_strings(r, t, "languages", &m->languages, &m->nlanguages);
    if (m->nlanguages == 0)
        vep__decl_problem(r, "missing_field", "'languages' must list at least one language tag, e.g. { \"en\" }");
    for (i = 0; i < m->nlanguages; i++)
        if (!vep__valid_lang(m->languages[i]))
            vep__decl_problem(r, "invalid_value", "'%s' is not a BCP 47 language tag (e.g. en, sr-Latn, sq)",
                            m->languages[i]);
    vep__decl_fallbacks(r, t, &m->fallbacks, &m->nfallbacks);
    vep__decl_string(r, t, "id", &m->id);
    if (m->id == NULL)
        vep__decl_problem(r, "missing_field", "'id' is required");
    else if (!vep__valid_id(m->id))
        vep__decl_problem(r, "invalid_id", "'%s' is not a valid id (letters, digits, '-', '_', '.')", m->id);
    vep__decl_string(r, t, "version", &m->version);
    if (m->version == NULL)
        vep__decl_problem(r, "missing_field", "'version' is required (e.g. \"1.0.0\")");
    else if (!parse_semver(m->version, &m->major, &m->minor, &m->patch))
        vep__decl_problem(r, "invalid_value", "version '%s' is not a semantic version MAJOR.MINOR.PATCH",
                        m->version);
    vep__decl_text(r, t, "title", &m->title);
    if (m->title.n == 0)
        vep__decl_problem(r, "missing_field", "'title' is required");
    vep__decl_text(r, t, "description", &m->description);
    vep__decl_string(r, t, "licence", &m->licence);
    if (m->licence == NULL)
        vep__decl_string(r, t, "license", &m->licence);
    vep__decl_string(r, t, "population", &m->population);
    vep__decl_string(r, t, "assessor", &m->assessor_role);
    if (vep__decl_field(r, t, "base") == LUA_TTABLE) {   /* an overlay */
        lua_pop(r->L, 1);
        lua_getfield(r->L, t, "base");
        vep__decl_string(r, lua_gettop(r->L), "id", &m->base);
    }
    lua_pop(r->L, 1);
    vep__decl_bool(r, t, "illustrative", &m->illustrative);
    if (vep__decl_number(r, t, "max_unknown", &mu) == 1) {
        if (!vep__decl_whole(mu, 1e9))
            vep__decl_problem(r, "invalid_value", "'max_unknown' must be a whole number >= 0");
        else
            m->max_unknown = (int)mu;
    }
    if (vep__decl_field(r, t, "no_total") == LUA_TSTRING) {
        m->no_total = 1;
        m->no_total_reason = vep__strdup(r->a, lua_tostring(r->L, -1));
    } else if (lua_type(r->L, -1) == LUA_TBOOLEAN) {
        m->no_total = lua_toboolean(r->L, -1);
        if (m->no_total)
            m->no_total_reason = vep__strdup(r->a, "No total score exists for this instrument.");
    } else if (!lua_isnil(r->L, -1)) {
        vep__decl_problem(r, "wrong_type", "'no_total' must be a string giving the reason");
    }
    lua_pop(r->L, 1);
}

/* Reads the optional `fallbacks = { cnr = "sr-Latn", bs = "hr" }` of an
** instrument or a plan: which language to show when a text is not in the
** one asked for (lang.h).  Stored as pairs, key first, sorted by key, so
** that the chain never depends on the order Lua keeps a table in.  A
** malformed table or tag is reported and leaves the field empty. */
void vep__decl_fallbacks(vep_declrd *r, int t, char ***out, size_t *n)
{
    lua_State *L = r->L;
    const char **keys;
    size_t nk, k, wrong = 0;
    char **v;
    int type = vep__decl_field(r, t, "fallbacks"), tab = lua_gettop(L);

    *out = NULL;
    *n = 0;
    if (type != LUA_TTABLE) {
        if (type != LUA_TNIL)
            vep__decl_problem(r, "wrong_type", "'fallbacks' must be a table of language tags, e.g. { cnr = \"sr-Latn\", bs = \"hr\" }");
        lua_pop(L, 1);
        return;
    }
    lua_pushnil(L);
    while (lua_next(L, tab)) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
            wrong++;
        lua_pop(L, 1);
    }
    if (wrong) {
        vep__decl_problem(r, "wrong_type", "'fallbacks' must map language tags to language tags, e.g. { cnr = \"sr-Latn\", bs = \"hr\" }");
        lua_pop(L, 1);
        return;
    }
    keys = vep__decl_sorted_keys(L, tab, &nk);   /* a userdata on the stack */
    for (k = 0; k < nk; k++) {
        lua_pushstring(L, keys[k]);
        lua_rawget(L, tab);
        if (!vep__valid_lang(keys[k]) || !vep__valid_lang(lua_tostring(L, -1))) {
            vep__decl_problem(r, "invalid_value", "fallback %s = \"%s\": '%s' is not a BCP 47 language tag (e.g. en, sr-Latn, cnr)",
                              keys[k], lua_tostring(L, -1),
                              vep__valid_lang(keys[k]) ? lua_tostring(L, -1) : keys[k]);
            wrong++;
        }
        lua_pop(L, 1);
    }
    if (wrong == 0 && nk > 0) {
        v = vep__calloc(r->a, 2 * nk, sizeof *v);
        if (v == NULL) {
            r->d->nomem = 1;
            goto done;
        }
        *out = v;          /* owned by the model from here on */
        *n = nk;
        for (k = 0; k < nk; k++) {
            lua_pushstring(L, keys[k]);
            lua_rawget(L, tab);
            v[2 * k] = vep__strdup(r->a, keys[k]);
            v[2 * k + 1] = vep__strdup(r->a, lua_tostring(L, -1));
            lua_pop(L, 1);
            if (v[2 * k] == NULL || v[2 * k + 1] == NULL)
                r->d->nomem = 1;
        }
    }
done:
    lua_pop(L, 2);         /* the keys and the table */
}

/* ---- Scales, parts, domains ------------------------------------------ */

/* Reads the list part of a table as options {code=, value=, label=}. */
static void read_options(vep_declrd *r, int t, int need_values, vep_option **out,
                         size_t *n)
{
    static const char *const fields[] = { "code", "value", "label", NULL };
    lua_State *L = r->L;
    size_t len = (size_t)lua_rawlen(L, t), i;

    *n = 0;
    *out = NULL;
    if (len == 0)
        return;
    *out = vep__calloc(r->a, len, sizeof **out);
    if (*out == NULL) { r->d->nomem = 1; return; }
    *n = len;
    for (i = 0; i < len; i++) {
        vep_option *o = &(*out)[i];
        int e;
        if (lua_rawgeti(L, t, (lua_Integer)i + 1) != LUA_TTABLE) {
            vep__decl_problem(r, "wrong_type", "entry %zu must be a table { code = ..., value = ..., label = ... }", i + 1);
            lua_pop(L, 1);
            continue;
        }
        e = lua_gettop(L);
        vep__decl_check_fields(r, e, fields, 0);
        vep__decl_string(r, e, "code", &o->code);
        if (o->code == NULL)
            vep__decl_problem(r, "missing_field", "entry %zu has no 'code'", i + 1);
        else if (strcmp(o->code, "unknown") == 0 || strcmp(o->code, "not_applicable") == 0)
            vep__decl_problem(r, "invalid_value", "'%s' cannot be a code: unknown and not applicable are answer states of their own",
                            o->code);
        o->has_value = vep__decl_number(r, e, "value", &o->value) == 1;
        if (need_values && !o->has_value)
            vep__decl_problem(r, "missing_field", "point '%s' has no numeric 'value'", o->code ? o->code : "?");
        vep__decl_text(r, e, "label", &o->label);
        lua_pop(L, 1);
    }
}

static void read_scale(vep_declrd *r, int t, vep_scale *s)
{
    static const char *const fields[] = { "title", NULL };
    size_t i;
    vep__decl_check_fields(r, t, fields, 1);
    vep__decl_text(r, t, "title", &s->title);
    read_options(r, t, 1, &s->points, &s->npoints);
    if (s->npoints < 2)
        vep__decl_problem(r, "invalid_value", "a scale needs at least two points");
    for (i = 0; i < s->npoints; i++) {
        if (i == 0 || s->points[i].value < s->min) s->min = s->points[i].value;
        if (i == 0 || s->points[i].value > s->max) s->max = s->points[i].value;
    }
}

static void read_part(vep_declrd *r, int t, vep_part *p)
{
    static const char *const fields[] = { "title", NULL };
    vep__decl_check_fields(r, t, fields, 0);
    vep__decl_text(r, t, "title", &p->title);
}

static void read_domain(vep_declrd *r, int t, vep_domain *dm)
{
    static const char *const fields[] = { "title", "kind", "part", NULL };
    char kind[32], part[128];
    vep__decl_check_fields(r, t, fields, 0);
    vep__decl_text(r, t, "title", &dm->title);
    dm->kind = VEP_DOMAIN_RISK;
    if (vep__decl_word(r, t, "kind", kind, sizeof kind) == 1) {
        int k = vep__name_find(vep__domain_kind_names, kind);
        if (k < 0)
            vep__decl_problem(r, "invalid_value", "kind '%s' must be risk, need, protective or other", kind);
        else
            dm->kind = (vep_domain_kind)k;
    }
    dm->part = -1;
    if (vep__decl_word(r, t, "part", part, sizeof part) == 1) {
        dm->part = vep__model_find_part(r->m, part);
        if (dm->part < 0)
            vep__decl_problem(r, "unknown_reference", "part '%s' is not declared (declare parts before their domains)", part);
    }
}

/* ---- Items ----------------------------------------------------------- */

/* Reads `weights = { domain = w }` into the weight of each listed domain. */
static void read_weights(vep_declrd *r, int t, vep_item *it)
{
    lua_State *L = r->L;
    size_t i;
    int w;
    if (vep__decl_field(r, t, "weights") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1)) {
        vep__decl_problem(r, "wrong_type", "'weights' must be a table { domain = weight }");
        lua_pop(L, 1);
        return;
    }
    w = lua_gettop(L);
    {
        size_t nk, k, all = 0;
        const char **keys;
        lua_pushnil(L);
        while (lua_next(L, w)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
                all++;
            lua_pop(L, 1);
        }
        if (all)
            vep__decl_problem(r, "wrong_type", "'weights' must map domain ids to numbers");
        keys = vep__decl_sorted_keys(L, w, &nk);   /* stable report order */
        for (k = 0; k < nk; k++) {
            int found = 0;
            if (vep__decl_field(r, w, keys[k]) == LUA_TNUMBER) {
                for (i = 0; i < it->ndomains; i++)
                    if (strcmp(it->domain_ids[i], keys[k]) == 0) {
                        it->weights[i] = (double)lua_tonumber(L, -1);
                        found = 1;
                    }
                if (!found)
                    vep__decl_problem(r, "unknown_reference", "weight for '%s', which is not among the item's domains",
                                      keys[k]);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void read_item(vep_declrd *r, int t, vep_item *it)
{
    static const char *const fields[] = {
        "type", "scale", "options", "domains", "weights", "part", "required",
        "unknown", "not_applicable", "min", "max", "integer", "max_length",
        "protective", "when", "text", "guidance", NULL
    };
    lua_State *L = r->L;
    char type[32];
    double v;
    size_t i;

    vep__decl_check_fields(r, t, fields, 0);
    it->scale = -1;
    it->part = -1;
    it->allow_unknown = it->allow_na = 1;
    if (vep__decl_word(r, t, "type", type, sizeof type) == 0) {
        vep__decl_problem(r, "missing_field", "'type' is required (presence, scale, choice, multi, count, number, date or text)");
    } else if (type[0]) {
        int k = vep__name_find(vep__item_type_names, type);
        if (k < 0)
            vep__decl_problem(r, "invalid_value", "type '%s' must be presence, scale, choice, multi, count, number, date or text", type);
        else
            it->type = (vep_item_type)k;
    }
    vep__decl_string(r, t, "scale", &it->scale_id);
    if (it->type == VEP_ITEM_SCALE && it->scale_id == NULL)
        vep__decl_problem(r, "missing_field", "a scale item needs 'scale'");
    if (vep__decl_field(r, t, "options") == LUA_TTABLE)
        read_options(r, lua_gettop(L), 0, &it->options, &it->noptions);
    lua_pop(L, 1);
    if ((it->type == VEP_ITEM_CHOICE || it->type == VEP_ITEM_MULTI) && it->noptions == 0)
        vep__decl_problem(r, "missing_field", "a %s item needs 'options'", it->type == VEP_ITEM_CHOICE ? "choice" : "multi");
    vep__decl_strings(r, t, "domains", &it->domain_ids, &it->ndomains);
    if (it->ndomains) {
        it->weights = vep__calloc(r->a, it->ndomains, sizeof *it->weights);
        it->domains = vep__calloc(r->a, it->ndomains, sizeof *it->domains);
        if (!it->weights || !it->domains) {
            r->d->nomem = 1;
            for (i = 0; i < it->ndomains; i++)
                vep__free(r->a, it->domain_ids[i]);
            vep__free(r->a, it->domain_ids);
            it->domain_ids = NULL;
            it->ndomains = 0;
        }
        for (i = 0; i < it->ndomains; i++) {
            it->weights[i] = 1;
            it->domains[i] = -1;
        }
    }
    read_weights(r, t, it);
    vep__decl_string(r, t, "part", &it->part_id);
    vep__decl_bool(r, t, "required", &it->required);
    vep__decl_bool(r, t, "unknown", &it->allow_unknown);
    vep__decl_bool(r, t, "not_applicable", &it->allow_na);
    vep__decl_bool(r, t, "protective", &it->protective);
    vep__decl_bool(r, t, "integer", &it->integer);
    it->has_min = vep__decl_number(r, t, "min", &it->min) == 1;
    it->has_max = vep__decl_number(r, t, "max", &it->max) == 1;
    if (vep__decl_number(r, t, "max_length", &v) == 1) {
        if (v < 1 || !vep__decl_whole(v, 1e12))
            vep__decl_problem(r, "invalid_value", "'max_length' must be a whole number >= 1");
        else
            it->max_length = (size_t)v;
    }
    if (it->type == VEP_ITEM_COUNT) {
        it->integer = 1;
        it->has_min = 1;
        it->min = 0;
    }
    if (it->has_min && it->has_max && it->min > it->max)
        vep__decl_problem(r, "invalid_value", "'min' %g is above 'max' %g", it->min, it->max);
    if (vep__decl_field(r, t, "when") != LUA_TNIL) {
        char path[160];
        it->when = vep__calloc(r->a, 1, sizeof *it->when);
        if (it->when == NULL) {
            r->d->nomem = 1;
        } else {
            snprintf(path, sizeof path, "item:%s/when", r->id ? r->id : "");
            vep__decl_cond(r, -1, path, it->when);
        }
    }
    lua_pop(L, 1);
    vep__decl_text(r, t, "text", &it->text);
    if (it->text.n == 0)
        vep__decl_problem(r, "missing_field", "'text' is required: the item as the assessor reads it");
    vep__decl_text(r, t, "guidance", &it->guidance);
}

/* ---- The records ----------------------------------------------------- */

enum { K_INSTRUMENT, K_SCALE, K_PART, K_DOMAIN, K_ITEM, K_SCORE, K_LEVEL,
       K_FLAG, K_JUDGEMENT, K_TEST, K_HOST, K_COUNT };

static const char *const kind_names[K_COUNT] = {
    "instrument", "scale", "part", "domain", "item", "score", "level",
    "flag", "judgement", "test", "host_function"
};

static int kind_of(const char *s)
{
    int k;
    for (k = 0; k < K_COUNT; k++)
        if (strcmp(kind_names[k], s) == 0)
            return k;
    return -1;
}

/* The origin file is borrowed from the model's sources, which live as long
** as the model; the record names the chunk by its label. */
static const char *source_name(const vep_model *m, const char *file)
{
    return vep__model_source_name(m, file);
}

/* Allocates the model's arrays for the number of records of each kind. */
static int allocate(vep_declrd *r, const size_t count[K_COUNT])
{
    vep_model *m = r->m;
#define ALLOC(field, k) \
    if (count[k] && !(m->field = vep__calloc(r->a, count[k], sizeof *m->field))) return -1;
    ALLOC(scales, K_SCALE) ALLOC(parts, K_PART) ALLOC(domains, K_DOMAIN)
    ALLOC(items, K_ITEM) ALLOC(scores, K_SCORE) ALLOC(levels, K_LEVEL)
    ALLOC(flags, K_FLAG) ALLOC(tests, K_TEST) ALLOC(hosts, K_HOST)
#undef ALLOC
    return 0;
}

/* Sets r's current declaration from the record at the top of the stack and
** pushes its table; returns the table's index, or 0 when it has none. */
static int begin_record(vep_declrd *r, int k)
{
    lua_State *L = r->L;
    int rec = lua_gettop(L);
    r->kind = kind_names[k];
    r->id = NULL;
    lua_getfield(L, rec, "file");
    r->origin.file = source_name(r->m, lua_tostring(L, -1) ? lua_tostring(L, -1) : "");
    lua_pop(L, 1);
    lua_getfield(L, rec, "line");
    r->origin.line = (unsigned)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, rec, "id") == LUA_TSTRING)
        r->id = lua_tostring(L, -1);  /* kept alive by the record */
    lua_pop(L, 1);
    if (lua_getfield(L, rec, "t") != LUA_TTABLE) {
        vep__decl_problem(r, "missing_field", "no table follows the declaration");
        return 0;
    }
    return lua_gettop(L);
}

/* Copies the current declaration's id and origin into a model entry. */
static char *take_id(vep_declrd *r)
{
    char *id = vep__strdup(r->a, r->id ? r->id : "");
    if (id == NULL)
        r->d->nomem = 1;
    else if (!vep__valid_id(id))
        vep__decl_problem(r, "invalid_id", "'%s' is not a valid id (1 to 64 letters, digits, '-', '_', '.')", id);
    return id;
}

/* Test names are free text, not ids. */
static char *take_id_free_form(vep_declrd *r)
{
    char *name = vep__strdup(r->a, r->id ? r->id : "");
    if (name == NULL)
        r->d->nomem = 1;
    return name;
}

/* Reads one record of kind k into the next free entry of its array. */
static void read_record(vep_declrd *r, int k, size_t n[K_COUNT])
{
    vep_model *m = r->m;
    int t = begin_record(r, k);
    if (t == 0)
        goto done;
    switch (k) {
    case K_INSTRUMENT:
        if (n[K_INSTRUMENT]++ > 0)
            vep__decl_problem(r, "duplicate_id", "the instrument is declared twice");
        else {
            read_instrument(r, t);
            r->m->nlanguages_own = vep__overlay_own_languages(r->L, t - 1, r->m->nlanguages);
        }
        break;
    case K_SCALE:
        m->scales[n[k]].id = take_id(r);
        m->scales[n[k]].origin = r->origin;
        m->nscales = ++n[k];   /* owned before reading, which may raise */
        read_scale(r, t, &m->scales[n[k] - 1]);
        break;
    case K_PART:
        m->parts[n[k]].id = take_id(r);
        m->parts[n[k]].origin = r->origin;
        m->nparts = ++n[k];
        read_part(r, t, &m->parts[n[k] - 1]);
        break;
    case K_DOMAIN:
        m->domains[n[k]].id = take_id(r);
        m->domains[n[k]].origin = r->origin;
        m->ndomains = ++n[k];
        read_domain(r, t, &m->domains[n[k] - 1]);
        break;
    case K_ITEM:
        m->items[n[k]].id = take_id(r);
        m->items[n[k]].origin = r->origin;
        m->nitems = ++n[k];
        read_item(r, t, &m->items[n[k] - 1]);
        break;
    case K_SCORE:
        m->scores[n[k]].id = take_id(r);
        m->scores[n[k]].origin = r->origin;
        m->nscores = ++n[k];
        vep__decl_score(r, t, &m->scores[n[k] - 1]);
        break;
    case K_LEVEL:
        m->levels[n[k]].id = take_id(r);
        m->levels[n[k]].origin = r->origin;
        m->nlevels = ++n[k];
        vep__decl_level(r, t, &m->levels[n[k] - 1]);
        break;
    case K_FLAG:
        m->flags[n[k]].id = take_id(r);
        m->flags[n[k]].origin = r->origin;
        m->nflags = ++n[k];
        vep__decl_flag(r, t, &m->flags[n[k] - 1]);
        break;
    case K_JUDGEMENT:
        if (n[K_JUDGEMENT]++ > 0) {
            vep__decl_problem(r, "duplicate_id", "the judgement is declared twice");
        } else {
            m->judgement.origin = r->origin;
            vep__decl_judgement(r, t, &m->judgement);
        }
        break;
    case K_TEST:
        m->tests[n[k]].name = take_id_free_form(r);
        m->tests[n[k]].origin = r->origin;
        m->ntests = ++n[k];
        vep__decl_test(r, t, &m->tests[n[k] - 1]);
        break;
    case K_HOST:
        if (vep__host_decl_find(m->hosts, m->nhosts, r->id) != NULL)
            vep__decl_problem(r, "duplicate_id", "host function '%s' is "
                              "declared twice", r->id ? r->id : "");
        m->hosts[n[k]].name = take_id_free_form(r);
        m->hosts[n[k]].origin = r->origin;
        m->nhosts = ++n[k];
        vep__host_decl_read(r, t, &m->hosts[n[k] - 1]);
        break;
    }
done:
    lua_settop(r->L, lua_gettop(r->L) - (t ? 1 : 0));
}

/* Reads every record in declaration order.  The instrument is read first
** whatever its position, since texts need its list of languages. */
void vep__decl_read(lua_State *L, vep_model *m, vep_diags *d, vep_buf *scratch)
{
    vep_declrd r;
    size_t count[K_COUNT], n[K_COUNT], len, i;
    int decls, k;

    memset(&r, 0, sizeof r);
    memset(count, 0, sizeof count);
    memset(n, 0, sizeof n);
    r.L = L;
    r.m = m;
    r.d = d;
    r.a = m->alloc;
    r.scratch = scratch;
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    decls = lua_gettop(L);
    len = (size_t)lua_rawlen(L, decls);
    if (len > VEP_MAX_DECLARATIONS) {
        r.kind = "script";
        r.origin.file = m->nsources ? m->sources[0].name : "";
        vep__decl_problem(&r, "too_many_declarations",
                          "%zu declarations; an instrument may have at most %d",
                          len, VEP_MAX_DECLARATIONS);
        lua_pop(L, 1);
        return;
    }
    for (i = 1; i <= len; i++) {
        lua_rawgeti(L, decls, (lua_Integer)i);
        lua_getfield(L, -1, "kind");
        k = vep__record_live(L, -2, "instrument") ? kind_of(lua_tostring(L, -1)) : -1;
        if (k >= 0)
            count[k]++;
        if (k == K_INSTRUMENT && count[k] == 1) {
            lua_pop(L, 1);
            read_record(&r, K_INSTRUMENT, n);
            lua_pop(L, 1);
            continue;
        }
        lua_pop(L, 2);
    }
    if (count[K_INSTRUMENT] == 0) {
        r.kind = "script";
        r.origin.file = m->nsources ? m->sources[0].name : "";
        vep__decl_problem(&r, "missing_field", "no instrument { id = ..., version = ... } declaration");
    }
    if (d->nomem || allocate(&r, count) != 0) {
        d->nomem = 1;
        lua_pop(L, 1);
        return;
    }
    for (i = 1; i <= len && !d->nomem; i++) {
        lua_rawgeti(L, decls, (lua_Integer)i);
        lua_getfield(L, -1, "kind");
        k = vep__record_live(L, -2, "instrument") ? kind_of(lua_tostring(L, -1)) : -1;
        lua_pop(L, 1);
        if (k == K_INSTRUMENT) {
            if (n[K_INSTRUMENT] == 1) {   /* the first was read above */
                n[K_INSTRUMENT]++;
                lua_pop(L, 1);
                continue;
            }
        }
        if (k >= 0)
            read_record(&r, k, n);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}
