/*
** test_plan_host_fail.c -- how evaluating a plan with host conditions
** fails, through the public API: every failure of a call (status, rule,
** the rule's place and id, the sentence), results a plan cannot use,
** strings the host sets twice or owns when it fails, signatures checked
** at load and at the call, a host function that evaluates another plan,
** and out-of-memory at every allocation.  The plans' successes:
** test_plan_host.c.
*/
#include "plan_host_fixture.h"

/* ---- Host functions that misbehave ------------------------------------ */

/* Fails the call but still hands over an owned string, which the engine
** must free. */
static char *owned_then_fail(vep_host_call *call)
{
    char *s = strdup("owned");
    assert_non_null(s);
    vep_host_call_fail(call, "refused after all");
    return s;
}

static void owned_free(void *p)
{
    g_owner->freed++;
    free(p);
}

/* Numbers a plan cannot use, and the largest it can compare exactly. */
static double not_a_number(void) { return NAN; }
static double infinite(void) { return -INFINITY; }
static int64_t huge(void) { return INT64_MAX; }
static int64_t big_but_exact(void) { return 9007199254740992LL; }

/* ---- Failures ---------------------------------------------------------- */

/* Loads a plan declaring every function the failure cases use, as they
** are registered, and one rule "R" with condition `when`. */
static vep_plan *fail_plan(vep_engine *e, const char *when, char *src, size_t n)
{
    snprintf(src, n, PLAN_HEAD
             "host_function \"open_referrals\" { signature = \"int64 (string subject)\" }\n"
             "host_function \"completed_elsewhere\" { signature = \"bool (string subject, string programme)\" }\n"
             "host_function \"band\" { signature = \"string (string risk)\" }\n"
             "host_function \"ratio\" { signature = \"double (double total, int64 age, bool flag, string regime)\" }\n"
             "host_function \"unregistered\" { signature = \"bool (string s)\" }\n"
             "host_function \"nan_fn\" { signature = \"double ()\" }\n"
             "host_function \"inf_fn\" { signature = \"double ()\" }\n"
             "host_function \"huge_fn\" { signature = \"int64 ()\" }\n"
             "host_function \"exact_fn\" { signature = \"int64 ()\" }\n"
             "host_function \"owned_fail\" { signature = \"string ()\" }\n"
             "rule \"R\" { title = \"T\", when = %s,\n"
             "  add = { responsivity = \"x\" } }\n", when);
    return load_plan(e, src);
}

/* Each failure: VEP_ERR_HOST, no plan, one diagnostic with the rule's
** place, id and the sentence; the engine goes on working. */
static void test_evaluation_failures(void **state)
{
    fixture *f = *state;
    static const struct { int band_mode; const char *when, *rule, *msg; } cases[] = {
        { 0, "{ host = \"unregistered\", args = { \"x\" } }", "host_missing",
          "host function 'unregistered' is declared by the plan but this program does not provide it" },
        { 0, "{ host = \"ratio\", args = { 1, { context = \"regime\" }, true, \"x\" }, at_least = 1 }",
          "host_argument", "host function 'ratio': argument 2 (age) must be an integer, got a string" },
        { 0, "{ host = \"ratio\", args = { 1, { score = \"total\" }, true, \"x\" }, at_least = 1 }",
          "host_argument", "host function 'ratio': argument 2 (age) must be an integer within the "
          "64-bit range, got 6.4" },
        { 0, "{ host = \"ratio\", args = { 1, 2, { context = \"age\" }, \"x\" }, at_least = 1 }",
          "host_argument", "host function 'ratio': argument 3 (flag) must be a boolean, got a number" },
        { 0, "{ host = \"band\", args = { { context = \"age\" } }, is = \"x\" }", "host_argument",
          "host function 'band': argument 1 (risk) must be a string, got a number" },
        { 0, "{ host = \"completed_elsewhere\", args = { { fact = \"subject\" }, \"DOWN\" } }", "host_failed",
          "host function 'completed_elsewhere' failed: the case system is down" },
        { 1, "{ host = \"band\", args = { { fact = \"risk\" } }, is = \"x\" }", "host_failed",
          "host function 'band' failed: no band for 'positive'" },
        { 2, "{ host = \"band\", args = { { fact = \"risk\" } }, is = \"x\" }", "host_failed",
          "host function 'band' failed: the callback returned an error without a message" },
        { 0, "{ host = \"owned_fail\", is = \"x\" }", "host_failed",
          "host function 'owned_fail' failed: refused after all" },
        { 3, "{ host = \"band\", args = { { fact = \"risk\" } }, is = \"x\" }", "host_result",
          "host function 'band' returned no value (it is declared to return string)" },
        { 4, "{ host = \"band\", args = { { fact = \"risk\" } }, is = \"x\" }", "host_result",
          "host function 'band' returned a string that is not valid UTF-8" },
        { 0, "{ host = \"nan_fn\", at_least = 0 }", "host_result",
          "host function 'nan_fn' returned NaN, which scripts cannot use" },
        { 0, "{ host = \"inf_fn\", at_most = 0 }", "host_result",
          "host function 'inf_fn' returned an infinite number, which scripts cannot use" },
        { 0, "{ host = \"huge_fn\", at_least = 1 }", "host_result", "host function 'huge_fn' returned "
          "9223372036854775807, beyond the integers a plan compares exactly (-2^53 to 2^53)" },
    };
    vep_host_options o = VEP_HOST_OPTIONS_INIT;
    char src[4096], msg[512];
    vep_plan *p;
    cJSON *j;
    size_t i;

    assert_int_equal(vep_host_register(f->e, "nan_fn", "double ()", (vep_host_fn)not_a_number, NULL), VEP_OK);
    assert_int_equal(vep_host_register(f->e, "inf_fn", "double ()", (vep_host_fn)infinite, NULL), VEP_OK);
    assert_int_equal(vep_host_register(f->e, "huge_fn", "int64 ()", (vep_host_fn)huge, NULL), VEP_OK);
    assert_int_equal(vep_host_register(f->e, "exact_fn", "int64 ()", (vep_host_fn)big_but_exact, NULL), VEP_OK);
    o.free_string = owned_free;
    assert_int_equal(vep_host_register(f->e, "owned_fail", "string (call)",
                                       (vep_host_fn)owned_then_fail, &o), VEP_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        vep_status st;
        p = fail_plan(f->e, cases[i].when, src, sizeof src);
        f->h.band_mode = cases[i].band_mode;
        st = evaluate(p, f->result, context, NULL, &out);
        if (st != VEP_ERR_HOST)
            fx_dump(f->e);
        assert_int_equal(st, VEP_ERR_HOST);
        assert_null(out);
        assert_int_equal(vep_diag_count(f->e), 1);
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_RULE), cases[i].rule);
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_ITEM), "R");
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_FILE), "hp.lua");
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_PATH), "");
        assert_int_equal(vep_diag_line(f->e, 0), fx_line_of(src, "rule \"R\""));
        snprintf(msg, sizeof msg, "rule 'R': %s", cases[i].msg);
        if (strcmp(vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE), msg) != 0)
            fail_msg("case %zu:\n  got  \"%s\"\n  want \"%s\"", i,
                     vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE), msg);
        assert_true(vep_engine_errmsg(f->e)[0] != '\0');
        fx_check_diag_json(f->e, VEP_ERR_HOST);
        vep_plan_free(p);
    }
    assert_int_equal(f->h.freed, 1);    /* the failed call's owned string */
    /* The engine evaluates on; 2^53 is still compared exactly. */
    f->h.band_mode = 0;
    p = fail_plan(f->e, "{ host = \"exact_fn\", at_least = 9007199254740992 }", src, sizeof src);
    j = evaluate_ok(f->e, p, f->result, NULL);
    fx_assert_contains(because_of(j, "R"), "host exact_fn() = ");
    fx_assert_contains(because_of(j, "R"), " (holds)");
    cJSON_Delete(j);
    vep_plan_free(p);
}

/* A string set twice and then nil: the condition sees nil, and neither
** copy is kept (the fixture's allocator counts every block). */
static void test_string_result_replaced(void **state)
{
    fixture *f = *state;
    char src[4096];
    vep_plan *p = fail_plan(f->e, "{ any = {\n"
                            "  { host = \"band\", args = { { fact = \"risk\" } }, is = \"second\" },\n"
                            "  { risk = \"positive\" } } }",
                            src, sizeof src);
    size_t live = f->a.live_blocks;
    cJSON *j, *call;
    f->h.band_mode = 5;
    j = evaluate_ok(f->e, p, f->result, NULL);
    assert_int_equal(f->a.live_blocks, live);
    expect_because(j, "R", "any of: [host band('positive') is 'second' (does not hold: "
                   "it has no value); risk is 'positive' (holds)] (holds)");
    call = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(j, "host_calls"), 0);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(call, "result")));
    cJSON_Delete(j);
    vep_plan_free(p);
}

/* A plan's declaration is checked at the evaluation against a function
** registered after it loaded, and at load when registered before. */
static void test_signature_checked(void **state)
{
    static const char src[] = PLAN_HEAD
        "host_function \"open_referrals\" { signature = \"int64 (int64 n)\" }\n"
        RULE("R", "{ host = \"open_referrals\", args = { 3 }, at_most = 0 }");
    host_state h;
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    char *result = screen_result(e), *out = NULL;
    vep_plan *p = load_plan(e, src);
    vep_host_options o = VEP_HOST_OPTIONS_INIT;
    (void)state;

    memset(&h, 0, sizeof h);
    h.marker = 42;
    o.user_data = &h;
    assert_int_equal(vep_host_register(e, "open_referrals", "int64 (userdata, string subject)",
                                       (vep_host_fn)open_referrals, &o), VEP_OK);
    assert_int_equal(evaluate(p, result, context, NULL, &out), VEP_ERR_HOST);
    assert_null(out);
    assert_int_equal(vep_diag_count(e), 1);
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_RULE), "host_signature");
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_ITEM), "R");
    assert_int_equal(vep_diag_line(e, 0), fx_line_of(src, "rule \"R\""));
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_MESSAGE),
                        "rule 'R': host function 'open_referrals': the plan declares \"int64 (int64 n)\", "
                        "which the function this program provides does not match");
    assert_int_equal(h.referral_calls, 0);
    vep_plan_free(p);
    p = (vep_plan *)&o;      /* now registered: refused at load */
    assert_int_equal(vep_plan_load_buffer(&p, e, "hp.lua", src, strlen(src)), VEP_ERR_DEFINITION);
    assert_null(p);
    assert_int_equal(fx_find(e, "host_signature", "open_referrals"), 0);
    assert_int_equal(vep_diag_line(e, 0), fx_line_of(src, "host_function"));
    free(result);
    vep_engine_free(e);
}

/* A word of a signature longer than any type name is refused like any
** unknown word (it used to be compared before it was copied). */
static void test_signature_words_too_long(void **state)
{
    char sig[256], src[512], word[80];
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = NULL;
    (void)state;

    memset(word, 'x', 70);
    word[70] = '\0';
    snprintf(sig, sizeof sig, "bool (%s)", word);
    assert_int_equal(vep_host_register(e, "long_arg", sig, (vep_host_fn)huge, NULL), VEP_ERR_ARGUMENT);
    fx_assert_contains(vep_engine_errmsg(e), "expected an argument type");
    snprintf(sig, sizeof sig, "%s (string)", word);
    assert_int_equal(vep_host_register(e, "long_ret", sig, (vep_host_fn)huge, NULL), VEP_ERR_ARGUMENT);
    fx_assert_contains(vep_engine_errmsg(e), "a signature starts with its return type");
    snprintf(src, sizeof src, PLAN_HEAD "host_function \"f\" { signature = \"bool (%s, string)\" }\n", word);
    assert_int_equal(vep_plan_load_buffer(&p, e, "hp.lua", src, strlen(src)), VEP_ERR_DEFINITION);
    assert_int_equal(fx_find(e, "host_signature", "f"), 0);
    fx_assert_contains(vep_diag_get(e, 0, VEP_DIAG_MESSAGE), "expected an argument type");
    assert_int_equal(vep_host_register(e, "no_args", "int64 (void)", (vep_host_fn)huge, NULL), VEP_OK);
    vep_engine_free(e);
}

/* ---- Reentrancy -------------------------------------------------------- */

typedef struct nest_state {
    fixture *f;               /* its plan is evaluated inside the call    */
    int nest, calls;
    char *inner_out;
} nest_state;

static int nested(void *ud, vep_host_call *call)
{
    nest_state *n = ud;
    n->calls++;
    if (n->nest) {
        vep_free(n->inner_out);
        assert_int_equal(evaluate(n->f->p, n->f->result, context, NULL, &n->inner_out), VEP_OK);
    }
    return vep_host_call_return_bool(call, 1) == VEP_OK ? 0 : 1;
}

/* A host function may evaluate another plan of the same engine: each
** evaluation keeps its own calls, and the outer plan is the one made
** without the nesting. */
static void test_reentrant_evaluation(void **state)
{
    fixture *f = *state;
    static const char outer_src[] = PLAN_HEAD
        "host_function \"nested\" { signature = \"bool (string subject)\" }\n"
        "host_function \"band\" { signature = \"string (string risk)\" }\n"
        RULE("O1", "{ host = \"nested\", args = { { fact = \"subject\" } } }")
        RULE("O2", "{ host = \"band\", args = { { fact = \"risk\" } }, is = \"amber\" }");
    nest_state n;
    vep_plan *outer;
    char *with = NULL, *without = NULL, *direct = NULL;

    memset(&n, 0, sizeof n);
    n.f = f;
    n.nest = 1;
    assert_int_equal(vep_host_register_callback(f->e, "nested", "bool (string)", nested, &n), VEP_OK);
    outer = load_plan(f->e, outer_src);
    assert_int_equal(evaluate(outer, f->result, context, NULL, &with), VEP_OK);
    assert_int_equal(n.calls, 1);
    assert_non_null(n.inner_out);
    assert_int_equal(evaluate(f->p, f->result, context, NULL, &direct), VEP_OK);
    assert_string_equal(n.inner_out, direct);
    n.nest = 0;
    assert_int_equal(evaluate(outer, f->result, context, NULL, &without), VEP_OK);
    assert_string_equal(with, without);
    fx_assert_contains(with, "host nested('P-0001') is 'true' (holds)");
    assert_null(strstr(with, "open_referrals"));    /* the inner plan's calls */
    vep_free(with);
    vep_free(without);
    vep_free(direct);
    vep_free(n.inner_out);
    vep_plan_free(outer);
}

/* ---- Out of memory ----------------------------------------------------- */

/* An out-of-memory operation over a plan: fx_oom_op first, so that the
** loop's callbacks reach the rest. */
typedef struct plan_op {
    fx_oom_op op;
    host_state h;
    vep_plan *p;
    char *result, *ctx;
} plan_op;

static vep_status run_evaluate(fx_oom_op *op)
{
    plan_op *po = (plan_op *)op;
    op->out = (char *)op;
    return vep_plan_evaluate(&op->out, po->p, po->result, strlen(po->result),
                             po->ctx, strlen(po->ctx), NULL);
}

/* Like fx_oom_new, with the host functions and the plan: the example, or
** the plan of every kind of test (whose string results are copied). */
static plan_op *plan_op_new(int example)
{
    plan_op *po = calloc(1, sizeof *po);
    vep_plan *bad = NULL;
    assert_non_null(po);
    po->h.marker = 42;
    po->h.referrals = example ? 0 : 3;
    po->h.band = "amber";
    po->op.e = fx_engine_with(&po->op.a, 0, 0, 0);
    register_host(po->op.e, &po->h);
    po->result = screen_result(po->op.e);
    po->ctx = example ? fx_read(fx_path(EXAMPLE_CONTEXT), NULL) : strdup(context);
    assert_non_null(po->ctx);
    po->p = load_plan(po->op.e, example ? NULL : eval_src);
    /* A failure first, so that the message and diagnostics buffers exist
    ** before the counting starts. */
    assert_int_equal(vep_plan_load_buffer(&bad, po->op.e, "bad.lua", "x(", 2), VEP_ERR_SCRIPT);
    fx_clear(po->op.e);
    po->op.ok = VEP_OK;
    po->op.run = run_evaluate;
    po->op.finish = fx_finish_out;
    return po;
}

static void test_out_of_memory(void **state)
{
    int persistent, example;
    (void)state;
    for (example = 1; example >= 0; example--)
        for (persistent = 0; persistent < 2; persistent++) {
            plan_op *po = plan_op_new(example);
            assert_int_equal(run_evaluate(&po->op), VEP_OK);   /* what is at stake */
            fx_assert_contains(po->op.out, "\"host_calls\"");
            if (example)
                fx_assert_contains(po->op.out, "host open_referrals('P-0001') = 0 is at most 0 (holds)");
            vep_free(po->op.out);
            po->op.out = NULL;
            fx_oom_loop(&po->op, example ? "the example" : "every kind of test", persistent);
            vep_plan_free(po->p);
            vep_engine_free(po->op.e);
            assert_int_equal(po->op.a.live_blocks, 0);
            free(po->result);
            free(po->ctx);
            free(po);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_evaluation_failures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_string_result_replaced, setup, teardown),
        cmocka_unit_test(test_signature_checked),
        cmocka_unit_test(test_signature_words_too_long),
        cmocka_unit_test_setup_teardown(test_reentrant_evaluation, setup, teardown),
        cmocka_unit_test(test_out_of_memory),
    };
    fx_run(tests);
}
