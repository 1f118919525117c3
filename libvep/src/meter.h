/*
** meter.h -- counts what an allocator holds against someone else's budget.
**
** While a script loads, the model built from its declarations lives
** outside the Lua state, yet the script decides how big it gets: one long
** string given as the text of ten thousand items is one string to Lua and
** ten thousand copies to the model.  So the loader attaches a meter to the
** model's allocator for the length of the load: every block allocated,
** grown, shrunk or freed through it is charged to (or given back to) the
** sandbox's memory cap, and a charge the cap refuses fails the allocation.
**
** The meter keeps the size of each block it saw in a table of its own
** (charged too), so the blocks themselves stay ordinary blocks of the
** underlying allocator: once the meter is detached, they are freed the
** usual way.  A block allocated before the meter was attached and grown
** through it is charged its whole new size (an overestimate, never an
** underestimate).
*/
#ifndef VEP_METER_H
#define VEP_METER_H

#include <stddef.h>
#include "alloc.h"

/* The budget: hold(ud, n) returns 0 when n more bytes fit (and counts
** them), nonzero when they do not; give(ud, n) returns n bytes. */
typedef struct vep_budget {
    int (*hold)(void *ud, size_t bytes);
    void (*give)(void *ud, size_t bytes);
    void *ud;
} vep_budget;

typedef struct vep_meter_slot {
    void *block;          /* NULL: empty; the meter's address: deleted */
    size_t size;
} vep_meter_slot;

struct vep_meter {
    vep_allocator inner;  /* the allocator's own hooks                 */
    vep_budget budget;
    vep_meter_slot *slots;
    size_t capacity;      /* slots (a power of two, or 0)              */
    size_t taken;         /* slots live or deleted                     */
    size_t held;          /* bytes charged now (blocks and the table)  */
    int refused;          /* the budget refused a charge               */
};

/* Attaches meter `m` to allocator `a`, charging `budget` from now on. */
void vep__meter_attach(vep_meter *m, vep_alloc *a, const vep_budget *budget);

/* Detaches the meter from `a`: the bytes still held are given back (the
** blocks stay allocated and are the allocator's as before) and the
** meter's table is freed. */
void vep__meter_detach(vep_meter *m, vep_alloc *a);

/* Did the budget refuse a charge while attached? */
int vep__meter_refused(const vep_meter *m);

/* The allocator entry points while a meter is attached (alloc.c). */
void *vep__meter_malloc(vep_meter *m, size_t size);
void *vep__meter_realloc(vep_meter *m, void *block, size_t size);
void vep__meter_free(vep_meter *m, void *block);

#endif
