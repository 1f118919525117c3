/*
** plan_context.c -- the case context a host passes beside a result:
**
**   { "as_of": "2026-06-20", "sentence_start": "2023-01-10",
**     "expected_release": "2026-11-30", "conditional_release": true,
**     "age": 29, "regime": "standard", "language": "sr-Latn",
**     "literacy": "adequate",
**     "programmes": { "completed": [ {"id", "date"} ], "refused": [...] },
**     "events": [ { "type": "transfer", "date": "2026-06-18" } ],
**     "custom": { "name": "string, number or boolean" } }
**
** Only as_of is required: libvep has no clock.  The context is the
** host's, so unknown fields are refused (a misspelt "expected_relase" must
** not silently drop the pre-release programme), and every problem is
** reported with its JSON path.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "plan_input.h"
#include "date.h"
#include "decl.h"   /* vep__valid_lang */

#define AGE_MIN 14
#define AGE_MAX 120

static const char *const context_fields[] = {
    "as_of", "sentence_start", "expected_release", "conditional_release", "age",
    "regime", "language", "literacy", "programmes", "events", "custom", NULL
};

/* The index of `s` in a NULL-terminated list, or -1. */
static int find_name(const char *const *names, const char *s)
{
    int i;
    for (i = 0; s != NULL && names[i] != NULL; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* Reports each member of `o` that is not in `allowed`; `what` names the
** object and `list` its fields in words. */
static void check_fields(vep_pin *p, const cJSON *o, const char *const *allowed,
                         const char *what, const char *list)
{
    const cJSON *k;
    cJSON_ArrayForEach(k, o) {
        if (k->string != NULL && find_name(allowed, k->string) < 0) {
            size_t at = vep__pin_key(p, k->string);
            vep__pin_error(p, NULL, "unknown_field", "%s has no field \"%s\"; its fields "
                           "are %s", what, vep__pin_quote(p, k->string), list);
            vep__pin_pop(p, at);
        }
    }
}

/* A date member: a real YYYY-MM-DD date, or absent or null (NULL).
** `missing` is the message when it is required, else NULL. */
static char *read_date(vep_pin *p, const cJSON *o, const char *key,
                       const char *missing)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at = vep__pin_key(p, key);
    char *out = NULL;

    if (v == NULL || cJSON_IsNull(v)) {
        if (missing != NULL)
            vep__pin_error(p, NULL, "missing_field", "%s", missing);
    } else if (!cJSON_IsString(v)) {
        vep__pin_error(p, NULL, "wrong_type", "\"%s\" must be a date \"YYYY-MM-DD\", "
                       "not %s", key, vep__pin_type(v));
    } else if (!vep__date_valid(v->valuestring)) {
        vep__pin_error(p, NULL, "invalid_date", "\"%s\" is \"%s\", not a real date "
                       "written YYYY-MM-DD", key, vep__pin_quote(p, v->valuestring));
    } else {
        out = vep__pin_dup(p, v->valuestring);
    }
    vep__pin_pop(p, at);
    return out;
}

/* Adds a context fact from a string, boolean or number: the code is the
** string, "true"/"false", or the number as decimal text. */
static void add_fact(vep_pin *p, vep_plan_facts *f, const char *id, const cJSON *v)
{
    vep_fact *x;
    char num[40];

    if (vep__fact_find(f->context, f->ncontext, id) != NULL)
        return;   /* a repeated key: reported by the parser */
    x = vep__pin_fact(p, &f->context, &f->ncontext);
    if (x == NULL)
        return;
    x->id = vep__pin_dup(p, id);
    if (cJSON_IsString(v)) {
        x->code = vep__pin_dup(p, v->valuestring);
    } else if (cJSON_IsBool(v)) {
        x->code = vep__pin_dup(p, cJSON_IsTrue(v) ? "true" : "false");
    } else {
        x->has_number = 1;
        x->number = v->valuedouble;
        snprintf(num, sizeof num, "%.15g", v->valuedouble);
        x->code = vep__pin_dup(p, num);
    }
}

/* A member that must be a non-empty string (regime, language, literacy). */
static void read_word(vep_pin *p, const cJSON *o, const char *key, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at = vep__pin_key(p, key);

    if (v != NULL && !cJSON_IsNull(v)) {
        if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
            vep__pin_error(p, NULL, "wrong_type", "\"%s\" must be a non-empty string, "
                           "not %s", key, cJSON_IsString(v) ? "an empty one"
                                                             : vep__pin_type(v));
        } else if (strcmp(key, "language") == 0 && !vep__valid_lang(v->valuestring)) {
            vep__pin_error(p, NULL, "invalid_value", "\"language\" must be a BCP 47 tag "
                           "such as \"sq\" or \"sr-Latn\", not \"%s\"",
                           vep__pin_quote(p, v->valuestring));
        } else {
            add_fact(p, f, key, v);
            if (strcmp(key, "regime") == 0 && f->regime == NULL)
                f->regime = vep__pin_dup(p, v->valuestring);
        }
    }
    vep__pin_pop(p, at);
}

/* conditional_release: true or false. */
static void read_conditional(vep_pin *p, const cJSON *o, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "conditional_release");
    size_t at = vep__pin_key(p, "conditional_release");
    if (v != NULL && !cJSON_IsNull(v) && !cJSON_IsBool(v))
        vep__pin_error(p, NULL, "wrong_type", "\"conditional_release\" must be true or "
                       "false, not %s", vep__pin_type(v));
    else if (v != NULL && cJSON_IsBool(v))
        add_fact(p, f, "conditional_release", v);
    vep__pin_pop(p, at);
}

/* age: a whole number of years from AGE_MIN to AGE_MAX. */
static void read_age(vep_pin *p, const cJSON *o, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "age");
    size_t at = vep__pin_key(p, "age");
    if (v != NULL && !cJSON_IsNull(v) && !cJSON_IsNumber(v))
        vep__pin_error(p, NULL, "wrong_type", "\"age\" must be a whole number of years, "
                       "not %s", vep__pin_type(v));
    else if (v != NULL && cJSON_IsNumber(v) &&
             (!(v->valuedouble >= AGE_MIN && v->valuedouble <= AGE_MAX) ||
              v->valuedouble != (double)(int)v->valuedouble))
        vep__pin_error(p, NULL, "invalid_value", "\"age\" is %.15g; it must be a whole "
                       "number of years from %d to %d", v->valuedouble, AGE_MIN, AGE_MAX);
    else if (v != NULL && cJSON_IsNumber(v))
        add_fact(p, f, "age", v);
    vep__pin_pop(p, at);
}

/* Appends a dated entry (programme or event); NULL when out of memory. */
static vep_dated *add_dated(vep_pin *p, vep_dated **v, size_t *n)
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

/* One list of programmes, [ {"id", "date"} ], into `v`. */
static void read_programme_list(vep_pin *p, const cJSON *list, vep_dated **v,
                                size_t *n)
{
    static const char *const fields[] = { "id", "date", NULL };
    const cJSON *e;
    size_t i = 0;

    cJSON_ArrayForEach(e, list) {
        size_t at = vep__pin_index(p, i++);
        const char *id = vep__pin_str(e, "id");
        vep_dated *dt;
        if (!cJSON_IsObject(e)) {
            vep__pin_error(p, NULL, "wrong_type", "a programme must be an object "
                           "{\"id\", \"date\"}, not %s", vep__pin_type(e));
        } else if (id == NULL || id[0] == '\0') {
            vep__pin_error(p, NULL, "missing_field", "each programme needs its \"id\", "
                           "a non-empty string");
        } else if ((dt = add_dated(p, v, n)) != NULL) {
            check_fields(p, e, fields, "a programme", "id and date");
            dt->id = vep__pin_dup(p, id);
            dt->date = read_date(p, e, "date", NULL);
        }
        vep__pin_pop(p, at);
    }
}

/* programmes: { "completed": [...], "refused": [...] }. */
static void read_programmes(vep_pin *p, const cJSON *o, vep_plan_facts *f)
{
    static const char *const lists[] = { "completed", "refused", NULL };
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "programmes"), *k;
    size_t at = vep__pin_key(p, "programmes"), at2;

    if (v != NULL && !cJSON_IsNull(v) && !vep__pin_is_object(p, v)) {
        vep__pin_error(p, NULL, "wrong_type", "\"programmes\" must be an object "
                       "{\"completed\": [...], \"refused\": [...]}, not %s",
                       vep__pin_type(v));
    } else if (cJSON_IsObject(v)) {
        check_fields(p, v, lists, "programmes", "completed and refused");
        cJSON_ArrayForEach(k, v) {
            int li = find_name(lists, k->string);
            if (li < 0 || cJSON_IsNull(k))
                continue;
            at2 = vep__pin_key(p, k->string);
            if (!cJSON_IsArray(k))
                vep__pin_error(p, NULL, "wrong_type", "\"%s\" must be an array of "
                               "{\"id\", \"date\"}, not %s", k->string, vep__pin_type(k));
            else if (li == 0)
                read_programme_list(p, k, &f->completed, &f->ncompleted);
            else
                read_programme_list(p, k, &f->refused, &f->nrefused);
            vep__pin_pop(p, at2);
        }
    }
    vep__pin_pop(p, at);
}

/* One event {type, date}: a known type, a real date on or before as_of. */
static void read_event(vep_pin *p, const cJSON *e, vep_plan_facts *f)
{
    static const char *const fields[] = { "type", "date", NULL };
    const char *type = vep__pin_str(e, "type");
    int t = type ? vep__name_find(vep__trigger_names, type) : -1;
    vep_dated *dt;
    long ev, asof;
    size_t at;

    if (!cJSON_IsObject(e)) {
        vep__pin_error(p, NULL, "wrong_type", "an event must be an object {\"type\", "
                       "\"date\"}, not %s", vep__pin_type(e));
        return;
    }
    check_fields(p, e, fields, "an event", "type and date");
    if (t < 0 || t == VEP_TRIGGER_PRE_RELEASE_WINDOW) {
        at = vep__pin_key(p, "type");
        if (cJSON_GetObjectItemCaseSensitive(e, "type") == NULL)
            vep__pin_error(p, NULL, "missing_field", "each event needs its \"type\": "
                           "incident, transfer, court_decision, parole_decision or "
                           "programme_completion");
        else
            vep__pin_error(p, NULL, "unknown_event", "event type \"%s\" is not one of "
                           "incident, transfer, court_decision, parole_decision, "
                           "programme_completion", type ? vep__pin_quote(p, type)
                                                        : "(not a string)");
        vep__pin_pop(p, at);
        return;
    }
    dt = add_dated(p, &f->events, &f->nevents);
    if (dt == NULL)
        return;
    dt->id = vep__pin_dup(p, type);
    dt->date = read_date(p, e, "date", "each event needs its \"date\" (YYYY-MM-DD)");
    if (dt->date != NULL && f->as_of != NULL && vep__date_parse(dt->date, &ev) == 0
        && vep__date_parse(f->as_of, &asof) == 0 && ev > asof) {
        at = vep__pin_key(p, "date");
        vep__pin_error(p, NULL, "event_after_as_of", "the %s of %s is after the as-of "
                       "date %s: the context cannot report what has not happened yet",
                       type, dt->date, f->as_of);
        vep__pin_pop(p, at);
    }
}

/* events: [ {type, date}, ... ]. */
static void read_events(vep_pin *p, const cJSON *o, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "events"), *e;
    size_t at = vep__pin_key(p, "events"), i = 0;

    if (v != NULL && !cJSON_IsNull(v) && !cJSON_IsArray(v))
        vep__pin_error(p, NULL, "wrong_type", "\"events\" must be an array of "
                       "{\"type\", \"date\"}, not %s", vep__pin_type(v));
    else if (v != NULL)
        cJSON_ArrayForEach(e, v) {
            size_t at2 = vep__pin_index(p, i++);
            read_event(p, e, f);
            vep__pin_pop(p, at2);
        }
    vep__pin_pop(p, at);
}

/* custom: { name: string | number | boolean }. */
static void read_custom(vep_pin *p, const cJSON *o, vep_plan_facts *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "custom"), *k;
    size_t at = vep__pin_key(p, "custom");

    if (v != NULL && !cJSON_IsNull(v) && !vep__pin_is_object(p, v))
        vep__pin_error(p, NULL, "wrong_type", "\"custom\" must be an object of named "
                       "strings, numbers and booleans, not %s", vep__pin_type(v));
    else if (cJSON_IsObject(v))
        cJSON_ArrayForEach(k, v) {
            size_t at2 = vep__pin_key(p, k->string);
            if (k->string[0] == '\0')
                vep__pin_error(p, NULL, "invalid_value", "a custom field needs a name");
            else if (find_name(context_fields, k->string) >= 0)
                vep__pin_error(p, NULL, "reserved_name", "a custom field cannot be called "
                               "\"%s\": that is a context field of its own (give it at "
                               "the top level)", k->string);
            else if (!cJSON_IsString(k) && !cJSON_IsBool(k) && !cJSON_IsNumber(k))
                vep__pin_error(p, NULL, "wrong_type", "a custom field must be a string, "
                               "number or boolean, not %s", vep__pin_type(k));
            else
                add_fact(p, f, k->string, k);
            vep__pin_pop(p, at2);
        }
    vep__pin_pop(p, at);
}

/* Orders two facts by id, for qsort. */
static int fact_cmp(const void *x, const void *y)
{
    const vep_fact *a = x, *b = y;
    return strcmp(a->id ? a->id : "", b->id ? b->id : "");
}

/* Reads every field of the context object, reports unknown ones, checks
** the dates against each other, and sorts the context facts by id. */
void vep__plan_context_object(vep_pin *p, const cJSON *o, vep_plan_facts *f)
{
    long s, r;
    size_t at;

    if (!vep__pin_is_object(p, o)) {
        vep__pin_error(p, NULL, "wrong_type", "the case context must be an object, "
                       "not %s", vep__pin_type(o));
        return;
    }
    check_fields(p, o, context_fields, "the context", "as_of, sentence_start, "
                 "expected_release, conditional_release, age, regime, language, "
                 "literacy, programmes, events and custom");
    f->as_of = read_date(p, o, "as_of", "\"as_of\" is required: the date the plan "
                         "is made as of (YYYY-MM-DD); libvep has no clock");
    if (f->as_of && f->assessment_date && vep__date_parse(f->as_of, &s) == 0
        && vep__date_parse(f->assessment_date, &r) == 0 && s < r) {
        at = vep__pin_key(p, "as_of");
        vep__pin_error(p, NULL, "as_of_before_assessment", "the plan is asked for as of "
                       "%s, before the assessment of %s", f->as_of, f->assessment_date);
        vep__pin_pop(p, at);
    }
    f->sentence_start = read_date(p, o, "sentence_start", NULL);
    f->release_date = read_date(p, o, "expected_release", NULL);
    if (f->sentence_start && f->release_date && vep__date_parse(f->sentence_start, &s) == 0
        && vep__date_parse(f->release_date, &r) == 0 && r < s) {
        at = vep__pin_key(p, "expected_release");
        vep__pin_error(p, NULL, "release_before_start", "the expected release %s is "
                       "before the sentence start %s", f->release_date, f->sentence_start);
        vep__pin_pop(p, at);
    }
    read_conditional(p, o, f);
    read_age(p, o, f);
    read_word(p, o, "regime", f);
    read_word(p, o, "language", f);
    read_word(p, o, "literacy", f);
    read_programmes(p, o, f);
    read_events(p, o, f);
    read_custom(p, o, f);
    if (f->ncontext > 1)
        qsort(f->context, f->ncontext, sizeof f->context[0], fact_cmp);
}
