/*
** sandbox_pattern.c -- what a Lua pattern match may cost, before it runs.
**
** The count hook never fires inside string.find, match, gmatch or gsub, and
** Lua's backtracking matcher can take time exponential in the number of
** quantifiers.  So the sandbox charges an upper bound on the matcher's
** steps to the instruction budget before calling it (sandbox_lib.c); a
** pattern that could run too long is refused at once.  The bound follows
** the subject's actual runs of each quantified character class.
*/
#include <ctype.h>
#include <string.h>
#include "lua.h"
#include "sandbox_lib.h"

/* Does byte c belong to class %cl?  The classes of lstrlib.c, so that the
** estimate sees the runs the matcher will see. */
static int class_has(int c, int cl)
{
    static const char names[] = "acdglpsuwx";
    static int (*const tests[])(int) = {isalpha, iscntrl, isdigit, isgraph,
        islower, ispunct, isspace, isupper, isalnum, isxdigit};
    const char *k = cl != 0 ? strchr(names, tolower(cl)) : NULL;
    if (k == NULL)
        return cl == c;
    return (tests[k - names](c) != 0) != (isupper(cl) != 0);
}

/* Does byte c match the single-character item [p, ep): '.', %x, [set] or
** a literal byte? */
static int item_has(int c, const char *p, const char *ep)
{
    int neg = 0;
    if (*p == '.')
        return 1;
    if (*p == '%')
        return class_has(c, (unsigned char)p[1]);
    if (*p != '[')
        return (unsigned char)*p == c;
    ep--;                                            /* the closing ']' */
    if (*++p == '^')
        neg = 1, p++;
    for (; p < ep; p++) {
        if (*p == '%' && p + 1 < ep) {
            if (class_has(c, (unsigned char)*++p))
                return !neg;
        } else if (p[1] == '-' && p + 2 < ep) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return !neg;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return !neg;
        }
    }
    return neg;
}

/* End of the single-character item at p (as lstrlib's classEnd), or NULL
** where the pattern is malformed (the matcher itself raises the error).
** Patterns are Lua strings, so reading *pe (a NUL) is fine. */
static const char *item_end(const char *p, const char *pe)
{
    if (*p == '%')
        return p + 1 < pe ? p + 2 : NULL;
    if (*p++ != '[')
        return p;
    if (*p == '^')
        p++;
    do {
        if (p >= pe)
            return NULL;
        if (*p++ == '%' && p < pe)
            p++;
    } while (*p != ']');
    return p + 1;
}

/* Longest run of subject bytes matching item [p, ep). */
static uint64_t longest_run(const char *s, size_t n, const char *p,
                            const char *ep)
{
    size_t i, run = 0, best = 0;
    for (i = 0; i < n; i++) {
        run = item_has((unsigned char)s[i], p, ep) ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

/* Upper bound on the steps of Lua's backtracking matcher for pattern p on
** subject s (see the cost model at the top).  Scanning the subject for runs
** is itself charged as it goes. */
uint64_t vep__sandbox_pattern_cost(lua_State *L, const char *s, size_t n,
                                   const char *p, size_t m, int can_anchor)
{
    const char *pe = p + m, *ep;
    uint64_t per = 1, starts = (uint64_t)n + 1, k = 0;
    if (can_anchor && m > 0 && *p == '^')
        starts = 1, p++;
    while (p < pe && per != UINT64_MAX) {
        if (*p == '(' || *p == ')') {
            p++;
            continue;
        }
        if (*p == '$' && p + 1 == pe)
            break;
        if (*p == '%' && p + 1 < pe
            && (p[1] == 'b' || p[1] == 'f' || isdigit((unsigned char)p[1]))) {
            if (p[1] == 'f') {
                p += 2;
                if (p >= pe || *p != '[' || (ep = item_end(p, pe)) == NULL)
                    break;
                p = ep;
                continue;
            }
            if (p[1] == 'b' && pe - p < 4)
                break;
            per = sat_mul(per, (uint64_t)n + 1);
            p += p[1] == 'b' ? 4 : 2;
            continue;
        }
        if ((ep = item_end(p, pe)) == NULL)
            break;
        if (ep < pe && (*ep == '*' || *ep == '+' || *ep == '-')) {
            vep__sandbox_charge(L, 1 + sat_mul(n, (uint64_t)(ep - p))
                                           / COST_BYTES);
            per = sat_mul(per, longest_run(s, n, p, ep) + 1);
            k++;
            ep++;
        } else if (ep < pe && *ep == '?') {
            per = sat_mul(per, 2);
            k++;
            ep++;
        }
        p = ep;
    }
    /* From one start, the quantified items take lengths l1..lk with a sum
    ** of at most n: no more than C(n+k, k) combinations, a far tighter
    ** bound than the product when there are several quantifiers. */
    if (k > 1) {
        uint64_t c = 1, i;
        for (i = 1; i <= k && c != UINT64_MAX; i++)
            c = sat_mul(c, (uint64_t)n + i) / i;
        if (c < per)
            per = c;
    }
    return sat_mul(starts, sat_mul(per, (uint64_t)m + 1));
}

