/*
** semver.c -- semantic versions and version ranges (see semver.h).
**
** Ranges are parsed afresh at each call: they are short, and the callers
** (loading an overlay, applying a migration) check a handful at most.
*/
#include <string.h>
#include "semver.h"

#define SEMVER_NUMBER_MAX 99999L

/* Reads a number without leading zeros; returns the characters used, or 0. */
static size_t read_number(const char *s, size_t n, long *out)
{
    size_t i = 0;
    long v = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        v = v * 10 + (s[i] - '0');
        if (v > SEMVER_NUMBER_MAX)
            return 0;
        i++;
    }
    if (i == 0 || (i > 1 && s[0] == '0'))
        return 0;
    *out = v;
    return i;
}

/* Whether s[0..n) is dot-separated identifiers of [0-9A-Za-z-]. */
static int valid_idents(const char *s, size_t n)
{
    size_t i, run = 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == '.') {
            if (run == 0)
                return 0;
            run = 0;
        } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                   (c >= 'A' && c <= 'Z') || c == '-') {
            run++;
        } else {
            return 0;
        }
    }
    return run > 0;
}

/* Whether the pre-release s[0..n) has a numeric identifier with a leading
** zero ("01"), which semver.org forbids (build metadata may have them). */
static int numeric_leading_zero(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i, digits = 1;
        for (; j < n && s[j] != '.'; j++)
            if (s[j] < '0' || s[j] > '9')
                digits = 0;
        if (digits && j - i > 1 && s[i] == '0')
            return 1;
        i = j + 1;
    }
    return 0;
}

/* Parses a full version from s[0..n). */
static int parse_n(const char *s, size_t n, vep_semver *v)
{
    long *part[3];
    size_t i = 0, k, used;
    const char *plus;

    part[0] = &v->major; part[1] = &v->minor; part[2] = &v->patch;
    v->pre = NULL;
    v->npre = 0;
    for (k = 0; k < 3; k++) {
        used = read_number(s + i, n - i, part[k]);
        if (used == 0)
            return 0;
        i += used;
        if (k < 2 && (i >= n || s[i++] != '.'))
            return 0;
    }
    plus = memchr(s + i, '+', n - i);
    if (plus && !valid_idents(plus + 1, (size_t)(s + n - plus - 1)))
        return 0;
    if (plus)
        n = (size_t)(plus - s);
    if (i < n) {
        if (s[i] != '-' || !valid_idents(s + i + 1, n - i - 1) ||
            numeric_leading_zero(s + i + 1, n - i - 1))
            return 0;
        v->pre = s + i + 1;
        v->npre = n - i - 1;
    }
    return 1;
}

int vep__semver_parse(const char *s, vep_semver *v)
{
    return s != NULL && parse_n(s, strlen(s), v);
}

/* Compares one pre-release identifier each (numeric ones numerically and
** below alphanumeric ones, as semver.org orders them). */
static int cmp_ident(const char *a, size_t na, const char *b, size_t nb)
{
    long x = 0, y = 0;
    int num_a = read_number(a, na, &x) == na, num_b = read_number(b, nb, &y) == nb;
    int c;
    if (num_a && num_b)
        return x < y ? -1 : x > y;
    if (num_a != num_b)
        return num_a ? -1 : 1;
    c = memcmp(a, b, na < nb ? na : nb);
    return c ? c : (na < nb ? -1 : na > nb);
}

int vep__semver_cmp(const vep_semver *a, const vep_semver *b)
{
    const char *p, *q, *pe, *qe;
    if (a->major != b->major) return a->major < b->major ? -1 : 1;
    if (a->minor != b->minor) return a->minor < b->minor ? -1 : 1;
    if (a->patch != b->patch) return a->patch < b->patch ? -1 : 1;
    if (!a->pre || !b->pre)
        return a->pre ? -1 : b->pre ? 1 : 0;
    p = a->pre; pe = a->pre + a->npre;
    q = b->pre; qe = b->pre + b->npre;
    while (p < pe && q < qe) {
        const char *pd = memchr(p, '.', (size_t)(pe - p)), *qd = memchr(q, '.', (size_t)(qe - q));
        size_t np = (size_t)((pd ? pd : pe) - p), nq = (size_t)((qd ? qd : qe) - q);
        int c = cmp_ident(p, np, q, nq);
        if (c)
            return c;
        p += np + (pd != NULL);
        q += nq + (qd != NULL);
    }
    return p < pe ? 1 : q < qe ? -1 : 0;
}

/* Sets *pre_ok when bound `lo` is a pre-release of ver's own version. */
static void note_pre(const vep_semver *lo, const vep_semver *ver, int *pre_ok)
{
    if (ver && lo->pre && lo->major == ver->major && lo->minor == ver->minor &&
        lo->patch == ver->patch)
        *pre_ok = 1;
}

/* One comparator: an operator and a bound; a partial version ("1", "1.x",
** "1.2.*") becomes the pair of bounds it stands for. */
typedef enum { OP_GE, OP_GT, OP_LE, OP_LT, OP_EQ } cmp_op;

/* Parses a partial version "1", "1.2", "1.x", "1.2.*" or "*": the number
** of leading numbers given (0 to 3) goes to *given. */
static int parse_partial(const char *s, size_t n, vep_semver *v, int *given)
{
    long *part[3];
    size_t i = 0, k, used, parts;

    part[0] = &v->major; part[1] = &v->minor; part[2] = &v->patch;
    v->major = v->minor = v->patch = 0;
    v->pre = NULL;
    v->npre = 0;
    *given = 0;
    if (parse_n(s, n, v)) {
        *given = 3;
        return 1;
    }
    for (k = 0; k < 3 && i < n; k++) {
        if (s[i] == 'x' || s[i] == 'X' || s[i] == '*') {
            i++;
            k++;                /* the wildcard is a part too */
            break;
        }
        used = read_number(s + i, n - i, part[k]);
        if (used == 0)
            return 0;
        i += used;
        (*given)++;
        if (i < n && s[i++] != '.')
            return 0;
        if (i == n && s[n - 1] == '.')
            return 0;
    }
    parts = k;
    while (i < n) {   /* trailing ".x" parts after a wildcard, up to three */
        if (s[i] != '.' || i + 1 >= n || !(s[i + 1] == 'x' || s[i + 1] == 'X' || s[i + 1] == '*') ||
            ++parts > 3)
            return 0;
        i += 2;
    }
    return *given < 3;
}

/* The version just above the partial one with `given` leading numbers. */
static vep_semver bump(vep_semver v, int given)
{
    if (given <= 1) { v.major++; v.minor = v.patch = 0; }
    else { v.minor++; v.patch = 0; }
    v.pre = NULL;
    v.npre = 0;
    return v;
}

/* Tests one comparator s[0..n) against `ver` (NULL: only checks it).
** Returns 1 when it holds, 0 when not, -1 when malformed.  Sets *pre_ok
** when the comparator names a pre-release of ver's own MAJOR.MINOR.PATCH:
** only then may a pre-release version satisfy a set (as npm ranges do). */
static int comparator(const char *s, size_t n, const vep_semver *ver, int *pre_ok)
{
    vep_semver lo, hi;
    cmp_op op = OP_EQ;
    int given;
    size_t skip = 0;

    if (n >= 2 && s[0] == '>' && s[1] == '=') { op = OP_GE; skip = 2; }
    else if (n >= 2 && s[0] == '<' && s[1] == '=') { op = OP_LE; skip = 2; }
    else if (n >= 1 && s[0] == '>') { op = OP_GT; skip = 1; }
    else if (n >= 1 && s[0] == '<') { op = OP_LT; skip = 1; }
    else if (n >= 1 && (s[0] == '=' || s[0] == '^' || s[0] == '~')) { skip = 1; }
    if (skip == n)
        return -1;
    if (s[0] == '^' || s[0] == '~') {
        if (!parse_n(s + 1, n - 1, &lo))
            return -1;
        note_pre(&lo, ver, pre_ok);
        if (s[0] == '~' || (lo.major == 0 && lo.minor > 0)) {
            hi = bump(lo, 2);                    /* next minor */
        } else if (lo.major > 0) {
            hi = bump(lo, 1);                    /* next major */
        } else {
            hi = lo;                             /* ^0.0.z: that patch only */
            hi.patch++;
            hi.pre = NULL;
            hi.npre = 0;
        }
        if (ver == NULL)
            return 1;
        return vep__semver_cmp(ver, &lo) >= 0 && vep__semver_cmp(ver, &hi) < 0;
    }
    if (op != OP_EQ) {
        if (!parse_n(s + skip, n - skip, &lo))
            return -1;
        note_pre(&lo, ver, pre_ok);
        if (ver == NULL)
            return 1;
        switch (op) {
        case OP_GE: return vep__semver_cmp(ver, &lo) >= 0;
        case OP_GT: return vep__semver_cmp(ver, &lo) > 0;
        case OP_LE: return vep__semver_cmp(ver, &lo) <= 0;
        default:    return vep__semver_cmp(ver, &lo) < 0;
        }
    }
    if (!parse_partial(s + skip, n - skip, &lo, &given))
        return -1;
    note_pre(&lo, ver, pre_ok);
    if (ver == NULL)
        return 1;
    if (given == 3)
        return vep__semver_cmp(ver, &lo) == 0;
    if (given == 0)
        return 1;
    hi = bump(lo, given);
    return vep__semver_cmp(ver, &lo) >= 0 && vep__semver_cmp(ver, &hi) < 0;
}

/* Tests a whole range against `ver` (NULL: checks the range only).
** Returns 1, 0, or -1 for a malformed range. */
static int range_test(const char *range, const vep_semver *ver)
{
    const char *p = range;
    int any = 0, sets = 0;

    if (range == NULL)
        return -1;
    while (1) {
        const char *bar = strstr(p, "||");
        const char *end = bar ? bar : p + strlen(p);
        int all = 1, count = 0, pre_ok = 0;
        while (p < end) {
            const char *q;
            int r;
            while (p < end && *p == ' ')
                p++;
            if (p == end)
                break;
            q = p;
            while (q < end && *q != ' ')
                q++;
            r = comparator(p, (size_t)(q - p), ver, &pre_ok);
            if (r < 0)
                return -1;
            all = all && r;
            count++;
            p = q;
        }
        if (count == 0)
            return -1;
        if (ver && ver->pre && !pre_ok)
            all = 0;
        any = any || all;
        sets++;
        if (!bar)
            break;
        p = bar + 2;
    }
    return sets > 0 ? any : -1;
}

int vep__semver_range_valid(const char *range)
{
    return range_test(range, NULL) >= 0;
}

int vep__semver_satisfies(const char *version, const char *range)
{
    vep_semver v;
    if (!vep__semver_parse(version, &v))
        return 0;
    return range_test(range, &v) == 1;
}
