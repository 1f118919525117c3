/*
** test_result.c -- unit tests of jsonw.c and result.c: string escaping,
** number formats (also under a locale whose decimal separator is a
** comma), layout, and the result document of a hand-built screening
** instrument: stable bytes, key order, explanations, profiles, judgement,
** and out-of-memory at every allocation of the renderer.
**
** Built like test_score.c (same sources, tests/unit/test_result.c).  The
** comma-locale test is skipped when no such locale is installed; one can
** be made for it with
**   localedef -i de_DE -f UTF-8 /tmp/loc/de_DE.UTF-8 && LOCPATH=/tmp/loc ...
*/
#include <locale.h>
#include "score_fixture.h"

/* ---- The JSON writer ------------------------------------------------ */

/* Formats one number with a fresh compact writer. */
static void check_number(double v, int decimals, const char *want)
{
    vep_alloc a;
    vep_buf b;
    vep_jsonw w;
    vep__alloc_init(&a, NULL);
    vep__buf_init(&b, &a);
    vep__jw_init(&w, &b, 0);
    vep__jw_number(&w, v, decimals);
    assert_false(b.failed);
    assert_string_equal(vep__buf_str(&b), want);
    vep__buf_free(&b);
}

/* The number cases, shared by the C-locale and comma-locale tests. */
static void number_cases(void)
{
    check_number(0, -1, "0");
    check_number(-0.0, 2, "0");
    check_number(42, 0, "42");
    check_number(-7, 2, "-7");
    check_number(2.5, -1, "2.5");
    check_number(2.5, 0, "3");
    check_number(-2.5, 0, "-3");
    check_number(0.1 + 0.2, 2, "0.3");
    check_number(0.1 + 0.2, -1, "0.30000000000000004");
    check_number(7.0 / 6.0, 4, "1.1667");
    check_number(1.005, 2, "1.01");
    check_number(-0.004, 2, "0");
    check_number(123456.789, 1, "123456.8");
    check_number(9.995, 2, "10");
    check_number(1.5e-10, 15, "0.00000000015");
    check_number(1e-20, 2, "0");
    check_number(0.000001, -1, "0.000001");
    check_number(1e-7, -1, "1e-7");
    check_number(-2.5e-8, -1, "-2.5e-8");
    check_number(1e300, -1, "1e+300");
    check_number(1e300, 2, "1e+300");
    check_number(1e21, -1, "1e+21");
    check_number(9007199254740991.0, 0, "9007199254740991");
    check_number(9007199254740992.0, 0, "9007199254740992");
    check_number(1e20, 3, "100000000000000000000");
    check_number(NAN, 2, "null");
    check_number(INFINITY, -1, "null");
    check_number(-INFINITY, 0, "null");
}

static void test_numbers(void **state)
{
    (void)state;
    number_cases();
}

/* Sets a locale whose decimal separator is not '.', or skips. */
static void test_numbers_comma_locale(void **state)
{
    static const char *const names[] = {
        "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
        "sr_RS.UTF-8", "sr_RS.utf8", "ru_RU.UTF-8", "nl_NL.UTF-8", "de_DE"
    };
    size_t i;
    char tmp[16];
    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (setlocale(LC_NUMERIC, names[i]) != NULL &&
            localeconv()->decimal_point[0] != '.')
            break;
    if (i == sizeof names / sizeof names[0]) {
        setlocale(LC_NUMERIC, "C");
        skip();
    }
    snprintf(tmp, sizeof tmp, "%.1f", 2.5);
    assert_string_not_equal(tmp, "2.5");   /* the locale is in effect */
    number_cases();
    setlocale(LC_NUMERIC, "C");
}

static void test_strings(void **state)
{
    static const char in[] = "q\"b\\s/\n\t\r\b\f\x01\x1f\x7f"
                             "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"   /* é € 😀 */
                             "\xe2\x80\xa8\xe2\x80\xa9"               /* U+2028/9 */
                             "\xff\xc3\x28\xed\xa0\x80\xc0\xaf"       /* invalid */
                             "\0z";
    static const char want[] =
        "\"q\\\"b\\\\s/\\n\\t\\r\\b\\f\\u0001\\u001f\x7f"
        "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"
        "\\u2028\\u2029"
        "\\ufffd\\ufffd(\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd"
        "\\u0000z\"";
    vep_alloc a;
    vep_buf b;
    vep_jsonw w;
    (void)state;
    vep__alloc_init(&a, NULL);
    vep__buf_init(&b, &a);
    vep__jw_init(&w, &b, 0);
    vep__jw_stringn(&w, in, sizeof in - 1);
    assert_string_equal(vep__buf_str(&b), want);
    vep__buf_reset(&b);
    vep__jw_init(&w, &b, 0);
    vep__jw_string(&w, NULL);
    assert_string_equal(vep__buf_str(&b), "null");
    vep__buf_free(&b);
}

/* Writes the same small document in both layouts. */
static void layout_doc(vep_jsonw *w)
{
    vep__jw_object(w);
    vep__jw_kstring(w, "a", "x");
    vep__jw_key(w, "b");
    vep__jw_array(w);
    vep__jw_int(w, 1);
    vep__jw_number(w, 2.5, 2);
    vep__jw_bool(w, 1);
    vep__jw_null(w);
    vep__jw_array_end(w);
    vep__jw_key(w, "e");
    vep__jw_array(w);
    vep__jw_array_end(w);
    vep__jw_key(w, "o");
    vep__jw_object(w);
    vep__jw_object_end(w);
    vep__jw_key(w, "n");
    vep__jw_object(w);
    vep__jw_kbool(w, "f", 0);
    vep__jw_kint(w, "i", -3);
    vep__jw_knumber(w, "d", 0.5, -1);
    vep__jw_object_end(w);
    vep__jw_object_end(w);
}

static void test_layout(void **state)
{
    vep_alloc a;
    vep_buf b;
    vep_jsonw w;
    int i;
    (void)state;
    vep__alloc_init(&a, NULL);
    vep__buf_init(&b, &a);
    vep__jw_init(&w, &b, 0);
    layout_doc(&w);
    assert_string_equal(vep__buf_str(&b),
        "{\"a\":\"x\",\"b\":[1,2.5,true,null],\"e\":[],\"o\":{},"
        "\"n\":{\"f\":false,\"i\":-3,\"d\":0.5}}");
    vep__buf_reset(&b);
    vep__jw_init(&w, &b, 1);
    layout_doc(&w);
    assert_string_equal(vep__buf_str(&b),
        "{\n"
        "  \"a\": \"x\",\n"
        "  \"b\": [\n"
        "    1,\n"
        "    2.5,\n"
        "    true,\n"
        "    null\n"
        "  ],\n"
        "  \"e\": [],\n"
        "  \"o\": {},\n"
        "  \"n\": {\n"
        "    \"f\": false,\n"
        "    \"i\": -3,\n"
        "    \"d\": 0.5\n"
        "  }\n"
        "}");
    /* nesting past the limit fails the buffer instead of overflowing */
    vep__buf_reset(&b);
    vep__jw_init(&w, &b, 0);
    for (i = 0; i < VEP_JW_MAX_DEPTH + 2; i++)
        vep__jw_array(&w);
    assert_true(b.failed);
    vep__buf_free(&b);
}

/* ---- The result document -------------------------------------------- */

/* A reference to `id`, resolved to `index`. */
static vep_ref ref(fx *f, vep_ref_kind kind, const char *id, int index)
{
    vep_ref r;
    r.kind = kind;
    r.id = dup(f, id);
    r.index = index;
    return r;
}

/* Replaces a title set by the builders. */
static void retitle(fx *f, vep_text *t, const char *s)
{
    vep__text_free(&f->a, t);
    text_en(f, t, s);
}

/* The screening instrument "vep-screen" 1.2.0: 7 belief items (lmh), 2
** protective presence items; scores beliefs (prorated, at most 2
** unknown), prot, net = beliefs - prot, avg (mean of beliefs, 2
** decimals); level "screen" of net; flag "refer"; a judgement with
** "screen" as advisory level.  Answers from `spec` (see answers()). */
static fx *fx_screen(const char *spec)
{
    static const char *const ids[9] = { "B1", "B2", "B3", "B4", "B5", "B6",
                                        "B7", "P1", "P2" };
    fx *f = fx_new();
    vep_model *m = &f->m;
    vep_score_def *s;
    vep_level_def *l;
    vep_flag_def *fl;
    int d, p;
    size_t i;

    vep__free(&f->a, m->id);
    vep__free(&f->a, m->version);
    m->id = dup(f, "vep-screen");
    m->version = dup(f, "1.2.0");
    memset(m->sha256, 'a', 64);
    m->illustrative = 1;
    m->nsources = 1;
    m->sources = vep__calloc(&f->a, 1, sizeof *m->sources);
    m->sources[0].name = dup(f, "screen.lua");
    m->sources[0].label = dup(f, "screen.lua");
    memset(m->sources[0].sha256, 'b', 64);
    d = add_domain(f, "beliefs", VEP_DOMAIN_RISK);
    p = add_domain(f, "protective", VEP_DOMAIN_PROTECTIVE);
    for (i = 0; i < 9; i++)
        add_item(f, ids[i], i < 7 ? VEP_ITEM_SCALE : VEP_ITEM_PRESENCE,
                 i < 7 ? d : p, 1);

    s = add_score(f, "beliefs", VEP_RULE_SUM, VEP_MISSING_PRORATE, 2, 0);
    use_domain(f, s, "beliefs");
    s->max = 14;
    s = add_score(f, "prot", VEP_RULE_SUM, VEP_MISSING_INCOMPLETE, -1, 0);
    use_domain(f, s, "protective");
    s->max = 2;
    s = add_score(f, "net", VEP_RULE_COMPOSITE, VEP_MISSING_INCOMPLETE, -1, 0);
    add_term(f, s, VEP_REF_SCORE, "beliefs", 1);
    add_term(f, s, VEP_REF_SCORE, "prot", -1);
    s->min = -2;
    s->max = 14;
    s = add_score(f, "avg", VEP_RULE_MEAN, VEP_MISSING_INCOMPLETE, -1, 2);
    use_domain(f, s, "beliefs");
    s->max = 2;

    l = add_level(f, "screen", "net");
    add_band(f, l, "negative", -2, 2);
    add_band(f, l, "positive", 3, 14);
    fl = add_flag(f, "refer", VEP_COND_IS, VEP_REF_LEVEL, "screen", 0, "positive");
    fl->when.ref.index = 0;
    retitle(f, &fl->title, "Refer to full assessment");

    m->judgement.declared = 1;
    m->judgement.outcome = dup(f, "Risk of violent extremism");
    m->judgement.advisory = ref(f, VEP_REF_LEVEL, "screen", 0);

    f->as.subject_id = dup(f, "P-2291");
    f->as.assessor_id = dup(f, "A-17");
    f->as.assessor_role = dup(f, "psychologist");
    f->as.date = dup(f, "2026-11-20");
    answers(f, spec);
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    return f;
}

/* Adds the professional's judgement to the assessment. */
static void judge(fx *f, const char *level, const char *why)
{
    f->as.has_judgement = 1;
    f->as.judgement_level = dup(f, level);
    f->as.judgement_rationale = dup(f, why);
    f->as.ndecisive = 1;
    f->as.decisive_items = vep__calloc(&f->a, 1, sizeof(char *));
    f->as.decisive_items[0] = dup(f, "P1");
}


/* Renders into a new string (caller frees with free()). */
static char *render(fx *f)
{
    vep_buf b;
    char *s;
    vep__buf_init(&b, &f->a);
    assert_int_equal(vep__result_render(&f->ctx, &b), VEP_OK);
    s = malloc(b.len + 1);
    assert_non_null(s);
    memcpy(s, vep__buf_str(&b), b.len + 1);
    vep__buf_free(&b);
    if (getenv("VEP_TEST_DUMP") != NULL)     /* to look at the document */
        fprintf(stderr, "%s\n", s);
    return s;
}

/* Asserts that `needle` occurs in `doc`. */
static void has(const char *doc, const char *needle)
{
    if (strstr(doc, needle) == NULL)
        fail_msg("not in the document: %s", needle);
}

static void test_render_stable(void **state)
{
    fx *f = fx_screen("1 1 1 1 1 0 u  1 0");
    char *one, *two;
    (void)state;
    judge(f, "negative", "Family ties \"strong\"");
    one = render(f);
    two = render(f);
    assert_string_equal(one, two);
    free(two);
    /* scoring again gives the same bytes */
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    two = render(f);
    assert_string_equal(one, two);
    free(two);
    /* and so does a locale with a decimal comma */
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8") || setlocale(LC_NUMERIC, "de_DE.utf8") ||
        setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
        two = render(f);
        setlocale(LC_NUMERIC, "C");
        assert_string_equal(one, two);
        free(two);
    }
    free(one);
    fx_free(f);
}

static void test_render_key_order(void **state)
{
    static const char *const keys[] = {
        "{\n  \"libvep\": \"" VEP_VERSION_STRING "\",\n  \"instrument\": {",
        "\n  \"assessment\": {", "\n  \"notice\": ", "\n  \"status\": ",
        "\n  \"no_total\": ", "\n  \"scores\": [", "\n  \"levels\": [",
        "\n  \"flags\": [", "\n  \"profiles\": [", "\n  \"judgement\": ",
        "\n  \"answers\": ["
    };
    static const char *const score_keys[] = {
        "\"id\": \"beliefs\"", "\"title\": ", "\"rule\": ", "\"value\": ",
        "\"status\": ", "\"range\": ", "\"explanation\": ", "\"items\": ",
        "\"scores\": ", "\"left_out\": ", "\"missing\": ", "\"note\": "
    };
    fx *f = fx_screen("1 1 1 1 1 0 u  1 0");
    char *doc = render(f);
    const char *p = doc, *q;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        q = strstr(p, keys[i]);
        if (q == NULL)
            fail_msg("key out of order: %s", keys[i]);
        p = q;
    }
    assert_non_null(strstr(doc, "\n  \"judgement\": null,\n  \"answers\": [\n"));
    assert_string_equal(p + strlen(p) - 6, "\n  ]\n}");
    p = strstr(doc, score_keys[0]);
    for (i = 1; p && i < sizeof score_keys / sizeof score_keys[0]; i++) {
        q = strstr(p, score_keys[i]);
        if (q == NULL)
            fail_msg("score key out of order: %s", score_keys[i]);
        p = q;
    }
    free(doc);
    fx_free(f);
}

static void test_render_golden(void **state)
{
    fx *f = fx_screen("1 1 1 1 1 0 u  1 0");
    char *doc;
    (void)state;
    judge(f, "negative", "Family ties \"strong\"");
    doc = render(f);
    has(doc, "  \"instrument\": {\n"
             "    \"id\": \"vep-screen\",\n"
             "    \"version\": \"1.2.0\",\n"
             "    \"sha256\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n"
             "    \"sources\": [\n"
             "      {\n"
             "        \"file\": \"screen.lua\",\n");
    has(doc, "\"illustrative\": true\n");
    has(doc, "\"assessor\": {\n      \"id\": \"A-17\",\n      \"role\": \"psychologist\"\n    },");
    has(doc, "\"notice\": \"Computed levels and flags are advisory. "
             "The final judgement is the professional's.\",\n"
             "  \"status\": \"complete\",\n  \"no_total\": null,");
    has(doc, "      \"value\": 6,\n"
             "      \"status\": \"prorated\",\n"
             "      \"range\": {\n        \"min\": 0,\n        \"max\": 14\n      },\n"
             "      \"explanation\": \"Sum of 6 answered items of domain 'beliefs' "
             "(weights 1) = 5; 1 item unknown, prorated by 7/6 = 1.1667 to 5.8333, "
             "rounded to 6\",\n");
    has(doc, "\"left_out\": [\n        {\n          \"item\": \"B7\",\n"
             "          \"state\": \"unknown\"\n        }\n      ],\n"
             "      \"missing\": {\n"
             "        \"answered\": 6,\n        \"unknown\": 1,\n"
             "        \"not_applicable\": 0,\n        \"not_relevant\": 0,\n"
             "        \"max_unknown\": 2,\n        \"policy\": \"prorate\",\n"
             "        \"factor\": 1.1667\n      },\n      \"note\": null\n");
    has(doc, "\"explanation\": \"Composite of 2 scores: 'beliefs' 6 x 1 + "
             "'prot' 1 x -1 = 5; partial because 'beliefs' is prorated\"");
    has(doc, "\"contribution\": 6\n        },\n        {\n          \"score\": \"prot\",\n"
             "          \"value\": 1,\n          \"factor\": -1,\n"
             "          \"contribution\": -1\n        }\n      ],\n      \"left_out\": [],");
    has(doc, "\"explanation\": \"Mean of 6 answered items of domain 'beliefs' "
             "(weights 1) = 0.8333; 1 item unknown, scored without it "
             "(no limit set), rounded to 0.83\"");
    has(doc, "\"level\": \"positive\",\n      \"band\": {\n        \"min\": 3,\n"
             "        \"max\": 14\n      },\n      \"explanation\": \"score 'net' = 5 "
             "falls in band 'positive' (3 to 14)\"");
    /* the wording of "because" is cond.c's (or the stub's) */
    has(doc, "\"id\": \"refer\",\n      \"title\": \"Refer to full assessment\",\n"
             "      \"raised\": true,\n      \"because\": \"");
    has(doc, " (holds)\"\n    }\n  ],\n  \"profiles\": [");
    has(doc, "\"domain\": \"beliefs\",\n      \"kind\": \"risk\",\n"
             "      \"items\": 7,\n      \"counts\": {\n        \"low\": 1,\n"
             "        \"moderate\": 5,\n        \"high\": 0\n      },\n"
             "      \"unknown\": 1,\n      \"not_applicable\": 0,\n"
             "      \"not_relevant\": 0,\n      \"missing\": 0\n");
    has(doc, "\"kind\": \"protective\",\n      \"items\": 2,\n      \"counts\": {\n"
             "        \"absent\": 1,\n        \"present\": 1\n      },");
    has(doc, "  \"judgement\": {\n"
             "    \"outcome\": \"Risk of violent extremism\",\n"
             "    \"advisory\": \"positive\",\n    \"final\": \"negative\",\n"
             "    \"differs\": true,\n"
             "    \"rationale\": \"Family ties \\\"strong\\\"\",\n"
             "    \"decisive_items\": [\n      \"P1\"\n    ],\n"
             "    \"confidence\": null,\n    \"subject_view\": null,\n"
             "    \"approver\": null\n  },\n  \"answers\": [");
    /* Answers: state and code or value; unknown ones only the state. */
    has(doc, "\"item\": \"B1\",\n      \"state\": \"value\",\n      \"code\": ");
    has(doc, "\"state\": \"unknown\"\n    }");
    free(doc);
    fx_free(f);
}

static void test_render_incomplete(void **state)
{
    fx *f = fx_screen("1 u u u 1 0 n  n n");
    char *doc;
    (void)state;
    f->m.no_total = 1;
    f->m.no_total_reason = dup(f, "SPJ: indicators are not summed.");
    doc = render(f);
    has(doc, "\"status\": \"incomplete\",\n  \"no_total\": \"SPJ: indicators are not summed.\"");
    has(doc, "\"explanation\": \"No value: 3 of 7 items of domain 'beliefs' unknown, "
             "more than the 2 allowed; 1 item not applicable\"");
    has(doc, "\"explanation\": \"No value: none of the 2 items of domain 'protective' "
             "has a value; 2 items not applicable\"");
    has(doc, "\"status\": \"no_data\"");
    has(doc, "\"explanation\": \"No value: 'beliefs' and 'prot' have no value\"");
    has(doc, "\"scores\": [\n        {\n          \"score\": \"beliefs\",\n"
             "          \"value\": null,\n          \"factor\": 1,\n"
             "          \"contribution\": null\n        },");
    has(doc, "\"value\": null,\n      \"level\": null,\n      \"band\": null,\n"
             "      \"explanation\": \"score 'net' has no value, so no band applies\"");
    has(doc, "\"raised\": false");
    free(doc);
    fx_free(f);
}

/* Re-scores with the last score ("avg") changed and checks its sentence. */
static void explained(fx *f, const char *want)
{
    char *doc;
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    doc = render(f);
    has(doc, want);
    free(doc);
}

static void test_render_explanations(void **state)
{
    fx *f = fx_screen("1 2 1 1 m 0 u  1 r");
    vep_score_def *s = &f->m.scores[3];
    (void)state;
    explained(f, "\"explanation\": \"Mean of 5 answered items of domain 'beliefs' "
                 "(weights 1) = 1; 2 items unknown (1 missing from the answers), "
                 "scored without them (no limit set)\"");
    assert_int_equal(f->ctx.out->scores[3].status, VEP_SCORE_PARTIAL);
    explained(f, "\"explanation\": \"Sum of 1 answered item of domain 'protective' "
                 "(weight 1) = 1; 1 item not relevant\"");
    s->rule = VEP_RULE_COUNT;
    s->at_least = 1.5;
    s->missing = VEP_MISSING_PRORATE;
    s->decimals = 0;
    explained(f, "\"explanation\": \"Count of values of at least 1.5 among 5 "
                 "answered items of domain 'beliefs' = 1; 2 items unknown (1 missing "
                 "from the answers), prorated by 7/5 = 1.4 to 1.4, rounded to 1\"");
    s->decimals = 2;
    explained(f, "\"value\": 1.4,\n      \"status\": \"prorated\",");
    s->rule = VEP_RULE_MAX;
    s->terms[1].weight = 0.25;
    s->missing = VEP_MISSING_IGNORE;
    explained(f, "\"explanation\": \"Highest of 5 answered items of domain 'beliefs' "
                 "(weights 0.25 to 1) = 1; 2 items unknown (1 missing from the "
                 "answers), scored without them (missing policy 'ignore')\"");
    s->rule = VEP_RULE_MIN;
    s->max_unknown = 1;
    s->missing = VEP_MISSING_INCOMPLETE;
    explained(f, "\"explanation\": \"No value: 2 of 7 items of domain 'beliefs' "
                 "unknown, more than the 1 allowed (1 missing from the answers)\"");
    s->rule = VEP_RULE_FUNCTION;
    s->fn.key = dup(f, "sum");
    s->fn.nuses = 3;
    s->fn.uses = vep__calloc(&f->a, 3, sizeof *s->fn.uses);
    s->fn.uses[0] = ref(f, VEP_REF_ITEM, "B2", 1);
    s->fn.uses[1] = ref(f, VEP_REF_ITEM, "B7", 6);
    s->fn.uses[2] = ref(f, VEP_REF_SCORE, "prot", 1);
    explained(f, "\"explanation\": \"Function of 'B2', 'B7' and 'prot' returned 3; "
                 "1 item unknown\",\n"
                 "      \"items\": [\n        {\n          \"item\": \"B2\",\n"
                 "          \"value\": 2,\n          \"weight\": 1,\n"
                 "          \"contribution\": 2\n        }\n      ],\n"
                 "      \"scores\": [\n        {\n          \"score\": \"prot\",\n"
                 "          \"value\": 1,\n          \"factor\": 1,\n"
                 "          \"contribution\": 1\n        }\n      ],\n"
                 "      \"left_out\": [\n        {\n          \"item\": \"B7\",\n"
                 "          \"state\": \"unknown\"\n        }\n      ],");
    explained(f, "\"note\": \"stub sum\"\n");
    fx_free(f);
}

/* Fails every allocation of the renderer in turn. */
static void test_render_out_of_memory(void **state)
{
    fx *f = fx_screen("1 1 1 1 1 0 u  1 0");
    vep_buf b;
    vep_status st = VEP_ERR_NOMEM;
    long n, live;
    (void)state;
    judge(f, "negative", "x");
    live = f->cnt.live;
    for (n = 1; n < 1000 && st != VEP_OK; n++) {
        vep__buf_init(&b, &f->a);
        f->cnt.fail_in = n;
        st = vep__result_render(&f->ctx, &b);
        f->cnt.fail_in = -1;
        assert_true(st == VEP_OK || st == VEP_ERR_NOMEM);
        vep__buf_free(&b);
        assert_int_equal(f->cnt.live, live);
    }
    assert_int_equal(st, VEP_OK);
    assert_true(n > 3);
    fx_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_numbers_comma_locale),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_render_stable),
        cmocka_unit_test(test_render_key_order),
        cmocka_unit_test(test_render_golden),
        cmocka_unit_test(test_render_incomplete),
        cmocka_unit_test(test_render_explanations),
        cmocka_unit_test(test_render_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
