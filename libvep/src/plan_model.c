/*
** plan_model.c -- the plan vocabularies, and lifetime and look-ups of the
** plan model (plan.h).
*/
#include <stdlib.h>
#include <string.h>
#include "host.h"
#include "plan.h"
#include "overlay.h"

const char *const vep__category_names[] = {
    "psychological", "ideological_dialogue", "education", "vocational",
    "family", "mental_health", "mentoring", "religious_counselling", "other",
    NULL
};

const char *const vep__agency_kind_names[] = {
    "prison", "probation", "social_work", "police", "health",
    "municipality", "cso", "court", "other", NULL
};

const char *const vep__setting_names[] = { "custody", "community", "any", NULL };

const char *const vep__trigger_names[] = {
    "incident", "transfer", "court_decision", "parole_decision",
    "programme_completion", "pre_release_window", NULL
};

const char *const vep__plan_part_names[] = {
    "risk", "interventions", "interventions.own", "placement",
    "reassessment", "pre_release", "pre_release.own", "post_release",
    "responsivity", "reasons", "conflicts", NULL
};

/* Sets every field to its "not given" value: counts zero, the trigger
** delays and the pre-release months -1, the placement review 6 months. */
void vep__plan_model_init(vep_plan_model *m, vep_alloc *a)
{
    int i;
    memset(m, 0, sizeof *m);
    m->alloc = a;
    m->placement_review_months = 6;
    for (i = 0; i < VEP_TRIGGER_COUNT; i++)
        m->trigger_days[i] = -1;
    m->pre_release_months = -1;
    m->post_supervisor = -1;
    m->post_review_months = 3;
    m->post_reviews = 4;
}

/* Frees a list of strings and the list itself. */
static void strings_free(const vep_alloc *a, char **v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        vep__free(a, v[i]);
    vep__free(a, v);
}

/* Frees the contents of a condition tree (not the node itself). */
static void pcond_free(const vep_alloc *a, vep_pcond *c)
{
    size_t i;
    for (i = 0; i < c->nkids; i++)
        pcond_free(a, &c->kids[i]);
    vep__free(a, c->kids);
    vep__free(a, c->id);
    strings_free(a, c->codes, c->ncodes);
    for (i = 0; i < c->nargs; i++) {
        vep__free(a, c->args[i].name);
        if (c->args[i].value.type == VEP_HT_STRING)
            vep__free(a, (void *)c->args[i].value.s);
    }
    vep__free(a, c->args);
    memset(c, 0, sizeof *c);
}

/* Frees the contents of one addition. */
static void addition_free(const vep_alloc *a, vep_addition *x)
{
    vep__free(a, x->intervention_id);
    vep__free(a, x->agency_id);
    vep__text_free(a, &x->note);
    vep__free(a, x->regime);
    vep__free(a, x->supervisor_id);
    vep__free(a, x->contact);
    strings_free(a, x->agency_ids, x->nagencies);
    vep__free(a, x->agencies);
    vep__free(a, x->step);
}

/* Frees the contents of one rule: title, condition and additions. */
static void rule_free(const vep_alloc *a, vep_plan_rule *r)
{
    size_t i;
    vep__free(a, r->id);
    vep__text_free(a, &r->title);
    pcond_free(a, &r->when);
    for (i = 0; i < r->nadds; i++)
        addition_free(a, &r->adds[i]);
    vep__free(a, r->adds);
}

/* Frees the contents of one intervention. */
static void intervention_free(const vep_alloc *a, vep_intervention_def *iv)
{
    size_t i;
    vep__free(a, iv->id);
    vep__text_free(a, &iv->title);
    vep__free(a, iv->agency_id);
    for (i = 0; i < iv->nintensity; i++) {
        vep__free(a, iv->intensity[i].level);
        vep__text_free(a, &iv->intensity[i].text);
    }
    vep__free(a, iv->intensity);
    vep__text_free(a, &iv->goal);
}

/* Frees everything the model owns and leaves it as after init. */
void vep__plan_model_free(vep_plan_model *m)
{
    vep_alloc *a = m->alloc;
    size_t i;

    vep__free(a, m->id);
    vep__free(a, m->version);
    vep__text_free(a, &m->title);
    vep__free(a, m->instrument);
    strings_free(a, m->languages, m->nlanguages);
    strings_free(a, m->fallbacks, 2 * m->nfallbacks);
    for (i = 0; i < m->nagencies; i++) {
        vep__free(a, m->agencies[i].id);
        vep__text_free(a, &m->agencies[i].title);
    }
    vep__free(a, m->agencies);
    for (i = 0; i < m->ninterventions; i++)
        intervention_free(a, &m->interventions[i]);
    vep__free(a, m->interventions);
    for (i = 0; i < m->nrules; i++)
        rule_free(a, &m->rules[i]);
    vep__free(a, m->rules);
    vep__free(a, m->placement_default);
    strings_free(a, m->reassess_levels, m->nreassess);
    vep__free(a, m->reassess_months);
    vep__free(a, m->post_supervisor_id);
    vep__free(a, m->post_contact);
    strings_free(a, m->post_agency_ids, m->npost_agencies);
    vep__free(a, m->post_agencies);
    for (i = 0; i < m->nclosure; i++)
        vep__text_free(a, &m->closure[i]);
    vep__free(a, m->closure);
    for (i = 0; i < m->ntests; i++) {
        vep__free(a, m->tests[i].name);
        vep__free(a, m->tests[i].facts_json);
        vep__free(a, m->tests[i].expect_json);
    }
    vep__free(a, m->tests);
    vep__sources_free(a, m->sources, m->nsources);
    vep__lineage_free(a, m->lineage, m->nlineage);
    vep__host_decls_free(a, m->hosts, m->nhosts);
    vep__plan_model_init(m, a);
}

/* The index of the agency with that id (the first one), or -1. */
int vep__plan_find_agency(const vep_plan_model *m, const char *id)
{
    size_t i;
    if (id != NULL)
        for (i = 0; i < m->nagencies; i++)
            if (m->agencies[i].id && strcmp(m->agencies[i].id, id) == 0)
                return (int)i;
    return -1;
}

/* The index of the intervention with that id (the first one), or -1. */
int vep__plan_find_intervention(const vep_plan_model *m, const char *id)
{
    size_t i;
    if (id != NULL)
        for (i = 0; i < m->ninterventions; i++)
            if (m->interventions[i].id && strcmp(m->interventions[i].id, id) == 0)
                return (int)i;
    return -1;
}
