/*
** test_assessment.c -- unit tests of assessment.c and reader.c: the
** assessment document as a whole (syntax, UTF-8, duplicate keys, the
** top-level fields, the judgement, several problems at once, running out
** of memory), against the model of assessment_fixture.h.
**
** Build (from the repository root):
**   gcc -std=c99 -Wall -Wextra -Wpedantic -g -fsanitize=address,undefined \
**     -Ilibvep/include -Ilibvep/src $(pkg-config --cflags libcjson cmocka) \
**     libvep/src/assessment.c libvep/src/answers.c libvep/src/reader.c \
**     libvep/src/cond.c libvep/src/utf8.c libvep/src/model.c \
**     libvep/src/alloc.c libvep/src/buf.c libvep/src/diag.c \
**     tests/unit/test_assessment.c $(pkg-config --libs libcjson cmocka) \
**     -lm -o /tmp/test_assessment
*/
#include "assessment_fixture.h"

/* ---- Valid documents ------------------------------------------------- */

static void test_valid(void **state)
{
    fx *f = *state;
    const vep_assessment *as;
    const vep_answer *a;

    if (run_answers(f, VALID_ANSWERS ", 'C01': {'value': 'a'}",
                    VALID_JUDGEMENT) != VEP_ERR_ASSESSMENT)
        fail_msg("a duplicated answer must be rejected");
    run(f, HEAD "'answers': {" VALID_ANSWERS "}, 'judgement': "
        VALID_JUDGEMENT ", 'meta': {'any': [1, {'x': null}, true]}}");
    if (f->st != VEP_OK)
        dump(f);
    assert_int_equal(f->st, VEP_OK);
    assert_int_equal(f->d.n, 0);
    as = f->ctx.as;
    assert_non_null(as);
    assert_string_equal(as->instrument_id, "vep-screen");
    assert_string_equal(as->instrument_version, "1.4.2");
    assert_string_equal(as->subject_id, "P-1");
    assert_string_equal(as->assessor_id, "A-1");
    assert_null(as->assessor_role);
    assert_string_equal(as->date, "2024-02-29");
    assert_int_equal(as->nanswers, NITEMS);

    a = &as->answers[S01];
    assert_int_equal(a->state, VEP_ANSWER_VALUE);
    assert_true(a->has_number);
    assert_true(a->number == 1.0);
    assert_int_equal(a->option, 1);
    assert_int_equal(a->nfor, 1);
    assert_string_equal(a->evidence_for[0], "report 3");
    assert_int_equal(a->nagainst, 0);
    a = &as->answers[B01];
    assert_int_equal(a->option, 2);
    assert_true(a->has_number && a->number == 2.0);
    a = &as->answers[C01];
    assert_int_equal(a->state, VEP_ANSWER_VALUE);
    assert_int_equal(a->option, 2);
    assert_false(a->has_number);   /* option c has no value */
    a = &as->answers[M01];
    assert_int_equal(a->option, -1);
    assert_int_equal(a->selected[0], 1);
    assert_int_equal(a->selected[1], 1);
    assert_int_equal(a->selected[2], 0);
    assert_true(a->has_number && a->number == 3.0);
    assert_true(as->answers[N01].number == 3.0);
    assert_true(as->answers[X01].number == 2.5);
    assert_true(as->answers[X02].number == 7.0);
    assert_string_equal(as->answers[D01].text, "2023-12-31");
    assert_false(as->answers[D01].has_number);
    assert_string_equal(as->answers[T01].text, "h\xc3\xa9llo");
    assert_int_equal(as->answers[S05b].state, VEP_ANSWER_VALUE);
    assert_int_equal(as->answers[R01].state, VEP_ANSWER_UNKNOWN);
    assert_string_equal(as->answers[R01].reason, "no file");

    assert_true(as->has_judgement);
    assert_string_equal(as->judgement_level, "high");
    assert_string_equal(as->judgement_rationale, "because");
    assert_int_equal(as->ndecisive, 2);
    assert_string_equal(as->decisive_items[1], "B01");
    assert_string_equal(as->judgement_confidence, "moderate");
    assert_string_equal(as->subject_view, "denies");
    assert_string_equal(as->approver, "B");
}

static void test_json_syntax(void **state)
{
    fx *f = *state;
    const char *msg;

    run(f, "{\n  'a': 1,\n  'b': }");
    msg = expect_only(f, "json_syntax", "$", NULL);
    assert_non_null(strstr(msg, "line 3, column 8"));

    /* columns count characters, not bytes */
    run(f, "{'\xc3\xa9\xc3\xa9': tru}");
    msg = expect_only(f, "json_syntax", "$", NULL);
    assert_non_null(strstr(msg, "line 1, column 8"));

    run(f, "{} xyz");
    msg = expect_only(f, "json_syntax", "$", NULL);
    assert_non_null(strstr(msg, "after the end"));
    assert_non_null(strstr(msg, "line 1, column 4"));

    run(f, "  \n ");
    msg = expect_only(f, "json_syntax", "$", NULL);
    assert_string_equal(msg, "the assessment is empty");
    run_raw(f, "", 0);
    expect_only(f, "json_syntax", "$", NULL);

    run(f, "{'a': 'x\\u0000y'}");
    msg = expect_only(f, "json_syntax", "$", NULL);
    assert_non_null(strstr(msg, "\\u0000"));
    run(f, "{'a': 'x\ny'}");
    msg = expect_only(f, "json_syntax", "$", NULL);
    assert_non_null(strstr(msg, "line 1, column 9"));
    run_raw(f, "{\"a\": 1}\0", 9);
    expect_only(f, "json_syntax", "$", NULL);

    run(f, "[1, 2]");
    msg = expect_only(f, "wrong_type", "$", NULL);
    assert_string_equal(msg,
                        "the assessment must be a JSON object "
                        "(found an array)");
}

static void test_duplicate_key(void **state)
{
    fx *f = *state;
    const char *msg;

    run_answers(f, "'S01': {'value': 'present'}, 'S01': {'value': 'absent'}, "
                   "'R01': {'value': 'absent'}", NULL);
    msg = expect_only(f, "duplicate_key", "$.answers.S01", "S01");
    assert_string_equal(msg, "the key 'S01' appears more than once in the "
                             "same object; only the first is used");

    run(f, HEAD "'date': '2024-01-01', 'answers': {'S01': {'value': "
               "'absent', 'value': 'present'}}}");
    expect(f, "duplicate_key", "$.date", NULL);
    expect(f, "duplicate_key", "$.answers.S01.value", "S01");
    assert_int_equal(f->d.n, 2);

    /* large objects are checked by sorting */
    run(f, "{'meta': {'a0': 0, 'a1': 1, 'a2': 2, 'a3': 3, 'a4': 4, 'a5': 5, "
           "'a6': 6, 'a7': 7, 'a8': 8, 'a9': 9, 'b0': 0, 'b1': 1, 'b2': 2, "
           "'b3': 3, 'b4': 4, 'b5': 5, 'b6': 6, 'a3': 33, 'c': [{'a': 1, "
           "'a': 2}], 'a3': 333}}");
    assert_int_equal(find_diag(f, "duplicate_key", "$.meta.a3", NULL) >= 0, 1);
    assert_true(find_diag(f, "duplicate_key", "$.meta.c[0].a", NULL) >= 0);
}

static void test_invalid_utf8(void **state)
{
    fx *f = *state;
    const char *msg;

    run_answers(f, "'S01': {'value': 'absent'}, 'T01': {'value': 'a\xff" "b'}",
                NULL);
    msg = expect_only(f, "invalid_utf8", "$.answers.T01.value", "T01");
    assert_string_equal(msg, "the text 'a\\xFFb' is not valid UTF-8");

    run_answers(f, "'S01': {'value': 'absent'}, 'S\xff': {'value': 1}", NULL);
    msg = expect_only(f, "invalid_utf8", "$.answers[\"S\\xFF\"]", NULL);
    assert_string_equal(msg, "the key 'S\\xFF' is not valid UTF-8");

    /* overlong form and surrogate, anywhere (meta too) */
    run(f, HEAD "'answers': {'S01': {'value': 'absent'}}, "
               "'meta': ['\xc0\xaf', {'k': '\xed\xa0\x80'}]}");
    expect(f, "invalid_utf8", "$.meta[0]", NULL);
    expect(f, "invalid_utf8", "$.meta[1].k", NULL);
    assert_int_equal(f->d.n, 2);
}

static void test_fields(void **state)
{
    fx *f = *state;
    const char *msg;

    run(f, "{'instrument': {'id': 'vep-screen', 'version': '1.0.0'}, "
           "'subject': {'id': ''}, 'assessor': {'role': 5}, "
           "'answers': [], 'foo': 1, 'odd key': 2}");
    msg = expect(f, "missing_field", "$.date", NULL);
    assert_string_equal(msg, "the assessment date is missing (field 'date')");
    expect(f, "missing_field", "$.subject.id", NULL);
    expect(f, "missing_field", "$.assessor.id", NULL);
    expect(f, "wrong_type", "$.assessor.role", NULL);
    msg = expect(f, "wrong_type", "$.answers", NULL);
    assert_non_null(strstr(msg, "(found an array)"));
    msg = expect(f, "unknown_field", "$.foo", NULL);
    assert_string_equal(msg, "unknown field 'foo' in the assessment "
                             "(expected: instrument, subject, assessor, date, "
                             "answers, judgement, meta, migrations)");
    expect(f, "unknown_field", "$[\"odd key\"]", NULL);
    assert_int_equal(f->d.n, 7);

    /* many unknown fields: every message is whole */
    run(f, HEAD "'answers': {'S01': {'value': 'absent'}}, 'k1': 1, 'k2': 2, "
               "'k3': 3, 'k4': 4, 'k5': 5, 'k6': 6}");
    assert_int_equal(f->d.n, 6);
    assert_string_equal(f->d.v[5].message, "unknown field 'k6' in the "
                        "assessment (expected: instrument, subject, assessor, "
                        "date, answers, judgement, meta, migrations)");
    assert_string_equal(f->d.v[5].path, "$.k6");

    run(f, "{}");
    expect(f, "missing_field", "$.instrument", NULL);
    expect(f, "missing_field", "$.subject", NULL);
    expect(f, "missing_field", "$.assessor", NULL);
    expect(f, "missing_field", "$.date", NULL);
    expect(f, "missing_field", "$.answers", NULL);
    assert_int_equal(f->d.n, 5);

    run_answers(f, "'S01': {'value': 'present', 'note': 'x', "
                   "'evidence': {'for': [1], 'pro': []}}, "
                   "'R01': {'value': 'absent', 'reason': 3}", NULL);
    msg = expect(f, "unknown_field", "$.answers.S01.note", "S01");
    assert_string_equal(msg, "unknown field 'note' in the answer to item "
                             "'S01' (expected: value, status, reason, "
                             "evidence)");
    expect(f, "unknown_field", "$.answers.S01.evidence.pro", "S01");
    expect(f, "wrong_type", "$.answers.S01.evidence.for[0]", "S01");
    expect(f, "wrong_type", "$.answers.R01.reason", "R01");
    assert_int_equal(f->d.n, 4);
}

static void test_instrument(void **state)
{
    fx *f = *state;
    const char *msg;

    run(f, "{'instrument': {'id': 'other', 'version': '2.0.0'}, "
           "'subject': {'id': 'P'}, 'assessor': {'id': 'A'}, "
           "'date': '2024-01-01', 'answers': {'S01': {'value': 'absent'}}}");
    msg = expect(f, "wrong_instrument", "$.instrument.id", NULL);
    assert_string_equal(msg, "the assessment is for instrument 'other', but "
                             "this is instrument 'vep-screen'");
    msg = expect(f, "wrong_version", "$.instrument.version", NULL);
    assert_non_null(strstr(msg, "major versions differ"));
    assert_int_equal(f->d.n, 2);

    run(f, "{'instrument': {'id': 'vep-screen', 'version': '1.2'}, "
           "'subject': {'id': 'P'}, 'assessor': {'id': 'A'}, "
           "'date': '2024-01-01', 'answers': {'S01': {'value': 'absent'}}}");
    msg = expect_only(f, "wrong_version", "$.instrument.version", NULL);
    assert_string_equal(msg, "'1.2' is not a semantic version "
                             "MAJOR.MINOR.PATCH");
    run(f, "{'instrument': {'id': 'vep-screen', 'version': '01.2.0'}, "
           "'subject': {'id': 'P'}, 'assessor': {'id': 'A'}, "
           "'date': '2024-01-01', 'answers': {'S01': {'value': 'absent'}}}");
    expect_only(f, "wrong_version", "$.instrument.version", NULL);
    run(f, "{'instrument': {'id': 'vep-screen', 'version': "
           "'1.9.0-rc.1+build.5'}, 'subject': {'id': 'P'}, 'assessor': "
           "{'id': 'A'}, 'date': '2024-01-01', 'answers': {'S01': "
           "{'value': 'absent'}}}");
    assert_int_equal(f->st, VEP_OK);
    run(f, "{'instrument': 'vep-screen', 'subject': {'id': 'P'}, "
           "'assessor': {'id': 'A'}, 'date': '2024-01-01', "
           "'answers': {'S01': {'value': 'absent'}}}");
    expect_only(f, "wrong_type", "$.instrument", NULL);
}

static void test_judgement(void **state)
{
    fx *f = *state;
    const char *msg;

    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'extreme', "
                   "'remark': 1}");
    msg = expect(f, "unknown_level", "$.judgement.level", NULL);
    assert_string_equal(msg, "'extreme' is not a level this instrument's "
                             "judgement may take (expected one of: low, "
                             "moderate, high)");
    expect(f, "unknown_field", "$.judgement.remark", NULL);
    assert_int_equal(f->d.n, 2);

    run_answers(f, "'S01': {'value': 'absent'}", "{'rationale': 'x'}");
    expect_only(f, "missing_field", "$.judgement.level", NULL);
    run_answers(f, "'S01': {'value': 'absent'}", "'high'");
    expect_only(f, "wrong_type", "$.judgement", NULL);

    f->m.judgement.required = 1;
    run_answers(f, "'S01': {'value': 'absent'}", NULL);
    msg = expect_only(f, "missing_judgement", "$.judgement", NULL);
    assert_non_null(strstr(msg, "requires the professional's judgement"));

    f->m.judgement.rationale = VEP_RATIONALE_ALWAYS;
    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'low', "
                   "'rationale': ' \\n '}");
    expect_only(f, "rationale_required", "$.judgement.rationale", NULL);
    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'low'}");
    expect_only(f, "rationale_required", "$.judgement.rationale", NULL);
    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'low', "
                   "'rationale': 'seen twice'}");
    assert_int_equal(f->st, VEP_OK);

    /* without a list of levels, the bands of the advisory level */
    f->m.judgement.nlevels = 0;
    f->m.levels = vep__calloc(&f->a, 1, sizeof *f->m.levels);
    assert_non_null(f->m.levels);
    f->m.nlevels = 1;
    f->m.levels[0].id = S(f, "screen");
    f->m.levels[0].bands = vep__calloc(&f->a, 3, sizeof(vep_band));
    assert_non_null(f->m.levels[0].bands);
    f->m.levels[0].nbands = 3;
    f->m.levels[0].bands[0].level = S(f, "negative");
    f->m.levels[0].bands[1].level = S(f, "positive");
    f->m.levels[0].bands[2].level = S(f, "positive");
    f->m.judgement.advisory.index = 0;
    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'high', "
                   "'rationale': 'r'}");
    msg = expect_only(f, "unknown_level", "$.judgement.level", NULL);
    assert_string_equal(msg, "'high' is not a level this instrument's "
                             "judgement may take (expected one of: negative, "
                             "positive)");
    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'positive', "
                   "'rationale': 'r'}");
    assert_int_equal(f->st, VEP_OK);
    f->m.judgement.advisory.index = -1;

    /* without a list of levels or an advisory level, any level goes */
    f->m.judgement.nlevels = 0;
    run_answers(f, "'S01': {'value': 'absent'}", "{'level': 'whatever', "
                   "'rationale': 'r'}");
    assert_int_equal(f->st, VEP_OK);
    f->m.judgement.nlevels = 3;
}

/* Every problem of a document is reported, not only the first. */
static void test_many_problems(void **state)
{
    fx *f = *state;
    run(f, "{'instrument': {'id': 'vep-screen', 'version': '3.0.0'}, "
           "'subject': {'id': 'P'}, 'assessor': {'id': 'A'}, "
           "'date': '2024-02-30', 'extra': true, 'answers': {"
           "'B01': {'value': 'x'}, 'C01': {'value': 'a', 'status': 'unknown'},"
           "'M01': {'value': ['y', 'y']}, 'N01': {'value': 99}, "
           "'T01': {'value': 'too long'}, 'Q1': {'value': 1}}, "
           "'judgement': {'level': 'none'}}");
    expect(f, "unknown_field", "$.extra", NULL);
    expect(f, "wrong_version", "$.instrument.version", NULL);
    expect(f, "invalid_date", "$.date", NULL);
    expect(f, "not_in_scale", "$.answers.B01.value", "B01");
    expect(f, "wrong_type", "$.answers.C01", "C01");
    expect(f, "duplicate_choice", "$.answers.M01.value[1]", "M01");
    expect(f, "out_of_range", "$.answers.N01.value", "N01");
    expect(f, "too_long", "$.answers.T01.value", "T01");
    expect(f, "unknown_item", "$.answers.Q1", "Q1");
    expect(f, "missing_required", "$.answers.S01", "S01");
    expect(f, "unknown_level", "$.judgement.level", NULL);
    if (f->d.n != 11)
        dump(f);
    assert_int_equal(f->d.n, 11);
}

/* Out of memory at every allocation in turn: VEP_ERR_NOMEM, nothing kept. */
static void nomem_loop(fx *f, const char *doc, vep_status final)
{
    long n, base;
    vep_status st;
    char *j = dequote(doc);

    for (n = 0;; n++) {
        vep__diags_free(&f->d);
        vep__diags_init(&f->d, &f->a);
        base = f->t.live;
        f->t.fail_after = n;
        st = vep__assessment_read(&f->ctx, j, strlen(j));
        f->t.fail_after = -1;
        if (st == VEP_ERR_NOMEM) {
            assert_null(f->ctx.as);
            vep__diags_free(&f->d);
            assert_int_equal(f->t.live, base);
            continue;
        }
        assert_int_equal(st, final);
        vep__assessment_free(&f->a, f->ctx.as);
        f->ctx.as = NULL;
        break;
    }
    free(j);
    assert_true(n > 5);
}

static void test_nomem(void **state)
{
    fx *f = *state;
    nomem_loop(f, HEAD "'answers': {" VALID_ANSWERS "}, 'judgement': "
                  VALID_JUDGEMENT "}", VEP_OK);
    nomem_loop(f, HEAD "'answers': {'S01': {'value': 'x'}, 'B01': 'y', "
                  "'S05b': {'value': 'z'}, 'Q': 1, 'M01': {'value': ['q']}}, "
                  "'junk': 1, 'judgement': {'level': 'q', 'decisive_items': "
                  "['S01', 'Q2']}}", VEP_ERR_ASSESSMENT);
    nomem_loop(f, "{'a': }", VEP_ERR_ASSESSMENT);
}

/* Every prefix of a document, in a buffer of exactly its size (no NUL
** after it): a syntax error or a valid document, never a read past the
** end (run under AddressSanitizer or valgrind). */
static void test_prefixes(void **state)
{
    fx *f = *state;
    char *doc = dequote(HEAD "'answers': {" VALID_ANSWERS "}, 'judgement': "
                        VALID_JUDGEMENT "}");
    size_t len = strlen(doc), n;
    char *p;

    for (n = 0; n <= len; n++) {
        p = malloc(n ? n : 1);
        assert_non_null(p);
        memcpy(p, doc, n);
        run_raw(f, p, n);
        if (n < len) {
            assert_int_equal(f->st, VEP_ERR_ASSESSMENT);
            assert_int_equal(f->d.n, 1);
            assert_string_equal(f->d.v[0].rule, "json_syntax");
        } else {
            assert_int_equal(f->st, VEP_OK);
        }
        free(p);
    }
    free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_syntax, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_instrument, setup, teardown),
        cmocka_unit_test_setup_teardown(test_judgement, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_problems, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nomem, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prefixes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
