/*
** model.c -- lifetime and look-ups of the instrument model.
*/
#include <stdlib.h>
#include <string.h>
#include "host.h"
#include "model.h"
#include "overlay.h"

void vep__model_init(vep_model *m, vep_alloc *a)
{
    memset(m, 0, sizeof *m);
    m->alloc = a;
    m->max_unknown = -1;
    m->judgement.advisory.index = -1;
}

void vep__text_free(const vep_alloc *a, vep_text *t)
{
    size_t i;
    for (i = 0; i < t->n; i++) {
        vep__free(a, t->lang[i]);
        vep__free(a, t->text[i]);
    }
    vep__free(a, t->lang);
    vep__free(a, t->text);
    memset(t, 0, sizeof *t);
}

/* Frees a list of strings and the list. */
static void strings_free(const vep_alloc *a, char **v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        vep__free(a, v[i]);
    vep__free(a, v);
}

static void options_free(const vep_alloc *a, vep_option *o, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        vep__free(a, o[i].code);
        vep__text_free(a, &o[i].label);
    }
    vep__free(a, o);
}

void vep__fn_free(const vep_alloc *a, vep_fn *f)
{
    size_t i;
    vep__free(a, f->key);
    for (i = 0; i < f->nuses; i++)
        vep__free(a, f->uses[i].id);
    vep__free(a, f->uses);
    memset(f, 0, sizeof *f);
}

void vep__cond_free(const vep_alloc *a, vep_cond *c)
{
    size_t i;
    if (c == NULL)
        return;
    vep__free(a, c->ref.id);
    strings_free(a, c->codes, c->ncodes);
    for (i = 0; i < c->nkids; i++)
        vep__cond_free(a, &c->kids[i]);
    vep__free(a, c->kids);
    vep__fn_free(a, &c->fn);
    memset(c, 0, sizeof *c);
}

static void item_free(const vep_alloc *a, vep_item *it)
{
    vep__free(a, it->id);
    vep__free(a, it->scale_id);
    options_free(a, it->options, it->noptions);
    strings_free(a, it->domain_ids, it->ndomains);
    vep__free(a, it->weights);
    vep__free(a, it->domains);
    vep__free(a, it->part_id);
    if (it->when) {
        vep__cond_free(a, it->when);
        vep__free(a, it->when);
    }
    vep__text_free(a, &it->text);
    vep__text_free(a, &it->guidance);
}

static void score_free(const vep_alloc *a, vep_score_def *s)
{
    size_t i;
    vep__free(a, s->id);
    vep__text_free(a, &s->title);
    vep__free(a, s->domain_id);
    for (i = 0; i < s->nterms; i++)
        vep__free(a, s->terms[i].ref.id);
    vep__free(a, s->terms);
    vep__fn_free(a, &s->fn);
}

static void level_free(const vep_alloc *a, vep_level_def *l)
{
    size_t i;
    vep__free(a, l->id);
    vep__text_free(a, &l->title);
    vep__free(a, l->of.id);
    for (i = 0; i < l->nbands; i++) {
        vep__free(a, l->bands[i].level);
        vep__text_free(a, &l->bands[i].label);
    }
    vep__free(a, l->bands);
}

/* Frees everything the model owns; the model itself is the caller's. */
void vep__model_free(vep_model *m)
{
    const vep_alloc *a = m->alloc;
    size_t i;
    if (a == NULL)
        return;
    vep__free(a, m->id);
    vep__free(a, m->version);
    vep__text_free(a, &m->title);
    vep__text_free(a, &m->description);
    vep__free(a, m->licence);
    vep__free(a, m->population);
    vep__free(a, m->assessor_role);
    vep__free(a, m->base);
    strings_free(a, m->languages, m->nlanguages);
    strings_free(a, m->fallbacks, 2 * m->nfallbacks);
    vep__free(a, m->no_total_reason);
    for (i = 0; i < m->nscales; i++) {
        vep__free(a, m->scales[i].id);
        vep__text_free(a, &m->scales[i].title);
        options_free(a, m->scales[i].points, m->scales[i].npoints);
    }
    vep__free(a, m->scales);
    for (i = 0; i < m->nparts; i++) {
        vep__free(a, m->parts[i].id);
        vep__text_free(a, &m->parts[i].title);
    }
    vep__free(a, m->parts);
    for (i = 0; i < m->ndomains; i++) {
        vep__free(a, m->domains[i].id);
        vep__text_free(a, &m->domains[i].title);
    }
    vep__free(a, m->domains);
    for (i = 0; i < m->nitems; i++)
        item_free(a, &m->items[i]);
    vep__free(a, m->items);
    for (i = 0; i < m->nscores; i++)
        score_free(a, &m->scores[i]);
    vep__free(a, m->scores);
    for (i = 0; i < m->nlevels; i++)
        level_free(a, &m->levels[i]);
    vep__free(a, m->levels);
    for (i = 0; i < m->nflags; i++) {
        vep__free(a, m->flags[i].id);
        vep__text_free(a, &m->flags[i].title);
        vep__cond_free(a, &m->flags[i].when);
    }
    vep__free(a, m->flags);
    vep__free(a, m->judgement.outcome);
    vep__free(a, m->judgement.advisory.id);
    strings_free(a, m->judgement.levels, m->judgement.nlevels);
    for (i = 0; i < m->ntests; i++) {
        vep__free(a, m->tests[i].name);
        vep__free(a, m->tests[i].assessment_json);
        vep__free(a, m->tests[i].expect_json);
        vep__free(a, m->tests[i].host_json);
    }
    vep__free(a, m->tests);
    vep__free(a, m->ids);
    vep__free(a, m->item_order);
    vep__free(a, m->score_order);
    vep__sources_free(a, m->sources, m->nsources);
    vep__lineage_free(a, m->lineage, m->nlineage);
    vep__host_decls_free(a, m->hosts, m->nhosts);
    memset(m, 0, sizeof *m);
}

void vep__sources_free(const vep_alloc *a, vep_source *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        vep__free(a, v[i].name);
        vep__free(a, v[i].module);
        vep__free(a, v[i].label);
        vep__free(a, v[i].own_label);
        vep__free(a, v[i].text);
    }
    vep__free(a, v);
}

/* Orders index entries by id, then by kind and declaration order, so
** that duplicates sit side by side with the first declaration first. */
static int cmp_entry(const void *a, const void *b)
{
    const vep_id_entry *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

int vep__model_index(vep_model *m)
{
    size_t n = m->nitems + m->nscores + m->nlevels + m->nflags, k = 0, i;
    vep__free(m->alloc, m->ids);
    m->ids = NULL;
    m->nids = 0;
    if (n == 0)
        return 0;
    m->ids = vep__calloc(m->alloc, n, sizeof *m->ids);
    if (m->ids == NULL)
        return -1;
#define ADD(arr, cnt, kind_)                                       \
    for (i = 0; i < m->cnt; i++)                                   \
        if (m->arr[i].id) {                                        \
            m->ids[k].id = m->arr[i].id;                           \
            m->ids[k].kind = kind_;                                \
            m->ids[k].index = (int)i;                              \
            k++;                                                   \
        }
    ADD(items, nitems, VEP_REF_ITEM)
    ADD(scores, nscores, VEP_REF_SCORE)
    ADD(levels, nlevels, VEP_REF_LEVEL)
    ADD(flags, nflags, VEP_REF_FLAG)
#undef ADD
    qsort(m->ids, k, sizeof *m->ids, cmp_entry);
    m->nids = k;
    return 0;
}

/* Binary search of the index for the first entry of `kind` named `id`;
** -2 when there is no index. */
static int index_find(const vep_model *m, const char *id, vep_ref_kind kind)
{
    size_t lo = 0, hi = m->nids;
    if (m->ids == NULL)
        return -2;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->ids[mid].id, id);
        if (c < 0 || (c == 0 && m->ids[mid].kind < kind))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < m->nids && m->ids[lo].kind == kind && strcmp(m->ids[lo].id, id) == 0)
        return m->ids[lo].index;
    return -1;
}

/* Look-ups by id: through the index once built, else linear (scales,
** parts and domains are few, and looked up linearly always). */
#define FIND_BY_ID(array, count)                                   \
    do {                                                           \
        size_t i_;                                                 \
        if (id == NULL)                                            \
            return -1;                                             \
        for (i_ = 0; i_ < (count); i_++)                           \
            if ((array)[i_].id && strcmp((array)[i_].id, id) == 0) \
                return (int)i_;                                    \
        return -1;                                                 \
    } while (0)
#define FIND_INDEXED(kind, array, count)                           \
    do {                                                           \
        int r_ = id ? index_find(m, id, kind) : -1;                \
        if (r_ != -2)                                              \
            return r_;                                             \
        FIND_BY_ID(array, count);                                  \
    } while (0)

int vep__model_find_item(const vep_model *m, const char *id)   { FIND_INDEXED(VEP_REF_ITEM, m->items, m->nitems); }
int vep__model_find_score(const vep_model *m, const char *id)  { FIND_INDEXED(VEP_REF_SCORE, m->scores, m->nscores); }
int vep__model_find_level(const vep_model *m, const char *id)  { FIND_INDEXED(VEP_REF_LEVEL, m->levels, m->nlevels); }
int vep__model_find_flag(const vep_model *m, const char *id)   { FIND_INDEXED(VEP_REF_FLAG, m->flags, m->nflags); }
int vep__model_find_domain(const vep_model *m, const char *id) { FIND_BY_ID(m->domains, m->ndomains); }
int vep__model_find_scale(const vep_model *m, const char *id)  { FIND_BY_ID(m->scales, m->nscales); }
int vep__model_find_part(const vep_model *m, const char *id)   { FIND_BY_ID(m->parts, m->nparts); }

/* The fixed option pair of presence items. */
static const vep_option presence_options[2] = {
    { (char *)"absent", 0.0, 1, { NULL, NULL, 0 } },
    { (char *)"present", 1.0, 1, { NULL, NULL, 0 } },
};

const vep_option *vep__item_options(const vep_model *m, const vep_item *it,
                                    size_t *out_n)
{
    switch (it->type) {
    case VEP_ITEM_PRESENCE:
        *out_n = 2;
        return presence_options;
    case VEP_ITEM_SCALE:
        if (it->scale < 0 || (size_t)it->scale >= m->nscales)
            break;
        *out_n = m->scales[it->scale].npoints;
        return m->scales[it->scale].points;
    case VEP_ITEM_CHOICE:
    case VEP_ITEM_MULTI:
        *out_n = it->noptions;
        return it->options;
    default:
        break;
    }
    *out_n = 0;
    return NULL;
}

const char *const vep__item_type_names[] = {
    "presence", "scale", "choice", "multi", "count", "number", "date", "text", NULL
};
const char *const vep__domain_kind_names[] = { "risk", "need", "protective", "other", NULL };
const char *const vep__rule_names[] = {
    "sum", "mean", "count", "max", "min", "composite", "function", NULL
};
const char *const vep__missing_names[] = { "incomplete", "prorate", "ignore", NULL };
const char *const vep__rationale_names[] = { "when_different", "always", "optional", NULL };

int vep__name_find(const char *const *names, const char *s)
{
    int i;
    for (i = 0; s != NULL && names[i] != NULL; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

const char *vep__name_of(const char *const *names, int v)
{
    int i;
    for (i = 0; v >= 0 && names[i] != NULL; i++)
        if (i == v)
            return names[i];
    return "?";
}

const char *vep__text_get(const vep_text *t, const char *lang)
{
    size_t i;
    if (t->n == 0)
        return "";
    if (lang != NULL)
        for (i = 0; i < t->n; i++)
            if (strcmp(t->lang[i], lang) == 0)
                return t->text[i];
    return t->text[0];
}

const char *vep__source_name(const vep_source *v, size_t n, const char *file)
{
    size_t i;
    if (file != NULL)
        for (i = 0; i < n; i++)
            if ((v[i].label && strcmp(v[i].label, file) == 0) ||
                strcmp(v[i].name, file) == 0)
                return v[i].name;
    return n ? v[0].name : "";
}

const char *vep__model_source_name(const vep_model *m, const char *file)
{
    return vep__source_name(m->sources, m->nsources, file);
}
