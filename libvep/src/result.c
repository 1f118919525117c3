/*
** result.c -- the result document of a scored assessment.
**
** The document is written in one fixed key order, with arrays in the
** model's declaration order and numbers in the writer's fixed format, so
** the same instrument version and the same input give the same bytes.  It
** shows every computed value beside its sources, and a sentence that says
** how the value came about:
**
**   Sum of 6 answered items of domain 'beliefs' (weights 1) = 5; 1 item
**     unknown, prorated by 7/6 = 1.1667 to 5.8333, rounded to 6
**   Composite of 2 scores: 'risk' 5 x 1 + 'protective' 2 x -1 = 3
**   score 'total' = 4 falls in band 'positive' (3 to 12)
**
** The score sentences are written by result_explain.c, the band
** sentence by write_levels below.
** Texts are in the instrument's first language (along the fallback chain
** of lang.h); scores never depend on it.
*/
#include <string.h>
#include "host.h"
#include "eval.h"
#include "jsonw.h"
#include "overlay.h"
#include "lang.h"
#include "answers.h"

/* Decimals for derived numbers that are not a score's value (contributions,
** ranges): enough to be exact for any sensible weight, few enough to hide
** binary noise such as 0.30000000000000004. */
#define DERIVED_DECIMALS 10

static const char *const notice =
    "Computed levels and flags are advisory. The final judgement is the "
    "professional's.";



/* A key with a number, or with null when there is no value. */
static void knumber_or_null(vep_jsonw *w, const char *key, int has, double v,
                            int decimals)
{
    vep__jw_key(w, key);
    if (has)
        vep__jw_number(w, v, decimals);
    else
        vep__jw_null(w);
}

/* ---- Sections -------------------------------------------------------- */

/* What was scored against: id, version, the hash of all sources and of
** each, so that a result can be re-checked against the exact script; the
** lineage of an overlay and the migrations the answers went through. */
static void write_instrument(vep_jsonw *w, const vep_model *m,
                             const vep_assessment *as)
{
    size_t i;
    vep__jw_key(w, "instrument");
    vep__jw_object(w);
    vep__jw_kstring(w, "id", m->id);
    vep__jw_kstring(w, "version", m->version);
    vep__jw_kstring(w, "sha256", m->sha256);
    vep__jw_key(w, "sources");
    vep__jw_array(w);
    for (i = 0; i < m->nsources; i++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "file", m->sources[i].label);
        vep__jw_kstring(w, "sha256", m->sources[i].sha256);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__lineage_write(w, m->lineage, m->nlineage);
    vep__migrations_write(w, as);
    vep__jw_kbool(w, "illustrative", m->illustrative);
    vep__jw_object_end(w);
}

/* Whom the assessment is about, who made it and when (ids only). */
static void write_assessment(vep_jsonw *w, const vep_assessment *as)
{
    vep__jw_key(w, "assessment");
    vep__jw_object(w);
    vep__jw_kstring(w, "subject", as->subject_id);
    vep__jw_key(w, "assessor");
    vep__jw_object(w);
    vep__jw_kstring(w, "id", as->assessor_id);
    vep__jw_kstring(w, "role", as->assessor_role);
    vep__jw_object_end(w);
    vep__jw_kstring(w, "date", as->date);
    vep__jw_object_end(w);
}

/* One term object: {"item"|"score", "value", "weight"|"factor",
** "contribution"}, with null values for a part that has none. */
static void write_term(vep_jsonw *w, const char *key, const char *id,
                       const char *wkey, int has, double value, int decimals,
                       double weight, double contribution)
{
    vep__jw_object(w);
    vep__jw_kstring(w, key, id);
    knumber_or_null(w, "value", has, value, decimals);
    vep__jw_knumber(w, wkey, weight, -1);
    knumber_or_null(w, "contribution", has, contribution, DERIVED_DECIMALS);
    vep__jw_object_end(w);
}

/* The terms of one score: "items" and "scores" (both always present, so
** every score has the same shape) and "left_out".  A composite lists every
** part, also one without a value; other rules list their contributions. */
static void write_terms(vep_jsonw *w, const vep_ctx *ctx,
                        const vep_score_def *s, const vep_score_out *so)
{
    const vep_model *m = ctx->m;
    size_t i;

    vep__jw_key(w, "items");
    vep__jw_array(w);
    for (i = 0; i < so->ncontribs; i++) {
        const vep_contrib *c = &so->contribs[i];
        if (c->kind == VEP_REF_ITEM)
            write_term(w, "item", m->items[c->index].id, "weight", 1,
                       c->value, -1, c->weight, c->contribution);
    }
    vep__jw_array_end(w);
    vep__jw_key(w, "scores");
    vep__jw_array(w);
    for (i = 0; s->rule == VEP_RULE_COMPOSITE && i < s->nterms; i++) {
        const vep_term *t = &s->terms[i];
        const vep_score_out *part = &ctx->out->scores[t->ref.index];
        write_term(w, "score", m->scores[t->ref.index].id, "factor",
                   part->has_value, part->value,
                   m->scores[t->ref.index].decimals, t->weight,
                   part->value * t->weight);
    }
    for (i = 0; s->rule != VEP_RULE_COMPOSITE && i < so->ncontribs; i++) {
        const vep_contrib *c = &so->contribs[i];
        if (c->kind == VEP_REF_SCORE)
            write_term(w, "score", m->scores[c->index].id, "factor", 1,
                       c->value, m->scores[c->index].decimals, c->weight,
                       c->contribution);
    }
    vep__jw_array_end(w);
    vep__jw_key(w, "left_out");
    vep__jw_array(w);
    for (i = 0; i < so->nleft_out; i++) {
        int ii = so->left_out[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "item", m->items[ii].id);
        vep__jw_kstring(w, "state",
                        vep__answer_state_name(ctx->as->answers[ii].state));
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* The titles' language: the instrument's first, along the fallback chain
** of lang.h (so an overlay whose first language is sr-Cyrl shows the
** base's sr-Latn titles in Cyrillic).  Built once per result document;
** `scratch` holds a transliterated title until the next. */
typedef struct result_lang {
    vep_lang_chain chain;
    vep_buf scratch;
} result_lang;

/* Writes "title": the text t along the chain.  Returns -1 when out of
** memory. */
static int ktitle(vep_jsonw *w, result_lang *rl, const vep_text *t)
{
    const char *s = vep__text_pick(t, &rl->chain, &rl->scratch, NULL);
    vep__jw_kstring(w, "title", s ? s : "");
    return s ? 0 : -1;
}

/* One score object; `ex` is scratch space for the explanation. */
static vep_status write_score(vep_jsonw *w, const vep_ctx *ctx, size_t index,
                              vep_buf *ex, result_lang *rl)
{
    const vep_score_def *s = &ctx->m->scores[index];
    const vep_score_out *so = &ctx->out->scores[index];

    vep__buf_reset(ex);
    vep__explain_score(ex, ctx, s, so);
    if (ex->failed)
        return VEP_ERR_NOMEM;

    vep__jw_object(w);
    vep__jw_kstring(w, "id", s->id);
    if (ktitle(w, rl, &s->title) != 0)
        return VEP_ERR_NOMEM;
    vep__jw_kstring(w, "rule", vep__name_of(vep__rule_names, (int)s->rule));
    knumber_or_null(w, "value", so->has_value, so->value, s->decimals);
    vep__jw_kstring(w, "status", vep__score_status_name(so->status));
    vep__jw_key(w, "range");
    vep__jw_object(w);
    vep__jw_knumber(w, "min", s->min, DERIVED_DECIMALS);
    vep__jw_knumber(w, "max", s->max, DERIVED_DECIMALS);
    vep__jw_object_end(w);
    vep__jw_kstring(w, "explanation", vep__buf_str(ex));
    write_terms(w, ctx, s, so);
    vep__jw_key(w, "missing");
    vep__jw_object(w);
    vep__jw_kint(w, "answered", so->answered);
    vep__jw_kint(w, "unknown", so->unknown);
    vep__jw_kint(w, "not_applicable", so->not_applicable);
    vep__jw_kint(w, "not_relevant", so->not_relevant);
    vep__jw_key(w, "max_unknown");
    if (s->max_unknown >= 0)
        vep__jw_int(w, s->max_unknown);
    else
        vep__jw_null(w);
    vep__jw_kstring(w, "policy", vep__name_of(vep__missing_names, (int)s->missing));
    vep__jw_knumber(w, "factor", so->factor, 4);
    vep__jw_object_end(w);
    vep__jw_kstring(w, "note", so->note);
    vep__jw_object_end(w);
    return VEP_OK;
}

/* Levels:
**   "score 'S' = V falls in band 'L' (MIN to MAX)",
**   "score 'S' = V falls in no band", or
**   "score 'S' has no value, so no band applies". */
static void write_levels(vep_jsonw *w, const vep_ctx *ctx, vep_buf *ex)
{
    const vep_model *m = ctx->m;
    size_t i;

    vep__jw_key(w, "levels");
    vep__jw_array(w);
    for (i = 0; i < m->nlevels; i++) {
        const vep_level_def *l = &m->levels[i];
        const vep_level_out *lo = &ctx->out->levels[i];
        const vep_band *band = lo->band >= 0 ? &l->bands[lo->band] : NULL;
        int si = l->of.index;
        int dec = si >= 0 && (size_t)si < m->nscores ? m->scores[si].decimals : -1;

        vep__buf_reset(ex);
        vep__buf_printf(ex, "score '%s'", l->of.id ? l->of.id : "");
        if (lo->has_value) {
            vep__buf_adds(ex, " = ");
            vep__put_num(ex, lo->value, dec);
            if (band != NULL) {
                vep__buf_printf(ex, " falls in band '%s' (", band->level);
                vep__put_num(ex, band->min, -1);
                vep__buf_adds(ex, " to ");
                vep__put_num(ex, band->max, -1);
                vep__buf_addc(ex, ')');
            } else {
                vep__buf_adds(ex, " falls in no band");
            }
        } else {
            vep__buf_adds(ex, " has no value, so no band applies");
        }

        vep__jw_object(w);
        vep__jw_kstring(w, "id", l->id);
        vep__jw_kstring(w, "of", l->of.id);
        knumber_or_null(w, "value", lo->has_value, lo->value, dec);
        vep__jw_kstring(w, "level", band ? band->level : NULL);
        vep__jw_key(w, "band");
        if (band != NULL) {
            vep__jw_object(w);
            vep__jw_knumber(w, "min", band->min, -1);
            vep__jw_knumber(w, "max", band->max, -1);
            vep__jw_object_end(w);
        } else {
            vep__jw_null(w);
        }
        vep__jw_kstring(w, "explanation", vep__buf_str(ex));
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* Every flag, raised or not, with its condition explained by cond.c. */
static vep_status write_flags(vep_jsonw *w, const vep_ctx *ctx, result_lang *rl)
{
    const vep_model *m = ctx->m;
    size_t i;

    vep__jw_key(w, "flags");
    vep__jw_array(w);
    for (i = 0; i < m->nflags; i++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "id", m->flags[i].id);
        if (ktitle(w, rl, &m->flags[i].title) != 0)
            return VEP_ERR_NOMEM;
        vep__jw_kbool(w, "raised", ctx->out->flags[i].raised);
        vep__jw_kstring(w, "because", ctx->out->flags[i].because ?
                                      ctx->out->flags[i].because : "");
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    return VEP_OK;
}

/* True when item `it` counts in domain `d`. */
static int in_domain(const vep_item *it, size_t d)
{
    size_t k;
    for (k = 0; k < it->ndomains; k++)
        if (it->domains[k] == (int)d)
            return 1;
    return 0;
}

/* One domain profile.  `codes` and `counts` have room for every option of
** every item; the codes are the union of the domain's option lists in
** order of first appearance. */
static void write_profile(vep_jsonw *w, const vep_ctx *ctx, size_t d,
                          const char **codes, long *counts)
{
    const vep_model *m = ctx->m;
    size_t i, k, c, ncodes = 0;
    long items = 0, st[5] = { 0, 0, 0, 0, 0 };

    for (i = 0; i < m->nitems; i++) {
        const vep_item *it = &m->items[i];
        const vep_answer *an = &ctx->as->answers[i];
        const vep_option *opts;
        size_t nopts;
        if (!in_domain(it, d))
            continue;
        items++;
        if ((unsigned)an->state < 5)
            st[an->state]++;
        if (it->type == VEP_ITEM_MULTI)
            continue;
        opts = vep__item_options(m, it, &nopts);
        for (k = 0; opts != NULL && k < nopts; k++) {
            for (c = 0; c < ncodes && strcmp(codes[c], opts[k].code) != 0; c++)
                ;
            if (c == ncodes) {
                codes[ncodes] = opts[k].code;
                counts[ncodes++] = 0;
            }
            if (an->state == VEP_ANSWER_VALUE && an->option == (int)k)
                counts[c]++;
        }
    }

    vep__jw_object(w);
    vep__jw_kstring(w, "domain", m->domains[d].id);
    vep__jw_kstring(w, "kind", vep__name_of(vep__domain_kind_names, (int)m->domains[d].kind));
    vep__jw_kint(w, "items", items);
    vep__jw_key(w, "counts");
    vep__jw_object(w);
    for (c = 0; c < ncodes; c++)
        vep__jw_kint(w, codes[c], counts[c]);
    vep__jw_object_end(w);
    vep__jw_kint(w, "unknown", st[VEP_ANSWER_UNKNOWN]);
    vep__jw_kint(w, "not_applicable", st[VEP_ANSWER_NA]);
    vep__jw_kint(w, "not_relevant", st[VEP_ANSWER_NOT_RELEVANT]);
    vep__jw_kint(w, "missing", st[VEP_ANSWER_MISSING]);
    vep__jw_object_end(w);
}

/* The domain profiles: how many items of each domain got each code, the
** support an SPJ tool gives a professional instead of a total. */
static vep_status write_profiles(vep_jsonw *w, const vep_ctx *ctx)
{
    const vep_model *m = ctx->m;
    const char **codes = NULL;
    long *counts = NULL;
    size_t i, total = 0, n;
    vep_status st = VEP_OK;

    for (i = 0; i < m->nitems; i++)
        if (vep__item_options(m, &m->items[i], &n) != NULL)
            total += n;
    if (total > 0) {
        codes = vep__calloc(ctx->a, total, sizeof *codes);
        counts = vep__calloc(ctx->a, total, sizeof *counts);
        if (codes == NULL || counts == NULL) {
            st = VEP_ERR_NOMEM;
            goto cleanup;
        }
    }
    vep__jw_key(w, "profiles");
    vep__jw_array(w);
    for (i = 0; i < m->ndomains; i++)
        write_profile(w, ctx, i, codes, counts);
    vep__jw_array_end(w);
cleanup:
    vep__free(ctx->a, (void *)codes);
    vep__free(ctx->a, counts);
    return st;
}

/* The judgement beside the advisory level.  `differs` is false when there
** is no advisory level. */
static void write_judgement(vep_jsonw *w, const vep_ctx *ctx)
{
    const vep_model *m = ctx->m;
    const vep_assessment *as = ctx->as;
    const char *advisory = NULL;
    int li = m->judgement.advisory.index;
    size_t i;

    vep__jw_key(w, "judgement");
    if (!as->has_judgement) {
        vep__jw_null(w);
        return;
    }
    if (li >= 0 && (size_t)li < m->nlevels && ctx->out->levels[li].band >= 0)
        advisory = m->levels[li].bands[ctx->out->levels[li].band].level;
    vep__jw_object(w);
    vep__jw_kstring(w, "outcome", m->judgement.outcome);
    vep__jw_kstring(w, "advisory", advisory);
    vep__jw_kstring(w, "final", as->judgement_level);
    vep__jw_kbool(w, "differs", advisory != NULL && as->judgement_level != NULL &&
                                strcmp(advisory, as->judgement_level) != 0);
    vep__jw_kstring(w, "rationale", as->judgement_rationale);
    vep__jw_key(w, "decisive_items");
    vep__jw_array(w);
    for (i = 0; i < as->ndecisive; i++)
        vep__jw_string(w, as->decisive_items[i]);
    vep__jw_array_end(w);
    vep__jw_kstring(w, "confidence", as->judgement_confidence);
    vep__jw_kstring(w, "subject_view", as->subject_view);
    vep__jw_kstring(w, "approver", as->approver);
    vep__jw_object_end(w);
}

/* The answers a plan may need: each item's state and its code, codes or
** value (dates as text).  Free text stays out: a plan never reads it, and
** it need not travel with the result. */
static void write_answers(vep_jsonw *w, const vep_ctx *ctx)
{
    const vep_model *m = ctx->m;
    size_t i, k, n;

    vep__jw_key(w, "answers");
    vep__jw_array(w);
    for (i = 0; i < m->nitems && i < ctx->as->nanswers; i++) {
        const vep_item *it = &m->items[i];
        const vep_answer *an = &ctx->as->answers[i];
        const vep_option *opts = vep__item_options(m, it, &n);
        vep__jw_object(w);
        vep__jw_kstring(w, "item", it->id);
        vep__jw_kstring(w, "state", vep__answer_state_name(an->state));
        if (an->state == VEP_ANSWER_VALUE && it->type == VEP_ITEM_MULTI && an->selected) {
            vep__jw_key(w, "codes");
            vep__jw_array(w);
            for (k = 0; k < n; k++)
                if (an->selected[k])
                    vep__jw_string(w, opts[k].code);
            vep__jw_array_end(w);
        } else if (an->state == VEP_ANSWER_VALUE && opts && an->option >= 0
                   && (size_t)an->option < n) {
            vep__jw_kstring(w, "code", opts[an->option].code);
        } else if (an->state == VEP_ANSWER_VALUE && it->type == VEP_ITEM_DATE) {
            vep__jw_kstring(w, "date", an->text);
        }
        if (an->state == VEP_ANSWER_VALUE && an->has_number && it->type != VEP_ITEM_TEXT)
            vep__jw_knumber(w, "value", an->number, -1);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* ---- The document ---------------------------------------------------- */

/* Appends the whole document to `b`.  Every score must have been computed
** (vep__score returned VEP_OK).  Returns VEP_OK, VEP_ERR_NOMEM, or
** VEP_ERR_INTERNAL for a context that was not scored. */
vep_status vep__result_render(vep_ctx *ctx, vep_buf *b)
{
    const vep_model *m;
    vep_jsonw w;
    vep_buf ex;
    result_lang rl;
    vep_status st = VEP_OK;
    int incomplete = 0;
    size_t i;

    if (ctx == NULL || ctx->m == NULL || ctx->as == NULL || ctx->out == NULL ||
        b == NULL)
        return VEP_ERR_INTERNAL;
    m = ctx->m;
    if ((m->nscores && ctx->out->scores == NULL) ||
        (m->nlevels && ctx->out->levels == NULL) ||
        (m->nflags && ctx->out->flags == NULL))
        return VEP_ERR_INTERNAL;
    for (i = 0; i < m->nscores; i++)
        if (!ctx->out->scores[i].done)
            return VEP_ERR_INTERNAL;          /* not scored */
        else if (ctx->out->scores[i].status == VEP_SCORE_INCOMPLETE)
            incomplete = 1;

    vep__buf_init(&ex, ctx->a);
    vep__buf_init(&rl.scratch, ctx->a);
    if (vep__lang_chain(&rl.chain, NULL, m->nlanguages ? m->languages[0] : "en",
                        (const char *const *)m->fallbacks, m->nfallbacks) != 0)
        rl.chain.n = 0;
    vep__jw_init(&w, b, 1);
    vep__jw_object(&w);
    vep__jw_kstring(&w, "libvep", VEP_VERSION_STRING);
    write_instrument(&w, m, ctx->as);
    write_assessment(&w, ctx->as);
    vep__jw_kstring(&w, "notice", notice);
    vep__jw_kstring(&w, "status", incomplete ? "incomplete" : "complete");
    vep__jw_key(&w, "no_total");
    if (m->no_total)
        vep__jw_string(&w, m->no_total_reason ? m->no_total_reason
                                              : "No total score exists.");
    else
        vep__jw_null(&w);

    vep__jw_key(&w, "scores");
    vep__jw_array(&w);
    for (i = 0; i < m->nscores && st == VEP_OK; i++)
        st = write_score(&w, ctx, i, &ex, &rl);
    if (st != VEP_OK)
        goto cleanup;
    vep__jw_array_end(&w);
    write_levels(&w, ctx, &ex);
    if (ex.failed) {
        st = VEP_ERR_NOMEM;
        goto cleanup;
    }
    st = write_flags(&w, ctx, &rl);
    if (st != VEP_OK)
        goto cleanup;
    st = write_profiles(&w, ctx);
    if (st != VEP_OK)
        goto cleanup;
    write_judgement(&w, ctx);
    write_answers(&w, ctx);
    if (ctx->host_log != NULL && ctx->host_log->n > 0) {
        vep__jw_key(&w, "host_calls");
        vep__host_log_write(&w, ctx->host_log);
    }
    vep__jw_object_end(&w);
    if (b->failed || (ctx->host_log != NULL && ctx->host_log->nomem))
        st = VEP_ERR_NOMEM;
cleanup:
    vep__buf_free(&ex);
    vep__buf_free(&rl.scratch);
    return st;
}
