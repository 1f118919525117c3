/*
** assessment_fixture.h -- shared by test_assessment.c and test_answers.c:
** a counting allocator that can be told to fail, a stub of the Lua
** runtime, the hand-built model "vep-screen" (one item of every type, a
** conditional text and a conditional required item) and helpers that run
** a document and look for a diagnostic.  Each test program includes it
** once.
*/
#ifndef VEP_TEST_ASSESSMENT_FIXTURE_H
#define VEP_TEST_ASSESSMENT_FIXTURE_H

#if defined(__GNUC__)
#define VEP_UNUSED __attribute__((unused))
#else
#define VEP_UNUSED
#endif

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "eval.h"
#include "runtime.h"
#include "utf8.h"

/* ---- A counting allocator that can be told to fail ------------------- */

typedef struct talloc {
    long fail_after;   /* allocations left before failing; -1: never */
    long live;         /* blocks not yet freed */
} talloc;

static VEP_UNUSED void *t_malloc(void *ud, size_t n)
{
    talloc *t = ud;
    void *p;
    if (t->fail_after == 0)
        return NULL;
    if (t->fail_after > 0)
        t->fail_after--;
    p = malloc(n);
    if (p)
        t->live++;
    return p;
}

static VEP_UNUSED void *t_realloc(void *ud, void *p, size_t n)
{
    talloc *t = ud;
    if (p == NULL)
        return t_malloc(ud, n);
    if (t->fail_after == 0)
        return NULL;
    if (t->fail_after > 0)
        t->fail_after--;
    return realloc(p, n);
}

static VEP_UNUSED void t_free(void *ud, void *p)
{
    talloc *t = ud;
    if (p) {
        t->live--;
        free(p);
    }
}

/* ---- Stub of the Lua runtime: the function's key says what it does ---- */

vep_status vep__runtime_cond(vep_ctx *ctx, const vep_fn *fn, int *out)
{
    (void)ctx;
    if (strcmp(fn->key, "fail") == 0)
        return VEP_ERR_SCRIPT;
    *out = strcmp(fn->key, "true") == 0;
    return VEP_OK;
}

/* ---- The model --------------------------------------------------------- */

typedef struct fx {
    talloc t;
    vep_allocator host;
    vep_alloc a;
    vep_model m;
    vep_diags d;
    vep_ctx ctx;
    vep_status st;
} fx;

enum { S01, B01, C01, M01, N01, X01, X02, D01, T01, S05b, R01, NITEMS };

static VEP_UNUSED char *S(fx *f, const char *s)
{
    char *d = vep__strdup(&f->a, s);
    assert_non_null(d);
    return d;
}

/* Options from codes; values[i] < 0 means "no value". */
static VEP_UNUSED vep_option *mkopts(fx *f, size_t n,
                                     const char *const *codes,
                                     const double *values)
{
    vep_option *o = vep__calloc(&f->a, n, sizeof *o);
    size_t i;
    assert_non_null(o);
    for (i = 0; i < n; i++) {
        o[i].code = S(f, codes[i]);
        o[i].has_value = values[i] >= 0;
        o[i].value = values[i] >= 0 ? values[i] : 0;
    }
    return o;
}

/* { item = "<id>", is = "<code>" } */
static VEP_UNUSED vep_cond *cond_is(fx *f, const char *id, int index,
                                    const char *code)
{
    vep_cond *c = vep__calloc(&f->a, 1, sizeof *c);
    assert_non_null(c);
    c->kind = VEP_COND_IS;
    c->ref.kind = VEP_REF_ITEM;
    c->ref.id = S(f, id);
    c->ref.index = index;
    c->codes = vep__calloc(&f->a, 1, sizeof *c->codes);
    assert_non_null(c->codes);
    c->codes[0] = S(f, code);
    c->ncodes = 1;
    return c;
}

static VEP_UNUSED vep_item *item(fx *f, int i, const char *id,
                                 vep_item_type type)
{
    vep_item *it = &f->m.items[i];
    it->id = S(f, id);
    it->type = type;
    it->allow_unknown = 1;
    it->allow_na = 1;
    it->scale = -1;
    it->part = -1;
    return it;
}

/* vep-screen 1.2.0: one item of every type, a conditional text and a
** conditional required item, the lmh scale, a judgement with levels. */
static VEP_UNUSED void build_model(fx *f)
{
    static const char *const lmh[] = { "low", "moderate", "high" };
    static const double lmhv[] = { 0, 1, 2 };
    static const char *const abc[] = { "a", "b", "c" };
    static const double abcv[] = { 1, 2, -1 };
    static const char *const xyz[] = { "x", "y", "z" };
    static const double xyzv[] = { 1, 2, -1 };
    vep_model *m = &f->m;
    vep_item *it;
    size_t i;

    vep__model_init(m, &f->a);
    m->id = S(f, "vep-screen");
    m->version = S(f, "1.2.0");
    m->major = 1;
    m->minor = 2;
    m->scales = vep__calloc(&f->a, 1, sizeof *m->scales);
    assert_non_null(m->scales);
    m->nscales = 1;
    m->scales[0].id = S(f, "lmh");
    m->scales[0].points = mkopts(f, 3, lmh, lmhv);
    m->scales[0].npoints = 3;
    m->scales[0].max = 2;

    m->items = vep__calloc(&f->a, NITEMS, sizeof *m->items);
    assert_non_null(m->items);
    m->nitems = NITEMS;
    it = item(f, S01, "S01", VEP_ITEM_PRESENCE);
    it->required = 1;
    it = item(f, B01, "B01", VEP_ITEM_SCALE);
    it->scale_id = S(f, "lmh");
    it->scale = 0;
    it->allow_unknown = 0;
    it = item(f, C01, "C01", VEP_ITEM_CHOICE);
    it->options = mkopts(f, 3, abc, abcv);
    it->noptions = 3;
    it->allow_na = 0;
    it = item(f, M01, "M01", VEP_ITEM_MULTI);
    it->options = mkopts(f, 3, xyz, xyzv);
    it->noptions = 3;
    it = item(f, N01, "N01", VEP_ITEM_COUNT);
    it->has_max = 1;
    it->max = 10;
    it = item(f, X01, "X01", VEP_ITEM_NUMBER);
    it->has_min = it->has_max = 1;
    it->min = -1;
    it->max = 5.5;
    it = item(f, X02, "X02", VEP_ITEM_NUMBER);
    it->integer = 1;
    item(f, D01, "D01", VEP_ITEM_DATE);
    it = item(f, T01, "T01", VEP_ITEM_TEXT);
    it->max_length = 5;
    it = item(f, S05b, "S05b", VEP_ITEM_TEXT);
    it->when = cond_is(f, "S01", S01, "present");
    it = item(f, R01, "R01", VEP_ITEM_PRESENCE);
    it->required = 1;
    it->when = cond_is(f, "S01", S01, "present");

    m->item_order = vep__calloc(&f->a, NITEMS, sizeof *m->item_order);
    assert_non_null(m->item_order);
    for (i = 0; i < NITEMS; i++)
        m->item_order[i] = (int)i;

    m->judgement.declared = 1;
    m->judgement.levels = vep__calloc(&f->a, 3, sizeof(char *));
    assert_non_null(m->judgement.levels);
    for (i = 0; i < 3; i++)
        m->judgement.levels[i] = S(f, lmh[i]);
    m->judgement.nlevels = 3;
}

static VEP_UNUSED int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    f->t.fail_after = -1;
    f->host.ud = &f->t;
    f->host.malloc_fn = t_malloc;
    f->host.realloc_fn = t_realloc;
    f->host.free_fn = t_free;
    vep__alloc_init(&f->a, &f->host);
    build_model(f);
    vep__diags_init(&f->d, &f->a);
    f->ctx.m = &f->m;
    f->ctx.a = &f->a;
    f->ctx.diags = &f->d;
    *state = f;
    return 0;
}

static VEP_UNUSED int teardown(void **state)
{
    fx *f = *state;
    long live;
    vep__assessment_free(&f->a, f->ctx.as);
    vep__diags_free(&f->d);
    vep__model_free(&f->m);
    live = f->t.live;
    free(f);
    return live == 0 ? 0 : -1;
}

/* ---- Running documents ------------------------------------------------- */

/* Test documents are written with ' for " to keep them readable. */
static VEP_UNUSED char *dequote(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    size_t i;
    assert_non_null(d);
    for (i = 0; s[i]; i++)
        d[i] = s[i] == '\'' ? '"' : s[i];
    d[i] = '\0';
    return d;
}

static VEP_UNUSED void dump(const fx *f);

/* Reads `doc` (with ' for "), after clearing what the last run left. */
static VEP_UNUSED vep_status run(fx *f, const char *doc)
{
    char *j = dequote(doc);
    vep__assessment_free(&f->a, f->ctx.as);
    f->ctx.as = NULL;
    vep__diags_clear(&f->d);
    f->st = vep__assessment_read(&f->ctx, j, strlen(j));
    free(j);
    if (getenv("VEP_TEST_DUMP"))   /* to read the messages */
        dump(f);
    return f->st;
}

/* The same, with raw bytes (no quote translation). */
static VEP_UNUSED vep_status run_raw(fx *f, const char *doc, size_t len)
{
    vep__assessment_free(&f->a, f->ctx.as);
    f->ctx.as = NULL;
    vep__diags_clear(&f->d);
    f->st = vep__assessment_read(&f->ctx, doc, len);
    return f->st;
}

#define HEAD "{'instrument': {'id': 'vep-screen', 'version': '1.4.2'}, " \
             "'subject': {'id': 'P-1'}, 'assessor': {'id': 'A-1'}, " \
             "'date': '2024-02-29', "

/* A whole document around the given answers (and optional judgement). */
static VEP_UNUSED vep_status run_answers(fx *f, const char *answers,
                                         const char *judg)
{
    char buf[8192];
    snprintf(buf, sizeof buf, HEAD "'answers': {%s}%s%s}", answers,
             judg ? ", 'judgement': " : "", judg ? judg : "");
    return run(f, buf);
}

/* Index of the diagnostic with this rule, path and item, or -1. */
static VEP_UNUSED int find_diag(const fx *f, const char *rule,
                                const char *path, const char *item)
{
    size_t i;
    for (i = 0; i < f->d.n; i++)
        if (strcmp(f->d.v[i].rule, rule) == 0
            && strcmp(f->d.v[i].path, path) == 0
            && strcmp(f->d.v[i].item, item ? item : "") == 0)
            return (int)i;
    return -1;
}

static VEP_UNUSED void dump(const fx *f)
{
    size_t i;
    for (i = 0; i < f->d.n; i++)
        fprintf(stderr, "  [%s] %s (%s): %s\n", f->d.v[i].rule,
                f->d.v[i].path, f->d.v[i].item, f->d.v[i].message);
}

/* Asserts the run failed with this diagnostic; returns its message. */
static VEP_UNUSED const char *expect(const fx *f, const char *rule,
                                     const char *path, const char *item)
{
    int k = find_diag(f, rule, path, item);
    if (k < 0) {
        fprintf(stderr, "expected [%s] %s (%s), got:\n", rule, path,
                item ? item : "");
        dump(f);
    }
    assert_int_equal(f->st, VEP_ERR_ASSESSMENT);
    assert_true(k >= 0);
    assert_null(f->ctx.as);
    return f->d.v[k].message;
}

/* Asserts exactly one diagnostic, this one. */
static VEP_UNUSED const char *expect_only(const fx *f, const char *rule,
                                          const char *path,
                                          const char *item)
{
    const char *msg = expect(f, rule, path, item);
    if (f->d.n != 1)
        dump(f);
    assert_int_equal(f->d.n, 1);
    return msg;
}

#define VALID_ANSWERS \
    "'S01': {'value': 'present', 'evidence': {'for': ['report 3'], " \
    "'against': []}}, 'B01': {'value': 'high'}, 'C01': {'value': 'c'}, " \
    "'M01': {'value': ['x', 'y']}, 'N01': {'value': 3}, " \
    "'X01': {'value': 2.5}, 'X02': {'value': 7}, " \
    "'D01': {'value': '2023-12-31'}, 'T01': {'value': 'h\xc3\xa9llo'}, " \
    "'S05b': {'value': 'details'}, " \
    "'R01': {'status': 'unknown', 'reason': 'no file'}"

#define VALID_JUDGEMENT \
    "{'level': 'high', 'rationale': 'because', 'decisive_items': " \
    "['S01', 'B01'], 'confidence': 'moderate', 'subject_view': 'denies', " \
    "'approver': 'B'}"


#endif
