/*
** range.c -- what values each score can reach, and whether the bands of
** each advisory level cover them.
**
** A score's range follows from its items' scales (minimum and maximum),
** weights, which items may be left without a value (unknown, not
** applicable, not relevant, optional), its rule and its missing-data
** policy.  The bands of a level must then cover that range at the score's
** rounding, with no gap, no overlap and no band out of reach.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "jsonw.h"

#define problem vep__check_problem

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
        lo = a;      /* a mean is of the values: weights do not apply */
        hi = b;
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
void vep__check_score_range(checker *c, vep_score_def *s)
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
    /* Values are rounded before banding, so the reachable range is the
    ** rounded one, computed by the very function scoring uses. */
    if (isfinite(s->min))
        s->min = vep__jw_round(s->min, s->decimals);
    if (isfinite(s->max))
        s->max = vep__jw_round(s->max, s->decimals);
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

void vep__check_level(checker *c, vep_level_def *l)
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

