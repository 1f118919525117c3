/*
** test_json_check.c -- the allocation-free JSON check that tells a memory
** failure of cJSON from a syntax error (json_check.c): well-formed and
** malformed texts of every kind, the nesting limit, surrogates, and the
** one property that matters: it is never more lenient than cJSON, over
** the malformed-input corpus and over every truncation and one-byte
** mutation of the bundled documents.
*/
#include "api_fixture.h"
#include <dirent.h>
#include "json_check.h"

/* 1 when cJSON parses the text as one value (followed by anything). */
static int cjson_parses(const char *s, size_t len)
{
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(s, len, &end, 0);
    cJSON_Delete(j);
    return j != NULL;
}

/* The checker must not accept what cJSON refuses. */
static void not_more_lenient(const char *s, size_t len, const char *what)
{
    if (vep__json_well_formed(s, len) && !cjson_parses(s, len))
        fail_msg("%s: the check accepts what cJSON refuses: '%.*s'", what,
                 (int)(len > 80 ? 80 : len), s);
}

static void test_kinds(void **state)
{
    static const char *const good[] = {
        "null", "true", "false", "0", "-0", "12", "-1.5e+10", "3E2", "0.25",
        "\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u00e9\\ud83d\\ude00\"",
        "[]", "{}", "[1, [2, [3]], {\"a\": {}}]", " \t\n{ \"k\" : [ true , null ] } ",
        "\xEF\xBB\xBF{\"bom\": 1}", "{\"a\":1} trailing is not looked at",
    };
    static const char *const bad[] = {
        "", "   ", "nul", "tru", "-", "1.", ".5", "1e", "+1", "[1,]", "[1 2]",
        "{\"a\"}", "{\"a\":}", "{a:1}", "{\"a\":1,}", "\"unterminated", "\"\\x\"",
        "\"\\u12\"", "\"\\udc00\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "[", "{",
        "]", "'single'",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        if (!vep__json_well_formed(good[i], strlen(good[i])))
            fail_msg("refused: %s", good[i]);
        assert_true(cjson_parses(good[i], strlen(good[i])));
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (vep__json_well_formed(bad[i], strlen(bad[i])))
            fail_msg("accepted: '%s'", bad[i]);
    assert_int_equal(vep__json_well_formed(NULL, 0), 0);
}

/* cJSON's limit of nested arrays and objects, exactly. */
static void test_nesting(void **state)
{
    size_t n = CJSON_NESTING_LIMIT, i;
    char *s = malloc(2 * (n + 1) + 1);
    (void)state;
    assert_non_null(s);
    for (i = 0; i < n; i++) {
        s[i] = '[';
        s[2 * n - 1 - i] = ']';
    }
    assert_true(vep__json_well_formed(s, 2 * n));
    assert_true(cjson_parses(s, 2 * n));
    memmove(s + 1, s, 2 * n);          /* one level more */
    s[0] = '[';
    s[2 * n + 1] = ']';
    assert_false(vep__json_well_formed(s, 2 * n + 2));
    assert_false(cjson_parses(s, 2 * n + 2));
    free(s);
}

/* Every file of the malformed-input corpus, and every truncation and
** one-byte change of the bundled documents. */
static void test_never_more_lenient(void **state)
{
    static const char *const docs[] = {
        "examples/assessments/screen-positive.json", "examples/assessments/rna-example.json",
        "examples/cases/rna-example.context.json", "tests/vectors/screen-negative/result.json",
    };
    static const char swaps[] = "\"\\{}[],:0-e.u";
    char path[4096];
    DIR *dir;
    struct dirent *de;
    struct stat st;
    size_t i, k, len, n = 0;
    (void)state;
    dir = opendir(fx_path("tests/corpus/assessments"));
    assert_non_null(dir);
    while ((de = readdir(dir)) != NULL) {
        char *s;
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", fx_path("tests/corpus/assessments"), de->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        s = fx_read(path, &len);
        if (s == NULL)
            continue;
        not_more_lenient(s, len, de->d_name);
        free(s);
        n++;
    }
    closedir(dir);
    assert_true(n > 50);
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        char *s = fx_read(fx_path(docs[i]), &len);
        size_t step = fx_quick() ? 31 : 3;
        assert_non_null(s);
        assert_true(vep__json_well_formed(s, len));
        for (k = 0; k < len; k += step) {
            size_t j;
            not_more_lenient(s, k, docs[i]);          /* truncated */
            for (j = 0; j < sizeof swaps - 1; j++) {  /* one byte changed */
                char keep = s[k];
                s[k] = swaps[j];
                not_more_lenient(s, len, docs[i]);
                s[k] = keep;
            }
        }
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_nesting),
        cmocka_unit_test(test_never_more_lenient),
    };
    fx_filter();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
