/*
** check.c -- checks an instrument definition as a whole, once every
** declaration has been read.
**
** It resolves every reference by id, orders items (by their conditions) and
** scores (by the scores they use) so that evaluation never meets a value
** not yet computed and rejects cycles; range.c then works out the range
** each score can take and checks each level's bands against it.
** Every problem names the file, the line and the id concerned.
*/
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader.h"
#include "check.h"
#include "buf.h"

/* Adds a problem about the declaration at `o` with id `id`. */
void vep__check_problem(checker *c, const vep_origin *o, const char *id,
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

#define problem vep__check_problem

/* ---- Unique ids ------------------------------------------------------ */

static const char *ref_kind_name(vep_ref_kind k);

/* The origin of an index entry's declaration. */
static const vep_origin *entry_origin(const vep_model *m, const vep_id_entry *e)
{
    switch (e->kind) {
    case VEP_REF_ITEM: return &m->items[e->index].origin;
    case VEP_REF_SCORE: return &m->scores[e->index].origin;
    case VEP_REF_LEVEL: return &m->levels[e->index].origin;
    default: return &m->flags[e->index].origin;
    }
}

/* Reports the later declarations of an id already used in a list of few
** entries (scales, parts, domains). */
#define DUP_SMALL(arr, n, kind)                                                  \
    for (i = 0; i < m->n; i++)                                                   \
        for (j = 0; j < i; j++)                                                  \
            if (m->arr[i].id && m->arr[j].id && strcmp(m->arr[i].id, m->arr[j].id) == 0) { \
                problem(c, &m->arr[i].origin, m->arr[i].id, "duplicate_id",      \
                        "%s '%s' is declared again (first at line %u)", kind,   \
                        m->arr[i].id, m->arr[j].origin.line);                   \
                break;                                                           \
            }

/* Items, scores, levels and flags share one namespace, since conditions
** and function rules name them by id alone: duplicates are found as
** neighbours in the sorted index, in O(n log n). */
static void check_unique(checker *c)
{
    vep_model *m = c->m;
    size_t i, j;
    if (vep__model_index(m) != 0) {
        c->d->nomem = 1;
        return;
    }
    for (i = 1; i < m->nids; i++) {
        const vep_id_entry *e = &m->ids[i];
        if (strcmp(e->id, m->ids[i - 1].id) != 0)
            continue;
        for (j = i - 1; j > 0 && strcmp(m->ids[j - 1].id, e->id) == 0; j--)
            ;  /* the first declaration with this id */
        problem(c, entry_origin(m, e), e->id, "duplicate_id",
                "%s '%s' is declared again: the id is already used by the %s at line %u",
                ref_kind_name(e->kind), e->id, ref_kind_name(m->ids[j].kind),
                entry_origin(m, &m->ids[j])->line);
    }
    DUP_SMALL(scales, nscales, "scale")
    DUP_SMALL(parts, nparts, "part")
    DUP_SMALL(domains, ndomains, "domain")
    for (i = 0; i < m->ntests; i++)
        for (j = 0; j < i; j++)
            if (strcmp(m->tests[i].name, m->tests[j].name) == 0) {
                problem(c, &m->tests[i].origin, m->tests[i].name, "duplicate_id",
                        "test '%s' is declared again (first at line %u)",
                        m->tests[i].name, m->tests[j].origin.line);
                break;
            }
}
#undef DUP_SMALL

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
            vep__check_score_range(&c, &m->scores[m->score_order[i]]);
        for (i = 0; i < m->nlevels; i++)
            vep__check_level(&c, &m->levels[i]);
    }
    check_judgement(&c);
    return c.problems;
}
