/*
** buf.h -- a growable byte buffer, the one string builder of libvep.
**
** A buffer that fails to grow remembers it (`failed`) and ignores further
** appends, so callers check once at the end instead of after every append.
*/
#ifndef VEP_BUF_H
#define VEP_BUF_H

#include <stddef.h>
#include <stdarg.h>
#include "alloc.h"

typedef struct vep_buf {
    const vep_alloc *alloc;
    char *data;      /* always NUL-terminated when len > 0 or cap > 0 */
    size_t len;
    size_t cap;
    int failed;      /* an allocation failed; contents are incomplete */
} vep_buf;

void vep__buf_init(vep_buf *b, const vep_alloc *a);
void vep__buf_free(vep_buf *b);
void vep__buf_reset(vep_buf *b);               /* len = 0, keeps memory */
void vep__buf_add(vep_buf *b, const char *s, size_t len);
void vep__buf_adds(vep_buf *b, const char *s); /* NUL-terminated */
void vep__buf_addc(vep_buf *b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void vep__buf_printf(vep_buf *b, const char *fmt, ...);
void vep__buf_vprintf(vep_buf *b, const char *fmt, va_list ap);
/* Appends `s` with `indent` spaces after each of its newlines and without
** its final newline: one JSON document nested inside another (JSON text
** has no raw newline inside a string, so only the layout moves). */
void vep__buf_indent(vep_buf *b, const char *s, size_t len, int indent);
/* The contents as a NUL-terminated string ("" when empty). */
const char *vep__buf_str(const vep_buf *b);

#endif
