/*
** plan_fixture.h -- a small plan model and the facts of one case, built by
** hand in static storage for test_plan_eval.c (strings are literals,
** never freed), so the tests depend neither on the plan loader nor on the
** input readers; and a counting allocator that can fail the Nth
** allocation and checks that nothing leaked.
*/
#ifndef VEP_PLAN_FIXTURE_H
#define VEP_PLAN_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include "plan.h"
#include "alloc.h"
#include "buf.h"

/* ---- A counting allocator that can fail the Nth allocation ---------- */

typedef struct counter {
    long live;      /* blocks not yet freed                              */
    long fail_in;   /* the fail_in-th allocation from now fails; -1 never */
    long calls;
} counter;

/* Counts down to the allocation that must fail; fails it once. */
static int should_fail(counter *c)
{
    c->calls++;
    if (c->fail_in < 0)
        return 0;
    if (--c->fail_in == 0) {
        c->fail_in = -1;
        return 1;
    }
    return 0;
}

/* malloc, counted. */
static void *c_malloc(void *ud, size_t n)
{
    counter *c = ud;
    void *p;
    if (should_fail(c))
        return NULL;
    p = malloc(n);
    if (p)
        c->live++;
    return p;
}

/* realloc, counted (a new block when ptr is NULL). */
static void *c_realloc(void *ud, void *ptr, size_t n)
{
    counter *c = ud;
    void *p;
    if (should_fail(c))
        return NULL;
    p = realloc(ptr, n);
    if (p && ptr == NULL)
        c->live++;
    return p;
}

/* free, counted. */
static void c_free(void *ud, void *ptr)
{
    counter *c = ud;
    if (ptr) {
        c->live--;
        free(ptr);
    }
}

/* ---- The fixture: a small plan and the facts of one case ------------- */

enum { AG_TREATMENT, AG_HEALTH, AG_PROBATION, AG_POLICE, AG_MENTOR, NAG };
enum { IV_PSY, IV_DIALOGUE, IV_MH, IV_MENTOR, IV_VOC, NIV };
enum { R_BELIEFS, R_GRIEVANCE, R_RISK, R_MH, R_YOUNG, R_WORK, R_SEP, R_DISP,
       R_SUP, R_LITERACY, R_WEAK, R_STEP_ASSESS, R_STEP_MENTOR, NRULE };

typedef struct fx {
    counter cnt;
    vep_alloc a;
    vep_plan_model m;
    vep_plan_facts f;
    vep_agency_def ag[NAG];
    vep_intervention_def iv[NIV];
    vep_intensity psy_int[3];
    vep_plan_rule rules[NRULE];
    vep_addition adds[32];
    size_t nadds;
    vep_pcond conds[32];
    size_t nconds;
    char *texts[64];
    size_t ntexts;
    char *post_ids[4];
    int post_idx[4];
    char *sup_ids[2];
    int sup_idx[2];
    char *rl[3];
    int rm[3];
    vep_text closure[1];
    vep_source src[1];
    vep_fact answers[8], scores[2], flags[2], context[4], levels[1];
    vep_dated completed[2], refused[2], events[4];
    char *multi[2];
    vep_plan_out out;
    vep_buf b;
} fx;

static char *en_lang[] = { "en" };

/* A one-language text whose storage is in the fixture. */
static vep_text txt(fx *x, const char *s)
{
    vep_text t;
    x->texts[x->ntexts] = (char *)s;
    t.lang = en_lang;
    t.text = &x->texts[x->ntexts++];
    t.n = 1;
    return t;
}

/* A leaf condition in the fixture's pool. */
static vep_pcond *cond(fx *x, vep_pcond_kind k, vep_ptest t, const char *id,
                       char **codes, size_t ncodes, double number)
{
    vep_pcond *c = &x->conds[x->nconds++];
    memset(c, 0, sizeof *c);
    c->kind = k;
    c->test = t;
    c->id = (char *)id;
    c->codes = codes;
    c->ncodes = ncodes;
    c->number = number;
    c->raised = 1;
    return c;
}

/* A new addition of `kind` for rule `r` (additions of one rule must be
** made one after the other). */
static vep_addition *add(fx *x, int r, vep_add_kind kind)
{
    vep_addition *a = &x->adds[x->nadds++];
    memset(a, 0, sizeof *a);
    a->kind = kind;
    a->intervention = a->agency = a->supervisor = -1;
    a->priority = a->start_days = a->review_months = a->due_months = -1;
    if (x->rules[r].nadds == 0)
        x->rules[r].adds = a;
    x->rules[r].nadds++;
    return a;
}

/* An intervention addition. */
static vep_addition *add_iv(fx *x, int r, const char *id, int prio,
                            int start, const char *note)
{
    vep_addition *a = add(x, r, VEP_ADD_INTERVENTION);
    a->intervention_id = (char *)id;
    a->priority = prio;
    a->start_days = start;
    if (note)
        a->note = txt(x, note);
    return a;
}

/* Sets rule r's id, title, origin and condition. */
static void rule(fx *x, int r, const char *id, const vep_pcond *when)
{
    vep_plan_rule *p = &x->rules[r];
    p->id = (char *)id;
    p->title = txt(x, id);
    p->origin.file = x->src[0].name;
    p->origin.line = (unsigned)(10 + r);
    if (when)
        p->when = *when;
    else
        p->when.kind = VEP_PC_ALL;
}

/* An agency seeing the parts listed (a NULL-terminated list of names). */
static void agency(fx *x, int i, const char *id, vep_agency_kind k, ...)
{
    va_list ap;
    const char *part;
    int p;
    x->ag[i].id = (char *)id;
    x->ag[i].kind = k;
    x->ag[i].title = txt(x, id);
    va_start(ap, k);
    while ((part = va_arg(ap, const char *)) != NULL) {
        p = vep__name_find(vep__plan_part_names, part);
        assert_true(p >= 0);
        x->ag[i].sees[p] = 1;
    }
    va_end(ap);
}

/* A catalogue intervention. */
static void interv(fx *x, int i, const char *id, vep_category cat,
                   const char *ag, vep_setting s, int review)
{
    vep_intervention_def *v = &x->iv[i];
    v->id = (char *)id;
    v->category = cat;
    v->title = txt(x, id);
    v->goal = txt(x, "a goal");
    v->agency_id = (char *)ag;
    v->agency = vep__plan_find_agency(&x->m, ag);
    v->setting = s;
    v->review_months = review;
}

static char *c_high[] = { "high" };
static char *c_modhigh[] = { "moderate", "high" };
static char *c_present[] = { "present" };
static char *c_low[] = { "low" };
static char *c_open[] = { "open" };
static char *c_y[] = { "y" };
static char *c_ab[] = { "a", "b" };

/* The model: five agencies, five interventions, thirteen rules. */
static void build_model(fx *x)
{
    vep_plan_model *m = &x->m;
    vep_pcond *c, *k;
    vep_addition *a;

    x->src[0].name = "/plans/vep-plan-t.lua";
    x->src[0].label = "vep-plan-t.lua";
    m->alloc = &x->a;
    m->id = "vep-plan-t";
    m->version = "1.0.0";
    m->title = txt(x, "test plan");
    m->instrument = "vep-rna";
    m->languages = en_lang;
    m->nlanguages = 1;
    m->illustrative = 1;
    m->sources = x->src;
    m->nsources = 1;
    strcpy(m->sha256, "abc123");

    m->agencies = x->ag;
    m->nagencies = NAG;
    agency(x, AG_TREATMENT, "treatment", VEP_AGENCY_PRISON, "risk",
           "interventions", "placement", "reassessment", "pre_release",
           "post_release", "responsivity", "reasons", "conflicts",
           (char *)NULL);
    agency(x, AG_HEALTH, "health", VEP_AGENCY_HEALTH, "interventions.own",
           "responsivity", (char *)NULL);
    agency(x, AG_PROBATION, "probation", VEP_AGENCY_PROBATION, "risk",
           "interventions", "pre_release", "post_release", (char *)NULL);
    agency(x, AG_POLICE, "police", VEP_AGENCY_POLICE, "post_release",
           (char *)NULL);
    agency(x, AG_MENTOR, "mentor_cso", VEP_AGENCY_CSO, "interventions.own",
           "pre_release.own", (char *)NULL);

    m->interventions = x->iv;
    m->ninterventions = NIV;
    interv(x, IV_PSY, "PSY-IND", VEP_CAT_PSYCHOLOGICAL, "treatment",
           VEP_SETTING_CUSTODY, 3);
    x->psy_int[0].level = "low";
    x->psy_int[0].text = txt(x, "monthly session");
    x->psy_int[1].level = "moderate";
    x->psy_int[1].text = txt(x, "fortnightly session");
    x->psy_int[2].level = "high";
    x->psy_int[2].text = txt(x, "weekly session");
    x->iv[IV_PSY].intensity = x->psy_int;
    x->iv[IV_PSY].nintensity = 3;
    interv(x, IV_DIALOGUE, "DIALOGUE", VEP_CAT_IDEOLOGICAL_DIALOGUE,
           "treatment", VEP_SETTING_CUSTODY, 3);
    interv(x, IV_MH, "MENTAL-HEALTH", VEP_CAT_MENTAL_HEALTH, "health",
           VEP_SETTING_CUSTODY, 3);
    interv(x, IV_MENTOR, "MENTOR", VEP_CAT_MENTORING, "mentor_cso",
           VEP_SETTING_ANY, 3);
    interv(x, IV_VOC, "VOCATIONAL", VEP_CAT_VOCATIONAL, "treatment",
           VEP_SETTING_CUSTODY, 6);

    m->rules = x->rules;
    m->nrules = NRULE;
    rule(x, R_BELIEFS, "R01-beliefs", cond(x, VEP_PC_SCORE, VEP_PT_AT_LEAST,
                                           "beliefs_high", NULL, 0, 2));
    add_iv(x, R_BELIEFS, "DIALOGUE", 1, -1, NULL);
    rule(x, R_GRIEVANCE, "R02-grievance",
         cond(x, VEP_PC_ITEM, VEP_PT_IS, "B02", c_high, 1, 0));
    add_iv(x, R_GRIEVANCE, "PSY-IND", 1, -1, NULL);
    rule(x, R_RISK, "R03-risk",
         cond(x, VEP_PC_RISK, VEP_PT_IS, NULL, c_modhigh, 2, 0));
    add_iv(x, R_RISK, "PSY-IND", 2, 14, "trauma-informed");
    rule(x, R_MH, "R04-mh",
         cond(x, VEP_PC_ITEM, VEP_PT_IS, "A05", c_present, 1, 0));
    add_iv(x, R_MH, "MENTAL-HEALTH", 1, -1, NULL);
    rule(x, R_YOUNG, "R05-young",
         cond(x, VEP_PC_CONTEXT, VEP_PT_AT_MOST, "age", NULL, 0, 20));
    add_iv(x, R_YOUNG, "MENTOR", 1, -1, "a mentor close in age");
    k = cond(x, VEP_PC_COMPLETED, VEP_PT_IS, "VOCATIONAL", NULL, 0, 0);
    c = cond(x, VEP_PC_NONE, VEP_PT_IS, NULL, NULL, 0, 0);
    c->kids = k;
    c->nkids = 1;
    rule(x, R_WORK, "R06-work", c);
    add_iv(x, R_WORK, "VOCATIONAL", 3, 30, NULL);
    k = cond(x, VEP_PC_RISK, VEP_PT_IS, NULL, c_high, 1, 0);
    (void)cond(x, VEP_PC_FLAG, VEP_PT_IS, "intent_stated", NULL, 0, 0);
    c = cond(x, VEP_PC_ALL, VEP_PT_IS, NULL, NULL, 0, 0);
    c->kids = k;
    c->nkids = 2;
    rule(x, R_SEP, "R07-separation", c);
    a = add(x, R_SEP, VEP_ADD_PLACEMENT);
    a->regime = "separation";
    a->note = txt(x, "stated intent");
    a->review_months = 3;
    rule(x, R_DISP, "R08-dispersal",
         cond(x, VEP_PC_ITEM, VEP_PT_IS, "I01", c_high, 1, 0));
    a = add(x, R_DISP, VEP_ADD_PLACEMENT);
    a->regime = "dispersal";
    a->note = txt(x, "ties on the wing");
    rule(x, R_SUP, "R09-supervision",
         cond(x, VEP_PC_RISK, VEP_PT_IS, NULL, c_high, 1, 0));
    a = add(x, R_SUP, VEP_ADD_POST_RELEASE);
    a->contact = "weekly";
    x->sup_ids[0] = "police";
    x->sup_idx[0] = AG_POLICE;
    a->agency_ids = x->sup_ids;
    a->agencies = x->sup_idx;
    a->nagencies = 1;
    rule(x, R_LITERACY, "R10-literacy",
         cond(x, VEP_PC_CONTEXT, VEP_PT_IS, "literacy", c_low, 1, 0));
    a = add(x, R_LITERACY, VEP_ADD_RESPONSIVITY);
    a->note = txt(x, "use oral materials");
    rule(x, R_WEAK, "R11-weak",
         cond(x, VEP_PC_FLAG, VEP_PT_IS, "protective_weak", NULL, 0, 0));
    a = add(x, R_WEAK, VEP_ADD_RESPONSIVITY);
    a->note = txt(x, "use oral materials");       /* same words */
    a = add_iv(x, R_WEAK, "MENTOR", 2, 7, "a mentor close in age");
    a->agency_id = "treatment";
    rule(x, R_STEP_ASSESS, "pre_release:release_assessment", NULL);
    a = add(x, R_STEP_ASSESS, VEP_ADD_PRE_RELEASE_STEP);
    a->step = "release_assessment";
    a->agency_id = "treatment";
    a->agency = AG_TREATMENT;
    a->note = txt(x, "Release risk assessment");
    a->due_months = 6;
    rule(x, R_STEP_MENTOR, "pre_release:mentor",
         cond(x, VEP_PC_CONTEXT, VEP_PT_AT_MOST, "age", NULL, 0, 20));
    a = add(x, R_STEP_MENTOR, VEP_ADD_PRE_RELEASE_STEP);
    a->step = "mentor";
    a->agency_id = "mentor_cso";
    a->agency = AG_MENTOR;
    a->note = txt(x, "Mentor introduced");
    a->due_months = 2;

    m->placement_default = "standard";
    m->placement_review_months = 6;
    x->rl[0] = "low"; x->rl[1] = "moderate"; x->rl[2] = "high";
    x->rm[0] = 12; x->rm[1] = 6; x->rm[2] = 3;
    m->reassess_levels = x->rl;
    m->reassess_months = x->rm;
    m->nreassess = 3;
    {
        int t;
        for (t = 0; t < VEP_TRIGGER_COUNT; t++)
            m->trigger_days[t] = -1;
    }
    m->trigger_days[VEP_TRIGGER_INCIDENT] = 14;
    m->trigger_days[VEP_TRIGGER_TRANSFER] = 30;
    m->trigger_days[VEP_TRIGGER_PRE_RELEASE_WINDOW] = 0;
    m->pre_release_months = 6;
    m->has_post_release = 1;
    m->post_supervisor_id = "probation";
    m->post_supervisor = AG_PROBATION;
    m->post_contact = "monthly";
    x->post_ids[0] = "probation";
    x->post_idx[0] = AG_PROBATION;
    m->post_agency_ids = x->post_ids;
    m->post_agencies = x->post_idx;
    m->npost_agencies = 1;
    m->post_review_months = 3;
    m->post_reviews = 4;
    x->closure[0] = txt(x, "twelve months without a breach");
    m->closure = x->closure;
    m->nclosure = 1;
}

/* A fact with a code (and a number when `has`). */
static void fact(vep_fact *v, const char *id, const char *code, int has,
                 double n, const char *state)
{
    memset(v, 0, sizeof *v);
    v->id = (char *)id;
    v->code = (char *)code;
    v->has_number = has;
    v->number = n;
    v->state = (char *)state;
}

/* The facts: final level high, in custody, release 2027-08-31. */
static void build_facts(fx *x)
{
    vep_plan_facts *f = &x->f;
    f->instrument_id = "vep-rna";
    f->instrument_version = "1.0.0";
    f->instrument_sha256 = "def456";
    f->subject_id = "S-1";
    f->assessment_date = "2026-06-15";
    f->risk = "high";
    f->advisory = "moderate";
    fact(&x->levels[0], "overall", "moderate", 1, 7, NULL);
    f->levels = x->levels;
    f->nlevels = 1;
    fact(&x->flags[0], "intent_stated", "false", 1, 0, NULL);
    fact(&x->flags[1], "protective_weak", "false", 1, 0, NULL);
    f->flags = x->flags;
    f->nflags = 2;
    fact(&x->scores[0], "beliefs_high", NULL, 1, 1, NULL);
    fact(&x->scores[1], "empty", NULL, 0, 0, NULL);
    f->scores = x->scores;
    f->nscores = 2;
    fact(&x->answers[0], "B02", "high", 1, 2, "value");
    fact(&x->answers[1], "A05", "absent", 1, 0, "value");
    fact(&x->answers[2], "I01", "low", 1, 0, "value");
    fact(&x->answers[3], "I06", NULL, 0, 0, "unknown");
    fact(&x->answers[4], "M01", NULL, 0, 0, "value");
    x->multi[0] = "b";
    x->multi[1] = "c";
    x->answers[4].codes = x->multi;
    x->answers[4].ncodes = 2;
    f->answers = x->answers;
    f->nanswers = 5;
    f->as_of = "2026-06-20";
    f->release_date = "2027-08-31";
    fact(&x->context[0], "age", NULL, 1, 29, NULL);
    fact(&x->context[1], "literacy", "adequate", 0, 0, NULL);
    fact(&x->context[2], "conditional_release", "true", 0, 0, NULL);
    f->context = x->context;
    f->ncontext = 3;
    f->regime = "standard";
    x->completed[0].id = "EDUCATION";
    x->completed[0].date = "2025-06-30";
    f->completed = x->completed;
    f->ncompleted = 1;
    x->refused[0].id = "DIALOGUE";
    x->refused[0].date = "2025-02-14";
    f->refused = x->refused;
    f->nrefused = 1;
    f->events = x->events;
    f->nevents = 0;
}

/* A fresh fixture. */
static fx *fx_new(void)
{
    fx *x = calloc(1, sizeof *x);
    vep_allocator h;
    assert_non_null(x);
    x->cnt.fail_in = -1;
    h.ud = &x->cnt;
    h.malloc_fn = c_malloc;
    h.realloc_fn = c_realloc;
    h.free_fn = c_free;
    vep__alloc_init(&x->a, &h);
    build_model(x);
    build_facts(x);
    vep__buf_init(&x->b, &x->a);
    return x;
}

/* Frees the fixture, checking that nothing leaked. */
static void fx_free(fx *x)
{
    vep__plan_out_free(&x->a, &x->out);
    vep__buf_free(&x->b);
    assert_int_equal(x->cnt.live, 0);
    free(x);
}

/* Evaluates, expecting success. */
static void eval(fx *x)
{
    vep__plan_out_free(&x->a, &x->out);
    assert_int_equal(vep__plan_eval(&x->m, &x->f, &x->a, &x->out), VEP_OK);
}

/* Evaluates and renders (whole plan or one agency's view); returns the
** parsed document (the caller deletes it). */
static cJSON *render(fx *x, const char *agency)
{
    cJSON *doc;
    eval(x);
    vep__buf_reset(&x->b);
    assert_int_equal(vep__plan_render(&x->m, &x->f, &x->out, agency, NULL,
                                      &x->b), VEP_OK);
    doc = cJSON_Parse(vep__buf_str(&x->b));
    assert_non_null(doc);
    return doc;
}

/* The explanation of one condition, checked against `holds`. */
static void expect_cond(fx *x, const vep_pcond *c, const char *window,
                        int holds, const char *text)
{
    vep_buf b;
    vep__buf_init(&b, &x->a);
    assert_int_equal(vep__pcond_eval(c, &x->f, window, &b), holds);
    assert_false(b.failed);
    assert_string_equal(vep__buf_str(&b), text);
    assert_int_equal(vep__pcond_eval(c, &x->f, window, NULL), holds);
    vep__buf_free(&b);
}

/* The element of intervention `id`, or NULL. */
static const vep_iv_out *iv_out(fx *x, const char *id)
{
    size_t i;
    for (i = 0; i < x->out.nivs; i++)
        if (strcmp(x->iv[x->out.ivs[i].intervention].id, id) == 0)
            return &x->out.ivs[i];
    return NULL;
}

#endif
