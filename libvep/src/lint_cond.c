/*
** lint_cond.c -- conditions of items and flags that can never hold
** (docs/WRITING-INSTRUMENTS.md section 4; semantics in cond.c).
**
** Two kinds of finding, both rule "never_holds":
**
**   - one comparison that cannot hold on its own: at_least above the
**     highest value the item, score or level can have, at_most below the
**     lowest, is_not listing every code, is naming only bands that no
**     value of the score reaches, unknown = true on an item that does not
**     allow unknown (or on anything but an item), a flag compared with
**     is / at_least, an empty any = { };
**   - comparisons of one all = { ... } that cannot hold together on the
**     same item, score or level: two `is` with no code in common (not on
**     multi items, whose `is` means "contains one of"), `is` and `is_not`
**     that exclude every code, at_least above at_most, codes whose values
**     fall outside the numbers, unknown together with a value.
**
** A comparison on an item holds only when that item is relevant, so the
** comparisons of the item's own `when` (when it is one comparison or an
** all = { ... } of them) join the all = { ... } too.  This goes one step
** only: the `when` of the items those comparisons name is not followed.
** Conditions written as Lua functions, and what any = { } and none = { }
** combine, are not reasoned about beyond their own comparisons.
*/
#include <math.h>
#include <string.h>
#include "lint.h"
#include "utf8.h"

/* One comparison of a conjunction; `via` is the item whose relevance
** brings it in, or -1 when the condition itself has it. */
typedef struct leaf {
    const vep_cond *c;
    int via;
} leaf;

typedef struct conj {
    leaf *v;
    size_t n, cap;
} conj;

/* The condition being checked and its owner, for findings. */
typedef struct owner {
    vep_lint *l;
    const vep_model *m;
    const vep_origin *o;
    const char *kind, *id;
} owner;

/* Whether a node is a comparison (not a combination or a function). */
static int is_leaf(const vep_cond *c)
{
    return c->kind != VEP_COND_ALL && c->kind != VEP_COND_ANY
        && c->kind != VEP_COND_NONE && c->kind != VEP_COND_FUNCTION;
}

/* Whether `s` is one of the condition's codes. */
static int in_codes(const vep_cond *c, const char *s)
{
    size_t i;
    for (i = 0; s && i < c->ncodes; i++)
        if (c->codes[i] && strcmp(c->codes[i], s) == 0)
            return 1;
    return 0;
}

/* "item", "score", "level" or "flag": the word for a reference's kind,
** also the key a condition names it with. */
static const char *kind_word(vep_ref_kind k)
{
    static const char *const words[] = { "?", "item", "score", "level", "flag" };
    return (unsigned)k <= VEP_REF_FLAG ? words[k] : "?";
}

/* The comparison in the script's own notation: { item = "X", is = "a" }. */
static void describe(vep_buf *b, const vep_cond *c)
{
    char nb[VEP_NUM_BUFSIZE];
    size_t i;

    vep__buf_printf(b, "{ %s = \"%s\"", kind_word(c->ref.kind), c->ref.id ? c->ref.id : "");
    switch (c->kind) {
    case VEP_COND_IS:
    case VEP_COND_IS_NOT:
        vep__buf_adds(b, c->kind == VEP_COND_IS ? ", is = " : ", is_not = ");
        if (c->ncodes == 1) {
            vep__buf_printf(b, "\"%s\"", c->codes[0]);
            break;
        }
        vep__buf_adds(b, "{ ");
        for (i = 0; i < c->ncodes; i++)
            vep__buf_printf(b, "%s\"%s\"", i ? ", " : "", c->codes[i]);
        vep__buf_adds(b, " }");
        break;
    case VEP_COND_AT_LEAST:
    case VEP_COND_AT_MOST:
        vep__buf_printf(b, ", %s = %s", c->kind == VEP_COND_AT_LEAST ? "at_least" : "at_most",
                        vep__num_format(nb, c->number));
        break;
    case VEP_COND_ANSWERED:
        vep__buf_adds(b, ", answered = true");
        break;
    case VEP_COND_UNKNOWN:
        vep__buf_adds(b, ", unknown = true");
        break;
    default:
        break;
    }
    vep__buf_adds(b, " }");
}

/* The range of values a comparison's reference can have: an item's
** answer, a score, or a level (the value of its score). */
static int ref_range(const vep_model *m, const vep_ref *r, double *lo, double *hi)
{
    const vep_score_def *s;
    if (r->index < 0)
        return 0;
    if (r->kind == VEP_REF_ITEM) {
        vep__lint_item_range(m, &m->items[r->index], lo, hi);
        return 1;
    }
    if (r->kind == VEP_REF_LEVEL) {
        int si = m->levels[r->index].of.index;
        if (si < 0)
            return 0;
        s = &m->scores[si];
    } else if (r->kind == VEP_REF_SCORE) {
        s = &m->scores[r->index];
    } else {
        return 0;
    }
    *lo = s->min;
    *hi = s->max;
    return 1;
}

/* Whether band k of level `lv` can be reached within [lo, hi]. */
static int band_open(const vep_model *m, const vep_level_def *lv, size_t k, double lo, double hi)
{
    vep_band b = lv->bands[k];
    if (lv->of.index < 0)
        return 1;
    if (lo > b.min) b.min = lo;
    if (hi < b.max) b.max = hi;
    return b.min <= b.max && vep__lint_band_reachable(&m->scores[lv->of.index], &b);
}

/* Why a comparison cannot hold on its own, written into `why`; 0 when it
** can. */
static int leaf_never(const vep_model *m, const vep_cond *c, vep_buf *why)
{
    char nb[VEP_NUM_BUFSIZE];
    const vep_ref *r = &c->ref;
    double lo, hi;
    size_t n, k, open = 0;

    if (r->index < 0)
        return 0;
    if (r->kind == VEP_REF_FLAG && c->kind != VEP_COND_RAISED && c->kind != VEP_COND_ANSWERED) {
        vep__buf_printf(why, "a flag is raised or not, it has no code, number or unknown state; "
                        "write { flag = \"%s\" } to test whether it is raised", r->id);
        return 1;
    }
    switch (c->kind) {
    case VEP_COND_AT_LEAST:
    case VEP_COND_AT_MOST:
        if (!ref_range(m, r, &lo, &hi))
            return 0;
        if (c->kind == VEP_COND_AT_LEAST && c->number > hi) {
            vep__buf_printf(why, "the highest value %s '%s' can have is %s", kind_word(r->kind),
                            r->id, vep__num_format(nb, hi));
            return 1;
        }
        if (c->kind == VEP_COND_AT_MOST && c->number < lo) {
            vep__buf_printf(why, "the lowest value %s '%s' can have is %s", kind_word(r->kind),
                            r->id, vep__num_format(nb, lo));
            return 1;
        }
        return 0;
    case VEP_COND_UNKNOWN:
        if (r->kind != VEP_REF_ITEM) {
            vep__buf_printf(why, "only an item can be answered unknown; to test that %s '%s' has no "
                            "value write none = { { %s = \"%s\", answered = true } }",
                            kind_word(r->kind), r->id, kind_word(r->kind), r->id);
            return 1;
        }
        if (!m->items[r->index].allow_unknown) {
            vep__buf_printf(why, "item '%s' cannot be answered unknown (it says unknown = false)", r->id);
            return 1;
        }
        return 0;
    case VEP_COND_IS:
    case VEP_COND_IS_NOT:
        if (r->kind == VEP_REF_LEVEL) {
            const vep_level_def *lv = &m->levels[r->index];
            for (k = 0; k < lv->nbands; k++)
                if (in_codes(c, lv->bands[k].level) == (c->kind == VEP_COND_IS)
                    && band_open(m, lv, k, -HUGE_VAL, HUGE_VAL))
                    open++;
            if (open)
                return 0;
            if (c->kind == VEP_COND_IS)
                vep__buf_printf(why, "no value of score '%s' falls in %s", lv->of.id,
                                c->ncodes == 1 ? "that band" : "those bands");
            else
                vep__buf_printf(why, "it leaves out every band level '%s' can have, and is_not "
                                "holds only for a band that is none of them", r->id);
            return 1;
        }
        if (r->kind == VEP_REF_ITEM && c->kind == VEP_COND_IS_NOT
            && m->items[r->index].type != VEP_ITEM_MULTI) {
            const vep_option *o = vep__item_options(m, &m->items[r->index], &n);
            for (k = 0; o && k < n; k++)
                if (!in_codes(c, o[k].code))
                    open++;
            if (o == NULL || open)
                return 0;
            vep__buf_printf(why, "it lists every code of item '%s', and is_not holds only for an "
                            "answer that is none of them", r->id);
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

/* Adds a comparison to a conjunction. */
static void push_leaf(owner *w, conj *cj, const vep_cond *c, int via)
{
    if (cj->n == cj->cap) {
        size_t cap = cj->cap ? cj->cap * 2 : 8;
        leaf *v = vep__realloc(w->l->alloc, cj->v, cap * sizeof *v);
        if (v == NULL) {
            w->l->nomem = 1;
            return;
        }
        cj->v = v;
        cj->cap = cap;
    }
    cj->v[cj->n].c = c;
    cj->v[cj->n].via = via;
    cj->n++;
}

/* The comparisons an all = { ... } requires, nested all = { ... } taken
** in. */
static void collect(owner *w, conj *cj, const vep_cond *c, int via)
{
    size_t i;
    if (c->kind == VEP_COND_ALL) {
        for (i = 0; i < c->nkids; i++)
            collect(w, cj, &c->kids[i], via);
    } else if (is_leaf(c) && c->ref.index >= 0) {
        push_leaf(w, cj, c, via);
    }
}

/* What the comparisons on one reference ask of it. */
typedef struct need {
    int value, unknown, numeric;
    double lo, hi;
} need;

/* Whether the comparisons of a conjunction on one reference (those at
** at[0..nat-1]) can hold together; when not, `why` says why. */
static int group_holds(const vep_model *m, const conj *cj, const size_t *at, size_t nat,
                       vep_buf *why)
{
    const vep_ref *r = &cj->v[at[0]].c->ref;
    need nd = { 0, 0, 0, -HUGE_VAL, HUGE_VAL };
    size_t i, k, n = 0;
    const vep_option *o = NULL;
    double lo, hi;

    for (i = 0; i < nat; i++) {
        const vep_cond *c = cj->v[at[i]].c;
        if (c->kind == VEP_COND_UNKNOWN) {
            nd.unknown = 1;
            continue;
        }
        nd.value = 1;
        if (c->kind == VEP_COND_AT_LEAST && c->number > nd.lo) nd.lo = c->number;
        if (c->kind == VEP_COND_AT_MOST && c->number < nd.hi) nd.hi = c->number;
        if (c->kind == VEP_COND_AT_LEAST || c->kind == VEP_COND_AT_MOST) nd.numeric = 1;
    }
    if (nd.value && nd.unknown) {
        vep__buf_printf(why, "item '%s' cannot be unknown and have a value", r->id);
        return 0;
    }
    if (!nd.value)
        return 1;
    if (nd.numeric && ref_range(m, r, &lo, &hi)
        && (nd.lo > nd.hi || nd.lo > hi || nd.hi < lo)) {
        vep__buf_printf(why, "no value of %s '%s' meets them all", kind_word(r->kind), r->id);
        return 0;
    }
    if (r->kind == VEP_REF_LEVEL) {
        const vep_level_def *lv = &m->levels[r->index];
        for (k = 0; k < lv->nbands; k++) {
            for (i = 0; i < nat; i++) {
                const vep_cond *c = cj->v[at[i]].c;
                if ((c->kind == VEP_COND_IS && !in_codes(c, lv->bands[k].level))
                    || (c->kind == VEP_COND_IS_NOT && in_codes(c, lv->bands[k].level)))
                    break;
            }
            if (i == nat && band_open(m, lv, k, nd.lo, nd.hi))
                return 1;
        }
        vep__buf_printf(why, "no band of level '%s' meets them all", r->id);
        return 0;
    }
    if (r->kind != VEP_REF_ITEM)
        return 1;
    o = vep__item_options(m, &m->items[r->index], &n);
    if (o == NULL)
        return 1;
    if (m->items[r->index].type == VEP_ITEM_MULTI) {
        /* Each `is` needs one of its codes chosen, and no chosen code may
        ** be one an `is_not` names. */
        for (i = 0; i < nat; i++) {
            const vep_cond *c = cj->v[at[i]].c;
            size_t j, free_codes = 0;
            if (c->kind != VEP_COND_IS)
                continue;
            for (k = 0; k < c->ncodes; k++) {
                for (j = 0; j < nat; j++)
                    if (cj->v[at[j]].c->kind == VEP_COND_IS_NOT && in_codes(cj->v[at[j]].c, c->codes[k]))
                        break;
                if (j == nat)
                    free_codes++;
            }
            if (free_codes == 0) {
                vep__buf_printf(why, "every code the is asks item '%s' for is one the is_not "
                                "excludes", r->id);
                return 0;
            }
        }
        return 1;
    }
    for (k = 0; k < n; k++) {
        for (i = 0; i < nat; i++) {
            const vep_cond *c = cj->v[at[i]].c;
            if ((c->kind == VEP_COND_IS && !in_codes(c, o[k].code))
                || (c->kind == VEP_COND_IS_NOT && in_codes(c, o[k].code)))
                break;
        }
        if (i == nat && (!nd.numeric || (o[k].has_value && o[k].value >= nd.lo && o[k].value <= nd.hi)))
            return 1;
    }
    vep__buf_printf(why, "no answer of item '%s' meets them all", r->id);
    return 0;
}

/* Reports comparisons of one conjunction that cannot hold together. */
static void check_conj(owner *w, conj *cj)
{
    size_t i, j, nat, *at;
    unsigned char *done;
    vep_buf b, why;

    if (cj->n < 2)
        return;
    at = vep__calloc(w->l->alloc, cj->n, sizeof *at);
    done = vep__calloc(w->l->alloc, cj->n, 1);
    vep__buf_init(&b, w->l->alloc);
    vep__buf_init(&why, w->l->alloc);
    if (at == NULL || done == NULL) {
        w->l->nomem = 1;
        goto cleanup;
    }
    for (i = 0; i < cj->n; i++) {
        const vep_ref *r = &cj->v[i].c->ref;
        int src = cj->v[i].via, one_source = src >= 0, never = 0;
        if (done[i])
            continue;
        for (nat = 0, j = i; j < cj->n; j++) {
            const vep_ref *q = &cj->v[j].c->ref;
            if (done[j] || q->kind != r->kind || q->index != r->index)
                continue;
            done[j] = 1;
            at[nat++] = j;
            if (cj->v[j].via != src)
                one_source = 0;
            vep__buf_reset(&why);
            never |= leaf_never(w->m, cj->v[j].c, &why);
        }
        /* One comparison alone, one that fails on its own (reported
        ** already), or all from one item's `when` (reported on that item):
        ** nothing to add. */
        if (nat < 2 || never || one_source || r->kind == VEP_REF_FLAG)
            continue;
        vep__buf_reset(&why);
        if (group_holds(w->m, cj, at, nat, &why))
            continue;
        vep__buf_reset(&b);
        for (j = 0; j < nat; j++) {
            const leaf *x = &cj->v[at[j]];
            if (j)
                vep__buf_adds(&b, j + 1 == nat ? " and " : ", ");
            describe(&b, x->c);
            if (x->via >= 0)
                vep__buf_printf(&b, " (which item '%s' needs to be relevant)", w->m->items[x->via].id);
        }
        if (b.failed || why.failed) {
            w->l->nomem = 1;
            break;
        }
        vep__lint_add(w->l, "never_holds", VEP_LINT_WARNING, w->o, w->kind, w->id,
                      "%s '%s': %s can never hold together: %s; check the codes and numbers, "
                      "or use any = { ... } if one of them is enough", w->kind, w->id,
                      vep__buf_str(&b), vep__buf_str(&why));
    }
cleanup:
    vep__buf_free(&b);
    vep__buf_free(&why);
    vep__free(w->l->alloc, at);
    vep__free(w->l->alloc, done);
}

/* Checks the conjunction an all = { ... } makes, with the comparisons its
** items' relevance brings in.  (A lone comparison needs no such check:
** its item's `when` names other items only, and is checked on its own.) */
static void check_all(owner *w, const vep_cond *c)
{
    conj cj = { NULL, 0, 0 };
    size_t i, n;
    collect(w, &cj, c, -1);
    n = cj.n;
    for (i = 0; i < n && !w->l->nomem; i++) {
        const vep_ref *r = &cj.v[i].c->ref;
        if (r->kind == VEP_REF_ITEM && w->m->items[r->index].when)
            collect(w, &cj, w->m->items[r->index].when, r->index);
    }
    if (!w->l->nomem)
        check_conj(w, &cj);
    vep__free(w->l->alloc, cj.v);
}

/* Walks a condition: every comparison on its own, and as a whole every
** all = { ... } that is not nested in another (`in_all`). */
static void walk(owner *w, const vep_cond *c, int in_all)
{
    vep_buf b, why;
    size_t i;

    if (c->kind == VEP_COND_ALL || c->kind == VEP_COND_ANY || c->kind == VEP_COND_NONE) {
        if (c->kind == VEP_COND_ANY && c->nkids == 0)
            vep__lint_add(w->l, "never_holds", VEP_LINT_WARNING, w->o, w->kind, w->id,
                          "%s '%s': an empty any = { } can never hold; list its conditions "
                          "or remove it", w->kind, w->id);
        if (c->kind == VEP_COND_ALL && !in_all)
            check_all(w, c);
        for (i = 0; i < c->nkids; i++)
            walk(w, &c->kids[i], c->kind == VEP_COND_ALL);
        return;
    }
    if (!is_leaf(c))
        return;
    vep__buf_init(&b, w->l->alloc);
    vep__buf_init(&why, w->l->alloc);
    if (leaf_never(w->m, c, &why)) {
        describe(&b, c);
        if (b.failed || why.failed)
            w->l->nomem = 1;
        else
            vep__lint_add(w->l, "never_holds", VEP_LINT_WARNING, w->o, w->kind, w->id,
                          "%s '%s': %s can never hold: %s; correct it or remove it", w->kind,
                          w->id, vep__buf_str(&b), vep__buf_str(&why));
    }
    vep__buf_free(&b);
    vep__buf_free(&why);
}

/* Walks the condition of every item and every flag. */
void vep__lint_conditions(vep_lint *l, const vep_model *m)
{
    owner w;
    size_t i;

    w.l = l;
    w.m = m;
    for (i = 0; i < m->nitems; i++) {
        if (m->items[i].when == NULL)
            continue;
        w.o = &m->items[i].origin;
        w.kind = "item";
        w.id = m->items[i].id;
        walk(&w, m->items[i].when, 0);
    }
    for (i = 0; i < m->nflags; i++) {
        w.o = &m->flags[i].origin;
        w.kind = "flag";
        w.id = m->flags[i].id;
        walk(&w, &m->flags[i].when, 0);
    }
}
