/*
** test_plan_host.c -- plan conditions on host functions through the public
** API: every check made when a plan loads (with the rule, its id and its
** line); evaluation with C functions (user data, the call) and with
** callbacks; the explanation of every kind of test and of conditions left
** unheld when an argument has no value; one call per distinct call; the
** "host_calls" record of the whole plan (never of an agency's view);
** vep_assess; byte-stable output; the stand-ins of plan test cases.
** Failures, reentrancy and out-of-memory: test_plan_host_fail.c.
*/
#include "plan_host_fixture.h"

/* ---- Checks at load ---------------------------------------------------- */

static void test_checks_at_load(void **state)
{
    static const char decls[] = PLAN_HEAD
        "host_function \"count\" { signature = \"int64 (string subject)\" }\n"
        "host_function \"pair\" { signature = \"bool (string subject, int64 days)\" }\n"
        "host_function \"rate\" { signature = \"double (double x)\" }\n"
        "host_function \"flagged\" { signature = \"bool (bool b)\" }\n"
        "host_function \"label\" { signature = \"string (string s)\" }\n"
        "host_function \"note\" { signature = \"void (string s)\" }\n";
    static const struct { const char *id, *when, *msg; } bad[] = {
        { "undeclared", "{ host = \"nope\", args = {} }",
          "host function 'nope' is not declared: declare it with host_function \"nope\" { signature = \"...\" }" },
        { "nested", "{ all = { { risk = \"positive\" }, { none = { { host = \"nope2\" } } } } }",
          "host function 'nope2' is not declared: declare it with host_function \"nope2\" { signature = \"...\" }" },
        { "count-args", "{ host = \"pair\", args = { \"P\" } }",
          "host function 'pair' takes 2 arguments, the condition gives 1" },
        { "literal", "{ host = \"pair\", args = { \"P\", 2.5 } }",
          "host function 'pair': argument 2 (days) must be an integer within the 64-bit range, got 2.5" },
        { "literal-nan", "{ host = \"pair\", args = { \"P\", 0/0 } }",
          "host function 'pair': argument 2 (days) must be an integer within the 64-bit range, got NaN" },
        { "literal-inf", "{ host = \"pair\", args = { \"P\", -math.huge } }",
          "host function 'pair': argument 2 (days) must be an integer within the 64-bit range, got -infinity" },
        { "literal-2-63", "{ host = \"pair\", args = { \"P\", 2^63 } }",
          "host function 'pair': argument 2 (days) must be an integer within the 64-bit range, got 9.2233720368547758e+18" },
        { "literal-bool", "{ host = \"flagged\", args = { 1 } }",
          "host function 'flagged': argument 1 (b) must be a boolean, got a number" },
        { "literal-utf8", "{ host = \"label\", args = { \"\\xff\" }, is = \"x\" }",
          "host function 'label': argument 1 (s) is not valid UTF-8" },
        { "fact", "{ host = \"pair\", args = { \"P\", { fact = \"as_of\" } } }",
          "host function 'pair': argument 2 is a fact, a string, but the function takes int64" },
        { "score", "{ host = \"label\", args = { { score = \"total\" } }, is = \"x\" }",
          "host function 'label': argument 1 is a score, a number, but the function takes string" },
        { "void", "{ host = \"note\", args = { \"x\" } }",
          "host function 'note' returns nothing, so there is nothing to test" },
        { "no-test", "{ host = \"count\", args = { \"P\" } }",
          "host function 'count' returns int64: say what to test (at_least or at_most)" },
        { "no-test-string", "{ host = \"label\", args = { \"P\" } }",
          "host function 'label' returns string: say what to test (is or is_not)" },
        { "least", "{ host = \"label\", args = { \"x\" }, at_least = 1 }",
          "host function 'label' returns string, which at_least and at_most cannot compare" },
        { "most", "{ host = \"flagged\", args = { true }, at_most = 1 }",
          "host function 'flagged' returns bool, which at_least and at_most cannot compare" },
        { "is-number", "{ host = \"count\", args = { \"P\" }, is = \"0\" }",
          "host function 'count' returns int64: is and is_not compare codes; test a number with at_least or at_most" },
        { "is-bool", "{ host = \"flagged\", args = { true }, is_not = \"yes\" }",
          "host function 'flagged' returns bool: test it with is = true or is = false (not 'yes')" },
    };
    static const char fine[] = RULE("fine", "{ all = {\n"
        "  { host = \"pair\", args = { { fact = \"subject\" }, 2.0 } },\n"
        "  { host = \"rate\", args = { { score = \"total\" } }, at_least = 1 },\n"
        "  { host = \"count\", args = { { context = \"unit\" } }, at_most = 3 },\n"
        "  { host = \"rate\", args = { 3 }, at_most = 1 },\n"
        "  { host = \"flagged\", args = { { context = \"x\" } }, is = false },\n"
        "  { host = \"label\", args = { { fact = \"risk\" } }, is = { \"a\", \"b\" } } } }");
    char src[8192], marker[64], msg[300];
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = (vep_plan *)&e;
    size_t i, n = sizeof bad / sizeof bad[0], len;
    (void)state;

    len = (size_t)snprintf(src, sizeof src, "%s", decls);
    for (i = 0; i < n; i++)
        len += (size_t)snprintf(src + len, sizeof src - len, "rule \"%s\" { title = \"T\", when = %s, "
                                "add = { responsivity = \"a\" } }\n", bad[i].id, bad[i].when);
    snprintf(src + len, sizeof src - len, "%s", fine);
    assert_int_equal(vep_plan_load_buffer(&p, e, "hp.lua", src, strlen(src)), VEP_ERR_DEFINITION);
    assert_null(p);
    if (vep_diag_count(e) != n)
        fx_dump(e);
    assert_int_equal(vep_diag_count(e), n);     /* "fine" has none */
    for (i = 0; i < n; i++) {
        size_t k = fx_expect(e, "host_condition", bad[i].id);
        snprintf(marker, sizeof marker, "rule \"%s\"", bad[i].id);
        snprintf(msg, sizeof msg, "rule '%s': %s", bad[i].id, bad[i].msg);
        assert_string_equal(vep_diag_get(e, k, VEP_DIAG_FILE), "hp.lua");
        assert_int_equal(vep_diag_line(e, k), fx_line_of(src, marker));
        if (strcmp(vep_diag_get(e, k, VEP_DIAG_MESSAGE), msg) != 0)
            fail_msg("%s:\n  got  \"%s\"\n  want \"%s\"", bad[i].id,
                     vep_diag_get(e, k, VEP_DIAG_MESSAGE), msg);
    }
    fx_check_diag_json(e, VEP_ERR_DEFINITION);
    /* A string with a NUL byte is refused, not cut short. */
    len = (size_t)snprintf(src, sizeof src, "%srule \"nul\" { title = \"T\", when = "
                           "{ host = \"label\", args = { \"a\\0b\" }, is = \"x\" }, "
                           "add = { responsivity = \"a\" } }\n", decls);
    assert_int_equal(vep_plan_load_buffer(&p, e, "hp.lua", src, len), VEP_ERR_DEFINITION);
    assert_true(fx_find(e, "bad_condition", "nul") >= 0);
    fx_assert_contains(vep_diag_get(e, (size_t)fx_find(e, "bad_condition", "nul"), VEP_DIAG_MESSAGE),
                       "host argument 1 contains a NUL byte");
    vep_engine_free(e);
}

/* ---- Evaluation -------------------------------------------------------- */

/* The words of every kind of test, the reasons a condition was not
** called, and one call per distinct call. */
static void test_explanations(void **state)
{
    fixture *f = *state;
    cJSON *j = evaluate_ok(f->e, f->p, f->result, NULL);

    expect_because(j, "R-least", "host open_referrals('P-0001') = 3 is at least 2 (holds)");
    expect_because(j, "R-most", "host open_referrals('P-0001') = 3 is at most 5 (holds)");
    expect_because(j, "R-default", "host completed_elsewhere('P-0001', 'CBT') is 'true' (holds)");
    expect_because(j, "R-false", "host completed_elsewhere('P-0001', 'ART') is 'false' (holds)");
    expect_because(j, "R-custom", "host completed_elsewhere('P-0001', 'B') is not 'true' (holds: it is 'false')");
    expect_because(j, "R-is", "host band('positive') is one of 'red', 'amber' (holds: it is 'amber')");
    expect_because(j, "R-is-one", "host band('positive') is 'amber' (holds)");
    expect_because(j, "R-is-not", "host band('positive') is not 'green' (holds: it is 'amber')");
    expect_because(j, "R-ratio", "host ratio(6.4, 24, true, 'standard') = 0.533333333333333 is at least 0.5 (holds)");
    assert_null(because_of(j, "R-high"));
    expect_because(j, "R-none", "none of: ["
                   "host open_referrals('P-0001') = 3 is at most 1 (does not hold); "
                   "host completed_elsewhere('P-0001', 'ART') is 'true' (does not hold: it is 'false'); "
                   "host band('positive') is none of 'amber', 'red' (does not hold: it is 'amber')] (holds)");
    expect_because(j, "R-no-context", "any of: [host band(context unit) is 'x' (does not hold: "
                   "context unit is not given); risk is 'positive' (holds)] (holds)");
    expect_because(j, "R-no-score", "any of: [host ratio(score nosuch, 24, false, 'x') is at most 1 "
                   "(does not hold: score nosuch has no value); risk is 'positive' (holds)] (holds)");
    expect_because(j, "R-no-fact", "any of: [host open_referrals(the expected_release) is at least 1 "
                   "(does not hold: the expected_release is not given); risk is 'positive' (holds)] (holds)");
    expect_because(j, "R-other", "any of: [host open_referrals('P-0002') = 0 is at least 1 "
                   "(does not hold); risk is 'positive' (holds)] (holds)");
    /* The rule holds by its first condition: the host is asked nothing
    ** more, also inside nested conditions. */
    expect_because(j, "R-lazy", "any of: [risk is 'positive' (holds); "
                   "host open_referrals('P-0003') is at least 1 (not asked: not needed); "
                   "all of: [host band('x') is 'y' (not asked: not needed)] (does not hold)] (holds)");
    /* One call per distinct call: open_referrals('P-0001') for four
    ** conditions, ('P-0002') once; completed_elsewhere for CBT, ART (two
    ** conditions) and B; band('positive') for four conditions. */
    assert_int_equal(f->h.referral_calls, 2);
    assert_int_equal(f->h.completed_calls, 3);
    assert_int_equal(f->h.band_calls, 1);
    assert_int_equal(f->h.ratio_calls, 1);
    cJSON_Delete(j);
}

/* The calls made, in order, with the rule that made each, in the whole
** plan only; none when no call was made. */
static void test_host_calls(void **state)
{
    fixture *f = *state;
    static const struct { const char *fn, *by, *args, *result; } want[] = {
        { "open_referrals", "rule:R-least", "[\"P-0001\"]", "3" },
        { "completed_elsewhere", "rule:R-default", "[\"P-0001\",\"CBT\"]", "true" },
        { "completed_elsewhere", "rule:R-false", "[\"P-0001\",\"ART\"]", "false" },
        { "completed_elsewhere", "rule:R-custom", "[\"P-0001\",\"B\"]", "false" },
        { "band", "rule:R-is", "[\"positive\"]", "\"amber\"" },
        { "ratio", "rule:R-ratio", "[6.4,24,true,\"standard\"]", "0.5333333333333333" },
        { "open_referrals", "rule:R-other", "[\"P-0002\"]", "0" },
    };
    static const char uncalled[] = PLAN_HEAD
        "host_function \"open_referrals\" { signature = \"int64 (string subject)\" }\n"
        RULE("R", "{ any = {\n"
             "  { host = \"open_referrals\", args = { { fact = \"expected_release\" } }, at_least = 1 },\n"
             "  { risk = \"positive\" } } }");
    cJSON *j = evaluate_ok(f->e, f->p, f->result, NULL), *calls, *c;
    size_t i = 0;
    vep_plan *p;
    char *out = NULL;

    calls = cJSON_GetObjectItemCaseSensitive(j, "host_calls");
    assert_int_equal(cJSON_GetArraySize(calls), sizeof want / sizeof want[0]);
    cJSON_ArrayForEach(c, calls) {
        char *a = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(c, "args"));
        cJSON *r = cJSON_Parse(want[i].result);
        assert_int_equal(cJSON_GetArraySize(c), 4);
        assert_string_equal(fx_jstr(c, "function"), want[i].fn);
        assert_string_equal(fx_jstr(c, "by"), want[i].by);
        assert_string_equal(a, want[i].args);
        assert_true(cJSON_Compare(cJSON_GetObjectItemCaseSensitive(c, "result"), r, 1));
        free(a);
        cJSON_Delete(r);
        i++;
    }
    assert_ptr_equal(cJSON_GetArrayItem(j, cJSON_GetArraySize(j) - 1), calls);   /* last */
    cJSON_Delete(j);
    /* An agency's view never shows them. */
    j = evaluate_ok(f->e, f->p, f->result, "team");
    assert_string_equal(fx_jstr(j, "view"), "team");
    assert_non_null(because_of(j, "R-least"));
    assert_null(cJSON_GetObjectItemCaseSensitive(j, "host_calls"));
    cJSON_Delete(j);
    /* No call made (its argument has no value): no "host_calls". */
    f->h.referral_calls = 0;
    p = load_plan(f->e, uncalled);
    assert_int_equal(evaluate(p, f->result, context, NULL, &out), VEP_OK);
    assert_null(strstr(out, "host_calls"));
    fx_assert_contains(out, "does not hold: the expected_release is not given");
    assert_int_equal(f->h.referral_calls, 0);
    vep_free(out);
    vep_plan_free(p);
}

/* The plan of vep_assess is the plan of vep_score + vep_plan_evaluate,
** byte for byte, and the host is asked once per evaluation. */
static void test_assess_same_bytes(void **state)
{
    fixture *f = *state;
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    vep_instrument *ins = fx_load_file(f->e, SCREEN);
    size_t dlen, n;
    char *doc = fx_read(fx_path(SCREEN_DOC), &dlen), *plan = NULL, *both = NULL, *inner, *p, *q;
    const char *start;

    assert_int_equal(evaluate(f->p, f->result, context, NULL, &plan), VEP_OK);
    assert_int_equal(vep_assess(&both, ins, f->p, doc, dlen, context, strlen(context), NULL), VEP_OK);
    assert_int_equal(f->h.referral_calls, 4);
    assert_int_equal(f->h.band_calls, 2);
    /* {"result": R, "plan": P} with P indented by two: undo the indent. */
    start = strstr(both, "\n  \"plan\": ");
    assert_non_null(start);
    inner = strdup(start + strlen("\n  \"plan\": "));
    assert_non_null(inner);
    for (p = q = inner; *p; )
        if (p[0] == '\n' && p[1] == ' ' && p[2] == ' ') {
            *q++ = '\n';
            p += 3;
        } else {
            *q++ = *p++;
        }
    *q = '\0';
    n = strlen(inner);
    assert_true(n > 3 && strcmp(inner + n - 3, "\n}\n") == 0);
    inner[n - 3] = '\0';                      /* the wrapper's "\n}\n" */
    assert_string_equal(inner, plan);
    fx_assert_contains(inner, "\"host_calls\"");
    free(inner);
    vep_free(plan);
    vep_free(both);
    /* With an agency: only the view, without "host_calls". */
    o.agency = "team";
    assert_int_equal(vep_assess(&both, ins, f->p, doc, dlen, context, strlen(context), &o), VEP_OK);
    assert_null(strstr(both, "\"result\""));
    assert_null(strstr(both, "host_calls"));
    vep_free(both);
    free(doc);
    vep_instrument_free(ins);
}

/* ---- Determinism ------------------------------------------------------- */

static void test_same_bytes(void **state)
{
    fixture *f = *state;
    char *a = NULL, *b = NULL, *c = NULL;
    assert_int_equal(evaluate(f->p, f->result, context, NULL, &a), VEP_OK);
    f->h.referrals = 0;                 /* another answer in between */
    f->h.band = "green";
    assert_int_equal(evaluate(f->p, f->result, context, NULL, &b), VEP_OK);
    assert_string_not_equal(a, b);
    f->h.referrals = 3;
    f->h.band = "amber";
    assert_int_equal(evaluate(f->p, f->result, context, NULL, &c), VEP_OK);
    assert_string_equal(a, c);
    vep_free(a);
    vep_free(b);
    vep_free(c);
}

/* ---- Test cases -------------------------------------------------------- */

/* Registered under the example's names: test cases must never call them. */
static int64_t never_referrals(const char *subject)
{
    fail_msg("a test case called the host for %s", subject);
    return 0;
}

static int never_completed(void *ud, vep_host_call *call)
{
    (void)ud;
    fail_msg("a test case called %s", vep_host_call_name(call));
    return 1;
}

/* Whether the case named `name` passed; its status and its one failure
** (or NULL) through `status` and `failure`. */
static int case_passed(const cJSON *report, const char *name, const char **status,
                       const char **failure)
{
    const cJSON *c, *fails;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(report, "cases"))
        if (strcmp(fx_jstr(c, "name"), name) == 0) {
            fails = cJSON_GetObjectItemCaseSensitive(c, "failures");
            *status = fx_jstr(c, "status");
            *failure = cJSON_GetArraySize(fails) == 1 ? cJSON_GetArrayItem(fails, 0)->valuestring : NULL;
            return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "passed"));
        }
    fail_msg("no case '%s'", name);
    return 0;
}

#define CASE(name, host, expect)                                              \
    "test \"" name "\" { result = { risk = \"positive\" }, context = { as_of = \"2026-03-31\" },\n" \
    "  host = " host ", expect = " expect " }\n"

static void test_plan_test_cases(void **state)
{
    static const char src[] = PLAN_HEAD
        "host_function \"open_referrals\" { signature = \"int64 (string subject)\" }\n"
        "host_function \"ratio\" { signature = \"double (double total)\" }\n"
        "host_function \"label\" { signature = \"string (string s)\" }\n"
        RULE("R1", "{ host = \"open_referrals\", args = { { fact = \"subject\" } }, at_least = 1 }")
        RULE("R2", "{ host = \"ratio\", args = { 2 }, at_most = 2 }")
        RULE("R3", "{ host = \"label\", args = { { fact = \"risk\" } }, is = \"amber\" }")
        CASE("stand-ins", "{ open_referrals = 2, ratio = 1, label = \"amber\" }", "{ responsivity = 3 }")
        CASE("not held", "{ open_referrals = 0, ratio = 2.5, label = \"red\" }", "{ responsivity = 0 }")
        CASE("missing", "{ ratio = 1, label = \"amber\" }", "{ responsivity = 3 }")
        CASE("wrong type", "{ open_referrals = true, ratio = 1, label = \"amber\" }", "{ responsivity = 3 }")
        CASE("not an integer", "{ open_referrals = 2.5, ratio = 1, label = \"amber\" }", "{ responsivity = 3 }")
        CASE("expected missing", "{ ratio = 1, label = \"amber\" }", "{ invalid = { \"host_missing\" } }")
        CASE("expected wrong type", "{ open_referrals = \"2\", ratio = 1, label = \"amber\" }",
             "{ invalid = { \"host_result\" } }");
    static const struct { const char *name, *msg; } bad[] = {
        { "missing", "the test case gives no value for host function 'open_referrals' "
          "(host = { open_referrals = ... })" },
        { "wrong type", "the test case gives a boolean for host function 'open_referrals', which returns int64" },
        { "not an integer", "the test case gives a number for host function 'open_referrals', which returns int64" },
    };
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p;
    char *report = NULL, want[512];
    const char *status, *failure;
    size_t failed = 99, i;
    cJSON *r, *c;
    (void)state;

    assert_int_equal(vep_host_register(e, "open_referrals", "int64 (string)",
                                       (vep_host_fn)never_referrals, NULL), VEP_OK);
    assert_int_equal(vep_host_register_callback(e, "completed_elsewhere", "bool (string, string)",
                                                never_completed, NULL), VEP_OK);
    /* The bundled example: every case passes on its stand-ins. */
    p = load_plan(e, NULL);
    assert_int_equal(vep_plan_run_tests(&report, &failed, p), VEP_OK);
    assert_int_equal(failed, 0);
    r = cJSON_Parse(report);
    assert_non_null(r);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "cases")), 3);
    assert_int_equal((int)fx_jnum(r, "passed"), 3);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "never_held")), 0);
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(r, "cases"))
        assert_string_equal(fx_jstr(c, "status"), "ok");
    cJSON_Delete(r);
    vep_free(report);
    vep_plan_free(p);

    p = load_plan(e, src);
    assert_int_equal(vep_plan_run_tests(&report, &failed, p), VEP_OK);
    assert_int_equal(failed, 3);
    r = cJSON_Parse(report);
    assert_non_null(r);
    assert_true(case_passed(r, "stand-ins", &status, &failure));
    assert_true(case_passed(r, "not held", &status, &failure));
    assert_true(case_passed(r, "expected missing", &status, &failure));    /* by rule */
    assert_true(case_passed(r, "expected wrong type", &status, &failure));
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_false(case_passed(r, bad[i].name, &status, &failure));
        assert_string_equal(status, "host");
        snprintf(want, sizeof want, "the plan could not be made (host function error): rule 'R1': %s",
                 bad[i].msg);
        assert_non_null(failure);
        assert_string_equal(failure, want);
    }
    cJSON_Delete(r);
    vep_free(report);
    vep_plan_free(p);
    vep_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checks_at_load),
        cmocka_unit_test_setup_teardown(test_explanations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_host_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assess_same_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_bytes, setup, teardown),
        cmocka_unit_test(test_plan_test_cases),
    };
    fx_run(tests);
}
