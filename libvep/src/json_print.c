/*
** json_print.c -- a tree of cJSON nodes to JSON text, byte for byte what
** cJSON_PrintUnformatted (cJSON 1.7.15) writes, in the engine's memory.
**
** The rules are cJSON's: no blanks anywhere; strings with '"', '\\' and
** the bytes below 32 escaped (the five short escapes, else \u00xx in
** lower case), every other byte as it is; a number that is NaN or
** infinite as null, else with "%1.15g" when that reads back within one
** DBL_EPSILON of the value, else with "%1.17g".  printf() writes the
** locale's decimal point: whatever stands between the digits is written
** as '.', so the text is the same in every locale (strtod() reads back the
** locale's own output, so the choice of precision is the same too).
*/
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "buf.h"

static int print_value(vep_buf *b, const cJSON *item);

/* Whether `test` is within one DBL_EPSILON (relative) of `d`: cJSON's test
** of whether 15 digits were enough. */
static int close_enough(double test, double d)
{
    double big = fabs(test) > fabs(d) ? fabs(test) : fabs(d);
    return fabs(test - d) <= big * DBL_EPSILON;
}

/* Appends the text of a number. */
static void print_number(vep_buf *b, double d)
{
    char text[64], *after;
    const char *c;
    int n, point = 0;
    double test;

    if (isnan(d) || isinf(d)) {
        vep__buf_add(b, "null", 4);
        return;
    }
    n = snprintf(text, sizeof text, "%1.15g", d);
    test = strtod(text, &after);
    if (n <= 0 || after == text || !close_enough(test, d))
        n = snprintf(text, sizeof text, "%1.17g", d);
    if (n <= 0 || (size_t)n >= sizeof text) {
        b->failed = 1;
        return;
    }
    for (c = text; *c != '\0'; c++) {
        if ((*c >= '0' && *c <= '9') || *c == '-' || *c == '+' || *c == 'e') {
            vep__buf_addc(b, *c);
            point = 0;
        } else if (!point) {    /* the locale's point, one byte or more */
            vep__buf_addc(b, '.');
            point = 1;
        }
    }
}

/* Appends `s` as a quoted string ("" for NULL). */
static void print_string(vep_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *run;
    char esc[7];

    vep__buf_addc(b, '"');
    if (p != NULL) {
        for (run = p; ; p++) {
            unsigned char c = *p;
            if (c >= 32 && c != '"' && c != '\\')
                continue;
            vep__buf_add(b, (const char *)run, (size_t)(p - run));
            if (c == '\0')
                break;
            esc[0] = '\\';
            esc[2] = '\0';
            switch (c) {
            case '"':  esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            case '\n': esc[1] = 'n'; break;
            case '\r': esc[1] = 'r'; break;
            case '\t': esc[1] = 't'; break;
            default:
                memcpy(esc + 1, "u00", 3);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                esc[6] = '\0';
            }
            vep__buf_adds(b, esc);
            run = p + 1;
        }
    }
    vep__buf_addc(b, '"');
}

/* Appends the members of an array or object between `open` and `close`.
** Returns 0 when one of them cannot be printed. */
static int print_members(vep_buf *b, const cJSON *item, int object,
                         char open, char close)
{
    const cJSON *c;
    vep__buf_addc(b, open);
    for (c = item->child; c != NULL; c = c->next) {
        if (object) {
            print_string(b, c->string);
            vep__buf_addc(b, ':');
        }
        if (!print_value(b, c))
            return 0;
        if (c->next != NULL)
            vep__buf_addc(b, ',');
    }
    vep__buf_addc(b, close);
    return 1;
}

/* Appends one value.  Returns 0 for what cJSON refuses to print: a node
** of no known type, a raw node without text. */
static int print_value(vep_buf *b, const cJSON *item)
{
    switch (item->type & 0xFF) {
    case cJSON_NULL:
        vep__buf_add(b, "null", 4);
        return 1;
    case cJSON_False:
        vep__buf_add(b, "false", 5);
        return 1;
    case cJSON_True:
        vep__buf_add(b, "true", 4);
        return 1;
    case cJSON_Number:
        print_number(b, item->valuedouble);
        return 1;
    case cJSON_Raw:
        if (item->valuestring == NULL)
            return 0;
        vep__buf_adds(b, item->valuestring);
        return 1;
    case cJSON_String:
        print_string(b, item->valuestring);
        return 1;
    case cJSON_Array:
        return print_members(b, item, 0, '[', ']');
    case cJSON_Object:
        return print_members(b, item, 1, '{', '}');
    default:
        return 0;
    }
}

/* See json.h. */
char *vep__json_print(const vep_alloc *a, const cJSON *item)
{
    vep_buf b;
    if (item == NULL)
        return NULL;
    vep__buf_init(&b, a);
    if (!print_value(&b, item) || b.failed || b.data == NULL)
        goto fail;
    return b.data;

fail:
    vep__buf_free(&b);
    return NULL;
}
