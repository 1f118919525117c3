/*
** diffbuf.h -- a growable string and the readable form of JSON values,
** for the lines `vep diff` writes (jsondiff.c).
**
** A cli_dbuf starts zeroed; every append after a failed allocation does
** nothing and leaves `failed` set, so a caller checks once at the end.
** Values are written the way a methodologist reads them: "(none)" for a
** missing value or null, yes/no, numbers without trailing zeros, ids and
** codes as they are, other strings in double quotes with quotes and
** control characters escaped (one difference, one line).
*/
#ifndef VEP_CLI_DIFFBUF_H
#define VEP_CLI_DIFFBUF_H

#include <stddef.h>

struct cJSON;

typedef struct cli_dbuf {
    char *p;           /* NUL-terminated once anything was appended */
    size_t n, cap;
    int failed;
} cli_dbuf;

/* Appends `len` bytes of `s`; a string; a short formatted piece. */
void cli_dbuf_add(cli_dbuf *b, const char *s, size_t len);
void cli_dbuf_adds(cli_dbuf *b, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void cli_dbuf_printf(cli_dbuf *b, const char *fmt, ...);

/* Cuts the string back to `len` bytes (undoing appends). */
void cli_dbuf_cut(cli_dbuf *b, size_t len);

/* The string, "" while nothing was appended.  Borrowed. */
const char *cli_dbuf_str(const cli_dbuf *b);

/* Whether `s` reads as it is: an id, a code, a version, a tag. */
int cli_is_plain(const char *s);

/* Appends `s` in double quotes, escaped. */
void cli_dbuf_quoted(cli_dbuf *b, const char *s);

/* Appends a member name in words ("unknown_allowed": "unknown allowed"),
** or its singular ("options": "option", "agencies": "agency"). */
void cli_dbuf_words(cli_dbuf *b, const char *name);
void cli_dbuf_singular(cli_dbuf *b, const char *name);

/* Whether `v` is missing or null; whether two values are equal (a
** missing member equals null); whether `v` is an array of plain values
** only (or empty). */
int cli_json_null(const struct cJSON *v);
int cli_json_same(const struct cJSON *a, const struct cJSON *b);
int cli_json_plain_list(const struct cJSON *v);

/* Appends a value readably (strings always quoted when `quote`); lists
** comma-separated, anything else as compact JSON. */
void cli_dbuf_value(cli_dbuf *b, const struct cJSON *v, int quote);

/* Appends a range: "4 .. 16", "at least 4", "at most 16" or "(none)". */
void cli_dbuf_range(cli_dbuf *b, const struct cJSON *min, const struct cJSON *max);

#endif /* VEP_CLI_DIFFBUF_H */
