/*
** plan_decl_rule.c -- reads plan rules: their conditions (vep_pcond) and
** what they add (vep_addition), and the pre-release block, whose steps
** become rules too.  plan_decl.c reads the other records.
*/
#include <stdio.h>
#include <string.h>
#include "lauxlib.h"
#include "plan_decl.h"

#define MAX_COND_DEPTH 32

/* ---- Conditions -------------------------------------------------------- */

static const char *const cond_forms =
    "a condition is one of { risk = ... }, { level = \"L\", is = ... }, "
    "{ flag = \"F\" [, raised = false] }, { score = \"S\", at_least|at_most = n }, "
    "{ item = \"X\", is|is_not|at_least|at_most = ... or unknown|answered = true }, "
    "{ context = \"field\", is|is_not|at_least|at_most = ... }, { completed = \"P\" }, "
    "{ refused = \"P\" }, { window = \"before|open|passed|unknown\" }, "
    "{ host = \"name\", args = {...} [, is|is_not|at_least|at_most = ...] }, "
    "{ all = {...} }, { any = {...} }, { none = {...} }";

static const char *const subjects[] = {
    "all", "any", "none", "risk", "level", "flag", "score", "item",
    "context", "completed", "refused", "window", "host", NULL
};  /* indexed like vep_pcond_kind */

static const char *const test_keys[] = {
    "is", "is_not", "at_least", "at_most", "unknown", "answered", NULL
};  /* indexed like vep_ptest */

/* Reads the codes at idx: a string, a list of strings or (when allowed) a
** boolean, stored as "true"/"false". */
static void read_codes(plan_rd *p, int idx, int allow_bool, vep_pcond *c)
{
    lua_State *L = p->r.L;
    if (allow_bool && lua_type(L, idx) == LUA_TBOOLEAN) {
        c->codes = vep__calloc(p->r.a, 1, sizeof *c->codes);
        if (c->codes == NULL || !(c->codes[0] = vep__strdup(p->r.a, lua_toboolean(L, idx) ? "true" : "false"))) {
            p->r.d->nomem = 1;
            return;
        }
        c->ncodes = 1;
        return;
    }
    if (lua_type(L, idx) != LUA_TSTRING && !vep__prd_is_list(L, idx)) {
        vep__decl_problem(&p->r, "bad_condition", "'%s' must be a code or a list of codes",
                          subjects[c->kind]);
        return;
    }
    vep__decl_strings_at(&p->r, idx, "is", &c->codes, &c->ncodes);
    if (c->ncodes == 0 && !p->r.d->nomem)
        vep__decl_problem(&p->r, "bad_condition", "an empty list of codes never holds");
}

/* Reads the test of a score, item or context condition (one of
** test_keys; `allowed` is a bit set over vep_ptest). */
static void read_test(plan_rd *p, int t, unsigned allowed, vep_pcond *c)
{
    lua_State *L = p->r.L;
    int k, found = -1, n = 0;
    for (k = 0; test_keys[k]; k++) {
        if (vep__decl_field(&p->r, t, test_keys[k]) != LUA_TNIL) {
            n++;
            if (found < 0)
                found = k;
            if (!(allowed & (1u << k))) {
                vep__decl_problem(&p->r, "bad_condition", "'%s' cannot test '%s'; %s",
                                  subjects[c->kind], test_keys[k], cond_forms);
                n = -100;
            }
        }
        lua_pop(L, 1);
    }
    if (n != 1) {
        if (n >= 0)
            vep__decl_problem(&p->r, "bad_condition", "{ %s = ... } needs exactly one test; %s",
                              subjects[c->kind], cond_forms);
        return;
    }
    c->test = (vep_ptest)found;
    vep__decl_field(&p->r, t, test_keys[found]);
    if (found <= VEP_PT_IS_NOT) {
        read_codes(p, -1, c->kind == VEP_PC_CONTEXT || c->kind == VEP_PC_HOST, c);
    } else if (found <= VEP_PT_AT_MOST) {
        if (lua_type(L, -1) != LUA_TNUMBER)
            vep__decl_problem(&p->r, "bad_condition", "'%s' must be a number", test_keys[found]);
        else
            c->number = (double)lua_tonumber(L, -1);
    } else if (lua_type(L, -1) != LUA_TBOOLEAN || !lua_toboolean(L, -1)) {
        vep__decl_problem(&p->r, "bad_condition", "'%s' can only be true", test_keys[found]);
    }
    lua_pop(L, 1);
}

/* The facts a host argument may name ({ fact = ... }). */
static const char *const host_facts[] = {
    "subject", "as_of", "assessment_date", "risk", "expected_release", NULL
};

/* Reads one argument of a host condition (the value at idx). */
static void read_host_arg(plan_rd *p, int idx, size_t i, vep_pharg *h)
{
    static const char *const refs[] = { "fact", "context", "score", NULL };
    lua_State *L = p->r.L;
    const char *s;
    size_t len, k, n = 0;

    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        h->value.type = VEP_HT_BOOL;
        h->value.b = lua_toboolean(L, idx);
        return;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            h->value.type = VEP_HT_INT64;
            h->value.i = (int64_t)lua_tointeger(L, idx);
        } else {
            h->value.type = VEP_HT_DOUBLE;
            h->value.d = (double)lua_tonumber(L, idx);
        }
        return;
    case LUA_TSTRING:
        s = lua_tolstring(L, idx, &len);
        if (memchr(s, '\0', len) != NULL) {
            vep__decl_problem(&p->r, "bad_condition", "host argument %zu contains a "
                              "NUL byte", i + 1);
            return;
        }
        h->value.type = VEP_HT_STRING;
        if (!(h->value.s = vep__strndup(p->r.a, s, len)))
            p->r.d->nomem = 1;
        return;
    case LUA_TTABLE:
        break;
    default:
        vep__decl_problem(&p->r, "bad_condition", "host argument %zu must be a "
                          "value or a reference such as { fact = \"subject\" }", i + 1);
        return;
    }
    for (k = 0; refs[k]; k++) {
        if (vep__decl_field(&p->r, idx, refs[k]) == LUA_TSTRING && n++ == 0) {
            h->kind = (vep_pharg_kind)(k + 1);
            if (!(h->name = vep__strdup(p->r.a, lua_tostring(L, -1))))
                p->r.d->nomem = 1;
        }
        lua_pop(L, 1);
    }
    len = 0;                   /* keys: exactly the one reference */
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        len++;
        lua_pop(L, 1);
    }
    if (n != 1 || len != 1) {
        vep__decl_problem(&p->r, "bad_condition", "host argument %zu: a reference "
                          "is one of { fact = \"subject|as_of|assessment_date|risk|"
                          "expected_release\" }, { context = \"field\" }, "
                          "{ score = \"S\" }", i + 1);
        return;
    }
    if (h->kind == VEP_PHA_FACT && h->name && vep__name_find(host_facts, h->name) < 0)
        vep__decl_problem(&p->r, "bad_condition", "host argument %zu: unknown fact "
                          "'%s' (subject, as_of, assessment_date, risk, "
                          "expected_release)", i + 1, h->name);
}

/* Reads host = "NAME", args = {...} and the optional test of a host
** condition. */
static void read_host(plan_rd *p, int t, vep_pcond *c)
{
    lua_State *L = p->r.L;
    size_t i, len;
    int k;

    for (k = 0; test_keys[k] && k <= VEP_PT_AT_MOST; k++) {
        c->has_test |= vep__decl_field(&p->r, t, test_keys[k]) != LUA_TNIL;
        lua_pop(L, 1);
    }
    if (c->has_test)
        read_test(p, t, 0x0fu, c);
    if (vep__decl_field(&p->r, t, "args") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!vep__prd_is_list(L, -1)) {
        vep__decl_problem(&p->r, "bad_condition", "'args' must be a list of the "
                          "host function's arguments");
    } else if ((len = (size_t)lua_rawlen(L, -1)) > VEP_HOST_MAX_ARGS) {
        vep__decl_problem(&p->r, "bad_condition", "a host function takes at most "
                          "%d arguments", VEP_HOST_MAX_ARGS);
    } else if (len > 0) {
        if (!(c->args = vep__calloc(p->r.a, len, sizeof *c->args))) {
            p->r.d->nomem = 1;
        } else {
            c->nargs = len;
            for (i = 0; i < len && !p->r.d->nomem; i++) {
                lua_rawgeti(L, -1, (lua_Integer)i + 1);
                read_host_arg(p, lua_gettop(L), i, &c->args[i]);
                lua_pop(L, 1);
            }
        }
    }
    lua_pop(L, 1);
}

/* Reports every key of condition t that its subject does not take. */
static void check_cond_keys(plan_rd *p, int t, const char *subject, const char *const *extra)
{
    lua_State *L = p->r.L;
    int k;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int ok = key && strcmp(key, subject) == 0;
        for (k = 0; key && extra[k]; k++)
            if (strcmp(extra[k], key) == 0)
                ok = 1;
        if (!ok)
            vep__decl_problem(&p->r, "bad_condition", "unexpected key '%s' in a %s condition; %s",
                              key ? key : "(list entry)", subject, cond_forms);
        lua_pop(L, 1);
    }
}

/* Reads the condition at stack index idx into c (contents zeroed). */
void vep__prd_cond(plan_rd *p, int idx, int depth, vep_pcond *c)
{
    static const char *const none[] = { NULL };
    static const char *const tests[] = { "is", "is_not", "at_least", "at_most",
                                         "unknown", "answered", NULL };
    static const char *const raised[] = { "raised", NULL };
    static const char *const host[] = { "args", "is", "is_not", "at_least",
                                        "at_most", NULL };
    lua_State *L = p->r.L;
    int t = lua_absindex(L, idx), k, n = 0, kind = -1;
    size_t i, len;

    if (depth > MAX_COND_DEPTH) {
        vep__decl_problem(&p->r, "bad_condition", "conditions nested more than %d deep", MAX_COND_DEPTH);
        return;
    }
    if (!lua_istable(L, t)) {
        vep__decl_problem(&p->r, "bad_condition", "a condition must be a table; %s", cond_forms);
        return;
    }
    for (k = 0; subjects[k]; k++) {
        if (vep__decl_field(&p->r, t, subjects[k]) != LUA_TNIL && n++ == 0)
            kind = k;
        lua_pop(L, 1);
    }
    if (n != 1) {
        vep__decl_problem(&p->r, "bad_condition", "%s; %s", n ? "a condition has more than one subject"
                          : "a condition names no subject", cond_forms);
        return;
    }
    c->kind = (vep_pcond_kind)kind;
    c->raised = 1;
    check_cond_keys(p, t, subjects[kind],
                    kind == VEP_PC_FLAG ? raised : kind == VEP_PC_HOST ? host
                    : kind >= VEP_PC_LEVEL && kind <= VEP_PC_CONTEXT ? tests : none);
    vep__decl_field(&p->r, t, subjects[kind]);
    if (kind <= VEP_PC_NONE) {
        if (!vep__prd_is_list(L, -1)) {
            vep__decl_problem(&p->r, "bad_condition", "'%s' must be a list of conditions", subjects[kind]);
        } else if ((len = (size_t)lua_rawlen(L, -1)) > 0) {
            if (!(c->kids = vep__calloc(p->r.a, len, sizeof *c->kids))) {
                p->r.d->nomem = 1;
            } else {
                c->nkids = len;
                for (i = 0; i < len && !p->r.d->nomem; i++) {
                    lua_rawgeti(L, -1, (lua_Integer)i + 1);
                    vep__prd_cond(p, -1, depth + 1, &c->kids[i]);
                    lua_pop(L, 1);
                }
            }
        }
    } else if (kind == VEP_PC_RISK || kind == VEP_PC_WINDOW) {
        read_codes(p, -1, 0, c);
        for (i = 0; kind == VEP_PC_WINDOW && i < c->ncodes; i++)
            if (strcmp(c->codes[i], "before") && strcmp(c->codes[i], "open") &&
                strcmp(c->codes[i], "passed") && strcmp(c->codes[i], "unknown"))
                vep__decl_problem(&p->r, "bad_condition", "window '%s' must be before, open, passed or unknown",
                                  c->codes[i]);
    } else if (lua_type(L, -1) != LUA_TSTRING) {
        vep__decl_problem(&p->r, "bad_condition", "'%s' must name what it tests (a string)", subjects[kind]);
    } else if (!(c->id = vep__strdup(p->r.a, lua_tostring(L, -1)))) {
        p->r.d->nomem = 1;
    }
    lua_pop(L, 1);
    if (kind == VEP_PC_FLAG && vep__decl_field(&p->r, t, "raised") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TBOOLEAN)
            vep__decl_problem(&p->r, "bad_condition", "'raised' must be true or false");
        c->raised = lua_toboolean(L, -1);
    }
    if (kind == VEP_PC_FLAG)
        lua_pop(L, 1);
    if (kind == VEP_PC_LEVEL)
        read_test(p, t, 1u << VEP_PT_IS, c);
    else if (kind == VEP_PC_SCORE)
        read_test(p, t, 1u << VEP_PT_AT_LEAST | 1u << VEP_PT_AT_MOST, c);
    else if (kind == VEP_PC_ITEM)
        read_test(p, t, 0x3fu, c);
    else if (kind == VEP_PC_CONTEXT)
        read_test(p, t, 0x0fu, c);
    else if (kind == VEP_PC_HOST)
        read_host(p, t, c);
}

/* ---- Rules and what they add ------------------------------------------- */

const char *const vep__prd_contacts[] = { "weekly", "fortnightly", "monthly", "quarterly", NULL };

/* Reads a post-release table (post_release { } or a rule's addition):
** supervisor, contact and agencies. */
void vep__prd_supervision(plan_rd *p, int t, char **supervisor, char **contact,
                             char ***agencies, size_t *nagencies)
{
    int k = -1;
    vep__decl_string(&p->r, t, "supervisor", supervisor);
    if (vep__prd_name(p, t, "contact", vep__prd_contacts, "invalid_value", &k) == 1 &&
        !(*contact = vep__strdup(p->r.a, vep__prd_contacts[k])))
        p->r.d->nomem = 1;
    vep__decl_strings(&p->r, t, "agencies", agencies, nagencies);
}

/* Reads one addition table at idx into x. */
static void read_addition(plan_rd *p, int idx, vep_addition *x)
{
    static const char *const iv_fields[] = { "intervention", "priority", "start_days",
        "review_months", "agency", "responsivity", NULL };
    static const char *const pl_fields[] = { "placement", "rationale", "review_months", NULL };
    static const char *const po_fields[] = { "post_release", NULL };
    static const char *const re_fields[] = { "responsivity", NULL };
    static const char *const su_fields[] = { "supervisor", "contact", "agencies", NULL };
    lua_State *L = p->r.L;
    int t = lua_absindex(L, idx), n = 0, k, kind = VEP_ADD_RESPONSIVITY;
    static const char *const kinds[] = { "intervention", "placement", "post_release", NULL };

    x->intervention = x->agency = x->supervisor = -1;
    x->priority = 2;
    x->start_days = 0;
    x->review_months = x->due_months = -1;
    if (!lua_istable(L, t)) {
        vep__decl_problem(&p->r, "wrong_type", "'add' must be a table such as { intervention = \"ID\" } or a list of them");
        return;
    }
    for (k = 0; kinds[k]; k++) {
        if (vep__decl_field(&p->r, t, kinds[k]) != LUA_TNIL && n++ == 0)
            kind = k;
        lua_pop(L, 1);
    }
    if (n > 1 || (n == 0 && vep__decl_field(&p->r, t, "responsivity") == LUA_TNIL)) {
        if (n == 0)
            lua_pop(L, 1);
        vep__decl_problem(&p->r, "bad_addition", "an addition has exactly one of intervention = \"ID\", placement = \"regime\", post_release = { ... } or responsivity = text");
        return;
    }
    if (n == 0)
        lua_pop(L, 1);
    x->kind = (vep_add_kind)kind;
    vep__decl_check_fields(&p->r, t, kind == VEP_ADD_INTERVENTION ? iv_fields : kind == VEP_ADD_PLACEMENT
                           ? pl_fields : kind == VEP_ADD_POST_RELEASE ? po_fields : re_fields, 0);
    if (kind == VEP_ADD_INTERVENTION) {
        vep__decl_string(&p->r, t, "intervention", &x->intervention_id);
        vep__prd_int(p, t, "priority", 1, 9, &x->priority);
        vep__prd_int(p, t, "start_days", 0, 3650, &x->start_days);
        vep__prd_int(p, t, "review_months", 1, 120, &x->review_months);
        vep__decl_string(&p->r, t, "agency", &x->agency_id);
        vep__decl_text(&p->r, t, "responsivity", &x->note);
    } else if (kind == VEP_ADD_PLACEMENT) {
        vep__decl_string(&p->r, t, "placement", &x->regime);
        vep__decl_text(&p->r, t, "rationale", &x->note);
        vep__prd_int(p, t, "review_months", 1, 120, &x->review_months);
    } else if (kind == VEP_ADD_POST_RELEASE) {
        if (vep__decl_field(&p->r, t, "post_release") != LUA_TTABLE) {
            vep__decl_problem(&p->r, "wrong_type", "'post_release' must be a table { supervisor = ..., contact = ..., agencies = {...} }");
        } else {
            vep__decl_check_fields(&p->r, -1, su_fields, 0);
            vep__prd_supervision(p, lua_gettop(L), &x->supervisor_id, &x->contact,
                             &x->agency_ids, &x->nagencies);
        }
        lua_pop(L, 1);
    } else {
        vep__decl_text(&p->r, t, "responsivity", &x->note);
    }
}

/* Reads rule "id" { title, when, add } into ru. */
void vep__prd_rule(plan_rd *p, int t, vep_plan_rule *ru)
{
    static const char *const fields[] = { "title", "when", "add", NULL };
    lua_State *L = p->r.L;
    size_t i, len;

    vep__decl_check_fields(&p->r, t, fields, 0);
    vep__prd_required_text(p, t, "title", &ru->title);
    if (vep__decl_field(&p->r, t, "when") != LUA_TNIL)
        vep__prd_cond(p, -1, 0, &ru->when);
    lua_pop(L, 1);
    if (vep__decl_field(&p->r, t, "add") == LUA_TNIL) {
        vep__decl_problem(&p->r, "missing_field", "'add' is required: what the rule adds to the plan");
    } else if (!lua_istable(L, -1) || !vep__prd_is_list(L, -1) || lua_rawlen(L, -1) == 0) {
        if ((ru->adds = vep__calloc(p->r.a, 1, sizeof *ru->adds)) == NULL) {
            p->r.d->nomem = 1;
        } else if (lua_istable(L, -1) && vep__prd_is_list(L, -1)) {
            vep__free(p->r.a, ru->adds);
            ru->adds = NULL;
            vep__decl_problem(&p->r, "empty_rule", "'add' is empty: the rule adds nothing to the plan");
        } else {
            ru->nadds = 1;
            read_addition(p, -1, &ru->adds[0]);
        }
    } else {
        len = (size_t)lua_rawlen(L, -1);
        if ((ru->adds = vep__calloc(p->r.a, len, sizeof *ru->adds)) == NULL)
            p->r.d->nomem = 1;
        else
            ru->nadds = len;
        for (i = 0; i < ru->nadds && !p->r.d->nomem; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            read_addition(p, -1, &ru->adds[i]);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}


/* ---- Pre-release steps: rules of their own ---------------------------- */

/* Reads one pre-release step (table at idx) into the rule it becomes. */
static void read_step(plan_rd *p, int idx, vep_plan_rule *ru)
{
    static const char *const fields[] = { "step", "agency", "due_months", "title", "when", NULL };
    lua_State *L = p->r.L;
    int t = lua_absindex(L, idx);
    vep_addition *x;
    char step[64];

    if (vep__decl_word(&p->r, t, "step", step, sizeof step) != 1 || !vep__valid_id(step)) {
        vep__decl_problem(&p->r, step[0] ? "invalid_id" : "missing_field", "a step needs 'step', its id");
        snprintf(step, sizeof step, "?");
    }
    snprintf(p->step_id, sizeof p->step_id, "pre_release:%s", step);
    p->r.kind = "step";
    p->r.id = p->step_id;
    if (!(ru->id = vep__strdup(p->r.a, p->step_id)) ||
        !(ru->adds = x = vep__calloc(p->r.a, 1, sizeof *ru->adds))) {
        p->r.d->nomem = 1;
        return;
    }
    ru->nadds = 1;
    x->kind = VEP_ADD_PRE_RELEASE_STEP;
    x->intervention = x->agency = x->supervisor = -1;
    x->priority = 2;
    x->review_months = x->due_months = -1;
    vep__decl_check_fields(&p->r, t, fields, 0);
    if (!(x->step = vep__strdup(p->r.a, step)))
        p->r.d->nomem = 1;
    vep__prd_required_string(p, t, "agency", &x->agency_id);
    if (vep__prd_int(p, t, "due_months", 0, p->m->pre_release_months > 0 ? p->m->pre_release_months : 60,
                     &x->due_months) == 0)
        vep__decl_problem(&p->r, "missing_field", "'due_months' is required: months before release the step is due");
    vep__prd_required_text(p, t, "title", &ru->title);
    vep__decl_text(&p->r, t, "title", &x->note);
    if (vep__decl_field(&p->r, t, "when") != LUA_TNIL)
        vep__prd_cond(p, -1, 0, &ru->when);
    lua_pop(L, 1);
}

/* Reads pre_release { months_before, steps }: each step becomes a rule
** after the declared ones. */
void vep__prd_pre_release(plan_rd *p, int t)
{
    static const char *const fields[] = { "months_before", "steps", NULL };
    vep_plan_model *m = p->m;
    lua_State *L = p->r.L;
    vep_plan_rule *v;
    size_t n, i;

    vep__decl_check_fields(&p->r, t, fields, 0);
    m->pre_release_months = 0;
    if (vep__prd_int(p, t, "months_before", 1, 60, &m->pre_release_months) == 0)
        vep__decl_problem(&p->r, "missing_field", "'months_before' is required: when the pre-release window opens");
    if (vep__decl_field(&p->r, t, "steps") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (!vep__prd_is_list(L, -1)) {
        vep__decl_problem(&p->r, "wrong_type", "'steps' must be a list of { step = ..., agency = ..., due_months = ..., title = ... }");
        lua_pop(L, 1);
        return;
    }
    n = (size_t)lua_rawlen(L, -1);
    if (n == 0 || !(v = vep__realloc(p->r.a, m->rules, (m->nrules + n) * sizeof *v))) {
        p->r.d->nomem = n != 0;
        lua_pop(L, 1);
        return;
    }
    m->rules = v;
    memset(v + m->nrules, 0, n * sizeof *v);
    for (i = 0; i < n && !p->r.d->nomem; i++) {
        vep_plan_rule *ru = &m->rules[m->nrules++];
        ru->origin = p->r.origin;
        if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TTABLE)
            vep__decl_problem(&p->r, "wrong_type", "step %zu must be a table", i + 1);
        else
            read_step(p, -1, ru);
        lua_pop(L, 1);
        p->r.kind = "pre_release";
        p->r.id = NULL;
    }
    lua_pop(L, 1);
}
