/*
** plan_host_fixture.h -- what the tests of plan conditions on host
** functions share (test_plan_host.c, test_plan_host_fail.c; each includes
** it once, first): the host's C functions and callback, the screening
** result they are evaluated on, a plan with every kind of test, and a
** fixture with all of it on a counting allocator.
*/
#ifndef VEP_TEST_PLAN_HOST_FIXTURE_H
#define VEP_TEST_PLAN_HOST_FIXTURE_H

#include "api_fixture.h"
#include <math.h>
#include <stdbool.h>

#define SCREEN "instruments/screening/vep-screen.lua"
#define SCREEN_DOC "examples/assessments/screen-positive.json"
#define EXAMPLE "examples/host/vep-plan-screen-host.lua"
#define EXAMPLE_CONTEXT "examples/cases/screen-positive.context.json"

#define PLAN_HEAD                                                             \
    "plan { id = \"hp\", version = \"1.0.0\", instrument = \"vep-screen\",\n" \
    "       languages = { \"en\" }, title = \"Host conditions\" }\n"
/* A rule whose responsivity note is its id. */
#define RULE(id, when)                                                        \
    "rule \"" id "\" { title = \"T\", when = " when ", add = { responsivity = \"" id "\" } }\n"

/* The context of the evaluations: no release date, no field "unit". */
static const char context[] =
    "{ \"as_of\": \"2026-03-12\", \"age\": 24, \"regime\": \"standard\",\n"
    "  \"custom\": { \"escort\": true, \"wing\": \"B\" } }";

/* ---- The host side ----------------------------------------------------- */

typedef struct host_state {
    int marker;               /* seen through "userdata"                  */
    int64_t referrals;        /* what open_referrals answers              */
    int referral_calls, completed_calls, band_calls, ratio_calls;
    const char *band;         /* what the band callback answers           */
    int band_mode;            /* 0 answer, 1 fail, 2 non-zero, 3 nothing,
                                 4 invalid UTF-8, 5 twice then nil        */
    int freed;                /* owned strings freed                      */
} host_state;

static FX_UNUSED host_state *g_owner;   /* for owned_free: no user data */

static FX_UNUSED int64_t open_referrals(void *ud, const char *subject)
{
    host_state *h = ud;
    assert_int_equal(h->marker, 42);
    h->referral_calls++;
    return strcmp(subject, "P-0001") == 0 ? h->referrals : 0;
}

static FX_UNUSED bool completed_elsewhere(vep_host_call *call, void *ud,
                                          const char *subject,
                                          const char *programme)
{
    host_state *h = ud;
    assert_int_equal(h->marker, 42);
    assert_string_equal(vep_host_call_name(call), "completed_elsewhere");
    h->completed_calls++;
    if (strcmp(programme, "DOWN") == 0) {
        assert_int_equal(vep_host_call_fail(call, "the case system is down"), VEP_OK);
        return true;
    }
    return strcmp(subject, "P-0001") == 0 && strcmp(programme, "CBT") == 0;
}

/* The callback form: answers h->band, or misbehaves as band_mode says. */
static FX_UNUSED int band(void *ud, vep_host_call *call)
{
    host_state *h = ud;
    h->band_calls++;
    assert_string_equal(vep_host_call_name(call), "band");
    assert_int_equal(vep_host_call_argc(call), 1);
    switch (h->band_mode) {
    case 1:
        vep_host_call_fail(call, "no band for 'positive'");
        return 0;
    case 2:
        return 7;
    case 3:
        return 0;
    case 4:
        assert_int_equal(vep_host_call_return_string(call, "caf\xc3"), VEP_OK);
        return 0;
    case 5:
        assert_int_equal(vep_host_call_return_string(call, "first"), VEP_OK);
        assert_int_equal(vep_host_call_return_string(call, "second"), VEP_OK);
        assert_int_equal(vep_host_call_return_string(call, NULL), VEP_OK);
        return 0;
    default:
        assert_int_equal(vep_host_call_return_bool(call, 1), VEP_ERR_ARGUMENT);
        /* out of memory the engine knows already: the return is moot */
        return vep_host_call_return_string(call, h->band) == VEP_OK ? 0 : 1;
    }
}

static FX_UNUSED double ratio(void *ud, double total, int64_t age,
                              bool flag, const char *regime)
{
    host_state *h = ud;
    h->ratio_calls++;
    assert_string_equal(regime, "standard");
    return total / (double)age * (flag ? 2 : 1);
}

/* Registers the four functions the evaluation plan declares. */
static FX_UNUSED void register_host(vep_engine *e, host_state *h)
{
    vep_host_options o = VEP_HOST_OPTIONS_INIT;
    o.user_data = h;
    assert_int_equal(vep_host_register(e, "open_referrals", "int64 (userdata, string subject)",
                                       (vep_host_fn)open_referrals, &o), VEP_OK);
    assert_int_equal(vep_host_register(e, "completed_elsewhere",
                                       "bool (call, userdata, string subject, string programme)",
                                       (vep_host_fn)completed_elsewhere, &o), VEP_OK);
    assert_int_equal(vep_host_register_callback(e, "band", "string (string risk)", band, h), VEP_OK);
    assert_int_equal(vep_host_register(e, "ratio",
                                       "double (userdata, double total, int64 age, bool flag, string regime)",
                                       (vep_host_fn)ratio, &o), VEP_OK);
}

/* ---- Documents --------------------------------------------------------- */

/* The result of the screening example, scored by `e` (malloc'd). */
static FX_UNUSED char *screen_result(vep_engine *e)
{
    vep_instrument *ins = fx_load_file(e, SCREEN);
    char *doc = fx_read(fx_path(SCREEN_DOC), NULL);
    char *r = fx_score_copy(ins, doc);
    free(doc);
    vep_instrument_free(ins);
    return r;
}

/* Loads the plan `src` (NULL: the bundled example); fails the test with
** the diagnostics. */
static FX_UNUSED vep_plan *load_plan(vep_engine *e, const char *src)
{
    vep_plan *p = NULL;
    vep_status st = src ? vep_plan_load_buffer(&p, e, "hp.lua", src, strlen(src))
                        : vep_plan_load_file(&p, e, fx_path(EXAMPLE));
    if (st != VEP_OK) {
        fx_dump(e);
        fail_msg("the plan does not load");
    }
    return p;
}

/* Evaluates `p` on `result` and `ctx`; the status, the plan in *out. */
static FX_UNUSED vep_status evaluate(vep_plan *p, const char *result,
                                     const char *ctx, const char *agency,
                                     char **out)
{
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    o.agency = agency;
    *out = (char *)&o;
    return vep_plan_evaluate(out, p, result, strlen(result), ctx, strlen(ctx), &o);
}

/* Evaluates, which must succeed; the plan parsed. */
static FX_UNUSED cJSON *evaluate_ok(vep_engine *e, vep_plan *p,
                                    const char *result, const char *agency)
{
    char *out = NULL;
    cJSON *j;
    if (evaluate(p, result, context, agency, &out) != VEP_OK) {
        fx_dump(e);
        fail_msg("the evaluation failed");
    }
    j = cJSON_Parse(out);
    assert_non_null(j);
    vep_free(out);
    return j;
}

/* The "because" of rule `id` among the plan's responsivity notes, or
** NULL when the rule did not hold. */
static FX_UNUSED const char *because_of(const cJSON *plan, const char *id)
{
    const cJSON *note, *rule;
    cJSON_ArrayForEach(note, cJSON_GetObjectItemCaseSensitive(plan, "responsivity"))
        cJSON_ArrayForEach(rule, cJSON_GetObjectItemCaseSensitive(note, "rules"))
            if (strcmp(fx_jstr(rule, "rule"), id) == 0)
                return fx_jstr(rule, "because");
    return NULL;
}

static FX_UNUSED void expect_because(const cJSON *plan, const char *id,
                                     const char *want)
{
    const char *got = because_of(plan, id);
    if (got == NULL)
        fail_msg("rule %s did not hold", id);
    if (strcmp(got, want) != 0)
        fail_msg("rule %s:\n  got  \"%s\"\n  want \"%s\"", id, got, want);
}

/* ---- The plan of every kind of test, and the fixture -------------------- */

/* Every kind of test; the rules from R-none on hold whatever the host
** says, so that their reasons show the host conditions that do not; in
** R-lazy the host is not asked, since the rule holds before. */
static const char eval_src[] = PLAN_HEAD
    "host_function \"open_referrals\" { signature = \"int64 (string subject)\" }\n"
    "host_function \"completed_elsewhere\" { signature = \"bool (string subject, string programme)\" }\n"
    "host_function \"band\" { signature = \"string (string risk)\" }\n"
    "host_function \"ratio\" { signature = \"double (double total, int64 age, bool flag, string regime)\" }\n"
    "agency \"team\" { kind = \"prison\", title = \"Team\", sees = { \"risk\", \"responsivity\", \"reasons\" } }\n"
    RULE("R-least", "{ host = \"open_referrals\", args = { { fact = \"subject\" } }, at_least = 2 }")
    RULE("R-most", "{ host = \"open_referrals\", args = { { fact = \"subject\" } }, at_most = 5 }")
    RULE("R-default", "{ host = \"completed_elsewhere\", args = { { fact = \"subject\" }, \"CBT\" } }")
    RULE("R-false", "{ host = \"completed_elsewhere\", args = { { fact = \"subject\" }, \"ART\" }, is = false }")
    RULE("R-custom", "{ host = \"completed_elsewhere\", args = { { fact = \"subject\" }, { context = \"wing\" } },\n"
         "  is_not = true }")
    RULE("R-is", "{ host = \"band\", args = { { fact = \"risk\" } }, is = { \"red\", \"amber\" } }")
    RULE("R-is-one", "{ host = \"band\", args = { { fact = \"risk\" } }, is = \"amber\" }")
    RULE("R-is-not", "{ host = \"band\", args = { { fact = \"risk\" } }, is_not = \"green\" }")
    RULE("R-ratio", "{ host = \"ratio\", args = { { score = \"total\" }, { context = \"age\" },\n"
         "  { context = \"escort\" }, { context = \"regime\" } }, at_least = 0.5 }")
    RULE("R-high", "{ host = \"open_referrals\", args = { { fact = \"subject\" } }, at_least = 10 }")
    RULE("R-none", "{ none = { { host = \"open_referrals\", args = { { fact = \"subject\" } }, at_most = 1 },\n"
         "  { host = \"completed_elsewhere\", args = { { fact = \"subject\" }, \"ART\" } },\n"
         "  { host = \"band\", args = { { fact = \"risk\" } }, is_not = { \"amber\", \"red\" } } } }")
    RULE("R-no-context", "{ any = {\n"
         "  { host = \"band\", args = { { context = \"unit\" } }, is = \"x\" }, { risk = \"positive\" } } }")
    RULE("R-no-score", "{ any = {\n"
         "  { host = \"ratio\", args = { { score = \"nosuch\" }, 24.0, false, \"x\" }, at_most = 1 },\n"
         "  { risk = \"positive\" } } }")
    RULE("R-no-fact", "{ any = {\n"
         "  { host = \"open_referrals\", args = { { fact = \"expected_release\" } }, at_least = 1 },\n"
         "  { risk = \"positive\" } } }")
    RULE("R-other", "{ any = {\n"
         "  { host = \"open_referrals\", args = { \"P-0002\" }, at_least = 1 }, { risk = \"positive\" } } }")
    RULE("R-lazy", "{ any = { { risk = \"positive\" },\n"
         "  { host = \"open_referrals\", args = { \"P-0003\" }, at_least = 1 },\n"
         "  { all = { { host = \"band\", args = { \"x\" }, is = \"y\" } } } } }");

typedef struct fixture {
    fx_alloc a;
    vep_engine *e;
    host_state h;
    char *result;
    vep_plan *p;
} fixture;

/* An engine on the counting allocator with the four functions, the
** screening result, and eval_src loaded. */
static FX_UNUSED int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->h.marker = 42;
    f->h.referrals = 3;
    f->h.band = "amber";
    g_owner = &f->h;
    f->e = fx_engine_with(&f->a, 0, 0, 0);
    register_host(f->e, &f->h);
    f->result = screen_result(f->e);
    f->p = load_plan(f->e, eval_src);
    *state = f;
    return 0;
}

/* Frees it all; nothing the engine allocated may be left. */
static FX_UNUSED int teardown(void **state)
{
    fixture *f = *state;
    vep_plan_free(f->p);
    vep_engine_free(f->e);
    assert_int_equal(f->a.live_bytes, 0);
    assert_int_equal(f->a.live_blocks, 0);
    free(f->result);
    free(f);
    return 0;
}

#endif
