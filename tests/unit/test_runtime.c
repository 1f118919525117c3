/*
** test_runtime.c -- Lua function rules at scoring time (runtime.c), through
** the public API: no state survives from one assessment to the next, the
** view `a` (value, code, state, level, flag) and its `uses` check, results
** of the wrong kind, and the limits, after which the engine scores on.
*/
#include "api_fixture.h"

#define RT_HEAD "instrument { id = \"rt\", version = \"1.0.0\", languages = { \"en\" }, title = \"T\" }\n"

/* Items every script below declares. */
#define ITEMS                                                                  \
    "scale \"lmh\" { { code = \"low\", value = 0 }, { code = \"moderate\", value = 1 },\n" \
    "  { code = \"high\", value = 2 } }\n"                                     \
    "item \"A\" { type = \"presence\", text = \"A?\" }\n"                      \
    "item \"S\" { type = \"scale\", scale = \"lmh\", text = \"S?\" }\n"        \
    "item \"M\" { type = \"multi\", text = \"M?\", options = { { code = \"a\", value = 1 },\n" \
    "  { code = \"b\", value = 2 }, { code = \"c\", value = 4 } } }\n"         \
    "item \"U\" { type = \"presence\", text = \"U?\" }\n"                      \
    "item \"R\" { type = \"presence\", text = \"R?\", when = { item = \"A\", is = \"present\" } }\n" \
    "item \"K\" { type = \"choice\", text = \"K?\", options = { { code = \"ok\" },\n" \
    "  { code = \"nan\" }, { code = \"inf\" }, { code = \"str\" }, { code = \"tbl\" },\n" \
    "  { code = \"note\" }, { code = \"loop\" }, { code = \"big\" }, { code = \"err\" } } }\n"

typedef struct rt {
    fx_alloc a;
    vep_engine *e;
    vep_instrument *ins;
    char dir[256];
} rt;

static int rt_setup(void **state)
{
    rt *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->e = fx_engine_with(&t->a, 0, 2000000, 0);
    *state = t;
    return 0;
}

static int rt_teardown(void **state)
{
    rt *t = *state;
    vep_instrument_free(t->ins);
    vep_engine_free(t->e);
    if (t->dir[0])
        fx_rmtree(t->dir);
    assert_int_equal(t->a.live_bytes, 0);
    free(t);
    return 0;
}

/* An assessment of instrument "rt" with the given answers (JSON members). */
static char *doc(const char *answers)
{
    static const char fmt[] =
        "{ \"instrument\": { \"id\": \"rt\", \"version\": \"1.0.0\" },"
        " \"subject\": { \"id\": \"P-1\" }, \"assessor\": { \"id\": \"A-1\", \"role\": \"r\" },"
        " \"date\": \"2026-01-01\", \"answers\": { %s } }";
    size_t n = sizeof fmt + strlen(answers);
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, fmt, answers);
    return s;
}

/* Scores; returns the result (malloc'd) or NULL with the status in *st. */
static char *score(rt *t, const char *answers, vep_status *st)
{
    char *d = doc(answers), *out = (char *)&out, *copy = NULL;
    *st = vep_score(&out, t->ins, d, strlen(d));
    free(d);
    if (*st == VEP_OK) {
        copy = strdup(out);
        vep_free(out);
    } else {
        assert_null(out);
        assert_true(vep_engine_errmsg(t->e)[0] != '\0');
    }
    return copy;
}

static char *score_ok(rt *t, const char *answers)
{
    vep_status st;
    char *r = score(t, answers, &st);
    if (st != VEP_OK) {
        fx_dump(t->e);
        fail_msg("scoring {%s} failed: %s", answers, vep_status_name(st));
    }
    return r;
}

/* The object with "id" == id in array `key` of a result. */
static cJSON *entry(cJSON *doc, const char *key, const char *id)
{
    cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, key)) {
        cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "id");
        if (cJSON_IsString(v) && strcmp(v->valuestring, id) == 0)
            return it;
    }
    fail_msg("no %s entry '%s'", key, id);
    return NULL;
}

/* Score `id`'s value and note in result `json`. */
static double score_value(const char *json, const char *id, char *note, size_t n)
{
    cJSON *d = cJSON_Parse(json), *s, *v, *nt;
    double r;
    assert_non_null(d);
    s = entry(d, "scores", id);
    v = cJSON_GetObjectItemCaseSensitive(s, "value");
    assert_true(cJSON_IsNumber(v));
    r = v->valuedouble;
    if (note) {
        nt = cJSON_GetObjectItemCaseSensitive(s, "note");
        snprintf(note, n, "%s", cJSON_IsString(nt) ? nt->valuestring : "(none)");
    }
    cJSON_Delete(d);
    return r;
}

static int flag_raised(const char *json, const char *id)
{
    cJSON *d = cJSON_Parse(json), *v;
    int r;
    assert_non_null(d);
    v = cJSON_GetObjectItemCaseSensitive(entry(d, "flags", id), "raised");
    assert_true(cJSON_IsBool(v));
    r = cJSON_IsTrue(v);
    cJSON_Delete(d);
    return r;
}

/* Loads `body` (after the instrument line and ITEMS) from memory. */
static void load(rt *t, const char *body)
{
    size_t n = strlen(RT_HEAD) + strlen(ITEMS) + strlen(body) + 1;
    char *src = malloc(n);
    assert_non_null(src);
    snprintf(src, n, "%s%s%s", RT_HEAD, ITEMS, body);
    t->ins = fx_load_ok(t->e, src);
    free(src);
}

/* The one diagnostic of a failed scoring: rule, item, and message parts. */
static void expect_fn_error(rt *t, const char *answers, vep_status want,
                            const char *rule, const char *id, const char *part)
{
    vep_status st;
    char *r = score(t, answers, &st);
    size_t i;
    free(r);
    if (st != want) {
        fx_dump(t->e);
        fail_msg("scoring {%s}: %s, not %s", answers, vep_status_name(st), vep_status_name(want));
    }
    i = fx_expect(t->e, rule, id);
    if (part)
        fx_assert_contains(vep_diag_get(t->e, i, VEP_DIAG_MESSAGE), part);
    fx_assert_contains(vep_engine_errmsg(t->e), id);
}

/* ---- No state between assessments ------------------------------------- */

static const char stateful[] =
    RT_HEAD
    "local st = require \"state\"\n"
    ITEMS
    "counter = 0\n"
    "local up = 0\n"
    "score \"keep\" { rule = \"function\", uses = { \"A\" }, fn = function(a)\n"
    "  counter = counter + 1\n"
    "  up = up + 1\n"
    "  st.n = st.n + 1\n"
    "  string.n = (rawget(string, \"n\") or 0) + 1\n"
    "  local mt = getmetatable(\"\")\n"
    "  if type(mt) == \"table\" then mt.__index = { upper = function() return \"!\" end } end\n"
    "  local hacked = ('x'):upper() == \"X\" and 0 or 1\n"
    "  string.upper = function() return \"!\" end\n"
    "  return (a.value(\"A\") or 0) * 100000 + hacked * 10000 + counter * 1000 + up * 100\n"
    "         + st.n * 10 + string.n, \"counter \" .. counter\n"
    "end }\n";

static void test_no_state_between_assessments(void **state)
{
    rt *t = *state;
    char *a1, *b, *a2, note[64];
    const char *path;
    fx_mkdtemp(t->dir);
    fx_write(t->dir, "state.lua", "return { n = 0 }\n");
    path = fx_write(t->dir, "rt.lua", stateful);
    if (vep_instrument_load_file(&t->ins, t->e, path) != VEP_OK) {
        fx_dump(t->e);
        fail_msg("cannot load the stateful instrument");
    }
    a1 = score_ok(t, "\"A\": { \"value\": \"present\" }");
    b = score_ok(t, "\"A\": { \"value\": \"absent\" }");
    a2 = score_ok(t, "\"A\": { \"value\": \"present\" }");
    /* A fresh state every time: every counter is 1, ("x"):upper() works. */
    assert_true(score_value(a1, "keep", note, sizeof note) == 101111);
    assert_string_equal(note, "counter 1");
    assert_true(score_value(b, "keep", NULL, 0) == 1111);
    assert_string_equal(a1, a2);
    free(a1); free(b); free(a2);
}

/* ---- The view and its uses -------------------------------------------- */

static void test_reading_outside_uses(void **state)
{
    rt *t = *state;
    load(t, "score \"peek\" { rule = \"function\", uses = { \"A\" },\n"
            "  fn = function(a) return a.value(\"S\") end }\n");
    expect_fn_error(t, "\"A\": { \"value\": \"present\" }, \"S\": { \"value\": \"low\" }",
                    VEP_ERR_SCRIPT, "runtime", "peek", "'S'");
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "peek");
    assert_string_equal(vep_diag_get(t->e, 0, VEP_DIAG_FILE), "ok.lua");
    assert_int_equal(vep_diag_line(t->e, 0), 14);   /* the line of the read */
    /* Every accessor checks. */
    vep_instrument_free(t->ins);
    t->ins = NULL;
    load(t, "score \"peek\" { rule = \"function\", uses = { \"A\" },\n"
            "  fn = function(a) return a.state(\"U\") == \"value\" and 1 or 0 end }\n");
    expect_fn_error(t, "\"A\": { \"value\": \"present\" }", VEP_ERR_SCRIPT, "runtime", "peek", "'U'");
}

static void test_bad_score_results(void **state)
{
    rt *t = *state;
    static const char *const bad[] = { "nan", "inf", "str", "tbl", "note" };
    char *r;
    size_t i;
    load(t, "score \"f\" { rule = \"function\", uses = { \"K\" }, fn = function(a)\n"
            "  local k = a.code(\"K\")\n"
            "  if k == \"nan\" then return 0/0 elseif k == \"inf\" then return math.huge\n"
            "  elseif k == \"str\" then return \"5\" elseif k == \"tbl\" then return {}\n"
            "  elseif k == \"note\" then return 1, {} elseif k == \"err\" then error(\"no way\") end\n"
            "  return 7, \"fine\"\n"
            "end }\n");
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char ans[64];
        snprintf(ans, sizeof ans, "\"K\": { \"value\": \"%s\" }", bad[i]);
        expect_fn_error(t, ans, VEP_ERR_SCRIPT, "runtime", "f", NULL);
        assert_int_equal(vep_diag_count(t->e), 1);
        r = score_ok(t, "\"K\": { \"value\": \"ok\" }");
        assert_true(score_value(r, "f", NULL, 0) == 7);
        free(r);
    }
    expect_fn_error(t, "\"K\": { \"value\": \"err\" }", VEP_ERR_SCRIPT, "runtime", "f", "no way");
    assert_true(vep_diag_line(t->e, 0) > 0);
    /* nil is no value, not an error. */
    vep_instrument_free(t->ins);
    t->ins = NULL;
    load(t, "score \"f\" { rule = \"function\", uses = { \"K\" }, fn = function(a) return nil end }\n");
    r = score_ok(t, "\"K\": { \"value\": \"ok\" }");
    free(r);
}

/* A function score's bands were checked against its declared range: a
** value outside it is an error, not a value without a band. */
static void test_function_outside_its_range(void **state)
{
    rt *t = *state;
    vep_status st;
    char *r;
    load(t, "score \"f\" { rule = \"function\", uses = { \"K\" }, min = 0, max = 10,\n"
            "  fn = function(a) if a.code(\"K\") == \"big\" then return 11 end return 10 end }\n"
            "level \"L\" { of = \"f\", bands = { { level = \"lo\", min = 0, max = 4.99 },\n"
            "  { level = \"hi\", min = 5, max = 10 } } }\n");
    r = score_ok(t, "\"K\": { \"value\": \"ok\" }");
    assert_true(score_value(r, "f", NULL, 0) == 10);
    free(r);
    r = score(t, "\"K\": { \"value\": \"big\" }", &st);
    assert_null(r);
    assert_int_equal(st, VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_count(t->e), 1);
    assert_string_equal(vep_diag_get(t->e, 0, VEP_DIAG_ITEM), "f");
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "11");
}

static void test_condition_must_be_boolean(void **state)
{
    rt *t = *state;
    char *r;
    load(t, "flag \"F\" { when = { uses = { \"K\" }, fn = function(a)\n"
            "  local k = a.code(\"K\")\n"
            "  if k == \"str\" then return \"yes\" elseif k == \"nan\" then return nil\n"
            "  elseif k == \"tbl\" then return 1 end\n"
            "  return k == \"ok\"\n"
            "end } }\n");
    expect_fn_error(t, "\"K\": { \"value\": \"str\" }", VEP_ERR_SCRIPT, "runtime", "F", "true or false");
    expect_fn_error(t, "\"K\": { \"value\": \"nan\" }", VEP_ERR_SCRIPT, "runtime", "F", "true or false");
    expect_fn_error(t, "\"K\": { \"value\": \"tbl\" }", VEP_ERR_SCRIPT, "runtime", "F", "true or false");
    r = score_ok(t, "\"K\": { \"value\": \"ok\" }");
    assert_true(flag_raised(r, "F"));
    free(r);
    r = score_ok(t, "\"K\": { \"value\": \"inf\" }");
    assert_false(flag_raised(r, "F"));
    free(r);
    /* The same for an item's relevance condition. */
    vep_instrument_free(t->ins);
    t->ins = NULL;
    load(t, "item \"W\" { type = \"text\", text = \"W?\", when = { uses = { \"A\" },\n"
            "  fn = function(a) return a.value(\"A\") end } }\n");
    expect_fn_error(t, "\"A\": { \"value\": \"present\" }", VEP_ERR_SCRIPT, "runtime", "W", "true or false");
}

/* ---- Limits ----------------------------------------------------------- */

static void test_limits_then_next_assessment(void **state)
{
    rt *t = *state;
    char *r;
    int round;
    load(t, "score \"f\" { rule = \"function\", uses = { \"K\" }, fn = function(a)\n"
            "  local k = a.code(\"K\")\n"
            "  if k == \"loop\" then while true do end end\n"
            "  if k == \"big\" then local s = {} for i = 1, 1e8 do s[i] = i end end\n"
            "  if k == \"err\" then pcall(function() while true do end end) return 1 end\n"
            "  return 3\n"
            "end }\n");
    for (round = 0; round < 2; round++) {
        expect_fn_error(t, "\"K\": { \"value\": \"loop\" }", VEP_ERR_LIMIT_INSTRUCTIONS,
                        "instruction_limit", "f", NULL);
        r = score_ok(t, "\"K\": { \"value\": \"ok\" }");
        assert_true(score_value(r, "f", NULL, 0) == 3);
        free(r);
        /* pcall does not swallow it. */
        expect_fn_error(t, "\"K\": { \"value\": \"err\" }", VEP_ERR_LIMIT_INSTRUCTIONS,
                        "instruction_limit", "f", NULL);
    }
    vep_instrument_free(t->ins);
    t->ins = NULL;
    vep_engine_free(t->e);
    /* Memory and time. */
    t->e = fx_engine_with(&t->a, VEP_MIN_MEMORY_LIMIT, (uint64_t)1 << 60, 200);
    load(t, "score \"f\" { rule = \"function\", uses = { \"K\" }, fn = function(a)\n"
            "  local k = a.code(\"K\")\n"
            "  if k == \"loop\" then while true do end end\n"
            "  if k == \"big\" then local s = {} for i = 1, 1e8 do s[i] = i end end\n"
            "  return 3\n"
            "end }\n");
    expect_fn_error(t, "\"K\": { \"value\": \"big\" }", VEP_ERR_LIMIT_MEMORY, "memory_limit", "f", NULL);
    r = score_ok(t, "\"K\": { \"value\": \"ok\" }");
    free(r);
    expect_fn_error(t, "\"K\": { \"value\": \"loop\" }", VEP_ERR_LIMIT_TIME, "time_limit", "f", NULL);
    r = score_ok(t, "\"K\": { \"value\": \"ok\" }");
    free(r);
}

/* ---- What the view shows ---------------------------------------------- */

static void test_code_of_multi(void **state)
{
    rt *t = *state;
    char *r, note[64];
    load(t, "score \"f\" { rule = \"function\", uses = { \"M\", \"S\" }, fn = function(a)\n"
            "  local c = a.code(\"M\")\n"
            "  return #c + (a.value(\"M\") or 0) * 10, table.concat(c, \",\") .. \" \" .. tostring(a.code(\"S\"))\n"
            "end }\n");
    r = score_ok(t, "\"M\": { \"value\": [\"c\", \"a\"] }, \"S\": { \"value\": \"high\" }");
    assert_true(score_value(r, "f", note, sizeof note) == 52);   /* 2 codes, 1 + 4 */
    assert_string_equal(note, "a,c high");
    free(r);
    r = score_ok(t, "\"M\": { \"value\": [] }, \"S\": { \"value\": \"low\" }");
    assert_true(score_value(r, "f", note, sizeof note) == 0);
    assert_string_equal(note, " low");
    free(r);
    r = score_ok(t, "\"M\": { \"value\": [\"b\"] }, \"S\": { \"status\": \"unknown\" }");
    assert_true(score_value(r, "f", note, sizeof note) == 21);
    assert_string_equal(note, "b nil");
    free(r);
}

/* A function may read a score it lists: computed before it. */
static void test_value_of_a_score(void **state)
{
    rt *t = *state;
    char *r;
    load(t, "score \"f\" { rule = \"function\", uses = { \"sum\" },\n"
            "  fn = function(a) return (a.value(\"sum\") or -1) * 10 end }\n"
            "score \"sum\" { rule = \"sum\", items = { \"A\", \"S\" }, max_unknown = 0 }\n");
    r = score_ok(t, "\"A\": { \"value\": \"present\" }, \"S\": { \"value\": \"high\" }");
    assert_true(score_value(r, "f", NULL, 0) == 30);
    free(r);
    r = score_ok(t, "\"A\": { \"value\": \"present\" }, \"S\": { \"status\": \"unknown\" }");
    assert_true(score_value(r, "f", NULL, 0) == -10);   /* incomplete: no value */
    free(r);
}

static void test_state_of_items(void **state)
{
    rt *t = *state;
    static const struct { const char *answers, *u, *r; } cases[] = {
        { "\"A\": { \"value\": \"present\" }, \"U\": { \"status\": \"unknown\" }, \"R\": { \"value\": \"absent\" }",
          "unknown", "value" },
        { "\"A\": { \"value\": \"absent\" }", "missing", "not_relevant" },
        { "\"A\": { \"value\": \"present\" }, \"U\": { \"value\": \"absent\" }, \"R\": { \"status\": \"unknown\" }",
          "value", "unknown" },
        { "\"A\": { \"value\": \"present\" }, \"U\": { \"status\": \"not_applicable\" }", "not_applicable", "missing" },
    };
    char *r, note[64], want[64];
    size_t i;
    load(t, "score \"f\" { rule = \"function\", uses = { \"U\", \"R\" }, fn = function(a)\n"
            "  return a.value(\"U\"), a.state(\"U\") .. \" \" .. a.state(\"R\")\n"
            "end }\n");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *d, *v;
        r = score_ok(t, cases[i].answers);
        d = cJSON_Parse(r);
        v = cJSON_GetObjectItemCaseSensitive(entry(d, "scores", "f"), "note");
        assert_true(cJSON_IsString(v));
        snprintf(note, sizeof note, "%s", v->valuestring);
        snprintf(want, sizeof want, "%s %s", cases[i].u, cases[i].r);
        assert_string_equal(note, want);
        /* a.value is nil without a value: the score has none. */
        v = cJSON_GetObjectItemCaseSensitive(entry(d, "scores", "f"), "value");
        assert_true(strcmp(cases[i].u, "value") == 0 ? cJSON_IsNumber(v) : cJSON_IsNull(v));
        cJSON_Delete(d);
        free(r);
    }
}

/* A relevance function sees the items it uses after their own relevance
** is known, whatever the declaration order: W (declared first) is relevant
** when X is not relevant, and X is relevant when A is present. */
static void test_relevance_function_after_its_uses(void **state)
{
    rt *t = *state;
    vep_status st;
    char *r;
    load(t, "item \"W\" { type = \"presence\", text = \"W?\", when = { uses = { \"X\" },\n"
            "  fn = function(a) return a.state(\"X\") == \"not_relevant\" end } }\n"
            "item \"X\" { type = \"presence\", text = \"X?\", when = { item = \"A\", is = \"present\" } }\n");
    r = score_ok(t, "\"A\": { \"value\": \"absent\" }, \"W\": { \"value\": \"present\" }");
    free(r);
    /* With A present, X is relevant, so W is not and must not be answered. */
    r = score(t, "\"A\": { \"value\": \"present\" }, \"W\": { \"value\": \"present\" }", &st);
    assert_null(r);
    assert_int_equal(st, VEP_ERR_ASSESSMENT);
    fx_expect(t->e, "not_relevant", "W");
}

static void test_level_and_flag_in_flag_functions(void **state)
{
    rt *t = *state;
    static const struct { const char *answers; int f2, f3; } cases[] = {
        { "\"A\": { \"value\": \"present\" }, \"S\": { \"value\": \"high\" }", 1, 0 },
        { "\"A\": { \"value\": \"present\" }, \"S\": { \"value\": \"low\" }", 0, 1 },
        { "\"A\": { \"value\": \"absent\" }, \"S\": { \"value\": \"high\" }", 0, 0 },
        { "\"A\": { \"value\": \"absent\" }, \"S\": { \"value\": \"low\" }", 0, 1 },
    };
    size_t i;
    load(t, "score \"sum\" { rule = \"sum\", items = { \"A\", \"S\" } }\n"
            "level \"L\" { of = \"sum\", bands = { { level = \"lo\", min = 0, max = 1 },\n"
            "  { level = \"hi\", min = 2, max = 3 } } }\n"
            "flag \"F1\" { when = { item = \"A\", is = \"present\" } }\n"
            "flag \"F2\" { when = { uses = { \"L\", \"F1\" }, fn = function(a)\n"
            "  return a.level(\"L\") == \"hi\" and a.flag(\"F1\") == true end } }\n"
            "flag \"F3\" { when = { any = { { item = \"K\", is = \"err\" },\n"
            "  { uses = { \"L\" }, fn = function(a) return a.level(\"L\") == \"lo\" end } } } }\n");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *r = score_ok(t, cases[i].answers);
        assert_int_equal(flag_raised(r, "F1"), strstr(cases[i].answers, "present") != NULL);
        assert_int_equal(flag_raised(r, "F2"), cases[i].f2);
        assert_int_equal(flag_raised(r, "F3"), cases[i].f3);
        free(r);
    }
}

#define T(f) cmocka_unit_test_setup_teardown(f, rt_setup, rt_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_no_state_between_assessments),
        T(test_reading_outside_uses),
        T(test_bad_score_results),
        T(test_function_outside_its_range),
        T(test_condition_must_be_boolean),
        T(test_limits_then_next_assessment),
        T(test_code_of_multi),
        T(test_value_of_a_score),
        T(test_state_of_items),
        T(test_relevance_function_after_its_uses),
        T(test_level_and_flag_in_flag_functions),
    };
    fx_run(tests);
}
