/*
** test_check.c -- the definition checks of check.c, through
** vep_instrument_load_buffer: one test per rule, each asserting the rule
** name, the id and the line of the declaration concerned, and that every
** problem of a script is reported at once.
**
** The line a diagnostic must carry is found by a marker comment ("--@x")
** on the declaration's line, so the scripts can be edited freely.
*/
#include "api_fixture.h"

/* Five presence items in domain "d", a scale "lmh". */
#define BASE FX_HEAD                                                          \
    "scale \"lmh\" { { code = \"low\", value = 0, label = \"Low\" },\n"       \
    "  { code = \"moderate\", value = 1, label = \"Moderate\" },\n"           \
    "  { code = \"high\", value = 2, label = \"High\" } }\n"                  \
    "domain \"d\" { title = \"D\" }\n"                                        \
    "item \"A\" { type = \"presence\", domains = { \"d\" }, text = \"A?\" } --@A\n" \
    "item \"B\" { type = \"presence\", domains = { \"d\" }, text = \"B?\" }\n" \
    "item \"C\" { type = \"presence\", domains = { \"d\" }, text = \"C?\" }\n" \
    "item \"D\" { type = \"presence\", text = \"D?\" }\n"                     \
    "item \"E\" { type = \"presence\", text = \"E?\" }\n"

/* A sum of A, B, C (0 to 3) and a level over it with the given bands. */
#define SUM3 "score \"s\" { rule = \"sum\", items = { \"A\", \"B\", \"C\" } } --@s\n"
#define SUM5(extra) "score \"s\" { rule = \"sum\", items = { \"A\", \"B\", \"C\", \"D\", \"E\" }" \
    extra " } --@s\n"
#define LEVEL(bands) "level \"L\" { of = \"s\", bands = { " bands " } } --@L\n"
#define BAND(name, lo, hi) "{ level = \"" name "\", min = " lo ", max = " hi " },"

typedef struct ct {
    fx_alloc a;
    vep_engine *e;
    const char *src;
    vep_instrument *ins;   /* freed by the teardown, also after a failure */
    char *buf;             /* idem (malloc'd) */
} ct;

static int ct_setup(void **state)
{
    ct *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->e = fx_engine_with(&t->a, 0, 0, 0);
    *state = t;
    return 0;
}

static int ct_teardown(void **state)
{
    ct *t = *state;
    vep_instrument_free(t->ins);
    free(t->buf);
    vep_engine_free(t->e);
    assert_int_equal(t->a.live_bytes, 0);
    free(t);
    return 0;
}

/* Loads src, which must fail the definition checks. */
static void load_bad(ct *t, const char *src)
{
    vep_instrument *ins = NULL;
    vep_status st = fx_load(t->e, "check.lua", src, &ins);
    t->src = src;
    if (st != VEP_ERR_DEFINITION) {
        fx_dump(t->e);
        vep_instrument_free(ins);
        fail_msg("expected a definition error, got %s", vep_status_name(st));
    }
    assert_true(vep_diag_count(t->e) > 0);
}

/* The diagnostic with rule and id exists, at the marker's line, in the
** script's file; returns its message. */
static const char *expect_at(ct *t, const char *rule, const char *id,
                             const char *marker)
{
    size_t i = fx_expect(t->e, rule, id);
    unsigned want = fx_line_of(t->src, marker);
    if (vep_diag_line(t->e, i) != want) {
        fx_dump(t->e);
        fail_msg("%s on '%s' at line %u, not %u", rule, id, vep_diag_line(t->e, i), want);
    }
    assert_string_equal(vep_diag_get(t->e, i, VEP_DIAG_FILE), "check.lua");
    assert_string_equal(vep_diag_get(t->e, i, VEP_DIAG_PATH), "");
    return vep_diag_get(t->e, i, VEP_DIAG_MESSAGE);
}

/* Exactly one problem: `rule` on `id` at the marker's line. */
static const char *only(ct *t, const char *src, const char *rule,
                        const char *id, const char *marker)
{
    const char *msg;
    load_bad(t, src);
    msg = expect_at(t, rule, id, marker);
    if (vep_diag_count(t->e) != 1) {
        fx_dump(t->e);
        fail_msg("%zu problems reported, 1 expected", vep_diag_count(t->e));
    }
    fx_assert_contains(vep_engine_errmsg(t->e), "1 problem");
    return msg;
}

/* The script must load. */
static void loads(ct *t, const char *src)
{
    vep_instrument_free(fx_load_ok(t->e, src));
}

/* ---- duplicate_id ----------------------------------------------------- */

static void test_duplicate_item(void **state)
{
    ct *t = *state;
    const char *src = BASE "item \"A\" { type = \"presence\", text = \"again\" } --@dup\n";
    char want[32];
    const char *msg = only(t, src, "duplicate_id", "A", "--@dup");
    snprintf(want, sizeof want, "line %u", fx_line_of(src, "--@A"));
    fx_assert_contains(msg, want);   /* where the id was first used */
}

static void test_duplicate_item_and_score(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "score \"B\" { rule = \"sum\", items = { \"A\" } } --@dup\n",
                           "duplicate_id", "B", "--@dup");
    fx_assert_contains(msg, "item");
}

static void test_duplicate_level_and_flag(void **state)
{
    ct *t = *state;
    only(t, BASE SUM3 LEVEL(BAND("lo", "0", "1") BAND("hi", "2", "3"))
         "flag \"L\" { when = { item = \"A\", is = \"present\" } } --@dup\n",
         "duplicate_id", "L", "--@dup");
}

static void test_duplicate_code(void **state)
{
    ct *t = *state;
    only(t, BASE "scale \"yn\" { { code = \"y\", value = 1 }, --@dup\n"
         "  { code = \"y\", value = 0 } }\n", "duplicate_id", "yn", "--@dup");
    only(t, BASE "item \"M\" { type = \"multi\", text = \"M?\", --@dup\n"
         "  options = { { code = \"a\" }, { code = \"a\" } } }\n", "duplicate_id", "M", "--@dup");
}

static void test_duplicate_test_name(void **state)
{
    ct *t = *state;
    only(t, BASE "test \"case one\" { answers = { A = \"present\" }, expect = { } }\n"
         "test \"case one\" { answers = { A = \"absent\" }, expect = { } } --@dup\n",
         "duplicate_id", "case one", "--@dup");
}

/* ---- unknown_scale ---------------------------------------------------- */

static void test_unknown_scale(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "item \"S\" { type = \"scale\", scale = \"lmh3\", text = \"S?\" } --@S\n",
                           "unknown_scale", "S", "--@S");
    fx_assert_contains(msg, "'lmh3'");
}

/* ---- unknown_reference ------------------------------------------------ */

static void test_unknown_ref_condition_item(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "item \"W\" { type = \"text\", text = \"W?\",\n"
                           "  when = { item = \"Z\", is = \"present\" } } --@W\n",
                           "unknown_reference", "W", "item \"W\"");
    fx_assert_contains(msg, "'Z'");
}

static void test_unknown_ref_score_item(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "score \"s\" { rule = \"sum\", items = { \"A\", \"Z\" } } --@s\n",
                           "unknown_reference", "s", "--@s");
    fx_assert_contains(msg, "'Z'");
    only(t, BASE "score \"s\" { rule = \"sum\", domain = \"nod\" } --@s\n",
         "unknown_reference", "s", "--@s");
    only(t, BASE "score \"s\" { rule = \"composite\", of = { nos = 1 } } --@s\n",
         "unknown_reference", "s", "--@s");
    only(t, BASE "score \"s\" { rule = \"function\", uses = { \"A\", \"Z\" },\n"
         "  fn = function(a) return 1 end } --@s\n", "unknown_reference", "s", "score \"s\"");
}

static void test_unknown_ref_level_score(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "level \"L\" { of = \"nosuch\", bands = { " BAND("x", "0", "1") " } } --@L\n",
                           "unknown_reference", "L", "--@L");
    fx_assert_contains(msg, "'nosuch'");
}

static void test_unknown_ref_judgement_level(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "judgement { advisory = \"nolevel\", levels = { \"a\", \"b\" } } --@j\n",
                           "unknown_reference", "judgement", "--@j");
    fx_assert_contains(msg, "'nolevel'");
    /* An advisory band the professional may not choose. */
    msg = only(t, BASE SUM3 LEVEL(BAND("lo", "0", "1") BAND("hi", "2", "3"))
               "judgement { advisory = \"L\", levels = { \"lo\" } } --@j\n",
               "unknown_reference", "judgement", "--@j");
    fx_assert_contains(msg, "'hi'");
}

static void test_unknown_ref_item_domain(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "item \"X\" { type = \"presence\", domains = { \"nod\" }, text = \"X?\" } --@X\n",
                           "unknown_reference", "X", "--@X");
    fx_assert_contains(msg, "'nod'");
    only(t, BASE "item \"X\" { type = \"presence\", part = \"nop\", text = \"X?\" } --@X\n",
         "unknown_reference", "X", "--@X");
}

static void test_unknown_ref_flag(void **state)
{
    ct *t = *state;
    only(t, BASE "flag \"F\" { when = { level = \"nolevel\", is = \"hi\" } } --@F\n",
         "unknown_reference", "F", "--@F");
    /* A flag may refer only to flags declared before it. */
    only(t, BASE "flag \"F\" { when = { flag = \"G\" } } --@F\n"
         "flag \"G\" { when = { item = \"A\", is = \"present\" } }\n",
         "unknown_reference", "F", "--@F");
    /* An item condition may refer to items only. */
    only(t, BASE SUM3 "item \"W\" { type = \"text\", text = \"W?\", when = { score = \"s\", at_least = 1 } } --@W\n",
         "unknown_reference", "W", "--@W");
}

/* ---- unknown_code ----------------------------------------------------- */

static void test_unknown_code(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "item \"W\" { type = \"text\", text = \"W?\",\n"
                           "  when = { item = \"A\", is = \"maybe\" } } --@W\n",
                           "unknown_code", "W", "item \"W\"");
    fx_assert_contains(msg, "'maybe'");
    only(t, BASE "item \"S\" { type = \"scale\", scale = \"lmh\", text = \"S?\" }\n"
         "item \"W\" { type = \"text\", text = \"W?\", when = { any = {\n"
         "  { item = \"S\", is = { \"low\", \"hgh\" } } } } } --@W\n",
         "unknown_code", "W", "item \"W\"");
    only(t, BASE SUM3 LEVEL(BAND("lo", "0", "1") BAND("hi", "2", "3"))
         "flag \"F\" { when = { level = \"L\", is = \"high\" } } --@F\n",
         "unknown_code", "F", "--@F");
}

/* ---- not_scorable ----------------------------------------------------- */

static void test_not_scorable(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE "item \"T\" { type = \"text\", text = \"T?\" }\n"
                           "score \"s\" { rule = \"sum\", items = { \"A\", \"T\" } } --@s\n",
                           "not_scorable", "s", "--@s");
    fx_assert_contains(msg, "'T'");
    /* A choice whose options have no values has nothing to add up. */
    only(t, BASE "item \"K\" { type = \"choice\", text = \"K?\", options = { { code = \"a\" }, { code = \"b\" } } }\n"
         "score \"s\" { rule = \"max\", items = { \"K\" } } --@s\n", "not_scorable", "s", "--@s");
}

/* ---- cycle ------------------------------------------------------------ */

static void test_cycle_items(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE
        "item \"P\" { type = \"presence\", text = \"P?\", when = { item = \"Q\", answered = true } } --@P\n"
        "item \"Q\" { type = \"presence\", text = \"Q?\", when = { item = \"P\", answered = true } }\n",
        "cycle", "P", "--@P");
    fx_assert_contains(msg, "P -> Q -> P");
    msg = only(t, BASE
        "item \"P\" { type = \"presence\", text = \"P?\", when = { item = \"Q\", answered = true } } --@P\n"
        "item \"Q\" { type = \"presence\", text = \"Q?\", when = { all = { { item = \"A\", is = \"present\" },\n"
        "  { item = \"R\", is = \"absent\" } } } }\n"
        "item \"R\" { type = \"presence\", text = \"R?\", when = { item = \"P\", unknown = true } }\n",
        "cycle", "P", "--@P");
    fx_assert_contains(msg, "P -> Q -> R -> P");
    msg = only(t, BASE "item \"P\" { type = \"presence\", text = \"P?\", when = { item = \"P\", answered = true } } --@P\n",
               "cycle", "P", "--@P");
    fx_assert_contains(msg, "P -> P");
}

static void test_cycle_scores(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE
        "score \"s1\" { rule = \"composite\", of = { s2 = 1 } } --@s1\n"
        "score \"s2\" { rule = \"composite\", of = { s1 = 1, base = 1 } }\n"
        "score \"base\" { rule = \"sum\", items = { \"A\" } }\n",
        "cycle", "s1", "--@s1");
    fx_assert_contains(msg, "s1 -> s2 -> s1");
    msg = only(t, BASE
        "score \"f1\" { rule = \"function\", uses = { \"f2\" }, fn = function(a) return 1 end } --@f1\n"
        "score \"f2\" { rule = \"function\", uses = { \"A\", \"f1\" }, fn = function(a) return 1 end }\n",
        "cycle", "f1", "--@f1");
    fx_assert_contains(msg, "f1 -> f2 -> f1");
}

/* ---- Bands ------------------------------------------------------------ */

static void test_bands_that_fit(void **state)
{
    ct *t = *state;
    loads(t, BASE SUM3 LEVEL(BAND("lo", "0", "1") BAND("hi", "2", "3")));
    loads(t, BASE SUM3 LEVEL(BAND("all", "0", "3")));
    loads(t, BASE SUM5(", decimals = 1") LEVEL(BAND("lo", "0", "2.9") BAND("hi", "3", "5")));
    loads(t, BASE SUM5(", missing = \"prorate\"") LEVEL(BAND("lo", "0", "2.99") BAND("hi", "3", "5")));
}

static void test_band_gap_between(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE SUM3 LEVEL(BAND("lo", "0", "0") BAND("hi", "2", "3")),
                           "band_gap", "L", "--@L");
    fx_assert_contains(msg, "'lo'");
    fx_assert_contains(msg, "'hi'");
}

static void test_band_gap_below_first(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE SUM3 LEVEL(BAND("lo", "1", "1") BAND("hi", "2", "3")),
                           "band_gap", "L", "--@L");
    fx_assert_contains(msg, "lowest band");
}

static void test_band_gap_above_last(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE SUM3 LEVEL(BAND("lo", "0", "1") BAND("hi", "2", "2")),
                           "band_gap", "L", "--@L");
    fx_assert_contains(msg, "highest band");
}

static void test_band_overlap(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE SUM3 LEVEL(BAND("lo", "0", "2") BAND("hi", "2", "3")),
                           "band_overlap", "L", "--@L");
    fx_assert_contains(msg, "'lo'");
    /* Bands out of order overlap too. */
    load_bad(t, BASE SUM3 LEVEL(BAND("hi", "2", "3") BAND("lo", "0", "1")));
    expect_at(t, "band_overlap", "L", "--@L");
}

static void test_band_unreachable(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE SUM3 LEVEL(BAND("lo", "0", "3") BAND("hi", "4", "10")),
                           "band_unreachable", "L", "--@L");
    fx_assert_contains(msg, "'hi'");
    only(t, BASE SUM3 LEVEL(BAND("neg", "-5", "-1") BAND("lo", "0", "3")),
         "band_unreachable", "L", "--@L");
}

/* Rounding to 2 decimals (prorating makes the sum non-integral) or to an
** explicit 1 decimal opens a gap between bands 0-2 and 3-5. */
static void test_band_gap_non_integral(void **state)
{
    ct *t = *state;
    const char *msg;
    loads(t, BASE SUM5("") LEVEL(BAND("lo", "0", "2") BAND("hi", "3", "5")));
    msg = only(t, BASE SUM5(", missing = \"prorate\"") LEVEL(BAND("lo", "0", "2") BAND("hi", "3", "5")),
               "band_gap", "L", "--@L");
    fx_assert_contains(msg, "2 decimals");
    msg = only(t, BASE SUM5(", decimals = 1") LEVEL(BAND("lo", "0", "2") BAND("hi", "3", "5")),
               "band_gap", "L", "--@L");
    fx_assert_contains(msg, "1 decimal");
    only(t, BASE "score \"s\" { rule = \"mean\", items = { \"A\", \"B\" } } --@s\n"
         LEVEL(BAND("lo", "0", "0") BAND("hi", "1", "1")), "band_gap", "L", "--@L");
}

/* max, min and mean of an item that always has a value (required, never
** unknown or n.a.) and an optional one: max(R, N) is at least R's lowest
** value, min(R, N) at most R's highest, as for sums, where such items
** count in full.  The bands below cover every reachable value, and only
** those (the guide: "a band no answer can reach is an error"). */
#define REQUIRED_R "item \"R\" { type = \"scale\", scale = \"lmh\", required = true, unknown = false,\n" \
    "  not_applicable = false, text = \"R?\" }\n"

static void test_range_of_max_with_a_required_item(void **state)
{
    ct *t = *state;
    /* R is 0 to 2, N -5 to 5: max(R, N) is 0 to 5. */
    loads(t, BASE REQUIRED_R
          "item \"N\" { type = \"number\", min = -5, max = 5, integer = true, text = \"N?\" }\n"
          "score \"s\" { rule = \"max\", items = { \"R\", \"N\" } }\n"
          LEVEL(BAND("lo", "0", "2") BAND("hi", "3", "5")));
}

static void test_range_of_min_with_a_required_item(void **state)
{
    ct *t = *state;
    /* R is 0 to 2, N 0 to 5: min(R, N) is 0 to 2. */
    loads(t, BASE REQUIRED_R
          "item \"N\" { type = \"count\", max = 5, text = \"N?\" }\n"
          "score \"s\" { rule = \"min\", items = { \"R\", \"N\" } }\n"
          LEVEL(BAND("lo", "0", "1") BAND("hi", "2", "2")));
    /* And a band above 2 cannot be reached. */
    load_bad(t, BASE REQUIRED_R
             "item \"N\" { type = \"count\", max = 5, text = \"N?\" }\n"
             "score \"s\" { rule = \"min\", items = { \"R\", \"N\" } }\n"
             LEVEL(BAND("lo", "0", "1") BAND("hi", "2", "2") BAND("top", "3", "5")));
    expect_at(t, "band_unreachable", "L", "--@L");
}

static void test_range_of_mean_with_a_required_item(void **state)
{
    ct *t = *state;
    /* R is 0 to 2 and always answered, N 0 to 5: the mean of R and N is
    ** at most (2 + 5) / 2 = 3.5; N alone never counts. */
    loads(t, BASE REQUIRED_R
          "item \"N\" { type = \"count\", max = 5, text = \"N?\" }\n"
          "score \"s\" { rule = \"mean\", items = { \"R\", \"N\" } }\n"
          LEVEL(BAND("lo", "0", "1.99") BAND("hi", "2", "3.5")));
}

static void test_function_score_banded_without_range(void **state)
{
    ct *t = *state;
    const char *msg = only(t, BASE
        "score \"s\" { rule = \"function\", uses = { \"A\" }, fn = function(a) return 1 end }\n"
        LEVEL(BAND("lo", "0", "1")), "missing_field", "L", "--@L");
    fx_assert_contains(msg, "'s'");
    loads(t, BASE "score \"s\" { rule = \"function\", uses = { \"A\" }, min = 0, max = 1,\n"
          "  fn = function(a) return 1 end }\n" LEVEL(BAND("lo", "0", "1")));
}

/* ---- Composites -------------------------------------------------------- */

/* The reachable range of score `id` as vep_instrument_describe gives it. */
static void described_range(const vep_instrument *ins, const char *id, double *lo, double *hi)
{
    char *json = NULL;
    cJSON *doc, *sc, *r;
    int found = 0;
    assert_int_equal(vep_instrument_describe(&json, ins, NULL), VEP_OK);
    doc = cJSON_Parse(json);
    assert_non_null(doc);
    cJSON_ArrayForEach(sc, cJSON_GetObjectItemCaseSensitive(doc, "scores")) {
        cJSON *v = cJSON_GetObjectItemCaseSensitive(sc, "id");
        if (!cJSON_IsString(v) || strcmp(v->valuestring, id) != 0)
            continue;
        r = cJSON_GetObjectItemCaseSensitive(sc, "range");
        *lo = cJSON_GetObjectItemCaseSensitive(r, "min")->valuedouble;
        *hi = cJSON_GetObjectItemCaseSensitive(r, "max")->valuedouble;
        found = 1;
    }
    assert_true(found);
    cJSON_Delete(doc);
    vep_free(json);
}

static void test_composite_range(void **state)
{
    ct *t = *state;
    double lo, hi;
    t->ins = fx_load_ok(t->e, BASE SUM3
                        "score \"p\" { rule = \"sum\", items = { \"D\", \"E\" } }\n"
                        "score \"net\" { rule = \"composite\", of = { s = 2, p = -1 } }\n");
    described_range(t->ins, "net", &lo, &hi);
    assert_true(lo == -2 && hi == 6);
}

/* Every part of a composite counts, however many there are. */
static void test_composite_of_many_scores(void **state)
{
    ct *t = *state;
    size_t cap = 64 * 1024, len, i;
    char *src = t->buf = malloc(cap);
    double lo, hi;
    assert_non_null(src);
    len = (size_t)snprintf(src, cap, "%s", BASE "item \"R\" { type = \"presence\", required = true, text = \"R?\" }\n");
    for (i = 0; i < 300; i++)
        len += (size_t)snprintf(src + len, cap - len, "score \"s%zu\" { rule = \"sum\", items = { \"R\" } }\n", i);
    len += (size_t)snprintf(src + len, cap - len, "score \"all\" { rule = \"composite\", of = {");
    for (i = 0; i < 300; i++)
        len += (size_t)snprintf(src + len, cap - len, " s%zu = 1,", i);
    snprintf(src + len, cap - len, " } }\n");
    t->ins = fx_load_ok(t->e, src);
    described_range(t->ins, "all", &lo, &hi);
    if (hi != 300)
        fail_msg("a composite of 300 scores of 0 to 1 reaches %g, not 300", hi);
    assert_true(lo == 0);
}

/* Bands band the score's value rounded to its decimals: the mean of three
** items that are always answered (0 to 1, 0 to 1, 0 to 2) is k / 3, shown
** and banded as 0, 0.33, 0.67, 1 or 1.33, so bands 0-0.99 and 1-1.33 cover
** every value. */
static void test_bands_of_a_rounded_score(void **state)
{
    ct *t = *state;
    loads(t, FX_HEAD
          "scale \"lmh\" { { code = \"low\", value = 0 }, { code = \"moderate\", value = 1 },\n"
          "  { code = \"high\", value = 2 } }\n"
          "item \"A\" { type = \"presence\", required = true, unknown = false, not_applicable = false, text = \"A\" }\n"
          "item \"B\" { type = \"presence\", required = true, unknown = false, not_applicable = false, text = \"B\" }\n"
          "item \"C\" { type = \"scale\", scale = \"lmh\", required = true, unknown = false,\n"
          "  not_applicable = false, text = \"C\" }\n"
          "score \"m\" { rule = \"mean\", items = { \"A\", \"B\", \"C\" } }\n"
          "level \"L\" { of = \"m\", bands = { { level = \"lo\", min = 0, max = 0.99 },\n"
          "  { level = \"hi\", min = 1, max = 1.33 } } }\n");
}

/* The promise behind the band checks: an instrument that loads gives every
** reachable value a band.  Here the mean m reaches -2/3, which scoring
** rounds to -0.67 before the composite multiplies it by 10: c = -6.7. */
static void test_bands_cover_a_composite_of_rounded_parts(void **state)
{
    ct *t = *state;
    static const char *const p[] = { "present", "absent" }, *const q[] = { "minus", "zero" };
    static const char *const sv[] = { "{ \"value\": \"minus\" }", "{ \"value\": \"zero\" }",
                                      "{ \"status\": \"unknown\" }" };
    char doc[1024], *out;
    size_t i, j, k;
    vep_status st = fx_load(t->e, "check.lua", FX_HEAD
        "scale \"neg\" { { code = \"minus\", value = -1 }, { code = \"zero\", value = 0 } }\n"
        "item \"P\" { type = \"presence\", required = true, unknown = false, not_applicable = false, text = \"P\" }\n"
        "item \"Q\" { type = \"scale\", scale = \"neg\", required = true, unknown = false,\n"
        "  not_applicable = false, text = \"Q\" }\n"
        "item \"S\" { type = \"scale\", scale = \"neg\", text = \"S\" }\n"
        "score \"m\" { rule = \"mean\", items = { \"P\", \"Q\", \"S\" } }\n"
        "score \"c\" { rule = \"composite\", of = { m = 10 } }\n"
        "level \"L\" { of = \"c\", bands = { { level = \"low\", min = -6.67, max = 0 },\n"
        "  { level = \"high\", min = 0.01, max = 10 } } }\n", &t->ins);
    if (st == VEP_ERR_DEFINITION)
        return;   /* refused: no value is left without a band */
    assert_int_equal(st, VEP_OK);
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
            for (k = 0; k < 3; k++) {
                cJSON *d, *lv;
                snprintf(doc, sizeof doc, "{ \"instrument\": { \"id\": \"t\", \"version\": \"1.0.0\" },"
                         " \"subject\": { \"id\": \"P\" }, \"assessor\": { \"id\": \"A\", \"role\": \"r\" },"
                         " \"date\": \"2026-01-01\", \"answers\": { \"P\": { \"value\": \"%s\" },"
                         " \"Q\": { \"value\": \"%s\" }, \"S\": %s } }", p[i], q[j], sv[k]);
                out = fx_score_copy(t->ins, doc);
                d = cJSON_Parse(out);
                assert_non_null(d);
                lv = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(d, "levels"), 0);
                if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(lv, "level")))
                    fail_msg("P %s, Q %s, S %s: %s, yet the bands passed the checks", p[i], q[j], sv[k],
                             fx_jstr(lv, "explanation"));
                cJSON_Delete(d);
                free(out);
            }
}

/* ---- Every problem at once -------------------------------------------- */

static void test_all_reference_problems_together(void **state)
{
    ct *t = *state;
    const char *src = BASE
        "item \"A\" { type = \"presence\", text = \"again\" } --@1\n"
        "item \"S\" { type = \"scale\", scale = \"lmh3\", text = \"S?\" } --@2\n"
        "item \"X\" { type = \"presence\", domains = { \"nod\" }, text = \"X?\" } --@3\n"
        "item \"W\" { type = \"text\", text = \"W?\", when = { item = \"Z\", is = \"present\" } } --@4\n"
        "item \"V\" { type = \"text\", text = \"V?\", when = { item = \"B\", is = \"maybe\" } } --@5\n"
        "score \"s\" { rule = \"sum\", items = { \"A\", \"V\" } } --@6\n"
        "judgement { advisory = \"nolevel\" } --@7\n";
    load_bad(t, src);
    expect_at(t, "duplicate_id", "A", "--@1");
    expect_at(t, "unknown_scale", "S", "--@2");
    expect_at(t, "unknown_reference", "X", "--@3");
    expect_at(t, "unknown_reference", "W", "--@4");
    expect_at(t, "unknown_code", "V", "--@5");
    expect_at(t, "not_scorable", "s", "--@6");
    expect_at(t, "unknown_reference", "judgement", "--@7");
    if (vep_diag_count(t->e) != 7) {
        fx_dump(t->e);
        fail_msg("%zu problems reported, 7 expected", vep_diag_count(t->e));
    }
    fx_assert_contains(vep_engine_errmsg(t->e), "7 problems");
}

static void test_all_band_problems_together(void **state)
{
    ct *t = *state;
    const char *src = BASE SUM3
        "level \"L1\" { of = \"s\", bands = { " BAND("lo", "0", "0") BAND("hi", "2", "3") " } } --@1\n"
        "level \"L2\" { of = \"s\", bands = { " BAND("lo", "0", "2") BAND("hi", "2", "3") " } } --@2\n"
        "level \"L3\" { of = \"s\", bands = { " BAND("lo", "0", "3") BAND("hi", "4", "9") " } } --@3\n"
        "level \"L4\" { of = \"s\", bands = { " BAND("lo", "1", "3") " } } --@4\n";
    load_bad(t, src);
    expect_at(t, "band_gap", "L1", "--@1");
    expect_at(t, "band_overlap", "L2", "--@2");
    expect_at(t, "band_unreachable", "L3", "--@3");
    expect_at(t, "band_gap", "L4", "--@4");
    assert_int_equal(vep_diag_count(t->e), 4);
    fx_assert_contains(vep_engine_errmsg(t->e), "4 problems");
}

/* Problems found while reading the declarations are all reported too. */
static void test_all_reading_problems_together(void **state)
{
    ct *t = *state;
    const char *src = BASE
        "item \"F\" { type = \"presence\", requried = true, text = \"F?\" } --@1\n"
        "item \"G\" { type = \"presense\", text = \"G?\" } --@2\n"
        "item \"H\" { type = \"presence\" } --@3\n"
        "score \"s\" { rule = \"summ\", items = { \"A\" } } --@4\n"
        "level \"L\" { of = \"s\", bands = { { level = \"x\", min = 3, max = 1 } } } --@5\n";
    load_bad(t, src);
    expect_at(t, "unknown_field", "F", "--@1");
    expect_at(t, "invalid_value", "G", "--@2");
    expect_at(t, "missing_field", "H", "--@3");
    expect_at(t, "invalid_value", "s", "--@4");
    expect_at(t, "invalid_value", "L", "--@5");
    assert_int_equal(vep_diag_count(t->e), 5);
}

#define T(f) cmocka_unit_test_setup_teardown(f, ct_setup, ct_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_duplicate_item),
        T(test_duplicate_item_and_score),
        T(test_duplicate_level_and_flag),
        T(test_duplicate_code),
        T(test_duplicate_test_name),
        T(test_unknown_scale),
        T(test_unknown_ref_condition_item),
        T(test_unknown_ref_score_item),
        T(test_unknown_ref_level_score),
        T(test_unknown_ref_judgement_level),
        T(test_unknown_ref_item_domain),
        T(test_unknown_ref_flag),
        T(test_unknown_code),
        T(test_not_scorable),
        T(test_cycle_items),
        T(test_cycle_scores),
        T(test_bands_that_fit),
        T(test_band_gap_between),
        T(test_band_gap_below_first),
        T(test_band_gap_above_last),
        T(test_band_overlap),
        T(test_band_unreachable),
        T(test_band_gap_non_integral),
        T(test_range_of_max_with_a_required_item),
        T(test_range_of_min_with_a_required_item),
        T(test_range_of_mean_with_a_required_item),
        T(test_function_score_banded_without_range),
        T(test_composite_range),
        T(test_composite_of_many_scores),
        T(test_bands_of_a_rounded_score),
        T(test_bands_cover_a_composite_of_rounded_parts),
        T(test_all_reference_problems_together),
        T(test_all_band_problems_together),
        T(test_all_reading_problems_together),
    };
    fx_run(tests);
}
