/*
** score.c -- scores, advisory levels and flags of one assessment.
**
** Every value is computed from the answers alone, in the order check.c
** worked out (m->score_order), and every value keeps its sources: the
** contributing terms with value, weight and contribution, the items left
** out and why, the counts that decided the missing-data policy and the
** prorating factor.  result.c turns these records into explanations, so
** nothing here is ever a bare number.
**
** Item states are counted as follows: an item answered with a number is
** "answered"; an item answered "unknown" or absent from the answers is
** "unknown" (the absent ones are also counted in `missing`); items not
** applicable or not relevant are left out and do not count as unknown.
** An answer that has no numeric value (a choice option without one) is
** left out without being counted.
*/
#include <math.h>
#include <string.h>
#include "eval.h"
#include "runtime.h"
#include "jsonw.h"

/* The status names of the result document. */
const char *vep__score_status_name(vep_score_status s)
{
    switch (s) {
    case VEP_SCORE_COMPLETE:   return "complete";
    case VEP_SCORE_PRORATED:   return "prorated";
    case VEP_SCORE_PARTIAL:    return "partial";
    case VEP_SCORE_INCOMPLETE: return "incomplete";
    case VEP_SCORE_NO_DATA:    return "no_data";
    }
    return "invalid";
}

/* ---- Lifetime -------------------------------------------------------- */

/* Frees what one score record owns. */
static void score_out_release(const vep_alloc *a, vep_score_out *so)
{
    vep__free(a, so->contribs);
    vep__free(a, so->left_out);
    vep__free(a, so->note);
}

/* Frees everything `o` holds and zeroes it; `o` itself is the caller's
** (api.c keeps it on the stack).  Works on partly filled outputs (the
** arrays are zeroed when allocated), so error paths can leave them as they
** are.  NULL is accepted. */
void vep__outputs_free(const vep_alloc *a, const vep_model *m,
                       vep_outputs *o)
{
    size_t i;
    if (o == NULL)
        return;
    if (o->scores != NULL)
        for (i = 0; i < m->nscores; i++)
            score_out_release(a, &o->scores[i]);
    if (o->flags != NULL)
        for (i = 0; i < m->nflags; i++)
            vep__free(a, o->flags[i].because);
    vep__free(a, o->scores);
    vep__free(a, o->levels);
    vep__free(a, o->flags);
    memset(o, 0, sizeof *o);
}

/* ---- Scores ---------------------------------------------------------- */

/* Allocates room for `n` contributions and `n` left-out items. */
static vep_status score_out_reserve(const vep_alloc *a, vep_score_out *so,
                                    size_t n)
{
    if (n == 0)
        return VEP_OK;
    so->contribs = vep__calloc(a, n, sizeof *so->contribs);
    so->left_out = vep__calloc(a, n, sizeof *so->left_out);
    if (so->contribs == NULL || so->left_out == NULL)
        return VEP_ERR_NOMEM;
    return VEP_OK;
}

/* The answer of item `index`, or NULL when the index is not one (a model
** the checks should have refused). */
static const vep_answer *answer_of(const vep_ctx *ctx, int index)
{
    if (index < 0 || (size_t)index >= ctx->m->nitems ||
        (size_t)index >= ctx->as->nanswers)
        return NULL;
    return &ctx->as->answers[index];
}

/* Counts item `index` by the state of its answer.  Returns 1 with *v set
** when the item has a number to score; otherwise records it as left out
** and returns 0.  so->left_out has room for every term. */
static int take_item(vep_score_out *so, const vep_answer *an, int index,
                     double *v)
{
    switch (an->state) {
    case VEP_ANSWER_VALUE:
        if (an->has_number) {
            *v = an->number;
            so->answered++;
            return 1;
        }
        break;
    case VEP_ANSWER_MISSING:
        so->missing++;
        so->unknown++;
        break;
    case VEP_ANSWER_UNKNOWN:
        so->unknown++;
        break;
    case VEP_ANSWER_NA:
        so->not_applicable++;
        break;
    case VEP_ANSWER_NOT_RELEVANT:
        so->not_relevant++;
        break;
    }
    so->left_out[so->nleft_out++] = index;
    return 0;
}

/* Adds one contribution record. */
static void add_contrib(vep_score_out *so, vep_ref_kind kind, int index,
                        double value, double weight, double contribution)
{
    vep_contrib *c = &so->contribs[so->ncontribs++];
    c->kind = kind;
    c->index = index;
    c->value = value;
    c->weight = weight;
    c->contribution = contribution;
}

/* Stores the value of a score, rounded to its decimals. */
static void set_value(const vep_score_def *s, vep_score_out *so, double v)
{
    so->has_value = 1;
    so->value = vep__jw_round(v, s->decimals);
    if (so->value == 0)
        so->value = 0.0;                 /* turns -0 into 0 */
}

/* The item rules (sum, mean, count, max, min) with the missing policy:
** too many unknowns give no value; prorating scales sums and counts by
** the weight of the applicable items over that of the answered ones; any other unknowns give a partial value. */
static vep_status score_items(vep_ctx *ctx, const vep_score_def *s,
                              vep_score_out *so)
{
    const vep_answer *an;
    double v, raw = 0;
    size_t i;
    vep_status st;

    st = score_out_reserve(ctx->a, so, s->nterms);
    if (st != VEP_OK)
        return st;
    for (i = 0; i < s->nterms; i++) {
        const vep_term *t = &s->terms[i];
        an = answer_of(ctx, t->ref.index);
        if (t->ref.kind != VEP_REF_ITEM || an == NULL)
            return VEP_ERR_INTERNAL;
        if (!take_item(so, an, t->ref.index, &v)) {
            if (an->state == VEP_ANSWER_UNKNOWN || an->state == VEP_ANSWER_MISSING)
                so->weight_applicable += s->rule == VEP_RULE_COUNT ? 1 : fabs(t->weight);
            continue;
        }
        so->weight_answered += s->rule == VEP_RULE_COUNT ? 1 : fabs(t->weight);
        add_contrib(so, VEP_REF_ITEM, t->ref.index, v, t->weight,
                    s->rule == VEP_RULE_COUNT ? (v >= s->at_least ? 1 : 0)
                                              : v * t->weight);
    }
    if (so->answered == 0) {
        so->status = so->unknown ? VEP_SCORE_INCOMPLETE : VEP_SCORE_NO_DATA;
        return VEP_OK;
    }
    if (s->max_unknown >= 0 && so->unknown > s->max_unknown &&
        s->missing != VEP_MISSING_IGNORE) {
        so->status = VEP_SCORE_INCOMPLETE;
        return VEP_OK;
    }
    for (i = 0; i < so->ncontribs; i++) {
        /* a mean is of the answers' values: weights do not apply */
        double c = s->rule == VEP_RULE_MEAN ? so->contribs[i].value
                                            : so->contribs[i].contribution;
        if (i == 0 && (s->rule == VEP_RULE_MAX || s->rule == VEP_RULE_MIN))
            raw = c;
        else if (s->rule == VEP_RULE_MAX)
            raw = c > raw ? c : raw;
        else if (s->rule == VEP_RULE_MIN)
            raw = c < raw ? c : raw;
        else
            raw += c;
    }
    if (s->rule == VEP_RULE_MEAN)
        raw /= so->answered;
    so->raw = raw;
    so->weight_applicable += so->weight_answered;
    if (so->unknown == 0) {
        so->status = VEP_SCORE_COMPLETE;
        set_value(s, so, raw);
    } else if (s->missing == VEP_MISSING_PRORATE &&
               (s->rule == VEP_RULE_SUM || s->rule == VEP_RULE_COUNT)) {
        so->status = VEP_SCORE_PRORATED;
        /* Prorating is by weight: a sum of weighted items scales by the
        ** weight of the applicable items over that of the answered ones
        ** (with equal weights: applicable / answered items), so the
        ** result never exceeds the score's full range.  Multiply first:
        ** 6 * 7 / 6 is exactly 7. */
        so->factor = so->weight_answered > 0 ? so->weight_applicable / so->weight_answered : 1;
        set_value(s, so, raw * so->weight_applicable / so->weight_answered);
    } else {
        so->status = VEP_SCORE_PARTIAL;
        set_value(s, so, raw);
    }
    return VEP_OK;
}

/* The output of score `index` if it has been computed; NULL otherwise, which
** means the dependency order is broken. */
static const vep_score_out *score_ref(const vep_ctx *ctx, int index)
{
    const vep_score_out *so;
    if (index < 0 || (size_t)index >= ctx->m->nscores)
        return NULL;
    so = &ctx->out->scores[index];
    return so->done ? so : NULL;
}

/* Composite: the sum of other scores times their factors.  Every part
** must have a value; a part that is partial or prorated makes the
** composite partial.  `answered` and `unknown` count the parts with and
** without a value. */
static vep_status score_composite(vep_ctx *ctx, const vep_score_def *s,
                                  vep_score_out *so)
{
    double sum = 0;
    int partial = 0;
    size_t i;
    vep_status st;

    st = score_out_reserve(ctx->a, so, s->nterms);
    if (st != VEP_OK)
        return st;
    for (i = 0; i < s->nterms; i++) {
        const vep_term *t = &s->terms[i];
        const vep_score_out *part = score_ref(ctx, t->ref.index);
        if (t->ref.kind != VEP_REF_SCORE || part == NULL)
            return VEP_ERR_INTERNAL;
        if (!part->has_value) {
            so->unknown++;
            continue;
        }
        so->answered++;
        add_contrib(so, VEP_REF_SCORE, t->ref.index, part->value,
                    t->weight, part->value * t->weight);
        sum += part->value * t->weight;
        if (part->status == VEP_SCORE_PARTIAL ||
            part->status == VEP_SCORE_PRORATED)
            partial = 1;
    }
    if (s->nterms == 0) {
        so->status = VEP_SCORE_NO_DATA;
    } else if (so->unknown > 0 || !isfinite(sum)) {
        so->status = VEP_SCORE_INCOMPLETE;   /* a part missing, or overflow */
    } else {
        so->status = partial ? VEP_SCORE_PARTIAL : VEP_SCORE_COMPLETE;
        so->raw = sum;
        set_value(s, so, sum);
    }
    return VEP_OK;
}

/* A Lua function rule.  What it may read (`uses`) is recorded as its
** contributions (weight 1) or as items left out, so the result shows the
** inputs beside the value.  A value computed while some input had none is
** partial; no value with such inputs is incomplete, else there is no data.
** A failed call returns the runtime's status. */
static vep_status score_function(vep_ctx *ctx, const vep_score_def *s,
                                 vep_score_out *so)
{
    vep_buf note;
    double v = 0;
    int has = 0, lacking = 0;
    size_t i;
    vep_status st;

    st = score_out_reserve(ctx->a, so, s->fn.nuses);
    if (st != VEP_OK)
        return st;
    for (i = 0; i < s->fn.nuses; i++) {
        const vep_ref *u = &s->fn.uses[i];
        if (u->kind == VEP_REF_ITEM) {
            const vep_answer *an = answer_of(ctx, u->index);
            if (an == NULL)
                return VEP_ERR_INTERNAL;
            if (take_item(so, an, u->index, &v))
                add_contrib(so, VEP_REF_ITEM, u->index, v, 1, v);
        } else if (u->kind == VEP_REF_SCORE) {
            const vep_score_out *part = score_ref(ctx, u->index);
            if (part == NULL)
                return VEP_ERR_INTERNAL;
            if (part->has_value)
                add_contrib(so, VEP_REF_SCORE, u->index, part->value, 1,
                            part->value);
            else
                lacking++;
        }
    }
    lacking += so->unknown;

    v = 0;
    vep__buf_init(&note, ctx->a);
    st = vep__runtime_score(ctx, &s->fn, &v, &has, &note);
    if (st != VEP_OK)
        goto done;
    if (note.failed) {
        st = VEP_ERR_NOMEM;
        goto done;
    }
    if (has && !isfinite(v)) {
        if (ctx->diags != NULL)
            vep__diag_add(ctx->diags, s->origin.file, s->origin.line, NULL,
                          s->id, "function_result",
                          "score '%s': the function returned a number that "
                          "is not finite", s->id);
        ctx->fn_status = st = VEP_ERR_SCRIPT;
        goto done;
    }
    if (has && s->has_range && (v < s->min || v > s->max)) {
        /* the loader checked the bands against the declared range */
        if (ctx->diags != NULL)
            vep__diag_add(ctx->diags, s->origin.file, s->origin.line, NULL,
                          s->id, "function_result",
                          "score '%s': the function returned %.10g, outside "
                          "its declared range %.10g to %.10g", s->id, v,
                          s->min, s->max);
        ctx->fn_status = st = VEP_ERR_SCRIPT;
        goto done;
    }
    if (note.len > 0) {
        so->note = note.data;            /* the record takes the text */
        vep__buf_init(&note, ctx->a);
    }
    if (has) {
        so->status = lacking ? VEP_SCORE_PARTIAL : VEP_SCORE_COMPLETE;
        so->raw = v;
        set_value(s, so, v);
    } else {
        so->status = lacking ? VEP_SCORE_INCOMPLETE : VEP_SCORE_NO_DATA;
    }
done:
    vep__buf_free(&note);
    return st;
}

/* Computes score `index` once. */
static vep_status score_one(vep_ctx *ctx, size_t index)
{
    const vep_score_def *s = &ctx->m->scores[index];
    vep_score_out *so = &ctx->out->scores[index];
    vep_status st;

    if (so->done)
        return VEP_OK;
    so->factor = 1;
    switch (s->rule) {
    case VEP_RULE_COMPOSITE:
        st = score_composite(ctx, s, so);
        break;
    case VEP_RULE_FUNCTION:
        st = score_function(ctx, s, so);
        break;
    default:
        st = score_items(ctx, s, so);
        break;
    }
    if (st == VEP_OK)
        so->done = 1;
    return st;
}

/* ---- Levels and flags ------------------------------------------------ */

/* Bands the score of each level: the first band whose inclusive range
** holds the value, or -1 when none does. */
static void levels_all(vep_ctx *ctx)
{
    const vep_model *m = ctx->m;
    size_t i, k;

    for (i = 0; i < m->nlevels; i++) {
        const vep_level_def *l = &m->levels[i];
        vep_level_out *lo = &ctx->out->levels[i];
        int si = l->of.index;
        lo->band = -1;
        if (si < 0 || (size_t)si >= m->nscores || !ctx->out->scores[si].has_value)
            continue;
        lo->has_value = 1;
        lo->value = ctx->out->scores[si].value;
        for (k = 0; k < l->nbands; k++)
            if (lo->value >= l->bands[k].min && lo->value <= l->bands[k].max) {
                lo->band = (int)k;
                break;
            }
    }
}

static vep_status flag_one(vep_ctx *ctx, size_t index, unsigned char *state);

/* Evaluates first the flags that condition `c` reads (flag references and
** a function's uses), so flags may refer to flags declared after them. */
static vep_status flag_deps(vep_ctx *ctx, const vep_cond *c,
                            unsigned char *state)
{
    size_t i;
    vep_status st;

    if (c->ref.kind == VEP_REF_FLAG && c->ref.index >= 0 &&
        (size_t)c->ref.index < ctx->m->nflags) {
        st = flag_one(ctx, (size_t)c->ref.index, state);
        if (st != VEP_OK)
            return st;
    }
    for (i = 0; i < c->fn.nuses; i++) {
        const vep_ref *u = &c->fn.uses[i];
        if (u->kind == VEP_REF_FLAG && u->index >= 0 &&
            (size_t)u->index < ctx->m->nflags) {
            st = flag_one(ctx, (size_t)u->index, state);
            if (st != VEP_OK)
                return st;
        }
    }
    for (i = 0; i < c->nkids; i++) {
        st = flag_deps(ctx, &c->kids[i], state);
        if (st != VEP_OK)
            return st;
    }
    return VEP_OK;
}

/* Evaluates flag `index` and explains it.  state: 0 to do, 1 in progress
** (a cycle, which check.c refuses; the flag reads as not raised), 2 done. */
static vep_status flag_one(vep_ctx *ctx, size_t index, unsigned char *state)
{
    const vep_flag_def *f = &ctx->m->flags[index];
    vep_flag_out *fo = &ctx->out->flags[index];
    vep_buf b;
    vep_status st;
    int raised = 0;

    if (state[index] != 0)
        return VEP_OK;
    state[index] = 1;
    st = flag_deps(ctx, &f->when, state);
    if (st != VEP_OK)
        return st;
    st = vep__cond_eval(ctx, &f->when, &raised);
    if (st != VEP_OK)
        return st;
    fo->raised = raised ? 1 : 0;
    vep__buf_init(&b, ctx->a);
    vep__cond_explain(ctx, &f->when, &b);
    if (b.failed) {
        vep__buf_free(&b);
        return VEP_ERR_NOMEM;
    }
    fo->because = b.data ? b.data : vep__strdup(ctx->a, "");
    if (fo->because == NULL)
        return VEP_ERR_NOMEM;
    state[index] = 2;
    return VEP_OK;
}

/* ---- Entry points ---------------------------------------------------- */

/* Fills the caller's ctx->out (a zeroed vep_outputs, or the outputs of an
** earlier call, which are freed first) with scores in dependency order,
** then levels, then flags.  On failure ctx->out is left partly filled, for
** vep__outputs_free. */
vep_status vep__score(vep_ctx *ctx)
{
    const vep_model *m;
    vep_outputs *o;
    unsigned char *state = NULL;
    vep_status st = VEP_OK;
    size_t k;

    if (ctx == NULL || ctx->m == NULL || ctx->a == NULL || ctx->as == NULL ||
        ctx->out == NULL)
        return VEP_ERR_INTERNAL;
    m = ctx->m;
    o = ctx->out;
    vep__outputs_free(ctx->a, m, o);
    if ((m->nscores && !(o->scores = vep__calloc(ctx->a, m->nscores, sizeof *o->scores))) ||
        (m->nlevels && !(o->levels = vep__calloc(ctx->a, m->nlevels, sizeof *o->levels))) ||
        (m->nflags && !(o->flags = vep__calloc(ctx->a, m->nflags, sizeof *o->flags))))
        return VEP_ERR_NOMEM;

    for (k = 0; k < m->nscores; k++) {
        size_t i = k;
        if (m->score_order != NULL) {
            if (m->score_order[k] < 0 || (size_t)m->score_order[k] >= m->nscores)
                return VEP_ERR_INTERNAL;
            i = (size_t)m->score_order[k];
        }
        st = score_one(ctx, i);
        if (st != VEP_OK)
            return st;
    }
    levels_all(ctx);

    if (m->nflags == 0)
        return VEP_OK;
    state = vep__calloc(ctx->a, m->nflags, 1);
    if (state == NULL)
        return VEP_ERR_NOMEM;
    for (k = 0; k < m->nflags && st == VEP_OK; k++)
        st = flag_one(ctx, k, state);
    vep__free(ctx->a, state);
    return st;
}

/* True when `s` is NULL or holds only white space. */
static int blank(const char *s)
{
    if (s == NULL)
        return 1;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/* A final level that departs from the advisory one needs its reason in
** writing (policy "when_different").  Only a level that was actually
** computed counts as advisory: with no band there is nothing to depart
** from.  Whether a judgement or a rationale is present at all under the
** other policies is checked with the assessment (assessment.c). */
vep_status vep__judgement_check(vep_ctx *ctx)
{
    const vep_model *m = ctx->m;
    const vep_judgement_def *j = &m->judgement;
    const vep_level_def *l;
    const vep_level_out *lo;
    const char *advisory, *final;
    int li = j->advisory.index;

    if (ctx->as == NULL || !ctx->as->has_judgement ||
        j->rationale != VEP_RATIONALE_WHEN_DIFFERENT ||
        li < 0 || (size_t)li >= m->nlevels)
        return VEP_OK;
    if (ctx->out == NULL || ctx->out->levels == NULL)
        return VEP_ERR_INTERNAL;
    l = &m->levels[li];
    lo = &ctx->out->levels[li];
    if (!lo->has_value || lo->band < 0 || (size_t)lo->band >= l->nbands)
        return VEP_OK;                       /* no advisory level */
    advisory = l->bands[lo->band].level;
    final = ctx->as->judgement_level;
    if (final == NULL || advisory == NULL || strcmp(final, advisory) == 0 ||
        !blank(ctx->as->judgement_rationale))
        return VEP_OK;
    if (vep__diag_add(ctx->diags, NULL, 0, "$.judgement.rationale", l->id,
                      "rationale_required",
                      "the final level '%s' differs from the advisory level "
                      "'%s' of '%s': a rationale is required",
                      final, advisory, l->id) != 0)
        return VEP_ERR_NOMEM;
    return VEP_ERR_ASSESSMENT;
}
