/*
** doc_instrument.c -- the user's guide and scoring manual of an
** instrument, from vep_instrument_describe's JSON (doc.h).
**
** The guide follows the order an assessor and a trainer need: what the
** instrument is for and for whom; how to rate (the scales with their
** anchors, unknown and not applicable); every part and domain with its
** items; the missing-data policy; the scoring rules, advisory levels and
** flags in words; the professional judgement; the test cases.  Every
** statement is derived from the description, so the guide cannot say
** anything the scoring does not do.  Members the description lacks are
** left out rather than guessed.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"

/* The description's lists, looked up once. */
typedef struct ig {
    doc *d;
    const cJSON *desc, *scales, *parts, *domains, *items, *scores, *levels,
        *flags;
} ig;

/* A heading "ID: TITLE" (or "ID" alone) with the anchor PREFIX-ID. */
static void id_heading(ig *g, int level, const char *prefix, const cJSON *e,
                       const char *title_key, unsigned flags)
{
    const char *id = doc_str(e, "id");
    doc_heading_join(g->d, level, prefix, id, id, doc_str(e, title_key), flags);
}

/* ---- Answers ------------------------------------------------------------- */

/* Options or scale points as "`code` (value) label; ...". */
static void option_list(doc *d, const cJSON *opts)
{
    const cJSON *o;
    double v;
    int first = 1;

    cJSON_ArrayForEach(o, opts) {
        const char *label = doc_str(o, "label");
        if (!first)
            doc_text(d, "; ");
        first = 0;
        doc_code(d, doc_str(o, "code"));
        if (doc_num(o, "value", &v)) {
            doc_text(d, " (");
            doc_number(d, v);
            doc_text(d, ")");
        }
        if (label != NULL) {
            doc_text(d, " ");
            doc_text(d, label);
        }
    }
}

/* What an answer to the item is: its codes with their values and
** anchors, or the kind of value with its bounds. */
static void item_answer(ig *g, const cJSON *it)
{
    doc *d = g->d;
    const char *type = doc_str(it, "type"), *scale = doc_str(it, "scale");
    const cJSON *sc;
    double lo, hi;
    int has_lo = doc_num(it, "min", &lo), has_hi = doc_num(it, "max", &hi);

    doc_field(d, "Answer");
    if (type == NULL) {
        doc_text(d, "as the script says");
    } else if (strcmp(type, "presence") == 0) {
        doc_code(d, "present");
        doc_text(d, " (1) or ");
        doc_code(d, "absent");
        doc_text(d, " (0)");
    } else if (strcmp(type, "scale") == 0) {
        sc = doc_find(g->scales, scale);
        doc_text(d, "a point of the scale ");
        doc_code(d, scale);
        doc_text(d, ": ");
        option_list(d, doc_get(sc, "points"));
    } else if (strcmp(type, "choice") == 0) {
        doc_text(d, "one of ");
        option_list(d, doc_get(it, "options"));
    } else if (strcmp(type, "multi") == 0) {
        doc_text(d, "any of these, several allowed (their values add up): ");
        option_list(d, doc_get(it, "options"));
    } else if (strcmp(type, "count") == 0) {
        doc_text(d, "a whole number, 0 or more");
        if (has_hi) {
            doc_text(d, ", at most ");
            doc_number(d, hi);
        }
    } else if (strcmp(type, "number") == 0) {
        doc_text(d, "a number");
        if (has_lo && has_hi) {
            doc_text(d, " from ");
            doc_number(d, lo);
            doc_text(d, " to ");
            doc_number(d, hi);
        } else if (has_lo || has_hi) {
            doc_text(d, has_lo ? " of at least " : " of at most ");
            doc_number(d, has_lo ? lo : hi);
        }
    } else if (strcmp(type, "date") == 0) {
        doc_text(d, "a date, written YYYY-MM-DD");
    } else if (strcmp(type, "text") == 0) {
        doc_text(d, "free text");
        if (doc_num(it, "max_length", &hi)) {
            doc_text(d, ", at most ");
            doc_number(d, hi);
            doc_text(d, " characters");
        }
    } else {
        doc_code(d, type);
    }
    doc_text(d, ".");
    doc_close(d);
}

/* Whether the JSON array `arr` holds the string `s`. */
static int has_string(const cJSON *arr, const char *s)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, arr)
        if (cJSON_IsString(e) && strcmp(e->valuestring, s) == 0)
            return 1;
    return 0;
}

/* The weight of item `id` among a score's terms (1 when not listed). */
static double term_weight(const cJSON *score, const char *id)
{
    const cJSON *t;
    double w;
    cJSON_ArrayForEach(t, doc_get(score, "terms"))
        if (doc_str(t, "id") && strcmp(doc_str(t, "id"), id) == 0
            && doc_num(t, "weight", &w))
            return w;
    return 1;
}

/* "Scored in: `total` (weight 2), ..." or "Not scored". */
static void item_scored_in(ig *g, const char *id)
{
    doc *d = g->d;
    const cJSON *s;
    int n = 0;

    cJSON_ArrayForEach(s, g->scores) {
        const char *rule = doc_str(s, "rule");
        double w;
        if ((rule != NULL && strcmp(rule, "composite") == 0)
            || !has_string(doc_get(s, "items"), id))
            continue;
        if (n++ == 0)
            doc_field(d, "Scored in");
        else
            doc_text(d, ", ");
        doc_code(d, doc_str(s, "id"));
        w = term_weight(s, id);
        if (w != 1) {
            doc_text(d, " (weight ");
            doc_number(d, w);
            doc_text(d, ")");
        }
    }
    if (n > 0) {
        doc_text(d, ".");
        doc_close(d);
    } else {
        doc_field_text(d, "Scored", "no: the answer is recorded, not scored.");
    }
}

/* One item: its heading (id and text) and what the assessor needs. */
static void item_block(ig *g, const cJSON *it)
{
    doc *d = g->d;
    const char *id = doc_str(it, "id"), *when = doc_str(it, "when_words");
    const cJSON *doms = doc_get(it, "domains"), *dm;
    double w;
    int n = 0;

    if (when == NULL)
        when = doc_str(it, "when");
    id_heading(g, 4, "item", it, "text", 0);
    doc_open(d, DOC_LIST);
    item_answer(g, it);
    doc_field_text(d, "Required", doc_true(it, "required")
                   ? "yes: every assessment must answer it (with a value, "
                     "or as unknown or not applicable)."
                   : "no.");
    if (when != NULL) {
        doc_field(d, "Asked only when");
        doc_text(d, when);
        doc_text(d, ". Otherwise it is not relevant: it is not answered and counts in no score.");
        doc_close(d);
    }
    if (cJSON_IsFalse(doc_get(it, "unknown_allowed")))
        doc_field_text(d, "Unknown", "not allowed for this item.");
    if (cJSON_IsFalse(doc_get(it, "not_applicable_allowed")))
        doc_field_text(d, "Not applicable", "not allowed for this item.");
    if (doc_true(it, "protective"))
        doc_field_text(d, "Direction", "protective: a higher rating means stronger protection.");
    cJSON_ArrayForEach(dm, doms) {
        if (!cJSON_IsString(dm))
            continue;
        if (n++ == 0)
            doc_field(d, "Counts in domain");
        else
            doc_text(d, ", ");
        doc_code(d, dm->valuestring);
        if (doc_num(doc_get(it, "weights"), dm->valuestring, &w) && w != 1) {
            doc_text(d, " (weight ");
            doc_number(d, w);
            doc_text(d, ")");
        }
    }
    if (n > 0) {
        doc_text(d, ".");
        doc_close(d);
    }
    item_scored_in(g, id ? id : "");
    doc_field_text(d, "Guidance", doc_str(it, "guidance"));
    doc_close(d);
}

/* ---- Purpose and rating ------------------------------------------------ */

/* Purpose: the description, for whom and by whom, the licence, the
** "no total" statement, and that computed levels are advisory. */
static void purpose(ig *g)
{
    doc *d = g->d;
    const char *no_total = doc_str(g->desc, "no_total");

    doc_heading_add(d, 2, "purpose", "Purpose", 0);
    doc_para(d, doc_str(g->desc, "description"));
    doc_open(d, DOC_LIST);
    doc_field_text(d, "Population", doc_str(g->desc, "population"));
    doc_field_text(d, "Assessor", doc_str(g->desc, "assessor"));
    doc_field_text(d, "Licence", doc_str(g->desc, "licence"));
    if (doc_str(g->desc, "base") != NULL) {
        doc_field(d, "Adapts");
        doc_code(d, doc_str(g->desc, "base"));
        doc_close(d);
    }
    doc_close(d);
    if (no_total != NULL) {
        doc_open(d, DOC_PARA);
        doc_strong(d, "No total score.");
        doc_text(d, " ");
        doc_text(d, no_total);
        doc_close(d);
    }
    doc_open(d, DOC_NOTE);
    doc_para(d, "The levels this instrument computes are advisory. The final "
                "judgement is the professional's, recorded with a rationale "
                "beside the advisory level (see Professional judgement). "
                "The software decides nothing.");
    doc_close(d);
}

/* Whether some item has the type `type`. */
static int has_type(const cJSON *items, const char *type)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, items)
        if (doc_str(it, "type") && strcmp(doc_str(it, "type"), type) == 0)
            return 1;
    return 0;
}

/* Counts the items for which `key` is false (unknown_allowed, ...). */
static int count_false(const cJSON *items, const char *key, int *any_when)
{
    const cJSON *it;
    int n = 0;
    cJSON_ArrayForEach(it, items) {
        n += cJSON_IsFalse(doc_get(it, key));
        if (doc_str(it, "when") != NULL)
            *any_when = 1;
    }
    return n;
}

/* How to rate: the scales with their anchors, the presence codes, and
** the states that are not ratings (unknown, not applicable, not relevant). */
static void rating(ig *g)
{
    doc *d = g->d;
    const cJSON *s, *p;
    static const char *const cols[] = { "Code", "Value", "Anchor" };
    int any_when = 0, no_unknown, no_na;
    double mu;

    doc_heading_add(d, 2, "rating", "How to rate", 0);
    doc_para(d, "Each item is answered with one of the codes below, or left "
                "unknown or not applicable where the item allows it. The "
                "assessment writes the code; scoring uses its value.");
    if (cJSON_GetArraySize(g->scales) > 0)
        doc_heading_add(d, 3, "scales", "Rating scales", 0);
    cJSON_ArrayForEach(s, g->scales) {
        id_heading(g, 4, "scale", s, "title", 0);
        doc_table(d, cols, 3);
        cJSON_ArrayForEach(p, doc_get(s, "points")) {
            double v;
            doc_open(d, DOC_ROW);
            doc_cell_text(d, doc_str(p, "code"), 1);
            doc_open(d, DOC_CELL);
            if (doc_num(p, "value", &v))
                doc_number(d, v);
            doc_close(d);
            doc_cell_text(d, doc_str(p, "label"), 0);
            doc_close(d);
        }
        doc_close(d);
    }
    if (has_type(g->items, "presence")) {
        static const char *const pcols[] = { "Code", "Value", "Meaning" };
        doc_heading_add(d, 3, "presence", "Presence items", 0);
        doc_table(d, pcols, 3);
        doc_open(d, DOC_ROW);
        doc_cell_text(d, "present", 1);
        doc_cell_text(d, "1", 0);
        doc_cell_text(d, "what the item describes is present", 0);
        doc_close(d);
        doc_open(d, DOC_ROW);
        doc_cell_text(d, "absent", 1);
        doc_cell_text(d, "0", 0);
        doc_cell_text(d, "what the item describes is absent", 0);
        doc_close(d);
        doc_close(d);
    }
    no_unknown = count_false(g->items, "unknown_allowed", &any_when);
    no_na = count_false(g->items, "not_applicable_allowed", &any_when);
    doc_heading_add(d, 3, "states", "Unknown, not applicable, not relevant", 0);
    doc_open(d, DOC_LIST);
    doc_field(d, "Unknown");
    doc_text(d, "there is not enough information to rate the item. Record the "
                "reason. Unknown is a state of its own, never a rating of zero: "
                "it is left out of the scores and counted against their limits "
                "(see Missing information).");
    if (doc_num(g->desc, "max_unknown", &mu)) {
        doc_text(d, " At most ");
        doc_number(d, mu);
        doc_text(d, mu == 1 ? " item may be unknown in one assessment."
                            : " items may be unknown in one assessment.");
    }
    doc_close(d);
    doc_field_text(d, "Not applicable", "the item does not apply to this "
                   "person. It is left out of every score and does not count "
                   "as unknown.");
    if (any_when)
        doc_field_text(d, "Not relevant", "an item asked only when a "
                       "condition holds is not relevant when it does not: it "
                       "must not be answered with a value, it is not required, "
                       "and it counts in no score.");
    if (no_unknown > 0)
        doc_field_text(d, "Items that may not be unknown", "marked on the item below.");
    if (no_na > 0)
        doc_field_text(d, "Items that may not be not applicable", "marked on the item below.");
    doc_close(d);
}

/* ---- Parts, domains and items --------------------------------------------- */

/* The index of `e` in array `arr`. */
static int index_of(const cJSON *arr, const cJSON *e)
{
    const cJSON *x;
    int i = 0;
    cJSON_ArrayForEach(x, arr) {
        if (x == e)
            return i;
        i++;
    }
    return -1;
}

/* The item's first domain, or NULL. */
static const char *first_domain(const cJSON *it)
{
    const cJSON *doms = doc_get(it, "domains");
    return cJSON_IsArray(doms) && cJSON_IsString(doms->child)
               ? doms->child->valuestring : NULL;
}

/* Whether two optional ids are the same (both NULL counts). */
static int same_id(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* A domain: its heading, kind, and the items whose first domain it is. */
static void domain_block(ig *g, const cJSON *dm, unsigned char *shown)
{
    doc *d = g->d;
    const char *id = doc_str(dm, "id"), *kind = doc_str(dm, "kind");
    const cJSON *it;
    int n = 0;

    cJSON_ArrayForEach(it, g->items)
        n += same_id(first_domain(it), id);
    doc_heading_join(d, 3, "domain", id, "Domain",
                     doc_str(dm, "title") ? doc_str(dm, "title") : id ? id : "?", 0);
    doc_open(d, DOC_PARA);
    doc_text(d, "Domain ");
    doc_code(d, id);
    if (kind != NULL && strcmp(kind, "risk") == 0)
        doc_text(d, ": risk indicators");
    else if (kind != NULL && strcmp(kind, "need") == 0)
        doc_text(d, ": needs");
    else if (kind != NULL && strcmp(kind, "protective") == 0)
        doc_text(d, ": protective factors (a higher rating means stronger protection)");
    doc_textf(d, ", %d item%s.", n, n == 1 ? "" : "s");
    doc_close(d);
    cJSON_ArrayForEach(it, g->items)
        if (same_id(first_domain(it), id)) {
            shown[index_of(g->items, it)] = 1;
            item_block(g, it);
        }
}

/* The items of part `part` (NULL: of no part) not shown yet, under the
** heading `heading` with the anchor "PREFIX-PART". */
static void other_items(ig *g, const char *part, unsigned char *shown,
                        const char *heading, const char *prefix)
{
    const cJSON *it;
    int i = 0, any = 0;

    cJSON_ArrayForEach(it, g->items) {
        if (!shown[i] && same_id(doc_str(it, "part"), part)) {
            if (!any++)
                doc_heading_join(g->d, 3, prefix, part ? part : "items", heading, NULL, 0);
            shown[i] = 1;
            item_block(g, it);
        }
        i++;
    }
}

/* Every part with its domains and items, then what belongs to none. */
static void parts(ig *g)
{
    doc *d = g->d;
    const cJSON *p, *dm;
    int nitems = cJSON_GetArraySize(g->items), left = 0, i;
    unsigned char *shown = calloc((size_t)nitems + 1, 1);

    if (shown == NULL) {
        d->nomem = 1;
        return;
    }
    cJSON_ArrayForEach(p, g->parts) {
        const char *id = doc_str(p, "id");
        doc_heading_join(d, 2, "part", id, "Part",
                         doc_str(p, "title") ? doc_str(p, "title") : id ? id : "?",
                         DOC_PAGE_BREAK);
        cJSON_ArrayForEach(dm, g->domains)
            if (same_id(doc_str(dm, "part"), id))
                domain_block(g, dm, shown);
        other_items(g, id, shown, "Other items of this part", "part-other");
    }
    for (i = 0; i < nitems; i++)
        left += !shown[i];
    if (left > 0) {
        doc_heading_add(d, 2, "items", cJSON_GetArraySize(g->parts) > 0
                        ? "Items outside the parts" : "Items", DOC_PAGE_BREAK);
        cJSON_ArrayForEach(dm, g->domains)
            if (doc_str(dm, "part") == NULL)
                domain_block(g, dm, shown);
        other_items(g, NULL, shown, "Other items", "other");
        for (i = 0, p = g->items ? g->items->child : NULL; p; p = p->next, i++)
            if (!shown[i]) {
                shown[i] = 1;
                item_block(g, p);
            }
    }
    free(shown);
}

/* ---- The test cases and the whole guide ------------------------------- */

/* The whole guide of an instrument: title, warning, front matter,
** contents, then the sections in the order an assessor needs them. */
void doc_instrument(doc *d, const cJSON *desc, const char *requested)
{
    ig g;
    const char *id = doc_str(desc, "id"), *title = doc_str(desc, "title");

    memset(&g, 0, sizeof g);
    g.d = d;
    g.desc = desc;
    g.scales = doc_get(desc, "scales");
    g.parts = doc_get(desc, "parts");
    g.domains = doc_get(desc, "domains");
    g.items = doc_get(desc, "items");
    g.scores = doc_get(desc, "scores");
    g.levels = doc_get(desc, "levels");
    g.flags = doc_get(desc, "flags");

    doc_set_title(d, title ? title : id);
    doc_heading_add(d, 1, "top", title ? title : id ? id : "Instrument", 0);
    doc_open(d, DOC_PARA);
    doc_text(d, "User's guide and scoring manual of the instrument ");
    doc_code(d, id ? id : "?");
    doc_text(d, ", version ");
    doc_text(d, doc_str(desc, "version") ? doc_str(desc, "version") : "?");
    doc_text(d, ".");
    doc_close(d);
    if (doc_true(desc, "illustrative")) {
        doc_open(d, DOC_WARNING);
        doc_open(d, DOC_PARA);
        doc_strong(d, "Illustrative, not validated.");
        doc_text(d, " This instrument was written as an example. It is not a "
                    "validated tool and must not be used to make decisions "
                    "about real people.");
        doc_close(d);
        doc_close(d);
    }
    doc_front_matter(d, desc, requested);
    doc_toc_here(d);
    purpose(&g);
    rating(&g);
    parts(&g);
    doc_scoring_manual(d, desc);
    doc_hosts(d, doc_get(desc, "host_functions"));
    doc_tests(d, doc_get(desc, "tests"), "assessments with the results they must give");
}
