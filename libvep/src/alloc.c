/*
** alloc.c -- the engine's allocator and the public vep_free().
*/
#include <stdlib.h>
#include <string.h>
#include "alloc.h"
#include "meter.h"

/* Default hooks: the C library's allocator. */
static void *libc_malloc(void *ud, size_t size) { (void)ud; return malloc(size); }
static void *libc_realloc(void *ud, void *p, size_t size) { (void)ud; return realloc(p, size); }
static void libc_free(void *ud, void *p) { (void)ud; free(p); }

/* Copies the host's hooks, filling any missing one with the C library's. */
void vep__alloc_init(vep_alloc *a, const vep_allocator *host)
{
    if (host != NULL && host->malloc_fn && host->realloc_fn && host->free_fn) {
        a->host = *host;
    } else {
        a->host.ud = NULL;
        a->host.malloc_fn = libc_malloc;
        a->host.realloc_fn = libc_realloc;
        a->host.free_fn = libc_free;
    }
    a->meter = NULL;
}

/* malloc(0) is turned into malloc(1) so that NULL always means failure. */
void *vep__malloc(const vep_alloc *a, size_t size)
{
    if (a->meter != NULL)
        return vep__meter_malloc(a->meter, size ? size : 1);
    return a->host.malloc_fn(a->host.ud, size ? size : 1);
}

/* Zeroed allocation with an overflow check on count * size. */
void *vep__calloc(const vep_alloc *a, size_t count, size_t size)
{
    void *p;
    if (size != 0 && count > ((size_t)-1) / size)
        return NULL;
    p = vep__malloc(a, count * size);
    if (p != NULL)
        memset(p, 0, count * size == 0 ? 1 : count * size);
    return p;
}

void *vep__realloc(const vep_alloc *a, void *ptr, size_t size)
{
    if (a->meter != NULL)
        return vep__meter_realloc(a->meter, ptr, size ? size : 1);
    return a->host.realloc_fn(a->host.ud, ptr, size ? size : 1);
}

void vep__free(const vep_alloc *a, void *ptr)
{
    if (ptr != NULL && a->meter != NULL)
        vep__meter_free(a->meter, ptr);
    else if (ptr != NULL)
        a->host.free_fn(a->host.ud, ptr);
}

char *vep__strndup(const vep_alloc *a, const char *s, size_t len)
{
    char *d;
    if (s == NULL || len == (size_t)-1)
        return NULL;
    d = vep__malloc(a, len + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *vep__strdup(const vep_alloc *a, const char *s)
{
    return s ? vep__strndup(a, s, strlen(s)) : NULL;
}

/* Exported strings are preceded by a header holding a copy of the hooks, so
** vep_free() needs no engine.  The header is padded to max alignment. */
typedef union export_header {
    vep_allocator host;
    long double align_ld;
    long long align_ll;
    void *align_p;
} export_header;

char *vep__export(const vep_alloc *a, const char *s, size_t len)
{
    export_header *h;
    char *d;
    if (len > ((size_t)-1) - sizeof *h - 1)
        return NULL;
    h = vep__malloc(a, sizeof *h + len + 1);
    if (h == NULL)
        return NULL;
    h->host = a->host;
    d = (char *)(h + 1);
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

VEP_API void vep_free(void *ptr)
{
    export_header *h;
    if (ptr == NULL)
        return;
    h = (export_header *)ptr - 1;
    h->host.free_fn(h->host.ud, h);
}
