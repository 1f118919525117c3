/*
** test_vectors.c -- the conformance vectors of tests/vectors/: every
** vector of manifest.json is run through the public API and the library's
** documents are compared, byte for byte, with the expected files that
** tests/vectors/generate.sh wrote with the vep command.  The language
** bindings run the same vectors, so all of them give the same bytes.
**
** A vector's steps, in order (a failing step ends it):
**   migrate  vep_migration_load_file + vep_migrate    -> expect.migrated
**   score    vep_instrument_load_file + vep_score     -> expect.result
**   plan     vep_plan_load_file + vep_plan_evaluate   -> expect.plan
**            (on the result of the score step)
**   assess   vep_assess                               -> expect.assess
** plan and assess only when the vector names a plan, with its "agency"
** and "language" as vep_plan_options.  The status of the failing step
** (or "ok") must be expect.status, and after a failure vep_diag_json must
** give the bytes of expect.errors.
*/
#include "api_fixture.h"

/* The members a vector and its "expect" may have: anything else is a
** mistake in the manifest (a binding would silently skip it). */
static const char *const vec_keys[] = {
    "name", "instrument", "assessment", "migration", "plan", "context",
    "agency", "language", "host", "expect", NULL
};
static const char *const vec_expect_keys[] = {
    "status", "result", "migrated", "plan", "assess", "errors", NULL
};

/* Whether `key` is one of the NULL-terminated `keys`. */
static int vec_known(const char *const *keys, const char *key)
{
    for (; *keys != NULL; keys++)
        if (strcmp(*keys, key) == 0)
            return 1;
    return 0;
}

/* A string member of `o`, or NULL when it is absent (fails the test when
** it is there but not a string). */
static const char *vec_opt(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL)
        return NULL;
    if (!cJSON_IsString(v))
        fail_msg("member '%s' is not a string", key);
    return v->valuestring;
}

/* Reads and parses the manifest.  Parsed with an end pointer, never
** through cJSON's global error state. */
static cJSON *vec_manifest(void)
{
    size_t len;
    char *text = fx_read(fx_path("tests/vectors/manifest.json"), &len);
    const char *end = NULL;
    cJSON *m = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (m == NULL)
        fail_msg("tests/vectors/manifest.json is not JSON (near byte %ld)",
                 end ? (long)(end - text) : -1L);
    free(text);
    return m;
}

/* Whether the library's bytes `got` are the expected bytes `want`: the
** same bytes, or the same followed by exactly one "\n".  The expected
** files were written by the vep command, which ends a document with a
** newline when the library's does not (cli_print_document in
** libvep/cli/util.c); nothing else may differ, not one byte. */
static int vec_same(const char *got, size_t glen, const char *want, size_t wlen)
{
    if (wlen == glen)
        return memcmp(got, want, glen) == 0;
    if (wlen == glen + 1 && want[glen] == '\n'
        && (glen == 0 || got[glen - 1] != '\n'))
        return memcmp(got, want, glen) == 0;
    return 0;
}

/* Compares `got` with the file `rel` (relative to the repository); fails
** the test with the first differing byte and the text around it. */
static void vec_compare(const char *vector, const char *what, const char *got,
                        const char *rel)
{
    size_t glen = strlen(got), wlen, i = 0;
    char *want = fx_read(fx_path(rel), &wlen);
    if (vec_same(got, glen, want, wlen)) {
        free(want);
        return;
    }
    while (i < glen && i < wlen && got[i] == want[i])
        i++;
    fprintf(stderr, "  %s: %s differs from %s at byte %zu (%zu bytes, file "
            "%zu)\n  library: %.60s\n  file:    %.60s\n", vector, what, rel,
            i, glen, wlen, got + (i > 20 ? i - 20 : 0),
            want + (i > 20 ? i - 20 : 0));
    free(want);
    fail_msg("%s: %s differs from %s", vector, what, rel);
}

/* Compares `got` with expect[key] when the vector expects it. */
static void vec_check(const cJSON *v, const char *key, const char *got)
{
    const char *rel = vec_opt(cJSON_GetObjectItemCaseSensitive(v, "expect"), key);
    if (rel != NULL)
        vec_compare(vec_opt(v, "name"), key, got, rel);
}

/* A host function of a vector: answers its "returns" whatever the
** arguments (the user data; NULL for a void function). */
static int vec_answer(void *ud, vep_host_call *call)
{
    const cJSON *r = ud;
    if (r == NULL)
        return 0;
    if (cJSON_IsBool(r))
        return vep_host_call_return_bool(call, cJSON_IsTrue(r)) != VEP_OK;
    if (cJSON_IsString(r))
        return vep_host_call_return_string(call, r->valuestring) != VEP_OK;
    if (cJSON_IsNull(r))
        return vep_host_call_return_string(call, NULL) != VEP_OK;
    if (r->valuedouble >= -9.2e18 && r->valuedouble <= 9.2e18
        && r->valuedouble == (double)(int64_t)r->valuedouble
        && vep_host_call_return_int64(call, (int64_t)r->valuedouble) == VEP_OK)
        return 0;
    return vep_host_call_return_double(call, r->valuedouble) != VEP_OK;
}

/* Registers the host functions the vector's "host" file lists (through
** the callback form, as a binding does); returns the parsed file, which
** must outlive the engine. */
static cJSON *vec_hosts(vep_engine *e, const cJSON *v)
{
    const char *rel = vec_opt(v, "host");
    const cJSON *f;
    cJSON *hosts;
    char *text;
    if (rel == NULL)
        return NULL;
    text = fx_read(fx_path(rel), NULL);
    hosts = cJSON_Parse(text);
    free(text);
    assert_true(cJSON_IsObject(hosts));
    cJSON_ArrayForEach(f, hosts)
        assert_int_equal(vep_host_register_callback(e, f->string,
                         fx_jstr(f, "signature"), vec_answer,
                         cJSON_GetObjectItemCaseSensitive(f, "returns")), VEP_OK);
    return hosts;
}

/* Runs one vector (its manifest entry is the test's state). */
static void test_vector(void **state)
{
    const cJSON *v = *state;
    const cJSON *expect = cJSON_GetObjectItemCaseSensitive(v, "expect");
    const char *name = vec_opt(v, "name");
    const char *mig_path = vec_opt(v, "migration");
    const char *plan_path = vec_opt(v, "plan");
    const char *ctx_path = vec_opt(v, "context");
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    cJSON *hosts = vec_hosts(e, v);
    vep_instrument *ins = NULL;
    vep_migration *mig = NULL;
    vep_plan *plan = NULL;
    vep_plan_options po = VEP_PLAN_OPTIONS_INIT;
    char *doc, *ctx = NULL, *migrated = NULL, *result = NULL;
    char *plandoc = NULL, *assessed = NULL, *diag = NULL;
    size_t len, ctxlen = 0;
    const char *input;
    vep_status st;

    if (vep_instrument_load_file(&ins, e, fx_path(vec_opt(v, "instrument"))) != VEP_OK) {
        fx_dump(e);
        fail_msg("%s: cannot load %s", name, vec_opt(v, "instrument"));
    }
    doc = fx_read(fx_path(vec_opt(v, "assessment")), &len);
    input = doc;
    st = VEP_OK;
    if (mig_path != NULL) {
        assert_int_equal(vep_migration_load_file(&mig, e, fx_path(mig_path)), VEP_OK);
        st = vep_migrate(&migrated, mig, doc, len);
        if (st == VEP_OK) {
            vec_check(v, "migrated", migrated);
            input = migrated;
            len = strlen(migrated);
        }
    }
    if (st == VEP_OK) {
        st = vep_score(&result, ins, input, len);
        if (st == VEP_OK)
            vec_check(v, "result", result);
    }
    if (st == VEP_OK && plan_path != NULL) {
        assert_non_null(ctx_path);
        if (vep_plan_load_file(&plan, e, fx_path(plan_path)) != VEP_OK) {
            fx_dump(e);
            fail_msg("%s: cannot load %s", name, plan_path);
        }
        ctx = fx_read(fx_path(ctx_path), &ctxlen);
        po.agency = vec_opt(v, "agency");
        po.language = vec_opt(v, "language");
        st = vep_plan_evaluate(&plandoc, plan, result, strlen(result), ctx,
                               ctxlen, &po);
        if (st == VEP_OK) {
            vec_check(v, "plan", plandoc);
            st = vep_assess(&assessed, ins, plan, input, len, ctx, ctxlen, &po);
            if (st == VEP_OK)
                vec_check(v, "assess", assessed);
        }
    }
    if (strcmp(vep_status_name(st), vec_opt(expect, "status")) != 0) {
        fx_dump(e);
        fail_msg("%s: status '%s', expected '%s'", name, vep_status_name(st),
                 vec_opt(expect, "status"));
    }
    if (st != VEP_OK) {
        assert_int_equal(vep_diag_json(&diag, e), VEP_OK);
        vec_check(v, "errors", diag);
    }

    vep_free(diag);
    vep_free(assessed);
    vep_free(plandoc);
    vep_free(result);
    vep_free(migrated);
    free(ctx);
    free(doc);
    vep_plan_free(plan);
    vep_migration_free(mig);
    vep_instrument_free(ins);
    vep_engine_free(e);
    cJSON_Delete(hosts);
}

/* Whether the file `rel` exists under the repository. */
static int vec_exists(const char *rel)
{
    return access(fx_path(rel), R_OK) == 0;
}

/* The manifest is what bindings can rely on: at least 12 vectors with
** distinct names, only known members, every named file present, the
** assessment under tests/vectors/NAME/, a context with every plan, and
** the error document of every vector that expects a failure. */
static void test_manifest(void **state)
{
    cJSON *m = vec_manifest(), *vectors, *v, *x;
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(m, "format");
    int n = 0;
    (void)state;
    assert_true(cJSON_IsNumber(format) && format->valuedouble == 1);
    vectors = cJSON_GetObjectItemCaseSensitive(m, "vectors");
    assert_true(cJSON_IsArray(vectors));
    cJSON_ArrayForEach(v, vectors) {
        const cJSON *expect = cJSON_GetObjectItemCaseSensitive(v, "expect");
        const char *name = vec_opt(v, "name"), *status;
        char dir[256];
        cJSON *w;
        assert_non_null(name);
        cJSON_ArrayForEach(w, vectors) {
            if (w == v)
                break;
            if (strcmp(vec_opt(w, "name"), name) == 0)
                fail_msg("vector name '%s' is used twice", name);
        }
        cJSON_ArrayForEach(x, v)
            if (!vec_known(vec_keys, x->string))
                fail_msg("%s: unknown member '%s'", name, x->string);
        assert_true(cJSON_IsObject(expect));
        cJSON_ArrayForEach(x, expect) {
            if (!vec_known(vec_expect_keys, x->string))
                fail_msg("%s: unknown member expect.%s", name, x->string);
            if (strcmp(x->string, "status") != 0 && !vec_exists(vec_opt(expect, x->string)))
                fail_msg("%s: expect.%s: no file %s", name, x->string, x->valuestring);
        }
        snprintf(dir, sizeof dir, "tests/vectors/%s/", name);
        assert_non_null(vec_opt(v, "assessment"));
        if (strncmp(vec_opt(v, "assessment"), dir, strlen(dir)) != 0)
            fail_msg("%s: the assessment is not under %s", name, dir);
        assert_true(vec_exists(vec_opt(v, "instrument")));
        assert_true(vec_exists(vec_opt(v, "assessment")));
        if (vec_opt(v, "migration"))
            assert_true(vec_exists(vec_opt(v, "migration")));
        if (vec_opt(v, "host"))
            assert_true(vec_exists(vec_opt(v, "host")));
        if (vec_opt(v, "plan")) {
            assert_true(vec_exists(vec_opt(v, "plan")));
            assert_non_null(vec_opt(v, "context"));
            assert_true(vec_exists(vec_opt(v, "context")));
        }
        status = vec_opt(expect, "status");
        assert_non_null(status);
        if (strcmp(status, "ok") != 0)
            assert_non_null(vec_opt(expect, "errors"));
        else
            assert_null(vec_opt(expect, "errors"));
        n++;
    }
    assert_true(n >= 12);
    cJSON_Delete(m);
}

/* The comparison lets exactly one trailing newline through and nothing
** else: a changed, missing or extra byte anywhere makes it fail. */
static void test_compare_is_exact(void **state)
{
    char want[64];
    const char *got = "{\"a\": 1}";
    size_t n = strlen(got), i;
    (void)state;
    assert_true(vec_same(got, n, got, n));
    assert_true(vec_same(got, n, "{\"a\": 1}\n", n + 1));
    assert_false(vec_same(got, n, "{\"a\": 1}\n\n", n + 2));
    assert_false(vec_same(got, n, "{\"a\": 1} ", n + 1));
    assert_false(vec_same(got, n, "{\"a\": 1", n - 1));
    assert_false(vec_same("x\n", 2, "x\n\n", 3));
    for (i = 0; i < n; i++) {
        memcpy(want, got, n + 1);
        want[i] ^= 1;
        assert_false(vec_same(got, n, want, n));
    }
}

int main(void)
{
    static const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_manifest),
        cmocka_unit_test(test_compare_is_exact),
    };
    const size_t nfixed = sizeof fixed / sizeof fixed[0];
    cJSON *m = vec_manifest(), *v;
    struct CMUnitTest *tests;
    size_t n = nfixed, k = 0;
    int rc;

    cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(m, "vectors"))
        n++;
    tests = calloc(n, sizeof *tests);
    if (tests == NULL)
        return 1;
    for (k = 0; k < nfixed; k++)
        tests[k] = fixed[k];
    cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(m, "vectors")) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
        tests[k].name = cJSON_IsString(name) ? name->valuestring : "(no name)";
        tests[k].test_func = test_vector;
        tests[k].initial_state = v;
        k++;
    }
    fx_filter();
    rc = _cmocka_run_group_tests("vectors", tests, n, NULL, NULL);
    fx_cleanup_dirs();
    free(tests);
    cJSON_Delete(m);
    return rc;
}
