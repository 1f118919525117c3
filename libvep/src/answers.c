/*
** answers.c -- reads the "answers" object of an assessment: one answer per
** item, checked against the item's type (the table of section 4 of
** docs/WRITING-INSTRUMENTS.md).
**
** An answer is an object with either "value" or "status" ("unknown" or
** "not_applicable"), and optionally "reason" and "evidence".  An answer
** that gives both a value and a status is reported as wrong_type (the
** answer object has the wrong shape); one that gives neither as
** missing_field.  In both cases, and whenever the value breaks a rule, the
** item keeps the state "missing" and is marked bad, so that the checks
** made later (missing_required, relevance of the items that depend on it)
** do not pile further errors on the same mistake.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "answers.h"
#include "utf8.h"

/* The codes of an option list, "a, b, c", for "expected one of" (cut after
** a few dozen so that a long scale does not flood the message). */
static const char *codes_list(vep_reader *r, const vep_option *o, size_t n)
{
    vep_buf *b = vep__rd_scratch(r);
    size_t i;
    if (n == 0)
        return "(none declared)";
    for (i = 0; i < n && i < 30; i++) {
        if (i)
            vep__buf_adds(b, ", ");
        vep__buf_adds(b, o[i].code);
    }
    if (i < n)
        vep__buf_adds(b, ", ...");
    return vep__rd_str(r, b);
}

/* How the user should read "not a point of ...": scales (and the fixed
** presence pair) have points, choice and multi items have options. */
static void report_not_in_scale(vep_reader *r, const vep_item *it,
                                const char *code, const vep_option *o,
                                size_t n)
{
    const char *q = vep__rd_quote(r, code);
    const char *list = codes_list(r, o, n);
    if (it->type == VEP_ITEM_PRESENCE)
        vep__rd_error(r, it->id, "not_in_scale",
                      "item '%s': '%s' is not a point of scale 'presence' "
                      "(expected one of: %s)", it->id, q, list);
    else if (it->type == VEP_ITEM_SCALE)
        vep__rd_error(r, it->id, "not_in_scale",
                      "item '%s': '%s' is not a point of scale '%s' "
                      "(expected one of: %s)", it->id, q,
                      it->scale_id ? it->scale_id : "", list);
    else
        vep__rd_error(r, it->id, "not_in_scale",
                      "item '%s': '%s' is not one of its options "
                      "(expected one of: %s)", it->id, q, list);
}

/* The index of `code` in the option list, or -1. */
static int find_option(const vep_option *o, size_t n, const char *code)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (o[i].code && strcmp(o[i].code, code) == 0)
            return (int)i;
    return -1;
}

/* presence, scale, choice: one code; its option's value is the number. */
static int read_code(vep_reader *r, const vep_item *it, vep_answer *ans,
                     const cJSON *v)
{
    size_t n;
    const vep_option *o = vep__item_options(r->m, it, &n);
    int s = vep__rd_string(v), k;
    if (s == VEP_RD_BAD_UTF8)
        return 0;
    if (s == VEP_RD_NOT_STRING) {
        vep__rd_error(r, it->id, "wrong_type",
                      "item '%s': the value must be a string, one of: %s "
                      "(found %s)", it->id, codes_list(r, o, n),
                      vep__rd_type_name(v));
        return 0;
    }
    k = find_option(o, n, v->valuestring);
    if (k < 0) {
        report_not_in_scale(r, it, v->valuestring, o, n);
        return 0;
    }
    ans->option = k;
    ans->has_number = o[k].has_value;
    ans->number = o[k].has_value ? o[k].value : 0;
    return 1;
}

/* multi: an array of distinct codes.  The number is the sum of the chosen
** options' values, usable only when every chosen option has a value; no
** choice at all is a valid answer worth 0. */
static int read_multi(vep_reader *r, const vep_item *it, vep_answer *ans,
                      const cJSON *v)
{
    size_t n, i = 0, at;
    const vep_option *o = vep__item_options(r->m, it, &n);
    const cJSON *e;
    int ok = 1, all_valued = 1, k, s;
    double sum = 0;

    if (!cJSON_IsArray(v)) {
        vep__rd_error(r, it->id, "wrong_type",
                      "item '%s': the value must be an array of codes, "
                      "each one of: %s (found %s)", it->id,
                      codes_list(r, o, n), vep__rd_type_name(v));
        return 0;
    }
    ans->selected = vep__calloc(r->a, n ? n : 1, 1);
    if (ans->selected == NULL) {
        r->nomem = 1;
        return 0;
    }
    for (e = v->child; e != NULL; e = e->next, i++) {
        at = vep__rd_push_index(r, i);
        s = vep__rd_string(e);
        if (s != VEP_RD_STRING) {
            if (s == VEP_RD_NOT_STRING)
                vep__rd_error(r, it->id, "wrong_type",
                              "item '%s': each choice must be a string, one "
                              "of: %s (found %s)", it->id,
                              codes_list(r, o, n), vep__rd_type_name(e));
            ok = 0;
        } else if ((k = find_option(o, n, e->valuestring)) < 0) {
            report_not_in_scale(r, it, e->valuestring, o, n);
            ok = 0;
        } else if (ans->selected[k]) {
            vep__rd_error(r, it->id, "duplicate_choice",
                          "item '%s': '%s' is chosen more than once",
                          it->id, o[k].code);
            ok = 0;
        } else {
            ans->selected[k] = 1;
            if (o[k].has_value)
                sum += o[k].value;
            else
                all_valued = 0;
        }
        vep__rd_pop(r, at);
    }
    ans->option = -1;
    ans->has_number = all_valued;
    ans->number = all_valued ? sum : 0;
    return ok;
}

/* count and number: a finite JSON number within the item's bounds; counts
** are whole numbers of 0 or more, numbers whole when `integer` is set. */
static int read_number(vep_reader *r, const vep_item *it, vep_answer *ans,
                       const cJSON *v)
{
    char nb[VEP_NUM_BUFSIZE], lim[VEP_NUM_BUFSIZE];
    int count = it->type == VEP_ITEM_COUNT;
    double x;

    if (!cJSON_IsNumber(v)) {
        vep__rd_error(r, it->id, "wrong_type",
                      count ? "item '%s': the value must be a whole number of "
                              "0 or more (found %s)"
                            : "item '%s': the value must be a number "
                              "(found %s)",
                      it->id, vep__rd_type_name(v));
        return 0;
    }
    x = v->valuedouble;
    vep__num_format(nb, x);
    if (!isfinite(x)) {
        vep__rd_error(r, it->id, "out_of_range",
                      "item '%s': %s is not a finite number", it->id, nb);
        return 0;
    }
    if ((count || it->integer) && x != floor(x)) {
        vep__rd_error(r, it->id, "out_of_range",
                      "item '%s': %s is not a whole number%s", it->id, nb,
                      count ? "" : ", as the item requires");
        return 0;
    }
    if (count && x < 0) {
        vep__rd_error(r, it->id, "out_of_range",
                      "item '%s': %s is less than 0; a count is 0 or more",
                      it->id, nb);
        return 0;
    }
    if (it->has_min && x < it->min) {
        vep__rd_error(r, it->id, "out_of_range",
                      "item '%s': %s is less than the minimum of %s", it->id,
                      nb, vep__num_format(lim, it->min));
        return 0;
    }
    if (it->has_max && x > it->max) {
        vep__rd_error(r, it->id, "out_of_range",
                      "item '%s': %s is more than the maximum of %s", it->id,
                      nb, vep__num_format(lim, it->max));
        return 0;
    }
    ans->has_number = 1;
    ans->number = x;
    return 1;
}

/* date and text: a string, a real calendar date or a text of at most
** max_length characters; kept as written. */
static int read_string(vep_reader *r, const vep_item *it, vep_answer *ans,
                       const cJSON *v)
{
    int date = it->type == VEP_ITEM_DATE;
    int s = vep__rd_string(v);
    size_t chars;

    if (s == VEP_RD_BAD_UTF8)
        return 0;
    if (s == VEP_RD_NOT_STRING) {
        vep__rd_error(r, it->id, "wrong_type",
                      date ? "item '%s': the value must be a date written "
                             "YYYY-MM-DD (found %s)"
                           : "item '%s': the value must be a string "
                             "(found %s)",
                      it->id, vep__rd_type_name(v));
        return 0;
    }
    if (date && !vep__date_valid(v->valuestring)) {
        vep__rd_error(r, it->id, "invalid_date",
                      "item '%s': '%s' is not a real date written "
                      "YYYY-MM-DD", it->id, vep__rd_quote(r, v->valuestring));
        return 0;
    }
    if (!date && it->max_length > 0) {
        chars = vep__utf8_count(v->valuestring, strlen(v->valuestring));
        if (chars > it->max_length) {
            vep__rd_error(r, it->id, "too_long",
                          "item '%s': the text has %lu characters, more than "
                          "the %lu allowed", it->id, (unsigned long)chars,
                          (unsigned long)it->max_length);
            return 0;
        }
    }
    ans->text = vep__rd_strdup(r, v->valuestring);
    return ans->text != NULL;
}

/* Dispatches on the item's type; the path is that of the value. */
static int read_value(vep_reader *r, const vep_item *it, vep_answer *ans,
                      const cJSON *v)
{
    switch (it->type) {
    case VEP_ITEM_PRESENCE:
    case VEP_ITEM_SCALE:
    case VEP_ITEM_CHOICE:
        return read_code(r, it, ans, v);
    case VEP_ITEM_MULTI:
        return read_multi(r, it, ans, v);
    case VEP_ITEM_COUNT:
    case VEP_ITEM_NUMBER:
        return read_number(r, it, ans, v);
    case VEP_ITEM_DATE:
    case VEP_ITEM_TEXT:
        return read_string(r, it, ans, v);
    }
    return 0;
}

/* "status": only the two missing-data states.  Whether the item allows
** them is checked after relevance (an irrelevant item may say anything). */
static int read_status(vep_reader *r, const vep_item *it, vep_answer *ans,
                       const cJSON *v)
{
    int s = vep__rd_string(v);
    if (s == VEP_RD_BAD_UTF8)
        return 0;
    if (s == VEP_RD_NOT_STRING) {
        vep__rd_error(r, it->id, "wrong_type",
                      "item '%s': the status must be the string \"unknown\" "
                      "or \"not_applicable\" (found %s)", it->id,
                      vep__rd_type_name(v));
        return 0;
    }
    if (strcmp(v->valuestring, "unknown") == 0) {
        ans->state = VEP_ANSWER_UNKNOWN;
        return 1;
    }
    if (strcmp(v->valuestring, "not_applicable") == 0) {
        ans->state = VEP_ANSWER_NA;
        return 1;
    }
    vep__rd_error(r, it->id, "not_in_scale",
                  "item '%s': '%s' is not a status (expected one of: "
                  "unknown, not_applicable)", it->id,
                  vep__rd_quote(r, v->valuestring));
    return 0;
}

/* One list of evidence notes: an array of strings, copied. */
static int read_notes(vep_reader *r, const vep_item *it, const cJSON *v,
                      char ***out, size_t *out_n)
{
    const cJSON *e;
    size_t n = 0, i = 0, at;
    int ok = 1, s;

    if (!cJSON_IsArray(v)) {
        vep__rd_error(r, it->id, "wrong_type",
                      "item '%s': evidence notes must be an array of "
                      "strings (found %s)", it->id, vep__rd_type_name(v));
        return 0;
    }
    for (e = v->child; e != NULL; e = e->next)
        n++;
    *out = vep__calloc(r->a, n ? n : 1, sizeof **out);
    if (*out == NULL) {
        r->nomem = 1;
        return 0;
    }
    for (e = v->child; e != NULL; e = e->next, i++) {
        s = vep__rd_string(e);
        if (s == VEP_RD_STRING) {
            (*out)[(*out_n)++] = vep__rd_strdup(r, e->valuestring);
            if (r->nomem)
                return 0;
            continue;
        }
        ok = 0;
        if (s == VEP_RD_NOT_STRING) {
            at = vep__rd_push_index(r, i);
            vep__rd_error(r, it->id, "wrong_type",
                          "item '%s': an evidence note must be a string "
                          "(found %s)", it->id, vep__rd_type_name(e));
            vep__rd_pop(r, at);
        }
    }
    return ok;
}

/* "evidence": {"for": [...], "against": [...]}, both optional. */
static int read_evidence(vep_reader *r, const vep_item *it, vep_answer *ans,
                         const cJSON *v)
{
    static const char *const names[] = { "for", "against" };
    const cJSON *f[2];
    size_t at;
    int ok = 1;
    char where[96];

    if (!cJSON_IsObject(v)) {
        vep__rd_error(r, it->id, "wrong_type",
                      "item '%s': the evidence must be an object "
                      "{\"for\": [...], \"against\": [...]} (found %s)",
                      it->id, vep__rd_type_name(v));
        return 0;
    }
    snprintf(where, sizeof where, "the evidence of item '%.60s'", it->id);
    vep__rd_fields(r, v, names, 2, f, it->id, where);
    if (f[0]) {
        at = vep__rd_push_key(r, "for");
        ok &= read_notes(r, it, f[0], &ans->evidence_for, &ans->nfor);
        vep__rd_pop(r, at);
    }
    if (f[1] && !r->nomem) {
        at = vep__rd_push_key(r, "against");
        ok &= read_notes(r, it, f[1], &ans->evidence_against,
                         &ans->nagainst);
        vep__rd_pop(r, at);
    }
    return ok;
}

/* One answer object; the path is "$.answers.<id>". */
static void read_answer(vep_reader *r, int idx, const cJSON *j)
{
    static const char *const names[] = { "value", "status", "reason",
                                         "evidence" };
    const vep_item *it = &r->m->items[idx];
    vep_answer *ans = &r->as->answers[idx];
    const cJSON *f[4];
    size_t at;
    int ok = 1, s;
    char where[96];

    if (!cJSON_IsObject(j)) {
        vep__rd_error(r, it->id, "wrong_type",
                      "item '%s': the answer must be an object such as "
                      "{\"value\": ...} or {\"status\": \"unknown\"} "
                      "(found %s)", it->id, vep__rd_type_name(j));
        r->flags[idx] |= VEP_RD_BAD;
        return;
    }
    snprintf(where, sizeof where, "the answer to item '%.60s'", it->id);
    vep__rd_fields(r, j, names, 4, f, it->id, where);
    if (f[0] && f[1]) {
        vep__rd_error(r, it->id, "wrong_type",
                      "item '%s': the answer gives both a value and a "
                      "status; give one of them", it->id);
        ok = 0;
    } else if (!f[0] && !f[1]) {
        vep__rd_error(r, it->id, "missing_field",
                      "item '%s': the answer has neither a value nor a "
                      "status", it->id);
        ok = 0;
    } else if (f[0]) {
        r->flags[idx] |= VEP_RD_GAVE;
        at = vep__rd_push_key(r, "value");
        if (read_value(r, it, ans, f[0]))
            ans->state = VEP_ANSWER_VALUE;
        else
            ok = 0;
        vep__rd_pop(r, at);
    } else {
        at = vep__rd_push_key(r, "status");
        ok = read_status(r, it, ans, f[1]);
        vep__rd_pop(r, at);
    }
    if (f[2] && !r->nomem) {
        s = vep__rd_string(f[2]);
        if (s == VEP_RD_STRING) {
            ans->reason = vep__rd_strdup(r, f[2]->valuestring);
        } else {
            ok = 0;
            if (s == VEP_RD_NOT_STRING) {
                at = vep__rd_push_key(r, "reason");
                vep__rd_error(r, it->id, "wrong_type",
                              "item '%s': the reason must be a string "
                              "(found %s)", it->id, vep__rd_type_name(f[2]));
                vep__rd_pop(r, at);
            }
        }
    }
    if (f[3] && !r->nomem) {
        at = vep__rd_push_key(r, "evidence");
        ok &= read_evidence(r, it, ans, f[3]);
        vep__rd_pop(r, at);
    }
    if (!ok)
        r->flags[idx] |= VEP_RD_BAD;
}

/* Every key of "answers" must name an item; the first answer of a
** duplicated key counts (the duplicate was reported by the document
** pass).  Stops early only when out of memory. */
void vep__answers_read(vep_reader *r, const cJSON *answers)
{
    const cJSON *k;
    size_t at;
    int idx;

    for (k = answers->child; k != NULL && !r->nomem; k = k->next) {
        if (k->string == NULL
            || !vep__utf8_valid(k->string, strlen(k->string)))
            continue;
        at = vep__rd_push_key(r, k->string);
        idx = vep__rd_find_item(r, k->string);
        if (idx < 0) {
            vep__rd_error(r, k->string, "unknown_item",
                          "'%s' is not an item of instrument '%s'",
                          vep__rd_quote(r, k->string),
                          r->m->id ? r->m->id : "");
        } else if (!(r->flags[idx] & VEP_RD_MENTIONED)) {
            r->flags[idx] |= VEP_RD_MENTIONED;
            read_answer(r, idx, k);
        }
        vep__rd_pop(r, at);
    }
}

/* Releases an answer's strings and lists; the state goes back to missing
** so that a cleared answer can be read again or freed again. */
void vep__answer_clear(const vep_alloc *a, vep_answer *ans)
{
    size_t i;
    vep__free(a, ans->selected);
    vep__free(a, ans->text);
    vep__free(a, ans->reason);
    for (i = 0; i < ans->nfor; i++)
        vep__free(a, ans->evidence_for[i]);
    vep__free(a, ans->evidence_for);
    for (i = 0; i < ans->nagainst; i++)
        vep__free(a, ans->evidence_against[i]);
    vep__free(a, ans->evidence_against);
    memset(ans, 0, sizeof *ans);
    ans->option = -1;
}

/* ---- Relevance and missing data -------------------------------------- */

/* 1 when condition `c` reads an item whose answer broke a rule or whose
** own relevance is in doubt: its truth value is then not to be trusted. */
static int cond_unsure(const vep_reader *r, const vep_cond *c)
{
    size_t i;
    int k;
    if (c->ref.kind == VEP_REF_ITEM) {
        k = c->ref.index;
        if (k >= 0 && (size_t)k < r->m->nitems
            && (r->flags[k] & (VEP_RD_BAD | VEP_RD_UNSURE)))
            return 1;
    }
    for (i = 0; i < c->nkids; i++)
        if (cond_unsure(r, &c->kids[i]))
            return 1;
    for (i = 0; i < c->fn.nuses; i++) {
        k = c->fn.uses[i].index;
        if (c->fn.uses[i].kind == VEP_REF_ITEM && k >= 0
            && (size_t)k < r->m->nitems
            && (r->flags[k] & (VEP_RD_BAD | VEP_RD_UNSURE)))
            return 1;
    }
    return 0;
}

/* Evaluates the conditions in dependency order (m->item_order, or model
** order when there is none), so that an item's condition sees the items it
** refers to already marked not relevant.  An item found not relevant loses
** its value (it must not count anywhere); reason and evidence are kept. */
static vep_status decide_relevance(vep_reader *r)
{
    const vep_model *m = r->m;
    vep_answer *ans;
    size_t k, i;
    vep_status st;
    int holds;

    for (k = 0; k < m->nitems; k++) {
        i = m->item_order ? (size_t)m->item_order[k] : k;
        if (i >= m->nitems)
            continue;
        if (m->items[i].when == NULL) {
            r->flags[i] |= VEP_RD_RELEVANT;
            continue;
        }
        holds = 0;
        st = vep__cond_eval(r->ctx, m->items[i].when, &holds);
        if (st != VEP_OK)
            return st;
        if (cond_unsure(r, m->items[i].when))
            r->flags[i] |= VEP_RD_UNSURE;
        if (holds) {
            r->flags[i] |= VEP_RD_RELEVANT;
            continue;
        }
        ans = &r->as->answers[i];
        vep__free(r->a, ans->selected);
        vep__free(r->a, ans->text);
        ans->selected = NULL;
        ans->text = NULL;
        ans->has_number = 0;
        ans->number = 0;
        ans->option = -1;
        ans->state = VEP_ANSWER_NOT_RELEVANT;
    }
    return VEP_OK;
}

/* Reports a problem about item `i` at "$.answers.<id>[.field]". */
static size_t push_item(vep_reader *r, const vep_item *it, const char *field)
{
    size_t at = vep__rd_push_key(r, "answers");
    vep__rd_push_key(r, it->id);
    if (field)
        vep__rd_push_key(r, field);
    return at;
}

/* An irrelevant item answered with a value: the message explains the
** condition that does not hold. */
static void report_not_relevant(vep_reader *r, const vep_item *it)
{
    vep_buf why;
    size_t at = push_item(r, it, "value");
    vep__buf_init(&why, r->a);
    vep__cond_explain(r->ctx, it->when, &why);
    if (why.failed)
        r->nomem = 1;
    else
        vep__rd_error(r, it->id, "not_relevant",
                      "item '%s' is not relevant here and must not be "
                      "answered with a value; its condition does not hold: "
                      "%s", it->id, vep__buf_str(&why));
    vep__buf_free(&why);
    vep__rd_pop(r, at);
}

/* The checks that depend on relevance, item by item in model order, then
** the instrument-wide limit on unknowns (items left out count as unknown;
** items whose answer broke a rule are reported already and do not). */
static void report_items(vep_reader *r)
{
    const vep_model *m = r->m;
    vep_buf list;
    size_t i, at, nunknown = 0;

    vep__buf_init(&list, r->a);
    for (i = 0; i < m->nitems && !r->nomem; i++) {
        const vep_item *it = &m->items[i];
        const vep_answer *ans = &r->as->answers[i];
        unsigned f = r->flags[i];

        if (!(f & VEP_RD_RELEVANT)) {
            if ((f & VEP_RD_GAVE) && !(f & VEP_RD_UNSURE))
                report_not_relevant(r, it);
            continue;
        }
        /* The instrument's limit counts what the assessor marked unknown
        ** and required items left out (already an error of their own);
        ** an optional item left out is not a known unknown. */
        if (ans->state == VEP_ANSWER_UNKNOWN
            || (ans->state == VEP_ANSWER_MISSING && !(f & VEP_RD_MENTIONED)
                && it->required)) {
            if (nunknown < 20)
                vep__buf_printf(&list, "%s%s", nunknown ? ", " : "", it->id);
            else if (nunknown == 20)
                vep__buf_adds(&list, ", ...");
            nunknown++;
        }
        if (f & VEP_RD_UNSURE)
            continue;
        if (ans->state == VEP_ANSWER_MISSING && !(f & VEP_RD_MENTIONED)
            && it->required) {
            at = push_item(r, it, NULL);
            vep__rd_error(r, it->id, "missing_required",
                          "item '%s' is required but the assessment does not "
                          "answer it", it->id);
            vep__rd_pop(r, at);
        } else if (ans->state == VEP_ANSWER_UNKNOWN && !it->allow_unknown) {
            at = push_item(r, it, "status");
            vep__rd_error(r, it->id, "unknown_not_allowed",
                          "item '%s' may not be answered unknown", it->id);
            vep__rd_pop(r, at);
        } else if (ans->state == VEP_ANSWER_NA && !it->allow_na) {
            at = push_item(r, it, "status");
            vep__rd_error(r, it->id, "na_not_allowed",
                          "item '%s' may not be answered not applicable",
                          it->id);
            vep__rd_pop(r, at);
        }
    }
    if (m->max_unknown >= 0 && nunknown > (size_t)m->max_unknown
        && !r->nomem) {
        at = vep__rd_push_key(r, "answers");
        vep__rd_error(r, NULL, "too_many_unknowns",
                      "%lu items are unknown (%s), more "
                      "than the %d this instrument allows",
                      (unsigned long)nunknown, vep__rd_str(r, &list),
                      m->max_unknown);
        vep__rd_pop(r, at);
    }
    vep__buf_free(&list);
}

/* Relevance first, as every later check depends on it. */
vep_status vep__answers_check(vep_reader *r)
{
    vep_status st = decide_relevance(r);
    if (st != VEP_OK)
        return st;
    report_items(r);
    return VEP_OK;
}
