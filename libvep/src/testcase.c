/*
** testcase.c -- runs the test cases an instrument declares about itself.
**
** Each case is an assessment document and an expectation, both built by
** the loader.  The assessment is scored through the same pipeline as any
** other; the expectation is compared with the result document:
**   scores = { id = value }       the score's value (null: no value)
**   status = { id = "prorated" }  the score's status
**   levels = { id = "code" }      the advisory band (false: none)
**   flags  = { id = true/false }  raised or not
**   invalid = { "rule", ... }     validation fails with these rules
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "host.h"
#include "json.h"
#include "engine.h"
#include "jsonw.h"

/* Finds the entry with "id" == id in an array of objects. */
static const cJSON *by_id(const cJSON *arr, const char *id)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, "id");
        if (cJSON_IsString(v) && strcmp(v->valuestring, id) == 0)
            return e;
    }
    return NULL;
}

/* Compares one expected value with the result's; appends a failure. */
static void expect_value(vep_jsonw *w, int *failures, const char *what,
                         const char *id, const cJSON *want, const cJSON *got)
{
    const vep_alloc *a = w->b->alloc;
    char *ws = vep__json_print(a, want);
    char *gs = got ? vep__json_print(a, got) : NULL;
    int same;
    if (ws == NULL || (got != NULL && gs == NULL))
        w->b->failed = 1;         /* out of memory: the report fails */
    if (cJSON_IsNumber(want) && cJSON_IsNumber(got))
        same = fabs(want->valuedouble - got->valuedouble) <= 1e-9 * (1 + fabs(want->valuedouble));
    else if (cJSON_IsFalse(want) && (got == NULL || cJSON_IsNull(got)) && strcmp(what, "level") == 0)
        same = 1;
    else
        same = got != NULL && cJSON_Compare(want, got, 1);
    if (!same) {
        vep_buf msg;
        vep__buf_init(&msg, w->b->alloc);
        vep__buf_printf(&msg, "%s '%s': expected %s, got %s", what, id, ws ? ws : "?",
                        gs ? gs : "nothing");
        if (msg.failed)
            w->b->failed = 1;      /* out of memory: the report fails */
        vep__jw_string(w, vep__buf_str(&msg));
        vep__buf_free(&msg);
        (*failures)++;
    }
    vep__free(a, ws);
    vep__free(a, gs);
}

/* Checks `expect` against a scored result document. */
static void check_result(vep_jsonw *w, int *failures, const cJSON *expect,
                         const cJSON *result)
{
    static const struct { const char *key, *section, *field, *what; } checks[] = {
        { "scores", "scores", "value", "score" },
        { "status", "scores", "status", "status of score" },
        { "levels", "levels", "level", "level" },
        { "flags", "flags", "raised", "flag" },
    };
    const cJSON *want, *e, *entry;
    size_t k;
    for (k = 0; k < sizeof checks / sizeof checks[0]; k++) {
        want = cJSON_GetObjectItemCaseSensitive(expect, checks[k].key);
        cJSON_ArrayForEach(e, want) {
            entry = by_id(cJSON_GetObjectItemCaseSensitive(result, checks[k].section), e->string);
            if (entry == NULL) {
                vep_buf msg;
                vep__buf_init(&msg, w->b->alloc);
                vep__buf_printf(&msg, "%s '%s' does not exist in the result", checks[k].what, e->string);
                vep__jw_string(w, vep__buf_str(&msg));
                vep__buf_free(&msg);
                (*failures)++;
                continue;
            }
            expect_value(w, failures, checks[k].what, e->string, e,
                         cJSON_GetObjectItemCaseSensitive(entry, checks[k].field));
        }
    }
    if (cJSON_GetObjectItemCaseSensitive(expect, "invalid")) {
        vep__jw_string(w, "expected the assessment to be invalid, but it was scored");
        (*failures)++;
    }
}

/* Checks an `invalid = {...}` expectation against the diagnostics. */
static void check_invalid(vep_jsonw *w, int *failures, const cJSON *expect,
                          const vep_diags *d, vep_status st)
{
    const cJSON *want = cJSON_GetObjectItemCaseSensitive(expect, "invalid"), *e;
    size_t i;
    if (want == NULL) {
        vep_buf msg;
        vep__buf_init(&msg, w->b->alloc);
        vep__buf_printf(&msg, "scoring failed (%s)", vep_strerror(st));
        for (i = 0; i < d->n && i < 5; i++)
            vep__buf_printf(&msg, "; %s%s%s (%s)", d->v[i].path, d->v[i].path[0] ? ": " : "",
                            d->v[i].message, d->v[i].rule);
        if (msg.failed)
            w->b->failed = 1;      /* out of memory: the report fails */
        vep__jw_string(w, vep__buf_str(&msg));
        vep__buf_free(&msg);
        (*failures)++;
        return;
    }
    cJSON_ArrayForEach(e, want) {
        int found = 0;
        for (i = 0; i < d->n && cJSON_IsString(e); i++)
            if (strcmp(d->v[i].rule, e->valuestring) == 0)
                found = 1;
        if (!found) {
            vep_buf msg;
            vep__buf_init(&msg, w->b->alloc);
            vep__buf_printf(&msg, "expected an error '%s'; the errors were:", cJSON_IsString(e) ? e->valuestring : "?");
            for (i = 0; i < d->n; i++)
                vep__buf_printf(&msg, " %s", d->v[i].rule);
            if (msg.failed)
                w->b->failed = 1;
            vep__jw_string(w, vep__buf_str(&msg));
            vep__buf_free(&msg);
            (*failures)++;
        }
    }
}

/* The problems found while scoring a case, as in vep_diag_json (none
** when it scored). */
static void write_errors(vep_jsonw *w, const vep_diags *d, vep_status rs)
{
    vep_diags none;
    memset(&none, 0, sizeof none);
    vep__jw_key(w, "errors");
    vep__diags_write(w, rs != VEP_OK ? d : &none);
}

/* Scores one case with its stand-ins for the host functions: a test case
** never calls the host. */
static vep_status assess_case(vep_instrument *ins, const vep_testcase *tc,
                              vep_buf *result)
{
    const vep_alloc *a = &ins->engine->alloc;
    vep_host_stub *v = NULL;
    vep_host_stubs stubs;
    size_t n = 0;
    char err[200];
    vep_status st;

    if (vep__host_stubs_parse(a, tc->host_json, &v, &n, err, sizeof err) != 0)
        return VEP_ERR_NOMEM;            /* checked at load: only memory */
    stubs.v = v;
    stubs.n = n;
    st = vep__assess(ins, tc->assessment_json, strlen(tc->assessment_json),
                     &stubs, result);
    vep__host_stubs_free(a, v, n);
    return st;
}

vep_status vep__run_tests(vep_instrument *ins, vep_buf *b, size_t *failed)
{
    vep_engine *e = ins->engine;
    const vep_model *m = &ins->model;
    vep_jsonw w;
    vep_buf result;
    size_t i, passed = 0;
    vep_status st = VEP_OK;

    *failed = 0;
    vep__buf_init(&result, &e->alloc);
    vep__jw_init(&w, b, 1);
    vep__jw_object(&w);
    vep__jw_kstring(&w, "instrument", m->id);
    vep__jw_kstring(&w, "version", m->version);
    vep__jw_key(&w, "cases");
    vep__jw_array(&w);
    for (i = 0; i < m->ntests; i++) {
        const vep_testcase *tc = &m->tests[i];
        cJSON *expect = NULL, *doc = NULL;
        vep_status rs;
        int failures = 0;

        vep__buf_reset(&result);
        vep__diags_clear(&e->diags);
        vep__jw_object(&w);
        vep__jw_kstring(&w, "name", tc->name);
        vep__jw_kint(&w, "line", tc->origin.line);
        vep__jw_key(&w, "failures");
        vep__jw_array(&w);
        expect = tc->expect_json ? vep__json_parse(&e->alloc, tc->expect_json,
                                                   strlen(tc->expect_json), NULL, NULL)
                                 : NULL;
        if (expect == NULL || tc->assessment_json == NULL) {
            st = VEP_ERR_NOMEM;
            vep__json_delete(&e->alloc, expect);
            break;
        }
        rs = assess_case(ins, tc, &result);
        if (rs == VEP_ERR_NOMEM) {
            st = rs;
            vep__json_delete(&e->alloc, expect);
            break;
        }
        if (rs == VEP_OK) {
            doc = vep__json_parse(&e->alloc, result.data, result.len, NULL, NULL);
            if (doc == NULL) {
                st = VEP_ERR_NOMEM;
                vep__json_delete(&e->alloc, expect);
                break;
            }
            check_result(&w, &failures, expect, doc);
        } else {
            check_invalid(&w, &failures, expect, &e->diags, rs);
        }
        vep__jw_array_end(&w);
        vep__jw_kstring(&w, "status", vep_status_name(rs));
        write_errors(&w, &e->diags, rs);
        vep__jw_kbool(&w, "passed", failures == 0);
        vep__jw_object_end(&w);
        if (failures)
            (*failed)++;
        else
            passed++;
        vep__json_delete(&e->alloc, expect);
        vep__json_delete(&e->alloc, doc);
    }
    vep__buf_free(&result);
    if (st != VEP_OK)
        return st;
    vep__jw_array_end(&w);
    vep__jw_kint(&w, "passed", (long long)passed);
    vep__jw_kint(&w, "failed", (long long)*failed);
    vep__jw_object_end(&w);
    vep__buf_addc(b, '\n');
    return b->failed ? VEP_ERR_NOMEM : VEP_OK;
}
