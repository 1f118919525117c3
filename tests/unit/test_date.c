/*
** test_date.c -- the calendar arithmetic (date.c) and the scripts' `date`
** library: leap years, month ends, the range limits, and every day of the
** years 1 to 9999 against a day-by-day count.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "date.h"

/* Every day from 0001-01-01 to 9999-12-31: the day number counts up by one,
** formats and parses back, and civil() walks the calendar day by day. */
static void test_every_day(void **state)
{
    int y = 1, m = 1, d = 1, cy, cm, cd;
    long day;
    char buf[11];
    (void)state;
    for (day = VEP_DATE_MIN; day <= VEP_DATE_MAX; day++) {
        long back;
        vep__date_civil(day, &cy, &cm, &cd);
        if (cy != y || cm != m || cd != d)
            fail_msg("day %ld is %04d-%02d-%02d, expected %04d-%02d-%02d", day, cy, cm, cd, y, m, d);
        if (vep__date_from_civil(y, m, d) != day)
            fail_msg("from_civil(%04d-%02d-%02d) != %ld", y, m, d, day);
        if ((day & 1023) == 0) {   /* formatting and parsing on a sample */
            vep__date_format(day, buf);
            assert_int_equal(vep__date_parse(buf, &back), 0);
            assert_int_equal(back, day);
        }
        if (++d > vep__date_month_days(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    assert_int_equal(y, 10000);
}

static void test_leap_years(void **state)
{
    (void)state;
    assert_true(vep__date_valid("2024-02-29"));
    assert_true(vep__date_valid("2000-02-29"));
    assert_true(vep__date_valid("1600-02-29"));
    assert_false(vep__date_valid("1900-02-29"));
    assert_false(vep__date_valid("2100-02-29"));
    assert_false(vep__date_valid("2023-02-29"));
    assert_int_equal(vep__date_month_days(2024, 2), 29);
    assert_int_equal(vep__date_month_days(2023, 2), 28);
    assert_int_equal(vep__date_month_days(2023, 12), 31);
}

static void test_strict_form(void **state)
{
    static const char *const bad[] = {
        "", "2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-01-01T00:00",
        "0000-01-01", "2024-00-10", "2024-13-01", "2024-04-31", "2024-01-00",
        " 2024-01-01", "2024-01-01 ", "+024-01-01", NULL
    };
    long day;
    int i;
    (void)state;
    for (i = 0; bad[i]; i++)
        if (vep__date_parse(bad[i], &day) == 0)
            fail_msg("'%s' was accepted", bad[i]);
    assert_int_equal(vep__date_parse("0001-01-01", &day), 0);
    assert_int_equal(day, VEP_DATE_MIN);
    assert_int_equal(vep__date_parse("9999-12-31", &day), 0);
    assert_int_equal(day, VEP_DATE_MAX);
}

/* Adds months to a date string and compares the result. */
static void months_case(const char *from, long n, const char *want)
{
    long day, out;
    char buf[11];
    assert_int_equal(vep__date_parse(from, &day), 0);
    assert_int_equal(vep__date_add_months(day, n, &out), 0);
    vep__date_format(out, buf);
    if (strcmp(buf, want) != 0)
        fail_msg("%s + %ld months = %s, expected %s", from, n, buf, want);
}

static void test_month_ends(void **state)
{
    long day, out;
    (void)state;
    months_case("2024-01-31", 1, "2024-02-29");
    months_case("2023-01-31", 1, "2023-02-28");
    months_case("2024-03-31", -1, "2024-02-29");
    months_case("2024-05-31", 1, "2024-06-30");
    months_case("2024-02-29", 12, "2025-02-28");
    months_case("2024-02-29", 48, "2028-02-29");
    months_case("2024-12-15", 1, "2025-01-15");
    months_case("2025-01-15", -1, "2024-12-15");
    months_case("2024-08-31", -6, "2024-02-29");
    months_case("2024-01-01", 0, "2024-01-01");
    assert_int_equal(vep__date_parse("9999-12-01", &day), 0);
    assert_int_equal(vep__date_add_months(day, 1, &out), -1);
    assert_int_equal(vep__date_parse("0001-01-31", &day), 0);
    assert_int_equal(vep__date_add_months(day, -1, &out), -1);
}

/* Whole months between two date strings. */
static long months(const char *a, const char *b)
{
    long x, y;
    assert_int_equal(vep__date_parse(a, &x), 0);
    assert_int_equal(vep__date_parse(b, &y), 0);
    return vep__date_months_between(x, y);
}

static void test_months_between(void **state)
{
    (void)state;
    assert_int_equal(months("2024-01-15", "2024-02-14"), 0);
    assert_int_equal(months("2024-01-15", "2024-02-15"), 1);
    assert_int_equal(months("2024-01-31", "2024-02-29"), 1);   /* end of month */
    assert_int_equal(months("2024-01-31", "2024-02-28"), 0);
    assert_int_equal(months("2023-03-10", "2026-03-09"), 35);
    assert_int_equal(months("2023-03-10", "2026-03-10"), 36);
    assert_int_equal(months("2024-02-15", "2024-01-15"), -1);
    assert_int_equal(months("2024-05-05", "2024-05-05"), 0);
}

/* Runs `src` in a plain Lua state with the library as global `date` and
** returns the string it returns (or the error), copied into buf. */
static const char *run(const char *src, char *buf, size_t n)
{
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    vep__date_push_lib(L);
    lua_setglobal(L, "date");
    if (luaL_loadstring(L, src) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
        snprintf(buf, n, "error: %s", lua_tostring(L, -1));
    else
        snprintf(buf, n, "%s", luaL_tolstring(L, -1, NULL));
    lua_close(L);
    return buf;
}

static void test_script_library(void **state)
{
    char b[256];
    (void)state;
    assert_string_equal(run("return date.add_days('2024-02-28', 2)", b, sizeof b), "2024-03-01");
    assert_string_equal(run("return date.add_days('2025-01-01', -1)", b, sizeof b), "2024-12-31");
    assert_string_equal(run("return date.add_months('2024-01-31', 1)", b, sizeof b), "2024-02-29");
    assert_string_equal(run("return date.add_years('2024-02-29', 1)", b, sizeof b), "2025-02-28");
    assert_string_equal(run("return date.days_between('2024-01-01', '2025-01-01')", b, sizeof b), "366");
    assert_string_equal(run("return date.days_between('2025-01-01', '2024-01-01')", b, sizeof b), "-366");
    assert_string_equal(run("return date.months_between('2024-01-31', '2024-02-29')", b, sizeof b), "1");
    assert_string_equal(run("return date.compare('2024-01-02', '2024-01-10')", b, sizeof b), "-1");
    assert_string_equal(run("return date.compare('2024-01-10', '2024-01-10')", b, sizeof b), "0");
    assert_string_equal(run("local y, m, d = date.parts('2026-12-01') return y * 10000 + m * 100 + d", b, sizeof b), "20261201");
    assert_string_equal(run("return date.make(2024, 2, 29)", b, sizeof b), "2024-02-29");
    assert_string_equal(run("return tostring(date.valid('2023-02-29'))", b, sizeof b), "false");
    assert_string_equal(run("return tostring(date.valid(20230101))", b, sizeof b), "false");
}

static void test_script_errors(void **state)
{
    char b[256];
    (void)state;
    assert_non_null(strstr(run("return date.add_days('2024-02-30', 1)", b, sizeof b),
                           "date.add_days: '2024-02-30' is not a date written YYYY-MM-DD"));
    assert_non_null(strstr(run("return date.add_days({}, 1)", b, sizeof b),
                           "date.add_days: argument 1 must be a date string"));
    assert_non_null(strstr(run("return date.add_days('2024-01-01', 1.5)", b, sizeof b),
                           "argument 2 must be a whole number"));
    assert_non_null(strstr(run("return date.add_days('9999-12-31', 1)", b, sizeof b),
                           "outside the years 1 to 9999"));
    assert_non_null(strstr(run("return date.add_years('9999-01-01', 1)", b, sizeof b),
                           "outside the years 1 to 9999"));
    assert_non_null(strstr(run("return date.make(2023, 2, 29)", b, sizeof b),
                           "date.make: 2023-2-29 is not a calendar date"));
    assert_non_null(strstr(run("return date.add_months('2024-01-01', 1e12)", b, sizeof b),
                           "argument 2 must be a whole number"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_day),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_strict_form),
        cmocka_unit_test(test_month_ends),
        cmocka_unit_test(test_months_between),
        cmocka_unit_test(test_script_library),
        cmocka_unit_test(test_script_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
