/*
** plan_input.c -- the facts a plan is derived from: a result document (as
** vep_score writes it) and the case context the host passes, or the
** compact form plan test cases give.
**
** Every problem is reported with the document it is in ("result" or
** "context" in the FILE field), its JSON path and a rule name, and
** reading carries on so that the user sees all of them at once.  The
** context is the host's: unknown fields are refused (a misspelt
** "expected_relase" must not silently drop the pre-release programme).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "plan.h"
#include "date.h"
#include "decl.h"   /* vep__valid_lang */

/* One document being read: where we are in it, and what went wrong. */
typedef struct pin {
    const vep_alloc *a;
    vep_diags *d;
    const char *file;        /* "result" or "context"                  */
    char path[256];
    size_t plen;
    int problems;
    int nomem;
} pin;

/* Reports a problem at the current path. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void perr(pin *p, const char *item, const char *rule, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    p->problems++;
    if (vep__diag_add(p->d, p->file, 0, p->path, item, rule, "%s", msg) != 0)
        p->nomem = 1;
}

/* Appends ".key" or "[i]" to the path; returns the length to pop back to. */
static size_t push_key(pin *p, const char *key)
{
    size_t old = p->plen;
    int n = snprintf(p->path + old, sizeof p->path - old, ".%s", key);
    if (n > 0 && (size_t)n < sizeof p->path - old)
        p->plen += (size_t)n;
    else
        p->path[old] = '\0';
    return old;
}

static size_t push_index(pin *p, int i)
{
    size_t old = p->plen;
    int n = snprintf(p->path + old, sizeof p->path - old, "[%d]", i);
    if (n > 0 && (size_t)n < sizeof p->path - old)
        p->plen += (size_t)n;
    else
        p->path[old] = '\0';
    return old;
}

static void pop(pin *p, size_t len)
{
    p->plen = len;
    p->path[len] = '\0';
}

/* A copy through the allocator; remembers running out of memory. */
static char *pdup(pin *p, const char *s)
{
    char *c;
    if (s == NULL)
        return NULL;
    c = vep__strdup(p->a, s);
    if (c == NULL)
        p->nomem = 1;
    return c;
}

/* The JSON type of a value, in the user's words. */
static const char *type_name(const cJSON *j)
{
    if (cJSON_IsString(j)) return "a string";
    if (cJSON_IsNumber(j)) return "a number";
    if (cJSON_IsBool(j)) return "a boolean";
    if (cJSON_IsNull(j)) return "null";
    if (cJSON_IsArray(j)) return "an array";
    return "an object";
}

/* Reports every object member whose name an earlier member of the same
** object has: cJSON keeps both and finds the first, and a document that
** says two things must not be read as saying one of them. */
static void check_duplicates(pin *p, const cJSON *j, int depth)
{
    const cJSON *k, *o;
    int i = 0;
    if (depth > 64)
        return;
    cJSON_ArrayForEach(k, j) {
        size_t at = cJSON_IsObject(j) ? push_key(p, k->string) : push_index(p, i++);
        if (cJSON_IsObject(j))
            for (o = j->child; o != k; o = o->next)
                if (strcmp(o->string, k->string) == 0) {
                    perr(p, NULL, "duplicate_key", "'%.40s' is given twice; give it once",
                         k->string);
                    break;
                }
        if (cJSON_IsObject(k) || cJSON_IsArray(k))
            check_duplicates(p, k, depth + 1);
        pop(p, at);
    }
}

/* Parses a document; reports a syntax error with line and column, content
** after the document, and repeated member names. */
static cJSON *parse(pin *p, const char *json, size_t len, const char *what)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    unsigned long line = 1, col = 1;
    size_t i, off;

    if (root != NULL) {
        for (off = (size_t)(end - json); off < len && (json[off] == ' ' || json[off] == '\n'
                                                       || json[off] == '\t' || json[off] == '\r'); off++)
            ;
        if (off < len) {
            cJSON_Delete(root);
            root = NULL;
            end = json + off;
        } else {
            check_duplicates(p, root, 0);
            return root;
        }
    }
    off = end && end >= json && (size_t)(end - json) <= len ? (size_t)(end - json) : len;
    for (i = 0; i < off; i++) {
        if (json[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)json[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    if (len == 0)
        perr(p, NULL, "json_syntax", "the %s is empty", what);
    else
        perr(p, NULL, "json_syntax", "the %s is not valid JSON: at line %lu, column %lu",
             what, line, col);
    return NULL;
}

/* Appends a zeroed fact to an array; NULL when out of memory. */
static vep_fact *add_fact(pin *p, vep_fact **v, size_t *n)
{
    vep_fact *nv = vep__realloc(p->a, *v, (*n + 1) * sizeof **v);
    if (nv == NULL) {
        p->nomem = 1;
        return NULL;
    }
    *v = nv;
    memset(&nv[*n], 0, sizeof nv[0]);
    return &nv[(*n)++];
}

/* Appends a dated entry (programme or event). */
static vep_dated *add_dated(pin *p, vep_dated **v, size_t *n)
{
    vep_dated *nv = vep__realloc(p->a, *v, (*n + 1) * sizeof **v);
    if (nv == NULL) {
        p->nomem = 1;
        return NULL;
    }
    *v = nv;
    memset(&nv[*n], 0, sizeof nv[0]);
    return &nv[(*n)++];
}

/* A string member, or NULL. */
static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* ---- The result document --------------------------------------------- */

/* Reads an array of {id, KEY} entries into facts: the value as a number
** (scores), as a band code (levels), or as raised (flags). */
static void read_entries(pin *p, const cJSON *root, const char *section,
                         const char *idkey, vep_fact **v, size_t *n)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, section), *e;
    size_t at = push_key(p, section);
    int i = 0;

    if (arr != NULL && !cJSON_IsArray(arr))
        perr(p, NULL, "wrong_type", "%s must be an array, not %s", section, type_name(arr));
    const cJSON *list = cJSON_IsArray(arr) ? arr : NULL;
    cJSON_ArrayForEach(e, list) {
        size_t at2 = push_index(p, i++);
        const char *id = str_of(e, idkey);
        const cJSON *val;
        vep_fact *f;
        if (id == NULL) {
            perr(p, NULL, "missing_field", "each entry of %s needs a string \"%s\"", section, idkey);
            pop(p, at2);
            continue;
        }
        f = add_fact(p, v, n);
        if (f == NULL)
            break;
        f->id = pdup(p, id);
        if (strcmp(section, "scores") == 0) {
            val = cJSON_GetObjectItemCaseSensitive(e, "value");
            if (cJSON_IsNumber(val)) {
                f->has_number = 1;
                f->number = val->valuedouble;
            }
        } else if (strcmp(section, "levels") == 0) {
            f->code = pdup(p, str_of(e, "level"));
        } else if (strcmp(section, "flags") == 0) {
            val = cJSON_GetObjectItemCaseSensitive(e, "raised");
            f->has_number = 1;
            f->number = cJSON_IsTrue(val);
            f->code = pdup(p, cJSON_IsTrue(val) ? "true" : "false");
        } else {   /* answers */
            const cJSON *codes = cJSON_GetObjectItemCaseSensitive(e, "codes"), *c;
            f->state = pdup(p, str_of(e, "state") ? str_of(e, "state") : "missing");
            f->code = pdup(p, str_of(e, "code") ? str_of(e, "code") : str_of(e, "date"));
            val = cJSON_GetObjectItemCaseSensitive(e, "value");
            if (cJSON_IsNumber(val)) {
                f->has_number = 1;
                f->number = val->valuedouble;
            }
            if (cJSON_IsArray(codes) && cJSON_GetArraySize(codes) > 0) {
                f->codes = vep__calloc(p->a, (size_t)cJSON_GetArraySize(codes), sizeof *f->codes);
                if (f->codes == NULL)
                    p->nomem = 1;
                const cJSON *cl = f->codes ? codes : NULL;
                cJSON_ArrayForEach(c, cl)
                    if (cJSON_IsString(c))
                        f->codes[f->ncodes++] = pdup(p, c->valuestring);
            }
        }
        pop(p, at2);
    }
    pop(p, at);
}

vep_status vep__plan_read_result(const vep_alloc *a, vep_diags *d,
                                 const char *instrument, const char *json,
                                 size_t len, vep_plan_facts *f)
{
    pin p;
    cJSON *root;
    const cJSON *ins, *as, *j;
    size_t at;

    memset(&p, 0, sizeof p);
    p.a = a;
    p.d = d;
    p.file = "result";
    strcpy(p.path, "$");
    p.plen = 1;
    root = parse(&p, json, len, "result");
    if (root == NULL)
        goto done;
    ins = cJSON_GetObjectItemCaseSensitive(root, "instrument");
    if (!cJSON_IsObject(root) || !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "libvep"))
        || !cJSON_IsObject(ins) || str_of(ins, "id") == NULL) {
        perr(&p, NULL, "not_a_result", "this is not a libvep result document (as 'vep score' "
             "writes it): it needs \"libvep\" and \"instrument\": {\"id\", ...}");
        goto done;
    }
    f->instrument_id = pdup(&p, str_of(ins, "id"));
    f->instrument_version = pdup(&p, str_of(ins, "version"));
    f->instrument_sha256 = pdup(&p, str_of(ins, "sha256"));
    if (instrument && strcmp(instrument, str_of(ins, "id")) != 0) {
        at = push_key(&p, "instrument");
        push_key(&p, "id");
        perr(&p, NULL, "wrong_instrument", "the result is of instrument '%s'; this plan "
             "takes results of '%s'", str_of(ins, "id"), instrument);
        pop(&p, at);
    }
    as = cJSON_GetObjectItemCaseSensitive(root, "assessment");
    f->subject_id = pdup(&p, str_of(as, "subject"));
    f->assessment_date = pdup(&p, str_of(as, "date"));
    if (f->assessment_date && !vep__date_valid(f->assessment_date)) {
        at = push_key(&p, "assessment");
        push_key(&p, "date");
        perr(&p, NULL, "invalid_date", "the assessment date '%.40s' is not a real date "
             "YYYY-MM-DD", f->assessment_date);
        pop(&p, at);
    }
    read_entries(&p, root, "scores", "id", &f->scores, &f->nscores);
    read_entries(&p, root, "levels", "id", &f->levels, &f->nlevels);
    read_entries(&p, root, "flags", "id", &f->flags, &f->nflags);
    if (cJSON_GetObjectItemCaseSensitive(root, "answers") == NULL) {
        perr(&p, NULL, "missing_field", "the result has no \"answers\": score the assessment "
             "again with this version of libvep");
    }
    read_entries(&p, root, "answers", "item", &f->answers, &f->nanswers);
    j = cJSON_GetObjectItemCaseSensitive(root, "judgement");
    at = push_key(&p, "judgement");
    if (str_of(j, "final") == NULL || str_of(j, "final")[0] == '\0') {
        push_key(&p, "final");
        perr(&p, NULL, "no_final_judgement", "a plan is built on the professional's final "
             "judgement; the result has none");
    } else {
        f->risk = pdup(&p, str_of(j, "final"));
        f->advisory = pdup(&p, str_of(j, "advisory"));
    }
    pop(&p, at);
done:
    cJSON_Delete(root);
    if (p.nomem)
        return VEP_ERR_NOMEM;
    return p.problems ? VEP_ERR_ASSESSMENT : VEP_OK;
}

/* ---- The case context --------------------------------------------------- */

static const char *const context_fields[] = {
    "as_of", "sentence_start", "expected_release", "conditional_release", "age",
    "regime", "language", "literacy", "programmes", "events", "custom", NULL
};

/* A date field: a real YYYY-MM-DD date, or absent (NULL). */
static char *read_date(pin *p, const cJSON *o, const char *key, int required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at = push_key(p, key);
    char *out = NULL;
    if (v == NULL || cJSON_IsNull(v)) {
        if (required)
            perr(p, NULL, "missing_field", "\"%s\" is required: the date the plan is made "
                 "as of (YYYY-MM-DD); libvep has no clock", key);
    } else if (!cJSON_IsString(v)) {
        perr(p, NULL, "wrong_type", "\"%s\" must be a date \"YYYY-MM-DD\", not %s", key,
             type_name(v));
    } else if (!vep__date_valid(v->valuestring)) {
        perr(p, NULL, "invalid_date", "\"%s\" is '%.40s', not a real date YYYY-MM-DD", key,
             v->valuestring);
    } else {
        out = pdup(p, v->valuestring);
    }
    pop(p, at);
    return out;
}

/* Adds a context fact from a string, boolean or number value. */
static void add_context_fact(pin *p, vep_plan_facts *f, const char *id, const cJSON *v)
{
    vep_fact *x;
    char num[32];
    if (vep__fact_find(f->context, f->ncontext, id)) {
        perr(p, NULL, "duplicate_key", "'%s' is given twice in the context", id);
        return;
    }
    x = add_fact(p, &f->context, &f->ncontext);
    if (x == NULL)
        return;
    x->id = pdup(p, id);
    if (cJSON_IsString(v)) {
        x->code = pdup(p, v->valuestring);
    } else if (cJSON_IsBool(v)) {
        x->code = pdup(p, cJSON_IsTrue(v) ? "true" : "false");
    } else {
        x->has_number = 1;
        x->number = v->valuedouble;
        snprintf(num, sizeof num, "%.15g", v->valuedouble);
        x->code = pdup(p, num);
    }
}

/* A field that must be a string (regime, language, literacy). */
static void read_word(pin *p, const cJSON *o, const char *key, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at = push_key(p, key);
    if (v != NULL && !cJSON_IsNull(v)) {
        if (!cJSON_IsString(v) || v->valuestring[0] == '\0')
            perr(p, NULL, "wrong_type", "\"%s\" must be a non-empty string, not %s", key,
                 type_name(v));
        else if (strcmp(key, "language") == 0 && !vep__valid_lang(v->valuestring))
            perr(p, NULL, "invalid_value", "\"language\" must be a BCP 47 tag such as "
                 "'sq' or 'sr-Latn', not '%.40s'", v->valuestring);
        else
            add_context_fact(p, f, key, v);
        if (strcmp(key, "regime") == 0 && cJSON_IsString(v))
            f->regime = pdup(p, v->valuestring);
    }
    pop(p, at);
}

/* programmes: { "completed": [ {id, date} ], "refused": [...] }. */
static void read_programmes(pin *p, const cJSON *o, vep_plan_facts *f)
{
    static const char *const lists[] = { "completed", "refused", NULL };
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "programmes"), *k, *e;
    size_t at = push_key(p, "programmes"), at2, at3;
    int i, li;

    if (v == NULL || cJSON_IsNull(v))
        goto done;
    if (!cJSON_IsObject(v)) {
        perr(p, NULL, "wrong_type", "\"programmes\" must be an object "
             "{\"completed\": [...], \"refused\": [...]}, not %s", type_name(v));
        goto done;
    }
    cJSON_ArrayForEach(k, v) {
        for (li = 0; lists[li] && strcmp(lists[li], k->string) != 0; li++)
            ;
        at2 = push_key(p, k->string);
        if (lists[li] == NULL) {
            perr(p, NULL, "unknown_field", "programmes has no field '%s' (it has "
                 "\"completed\" and \"refused\")", k->string);
        } else if (!cJSON_IsArray(k)) {
            perr(p, NULL, "wrong_type", "\"%s\" must be an array of {\"id\", \"date\"}, "
                 "not %s", k->string, type_name(k));
        } else {
            i = 0;
            cJSON_ArrayForEach(e, k) {
                vep_dated *dt;
                at3 = push_index(p, i++);
                if (str_of(e, "id") == NULL) {
                    perr(p, NULL, "missing_field", "each programme needs a string \"id\"");
                } else if ((dt = li == 0 ? add_dated(p, &f->completed, &f->ncompleted)
                                         : add_dated(p, &f->refused, &f->nrefused)) != NULL) {
                    dt->id = pdup(p, str_of(e, "id"));
                    dt->date = read_date(p, e, "date", 0);
                }
                pop(p, at3);
            }
        }
        pop(p, at2);
    }
done:
    pop(p, at);
}

/* events: [ {type, date} ], each dated on or before as_of. */
static void read_events(pin *p, const cJSON *o, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "events"), *e;
    size_t at = push_key(p, "events"), at2;
    int i = 0;
    long ev, asof;

    if (v != NULL && !cJSON_IsNull(v) && !cJSON_IsArray(v))
        perr(p, NULL, "wrong_type", "\"events\" must be an array of {\"type\", \"date\"}, "
             "not %s", type_name(v));
    const cJSON *list = cJSON_IsArray(v) ? v : NULL;
    cJSON_ArrayForEach(e, list) {
        const char *type = str_of(e, "type");
        int t = type ? vep__name_find(vep__trigger_names, type) : -1;
        vep_dated *dt;
        at2 = push_index(p, i++);
        if (t < 0 || t == VEP_TRIGGER_PRE_RELEASE_WINDOW) {
            push_key(p, "type");
            perr(p, NULL, "unknown_event", "event type '%.40s' is not one of incident, "
                 "transfer, court_decision, parole_decision, programme_completion",
                 type ? type : "(none)");
        } else if ((dt = add_dated(p, &f->events, &f->nevents)) != NULL) {
            dt->id = pdup(p, type);
            dt->date = read_date(p, e, "date", 1);
            if (dt->date && f->as_of && vep__date_parse(dt->date, &ev) == 0
                && vep__date_parse(f->as_of, &asof) == 0 && ev > asof) {
                push_key(p, "date");
                perr(p, NULL, "event_after_as_of", "the %s of %s is after the as-of date %s",
                     type, dt->date, f->as_of);
            }
        }
        pop(p, at2);
    }
    pop(p, at);
}

/* The context object itself, already parsed. */
static void read_context_object(pin *p, const cJSON *o, vep_plan_facts *f)
{
    const cJSON *k, *v;
    size_t at, i;
    long s, r;

    if (!cJSON_IsObject(o)) {
        perr(p, NULL, "wrong_type", "the case context must be an object, not %s", type_name(o));
        return;
    }
    cJSON_ArrayForEach(k, o) {
        for (i = 0; context_fields[i] && strcmp(context_fields[i], k->string) != 0; i++)
            ;
        if (context_fields[i] == NULL) {
            at = push_key(p, k->string);
            perr(p, NULL, "unknown_field", "the context has no field '%.40s'; its fields are "
                 "as_of, sentence_start, expected_release, conditional_release, age, regime, "
                 "language, literacy, programmes, events and custom", k->string);
            pop(p, at);
        }
    }
    f->as_of = read_date(p, o, "as_of", 1);
    if (f->as_of && f->assessment_date && vep__date_parse(f->as_of, &s) == 0
        && vep__date_parse(f->assessment_date, &r) == 0 && s < r) {
        at = push_key(p, "as_of");
        perr(p, NULL, "as_of_before_assessment", "the plan is asked for as of %s, before "
             "the assessment of %s", f->as_of, f->assessment_date);
        pop(p, at);
    }
    f->sentence_start = read_date(p, o, "sentence_start", 0);
    f->release_date = read_date(p, o, "expected_release", 0);
    if (f->sentence_start && f->release_date && vep__date_parse(f->sentence_start, &s) == 0
        && vep__date_parse(f->release_date, &r) == 0 && r < s) {
        at = push_key(p, "expected_release");
        perr(p, NULL, "release_before_start", "the expected release %s is before the "
             "sentence start %s", f->release_date, f->sentence_start);
        pop(p, at);
    }
    v = cJSON_GetObjectItemCaseSensitive(o, "conditional_release");
    at = push_key(p, "conditional_release");
    if (v && !cJSON_IsNull(v) && !cJSON_IsBool(v))
        perr(p, NULL, "wrong_type", "\"conditional_release\" must be true or false, not %s",
             type_name(v));
    else if (v && cJSON_IsBool(v))
        add_context_fact(p, f, "conditional_release", v);
    pop(p, at);
    v = cJSON_GetObjectItemCaseSensitive(o, "age");
    at = push_key(p, "age");
    if (v && !cJSON_IsNull(v) && !cJSON_IsNumber(v))
        perr(p, NULL, "wrong_type", "\"age\" must be a whole number of years, not %s",
             type_name(v));
    else if (v && cJSON_IsNumber(v) && (v->valuedouble < 0 || v->valuedouble > 150
                                        || v->valuedouble != (double)(int)v->valuedouble))
        perr(p, NULL, "invalid_value", "\"age\" must be a whole number from 0 to 150");
    else if (v && cJSON_IsNumber(v))
        add_context_fact(p, f, "age", v);
    pop(p, at);
    read_word(p, o, "regime", f);
    read_word(p, o, "language", f);
    read_word(p, o, "literacy", f);
    read_programmes(p, o, f);
    read_events(p, o, f);
    v = cJSON_GetObjectItemCaseSensitive(o, "custom");
    at = push_key(p, "custom");
    if (v && !cJSON_IsNull(v) && !cJSON_IsObject(v))
        perr(p, NULL, "wrong_type", "\"custom\" must be an object, not %s", type_name(v));
    v = cJSON_IsObject(v) ? v : NULL;
    cJSON_ArrayForEach(k, v) {
        size_t at2 = push_key(p, k->string);
        for (i = 0; context_fields[i] && strcmp(context_fields[i], k->string) != 0; i++)
            ;
        if (context_fields[i] != NULL)
            perr(p, NULL, "reserved_name", "a custom field cannot be called '%s': that is "
                 "a context field of its own (give it at the top level)", k->string);
        else if (!cJSON_IsString(k) && !cJSON_IsBool(k) && !cJSON_IsNumber(k))
            perr(p, NULL, "wrong_type", "a custom field must be a string, number or "
                 "boolean, not %s", type_name(k));
        else
            add_context_fact(p, f, k->string, k);
        pop(p, at2);
    }
    pop(p, at);
}

vep_status vep__plan_read_context(const vep_alloc *a, vep_diags *d,
                                  const char *json, size_t len,
                                  vep_plan_facts *f)
{
    pin p;
    cJSON *root;

    memset(&p, 0, sizeof p);
    p.a = a;
    p.d = d;
    p.file = "context";
    strcpy(p.path, "$");
    p.plen = 1;
    root = parse(&p, json, len, "case context");
    if (root)
        read_context_object(&p, root, f);
    cJSON_Delete(root);
    if (p.nomem)
        return VEP_ERR_NOMEM;
    return p.problems ? VEP_ERR_CONTEXT : VEP_OK;
}

/* ---- The compact form of test cases ------------------------------------ */

/* Reads { id = value } pairs (scores, levels, answers) or a list of raised
** flags into facts. */
static void read_compact(pin *p, const cJSON *o, const char *key, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key), *e;
    vep_fact **arr = strcmp(key, "scores") == 0 ? &f->scores
                   : strcmp(key, "levels") == 0 ? &f->levels
                   : strcmp(key, "flags") == 0  ? &f->flags : &f->answers;
    size_t *n = strcmp(key, "scores") == 0 ? &f->nscores
              : strcmp(key, "levels") == 0 ? &f->nlevels
              : strcmp(key, "flags") == 0  ? &f->nflags : &f->nanswers;
    cJSON_ArrayForEach(e, v) {
        vep_fact *x = add_fact(p, arr, n);
        if (x == NULL)
            return;
        if (strcmp(key, "flags") == 0) {
            x->id = pdup(p, cJSON_IsString(e) ? e->valuestring : "");
            x->has_number = 1;
            x->number = 1;
            x->code = pdup(p, "true");
            continue;
        }
        x->id = pdup(p, e->string ? e->string : "");
        if (strcmp(key, "answers") == 0) {
            int special = cJSON_IsString(e) && (strcmp(e->valuestring, "unknown") == 0
                                                || strcmp(e->valuestring, "not_applicable") == 0);
            x->state = pdup(p, special ? e->valuestring : "value");
            if (special)
                continue;
        }
        if (cJSON_IsNumber(e)) {
            x->has_number = 1;
            x->number = e->valuedouble;
        } else if (cJSON_IsString(e)) {
            x->code = pdup(p, e->valuestring);
        }
    }
}

vep_status vep__plan_read_test_facts(const vep_alloc *a, vep_diags *d,
                                     const char *json, size_t len,
                                     vep_plan_facts *f)
{
    pin p;
    cJSON *root;
    const cJSON *r, *c;

    memset(&p, 0, sizeof p);
    p.a = a;
    p.d = d;
    p.file = "context";
    strcpy(p.path, "$");
    p.plen = 1;
    root = parse(&p, json, len, "test case");
    if (root == NULL)
        goto done;
    r = cJSON_GetObjectItemCaseSensitive(root, "result");
    c = cJSON_GetObjectItemCaseSensitive(root, "context");
    f->instrument_id = pdup(&p, "test");
    f->instrument_version = pdup(&p, "test");
    f->subject_id = pdup(&p, "test");
    f->risk = pdup(&p, str_of(r, "risk"));
    f->advisory = pdup(&p, str_of(r, "advisory"));
    read_compact(&p, r, "scores", f);
    read_compact(&p, r, "levels", f);
    read_compact(&p, r, "flags", f);
    read_compact(&p, r, "answers", f);
    if (f->risk == NULL) {
        push_key(&p, "result");
        push_key(&p, "risk");
        perr(&p, NULL, "no_final_judgement", "a test case's result needs the final "
             "judgement: risk = \"...\"");
        pop(&p, 1);
    }
    if (c == NULL)
        perr(&p, NULL, "missing_field", "a test case needs a context = { as_of = ... }");
    else
        read_context_object(&p, c, f);
    f->assessment_date = pdup(&p, str_of(r, "date") ? str_of(r, "date") : f->as_of);
done:
    cJSON_Delete(root);
    if (p.nomem)
        return VEP_ERR_NOMEM;
    return p.problems ? VEP_ERR_CONTEXT : VEP_OK;
}

/* ---- Facts ------------------------------------------------------------- */

const vep_fact *vep__fact_find(const vep_fact *v, size_t n, const char *id)
{
    size_t i;
    for (i = 0; i < n && id; i++)
        if (v[i].id && strcmp(v[i].id, id) == 0)
            return &v[i];
    return NULL;
}

/* Frees one array of facts. */
static void facts_free(const vep_alloc *a, vep_fact *v, size_t n)
{
    size_t i, k;
    for (i = 0; i < n; i++) {
        vep__free(a, v[i].id);
        vep__free(a, v[i].code);
        vep__free(a, v[i].state);
        for (k = 0; k < v[i].ncodes; k++)
            vep__free(a, v[i].codes[k]);
        vep__free(a, v[i].codes);
    }
    vep__free(a, v);
}

/* Frees one array of dated entries. */
static void dated_free(const vep_alloc *a, vep_dated *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        vep__free(a, v[i].id);
        vep__free(a, v[i].date);
    }
    vep__free(a, v);
}

void vep__plan_facts_free(const vep_alloc *a, vep_plan_facts *f)
{
    if (f == NULL)
        return;
    vep__free(a, f->instrument_id);
    vep__free(a, f->instrument_version);
    vep__free(a, f->instrument_sha256);
    vep__free(a, f->subject_id);
    vep__free(a, f->assessment_date);
    vep__free(a, f->risk);
    vep__free(a, f->advisory);
    facts_free(a, f->levels, f->nlevels);
    facts_free(a, f->flags, f->nflags);
    facts_free(a, f->scores, f->nscores);
    facts_free(a, f->answers, f->nanswers);
    facts_free(a, f->context, f->ncontext);
    vep__free(a, f->as_of);
    vep__free(a, f->sentence_start);
    vep__free(a, f->release_date);
    vep__free(a, f->regime);
    dated_free(a, f->completed, f->ncompleted);
    dated_free(a, f->refused, f->nrefused);
    dated_free(a, f->events, f->nevents);
    memset(f, 0, sizeof *f);
}
