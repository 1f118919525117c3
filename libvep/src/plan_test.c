/*
** plan_test.c -- runs the test cases a plan script declares about itself.
**
** Each case gives the facts in the compact test form (plan_input.c) and
** an expectation.  The plan is evaluated and rendered through the same
** pipeline as any other, and the expectation is compared with the
** rendered document:
**   interventions = { "ID", ... }  the interventions, in plan order
**   not_added     = { "ID", ... }  interventions a rule named but not added
**   placement     = "regime"       the recommendation (false: none)
**   reassessment  = "YYYY-MM-DD"   when the next reassessment is due
**   window        = "open"         the pre-release window's state
**   steps         = { "step", ... } pre-release steps, in order
**   supervisor    = "agency", contact = "weekly", agencies = { ... }
**                                  post-release support
**   responsivity  = N              how many plan-wide notes
**   conflicts     = N              how many conflicts
**   invalid       = { "rule", ... } the facts are refused with these rules
**
** The report also lists under "never_held" the rules that no case made
** hold, so that every rule can be shown to be tested.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "engine.h"
#include "json.h"
#include "jsonw.h"

/* Appends a failure message (printf format) to the case's failures. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void fail(vep_jsonw *w, int *failures, const char *fmt, ...)
{
    vep_buf msg;
    va_list ap;
    vep__buf_init(&msg, w->b->alloc);
    va_start(ap, fmt);
    vep__buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (msg.failed)
        w->b->failed = 1;
    vep__jw_string(w, vep__buf_str(&msg));
    vep__buf_free(&msg);
    (*failures)++;
}

/* A new array of the strings at `field` of each object of `arr` (or of
** each string of `arr` when field is NULL), for comparing lists; NULL
** when out of memory (never a shorter list). */
static cJSON *project(const vep_alloc *a, const cJSON *arr, const char *field)
{
    cJSON *out = vep__json_new_array(a), *x;
    const cJSON *e;
    if (out == NULL)
        return NULL;
    cJSON_ArrayForEach(e, arr) {
        const cJSON *v = field ? cJSON_GetObjectItemCaseSensitive(e, field) : e;
        x = cJSON_IsString(v) ? vep__json_new_string(a, v->valuestring)
                              : vep__json_new_null(a);
        if (x == NULL || !vep__json_add(a, out, NULL, x)) {
            vep__json_delete(a, x);
            vep__json_delete(a, out);
            return NULL;
        }
    }
    return out;
}

/* Compares one expected value with what the plan holds. */
static void expect(vep_jsonw *w, int *failures, const char *key,
                   const cJSON *want, const cJSON *got)
{
    const vep_alloc *a = w->b->alloc;
    char *ws = vep__json_print(a, want);
    char *gs = got ? vep__json_print(a, got) : NULL;
    int same;
    if (ws == NULL || (got != NULL && gs == NULL))
        w->b->failed = 1;         /* out of memory: the report fails */
    if (cJSON_IsFalse(want))
        same = got == NULL || cJSON_IsNull(got);
    else
        same = got != NULL && cJSON_Compare(want, got, 1);
    if (!same)
        fail(w, failures, "%s: expected %s, got %s", key, ws ? ws : "?",
             gs && !cJSON_IsNull(got) ? gs : "nothing");
    vep__free(a, ws);
    vep__free(a, gs);
}

/* Where each expectation key is found in the plan document: a section, a
** field inside it, and for lists the field of each entry. */
static const struct {
    const char *key, *section, *field, *each;
    int count;                 /* compare the number of entries          */
} where[] = {
    { "interventions", "interventions", NULL, "id", 0 },
    { "not_added", "not_added", NULL, "intervention", 0 },
    { "placement", "placement", "recommended", NULL, 0 },
    { "reassessment", "reassessment", "due", NULL, 0 },
    { "window", "pre_release", "state", NULL, 0 },
    { "steps", "pre_release", "steps", "step", 0 },
    { "supervisor", "post_release", "supervisor", NULL, 0 },
    { "contact", "post_release", "contact", NULL, 0 },
    { "agencies", "post_release", "agencies", "", 0 },
    { "responsivity", "responsivity", NULL, NULL, 1 },
    { "conflicts", "conflicts", NULL, NULL, 1 },
};

/* handled_by = { INTERVENTION = "agency", ... }: the agency each named
** intervention of the plan is given to. */
static void check_handled_by(vep_jsonw *w, int *failures, const cJSON *want,
                             const cJSON *plan)
{
    const cJSON *e, *iv;
    cJSON_ArrayForEach(e, want) {
        const cJSON *agency = NULL;
        int found = 0;
        cJSON_ArrayForEach(iv, cJSON_GetObjectItemCaseSensitive(plan, "interventions")) {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(iv, "id");
            if (cJSON_IsString(id) && strcmp(id->valuestring, e->string) == 0) {
                agency = cJSON_GetObjectItemCaseSensitive(iv, "agency");
                found = 1;
                break;
            }
        }
        if (!found)
            fail(w, failures, "handled_by: intervention '%s' is not in the plan", e->string);
        else if (!cJSON_IsString(e) || !cJSON_IsString(agency) ||
                 strcmp(agency->valuestring, e->valuestring) != 0)
            fail(w, failures, "handled_by: %s: expected agency %s, got %s", e->string,
                 cJSON_IsString(e) ? e->valuestring : "?",
                 cJSON_IsString(agency) ? agency->valuestring : "none");
    }
}

/* Checks every expectation against the rendered plan. */
static void check_plan(vep_jsonw *w, int *failures, const cJSON *want,
                       const cJSON *plan)
{
    const cJSON *e;
    size_t k;

    cJSON_ArrayForEach(e, want) {
        const cJSON *got;
        cJSON *list = NULL, *num = NULL;
        if (strcmp(e->string, "invalid") == 0) {
            fail(w, failures, "expected the facts to be refused, but the plan was made");
            continue;
        }
        if (strcmp(e->string, "handled_by") == 0) {
            check_handled_by(w, failures, e, plan);
            continue;
        }
        for (k = 0; k < sizeof where / sizeof where[0]; k++)
            if (strcmp(where[k].key, e->string) == 0)
                break;
        if (k == sizeof where / sizeof where[0]) {
            fail(w, failures, "unknown expectation '%s'", e->string);
            continue;
        }
        got = cJSON_GetObjectItemCaseSensitive(plan, where[k].section);
        if (got && where[k].field)
            got = cJSON_GetObjectItemCaseSensitive(got, where[k].field);
        if (where[k].count) {
            num = vep__json_new_number(w->b->alloc, cJSON_IsArray(got) ? cJSON_GetArraySize(got) : 0);
            got = num;
            if (num == NULL)
                w->b->failed = 1;     /* out of memory: the report fails */
        } else if (where[k].each) {
            list = project(w->b->alloc, got, where[k].each[0] ? where[k].each : NULL);
            got = list;
            if (list == NULL)
                w->b->failed = 1;
        }
        expect(w, failures, e->string, e, got);
        vep__json_delete(w->b->alloc, list);
        vep__json_delete(w->b->alloc, num);
    }
}

/* Checks an `invalid = {...}` expectation against the diagnostics. */
static void check_invalid(vep_jsonw *w, int *failures, const cJSON *want,
                          const vep_diags *d, vep_status st)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(want, "invalid"), *e;
    size_t i;
    if (list == NULL) {
        fail(w, failures, "the plan could not be made (%s)%s%s%s", vep_strerror(st),
             d->n ? ": " : "", d->n ? d->v[0].path : "", d->n ? d->v[0].message : "");
        return;
    }
    cJSON_ArrayForEach(e, list) {
        int found = 0;
        for (i = 0; i < d->n && cJSON_IsString(e); i++)
            if (strcmp(d->v[i].rule, e->valuestring) == 0)
                found = 1;
        if (!found)
            fail(w, failures, "expected an error '%s'; got %zu other%s",
                 cJSON_IsString(e) ? e->valuestring : "?", d->n, d->n == 1 ? "" : "s");
    }
}

/* Evaluates one case into `doc` (the rendered plan) or the diagnostics,
** marking in `covered` every rule that held. */
static vep_status run_case(vep_plan *p, const vep_plan_test *tc, vep_buf *doc,
                           unsigned char *covered)
{
    vep_engine *e = p->engine;
    vep_plan_facts facts;
    vep_plan_out out;
    vep_status st;

    memset(&facts, 0, sizeof facts);
    memset(&out, 0, sizeof out);
    st = vep__plan_read_test_facts(&e->alloc, &e->diags, tc->facts_json,
                                   strlen(tc->facts_json), &facts);
    facts.stubbed = 1;      /* the case's stand-ins answer for the host */
    if (st == VEP_OK)
        st = vep__plan_host_prepare(&p->model, &facts, NULL, &e->alloc, &e->diags);
    if (st == VEP_OK)
        st = vep__plan_eval(&p->model, &facts, &e->alloc, &out);
    if (st == VEP_OK && out.holds) {
        size_t r;
        for (r = 0; r < p->model.nrules; r++)
            covered[r] |= out.holds[r];
    }
    if (st == VEP_OK)
        st = vep__plan_render(&p->model, &facts, &out, NULL, NULL, doc);
    vep__plan_out_free(&e->alloc, &out);
    vep__plan_facts_free(&e->alloc, &facts);
    return st;
}

vep_status vep__plan_run_tests(vep_plan *p, vep_buf *b, size_t *failed)
{
    vep_engine *e = p->engine;
    const vep_plan_model *m = &p->model;
    vep_jsonw w;
    vep_buf doc;
    size_t i, passed = 0;
    vep_status st = VEP_OK;
    unsigned char *covered;

    *failed = 0;
    covered = vep__calloc(&e->alloc, m->nrules + 1, 1);
    if (covered == NULL)
        return VEP_ERR_NOMEM;
    vep__buf_init(&doc, &e->alloc);
    vep__jw_init(&w, b, 1);
    vep__jw_object(&w);
    vep__jw_kstring(&w, "plan", m->id);
    vep__jw_kstring(&w, "version", m->version);
    vep__jw_key(&w, "cases");
    vep__jw_array(&w);
    for (i = 0; i < m->ntests; i++) {
        const vep_plan_test *tc = &m->tests[i];
        cJSON *want = NULL, *plan = NULL;
        vep_status rs;
        int failures = 0;

        vep__buf_reset(&doc);
        vep__diags_clear(&e->diags);
        want = tc->expect_json ? vep__json_parse(&e->alloc, tc->expect_json,
                                                 strlen(tc->expect_json), NULL, NULL)
                               : NULL;
        if (want == NULL || tc->facts_json == NULL) {
            st = VEP_ERR_NOMEM;
            goto next;
        }
        rs = run_case(p, tc, &doc, covered);
        if (rs == VEP_ERR_NOMEM || (rs == VEP_OK && doc.failed)) {
            st = VEP_ERR_NOMEM;
            goto next;
        }
        if (rs == VEP_OK && (plan = vep__json_parse(&e->alloc, doc.data, doc.len, NULL, NULL)) == NULL) {
            st = VEP_ERR_NOMEM;
            goto next;
        }
        vep__jw_object(&w);
        vep__jw_kstring(&w, "name", tc->name);
        vep__jw_kint(&w, "line", tc->origin.line);
        vep__jw_key(&w, "failures");
        vep__jw_array(&w);
        if (rs == VEP_OK)
            check_plan(&w, &failures, want, plan);
        else
            check_invalid(&w, &failures, want, &e->diags, rs);
        vep__jw_array_end(&w);
        vep__jw_kstring(&w, "status", vep_status_name(rs));
        vep__jw_key(&w, "errors");          /* as in vep_diag_json */
        if (rs != VEP_OK) {
            vep__diags_write(&w, &e->diags);
        } else {
            vep__jw_array(&w);
            vep__jw_array_end(&w);
        }
        vep__jw_kbool(&w, "passed", failures == 0);
        vep__jw_object_end(&w);
        if (failures)
            (*failed)++;
        else
            passed++;
    next:
        vep__json_delete(&e->alloc, want);
        vep__json_delete(&e->alloc, plan);
        if (st != VEP_OK)
            break;
    }
    vep__buf_free(&doc);
    vep__diags_clear(&e->diags);
    if (st != VEP_OK) {
        vep__free(&e->alloc, covered);
        return st;
    }
    vep__jw_array_end(&w);
    vep__jw_kint(&w, "passed", (long long)passed);
    vep__jw_kint(&w, "failed", (long long)*failed);
    /* Rules no case makes hold: a methodologist's untested rules. */
    vep__jw_key(&w, "never_held");
    vep__jw_array(&w);
    for (i = 0; i < m->nrules && m->ntests > 0; i++)
        if (!covered[i])
            vep__jw_string(&w, m->rules[i].id);
    vep__jw_array_end(&w);
    vep__free(&e->alloc, covered);
    vep__jw_object_end(&w);
    vep__buf_addc(b, '\n');
    return b->failed ? VEP_ERR_NOMEM : VEP_OK;
}
