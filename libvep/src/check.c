/*
** check.c -- checks an instrument definition as a whole, once every
** declaration has been read.
**
** It resolves every reference by id, orders items (by their conditions) and
** scores (by the scores they use) so that evaluation never meets a value
** not yet computed, rejects cycles, works out the range each score can
** take from the scales' minimum and maximum, and checks that each level's
** bands cover that range with no gap, no overlap and no band out of reach.
** Every problem names the file, the line and the id concerned.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader.h"
#include "buf.h"

typedef struct checker {
    vep_model *m;
    vep_diags *d;
    size_t problems;
} checker;

/* Adds a problem about the declaration at `o` with id `id`. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void problem(checker *c, const vep_origin *o, const char *id,
                    const char *rule, const char *fmt, ...)
{
    vep_buf b;
    va_list ap;
    vep__buf_init(&b, c->m->alloc);
    va_start(ap, fmt);
    vep__buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (b.failed)
        c->d->nomem = 1;
    else
        vep__diag_add(c->d, o->file, o->line, NULL, id, rule, "%s", b.data);
    vep__buf_free(&b);
    c->problems++;
}

/* ---- Unique ids ------------------------------------------------------ */

/* Items, scores, levels and flags share one namespace, since conditions
** and function rules name them by id alone. */
static void check_unique(checker *c)
{
    vep_model *m = c->m;
    struct { const char *kind; const char *id; const vep_origin *o; } seen[1];
    size_t i, j;
    (void)seen;
#define NS_LOOP(arr, n, kind_)                                              \
    for (i = 0; i < m->n; i++) {                                            \
        const char *id = m->arr[i].id;                                      \
        const vep_origin *o = &m->arr[i].origin;                            \
        const char *kind = kind_;                                           \
        DUP_CHECK                                                           \
    }
#define DUP_AGAINST(arr2, n2, kind2, limit)                                 \
    for (j = 0; j < (limit); j++)                                           \
        if (m->arr2[j].id && id && strcmp(m->arr2[j].id, id) == 0) {        \
            problem(c, o, id, "duplicate_id",                               \
                    "%s '%s' is declared again: the id is already used by " \
                    "the %s at line %u", kind, id, kind2,                   \
                    m->arr2[j].origin.line);                                \
            break;                                                          \
        }
#define DUP_CHECK DUP_AGAINST(items, nitems, "item", i)
    NS_LOOP(items, nitems, "item")
#undef DUP_CHECK
#define DUP_CHECK DUP_AGAINST(items, nitems, "item", m->nitems) \
                  DUP_AGAINST(scores, nscores, "score", i)
    NS_LOOP(scores, nscores, "score")
#undef DUP_CHECK
#define DUP_CHECK DUP_AGAINST(items, nitems, "item", m->nitems) \
                  DUP_AGAINST(scores, nscores, "score", m->nscores) \
                  DUP_AGAINST(levels, nlevels, "level", i)
    NS_LOOP(levels, nlevels, "level")
#undef DUP_CHECK
#define DUP_CHECK DUP_AGAINST(items, nitems, "item", m->nitems) \
                  DUP_AGAINST(scores, nscores, "score", m->nscores) \
                  DUP_AGAINST(levels, nlevels, "level", m->nlevels) \
                  DUP_AGAINST(flags, nflags, "flag", i)
    NS_LOOP(flags, nflags, "flag")
#undef DUP_CHECK
#define DUP_CHECK DUP_AGAINST(scales, nscales, "scale", i)
    NS_LOOP(scales, nscales, "scale")
#undef DUP_CHECK
#define DUP_CHECK DUP_AGAINST(parts, nparts, "part", i)
    NS_LOOP(parts, nparts, "part")
#undef DUP_CHECK
#define DUP_CHECK DUP_AGAINST(domains, ndomains, "domain", i)
    NS_LOOP(domains, ndomains, "domain")
#undef DUP_CHECK
#undef DUP_AGAINST
#undef NS_LOOP
    for (i = 0; i < m->ntests; i++)
        for (j = 0; j < i; j++)
            if (strcmp(m->tests[i].name, m->tests[j].name) == 0) {
                problem(c, &m->tests[i].origin, m->tests[i].name, "duplicate_id",
                        "test '%s' is declared again (first at line %u)",
                        m->tests[i].name, m->tests[j].origin.line);
                break;
            }
}

/* Options of one scale or item must have distinct codes. */
static void check_codes(checker *c, const vep_origin *o, const char *id,
                        const vep_option *opt, size_t n)
{
    size_t i, j;
    for (i = 0; i < n; i++)
        for (j = 0; j < i; j++)
            if (opt[i].code && opt[j].code && strcmp(opt[i].code, opt[j].code) == 0) {
                problem(c, o, id, "duplicate_id", "'%s': code '%s' appears twice", id, opt[i].code);
                break;
            }
}

/* ---- References ------------------------------------------------------ */

static const char *ref_kind_name(vep_ref_kind k)
{
    switch (k) {
    case VEP_REF_ITEM: return "item";
    case VEP_REF_SCORE: return "score";
    case VEP_REF_LEVEL: return "level";
    case VEP_REF_FLAG: return "flag";
    default: return "declaration";
    }
}

/* Looks `r` up by its kind; kind NONE (function uses) tries each kind. */
static int resolve_ref(const vep_model *m, vep_ref *r)
{
    if (r->kind == VEP_REF_NONE) {
        if ((r->index = vep__model_find_item(m, r->id)) >= 0) r->kind = VEP_REF_ITEM;
        else if ((r->index = vep__model_find_score(m, r->id)) >= 0) r->kind = VEP_REF_SCORE;
        else if ((r->index = vep__model_find_level(m, r->id)) >= 0) r->kind = VEP_REF_LEVEL;
        else if ((r->index = vep__model_find_flag(m, r->id)) >= 0) r->kind = VEP_REF_FLAG;
        return r->index;
    }
    switch (r->kind) {
    case VEP_REF_ITEM: r->index = vep__model_find_item(m, r->id); break;
    case VEP_REF_SCORE: r->index = vep__model_find_score(m, r->id); break;
    case VEP_REF_LEVEL: r->index = vep__model_find_level(m, r->id); break;
    case VEP_REF_FLAG: r->index = vep__model_find_flag(m, r->id); break;
    default: r->index = -1;
    }
    return r->index;
}

/* Whether an item's answers have a numeric value that scoring can use. */
static int item_is_numeric(const vep_model *m, const vep_item *it)
{
    size_t n, i;
    const vep_option *o;
    switch (it->type) {
    case VEP_ITEM_PRESENCE: case VEP_ITEM_SCALE: case VEP_ITEM_COUNT: case VEP_ITEM_NUMBER:
        return 1;
    case VEP_ITEM_CHOICE: case VEP_ITEM_MULTI:
        o = vep__item_options(m, it, &n);
        for (i = 0; i < n; i++)
            if (!o[i].has_value)
                return 0;
        return n > 0;
    default:
        return 0;
    }
}

/* What a condition may refer to, and who owns it (for messages). */
typedef struct cond_scope {
    const vep_origin *o;
    const char *owner_kind, *owner_id;
    unsigned allowed;         /* bit per vep_ref_kind */
    int flag_limit;           /* flags may refer to earlier flags only */
} cond_scope;

/* Resolves a function's `uses` within the scope. */
static void resolve_uses(checker *c, const cond_scope *s, vep_fn *fn)
{
    size_t i;
    for (i = 0; i < fn->nuses; i++) {
        vep_ref *u = &fn->uses[i];
        u->kind = VEP_REF_NONE;
        if (resolve_ref(c->m, u) < 0) {
            problem(c, s->o, s->owner_id, "unknown_reference",
                    "%s '%s': 'uses' names '%s', which is not declared", s->owner_kind,
                    s->owner_id, u->id);
        } else if (!(s->allowed & (1u << u->kind)) ||
                   (u->kind == VEP_REF_FLAG && u->index >= s->flag_limit)) {
            problem(c, s->o, s->owner_id, "unknown_reference",
                    "%s '%s' cannot read %s '%s' here", s->owner_kind, s->owner_id,
                    ref_kind_name(u->kind), u->id);
            u->index = -1;
        }
    }
}

/* Resolves every reference of a condition and checks its codes. */
static void resolve_cond(checker *c, const cond_scope *s, vep_cond *k)
{
    vep_model *m = c->m;
    size_t i, j, n;
    const vep_option *opt;

    for (i = 0; i < k->nkids; i++)
        resolve_cond(c, s, &k->kids[i]);
    if (k->kind == VEP_COND_FUNCTION) {
        resolve_uses(c, s, &k->fn);
        m->has_functions = 1;
        return;
    }
    if (k->kind == VEP_COND_ALL || k->kind == VEP_COND_ANY || k->kind == VEP_COND_NONE || k->ref.id == NULL)
        return;
    if (resolve_ref(m, &k->ref) < 0) {
        problem(c, s->o, s->owner_id, "unknown_reference", "%s '%s': the condition names %s '%s', which is not declared",
                s->owner_kind, s->owner_id, ref_kind_name(k->ref.kind), k->ref.id);
        return;
    }
    if (!(s->allowed & (1u << k->ref.kind)) ||
        (k->ref.kind == VEP_REF_FLAG && k->ref.index >= s->flag_limit)) {
        problem(c, s->o, s->owner_id, "unknown_reference",
                "%s '%s': a condition here cannot refer to %s '%s'%s", s->owner_kind, s->owner_id,
                ref_kind_name(k->ref.kind), k->ref.id,
                k->ref.kind == VEP_REF_FLAG ? " (a flag may refer only to flags declared before it)" : "");
        k->ref.index = -1;
        return;
    }
    if (k->ref.kind == VEP_REF_ITEM) {
        const vep_item *it = &m->items[k->ref.index];
        if ((k->kind == VEP_COND_AT_LEAST || k->kind == VEP_COND_AT_MOST) && !item_is_numeric(m, it))
            problem(c, s->o, s->owner_id, "invalid_value", "%s '%s': item '%s' has no numeric value to compare",
                    s->owner_kind, s->owner_id, it->id);
        if (k->kind == VEP_COND_IS || k->kind == VEP_COND_IS_NOT) {
            opt = vep__item_options(m, it, &n);
            if (opt == NULL)
                problem(c, s->o, s->owner_id, "invalid_value", "%s '%s': item '%s' has no codes to compare (use at_least, at_most or answered)",
                        s->owner_kind, s->owner_id, it->id);
            for (i = 0; opt && i < k->ncodes; i++) {
                for (j = 0; j < n && strcmp(opt[j].code ? opt[j].code : "", k->codes[i]) != 0; j++)
                    ;
                if (j == n)
                    problem(c, s->o, s->owner_id, "unknown_code", "%s '%s': '%s' is not a code of item '%s'",
                            s->owner_kind, s->owner_id, k->codes[i], it->id);
            }
        }
    } else if (k->ref.kind == VEP_REF_LEVEL && (k->kind == VEP_COND_IS || k->kind == VEP_COND_IS_NOT)) {
        const vep_level_def *l = &m->levels[k->ref.index];
        for (i = 0; i < k->ncodes; i++) {
            for (j = 0; j < l->nbands && strcmp(l->bands[j].level ? l->bands[j].level : "", k->codes[i]) != 0; j++)
                ;
            if (j == l->nbands)
                problem(c, s->o, s->owner_id, "unknown_code", "%s '%s': '%s' is not a band of level '%s'",
                        s->owner_kind, s->owner_id, k->codes[i], l->id);
        }
    } else if (k->ref.kind == VEP_REF_SCORE && (k->kind == VEP_COND_IS || k->kind == VEP_COND_IS_NOT)) {
        problem(c, s->o, s->owner_id, "invalid_value", "%s '%s': compare score '%s' with at_least or at_most",
                s->owner_kind, s->owner_id, k->ref.id);
    }
}

/* Resolves each item's scale, domains and part, and its condition. */
static void resolve_items(checker *c)
{
    vep_model *m = c->m;
    size_t i, j;
    for (i = 0; i < m->nscales; i++)
        check_codes(c, &m->scales[i].origin, m->scales[i].id, m->scales[i].points, m->scales[i].npoints);
    for (i = 0; i < m->nitems; i++) {
        vep_item *it = &m->items[i];
        if (it->scale_id) {
            it->scale = vep__model_find_scale(m, it->scale_id);
            if (it->scale < 0)
                problem(c, &it->origin, it->id, "unknown_scale", "item '%s': scale '%s' is not declared",
                        it->id, it->scale_id);
            else if (it->type != VEP_ITEM_SCALE)
                problem(c, &it->origin, it->id, "invalid_value", "item '%s' has a scale but is not of type \"scale\"", it->id);
        }
        check_codes(c, &it->origin, it->id, it->options, it->noptions);
        for (j = 0; j < it->ndomains; j++) {
            it->domains[j] = vep__model_find_domain(m, it->domain_ids[j]);
            if (it->domains[j] < 0)
                problem(c, &it->origin, it->id, "unknown_reference", "item '%s': domain '%s' is not declared",
                        it->id, it->domain_ids[j]);
        }
        if (it->part_id) {
            it->part = vep__model_find_part(m, it->part_id);
            if (it->part < 0)
                problem(c, &it->origin, it->id, "unknown_reference", "item '%s': part '%s' is not declared",
                        it->id, it->part_id);
        } else if (it->ndomains && it->domains[0] >= 0) {
            it->part = m->domains[it->domains[0]].part;
        }
        if (it->when) {
            cond_scope s = { &it->origin, "item", it->id, 1u << VEP_REF_ITEM, 0 };
            resolve_cond(c, &s, it->when);
        }
    }
}

/* ---- Dependency order ------------------------------------------------ */

typedef struct graph {
    checker *c;
    int kind;                /* 0 items, 1 scores */
    int *state;              /* 0 new, 1 on the path, 2 done */
    int *path;
    size_t depth;
    int *order;
    size_t norder;
} graph;

static void visit(graph *g, int node);

/* Visits every item a condition depends on. */
static void visit_cond_deps(graph *g, const vep_cond *k)
{
    size_t i;
    if (k->ref.kind == VEP_REF_ITEM && k->ref.index >= 0)
        visit(g, k->ref.index);
    for (i = 0; i < k->fn.nuses; i++)
        if (k->fn.uses[i].kind == VEP_REF_ITEM && k->fn.uses[i].index >= 0)
            visit(g, k->fn.uses[i].index);
    for (i = 0; i < k->nkids; i++)
        visit_cond_deps(g, &k->kids[i]);
}

/* Visits what a node depends on: an item's condition, a score's parts. */
static void visit_deps(graph *g, int node)
{
    const vep_model *m = g->c->m;
    size_t i;
    if (g->kind == 0) {
        if (m->items[node].when)
            visit_cond_deps(g, m->items[node].when);
        return;
    }
    for (i = 0; i < m->scores[node].nterms; i++)
        if (m->scores[node].terms[i].ref.kind == VEP_REF_SCORE && m->scores[node].terms[i].ref.index >= 0)
            visit(g, m->scores[node].terms[i].ref.index);
    for (i = 0; i < m->scores[node].fn.nuses; i++)
        if (m->scores[node].fn.uses[i].kind == VEP_REF_SCORE && m->scores[node].fn.uses[i].index >= 0)
            visit(g, m->scores[node].fn.uses[i].index);
}

/* Depth-first visit; a node met again while on the path closes a cycle,
** which is reported as the chain of ids.  The depth is bounded by the
** number of declarations. */
static void visit(graph *g, int node)
{
    vep_model *m = g->c->m;
    size_t k;
    const char *what = g->kind == 0 ? "item" : "score";

    if (g->state[node] == 2)
        return;
    if (g->state[node] == 1) {
        vep_buf b;
        const vep_origin *o = g->kind == 0 ? &m->items[node].origin : &m->scores[node].origin;
        const char *id = g->kind == 0 ? m->items[node].id : m->scores[node].id;
        vep__buf_init(&b, m->alloc);
        for (k = 0; k < g->depth && g->path[k] != node; k++)
            ;
        for (; k < g->depth; k++)
            vep__buf_printf(&b, "%s -> ", g->kind == 0 ? m->items[g->path[k]].id : m->scores[g->path[k]].id);
        vep__buf_adds(&b, id);
        problem(g->c, o, id, "cycle", "%s '%s' depends on itself: %s", what, id, vep__buf_str(&b));
        vep__buf_free(&b);
        return;
    }
    g->state[node] = 1;
    g->path[g->depth++] = node;
    visit_deps(g, node);
    g->depth--;
    g->state[node] = 2;
    g->order[g->norder++] = node;
}

/* Orders items (kind 0) or scores (kind 1) so dependencies come first. */
static int order_nodes(checker *c, int kind, size_t n, int **out)
{
    graph g;
    size_t i;
    memset(&g, 0, sizeof g);
    g.c = c;
    g.kind = kind;
    *out = NULL;
    if (n == 0)
        return 0;
    g.state = vep__calloc(c->m->alloc, n, sizeof *g.state);
    g.path = vep__calloc(c->m->alloc, n, sizeof *g.path);
    g.order = vep__calloc(c->m->alloc, n, sizeof *g.order);
    if (!g.state || !g.path || !g.order) {
        vep__free(c->m->alloc, g.state);
        vep__free(c->m->alloc, g.path);
        vep__free(c->m->alloc, g.order);
        c->d->nomem = 1;
        return -1;
    }
    for (i = 0; i < n; i++)
        visit(&g, (int)i);
    vep__free(c->m->alloc, g.state);
    vep__free(c->m->alloc, g.path);
    *out = g.order;
    return 0;
}

/* ---- Scores ---------------------------------------------------------- */

/* Fills a domain-based score's terms with the domain's items. */
static void domain_terms(checker *c, vep_score_def *s)
{
    vep_model *m = c->m;
    size_t i, j, n = 0;
    s->domain = vep__model_find_domain(m, s->domain_id);
    if (s->domain < 0) {
        problem(c, &s->origin, s->id, "unknown_reference", "score '%s': domain '%s' is not declared", s->id, s->domain_id);
        return;
    }
    for (i = 0; i < m->nitems; i++)
        for (j = 0; j < m->items[i].ndomains; j++)
            if (m->items[i].domains[j] == s->domain)
                n++;
    if (n == 0) {
        problem(c, &s->origin, s->id, "invalid_value", "score '%s': domain '%s' has no items", s->id, s->domain_id);
        return;
    }
    s->terms = vep__calloc(m->alloc, n, sizeof *s->terms);
    if (s->terms == NULL) {
        c->d->nomem = 1;
        return;
    }
    for (i = 0; i < m->nitems; i++)
        for (j = 0; j < m->items[i].ndomains; j++)
            if (m->items[i].domains[j] == s->domain) {
                vep_term *t = &s->terms[s->nterms++];
                t->ref.kind = VEP_REF_ITEM;
                t->ref.index = (int)i;
                t->ref.id = vep__strdup(m->alloc, m->items[i].id);
                t->weight = m->items[i].weights[j];
                if (t->ref.id == NULL)
                    c->d->nomem = 1;
            }
}

static void resolve_scores(checker *c)
{
    vep_model *m = c->m;
    size_t i, j;
    for (i = 0; i < m->nscores; i++) {
        vep_score_def *s = &m->scores[i];
        if (s->rule == VEP_RULE_FUNCTION) {
            cond_scope sc = { &s->origin, "score", s->id, (1u << VEP_REF_ITEM) | (1u << VEP_REF_SCORE), 0 };
            resolve_uses(c, &sc, &s->fn);
            m->has_functions = 1;
            continue;
        }
        if (s->domain_id && s->nterms == 0)
            domain_terms(c, s);
        for (j = 0; j < s->nterms; j++) {
            vep_term *t = &s->terms[j];
            if (t->ref.index >= 0)
                continue;
            if (resolve_ref(m, &t->ref) < 0) {
                problem(c, &s->origin, s->id, "unknown_reference", "score '%s' names %s '%s', which is not declared",
                        s->id, ref_kind_name(t->ref.kind), t->ref.id);
            } else if (t->ref.kind == VEP_REF_ITEM && !item_is_numeric(m, &m->items[t->ref.index])) {
                problem(c, &s->origin, s->id, "not_scorable", "score '%s': item '%s' has no numeric value to score",
                        s->id, t->ref.id);
                t->ref.index = -1;
            }
        }
    }
}

/* The range of values an item's answer can have, and whether they are all
** whole numbers. */
static void item_range(const vep_model *m, const vep_item *it, double *lo,
                       double *hi, int *integral)
{
    size_t n, i;
    const vep_option *o = vep__item_options(m, it, &n);
    *integral = 1;
    *lo = 0;
    *hi = 0;
    switch (it->type) {
    case VEP_ITEM_COUNT:
        *hi = it->has_max ? it->max : HUGE_VAL;
        return;
    case VEP_ITEM_NUMBER:
        *lo = it->has_min ? it->min : -HUGE_VAL;
        *hi = it->has_max ? it->max : HUGE_VAL;
        *integral = it->integer;
        return;
    case VEP_ITEM_MULTI:
        for (i = 0; i < n; i++) {
            if (o[i].value < 0) *lo += o[i].value; else *hi += o[i].value;
            if (o[i].value != floor(o[i].value)) *integral = 0;
        }
        return;
    default:
        for (i = 0; i < n; i++) {
            if (i == 0 || o[i].value < *lo) *lo = o[i].value;
            if (i == 0 || o[i].value > *hi) *hi = o[i].value;
            if (o[i].value != floor(o[i].value)) *integral = 0;
        }
    }
}

/* An item that may end up without a value: unknown, n.a., not relevant
** or simply not given. */
static int omittable(const vep_item *it)
{
    return it->allow_unknown || it->allow_na || it->when != NULL || !it->required;
}

/* qsort comparator, descending doubles. */
static int cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The highest (want_max) or lowest mean a mean score can reach: the items
** that are always answered at their extreme, joined by each optional item
** whose extreme pulls the mean further, best first. */
static double mean_bound(checker *c, const vep_score_def *s, int want_max)
{
    vep_model *m = c->m;
    double sum = 0, *opt, best = want_max ? -HUGE_VAL : HUGE_VAL;
    size_t j, count = 0, nopt = 0;
    opt = vep__calloc(m->alloc, s->nterms ? s->nterms : 1, sizeof *opt);
    if (opt == NULL) {
        c->d->nomem = 1;
        return best;
    }
    for (j = 0; j < s->nterms; j++) {
        const vep_term *t = &s->terms[j];
        double a, b, lo, hi;
        int ti;
        item_range(m, &m->items[t->ref.index], &a, &b, &ti);
        lo = t->weight * a < t->weight * b ? t->weight * a : t->weight * b;
        hi = t->weight * a < t->weight * b ? t->weight * b : t->weight * a;
        if (want_max ? hi > best : lo < best)
            best = want_max ? hi : lo;
        if (!omittable(&m->items[t->ref.index])) {
            sum += want_max ? hi : lo;
            count++;
        } else {
            opt[nopt++] = want_max ? hi : -lo;  /* sorted descending */
        }
    }
    if (count) {
        qsort(opt, nopt, sizeof *opt, cmp_desc);
        for (j = 0; j < nopt; j++) {
            double v = want_max ? opt[j] : -opt[j];
            if (want_max ? v <= sum / (double)count : v >= sum / (double)count)
                break;
            sum += v;
            count++;
        }
        best = sum / (double)count;
    }
    vep__free(m->alloc, opt);
    return best;
}

/* Works out a score's reachable range and rounding (see the guide, §5). */
static void score_range(checker *c, vep_score_def *s)
{
    vep_model *m = c->m;
    double lo = 0, hi = 0, minlo = HUGE_VAL, maxhi = -HUGE_VAL, mincl = HUGE_VAL, maxch = -HUGE_VAL;
    double vmin = HUGE_VAL, vmax = -HUGE_VAL, wsum = 0, wfixed = 0, wsmall = HUGE_VAL;
    double fixed_maxlo = -HUGE_VAL, fixed_minhi = HUGE_VAL;
    size_t j, fixed = 0;
    int integral = 1, all_omit = 1, part_decimals = 0, factors_whole = 1;

    for (j = 0; j < s->nterms; j++) {
        const vep_term *t = &s->terms[j];
        double a, b, tlo, thi;
        int ti = 1;
        if (t->ref.index < 0)
            return;
        if (t->ref.kind == VEP_REF_SCORE) {
            const vep_score_def *o = &m->scores[t->ref.index];
            a = t->weight * o->min;
            b = t->weight * o->max;
            ti = o->decimals == 0 && t->weight == floor(t->weight);
            if (o->decimals > part_decimals)
                part_decimals = o->decimals;
            if (t->weight != floor(t->weight))
                factors_whole = 0;
            lo += a < b ? a : b;
            hi += a < b ? b : a;
            integral &= ti;
            continue;
        }
        item_range(m, &m->items[t->ref.index], &a, &b, &ti);
        if (s->rule == VEP_RULE_COUNT) {
            int can1 = b >= s->at_least, can0 = a < s->at_least || omittable(&m->items[t->ref.index]);
            tlo = can0 ? 0 : 1;
            thi = can1 ? 1 : 0;
        } else {
            tlo = t->weight * a < t->weight * b ? t->weight * a : t->weight * b;
            thi = t->weight * a < t->weight * b ? t->weight * b : t->weight * a;
            if (t->weight != floor(t->weight) || !ti)
                integral = 0;
        }
        if (!omittable(&m->items[t->ref.index])) {
            all_omit = 0;
            fixed++;
            if (tlo > fixed_maxlo) fixed_maxlo = tlo;
            if (thi < fixed_minhi) fixed_minhi = thi;
            lo += tlo;
            hi += thi;
        } else {
            lo += tlo < 0 ? tlo : 0;
            hi += thi > 0 ? thi : 0;
        }
        {
            /* per unit of weight, for prorating */
            double aw = fabs(t->weight), ulo = aw > 0 ? tlo / aw : 0, uhi = aw > 0 ? thi / aw : 0;
            if (s->rule == VEP_RULE_COUNT) { ulo = tlo; uhi = thi; aw = 1; }
            if (ulo < vmin) vmin = ulo;
            if (uhi > vmax) vmax = uhi;
            wsum += aw;
            if (aw > 0 && aw < wsmall) wsmall = aw;
            if (!m->items[t->ref.index].allow_na && m->items[t->ref.index].when == NULL)
                wfixed += aw;
        }
        if (tlo < minlo) minlo = tlo;
        if (thi > maxhi) maxhi = thi;
        if (tlo < mincl) mincl = tlo;
        if (thi > maxch) maxch = thi;
    }
    switch (s->rule) {
    case VEP_RULE_SUM:
    case VEP_RULE_COUNT:
        if (s->nterms && all_omit && minlo > 0) lo = minlo;
        if (s->nterms && all_omit && maxhi < 0) hi = maxhi;
        if (s->missing == VEP_MISSING_PRORATE) {
            /* Prorating scales by weight: value = raw * (weight of the
            ** applicable items / weight of the answered ones), i.e. the
            ** answered items' weighted mean per unit of weight times the
            ** applicable weight. */
            lo = vmin >= 0 ? vmin * (wfixed > 0 ? wfixed : wsmall) : vmin * wsum;
            hi = vmax >= 0 ? vmax * wsum : vmax * (wfixed > 0 ? wfixed : wsmall);
            integral = 0;
        }
        break;
    case VEP_RULE_MEAN:
        lo = s->nterms ? mean_bound(c, s, 0) : 0;
        hi = s->nterms ? mean_bound(c, s, 1) : 0;
        integral = 0;
        break;
    case VEP_RULE_MAX:   /* at least the largest lower bound of an item
                            that is always there */
        lo = fixed ? fixed_maxlo : mincl; hi = maxch;
        break;
    case VEP_RULE_MIN:   /* at most the smallest upper bound of one */
        lo = mincl; hi = fixed ? fixed_minhi : maxch;
        break;
    case VEP_RULE_COMPOSITE:
        break;
    case VEP_RULE_FUNCTION:
        if (s->has_range) { lo = s->min; hi = s->max; } else { lo = -HUGE_VAL; hi = HUGE_VAL; }
        integral = 0;
        break;
    }
    if (s->nterms == 0 && s->rule != VEP_RULE_FUNCTION)
        lo = hi = 0;
    s->min = lo;
    s->max = hi;
    /* Default rounding: whole numbers stay whole; a composite with whole
    ** factors keeps the finest rounding of its parts; anything else gets
    ** two decimals. */
    if (s->decimals < 0)
        s->decimals = integral ? 0
                    : (s->rule == VEP_RULE_COMPOSITE && factors_whole) ? part_decimals : 2;
    s->integral = s->decimals == 0;
}

/* ---- Levels ---------------------------------------------------------- */

/* Writes a number for messages without trailing zeros. */
static const char *num(char *buf, size_t n, double v)
{
    if (v == HUGE_VAL) snprintf(buf, n, "infinity");
    else if (v == -HUGE_VAL) snprintf(buf, n, "-infinity");
    else snprintf(buf, n, "%.10g", v);
    return buf;
}

static void check_level(checker *c, vep_level_def *l)
{
    vep_model *m = c->m;
    const vep_score_def *s;
    double step, eps;
    char a[32], b[32], x[32], y[32];
    size_t i, j;

    if (l->of.id == NULL)
        return;
    l->of.index = vep__model_find_score(m, l->of.id);
    if (l->of.index < 0) {
        problem(c, &l->origin, l->id, "unknown_reference", "level '%s': score '%s' is not declared", l->id, l->of.id);
        return;
    }
    s = &m->scores[l->of.index];
    if (s->rule == VEP_RULE_FUNCTION && !s->has_range) {
        problem(c, &l->origin, l->id, "missing_field",
                "level '%s' bands function score '%s', which must declare its range: min = ..., max = ...", l->id, s->id);
        return;
    }
    for (i = 0; i < l->nbands; i++)
        for (j = 0; j < i; j++)
            if (l->bands[i].level && l->bands[j].level && strcmp(l->bands[i].level, l->bands[j].level) == 0)
                problem(c, &l->origin, l->id, "duplicate_id", "level '%s': band '%s' appears twice", l->id, l->bands[i].level);
    step = pow(10.0, -s->decimals);
    eps = step * 1e-6;
    for (i = 0; i < l->nbands; i++) {
        const vep_band *bd = &l->bands[i];
        if (bd->level == NULL || bd->min > bd->max)
            return;
        if (bd->max < s->min - eps || bd->min > s->max + eps)
            problem(c, &l->origin, l->id, "band_unreachable",
                    "level '%s': band '%s' (%s to %s) cannot be reached: score '%s' ranges from %s to %s",
                    l->id, bd->level, num(a, 32, bd->min), num(b, 32, bd->max), s->id,
                    num(x, 32, s->min), num(y, 32, s->max));
        if (i == 0)
            continue;
        if (bd->min <= l->bands[i - 1].max + eps)
            problem(c, &l->origin, l->id, "band_overlap",
                    "level '%s': bands '%s' (%s to %s) and '%s' (%s to %s) overlap; list bands from low to high",
                    l->id, l->bands[i - 1].level, num(a, 32, l->bands[i - 1].min), num(b, 32, l->bands[i - 1].max),
                    bd->level, num(x, 32, bd->min), num(y, 32, bd->max));
        else if (bd->min - l->bands[i - 1].max > step + eps)
            problem(c, &l->origin, l->id, "band_gap",
                    "level '%s': no band covers the values between %s ('%s') and %s ('%s') of score '%s' (rounded to %d decimal%s)",
                    l->id, num(a, 32, l->bands[i - 1].max), l->bands[i - 1].level, num(b, 32, bd->min), bd->level,
                    s->id, s->decimals, s->decimals == 1 ? "" : "s");
    }
    if (l->nbands && s->min < l->bands[0].min - eps)
        problem(c, &l->origin, l->id, "band_gap",
                "level '%s': values of score '%s' from %s up to %s fall in no band (the lowest band starts at %s)",
                l->id, s->id, num(a, 32, s->min), num(b, 32, l->bands[0].min - step), num(x, 32, l->bands[0].min));
    if (l->nbands && s->max > l->bands[l->nbands - 1].max + eps)
        problem(c, &l->origin, l->id, "band_gap",
                "level '%s': values of score '%s' above %s up to %s fall in no band (the highest band ends at %s)",
                l->id, s->id, num(a, 32, l->bands[l->nbands - 1].max), num(b, 32, s->max),
                num(x, 32, l->bands[l->nbands - 1].max));
}

/* The judgement's advisory level and choosable levels. */
static void check_judgement(checker *c)
{
    vep_model *m = c->m;
    vep_judgement_def *j = &m->judgement;
    size_t i, k;
    if (!j->declared || j->advisory.id == NULL)
        return;
    if (vep__model_find_level(m, j->advisory.id) < 0) {
        problem(c, &j->origin, "judgement", "unknown_reference", "judgement: advisory level '%s' is not declared", j->advisory.id);
        return;
    }
    j->advisory.index = vep__model_find_level(m, j->advisory.id);
    if (j->nlevels == 0)
        return;
    for (i = 0; i < m->levels[j->advisory.index].nbands; i++) {
        const char *code = m->levels[j->advisory.index].bands[i].level;
        for (k = 0; k < j->nlevels && code && strcmp(j->levels[k], code) != 0; k++)
            ;
        if (code && k == j->nlevels)
            problem(c, &j->origin, "judgement", "unknown_reference",
                    "judgement: the advisory band '%s' is not among the levels a professional may choose", code);
    }
}

size_t vep__check(vep_model *m, vep_diags *d)
{
    checker c;
    size_t i;

    c.m = m;
    c.d = d;
    c.problems = 0;
    check_unique(&c);
    resolve_items(&c);
    resolve_scores(&c);
    for (i = 0; i < m->nflags; i++) {
        cond_scope s = { &m->flags[i].origin, "flag", m->flags[i].id,
                         (1u << VEP_REF_ITEM) | (1u << VEP_REF_SCORE) | (1u << VEP_REF_LEVEL) | (1u << VEP_REF_FLAG),
                         (int)i };
        resolve_cond(&c, &s, &m->flags[i].when);
    }
    if (c.problems == 0 && order_nodes(&c, 0, m->nitems, &m->item_order) == 0 &&
        order_nodes(&c, 1, m->nscores, &m->score_order) == 0 && c.problems == 0) {
        for (i = 0; i < m->nscores; i++)
            score_range(&c, &m->scores[m->score_order[i]]);
        for (i = 0; i < m->nlevels; i++)
            check_level(&c, &m->levels[i]);
    }
    check_judgement(&c);
    return c.problems;
}
