/*
** doc_scoring.c -- the scoring manual of an instrument's guide (doc.h):
** the missing-data policy, every score's rule in words ("the weighted sum
** of the items of domain X: S02 and S05 count twice"), the bands of each
** advisory level in words and as a table, the flags and when they are
** raised, and the professional judgement.
**
** The words are built from the members vep_instrument_describe gives for
** each score: "rule", "domain", "items", "terms" (with weights or
** factors), "at_least", "missing", "max_unknown", "range", "decimals".
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"

/* The description's lists, looked up once. */
typedef struct sm {
    doc *d;
    const cJSON *desc, *scales, *domains, *items, *scores, *levels, *flags;
} sm;

/* Whether score `s` has rule `name`. */
static int rule_is(const cJSON *s, const char *name)
{
    const char *r = doc_str(s, "rule");
    return r != NULL && strcmp(r, name) == 0;
}

/* Whether the score takes items (not a composite or a function). */
static int item_rule(const cJSON *s)
{
    return !rule_is(s, "composite") && !rule_is(s, "function");
}

/* "PLURAL or SINGULAR" by n. */
static const char *pl(double n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* ---- Missing data ---------------------------------------------------------- */

/* The score's missing-data policy in words. */
static void policy_words(doc *d, const cJSON *s)
{
    const char *missing = doc_str(s, "missing");
    double lim;
    int has_lim = doc_num(s, "max_unknown", &lim), prorate;

    if (rule_is(s, "composite")) {
        doc_text(d, "it needs a value of every score it combines: when one "
                    "has none, this score has none (status ");
        doc_code(d, "incomplete");
        doc_text(d, "); when one is partial or prorated, this one is ");
        doc_code(d, "partial");
        doc_text(d, ".");
        return;
    }
    if (rule_is(s, "function")) {
        doc_text(d, "when one of its inputs has no value, the function's "
                    "result is ");
        doc_code(d, "partial");
        doc_text(d, ", or ");
        doc_code(d, "incomplete");
        doc_text(d, " when the function gives no value.");
        return;
    }
    if (missing == NULL)
        missing = "incomplete";
    if (strcmp(missing, "ignore") == 0) {
        doc_text(d, "the answered items are scored, whatever the number of "
                    "unknown items (status ");
        doc_code(d, "partial");
        doc_text(d, ").");
        return;
    }
    prorate = strcmp(missing, "prorate") == 0
              && (rule_is(s, "sum") || rule_is(s, "count"));
    if (has_lim && lim == 0) {
        doc_text(d, "no unknown item is allowed: with any, the score has no "
                    "value (status ");
        doc_code(d, "incomplete");
        doc_text(d, ").");
    } else {
        if (has_lim) {
            doc_text(d, "up to ");
            doc_number(d, lim);
            doc_text(d, pl(lim, " unknown item: ", " unknown items: "));
        } else {
            doc_text(d, "with unknown items, whatever their number: ");
        }
        if (prorate) {
            doc_text(d, "the value is prorated, scaled by the weight of the "
                        "applicable items over the weight of the answered "
                        "ones (status ");
            doc_code(d, "prorated");
        } else {
            doc_text(d, "the answered items are scored (status ");
            doc_code(d, "partial");
        }
        doc_text(d, ").");
        if (has_lim) {
            doc_text(d, " More than ");
            doc_number(d, lim);
            doc_text(d, ": no value (status ");
            doc_code(d, "incomplete");
            doc_text(d, ").");
        }
    }
    if (strcmp(missing, "prorate") == 0 && !prorate)
        doc_text(d, " Prorating applies to sums and counts only.");
}

/* Missing information: the instrument's limit on unknown answers, what
** is left out of scores, and each score's policy. */
static void missing_section(sm *m)
{
    doc *d = m->d;
    const cJSON *s;
    double mu;

    doc_heading_add(d, 2, "missing", "Missing information", 0);
    doc_open(d, DOC_PARA);
    if (doc_num(m->desc, "max_unknown", &mu)) {
        doc_text(d, "At most ");
        doc_number(d, mu);
        doc_text(d, pl(mu, " item may be answered unknown in one assessment. ",
                          " items may be answered unknown in one assessment. "));
        doc_text(d, "With more, the assessment is invalid and is not scored (");
        doc_code(d, "too_many_unknowns");
        doc_text(d, ").");
    } else {
        doc_text(d, "The instrument sets no limit on the number of items "
                    "answered unknown; each score has its own policy.");
    }
    doc_close(d);
    doc_para(d, "Items not applicable or not relevant are left out of every "
                "score and do not count as unknown. Within a score, an "
                "optional item left out of the assessment counts as unknown. "
                "A score none of whose items is answered has no value.");
    if (cJSON_GetArraySize(m->scores) == 0)
        return;
    doc_open(d, DOC_LIST);
    cJSON_ArrayForEach(s, m->scores) {
        doc_open(d, DOC_ITEM);
        doc_code(d, doc_str(s, "id"));
        doc_text(d, ": ");
        policy_words(d, s);
        doc_close(d);
    }
    doc_close(d);
}

/* ---- Scores ----------------------------------------------------------------- */

/* How a weight reads: "counts twice", "count three times", ... */
static void weight_phrase(doc *d, double w, int many)
{
    char num[64];
    snprintf(num, sizeof num, "%.15g", w);
    if (w == 2)
        doc_text(d, many ? " count twice" : " counts twice");
    else if (w == 3)
        doc_text(d, many ? " count three times" : " counts three times");
    else if (w > 3 && w == (double)(long)w && w < 1e6)
        doc_textf(d, many ? " count %s times" : " counts %s times", num);
    else if (w == 0.5)
        doc_text(d, many ? " count half" : " counts half");
    else if (w == -1)
        doc_text(d, many ? " are subtracted" : " is subtracted");
    else
        doc_textf(d, many ? " have weight %s" : " has weight %s", num);
}

/* ": S02 and S05 count twice; S11 is subtracted" for the terms whose
** weight is not 1.  Returns whether there were any. */
static int weight_groups(sm *m, const cJSON *terms)
{
    doc *d = m->d;
    const cJSON *t;
    double ws[16], w;
    size_t nw = 0, k, n, cap = (size_t)cJSON_GetArraySize(terms) + 1;
    const char **ids = malloc(cap * sizeof *ids);

    if (ids == NULL) {
        d->nomem = 1;
        return 0;
    }
    cJSON_ArrayForEach(t, terms) {
        if (!doc_num(t, "weight", &w) || w == 1)
            continue;
        for (k = 0; k < nw && ws[k] != w; k++)
            ;
        if (k == nw && nw < sizeof ws / sizeof ws[0])
            ws[nw++] = w;
    }
    for (k = 0; k < nw; k++) {
        n = 0;
        cJSON_ArrayForEach(t, terms)
            if (doc_num(t, "weight", &w) && w == ws[k] && doc_str(t, "id"))
                ids[n++] = doc_str(t, "id");
        doc_text(d, k == 0 ? ": " : "; ");
        doc_ids(d, ids, n, "and");
        weight_phrase(d, ws[k], n > 1);
    }
    free(ids);
    return nw > 0;
}

/* Whether any term's weight differs from 1. */
static int weighted(const cJSON *terms)
{
    const cJSON *t;
    double w;
    cJSON_ArrayForEach(t, terms)
        if (doc_num(t, "weight", &w) && w != 1)
            return 1;
    return 0;
}

/* "the items of domain `X` (Title)" or "the items A, B and C" (without
** "the" when `bare`). */
static void source_words(sm *m, const cJSON *s, int bare)
{
    doc *d = m->d;
    const char *dom = doc_str(s, "domain");
    const char *title = doc_str(doc_find(m->domains, dom), "title");

    if (!bare)
        doc_text(d, "the ");
    if (dom != NULL) {
        doc_text(d, "items of domain ");
        doc_code(d, dom);
        if (title != NULL) {
            doc_text(d, " (");
            doc_text(d, title);
            doc_text(d, ")");
        }
    } else {
        doc_text(d, "items ");
        doc_id_list(d, doc_get(s, "items"), NULL, "and");
    }
}

/* The points shared by every item of a score (a scale's, or present /
** absent), or NULL when the items differ. */
static const cJSON *shared_points(sm *m, const cJSON *s, int *presence)
{
    const cJSON *id, *pts = NULL;
    const char *scale = NULL;
    int first = 1;

    *presence = 0;
    cJSON_ArrayForEach(id, doc_get(s, "items")) {
        const cJSON *it = cJSON_IsString(id) ? doc_find(m->items, id->valuestring) : NULL;
        const char *type = doc_str(it, "type"), *sc = doc_str(it, "scale");
        int pres = type != NULL && strcmp(type, "presence") == 0;
        if (type == NULL || (!pres && strcmp(type, "scale") != 0))
            return NULL;
        if (first) {
            *presence = pres;
            scale = sc;
            first = 0;
        } else if (pres != *presence || (!pres && !(scale && sc && strcmp(scale, sc) == 0))) {
            return NULL;
        }
    }
    if (first || *presence)
        return NULL;
    pts = doc_get(doc_find(m->scales, scale), "points");
    return cJSON_IsArray(pts) ? pts : NULL;
}

/* " (rated `moderate` or `high`)": the codes a count counts, when its
** items share their codes. */
static void counted_codes(sm *m, const cJSON *s, double at_least)
{
    doc *d = m->d;
    const cJSON *pts, *p;
    const char *codes[32];
    size_t n = 0;
    int presence;
    double v;

    pts = shared_points(m, s, &presence);
    if (presence && at_least > 0 && at_least <= 1) {
        doc_text(d, " (rated ");
        doc_code(d, "present");
        doc_text(d, ")");
        return;
    }
    cJSON_ArrayForEach(p, pts)
        if (doc_num(p, "value", &v) && v >= at_least && doc_str(p, "code")
            && n < sizeof codes / sizeof codes[0])
            codes[n++] = doc_str(p, "code");
    if (n == 0)
        return;
    doc_text(d, " (rated ");
    doc_ids(d, codes, n, "or");
    doc_text(d, ")");
}

/* The composite as a sum: "`a` + `b` − 2 × `c`". */
static void composite_words(doc *d, const cJSON *terms)
{
    const cJSON *t;
    double w;
    int first = 1;

    cJSON_ArrayForEach(t, terms) {
        if (!doc_num(t, "weight", &w))
            w = 1;
        if (first)
            doc_text(d, w < 0 ? "\xE2\x88\x92" : "");
        else
            doc_text(d, w < 0 ? " \xE2\x88\x92 " : " + ");
        if (w != 1 && w != -1) {
            doc_number(d, w < 0 ? -w : w);
            doc_text(d, " \xC3\x97 ");
        }
        doc_code(d, doc_str(t, "id"));
        first = 0;
    }
}

/* The rule of a score in one sentence. */
static void rule_words(sm *m, const cJSON *s)
{
    doc *d = m->d;
    const cJSON *terms = doc_get(s, "terms");
    double at_least = 1;

    if (rule_is(s, "sum")) {
        doc_text(d, weighted(terms) ? "The weighted sum of the values of "
                                    : "The sum of the values of ");
        source_words(m, s, 0);
        weight_groups(m, terms);
    } else if (rule_is(s, "mean")) {
        doc_text(d, "The mean of the values of the answered items among ");
        source_words(m, s, 0);
        if (weighted(terms))
            doc_text(d, " (weights do not apply to a mean)");
    } else if (rule_is(s, "count")) {
        doc_num(s, "at_least", &at_least);
        doc_text(d, "The number of ");
        source_words(m, s, 1);
        doc_text(d, " whose value is at least ");
        doc_number(d, at_least);
        counted_codes(m, s, at_least);
    } else if (rule_is(s, "max") || rule_is(s, "min")) {
        doc_text(d, rule_is(s, "max") ? "The largest value among "
                                      : "The smallest value among ");
        source_words(m, s, 0);
        if (weight_groups(m, terms))
            doc_text(d, " (each value times its weight)");
    } else if (rule_is(s, "composite")) {
        doc_text(d, "A combination of other scores: ");
        composite_words(d, terms);
    } else if (rule_is(s, "function")) {
        doc_text(d, "Computed by a function written in the script, from ");
        doc_id_list(d, doc_get(s, "items"), NULL, "and");
        doc_text(d, "; the result of each assessment gives the function's "
                    "explanation beside the value");
    } else {
        doc_text(d, "Computed by the rule ");
        doc_code(d, doc_str(s, "rule") ? doc_str(s, "rule") : "?");
    }
    doc_text(d, ".");
}

/* What reads the score: advisory levels and composites. */
static void used_by(sm *m, const char *id)
{
    doc *d = m->d;
    const cJSON *e, *t;
    int n = 0;

    cJSON_ArrayForEach(e, m->levels) {
        if (doc_str(e, "of") == NULL || strcmp(doc_str(e, "of"), id) != 0)
            continue;
        if (n++ == 0)
            doc_field(d, "Read by");
        else
            doc_text(d, ", ");
        doc_text(d, "advisory level ");
        doc_code(d, doc_str(e, "id"));
    }
    cJSON_ArrayForEach(e, m->scores) {
        if (!rule_is(e, "composite"))
            continue;
        cJSON_ArrayForEach(t, doc_get(e, "terms"))
            if (doc_str(t, "id") && strcmp(doc_str(t, "id"), id) == 0) {
                if (n++ == 0)
                    doc_field(d, "Read by");
                else
                    doc_text(d, ", ");
                doc_text(d, "score ");
                doc_code(d, doc_str(e, "id"));
                break;
            }
    }
    if (n > 0) {
        doc_text(d, ".");
        doc_close(d);
    }
}

/* One score: its rule in a sentence, its items, range and rounding,
** its missing-data policy and what reads it. */
static void score_block(sm *m, const cJSON *s)
{
    doc *d = m->d;
    const cJSON *range = doc_get(s, "range");
    const char *id = doc_str(s, "id"), *title = doc_str(s, "title");
    double lo, hi, dec;

    doc_heading_join(d, 3, "score", id, id, title, 0);
    doc_open(d, DOC_PARA);
    rule_words(m, s);
    doc_close(d);
    doc_open(d, DOC_LIST);
    if (item_rule(s) && doc_str(s, "domain") != NULL) {
        doc_field(d, "Items");
        doc_id_list(d, doc_get(s, "items"), NULL, "and");
        doc_text(d, ".");
        doc_close(d);
    }
    if (doc_num(range, "min", &lo) && doc_num(range, "max", &hi)) {
        doc_field(d, "Range");
        doc_text(d, "from ");
        doc_number(d, lo);
        doc_text(d, " to ");
        doc_number(d, hi);
        if (doc_num(s, "decimals", &dec) && dec > 0) {
            doc_text(d, ", rounded to ");
            doc_number(d, dec);
            doc_text(d, pl(dec, " decimal", " decimals"));
        }
        doc_text(d, ".");
        doc_close(d);
    }
    doc_field(d, "Missing information");
    policy_words(d, s);
    doc_close(d);
    used_by(m, id ? id : "");
    doc_close(d);
}

/* The scoring rules: the "no total" statement of SPJ tools, then every
** score. */
static void scores_section(sm *m)
{
    doc *d = m->d;
    const cJSON *s;
    const char *no_total = doc_str(m->desc, "no_total");

    doc_heading_add(d, 2, "scoring", "Scoring rules", DOC_PAGE_BREAK);
    if (no_total != NULL) {
        doc_open(d, DOC_PARA);
        doc_strong(d, "No total score.");
        doc_text(d, " ");
        doc_text(d, no_total);
        doc_close(d);
    }
    if (cJSON_GetArraySize(m->scores) == 0) {
        doc_para(d, "The instrument declares no scores.");
        return;
    }
    doc_para(d, "Every score is computed from the answers alone, the same way "
                "in every language. The result of an assessment lists, for "
                "each score, the items that went into it with their values "
                "and weights, and the items left out and why.");
    cJSON_ArrayForEach(s, m->scores)
        score_block(m, s);
}

/* ---- Advisory levels, flags, judgement ---------------------------------------- */

/* One advisory level: its bands in a sentence, then as a table. */
static void level_block(sm *m, const cJSON *l)
{
    static const char *const cols[] = { "Level", "From", "To", "Meaning" };
    doc *d = m->d;
    const cJSON *bands = doc_get(l, "bands"), *b;
    const char *id = doc_str(l, "id"), *of = doc_str(l, "of");
    const char *title = doc_str(l, "title");
    const char *of_title = doc_str(doc_find(m->scores, of), "title");
    double lo, hi;
    int first = 1;

    doc_heading_join(d, 3, "level", id, id, title, 0);
    doc_open(d, DOC_PARA);
    doc_text(d, "From the score ");
    doc_code(d, of ? of : "?");
    if (of_title != NULL) {
        doc_text(d, " (");
        doc_text(d, of_title);
        doc_text(d, ")");
    }
    doc_text(d, ": ");
    cJSON_ArrayForEach(b, bands) {
        const char *label = doc_str(b, "label");
        doc_text(d, first ? "a value from " : "; from ");
        if (doc_num(b, "min", &lo))
            doc_number(d, lo);
        doc_text(d, " to ");
        if (doc_num(b, "max", &hi))
            doc_number(d, hi);
        doc_text(d, first ? " gives " : ", ");
        doc_code(d, doc_str(b, "level"));
        if (label != NULL) {
            doc_text(d, " (");
            doc_text(d, label);
            doc_text(d, ")");
        }
        first = 0;
    }
    doc_text(d, ". When the score has no value, there is no advisory level.");
    doc_close(d);
    if (first)
        return;
    doc_table(d, cols, 4);
    cJSON_ArrayForEach(b, bands) {
        doc_open(d, DOC_ROW);
        doc_cell_text(d, doc_str(b, "level"), 1);
        doc_open(d, DOC_CELL);
        if (doc_num(b, "min", &lo))
            doc_number(d, lo);
        doc_close(d);
        doc_open(d, DOC_CELL);
        if (doc_num(b, "max", &hi))
            doc_number(d, hi);
        doc_close(d);
        doc_cell_text(d, doc_str(b, "label"), 0);
        doc_close(d);
    }
    doc_close(d);
}

/* The advisory levels, when the instrument has any. */
static void levels_section(sm *m)
{
    const cJSON *l;

    if (cJSON_GetArraySize(m->levels) == 0)
        return;
    doc_heading_add(m->d, 2, "levels", "Advisory levels", 0);
    doc_para(m->d, "Each advisory level reads one score and names the band "
                   "its value falls in; bands include both ends. Levels are "
                   "advisory: the professional's final judgement is recorded "
                   "beside them.");
    cJSON_ArrayForEach(l, m->levels)
        level_block(m, l);
}

/* The flags and when each is raised, when the instrument has any. */
static void flags_section(sm *m)
{
    doc *d = m->d;
    const cJSON *f;

    if (cJSON_GetArraySize(m->flags) == 0)
        return;
    doc_heading_add(d, 2, "flags", "Flags", 0);
    doc_para(d, "Flags draw the team's attention; they decide nothing.");
    cJSON_ArrayForEach(f, m->flags) {
        const char *id = doc_str(f, "id"), *title = doc_str(f, "title");
        doc_heading_join(d, 3, "flag", id, id, title, 0);
        doc_open(d, DOC_PARA);
        doc_text(d, "Raised when ");
        doc_text(d, doc_str(f, "when_words") ? doc_str(f, "when_words")
                    : doc_str(f, "when") ? doc_str(f, "when") : "its condition holds");
        doc_text(d, ".");
        doc_close(d);
    }
}

/* The professional judgement: what is judged, the levels allowed, the
** advisory level beside it, and when a rationale is required. */
static void judgement_section(sm *m)
{
    doc *d = m->d;
    const cJSON *j = doc_get(m->desc, "judgement");
    const char *adv = doc_str(j, "advisory"), *why = doc_str(j, "rationale");

    doc_heading_add(d, 2, "judgement", "Professional judgement", 0);
    if (!cJSON_IsObject(j)) {
        doc_para(d, "The instrument declares no professional judgement: its "
                    "results carry no final level.");
        return;
    }
    doc_open(d, DOC_LIST);
    doc_field_text(d, "Outcome judged", doc_str(j, "outcome"));
    if (cJSON_GetArraySize(doc_get(j, "levels")) > 0) {
        doc_field(d, "The professional chooses");
        doc_id_list(d, doc_get(j, "levels"), NULL, "or");
        doc_text(d, ".");
        doc_close(d);
    }
    doc_field(d, "Advisory level");
    if (adv != NULL) {
        doc_code(d, adv);
        doc_text(d, " is shown beside the final judgement; the result keeps both.");
    } else {
        doc_text(d, "none is shown beside the final judgement.");
    }
    doc_close(d);
    doc_field_text(d, "Required", doc_true(j, "required")
                   ? "yes: every assessment carries the professional's final judgement."
                   : "no: an assessment may be scored without it.");
    doc_field(d, "Rationale");
    if (why != NULL && strcmp(why, "always") == 0)
        doc_text(d, "a written rationale is always required.");
    else if (why != NULL && strcmp(why, "optional") == 0)
        doc_text(d, "optional, also when the final level differs from the advisory one.");
    else
        doc_text(d, "a written rationale is required when the final level "
                    "differs from the advisory level (with no advisory level, "
                    "there is nothing to differ from).");
    doc_close(d);
    doc_close(d);
    doc_open(d, DOC_NOTE);
    doc_para(d, "A computed level never replaces the professional's "
                "judgement. Treatment plans are built on the final level "
                "and its rationale, never on a computed level alone.");
    doc_close(d);
}

/* The scoring manual: missing data, scores, levels, flags, judgement. */
void doc_scoring_manual(doc *d, const cJSON *desc)
{
    sm m;

    memset(&m, 0, sizeof m);
    m.d = d;
    m.desc = desc;
    m.scales = doc_get(desc, "scales");
    m.domains = doc_get(desc, "domains");
    m.items = doc_get(desc, "items");
    m.scores = doc_get(desc, "scores");
    m.levels = doc_get(desc, "levels");
    m.flags = doc_get(desc, "flags");
    missing_section(&m);
    scores_section(&m);
    levels_section(&m);
    flags_section(&m);
    judgement_section(&m);
}
