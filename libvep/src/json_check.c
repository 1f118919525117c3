/*
** json_check.c -- tells a refused allocation from a syntax error when cJSON
** fails to parse a document.
**
** cJSON returns NULL both for text that is not JSON and for an allocation
** that failed while it built the tree.  A document that is valid JSON must
** never be reported to the user as a syntax error because memory ran out
** (nor the other way round), so when cJSON gives up, the text is checked
** again here, without allocating anything: when it is a well-formed value,
** the failure was memory.  The grammar is the one cJSON 1.7 parses, never
** more lenient than it (a leading UTF-8 byte-order mark, bytes up to 32
** skipped as blanks, numbers as RFC 8259 writes them, escapes including
** UTF-16 surrogate pairs, at most CJSON_NESTING_LIMIT levels), so a text
** that cJSON would refuse is never taken for a memory failure.
*/
#include <string.h>
#include <cJSON.h>
#include "json_check.h"

typedef struct jc {
    const unsigned char *s;
    size_t len, at;
} jc;

/* Skips what cJSON takes for blanks: every byte up to 32. */
static void blanks(jc *c)
{
    while (c->at < c->len && c->s[c->at] <= 32)
        c->at++;
}

/* Whether the literal `w` stands at the cursor (consumed when it does). */
static int literal(jc *c, const char *w)
{
    size_t n = strlen(w);
    if (c->len - c->at < n || memcmp(c->s + c->at, w, n) != 0)
        return 0;
    c->at += n;
    return 1;
}

/* The value of four hex digits at the cursor, or -1. */
static long hex4(jc *c)
{
    long v = 0;
    size_t i;
    if (c->len - c->at < 4)
        return -1;
    for (i = 0; i < 4; i++) {
        unsigned char h = c->s[c->at + i];
        v <<= 4;
        if (h >= '0' && h <= '9')      v |= h - '0';
        else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
        else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
        else return -1;
    }
    c->at += 4;
    return v;
}

/* A string, the cursor on its opening quote. */
static int string(jc *c)
{
    c->at++;
    while (c->at < c->len) {
        unsigned char ch = c->s[c->at++];
        long u;
        if (ch == '"')
            return 1;
        if (ch != '\\')
            continue;
        if (c->at >= c->len)
            return 0;
        ch = c->s[c->at++];
        if (strchr("bfnrt\"\\/", ch) != NULL && ch != '\0')
            continue;
        if (ch != 'u' || (u = hex4(c)) < 0 || (u >= 0xDC00 && u <= 0xDFFF))
            return 0;
        if (u >= 0xD800 && u <= 0xDBFF) {     /* a pair's first half */
            if (!literal(c, "\\u") || (u = hex4(c)) < 0xDC00 || u > 0xDFFF)
                return 0;
        }
    }
    return 0;
}

/* A number as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int number(jc *c)
{
    const unsigned char *s = c->s;
    size_t n = c->len, digits;
    if (c->at < n && s[c->at] == '-')
        c->at++;
    if (c->at < n && s[c->at] == '0') {
        c->at++;
    } else {
        for (digits = 0; c->at < n && s[c->at] >= '0' && s[c->at] <= '9'; digits++)
            c->at++;
        if (digits == 0)
            return 0;
    }
    if (c->at < n && s[c->at] == '.') {
        c->at++;
        for (digits = 0; c->at < n && s[c->at] >= '0' && s[c->at] <= '9'; digits++)
            c->at++;
        if (digits == 0)
            return 0;
    }
    if (c->at < n && (s[c->at] == 'e' || s[c->at] == 'E')) {
        c->at++;
        if (c->at < n && (s[c->at] == '+' || s[c->at] == '-'))
            c->at++;
        for (digits = 0; c->at < n && s[c->at] >= '0' && s[c->at] <= '9'; digits++)
            c->at++;
        if (digits == 0)
            return 0;
    }
    return 1;
}

/* One value at nesting `depth` (arrays and objects count). */
static int value(jc *c, int depth)
{
    unsigned char ch, close;
    blanks(c);
    if (c->at >= c->len)
        return 0;
    ch = c->s[c->at];
    if (ch == '"')
        return string(c);
    if (ch == '-' || (ch >= '0' && ch <= '9'))
        return number(c);
    if (ch != '[' && ch != '{')
        return literal(c, "null") || literal(c, "true") || literal(c, "false");
    if (depth >= CJSON_NESTING_LIMIT)
        return 0;
    close = ch == '[' ? ']' : '}';
    c->at++;
    blanks(c);
    if (c->at < c->len && c->s[c->at] == close) {
        c->at++;
        return 1;
    }
    for (;;) {
        if (close == '}') {
            blanks(c);
            if (c->at >= c->len || c->s[c->at] != '"' || !string(c))
                return 0;
            blanks(c);
            if (c->at >= c->len || c->s[c->at++] != ':')
                return 0;
        }
        if (!value(c, depth + 1))
            return 0;
        blanks(c);
        if (c->at >= c->len)
            return 0;
        ch = c->s[c->at++];
        if (ch == close)
            return 1;
        if (ch != ',')
            return 0;
    }
}

/* See json_check.h. */
int vep__json_well_formed(const char *s, size_t len)
{
    jc c;
    c.s = (const unsigned char *)s;
    c.len = len;
    c.at = 0;
    if (s == NULL)
        return 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        c.at = 3;
    return value(&c, 0);
}
