/*
** result_explain.c -- the sentence that says how a score's value came
** about, for the "explanation" of each score in the result document
** (result.c):
**
**   Sum of 6 answered items of domain 'beliefs' (weights 1) = 5; 1 item
**     unknown, prorated by 7/6 = 1.1667 to 5.8333, rounded to 6
**   Composite of 2 scores: 'risk' 5 x 1 + 'protective' 2 x -1 = 3
**
** The exact sentence forms are listed above each explain_* function.
*/
#include <string.h>
#include "eval.h"
#include "jsonw.h"

/* ---- Sentence helpers ------------------------------------------------ */

/* The plural ending for a count. */
static const char *plural(long n) { return n == 1 ? "" : "s"; }

/* Appends a number in the document's format (the writer at depth 0 writes
** nothing but the number). */
void vep__put_num(vep_buf *b, double v, int decimals)
{
    vep_jsonw w;
    vep__jw_init(&w, b, 0);
    vep__jw_number(&w, v, decimals);
}

/* Decimals for an intermediate result of a score: a little more than the
** value's own, so that the rounding step is visible. */
static int raw_decimals(const vep_score_def *s)
{
    int d = s->decimals + 2;
    return d < 4 ? 4 : (d > 15 ? 15 : d);
}

/* "; 1 item not applicable; 2 items not relevant; 1 item without a numeric
** value", then, when `with_unknown`, "; 2 items unknown (1 missing from the
** answers)".  Zero counts are not mentioned. */
static void put_left_out(vep_buf *b, const vep_score_out *so, int with_unknown)
{
    long nonum = (long)so->nleft_out -
                 (so->unknown + so->not_applicable + so->not_relevant);
    if (so->not_applicable)
        vep__buf_printf(b, "; %d item%s not applicable", so->not_applicable,
                        plural(so->not_applicable));
    if (so->not_relevant)
        vep__buf_printf(b, "; %d item%s not relevant", so->not_relevant,
                        plural(so->not_relevant));
    if (nonum > 0)
        vep__buf_printf(b, "; %ld item%s without a numeric value", nonum,
                        plural(nonum));
    if (with_unknown && so->unknown) {
        vep__buf_printf(b, "; %d item%s unknown", so->unknown,
                        plural(so->unknown));
        if (so->missing)
            vep__buf_printf(b, " (%d missing from the answers)", so->missing);
    }
}

/* " of domain 'beliefs'" for a domain score, nothing for listed items. */
static void put_source(vep_buf *b, const vep_score_def *s)
{
    if (s->domain_id != NULL)
        vep__buf_printf(b, " of domain '%s'", s->domain_id);
}

/* " (weight 2)", " (weights 1)" when all are equal, " (weights 0.5 to 2)". */
static void put_weights(vep_buf *b, const vep_score_out *so)
{
    double lo = so->contribs[0].weight, hi = lo;
    size_t i;
    for (i = 1; i < so->ncontribs; i++) {
        if (so->contribs[i].weight < lo)
            lo = so->contribs[i].weight;
        if (so->contribs[i].weight > hi)
            hi = so->contribs[i].weight;
    }
    vep__buf_adds(b, so->ncontribs == 1 ? " (weight " : " (weights ");
    vep__put_num(b, lo, -1);
    if (hi != lo) {
        vep__buf_adds(b, " to ");
        vep__put_num(b, hi, -1);
    }
    vep__buf_addc(b, ')');
}

/* ", rounded to 1.67" when rounding changed `before`. */
static void put_rounding(vep_buf *b, const vep_score_def *s,
                         const vep_score_out *so, double before)
{
    if (so->value != before) {
        vep__buf_adds(b, ", rounded to ");
        vep__put_num(b, so->value, s->decimals);
    }
}

/* ---- Explanations ---------------------------------------------------- */

/* Item rules.  With a value:
**   "<Rule> of N answered item(s)[ of domain 'D'] (weights W[ to W2]) = RAW"
**     <Rule> is Sum, Mean, Highest or Lowest; a count reads
**   "Count of values of at least T among N answered item(s)[ of domain 'D']
**     = RAW"
**   then "; K item(s) not applicable", "; K item(s) not relevant",
**   "; K item(s) without a numeric value", "; K item(s) unknown[ (M missing
**   from the answers)]" followed by one of
**     ", prorated by A/N = F to X"
**     ", scored without it|them (at most U allowed)" / "(no limit set)" /
**       "(missing policy 'ignore')" / "(only sums and counts are prorated)"
**   and ", rounded to V" when rounding changed the value.
** Without a value:
**   "No value: K of T item(s)[ of domain 'D'] unknown, more than the U
**     allowed" or "No value: none of the T item(s)[ of domain 'D'] has a
**     value", then the left-out clauses. */
static void explain_items(vep_buf *b, const vep_score_def *s,
                          const vep_score_out *so)
{
    static const char *const heads[] = { "Sum", "Mean", "", "Highest",
                                         "Lowest" };
    int applicable = so->answered + so->unknown;
    double before = so->raw;

    if (!so->has_value) {
        if (so->answered > 0) {
            vep__buf_printf(b, "No value: %d of %zu item%s", so->unknown,
                            s->nterms, plural((long)s->nterms));
            put_source(b, s);
            vep__buf_printf(b, " unknown, more than the %d allowed",
                            s->max_unknown);
            if (so->missing)
                vep__buf_printf(b, " (%d missing from the answers)",
                                so->missing);
            put_left_out(b, so, 0);
        } else {
            vep__buf_printf(b, "No value: none of the %zu item%s",
                            s->nterms, plural((long)s->nterms));
            put_source(b, s);
            vep__buf_adds(b, " has a value");
            put_left_out(b, so, 1);
        }
        return;
    }
    if (s->rule == VEP_RULE_COUNT) {
        vep__buf_adds(b, "Count of values of at least ");
        vep__put_num(b, s->at_least, -1);
        vep__buf_printf(b, " among %d answered item%s", so->answered,
                        plural(so->answered));
        put_source(b, s);
    } else {
        vep__buf_printf(b, "%s of %d answered item%s",
                        (size_t)s->rule < 5 ? heads[s->rule] : "Value",
                        so->answered, plural(so->answered));
        put_source(b, s);
        put_weights(b, so);
    }
    vep__buf_adds(b, " = ");
    vep__put_num(b, so->raw, raw_decimals(s));
    put_left_out(b, so, 1);
    if (so->status == VEP_SCORE_PRORATED) {
        before = so->raw * so->factor;
        if (s->rule == VEP_RULE_COUNT || so->weight_applicable == (double)applicable) {
            vep__buf_printf(b, ", prorated by %d/%d = ", applicable, so->answered);
        } else {
            vep__buf_adds(b, ", prorated by weight ");
            vep__put_num(b, so->weight_applicable, -1);
            vep__buf_addc(b, '/');
            vep__put_num(b, so->weight_answered, -1);
            vep__buf_adds(b, " = ");
        }
        vep__put_num(b, so->factor, 4);
        vep__buf_adds(b, " to ");
        vep__put_num(b, before, raw_decimals(s));
    } else if (so->status == VEP_SCORE_PARTIAL) {
        vep__buf_printf(b, ", scored without %s (",
                        so->unknown == 1 ? "it" : "them");
        if (s->missing == VEP_MISSING_IGNORE)
            vep__buf_adds(b, "missing policy 'ignore')");
        else if (s->missing == VEP_MISSING_PRORATE)
            vep__buf_adds(b, "only sums and counts are prorated)");
        else if (s->max_unknown >= 0)
            vep__buf_printf(b, "at most %d allowed)", s->max_unknown);
        else
            vep__buf_adds(b, "no limit set)");
    }
    put_rounding(b, s, so, before);
}

/* Composites.  With a value:
**   "Composite of N score(s): 'a' VA x FA + 'b' VB x FB = SUM"
**   then "; partial because 'a' is prorated, 'b' is partial" when a part
**   is, and ", rounded to V" when rounding changed the value.
** Without a value: "No value: 'a'[, 'b' and 'c'] has|have no value", or
**   "No value: the composite has no parts". */
static void explain_composite(vep_buf *b, const vep_ctx *ctx,
                              const vep_score_def *s, const vep_score_out *so)
{
    const vep_model *m = ctx->m;
    size_t i, k = 0;

    if (s->nterms == 0) {
        vep__buf_adds(b, "No value: the composite has no parts");
        return;
    }
    if (!so->has_value) {
        vep__buf_adds(b, "No value: ");
        for (i = 0; i < s->nterms; i++) {
            int si = s->terms[i].ref.index;
            if (ctx->out->scores[si].has_value)
                continue;
            if (k++ > 0)
                vep__buf_adds(b, (int)k == so->unknown ? " and " : ", ");
            vep__buf_printf(b, "'%s'", m->scores[si].id);
        }
        vep__buf_adds(b, so->unknown == 1 ? " has no value" : " have no value");
        return;
    }
    vep__buf_printf(b, "Composite of %zu score%s: ", s->nterms,
                    plural((long)s->nterms));
    for (i = 0; i < so->ncontribs; i++) {
        const vep_contrib *c = &so->contribs[i];
        if (i > 0)
            vep__buf_adds(b, " + ");
        vep__buf_printf(b, "'%s' ", m->scores[c->index].id);
        vep__put_num(b, c->value, m->scores[c->index].decimals);
        vep__buf_adds(b, " x ");
        vep__put_num(b, c->weight, -1);
    }
    vep__buf_adds(b, " = ");
    vep__put_num(b, so->raw, raw_decimals(s));
    for (i = 0; i < so->ncontribs; i++) {
        const vep_score_out *part = &ctx->out->scores[so->contribs[i].index];
        if (part->status != VEP_SCORE_PARTIAL &&
            part->status != VEP_SCORE_PRORATED)
            continue;
        vep__buf_adds(b, k++ == 0 ? "; partial because " : ", ");
        vep__buf_printf(b, "'%s' is %s", m->scores[so->contribs[i].index].id,
                        vep__score_status_name(part->status));
    }
    put_rounding(b, s, so, so->raw);
}

/* Functions:
**   "Function of 'a', 'b' and 'c' returned V" (or "Function reading nothing
**   returned V", "... returned no value"), then the left-out clauses,
**   "; score 'x' has no value" for each used score without one, and
**   ", rounded to V" when rounding changed the value. */
static void explain_function(vep_buf *b, const vep_ctx *ctx,
                             const vep_score_def *s, const vep_score_out *so)
{
    size_t i, n = s->fn.nuses;

    vep__buf_adds(b, n ? "Function of " : "Function reading nothing");
    for (i = 0; i < n; i++)
        vep__buf_printf(b, "%s'%s'", i == 0 ? "" : (i + 1 == n ? " and " : ", "),
                        s->fn.uses[i].id ? s->fn.uses[i].id : "");
    vep__buf_adds(b, " returned ");
    if (so->has_value)
        vep__put_num(b, so->raw, raw_decimals(s));
    else
        vep__buf_adds(b, "no value");
    put_left_out(b, so, 1);
    for (i = 0; i < n; i++) {
        const vep_ref *u = &s->fn.uses[i];
        if (u->kind == VEP_REF_SCORE && !ctx->out->scores[u->index].has_value)
            vep__buf_printf(b, "; score '%s' has no value", u->id);
    }
    if (so->has_value)
        put_rounding(b, s, so, so->raw);
}

/* See eval.h. */
void vep__explain_score(vep_buf *b, const vep_ctx *ctx, const vep_score_def *s,
                        const vep_score_out *so)
{
    if (s->rule == VEP_RULE_COMPOSITE)
        explain_composite(b, ctx, s, so);
    else if (s->rule == VEP_RULE_FUNCTION)
        explain_function(b, ctx, s, so);
    else
        explain_items(b, s, so);
}
