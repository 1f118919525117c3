/*
** buf.c -- growable byte buffer.
*/
#include <stdio.h>
#include <string.h>
#include "buf.h"

void vep__buf_init(vep_buf *b, const vep_alloc *a)
{
    b->alloc = a;
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void vep__buf_free(vep_buf *b)
{
    vep__free(b->alloc, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void vep__buf_reset(vep_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* Makes room for `extra` more bytes plus the terminating NUL. */
static int buf_reserve(vep_buf *b, size_t extra)
{
    size_t need, cap;
    char *p;
    if (b->failed)
        return 0;
    if (extra > ((size_t)-1) / 2 - b->len - 1) {
        b->failed = 1;
        return 0;
    }
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    p = vep__realloc(b->alloc, b->data, cap);
    if (p == NULL) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void vep__buf_add(vep_buf *b, const char *s, size_t len)
{
    /* len >= cap - len: no room for len bytes and the NUL (no overflow) */
    if ((b->failed || len >= b->cap - b->len) && !buf_reserve(b, len))
        return;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void vep__buf_adds(vep_buf *b, const char *s)
{
    vep__buf_add(b, s, strlen(s));
}

void vep__buf_addc(vep_buf *b, char c)
{
    if (b->len + 1 < b->cap && !b->failed) {   /* the common case */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    vep__buf_add(b, &c, 1);
}

void vep__buf_vprintf(vep_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;
    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (!buf_reserve(b, (size_t)n))
        return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void vep__buf_printf(vep_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vep__buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *vep__buf_str(const vep_buf *b)
{
    return (b->data && !b->failed) ? b->data : (b->data && b->len ? b->data : "");
}

void vep__buf_indent(vep_buf *b, const char *s, size_t len, int indent)
{
    size_t i, from = 0;
    int k;
    while (len > 0 && s[len - 1] == '\n')
        len--;
    for (i = 0; i < len; i++) {
        if (s[i] != '\n')
            continue;
        vep__buf_add(b, s + from, i + 1 - from);
        for (k = 0; k < indent; k++)
            vep__buf_addc(b, ' ');
        from = i + 1;
    }
    vep__buf_add(b, s + from, len - from);
}
