/*
** date.c -- calendar arithmetic for assessment dates and for scripts.
**
** The day-number conversion counts whole 400-year cycles (146097 days
** each), then centuries, four-year groups and years within them, so it is
** exact for every date of years 1 to 9999 without tables or loops.
**
** The scripts' library (`date`) works on strings in YYYY-MM-DD form, so a
** date written in a script, an assessment or the host's case context is
** the same value everywhere, and comparing two such strings compares the
** dates:
**   date.valid(s)               true when s is a real date
**   date.add_days(s, n)         s + n days
**   date.add_months(s, n)       s + n months; past the month's end -> its
**                               last day (2024-01-31 + 1 = 2024-02-29)
**   date.add_years(s, n)        the same with 12*n months (02-29 -> 02-28)
**   date.days_between(a, b)     b - a in days
**   date.months_between(a, b)   whole months from a to b
**   date.compare(a, b)          -1, 0 or 1
**   date.parts(s)               year, month, day
**   date.make(y, m, d)          "YYYY-MM-DD", or an error if no such day
** Every error names the function and the value at fault.
*/
#include <stdio.h>
#include <string.h>
#include "lauxlib.h"
#include "date.h"

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int vep__date_month_days(int y, int m)
{
    static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* Days before month m (1..12) in a year, leap years counted. */
static long days_before_month(int y, int m)
{
    static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    return before[m - 1] + (m > 2 && is_leap(y) ? 1 : 0);
}

long vep__date_from_civil(int y, int m, int d)
{
    long py = (long)y - 1;  /* whole years before y */
    return py * 365 + py / 4 - py / 100 + py / 400 + days_before_month(y, m) + (d - 1);
}

void vep__date_civil(long day, int *y, int *m, int *d)
{
    long n400 = day / 146097, r = day % 146097, n100, n4, n1, yday;
    int year, month;
    n100 = r / 36524;
    if (n100 == 4)          /* the last day of a 400-year cycle */
        n100 = 3;
    r -= n100 * 36524;
    n4 = r / 1461;
    r -= n4 * 1461;
    n1 = r / 365;
    if (n1 == 4)            /* the last day of a leap year */
        n1 = 3;
    yday = r - n1 * 365;
    year = (int)(n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1);
    for (month = 12; month > 1 && days_before_month(year, month) > yday; month--)
        ;
    *y = year;
    *m = month;
    *d = (int)(yday - days_before_month(year, month) + 1);
}

/* Reads `n` decimal digits. */
static int digits(const char *s, int n, int *out)
{
    int i, v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int vep__date_parse(const char *s, long *out_day)
{
    int y, m, d;
    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return -1;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > vep__date_month_days(y, m))
        return -1;
    *out_day = vep__date_from_civil(y, m, d);
    return 0;
}

/* The strict form only (no times, no week dates, no short forms), since
** assessment dates are compared and shown as written. */
int vep__date_valid(const char *s)
{
    long day;
    return vep__date_parse(s, &day) == 0;
}

void vep__date_format(long day, char out[11])
{
    int y, m, d;
    vep__date_civil(day, &y, &m, &d);
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

int vep__date_add_months(long day, long months, long *out_day)
{
    int y, m, d, dim;
    long total;
    vep__date_civil(day, &y, &m, &d);
    if (months > 120000 || months < -120000)
        return -1;
    total = (long)y * 12 + (m - 1) + months;   /* months since year 0 */
    if (total < 12 || total > 9999L * 12 + 11)
        return -1;
    y = (int)(total / 12);
    m = (int)(total % 12) + 1;
    dim = vep__date_month_days(y, m);
    *out_day = vep__date_from_civil(y, m, d > dim ? dim : d);
    return 0;
}

long vep__date_months_between(long a, long b)
{
    int ya, ma, da, yb, mb, db;
    long n, t;
    int neg = b < a;
    if (neg) {
        long x = a;
        a = b;
        b = x;
    }
    vep__date_civil(a, &ya, &ma, &da);
    vep__date_civil(b, &yb, &mb, &db);
    n = ((long)yb - ya) * 12 + (mb - ma);
    /* one month less if a + n months overshoots b (end-of-month rule) */
    if (n > 0 && (vep__date_add_months(a, n, &t) != 0 || t > b))
        n--;
    return neg ? -n : n;
}

/* ---- The scripts' library -------------------------------------------- */

/* Argument `i` as a date, or an error naming the function and value. */
static long check_date(lua_State *L, int i, const char *fn)
{
    long day = 0;
    const char *s = lua_tostring(L, i);
    if (lua_type(L, i) != LUA_TSTRING || vep__date_parse(s, &day) != 0) {
        if (lua_type(L, i) == LUA_TSTRING)
            luaL_error(L, "date.%s: '%s' is not a date written YYYY-MM-DD", fn, s);
        luaL_error(L, "date.%s: argument %d must be a date string YYYY-MM-DD, not a %s",
                   fn, i, luaL_typename(L, i));
    }
    return day;
}

/* Argument `i` as a whole number, or an error. */
static long check_count(lua_State *L, int i, const char *fn)
{
    lua_Integer n;
    int ok = 0;
    n = lua_tointegerx(L, i, &ok);
    if (!ok || n > 10000000 || n < -10000000)
        luaL_error(L, "date.%s: argument %d must be a whole number", fn, i);
    return (long)n;
}

/* Pushes a day number as a date string, or raises when out of range. */
static int push_date(lua_State *L, long day, const char *fn)
{
    char buf[11];
    if (day < VEP_DATE_MIN || day > VEP_DATE_MAX)
        return luaL_error(L, "date.%s: the result falls outside the years 1 to 9999", fn);
    vep__date_format(day, buf);
    lua_pushstring(L, buf);
    return 1;
}

static int l_valid(lua_State *L)
{
    long day;
    lua_pushboolean(L, lua_type(L, 1) == LUA_TSTRING && vep__date_parse(lua_tostring(L, 1), &day) == 0);
    return 1;
}

static int l_add_days(lua_State *L)
{
    long day = check_date(L, 1, "add_days");
    return push_date(L, day + check_count(L, 2, "add_days"), "add_days");
}

/* add_months and add_years share the month arithmetic. */
static int add_months(lua_State *L, const char *fn, long factor)
{
    long day = check_date(L, 1, fn), out;
    if (vep__date_add_months(day, check_count(L, 2, fn) * factor, &out) != 0)
        return luaL_error(L, "date.%s: the result falls outside the years 1 to 9999", fn);
    return push_date(L, out, fn);
}

static int l_add_months(lua_State *L) { return add_months(L, "add_months", 1); }
static int l_add_years(lua_State *L) { return add_months(L, "add_years", 12); }

static int l_days_between(lua_State *L)
{
    long a = check_date(L, 1, "days_between"), b = check_date(L, 2, "days_between");
    lua_pushinteger(L, (lua_Integer)(b - a));
    return 1;
}

static int l_months_between(lua_State *L)
{
    long a = check_date(L, 1, "months_between"), b = check_date(L, 2, "months_between");
    lua_pushinteger(L, (lua_Integer)vep__date_months_between(a, b));
    return 1;
}

static int l_compare(lua_State *L)
{
    long a = check_date(L, 1, "compare"), b = check_date(L, 2, "compare");
    lua_pushinteger(L, a < b ? -1 : a > b);
    return 1;
}

static int l_parts(lua_State *L)
{
    int y, m, d;
    vep__date_civil(check_date(L, 1, "parts"), &y, &m, &d);
    lua_pushinteger(L, y);
    lua_pushinteger(L, m);
    lua_pushinteger(L, d);
    return 3;
}

static int l_make(lua_State *L)
{
    long y = check_count(L, 1, "make"), m = check_count(L, 2, "make"), d = check_count(L, 3, "make");
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > vep__date_month_days((int)y, (int)m))
        return luaL_error(L, "date.make: %I-%I-%I is not a calendar date",
                          (lua_Integer)y, (lua_Integer)m, (lua_Integer)d);
    return push_date(L, vep__date_from_civil((int)y, (int)m, (int)d), "make");
}

void vep__date_push_lib(lua_State *L)
{
    static const luaL_Reg fns[] = {
        { "valid", l_valid }, { "add_days", l_add_days },
        { "add_months", l_add_months }, { "add_years", l_add_years },
        { "days_between", l_days_between }, { "months_between", l_months_between },
        { "compare", l_compare }, { "parts", l_parts }, { "make", l_make },
        { NULL, NULL }
    };
    luaL_newlib(L, fns);
}
