/*
** plan_check.c -- checks a plan model as a whole once every declaration is
** read: required plan fields, duplicate ids, references by id (resolved
** into indexes here), empty names and rules that add nothing.
**
** Every problem names the declaration's file and line and its id.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "plan.h"

typedef struct checker {
    vep_plan_model *m;
    vep_diags *d;
    size_t problems;
} checker;

/* Adds one problem about the declaration at `o` with id `id`. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void problem(checker *c, const vep_origin *o, const char *id,
                    const char *rule, const char *fmt, ...)
{
    vep_buf b;
    va_list ap;
    vep__buf_init(&b, c->m->alloc);
    va_start(ap, fmt);
    vep__buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (b.failed)
        c->d->nomem = 1;
    else
        vep__diag_add(c->d, o->file, o->line, NULL, id, rule, "%s", b.data);
    vep__buf_free(&b);
    c->problems++;
}

/* One id of a namespace, for the duplicate search. */
typedef struct id_ref {
    const char *id;
    size_t index;
} id_ref;

/* qsort comparator: by id, then declaration order. */
static int cmp_ref(const void *a, const void *b)
{
    const id_ref *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Reports every id that repeats an earlier one.  `ids` are `n` string
** pointers `stride` bytes apart, origins likewise; `what` names the kind. */
static void duplicates(checker *c, const char *what, const void *base, size_t n,
                       size_t stride, size_t id_off, size_t origin_off)
{
    const char *p = base;
    id_ref *v;
    size_t i, k = 0;

    if (n < 2)
        return;
    v = vep__calloc(c->m->alloc, n, sizeof *v);
    if (v == NULL) {
        c->d->nomem = 1;
        return;
    }
    for (i = 0; i < n; i++) {
        const char *id = *(char *const *)(const void *)(p + i * stride + id_off);
        if (id) {
            v[k].id = id;
            v[k++].index = i;
        }
    }
    qsort(v, k, sizeof *v, cmp_ref);
    for (i = 1; i < k; i++)
        if (strcmp(v[i].id, v[i - 1].id) == 0) {
            const vep_origin *o = (const void *)(p + v[i].index * stride + origin_off);
            problem(c, o, v[i].id, "duplicate_id", "%s '%s' is declared twice", what, v[i].id);
        }
    vep__free(c->m->alloc, v);
}

/* Resolves an agency id into *index, reporting an unknown one as found
** in `field` of declaration `what` (with id `owner`, or NULL). */
static void agency_ref(checker *c, const vep_origin *o, const char *what,
                       const char *owner, const char *field, const char *id,
                       int *index)
{
    if (id == NULL)
        return;
    *index = vep__plan_find_agency(c->m, id);
    if (*index >= 0)
        return;
    if (owner)
        problem(c, o, owner, "unknown_reference", "%s '%s': %s '%s' is not a declared agency",
                what, owner, field, id);
    else
        problem(c, o, NULL, "unknown_reference", "%s: %s '%s' is not a declared agency",
                what, field, id);
}

/* Resolves a list of agency ids into a new index array. */
static void agency_list(checker *c, const vep_origin *o, const char *what,
                        const char *owner, const char *field, char **ids,
                        size_t n, int **out)
{
    size_t i;
    if (n == 0)
        return;
    *out = vep__calloc(c->m->alloc, n, sizeof **out);
    if (*out == NULL) {
        c->d->nomem = 1;
        return;
    }
    for (i = 0; i < n; i++) {
        (*out)[i] = -1;
        agency_ref(c, o, what, owner, field, ids[i], &(*out)[i]);
    }
}

/* Checks and resolves one addition of rule ru. */
static void check_addition(checker *c, const vep_plan_rule *ru, vep_addition *x)
{
    const vep_origin *o = &ru->origin;
    switch (x->kind) {
    case VEP_ADD_INTERVENTION:
        if (x->intervention_id == NULL) {
            problem(c, o, ru->id, "missing_field", "rule '%s': the addition names no intervention", ru->id);
        } else {
            x->intervention = vep__plan_find_intervention(c->m, x->intervention_id);
            if (x->intervention < 0)
                problem(c, o, ru->id, "unknown_reference", "rule '%s': intervention '%s' is not declared",
                        ru->id, x->intervention_id);
        }
        agency_ref(c, o, "rule", ru->id, "agency", x->agency_id, &x->agency);
        break;
    case VEP_ADD_PLACEMENT:
        if (x->regime == NULL || x->regime[0] == '\0')
            problem(c, o, ru->id, "invalid_value", "rule '%s': 'placement' must name a regime", ru->id);
        break;
    case VEP_ADD_POST_RELEASE:
        agency_ref(c, o, "rule", ru->id, "post_release supervisor", x->supervisor_id, &x->supervisor);
        agency_list(c, o, "rule", ru->id, "post_release agency", x->agency_ids, x->nagencies,
                    &x->agencies);
        break;
    case VEP_ADD_PRE_RELEASE_STEP:
        agency_ref(c, o, "rule", ru->id, "agency", x->agency_id, &x->agency);
        break;
    default:
        break;
    }
}

/* Checks the catalogue: agencies and interventions. */
static void check_catalogue(checker *c)
{
    vep_plan_model *m = c->m;
    size_t i, k;

    duplicates(c, "agency", m->agencies, m->nagencies, sizeof *m->agencies,
               offsetof(vep_agency_def, id), offsetof(vep_agency_def, origin));
    duplicates(c, "intervention", m->interventions, m->ninterventions, sizeof *m->interventions,
               offsetof(vep_intervention_def, id), offsetof(vep_intervention_def, origin));
    for (i = 0; i < m->ninterventions; i++) {
        vep_intervention_def *iv = &m->interventions[i];
        if (iv->agency_id) {
            iv->agency = vep__plan_find_agency(m, iv->agency_id);
            if (iv->agency < 0)
                problem(c, &iv->origin, iv->id, "unknown_reference",
                        "intervention '%s': agency '%s' is not declared", iv->id, iv->agency_id);
        }
        for (k = 0; k < iv->nintensity; k++)
            if (iv->intensity[k].level[0] == '\0')
                problem(c, &iv->origin, iv->id, "invalid_value",
                        "intervention '%s': an intensity level must be a non-empty name", iv->id);
    }
}

/* Checks the rules (the pre-release steps among them). */
static void check_rules(checker *c)
{
    vep_plan_model *m = c->m;
    size_t i, k;

    duplicates(c, "rule", m->rules, m->nrules, sizeof *m->rules,
               offsetof(vep_plan_rule, id), offsetof(vep_plan_rule, origin));
    for (i = 0; i < m->nrules; i++) {
        vep_plan_rule *ru = &m->rules[i];
        for (k = 0; k < ru->nadds; k++)
            check_addition(c, ru, &ru->adds[k]);
    }
}

/* Checks the whole model (see plan.h); returns the number of problems. */
size_t vep__plan_check(vep_plan_model *m, vep_diags *d)
{
    checker c;

    c.m = m;
    c.d = d;
    c.problems = 0;
    if (m->id != NULL && m->instrument == NULL)
        problem(&c, &m->origin, NULL, "missing_field",
                "plan: 'instrument' is required: the id of the instrument whose results it takes");
    check_catalogue(&c);
    check_rules(&c);
    if (m->has_post_release) {
        agency_ref(&c, &m->post_origin, "post_release", NULL, "supervisor",
                   m->post_supervisor_id, &m->post_supervisor);
        agency_list(&c, &m->post_origin, "post_release", NULL, "agency",
                    m->post_agency_ids, m->npost_agencies, &m->post_agencies);
    }
    c.problems += vep__plan_host_check(m, d);
    return c.problems;
}
