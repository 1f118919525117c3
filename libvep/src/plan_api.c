/*
** plan_api.c -- the public plan calls.
**
** The pipeline for one plan lives in evaluate(): read the result
** (plan_input.c), read the context (plan_input.c), evaluate the rules
** (plan_eval.c), render the whole plan or one agency's view
** (plan_render.c).  vep_assess() scores first (api.c) and hands the
** result document it rendered to the same pipeline, so a plan made in one
** call is byte for byte the plan made from the saved result.
*/
#include <string.h>
#include "engine.h"
#include "jsonw.h"
#include "lang.h"

/* Loads `src` into a new plan (a vep_load_fn). */
static vep_status load(void *out, vep_engine *e, const char *name,
                       const char *dir, const char *src, size_t len)
{
    vep_plan *p;
    vep_status st;

    p = vep__calloc(&e->alloc, 1, sizeof *p);
    if (p == NULL)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    p->engine = e;
    p->alloc = e->alloc;
    vep__plan_model_init(&p->model, &p->alloc);
    st = vep__plan_load(e, &p->model, name, dir, src, len);
    if (st != VEP_OK) {
        vep__plan_model_free(&p->model);
        vep__free(&e->alloc, p);
        return st;
    }
    e->ninstruments++;
    *(vep_plan **)out = p;
    return VEP_OK;
}

VEP_API vep_status vep_plan_load_file(vep_plan **out, vep_engine *engine,
                                      const char *path)
{
    if (out)
        *out = NULL;
    return vep__load_file(out, engine, path, load);
}

VEP_API vep_status vep_plan_load_buffer(vep_plan **out, vep_engine *engine,
                                        const char *name, const char *source,
                                        size_t length)
{
    if (out)
        *out = NULL;
    return vep__load_buffer(out, engine, name, source, length, load);
}

VEP_API void vep_plan_free(vep_plan *plan)
{
    vep_alloc a;
    vep_engine *e;
    if (plan == NULL)
        return;
    a = plan->alloc;
    e = plan->engine;
    vep__plan_model_free(&plan->model);
    vep__free(&a, plan);
    vep__engine_release(e);
}

VEP_API const char *vep_plan_id(const vep_plan *plan)
{
    return plan ? plan->model.id : NULL;
}

VEP_API const char *vep_plan_version(const vep_plan *plan)
{
    return plan ? plan->model.version : NULL;
}

VEP_API const char *vep_plan_sha256(const vep_plan *plan)
{
    return plan ? plan->model.sha256 : NULL;
}

VEP_API const char *vep_plan_instrument(const vep_plan *plan)
{
    return plan ? plan->model.instrument : NULL;
}

/* Appends the ids a plan declares ("a, b, c") for a message. */
static void list_ids(vep_buf *b, const vep_plan_model *m, int agencies)
{
    size_t i, n = agencies ? m->nagencies : m->nlanguages;
    for (i = 0; i < n; i++)
        vep__buf_printf(b, "%s%s", i ? ", " : "",
                        agencies ? m->agencies[i].id : m->languages[i]);
}

/* Checks the options: a known version, a declared agency, and a
** well-formed language tag (a language the plan lacks falls back along
** its chain, lang.h). */
static vep_status check_options(vep_engine *e, const vep_plan_model *m,
                                const vep_plan_options *o)
{
    vep_buf b;
    vep_lang_chain chain;
    vep_status st = VEP_OK;

    if (o == NULL)
        return VEP_OK;
    if (o->version != VEP_PLAN_OPTIONS_VERSION)
        return vep__engine_fail(e, VEP_ERR_ARGUMENT,
                                "unknown vep_plan_options version %u", o->version);
    vep__buf_init(&b, &e->alloc);
    if (o->agency && vep__plan_find_agency(m, o->agency) < 0) {
        list_ids(&b, m, 1);
        st = vep__engine_fail(e, VEP_ERR_ARGUMENT,
                              "plan %s declares no agency '%s'; its agencies are: %s",
                              m->id, o->agency, b.failed ? "" : b.data ? b.data : "(none)");
        goto done;
    }
    if (o->language && o->language[0]
        && vep__lang_chain(&chain, o->language, NULL, NULL, 0) != 0) {
        list_ids(&b, m, 0);
        st = vep__engine_fail(e, VEP_ERR_ARGUMENT,
                              "'%s' is not a BCP 47 language tag (e.g. en, sr-Latn, sr-Cyrl); "
                              "plan %s has: %s", o->language, m->id,
                              b.failed ? "" : b.data ? b.data : "(none)");
    }
done:
    vep__buf_free(&b);
    return st;
}

/* Summarises a failed evaluation in the engine's message. */
static vep_status evaluate_failed(vep_engine *e, vep_status st)
{
    size_t n = e->diags.n + e->diags.dropped;
    if (e->errmsg.len)
        return st;
    if (st == VEP_ERR_ASSESSMENT || st == VEP_ERR_CONTEXT)
        return vep__engine_fail(e, st, "%s: %zu problem%s found",
                                st == VEP_ERR_CONTEXT ? "the case context is invalid"
                                : "the result is not one this plan can use (the context "
                                  "was checked too)", n, n == 1 ? "" : "s");
    if (e->diags.n && e->diags.v[0].message[0])   /* e.g. a host function */
        return vep__engine_fail(e, st, "%s: %s", vep_strerror(st),
                                e->diags.v[0].message);
    return vep__engine_fail(e, st, "%s", vep_strerror(st));
}

/* The pipeline: result and context to facts, rules to a plan, the plan
** (or one agency's view of it) rendered into `b`.  Both documents are
** read, so that the user sees every problem of both at once. */
static vep_status evaluate(vep_plan *p, const char *result, size_t rlen,
                           const char *context, size_t clen,
                           const vep_plan_options *o, vep_buf *b)
{
    vep_engine *e = p->engine;
    vep_plan_facts facts;
    vep_plan_out out;
    vep_status st, st2;

    memset(&facts, 0, sizeof facts);
    memset(&out, 0, sizeof out);
    st = vep__plan_read_result(&e->alloc, &e->diags, p->model.instrument,
                               result, rlen, &facts);
    if (st == VEP_ERR_NOMEM)
        goto done;
    st2 = vep__plan_read_context(&e->alloc, &e->diags, context, clen, &facts);
    if (st == VEP_OK || st2 == VEP_ERR_NOMEM)
        st = st2;
    if (st != VEP_OK)
        goto done;
    st = vep__plan_host_prepare(&p->model, &facts, &e->hosts, &e->alloc, &e->diags);
    if (st != VEP_OK)
        goto done;
    st = vep__plan_eval(&p->model, &facts, &e->alloc, &out);
    if (st != VEP_OK)
        goto done;
    st = vep__plan_render(&p->model, &facts, &out, o ? o->agency : NULL,
                          o ? o->language : NULL, b);
done:
    if (st == VEP_ERR_NOMEM && e->diags.nomem == 0)
        vep__diags_clear(&e->diags);
    vep__plan_out_free(&e->alloc, &out);
    vep__plan_facts_free(&e->alloc, &facts);
    return st;
}

VEP_API vep_status vep_plan_evaluate(char **out, vep_plan *plan,
                                     const char *result_json,
                                     size_t result_length,
                                     const char *context_json,
                                     size_t context_length,
                                     const vep_plan_options *options)
{
    vep_engine *e;
    vep_buf b;
    vep_status st;

    if (out)
        *out = NULL;
    if (plan == NULL)
        return VEP_ERR_ARGUMENT;
    e = plan->engine;
    vep__engine_begin(e);
    if (out == NULL || (result_json == NULL && result_length)
        || (context_json == NULL && context_length))
        return vep__engine_fail(e, VEP_ERR_ARGUMENT,
                                "out, result_json and context_json must not be NULL");
    st = check_options(e, &plan->model, options);
    if (st != VEP_OK)
        return st;
    vep__buf_init(&b, &e->alloc);
    st = evaluate(plan, result_json ? result_json : "", result_length,
                  context_json ? context_json : "", context_length, options, &b);
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);
    else
        evaluate_failed(e, st);
    vep__buf_free(&b);
    return st;
}

/* Writes {"result": R, "plan": P} (or {"plan": P} for an agency view)
** around the two rendered documents, indented as they are. */
static void wrap(vep_buf *b, const vep_buf *result, const vep_buf *plan)
{
    vep__buf_printf(b, "{\n");
    if (result) {
        vep__buf_printf(b, "  \"result\": ");
        vep__buf_indent(b, result->data, result->len, 2);
        vep__buf_printf(b, ",\n");
    }
    vep__buf_printf(b, "  \"plan\": ");
    vep__buf_indent(b, plan->data, plan->len, 2);
    vep__buf_printf(b, "\n}\n");
}

VEP_API vep_status vep_assess(char **out, vep_instrument *instrument,
                              vep_plan *plan,
                              const char *assessment_json,
                              size_t assessment_length,
                              const char *context_json,
                              size_t context_length,
                              const vep_plan_options *options)
{
    vep_engine *e;
    vep_buf result, doc, b;
    vep_status st;

    if (out)
        *out = NULL;
    if (instrument == NULL || plan == NULL)
        return VEP_ERR_ARGUMENT;
    e = instrument->engine;
    vep__engine_begin(e);
    if (plan->engine != e)
        return vep__engine_fail(e, VEP_ERR_ARGUMENT,
                                "the instrument and the plan come from different engines");
    if (out == NULL || (assessment_json == NULL && assessment_length)
        || (context_json == NULL && context_length))
        return vep__engine_fail(e, VEP_ERR_ARGUMENT,
                                "out, assessment_json and context_json must not be NULL");
    st = check_options(e, &plan->model, options);
    if (st != VEP_OK)
        return st;
    vep__buf_init(&result, &e->alloc);
    vep__buf_init(&doc, &e->alloc);
    vep__buf_init(&b, &e->alloc);
    st = vep__assess(instrument, assessment_json ? assessment_json : "",
                     assessment_length, NULL, &result);
    if (st != VEP_OK) {
        vep__assess_failed(e, st);
        goto done;
    }
    if (result.failed) {
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
        goto done;
    }
    st = evaluate(plan, result.data ? result.data : "", result.len,
                  context_json ? context_json : "", context_length, options, &doc);
    if (st != VEP_OK) {
        evaluate_failed(e, st);
        goto done;
    }
    wrap(&b, options && options->agency ? NULL : &result, &doc);
    st = vep__export_buf(e, &b, out);
done:
    vep__buf_free(&b);
    vep__buf_free(&doc);
    vep__buf_free(&result);
    return st;
}

VEP_API vep_status vep_plan_run_tests(char **out, size_t *out_failed,
                                      vep_plan *plan)
{
    vep_engine *e;
    vep_buf b;
    vep_status st;
    size_t failed = 0;

    if (out)
        *out = NULL;
    if (out_failed)
        *out_failed = 0;
    if (plan == NULL || out == NULL)
        return VEP_ERR_ARGUMENT;
    e = plan->engine;
    vep__engine_begin(e);
    vep__buf_init(&b, &e->alloc);
    st = vep__plan_run_tests(plan, &b, &failed);
    vep__engine_begin(e);   /* the cases' own errors are in the report */
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);
    else
        vep__engine_fail(e, st, "%s", vep_strerror(st));
    if (st == VEP_OK && out_failed)
        *out_failed = failed;
    vep__buf_free(&b);
    return st;
}
