/*
** lint_plan.c -- likely mistakes in a plan script that loads
** (docs/WRITING-PLANS.md; the model in plan.h).
**
**   unused_agency        an agency that no intervention, rule, pre-release
**                        step or post-release section names, and that sees
**                        nothing but its own (empty) share of the plan
**   own_part_empty       an agency that may see its own interventions or
**                        pre-release steps, of which it has none
**   unused_intervention  an intervention of the catalogue that no rule adds
**   unused_host_function a host function declared but tested by no rule
**   missing_translation  texts without an entry in a declared language
*/
#include <string.h>
#include "engine.h"
#include "lint.h"

/* What each agency is given: named anywhere, owner of an intervention,
** owner of a pre-release step. */
typedef struct agency_use {
    unsigned char named, interventions, steps;
} agency_use;

/* Marks agency index `a` (when valid) in `u` with `what`. */
static void mark(agency_use *u, size_t n, int a, int what)
{
    if (a < 0 || (size_t)a >= n)
        return;
    u[a].named = 1;
    if (what == 1)
        u[a].interventions = 1;
    else if (what == 2)
        u[a].steps = 1;
}

/* Fills `u` from the catalogue, the rules and the post-release section. */
static void agency_uses(const vep_plan_model *m, agency_use *u)
{
    size_t i, k, j, n = m->nagencies;
    for (i = 0; i < m->ninterventions; i++)
        mark(u, n, m->interventions[i].agency, 1);
    for (i = 0; i < m->nrules; i++)
        for (k = 0; k < m->rules[i].nadds; k++) {
            const vep_addition *x = &m->rules[i].adds[k];
            switch (x->kind) {
            case VEP_ADD_INTERVENTION:
                mark(u, n, x->agency, 1);
                break;
            case VEP_ADD_PRE_RELEASE_STEP:
                mark(u, n, x->agency, 2);
                break;
            case VEP_ADD_POST_RELEASE:
                mark(u, n, x->supervisor, 0);
                for (j = 0; x->agencies && j < x->nagencies; j++)
                    mark(u, n, x->agencies[j], 0);
                break;
            default:
                break;
            }
        }
    if (m->has_post_release) {
        mark(u, n, m->post_supervisor, 0);
        for (j = 0; m->post_agencies && j < m->npost_agencies; j++)
            mark(u, n, m->post_agencies[j], 0);
    }
}

/* Agencies with nothing to do and nothing to see, and agencies allowed to
** see their own share of a part that holds nothing of theirs. */
static void check_agencies(vep_lint *l, const vep_plan_model *m)
{
    agency_use *u;
    size_t i, p;

    if (m->nagencies == 0)
        return;
    u = vep__calloc(l->alloc, m->nagencies, sizeof *u);
    if (u == NULL) {
        l->nomem = 1;
        return;
    }
    agency_uses(m, u);
    for (i = 0; i < m->nagencies; i++) {
        const vep_agency_def *ag = &m->agencies[i];
        int sees_any = 0, sees_other = 0;
        for (p = 0; p < VEP_PART_COUNT; p++)
            if (ag->sees[p]) {
                sees_any = 1;
                if (p != VEP_PART_INTERVENTIONS_OWN && p != VEP_PART_PRE_RELEASE_OWN)
                    sees_other = 1;
            }
        if (!u[i].named && !sees_other) {
            vep__lint_add(l, "unused_agency", VEP_LINT_WARNING, &ag->origin, "agency", ag->id,
                          sees_any
                          ? "agency '%s' may see only its own interventions and steps, but no "
                            "intervention, rule, pre-release step or post-release section names it, "
                            "so its view of every plan is empty; give it work (agency = \"%s\") "
                            "or remove it"
                          : "agency '%s' is named by no intervention, rule, pre-release step or "
                            "post-release section, and sees no part of the plan; give it work "
                            "(agency = \"%s\") or a view (sees = { ... }), or remove it",
                          ag->id, ag->id);
            continue;
        }
        if (ag->sees[VEP_PART_INTERVENTIONS_OWN] && !ag->sees[VEP_PART_INTERVENTIONS]
            && !u[i].interventions)
            vep__lint_add(l, "own_part_empty", VEP_LINT_WARNING, &ag->origin, "agency", ag->id,
                          "agency '%s' may see its own interventions (interventions.own), but no "
                          "intervention is given to it; give it one (agency = \"%s\") or take "
                          "interventions.own out of sees", ag->id, ag->id);
        if (ag->sees[VEP_PART_PRE_RELEASE_OWN] && !ag->sees[VEP_PART_PRE_RELEASE]
            && !u[i].steps)
            vep__lint_add(l, "own_part_empty", VEP_LINT_WARNING, &ag->origin, "agency", ag->id,
                          "agency '%s' may see its own pre-release steps (pre_release.own), but no "
                          "step is given to it; give it one (agency = \"%s\") or take "
                          "pre_release.own out of sees", ag->id, ag->id);
    }
    vep__free(l->alloc, u);
}

/* Interventions of the catalogue that no rule adds. */
static void check_interventions(vep_lint *l, const vep_plan_model *m)
{
    size_t i, r, k;
    for (i = 0; i < m->ninterventions; i++) {
        const vep_intervention_def *iv = &m->interventions[i];
        int added = 0;
        for (r = 0; r < m->nrules && !added; r++)
            for (k = 0; k < m->rules[r].nadds; k++)
                if (m->rules[r].adds[k].kind == VEP_ADD_INTERVENTION
                    && m->rules[r].adds[k].intervention == (int)i)
                    added = 1;
        if (!added)
            vep__lint_add(l, "unused_intervention", VEP_LINT_WARNING, &iv->origin, "intervention",
                          iv->id,
                          "intervention '%s' is added by no rule, so no plan can hold it; add a "
                          "rule with add = { intervention = \"%s\" }, or remove it", iv->id, iv->id);
    }
}

/* Whether condition c (or one inside it) asks host function `name`. */
static int asks_host(const vep_pcond *c, const char *name)
{
    size_t i;
    if (c->kind == VEP_PC_HOST && c->id != NULL && strcmp(c->id, name) == 0)
        return 1;
    for (i = 0; i < c->nkids; i++)
        if (asks_host(&c->kids[i], name))
            return 1;
    return 0;
}

/* Host functions the plan declares and no rule asks: the program that
** embeds libvep would have to provide them for nothing. */
static void check_hosts(vep_lint *l, const vep_plan_model *m)
{
    size_t i, r;
    for (i = 0; i < m->nhosts; i++) {
        int used = 0;
        for (r = 0; r < m->nrules && !used; r++)
            used = asks_host(&m->rules[r].when, m->hosts[i].name);
        if (!used)
            vep__lint_add(l, "unused_host_function", VEP_LINT_WARNING, &m->hosts[i].origin,
                          "host_function", m->hosts[i].name,
                          "host function '%s' is declared but no rule asks it; use it in a "
                          "condition { host = \"%s\", ... }, or remove the declaration",
                          m->hosts[i].name, m->hosts[i].name);
    }
}

/* Every text of the plan, for the missing_translation findings. */
static void plan_texts(vep_lint *l, const vep_plan_model *m)
{
    vep_buf b;
    size_t i, k;

    vep__buf_init(&b, l->alloc);
    vep__lint_text(l, &m->origin, "plan", m->id, "title", &m->title, 0);
    for (i = 0; i < m->nhosts; i++)
        vep__lint_text(l, &m->hosts[i].origin, "host_function", m->hosts[i].name,
                       "purpose", &m->hosts[i].purpose, 0);
    for (i = 0; i < m->nagencies; i++)
        vep__lint_text(l, &m->agencies[i].origin, "agency", m->agencies[i].id, "title",
                       &m->agencies[i].title, 0);
    for (i = 0; i < m->ninterventions; i++) {
        const vep_intervention_def *iv = &m->interventions[i];
        vep__lint_text(l, &iv->origin, "intervention", iv->id, "title", &iv->title, 0);
        vep__lint_text(l, &iv->origin, "intervention", iv->id, "goal", &iv->goal, 0);
        for (k = 0; k < iv->nintensity; k++) {
            vep__buf_reset(&b);
            vep__buf_printf(&b, "intensity for '%s'", iv->intensity[k].level);
            if (b.failed)
                l->nomem = 1;
            else
                vep__lint_text(l, &iv->origin, "intervention", iv->id, vep__buf_str(&b),
                               &iv->intensity[k].text, 0);
        }
    }
    for (i = 0; i < m->nrules; i++) {
        const vep_plan_rule *ru = &m->rules[i];
        const char *kind = strncmp(ru->id, "pre_release:", 12) == 0 ? "step" : "rule";
        vep__lint_text(l, &ru->origin, kind, ru->id, "title", &ru->title, 0);
        for (k = 0; k < ru->nadds; k++) {
            const vep_addition *x = &ru->adds[k];
            if (x->kind == VEP_ADD_PRE_RELEASE_STEP)   /* its note is the title */
                continue;
            vep__lint_text(l, &ru->origin, kind, ru->id,
                           x->kind == VEP_ADD_PLACEMENT ? "rationale" : "responsivity",
                           &x->note, 0);
        }
    }
    for (i = 0; i < m->nclosure; i++) {
        vep__buf_reset(&b);
        vep__buf_printf(&b, "closure criterion %zu", i + 1);
        if (b.failed)
            l->nomem = 1;
        else
            vep__lint_text(l, &m->post_origin, "post_release", NULL, vep__buf_str(&b),
                           &m->closure[i], 0);
    }
    vep__buf_free(&b);
}

/* Runs every plan check, the translations last. */
void vep__lint_plan(vep_lint *l, const vep_plan_model *m)
{
    check_agencies(l, m);
    check_interventions(l, m);
    check_hosts(l, m);
    plan_texts(l, m);
    vep__lint_translations(l);
}

/* The public call (vep.h): runs the plan's checks and renders the document. */
/* vep__lint_plan in the shape of vep_lint_job.walk. */
static void walk_plan(vep_lint *l, const void *model)
{
    vep__lint_plan(l, model);
}

VEP_API vep_status vep_plan_lint(char **out, size_t *out_count, const vep_plan *plan)
{
    vep_lint_job job;
    const vep_plan_model *m;

    if (out)
        *out = NULL;
    if (out_count)
        *out_count = 0;
    if (plan == NULL || out == NULL)
        return VEP_ERR_ARGUMENT;
    m = &plan->model;
    job.id = m->id;
    job.version = m->version;
    job.sources = m->sources;
    job.nsources = m->nsources;
    job.languages = m->languages;
    job.nlanguages = m->nlanguages_own;   /* an overlay answers for its own */
    job.fallbacks = m->fallbacks;
    job.nfallbacks = m->nfallbacks;
    job.walk = walk_plan;
    job.model = m;
    return vep__lint_run(plan->engine, &job, out, out_count);
}
