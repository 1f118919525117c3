/*
** alloc.h -- the engine's allocator, used by every module.
**
** All memory libvep takes goes through a vep_alloc, which wraps the host's
** vep_allocator (or the C library).  Strings handed to the caller carry a
** small header naming their allocator, so that one vep_free() releases any
** of them.
*/
#ifndef VEP_ALLOC_H
#define VEP_ALLOC_H

#include <stddef.h>
#include "vep/vep.h"

typedef struct vep_meter vep_meter;   /* meter.h */

typedef struct vep_alloc {
    vep_allocator host;   /* copy of the host's hooks (never NULL fields) */
    vep_meter *meter;     /* while a script loads: charges the blocks to
                             its memory cap (meter.h); else NULL          */
} vep_alloc;

/* Fills `a` from the host's hooks, or the C library when `host` is NULL,
** with no meter. */
void vep__alloc_init(vep_alloc *a, const vep_allocator *host);

void *vep__malloc(const vep_alloc *a, size_t size);
void *vep__calloc(const vep_alloc *a, size_t count, size_t size);
void *vep__realloc(const vep_alloc *a, void *ptr, size_t size);
void vep__free(const vep_alloc *a, void *ptr);

/* Copies a NUL-terminated string; NULL for NULL or out of memory. */
char *vep__strdup(const vep_alloc *a, const char *s);
/* Copies `len` bytes and appends a NUL. */
char *vep__strndup(const vep_alloc *a, const char *s, size_t len);

/* A copy of `len` bytes (plus NUL) that the caller releases with vep_free().
** Used for every string returned through the public API. */
char *vep__export(const vep_alloc *a, const char *s, size_t len);

#endif
