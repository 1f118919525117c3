/*
** lint_instrument.c -- likely mistakes in an instrument script that loads:
** scales that no item uses, scale points and options with the same label,
** rated items that count nowhere, items without guidance, bands that hold
** no value their score can take at its rounding, and every text, for the
** missing translations (lint.c gathers them).  Conditions that can never
** hold are in lint_cond.c.  Every finding names the file, the line and the
** id, and says what to do.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "engine.h"
#include "lint.h"
#include "utf8.h"

/* ---- Ranges ---------------------------------------------------------------- */

void vep__lint_item_range(const vep_model *m, const vep_item *it, double *lo,
                          double *hi)
{
    size_t n, i, k = 0;
    const vep_option *o = vep__item_options(m, it, &n);

    *lo = -HUGE_VAL;
    *hi = HUGE_VAL;
    switch (it->type) {
    case VEP_ITEM_COUNT:
        *lo = 0;
        if (it->has_max)
            *hi = it->max;
        return;
    case VEP_ITEM_NUMBER:
        if (it->has_min)
            *lo = it->min;
        if (it->has_max)
            *hi = it->max;
        return;
    case VEP_ITEM_MULTI:       /* the sum of the chosen options' values */
        *lo = *hi = 0;
        for (i = 0; i < n; i++) {
            if (o[i].value < 0) *lo += o[i].value; else *hi += o[i].value;
        }
        return;
    case VEP_ITEM_DATE:
    case VEP_ITEM_TEXT:
        return;
    default:
        for (i = 0; i < n; i++) {
            if (!o[i].has_value)
                continue;
            if (k == 0 || o[i].value < *lo) *lo = o[i].value;
            if (k == 0 || o[i].value > *hi) *hi = o[i].value;
            k++;
        }
    }
}

/* A band is reachable when a multiple of the score's rounding step lies in
** both the band and the score's range (scores are rounded before banding). */
int vep__lint_band_reachable(const vep_score_def *s, const vep_band *b)
{
    double lo = b->min > s->min ? b->min : s->min;
    double hi = b->max < s->max ? b->max : s->max;
    int d = s->decimals < 0 ? 0 : s->decimals > 15 ? 15 : s->decimals;
    double step = pow(10.0, -d), eps = step * 1e-6, k;

    if (lo > hi + eps)
        return 0;
    if (!isfinite(lo) || !isfinite(hi))
        return 1;
    k = ceil(lo / step - 1e-9);   /* the first multiple of step from lo */
    return k * step <= hi + eps;
}

/* ---- The instrument's checks ------------------------------------------------ */

/* Scales that no item rates with. */
static void unused_scales(vep_lint *l, const vep_model *m)
{
    size_t i, j;
    for (i = 0; i < m->nscales; i++) {
        for (j = 0; j < m->nitems; j++)
            if (m->items[j].type == VEP_ITEM_SCALE && m->items[j].scale == (int)i)
                break;
        if (j == m->nitems)
            vep__lint_add(l, "unused_scale", VEP_LINT_WARNING, &m->scales[i].origin, "scale",
                          m->scales[i].id,
                          "scale '%s' is rated by no item; remove it, or give the items that "
                          "should use it scale = \"%s\"", m->scales[i].id, m->scales[i].id);
    }
}

/* Two points of a scale, or two options of an item, with the same label
** in one language: the assessor cannot tell them apart on the form. */
static void duplicate_labels(vep_lint *l, const vep_origin *o, const char *kind,
                             const char *id, const char *what,
                             const vep_option *opt, size_t n)
{
    size_t i, j, k, a, b;
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            for (k = 0; k < l->nlanguages; k++) {
                const char *lang = l->languages[k];
                for (a = 0; a < opt[i].label.n && strcmp(opt[i].label.lang[a], lang) != 0; a++)
                    ;
                for (b = 0; b < opt[j].label.n && strcmp(opt[j].label.lang[b], lang) != 0; b++)
                    ;
                if (a < opt[i].label.n && b < opt[j].label.n
                    && strcmp(opt[i].label.text[a], opt[j].label.text[b]) == 0)
                    vep__lint_add_lang(l, "duplicate_label", VEP_LINT_WARNING, o, kind, id, lang,
                                       "%s '%s': %ss '%s' and '%s' have the same '%s' label \"%s\"; "
                                       "give each a label of its own", kind, id, what,
                                       opt[i].code, opt[j].code, lang, opt[i].label.text[a]);
            }
}

/* Marks the items a condition reads. */
static void mark_cond(unsigned char *used, const vep_cond *c)
{
    size_t i;
    if (c == NULL)
        return;
    if (c->ref.kind == VEP_REF_ITEM && c->ref.index >= 0)
        used[c->ref.index] = 1;
    for (i = 0; i < c->fn.nuses; i++)
        if (c->fn.uses[i].kind == VEP_REF_ITEM && c->fn.uses[i].index >= 0)
            used[c->fn.uses[i].index] = 1;
    for (i = 0; i < c->nkids; i++)
        mark_cond(used, &c->kids[i]);
}

/* Whether an item type has a value that could count in a domain. */
static int is_rated(vep_item_type t)
{
    return t == VEP_ITEM_PRESENCE || t == VEP_ITEM_SCALE || t == VEP_ITEM_CHOICE
        || t == VEP_ITEM_MULTI || t == VEP_ITEM_COUNT || t == VEP_ITEM_NUMBER;
}

/* Rated items in no domain that no score, condition or flag reads: their
** answers are recorded but count nowhere. */
static void items_counting_nowhere(vep_lint *l, const vep_model *m)
{
    unsigned char *used;
    size_t i, j;

    if (m->nitems == 0)
        return;
    used = vep__calloc(l->alloc, m->nitems, 1);
    if (used == NULL) {
        l->nomem = 1;
        return;
    }
    for (i = 0; i < m->nscores; i++) {
        const vep_score_def *s = &m->scores[i];
        for (j = 0; j < s->nterms; j++)
            if (s->terms[j].ref.kind == VEP_REF_ITEM && s->terms[j].ref.index >= 0)
                used[s->terms[j].ref.index] = 1;
        for (j = 0; j < s->fn.nuses; j++)
            if (s->fn.uses[j].kind == VEP_REF_ITEM && s->fn.uses[j].index >= 0)
                used[s->fn.uses[j].index] = 1;
    }
    for (i = 0; i < m->nitems; i++)
        mark_cond(used, m->items[i].when);
    for (i = 0; i < m->nflags; i++)
        mark_cond(used, &m->flags[i].when);
    for (i = 0; i < m->nitems; i++) {
        const vep_item *it = &m->items[i];
        if (is_rated(it->type) && it->ndomains == 0 && !used[i])
            vep__lint_add(l, "item_counts_nowhere", VEP_LINT_NOTE, &it->origin, "item", it->id,
                          "item '%s' is in no domain, and no score, condition or flag uses it: "
                          "its answer is recorded but counts nowhere; add it to a domain "
                          "(domains = { ... }) if it should count", it->id);
    }
    vep__free(l->alloc, used);
}

/* Bands that hold no value their score can take at its rounding (check.c
** already refuses bands outside the score's range). */
static void unreachable_bands(vep_lint *l, const vep_model *m)
{
    char a[VEP_NUM_BUFSIZE], b[VEP_NUM_BUFSIZE], x[VEP_NUM_BUFSIZE], y[VEP_NUM_BUFSIZE];
    size_t i, k;
    for (i = 0; i < m->nlevels; i++) {
        const vep_level_def *lv = &m->levels[i];
        const vep_score_def *s;
        if (lv->of.index < 0 || (size_t)lv->of.index >= m->nscores)
            continue;
        s = &m->scores[lv->of.index];
        for (k = 0; k < lv->nbands; k++) {
            const vep_band *bd = &lv->bands[k];
            if (vep__lint_band_reachable(s, bd))
                continue;
            vep__lint_add(l, "band_unreachable", VEP_LINT_WARNING, &lv->origin, "level", lv->id,
                          "level '%s': band '%s' (%s to %s) holds no value score '%s' can take: "
                          "its values from %s to %s are rounded to %d decimal%s; widen the band "
                          "or remove it", lv->id, bd->level, vep__num_format(a, bd->min),
                          vep__num_format(b, bd->max), s->id, vep__num_format(x, s->min),
                          vep__num_format(y, s->max), s->decimals, s->decimals == 1 ? "" : "s");
        }
    }
}

/* Items without guidance for the assessor: one note for all of them. */
static void items_without_guidance(vep_lint *l, const vep_model *m)
{
    vep_lint_places p = { NULL, 0, 0 };
    char head[64];
    size_t i;
    for (i = 0; i < m->nitems; i++)
        if (m->items[i].guidance.n == 0)
            vep__lint_place(l, &p, &m->items[i].origin, "item", m->items[i].id, "guidance");
    if (p.n > 0 && !l->nomem) {
        snprintf(head, sizeof head, "%zu item%s no guidance: ", p.n,
                 p.n == 1 ? " has" : "s have");
        vep__lint_add_group(l, &p, "no_guidance", VEP_LINT_NOTE, NULL, 0, head,
                            p.n == 1 ? "; add guidance = { ... } to say how to rate it and "
                                       "from which sources"
                                     : "; add guidance = { ... } to each to say how to rate "
                                       "it and from which sources");
    }
    vep__lint_places_free(l->alloc, &p);
}

/* Notes the labels of options in every language (the form shows them). */
static void option_texts(vep_lint *l, const vep_origin *o, const char *kind,
                         const char *id, const char *what, const vep_option *opt, size_t n)
{
    vep_buf b;
    size_t i;
    vep__buf_init(&b, l->alloc);
    for (i = 0; i < n; i++) {
        vep__buf_reset(&b);
        vep__buf_printf(&b, "label of %s '%s'", what, opt[i].code ? opt[i].code : "");
        if (b.failed) {
            l->nomem = 1;
            break;
        }
        vep__lint_text(l, o, kind, id, vep__buf_str(&b), &opt[i].label, 1);
    }
    vep__buf_free(&b);
}

/* Every text of the instrument, for the missing_translation findings. */
static void instrument_texts(vep_lint *l, const vep_model *m)
{
    vep_origin top;
    vep_buf b;
    size_t i, k;

    top.file = m->nsources ? m->sources[0].name : "";
    for (i = 0; i < m->nsources; i++)
        if (m->sources[i].module == NULL)
            top.file = m->sources[i].name;
    top.line = vep__lint_decl_line(m->sources, m->nsources, "instrument");
    vep__lint_text(l, &top, "instrument", m->id, "title", &m->title, 0);
    vep__lint_text(l, &top, "instrument", m->id, "description", &m->description, 0);
    for (i = 0; i < m->nhosts; i++)
        vep__lint_text(l, &m->hosts[i].origin, "host_function", m->hosts[i].name,
                       "purpose", &m->hosts[i].purpose, 0);
    for (i = 0; i < m->nscales; i++) {
        const vep_scale *s = &m->scales[i];
        vep__lint_text(l, &s->origin, "scale", s->id, "title", &s->title, 0);
        option_texts(l, &s->origin, "scale", s->id, "point", s->points, s->npoints);
    }
    for (i = 0; i < m->nparts; i++)
        vep__lint_text(l, &m->parts[i].origin, "part", m->parts[i].id, "title", &m->parts[i].title, 0);
    for (i = 0; i < m->ndomains; i++)
        vep__lint_text(l, &m->domains[i].origin, "domain", m->domains[i].id, "title",
                       &m->domains[i].title, 0);
    for (i = 0; i < m->nitems; i++) {
        const vep_item *it = &m->items[i];
        vep__lint_text(l, &it->origin, "item", it->id, "text", &it->text, 0);
        vep__lint_text(l, &it->origin, "item", it->id, "guidance", &it->guidance, 0);
        if (it->type == VEP_ITEM_CHOICE || it->type == VEP_ITEM_MULTI)
            option_texts(l, &it->origin, "item", it->id, "option", it->options, it->noptions);
    }
    for (i = 0; i < m->nscores; i++)
        vep__lint_text(l, &m->scores[i].origin, "score", m->scores[i].id, "title",
                       &m->scores[i].title, 0);
    vep__buf_init(&b, l->alloc);
    for (i = 0; i < m->nlevels; i++) {
        const vep_level_def *lv = &m->levels[i];
        vep__lint_text(l, &lv->origin, "level", lv->id, "title", &lv->title, 0);
        for (k = 0; k < lv->nbands; k++) {
            vep__buf_reset(&b);
            vep__buf_printf(&b, "label of band '%s'", lv->bands[k].level ? lv->bands[k].level : "");
            if (b.failed)
                l->nomem = 1;
            else
                vep__lint_text(l, &lv->origin, "level", lv->id, vep__buf_str(&b),
                               &lv->bands[k].label, 0);
        }
    }
    vep__buf_free(&b);
    for (i = 0; i < m->nflags; i++)
        vep__lint_text(l, &m->flags[i].origin, "flag", m->flags[i].id, "title",
                       &m->flags[i].title, 0);
}

/* Runs every instrument check. */
static void lint_instrument(vep_lint *l, const vep_model *m)
{
    size_t i;
    unused_scales(l, m);
    for (i = 0; i < m->nscales; i++)
        duplicate_labels(l, &m->scales[i].origin, "scale", m->scales[i].id, "point",
                         m->scales[i].points, m->scales[i].npoints);
    for (i = 0; i < m->nitems; i++)
        if (m->items[i].type == VEP_ITEM_CHOICE || m->items[i].type == VEP_ITEM_MULTI)
            duplicate_labels(l, &m->items[i].origin, "item", m->items[i].id, "option",
                             m->items[i].options, m->items[i].noptions);
    items_counting_nowhere(l, m);
    items_without_guidance(l, m);
    unreachable_bands(l, m);
    vep__lint_conditions(l, m);
    instrument_texts(l, m);
    vep__lint_translations(l);
}

/* The public call (vep.h): runs every check and renders the document. */
/* lint_instrument in the shape of vep_lint_job.walk. */
static void walk_instrument(vep_lint *l, const void *model)
{
    lint_instrument(l, model);
}

VEP_API vep_status vep_instrument_lint(char **out, size_t *out_count,
                                       const vep_instrument *instrument)
{
    vep_lint_job job;
    const vep_model *m;

    if (out)
        *out = NULL;
    if (out_count)
        *out_count = 0;
    if (instrument == NULL || out == NULL)
        return VEP_ERR_ARGUMENT;
    m = &instrument->model;
    job.id = m->id;
    job.version = m->version;
    job.sources = m->sources;
    job.nsources = m->nsources;
    job.languages = m->languages;
    job.nlanguages = m->nlanguages_own;   /* an overlay answers for its own */
    job.fallbacks = m->fallbacks;
    job.nfallbacks = m->nfallbacks;
    job.walk = walk_instrument;
    job.model = m;
    return vep__lint_run(instrument->engine, &job, out, out_count);
}
