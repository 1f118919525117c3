/*
** test_migrate.c -- migration scripts (migration.h): every step on the
** bundled example (vep-screen 1.x to 2.0.0), the record the migrated
** document and its result carry, the refusal of an old major version
** without a migration, every error a migration or a document can make,
** determinism, and out-of-memory while migrating.
*/
#include "api_fixture.h"

#define MIGRATION "examples/migration/vep-screen-1-to-2.lua"
#define SCREEN_V2 "examples/migration/vep-screen-2/vep-screen.lua"
#define SCREEN_V1 "instruments/screening/vep-screen.lua"
#define POSITIVE  "examples/assessments/screen-positive.json"

static vep_migration *load_migration(vep_engine *e, const char *path)
{
    vep_migration *m = NULL;
    if (vep_migration_load_file(&m, e, fx_path(path)) != VEP_OK) {
        fx_dump(e);
        fail_msg("cannot load %s", path);
    }
    return m;
}

/* Migrates the file at `doc`; returns the parsed document. */
static cJSON *migrate_file(vep_migration *m, const char *doc, char **raw)
{
    char *json = fx_read(fx_path(doc), NULL), *out = NULL;
    cJSON *j;
    assert_non_null(json);
    assert_int_equal(vep_migrate(&out, m, json, strlen(json)), VEP_OK);
    free(json);
    j = cJSON_Parse(out);
    assert_non_null(j);
    if (raw)
        *raw = strdup(out);
    vep_free(out);
    return j;
}

static const cJSON *answer(const cJSON *doc, const char *id)
{
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "answers"), id);
}

/* Every step of the example, as the migrated document shows it. */
static void test_steps(void **state)
{
    vep_engine *e = NULL;
    vep_migration *m;
    const cJSON *a, *rec, *ch;
    cJSON *d;
    (void)state;
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    m = load_migration(e, MIGRATION);
    assert_string_equal(vep_migration_id(m), "vep-screen-1-to-2");
    assert_string_equal(vep_migration_version(m), "1.0.0");
    assert_int_equal(strlen(vep_migration_sha256(m)), 64);
    d = migrate_file(m, POSITIVE, NULL);
    assert_string_equal(fx_jstr(cJSON_GetObjectItem(d, "instrument"), "version"), "2.0.0");
    /* recode: S04 absent -> no */
    assert_string_equal(fx_jstr(answer(d, "S04"), "value"), "no");
    /* split: S07 was present -> both unknown, with a reason and the evidence */
    a = answer(d, "S07a");
    assert_string_equal(fx_jstr(a, "status"), "unknown");
    assert_non_null(strstr(fx_jstr(a, "reason"), "S07 was 'present'"));
    assert_non_null(cJSON_GetObjectItem(a, "evidence"));
    assert_string_equal(fx_jstr(answer(d, "S07b"), "status"), "unknown");
    assert_null(answer(d, "S07"));
    /* merge: S06 and S08 both absent -> S06 absent, S08 gone */
    assert_string_equal(fx_jstr(answer(d, "S06"), "value"), "absent");
    assert_null(answer(d, "S08"));
    /* rename keeps the answer (S11 was unknown with its reason) */
    assert_null(answer(d, "S11"));
    assert_string_equal(fx_jstr(answer(d, "S11C"), "status"), "unknown");
    /* drop and add */
    assert_null(answer(d, "S13"));
    assert_null(answer(d, "S05a"));
    assert_string_equal(fx_jstr(answer(d, "S14"), "reason"), "not asked in version 1");
    /* the final level */
    assert_string_equal(fx_jstr(cJSON_GetObjectItem(d, "judgement"), "level"), "referral");
    /* the order of the answers follows the old document's */
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "answers"), 6)->string, "S07a");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "answers"), 7)->string, "S07b");
    /* the record */
    rec = cJSON_GetArrayItem(cJSON_GetObjectItem(d, "migrations"), 0);
    assert_string_equal(fx_jstr(rec, "sha256"), vep_migration_sha256(m));
    assert_string_equal(fx_jstr(cJSON_GetObjectItem(rec, "from"), "version"), "1.0.0");
    assert_string_equal(fx_jstr(cJSON_GetObjectItem(rec, "to"), "version"), "2.0.0");
    ch = cJSON_GetObjectItem(rec, "changes");
    assert_int_equal(cJSON_GetArraySize(ch), 8);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(ch, 0), "step"), "recode");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(ch, 7), "to"), "referral");
    cJSON_Delete(d);
    vep_migration_free(m);
    vep_engine_free(e);
}

/* Version 2 refuses the old document and scores the migrated one, whose
** result records the migration; migrating twice gives the same bytes. */
static void test_score_migrated(void **state)
{
    vep_engine *e = NULL;
    vep_migration *m;
    vep_instrument *v2;
    char *raw = NULL, *raw2 = NULL, *old, *out = NULL, *res;
    const cJSON *rec;
    cJSON *d, *r;
    (void)state;
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    m = load_migration(e, MIGRATION);
    v2 = fx_load_file(e, SCREEN_V2);
    old = fx_read(fx_path(POSITIVE), NULL);
    assert_int_equal(vep_score(&out, v2, old, strlen(old)), VEP_ERR_ASSESSMENT);
    assert_null(out);
    assert_true(fx_find(e, "wrong_version", NULL) >= 0);
    assert_non_null(strstr(vep_diag_get(e, (size_t)fx_find(e, "wrong_version", NULL), VEP_DIAG_MESSAGE),
                           "vep migrate"));
    d = migrate_file(m, POSITIVE, &raw);
    cJSON_Delete(migrate_file(m, POSITIVE, &raw2));
    assert_string_equal(raw, raw2);
    res = fx_score_copy(v2, raw);
    r = cJSON_Parse(res);
    assert_non_null(r);
    rec = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(r, "instrument"), "migrations"), 0);
    assert_non_null(rec);
    assert_string_equal(fx_jstr(rec, "id"), "vep-screen-1-to-2");
    assert_string_equal(fx_jstr(rec, "sha256"), vep_migration_sha256(m));
    assert_null(cJSON_GetObjectItem(rec, "changes"));
    cJSON_Delete(r);
    cJSON_Delete(d);
    free(res);
    free(raw);
    free(raw2);
    free(old);
    vep_instrument_free(v2);
    vep_migration_free(m);
    vep_engine_free(e);
}

/* Migrates `doc` with the migration `src`; expects `st` and, unless NULL,
** a diagnostic with rule `rule` at `path`. */
static void expect(const char *src, const char *doc, vep_status st, const char *rule,
                   const char *path)
{
    vep_engine *e = NULL;
    vep_migration *m = NULL;
    char *out = NULL;
    size_t i, n;
    int found = 0;
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    if (doc == NULL) {
        assert_int_equal(vep_migration_load_buffer(&m, e, "m.lua", src, strlen(src)), st);
        assert_null(m);
    } else {
        if (vep_migration_load_buffer(&m, e, "m.lua", src, strlen(src)) != VEP_OK) {
            fx_dump(e);
            fail_msg("migration did not load");
        }
        assert_int_equal(vep_migrate(&out, m, doc, strlen(doc)), st);
        assert_null(out);
    }
    n = vep_diag_count(e);
    for (i = 0; i < n; i++)
        if (strcmp(vep_diag_get(e, i, VEP_DIAG_RULE), rule) == 0 &&
            (path == NULL || strcmp(vep_diag_get(e, i, VEP_DIAG_PATH), path) == 0))
            found = 1;
    if (!found) {
        fx_dump(e);
        fail_msg("no diagnostic %s at %s", rule, path ? path : "*");
    }
    vep_migration_free(m);
    vep_engine_free(e);
}

#define HEAD "migration { id = \"m\", version = \"1.0.0\", from = { id = \"t\", version = \"1.x\" }, " \
             "to = { id = \"t\", version = \"2.0.0\" } }\n"
#define DOC(answers) "{\"instrument\": {\"id\": \"t\", \"version\": \"1.3.0\"}, \"answers\": {" answers "}}"

static void test_errors(void **state)
{
    (void)state;
    /* the script */
    expect("migration { id = \"m\", version = \"1.0.0\", to = { id = \"t\", version = \"2.0.0\" } }",
           NULL, VEP_ERR_DEFINITION, "missing_field", NULL);
    expect("migration { id = \"m\", version = \"1.0.0\", from = { id = \"t\", version = \"one\" }, "
           "to = { id = \"t\", version = \"2.0.0\" } }", NULL, VEP_ERR_DEFINITION, "invalid_value", NULL);
    expect(HEAD "rename \"A\" { }", NULL, VEP_ERR_DEFINITION, "missing_field", NULL);
    expect(HEAD "split \"A\" { into = { \"A1\", \"A2\" }, map = { yes = { A1 = \"yes\" } } }",
           NULL, VEP_ERR_DEFINITION, "missing_field", NULL);
    expect(HEAD "merge \"A\" { from = { \"A\" }, order = { \"no\", \"yes\" } }",
           NULL, VEP_ERR_DEFINITION, "missing_field", NULL);
    expect(HEAD "add \"Z\" { }", NULL, VEP_ERR_DEFINITION, "missing_field", NULL);
    /* the value's state is read raw: a metatable's __index is not asked */
    expect(HEAD "add \"Z\" { value = setmetatable({}, { __index = function() return \"unknown\" end }) }",
           NULL, VEP_ERR_DEFINITION, "missing_field", NULL);
    expect(HEAD "recode \"A\" { map = { yes = 1 } }", NULL, VEP_ERR_DEFINITION, "wrong_type", NULL);
    expect(HEAD "recode \"A\" { mapping = { } }", NULL, VEP_ERR_DEFINITION, "unknown_field", NULL);
    expect("rename \"A\" { to = \"B\" }", NULL, VEP_ERR_DEFINITION, "missing_field", NULL);
    expect("instrument { id = \"x\", version = \"1.0.0\", languages = { \"en\" }, title = \"x\" }",
           NULL, VEP_ERR_SCRIPT, "wrong_script_kind", NULL);
    /* the document */
    expect(HEAD, "{\"instrument\": ", VEP_ERR_ASSESSMENT, "json_syntax", "$");
    expect(HEAD, "{\"instrument\": {\"id\": \"u\", \"version\": \"1.0.0\"}, \"answers\": {}}",
           VEP_ERR_ASSESSMENT, "wrong_instrument", "$.instrument.id");
    expect(HEAD, "{\"instrument\": {\"id\": \"t\", \"version\": \"2.0.0\"}, \"answers\": {}}",
           VEP_ERR_ASSESSMENT, "wrong_version", "$.instrument.version");
    expect(HEAD, "{\"instrument\": {\"id\": \"t\", \"version\": \"1.0.0\"}}",
           VEP_ERR_ASSESSMENT, "missing_field", "$.answers");
    expect(HEAD "recode \"A\" { map = { yes = \"y\" } }", DOC("\"A\": {\"value\": \"maybe\"}"),
           VEP_ERR_ASSESSMENT, "not_mapped", "$.answers.A.value");
    expect(HEAD "rename \"A\" { to = \"B\" }", DOC("\"A\": {\"value\": \"x\"}, \"B\": {\"value\": \"y\"}"),
           VEP_ERR_ASSESSMENT, "migration_conflict", "$.answers.B");
    expect(HEAD "merge \"C\" { from = { \"A\", \"B\" }, order = { \"no\", \"yes\" } }",
           DOC("\"A\": {\"value\": \"no\"}, \"B\": {\"value\": \"perhaps\"}"),
           VEP_ERR_ASSESSMENT, "not_mapped", "$.answers.B.value");
    expect(HEAD "judgement { map = { low = \"l\" } }",
           "{\"instrument\": {\"id\": \"t\", \"version\": \"1.0.0\"}, \"answers\": {}, \"judgement\": {\"level\": \"high\"}}",
           VEP_ERR_ASSESSMENT, "not_mapped", "$.judgement.level");
}

/* Merge and recode rules on small documents. */
static void test_merge_rules(void **state)
{
    static const char src[] = HEAD
        "merge \"C\" { from = { \"A\", \"B\" }, order = { \"low\", \"mid\", \"high\" } }\n"
        "recode \"M\" { map = { x = \"y\", z = \"unknown\" } }\n";
    static const struct { const char *doc, *key, *want; } cases[] = {
        { DOC("\"A\": {\"value\": \"low\"}, \"B\": {\"value\": \"mid\"}"), "value", "mid" },
        { DOC("\"A\": {\"value\": \"high\"}, \"B\": {\"status\": \"unknown\"}"), "value", "high" },
        { DOC("\"A\": {\"value\": \"low\"}, \"B\": {\"status\": \"unknown\"}"), "status", "unknown" },
        { DOC("\"A\": {\"status\": \"not_applicable\"}, \"B\": {\"status\": \"not_applicable\"}"), "status", "not_applicable" },
    };
    vep_engine *e = NULL;
    vep_migration *m = NULL;
    size_t i;
    (void)state;
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    assert_int_equal(vep_migration_load_buffer(&m, e, "m.lua", src, strlen(src)), VEP_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        cJSON *d;
        assert_int_equal(vep_migrate(&out, m, cases[i].doc, strlen(cases[i].doc)), VEP_OK);
        d = cJSON_Parse(out);
        assert_string_equal(fx_jstr(answer(d, "C"), cases[i].key), cases[i].want);
        assert_null(answer(d, "A"));
        cJSON_Delete(d);
        vep_free(out);
    }
    {   /* the merged answer takes the place of the first item merged, also
        ** when another one came before it */
        const char *doc = DOC("\"B\": {\"value\": \"low\"}, \"X\": {\"value\": \"x\"}, "
                              "\"A\": {\"value\": \"mid\"}, \"Y\": {\"value\": \"y\"}");
        const cJSON *ans;
        char *out = NULL;
        cJSON *d;
        assert_int_equal(vep_migrate(&out, m, doc, strlen(doc)), VEP_OK);
        d = cJSON_Parse(out);
        ans = cJSON_GetObjectItem(d, "answers");
        assert_int_equal(cJSON_GetArraySize(ans), 3);
        assert_string_equal(cJSON_GetArrayItem(ans, 0)->string, "X");
        assert_string_equal(cJSON_GetArrayItem(ans, 1)->string, "C");
        assert_string_equal(cJSON_GetArrayItem(ans, 2)->string, "Y");
        assert_string_equal(fx_jstr(answer(d, "C"), "value"), "mid");
        cJSON_Delete(d);
        vep_free(out);
    }
    {   /* a multi answer recodes each code; a code mapped to a state becomes it */
        const char *doc = DOC("\"M\": {\"value\": [\"x\", \"x\"]}");
        char *out = NULL;
        cJSON *d;
        assert_int_equal(vep_migrate(&out, m, doc, strlen(doc)), VEP_OK);
        d = cJSON_Parse(out);
        assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(answer(d, "M"), "value"), 1)->valuestring, "y");
        cJSON_Delete(d);
        vep_free(out);
        doc = DOC("\"M\": {\"value\": \"z\"}");
        assert_int_equal(vep_migrate(&out, m, doc, strlen(doc)), VEP_OK);
        d = cJSON_Parse(out);
        assert_string_equal(fx_jstr(answer(d, "M"), "status"), "unknown");
        cJSON_Delete(d);
        vep_free(out);
    }
    vep_migration_free(m);
    vep_engine_free(e);
}

/* Out of memory at every allocation while migrating.  The migration
** under test is reached through the op's `ins` slot (a test of instruments
** keeps its instrument there). */
static vep_status run_migrate(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_migrate(&op->out, (vep_migration *)(void *)op->ins, op->doc, strlen(op->doc));
}

/* Loading a migration under out of memory: the steps' code maps are read
** into sorted tables, and a copy that fails must not leave a NULL code
** for the sort to compare. */
static vep_status run_load_migration(fx_oom_op *op)
{
    vep_migration *m = NULL;
    vep_status st = vep_migration_load_file(&m, op->e, op->path);
    op->made = (vep_instrument *)(void *)m;
    return st;
}

static char *finish_load_migration(fx_oom_op *op)
{
    vep_migration *m = (vep_migration *)(void *)op->made;
    char *sig = strdup(vep_migration_sha256(m));
    assert_non_null(sig);
    vep_migration_free(m);
    op->made = NULL;
    return sig;
}

static void test_oom(void **state)
{
    char *doc = fx_read(fx_path(POSITIVE), NULL);
    int persistent;
    (void)state;
    for (persistent = 0; persistent < 2; persistent++) {
        fx_oom_op *op = fx_oom_new(NULL);
        snprintf(op->path, sizeof op->path, "%s", fx_path(MIGRATION));
        op->ok = VEP_OK;
        op->run = run_load_migration;
        op->finish = finish_load_migration;
        fx_oom_loop(op, "loading a migration", persistent);
        fx_oom_free(op);
    }
    for (persistent = 0; persistent < 2; persistent++) {
        fx_oom_op *op = fx_oom_new(NULL);
        vep_migration *m = load_migration(op->e, MIGRATION);
        op->ins = (vep_instrument *)(void *)m;
        op->ok = VEP_OK;
        op->doc = doc;
        op->run = run_migrate;
        op->finish = fx_finish_out;
        fx_oom_loop(op, "migrating", persistent);
        op->ins = NULL;
        vep_migration_free(m);
        fx_oom_free(op);
    }
    free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps),
        cmocka_unit_test(test_score_migrated),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_merge_rules),
        cmocka_unit_test(test_oom),
    };
    fx_filter();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
