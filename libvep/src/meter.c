/*
** meter.c -- metered allocation: each block's size, charged to a budget.
**
** The sizes live in an open-addressing table keyed by block address, with
** linear probing and deleted slots marked by the meter's own address (no
** block can have it).  The table grows at half full and is rebuilt without
** its deleted slots, and its own bytes are charged like any block.
*/
#include <stdint.h>
#include <string.h>
#include "meter.h"

#define DELETED(m) ((void *)(m))

/* Where block's hash starts probing (Fibonacci hashing of the address). */
static size_t slot_of(const vep_meter *m, const void *block)
{
    uint64_t h = (uint64_t)(uintptr_t)block * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & (m->capacity - 1);
}

/* The live slot of `block`, or NULL when the meter never saw it. */
static vep_meter_slot *find(vep_meter *m, const void *block)
{
    size_t i;
    if (m->capacity == 0)
        return NULL;
    for (i = slot_of(m, block); m->slots[i].block != NULL;
         i = (i + 1) & (m->capacity - 1))
        if (m->slots[i].block == block)
            return &m->slots[i];
    return NULL;
}

/* Puts (block, size) in the first free slot of its probe sequence; the
** table has room (see make_room). */
static void put(vep_meter *m, void *block, size_t size)
{
    size_t i = slot_of(m, block);
    while (m->slots[i].block != NULL && m->slots[i].block != DELETED(m))
        i = (i + 1) & (m->capacity - 1);
    if (m->slots[i].block == NULL)
        m->taken++;
    m->slots[i].block = block;
    m->slots[i].size = size;
}

/* Charges n bytes; 0, or -1 (remembered) when the budget refuses. */
static int hold(vep_meter *m, size_t n)
{
    if (n == 0)
        return 0;
    if (m->budget.hold(m->budget.ud, n) != 0) {
        m->refused = 1;
        return -1;
    }
    m->held += n;
    return 0;
}

/* Gives n bytes back to the budget. */
static void give(vep_meter *m, size_t n)
{
    if (n == 0)
        return;
    m->budget.give(m->budget.ud, n);
    m->held -= n;
}

/* Records a block the allocator just returned.  An entry already there
** is stale (its block was freed by a path that bypassed the meter, and the
** address came round again): its charge is given back and the slot
** reused, so a stale entry never shadows the new one. */
static void record(vep_meter *m, void *block, size_t size)
{
    vep_meter_slot *s = find(m, block);
    if (s == NULL) {
        put(m, block, size);
        return;
    }
    give(m, s->size);
    s->size = size;
}

/* Makes sure one more block fits below half full, rebuilding the table
** without its deleted slots when it would not, at a size that leaves it
** at most a quarter full.  0, or -1 when the new table is refused by the
** budget or the allocator (the old one is kept). */
static int make_room(vep_meter *m)
{
    vep_meter_slot *old = m->slots;
    size_t n = m->capacity, i, live = 0, want = 64, bytes;

    if (m->taken + 1 <= n / 2)
        return 0;
    for (i = 0; i < n; i++)
        live += old[i].block != NULL && old[i].block != DELETED(m);
    while (want / 4 < live + 1) {
        if (want > SIZE_MAX / 2 / sizeof *old)
            return -1;
        want *= 2;
    }
    bytes = want * sizeof *old;
    if (hold(m, bytes) != 0)
        return -1;
    m->slots = m->inner.malloc_fn(m->inner.ud, bytes);
    if (m->slots == NULL) {
        m->slots = old;
        give(m, bytes);
        return -1;
    }
    memset(m->slots, 0, bytes);
    m->capacity = want;
    m->taken = 0;
    for (i = 0; i < n; i++)
        if (old[i].block != NULL && old[i].block != DELETED(m))
            put(m, old[i].block, old[i].size);
    if (old != NULL) {
        m->inner.free_fn(m->inner.ud, old);
        give(m, n * sizeof *old);
    }
    return 0;
}

/* Routes `a` through the meter until it is detached. */
void vep__meter_attach(vep_meter *m, vep_alloc *a, const vep_budget *budget)
{
    memset(m, 0, sizeof *m);
    m->inner = a->host;
    m->budget = *budget;
    a->meter = m;
}

void vep__meter_detach(vep_meter *m, vep_alloc *a)
{
    if (a->meter != m)
        return;
    a->meter = NULL;
    if (m->slots != NULL)
        m->inner.free_fn(m->inner.ud, m->slots);
    if (m->held > 0)
        m->budget.give(m->budget.ud, m->held);
    m->slots = NULL;
    m->capacity = m->taken = m->held = 0;
}

int vep__meter_refused(const vep_meter *m)
{
    return m->refused;
}

/* A new block, charged before it is taken. */
void *vep__meter_malloc(vep_meter *m, size_t size)
{
    void *p;
    if (make_room(m) != 0 || hold(m, size) != 0)
        return NULL;
    p = m->inner.malloc_fn(m->inner.ud, size);
    if (p == NULL) {
        give(m, size);
        return NULL;
    }
    record(m, p, size);
    return p;
}

/* Grows or shrinks a block: growth is charged before the allocator is
** asked, a shrink given back after it succeeded.  The table has room for
** the block's new address before anything changes, so a block the
** allocator moved is never lost. */
void *vep__meter_realloc(vep_meter *m, void *block, size_t size)
{
    vep_meter_slot *s;
    size_t old;
    void *p;

    if (block == NULL)
        return vep__meter_malloc(m, size);
    if (make_room(m) != 0)
        return NULL;
    s = find(m, block);
    old = s != NULL ? s->size : 0;
    if (size > old && hold(m, size - old) != 0)
        return NULL;
    p = m->inner.realloc_fn(m->inner.ud, block, size);
    if (p == NULL) {
        if (size > old)
            give(m, size - old);
        return NULL;
    }
    if (s != NULL)
        s->block = DELETED(m);
    record(m, p, size);
    if (size < old)
        give(m, old - size);
    return p;
}

/* Frees a block, giving back what it was charged. */
void vep__meter_free(vep_meter *m, void *block)
{
    vep_meter_slot *s = find(m, block);
    if (s != NULL) {
        s->block = DELETED(m);
        give(m, s->size);
    }
    m->inner.free_fn(m->inner.ud, block);
}
