/*
** diffbuf.c -- a growable string and the readable form of JSON values
** (see diffbuf.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"
#include "diffbuf.h"

/* Appends `len` bytes of `s`. */
void cli_dbuf_add(cli_dbuf *b, const char *s, size_t len)
{
    if (b->failed)
        return;
    if (b->cap - b->n <= len) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap - b->n <= len)
            cap *= 2;
        p = realloc(b->p, cap);
        if (p == NULL) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

/* Appends a NUL-terminated string. */
void cli_dbuf_adds(cli_dbuf *b, const char *s)
{
    cli_dbuf_add(b, s, strlen(s));
}

/* Appends formatted text (short pieces: numbers, counts). */
void cli_dbuf_printf(cli_dbuf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        cli_dbuf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Cuts the string back to `len` bytes (undoing appends). */
void cli_dbuf_cut(cli_dbuf *b, size_t len)
{
    if (b->p != NULL && len <= b->n) {
        b->n = len;
        b->p[len] = '\0';
    }
}

/* The string, "" while nothing was appended. */
const char *cli_dbuf_str(const cli_dbuf *b)
{
    return b->p ? b->p : "";
}

/* Whether `s` can be shown without quotes: an id, a code, a version. */
int cli_is_plain(const char *s)
{
    return *s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "0123456789_.:+-/") == strlen(s);
}

/* Appends `s` in double quotes, with quotes, backslashes and control
** characters escaped, so that every difference stays on one line. */
void cli_dbuf_quoted(cli_dbuf *b, const char *s)
{
    cli_dbuf_add(b, "\"", 1);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            cli_dbuf_add(b, "\\", 1);
            cli_dbuf_add(b, s, 1);
        } else if (ch == '\n') {
            cli_dbuf_adds(b, "\\n");
        } else if (ch == '\t') {
            cli_dbuf_adds(b, "\\t");
        } else if (ch < 0x20 || ch == 0x7f) {
            cli_dbuf_printf(b, "\\u%04x", ch);
        } else {
            cli_dbuf_add(b, s, 1);
        }
    }
    cli_dbuf_add(b, "\"", 1);
}

/* Appends a member name in words: "unknown_allowed" as "unknown allowed". */
void cli_dbuf_words(cli_dbuf *b, const char *name)
{
    for (; *name; name++)
        cli_dbuf_add(b, *name == '_' ? " " : name, 1);
}

/* Appends the singular of a plural member name ("options" as "option",
** "agencies" as "agency"), in words. */
void cli_dbuf_singular(cli_dbuf *b, const char *name)
{
    size_t n = strlen(name), start = b->n;

    cli_dbuf_words(b, name);
    if (n > 3 && strcmp(name + n - 3, "ies") == 0) {
        cli_dbuf_cut(b, start + n - 3);
        cli_dbuf_add(b, "y", 1);
    } else if (n > 1 && name[n - 1] == 's' && name[n - 2] != 's') {
        cli_dbuf_cut(b, start + n - 1);
    }
}

/* Whether `v` is missing or JSON null. */
int cli_json_null(const cJSON *v)
{
    return v == NULL || cJSON_IsNull(v);
}

/* Whether two values are equal; a missing member equals null. */
int cli_json_same(const cJSON *a, const cJSON *b)
{
    if (cli_json_null(a) || cli_json_null(b))
        return cli_json_null(a) && cli_json_null(b);
    return cJSON_Compare(a, b, 1) != 0;
}

/* Whether `v` is an array of plain values only (or empty). */
int cli_json_plain_list(const cJSON *v)
{
    const cJSON *e;
    if (!cJSON_IsArray(v))
        return 0;
    cJSON_ArrayForEach(e, v)
        if (cJSON_IsObject(e) || cJSON_IsArray(e))
            return 0;
    return 1;
}

/* Appends a value readably: (none), yes/no, a short number, an id as it
** is, other strings quoted (always when `quote`), lists comma-separated,
** anything else as compact JSON. */
void cli_dbuf_value(cli_dbuf *b, const cJSON *v, int quote)
{
    char num[64];

    if (cli_json_null(v)) {
        cli_dbuf_adds(b, "(none)");
    } else if (cJSON_IsString(v)) {
        if (!quote && cli_is_plain(v->valuestring))
            cli_dbuf_adds(b, v->valuestring);
        else
            cli_dbuf_quoted(b, v->valuestring);
    } else if (cJSON_IsNumber(v)) {
        cli_format_number(v->valuedouble, num, sizeof num);
        cli_dbuf_adds(b, num);
    } else if (cJSON_IsBool(v)) {
        cli_dbuf_adds(b, cJSON_IsTrue(v) ? "yes" : "no");
    } else if (cli_json_plain_list(v) && v->child != NULL) {
        const cJSON *e;
        cJSON_ArrayForEach(e, v) {
            if (e != v->child)
                cli_dbuf_adds(b, ", ");
            cli_dbuf_value(b, e, quote);
        }
    } else if (cli_json_plain_list(v)) {
        cli_dbuf_adds(b, "(none)");
    } else {
        char *s = cJSON_PrintUnformatted(v);
        if (s == NULL) {
            b->failed = 1;
            return;
        }
        cli_dbuf_adds(b, s);
        cJSON_free(s);
    }
}

/* Appends a range: "4 .. 16", "at least 4", "at most 16" or "(none)". */
void cli_dbuf_range(cli_dbuf *b, const cJSON *min, const cJSON *max)
{
    if (cJSON_IsNumber(min) && cJSON_IsNumber(max)) {
        cli_dbuf_value(b, min, 0);
        cli_dbuf_adds(b, " .. ");
        cli_dbuf_value(b, max, 0);
    } else if (cJSON_IsNumber(min)) {
        cli_dbuf_adds(b, "at least ");
        cli_dbuf_value(b, min, 0);
    } else if (cJSON_IsNumber(max)) {
        cli_dbuf_adds(b, "at most ");
        cli_dbuf_value(b, max, 0);
    } else {
        cli_dbuf_adds(b, "(none)");
    }
}
