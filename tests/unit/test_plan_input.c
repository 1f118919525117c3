/*
** test_plan_input.c -- the readers of a plan's facts (plan_input.c,
** plan_context.c, plan_compact.c): the RNA example's result as vep_score
** writes it, results that are of another instrument, without a final
** judgement or not JSON; a full case context and malformed ones, each
** with its rule and JSON path; the compact form of plan test cases; and
** out of memory at every allocation, with nothing leaked.
*/
#include "api_fixture.h"
#include "plan.h"
#include "alloc.h"
#include "diag.h"

#define RNA "instruments/rna/vep-rna.lua"
#define RNA_DOC "examples/assessments/rna-example.json"

/* The reading state of one test: a counting allocator and diagnostics. */
typedef struct rd {
    fx_alloc fa;
    vep_alloc a;
    vep_diags d;
    vep_plan_facts f;
} rd;

/* Sets up a counting allocator, empty diagnostics and empty facts. */
static void rd_init(rd *r)
{
    vep_allocator h;
    memset(r, 0, sizeof *r);
    h = fx_allocator(&r->fa);
    vep__alloc_init(&r->a, &h);
    vep__diags_init(&r->d, &r->a);
}

/* Frees the facts and diagnostics and checks that nothing is left. */
static void rd_done(rd *r)
{
    vep__plan_facts_free(&r->a, &r->f);
    vep__diags_free(&r->d);
    assert_int_equal(r->fa.live_blocks, 0);
}

/* Prints the diagnostics (shown when a test fails). */
static void rd_dump(const rd *r)
{
    size_t i;
    for (i = 0; i < r->d.n; i++)
        fprintf(stderr, "  [%zu] %s path=%s item=%s rule=%s: %s\n", i,
                r->d.v[i].file, r->d.v[i].path, r->d.v[i].item, r->d.v[i].rule,
                r->d.v[i].message);
}

/* The first diagnostic with this rule (and path when not NULL), or NULL. */
static const vep_diagnostic *rd_find(const rd *r, const char *rule, const char *path)
{
    size_t i;
    for (i = 0; i < r->d.n; i++)
        if (strcmp(r->d.v[i].rule, rule) == 0
            && (path == NULL || strcmp(r->d.v[i].path, path) == 0))
            return &r->d.v[i];
    return NULL;
}

/* Asserts a diagnostic with rule and path exists; returns it. */
static const vep_diagnostic *rd_expect(const rd *r, const char *rule, const char *path)
{
    const vep_diagnostic *g = rd_find(r, rule, path);
    if (g == NULL) {
        rd_dump(r);
        fail_msg("no diagnostic %s at %s", rule, path ? path : "*");
    }
    return g;
}

/* The RNA example scored through the public API (free with vep_free). */
static char *rna_result(void)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    size_t len;
    char *doc = fx_read(fx_path(RNA_DOC), &len), *result = NULL;
    assert_non_null(doc);
    assert_int_equal(vep_score(&result, ins, doc, len), VEP_OK);
    free(doc);
    vep_instrument_free(ins);
    vep_engine_free(e);
    return result;
}

/* Reads `json` as a result of instrument "vep-rna". */
static vep_status read_result(rd *r, const char *json)
{
    return vep__plan_read_result(&r->a, &r->d, "vep-rna", json, strlen(json), &r->f);
}

/* Reads `json` as a case context. */
static vep_status read_context(rd *r, const char *json)
{
    return vep__plan_read_context(&r->a, &r->d, json, strlen(json), &r->f);
}

/* Reads `json` in the compact form of plan test cases. */
static vep_status read_test(rd *r, const char *json)
{
    return vep__plan_read_test_facts(&r->a, &r->d, json, strlen(json), &r->f);
}

/* ---- The result ------------------------------------------------------ */

static void test_rna_result_gives_its_facts(void **state)
{
    char *result = rna_result();
    const vep_fact *x;
    rd r;
    (void)state;

    rd_init(&r);
    if (read_result(&r, result) != VEP_OK) {
        rd_dump(&r);
        fail_msg("the RNA example's result was refused");
    }
    assert_int_equal(r.d.n, 0);
    assert_string_equal(r.f.instrument_id, "vep-rna");
    assert_non_null(r.f.instrument_version);
    assert_int_equal(strlen(r.f.instrument_sha256), 64);
    assert_non_null(r.f.subject_id);
    assert_non_null(r.f.assessment_date);
    assert_string_equal(r.f.risk, "moderate");
    assert_null(r.f.advisory);           /* the RNA has no computed level */

    assert_true(r.f.nanswers > 10);
    assert_string_equal(r.f.answers[0].id, "B01");      /* model order */
    x = vep__fact_find(r.f.answers, r.f.nanswers, "B01");
    assert_non_null(x);
    assert_string_equal(x->state, "value");
    assert_string_equal(x->code, "moderate");
    assert_true(x->has_number);
    assert_true(x->number == 1);
    x = vep__fact_find(r.f.answers, r.f.nanswers, "B02");
    assert_string_equal(x->code, "high");
    x = vep__fact_find(r.f.answers, r.f.nanswers, "I06");
    assert_non_null(x);
    assert_string_equal(x->state, "unknown");
    assert_null(x->code);
    assert_false(x->has_number);
    assert_null(vep__fact_find(r.f.answers, r.f.nanswers, "NOPE"));

    assert_true(r.f.nscores > 0);
    x = vep__fact_find(r.f.scores, r.f.nscores, r.f.scores[0].id);
    assert_ptr_equal(x, &r.f.scores[0]);
    assert_true(r.f.nflags > 0);
    for (size_t i = 0; i < r.f.nflags; i++) {
        assert_true(r.f.flags[i].has_number);
        assert_string_equal(r.f.flags[i].code, r.f.flags[i].number ? "true" : "false");
    }
    rd_done(&r);
    vep_free(result);
}

static void test_result_of_another_instrument(void **state)
{
    char *result = rna_result();
    const vep_diagnostic *g;
    rd r;
    (void)state;

    rd_init(&r);
    assert_int_equal(vep__plan_read_result(&r.a, &r.d, "vep-screen", result,
                                           strlen(result), &r.f), VEP_ERR_ASSESSMENT);
    g = rd_expect(&r, "wrong_instrument", "$.instrument.id");
    assert_string_equal(g->file, "result");
    assert_non_null(strstr(g->message, "vep-rna"));
    assert_non_null(strstr(g->message, "vep-screen"));
    rd_done(&r);

    rd_init(&r);   /* NULL: any instrument */
    assert_int_equal(vep__plan_read_result(&r.a, &r.d, NULL, result, strlen(result),
                                           &r.f), VEP_OK);
    rd_done(&r);
    vep_free(result);
}

static void test_result_without_final_judgement(void **state)
{
    static const char *const docs[] = {
        "{\"libvep\":\"0.1.0\",\"instrument\":{\"id\":\"vep-rna\"},\"scores\":[],"
        "\"levels\":[],\"flags\":[],\"judgement\":null,\"answers\":[]}",
        "{\"libvep\":\"0.1.0\",\"instrument\":{\"id\":\"vep-rna\"},\"scores\":[],"
        "\"levels\":[],\"flags\":[],\"judgement\":{\"advisory\":\"high\"},\"answers\":[]}",
        "{\"libvep\":\"0.1.0\",\"instrument\":{\"id\":\"vep-rna\"},\"scores\":[],"
        "\"levels\":[],\"flags\":[],\"answers\":[]}",
    };
    size_t i;
    rd r;
    (void)state;

    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        const vep_diagnostic *g;
        rd_init(&r);
        assert_int_equal(read_result(&r, docs[i]), VEP_ERR_ASSESSMENT);
        g = rd_expect(&r, "no_final_judgement", "$.judgement.final");
        assert_non_null(strstr(g->message, "final judgement"));
        assert_int_equal(r.d.n, 1);
        assert_null(r.f.risk);
        rd_done(&r);
    }
}

static void test_result_syntax_error_has_its_line(void **state)
{
    static const char bad[] = "{\n  \"libvep\": \"0.1.0\",\n  \"instrument\": {\"id\": \"x\"}\n"
                              "  \"scores\": []\n}\n";
    const vep_diagnostic *g;
    rd r;
    (void)state;

    rd_init(&r);
    assert_int_equal(read_result(&r, bad), VEP_ERR_ASSESSMENT);
    g = rd_expect(&r, "json_syntax", "$");
    assert_non_null(strstr(g->message, "line 4"));
    rd_done(&r);

    rd_init(&r);
    assert_int_equal(read_result(&r, "{\"a\": 1} trailing"), VEP_ERR_ASSESSMENT);
    g = rd_expect(&r, "json_syntax", "$");
    assert_non_null(strstr(g->message, "after the document"));
    rd_done(&r);

    rd_init(&r);
    assert_int_equal(read_result(&r, "[1, 2]"), VEP_ERR_ASSESSMENT);
    rd_expect(&r, "not_a_result", "$");
    rd_done(&r);

    rd_init(&r);
    assert_int_equal(read_result(&r, "{\"libvep\": \"0.1.0\"}"), VEP_ERR_ASSESSMENT);
    rd_expect(&r, "not_a_result", "$");
    rd_done(&r);
}

static void test_malformed_result_entries_have_paths(void **state)
{
    static const char doc[] =
        "{\"libvep\":\"0.1.0\",\"instrument\":{\"id\":\"vep-rna\",\"version\":3},"
        "\"assessment\":{\"subject\":\"s\",\"date\":\"2026-02-30\"},\"status\":\"odd\","
        "\"scores\":[{\"id\":\"a\",\"value\":\"1\"},{\"value\":2},{\"id\":\"a\",\"value\":1}],"
        "\"levels\":[{\"id\":\"l1\",\"level\":\"low\",\"band\":null},{\"id\":\"l2\",\"level\":1},"
        "{\"id\":\"l3\",\"level\":null,\"band\":\"wide\"}],"
        "\"flags\":[{\"id\":\"f\",\"raised\":\"yes\"},7],"
        "\"judgement\":{\"final\":\"low\"},"
        "\"answers\":[{\"item\":\"B01\",\"state\":\"maybe\"},{\"item\":\"B02\",\"state\":\"value\","
        "\"codes\":[\"x\",1]},{\"item\":\"D\",\"state\":\"value\",\"date\":\"2026-13-01\"}]}";
    const vep_diagnostic *g;
    rd r;
    (void)state;

    rd_init(&r);
    assert_int_equal(read_result(&r, doc), VEP_ERR_ASSESSMENT);
    rd_expect(&r, "wrong_type", "$.instrument.version");
    rd_expect(&r, "invalid_date", "$.assessment.date");
    rd_expect(&r, "invalid_value", "$.status");
    g = rd_expect(&r, "wrong_type", "$.scores[0].value");
    assert_string_equal(g->item, "a");
    rd_expect(&r, "missing_field", "$.scores[1].id");
    rd_expect(&r, "duplicate_id", "$.scores[2].id");
    rd_expect(&r, "wrong_type", "$.levels[1].level");
    rd_expect(&r, "wrong_type", "$.levels[2].band");
    rd_expect(&r, "wrong_type", "$.flags[0].raised");
    rd_expect(&r, "wrong_type", "$.flags[1]");
    g = rd_expect(&r, "invalid_value", "$.answers[0].state");
    assert_string_equal(g->item, "B01");
    rd_expect(&r, "wrong_type", "$.answers[1].codes[1]");
    rd_expect(&r, "invalid_date", "$.answers[2].date");
    assert_string_equal(r.f.risk, "low");
    assert_int_equal(r.f.answers[1].ncodes, 1);
    rd_done(&r);

    rd_init(&r);   /* a repeated member is not read as one of its values */
    assert_int_equal(read_result(&r, "{\"libvep\":\"0.1.0\",\"instrument\":{\"id\":\"vep-rna\"},"
                                     "\"scores\":[],\"levels\":[],\"flags\":[],\"answers\":[],"
                                     "\"judgement\":{\"final\":\"low\"},"
                                     "\"judgement\":{\"final\":\"high\"}}"),
                     VEP_ERR_ASSESSMENT);
    rd_expect(&r, "duplicate_key", "$.judgement");
    rd_done(&r);

    rd_init(&r);   /* a result from before the answers were written */
    assert_int_equal(read_result(&r, "{\"libvep\":\"0.1.0\",\"instrument\":{\"id\":\"vep-rna\"},"
                                     "\"scores\":[],\"levels\":[],\"flags\":[],"
                                     "\"judgement\":{\"final\":\"low\"}}"),
                     VEP_ERR_ASSESSMENT);
    rd_expect(&r, "missing_field", "$.answers");
    rd_done(&r);
}

/* ---- The case context ------------------------------------------------- */

static void test_full_context_gives_every_fact(void **state)
{
    static const char ctx[] =
        "{ \"as_of\": \"2026-06-20\", \"sentence_start\": \"2023-01-10\",\n"
        "  \"expected_release\": \"2026-11-30\", \"conditional_release\": true,\n"
        "  \"age\": 29, \"regime\": \"standard\", \"language\": \"sr-Latn\",\n"
        "  \"literacy\": \"adequate\",\n"
        "  \"programmes\": { \"completed\": [ { \"id\": \"VOCATIONAL\", \"date\": \"2025-11-01\" } ],\n"
        "                  \"refused\": [ { \"id\": \"DIALOGUE\", \"date\": \"2025-02-14\" },\n"
        "                               { \"id\": \"FAMILY\" } ] },\n"
        "  \"events\": [ { \"type\": \"incident\", \"date\": \"2026-06-01\" },\n"
        "              { \"type\": \"transfer\", \"date\": \"2026-06-20\" } ],\n"
        "  \"custom\": { \"zone\": \"north\", \"priority\": 2.5, \"escort\": false } }";
    static const char *const order[] = { "age", "conditional_release", "escort",
                                         "language", "literacy", "priority", "regime",
                                         "zone" };
    const vep_fact *x;
    size_t i;
    rd r;
    (void)state;

    rd_init(&r);
    if (read_context(&r, ctx) != VEP_OK) {
        rd_dump(&r);
        fail_msg("the full context was refused");
    }
    assert_string_equal(r.f.as_of, "2026-06-20");
    assert_string_equal(r.f.sentence_start, "2023-01-10");
    assert_string_equal(r.f.release_date, "2026-11-30");
    assert_string_equal(r.f.regime, "standard");
    assert_int_equal(r.f.ncompleted, 1);
    assert_string_equal(r.f.completed[0].id, "VOCATIONAL");
    assert_string_equal(r.f.completed[0].date, "2025-11-01");
    assert_int_equal(r.f.nrefused, 2);
    assert_string_equal(r.f.refused[1].id, "FAMILY");
    assert_null(r.f.refused[1].date);
    assert_int_equal(r.f.nevents, 2);
    assert_string_equal(r.f.events[0].id, "incident");
    assert_string_equal(r.f.events[1].date, "2026-06-20");

    assert_int_equal(r.f.ncontext, sizeof order / sizeof order[0]);
    for (i = 0; i < r.f.ncontext; i++)          /* sorted by id */
        assert_string_equal(r.f.context[i].id, order[i]);
    x = vep__fact_find(r.f.context, r.f.ncontext, "age");
    assert_true(x->has_number && x->number == 29);
    assert_string_equal(x->code, "29");
    x = vep__fact_find(r.f.context, r.f.ncontext, "conditional_release");
    assert_string_equal(x->code, "true");
    x = vep__fact_find(r.f.context, r.f.ncontext, "language");
    assert_string_equal(x->code, "sr-Latn");
    x = vep__fact_find(r.f.context, r.f.ncontext, "priority");
    assert_true(x->has_number && x->number == 2.5);
    assert_string_equal(x->code, "2.5");
    x = vep__fact_find(r.f.context, r.f.ncontext, "escort");
    assert_string_equal(x->code, "false");
    assert_false(x->has_number);
    x = vep__fact_find(r.f.context, r.f.ncontext, "zone");
    assert_string_equal(x->code, "north");
    assert_null(x->state);
    rd_done(&r);

    rd_init(&r);   /* only as_of is required */
    assert_int_equal(read_context(&r, "{\"as_of\": \"2026-06-20\"}"), VEP_OK);
    assert_null(r.f.release_date);
    assert_int_equal(r.f.ncontext, 0);
    rd_done(&r);
}

static void test_each_malformed_context_names_rule_and_path(void **state)
{
    static const struct { const char *ctx, *rule, *path; } cases[] = {
        { "{}", "missing_field", "$.as_of" },
        { "{ \"as_of\": null }", "missing_field", "$.as_of" },
        { "{ \"as_of\": 20260620 }", "wrong_type", "$.as_of" },
        { "{ \"as_of\": \"2026-02-30\" }", "invalid_date", "$.as_of" },
        { "{ \"as_of\": \"20 June 2026\" }", "invalid_date", "$.as_of" },
        { "{ \"as_of\": \"2026-06-20\", \"sentence_start\": \"2026-00-10\" }", "invalid_date", "$.sentence_start" },
        { "{ \"as_of\": \"2026-06-20\", \"sentence_start\": \"2026-01-10\", \"expected_release\": \"2025-12-31\" }",
          "release_before_start", "$.expected_release" },
        { "{ \"as_of\": \"2026-06-20\", \"conditional_release\": 1 }", "wrong_type", "$.conditional_release" },
        { "{ \"as_of\": \"2026-06-20\", \"age\": \"29\" }", "wrong_type", "$.age" },
        { "{ \"as_of\": \"2026-06-20\", \"age\": 13 }", "invalid_value", "$.age" },
        { "{ \"as_of\": \"2026-06-20\", \"age\": 121 }", "invalid_value", "$.age" },
        { "{ \"as_of\": \"2026-06-20\", \"age\": 30.5 }", "invalid_value", "$.age" },
        { "{ \"as_of\": \"2026-06-20\", \"regime\": 3 }", "wrong_type", "$.regime" },
        { "{ \"as_of\": \"2026-06-20\", \"literacy\": \"\" }", "wrong_type", "$.literacy" },
        { "{ \"as_of\": \"2026-06-20\", \"language\": \"en_GB\" }", "invalid_value", "$.language" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": [] }", "wrong_type", "$.programmes" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": { \"completed\": {} } }", "wrong_type", "$.programmes.completed" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": { \"started\": [] } }", "unknown_field", "$.programmes.started" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": { \"refused\": [ \"X\" ] } }", "wrong_type", "$.programmes.refused[0]" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": { \"refused\": [ { \"id\": \"X\", \"date\": \"2026-02-29\" } ] } }",
          "invalid_date", "$.programmes.refused[0].date" },
        { "{ \"as_of\": \"2026-06-20\", \"programmes\": { \"refused\": [ { \"id\": \"X\", \"why\": \"-\" } ] } }",
          "unknown_field", "$.programmes.refused[0].why" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": {} }", "wrong_type", "$.events" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"type\": \"riot\", \"date\": \"2026-01-01\" } ] }",
          "unknown_event", "$.events[0].type" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"type\": \"pre_release_window\", \"date\": \"2026-01-01\" } ] }",
          "unknown_event", "$.events[0].type" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"date\": \"2026-01-01\" } ] }", "missing_field", "$.events[0].type" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"type\": \"transfer\" } ] }", "missing_field", "$.events[0].date" },
        { "{ \"as_of\": \"2026-06-20\", \"events\": [ { \"type\": \"incident\", \"date\": \"2026-01-01\" },"
          " { \"type\": \"incident\", \"date\": \"2026-06-21\" } ] }", "event_after_as_of", "$.events[1].date" },
        { "{ \"as_of\": \"2026-06-20\", \"custom\": [] }", "wrong_type", "$.custom" },
        { "{ \"as_of\": \"2026-06-20\", \"custom\": { \"x\": null } }", "wrong_type", "$.custom.x" },
        { "{ \"as_of\": \"2026-06-20\", \"custom\": { \"two words\": {} } }", "wrong_type", "$.custom[\"two words\"]" },
        { "{ \"as_of\": \"2026-06-20\", \"custom\": { \"regime\": \"x\" } }", "reserved_name", "$.custom.regime" },
        { "{ \"as_of\": \"2026-06-20\", \"Age\": 30 }", "unknown_field", "$.Age" },
        { "{ \"as_of\": \"2026-06-20\", \"regime\": \"a\", \"regime\": \"b\" }", "duplicate_key", "$.regime" },
        { "\"2026-06-20\"", "wrong_type", "$" },
        { "{ \"as_of\": \"2026-06-20\", }", "json_syntax", "$" },
        { "   ", "json_syntax", "$" },
        { "{ \"as_of\": \"2026-06-20\", \"custom\": { \"x\": \"c\\u0000d\" } }", "json_syntax", "$" },
        { "{ \"as_of\": \"2026-06-20\", \"regime\": \"a\tb\" }", "json_syntax", "$" },
    };
    size_t i;
    (void)state;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const vep_diagnostic *g;
        rd r;
        rd_init(&r);
        if (read_context(&r, cases[i].ctx) != VEP_ERR_CONTEXT) {
            rd_dump(&r);
            fail_msg("case %zu was not refused", i);
        }
        g = rd_find(&r, cases[i].rule, cases[i].path);
        if (g == NULL) {
            rd_dump(&r);
            fail_msg("case %zu: no %s at %s", i, cases[i].rule, cases[i].path);
        }
        assert_string_equal(g->file, "context");
        assert_true(strlen(g->message) > 10);
        rd_done(&r);
    }
}

static void test_context_reports_every_problem(void **state)
{
    static const char ctx[] =
        "{ \"as_of\": \"2026-06-31\", \"age\": 7, \"expected_relase\": \"2027-01-01\",\n"
        "  \"events\": [ { \"type\": \"riot\" } ], \"custom\": { \"x\": [1] } }";
    const vep_diagnostic *g;
    rd r;
    (void)state;

    rd_init(&r);
    assert_int_equal(read_context(&r, ctx), VEP_ERR_CONTEXT);
    rd_expect(&r, "invalid_date", "$.as_of");
    rd_expect(&r, "invalid_value", "$.age");
    g = rd_expect(&r, "unknown_field", "$.expected_relase");
    assert_non_null(strstr(g->message, "expected_release"));   /* lists the allowed */
    rd_expect(&r, "unknown_event", "$.events[0].type");
    rd_expect(&r, "wrong_type", "$.custom.x");
    assert_int_equal(r.d.n, 5);
    rd_done(&r);

    rd_init(&r);   /* as_of before the assessment the result is of */
    r.f.assessment_date = vep__strdup(&r.a, "2026-06-10");
    assert_int_equal(read_context(&r, "{\"as_of\": \"2026-06-01\"}"), VEP_ERR_CONTEXT);
    rd_expect(&r, "as_of_before_assessment", "$.as_of");
    rd_done(&r);

    rd_init(&r);   /* a syntax error has its line */
    assert_int_equal(read_context(&r, "{\n\"as_of\": \"2026-06-20\",\n\n\"age\" 3 }"),
                     VEP_ERR_CONTEXT);
    g = rd_expect(&r, "json_syntax", "$");
    assert_non_null(strstr(g->message, "line 4"));
    rd_done(&r);
}

/* ---- The compact form of test cases ---------------------------------- */

static void test_compact_test_facts(void **state)
{
    static const char doc[] =
        "{ \"result\": { \"risk\": \"high\", \"advisory\": \"moderate\","
        "    \"levels\": { \"screen\": \"positive\" }, \"flags\": [ \"intent_stated\" ],"
        "    \"scores\": { \"beliefs_high\": 2 },"
        "    \"answers\": { \"B02\": \"high\", \"I06\": \"unknown\", \"A05\": \"present\","
        "                   \"N1\": \"not_applicable\", \"X\": 3, \"M\": [\"a\", \"b\"] } },"
        "  \"context\": { \"as_of\": \"2026-06-20\", \"expected_release\": \"2028-06-20\","
        "                 \"age\": 19, \"custom\": [] } }";
    const vep_fact *x;
    rd r;
    (void)state;

    rd_init(&r);
    if (read_test(&r, doc) != VEP_OK) {
        rd_dump(&r);
        fail_msg("the compact facts were refused");
    }
    assert_string_equal(r.f.instrument_id, "test");
    assert_string_equal(r.f.instrument_version, "test");
    assert_string_equal(r.f.subject_id, "test");
    assert_string_equal(r.f.assessment_date, "2026-06-20");
    assert_string_equal(r.f.as_of, "2026-06-20");
    assert_string_equal(r.f.release_date, "2028-06-20");
    assert_string_equal(r.f.risk, "high");
    assert_string_equal(r.f.advisory, "moderate");
    x = vep__fact_find(r.f.levels, r.f.nlevels, "screen");
    assert_string_equal(x->code, "positive");
    assert_int_equal(r.f.nflags, 1);
    assert_string_equal(r.f.flags[0].id, "intent_stated");
    assert_string_equal(r.f.flags[0].code, "true");
    x = vep__fact_find(r.f.scores, r.f.nscores, "beliefs_high");
    assert_true(x->has_number && x->number == 2);
    x = vep__fact_find(r.f.answers, r.f.nanswers, "B02");
    assert_string_equal(x->state, "value");
    assert_string_equal(x->code, "high");
    x = vep__fact_find(r.f.answers, r.f.nanswers, "I06");
    assert_string_equal(x->state, "unknown");
    assert_null(x->code);
    x = vep__fact_find(r.f.answers, r.f.nanswers, "N1");
    assert_string_equal(x->state, "not_applicable");
    x = vep__fact_find(r.f.answers, r.f.nanswers, "A05");
    assert_string_equal(x->code, "present");
    x = vep__fact_find(r.f.answers, r.f.nanswers, "X");
    assert_string_equal(x->state, "value");
    assert_true(x->has_number && x->number == 3);
    x = vep__fact_find(r.f.answers, r.f.nanswers, "M");
    assert_int_equal(x->ncodes, 2);
    assert_string_equal(x->codes[1], "b");
    x = vep__fact_find(r.f.context, r.f.ncontext, "age");
    assert_string_equal(x->code, "19");
    rd_done(&r);

    rd_init(&r);   /* empty Lua tables arrive as [] */
    assert_int_equal(read_test(&r, "{\"result\":{\"risk\":\"low\",\"scores\":[],"
                                   "\"answers\":[]},\"context\":{\"as_of\":\"2026-01-01\","
                                   "\"programmes\":[]}}"), VEP_OK);
    rd_done(&r);

    rd_init(&r);
    {
        static const char bad[] = "{\"result\":{\"advisory\":\"x\",\"scores\":{\"s\":\"2\"},"
                                  "\"flag\":[]},\"context\":{\"as_of\":\"2026-02-30\"}}";
        assert_int_equal(read_test(&r, bad), VEP_ERR_CONTEXT);
        rd_expect(&r, "no_final_judgement", "$.result.risk");
        rd_expect(&r, "wrong_type", "$.result.scores.s");
        rd_expect(&r, "unknown_field", "$.result.flag");
        rd_expect(&r, "invalid_date", "$.context.as_of");
        assert_string_equal(r.d.v[0].file, "test");
    }
    rd_done(&r);

    rd_init(&r);
    assert_int_equal(read_test(&r, "{\"result\":{\"risk\":\"low\"}}"), VEP_ERR_CONTEXT);
    rd_expect(&r, "missing_field", "$.context");
    rd_done(&r);
}

/* ---- Out of memory ---------------------------------------------------- */

/* Fails every allocation in turn while reading `json` as a result (kind
** 0), a context (1) or compact test facts (2): each
** ends in VEP_ERR_NOMEM (or, when the failure hit only a diagnostic, the
** document's own status) and frees everything. */
static void oom_loop(int kind, const char *json, vep_status ok)
{
    unsigned long n;
    int hit = 1;
    for (n = 1; hit; n++) {
        vep_status st;
        rd r;
        rd_init(&r);
        fx_alloc_arm(&r.fa, n, 0);
        st = kind == 0 ? read_result(&r, json)
           : kind == 1 ? read_context(&r, json)
           : read_test(&r, json);
        hit = r.fa.injected;
        fx_alloc_disarm(&r.fa);
        if (hit)
            assert_true(st == VEP_ERR_NOMEM || st == ok);
        else
            assert_int_equal(st, ok);
        rd_done(&r);
    }
}

static void test_out_of_memory_at_every_allocation(void **state)
{
    char *result = rna_result();
    (void)state;

    oom_loop(0, result, VEP_OK);
    oom_loop(0, "{\"libvep\":\"0\",\"instrument\":{\"id\":\"vep-rna\"},\"scores\":[{\"x\":1}],"
                "\"levels\":[],\"flags\":[],\"answers\":[{\"item\":\"A\",\"state\":\"bad\"}]}",
             VEP_ERR_ASSESSMENT);
    oom_loop(1, "{ \"as_of\": \"2026-06-20\", \"age\": 29, \"regime\": \"standard\","
                " \"programmes\": { \"completed\": [ { \"id\": \"V\", \"date\": \"2025-11-01\" } ] },"
                " \"events\": [ { \"type\": \"incident\", \"date\": \"2026-06-01\" } ],"
                " \"custom\": { \"z\": \"n\", \"y\": true } }", VEP_OK);
    oom_loop(1, "{ \"as_of\": \"2026-06-31\", \"bad\": 1, \"events\": [ 1 ] }",
             VEP_ERR_CONTEXT);
    oom_loop(2, "{\"result\":{\"risk\":\"low\",\"flags\":[\"f\"],\"answers\":{\"A\":\"x\","
                "\"M\":[\"a\"]}},\"context\":{\"as_of\":\"2026-01-01\"}}", VEP_OK);
    vep_free(result);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rna_result_gives_its_facts),
        cmocka_unit_test(test_result_of_another_instrument),
        cmocka_unit_test(test_result_without_final_judgement),
        cmocka_unit_test(test_result_syntax_error_has_its_line),
        cmocka_unit_test(test_malformed_result_entries_have_paths),
        cmocka_unit_test(test_full_context_gives_every_fact),
        cmocka_unit_test(test_each_malformed_context_names_rule_and_path),
        cmocka_unit_test(test_context_reports_every_problem),
        cmocka_unit_test(test_compact_test_facts),
        cmocka_unit_test(test_out_of_memory_at_every_allocation),
    };
    fx_run(tests);
}
