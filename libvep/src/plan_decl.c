/*
** plan_decl.c -- reads the recorded plan declarations into the plan model:
** the plan itself, agencies, interventions, placement, reassessment,
** pre-release steps, post-release supervision and tests.
**
** Rules are read by plan_decl_rule.c.  The shared readers of decl_util.c
** do the raw field access and report with the declaration's file, line
** and id (see plan_decl.h for the stand-in model they read languages
** from).  References by id are only stored here; plan_check.c resolves
** them.
*/
#include <stdio.h>
#include <string.h>
#include "host.h"
#include "lauxlib.h"
#include "decl.h"
#include "loader.h"
#include "overlay.h"
#include "jsonw.h"
#include "plan_decl.h"

/* ---- Small readers ----------------------------------------------------- */

/* See plan_decl.h. */
int vep__prd_int(plan_rd *p, int t, const char *key, int min, int max, int *out)
{
    double v;
    int rc = vep__decl_number(&p->r, t, key, &v);
    if (rc != 1)
        return rc;
    if (v < min || !vep__decl_whole(v, max)) {
        vep__decl_problem(&p->r, "invalid_value", "'%s' must be a whole number from %d to %d, not %g",
                          key, min, max, v);
        return -1;
    }
    *out = (int)v;
    return 1;
}

/* Reads an optional name from a vocabulary into *out (left alone when
** absent).  Returns 1 present and known, 0 absent, -1 otherwise. */
int vep__prd_name(plan_rd *p, int t, const char *key,
                     const char *const *names, const char *rule, int *out)
{
    char w[64];
    int rc = vep__decl_word(&p->r, t, key, w, sizeof w), k;
    size_t i;
    vep_buf b;
    if (rc != 1)
        return rc;
    k = vep__name_find(names, w);
    if (k >= 0) {
        *out = k;
        return 1;
    }
    vep__buf_init(&b, p->r.a);
    for (i = 0; names[i]; i++)
        vep__buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
    vep__decl_problem(&p->r, rule, "%s '%s' must be one of: %s", key, w,
                      b.failed ? "?" : b.data);
    vep__buf_free(&b);
    return -1;
}

/* Reads a required string (reported when missing). */
void vep__prd_required_string(plan_rd *p, int t, const char *key, char **out)
{
    if (vep__decl_field(&p->r, t, key) == LUA_TNIL)
        vep__decl_problem(&p->r, "missing_field", "'%s' is required", key);
    lua_pop(p->r.L, 1);
    vep__decl_string(&p->r, t, key, out);
}

/* Reads a text field that must be there. */
void vep__prd_required_text(plan_rd *p, int t, const char *key, vep_text *out)
{
    int present = vep__decl_field(&p->r, t, key) != LUA_TNIL;
    lua_pop(p->r.L, 1);
    if (!present)
        vep__decl_problem(&p->r, "missing_field", "'%s' is required", key);
    else
        vep__decl_text(&p->r, t, key, out);
}

/* Reads the text at stack index idx (a list entry) through a one-field
** table, so that the usual text reader and its messages apply. */
void vep__prd_text_at(plan_rd *p, int idx, const char *what, vep_text *out)
{
    lua_State *L = p->r.L;
    idx = lua_absindex(L, idx);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, idx);
    lua_setfield(L, -2, what);
    vep__decl_text(&p->r, -1, what, out);
    lua_pop(L, 1);
}

/* Whether the value at idx is a table with only keys 1..n. */
int vep__prd_is_list(lua_State *L, int idx)
{
    int abs = lua_absindex(L, idx), ok = 1;
    if (!lua_istable(L, abs))
        return 0;
    lua_pushnil(L);
    while (lua_next(L, abs)) {
        if (!lua_isinteger(L, -2))
            ok = 0;
        lua_pop(L, 1);
    }
    return ok;
}

/* ---- The plan and its catalogue ------------------------------------------ */

/* Whether s is MAJOR.MINOR.PATCH (an optional -pre or +build suffix). */
static int is_semver(const char *s)
{
    int i, digits;
    for (i = 0; i < 3; i++) {
        for (digits = 0; s[digits] >= '0' && s[digits] <= '9'; digits++)
            ;
        if (digits == 0 || digits > 5 || (digits > 1 && s[0] == '0'))
            return 0;
        s += digits;
        if (i < 2 && *s++ != '.')
            return 0;
    }
    return *s == '\0' || *s == '-' || *s == '+';
}

/* Reads plan { id, version, title, instrument, languages, fallbacks,
** illustrative }. */
static void read_plan(plan_rd *p, int t)
{
    static const char *const fields[] = {
        "id", "version", "title", "instrument", "languages", "illustrative", "base",
        "fallbacks", NULL
    };
    vep_plan_model *m = p->m;
    size_t i;

    vep__decl_check_fields(&p->r, t, fields, 0);
    vep__decl_strings(&p->r, t, "languages", &m->languages, &m->nlanguages);
    if (m->nlanguages == 0)
        vep__decl_problem(&p->r, "missing_field", "'languages' must list at least one language tag, e.g. { \"en\" }");
    for (i = 0; i < m->nlanguages; i++)
        if (!vep__valid_lang(m->languages[i]))
            vep__decl_problem(&p->r, "invalid_value", "'%s' is not a BCP 47 language tag (e.g. en, sr-Latn)",
                              m->languages[i]);
    p->lm.languages = m->languages;
    p->lm.nlanguages = m->nlanguages;
    vep__decl_fallbacks(&p->r, t, &m->fallbacks, &m->nfallbacks);
    vep__prd_required_string(p, t, "id", &m->id);
    if (m->id && !vep__valid_id(m->id))
        vep__decl_problem(&p->r, "invalid_id", "'%s' is not a valid id (letters, digits, '-', '_', '.')", m->id);
    vep__prd_required_string(p, t, "version", &m->version);
    if (m->version && !is_semver(m->version))
        vep__decl_problem(&p->r, "invalid_value", "version '%s' is not a semantic version MAJOR.MINOR.PATCH",
                          m->version);
    vep__prd_required_text(p, t, "title", &m->title);
    vep__decl_string(&p->r, t, "instrument", &m->instrument);
    vep__decl_bool(&p->r, t, "illustrative", &m->illustrative);
}

/* Reads agency "id" { kind, title, sees }. */
static void read_agency(plan_rd *p, int t, vep_agency_def *ag)
{
    static const char *const fields[] = { "kind", "title", "sees", NULL };
    char **parts = NULL;
    size_t n = 0, i;
    int k;

    vep__decl_check_fields(&p->r, t, fields, 0);
    ag->kind = VEP_AGENCY_OTHER;
    k = (int)VEP_AGENCY_OTHER;
    if (vep__prd_name(p, t, "kind", vep__agency_kind_names, "invalid_value", &k) == 0)
        vep__decl_problem(&p->r, "missing_field", "'kind' is required (prison, probation, social_work, ...)");
    ag->kind = (vep_agency_kind)k;
    vep__prd_required_text(p, t, "title", &ag->title);
    vep__decl_strings(&p->r, t, "sees", &parts, &n);
    for (i = 0; i < n; i++) {
        k = vep__name_find(vep__plan_part_names, parts[i]);
        if (k < 0)
            vep__decl_problem(&p->r, "unknown_part", "sees '%s', which is not a part of a plan (risk, interventions, interventions.own, placement, reassessment, pre_release, pre_release.own, post_release, responsivity, reasons, conflicts)",
                              parts[i]);
        else
            ag->sees[k] = 1;
        vep__free(p->r.a, parts[i]);
    }
    vep__free(p->r.a, parts);
}

/* Reads `intensity = { level = text, ... }` in the order of the levels. */
static void read_intensity(plan_rd *p, int t, vep_intervention_def *iv)
{
    lua_State *L = p->r.L;
    const char **keys;
    size_t n, i, all = 0;
    int tab;

    if (vep__decl_field(&p->r, t, "intensity") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    tab = lua_gettop(L);
    if (!lua_istable(L, tab)) {
        vep__decl_problem(&p->r, "wrong_type", "'intensity' must be a table { level = text, ... }");
        lua_pop(L, 1);
        return;
    }
    lua_pushnil(L);
    while (lua_next(L, tab)) {
        all++;
        lua_pop(L, 1);
    }
    keys = vep__decl_sorted_keys(L, tab, &n);
    if (n != all)
        vep__decl_problem(&p->r, "wrong_type", "'intensity' must be keyed by final judgement level");
    if (n && !(iv->intensity = vep__calloc(p->r.a, n, sizeof *iv->intensity)))
        p->r.d->nomem = 1;
    for (i = 0; iv->intensity && i < n; i++) {
        if (!(iv->intensity[i].level = vep__strdup(p->r.a, keys[i]))) {
            p->r.d->nomem = 1;
            break;
        }
        iv->nintensity = i + 1;
        vep__decl_text(&p->r, tab, keys[i], &iv->intensity[i].text);
    }
    lua_pop(L, 2);
}

/* Reads intervention "id" { category, agency, title, goal, intensity,
** review_months, setting }. */
static void read_intervention(plan_rd *p, int t, vep_intervention_def *iv)
{
    static const char *const fields[] = {
        "category", "agency", "title", "goal", "intensity", "review_months", "setting", NULL
    };
    int k = (int)VEP_CAT_OTHER;

    vep__decl_check_fields(&p->r, t, fields, 0);
    iv->agency = -1;
    iv->review_months = 3;
    iv->setting = VEP_SETTING_CUSTODY;
    if (vep__prd_name(p, t, "category", vep__category_names, "unknown_category", &k) == 0)
        vep__decl_problem(&p->r, "missing_field", "'category' is required (psychological, education, ...)");
    iv->category = (vep_category)k;
    vep__prd_required_string(p, t, "agency", &iv->agency_id);
    vep__prd_required_text(p, t, "title", &iv->title);
    vep__decl_text(&p->r, t, "goal", &iv->goal);
    read_intensity(p, t, iv);
    vep__prd_int(p, t, "review_months", 1, 120, &iv->review_months);
    k = (int)VEP_SETTING_CUSTODY;
    vep__prd_name(p, t, "setting", vep__setting_names, "invalid_value", &k);
    iv->setting = (vep_setting)k;
}

/* ---- Placement, reassessment, release ------------------------------------ */

/* Reads placement { default, review_months }. */
static void read_placement(plan_rd *p, int t)
{
    static const char *const fields[] = { "default", "review_months", NULL };
    vep__decl_check_fields(&p->r, t, fields, 0);
    vep__decl_string(&p->r, t, "default", &p->m->placement_default);
    vep__prd_int(p, t, "review_months", 1, 120, &p->m->placement_review_months);
}

/* Reads `every_months = { level = months }` sorted by level. */
static void read_every(plan_rd *p, int tab)
{
    vep_plan_model *m = p->m;
    lua_State *L = p->r.L;
    const char **keys;
    size_t n, i;
    int months;

    keys = vep__decl_sorted_keys(L, tab, &n);
    if (n && (!(m->reassess_levels = vep__calloc(p->r.a, n, sizeof *m->reassess_levels)) ||
              !(m->reassess_months = vep__calloc(p->r.a, n, sizeof *m->reassess_months)))) {
        p->r.d->nomem = 1;
        n = 0;
    }
    for (i = 0; i < n; i++) {
        months = 0;
        if (vep__prd_int(p, tab, keys[i], 1, 120, &months) == 0)
            vep__decl_problem(&p->r, "wrong_type", "every_months '%s' must be a number of months", keys[i]);
        if (keys[i][0] == '\0')
            vep__decl_problem(&p->r, "invalid_value", "an every_months level must be a non-empty name");
        if (!(m->reassess_levels[i] = vep__strdup(p->r.a, keys[i]))) {
            p->r.d->nomem = 1;
            break;
        }
        m->reassess_months[i] = months;
        m->nreassess = i + 1;
    }
    lua_pop(L, 1);
}

/* Reads reassessment { every_months, triggers }. */
static void read_reassessment(plan_rd *p, int t)
{
    static const char *const fields[] = { "every_months", "triggers", NULL };
    lua_State *L = p->r.L;
    const char **keys;
    size_t n, i;
    int k, tab;

    vep__decl_check_fields(&p->r, t, fields, 0);
    if (vep__decl_field(&p->r, t, "every_months") == LUA_TTABLE)
        read_every(p, lua_gettop(L));
    else if (!lua_isnil(L, -1))
        vep__decl_problem(&p->r, "wrong_type", "'every_months' must be a table { level = months }");
    lua_pop(L, 1);
    if (vep__decl_field(&p->r, t, "triggers") == LUA_TTABLE) {
        tab = lua_gettop(L);
        keys = vep__decl_sorted_keys(L, tab, &n);
        for (i = 0; i < n; i++) {
            k = vep__name_find(vep__trigger_names, keys[i]);
            if (k < 0)
                vep__decl_problem(&p->r, "unknown_trigger", "trigger '%s' must be one of incident, transfer, court_decision, parole_decision, programme_completion, pre_release_window",
                                  keys[i]);
            else if (vep__prd_int(p, tab, keys[i], 0, 365, &p->m->trigger_days[k]) == 0)
                vep__decl_problem(&p->r, "wrong_type", "trigger '%s' must give a number of days", keys[i]);
        }
        lua_pop(L, 1);
    } else if (!lua_isnil(L, -1)) {
        vep__decl_problem(&p->r, "wrong_type", "'triggers' must be a table { trigger = days }");
    }
    lua_pop(L, 1);
}

/* Reads post_release { supervisor, contact, agencies, review_months,
** reviews, closure }. */
static void read_post_release(plan_rd *p, int t)
{
    static const char *const fields[] = {
        "supervisor", "contact", "agencies", "review_months", "reviews", "closure", NULL
    };
    vep_plan_model *m = p->m;
    lua_State *L = p->r.L;
    size_t n, i;

    vep__decl_check_fields(&p->r, t, fields, 0);
    m->has_post_release = 1;
    m->post_origin = p->r.origin;
    vep__prd_supervision(p, t, &m->post_supervisor_id, &m->post_contact,
                         &m->post_agency_ids, &m->npost_agencies);
    vep__prd_int(p, t, "review_months", 1, 120, &m->post_review_months);
    vep__prd_int(p, t, "reviews", 1, 24, &m->post_reviews);
    if (vep__decl_field(&p->r, t, "closure") != LUA_TNIL) {
        if (!vep__prd_is_list(L, -1)) {
            vep__decl_problem(&p->r, "wrong_type", "'closure' must be a list of texts");
        } else if ((n = (size_t)lua_rawlen(L, -1)) > 0) {
            if (!(m->closure = vep__calloc(p->r.a, n, sizeof *m->closure)))
                p->r.d->nomem = 1;
            else
                m->nclosure = n;
            for (i = 0; i < m->nclosure; i++) {
                lua_rawgeti(L, -1, (lua_Integer)i + 1);
                vep__prd_text_at(p, -1, "closure", &m->closure[i]);
                lua_pop(L, 1);
            }
        }
    }
    lua_pop(L, 1);
}

/* Reads test "name" { result, context, expect } as JSON texts. */
static void read_test(plan_rd *p, int t, vep_plan_test *c)
{
    static const char *const fields[] = { "result", "context", "host", "expect", NULL };
    static const char *const parts[] = { "result", "context", "host" };
    lua_State *L = p->r.L;
    vep_buf *b = p->r.scratch;
    vep_jsonw w;
    int i;

    vep__decl_check_fields(&p->r, t, fields, 0);
    vep__buf_reset(b);
    vep__jw_init(&w, b, 0);
    vep__jw_object(&w);
    for (i = 0; i < 3; i++) {
        if (i == 2 && vep__decl_field(&p->r, t, parts[i]) == LUA_TNIL) {
            lua_pop(L, 1);     /* no stand-ins for the host: none written */
            continue;
        }
        if (i == 2)
            lua_pop(L, 1);
        vep__jw_key(&w, parts[i]);
        if (vep__decl_field(&p->r, t, parts[i]) == LUA_TTABLE) {
            vep__decl_json(&p->r, -1, &w);
        } else {
            if (!lua_isnil(L, -1))
                vep__decl_problem(&p->r, "wrong_type", "'%s' must be a table", parts[i]);
            vep__jw_object(&w);
            vep__jw_object_end(&w);
        }
        lua_pop(L, 1);
    }
    vep__jw_object_end(&w);
    if (b->failed || !(c->facts_json = vep__strndup(p->r.a, b->data, b->len))) {
        p->r.d->nomem = 1;
        return;
    }
    vep__buf_reset(b);
    vep__jw_init(&w, b, 0);
    if (vep__decl_field(&p->r, t, "expect") != LUA_TTABLE)
        vep__decl_problem(&p->r, "missing_field", "'expect' says what the plan must contain");
    else
        vep__decl_json(&p->r, -1, &w);
    lua_pop(L, 1);
    if (b->failed || (b->len && !(c->expect_json = vep__strndup(p->r.a, b->data, b->len))))
        p->r.d->nomem = 1;
}

/* ---- The records ------------------------------------------------------- */

enum { K_PLAN, K_AGENCY, K_INTERVENTION, K_RULE, K_TEST, K_PLACEMENT,
       K_REASSESSMENT, K_PRE_RELEASE, K_POST_RELEASE, K_HOST, K_COUNT };

static const char *const kind_names[] = {
    "plan", "agency", "intervention", "rule", "test", "placement",
    "reassessment", "pre_release", "post_release", "host_function", NULL
};

/* Sets p's current declaration from the record at the top of the stack
** and pushes its table; returns the table's index, or 0 when none. */
static int begin_record(plan_rd *p, int k)
{
    lua_State *L = p->r.L;
    int rec = lua_gettop(L);
    p->r.kind = kind_names[k];
    p->r.id = NULL;
    lua_getfield(L, rec, "file");
    p->r.origin.file = vep__source_name(p->m->sources, p->m->nsources, lua_tostring(L, -1));
    lua_pop(L, 1);
    lua_getfield(L, rec, "line");
    p->r.origin.line = (unsigned)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, rec, "id") == LUA_TSTRING)
        p->r.id = lua_tostring(L, -1);  /* kept alive by the record */
    lua_pop(L, 1);
    if (lua_getfield(L, rec, "t") != LUA_TTABLE) {
        lua_pop(L, 1);
        vep__decl_problem(&p->r, "missing_field", "no table follows the declaration");
        return 0;
    }
    return lua_gettop(L);
}

/* A copy of the current declaration's id, checked (tests: free text). */
static char *take_id(plan_rd *p, int check)
{
    char *id = vep__strdup(p->r.a, p->r.id ? p->r.id : "");
    if (id == NULL)
        p->r.d->nomem = 1;
    else if (check && !vep__valid_id(id))
        vep__decl_problem(&p->r, "invalid_id", "'%s' is not a valid id (1 to 64 letters, digits, '-', '_', '.')", id);
    return id;
}

/* Reads one record of kind k (on the stack top) into the model; `dup`:
** a block that may appear once, declared again. */
static void read_record(plan_rd *p, int k, int dup)
{
    vep_plan_model *m = p->m;
    int t = begin_record(p, k);
    if (t == 0)
        return;
    if (dup) {
        vep__decl_problem(&p->r, "duplicate_id", "%s is declared twice", kind_names[k]);
    } else if (k == K_PLAN) {
        m->origin = p->r.origin;
        read_plan(p, t);
        m->nlanguages_own = vep__overlay_own_languages(p->r.L, t - 1, m->nlanguages);
    } else if (k == K_AGENCY) {
        vep_agency_def *ag = &m->agencies[m->nagencies++];
        ag->id = take_id(p, 1);
        ag->origin = p->r.origin;
        read_agency(p, t, ag);
    } else if (k == K_INTERVENTION) {
        vep_intervention_def *iv = &m->interventions[m->ninterventions++];
        iv->id = take_id(p, 1);
        iv->origin = p->r.origin;
        read_intervention(p, t, iv);
    } else if (k == K_RULE) {
        vep_plan_rule *ru = &m->rules[m->nrules++];
        ru->id = take_id(p, 1);
        ru->origin = p->r.origin;
        vep__prd_rule(p, t, ru);
    } else if (k == K_TEST) {
        vep_plan_test *c = &m->tests[m->ntests++];
        c->name = take_id(p, 0);
        c->origin = p->r.origin;
        read_test(p, t, c);
    } else if (k == K_PLACEMENT) {
        read_placement(p, t);
    } else if (k == K_REASSESSMENT) {
        read_reassessment(p, t);
    } else if (k == K_PRE_RELEASE) {
        vep__prd_pre_release(p, t);
    } else if (k == K_HOST) {
        vep_host_decl *h = &m->hosts[m->nhosts];
        if (vep__host_decl_find(m->hosts, m->nhosts, p->r.id) != NULL)
            vep__decl_problem(&p->r, "duplicate_id", "host function '%s' is "
                              "declared twice", p->r.id ? p->r.id : "");
        h->name = take_id(p, 0);
        h->origin = p->r.origin;
        m->nhosts++;
        vep__host_decl_read(&p->r, t, h);
    } else {
        read_post_release(p, t);
    }
    lua_pop(p->r.L, 1);
}

/* Counts the records of each kind and notes the position of the first. */
static void count_records(lua_State *L, int decls, size_t len, size_t count[K_COUNT],
                          size_t first[K_COUNT])
{
    size_t i;
    int k;
    for (i = 1; i <= len; i++) {
        lua_rawgeti(L, decls, (lua_Integer)i);
        lua_getfield(L, -1, "kind");
        k = vep__record_live(L, -2, "plan") ? vep__name_find(kind_names, lua_tostring(L, -1)) : -1;
        if (k >= 0 && count[k]++ == 0)
            first[k] = i;
        lua_pop(L, 2);
    }
}

/* Reads the record at position i of the declarations. */
static void read_at(plan_rd *p, int decls, size_t i, const size_t first[K_COUNT])
{
    lua_State *L = p->r.L;
    int k;
    lua_rawgeti(L, decls, (lua_Integer)i);
    lua_getfield(L, -1, "kind");
    k = vep__record_live(L, -2, "plan") ? vep__name_find(kind_names, lua_tostring(L, -1)) : -1;
    lua_pop(L, 1);
    if (k >= 0)
        read_record(p, k, k != K_AGENCY && k != K_INTERVENTION && k != K_RULE &&
                          k != K_TEST && k != K_HOST && first[k] != i);
    lua_pop(L, 1);
}

/* Reads every record: the plan first (texts need its languages), then the
** others in declaration order, and the pre-release block last, so that
** its steps become rules after the declared ones. */
void vep__plan_decl_read(lua_State *L, vep_plan_model *m, vep_diags *d,
                         vep_buf *scratch)
{
    plan_rd p;
    size_t count[K_COUNT], first[K_COUNT], len, i;
    int decls;

    memset(&p, 0, sizeof p);
    memset(count, 0, sizeof count);
    memset(first, 0, sizeof first);
    p.m = m;
    p.lm.alloc = m->alloc;
    p.r.L = L;
    p.r.m = &p.lm;
    p.r.d = d;
    p.r.a = m->alloc;
    p.r.scratch = scratch;
    p.r.kind = "script";
    p.r.origin.file = m->nsources ? m->sources[0].name : "";
    lua_getfield(L, LUA_REGISTRYINDEX, VEP_DECLS_KEY);
    decls = lua_gettop(L);
    len = (size_t)lua_rawlen(L, decls);
    if (len > VEP_MAX_DECLARATIONS) {
        vep__decl_problem(&p.r, "too_many_declarations", "%zu declarations; a plan may have at most %d",
                          len, VEP_MAX_DECLARATIONS);
        goto done;
    }
    count_records(L, decls, len, count, first);
    if (first[K_PLAN])
        read_at(&p, decls, first[K_PLAN], first);
    else
        vep__decl_problem(&p.r, "missing_plan", "no plan { id = ..., version = ..., instrument = ... } declaration");
#define ALLOC(field, k) \
    if (count[k] && !(m->field = vep__calloc(m->alloc, count[k], sizeof *m->field))) \
        d->nomem = 1;
    ALLOC(agencies, K_AGENCY) ALLOC(interventions, K_INTERVENTION)
    ALLOC(rules, K_RULE) ALLOC(tests, K_TEST) ALLOC(hosts, K_HOST)
#undef ALLOC
    for (i = 1; i <= len && !d->nomem; i++)
        if (i != first[K_PLAN] && i != first[K_PRE_RELEASE])
            read_at(&p, decls, i, first);
    if (first[K_PRE_RELEASE] && !d->nomem)
        read_at(&p, decls, first[K_PRE_RELEASE], first);
done:
    lua_pop(L, 1);
}
