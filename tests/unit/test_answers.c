/*
** test_answers.c -- unit tests of answers.c and utf8.c: one answer per
** item type, relevance of conditional items, missing data, against the
** model of assessment_fixture.h.
**
** Build (from the repository root):
**   gcc -std=c99 -Wall -Wextra -Wpedantic -g -fsanitize=address,undefined \
**     -Ilibvep/include -Ilibvep/src $(pkg-config --cflags libcjson cmocka) \
**     libvep/src/assessment.c libvep/src/answers.c libvep/src/reader.c \
**     libvep/src/cond.c libvep/src/utf8.c libvep/src/model.c \
**     libvep/src/alloc.c libvep/src/buf.c libvep/src/diag.c \
**     tests/unit/test_answers.c $(pkg-config --libs libcjson cmocka) \
**     -lm -o /tmp/test_answers
*/
#include "assessment_fixture.h"

/* Missing items are "missing"; items whose condition is false are "not
** relevant" and not required; unknown / n.a. answers to them are fine. */
static void test_states_and_relevance(void **state)
{
    fx *f = *state;
    const vep_assessment *as;

    run_answers(f, "'S01': {'value': 'absent'}, "
                   "'S05b': {'status': 'unknown'}, "
                   "'M01': {'value': []}, 'X01': {'status': 'not_applicable'}",
                NULL);
    if (f->st != VEP_OK)
        dump(f);
    assert_int_equal(f->st, VEP_OK);
    as = f->ctx.as;
    assert_int_equal(as->answers[S01].state, VEP_ANSWER_VALUE);
    assert_true(as->answers[S01].number == 0.0);
    assert_int_equal(as->answers[B01].state, VEP_ANSWER_MISSING);
    assert_int_equal(as->answers[S05b].state, VEP_ANSWER_NOT_RELEVANT);
    assert_int_equal(as->answers[R01].state, VEP_ANSWER_NOT_RELEVANT);
    assert_int_equal(as->answers[X01].state, VEP_ANSWER_NA);
    assert_false(as->has_judgement);
    /* an empty multi is a value worth 0 */
    assert_int_equal(as->answers[M01].state, VEP_ANSWER_VALUE);
    assert_true(as->answers[M01].has_number);
    assert_true(as->answers[M01].number == 0.0);

    /* a choice without a value makes the multi's number unusable */
    run_answers(f, "'S01': {'value': 'absent'}, 'M01': {'value': ['z', 'x']}",
                NULL);
    assert_int_equal(f->st, VEP_OK);
    assert_false(f->ctx.as->answers[M01].has_number);
    assert_int_equal(f->ctx.as->answers[M01].selected[2], 1);

    /* null is "not given" for optional fields */
    run(f, HEAD "'answers': {'S01': {'value': 'absent', 'reason': null}}, "
               "'judgement': null, 'meta': null}");
    assert_int_equal(f->st, VEP_OK);

    assert_string_equal(vep__answer_state_name(VEP_ANSWER_MISSING), "missing");
    assert_string_equal(vep__answer_state_name(VEP_ANSWER_VALUE), "value");
    assert_string_equal(vep__answer_state_name(VEP_ANSWER_UNKNOWN), "unknown");
    assert_string_equal(vep__answer_state_name(VEP_ANSWER_NA),
                        "not_applicable");
    assert_string_equal(vep__answer_state_name(VEP_ANSWER_NOT_RELEVANT),
                        "not_relevant");
}

/* Both value and status: wrong_type; neither: missing_field. */
static void test_value_and_status(void **state)
{
    fx *f = *state;
    run_answers(f, "'S01': {'value': 'present', 'status': 'unknown'}, "
                   "'R01': {'reason': 'x'}, 'B01': 'high'", NULL);
    expect(f, "wrong_type", "$.answers.S01", "S01");
    expect(f, "missing_field", "$.answers.R01", "R01");
    expect(f, "wrong_type", "$.answers.B01", "B01");
    assert_int_equal(f->d.n, 3);   /* no missing_required for S01 or R01 */
}

static void test_items(void **state)
{
    fx *f = *state;
    const char *msg;

    run_answers(f, "'Z99': {'value': 1}, 'R01': {'value': 'present'}", NULL);
    msg = expect(f, "unknown_item", "$.answers.Z99", "Z99");
    assert_string_equal(msg,
                        "'Z99' is not an item of instrument 'vep-screen'");
    msg = expect(f, "missing_required", "$.answers.S01", "S01");
    assert_string_equal(msg, "item 'S01' is required but the assessment does "
                             "not answer it");
    /* R01 depends on S01, which has no value: not relevant */
    msg = expect(f, "not_relevant", "$.answers.R01.value", "R01");
    assert_string_equal(msg, "item 'R01' is not relevant here and must not be "
                             "answered with a value; its condition does not "
                             "hold: item S01 is 'present' (does not hold: it "
                             "has no answer)");
    assert_int_equal(f->d.n, 3);

    run_answers(f, "'S01': {'value': 'absent'}, 'S05b': {'value': 'x'}, "
                   "'R01': {'status': 'not_applicable'}", NULL);
    expect_only(f, "not_relevant", "$.answers.S05b.value", "S05b");

    /* relevant, so R01 is required */
    run_answers(f, "'S01': {'value': 'present'}", NULL);
    expect_only(f, "missing_required", "$.answers.R01", "R01");

    /* a bad answer to S01 does not make R01 required or irrelevant */
    run_answers(f, "'S01': {'value': 'maybe'}, 'S05b': {'value': 'x'}", NULL);
    expect_only(f, "not_in_scale", "$.answers.S01.value", "S01");

    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'low', "
                   "'decisive_items': ['S01', 'Z98', 4]}");
    expect(f, "unknown_item", "$.judgement.decisive_items[1]", "Z98");
    expect(f, "wrong_type", "$.judgement.decisive_items[2]", NULL);
    assert_int_equal(f->d.n, 2);
}

static void test_values(void **state)
{
    fx *f = *state;
    const char *msg;

    run_answers(f, "'S01': {'value': 'maybe'}, 'B01': {'value': 'extreme'}, "
                   "'C01': {'value': 'q'}, 'M01': {'value': ['x', 'w', 'x']},"
                   "'R01': {'status': 'maybe'}", NULL);
    msg = expect(f, "not_in_scale", "$.answers.S01.value", "S01");
    assert_string_equal(msg, "item 'S01': 'maybe' is not a point of scale "
                             "'presence' (expected one of: absent, present)");
    msg = expect(f, "not_in_scale", "$.answers.B01.value", "B01");
    assert_string_equal(msg, "item 'B01': 'extreme' is not a point of scale "
                             "'lmh' (expected one of: low, moderate, high)");
    msg = expect(f, "not_in_scale", "$.answers.C01.value", "C01");
    assert_string_equal(msg, "item 'C01': 'q' is not one of its options "
                             "(expected one of: a, b, c)");
    expect(f, "not_in_scale", "$.answers.M01.value[1]", "M01");
    msg = expect(f, "duplicate_choice", "$.answers.M01.value[2]", "M01");
    assert_string_equal(msg, "item 'M01': 'x' is chosen more than once");
    msg = expect(f, "not_in_scale", "$.answers.R01.status", "R01");
    assert_string_equal(msg, "item 'R01': 'maybe' is not a status (expected "
                             "one of: unknown, not_applicable)");
    assert_int_equal(f->d.n, 6);

    run_answers(f, "'S01': {'value': 1}, 'M01': {'value': 'x'}, "
                   "'N01': {'value': '3'}, 'D01': {'value': 20240101}, "
                   "'T01': {'value': ['a']}, 'R01': {'status': true}", NULL);
    msg = expect(f, "wrong_type", "$.answers.S01.value", "S01");
    assert_string_equal(msg, "item 'S01': the value must be a string, one of: "
                             "absent, present (found a number)");
    expect(f, "wrong_type", "$.answers.M01.value", "M01");
    expect(f, "wrong_type", "$.answers.N01.value", "N01");
    expect(f, "wrong_type", "$.answers.D01.value", "D01");
    expect(f, "wrong_type", "$.answers.T01.value", "T01");
    expect(f, "wrong_type", "$.answers.R01.status", "R01");
    assert_int_equal(f->d.n, 6);
}

static void test_ranges(void **state)
{
    fx *f = *state;
    const char *msg;

    run_answers(f, "'S01': {'value': 'absent'}, 'N01': {'value': 11}", NULL);
    msg = expect_only(f, "out_of_range", "$.answers.N01.value", "N01");
    assert_string_equal(msg, "item 'N01': 11 is more than the maximum of 10");
    run_answers(f, "'S01': {'value': 'absent'}, 'N01': {'value': -1}", NULL);
    expect_only(f, "out_of_range", "$.answers.N01.value", "N01");
    run_answers(f, "'S01': {'value': 'absent'}, 'N01': {'value': 2.5}", NULL);
    msg = expect_only(f, "out_of_range", "$.answers.N01.value", "N01");
    assert_string_equal(msg, "item 'N01': 2.5 is not a whole number");
    run_answers(f, "'S01': {'value': 'absent'}, 'X01': {'value': 5.75}", NULL);
    msg = expect_only(f, "out_of_range", "$.answers.X01.value", "X01");
    assert_string_equal(msg,
                        "item 'X01': 5.75 is more than the maximum of 5.5");
    run_answers(f, "'S01': {'value': 'absent'}, 'X01': {'value': -1.5}",
                NULL);
    msg = expect_only(f, "out_of_range", "$.answers.X01.value", "X01");
    assert_string_equal(msg,
                        "item 'X01': -1.5 is less than the minimum of -1");
    run_answers(f, "'S01': {'value': 'absent'}, 'X02': {'value': 1.5}", NULL);
    expect_only(f, "out_of_range", "$.answers.X02.value", "X02");
    run_answers(f, "'S01': {'value': 'absent'}, 'X02': {'value': 1e999}",
                NULL);
    msg = expect_only(f, "out_of_range", "$.answers.X02.value", "X02");
    assert_string_equal(msg, "item 'X02': infinity is not a finite number");
    run_answers(f, "'S01': {'value': 'absent'}, 'X01': {'value': -1}, "
                   "'X02': {'value': -1e6}, 'N01': {'value': 10}", NULL);
    assert_int_equal(f->st, VEP_OK);
}

static void test_dates_and_texts(void **state)
{
    fx *f = *state;
    const char *msg;

    run(f, "{'instrument': {'id': 'vep-screen', 'version': '1.0.0'}, "
           "'subject': {'id': 'P'}, 'assessor': {'id': 'A'}, "
           "'date': '2024-13-01', 'answers': {'S01': {'value': 'absent'}, "
           "'D01': {'value': '2023-02-29'}, 'T01': {'value': 'abcdef'}}}");
    msg = expect(f, "invalid_date", "$.date", NULL);
    assert_string_equal(msg, "the assessment date '2024-13-01' is not a real "
                             "date written YYYY-MM-DD");
    msg = expect(f, "invalid_date", "$.answers.D01.value", "D01");
    assert_string_equal(msg, "item 'D01': '2023-02-29' is not a real date "
                             "written YYYY-MM-DD");
    msg = expect(f, "too_long", "$.answers.T01.value", "T01");
    assert_string_equal(msg, "item 'T01': the text has 6 characters, more "
                             "than the 5 allowed");
    assert_int_equal(f->d.n, 3);
}

static void test_missing_data(void **state)
{
    fx *f = *state;
    const char *msg;

    run_answers(f, "'S01': {'value': 'absent'}, 'B01': {'status': 'unknown'}, "
                   "'C01': {'status': 'not_applicable'}", NULL);
    msg = expect(f, "unknown_not_allowed", "$.answers.B01.status", "B01");
    assert_string_equal(msg, "item 'B01' may not be answered unknown");
    msg = expect(f, "na_not_allowed", "$.answers.C01.status", "C01");
    assert_string_equal(msg, "item 'C01' may not be answered not applicable");
    assert_int_equal(f->d.n, 2);

    /* Only items answered unknown count against the instrument's limit;
    ** optional items left out do not, nor do irrelevant ones. */
    f->m.max_unknown = 1;
    run_answers(f, "'S01': {'value': 'absent'}, 'X01': {'value': 1}, "
                   "'T01': {'status': 'unknown'}, 'D01': {'status': 'unknown'}", NULL);
    msg = expect_only(f, "too_many_unknowns", "$.answers", NULL);
    assert_string_equal(msg, "2 items are unknown (D01, T01), more than the 1 "
                             "this instrument allows");
    f->m.max_unknown = 2;
    run_answers(f, "'S01': {'value': 'absent'}, 'X01': {'value': 1}, "
                   "'T01': {'status': 'unknown'}, 'D01': {'status': 'unknown'}", NULL);
    assert_int_equal(f->st, VEP_OK);
    f->m.max_unknown = 0;    /* left-out optional items are not unknowns */
    run_answers(f, "'S01': {'value': 'absent'}, 'X01': {'value': 1}", NULL);
    assert_int_equal(f->st, VEP_OK);
}

/* A Lua condition that fails stops reading with the script's status. */
static void test_function_condition(void **state)
{
    fx *f = *state;
    vep_cond *c = f->m.items[S05b].when;

    vep__cond_free(&f->a, c);
    c->kind = VEP_COND_FUNCTION;
    c->fn.key = S(f, "false");
    run_answers(f, "'S01': {'value': 'present'}, 'R01': {'value': 'absent'}, "
                   "'S05b': {'value': 'x'}", NULL);
    expect_only(f, "not_relevant", "$.answers.S05b.value", "S05b");
    assert_non_null(strstr(f->d.v[0].message, "function 'false' returns false"
                                              " (does not hold)"));
    vep__free(&f->a, c->fn.key);
    c->fn.key = S(f, "fail");
    run_answers(f, "'S01': {'value': 'present'}, 'R01': {'value': 'absent'}",
                NULL);
    assert_int_equal(f->st, VEP_ERR_SCRIPT);
    assert_null(f->ctx.as);
}

static void test_utf8(void **state)
{
    char nb[VEP_NUM_BUFSIZE];
    vep_alloc a;
    vep_buf b;
    (void)state;

    assert_true(vep__utf8_valid("", 0));
    assert_true(vep__utf8_valid("abc \xc3\xa9 \xe2\x82\xac "
                                "\xf0\x9f\x98\x80", 15));
    assert_false(vep__utf8_valid("\xc3", 1));             /* truncated   */
    assert_false(vep__utf8_valid("\xc0\x80", 2));         /* overlong    */
    assert_false(vep__utf8_valid("\xe0\x80\x80", 3));     /* overlong    */
    assert_false(vep__utf8_valid("\xed\xa0\x80", 3));     /* surrogate   */
    assert_false(vep__utf8_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF  */
    assert_false(vep__utf8_valid("\xf5\x80\x80\x80", 4));
    assert_false(vep__utf8_valid("\x80", 1));
    assert_false(vep__utf8_valid("\xe2\x82x", 3));
    assert_true(vep__utf8_valid("\xf4\x8f\xbf\xbf", 4));
    assert_int_equal(vep__utf8_count("h\xc3\xa9llo \xf0\x9f\x98\x80", 11), 7);

    assert_true(vep__date_valid("2024-02-29"));
    assert_true(vep__date_valid("2000-02-29"));
    assert_false(vep__date_valid("1900-02-29"));
    assert_false(vep__date_valid("2023-02-29"));
    assert_false(vep__date_valid("2023-04-31"));
    assert_true(vep__date_valid("2023-12-31"));
    assert_false(vep__date_valid("2023-00-10"));
    assert_false(vep__date_valid("2023-01-00"));
    assert_false(vep__date_valid("0000-01-01"));
    assert_false(vep__date_valid("2023-1-01"));
    assert_false(vep__date_valid("2023-01-01T00:00"));
    assert_false(vep__date_valid("2023/01/01"));
    assert_false(vep__date_valid(""));

    assert_string_equal(vep__num_format(nb, 4), "4");
    assert_string_equal(vep__num_format(nb, 2.5), "2.5");
    assert_string_equal(vep__num_format(nb, -0.0), "0");
    assert_string_equal(vep__num_format(nb, 0.1 + 0.2), "0.3");
    assert_string_equal(vep__num_format(nb, 1e20), "1e+20");
    assert_string_equal(vep__num_format(nb, -1.0 / 3), "-0.333333333333333");

    vep__alloc_init(&a, NULL);
    vep__buf_init(&b, &a);
    vep__utf8_escape(&b, "a\"b\\c\n\x01\xff\xc3\xa9", 10, 0, 1);
    assert_string_equal(vep__buf_str(&b), "a\\\"b\\\\c\\n\\x01\\xFF\xc3\xa9");
    vep__buf_reset(&b);
    vep__utf8_escape(&b, "\xc3\xa9\xc3\xa9\xc3\xa9", 6, 2, 0);
    assert_string_equal(vep__buf_str(&b), "\xc3\xa9\xc3\xa9...");
    vep__buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_states_and_relevance, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_value_and_status, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_items, setup, teardown),
        cmocka_unit_test_setup_teardown(test_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ranges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dates_and_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_data, setup, teardown),
        cmocka_unit_test_setup_teardown(test_function_condition, setup,
                                        teardown),
        cmocka_unit_test(test_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
