/*
** test_lint.c -- vep_instrument_lint and vep_plan_lint (lint.c,
** lint_cond.c, lint_plan.c): each rule finds its mistake, with rule,
** severity, file, line, kind and id; the legal look-alikes give nothing;
** the document's shape and order; determinism; argument checks; and the
** out-of-memory loops.
**
** The line a finding must carry is found by a marker comment ("--@x") on
** the declaration's line, so the scripts can be edited freely.
*/
#include "api_fixture.h"

#define MISTAKES "tests/cli/fixtures/lint/instrument-mistakes.lua"
#define PLAN_MISTAKES "tests/cli/fixtures/lint/plan-mistakes.lua"

/* A scale, a domain and items of each kind the condition tests need. */
#define BASE FX_HEAD                                                          \
    "scale \"lmh\" { { code = \"low\", value = 0, label = \"Low\" },\n"       \
    "  { code = \"moderate\", value = 1, label = \"Moderate\" },\n"           \
    "  { code = \"high\", value = 2, label = \"High\" } }\n"                  \
    "domain \"d\" { title = \"D\" }\n"                                        \
    "item \"A\" { type = \"scale\", scale = \"lmh\", domains = { \"d\" }, text = \"A?\", guidance = \"g\" }\n" \
    "item \"B\" { type = \"scale\", scale = \"lmh\", domains = { \"d\" }, text = \"B?\", guidance = \"g\",\n" \
    "  unknown = false }\n"                                                   \
    "item \"M\" { type = \"multi\", domains = { \"d\" }, text = \"M?\", guidance = \"g\",\n" \
    "  options = { { code = \"a\", value = 1, label = \"a\" }, { code = \"b\", value = 1, label = \"b\" },\n" \
    "              { code = \"c\", value = 1, label = \"c\" } } }\n"      \
    "item \"K\" { type = \"count\", max = 5, domains = { \"d\" }, text = \"K?\", guidance = \"g\" }\n" \
    "item \"Y\" { type = \"presence\", domains = { \"d\" }, text = \"Y?\", guidance = \"g\",\n" \
    "  when = { item = \"A\", is = \"high\" } }\n"                            \
    "item \"Y2\" { type = \"presence\", domains = { \"d\" }, text = \"Y2?\", guidance = \"g\",\n" \
    "  when = { item = \"A\", is = \"low\" } }\n"                             \
    "score \"s\" { rule = \"sum\", items = { \"A\", \"B\" } }\n"              \
    "level \"L\" { of = \"s\", bands = { { level = \"lo\", min = 0, max = 1 },\n" \
    "  { level = \"hi\", min = 2, max = 4 } } }\n"                            \
    "flag \"G\" { when = { item = \"A\", is = \"low\" }, title = \"G\" }\n"

typedef struct lt {
    fx_alloc a;
    vep_engine *e;
    vep_instrument *ins;
    vep_plan *plan;
    char *out;
    cJSON *doc;
} lt;

static int lt_setup(void **state)
{
    lt *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->e = fx_engine_with(&t->a, 0, 0, 0);
    *state = t;
    return 0;
}

/* Frees what the last lint left. */
static void lt_clear(lt *t)
{
    cJSON_Delete(t->doc);
    t->doc = NULL;
    vep_free(t->out);
    t->out = NULL;
    vep_instrument_free(t->ins);
    t->ins = NULL;
    vep_plan_free(t->plan);
    t->plan = NULL;
}

static int lt_teardown(void **state)
{
    lt *t = *state;
    lt_clear(t);
    vep_engine_free(t->e);
    assert_int_equal(t->a.live_bytes, 0);
    free(t);
    return 0;
}

/* Parses t->out, which must be the documented document with `count`
** findings in declaration order, and keeps it in t->doc. */
static cJSON *parse(lt *t, size_t count, const char *script)
{
    const cJSON *list, *f;
    unsigned last = 0;
    t->doc = cJSON_Parse(t->out);
    if (t->doc == NULL)
        fail_msg("not JSON: %s", t->out);
    assert_string_equal(fx_jstr(t->doc, "script"), script);
    assert_string_equal(fx_jstr(t->doc, "version"), "1.0.0");
    list = cJSON_GetObjectItemCaseSensitive(t->doc, "findings");
    assert_true(cJSON_IsArray(list));
    if ((size_t)cJSON_GetArraySize(list) != count)
        fail_msg("%d findings, %zu expected: %s", cJSON_GetArraySize(list), count, t->out);
    cJSON_ArrayForEach(f, list) {
        const char *sev = fx_jstr(f, "severity");
        assert_true(strcmp(sev, "warning") == 0 || strcmp(sev, "note") == 0);
        fx_jstr(f, "rule");
        fx_jstr(f, "kind");
        fx_jstr(f, "message");
        assert_true(fx_jnum(f, "line") >= last);   /* one file: lines ascend */
        last = (unsigned)fx_jnum(f, "line");
    }
    return t->doc;
}

/* Loads `src` (it must load) and lints it; returns the parsed document,
** which must hold `count` findings. */
static cJSON *lint_src(lt *t, const char *src, size_t count)
{
    size_t n = 99;
    lt_clear(t);
    t->ins = fx_load_ok(t->e, src);
    assert_int_equal(vep_instrument_lint(&t->out, &n, t->ins), VEP_OK);
    assert_non_null(t->out);
    assert_int_equal(n, count == (size_t)-1 ? n : count);
    return parse(t, n, vep_instrument_id(t->ins));
}

/* The findings with `rule` (and `id` unless NULL). */
static size_t count_rule(const cJSON *doc, const char *rule, const char *id)
{
    const cJSON *f;
    size_t n = 0;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings"))
        if (strcmp(fx_jstr(f, "rule"), rule) == 0
            && (id == NULL || (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(f, "id"))
                               && strcmp(fx_jstr(f, "id"), id) == 0)))
            n++;
    return n;
}

/* The first finding with `rule` and `id`; fails the test when none. */
static const cJSON *finding(const cJSON *doc, const char *rule, const char *id)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings"))
        if (strcmp(fx_jstr(f, "rule"), rule) == 0
            && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(f, "id"))
            && strcmp(fx_jstr(f, "id"), id) == 0)
            return f;
    fail_msg("no finding %s on '%s'", rule, id);
    return NULL;
}

/* Asserts the finding's place, kind and severity. */
static void assert_finding(const cJSON *f, const char *sev, const char *kind,
                           const char *file, unsigned line)
{
    assert_string_equal(fx_jstr(f, "severity"), sev);
    assert_string_equal(fx_jstr(f, "kind"), kind);
    assert_string_equal(fx_jstr(f, "file"), file);
    if ((unsigned)fx_jnum(f, "line") != line)
        fail_msg("%s at line %u, not %u", fx_jstr(f, "rule"), (unsigned)fx_jnum(f, "line"), line);
}

/* ---- The fixture scripts ---------------------------------------------- */

/* One finding as the fixture test lists it. */
typedef struct want {
    const char *rule, *severity, *kind, *id, *lang, *marker;
} want;

/* The findings of a lint document are exactly `w` (in order); a finding's
** line is that of its marker in the script text `src`. */
static void assert_findings(const cJSON *doc, const char *src, const want *w, size_t n)
{
    const cJSON *f;
    size_t i = 0;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings")) {
        const cJSON *lang = cJSON_GetObjectItemCaseSensitive(f, "lang");
        assert_true(i < n);
        assert_string_equal(fx_jstr(f, "rule"), w[i].rule);
        assert_string_equal(fx_jstr(f, "severity"), w[i].severity);
        assert_string_equal(fx_jstr(f, "kind"), w[i].kind);
        assert_string_equal(fx_jstr(f, "id"), w[i].id);
        if (w[i].lang)
            assert_string_equal(cJSON_IsString(lang) ? lang->valuestring : "", w[i].lang);
        else
            assert_null(lang);
        if ((unsigned)fx_jnum(f, "line") != fx_line_of(src, w[i].marker))
            fail_msg("%s on %s at line %u, not %u", w[i].rule, w[i].id,
                     (unsigned)fx_jnum(f, "line"), fx_line_of(src, w[i].marker));
        i++;
    }
    assert_int_equal(i, n);
}

static void test_fixture_instrument(void **state)
{
    static const want w[] = {
        { "unused_scale", "warning", "scale", "yn", NULL, "scale \"yn\"" },
        { "duplicate_label", "warning", "scale", "lmh", "en", "scale \"lmh\"" },
        { "missing_translation", "warning", "item", "B", "sq", "item \"B\"" },
        { "item_counts_nowhere", "note", "item", "N", NULL, "item \"N\"" },
        { "no_guidance", "note", "item", "N", NULL, "item \"N\"" },
        { "never_holds", "warning", "item", "R", NULL, "item \"R\"" },
        { "band_unreachable", "warning", "level", "L", NULL, "level \"L\"" },
        { "never_holds", "warning", "flag", "F", NULL, "flag \"F\"" },
    };
    lt *t = *state;
    char *src = fx_read(fx_path(MISTAKES), NULL);
    const cJSON *f, *places, *p;
    size_t n = 0;

    t->ins = fx_load_file(t->e, MISTAKES);
    assert_int_equal(vep_instrument_lint(&t->out, &n, t->ins), VEP_OK);
    assert_int_equal(n, 8);
    parse(t, 8, "lint-mistakes");
    assert_findings(t->doc, src, w, 8);
    f = finding(t->doc, "missing_translation", "B");
    assert_string_equal(fx_jstr(f, "file"), fx_path(MISTAKES));
    fx_assert_contains(fx_jstr(f, "message"), "2 texts have no 'sq' version");
    places = cJSON_GetObjectItemCaseSensitive(f, "places");
    assert_int_equal(cJSON_GetArraySize(places), 2);
    p = cJSON_GetArrayItem(places, 0);
    assert_string_equal(fx_jstr(p, "kind"), "item");
    assert_string_equal(fx_jstr(p, "id"), "B");
    assert_string_equal(fx_jstr(p, "field"), "guidance");
    p = cJSON_GetArrayItem(places, 1);
    assert_string_equal(fx_jstr(p, "id"), "C");
    assert_string_equal(fx_jstr(p, "field"), "label of option 'y'");
    assert_int_equal((unsigned)fx_jnum(p, "line"), fx_line_of(src, "item \"C\""));
    fx_assert_contains(fx_jstr(finding(t->doc, "duplicate_label", "lmh"), "message"),
                       "'moderate' and 'high'");
    fx_assert_contains(fx_jstr(finding(t->doc, "band_unreachable", "L"), "message"),
                       "band 'mid' (1.2 to 1.8)");
    fx_assert_contains(fx_jstr(finding(t->doc, "never_holds", "R"), "message"),
                       "{ item = \"A\", at_least = 3 } can never hold: the highest value item 'A' can have is 2");
    assert_null(cJSON_GetObjectItemCaseSensitive(finding(t->doc, "never_holds", "R"), "places"));
    free(src);
}

static void test_fixture_plan(void **state)
{
    static const want w[] = {
        { "unused_agency", "warning", "agency", "archive", NULL, "agency \"archive\"" },
        { "own_part_empty", "warning", "agency", "health", NULL, "agency \"health\"" },
        { "unused_intervention", "warning", "intervention", "EDU", NULL, "intervention \"EDU\"" },
        { "missing_translation", "warning", "rule", "R1", "sq", "rule \"R1\"" },
        { "unused_host_function", "warning", "host_function", "prior_assessments", NULL,
          "host_function \"prior_assessments\"" },
    };
    lt *t = *state;
    char *src = fx_read(fx_path(PLAN_MISTAKES), NULL);
    size_t n = 0;

    assert_int_equal(vep_plan_load_file(&t->plan, t->e, fx_path(PLAN_MISTAKES)), VEP_OK);
    assert_int_equal(vep_plan_lint(&t->out, &n, t->plan), VEP_OK);
    assert_int_equal(n, 5);
    parse(t, 5, "lint-plan-mistakes");
    assert_findings(t->doc, src, w, 5);
    fx_assert_contains(fx_jstr(finding(t->doc, "own_part_empty", "health"), "message"),
                       "interventions.own");
    fx_assert_contains(fx_jstr(finding(t->doc, "missing_translation", "R1"), "message"),
                       "1 text has no 'sq' version: title of rule 'R1'");
    free(src);
}

/* The bundled scripts lint without error; each finding is well formed. */
static void test_bundled_scripts(void **state)
{
    lt *t = *state;
    size_t n = 0;
    lt_clear(t);
    t->ins = fx_load_file(t->e, "instruments/screening/vep-screen.lua");
    assert_int_equal(vep_instrument_lint(&t->out, &n, t->ins), VEP_OK);
    parse(t, n, "vep-screen");
    lt_clear(t);
    assert_int_equal(vep_plan_load_file(&t->plan, t->e, fx_path("instruments/plans/vep-plan-rna.lua")),
                     VEP_OK);
    assert_int_equal(vep_plan_lint(&t->out, &n, t->plan), VEP_OK);
    parse(t, n, "vep-plan-rna");
    assert_int_equal(count_rule(t->doc, "unused_agency", NULL), 0);
    assert_int_equal(count_rule(t->doc, "unused_intervention", NULL), 0);
    lt_clear(t);        /* host functions that rules ask are used */
    assert_int_equal(vep_plan_load_file(&t->plan, t->e, fx_path("examples/host/vep-plan-screen-host.lua")),
                     VEP_OK);
    assert_int_equal(vep_plan_lint(&t->out, &n, t->plan), VEP_OK);
    parse(t, n, "vep-plan-screen-host");
    assert_int_equal(count_rule(t->doc, "unused_host_function", NULL), 0);
}

/* ---- Conditions --------------------------------------------------------- */

/* Lints BASE with flag "F" { when = WHEN }: `count` never_holds findings,
** all on F, the first one's message containing `needle`. */
static void flag_case(lt *t, const char *when, size_t count, const char *needle)
{
    char src[4096];
    const cJSON *f;
    snprintf(src, sizeof src, "%sflag \"F\" { when = %s, title = \"F\" } --@F\n", BASE, when);
    lint_src(t, src, (size_t)-1);
    if (count_rule(t->doc, "never_holds", NULL) != count)
        fail_msg("%s: %zu never_holds findings, %zu expected: %s", when,
                 count_rule(t->doc, "never_holds", NULL), count, t->out);
    if (count == 0)
        return;
    assert_int_equal(count_rule(t->doc, "never_holds", "F"), count);
    f = finding(t->doc, "never_holds", "F");
    assert_finding(f, "warning", "flag", "ok.lua", fx_line_of(src, "--@F"));
    fx_assert_contains(fx_jstr(f, "message"), needle);
}

static void test_cond_single(void **state)
{
    lt *t = *state;
    flag_case(t, "{ item = \"K\", at_least = 6 }", 1, "the highest value item 'K' can have is 5");
    flag_case(t, "{ score = \"s\", at_most = -1 }", 1, "the lowest value score 's' can have is 0");
    flag_case(t, "{ level = \"L\", at_least = 4.5 }", 1, "the highest value level 'L' can have is 4");
    flag_case(t, "{ item = \"A\", is_not = { \"low\", \"moderate\", \"high\" } }", 1,
              "every code of item 'A'");
    flag_case(t, "{ level = \"L\", is_not = { \"lo\", \"hi\" } }", 1, "every band level 'L' can have");
    flag_case(t, "{ item = \"B\", unknown = true }", 1, "unknown = false");
    flag_case(t, "{ score = \"s\", unknown = true }", 1, "only an item can be answered unknown");
    flag_case(t, "{ flag = \"G\", is = \"raised\" }", 1, "write { flag = \"G\" }");
    flag_case(t, "{ any = { } }", 1, "an empty any = { } can never hold");
    /* an impossible alternative is reported although the whole can hold */
    flag_case(t, "{ any = { { item = \"A\", is = \"low\" }, { item = \"K\", at_most = -1 } } }", 1,
              "{ item = \"K\", at_most = -1 } can never hold");
}

static void test_cond_together(void **state)
{
    lt *t = *state;
    flag_case(t, "{ all = { { item = \"A\", is = \"low\" }, { item = \"A\", is = \"high\" } } }", 1,
              "{ item = \"A\", is = \"low\" } and { item = \"A\", is = \"high\" } can never hold together");
    flag_case(t, "{ all = { { item = \"A\", is = \"low\" }, { item = \"A\", at_least = 1 } } }", 1,
              "no answer of item 'A' meets them all");
    flag_case(t, "{ all = { { item = \"K\", at_least = 3 }, { item = \"K\", at_most = 2 } } }", 1,
              "no value of item 'K' meets them all");
    flag_case(t, "{ all = { { item = \"A\", unknown = true }, { item = \"A\", answered = true } } }", 1,
              "cannot be unknown and have a value");
    flag_case(t, "{ all = { { item = \"M\", is = \"a\" }, { item = \"M\", is_not = { \"a\", \"b\" } } } }", 1,
              "is_not");
    flag_case(t, "{ all = { { level = \"L\", is = \"lo\" }, { level = \"L\", at_least = 2 } } }", 1,
              "no band of level 'L' meets them all");
    /* what an item's relevance requires joins the all = { ... } */
    flag_case(t, "{ all = { { item = \"Y\", answered = true }, { item = \"A\", is = \"low\" } } }", 1,
              "{ item = \"A\", is = \"high\" } (which item 'Y' needs to be relevant)");
    flag_case(t, "{ all = { { item = \"Y\", answered = true }, { item = \"Y2\", answered = true } } }", 1,
              "no answer of item 'A' meets them all");
    /* nested all = { ... } are one conjunction, reported once */
    flag_case(t, "{ any = { { item = \"A\", is = \"low\" }, { all = { { item = \"A\", is = \"low\" },"
              " { all = { { item = \"A\", is = \"high\" } } } } } } }", 1, "can never hold together");
}

/* Look-alikes that can hold: nothing to report. */
static void test_cond_legal(void **state)
{
    lt *t = *state;
    flag_case(t, "{ all = { { item = \"M\", is = \"a\" }, { item = \"M\", is = \"b\" } } }", 0, NULL);
    flag_case(t, "{ any = { { item = \"A\", is = \"low\" }, { item = \"A\", is = \"high\" } } }", 0, NULL);
    flag_case(t, "{ none = { { item = \"A\", is = \"low\" }, { item = \"A\", is = \"high\" } } }", 0, NULL);
    flag_case(t, "{ all = { { item = \"A\", is = { \"low\", \"high\" } }, { item = \"A\", is_not = \"low\" } } }",
              0, NULL);
    flag_case(t, "{ all = { { item = \"A\", is = \"high\" }, { item = \"A\", at_least = 2 } } }", 0, NULL);
    flag_case(t, "{ all = { { item = \"A\", is = \"low\" }, { item = \"B\", is = \"high\" } } }", 0, NULL);
    flag_case(t, "{ all = { { item = \"Y\", answered = true }, { item = \"A\", is = \"high\" } } }", 0, NULL);
    flag_case(t, "{ item = \"K\", at_least = 5 }", 0, NULL);
    flag_case(t, "{ item = \"M\", is_not = { \"a\", \"b\", \"c\" } }", 0, NULL);  /* none chosen */
    flag_case(t, "{ item = \"A\", unknown = true }", 0, NULL);
    flag_case(t, "{ flag = \"G\" }", 0, NULL);
    flag_case(t, "{ uses = { \"A\" }, fn = function(a) return a.code(\"A\") == \"low\" end }", 0, NULL);
}

/* A condition of an item is reported on the item. */
static void test_cond_item(void **state)
{
    lt *t = *state;
    const char *src = BASE "item \"Z\" { type = \"text\", text = \"Z?\", guidance = \"g\", --@Z\n"
                      "  when = { all = { { item = \"K\", at_least = 4 }, { item = \"K\", at_most = 3 } } } }\n";
    const cJSON *f;
    lint_src(t, src, 1);
    f = finding(t->doc, "never_holds", "Z");
    assert_finding(f, "warning", "item", "ok.lua", fx_line_of(src, "--@Z"));
    fx_assert_contains(fx_jstr(f, "message"), "item 'Z': ");
}

/* ---- Bands, scales, labels, items ---------------------------------------- */

static void test_bands(void **state)
{
    lt *t = *state;
    const cJSON *f;
    const char *mean = FX_HEAD
        "item \"A\" { type = \"number\", min = 0, max = 1, text = \"A?\", guidance = \"g\" }\n"
        "item \"B\" { type = \"number\", min = 0, max = 1, text = \"B?\", guidance = \"g\" }\n"
        "score \"m\" { rule = \"mean\", items = { \"A\", \"B\" } }\n"
        "level \"L\" { of = \"m\", bands = { { level = \"a\", min = 0, max = 0.001 }, --@L\n"
        "  { level = \"b\", min = 0.0012, max = 0.0018 }, { level = \"c\", min = 0.002, max = 1 } } }\n";
    const char *ok = BASE "level \"L2\" { of = \"s\", bands = { { level = \"a\", min = 0, max = 0.4 },\n"
        "  { level = \"b\", min = 0.5, max = 1.5 }, { level = \"c\", min = 2, max = 4 } } }\n";

    lint_src(t, mean, 1);
    f = finding(t->doc, "band_unreachable", "L");
    assert_finding(f, "warning", "level", "ok.lua", fx_line_of(mean, "--@L"));
    fx_assert_contains(fx_jstr(f, "message"), "band 'b' (0.0012 to 0.0018)");
    fx_assert_contains(fx_jstr(f, "message"), "rounded to 2 decimals");
    lint_src(t, ok, 0);
}

static void test_scales_and_labels(void **state)
{
    lt *t = *state;
    const cJSON *f;
    const char *src =
        "instrument { id = \"t\", version = \"1.0.0\", languages = { \"en\", \"sq\" },\n"
        "  title = { en = \"T\", sq = \"T\" } }\n"
        "scale \"unused\" { { code = \"a\", value = 0, label = { en = \"A\", sq = \"A\" } }, --@unused\n"
        "  { code = \"b\", value = 1, label = { en = \"B\", sq = \"B\" } } }\n"
        "scale \"used\" { { code = \"a\", value = 0, label = { en = \"Same\", sq = \"Nje\" } }, --@used\n"
        "  { code = \"b\", value = 1, label = { en = \"Same\", sq = \"Dy\" } } }\n"
        "item \"S\" { type = \"scale\", scale = \"used\", text = { en = \"S?\", sq = \"S?\" },\n"
        "  guidance = { en = \"g\", sq = \"g\" }, domains = { \"d\" } }\n"
        "item \"C\" { type = \"multi\", text = { en = \"C?\", sq = \"C?\" }, --@C\n"
        "  guidance = { en = \"g\", sq = \"g\" }, domains = { \"d\" },\n"
        "  options = { { code = \"x\", value = 1, label = { en = \"X\", sq = \"Iks\" } },\n"
        "              { code = \"y\", value = 1, label = { en = \"Y\", sq = \"Iks\" } },\n"
        "              { code = \"z\", value = 1 } } }\n"
        "domain \"d\" { title = { en = \"D\", sq = \"D\" } }\n";

    lint_src(t, src, 5);
    f = finding(t->doc, "unused_scale", "unused");
    assert_finding(f, "warning", "scale", "ok.lua", fx_line_of(src, "--@unused") );
    assert_int_equal(count_rule(t->doc, "unused_scale", NULL), 1);
    f = finding(t->doc, "duplicate_label", "used");
    assert_finding(f, "warning", "scale", "ok.lua", fx_line_of(src, "--@used"));
    assert_string_equal(fx_jstr(f, "lang"), "en");
    fx_assert_contains(fx_jstr(f, "message"), "points 'a' and 'b' have the same 'en' label \"Same\"");
    f = finding(t->doc, "duplicate_label", "C");
    assert_finding(f, "warning", "item", "ok.lua", fx_line_of(src, "--@C"));
    assert_string_equal(fx_jstr(f, "lang"), "sq");
    fx_assert_contains(fx_jstr(f, "message"), "options 'x' and 'y'");
    /* an option without any label lacks it in every language: one
    ** finding per language, each with that one place */
    assert_int_equal(count_rule(t->doc, "missing_translation", "C"), 2);
    f = finding(t->doc, "missing_translation", "C");
    assert_string_equal(fx_jstr(f, "lang"), "en");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(f, "places")), 1);
    fx_assert_contains(fx_jstr(f, "message"), "1 text has no 'en' version: label of option 'z' of item 'C'");
}

static void test_items_counting_nowhere(void **state)
{
    lt *t = *state;
    const cJSON *f;
    const char *src = FX_HEAD
        "domain \"d\" { title = \"D\" }\n"
        "item \"A\" { type = \"presence\", domains = { \"d\" }, text = \"A?\", guidance = \"g\" }\n"
        "item \"N1\" { type = \"number\", text = \"N1?\", guidance = \"g\" } --@N1\n"
        "item \"N2\" { type = \"number\", text = \"N2?\", guidance = \"g\" }\n"
        "item \"N3\" { type = \"count\", text = \"N3?\", guidance = \"g\" }\n"
        "item \"N4\" { type = \"choice\", text = \"N4?\", guidance = \"g\",\n"
        "  options = { { code = \"a\", label = \"a\" } } }\n"
        "item \"T\" { type = \"text\", text = \"T?\", guidance = \"g\" }\n"
        "item \"W\" { type = \"date\", text = \"W?\", guidance = \"g\", when = { item = \"N4\", is = \"a\" } }\n"
        "score \"s\" { rule = \"sum\", items = { \"A\", \"N2\" } }\n"
        "flag \"F\" { when = { item = \"N3\", at_least = 2 }, title = \"F\" }\n";

    lint_src(t, src, 1);
    f = finding(t->doc, "item_counts_nowhere", "N1");
    assert_finding(f, "note", "item", "ok.lua", fx_line_of(src, "--@N1"));
}

static void test_guidance(void **state)
{
    lt *t = *state;
    const cJSON *f, *places;
    const char *src = FX_HEAD
        "domain \"d\" { title = \"D\" }\n"
        "item \"A\" { type = \"presence\", domains = { \"d\" }, text = \"A?\", guidance = \"g\" }\n"
        "item \"B\" { type = \"presence\", domains = { \"d\" }, text = \"B?\" } --@B\n"
        "item \"C\" { type = \"presence\", domains = { \"d\" }, text = \"C?\" }\n"
        "item \"D\" { type = \"text\", text = \"D?\" }\n";

    lint_src(t, src, 1);
    f = finding(t->doc, "no_guidance", "B");
    assert_finding(f, "note", "item", "ok.lua", fx_line_of(src, "--@B"));
    fx_assert_contains(fx_jstr(f, "message"), "3 items have no guidance: item 'B' (line ");
    places = cJSON_GetObjectItemCaseSensitive(f, "places");
    assert_int_equal(cJSON_GetArraySize(places), 3);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(places, 2), "id"), "D");
}

/* A text that the engine shows in a language's place (Serbian in the
** other script, the script's fallbacks) is not missing in it; the first
** language, the last resort of every text, does not count. */
static void test_translation_fallbacks(void **state)
{
    lt *t = *state;
    const cJSON *f, *list;
    const char *src =
        "instrument { id = \"t\", version = \"1.0.0\", --@head\n"
        "  languages = { \"en\", \"sr-Latn\", \"sr-Cyrl\", \"cnr\", \"sq\" },\n"
        "  fallbacks = { cnr = \"sr-Latn\" },\n"
        "  title = { en = \"T\", [\"sr-Latn\"] = \"T\", sq = \"T\" } }\n"
        "domain \"d\" { title = { en = \"D\", [\"sr-Cyrl\"] = \"Д\", sq = \"D\" } }\n"
        "item \"A\" { type = \"presence\", domains = { \"d\" }, text = { en = \"A?\" }, --@A\n"
        "  guidance = { en = \"g\", [\"sr-Latn\"] = \"g\", sq = \"g\" } }\n";

    lint_src(t, src, 4);
    list = cJSON_GetObjectItemCaseSensitive(t->doc, "findings");
    /* sr-Latn: the domain (from sr-Cyrl) and the title are there, the
    ** item's text is not */
    f = cJSON_GetArrayItem(list, 0);
    assert_string_equal(fx_jstr(f, "rule"), "missing_translation");
    assert_string_equal(fx_jstr(f, "lang"), "sr-Latn");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(f, "places")), 1);
    assert_finding(f, "warning", "item", "ok.lua", fx_line_of(src, "--@A"));
    fx_assert_contains(fx_jstr(f, "message"), "1 text has no 'sr-Latn' version: text of item 'A'");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(list, 1), "lang"), "sr-Cyrl");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(list, 2), "lang"), "cnr");
    /* sq: the domain's title in Cyrillic does not stand in for Albanian */
    f = cJSON_GetArrayItem(list, 3);
    assert_string_equal(fx_jstr(f, "lang"), "sq");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(f, "places")), 1);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(f, "places"), 0), "id"), "A");
}

/* A script with nothing to report gives exactly this document. */
static void test_clean_document(void **state)
{
    lt *t = *state;
    lint_src(t, FX_HEAD "domain \"d\" { title = \"D\" }\n"
             "item \"A\" { type = \"presence\", domains = { \"d\" }, text = \"A?\", guidance = \"g\" }\n", 0);
    assert_string_equal(t->out, "{\n  \"script\": \"t\",\n  \"version\": \"1.0.0\",\n  \"findings\": []\n}\n");
}

/* ---- Files, order, determinism, arguments ---------------------------- */

/* Places in a helper module name its file; the module's findings follow
** the main script's. */
static void test_module_places(void **state)
{
    lt *t = *state;
    char dir[256], main_path[512], mod_path[512];
    const cJSON *f, *places, *list;
    size_t n = 0;
    char needle[600];

    fx_mkdtemp(dir);
    snprintf(main_path, sizeof main_path, "%s", fx_write(dir, "main.lua",
             "instrument { id = \"m\", version = \"1.0.0\", languages = { \"en\", \"sq\" },\n"
             "  title = { en = \"M\", sq = \"M\" } }\n"
             "domain \"d\" { title = { en = \"D\", sq = \"D\" } }\n"
             "require \"extra\"\n"
             "item \"A\" { type = \"presence\", domains = { \"d\" }, text = { en = \"A?\" },\n"
             "  guidance = { en = \"g\", sq = \"g\" } }\n"));
    snprintf(mod_path, sizeof mod_path, "%s", fx_write(dir, "extra.lua",
             "\n"
             "item \"X\" { type = \"presence\", domains = { \"d\" }, text = { en = \"X?\" } }\n"));
    lt_clear(t);
    t->ins = fx_load_file(t->e, main_path);
    assert_int_equal(vep_instrument_lint(&t->out, &n, t->ins), VEP_OK);
    assert_int_equal(n, 2);
    t->doc = cJSON_Parse(t->out);
    assert_non_null(t->doc);
    list = cJSON_GetObjectItemCaseSensitive(t->doc, "findings");
    f = cJSON_GetArrayItem(list, 0);
    assert_string_equal(fx_jstr(f, "rule"), "missing_translation");
    assert_string_equal(fx_jstr(f, "file"), main_path);
    assert_string_equal(fx_jstr(f, "id"), "A");
    places = cJSON_GetObjectItemCaseSensitive(f, "places");
    assert_int_equal(cJSON_GetArraySize(places), 2);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(places, 1), "id"), "X");
    fx_assert_contains(fx_jstr(cJSON_GetArrayItem(places, 1), "file"), "extra.lua");
    snprintf(needle, sizeof needle, "text of item 'X' (%s:2)",
             fx_jstr(cJSON_GetArrayItem(places, 1), "file"));
    fx_assert_contains(fx_jstr(f, "message"), needle);
    f = cJSON_GetArrayItem(list, 1);          /* the module's, after */
    assert_string_equal(fx_jstr(f, "rule"), "no_guidance");
    assert_string_equal(fx_jstr(f, "id"), "X");
    assert_int_equal((unsigned)fx_jnum(f, "line"), 2);
}

static void test_deterministic(void **state)
{
    lt *t = *state;
    char *first;
    size_t n;
    t->ins = fx_load_file(t->e, MISTAKES);
    assert_int_equal(vep_instrument_lint(&t->out, &n, t->ins), VEP_OK);
    first = strdup(t->out);
    assert_non_null(first);
    vep_free(t->out);
    t->out = NULL;
    vep_instrument_free(fx_load_file(t->e, "instruments/rna/vep-rna.lua"));
    assert_int_equal(vep_instrument_lint(&t->out, &n, t->ins), VEP_OK);
    assert_string_equal(t->out, first);
    free(first);
}

static void test_arguments(void **state)
{
    lt *t = *state;
    char *out = (char *)1;
    size_t n = 7;
    assert_int_equal(vep_instrument_lint(&out, &n, NULL), VEP_ERR_ARGUMENT);
    assert_null(out);
    assert_int_equal(n, 0);
    assert_int_equal(vep_plan_lint(&out, &n, NULL), VEP_ERR_ARGUMENT);
    assert_null(out);
    t->ins = fx_load_file(t->e, MISTAKES);
    assert_int_equal(vep_instrument_lint(NULL, &n, t->ins), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_instrument_lint(&t->out, NULL, t->ins), VEP_OK);   /* no count */
    assert_non_null(t->out);
    assert_string_equal(vep_engine_errmsg(t->e), "");
}

/* ---- Out of memory ----------------------------------------------------- */

typedef struct lint_op {
    fx_oom_op op;          /* first: fx_oom_loop sees only this */
    vep_plan *plan;
} lint_op;

static vep_status run_lint(fx_oom_op *op)
{
    return vep_instrument_lint(&op->out, NULL, op->ins);
}

static vep_status run_plan_lint(fx_oom_op *op)
{
    return vep_plan_lint(&op->out, NULL, ((lint_op *)op)->plan);
}

static void test_oom(void **state)
{
    int persistent;
    (void)state;
    for (persistent = 0; persistent < 2; persistent++) {
        fx_oom_op *op = fx_oom_new(MISTAKES);
        lint_op *pl;
        op->ok = VEP_OK;
        op->run = run_lint;
        op->finish = fx_finish_out;
        fx_oom_loop(op, "linting instrument-mistakes.lua", persistent);
        fx_oom_free(op);

        pl = calloc(1, sizeof *pl);
        assert_non_null(pl);
        pl->op.e = fx_engine_with(&pl->op.a, 0, 0, 0);
        assert_int_equal(vep_plan_load_file(&pl->plan, pl->op.e, fx_path(PLAN_MISTAKES)), VEP_OK);
        fx_load(pl->op.e, "bad.lua", "x(", &pl->op.made);
        fx_clear(pl->op.e);
        pl->op.ok = VEP_OK;
        pl->op.run = run_plan_lint;
        pl->op.finish = fx_finish_out;
        fx_oom_loop(&pl->op, "linting plan-mistakes.lua", persistent);
        vep_plan_free(pl->plan);
        pl->plan = NULL;
        fx_oom_free(&pl->op);   /* frees pl, its first member */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fixture_instrument, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_fixture_plan, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_bundled_scripts, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_cond_single, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_cond_together, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_cond_legal, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_cond_item, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_bands, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_scales_and_labels, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_items_counting_nowhere, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_guidance, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_translation_fallbacks, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_clean_document, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_module_places, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_arguments, lt_setup, lt_teardown),
        cmocka_unit_test(test_oom),
    };
    fx_run(tests);
}
