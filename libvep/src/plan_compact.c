/*
** plan_compact.c -- the facts of a plan test case, in the compact form the
** test's Lua tables become (see WRITING-PLANS.md, "Test cases"):
**
**   { "result": { "risk": "high", "advisory": "moderate",
**                 "levels": { "screen": "positive" },
**                 "flags": [ "intent_stated" ],      (the raised ones)
**                 "scores": { "beliefs_high": 2 },
**                 "answers": { "B02": "high", "I06": "unknown", "X": 3 } },
**     "context": { ... the case context, plan_context.c ... } }
**
** An empty Lua table has no kind, so here an empty array also stands for
** an empty object.  Problems are reported in the file "test".
*/
#include <string.h>
#include "json.h"
#include "plan_input.h"
#include "date.h"

/* ---- The compact form of test cases ------------------------------------- */

/* One compact answer: "unknown", "not_applicable", "not_relevant" or
** "missing" set the state; another string is a code, a number a value, an
** array of strings a multi answer's codes. */
static void compact_answer(vep_pin *p, const cJSON *e, vep_fact *x)
{
    const cJSON *c;
    size_t n = 0;

    if (cJSON_IsString(e) && vep__name_find(vep__pin_answer_states, e->valuestring) > 0) {
        x->state = vep__pin_dup(p, e->valuestring);
        return;
    }
    x->state = vep__pin_dup(p, "value");
    if (cJSON_IsString(e)) {
        x->code = vep__pin_dup(p, e->valuestring);
    } else if (cJSON_IsNumber(e)) {
        x->has_number = 1;
        x->number = e->valuedouble;
    } else if (cJSON_IsArray(e) && cJSON_GetArraySize(e) > 0) {
        x->codes = vep__calloc(p->a, (size_t)cJSON_GetArraySize(e), sizeof *x->codes);
        if (x->codes == NULL)
            p->nomem = 1;
        for (c = x->codes ? e->child : NULL; c != NULL; c = c->next, n++) {
            if (cJSON_IsString(c)) {
                x->codes[x->ncodes++] = vep__pin_dup(p, c->valuestring);
            } else {
                size_t at = vep__pin_index(p, n);
                vep__pin_error(p, x->id, "wrong_type", "a code must be a string, not %s",
                               vep__pin_type(c));
                vep__pin_pop(p, at);
            }
        }
    } else if (!cJSON_IsArray(e)) {
        vep__pin_error(p, x->id, "wrong_type", "an answer must be a code, a number, a "
                       "list of codes, or a state such as \"unknown\", not %s",
                       vep__pin_type(e));
    }
}

/* { id: value } pairs of the compact result (levels: codes, scores:
** numbers, answers: see compact_answer) into facts. */
static void compact_map(vep_pin *p, const cJSON *r, const char *key, vep_fact **v,
                        size_t *n)
{
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(r, key), *e;
    size_t at = vep__pin_key(p, key);

    if (o != NULL && !vep__pin_is_object(p, o)) {
        vep__pin_error(p, NULL, "wrong_type", "\"%s\" must be a table keyed by id, not %s",
                       key, vep__pin_type(o));
    } else if (cJSON_IsObject(o)) {
        cJSON_ArrayForEach(e, o) {
            size_t at2 = vep__pin_key(p, e->string);
            vep_fact *x = vep__pin_fact(p, v, n);
            if (x == NULL)
                break;
            x->id = vep__pin_dup(p, e->string);
            if (strcmp(key, "answers") == 0) {
                compact_answer(p, e, x);
            } else if (strcmp(key, "scores") == 0 && cJSON_IsNumber(e)) {
                x->has_number = 1;
                x->number = e->valuedouble;
            } else if (strcmp(key, "levels") == 0 && cJSON_IsString(e)) {
                x->code = vep__pin_dup(p, e->valuestring);
            } else {
                vep__pin_error(p, e->string, "wrong_type", "a %s must be %s, not %s",
                               strcmp(key, "scores") == 0 ? "score" : "level",
                               strcmp(key, "scores") == 0 ? "a number" : "a band's code",
                               vep__pin_type(e));
            }
            vep__pin_pop(p, at2);
        }
    }
    vep__pin_pop(p, at);
}

/* The raised flags of the compact result: a list of ids, or a table of
** id = true/false. */
static void compact_flags(vep_pin *p, const cJSON *r, vep_plan_facts *f)
{
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(r, "flags"), *e;
    size_t at = vep__pin_key(p, "flags"), i = 0;

    if (o != NULL && !cJSON_IsArray(o) && !cJSON_IsObject(o)) {
        vep__pin_error(p, NULL, "wrong_type", "\"flags\" must be a list of the raised "
                       "flags, not %s", vep__pin_type(o));
        goto done;
    }
    cJSON_ArrayForEach(e, o) {
        const char *id = cJSON_IsArray(o) ? (cJSON_IsString(e) ? e->valuestring : NULL)
                                          : e->string;
        size_t at2 = cJSON_IsArray(o) ? vep__pin_index(p, i++) : vep__pin_key(p, e->string);
        vep_fact *x;
        if (id == NULL || (cJSON_IsObject(o) && !cJSON_IsBool(e))) {
            vep__pin_error(p, NULL, "wrong_type", "a flag is given by its id (a string), "
                           "or as id = true or false");
        } else if ((x = vep__pin_fact(p, &f->flags, &f->nflags)) != NULL) {
            int raised = cJSON_IsArray(o) || cJSON_IsTrue(e);
            x->id = vep__pin_dup(p, id);
            x->has_number = 1;
            x->number = raised;
            x->code = vep__pin_dup(p, raised ? "true" : "false");
        }
        vep__pin_pop(p, at2);
    }
done:
    vep__pin_pop(p, at);
}

/* The compact result of a test case: risk (required), advisory, levels,
** flags, scores, answers, date. */
static void compact_result(vep_pin *p, const cJSON *r, vep_plan_facts *f)
{
    static const char *const fields[] = { "risk", "advisory", "levels", "flags",
                                          "scores", "answers", "date", NULL };
    const cJSON *k;
    size_t at = vep__pin_key(p, "result"), at2;

    if (!vep__pin_is_object(p, r)) {
        vep__pin_error(p, NULL, "wrong_type", "a test case's result must be a table, "
                       "not %s", vep__pin_type(r));
        goto done;
    }
    cJSON_ArrayForEach(k, r) {
        if (vep__name_find(fields, k->string) < 0) {
            at2 = vep__pin_key(p, k->string);
            vep__pin_error(p, NULL, "unknown_field", "a test result has no field \"%s\"; "
                           "its fields are risk, advisory, levels, flags, scores, answers "
                           "and date", vep__pin_quote(p, k->string));
            vep__pin_pop(p, at2);
        }
    }
    f->risk = vep__pin_dup(p, vep__pin_opt_string(p, r, "risk", NULL));
    if (f->risk == NULL) {
        at2 = vep__pin_key(p, "risk");
        vep__pin_error(p, NULL, "no_final_judgement", "a plan is built on the "
                       "professional's final judgement: the test result needs "
                       "risk = \"...\"");
        vep__pin_pop(p, at2);
    }
    f->advisory = vep__pin_dup(p, vep__pin_opt_string(p, r, "advisory", NULL));
    f->assessment_date = vep__pin_dup(p, vep__pin_opt_string(p, r, "date", NULL));
    if (f->assessment_date != NULL && !vep__date_valid(f->assessment_date)) {
        at2 = vep__pin_key(p, "date");
        vep__pin_error(p, NULL, "invalid_date", "the assessment date \"%s\" is not a real "
                       "date written YYYY-MM-DD", vep__pin_quote(p, f->assessment_date));
        vep__pin_pop(p, at2);
    }
    compact_map(p, r, "levels", &f->levels, &f->nlevels);
    compact_flags(p, r, f);
    compact_map(p, r, "scores", &f->scores, &f->nscores);
    compact_map(p, r, "answers", &f->answers, &f->nanswers);
done:
    vep__pin_pop(p, at);
}

/* Reads a test case's stand-ins for host functions, host = { NAME = value
** } (a boolean, a number or a string), into f->stubs. */
static void compact_host(vep_pin *p, const cJSON *h, vep_plan_facts *f)
{
    const cJSON *e;
    size_t n = 0, at = vep__pin_key(p, "host");
    if (h == NULL || !vep__pin_is_object(p, h) || (n = (size_t)cJSON_GetArraySize(h)) == 0) {
        if (h != NULL && !vep__pin_is_object(p, h))
            vep__pin_error(p, NULL, "wrong_type", "'host' must be a table of "
                           "host function names and the values they give");
        goto done;
    }
    if (!(f->stubs = vep__calloc(p->a, n, sizeof *f->stubs))) {
        p->nomem = 1;
        goto done;
    }
    cJSON_ArrayForEach(e, h) {
        vep_host_stub *s = &f->stubs[f->nstubs];
        size_t k = vep__pin_key(p, e->string ? e->string : "");
        int rc = vep__host_stub_from_json(p->a, e, s);
        if (rc == -2)
            p->nomem = 1;
        else if (rc == -1)
            vep__pin_error(p, e->string, "wrong_type", "a host function's "
                           "stand-in must be a boolean, a number or a string, "
                           "not %s", vep__pin_type(e));
        s->name = vep__pin_dup(p, e->string ? e->string : "");
        f->nstubs++;
        vep__pin_pop(p, k);
    }
done:
    vep__pin_pop(p, at);
}

/* Reads a test case's facts { "result": {...}, "context": {...} }; the
** instrument, version and subject are "test", the assessment date the
** result's "date" or else the context's as_of. */
vep_status vep__plan_read_test_facts(const vep_alloc *a, vep_diags *d,
                                     const char *json, size_t len,
                                     vep_plan_facts *f)
{
    vep_pin p;
    cJSON *root;
    const cJSON *c;
    vep_status st;
    size_t at;

    vep__pin_init(&p, a, d, "test");
    p.compact = 1;
    root = vep__pin_parse(&p, json, len, "test case");
    if (root == NULL)
        goto cleanup;
    f->instrument_id = vep__pin_dup(&p, "test");
    f->instrument_version = vep__pin_dup(&p, "test");
    f->subject_id = vep__pin_dup(&p, "test");
    compact_result(&p, cJSON_GetObjectItemCaseSensitive(root, "result"), f);
    c = cJSON_GetObjectItemCaseSensitive(root, "context");
    at = vep__pin_key(&p, "context");
    if (c == NULL)
        vep__pin_error(&p, NULL, "missing_field", "a test case needs a context = "
                       "{ as_of = \"YYYY-MM-DD\", ... }");
    else
        vep__plan_context_object(&p, c, f);
    vep__pin_pop(&p, at);
    compact_host(&p, cJSON_GetObjectItemCaseSensitive(root, "host"), f);
    if (f->assessment_date == NULL)
        f->assessment_date = vep__pin_dup(&p, f->as_of);
cleanup:
    vep__json_delete(p.a, root);
    st = vep__pin_status(&p, VEP_ERR_CONTEXT);
    vep__pin_free(&p);
    return st;
}
