/*
** test_meter.c -- metered allocation (meter.c): every byte a block holds
** is charged to the budget and given back when it is freed or shrunk, a
** refused charge fails the allocation and takes nothing, the size table
** survives growth and churn, and a block freed behind the meter's back
** never skews the count.  The underlying allocator counts live blocks and
** bytes, so the test sees both sides.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alloc.h"
#include "meter.h"

/* The underlying allocator: malloc with a size header, so that it knows
** what is live; `fail_at` fails the Nth request (0: never).  With `reuse`
** set, the last block freed is kept and handed out again for the next
** request of the same size, so that an address comes round for sure. */
typedef struct under {
    size_t live_blocks, live_bytes, requests, fail_at;
    int reuse;
    size_t *kept;
} under;

static void *u_malloc(void *ud, size_t n)
{
    under *u = ud;
    size_t *p;
    if (u->fail_at != 0 && ++u->requests == u->fail_at)
        return NULL;
    if (u->kept != NULL && u->kept[0] == n) {
        p = u->kept;
        u->kept = NULL;
    } else {
        p = malloc(sizeof(size_t) * 2 + n);
    }
    if (p == NULL)
        return NULL;
    p[0] = n;
    u->live_blocks++;
    u->live_bytes += n;
    return p + 2;
}

static void u_free(void *ud, void *block)
{
    under *u = ud;
    size_t *p = (size_t *)block - 2;
    if (block == NULL)
        return;
    u->live_blocks--;
    u->live_bytes -= p[0];
    if (u->reuse && u->kept == NULL)
        u->kept = p;
    else
        free(p);
}

static void *u_realloc(void *ud, void *block, size_t n)
{
    under *u = ud;
    size_t *p = block != NULL ? (size_t *)block - 2 : NULL;
    size_t *q;
    if (block == NULL)
        return u_malloc(ud, n);
    if (u->fail_at != 0 && ++u->requests == u->fail_at)
        return NULL;
    q = malloc(sizeof(size_t) * 2 + n);   /* always moves */
    if (q == NULL)
        return NULL;
    memcpy(q + 2, block, p[0] < n ? p[0] : n);
    q[0] = n;
    u->live_bytes += n - p[0];
    free(p);
    return q + 2;
}

/* The budget: a cap and what is charged against it. */
typedef struct cap {
    size_t limit, used, refusals;
} cap;

static int cap_hold(void *ud, size_t n)
{
    cap *c = ud;
    if (n > c->limit - c->used) {
        c->refusals++;
        return -1;
    }
    c->used += n;
    return 0;
}

static void cap_give(void *ud, size_t n)
{
    cap *c = ud;
    assert_true(n <= c->used);
    c->used -= n;
}

typedef struct fixture {
    under u;
    cap c;
    vep_allocator hooks;
    vep_alloc a;
    vep_meter m;
    vep_budget b;
} fixture;

static void setup(fixture *f, size_t limit)
{
    memset(f, 0, sizeof *f);
    f->hooks.ud = &f->u;
    f->hooks.malloc_fn = u_malloc;
    f->hooks.realloc_fn = u_realloc;
    f->hooks.free_fn = u_free;
    vep__alloc_init(&f->a, &f->hooks);
    f->c.limit = limit;
    f->b.hold = cap_hold;
    f->b.give = cap_give;
    f->b.ud = &f->c;
    vep__meter_attach(&f->m, &f->a, &f->b);
}

/* What is charged beyond the blocks: the size table. */
static size_t table_bytes(const fixture *f)
{
    return f->m.capacity * sizeof(vep_meter_slot);
}

/* Blocks charged exactly, grown and shrunk, given back when freed. */
static void test_exact(void **state)
{
    fixture f;
    char *p, *q;
    (void)state;
    setup(&f, 1 << 20);
    p = vep__malloc(&f.a, 1000);
    assert_non_null(p);
    assert_int_equal(f.c.used, 1000 + table_bytes(&f));
    memset(p, 'x', 1000);
    q = vep__realloc(&f.a, p, 5000);
    assert_non_null(q);
    assert_int_equal(q[999], 'x');
    assert_int_equal(f.c.used, 5000 + table_bytes(&f));
    q = vep__realloc(&f.a, q, 10);
    assert_int_equal(f.c.used, 10 + table_bytes(&f));
    vep__free(&f.a, q);
    assert_int_equal(f.c.used, table_bytes(&f));
    assert_int_equal(f.u.live_blocks, 1);      /* the table */
    vep__meter_detach(&f.m, &f.a);
    assert_int_equal(f.c.used, 0);
    assert_int_equal(f.u.live_blocks, 0);
    assert_null(f.a.meter);
    assert_false(vep__meter_refused(&f.m));
}

/* A charge the cap refuses fails the allocation and leaves nothing. */
static void test_refused(void **state)
{
    fixture f;
    char *p, *q;
    size_t before;
    (void)state;
    setup(&f, 4096);
    p = vep__malloc(&f.a, 1000);
    assert_non_null(p);
    before = f.c.used;
    assert_null(vep__malloc(&f.a, 4000));
    assert_true(vep__meter_refused(&f.m));
    assert_int_equal(f.c.used, before);
    assert_int_equal(f.u.live_blocks, 2);      /* p and the table */
    q = vep__realloc(&f.a, p, 4000);           /* growth refused too */
    assert_null(q);
    assert_int_equal(f.c.used, before);
    q = vep__realloc(&f.a, p, 2000);           /* what fits still fits */
    assert_non_null(q);
    assert_int_equal(f.c.used, before + 1000);
    vep__free(&f.a, q);
    vep__meter_detach(&f.m, &f.a);
    assert_int_equal(f.c.used, 0);
    assert_int_equal(f.u.live_blocks, 0);
}

/* The allocator's own failures give the charge back. */
static void test_allocator_fails(void **state)
{
    fixture f;
    char *p;
    (void)state;
    setup(&f, 1 << 20);
    p = vep__malloc(&f.a, 100);
    f.u.fail_at = f.u.requests + 1;
    assert_null(vep__malloc(&f.a, 300));
    assert_false(vep__meter_refused(&f.m));
    assert_int_equal(f.c.used, 100 + table_bytes(&f));
    f.u.fail_at = f.u.requests + 1;
    assert_null(vep__realloc(&f.a, p, 3000));
    assert_int_equal(f.c.used, 100 + table_bytes(&f));
    f.u.fail_at = 0;
    vep__free(&f.a, p);
    vep__meter_detach(&f.m, &f.a);
    assert_int_equal(f.c.used, 0);
    assert_int_equal(f.u.live_blocks, 0);
}

/* Many blocks (the table grows), freed in a scattered order and
** reallocated (the table is rebuilt over deleted slots): the charge always
** equals the live bytes plus the table. */
static void test_growth_and_churn(void **state)
{
    enum { N = 20000 };
    fixture f;
    void **v = calloc(N, sizeof *v);
    size_t i, round;
    (void)state;
    assert_non_null(v);
    setup(&f, (size_t)1 << 30);
    for (round = 0; round < 3; round++) {
        for (i = 0; i < N; i++)
            if (v[i] == NULL) {
                v[i] = vep__malloc(&f.a, 1 + (i * 7 + round) % 97);
                assert_non_null(v[i]);
            }
        assert_int_equal(f.c.used, f.u.live_bytes);
        for (i = round; i < N; i += 3) {
            vep__free(&f.a, v[i]);
            v[i] = NULL;
        }
        for (i = 1; i < N; i += 5)
            if (v[i] != NULL) {
                v[i] = vep__realloc(&f.a, v[i], 200 + i % 13);
                assert_non_null(v[i]);
            }
        assert_int_equal(f.c.used, f.u.live_bytes);
    }
    assert_true(f.m.capacity >= 2 * N / 3);
    for (i = 0; i < N; i++)
        vep__free(&f.a, v[i]);
    assert_int_equal(f.c.used, table_bytes(&f));
    vep__meter_detach(&f.m, &f.a);
    assert_int_equal(f.c.used, 0);
    assert_int_equal(f.u.live_blocks, 0);
    free(v);
}

/* A block allocated before the meter: freeing it gives nothing back,
** growing it charges its whole new size; a block freed behind the
** meter's back whose address comes round again is not counted twice. */
static void test_unknown_and_stale(void **state)
{
    fixture f;
    vep_alloc plain;
    void *early, *p, *q;
    size_t base;
    (void)state;
    setup(&f, 1 << 20);
    vep__meter_detach(&f.m, &f.a);
    early = vep__malloc(&f.a, 500);
    vep__meter_attach(&f.m, &f.a, &f.b);
    early = vep__realloc(&f.a, early, 800);
    assert_int_equal(f.c.used, 800 + table_bytes(&f));
    vep__free(&f.a, early);
    assert_int_equal(f.c.used, table_bytes(&f));
    base = f.c.used;
    plain = f.a;
    plain.meter = NULL;
    f.u.reuse = 1;
    p = vep__malloc(&f.a, 64);
    vep__free(&plain, p);                      /* behind the meter's back */
    q = vep__malloc(&f.a, 64);                 /* the same address */
    assert_ptr_equal(p, q);
    assert_int_equal(f.c.used, base + 64);     /* not 128 */
    f.u.reuse = 0;
    vep__free(&f.a, q);
    assert_int_equal(f.c.used, base);
    vep__meter_detach(&f.m, &f.a);
    assert_int_equal(f.c.used, 0);
    assert_int_equal(f.u.live_blocks, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_allocator_fails),
        cmocka_unit_test(test_growth_and_churn),
        cmocka_unit_test(test_unknown_and_stale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
