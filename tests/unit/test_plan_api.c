/*
** test_plan_api.c -- plans through the public API: from an assessment to a
** dated, explained, multi-agency plan in one call and from a saved
** result; need-to-know views; malformed contexts and results; hostile
** plan scripts; byte-stable output; out-of-memory at every allocation.
*/
#include "api_fixture.h"
#include <cjson/cJSON.h>

#define RNA "instruments/rna/vep-rna.lua"
#define SCREEN "instruments/screening/vep-screen.lua"
#define PLAN "instruments/plans/vep-plan-rna.lua"
#define RNA_DOC "examples/assessments/rna-example.json"
#define SCREEN_DOC "examples/assessments/screen-positive.json"
#define CONTEXT "examples/cases/rna-example.context.json"

/* Loads the bundled RNA plan, which must succeed. */
static vep_plan *load_plan(vep_engine *e)
{
    vep_plan *p = NULL;
    if (vep_plan_load_file(&p, e, fx_path(PLAN)) != VEP_OK) {
        fx_dump(e);
        fail_msg("cannot load %s", PLAN);
    }
    return p;
}

/* A file of the source tree, read whole (freed with free()). */
static char *slurp(const char *rel, size_t *len)
{
    char *s = fx_read(fx_path(rel), len);
    assert_non_null(s);
    return s;
}

/* The plan for the example, from the result: parsed. */
static cJSON *example_plan(vep_engine *e, vep_plan *p, const char *agency)
{
    vep_instrument *ins = fx_load_file(e, RNA);
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    size_t alen, clen;
    char *doc = slurp(RNA_DOC, &alen), *ctx = slurp(CONTEXT, &clen);
    char *result = NULL, *plan = NULL;
    cJSON *j;

    o.agency = agency;
    assert_int_equal(vep_score(&result, ins, doc, alen), VEP_OK);
    if (vep_plan_evaluate(&plan, p, result, strlen(result), ctx, clen, &o) != VEP_OK) {
        fx_dump(e);
        fail_msg("plan evaluation failed");
    }
    j = cJSON_Parse(plan);
    assert_non_null(j);
    vep_free(plan);
    vep_free(result);
    free(doc);
    free(ctx);
    vep_instrument_free(ins);
    return j;
}

/* The object in array `arr` whose `key` is `value`, or NULL. */
static const cJSON *find_by(const cJSON *arr, const char *key, const char *value)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, key);
        if (cJSON_IsString(v) && strcmp(v->valuestring, value) == 0)
            return e;
    }
    return NULL;
}

static const char *str_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* ---- From assessment to plan ----------------------------------------- */

static void test_assess_in_one_call_equals_plan_from_result(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    vep_plan *p = load_plan(e);
    size_t alen, clen;
    char *doc = slurp(RNA_DOC, &alen), *ctx = slurp(CONTEXT, &clen);
    char *result = NULL, *plan = NULL, *both = NULL;
    cJSON *jr, *jp, *jb;
    (void)state;

    assert_string_equal(vep_plan_id(p), "vep-plan-rna");
    assert_string_equal(vep_plan_version(p), "1.0.0");
    assert_string_equal(vep_plan_instrument(p), "vep-rna");
    assert_int_equal(strlen(vep_plan_sha256(p)), 64);
    assert_int_equal(vep_score(&result, ins, doc, alen), VEP_OK);
    assert_int_equal(vep_plan_evaluate(&plan, p, result, strlen(result), ctx, clen, NULL), VEP_OK);
    assert_int_equal(vep_assess(&both, ins, p, doc, alen, ctx, clen, NULL), VEP_OK);
    jr = cJSON_Parse(result);
    jp = cJSON_Parse(plan);
    jb = cJSON_Parse(both);
    assert_non_null(jb);
    assert_true(cJSON_Compare(cJSON_GetObjectItemCaseSensitive(jb, "result"), jr, 1));
    assert_true(cJSON_Compare(cJSON_GetObjectItemCaseSensitive(jb, "plan"), jp, 1));
    cJSON_Delete(jr);
    cJSON_Delete(jp);
    cJSON_Delete(jb);
    vep_free(result);
    vep_free(plan);
    vep_free(both);
    free(doc);
    free(ctx);
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_example_plan_is_dated_and_explained(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_plan(e);
    cJSON *j = example_plan(e, p, NULL);
    const cJSON *ivs, *iv, *rules, *pre, *steps, *re, *post;
    (void)state;

    assert_string_equal(str_at(j, "as_of"), "2026-06-20");
    assert_string_equal(str_at(cJSON_GetObjectItemCaseSensitive(j, "risk"), "final"), "moderate");
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(j, "view")));
    /* PSY-IND comes from two rules (B02 high; final level moderate), merged. */
    ivs = cJSON_GetObjectItemCaseSensitive(j, "interventions");
    iv = find_by(ivs, "id", "PSY-IND");
    assert_non_null(iv);
    assert_int_equal(cJSON_GetObjectItemCaseSensitive(iv, "priority")->valueint, 1);
    assert_string_equal(str_at(iv, "start"), "2026-06-20");
    assert_string_equal(str_at(iv, "review"), "2026-09-20");
    assert_string_equal(str_at(iv, "end"), "2026-11-30");
    assert_string_equal(str_at(iv, "agency"), "treatment");
    assert_string_equal(str_at(iv, "intensity"), "fortnightly session");
    rules = cJSON_GetObjectItemCaseSensitive(iv, "rules");
    assert_int_equal(cJSON_GetArraySize(rules), 2);
    assert_string_equal(str_at(cJSON_GetArrayItem(rules, 0), "rule"), "R02-grievance");
    assert_string_equal(str_at(cJSON_GetArrayItem(rules, 1), "rule"), "R03-risk");
    assert_string_equal(str_at(cJSON_GetArrayItem(rules, 0), "file"), "vep-plan-rna.lua");
    assert_non_null(strstr(str_at(cJSON_GetArrayItem(rules, 0), "because"), "B02"));
    /* Release 2026-11-30: the window opened 2026-05-30. */
    pre = cJSON_GetObjectItemCaseSensitive(j, "pre_release");
    assert_string_equal(str_at(pre, "state"), "open");
    assert_string_equal(str_at(pre, "opens"), "2026-05-30");
    steps = cJSON_GetObjectItemCaseSensitive(pre, "steps");
    assert_string_equal(str_at(find_by(steps, "step", "release_risk_assessment"), "status"), "overdue");
    assert_string_equal(str_at(find_by(steps, "step", "release_risk_assessment"), "due"), "2026-05-30");
    assert_string_equal(str_at(find_by(steps, "step", "release_conditions"), "due"), "2026-10-30");
    assert_string_equal(str_at(find_by(steps, "step", "release_conditions"), "agency"), "probation");
    /* Reassessment: the transfer of 2026-06-18 brings it forward from
    ** 2026-12-15 (six months after the assessment) to 2026-07-18. */
    re = cJSON_GetObjectItemCaseSensitive(j, "reassessment");
    assert_string_equal(str_at(re, "due"), "2026-07-18");
    assert_non_null(find_by(cJSON_GetObjectItemCaseSensitive(re, "candidates"), "date", "2026-12-15"));
    post = cJSON_GetObjectItemCaseSensitive(j, "post_release");
    assert_string_equal(str_at(post, "supervisor"), "probation");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(post, "reviews"), 0)->valuestring,
                        "2027-02-28");   /* three months after release */
    cJSON_Delete(j);
    vep_plan_free(p);
    vep_engine_free(e);
}

/* ---- Need to know ------------------------------------------------------ */

static void test_agency_views_hold_only_what_they_may_see(void **state)
{
    static const char *const header[] = {
        "libvep", "plan", "instrument", "subject", "assessment_date", "as_of",
        "language", "view", "notice", NULL
    };
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_plan(e);
    cJSON *police = example_plan(e, p, "police");
    cJSON *health = example_plan(e, p, "health");
    const cJSON *k, *iv, *r;
    size_t i;
    (void)state;

    cJSON_ArrayForEach(k, police) {
        int known = strcmp(k->string, "post_release") == 0;
        for (i = 0; header[i]; i++)
            known |= strcmp(k->string, header[i]) == 0;
        if (!known)
            fail_msg("the police view holds '%s'", k->string);
    }
    assert_non_null(cJSON_GetObjectItemCaseSensitive(police, "post_release"));
    /* Without "reasons" a rule shows its id only: titles may quote answers. */
    cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(
                              cJSON_GetObjectItemCaseSensitive(police, "post_release"), "rules")) {
        assert_non_null(cJSON_GetObjectItemCaseSensitive(r, "rule"));
        assert_null(cJSON_GetObjectItemCaseSensitive(r, "title"));
        assert_null(cJSON_GetObjectItemCaseSensitive(r, "because"));
    }
    assert_string_equal(str_at(police, "view"), "police");
    assert_null(cJSON_GetObjectItemCaseSensitive(health, "risk"));
    assert_null(cJSON_GetObjectItemCaseSensitive(health, "placement"));
    cJSON_ArrayForEach(iv, cJSON_GetObjectItemCaseSensitive(health, "interventions")) {
        assert_string_equal(str_at(iv, "agency"), "health");
        cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(iv, "rules"))
            assert_null(cJSON_GetObjectItemCaseSensitive(r, "because"));
    }
    cJSON_Delete(police);
    cJSON_Delete(health);
    vep_plan_free(p);
    vep_engine_free(e);
}

static void test_unknown_agency_or_language_is_an_argument_error(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_plan(e);
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    char *out = (char *)&out;
    (void)state;

    o.agency = "press";
    assert_int_equal(vep_plan_evaluate(&out, p, "{}", 2, "{}", 2, &o), VEP_ERR_ARGUMENT);
    assert_null(out);
    assert_non_null(strstr(vep_engine_errmsg(e), "'press'"));
    assert_non_null(strstr(vep_engine_errmsg(e), "police"));
    o.agency = NULL;
    o.language = "Serbian";   /* not a tag (a language it lacks falls back) */
    assert_int_equal(vep_plan_evaluate(&out, p, "{}", 2, "{}", 2, &o), VEP_ERR_ARGUMENT);
    assert_non_null(strstr(vep_engine_errmsg(e), "'Serbian'"));
    assert_non_null(strstr(vep_engine_errmsg(e), "sr-Latn"));
    o.language = NULL;
    o.version = 99;
    assert_int_equal(vep_plan_evaluate(&out, p, "{}", 2, "{}", 2, &o), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_plan_evaluate(NULL, p, "{}", 2, "{}", 2, NULL), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_plan_evaluate(&out, NULL, "{}", 2, "{}", 2, NULL), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_assess(&out, NULL, p, "{}", 2, "{}", 2, NULL), VEP_ERR_ARGUMENT);
    vep_plan_free(p);
    vep_engine_free(e);
}

/* ---- Malformed input -------------------------------------------------- */

/* Whether a diagnostic of the last call has this rule and path. */
static int has_diag(const vep_engine *e, const char *rule, const char *path)
{
    size_t i;
    for (i = 0; i < vep_diag_count(e); i++)
        if (strcmp(vep_diag_get(e, i, VEP_DIAG_RULE), rule) == 0
            && (path == NULL || strcmp(vep_diag_get(e, i, VEP_DIAG_PATH), path) == 0))
            return 1;
    return 0;
}

static void test_malformed_context_reports_every_problem(void **state)
{
    static const char ctx[] =
        "{ \"as_of\": \"2026-02-30\", \"expected_relase\": \"2027-01-01\",\n"
        "  \"age\": \"old\", \"events\": [ { \"type\": \"riot\", \"date\": \"2026-01-01\" } ] }";
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    vep_plan *p = load_plan(e);
    size_t alen;
    char *doc = slurp(RNA_DOC, &alen), *out = NULL;
    (void)state;

    assert_int_equal(vep_assess(&out, ins, p, doc, alen, ctx, strlen(ctx), NULL), VEP_ERR_CONTEXT);
    assert_null(out);
    assert_true(vep_diag_count(e) >= 4);
    assert_true(has_diag(e, "invalid_date", "$.as_of"));
    assert_true(has_diag(e, "unknown_field", NULL));
    assert_true(has_diag(e, "wrong_type", "$.age"));
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_FILE), "context");
    assert_non_null(strstr(vep_engine_errmsg(e), "context"));
    /* Not JSON at all. */
    assert_int_equal(vep_assess(&out, ins, p, doc, alen, "{ \"as_of\": ", 11, NULL), VEP_ERR_CONTEXT);
    assert_true(has_diag(e, "json_syntax", NULL));
    free(doc);
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_each_malformed_context_names_rule_and_path(void **state)
{
    static const struct { const char *ctx, *rule, *path; } cases[] = {
        { "{}", "missing_field", "$.as_of" },
        { "{ \"as_of\": 20260620 }", "wrong_type", "$.as_of" },
        { "{ \"as_of\": \"2026-13-01\" }", "invalid_date", "$.as_of" },
        { "{ \"as_of\": \"2025-02-29\" }", "invalid_date", "$.as_of" },
        { "{ \"as_of\": \"2026-06-20\", \"expected_release\": \"2026-6-1\" }", "invalid_date", "$.expected_release" },
        { "{ \"as_of\": \"2026-06-20\", \"sentence_start\": \"2026-01-01\", \"expected_release\": \"2025-01-01\" }",
          "release_before_start", "$.expected_release" },
        { "{ \"as_of\": \"2026-06-20\", \"age\": 34.5 }", "invalid_value", "$.age" },
        { "{ \"as_of\": \"2026-06-20\", \"age\": -1 }", "invalid_value", "$.age" },
        { "{ \"as_of\": \"2026-06-20\", \"conditional_release\": \"yes\" }", "wrong_type", "$.conditional_release" },
        { "{ \"as_of\": \"2026-06-20\", \"language\": \"serbian!\" }", "invalid_value", "$.language" },
        { "{ \"as_of\": \"2026-06-20\", \"regime\": \"\" }", "wrong_type", "$.regime" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": [] }", "wrong_type", "$.programmes" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": { \"done\": [] } }", "unknown_field", "$.programmes.done" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": { \"completed\": [ { \"date\": \"2026-01-01\" } ] } }",
          "missing_field", "$.programmes.completed[0]" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"type\": \"riot\", \"date\": \"2026-01-01\" } ] }",
          "unknown_event", "$.events[0].type" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"type\": \"incident\", \"date\": \"2026-07-01\" } ] }",
          "event_after_as_of", "$.events[0].date" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"type\": \"incident\" } ] }", "missing_field", "$.events[0].date" },
        { "{ \"as_of\": \"2026-06-20\", \"custom\": { \"x\": [1] } }", "wrong_type", "$.custom.x" },
        { "{ \"as_of\": \"2026-06-20\", \"expected_relase\": \"2027-01-01\" }", "unknown_field", "$.expected_relase" },
        { "[ \"2026-06-20\" ]", "wrong_type", "$" },
        { "", "json_syntax", "$" },
        { "{ \"as_of\": \"2026-06-20\" ", "json_syntax", "$" },
        { "{ \"as_of\": \"2026-06-20\" } x", "json_syntax", "$" },
        { "{ \"as_of\": \"2026-06-20\", \"as_of\": \"2027-01-01\" }", "duplicate_key", "$.as_of" },
        { "{ \"as_of\": \"2026-06-01\" }", "as_of_before_assessment", "$.as_of" },
        { "{ \"as_of\": \"2026-06-20\", \"custom\": { \"age\": -5 } }", "reserved_name", "$.custom.age" },
    };
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    vep_plan *p = load_plan(e);
    size_t alen, i;
    char *doc = slurp(RNA_DOC, &alen), *result = NULL, *out;
    (void)state;

    assert_int_equal(vep_score(&result, ins, doc, alen), VEP_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        out = (char *)&out;
        assert_int_equal(vep_plan_evaluate(&out, p, result, strlen(result), cases[i].ctx,
                                           strlen(cases[i].ctx), NULL), VEP_ERR_CONTEXT);
        assert_null(out);
        if (!has_diag(e, cases[i].rule, cases[i].path)) {
            fx_dump(e);
            fail_msg("case %zu: no %s at %s", i, cases[i].rule, cases[i].path);
        }
    }
    vep_free(result);
    free(doc);
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_result_of_another_instrument_is_refused(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, SCREEN);
    vep_plan *p = load_plan(e);
    size_t alen, clen;
    char *doc = slurp(SCREEN_DOC, &alen), *ctx = slurp(CONTEXT, &clen);
    char *result = NULL, *out = NULL;
    (void)state;

    assert_int_equal(vep_score(&result, ins, doc, alen), VEP_OK);
    assert_int_equal(vep_plan_evaluate(&out, p, result, strlen(result), ctx, clen, NULL),
                     VEP_ERR_ASSESSMENT);
    assert_true(has_diag(e, "wrong_instrument", NULL));
    assert_int_equal(vep_plan_evaluate(&out, p, "[1, 2]", 6, ctx, clen, NULL), VEP_ERR_ASSESSMENT);
    assert_true(has_diag(e, "not_a_result", NULL));
    {   /* a second judgement is not silently ignored; nor an empty one */
        static const char twice[] = "{ \"libvep\": \"0.1.0\", \"instrument\": { \"id\": \"vep-rna\" }, "
            "\"answers\": [], \"judgement\": { \"final\": \"low\" }, \"judgement\": { \"final\": \"high\" } }";
        static const char empty[] = "{ \"libvep\": \"0.1.0\", \"instrument\": { \"id\": \"vep-rna\" }, "
            "\"answers\": [], \"assessment\": { \"date\": \"x\" }, \"judgement\": { \"final\": \"\" } }";
        assert_int_equal(vep_plan_evaluate(&out, p, twice, strlen(twice), ctx, clen, NULL), VEP_ERR_ASSESSMENT);
        assert_true(has_diag(e, "duplicate_key", "$.judgement"));
        assert_int_equal(vep_plan_evaluate(&out, p, empty, strlen(empty), ctx, clen, NULL), VEP_ERR_ASSESSMENT);
        assert_true(has_diag(e, "no_final_judgement", "$.judgement.final"));
        assert_true(has_diag(e, "invalid_date", "$.assessment.date"));
    }
    vep_free(result);
    free(doc);
    free(ctx);
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* ---- Hostile plan scripts --------------------------------------------- */

#define PLAN_HEAD "plan { id = \"x\", version = \"1.0.0\", instrument = \"vep-rna\", languages = { \"en\" } }\n"

static void test_hostile_plan_scripts_are_contained(void **state)
{
    static const struct { const char *src; vep_status want; } cases[] = {
        { PLAN_HEAD "while true do end", VEP_ERR_LIMIT_INSTRUCTIONS },
        { PLAN_HEAD "local t = {} for i = 1, 1e9 do t[i] = { i, i, i, i } end", VEP_ERR_LIMIT_MEMORY },
        { PLAN_HEAD "local s = string.rep('x', 1 << 30)", VEP_ERR_LIMIT_INSTRUCTIONS },  /* charged before it runs */
        { PLAN_HEAD "io.open('/etc/passwd')", VEP_ERR_SCRIPT },
        { PLAN_HEAD "os.execute('id')", VEP_ERR_SCRIPT },
        { PLAN_HEAD "local x = os.time()", VEP_ERR_SCRIPT },
        { PLAN_HEAD "require 'os'", VEP_ERR_SCRIPT },
        { PLAN_HEAD "load('return 1')()", VEP_ERR_SCRIPT },
        { PLAN_HEAD "error('boom')", VEP_ERR_SCRIPT },
        { PLAN_HEAD "rule \"r\" { when = { risk = 'high' }, add = { intervention = 'NOPE' } }",
          VEP_ERR_DEFINITION },
        { "instrument { id = 'x', version = '1.0.0' }", VEP_ERR_SCRIPT },
    };
    vep_engine *e = fx_engine_with(NULL, 1u << 20, 2000000, 0);
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vep_plan *p = (vep_plan *)&p;
        vep_status st = vep_plan_load_buffer(&p, e, "hostile.lua", cases[i].src,
                                             strlen(cases[i].src));
        if (st != cases[i].want)
            fail_msg("case %zu: got %s, want %s (%s)", i, vep_status_name(st),
                     vep_status_name(cases[i].want), vep_engine_errmsg(e));
        assert_null(p);
        assert_true(vep_diag_count(e) >= 1 || st != VEP_ERR_DEFINITION);
        assert_true(vep_engine_errmsg(e)[0] != '\0');
    }
    vep_engine_free(e);
}

/* ---- Determinism and memory ------------------------------------------- */

static void test_same_input_same_bytes_whatever_ran_before(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    vep_plan *p = load_plan(e);
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    size_t alen, clen;
    char *doc = slurp(RNA_DOC, &alen), *ctx = slurp(CONTEXT, &clen);
    char *a = NULL, *b = NULL, *c = NULL;
    static const char other[] = "{ \"as_of\": \"2030-01-01\" }";
    (void)state;

    assert_int_equal(vep_assess(&a, ins, p, doc, alen, ctx, clen, NULL), VEP_OK);
    o.language = "sr-Latn";
    assert_int_equal(vep_assess(&c, ins, p, doc, alen, other, strlen(other), &o), VEP_OK);
    assert_int_equal(vep_assess(&b, ins, p, doc, alen, ctx, clen, NULL), VEP_OK);
    assert_string_equal(a, b);
    assert_non_null(strstr(c, "Individualni psihološki rad"));
    vep_free(a);
    vep_free(b);
    vep_free(c);
    free(doc);
    free(ctx);
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_out_of_memory_at_every_allocation(void **state)
{
    fx_alloc a;
    vep_engine *e;
    vep_instrument *ins;
    vep_plan *p;
    size_t alen, clen;
    char *doc = slurp(RNA_DOC, &alen), *ctx = slurp(CONTEXT, &clen), *out;
    unsigned long n, total, step;
    vep_status st;
    (void)state;

    memset(&a, 0, sizeof a);
    e = fx_engine_with(&a, 0, 0, 0);
    ins = fx_load_file(e, RNA);
    p = load_plan(e);
    fx_alloc_arm(&a, 0, 0);
    out = NULL;
    assert_int_equal(vep_assess(&out, ins, p, doc, alen, ctx, clen, NULL), VEP_OK);
    total = a.count;
    vep_free(out);
    step = fx_quick() && total > 200 ? total / 100 : 1;
    for (n = 1; n <= total; n += (n < 20 ? 1 : step)) {
        fx_alloc_arm(&a, n, 0);
        out = (char *)&out;
        st = vep_assess(&out, ins, p, doc, alen, ctx, clen, NULL);
        fx_alloc_disarm(&a);
        if (st == VEP_OK) {
            vep_free(out);
            continue;
        }
        assert_int_equal(st, VEP_ERR_NOMEM);
        assert_null(out);
    }
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
    assert_int_equal(a.live_blocks, 0);
    free(doc);
    free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assess_in_one_call_equals_plan_from_result),
        cmocka_unit_test(test_example_plan_is_dated_and_explained),
        cmocka_unit_test(test_agency_views_hold_only_what_they_may_see),
        cmocka_unit_test(test_unknown_agency_or_language_is_an_argument_error),
        cmocka_unit_test(test_malformed_context_reports_every_problem),
        cmocka_unit_test(test_each_malformed_context_names_rule_and_path),
        cmocka_unit_test(test_result_of_another_instrument_is_refused),
        cmocka_unit_test(test_hostile_plan_scripts_are_contained),
        cmocka_unit_test(test_same_input_same_bytes_whatever_ran_before),
        cmocka_unit_test(test_out_of_memory_at_every_allocation),
    };
    fx_run(tests);
}
