/*
** test_plan_describe.c -- the descriptions the guides of `vep doc` are
** rendered from: vep_plan_describe (agencies, the catalogue, every rule
** with its condition in words and its additions, placement,
** reassessment, pre-release steps, post-release support, tests), the
** condition words shared with plan explanations, the members of
** vep_instrument_describe that state scoring rules in words, argument
** errors, byte-stable output and out-of-memory at every allocation.
*/
#include "api_fixture.h"
#include "plan.h"
#include "buf.h"

#define PLAN "instruments/plans/vep-plan-rna.lua"
#define SCREEN "instruments/screening/vep-screen.lua"
#define RNA "instruments/rna/vep-rna.lua"

#define HEAD "plan { id = \"p\", version = \"2.1.0\", instrument = \"vep-rna\", " \
             "languages = { \"en\", \"sr-Latn\" }, title = { en = \"P\", [\"sr-Latn\"] = \"P-sr\" } }\n" \
             "agency \"a\" { kind = \"prison\", title = \"A\", sees = { \"risk\" } }\n" \
             "intervention \"X\" { category = \"other\", agency = \"a\", title = \"Ex\" }\n"

/* Loads the plan at `rel` under the repository, which must succeed. */
static vep_plan *load_file(vep_engine *e, const char *rel)
{
    vep_plan *p = NULL;
    if (vep_plan_load_file(&p, e, fx_path(rel)) != VEP_OK) {
        fx_dump(e);
        fail_msg("cannot load %s", rel);
    }
    return p;
}

/* Loads an inline plan script, which must succeed. */
static vep_plan *load_src(vep_engine *e, const char *src)
{
    vep_plan *p = NULL;
    if (vep_plan_load_buffer(&p, e, "inline.lua", src, strlen(src)) != VEP_OK) {
        fx_dump(e);
        fail_msg("cannot load the inline plan");
    }
    return p;
}

/* The plan's description in `lang`, parsed. */
static cJSON *describe(vep_plan *p, const char *lang)
{
    char *out = NULL;
    cJSON *j;
    assert_int_equal(vep_plan_describe(&out, p, lang), VEP_OK);
    assert_non_null(out);
    j = cJSON_Parse(out);
    assert_non_null(j);
    vep_free(out);
    return j;
}

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* The element of `arr` whose `key` is `value`; fails the test if none. */
static const cJSON *by(const cJSON *arr, const char *key, const char *value)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) {
        const cJSON *v = get(e, key);
        if (cJSON_IsString(v) && strcmp(v->valuestring, value) == 0)
            return e;
    }
    fail_msg("no element with %s = '%s'", key, value);
    return NULL;
}

/* An array of strings as "a,b,c". */
static void expect_strings(const cJSON *arr, const char *want)
{
    char buf[512] = "";
    const cJSON *e;
    assert_true(cJSON_IsArray(arr));
    cJSON_ArrayForEach(e, arr) {
        assert_true(cJSON_IsString(e));
        if (buf[0])
            strcat(buf, ",");
        strcat(buf, e->valuestring);
    }
    assert_string_equal(buf, want);
}

/* ---- The bundled plan ---------------------------------------------- */

static void test_bundled_plan_header_agencies_and_catalogue(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_file(e, PLAN);
    cJSON *d = describe(p, NULL);
    const cJSON *iv, *in;
    (void)state;

    assert_string_equal(fx_jstr(d, "id"), "vep-plan-rna");
    assert_string_equal(fx_jstr(d, "version"), "1.0.0");
    assert_string_equal(fx_jstr(d, "sha256"), vep_plan_sha256(p));
    assert_string_equal(fx_jstr(d, "instrument"), "vep-rna");
    assert_string_equal(fx_jstr(d, "title"),
                        "Individual rehabilitation and treatment programme (illustrative)");
    expect_strings(get(d, "languages"), "en,sr-Latn");
    assert_true(cJSON_IsTrue(get(d, "illustrative")));

    assert_int_equal(cJSON_GetArraySize(get(d, "agencies")), 7);
    expect_strings(get(by(get(d, "agencies"), "id", "police"), "sees"), "post_release");
    expect_strings(get(by(get(d, "agencies"), "id", "mentor_cso"), "sees"),
                   "interventions.own,pre_release.own");
    assert_string_equal(fx_jstr(by(get(d, "agencies"), "id", "social_work"), "kind"),
                        "social_work");

    assert_int_equal(cJSON_GetArraySize(get(d, "interventions")), 8);
    iv = by(get(d, "interventions"), "id", "PSY-IND");
    assert_string_equal(fx_jstr(iv, "category"), "psychological");
    assert_string_equal(fx_jstr(iv, "agency"), "treatment");
    assert_string_equal(fx_jstr(iv, "title"), "Individual psychological work");
    assert_int_equal((int)fx_jnum(iv, "review_months"), 3);
    assert_string_equal(fx_jstr(iv, "setting"), "custody");
    assert_int_equal(cJSON_GetArraySize(get(iv, "intensity")), 3);
    in = by(get(iv, "intensity"), "level", "moderate");
    assert_string_equal(fx_jstr(in, "text"), "fortnightly session");
    iv = by(get(d, "interventions"), "id", "MENTOR");
    assert_string_equal(fx_jstr(iv, "setting"), "any");
    assert_int_equal(cJSON_GetArraySize(get(iv, "intensity")), 0);
    assert_true(fx_jnum(iv, "line") > 0);

    cJSON_Delete(d);
    vep_plan_free(p);
    vep_engine_free(e);
}

static void test_bundled_plan_rules_in_words(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_file(e, PLAN);
    cJSON *d = describe(p, "en");
    const cJSON *rules = get(d, "rules"), *r, *x;
    (void)state;

    /* the 14 declared rules; the 8 pre-release steps are with the steps */
    assert_int_equal(cJSON_GetArraySize(rules), 14);
    cJSON_ArrayForEach(r, rules)
        assert_null(strstr(fx_jstr(r, "id"), "pre_release:"));

    r = by(rules, "id", "R01-beliefs");
    assert_string_equal(fx_jstr(r, "when"), "score beliefs_high is at least 2");
    assert_true(cJSON_IsFalse(get(r, "always")));
    x = cJSON_GetArrayItem(get(r, "adds"), 0);
    assert_string_equal(fx_jstr(x, "kind"), "intervention");
    assert_string_equal(fx_jstr(x, "intervention"), "DIALOGUE");
    assert_int_equal((int)fx_jnum(x, "priority"), 1);
    assert_int_equal((int)fx_jnum(x, "start_days"), 0);
    assert_true(cJSON_IsNull(get(x, "review_months")));
    assert_true(cJSON_IsNull(get(x, "agency")));
    assert_true(cJSON_IsNull(get(x, "responsivity")));

    assert_string_equal(fx_jstr(by(rules, "id", "R03-risk"), "when"),
                        "risk is one of 'moderate', 'high'");
    assert_string_equal(fx_jstr(by(rules, "id", "R05-belonging"), "when"),
                        "any of: [item M03 is 'high'; flag protective_weak is raised]");
    assert_string_equal(fx_jstr(by(rules, "id", "R08-language"), "when"),
                        "none of: [context language is one of 'sr-Latn', 'sr-Cyrl', "
                        "'bs', 'hr', 'cnr']");
    assert_string_equal(fx_jstr(by(rules, "id", "R09-work"), "when"),
                        "none of: [programme VOCATIONAL is completed]");
    assert_string_equal(fx_jstr(by(rules, "id", "R10-young"), "when"),
                        "context age is at most 20");
    assert_string_equal(fx_jstr(by(rules, "id", "R11-placement-high"), "when"),
                        "all of: [risk is 'high'; flag intent_stated is raised]");

    r = by(rules, "id", "R05-belonging");
    assert_int_equal(cJSON_GetArraySize(get(r, "adds")), 2);
    x = cJSON_GetArrayItem(get(r, "adds"), 1);
    assert_string_equal(fx_jstr(x, "intervention"), "FAMILY");
    assert_int_equal((int)fx_jnum(x, "priority"), 3);
    assert_int_equal((int)fx_jnum(x, "start_days"), 30);

    x = cJSON_GetArrayItem(get(by(rules, "id", "R04-religion"), "adds"), 0);
    assert_string_equal(fx_jstr(x, "responsivity"),
                        "Only with the person's consent, and only where the beliefs are religious");

    x = cJSON_GetArrayItem(get(by(rules, "id", "R07-literacy"), "adds"), 1);
    assert_string_equal(fx_jstr(x, "kind"), "responsivity");
    assert_string_equal(fx_jstr(x, "note"),
                        "Low literacy: use oral and visual materials, read documents aloud");

    x = cJSON_GetArrayItem(get(by(rules, "id", "R11-placement-high"), "adds"), 0);
    assert_string_equal(fx_jstr(x, "kind"), "placement");
    assert_string_equal(fx_jstr(x, "regime"), "separation");
    assert_int_equal((int)fx_jnum(x, "review_months"), 3);
    assert_string_equal(fx_jstr(x, "rationale"),
                        "Stated intent to use violence with a high final judgement");
    x = cJSON_GetArrayItem(get(by(rules, "id", "R12-placement-dispersal"), "adds"), 0);
    assert_true(cJSON_IsNull(get(x, "review_months")));

    x = cJSON_GetArrayItem(get(by(rules, "id", "R13-supervision-high"), "adds"), 0);
    assert_string_equal(fx_jstr(x, "kind"), "post_release");
    assert_true(cJSON_IsNull(get(x, "supervisor")));
    assert_string_equal(fx_jstr(x, "contact"), "weekly");
    expect_strings(get(x, "agencies"), "police");

    cJSON_Delete(d);
    vep_plan_free(p);
    vep_engine_free(e);
}

static void test_bundled_plan_schedule_and_release(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_file(e, PLAN);
    cJSON *d = describe(p, NULL);
    const cJSON *pl = get(d, "placement"), *re = get(d, "reassessment");
    const cJSON *pre = get(d, "pre_release"), *post = get(d, "post_release"), *s;
    (void)state;

    assert_string_equal(fx_jstr(pl, "default"), "standard");
    assert_int_equal((int)fx_jnum(pl, "review_months"), 6);

    assert_int_equal(cJSON_GetArraySize(get(re, "every_months")), 3);
    assert_int_equal((int)fx_jnum(by(get(re, "every_months"), "level", "low"), "months"), 12);
    assert_int_equal((int)fx_jnum(by(get(re, "every_months"), "level", "high"), "months"), 3);
    assert_int_equal(cJSON_GetArraySize(get(re, "triggers")), 6);
    assert_int_equal((int)fx_jnum(by(get(re, "triggers"), "trigger", "incident"), "within_days"), 14);
    assert_int_equal((int)fx_jnum(by(get(re, "triggers"), "trigger", "pre_release_window"),
                                  "within_days"), 0);

    assert_int_equal((int)fx_jnum(pre, "months_before"), 6);
    assert_int_equal(cJSON_GetArraySize(get(pre, "steps")), 8);
    s = cJSON_GetArrayItem(get(pre, "steps"), 0);
    assert_string_equal(fx_jstr(s, "step"), "release_risk_assessment");
    assert_string_equal(fx_jstr(s, "rule"), "pre_release:release_risk_assessment");
    assert_string_equal(fx_jstr(s, "title"), "Release risk assessment");
    assert_string_equal(fx_jstr(s, "agency"), "treatment");
    assert_int_equal((int)fx_jnum(s, "due_months"), 6);
    assert_string_equal(fx_jstr(s, "when"), "always");
    assert_true(cJSON_IsTrue(get(s, "always")));
    s = by(get(pre, "steps"), "step", "release_conditions");
    assert_string_equal(fx_jstr(s, "when"), "context conditional_release is 'true'");
    assert_true(cJSON_IsFalse(get(s, "always")));

    assert_string_equal(fx_jstr(post, "supervisor"), "probation");
    assert_string_equal(fx_jstr(post, "contact"), "monthly");
    expect_strings(get(post, "agencies"), "probation,social_work");
    assert_int_equal((int)fx_jnum(post, "review_months"), 3);
    assert_int_equal((int)fx_jnum(post, "reviews"), 4);
    assert_int_equal(cJSON_GetArraySize(get(post, "closure")), 3);
    assert_string_equal(cJSON_GetArrayItem(get(post, "closure"), 0)->valuestring,
                        "Twelve months without a breach of conditions");

    assert_int_equal(cJSON_GetArraySize(get(d, "tests")), 15);
    assert_true(fx_jnum(cJSON_GetArrayItem(get(d, "tests"), 0), "line") > 0);

    cJSON_Delete(d);
    vep_plan_free(p);
    vep_engine_free(e);
}

static void test_texts_in_the_requested_language(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_file(e, PLAN);
    cJSON *sr = describe(p, "sr-Latn"), *xx = describe(p, "xx"), *en = describe(p, NULL);
    (void)state;

    assert_string_equal(fx_jstr(by(get(sr, "interventions"), "id", "PSY-IND"), "title"),
                        "Individualni psihološki rad");
    assert_string_equal(cJSON_GetArrayItem(get(get(sr, "post_release"), "closure"), 0)->valuestring,
                        "Dvanaest meseci bez kršenja uslova");
    /* ids, codes and condition words never depend on the language */
    assert_string_equal(fx_jstr(by(get(sr, "rules"), "id", "R01-beliefs"), "when"),
                        "score beliefs_high is at least 2");
    /* a language the plan does not have: its first one */
    assert_string_equal(fx_jstr(by(get(xx, "interventions"), "id", "PSY-IND"), "title"),
                        "Individual psychological work");
    assert_string_equal(fx_jstr(xx, "title"), fx_jstr(en, "title"));
    cJSON_Delete(sr);
    cJSON_Delete(xx);
    cJSON_Delete(en);
    vep_plan_free(p);
    vep_engine_free(e);
}

/* ---- Inline plans: every kind of condition, absent sections --------- */

static void test_every_condition_in_words(void **state)
{
    static const char src[] = HEAD
        "rule \"r1\" { title = \"t\", add = { intervention = \"X\" } }\n"
        "rule \"r2\" { title = \"t\", when = { flag = \"f\", raised = false }, add = { intervention = \"X\" } }\n"
        "rule \"r3\" { title = \"t\", when = { item = \"B01\", unknown = true }, add = { intervention = \"X\" } }\n"
        "rule \"r4\" { title = \"t\", when = { item = \"B01\", answered = true }, add = { intervention = \"X\" } }\n"
        "rule \"r5\" { title = \"t\", when = { item = \"B01\", is_not = { \"low\", \"moderate\" } }, add = { intervention = \"X\" } }\n"
        "rule \"r6\" { title = \"t\", when = { level = \"L\", is = \"high\" }, add = { intervention = \"X\" } }\n"
        "rule \"r7\" { title = \"t\", when = { window = \"open\" }, add = { intervention = \"X\" } }\n"
        "rule \"r8\" { title = \"t\", when = { refused = \"X\" }, add = { intervention = \"X\" } }\n"
        "rule \"r9\" { title = \"t\", when = { score = \"S\", at_most = 2.5 }, add = { intervention = \"X\", agency = \"a\", review_months = 2, start_days = 3, priority = 1 } }\n"
        "rule \"r10\" { title = \"t\", when = { all = { { item = \"B01\", is_not = \"low\" }, { none = { { flag = \"f\" } } } } }, add = { responsivity = \"note\" } }\n";
    static const char *const want[][2] = {
        { "r1", "always" },
        { "r2", "flag f is not raised" },
        { "r3", "item B01 is unknown" },
        { "r4", "item B01 is answered" },
        { "r5", "item B01 is none of 'low', 'moderate'" },
        { "r6", "level L is 'high'" },
        { "r7", "pre-release window is 'open'" },
        { "r8", "programme X is refused" },
        { "r9", "score S is at most 2.5" },
        { "r10", "all of: [item B01 is not 'low'; none of: [flag f is raised]]" },
    };
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_src(e, src);
    cJSON *d = describe(p, NULL);
    const cJSON *x;
    size_t i;
    (void)state;

    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cJSON *r = by(get(d, "rules"), "id", want[i][0]);
        assert_string_equal(fx_jstr(r, "when"), want[i][1]);
        assert_int_equal(cJSON_IsTrue(get(r, "always")), i == 0);
    }
    x = cJSON_GetArrayItem(get(by(get(d, "rules"), "id", "r9"), "adds"), 0);
    assert_string_equal(fx_jstr(x, "agency"), "a");
    assert_int_equal((int)fx_jnum(x, "review_months"), 2);
    assert_int_equal((int)fx_jnum(x, "start_days"), 3);
    assert_int_equal((int)fx_jnum(x, "priority"), 1);
    /* sections the script does not declare */
    assert_true(cJSON_IsNull(get(d, "pre_release")));
    assert_true(cJSON_IsNull(get(d, "post_release")));
    assert_true(cJSON_IsNull(get(get(d, "placement"), "default")));
    assert_int_equal(cJSON_GetArraySize(get(get(d, "reassessment"), "every_months")), 0);
    assert_int_equal(cJSON_GetArraySize(get(get(d, "reassessment"), "triggers")), 0);
    assert_int_equal(cJSON_GetArraySize(get(d, "tests")), 0);
    /* an intervention without a goal: null, not "" */
    assert_true(cJSON_IsNull(get(by(get(d, "interventions"), "id", "X"), "goal")));
    assert_false(cJSON_IsTrue(get(d, "illustrative")));
    cJSON_Delete(d);
    vep_plan_free(p);
    vep_engine_free(e);
}

/* The words of a condition match its explanation with the verdicts
** taken out, and evaluating a condition is not changed by them. */
static void test_words_are_the_explanation_without_verdicts(void **state)
{
    vep_alloc a;
    vep_buf b;
    vep_pcond kids[2], all;
    char *high[] = { (char *)"high" };
    (void)state;

    vep__alloc_init(&a, NULL);
    memset(kids, 0, sizeof kids);
    memset(&all, 0, sizeof all);
    kids[0].kind = VEP_PC_RISK;
    kids[0].codes = high;
    kids[0].ncodes = 1;
    kids[1].kind = VEP_PC_COMPLETED;
    kids[1].id = (char *)"EDU";
    all.kind = VEP_PC_ANY;
    all.kids = kids;
    all.nkids = 2;
    vep__buf_init(&b, &a);
    vep__pcond_words(&all, &b);
    assert_false(b.failed);
    assert_string_equal(vep__buf_str(&b), "any of: [risk is 'high'; programme EDU is completed]");
    vep__buf_reset(&b);
    {
        vep_plan_facts f;
        memset(&f, 0, sizeof f);
        f.risk = (char *)"low";
        assert_int_equal(vep__pcond_eval(&all, &f, "none", &b), 0);
        assert_string_equal(vep__buf_str(&b),
                            "any of: [risk is 'high' (does not hold: it is 'low'); "
                            "programme EDU is completed (does not hold)] (does not hold)");
    }
    vep__buf_free(&b);
}

/* ---- What the instrument description gives the guide ----------------- */

static void test_instrument_description_states_rules_in_words(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *scr = fx_load_file(e, SCREEN), *rna = fx_load_file(e, RNA);
    char *out = NULL;
    cJSON *d, *r;
    const cJSON *total, *t, *it;
    int twice = 0;
    (void)state;

    assert_int_equal(vep_instrument_describe(&out, scr, NULL), VEP_OK);
    d = cJSON_Parse(out);
    vep_free(out);
    assert_non_null(d);
    total = by(get(d, "scores"), "id", "total");
    assert_string_equal(fx_jstr(total, "missing"), "prorate");
    assert_int_equal((int)fx_jnum(total, "max_unknown"), 3);
    assert_true(cJSON_IsNull(get(total, "at_least")));
    assert_int_equal(cJSON_GetArraySize(get(total, "terms")), 12);
    cJSON_ArrayForEach(t, get(total, "terms")) {
        assert_string_equal(fx_jstr(t, "kind"), "item");
        if (fx_jnum(t, "weight") == 2)
            twice++;
    }
    assert_int_equal(twice, 4);   /* S02, S05, S09, S10 count twice */
    assert_int_equal((int)fx_jnum(by(get(total, "terms"), "id", "S05"), "weight"), 2);
    it = by(get(d, "items"), "id", "S05a");
    assert_string_equal(fx_jstr(it, "when"), "S05 is present");
    assert_string_equal(fx_jstr(it, "when_words"), "item S05 is 'present'");
    assert_int_equal((int)fx_jnum(it, "max_length"), 500);
    assert_true(cJSON_IsNull(get(by(get(d, "items"), "id", "S01"), "when_words")));
    assert_true(cJSON_IsNull(get(by(get(d, "items"), "id", "S01"), "max_length")));
    assert_string_equal(fx_jstr(by(get(d, "flags"), "id", "refer_full_assessment"), "when_words"),
                        "any of: [level screen is 'positive'; item S02 is 'present'; "
                        "item S05 is 'present'; item S10 is 'present']");
    cJSON_Delete(d);

    assert_int_equal(vep_instrument_describe(&out, rna, NULL), VEP_OK);
    r = cJSON_Parse(out);
    vep_free(out);
    assert_non_null(r);
    t = by(get(r, "scores"), "id", "beliefs_high");
    assert_string_equal(fx_jstr(t, "rule"), "count");
    assert_int_equal((int)fx_jnum(t, "at_least"), 2);
    assert_string_equal(fx_jstr(t, "missing"), "incomplete");
    assert_int_equal((int)fx_jnum(t, "max_unknown"), 2);
    t = by(get(r, "scores"), "id", "capability_intent");
    assert_int_equal(cJSON_GetArraySize(get(t, "terms")), 0);   /* a function: its items are its uses */
    assert_int_equal(cJSON_GetArraySize(get(t, "items")), 4);
    assert_string_equal(fx_jstr(by(get(r, "flags"), "id", "capability_with_intent"), "when_words"),
                        "score capability_intent is at least 1");
    assert_string_equal(fx_jstr(by(get(r, "flags"), "id", "protective_weak"), "when_words"),
                        "score protective_high is at most 1");
    cJSON_Delete(r);
    vep_instrument_free(scr);
    vep_instrument_free(rna);
    vep_engine_free(e);
}

/* ---- Arguments, determinism, memory ----------------------------------- */

static void test_arguments_and_same_bytes(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_plan *p = load_file(e, PLAN), *q;
    char *a = (char *)&a, *b = NULL;
    (void)state;

    assert_int_equal(vep_plan_describe(&a, NULL, NULL), VEP_ERR_ARGUMENT);
    assert_null(a);
    assert_int_equal(vep_plan_describe(NULL, p, NULL), VEP_ERR_ARGUMENT);
    a = (char *)&a;
    assert_int_equal(vep_plan_describe(&a, p, "!!"), VEP_ERR_ARGUMENT);
    assert_null(a);
    assert_non_null(strstr(vep_engine_errmsg(e), "'!!' is not a language tag"));

    assert_int_equal(vep_plan_describe(&a, p, "en"), VEP_OK);
    q = load_file(e, PLAN);
    assert_int_equal(vep_plan_describe(&b, q, NULL), VEP_OK);
    assert_string_equal(a, b);     /* the same script: the same bytes */
    assert_int_equal(a[strlen(a) - 1], '\n');
    vep_free(a);
    vep_free(b);
    vep_plan_free(q);
    vep_plan_free(p);
    vep_engine_free(e);
}

static void test_out_of_memory_at_every_allocation(void **state)
{
    fx_alloc fa;
    vep_engine *e;
    vep_plan *p;
    char *want = NULL, *out;
    unsigned long n, total, step, failures = 0;
    size_t base;
    vep_status st;
    (void)state;

    memset(&fa, 0, sizeof fa);
    e = fx_engine_with(&fa, 0, 0, 0);
    p = load_file(e, PLAN);
    {   /* a failure first, so that the engine's message buffer exists */
        vep_plan *bad = NULL;
        assert_int_equal(vep_plan_load_buffer(&bad, e, "bad.lua", "x(", 2), VEP_ERR_SCRIPT);
    }
    fx_alloc_arm(&fa, 0, 0);
    assert_int_equal(vep_plan_describe(&want, p, "sr-Latn"), VEP_OK);
    total = fa.count;
    assert_true(total > 0);
    base = fa.live_blocks;
    step = fx_quick() && total > 200 ? total / 100 : 1;
    for (n = 1; n <= total; n += (n < 20 ? 1 : step)) {
        out = (char *)&out;
        fx_alloc_arm(&fa, n, 0);
        st = vep_plan_describe(&out, p, "sr-Latn");
        fx_alloc_disarm(&fa);
        if (st == VEP_OK) {
            assert_string_equal(out, want);
            vep_free(out);
        } else {
            assert_int_equal(st, VEP_ERR_NOMEM);
            assert_null(out);
            assert_true(vep_engine_errmsg(e)[0] != '\0');
            failures++;
        }
        assert_int_equal(fa.live_blocks, base);
    }
    assert_true(failures > 0);
    vep_free(want);
    vep_plan_free(p);
    vep_engine_free(e);
    assert_int_equal(fa.live_blocks, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundled_plan_header_agencies_and_catalogue),
        cmocka_unit_test(test_bundled_plan_rules_in_words),
        cmocka_unit_test(test_bundled_plan_schedule_and_release),
        cmocka_unit_test(test_texts_in_the_requested_language),
        cmocka_unit_test(test_every_condition_in_words),
        cmocka_unit_test(test_words_are_the_explanation_without_verdicts),
        cmocka_unit_test(test_instrument_description_states_rules_in_words),
        cmocka_unit_test(test_arguments_and_same_bytes),
        cmocka_unit_test(test_out_of_memory_at_every_allocation),
    };
    fx_run(tests);
}
