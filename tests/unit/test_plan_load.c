/*
** test_plan_load.c -- loading treatment-plan scripts into the plan model
** (vep__plan_load, plan_decl.c, plan_check.c): the bundled plan and its
** contents, helper modules, test cases as JSON, and bad scripts, each
** with the rule and line of its diagnostic.  Also: a plan script loaded
** as an instrument and an instrument script in a plan.
*/
#include "api_fixture.h"
#include <sys/stat.h>
#include "engine.h"
#include "plan.h"

#define P_HEAD "plan { id = \"p\", version = \"1.0.0\", instrument = \"t\", languages = { \"en\" }, title = \"P\" }\n"
#define P_AG "agency \"a\" { kind = \"prison\", title = \"A\", sees = { \"risk\" } }\n"
#define P_IV "intervention \"IV\" { category = \"education\", agency = \"a\", title = \"I\" }\n"
#define P_RULE "rule \"R\" { title = \"r\", when = { risk = \"high\" }, add = { intervention = \"IV\" } }\n"
#define P_BASE P_HEAD P_AG P_IV P_RULE

typedef struct pt {
    fx_alloc a;
    vep_engine *e;
    vep_plan_model m;
} pt;

static int pt_setup(void **state)
{
    pt *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->e = fx_engine_with(&t->a, 0, 0, 0);
    vep__plan_model_init(&t->m, &t->e->alloc);
    *state = t;
    return 0;
}

static int pt_teardown(void **state)
{
    pt *t = *state;
    vep__plan_model_free(&t->m);
    vep_engine_free(t->e);
    assert_int_equal(t->a.live_bytes, 0);
    assert_int_equal(t->a.live_blocks, 0);
    free(t);
    return 0;
}

/* Loads src as a plan named "p.lua" (no directory). */
static vep_status plan_load(pt *t, const char *src)
{
    vep__engine_begin(t->e);
    vep__plan_model_free(&t->m);
    return vep__plan_load(t->e, &t->m, "p.lua", NULL, src, strlen(src));
}

/* Loads src, expects status `st` and a diagnostic with `rule` (and `item`
** when not NULL) on the line of `marker` (0 when marker is NULL), in
** file "p.lua". */
static void bad(pt *t, const char *src, vep_status st, const char *rule,
                const char *item, const char *marker)
{
    vep_status got = plan_load(t, src);
    size_t i;
    if (got != st) {
        fx_dump(t->e);
        fail_msg("expected %s, got %s", vep_status_name(st), vep_status_name(got));
    }
    i = fx_expect(t->e, rule, item);
    if (vep_diag_line(t->e, i) != (marker ? fx_line_of(src, marker) : 0)) {
        fx_dump(t->e);
        fail_msg("rule %s on line %u, expected %u", rule, vep_diag_line(t->e, i),
                 marker ? fx_line_of(src, marker) : 0);
    }
    assert_string_equal(vep_diag_get(t->e, i, VEP_DIAG_FILE), "p.lua");
    assert_true(vep_diag_get(t->e, i, VEP_DIAG_MESSAGE)[0] != '\0');
    assert_true(vep_engine_errmsg(t->e)[0] != '\0');
}

/* ---- The bundled plan ------------------------------------------------- */

static void test_bundled_plan(void **state)
{
    pt *t = *state;
    vep_plan_model *m = &t->m;
    char path[700], dir[512], manifest[300], *src, *tests, hex[65], hex_tests[65];
    size_t len, tlen, i;
    int psy, prob;

    snprintf(dir, sizeof dir, "%s", fx_path("instruments/plans"));
    snprintf(path, sizeof path, "%s/vep-plan-rna.lua", dir);
    src = fx_read(path, &len);
    assert_non_null(src);
    vep__engine_begin(t->e);
    if (vep__plan_load(t->e, m, path, dir, src, len) != VEP_OK) {
        fx_dump(t->e);
        fail_msg("the bundled plan does not load");
    }
    assert_int_equal(vep_diag_count(t->e), 0);
    assert_string_equal(m->id, "vep-plan-rna");
    assert_string_equal(m->version, "1.0.0");
    assert_string_equal(m->instrument, "vep-rna");
    assert_int_equal(m->nlanguages, 2);
    assert_string_equal(m->languages[1], "sr-Latn");
    assert_int_equal(m->illustrative, 1);
    assert_int_equal(m->title.n, 2);
    assert_string_equal(m->title.lang[0], "en");

    assert_int_equal(m->nagencies, 7);
    assert_string_equal(m->agencies[0].id, "treatment");
    assert_int_equal(m->agencies[0].kind, VEP_AGENCY_PRISON);
    assert_int_equal(m->agencies[0].sees[VEP_PART_REASONS], 1);
    assert_int_equal(m->agencies[0].sees[VEP_PART_INTERVENTIONS_OWN], 0);
    assert_int_equal(m->agencies[2].sees[VEP_PART_INTERVENTIONS_OWN], 1);
    assert_int_equal(m->agencies[6].kind, VEP_AGENCY_CSO);
    prob = vep__plan_find_agency(m, "probation");
    assert_int_equal(prob, 3);
    assert_int_equal(vep__plan_find_agency(m, "nobody"), -1);

    assert_int_equal(m->ninterventions, 8);
    psy = vep__plan_find_intervention(m, "PSY-IND");
    assert_int_equal(psy, 0);
    assert_int_equal(m->interventions[0].category, VEP_CAT_PSYCHOLOGICAL);
    assert_int_equal(m->interventions[0].agency, 0);
    assert_int_equal(m->interventions[0].nintensity, 3);   /* sorted by level */
    assert_string_equal(m->interventions[0].intensity[0].level, "high");
    assert_string_equal(m->interventions[0].intensity[1].level, "low");
    assert_string_equal(m->interventions[0].intensity[2].level, "moderate");
    assert_string_equal(vep__text_get(&m->interventions[0].intensity[0].text, "en"), "weekly session");
    assert_int_equal(m->interventions[2].review_months, 6);
    assert_int_equal(m->interventions[2].setting, VEP_SETTING_CUSTODY);
    assert_int_equal(m->interventions[5].setting, VEP_SETTING_ANY);
    assert_int_equal(m->interventions[5].agency, 4);

    assert_int_equal(m->nrules, 14 + 8);
    assert_string_equal(m->rules[0].id, "R01-beliefs");
    assert_int_equal(m->rules[0].when.kind, VEP_PC_SCORE);
    assert_int_equal(m->rules[0].when.test, VEP_PT_AT_LEAST);
    assert_true(m->rules[0].when.number == 2);
    assert_int_equal(m->rules[0].adds[0].priority, 1);
    assert_int_equal(m->rules[0].adds[0].intervention, vep__plan_find_intervention(m, "DIALOGUE"));
    assert_int_equal(m->rules[2].when.kind, VEP_PC_RISK);
    assert_int_equal(m->rules[2].when.ncodes, 2);
    assert_int_equal(m->rules[3].adds[0].start_days, 14);
    assert_int_equal(m->rules[3].adds[0].review_months, -1);
    assert_int_equal(m->rules[3].adds[0].note.n, 2);
    assert_int_equal(m->rules[4].nadds, 2);
    assert_int_equal(m->rules[4].when.kind, VEP_PC_ANY);
    assert_int_equal(m->rules[4].when.nkids, 2);
    assert_int_equal(m->rules[4].when.kids[1].kind, VEP_PC_FLAG);
    assert_int_equal(m->rules[4].when.kids[1].raised, 1);
    assert_int_equal(m->rules[6].adds[1].kind, VEP_ADD_RESPONSIVITY);
    assert_int_equal(m->rules[7].when.kind, VEP_PC_NONE);
    assert_int_equal(m->rules[7].when.kids[0].kind, VEP_PC_CONTEXT);
    assert_int_equal(m->rules[7].when.kids[0].ncodes, 5);
    assert_int_equal(m->rules[8].when.kids[0].kind, VEP_PC_COMPLETED);
    assert_string_equal(m->rules[8].when.kids[0].id, "VOCATIONAL");
    assert_int_equal(m->rules[9].when.test, VEP_PT_AT_MOST);
    assert_int_equal(m->rules[10].adds[0].kind, VEP_ADD_PLACEMENT);
    assert_string_equal(m->rules[10].adds[0].regime, "separation");
    assert_int_equal(m->rules[10].adds[0].review_months, 3);
    assert_int_equal(m->rules[11].adds[0].review_months, -1);
    assert_int_equal(m->rules[12].adds[0].kind, VEP_ADD_POST_RELEASE);
    assert_string_equal(m->rules[12].adds[0].contact, "weekly");
    assert_int_equal(m->rules[12].adds[0].nagencies, 1);
    assert_int_equal(m->rules[12].adds[0].agencies[0], vep__plan_find_agency(m, "police"));
    assert_null(m->rules[12].adds[0].supervisor_id);
    assert_int_equal(m->rules[12].adds[0].supervisor, -1);

    /* pre-release steps: rules after the declared ones, in step order */
    assert_string_equal(m->rules[14].id, "pre_release:release_risk_assessment");
    assert_string_equal(m->rules[21].id, "pre_release:handover_meeting");
    for (i = 14; i < 22; i++) {
        assert_int_equal(m->rules[i].nadds, 1);
        assert_int_equal(m->rules[i].adds[0].kind, VEP_ADD_PRE_RELEASE_STEP);
        assert_true(m->rules[i].adds[0].agency >= 0);
    }
    assert_string_equal(m->rules[15].adds[0].step, "accommodation");
    assert_int_equal(m->rules[15].adds[0].due_months, 4);
    assert_int_equal(m->rules[15].adds[0].agency, vep__plan_find_agency(m, "social_work"));
    assert_string_equal(vep__text_get(&m->rules[15].title, "sr-Latn"), "Smeštaj posle otpusta");
    assert_string_equal(vep__text_get(&m->rules[15].adds[0].note, "en"), "Accommodation after release");
    assert_int_equal(m->rules[15].when.kind, VEP_PC_ALL);      /* always */
    assert_int_equal(m->rules[15].when.nkids, 0);
    assert_int_equal(m->rules[19].when.kind, VEP_PC_ANY);
    assert_int_equal(m->rules[20].when.kind, VEP_PC_CONTEXT);
    assert_string_equal(m->rules[20].when.codes[0], "true");
    assert_int_equal(m->pre_release_months, 6);

    assert_string_equal(m->placement_default, "standard");
    assert_int_equal(m->placement_review_months, 6);
    assert_int_equal(m->nreassess, 3);
    assert_string_equal(m->reassess_levels[0], "high");
    assert_int_equal(m->reassess_months[0], 3);
    assert_string_equal(m->reassess_levels[1], "low");
    assert_int_equal(m->reassess_months[1], 12);
    assert_int_equal(m->trigger_days[VEP_TRIGGER_INCIDENT], 14);
    assert_int_equal(m->trigger_days[VEP_TRIGGER_PROGRAMME_COMPLETION], 60);
    assert_int_equal(m->trigger_days[VEP_TRIGGER_PRE_RELEASE_WINDOW], 0);

    assert_int_equal(m->has_post_release, 1);
    assert_int_equal(m->post_supervisor, prob);
    assert_string_equal(m->post_contact, "monthly");
    assert_int_equal(m->npost_agencies, 2);
    assert_int_equal(m->post_agencies[1], vep__plan_find_agency(m, "social_work"));
    assert_int_equal(m->post_review_months, 3);
    assert_int_equal(m->post_reviews, 4);
    assert_int_equal(m->nclosure, 3);
    assert_string_equal(vep__text_get(&m->closure[1], "en"), "Stable accommodation and income");

    /* the test cases come from a helper module: the hash is the manifest's */
    assert_int_equal(m->nsources, 2);
    assert_string_equal(m->sources[0].label, "vep-plan-rna.lua");
    assert_string_equal(m->sources[1].label, "vep-plan-rna-tests.lua");
    assert_true(m->ntests > 0);
    assert_non_null(m->tests[0].facts_json);
    assert_non_null(m->tests[0].expect_json);
    fx_sha256(src, len, hex);
    assert_string_equal(m->sources[0].sha256, hex);
    tests = fx_read(fx_path("instruments/plans/vep-plan-rna-tests.lua"), &tlen);
    assert_non_null(tests);
    fx_sha256(tests, tlen, hex_tests);
    free(tests);
    snprintf(manifest, sizeof manifest, "%s  vep-plan-rna.lua\n%s  vep-plan-rna-tests.lua\n",
             hex, hex_tests);
    fx_sha256(manifest, strlen(manifest), hex);
    assert_string_equal(m->sha256, hex);
    assert_int_equal(m->rules[0].origin.line, fx_line_of(src, "rule \"R01-beliefs\""));
    free(src);
}

/* The other bundled plan loads cleanly too. */
static void test_bundled_screen_plan(void **state)
{
    pt *t = *state;
    char path[700], dir[512], *src;
    size_t len;

    snprintf(dir, sizeof dir, "%s", fx_path("instruments/plans"));
    snprintf(path, sizeof path, "%s/vep-plan-screen.lua", dir);
    src = fx_read(path, &len);
    assert_non_null(src);
    vep__engine_begin(t->e);
    if (vep__plan_load(t->e, &t->m, path, dir, src, len) != VEP_OK) {
        fx_dump(t->e);
        fail_msg("vep-plan-screen.lua does not load");
    }
    free(src);
    assert_int_equal(vep_diag_count(t->e), 0);
    assert_true(t->m.nrules > 0);
}

/* A minimal plan: defaults, triggers not listed, no pre-release block. */
static void test_minimal_defaults(void **state)
{
    pt *t = *state;
    int i;
    assert_int_equal(plan_load(t, P_BASE), VEP_OK);
    assert_int_equal(t->m.nrules, 1);
    assert_int_equal(t->m.pre_release_months, -1);
    assert_int_equal(t->m.has_post_release, 0);
    assert_null(t->m.placement_default);
    for (i = 0; i < VEP_TRIGGER_COUNT; i++)
        assert_int_equal(t->m.trigger_days[i], -1);
    assert_int_equal(t->m.interventions[0].review_months, 3);
    assert_int_equal(t->m.rules[0].adds[0].priority, 2);
    assert_int_equal(t->m.rules[0].adds[0].start_days, 0);
    assert_int_equal(t->m.rules[0].adds[0].agency, -1);
}

/* Test cases become JSON with sorted keys; helper modules load from the
** plan's directory and count in the hash. */
static void test_tests_and_modules(void **state)
{
    pt *t = *state;
    char dir[256], *src;
    const char *path;
    const char *script = P_HEAD P_AG P_IV
        "local h = require(\"lib.helper\")\n"
        "rule \"R\" { title = h.title, add = { intervention = \"IV\" } }\n"
        "test \"high risk\" { result = { risk = \"high\", flags = { \"x\" } },\n"
        "  context = { as_of = \"2026-01-01\", age = 20 },\n"
        "  expect = { interventions = { \"IV\" } } }\n";
    size_t len;

    char sub[300];
    fx_mkdtemp(dir);
    snprintf(sub, sizeof sub, "%s/lib", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    fx_write(dir, "lib/helper.lua", "return { title = \"from a module\" }\n");
    path = fx_write(dir, "p.lua", script);
    src = fx_read(path, &len);
    vep__engine_begin(t->e);
    if (vep__plan_load(t->e, &t->m, path, dir, src, len) != VEP_OK) {
        fx_dump(t->e);
        fail_msg("plan with a module does not load");
    }
    free(src);
    assert_int_equal(t->m.nsources, 2);
    assert_string_equal(t->m.sources[1].label, "lib/helper.lua");
    assert_string_equal(vep__text_get(&t->m.rules[0].title, NULL), "from a module");
    assert_int_equal(t->m.ntests, 1);
    assert_string_equal(t->m.tests[0].name, "high risk");
    assert_string_equal(t->m.tests[0].facts_json,
                        "{\"result\":{\"flags\":[\"x\"],\"risk\":\"high\"},"
                        "\"context\":{\"age\":20,\"as_of\":\"2026-01-01\"}}");
    assert_string_equal(t->m.tests[0].expect_json, "{\"interventions\":[\"IV\"]}");
    assert_int_equal(strlen(t->m.sha256), 64);

    /* without a directory require() finds nothing */
    assert_int_equal(plan_load(t, script), VEP_ERR_SCRIPT);
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "plan's directory");
    fx_cleanup_dirs();
}

/* ---- Scripts of the wrong kind ---------------------------------------- */

static void test_instrument_in_plan(void **state)
{
    pt *t = *state;
    size_t i;
    bad(t, P_HEAD "instrument { id = \"t\" } --X\n", VEP_ERR_SCRIPT,
        "wrong_script_kind", NULL, "--X");
    i = fx_expect(t->e, "wrong_script_kind", NULL);
    fx_assert_contains(vep_diag_get(t->e, i, VEP_DIAG_MESSAGE),
                       "this is an instrument script (it declares instrument {...}); load it with vep score, not as a plan");
    /* caught by the script: the load fails all the same */
    assert_int_equal(plan_load(t, P_BASE "local ok = pcall(instrument, {})\n"), VEP_ERR_SCRIPT);
    fx_expect(t->e, "wrong_script_kind", NULL);
}

static void test_plan_as_instrument(void **state)
{
    pt *t = *state;
    vep_instrument *ins = NULL;
    const char *src = "-- a plan\n" P_HEAD;
    vep_status st = vep_instrument_load_buffer(&ins, t->e, "p.lua", src, strlen(src));
    size_t i;
    assert_int_equal(st, VEP_ERR_SCRIPT);
    assert_null(ins);
    i = fx_expect(t->e, "wrong_script_kind", NULL);
    assert_int_equal(vep_diag_line(t->e, i), 2);
    fx_assert_contains(vep_diag_get(t->e, i, VEP_DIAG_MESSAGE), "this is a plan script");
}

/* ---- Definition problems ---------------------------------------------- */

static void test_bad_fields(void **state)
{
    pt *t = *state;
    bad(t, P_BASE "agency \"b\" { kind = \"prison\", title = \"B\", colour = \"red\" } --X\n",
        VEP_ERR_DEFINITION, "unknown_field", "b", "--X");
    bad(t, P_BASE "agency \"b\" { kind = \"prison\", title = 5 } --X\n",
        VEP_ERR_DEFINITION, "wrong_type", "b", "--X");
    bad(t, P_BASE "intervention \"X\" { category = \"astrology\", agency = \"a\", title = \"X\" } --X\n",
        VEP_ERR_DEFINITION, "unknown_category", "X", "--X");
    bad(t, P_BASE "intervention \"X\" { agency = \"a\", title = \"X\" } --X\n",
        VEP_ERR_DEFINITION, "missing_field", "X", "--X");
    bad(t, P_BASE "intervention \"X\" { category = \"family\", agency = \"a\", title = \"X\",\n"
        "  review_months = 0 } --X\n", VEP_ERR_DEFINITION, "invalid_value", "X", "intervention \"X\"");
    bad(t, P_BASE "agency \"b\" { kind = \"prison\", title = \"B\", sees = { \"secrets\" } } --X\n",
        VEP_ERR_DEFINITION, "unknown_part", "b", "--X");
    bad(t, P_BASE "reassessment { triggers = { birthday = 3 } } --X\n",
        VEP_ERR_DEFINITION, "unknown_trigger", NULL, "--X");
    bad(t, P_BASE "reassessment { every_months = { high = 200 } } --X\n",
        VEP_ERR_DEFINITION, "invalid_value", NULL, "--X");
    bad(t, "plan { id = \"p\", version = \"1.0\", instrument = \"t\", languages = { \"en\" }, title = \"P\" } --X\n"
        P_AG P_IV P_RULE, VEP_ERR_DEFINITION, "invalid_value", NULL, "--X");
    bad(t, "plan { id = \"p\", version = \"1.0.0\", languages = { \"en\" }, title = \"P\" } --X\n"
        P_AG P_IV P_RULE, VEP_ERR_DEFINITION, "missing_field", NULL, "--X");
    bad(t, P_AG P_IV P_RULE, VEP_ERR_DEFINITION, "missing_plan", NULL, NULL);
    bad(t, P_BASE "placement { default = \"standard\" }\nplacement { default = \"x\" } --X\n",
        VEP_ERR_DEFINITION, "duplicate_id", NULL, "--X");
    bad(t, P_BASE "post_release { contact = \"daily\" } --X\n",
        VEP_ERR_DEFINITION, "invalid_value", NULL, "--X");
    bad(t, P_BASE "post_release { supervisor = \"ghost\", reviews = 4 } --X\n",
        VEP_ERR_DEFINITION, "unknown_reference", NULL, "--X");
    bad(t, P_BASE "post_release { reviews = 25 } --X\n",
        VEP_ERR_DEFINITION, "invalid_value", NULL, "--X");
    bad(t, P_BASE "test \"t1\" { result = {} } --X\n",
        VEP_ERR_DEFINITION, "missing_field", "t1", "--X");
}

static void test_bad_references(void **state)
{
    pt *t = *state;
    bad(t, P_BASE "intervention \"X\" { category = \"family\", agency = \"ghost\", title = \"X\" } --X\n",
        VEP_ERR_DEFINITION, "unknown_reference", "X", "--X");
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "ghost");
    bad(t, P_BASE "agency \"a\" { kind = \"police\", title = \"A2\" } --X\n",
        VEP_ERR_DEFINITION, "duplicate_id", "a", "--X");
    bad(t, P_BASE "rule \"R\" { title = \"again\", add = { responsivity = \"n\" } } --X\n",
        VEP_ERR_DEFINITION, "duplicate_id", "R", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = { intervention = \"NOPE\" } } --X\n",
        VEP_ERR_DEFINITION, "unknown_reference", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = { intervention = \"IV\", agency = \"zz\" } } --X\n",
        VEP_ERR_DEFINITION, "unknown_reference", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = { post_release = { agencies = { \"a\", \"zz\" } } } } --X\n",
        VEP_ERR_DEFINITION, "unknown_reference", "R2", "--X");
    bad(t, P_BASE "pre_release { months_before = 6, steps = { --X\n"
        "  { step = \"s\", agency = \"zz\", due_months = 2, title = \"S\" } } }\n",
        VEP_ERR_DEFINITION, "unknown_reference", "pre_release:s", "--X");
    bad(t, P_BASE "pre_release { months_before = 3, steps = { --X\n"
        "  { step = \"s\", agency = \"a\", due_months = 4, title = \"S\" } } }\n",
        VEP_ERR_DEFINITION, "invalid_value", "pre_release:s", "--X");
    bad(t, P_BASE "pre_release { months_before = 6, steps = { --X\n"
        "  { step = \"s\", agency = \"a\", due_months = 2, title = \"S\" },\n"
        "  { step = \"s\", agency = \"a\", due_months = 1, title = \"S2\" } } }\n",
        VEP_ERR_DEFINITION, "duplicate_id", "pre_release:s", "--X");
    bad(t, P_BASE "pre_release { months_before = 61 } --X\n",
        VEP_ERR_DEFINITION, "invalid_value", NULL, "--X");
}

static void test_bad_rules(void **state)
{
    pt *t = *state;
    char deep[2048];
    size_t i, n;

    bad(t, P_BASE "rule \"R2\" { title = \"t\", when = { risk = \"high\", item = \"B01\" }, --X\n"
        "  add = { intervention = \"IV\" } }\n", VEP_ERR_DEFINITION, "bad_condition", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", when = { item = \"B01\", equals = \"high\" }, --X\n"
        "  add = { intervention = \"IV\" } }\n", VEP_ERR_DEFINITION, "bad_condition", "R2", "--X");
    fx_assert_contains(vep_diag_get(t->e, fx_expect(t->e, "bad_condition", "R2"), VEP_DIAG_MESSAGE),
                       "{ all = {...} }");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", when = { score = \"S\", is = \"x\" }, --X\n"
        "  add = { intervention = \"IV\" } }\n", VEP_ERR_DEFINITION, "bad_condition", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", when = { window = \"soon\" }, --X\n"
        "  add = { intervention = \"IV\" } }\n", VEP_ERR_DEFINITION, "bad_condition", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", when = { any = { { nothing = 1 } } }, --X\n"
        "  add = { intervention = \"IV\" } }\n", VEP_ERR_DEFINITION, "bad_condition", "R2", "--X");
    n = (size_t)snprintf(deep, sizeof deep, P_BASE "rule \"R2\" { title = \"t\", when = ");
    for (i = 0; i < 40; i++)
        n += (size_t)snprintf(deep + n, sizeof deep - n, "{ all = { ");
    n += (size_t)snprintf(deep + n, sizeof deep - n, "{ risk = \"high\" }");
    for (i = 0; i < 40; i++)
        n += (size_t)snprintf(deep + n, sizeof deep - n, " } }");
    snprintf(deep + n, sizeof deep - n, ", add = { intervention = \"IV\" } } --X\n");
    bad(t, deep, VEP_ERR_DEFINITION, "bad_condition", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = {} } --X\n",
        VEP_ERR_DEFINITION, "empty_rule", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\" } --X\n",
        VEP_ERR_DEFINITION, "missing_field", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = { intervention = \"IV\", placement = \"x\" } } --X\n",
        VEP_ERR_DEFINITION, "bad_addition", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = { intervention = \"IV\", urgency = 3 } } --X\n",
        VEP_ERR_DEFINITION, "unknown_field", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = { intervention = \"IV\", priority = 10 } } --X\n",
        VEP_ERR_DEFINITION, "invalid_value", "R2", "--X");
    bad(t, P_BASE "rule \"R2\" { title = \"t\", add = { { intervention = \"IV\", start_days = -1 } } } --X\n",
        VEP_ERR_DEFINITION, "invalid_value", "R2", "--X");
}

/* Every load frees what it built, failed or not (teardown checks the
** allocator); and a syntax error is reported with its line. */
static void test_script_error(void **state)
{
    pt *t = *state;
    bad(t, P_BASE "rule \"R2\" { title = = } --X\n", VEP_ERR_SCRIPT, "syntax", NULL, "--X");
}

/* Failing each allocation in turn: the load returns VEP_ERR_NOMEM (or
** succeeds when the failure was absorbed), never crashes, never leaks
** (teardown checks the allocator). */
static void test_out_of_memory(void **state)
{
    pt *t = *state;
    const char *src = P_BASE
        "rule \"R2\" { title = { en = \"t\" }, when = { all = { { item = \"X\", is = { \"a\", \"b\" } },\n"
        "  { none = { { flag = \"f\", raised = false } } } } },\n"
        "  add = { { intervention = \"IV\", responsivity = \"note\" }, { placement = \"sep\", rationale = \"r\" },\n"
        "          { post_release = { supervisor = \"a\", agencies = { \"a\" } } } } }\n"
        "reassessment { every_months = { high = 3, low = 12 }, triggers = { incident = 14 } }\n"
        "pre_release { months_before = 6, steps = { { step = \"s\", agency = \"a\", due_months = 2, title = \"S\",\n"
        "  when = { context = \"literacy\", is = \"low\" } } } }\n"
        "post_release { supervisor = \"a\", contact = \"monthly\", agencies = { \"a\" }, closure = { \"c1\", \"c2\" } }\n"
        "test \"t\" { result = { risk = \"high\" }, context = { as_of = \"2026-01-01\" }, expect = { x = 1 } }\n";
    unsigned long n, total;
    vep_status st;

    fx_alloc_arm(&t->a, 0, 0);
    assert_int_equal(plan_load(t, src), VEP_OK);
    total = t->a.count;
    assert_true(total > 100);
    print_message("failing each of %lu allocations\n", total);
    for (n = 1; n <= total + 1; n = fx_next_n(n, total)) {
        vep__plan_model_free(&t->m);
        fx_alloc_arm(&t->a, n, 0);
        st = vep__plan_load(t->e, &t->m, "p.lua", NULL, src, strlen(src));
        fx_alloc_disarm(&t->a);
        if (st != VEP_OK && st != VEP_ERR_NOMEM) {
            fx_dump(t->e);
            fail_msg("allocation %lu failing: %s", n, vep_status_name(st));
        }
        if (!t->a.injected)
            assert_int_equal(st, VEP_OK);
        vep__engine_begin(t->e);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bundled_plan, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_bundled_screen_plan, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_minimal_defaults, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_tests_and_modules, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_instrument_in_plan, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_plan_as_instrument, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_bad_fields, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_bad_references, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_bad_rules, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_script_error, pt_setup, pt_teardown),
        cmocka_unit_test_setup_teardown(test_out_of_memory, pt_setup, pt_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
