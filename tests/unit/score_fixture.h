/*
** score_fixture.h -- shared by test_score.c and test_result.c (each
** includes it once):
**
**   - a counting allocator that can fail the Nth allocation, so every test
**     checks that nothing leaked and the out-of-memory loops can run;
**   - stand-ins for cond.c, runtime.c and vep__answer_state_name, so that
**     score.c and result.c are tested on their own.  Linked against
**     vep_static (as tests/CMakeLists.txt does), the archive's cond.o,
**     runtime.o and assessment.o are then never pulled in.  The stubs are
**     weak where the compiler supports it, so a link that has the real
**     modules as well still builds and the real ones win; the tests accept
**     either wording of a condition's explanation, but the function-rule
**     tests need the stubbed runtime:
**
**   vep__cond_eval     evaluates ALL/ANY/NONE, IS (items and levels),
**                      AT_LEAST/AT_MOST (items and scores), ANSWERED,
**                      UNKNOWN, RAISED; FUNCTION by the key: "true",
**                      "false", anything else fails with VEP_ERR_SCRIPT
**   vep__cond_explain  "stub <kind> (holds)" / "(does not hold)"
**   vep__runtime_score by the key: "sum" adds the values of the uses and
**                      explains itself "stub sum"; "nil" returns no value;
**                      "nan" returns NaN; "limit" fails with
**                      VEP_ERR_LIMIT_INSTRUCTIONS; others VEP_ERR_SCRIPT
**
**   - builders of a model and an assessment by hand (fx_*, add_*).
*/
#ifndef VEP_TEST_SCORE_FIXTURE_H
#define VEP_TEST_SCORE_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "eval.h"
#include "runtime.h"
#include "jsonw.h"

#if defined(__GNUC__) && !defined(_WIN32)
#define STUB __attribute__((weak))
#define SF_UNUSED __attribute__((unused))
#else
#define STUB
#define SF_UNUSED
#endif

/* As assessment.c names the states. */
STUB const char *vep__answer_state_name(vep_answer_state s)
{
    switch (s) {
    case VEP_ANSWER_MISSING:      return "missing";
    case VEP_ANSWER_VALUE:        return "value";
    case VEP_ANSWER_UNKNOWN:      return "unknown";
    case VEP_ANSWER_NA:           return "not_applicable";
    case VEP_ANSWER_NOT_RELEVANT: return "not_relevant";
    }
    return "invalid";
}

/* Whether `code` is one of the condition's codes. */
static SF_UNUSED int stub_has_code(const vep_cond *c, const char *code)
{
    size_t i;
    for (i = 0; code != NULL && i < c->ncodes; i++)
        if (strcmp(c->codes[i], code) == 0)
            return 1;
    return 0;
}

/* The numeric value a comparison reads, if any. */
static SF_UNUSED int stub_number(vep_ctx *ctx, const vep_ref *r, double *v)
{
    if (r->kind == VEP_REF_ITEM) {
        const vep_answer *an = &ctx->as->answers[r->index];
        *v = an->number;
        return an->state == VEP_ANSWER_VALUE && an->has_number;
    }
    if (r->kind == VEP_REF_SCORE && ctx->out != NULL) {
        *v = ctx->out->scores[r->index].value;
        return ctx->out->scores[r->index].has_value;
    }
    return 0;
}

/* The code a comparison reads: an item's option code or a level's band. */
static SF_UNUSED const char *stub_code(vep_ctx *ctx, const vep_ref *r)
{
    if (r->kind == VEP_REF_ITEM) {
        const vep_answer *an = &ctx->as->answers[r->index];
        size_t n;
        const vep_option *o = vep__item_options(ctx->m, &ctx->m->items[r->index], &n);
        if (an->state == VEP_ANSWER_VALUE && o && an->option >= 0 &&
            (size_t)an->option < n)
            return o[an->option].code;
    } else if (r->kind == VEP_REF_LEVEL && ctx->out != NULL) {
        const vep_level_out *lo = &ctx->out->levels[r->index];
        if (lo->band >= 0)
            return ctx->m->levels[r->index].bands[lo->band].level;
    }
    return NULL;
}

/* A small evaluator with cond.c's semantics for the kinds the tests use. */
STUB vep_status vep__cond_eval(vep_ctx *ctx, const vep_cond *c, int *out)
{
    size_t i;
    int k, any = 0, all = 1;
    double v;
    vep_status st;

    *out = 0;
    switch (c->kind) {
    case VEP_COND_ALL:
    case VEP_COND_ANY:
    case VEP_COND_NONE:
        for (i = 0; i < c->nkids; i++) {
            st = vep__cond_eval(ctx, &c->kids[i], &k);
            if (st != VEP_OK)
                return st;
            any |= k;
            all &= k;
        }
        *out = c->kind == VEP_COND_ALL ? all : (c->kind == VEP_COND_ANY ? any : !any);
        return VEP_OK;
    case VEP_COND_IS:
        *out = stub_has_code(c, stub_code(ctx, &c->ref));
        return VEP_OK;
    case VEP_COND_IS_NOT:
        *out = stub_code(ctx, &c->ref) != NULL && !stub_has_code(c, stub_code(ctx, &c->ref));
        return VEP_OK;
    case VEP_COND_AT_LEAST:
        *out = stub_number(ctx, &c->ref, &v) && v >= c->number;
        return VEP_OK;
    case VEP_COND_AT_MOST:
        *out = stub_number(ctx, &c->ref, &v) && v <= c->number;
        return VEP_OK;
    case VEP_COND_ANSWERED:
        *out = ctx->as->answers[c->ref.index].state == VEP_ANSWER_VALUE;
        return VEP_OK;
    case VEP_COND_UNKNOWN:
        *out = ctx->as->answers[c->ref.index].state == VEP_ANSWER_UNKNOWN;
        return VEP_OK;
    case VEP_COND_RAISED:
        *out = ctx->out != NULL && ctx->out->flags[c->ref.index].raised;
        return VEP_OK;
    case VEP_COND_FUNCTION:
        return vep__runtime_cond(ctx, &c->fn, out);
    }
    return VEP_ERR_INTERNAL;
}

/* "stub <kind number> (holds)": the verdict at the end, as cond.c has it. */
STUB void vep__cond_explain(vep_ctx *ctx, const vep_cond *c, vep_buf *b)
{
    int holds = 0;
    if (vep__cond_eval(ctx, c, &holds) != VEP_OK)
        holds = 0;
    vep__buf_printf(b, "stub %d (%s)", (int)c->kind,
                    holds ? "holds" : "does not hold");
}

/* A score function chosen by its key (see the top of the file). */
STUB vep_status vep__runtime_score(vep_ctx *ctx, const vep_fn *fn,
                                   double *out_value, int *out_has,
                                   vep_buf *note)
{
    size_t i;
    double v, sum = 0;
    const char *key = fn->key ? fn->key : "";

    *out_has = 0;
    *out_value = 0;
    if (strcmp(key, "sum") == 0) {
        for (i = 0; i < fn->nuses; i++)
            if (stub_number(ctx, &fn->uses[i], &v))
                sum += v;
        *out_value = sum;
        *out_has = 1;
        vep__buf_adds(note, "stub sum");
        return VEP_OK;
    }
    if (strcmp(key, "nil") == 0)
        return VEP_OK;
    if (strcmp(key, "nan") == 0) {
        *out_value = NAN;
        *out_has = 1;
        return VEP_OK;
    }
    ctx->fn_status = strcmp(key, "limit") == 0 ? VEP_ERR_LIMIT_INSTRUCTIONS
                                               : VEP_ERR_SCRIPT;
    return ctx->fn_status;
}

/* A condition function chosen by its key: "true", "false", else fails. */
STUB vep_status vep__runtime_cond(vep_ctx *ctx, const vep_fn *fn, int *out)
{
    const char *key = fn->key ? fn->key : "";
    *out = strcmp(key, "true") == 0;
    if (*out || strcmp(key, "false") == 0)
        return VEP_OK;
    ctx->fn_status = VEP_ERR_SCRIPT;
    return VEP_ERR_SCRIPT;
}

/* Nothing to close: no Lua state is ever opened. */
STUB void vep__runtime_close(vep_ctx *ctx)
{
    (void)ctx;
}

/* ---- A counting allocator that can fail the Nth allocation ---------- */

typedef struct counter {
    long live;      /* blocks allocated and not freed */
    long fail_in;   /* the fail_in-th allocation from now fails; -1 never */
} counter;

/* Counts down to the allocation that must fail; fails it once. */
static SF_UNUSED int should_fail(counter *c)
{
    if (c->fail_in < 0)
        return 0;
    if (--c->fail_in == 0) {
        c->fail_in = -1;
        return 1;
    }
    return 0;
}

/* The hooks: the C library's, counting live blocks. */
static SF_UNUSED void *c_malloc(void *ud, size_t n)
{
    counter *c = ud;
    void *p;
    if (should_fail(c))
        return NULL;
    p = malloc(n);
    if (p)
        c->live++;
    return p;
}

static SF_UNUSED void *c_realloc(void *ud, void *p, size_t n)
{
    if (p == NULL)
        return c_malloc(ud, n);
    if (should_fail(ud))
        return NULL;
    return realloc(p, n);
}

static SF_UNUSED void c_free(void *ud, void *p)
{
    counter *c = ud;
    if (p) {
        c->live--;
        free(p);
    }
}

/* ---- Building a model and an assessment ----------------------------- */

#define CAP 16

typedef struct fx {
    counter cnt;
    vep_alloc a;
    vep_model m;
    vep_assessment as;
    vep_diags diags;
    vep_outputs out;
    vep_ctx ctx;
} fx;

/* A copy owned by the fixture's allocator. */
static SF_UNUSED char *dup(fx *f, const char *s) { return vep__strdup(&f->a, s); }

/* A text with one English entry. */
static SF_UNUSED void text_en(fx *f, vep_text *t, const char *s)
{
    t->lang = vep__calloc(&f->a, 1, sizeof *t->lang);
    t->text = vep__calloc(&f->a, 1, sizeof *t->text);
    t->lang[0] = dup(f, "en");
    t->text[0] = dup(f, s);
    t->n = 1;
}

/* A model "t" 1.0.0 with scale "lmh" (low 0, moderate 1, high 2) and room
** for CAP domains, items, scores, levels and flags. */
static SF_UNUSED fx *fx_new(void)
{
    static const char *const codes[3] = { "low", "moderate", "high" };
    vep_allocator hooks;
    fx *f = calloc(1, sizeof *f);
    vep_model *m;
    int i;

    assert_non_null(f);
    f->cnt.fail_in = -1;
    hooks.ud = &f->cnt;
    hooks.malloc_fn = c_malloc;
    hooks.realloc_fn = c_realloc;
    hooks.free_fn = c_free;
    vep__alloc_init(&f->a, &hooks);
    m = &f->m;
    vep__model_init(m, &f->a);
    m->id = dup(f, "t");
    m->version = dup(f, "1.0.0");
    m->nscales = 1;
    m->scales = vep__calloc(&f->a, 1, sizeof *m->scales);
    m->scales[0].id = dup(f, "lmh");
    m->scales[0].npoints = 3;
    m->scales[0].points = vep__calloc(&f->a, 3, sizeof(vep_option));
    for (i = 0; i < 3; i++) {
        m->scales[0].points[i].code = dup(f, codes[i]);
        m->scales[0].points[i].value = i;
        m->scales[0].points[i].has_value = 1;
    }
    m->scales[0].max = 2;
    m->domains = vep__calloc(&f->a, CAP, sizeof *m->domains);
    m->items = vep__calloc(&f->a, CAP, sizeof *m->items);
    m->scores = vep__calloc(&f->a, CAP, sizeof *m->scores);
    m->levels = vep__calloc(&f->a, CAP, sizeof *m->levels);
    m->flags = vep__calloc(&f->a, CAP, sizeof *m->flags);
    vep__diags_init(&f->diags, &f->a);
    f->ctx.m = m;
    f->ctx.a = &f->a;
    f->ctx.diags = &f->diags;
    f->ctx.as = &f->as;
    f->ctx.out = &f->out;
    return f;
}

/* Appends a domain; returns its index. */
static SF_UNUSED int add_domain(fx *f, const char *id, vep_domain_kind kind)
{
    vep_domain *d = &f->m.domains[f->m.ndomains];
    d->id = dup(f, id);
    d->kind = kind;
    d->part = -1;
    return (int)f->m.ndomains++;
}

/* A scale (lmh) or presence item, in domain `domain` (or none: -1). */
static SF_UNUSED int add_item(fx *f, const char *id, vep_item_type type, int domain,
                    double weight)
{
    vep_item *it = &f->m.items[f->m.nitems];
    it->id = dup(f, id);
    it->type = type;
    it->scale = type == VEP_ITEM_SCALE ? 0 : -1;
    it->part = -1;
    if (domain >= 0) {
        it->ndomains = 1;
        it->domains = vep__calloc(&f->a, 1, sizeof(int));
        it->weights = vep__calloc(&f->a, 1, sizeof(double));
        it->domain_ids = vep__calloc(&f->a, 1, sizeof(char *));
        it->domains[0] = domain;
        it->weights[0] = weight;
        it->domain_ids[0] = dup(f, f->m.domains[domain].id);
    }
    return (int)f->m.nitems++;
}

/* Appends a score over no terms yet (title = id, at_least 1). */
static SF_UNUSED vep_score_def *add_score(fx *f, const char *id, vep_rule rule,
                                vep_missing_method missing, int max_unknown,
                                int decimals)
{
    vep_score_def *s = &f->m.scores[f->m.nscores++];
    s->id = dup(f, id);
    text_en(f, &s->title, id);
    s->rule = rule;
    s->domain = -1;
    s->missing = missing;
    s->max_unknown = max_unknown;
    s->decimals = decimals;
    s->at_least = 1;
    s->integral = decimals == 0;
    return s;
}

/* Appends a term naming item or score `id`. */
static SF_UNUSED void add_term(fx *f, vep_score_def *s, vep_ref_kind kind,
                     const char *id, double weight)
{
    vep_term *t;
    s->terms = vep__realloc(&f->a, s->terms, (s->nterms + 1) * sizeof *t);
    assert_non_null(s->terms);
    t = &s->terms[s->nterms++];
    memset(t, 0, sizeof *t);
    t->ref.kind = kind;
    t->ref.id = dup(f, id);
    t->ref.index = kind == VEP_REF_ITEM ? vep__model_find_item(&f->m, id)
                                        : vep__model_find_score(&f->m, id);
    t->weight = weight;
    assert_true(t->ref.index >= 0);
}

/* Fills a score with the items of a domain, as the loader does. */
static SF_UNUSED void use_domain(fx *f, vep_score_def *s, const char *domain)
{
    size_t i;
    s->domain_id = dup(f, domain);
    s->domain = vep__model_find_domain(&f->m, domain);
    for (i = 0; i < f->m.nitems; i++)
        if (f->m.items[i].ndomains && f->m.items[i].domains[0] == s->domain)
            add_term(f, s, VEP_REF_ITEM, f->m.items[i].id,
                     f->m.items[i].weights[0]);
}

/* Answers the items in model order from a spec, one character each:
** '0'-'9' a value, 'u' unknown, 'n' not applicable, 'r' not relevant,
** 'm' missing, '-' a value without a number; spaces are skipped. */
static SF_UNUSED void answers(fx *f, const char *spec)
{
    size_t i = 0;
    if (f->as.answers == NULL) {
        f->as.answers = vep__calloc(&f->a, f->m.nitems, sizeof *f->as.answers);
        f->as.nanswers = f->m.nitems;
    }
    for (; *spec; spec++) {
        vep_answer *an;
        if (*spec == ' ')
            continue;
        assert_true(i < f->m.nitems);
        an = &f->as.answers[i++];
        memset(an, 0, sizeof *an);
        an->option = -1;
        switch (*spec) {
        case 'u': an->state = VEP_ANSWER_UNKNOWN; break;
        case 'n': an->state = VEP_ANSWER_NA; break;
        case 'r': an->state = VEP_ANSWER_NOT_RELEVANT; break;
        case 'm': an->state = VEP_ANSWER_MISSING; break;
        case '-': an->state = VEP_ANSWER_VALUE; break;
        default:
            an->state = VEP_ANSWER_VALUE;
            an->has_number = 1;
            an->number = *spec - '0';
            an->option = *spec - '0';
        }
    }
}


/* Appends a level of score `of` with room for 4 bands. */
static SF_UNUSED vep_level_def *add_level(fx *f, const char *id, const char *of)
{
    vep_level_def *l = &f->m.levels[f->m.nlevels++];
    l->id = dup(f, id);
    l->of.kind = VEP_REF_SCORE;
    l->of.id = dup(f, of);
    l->of.index = vep__model_find_score(&f->m, of);
    l->bands = vep__calloc(&f->a, 4, sizeof *l->bands);
    return l;
}

/* Appends a band [lo, hi] with code `code`. */
static SF_UNUSED void add_band(fx *f, vep_level_def *l, const char *code, double lo, double hi)
{
    vep_band *b = &l->bands[l->nbands++];
    b->level = dup(f, code);
    b->min = lo;
    b->max = hi;
}

/* A flag whose condition compares `ref` (kind) with a number or a code. */
static SF_UNUSED vep_flag_def *add_flag(fx *f, const char *id, vep_cond_kind kind,
                              vep_ref_kind rk, const char *ref, double number,
                              const char *code)
{
    vep_flag_def *fl = &f->m.flags[f->m.nflags++];
    fl->id = dup(f, id);
    text_en(f, &fl->title, id);
    fl->when.kind = kind;
    fl->when.ref.kind = rk;
    fl->when.ref.id = dup(f, ref);
    fl->when.ref.index = -1;
    fl->when.number = number;
    if (code != NULL) {
        fl->when.codes = vep__calloc(&f->a, 1, sizeof(char *));
        fl->when.codes[0] = dup(f, code);
        fl->when.ncodes = 1;
    }
    return fl;
}

/* Frees everything and checks that no block is left. */
static SF_UNUSED void fx_free(fx *f)
{
    vep_assessment *as = &f->as;
    size_t i;
    vep__outputs_free(&f->a, &f->m, f->ctx.out);
    vep__free(&f->a, as->answers);
    vep__free(&f->a, as->subject_id);
    vep__free(&f->a, as->assessor_id);
    vep__free(&f->a, as->assessor_role);
    vep__free(&f->a, as->date);
    vep__free(&f->a, as->judgement_level);
    vep__free(&f->a, as->judgement_rationale);
    for (i = 0; i < as->ndecisive; i++)
        vep__free(&f->a, as->decisive_items[i]);
    vep__free(&f->a, as->decisive_items);
    vep__diags_free(&f->diags);
    vep__model_free(&f->m);
    assert_int_equal(f->cnt.live, 0);
    free(f);
}

#endif
