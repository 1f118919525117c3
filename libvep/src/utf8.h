/*
** utf8.h -- small text helpers for validation and messages.
**
** UTF-8 well-formedness and character counting (assessment texts are
** limited in characters, not bytes), the calendar check of ISO dates
** "YYYY-MM-DD", escaping of user-supplied strings before they are quoted in
** a message or a JSON path, and a locale-independent number format for
** messages.  None of these functions allocate except through the buffer
** they are given.
*/
#ifndef VEP_UTF8_H
#define VEP_UTF8_H

#include <stddef.h>
#include "buf.h"
#include "date.h"   /* vep__date_valid */

/* 1 when the `len` bytes at `s` are well-formed UTF-8 (RFC 3629: no
** overlong forms, no surrogates, nothing above U+10FFFF), else 0. */
/* Length of the well-formed UTF-8 sequence at p (n bytes available), or 0
** when the bytes there are not one (RFC 3629: no overlong forms, no
** surrogates, nothing above U+10FFFF). */
size_t vep__utf8_seq_len(const unsigned char *p, size_t n);

int vep__utf8_valid(const char *s, size_t len);

/* The number of characters (code points) in well-formed UTF-8 text. */
size_t vep__utf8_count(const char *s, size_t len);


/* Appends the `len` bytes at `s` to `b` so that the result is safe to show:
** well-formed UTF-8 is copied, control characters become \n, \t, \r or
** \xNN, bytes that are not UTF-8 become \xNN.  With `escape_quotes`, '"'
** and '\' are escaped too (for the ["key"] form of JSON paths).  At most
** `max_chars` characters of `s` are shown, then "..." (0: no limit). */
void vep__utf8_escape(vep_buf *b, const char *s, size_t len,
                      size_t max_chars, int escape_quotes);

/* Size of a buffer that any vep__num_format() result fits in. */
#define VEP_NUM_BUFSIZE 48

/* Writes `v` to `buf` (VEP_NUM_BUFSIZE bytes) the same way on every
** machine and in every locale: "%.15g" (so no trailing zeros), with '.' as
** the decimal separator, "0" for -0, "infinity"/"-infinity"/"nan" for the
** special values.  Returns `buf`. */
const char *vep__num_format(char *buf, double v);

/* The first place in the JSON text s[0..len) that cJSON accepts but a
** strict reader must not: a raw control character, or the escape \u0000
** (which would cut a C string silently).  Returns its offset, with a
** sentence in *what, or `len` when there is none (assessment.c,
** plan_input.c). */
size_t vep__json_lexical_problem(const char *s, size_t len, const char **what);

#endif
