/*
** test_semver.c -- semantic versions and the version ranges overlays and
** migrations name their bases with (semver.c).
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "semver.h"

static void test_parse(void **state)
{
    vep_semver v;
    (void)state;
    assert_true(vep__semver_parse("1.2.3", &v));
    assert_int_equal(v.major, 1);
    assert_int_equal(v.minor, 2);
    assert_int_equal(v.patch, 3);
    assert_null(v.pre);
    assert_true(vep__semver_parse("10.0.0-rc.1+build.5", &v));
    assert_int_equal(v.npre, 4);
    assert_false(vep__semver_parse("1.2", &v));
    assert_false(vep__semver_parse("01.2.3", &v));
    assert_false(vep__semver_parse("1.2.3-", &v));
    assert_false(vep__semver_parse("1.2.3-a..b", &v));
    assert_false(vep__semver_parse("1.2.x", &v));
    assert_false(vep__semver_parse("100000.0.0", &v));
    /* a numeric pre-release identifier has no leading zero; build metadata may */
    assert_false(vep__semver_parse("1.2.3-01", &v));
    assert_false(vep__semver_parse("1.2.3-rc.007", &v));
    assert_true(vep__semver_parse("1.2.3-0.rc.10", &v));
    assert_true(vep__semver_parse("1.2.3+007", &v));
    assert_false(vep__semver_parse("", &v));
    assert_false(vep__semver_parse(NULL, &v));
}

/* Precedence as semver.org lists it. */
static void test_order(void **state)
{
    static const char *const seq[] = {
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1",
        "1.1.0", "2.0.0", NULL
    };
    size_t i;
    (void)state;
    for (i = 0; seq[i + 1]; i++) {
        vep_semver a, b;
        assert_true(vep__semver_parse(seq[i], &a));
        assert_true(vep__semver_parse(seq[i + 1], &b));
        assert_true(vep__semver_cmp(&a, &b) < 0);
        assert_true(vep__semver_cmp(&b, &a) > 0);
        assert_int_equal(vep__semver_cmp(&a, &a), 0);
    }
}

static void test_ranges(void **state)
{
    static const struct { const char *v, *range; int ok; } cases[] = {
        { "1.2.3", "1.2.3", 1 }, { "1.2.4", "1.2.3", 0 }, { "1.2.3", "=1.2.3", 1 },
        { "1.2.0", "^1.2.0", 1 }, { "1.9.9", "^1.2.0", 1 }, { "2.0.0", "^1.2.0", 0 },
        { "1.1.9", "^1.2.0", 0 }, { "0.3.5", "^0.3.1", 1 }, { "0.4.0", "^0.3.1", 0 },
        { "0.0.3", "^0.0.3", 1 }, { "0.0.4", "^0.0.3", 0 },
        { "1.2.9", "~1.2.0", 1 }, { "1.3.0", "~1.2.0", 0 },
        { "1.0.0", "1.x", 1 }, { "1.99.0", "1", 1 }, { "2.0.0", "1.x", 0 },
        { "1.2.7", "1.2.x", 1 }, { "1.3.0", "1.2.*", 0 }, { "7.0.0", "*", 1 },
        { "1.5.0", ">=1.2.0 <2.0.0", 1 }, { "2.0.0", ">=1.2.0 <2.0.0", 0 },
        { "1.2.0", ">1.2.0", 0 }, { "1.2.0", "<=1.2.0", 1 },
        { "3.1.0", "1.x || >=3.0.0", 1 }, { "2.1.0", "1.x || >=3.0.0", 0 },
        { "2.0.0-rc.1", "^1.0.0", 0 }, { "2.0.0-rc.1", "*", 0 },
        { "1.0.0-rc.2", ">=1.0.0-rc.1", 1 }, { "1.0.0-rc.2", "^1.0.0-rc.1", 1 },
        { "1.0.1-rc.1", ">=1.0.0-rc.1", 0 }, { "1.0.0", "^1.0.0-rc.1", 1 },
        { "1.7.0", "1.x.x", 1 }, { "2.0.0", "1.x.x", 0 }, { "3.1.4", "x.x.x", 1 },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (vep__semver_satisfies(cases[i].v, cases[i].range) != cases[i].ok)
            fail_msg("%s in '%s' should be %d", cases[i].v, cases[i].range, cases[i].ok);
}

static void test_malformed_ranges(void **state)
{
    static const char *const bad[] = {
        "", " ", "^", "^1.2", "~1", ">=", ">=1.2", "1.2.3.4", "x.1", "1..2",
        "1.2.3 ||", "|| 1.2.3", "abc", "1.2.", "1.2.x.x", "x.x.x.x", "1.x.x.x",
        "^1.2.3-01", NULL
    };
    size_t i;
    (void)state;
    for (i = 0; bad[i]; i++) {
        if (vep__semver_range_valid(bad[i]))
            fail_msg("'%s' should be refused", bad[i]);
        assert_false(vep__semver_satisfies("1.2.3", bad[i]));
    }
    assert_false(vep__semver_range_valid(NULL));
    assert_false(vep__semver_satisfies("not a version", "*"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_malformed_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
