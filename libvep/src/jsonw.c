/*
** jsonw.c -- writes JSON text deterministically.
**
** Two things could make equal results differ in their bytes: the way
** numbers are printed, and the locale.  Numbers are therefore never printed
** with a bare "%g": they are taken apart into decimal digits and an exponent
** (with "%.*e", whose only locale-dependent part, the decimal separator, is
** skipped while parsing) and put together again here, always with '.'.
** Strings are escaped per RFC 8259; bytes that are not valid UTF-8 are
** written as U+FFFD so that the output is always valid JSON.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jsonw.h"
#include "utf8.h"

/* Exact powers of ten (every one up to 1e22 is a double). */
static const double pow10_tab[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* A finite non-zero number as decimal digits: |v| = 0.d[0]d[1]...d[n-1]
** times 10^(exp + 1), i.e. d[0] is the digit at position 10^exp.  The
** digits never end in '0' (except the lone "0" of zero). */
typedef struct jw_digits {
    char d[40];
    int n;
    int exp;
    int neg;
} jw_digits;

/* Removes trailing zero digits; an all-zero result becomes the lone "0". */
static void digits_trim(jw_digits *g)
{
    while (g->n > 1 && g->d[g->n - 1] == '0')
        g->n--;
    if (g->n == 1 && g->d[0] == '0')
        g->neg = 0;
    g->d[g->n] = '\0';
}

/* Takes `prec` significant digits of |v| from "%.*e".  The characters
** between the first digit and the fraction are the locale's decimal
** separator, whatever it is, and are skipped.  Returns 0 on success. */
static int digits_of(double v, int prec, jw_digits *g)
{
    char tmp[64];
    const char *p;
    int n;

    g->neg = v < 0;
    n = snprintf(tmp, sizeof tmp, "%.*e", prec - 1, fabs(v));
    if (n <= 0 || (size_t)n >= sizeof tmp)
        return -1;
    p = tmp;
    g->n = 0;
    while (*p && *p != 'e' && *p != 'E') {
        if (*p >= '0' && *p <= '9' && g->n < (int)sizeof g->d - 1)
            g->d[g->n++] = *p;
        p++;
    }
    if (g->n == 0 || (*p != 'e' && *p != 'E'))
        return -1;
    g->exp = atoi(p + 1);
    digits_trim(g);
    return 0;
}

/* The shortest digits that read back as exactly `v` (1 to 17 of them).
** strtod() reads the same locale snprintf() wrote, so the round trip is
** exact whatever the locale. */
static void digits_shortest(double v, jw_digits *g)
{
    char tmp[64];
    int prec;

    for (prec = 1; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    if (digits_of(v, prec, g) != 0) {
        g->d[0] = '0';
        g->n = 1;
        g->exp = 0;
        g->neg = 0;
    }
}

/* Rounds |v| (below 1e15) to `decimals` places, half away from zero, on
** its decimal form of 15 significant digits.  Working on that form rather
** than on the binary value makes 1.005 round to 1.01 and 0.1 + 0.2 to 0.3,
** as a reader of the numbers expects, and is the same on every machine. */
static void digits_rounded(double v, int decimals, jw_digits *g)
{
    int keep, i;

    if (v == 0 || digits_of(v, 15, g) != 0)
        goto zero;
    /* pad to 15 digits so that every position below can be read */
    while (g->n < 15)
        g->d[g->n++] = '0';
    keep = g->exp + decimals + 1;    /* digits at positions >= -decimals */
    if (keep < 0)
        goto zero;
    if (keep < g->n) {
        int up = g->d[keep] >= '5';
        g->n = keep;
        for (i = keep - 1; up && i >= 0; i--) {
            if (g->d[i] == '9') {
                g->d[i] = '0';
            } else {
                g->d[i]++;
                up = 0;
            }
        }
        if (up) {                    /* carried past the first digit */
            memmove(g->d + 1, g->d, (size_t)g->n);
            g->d[0] = '1';
            g->n++;
            g->exp++;
        }
        if (g->n == 0)
            goto zero;
    }
    digits_trim(g);
    return;
zero:
    g->d[0] = '0';
    g->d[1] = '\0';
    g->n = 1;
    g->exp = 0;
    g->neg = 0;
}

/* Writes digits as plain decimal notation ("123.45", "0.001"), or with an
** exponent ("1e+300", "2.5e-8") when `plain` is 0 and the exponent is
** outside [-6, 21), the same choice JavaScript makes. */
static void digits_write(vep_buf *b, const jw_digits *g, int plain)
{
    int i;

    if (g->neg)
        vep__buf_addc(b, '-');
    if (!plain && (g->exp < -6 || g->exp >= 21)) {
        vep__buf_addc(b, g->d[0]);
        if (g->n > 1) {
            vep__buf_addc(b, '.');
            vep__buf_add(b, g->d + 1, (size_t)g->n - 1);
        }
        vep__buf_printf(b, "e%c%d", g->exp < 0 ? '-' : '+',
                        g->exp < 0 ? -g->exp : g->exp);
        return;
    }
    if (g->exp < 0) {
        vep__buf_adds(b, "0.");
        for (i = -1; i > g->exp; i--)
            vep__buf_addc(b, '0');
        vep__buf_add(b, g->d, (size_t)g->n);
        return;
    }
    for (i = 0; i <= g->exp; i++)
        vep__buf_addc(b, i < g->n ? g->d[i] : '0');
    if (g->n > g->exp + 1) {
        vep__buf_addc(b, '.');
        vep__buf_add(b, g->d + g->exp + 1, (size_t)(g->n - g->exp - 1));
    }
}

/* Appends a whole number in decimal, without printf (the hot path of
** rendering: most values in a result are small whole numbers). */
static void int_write(vep_buf *b, long long v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    vep__buf_add(b, tmp + i, sizeof tmp - (size_t)i);
}

/* Appends `v` in the format described in jsonw.h. */
static void number_write(vep_buf *b, double v, int decimals)
{
    jw_digits g;

    if (isnan(v) || isinf(v)) {
        vep__buf_adds(b, "null");
        return;
    }
    if (v == 0) {                    /* also -0 */
        vep__buf_addc(b, '0');
        return;
    }
    if (decimals > 15)
        decimals = 15;
    if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        int_write(b, (long long)v);
        return;
    }
    if (decimals >= 0 && fabs(v) < 1e15) {
        digits_rounded(v, decimals, &g);
        digits_write(b, &g, 1);
        return;
    }
    digits_shortest(v, &g);
    digits_write(b, &g, 0);
}

/* Rounding that matches the writer, for modules that must store the same
** value the document shows (score.c): the rounded decimal digits, read
** back as the integer they form divided (or multiplied) by an exact power
** of ten, which IEEE arithmetic rounds correctly. */
double vep__jw_round(double v, int decimals)
{
    jw_digits g;
    double m = 0;
    int i, q;

    if (isnan(v) || isinf(v) || decimals < 0)
        return v;
    if (decimals > 15)
        decimals = 15;
    if (fabs(v) >= 1e15)
        return decimals == 0 ? round(v) : v;
    digits_rounded(v, decimals, &g);
    for (i = 0; i < g.n; i++)
        m = m * 10 + (g.d[i] - '0');   /* at most 15 digits: exact */
    q = g.exp - g.n + 1;               /* power of ten of the last digit */
    if (q >= 0)
        m *= pow10_tab[q];
    else
        m /= pow10_tab[-q];
    return g.neg ? -m : m;
}

/* ---- Strings --------------------------------------------------------- */


/* Appends `s` as a JSON string literal. */
static void string_write(vep_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run, n;

    vep__buf_addc(b, '"');
    while (i < len) {
        /* copy the longest run that needs no escape in one go */
        run = i;
        while (run < len && p[run] >= 0x20 && p[run] < 0x80 &&
               p[run] != '"' && p[run] != '\\')
            run++;
        if (run > i) {
            vep__buf_add(b, s + i, run - i);
            i = run;
            continue;
        }
        switch (p[i]) {
        case '"':  vep__buf_adds(b, "\\\""); i++; continue;
        case '\\': vep__buf_adds(b, "\\\\"); i++; continue;
        case '\n': vep__buf_adds(b, "\\n"); i++; continue;
        case '\t': vep__buf_adds(b, "\\t"); i++; continue;
        case '\r': vep__buf_adds(b, "\\r"); i++; continue;
        case '\b': vep__buf_adds(b, "\\b"); i++; continue;
        case '\f': vep__buf_adds(b, "\\f"); i++; continue;
        default: break;
        }
        if (p[i] < 0x20) {
            vep__buf_printf(b, "\\u%04x", (unsigned)p[i]);
            i++;
            continue;
        }
        n = vep__utf8_seq_len(p + i, len - i);
        if (n == 0) {
            vep__buf_adds(b, "\\ufffd");
            i++;
        } else if (n == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
            /* U+2028 / U+2029: valid JSON, but not valid JavaScript */
            vep__buf_adds(b, p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 3;
        } else {
            vep__buf_add(b, s + i, n);
            i += n;
        }
    }
    vep__buf_addc(b, '"');
}

/* ---- Structure ------------------------------------------------------- */

/* A writer appending to `b`, compact or indented by two spaces. */
void vep__jw_init(vep_jsonw *w, vep_buf *b, int pretty)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    w->pretty = pretty;
}

/* A new line indented to the current depth (pretty mode only). */
static void jw_newline(vep_jsonw *w)
{
    static const char spaces[] = "                                "
                                 "                                ";
    size_t n = 2 * (size_t)w->depth, k;
    vep__buf_addc(w->b, '\n');
    while (n > 0) {
        k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        vep__buf_add(w->b, spaces, k);
        n -= k;
    }
}

/* Writes what comes before a value or a key: nothing right after a key,
** otherwise the comma and, in pretty mode, the line break. */
static void jw_before(vep_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (w->count[w->depth] > 0)
            vep__buf_addc(w->b, ',');
        if (w->pretty)
            jw_newline(w);
    }
    w->count[w->depth]++;
}

/* Opens an object or array.  Nesting deeper than VEP_JW_MAX_DEPTH is a
** writer bug; it marks the buffer failed rather than overflow `count`. */
static void jw_open(vep_jsonw *w, char c)
{
    jw_before(w);
    vep__buf_addc(w->b, c);
    if (w->depth + 1 >= VEP_JW_MAX_DEPTH) {
        w->b->failed = 1;
        return;
    }
    w->depth++;
    w->count[w->depth] = 0;
}

/* Closes an object or array; an empty one stays on its line ("[]"). */
static void jw_close(vep_jsonw *w, char c)
{
    if (w->depth > 0) {
        int had = w->count[w->depth];
        w->depth--;
        if (w->pretty && had > 0)
            jw_newline(w);
    }
    w->after_key = 0;
    vep__buf_addc(w->b, c);
}

/* Containers, values and key-value shorthands (see jsonw.h). */
void vep__jw_object(vep_jsonw *w)     { jw_open(w, '{'); }
void vep__jw_object_end(vep_jsonw *w) { jw_close(w, '}'); }
void vep__jw_array(vep_jsonw *w)      { jw_open(w, '['); }
void vep__jw_array_end(vep_jsonw *w)  { jw_close(w, ']'); }

/* Writes a key; the next call writes its value. */
void vep__jw_key(vep_jsonw *w, const char *key)
{
    jw_before(w);
    string_write(w->b, key ? key : "", key ? strlen(key) : 0);
    vep__buf_add(w->b, ": ", w->pretty ? 2 : 1);
    w->after_key = 1;
}

void vep__jw_string(vep_jsonw *w, const char *s)
{
    if (s == NULL) {
        vep__jw_null(w);
        return;
    }
    vep__jw_stringn(w, s, strlen(s));
}

void vep__jw_stringn(vep_jsonw *w, const char *s, size_t len)
{
    if (s == NULL) {
        vep__jw_null(w);
        return;
    }
    jw_before(w);
    string_write(w->b, s, len);
}

void vep__jw_number(vep_jsonw *w, double v, int decimals)
{
    jw_before(w);
    number_write(w->b, v, decimals);
}

void vep__jw_int(vep_jsonw *w, long long v)
{
    jw_before(w);
    int_write(w->b, v);
}

void vep__jw_bool(vep_jsonw *w, int v)
{
    jw_before(w);
    vep__buf_adds(w->b, v ? "true" : "false");
}

void vep__jw_null(vep_jsonw *w)
{
    jw_before(w);
    vep__buf_adds(w->b, "null");
}

void vep__jw_kstring(vep_jsonw *w, const char *key, const char *s)
{
    vep__jw_key(w, key);
    vep__jw_string(w, s);
}

void vep__jw_knumber(vep_jsonw *w, const char *key, double v, int decimals)
{
    vep__jw_key(w, key);
    vep__jw_number(w, v, decimals);
}

void vep__jw_kint(vep_jsonw *w, const char *key, long long v)
{
    vep__jw_key(w, key);
    vep__jw_int(w, v);
}

void vep__jw_kbool(vep_jsonw *w, const char *key, int v)
{
    vep__jw_key(w, key);
    vep__jw_bool(w, v);
}
