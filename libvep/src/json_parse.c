/*
** json_parse.c -- JSON text to a tree of cJSON nodes, through the engine's
** allocator.
**
** The grammar and every quirk are cJSON 1.7.15's as Debian 12 ships it,
** so that a document means the same here as it did when cJSON parsed it:
**   - a UTF-8 byte-order mark is skipped only when at least two more bytes
**     follow it; every byte up to 32 counts as a blank;
**   - a number is the longest run of "0123456789+-eE." and takes what
**     strtod() reads of it (so "01", "1." and "-.5" are numbers);
**   - a \u escape with a bad hex digit stands for U+0000, a lone low
**     surrogate or an unpaired high one is refused;
**   - containers nest at most CJSON_NESTING_LIMIT deep, duplicate keys are
**     kept in order, and nothing after the value is looked at.
** A syntax error is reported at the offset cJSON reports (the cursor where
** it gave up, or the last byte when that is past the end), so that
** messages name the same place as before.
**
** strtod() reads the decimal point of the current locale: the first '.'
** of a number is replaced with that point (found by printing 0.5) before
** the conversion, and the count of bytes read is mapped back, so the
** result is the same in every locale.
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"

/* Room for a number of ordinary length without allocating. */
#define JP_SHORT_NUMBER 64

typedef struct jp {
    const vep_alloc *a;
    const unsigned char *s;
    size_t len;
    size_t at;          /* the cursor, moved exactly as cJSON moves its own */
    int nomem;          /* an allocation failed (else: a syntax error)      */
    char point[8];      /* the locale's decimal point; "" until needed      */
    size_t point_len;
} jp;

static int parse_value(jp *p, cJSON *item, size_t depth);

/* See json.h. */
int vep__json_int_of(double v)
{
    if (v >= INT_MAX)
        return INT_MAX;
    if (v <= (double)INT_MIN)
        return INT_MIN;
    if (v != v)                /* NaN: what the conversion gives on x86-64 */
        return INT_MIN;
    return (int)v;
}

/* Skips blanks (bytes up to 32).  When the blanks run to the end of the
** text, the cursor is left on the last of them, as cJSON leaves it. */
static void skip_blanks(jp *p)
{
    if (p->at >= p->len)
        return;
    while (p->at < p->len && p->s[p->at] <= 32)
        p->at++;
    if (p->at == p->len)
        p->at = p->len - 1;
}

/* Whether the `n` bytes of `word` stand at the cursor. */
static int at_word(const jp *p, const char *word, size_t n)
{
    return p->at <= p->len && p->len - p->at >= n
           && memcmp(p->s + p->at, word, n) == 0;
}

/* The value of four hex digits, or 0 when one of them is not a hex digit
** (cJSON reads such an escape as U+0000). */
static unsigned hex4(const unsigned char *h)
{
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        v <<= 4;
        if (h[i] >= '0' && h[i] <= '9')
            v |= (unsigned)(h[i] - '0');
        else if (h[i] >= 'a' && h[i] <= 'f')
            v |= (unsigned)(h[i] - 'a' + 10);
        else if (h[i] >= 'A' && h[i] <= 'F')
            v |= (unsigned)(h[i] - 'A' + 10);
        else
            return 0;
    }
    return v;
}

/* Decodes the \u escape at s[i] (one UTF-16 unit, or a surrogate pair)
** into UTF-8 at `out`, the string's closing quote being at s[end].
** Returns the length of the escape (6 or 12) and sets *n to the bytes
** written, or returns 0 when the escape is refused. */
static size_t unicode_escape(const unsigned char *s, size_t i, size_t end,
                             unsigned char *out, size_t *n)
{
    unsigned long cp;
    unsigned hi, lo;
    size_t used = 6;

    if (end - i < 6)
        return 0;
    hi = hex4(s + i + 2);
    if (hi >= 0xDC00 && hi <= 0xDFFF)
        return 0;
    cp = hi;
    if (hi >= 0xD800 && hi <= 0xDBFF) {
        if (end - (i + 6) < 6 || s[i + 6] != '\\' || s[i + 7] != 'u')
            return 0;
        lo = hex4(s + i + 8);
        if (lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        cp = 0x10000 + (((unsigned long)(hi & 0x3FF) << 10) | (lo & 0x3FF));
        used = 12;
    }
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        *n = 1;
    } else if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        *n = 2;
    } else if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        *n = 3;
    } else {
        out[0] = (unsigned char)(0xF0 | (cp >> 18));
        out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (unsigned char)(0x80 | (cp & 0x3F));
        *n = 4;
    }
    return used;
}

/* The byte an escape letter stands for, or -1 when it is not one of the
** single-letter escapes. */
static int simple_escape(unsigned char c)
{
    switch (c) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case '"': case '\\': case '/': return c;
    default: return -1;
    }
}

/* A string at the cursor, unescaped into a new NUL-terminated copy at
** *out.  First the closing quote is found (a backslash always hides the
** byte after it), then the escapes are decoded; a refused escape leaves
** the cursor on its backslash, a string without its quotes one byte past
** where it began. */
static int parse_string(jp *p, char **out)
{
    const unsigned char *s = p->s;
    size_t start = p->at, end, i, k = 0, used, wrote;
    unsigned char *text = NULL;
    int c;

    if (start >= p->len || s[start] != '"')
        goto unterminated;
    for (end = start + 1; end < p->len && s[end] != '"'; end++) {
        if (s[end] == '\\') {
            if (end + 1 >= p->len)
                goto unterminated;
            end++;
        }
    }
    if (end >= p->len)
        goto unterminated;

    /* Escapes only shrink: the quoted bytes and a NUL are enough. */
    text = vep__malloc(p->a, end - start);
    if (text == NULL) {
        p->nomem = 1;
        return 0;
    }
    for (i = start + 1; i < end; ) {
        if (s[i] != '\\') {
            text[k++] = s[i++];
        } else if ((c = simple_escape(s[i + 1])) >= 0) {
            text[k++] = (unsigned char)c;
            i += 2;
        } else if (s[i + 1] == 'u'
                   && (used = unicode_escape(s, i, end, text + k, &wrote)) > 0) {
            i += used;
            k += wrote;
        } else {
            p->at = i;
            goto refused;
        }
    }
    text[k] = '\0';
    *out = (char *)text;
    p->at = end + 1;
    return 1;

unterminated:
    p->at = start + 1;
refused:
    vep__free(p->a, text);
    return 0;
}

/* Finds the current locale's decimal point, the bytes between "0" and
** "5" when 0.5 is printed. */
static void find_point(jp *p)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%.1f", 0.5);
    size_t len = n > 2 ? (size_t)n - 2 : 0;
    if (len == 0 || len >= sizeof p->point) {
        strcpy(p->point, ".");
        len = 1;
    } else {
        memcpy(p->point, tmp + 1, len);
        p->point[len] = '\0';
    }
    p->point_len = len;
}

/* A number at the cursor: the run of number bytes, as strtod() reads it
** once its first '.' is the locale's decimal point.  A short number is
** converted on the stack, a long one (any length is accepted) in a copy. */
static int parse_number(jp *p, cJSON *item)
{
    static const char chars[] = "0123456789+-eE.";
    const unsigned char *s = p->s + p->at;
    char small[JP_SHORT_NUMBER + sizeof p->point], *text = small, *after;
    size_t n = 0, dot = (size_t)-1, size, used;
    double v;

    while (p->at + n < p->len && s[n] != '\0' && strchr(chars, s[n]) != NULL) {
        if (s[n] == '.' && dot == (size_t)-1)
            dot = n;
        n++;
    }
    if (dot != (size_t)-1 && p->point_len == 0)
        find_point(p);
    size = n + 1 + (dot != (size_t)-1 ? p->point_len : 0);
    if (size > sizeof small) {
        text = vep__malloc(p->a, size);
        if (text == NULL) {
            p->nomem = 1;
            return 0;
        }
    }
    if (dot == (size_t)-1) {
        memcpy(text, s, n);
        text[n] = '\0';
    } else {
        memcpy(text, s, dot);
        memcpy(text + dot, p->point, p->point_len);
        memcpy(text + dot + p->point_len, s + dot + 1, n - dot - 1);
        text[n - 1 + p->point_len] = '\0';
    }
    v = strtod(text, &after);
    used = (size_t)(after - text);
    if (text != small)
        vep__free(p->a, text);
    if (used == 0)
        return 0;
    if (dot != (size_t)-1 && used > dot)   /* back to the text's bytes */
        used = used >= dot + p->point_len ? used - (p->point_len - 1) : dot;
    item->type = cJSON_Number;
    item->valuedouble = v;
    item->valueint = vep__json_int_of(v);
    p->at += used;
    return 1;
}

/* An array or object at the cursor (on its '[' or '{'), `depth`
** containers deep.  Its members are built in order and linked as cJSON
** links them; on failure those made so far are freed. */
static int parse_container(jp *p, cJSON *item, size_t depth)
{
    int object = p->s[p->at] == '{';
    unsigned char close = object ? '}' : ']';
    cJSON *head = NULL, *last = NULL, *node;
    int first;

    if (depth >= CJSON_NESTING_LIMIT)
        return 0;
    p->at++;
    skip_blanks(p);
    if (p->at < p->len && p->s[p->at] == close)
        goto done;
    if (p->at >= p->len) {
        p->at--;
        return 0;
    }
    for (first = 1; ; first = 0) {
        if (!first) {          /* past the comma */
            p->at++;
            skip_blanks(p);
        }
        node = vep__calloc(p->a, 1, sizeof *node);
        if (node == NULL) {
            p->nomem = 1;
            goto fail;
        }
        if (head == NULL) {
            head = node;
        } else {
            last->next = node;
            node->prev = last;
        }
        last = node;
        if (object) {
            if (!parse_string(p, &node->string))
                goto fail;
            skip_blanks(p);
            if (p->at >= p->len || p->s[p->at] != ':')
                goto fail;
            p->at++;
            skip_blanks(p);
        }
        if (!parse_value(p, node, depth + 1))
            goto fail;
        skip_blanks(p);
        if (p->at >= p->len || p->s[p->at] != ',')
            break;
    }
    if (p->at >= p->len || p->s[p->at] != close)
        goto fail;

done:
    item->type = object ? cJSON_Object : cJSON_Array;
    item->child = head;
    if (head != NULL)
        head->prev = last;
    p->at++;
    return 1;

fail:
    vep__json_delete(p->a, head);
    return 0;
}

/* One value at the cursor into `item` (a zeroed node). */
static int parse_value(jp *p, cJSON *item, size_t depth)
{
    unsigned char c;
    if (at_word(p, "null", 4)) {
        item->type = cJSON_NULL;
        p->at += 4;
        return 1;
    }
    if (at_word(p, "false", 5)) {
        item->type = cJSON_False;
        p->at += 5;
        return 1;
    }
    if (at_word(p, "true", 4)) {
        item->type = cJSON_True;
        item->valueint = 1;
        p->at += 4;
        return 1;
    }
    if (p->at >= p->len)
        return 0;
    c = p->s[p->at];
    if (c == '"') {
        if (!parse_string(p, &item->valuestring))
            return 0;
        item->type = cJSON_String;
        return 1;
    }
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number(p, item);
    if (c == '[' || c == '{')
        return parse_container(p, item, depth);
    return 0;
}

/* See json.h. */
cJSON *vep__json_parse(const vep_alloc *a, const char *s, size_t len,
                       size_t *end, int *nomem)
{
    jp p;
    cJSON *root = NULL;

    memset(&p, 0, sizeof p);
    p.a = a;
    p.s = (const unsigned char *)s;
    p.len = len;
    if (s == NULL || len == 0)
        goto fail;
    root = vep__calloc(a, 1, sizeof *root);
    if (root == NULL) {
        p.nomem = 1;
        goto fail;
    }
    if (len >= 5 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        p.at = 3;
    skip_blanks(&p);
    if (!parse_value(&p, root, 0))
        goto fail;
    if (end != NULL)
        *end = p.at;
    if (nomem != NULL)
        *nomem = 0;
    return root;

fail:
    vep__json_delete(a, root);
    if (end != NULL)
        *end = p.at < len ? p.at : len > 0 ? len - 1 : 0;
    if (nomem != NULL)
        *nomem = p.nomem;
    return NULL;
}
