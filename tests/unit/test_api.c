/*
** test_api.c -- the public API as a host sees it: argument checks, status
** names, versions, options, error messages and diagnostics, the result
** and report documents of the bundled instruments, byte-stable scoring,
** the allocator hook and out-of-memory at every allocation (engines in
** parallel threads: test_threads.c).
**
** VEP_TEST_QUICK=1 (the default under valgrind) samples the out-of-memory
** loops (every one of the first 20 allocations, then about 120 points
** spread over the rest).
*/
#include "api_fixture.h"

#define SCREEN "instruments/screening/vep-screen.lua"
#define RNA "instruments/rna/vep-rna.lua"
#define POSITIVE "examples/assessments/screen-positive.json"
#define NEGATIVE "examples/assessments/screen-negative.json"
#define RNA_DOC "examples/assessments/rna-example.json"

/* An assessment of vep-screen with several problems. */
static const char invalid_doc[] =
    "{ \"instrument\": { \"id\": \"vep-screen\", \"version\": \"1.0.0\" },\n"
    "  \"subject\": { \"id\": \"P-1\" }, \"assessor\": { \"id\": \"A-1\", \"role\": \"r\" },\n"
    "  \"date\": \"2026-01-01\",\n"
    "  \"answers\": { \"S01\": { \"value\": \"maybe\" }, \"S99\": { \"value\": \"present\" },\n"
    "    \"S13\": { \"value\": -1 }, \"S02\": { \"value\": \"present\" } },\n"
    "  \"judgement\": { \"level\": \"negative\" } }\n";

/* ---- Arguments, statuses, versions, options --------------------------- */

/* SET(p): p points at itself, so that a call must set it to NULL. */
#define SET(p) ((p) = (void *)&(p))

static void test_null_arguments(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, SCREEN), *o;
    char *s;
    size_t nf = 99;
    vep_engine_options opts;
    (void)state;

    assert_int_equal(vep_engine_options_init(NULL, VEP_ENGINE_OPTIONS_VERSION), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_engine_new(NULL, NULL), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_engine_options_init(&opts, VEP_ENGINE_OPTIONS_VERSION), VEP_OK);
    assert_int_equal(vep_engine_new(NULL, &opts), VEP_ERR_ARGUMENT);
    assert_non_null(vep_engine_errmsg(NULL));
    assert_int_equal(vep_diag_count(NULL), 0);
    assert_null(vep_diag_get(NULL, 0, VEP_DIAG_MESSAGE));
    assert_int_equal(vep_diag_line(NULL, 0), 0);
    assert_int_equal(vep_diag_json(NULL, e), VEP_ERR_ARGUMENT);
    SET(s); assert_int_equal(vep_diag_json(&s, NULL), VEP_ERR_ARGUMENT); assert_null(s);

    assert_int_equal(vep_instrument_load_file(NULL, e, fx_path(SCREEN)), VEP_ERR_ARGUMENT);
    SET(o); assert_int_equal(vep_instrument_load_file(&o, NULL, fx_path(SCREEN)), VEP_ERR_ARGUMENT); assert_null(o);
    SET(o); assert_int_equal(vep_instrument_load_file(&o, e, NULL), VEP_ERR_ARGUMENT); assert_null(o);
    assert_true(vep_engine_errmsg(e)[0] != '\0');
    assert_int_equal(vep_instrument_load_buffer(NULL, e, "x", "x", 1), VEP_ERR_ARGUMENT);
    SET(o); assert_int_equal(vep_instrument_load_buffer(&o, NULL, "x", "x", 1), VEP_ERR_ARGUMENT); assert_null(o);
    SET(o); assert_int_equal(vep_instrument_load_buffer(&o, e, "x", NULL, 1), VEP_ERR_ARGUMENT); assert_null(o);
    /* A NULL name is allowed. */
    assert_int_equal(vep_instrument_load_buffer(&o, e, NULL, FX_HEAD, strlen(FX_HEAD)), VEP_OK);
    vep_instrument_free(o);

    assert_null(vep_instrument_id(NULL));
    assert_null(vep_instrument_version(NULL));
    assert_null(vep_instrument_sha256(NULL));
    SET(s); assert_int_equal(vep_instrument_describe(&s, NULL, NULL), VEP_ERR_ARGUMENT); assert_null(s);
    assert_int_equal(vep_instrument_describe(NULL, ins, NULL), VEP_ERR_ARGUMENT);

    SET(s); assert_int_equal(vep_score(&s, NULL, "{}", 2), VEP_ERR_ARGUMENT); assert_null(s);
    assert_int_equal(vep_score(NULL, ins, "{}", 2), VEP_ERR_ARGUMENT);
    SET(s); assert_int_equal(vep_score(&s, ins, NULL, 2), VEP_ERR_ARGUMENT); assert_null(s);
    /* NULL with length 0 is an empty document: invalid, not a crash. */
    SET(s); assert_int_equal(vep_score(&s, ins, NULL, 0), VEP_ERR_ASSESSMENT); assert_null(s);
    assert_int_equal(vep_validate(NULL, "{}", 2), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_validate(ins, NULL, 2), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_validate(ins, NULL, 0), VEP_ERR_ASSESSMENT);

    SET(s); assert_int_equal(vep_instrument_run_tests(&s, &nf, NULL), VEP_ERR_ARGUMENT); assert_null(s);
    assert_int_equal(nf, 0);
    assert_int_equal(vep_instrument_run_tests(NULL, &nf, ins), VEP_ERR_ARGUMENT);

    vep_free(NULL);
    vep_instrument_free(NULL);
    vep_engine_free(NULL);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_status_names(void **state)
{
    static const struct { vep_status st; const char *name; } named[] = {
        { VEP_OK, "ok" }, { VEP_ERR_NOMEM, "out_of_memory" },
        { VEP_ERR_ASSESSMENT, "assessment" }, { VEP_ERR_LIMIT_INSTRUCTIONS, "instruction_limit" },
        { VEP_ERR_LIMIT_MEMORY, "memory_limit" }, { VEP_ERR_LIMIT_TIME, "time_limit" },
        { VEP_ERR_CONTEXT, "context" },
    };
    const char *msg[15], *name[15];
    int i, j;
    (void)state;
    for (i = 0; i <= 14; i++) {
        /* 14 is one past the last status: an unknown code. */
        msg[i] = vep_strerror((vep_status)i);
        name[i] = vep_status_name((vep_status)i);
        assert_non_null(msg[i]);
        assert_non_null(name[i]);
        assert_true(msg[i][0] != '\0');
        assert_true(name[i][0] != '\0');
        for (j = 0; j < i; j++) {
            assert_string_not_equal(msg[i], msg[j]);
            assert_string_not_equal(name[i], name[j]);
        }
        for (j = 0; name[i][j]; j++)
            assert_non_null(strchr("abcdefghijklmnopqrstuvwxyz_", name[i][j]));
    }
    assert_string_equal(vep_strerror((vep_status)-1), msg[14]);
    assert_string_equal(vep_strerror((vep_status)9999), msg[14]);
    assert_string_equal(vep_status_name((vep_status)-1), name[14]);
    assert_string_equal(vep_status_name((vep_status)9999), name[14]);
    assert_string_equal(vep_status_name(VEP_ERR_HOST), "host");
    assert_string_equal(vep_strerror(VEP_ERR_LIMIT_INSTRUCTIONS), "instruction limit exceeded");
    for (i = 0; i < (int)(sizeof named / sizeof named[0]); i++)
        assert_string_equal(vep_status_name(named[i].st), named[i].name);
}

static void test_versions(void **state)
{
    char want[32];
    (void)state;
    assert_int_equal(VEP_VERSION_NUMBER, vep_version_number());
    assert_string_equal(VEP_VERSION_STRING, vep_version_string());
    assert_int_equal(vep_version_number(),
                     VEP_VERSION_MAJOR * 10000 + VEP_VERSION_MINOR * 100 + VEP_VERSION_PATCH);
    snprintf(want, sizeof want, "%d.%d.%d", VEP_VERSION_MAJOR, VEP_VERSION_MINOR, VEP_VERSION_PATCH);
    assert_string_equal(vep_version_string(), want);
}

static void test_engine_options(void **state)
{
    vep_engine_options o;
    vep_engine *e = (vep_engine *)&e;
    (void)state;
    memset(&o, 0x55, sizeof o);
    assert_int_equal(vep_engine_options_init(&o, 0), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_engine_options_init(&o, VEP_ENGINE_OPTIONS_VERSION + 1), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_engine_options_init(&o, VEP_ENGINE_OPTIONS_VERSION), VEP_OK);
    assert_int_equal(o.version, VEP_ENGINE_OPTIONS_VERSION);
    assert_int_equal(o.memory_limit, 0);
    assert_int_equal(o.instruction_limit, 0);
    assert_int_equal(o.time_limit_ms, 0);
    assert_null(o.allocator);
    o.version = VEP_ENGINE_OPTIONS_VERSION + 1;
    assert_int_equal(vep_engine_new(&e, &o), VEP_ERR_ARGUMENT);
    assert_null(e);
    o.version = VEP_ENGINE_OPTIONS_VERSION;
    o.memory_limit = VEP_MIN_MEMORY_LIMIT - 1;
    e = (vep_engine *)&e;
    assert_int_equal(vep_engine_new(&e, &o), VEP_ERR_ARGUMENT);
    assert_null(e);
    o.memory_limit = VEP_MIN_MEMORY_LIMIT;
    assert_int_equal(vep_engine_new(&e, &o), VEP_OK);
    vep_engine_free(e);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    assert_string_equal(vep_engine_errmsg(e), "");
    vep_engine_free(e);
}

/* ---- Messages and diagnostics ----------------------------------------- */

static void test_errmsg_and_diag_lifetime(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, SCREEN), *bad = NULL;
    char *doc = fx_read(fx_path(POSITIVE), NULL), *out = NULL;
    (void)state;

    assert_string_equal(vep_engine_errmsg(e), "");
    assert_int_equal(vep_diag_count(e), 0);
    assert_int_equal(vep_validate(ins, invalid_doc, strlen(invalid_doc)), VEP_ERR_ASSESSMENT);
    assert_true(vep_engine_errmsg(e)[0] != '\0');
    assert_true(vep_diag_count(e) >= 3);
    assert_int_equal(vep_validate(ins, doc, strlen(doc)), VEP_OK);
    assert_string_equal(vep_engine_errmsg(e), "");
    assert_int_equal(vep_diag_count(e), 0);
    assert_null(vep_diag_get(e, 0, VEP_DIAG_RULE));
    assert_int_equal(vep_validate(ins, invalid_doc, strlen(invalid_doc)), VEP_ERR_ASSESSMENT);
    assert_null(vep_diag_get(e, 0, (vep_diag_field)99));
    assert_null(vep_diag_get(e, vep_diag_count(e), VEP_DIAG_RULE));
    assert_int_equal(vep_diag_line(e, vep_diag_count(e)), 0);
    assert_int_equal(vep_validate(ins, doc, strlen(doc)), VEP_OK);
    /* A failed load, then a call on an instrument of the same engine. */
    assert_int_equal(fx_load(e, "bad.lua", "local x = = 1\n", &bad), VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_count(e), 1);
    assert_int_equal(vep_score(&out, ins, doc, strlen(doc)), VEP_OK);
    assert_string_equal(vep_engine_errmsg(e), "");
    assert_int_equal(vep_diag_count(e), 0);
    vep_free(out);
    /* An argument error sets the message too. */
    assert_int_equal(vep_score(NULL, ins, doc, strlen(doc)), VEP_ERR_ARGUMENT);
    assert_true(vep_engine_errmsg(e)[0] != '\0');
    free(doc);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_validate_reports_every_problem(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, SCREEN);
    size_t i, k;
    (void)state;
    assert_int_equal(vep_validate(ins, invalid_doc, strlen(invalid_doc)), VEP_ERR_ASSESSMENT);
    k = fx_expect(e, "not_in_scale", "S01");
    fx_assert_contains(vep_diag_get(e, k, VEP_DIAG_PATH), "$.answers.S01");
    k = fx_expect(e, "unknown_item", "S99");
    fx_assert_contains(vep_diag_get(e, k, VEP_DIAG_PATH), "$.answers.S99");
    k = fx_expect(e, "out_of_range", "S13");
    fx_assert_contains(vep_diag_get(e, k, VEP_DIAG_PATH), "$.answers.S13");
    k = fx_expect(e, "missing_required", "S03");
    assert_string_equal(vep_diag_get(e, k, VEP_DIAG_PATH), "$.answers.S03");
    /* S01 is invalid and S02 answered: S03..S12 are missing. */
    assert_int_equal(fx_count_rule(e, "missing_required"), 10);
    for (i = 0; i < vep_diag_count(e); i++) {
        assert_string_equal(vep_diag_get(e, i, VEP_DIAG_FILE), "");
        assert_int_equal(vep_diag_line(e, i), 0);
        assert_true(vep_diag_get(e, i, VEP_DIAG_PATH)[0] == '$');
    }
    fx_check_diag_json(e, VEP_ERR_ASSESSMENT);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_diag_json_script_error_and_not_shown(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = NULL;
    char *big, *json = NULL;
    size_t cap = 64 * 1024, len, i;
    cJSON *doc;
    (void)state;
    assert_int_equal(fx_load(e, "bad.lua", FX_HEAD "local x = = 1\n", &ins), VEP_ERR_SCRIPT);
    fx_check_diag_json(e, VEP_ERR_SCRIPT);
    assert_int_equal(fx_load(e, "empty.lua", "", &ins), VEP_ERR_DEFINITION);
    fx_check_diag_json(e, VEP_ERR_DEFINITION);

    /* More than 1000 problems: 1000 are kept, the rest counted. */
    ins = fx_load_file(e, SCREEN);
    big = malloc(cap);
    assert_non_null(big);
    len = (size_t)snprintf(big, cap, "{ \"instrument\": { \"id\": \"vep-screen\", \"version\": \"1.0.0\" }, "
                           "\"subject\": { \"id\": \"P\" }, \"assessor\": { \"id\": \"A\", \"role\": \"r\" }, "
                           "\"date\": \"2026-01-01\", \"answers\": {");
    for (i = 0; i < 1100; i++)
        len += (size_t)snprintf(big + len, cap - len, "%s\"X%zu\": { \"value\": 1 }", i ? ", " : "", i);
    len += (size_t)snprintf(big + len, cap - len, "} }");
    assert_int_equal(vep_validate(ins, big, len), VEP_ERR_ASSESSMENT);
    assert_int_equal(vep_diag_count(e), 1000);
    assert_int_equal(vep_diag_json(&json, e), VEP_OK);
    doc = cJSON_Parse(json);
    assert_non_null(doc);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "errors")), 1000);
    assert_true(fx_jnum(doc, "not_shown") >= 100);
    {
        char want[64];
        snprintf(want, sizeof want, "%.0f problems", 1000 + fx_jnum(doc, "not_shown"));
        fx_assert_contains(vep_engine_errmsg(e), want);
    }
    cJSON_Delete(doc);
    vep_free(json);
    free(big);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* ---- The bundled instruments ------------------------------------------ */

static void test_score_is_byte_stable(void **state)
{
    vep_engine *e1 = fx_engine_with(NULL, 0, 0, 0), *e2 = fx_engine_with(NULL, 0, 0, 0);
    /* The second engine loads the script through another path. */
    vep_instrument *a = fx_load_file(e1, SCREEN),
                   *b = fx_load_file(e2, "instruments/screening/../screening/./vep-screen.lua");
    char *pos = fx_read(fx_path(POSITIVE), NULL), *neg = fx_read(fx_path(NEGATIVE), NULL);
    char *r1, *r2, *r3, *r4, *rn;
    cJSON *doc, *ins;
    (void)state;
    r1 = fx_score_copy(a, pos);
    r2 = fx_score_copy(a, pos);
    r3 = fx_score_copy(b, pos);
    rn = fx_score_copy(a, neg);
    r4 = fx_score_copy(a, pos);
    assert_string_equal(r1, r2);
    assert_string_equal(r1, r3);
    assert_string_equal(r1, r4);
    assert_string_not_equal(r1, rn);
    doc = cJSON_Parse(r1);
    assert_non_null(doc);
    ins = cJSON_GetObjectItemCaseSensitive(doc, "instrument");
    assert_string_equal(fx_jstr(ins, "id"), "vep-screen");
    assert_string_equal(fx_jstr(ins, "version"), "1.0.0");
    assert_string_equal(fx_jstr(ins, "sha256"), vep_instrument_sha256(a));
    assert_string_equal(fx_jstr(doc, "libvep"), vep_version_string());
    cJSON_Delete(doc);
    free(r1); free(r2); free(r3); free(r4); free(rn); free(pos); free(neg);
    vep_instrument_free(a);
    vep_instrument_free(b);
    vep_engine_free(e1);
    vep_engine_free(e2);
}

static void test_describe(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, SCREEN);
    char *en = NULL, *sr = NULL, *de = NULL;
    cJSON *doc, *items, *it;
    int n = 0;
    (void)state;
    assert_int_equal(vep_instrument_describe(&en, ins, NULL), VEP_OK);
    assert_int_equal(vep_instrument_describe(&sr, ins, "sr-Latn"), VEP_OK);
    assert_int_equal(vep_instrument_describe(&de, ins, "de"), VEP_OK);
    {   /* an absent language falls back: all alike but the report */
        cJSON *x = cJSON_Parse(en), *y = cJSON_Parse(de);
        assert_string_equal(fx_jstr(cJSON_GetObjectItemCaseSensitive(y, "language"), "requested"), "de");
        cJSON_DeleteItemFromObjectCaseSensitive(x, "language");
        cJSON_DeleteItemFromObjectCaseSensitive(y, "language");
        assert_true(cJSON_Compare(x, y, 1));
        cJSON_Delete(x);
        cJSON_Delete(y);
    }
    assert_string_not_equal(en, sr);
    doc = cJSON_Parse(en);
    assert_non_null(doc);
    assert_string_equal(fx_jstr(doc, "id"), "vep-screen");
    assert_string_equal(fx_jstr(doc, "sha256"), vep_instrument_sha256(ins));
    fx_assert_contains(fx_jstr(doc, "title"), "Screening");
    items = cJSON_GetObjectItemCaseSensitive(doc, "items");
    assert_true(cJSON_IsArray(items));
    cJSON_ArrayForEach(it, items) {   /* S01 .. S05, S05a, S06 .. S13 */
        char want[16];
        snprintf(want, sizeof want, n == 5 ? "S05a" : "S%02d", n < 5 ? n + 1 : n);
        assert_string_equal(fx_jstr(it, "id"), want);
        n++;
    }
    assert_int_equal(n, 14);
    assert_true(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(doc, "scores")));
    assert_true(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(doc, "tests")));
    cJSON_Delete(doc);
    doc = cJSON_Parse(sr);
    assert_non_null(doc);
    fx_assert_contains(fx_jstr(doc, "title"), "Skrining");
    cJSON_Delete(doc);
    vep_free(en); vep_free(sr); vep_free(de);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void run_tests_of(const char *rel)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, rel);
    char *report = NULL;
    size_t failed = 99;
    cJSON *doc;
    assert_int_equal(vep_instrument_run_tests(&report, &failed, ins), VEP_OK);
    doc = cJSON_Parse(report);
    assert_non_null(doc);
    if (failed != 0)
        fail_msg("%s: %zu failing cases: %s", rel, failed, report);
    assert_true(fx_jnum(doc, "failed") == 0);
    assert_true(fx_jnum(doc, "passed") >= 5);
    assert_int_equal((int)fx_jnum(doc, "passed"),
                     cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "cases")));
    assert_string_equal(fx_jstr(doc, "instrument"), vep_instrument_id(ins));
    cJSON_Delete(doc);
    vep_free(report);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_run_tests_bundled(void **state)
{
    (void)state;
    run_tests_of(SCREEN);
    run_tests_of(RNA);
}

/* A failing case is counted and explained. */
static void test_run_tests_reports_failures(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_ok(e, FX_HEAD
        "item \"A\" { type = \"presence\", text = \"A?\" }\n"
        "score \"s\" { rule = \"sum\", items = { \"A\" } }\n"
        "test \"right\" { answers = { A = \"present\" }, expect = { scores = { s = 1 } } }\n"
        "test \"wrong\" { answers = { A = \"present\" }, expect = { scores = { s = 2 } } }\n"
        "test \"wrong rule\" { answers = { A = \"maybe\" }, expect = { invalid = { \"out_of_range\" } } }\n");
    char *report = NULL;
    size_t failed = 0;
    cJSON *doc, *c;
    (void)state;
    assert_int_equal(vep_instrument_run_tests(&report, &failed, ins), VEP_OK);
    assert_int_equal(failed, 2);
    doc = cJSON_Parse(report);
    assert_non_null(doc);
    assert_true(fx_jnum(doc, "passed") == 1 && fx_jnum(doc, "failed") == 2);
    c = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "cases"), 1);
    assert_string_equal(fx_jstr(c, "name"), "wrong");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(c, "passed")));
    assert_true(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(c, "failures")) > 0);
    c = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "cases"), 0);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "passed")));
    cJSON_Delete(doc);
    vep_free(report);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* ---- The allocator hook ----------------------------------------------- */

static void test_allocator_sees_everything(void **state)
{
    fx_alloc a;
    vep_engine *e, *plain = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins, *rna, *ref;
    char *pos = fx_read(fx_path(POSITIVE), NULL), *rdoc = fx_read(fx_path(RNA_DOC), NULL);
    char *out = NULL, *desc = NULL, *rep = NULL, *dj = NULL, *want;
    size_t failed, held;
    (void)state;
    memset(&a, 0, sizeof a);
    e = fx_engine_with(&a, 0, 0, 0);
    assert_true(a.nmalloc > 0);
    ins = fx_load_file(e, SCREEN);
    rna = fx_load_file(e, RNA);
    held = a.live_bytes;
    assert_int_equal(vep_score(&out, ins, pos, strlen(pos)), VEP_OK);
    assert_true(a.live_bytes > held);    /* the result is ours */
    ref = fx_load_file(plain, SCREEN);
    want = fx_score_copy(ref, pos);
    assert_string_equal(out, want);      /* whatever the allocator */
    vep_free(out);
    out = NULL;
    assert_int_equal(vep_score(&out, rna, rdoc, strlen(rdoc)), VEP_OK);
    vep_free(out);
    assert_int_equal(vep_instrument_describe(&desc, ins, "sq"), VEP_OK);
    assert_int_equal(vep_instrument_run_tests(&rep, &failed, rna), VEP_OK);
    assert_int_equal(vep_validate(ins, invalid_doc, strlen(invalid_doc)), VEP_ERR_ASSESSMENT);
    assert_int_equal(vep_diag_json(&dj, e), VEP_OK);
    vep_free(desc);
    vep_free(rep);
    vep_free(dj);
    assert_true(a.nmalloc > 1000);
    vep_instrument_free(ins);
    vep_instrument_free(rna);
    vep_engine_free(e);
    assert_int_equal(a.live_bytes, 0);
    assert_int_equal(a.live_blocks, 0);
    assert_true(a.nfree > 0);
    free(want); free(pos); free(rdoc);
    vep_instrument_free(ref);
    vep_engine_free(plain);
}

/* The engine may be freed first: it stays usable by its instruments and
** goes with the last one. */
static void test_engine_freed_before_instruments(void **state)
{
    fx_alloc a;
    vep_engine *e;
    vep_instrument *i1, *i2;
    char *pos = fx_read(fx_path(POSITIVE), NULL), *r1, *r2;
    (void)state;
    memset(&a, 0, sizeof a);
    e = fx_engine_with(&a, 0, 0, 0);
    i1 = fx_load_file(e, SCREEN);
    i2 = fx_load_file(e, SCREEN);
    r1 = fx_score_copy(i1, pos);
    vep_engine_free(e);
    assert_true(a.live_blocks > 0);
    r2 = fx_score_copy(i2, pos);
    assert_string_equal(r1, r2);
    vep_instrument_free(i2);
    assert_int_equal(vep_validate(i1, invalid_doc, strlen(invalid_doc)), VEP_ERR_ASSESSMENT);
    vep_instrument_free(i1);
    assert_int_equal(a.live_bytes, 0);
    assert_int_equal(a.live_blocks, 0);
    free(r1); free(r2); free(pos);
}

/* ---- Out of memory at every allocation -------------------------------- */

static vep_status run_load(fx_oom_op *op)
{
    op->made = (vep_instrument *)op;
    return vep_instrument_load_file(&op->made, op->e, op->path);
}

static char *finish_load(fx_oom_op *op)
{
    char *d = NULL, *sig;
    assert_int_equal(vep_instrument_describe(&d, op->made, NULL), VEP_OK);
    sig = malloc(strlen(d) + 80);
    assert_non_null(sig);
    sprintf(sig, "%s %s", vep_instrument_sha256(op->made), d);
    vep_free(d);
    vep_instrument_free(op->made);
    op->made = NULL;
    return sig;
}

/* The calls under test; `out` starts non-NULL so that a failure must clear it. */
static vep_status run_score(fx_oom_op *op)
{ op->out = (char *)op; return vep_score(&op->out, op->ins, op->doc, strlen(op->doc)); }
static vep_status run_validate(fx_oom_op *op)
{ return vep_validate(op->ins, op->doc, strlen(op->doc)); }
static vep_status run_describe(fx_oom_op *op)
{ op->out = (char *)op; return vep_instrument_describe(&op->out, op->ins, "sr-Latn"); }
static vep_status run_cases(fx_oom_op *op)
{ size_t failed; op->out = (char *)op; return vep_instrument_run_tests(&op->out, &failed, op->ins); }
static vep_status run_diag_json(fx_oom_op *op)
{ op->out = (char *)op; return vep_diag_json(&op->out, op->e); }

static void oom_engine_new(int persistent)
{
    fx_alloc a;
    vep_allocator h = fx_allocator(&a);
    vep_engine_options o = VEP_ENGINE_OPTIONS_INIT;
    vep_engine *e;
    unsigned long n;
    vep_status st;
    o.allocator = &h;
    for (n = 1; n < 1000; n++) {
        memset(&a, 0, sizeof a);
        fx_alloc_arm(&a, n, persistent);
        e = (vep_engine *)&e;
        st = vep_engine_new(&e, &o);
        fx_alloc_disarm(&a);
        if (st == VEP_OK) {
            vep_instrument_free(fx_load_ok(e, FX_HEAD));
            vep_engine_free(e);
            assert_int_equal(a.live_blocks, 0);
            if (!a.injected)
                return;
            continue;
        }
        assert_true(a.injected);
        assert_int_equal(st, VEP_ERR_NOMEM);
        assert_null(e);
        assert_int_equal(a.live_blocks, 0);
    }
    fail_msg("engine creation never succeeded");
}

static void test_oom_engine_new(void **state)
{
    (void)state;
    oom_engine_new(0);
    oom_engine_new(1);
}

/* Runs the operation in both modes. */
static void oom_both(const char *inst, const char *doc, vep_status ok,
                     vep_status (*run)(fx_oom_op *), char *(*finish)(fx_oom_op *),
                     const char *what)
{
    int persistent;
    for (persistent = 0; persistent < 2; persistent++) {
        fx_oom_op *op = fx_oom_new(inst);
        op->doc = doc;
        op->ok = ok;
        op->run = run;
        op->finish = finish;
        snprintf(op->path, sizeof op->path, "%s", fx_path(SCREEN));
        if (run == run_diag_json) {
            assert_int_equal(vep_validate(op->ins, doc, strlen(doc)), VEP_ERR_ASSESSMENT);
            op->keep_diags = 1;
        }
        fx_oom_loop(op, what, persistent);
        fx_oom_free(op);
    }
}

static void test_oom_load(void **state)
{
    (void)state;
    oom_both(NULL, NULL, VEP_OK, run_load, finish_load, "loading vep-screen");
}

static void test_oom_score(void **state)
{
    char *pos = fx_read(fx_path(POSITIVE), NULL);
    (void)state;
    oom_both(SCREEN, pos, VEP_OK, run_score, fx_finish_out, "scoring with vep-screen");
    free(pos);
}

static void test_oom_validate(void **state)
{
    (void)state;
    oom_both(SCREEN, invalid_doc, VEP_ERR_ASSESSMENT, run_validate, fx_finish_diags,
             "validating an invalid assessment");
}

static void test_oom_describe_and_diag_json(void **state)
{
    (void)state;
    oom_both(SCREEN, NULL, VEP_OK, run_describe, fx_finish_out, "describing vep-screen");
    oom_both(SCREEN, invalid_doc, VEP_OK, run_diag_json, fx_finish_out, "vep_diag_json");
}

/* Function rules: a fresh Lua state per assessment, with the helper
** module replayed; and the instrument's own test cases. */
static void test_oom_functions_and_run_tests(void **state)
{
    static const char script[] =
        "instrument { id = \"fn\", version = \"1.0.0\", languages = { \"en\" }, title = \"F\" }\n"
        "local h = require \"help\"\n"
        "item \"A\" { type = \"presence\", text = \"A?\" }\n"
        "item \"B\" { type = \"presence\", text = \"B?\" }\n"
        "score \"f\" { rule = \"function\", uses = { \"A\", \"B\" }, min = 0, max = 3,\n"
        "  fn = function(a) return h.add(a.value(\"A\"), a.value(\"B\")), \"sum \" .. a.code(\"A\") end }\n"
        "level \"L\" { of = \"f\", bands = { { level = \"lo\", min = 0, max = 1 },\n"
        "  { level = \"hi\", min = 1.01, max = 3 } } }\n"
        "flag \"F\" { when = { uses = { \"L\", \"B\" }, fn = function(a) return a.level(\"L\") == \"hi\" end } }\n"
        "test \"two\" { answers = { A = \"present\", B = \"present\" }, expect = { scores = { f = 2 } } }\n"
        "test \"bad\" { answers = { A = \"maybe\" }, expect = { invalid = { \"not_in_scale\" } } }\n";
    static const char doc[] =
        "{ \"instrument\": { \"id\": \"fn\", \"version\": \"1.0.0\" },"
        " \"subject\": { \"id\": \"P\" }, \"assessor\": { \"id\": \"A\", \"role\": \"r\" },"
        " \"date\": \"2026-01-01\", \"answers\": { \"A\": { \"value\": \"present\" },"
        " \"B\": { \"value\": \"present\" } } }";
    char dir[256], path[300];
    (void)state;
    fx_mkdtemp(dir);
    fx_write(dir, "help.lua", "return { add = function(x, y) return x + y end }\n");
    snprintf(path, sizeof path, "%s", fx_write(dir, "fn.lua", script));
    oom_both(path, doc, VEP_OK, run_score, fx_finish_out, "scoring with function rules");
    oom_both(path, NULL, VEP_OK, run_cases, fx_finish_out, "running test cases");
    fx_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_versions),
        cmocka_unit_test(test_engine_options),
        cmocka_unit_test(test_errmsg_and_diag_lifetime),
        cmocka_unit_test(test_validate_reports_every_problem),
        cmocka_unit_test(test_diag_json_script_error_and_not_shown),
        cmocka_unit_test(test_score_is_byte_stable),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_run_tests_bundled),
        cmocka_unit_test(test_run_tests_reports_failures),
        cmocka_unit_test(test_allocator_sees_everything),
        cmocka_unit_test(test_engine_freed_before_instruments),
        cmocka_unit_test(test_oom_engine_new),
        cmocka_unit_test(test_oom_load),
        cmocka_unit_test(test_oom_score),
        cmocka_unit_test(test_oom_validate),
        cmocka_unit_test(test_oom_describe_and_diag_json),
        cmocka_unit_test(test_oom_functions_and_run_tests),
    };
    fx_run(tests);
}
