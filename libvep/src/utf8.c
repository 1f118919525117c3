/*
** utf8.c -- UTF-8 checks and message formatting helpers.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "utf8.h"

/* Length of the well-formed UTF-8 sequence starting at p[0] (at most `n`
** bytes available), or 0 when the bytes there are not well-formed.  The
** ranges are those of RFC 3629, table 3-7 of the Unicode standard. */
size_t vep__utf8_seq_len(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    unsigned char lo = 0x80, hi = 0xBF;
    size_t len, i;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4;
    else
        return 0;
    if (n < len)
        return 0;
    if (c == 0xE0)
        lo = 0xA0;          /* no overlong 3-byte forms */
    else if (c == 0xED)
        hi = 0x9F;          /* no surrogates            */
    else if (c == 0xF0)
        lo = 0x90;          /* no overlong 4-byte forms */
    else if (c == 0xF4)
        hi = 0x8F;          /* nothing above U+10FFFF   */
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (i = 2; i < len; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return len;
}

/* Walks the text sequence by sequence; any malformed one fails it. */
int vep__utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k;
    while (i < len) {
        k = vep__utf8_seq_len(p + i, len - i);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

/* Counts the bytes that start a character (all but continuation bytes);
** for well-formed text that is the number of code points. */
size_t vep__utf8_count(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i, n = 0;
    for (i = 0; i < len; i++)
        if ((p[i] & 0xC0) != 0x80)
            n++;
    return n;
}


/* Copies text for a message or path, escaping what could not be shown
** or would break the surrounding quotes, and cutting very long strings so
** that one huge value cannot flood the diagnostics. */
void vep__utf8_escape(vep_buf *b, const char *s, size_t len,
                      size_t max_chars, int escape_quotes)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k, chars = 0;
    char tmp[8];

    while (i < len) {
        if (max_chars && chars == max_chars) {
            vep__buf_adds(b, "...");
            return;
        }
        chars++;
        k = vep__utf8_seq_len(p + i, len - i);
        if (k == 0 || p[i] < 0x20 || p[i] == 0x7F) {
            if (p[i] == '\n')
                vep__buf_adds(b, "\\n");
            else if (p[i] == '\t')
                vep__buf_adds(b, "\\t");
            else if (p[i] == '\r')
                vep__buf_adds(b, "\\r");
            else {
                snprintf(tmp, sizeof tmp, "\\x%02X", (unsigned)p[i]);
                vep__buf_adds(b, tmp);
            }
            i++;
            continue;
        }
        if (escape_quotes && (p[i] == '"' || p[i] == '\\'))
            vep__buf_addc(b, '\\');
        vep__buf_add(b, s + i, k);
        i += k;
    }
}

/* "%.15g" gives at most 15 significant digits and no trailing zeros; its
** decimal separator comes from the locale, so every byte that is not part
** of the number's digits, sign or exponent is taken for the separator
** (it may be several bytes long) and written as a single '.'. */
const char *vep__num_format(char *buf, double v)
{
    char raw[VEP_NUM_BUFSIZE];
    size_t i, o = 0;
    int in_sep = 0;

    if (isnan(v)) {
        strcpy(buf, "nan");
        return buf;
    }
    if (isinf(v)) {
        strcpy(buf, v < 0 ? "-infinity" : "infinity");
        return buf;
    }
    if (v == 0) {
        strcpy(buf, "0");
        return buf;
    }
    snprintf(raw, sizeof raw, "%.15g", v);
    for (i = 0; raw[i] != '\0' && o + 1 < VEP_NUM_BUFSIZE; i++) {
        char c = raw[i];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e'
            || c == 'E') {
            buf[o++] = c;
            in_sep = 0;
        } else if (!in_sep) {
            buf[o++] = '.';
            in_sep = 1;
        }
    }
    buf[o] = '\0';
    return buf;
}

/* See utf8.h.  What cJSON lets through: raw control characters (inside strings they
** are not JSON, outside cJSON takes them for white space) and the escape
** \u0000, which would silently cut a C string.  Returns the offset of the
** first such problem, or `len`. */
size_t vep__json_lexical_problem(const char *s, size_t len, const char **what)
{
    size_t i;
    int in_str = 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (in_str && c == '\\') {
            if (i + 5 < len && s[i + 1] == 'u'
                && memcmp(s + i + 2, "0000", 4) == 0) {
                *what = "the escape \\u0000 (a NUL character) is not accepted";
                return i;
            }
            i++;
        } else if (c == '"') {
            in_str = !in_str;
        } else if (c < 0x20 && (in_str || (c != ' ' && c != '\t'
                                           && c != '\n' && c != '\r'))) {
            *what = in_str ? "a control character inside a string (write "
                             "it as an escape such as \\n)"
                           : "an unexpected control character";
            return i;
        }
    }
    return len;
}
