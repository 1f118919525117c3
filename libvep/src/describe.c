/*
** describe.c -- the instrument as a JSON document, for `vep info`, for
** bindings and for hosts that build their input forms from the script.
** Texts are taken along the language chain of the requested language
** (lang.h), and the top-level "language" member says from where.
*/
#include <stdio.h>
#include <string.h>
#include "host.h"
#include "engine.h"
#include "jsonw.h"
#include "utf8.h"
#include "overlay.h"
#include "lang.h"

/* The language of one description: the chain, built once; the buffer
** transliterated texts are written to; the texts counted by chain step
** while writing (report), and the counts the "language" member shows. */
typedef struct vep_dlang {
    vep_lang_chain chain;
    vep_buf scratch;
    vep_lang_report report;
    vep_lang_report shown;
} vep_dlang;

/* Writes a text along the chain (counted), or null when it has none. */
static void text(vep_jsonw *w, const char *key, const vep_text *t, vep_dlang *lang)
{
    const char *s;
    int step;
    vep__jw_key(w, key);
    if (t->n == 0) {
        vep__jw_null(w);
        return;
    }
    s = vep__text_pick(t, &lang->chain, &lang->scratch, &step);
    if (s == NULL)
        w->b->failed = 1;     /* out of memory: the document fails */
    vep__lang_report_add(&lang->report, step);
    vep__jw_string(w, s);
}

static void options(vep_jsonw *w, const vep_option *o, size_t n, vep_dlang *lang)
{
    size_t i;
    vep__jw_array(w);
    for (i = 0; i < n; i++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "code", o[i].code);
        vep__jw_key(w, "value");
        if (o[i].has_value)
            vep__jw_number(w, o[i].value, -1);
        else
            vep__jw_null(w);
        text(w, "label", &o[i].label, lang);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

static void cond(vep_jsonw *w, const char *key, const vep_cond *c, const vep_alloc *a)
{
    vep_buf b;
    vep__jw_key(w, key);
    if (c == NULL) {
        vep__jw_null(w);
        return;
    }
    vep__buf_init(&b, a);
    vep__cond_notation(&b, c);
    if (b.failed)
        w->b->failed = 1;
    vep__jw_string(w, vep__buf_str(&b));
    vep__buf_free(&b);
}

/* A condition in words for guides, in the style of plan conditions
** (plan_cond.c): "item S05 is 'present'", "score total is at least 4",
** "any of: [level screen is 'positive'; item S02 is 'present']". */
static void cond_words(vep_buf *b, const vep_cond *c)
{
    static const char *const group[] = { "all of: [", "any of: [", "none of: [" };
    static const char *const kinds[] = { "", "item ", "score ", "level ", "flag " };
    char nb[VEP_NUM_BUFSIZE];
    size_t i;
    switch (c->kind) {
    case VEP_COND_ALL: case VEP_COND_ANY: case VEP_COND_NONE:
        if (c->kind == VEP_COND_ALL && c->nkids == 0) {
            vep__buf_adds(b, "always");
            return;
        }
        vep__buf_adds(b, group[c->kind]);
        for (i = 0; i < c->nkids; i++) {
            if (i)
                vep__buf_adds(b, "; ");
            cond_words(b, &c->kids[i]);
        }
        vep__buf_addc(b, ']');
        return;
    case VEP_COND_FUNCTION:
        vep__buf_adds(b, "a function of the script holds (it reads ");
        for (i = 0; i < c->fn.nuses; i++)
            vep__buf_printf(b, "%s%s", i ? ", " : "", c->fn.uses[i].id);
        vep__buf_addc(b, ')');
        return;
    default:
        break;
    }
    if ((int)c->ref.kind >= 0 && (size_t)c->ref.kind < sizeof kinds / sizeof kinds[0])
        vep__buf_adds(b, kinds[c->ref.kind]);
    vep__buf_adds(b, c->ref.id ? c->ref.id : "?");
    switch (c->kind) {
    case VEP_COND_IS: case VEP_COND_IS_NOT:
        if (c->ncodes == 1)
            vep__buf_adds(b, c->kind == VEP_COND_IS ? " is " : " is not ");
        else
            vep__buf_adds(b, c->kind == VEP_COND_IS ? " is one of " : " is none of ");
        for (i = 0; i < c->ncodes; i++)
            vep__buf_printf(b, "%s'%s'", i ? ", " : "", c->codes[i]);
        break;
    case VEP_COND_AT_LEAST:
        vep__buf_printf(b, " is at least %s", vep__num_format(nb, c->number));
        break;
    case VEP_COND_AT_MOST:
        vep__buf_printf(b, " is at most %s", vep__num_format(nb, c->number));
        break;
    case VEP_COND_ANSWERED: vep__buf_adds(b, " is answered"); break;
    case VEP_COND_UNKNOWN: vep__buf_adds(b, " is unknown"); break;
    case VEP_COND_RAISED: vep__buf_adds(b, " is raised"); break;
    default: break;
    }
}

/* "when_words": the condition in words (cond_words), null without one. */
static void cond_in_words(vep_jsonw *w, const vep_cond *c, const vep_alloc *a)
{
    vep_buf b;
    vep__jw_key(w, "when_words");
    if (c == NULL) {
        vep__jw_null(w);
        return;
    }
    vep__buf_init(&b, a);
    cond_words(&b, c);
    if (b.failed)
        w->b->failed = 1;
    vep__jw_string(w, vep__buf_str(&b));
    vep__buf_free(&b);
}

static void strings(vep_jsonw *w, const char *key, char *const *v, size_t n)
{
    size_t i;
    vep__jw_key(w, key);
    vep__jw_array(w);
    for (i = 0; i < n; i++)
        vep__jw_string(w, v[i]);
    vep__jw_array_end(w);
}

static void describe_items(vep_jsonw *w, const vep_model *m, vep_dlang *lang)
{
    size_t i, j, n;
    vep__jw_key(w, "items");
    vep__jw_array(w);
    for (i = 0; i < m->nitems; i++) {
        const vep_item *it = &m->items[i];
        const vep_option *o = vep__item_options(m, it, &n);
        vep__jw_object(w);
        vep__jw_kstring(w, "id", it->id);
        vep__jw_kstring(w, "type", vep__name_of(vep__item_type_names, (int)it->type));
        vep__jw_kstring(w, "scale", it->scale_id);
        vep__jw_key(w, "options");
        if (o && it->type != VEP_ITEM_SCALE)
            options(w, o, n, lang);
        else
            vep__jw_null(w);
        vep__jw_kbool(w, "required", it->required);
        vep__jw_kbool(w, "unknown_allowed", it->allow_unknown);
        vep__jw_kbool(w, "not_applicable_allowed", it->allow_na);
        vep__jw_kbool(w, "protective", it->protective);
        vep__jw_kstring(w, "part", it->part >= 0 ? m->parts[it->part].id : NULL);
        strings(w, "domains", it->domain_ids, it->ndomains);
        vep__jw_key(w, "weights");
        vep__jw_object(w);
        for (j = 0; j < it->ndomains; j++)
            vep__jw_knumber(w, it->domain_ids[j], it->weights[j], -1);
        vep__jw_object_end(w);
        vep__jw_key(w, "min");
        if (it->has_min) vep__jw_number(w, it->min, -1); else vep__jw_null(w);
        vep__jw_key(w, "max");
        if (it->has_max) vep__jw_number(w, it->max, -1); else vep__jw_null(w);
        vep__jw_key(w, "max_length");
        if (it->type == VEP_ITEM_TEXT && it->max_length) vep__jw_int(w, (long long)it->max_length); else vep__jw_null(w);
        cond(w, "when", it->when, m->alloc);
        cond_in_words(w, it->when, m->alloc);
        text(w, "text", &it->text, lang);
        text(w, "guidance", &it->guidance, lang);
        vep__jw_kint(w, "line", it->origin.line);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* What a guide needs to state a score's rule in words: its terms (items
** with their weights, or for composites the scores with their factors),
** the count threshold, and the missing-data policy with its limit. */
static void score_terms(vep_jsonw *w, const vep_score_def *s)
{
    size_t j;
    vep__jw_key(w, "terms");
    vep__jw_array(w);
    for (j = 0; j < s->nterms; j++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "id", s->terms[j].ref.id);
        vep__jw_kstring(w, "kind", s->terms[j].ref.kind == VEP_REF_SCORE ? "score" : "item");
        vep__jw_knumber(w, "weight", s->terms[j].weight, -1);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_key(w, "at_least");
    if (s->rule == VEP_RULE_COUNT) vep__jw_number(w, s->at_least, -1); else vep__jw_null(w);
    vep__jw_kstring(w, "missing", vep__name_of(vep__missing_names, (int)s->missing));
    vep__jw_key(w, "max_unknown");
    if (s->max_unknown >= 0) vep__jw_int(w, s->max_unknown); else vep__jw_null(w);
}

static void describe_rules(vep_jsonw *w, const vep_model *m, vep_dlang *lang)
{
    size_t i, j;
    vep__jw_key(w, "scores");
    vep__jw_array(w);
    for (i = 0; i < m->nscores; i++) {
        const vep_score_def *s = &m->scores[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "id", s->id);
        text(w, "title", &s->title, lang);
        vep__jw_kstring(w, "rule", vep__name_of(vep__rule_names, (int)s->rule));
        vep__jw_kstring(w, "domain", s->domain_id);
        vep__jw_key(w, "items");
        vep__jw_array(w);
        for (j = 0; j < s->nterms; j++)
            vep__jw_string(w, s->terms[j].ref.id);
        for (j = 0; j < s->fn.nuses; j++)
            vep__jw_string(w, s->fn.uses[j].id);
        vep__jw_array_end(w);
        vep__jw_key(w, "range");
        vep__jw_object(w);
        vep__jw_knumber(w, "min", s->min, s->decimals);
        vep__jw_knumber(w, "max", s->max, s->decimals);
        vep__jw_object_end(w);
        vep__jw_kint(w, "decimals", s->decimals);
        score_terms(w, s);
        vep__jw_kint(w, "line", s->origin.line);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_key(w, "levels");
    vep__jw_array(w);
    for (i = 0; i < m->nlevels; i++) {
        const vep_level_def *l = &m->levels[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "id", l->id);
        text(w, "title", &l->title, lang);
        vep__jw_kstring(w, "of", l->of.id);
        vep__jw_key(w, "bands");
        vep__jw_array(w);
        for (j = 0; j < l->nbands; j++) {
            vep__jw_object(w);
            vep__jw_kstring(w, "level", l->bands[j].level);
            vep__jw_knumber(w, "min", l->bands[j].min, -1);
            vep__jw_knumber(w, "max", l->bands[j].max, -1);
            text(w, "label", &l->bands[j].label, lang);
            vep__jw_object_end(w);
        }
        vep__jw_array_end(w);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_key(w, "flags");
    vep__jw_array(w);
    for (i = 0; i < m->nflags; i++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "id", m->flags[i].id);
        text(w, "title", &m->flags[i].title, lang);
        cond(w, "when", &m->flags[i].when, m->alloc);
        cond_in_words(w, &m->flags[i].when, m->alloc);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* Writes the document into b, its texts through `lang`. */
static void describe_doc(const vep_model *m, vep_dlang *lang, vep_buf *b)
{
    vep_jsonw w;
    size_t i;

    vep__jw_init(&w, b, 1);
    vep__jw_object(&w);
    vep__jw_kstring(&w, "id", m->id);
    vep__jw_kstring(&w, "version", m->version);
    vep__jw_kstring(&w, "sha256", m->sha256);
    vep__lineage_write(&w, m->lineage, m->nlineage);
    text(&w, "title", &m->title, lang);
    text(&w, "description", &m->description, lang);
    strings(&w, "languages", m->languages, m->nlanguages);
    vep__lang_report_write(&w, &lang->chain, &lang->shown);
    vep__jw_kstring(&w, "licence", m->licence);
    vep__jw_kstring(&w, "population", m->population);
    vep__jw_kstring(&w, "assessor", m->assessor_role);
    vep__jw_kstring(&w, "base", m->base);
    vep__jw_kbool(&w, "illustrative", m->illustrative);
    vep__jw_kstring(&w, "no_total", m->no_total ? m->no_total_reason : NULL);
    vep__jw_key(&w, "max_unknown");
    if (m->max_unknown >= 0) vep__jw_int(&w, m->max_unknown); else vep__jw_null(&w);
    vep__jw_key(&w, "scales");
    vep__jw_array(&w);
    for (i = 0; i < m->nscales; i++) {
        vep__jw_object(&w);
        vep__jw_kstring(&w, "id", m->scales[i].id);
        text(&w, "title", &m->scales[i].title, lang);
        vep__jw_key(&w, "points");
        options(&w, m->scales[i].points, m->scales[i].npoints, lang);
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    vep__jw_key(&w, "parts");
    vep__jw_array(&w);
    for (i = 0; i < m->nparts; i++) {
        vep__jw_object(&w);
        vep__jw_kstring(&w, "id", m->parts[i].id);
        text(&w, "title", &m->parts[i].title, lang);
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    vep__jw_key(&w, "domains");
    vep__jw_array(&w);
    for (i = 0; i < m->ndomains; i++) {
        const vep_domain *d = &m->domains[i];
        vep__jw_object(&w);
        vep__jw_kstring(&w, "id", d->id);
        vep__jw_kstring(&w, "kind", vep__name_of(vep__domain_kind_names, (int)d->kind));
        vep__jw_kstring(&w, "part", d->part >= 0 ? m->parts[d->part].id : NULL);
        text(&w, "title", &d->title, lang);
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    describe_items(&w, m, lang);
    describe_rules(&w, m, lang);
    vep__jw_key(&w, "judgement");
    if (m->judgement.declared) {
        vep__jw_object(&w);
        vep__jw_kstring(&w, "outcome", m->judgement.outcome);
        vep__jw_kstring(&w, "advisory", m->judgement.advisory.id);
        strings(&w, "levels", m->judgement.levels, m->judgement.nlevels);
        vep__jw_kbool(&w, "required", m->judgement.required);
        vep__jw_kstring(&w, "rationale", vep__name_of(vep__rationale_names, (int)m->judgement.rationale));
        vep__jw_object_end(&w);
    } else {
        vep__jw_null(&w);
    }
    vep__jw_key(&w, "host_functions");
    vep__jw_array(&w);
    for (i = 0; i < m->nhosts; i++) {
        vep__jw_object(&w);
        vep__jw_kstring(&w, "name", m->hosts[i].name);
        vep__jw_kstring(&w, "signature", m->hosts[i].signature);
        text(&w, "purpose", &m->hosts[i].purpose, lang);
        vep__jw_kint(&w, "line", m->hosts[i].origin.line);
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    vep__jw_key(&w, "tests");
    vep__jw_array(&w);
    for (i = 0; i < m->ntests; i++) {
        vep__jw_object(&w);
        vep__jw_kstring(&w, "name", m->tests[i].name);
        vep__jw_kint(&w, "line", m->tests[i].origin.line);
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    vep__jw_object_end(&w);
    vep__buf_addc(b, '\n');
}

/* The "language" member comes before the texts it counts, so the
** document is written twice: once to count, once with the counts.
** VEP_ERR_ARGUMENT when `lang` is not a well-formed tag. */
vep_status vep__describe(const vep_model *m, const char *lang, vep_buf *b)
{
    vep_dlang dl;
    vep_buf count;
    vep_status st = VEP_OK;

    memset(&dl, 0, sizeof dl);
    if (vep__lang_chain(&dl.chain, lang, m->nlanguages ? m->languages[0] : NULL,
                        (const char *const *)m->fallbacks, m->nfallbacks) != 0)
        return VEP_ERR_ARGUMENT;
    vep__buf_init(&dl.scratch, m->alloc);
    vep__buf_init(&count, m->alloc);
    describe_doc(m, &dl, &count);
    if (count.failed) {
        st = VEP_ERR_NOMEM;
        goto cleanup;
    }
    dl.shown = dl.report;
    memset(&dl.report, 0, sizeof dl.report);
    describe_doc(m, &dl, b);
    if (b->failed)
        st = VEP_ERR_NOMEM;
cleanup:
    vep__buf_free(&count);
    vep__buf_free(&dl.scratch);
    return st;
}
