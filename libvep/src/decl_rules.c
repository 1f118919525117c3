/*
** decl_rules.c -- reads the rule declarations into the model: scores,
** advisory levels, flags, conditions, the judgement and the test cases.
**
** References by id are only stored here; check.c resolves them once every
** declaration is known, so a script may declare in any order.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "host.h"
#include "lauxlib.h"
#include "decl.h"
#include "jsonw.h"

/* ---- Conditions ------------------------------------------------------ */

/* Reads `uses = {...}` into function references (kinds resolved later). */
static void read_uses(vep_declrd *r, int t, vep_fn *fn)
{
    char **ids = NULL;
    size_t n = 0, i;
    vep__decl_strings(r, t, "uses", &ids, &n);
    if (n) {
        fn->uses = vep__calloc(r->a, n, sizeof *fn->uses);
        if (fn->uses == NULL) {
            r->d->nomem = 1;
        } else {
            for (i = 0; i < n; i++) {
                fn->uses[i].id = ids[i];
                fn->uses[i].index = -1;
                ids[i] = NULL;
            }
            fn->nuses = n;
        }
    }
    for (i = 0; i < n; i++)
        vep__free(r->a, ids[i]);
    vep__free(r->a, ids);
}

/* Records the key under which the runtime will find the function again. */
static void set_fn_key(vep_declrd *r, vep_fn *fn, const char *path)
{
    fn->key = vep__strdup(r->a, path);
    if (fn->key == NULL)
        r->d->nomem = 1;
}

static const char *const cond_fields[] = {
    "all", "any", "none", "item", "score", "level", "flag", "is", "is_not",
    "at_least", "at_most", "answered", "unknown", "uses", "fn", NULL
};

void vep__decl_cond(vep_declrd *r, int idx, const char *path, vep_cond *c)
{
    static const char *const groups[] = { "all", "any", "none" };
    static const vep_cond_kind group_kinds[] = { VEP_COND_ALL, VEP_COND_ANY, VEP_COND_NONE };
    static const char *const refs[] = { "item", "score", "level", "flag" };
    static const vep_ref_kind ref_kinds[] = { VEP_REF_ITEM, VEP_REF_SCORE, VEP_REF_LEVEL, VEP_REF_FLAG };
    lua_State *L = r->L;
    int t = lua_absindex(L, idx), g, nrefs = 0, b;
    char sub[200];

    c->ref.index = -1;
    if (lua_isfunction(L, t)) {
        vep__decl_problem(r, "missing_field", "a condition function needs its inputs: { uses = { ... }, fn = function(a) ... end }");
        return;
    }
    if (!lua_istable(L, t)) {
        vep__decl_problem(r, "wrong_type", "a condition must be a table such as { item = \"X\", is = \"present\" }");
        return;
    }
    vep__decl_check_fields(r, t, cond_fields, 0);
    for (g = 0; g < 3; g++) {
        size_t n, i;
        if (vep__decl_field(r, t, groups[g]) == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        c->kind = group_kinds[g];
        if (!lua_istable(L, -1)) {
            vep__decl_problem(r, "wrong_type", "'%s' must be a list of conditions", groups[g]);
            lua_pop(L, 1);
            return;
        }
        n = (size_t)lua_rawlen(L, -1);
        if (n) {
            c->kids = vep__calloc(r->a, n, sizeof *c->kids);
            if (c->kids == NULL) {
                r->d->nomem = 1;
                lua_pop(L, 1);
                return;
            }
            c->nkids = n;
        }
        for (i = 0; i < n; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            snprintf(sub, sizeof sub, "%s/%s/%zu", path, groups[g], i + 1);
            vep__decl_cond(r, -1, sub, &c->kids[i]);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        return;
    }
    if (vep__decl_field(r, t, "fn") != LUA_TNIL) {
        c->kind = VEP_COND_FUNCTION;
        if (!lua_isfunction(L, -1))
            vep__decl_problem(r, "wrong_type", "'fn' must be a function");
        lua_pop(L, 1);
        snprintf(sub, sizeof sub, "%s/fn", path);
        set_fn_key(r, &c->fn, sub);
        read_uses(r, t, &c->fn);
        if (c->fn.nuses == 0)
            vep__decl_problem(r, "missing_field", "a condition function must list what it reads in 'uses'");
        return;
    }
    lua_pop(L, 1);
    for (g = 0; g < 4; g++) {
        char *id = NULL;
        vep__decl_string(r, t, refs[g], &id);
        if (id) {
            nrefs++;
            if (c->ref.id) {
                vep__free(r->a, id);
            } else {
                c->ref.kind = ref_kinds[g];
                c->ref.id = id;
            }
        }
    }
    if (nrefs != 1) {
        vep__decl_problem(r, nrefs ? "invalid_value" : "missing_field",
                        "a condition names exactly one of item, score, level or flag, or combines conditions with all/any/none");
        return;
    }
    for (g = 0; g < 2; g++) {
        const char *key = g == 0 ? "is" : "is_not";
        if (vep__decl_field(r, t, key) != LUA_TNIL) {
            c->kind = g == 0 ? VEP_COND_IS : VEP_COND_IS_NOT;
            vep__decl_strings_at(r, -1, key, &c->codes, &c->ncodes);
            lua_pop(L, 1);
            return;
        }
        lua_pop(L, 1);
    }
    if (vep__decl_number(r, t, "at_least", &c->number) == 1) {
        c->kind = VEP_COND_AT_LEAST;
        return;
    }
    if (vep__decl_number(r, t, "at_most", &c->number) == 1) {
        c->kind = VEP_COND_AT_MOST;
        return;
    }
    if (vep__decl_bool(r, t, "answered", &b) == 1) {
        c->kind = VEP_COND_ANSWERED;
        if (!b)
            vep__decl_problem(r, "invalid_value", "write { none = { { item = ..., answered = true } } } instead of answered = false");
        return;
    }
    if (vep__decl_bool(r, t, "unknown", &b) == 1) {
        c->kind = VEP_COND_UNKNOWN;
        if (!b)
            vep__decl_problem(r, "invalid_value", "write { none = { { item = ..., unknown = true } } } instead of unknown = false");
        return;
    }
    if (c->ref.kind == VEP_REF_FLAG) {
        c->kind = VEP_COND_RAISED;
        return;
    }
    vep__decl_problem(r, "missing_field", "the condition on '%s' needs is, is_not, at_least, at_most, answered or unknown",
                    c->ref.id);
}

/* ---- Scores ---------------------------------------------------------- */

/* Appends a term referring to `id`. */
static void add_term(vep_declrd *r, vep_score_def *s, vep_ref_kind kind,
                     const char *id, double weight)
{
    vep_term *t = vep__realloc(r->a, s->terms, (s->nterms + 1) * sizeof *t);
    if (t == NULL) {
        r->d->nomem = 1;
        return;
    }
    s->terms = t;
    t += s->nterms++;
    memset(t, 0, sizeof *t);
    t->ref.kind = kind;
    t->ref.index = -1;
    t->ref.id = vep__strdup(r->a, id);
    t->weight = weight;
    if (t->ref.id == NULL)
        r->d->nomem = 1;
}


/* Reads `of = { score = factor }` in sorted order of the score ids, so the
** terms are the same whatever order Lua's table iteration gives. */
static void read_composite(vep_declrd *r, int t, vep_score_def *s)
{
    lua_State *L = r->L;
    const char **keys;
    size_t n = 0, i;
    int of;
    if (vep__decl_field(r, t, "of") != LUA_TTABLE) {
        vep__decl_problem(r, "missing_field", "a composite score needs 'of = { score = factor, ... }'");
        lua_pop(L, 1);
        return;
    }
    of = lua_gettop(L);
    keys = vep__decl_sorted_keys(L, of, &n);
    for (i = 0; i < n; i++) {
        vep__decl_field(r, of, keys[i]);
        if (lua_type(L, -1) != LUA_TNUMBER)
            vep__decl_problem(r, "wrong_type", "'of' must map score ids to numeric factors ('%s')", keys[i]);
        else
            add_term(r, s, VEP_REF_SCORE, keys[i], (double)lua_tonumber(L, -1));
        lua_pop(L, 1);
    }
    lua_settop(L, of - 1);
}

/* Reads `items = { "A", "B" }` with the optional `weights = { A = 2 }`.
** The terms are owned by the model before any Lua call that may raise. */
static void read_item_terms(vep_declrd *r, int t, vep_score_def *s)
{
    lua_State *L = r->L;
    char **ids = NULL;
    size_t n = 0, i, first = s->nterms;
    vep__decl_strings(r, t, "items", &ids, &n);
    for (i = 0; i < n; i++)
        add_term(r, s, VEP_REF_ITEM, ids[i], 1);
    for (i = 0; i < n; i++)
        vep__free(r->a, ids[i]);
    vep__free(r->a, ids);
    if (vep__decl_field(r, t, "weights") == LUA_TTABLE) {
        for (i = first; i < s->nterms; i++) {
            if (s->terms[i].ref.id == NULL)
                continue;
            lua_pushstring(L, s->terms[i].ref.id);
            if (lua_rawget(L, -2) == LUA_TNUMBER)
                s->terms[i].weight = (double)lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

void vep__decl_score(vep_declrd *r, int t, vep_score_def *s)
{
    static const char *const fields[] = {
        "rule", "title", "domain", "items", "weights", "of", "at_least",
        "missing", "max_unknown", "decimals", "uses", "fn", "min", "max", NULL
    };
    lua_State *L = r->L;
    char rule[32], missing[32];
    double v;
    int k, has_min, has_max;

    vep__decl_check_fields(r, t, fields, 0);
    s->domain = -1;
    s->max_unknown = -1;
    s->decimals = -1;
    s->at_least = 1;
    vep__decl_text(r, t, "title", &s->title);
    if (vep__decl_word(r, t, "rule", rule, sizeof rule) == 0) {
        vep__decl_problem(r, "missing_field", "'rule' is required (sum, mean, count, max, min, composite or function)");
    } else if (rule[0]) {
        k = vep__name_find(vep__rule_names, rule);
        if (k < 0)
            vep__decl_problem(r, "invalid_value", "rule '%s' must be sum, mean, count, max, min, composite or function", rule);
        else
            s->rule = (vep_rule)k;
    }
    vep__decl_string(r, t, "domain", &s->domain_id);
    if (s->rule == VEP_RULE_COMPOSITE) {
        read_composite(r, t, s);
    } else if (s->rule == VEP_RULE_FUNCTION) {
        if (vep__decl_field(r, t, "fn") != LUA_TFUNCTION)
            vep__decl_problem(r, "missing_field", "a function score needs 'fn = function(a) ... end'");
        lua_pop(L, 1);
        {
            char path[160];
            snprintf(path, sizeof path, "score:%s/fn", r->id ? r->id : "");
            set_fn_key(r, &s->fn, path);
        }
        read_uses(r, t, &s->fn);
        if (s->fn.nuses == 0)
            vep__decl_problem(r, "missing_field", "a function score must list what it reads in 'uses'");
    } else {
        read_item_terms(r, t, s);
        if (s->nterms == 0 && s->domain_id == NULL)
            vep__decl_problem(r, "missing_field", "the score needs 'items = { ... }' or 'domain = \"...\"'");
        if (s->nterms && s->domain_id)
            vep__decl_problem(r, "invalid_value", "give either 'items' or 'domain', not both");
    }
    if (vep__decl_number(r, t, "at_least", &v) == 1)
        s->at_least = v;
    if (vep__decl_word(r, t, "missing", missing, sizeof missing) == 1) {
        k = vep__name_find(vep__missing_names, missing);
        if (k < 0)
            vep__decl_problem(r, "invalid_value", "missing '%s' must be incomplete, prorate or ignore", missing);
        else
            s->missing = (vep_missing_method)k;
    }
    if (vep__decl_number(r, t, "max_unknown", &v) == 1) {
        if (!vep__decl_whole(v, 1e9))
            vep__decl_problem(r, "invalid_value", "'max_unknown' must be a whole number >= 0");
        else
            s->max_unknown = (int)v;
    }
    if (vep__decl_number(r, t, "decimals", &v) == 1) {
        if (!vep__decl_whole(v, 6))
            vep__decl_problem(r, "invalid_value", "'decimals' must be a whole number from 0 to 6");
        else
            s->decimals = (int)v;
    }
    has_min = vep__decl_number(r, t, "min", &s->min) == 1;
    has_max = vep__decl_number(r, t, "max", &s->max) == 1;
    if (has_min != has_max)
        vep__decl_problem(r, "missing_field", "give both 'min' and 'max' for the range of a function score");
    s->has_range = has_min && has_max;
    if (s->has_range && s->rule != VEP_RULE_FUNCTION)
        vep__decl_problem(r, "invalid_value", "'min' and 'max' are for function scores; the engine works out the range of other rules");
}

/* ---- Levels and flags ------------------------------------------------ */

void vep__decl_level(vep_declrd *r, int t, vep_level_def *l)
{
    static const char *const fields[] = { "of", "bands", "title", NULL };
    static const char *const band_fields[] = { "level", "min", "max", "label", NULL };
    lua_State *L = r->L;
    size_t n, i;
    int bands;

    vep__decl_check_fields(r, t, fields, 0);
    l->of.kind = VEP_REF_SCORE;
    l->of.index = -1;
    vep__decl_text(r, t, "title", &l->title);
    vep__decl_string(r, t, "of", &l->of.id);
    if (l->of.id == NULL)
        vep__decl_problem(r, "missing_field", "'of' names the score the level bands");
    if (vep__decl_field(r, t, "bands") != LUA_TTABLE || (n = (size_t)lua_rawlen(L, -1)) == 0) {
        vep__decl_problem(r, "missing_field", "'bands' must list { level = ..., min = ..., max = ... } from low to high");
        lua_pop(L, 1);
        return;
    }
    bands = lua_gettop(L);
    l->bands = vep__calloc(r->a, n, sizeof *l->bands);
    if (l->bands == NULL) {
        r->d->nomem = 1;
        lua_pop(L, 1);
        return;
    }
    l->nbands = n;
    for (i = 0; i < n; i++) {
        vep_band *b = &l->bands[i];
        int e;
        if (lua_rawgeti(L, bands, (lua_Integer)i + 1) != LUA_TTABLE) {
            vep__decl_problem(r, "wrong_type", "band %zu must be a table", i + 1);
            lua_pop(L, 1);
            continue;
        }
        e = lua_gettop(L);
        vep__decl_check_fields(r, e, band_fields, 0);
        vep__decl_string(r, e, "level", &b->level);
        if (b->level == NULL)
            vep__decl_problem(r, "missing_field", "band %zu has no 'level'", i + 1);
        if (vep__decl_number(r, e, "min", &b->min) != 1 || vep__decl_number(r, e, "max", &b->max) != 1)
            vep__decl_problem(r, "missing_field", "band '%s' needs numeric 'min' and 'max'", b->level ? b->level : "?");
        else if (b->min > b->max)
            vep__decl_problem(r, "invalid_value", "band '%s' has min %g above max %g", b->level ? b->level : "?", b->min, b->max);
        vep__decl_text(r, e, "label", &b->label);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

void vep__decl_flag(vep_declrd *r, int t, vep_flag_def *f)
{
    static const char *const fields[] = { "when", "title", NULL };
    char path[160];
    vep__decl_check_fields(r, t, fields, 0);
    vep__decl_text(r, t, "title", &f->title);
    if (vep__decl_field(r, t, "when") == LUA_TNIL) {
        vep__decl_problem(r, "missing_field", "'when' gives the condition that raises the flag");
    } else {
        snprintf(path, sizeof path, "flag:%s/when", r->id ? r->id : "");
        vep__decl_cond(r, -1, path, &f->when);
    }
    lua_pop(r->L, 1);
}

/* ---- Judgement ------------------------------------------------------- */

void vep__decl_judgement(vep_declrd *r, int t, vep_judgement_def *j)
{
    static const char *const fields[] = {
        "outcome", "advisory", "levels", "required", "rationale", NULL
    };
    char policy[32];
    vep__decl_check_fields(r, t, fields, 0);
    j->declared = 1;
    j->required = 1;
    j->advisory.kind = VEP_REF_LEVEL;
    j->advisory.index = -1;
    vep__decl_string(r, t, "outcome", &j->outcome);
    vep__decl_string(r, t, "advisory", &j->advisory.id);
    vep__decl_strings(r, t, "levels", &j->levels, &j->nlevels);
    vep__decl_bool(r, t, "required", &j->required);
    if (vep__decl_word(r, t, "rationale", policy, sizeof policy) == 1) {
        int k = vep__name_find(vep__rationale_names, policy);
        if (k < 0)
            vep__decl_problem(r, "invalid_value", "rationale '%s' must be always, when_different or optional", policy);
        else
            j->rationale = (vep_rationale_policy)k;
    }
    if (j->advisory.id == NULL && j->nlevels == 0)
        vep__decl_problem(r, "missing_field", "the judgement needs 'levels' (the levels a professional may choose) or an 'advisory' level");
}

/* ---- Test cases ------------------------------------------------------ */

/* Writes the Lua value at `idx` as JSON: tables with keys 1..n are arrays,
** other tables objects with their string keys sorted.  Functions and other
** values that JSON cannot hold are reported. */
static void lua_to_json(vep_declrd *r, int idx, vep_jsonw *w, int depth)
{
    lua_State *L = r->L;
    int t = lua_absindex(L, idx);
    switch (lua_type(L, t)) {
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, t, &len);
        vep__jw_stringn(w, s, len);
        break;
    }
    case LUA_TNUMBER:
        if (lua_isinteger(L, t))
            vep__jw_int(w, (long long)lua_tointeger(L, t));
        else
            vep__jw_number(w, (double)lua_tonumber(L, t), -1);
        break;
    case LUA_TBOOLEAN:
        vep__jw_bool(w, lua_toboolean(L, t));
        break;
    case LUA_TTABLE: {
        size_t n = (size_t)lua_rawlen(L, t), count = 0, i;
        const char **keys;
        int top = lua_gettop(L);
        if (depth > 20) {
            vep__decl_problem(r, "invalid_value", "test data nested too deeply");
            vep__jw_null(w);
            break;
        }
        keys = vep__decl_sorted_keys(L, t, &count);
        if (count == 0) {
            vep__jw_array(w);
            for (i = 1; i <= n; i++) {
                lua_rawgeti(L, t, (lua_Integer)i);
                lua_to_json(r, -1, w, depth + 1);
                lua_pop(L, 1);
            }
            vep__jw_array_end(w);
        } else {
            vep__jw_object(w);
            for (i = 0; i < count; i++) {
                vep__jw_key(w, keys[i]);
                vep__decl_field(r, t, keys[i]);
                lua_to_json(r, -1, w, depth + 1);
                lua_pop(L, 1);
            }
            vep__jw_object_end(w);
        }
        lua_settop(L, top);
        break;
    }
    default:
        vep__decl_problem(r, "wrong_type", "test data cannot hold a %s", lua_typename(L, lua_type(L, t)));
        vep__jw_null(w);
    }
}

void vep__decl_json(vep_declrd *r, int idx, struct vep_jsonw *w)
{
    lua_to_json(r, idx, w, 0);
}

/* Writes the answers table: a bare value becomes { "value": v }; a table
** with value, status, reason or evidence is written as it is. */
static void answers_to_json(vep_declrd *r, int t, vep_jsonw *w)
{
    lua_State *L = r->L;
    const char **keys;
    size_t n = 0, i, all = 0;
    int top = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        all++;
        lua_pop(L, 1);
    }
    keys = vep__decl_sorted_keys(L, t, &n);
    if (n != all)
        vep__decl_problem(r, "wrong_type", "test answers must be keyed by item id");
    vep__jw_object(w);
    for (i = 0; i < n; i++) {
        int is_answer_table = 0;
        vep__jw_key(w, keys[i]);
        vep__decl_field(r, t, keys[i]);
        if (lua_istable(L, -1)) {
            static const char *const marks[] = { "value", "status", "reason", "evidence" };
            int k;
            for (k = 0; k < 4; k++) {
                if (vep__decl_field(r, -1, marks[k]) != LUA_TNIL)
                    is_answer_table = 1;
                lua_pop(L, 1);
            }
        }
        if (is_answer_table) {
            lua_to_json(r, -1, w, 1);
        } else {
            vep__jw_object(w);
            vep__jw_key(w, "value");
            lua_to_json(r, -1, w, 1);
            vep__jw_object_end(w);
        }
        lua_pop(L, 1);
    }
    vep__jw_object_end(w);
    lua_settop(L, top);
}

/* The case's stand-ins for host functions, host = { NAME = value }
** (host_stub.c), kept as JSON and checked now. */
static void read_test_host(vep_declrd *r, int t, vep_testcase *c)
{
    lua_State *L = r->L;
    vep_buf *b = r->scratch;
    vep_host_stub *stubs = NULL;
    vep_jsonw w;
    size_t n = 0;
    char err[200];
    int rc;

    if (vep__decl_field(r, t, "host") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!lua_istable(L, -1)) {
        vep__decl_problem(r, "wrong_type", "'host' must be a table { NAME = value, ... }");
        lua_pop(L, 1);
        return;
    }
    vep__buf_reset(b);
    vep__jw_init(&w, b, 0);
    lua_to_json(r, -1, &w, 0);
    lua_pop(L, 1);
    if (b->failed || (c->host_json = vep__strndup(r->a, b->data, b->len)) == NULL) {
        r->d->nomem = 1;
        return;
    }
    rc = vep__host_stubs_parse(r->a, c->host_json, &stubs, &n, err, sizeof err);
    if (rc == -1)
        vep__decl_problem(r, "wrong_type", "%s", err);
    else if (rc == -2)
        r->d->nomem = 1;
    vep__host_stubs_free(r->a, stubs, n);
}

void vep__decl_test(vep_declrd *r, int t, vep_testcase *c)
{
    static const char *const fields[] = {
        "answers", "judgement", "expect", "subject", "assessor", "date", "version",
        "host", NULL
    };
    lua_State *L = r->L;
    vep_buf *b = r->scratch;
    vep_jsonw w;
    char *s = NULL;

    vep__decl_check_fields(r, t, fields, 0);
    vep__buf_reset(b);
    vep__jw_init(&w, b, 0);
    vep__jw_object(&w);
    vep__jw_key(&w, "instrument");
    vep__jw_object(&w);
    vep__jw_kstring(&w, "id", r->m->id ? r->m->id : "");
    vep__decl_string(r, t, "version", &s);
    vep__jw_kstring(&w, "version", s ? s : (r->m->version ? r->m->version : ""));
    vep__free(r->a, s);
    s = NULL;
    vep__jw_object_end(&w);
    vep__jw_key(&w, "subject");
    vep__jw_object(&w);
    vep__decl_string(r, t, "subject", &s);
    vep__jw_kstring(&w, "id", s ? s : "TEST-0001");
    vep__free(r->a, s);
    s = NULL;
    vep__jw_object_end(&w);
    vep__jw_key(&w, "assessor");
    vep__jw_object(&w);
    vep__decl_string(r, t, "assessor", &s);
    vep__jw_kstring(&w, "id", s ? s : "test");
    vep__free(r->a, s);
    s = NULL;
    vep__jw_kstring(&w, "role", "test case");
    vep__jw_object_end(&w);
    vep__decl_string(r, t, "date", &s);
    vep__jw_kstring(&w, "date", s ? s : "2026-01-01");
    vep__free(r->a, s);
    vep__jw_key(&w, "answers");
    if (vep__decl_field(r, t, "answers") == LUA_TTABLE) {
        answers_to_json(r, lua_gettop(L), &w);
    } else {
        if (!lua_isnil(L, -1))
            vep__decl_problem(r, "wrong_type", "'answers' must be a table { ITEM = value, ... }");
        vep__jw_object(&w);
        vep__jw_object_end(&w);
    }
    lua_pop(L, 1);
    if (vep__decl_field(r, t, "judgement") != LUA_TNIL) {
        vep__jw_key(&w, "judgement");
        lua_to_json(r, -1, &w, 1);
    }
    lua_pop(L, 1);
    vep__jw_object_end(&w);
    if (b->failed || (c->assessment_json = vep__strndup(r->a, b->data, b->len)) == NULL) {
        r->d->nomem = 1;
        return;
    }

    vep__buf_reset(b);
    vep__jw_init(&w, b, 0);
    if (vep__decl_field(r, t, "expect") != LUA_TTABLE)
        vep__decl_problem(r, "missing_field", "'expect' says what the result must contain");
    else
        lua_to_json(r, -1, &w, 0);
    lua_pop(L, 1);
    if (b->failed) {
        r->d->nomem = 1;
        return;
    }
    if (b->len && (c->expect_json = vep__strndup(r->a, b->data, b->len)) == NULL)
        r->d->nomem = 1;
    read_test_host(r, t, c);
}
