/*
** plan_describe.c -- the plan script as a JSON document, for `vep doc`
** and for hosts that show the rules to the people who apply them.
**
** It says what the script declares, not what any case gives: the
** agencies and what each may see, the catalogue of interventions, every
** rule with its condition in words (the words of plan_cond.c, without
** verdicts) and what it adds, the placement, reassessment, pre-release
** and post-release sections, and the test cases.  Keys come in a fixed
** order and arrays in declaration order, so the same script gives the
** same bytes.  Texts are taken along the fallback chain of the requested
** language (lang.h), so Serbian shows in either script.
*/
#include <string.h>
#include "engine.h"
#include "jsonw.h"
#include "lang.h"

/* What one description needs. */
typedef struct vep_pd {
    const vep_plan_model *m;
    vep_jsonw *w;
    vep_lang_chain chain;
    vep_buf *scratch;        /* a transliterated text                  */
} vep_pd;

/* Writes text t along the chain ("" for a text without any). */
static void put_text(vep_pd *d, const vep_text *t)
{
    const char *s = vep__text_pick(t, &d->chain, d->scratch, NULL);
    if (s == NULL)
        d->w->b->failed = 1;
    vep__jw_string(d->w, s ? s : "");
}

/* A key with a text in the description's language, null when it has
** none. */
static void ktext(vep_pd *d, const char *key, const vep_text *t)
{
    vep__jw_key(d->w, key);
    if (t != NULL && t->n)
        put_text(d, t);
    else
        vep__jw_null(d->w);
}

/* A key with a whole number, null for the "not given" value -1. */
static void kint_opt(vep_jsonw *w, const char *key, int v)
{
    vep__jw_key(w, key);
    if (v >= 0)
        vep__jw_int(w, v);
    else
        vep__jw_null(w);
}

/* A key with an array of strings. */
static void kstrings(vep_jsonw *w, const char *key, char *const *v, size_t n)
{
    size_t i;
    vep__jw_key(w, key);
    vep__jw_array(w);
    for (i = 0; i < n; i++)
        vep__jw_string(w, v[i]);
    vep__jw_array_end(w);
}

/* "when": the condition in words; "always": whether it always holds. */
static void kwhen(vep_pd *d, const vep_pcond *c)
{
    vep_buf b;
    vep__buf_init(&b, d->m->alloc);
    vep__pcond_words(c, &b);
    if (b.failed)
        d->w->b->failed = 1;
    vep__jw_kstring(d->w, "when", vep__buf_str(&b));
    vep__buf_free(&b);
    vep__jw_kbool(d->w, "always", c->kind == VEP_PC_ALL && c->nkids == 0);
}

/* "agencies": id, kind, title and the parts each may see. */
static void write_agencies(vep_pd *d)
{
    vep_jsonw *w = d->w;
    size_t i;
    int p;

    vep__jw_key(w, "agencies");
    vep__jw_array(w);
    for (i = 0; i < d->m->nagencies; i++) {
        const vep_agency_def *ag = &d->m->agencies[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "id", ag->id);
        vep__jw_kstring(w, "kind",
                        vep__name_of(vep__agency_kind_names, (int)ag->kind));
        ktext(d, "title", &ag->title);
        vep__jw_key(w, "sees");
        vep__jw_array(w);
        for (p = 0; p < VEP_PART_COUNT; p++)
            if (ag->sees[p])
                vep__jw_string(w, vep__plan_part_names[p]);
        vep__jw_array_end(w);
        vep__jw_kint(w, "line", (long long)ag->origin.line);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* "interventions": the catalogue, with intensity by final level. */
static void write_interventions(vep_pd *d)
{
    vep_jsonw *w = d->w;
    size_t i, k;

    vep__jw_key(w, "interventions");
    vep__jw_array(w);
    for (i = 0; i < d->m->ninterventions; i++) {
        const vep_intervention_def *iv = &d->m->interventions[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "id", iv->id);
        vep__jw_kstring(w, "category",
                        vep__name_of(vep__category_names, (int)iv->category));
        ktext(d, "title", &iv->title);
        vep__jw_kstring(w, "agency", iv->agency_id);
        ktext(d, "goal", &iv->goal);
        vep__jw_key(w, "intensity");
        vep__jw_array(w);
        for (k = 0; k < iv->nintensity; k++) {
            vep__jw_object(w);
            vep__jw_kstring(w, "level", iv->intensity[k].level);
            ktext(d, "text", &iv->intensity[k].text);
            vep__jw_object_end(w);
        }
        vep__jw_array_end(w);
        kint_opt(w, "review_months", iv->review_months);
        vep__jw_kstring(w, "setting",
                        vep__name_of(vep__setting_names, (int)iv->setting));
        vep__jw_kint(w, "line", (long long)iv->origin.line);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* One addition of a rule, by kind; numbers not given are null. */
static void write_addition(vep_pd *d, const vep_addition *x)
{
    vep_jsonw *w = d->w;

    vep__jw_object(w);
    switch (x->kind) {
    case VEP_ADD_INTERVENTION:
        vep__jw_kstring(w, "kind", "intervention");
        vep__jw_kstring(w, "intervention", x->intervention_id);
        kint_opt(w, "priority", x->priority);
        kint_opt(w, "start_days", x->start_days);
        kint_opt(w, "review_months", x->review_months);
        vep__jw_kstring(w, "agency", x->agency_id);
        ktext(d, "responsivity", &x->note);
        break;
    case VEP_ADD_PLACEMENT:
        vep__jw_kstring(w, "kind", "placement");
        vep__jw_kstring(w, "regime", x->regime);
        ktext(d, "rationale", &x->note);
        kint_opt(w, "review_months", x->review_months);
        break;
    case VEP_ADD_POST_RELEASE:
        vep__jw_kstring(w, "kind", "post_release");
        vep__jw_kstring(w, "supervisor", x->supervisor_id);
        vep__jw_kstring(w, "contact", x->contact);
        kstrings(w, "agencies", x->agency_ids, x->nagencies);
        break;
    case VEP_ADD_RESPONSIVITY:
        vep__jw_kstring(w, "kind", "responsivity");
        ktext(d, "note", &x->note);
        break;
    case VEP_ADD_PRE_RELEASE_STEP:
        vep__jw_kstring(w, "kind", "pre_release_step");
        vep__jw_kstring(w, "step", x->step);
        break;
    }
    vep__jw_object_end(w);
}

/* Whether rule r is a pre-release step (described with the steps). */
static int is_step(const vep_plan_rule *r)
{
    return r->nadds == 1 && r->adds[0].kind == VEP_ADD_PRE_RELEASE_STEP;
}

/* "rules": every declared rule but the pre-release steps. */
static void write_rules(vep_pd *d)
{
    vep_jsonw *w = d->w;
    size_t i, k;

    vep__jw_key(w, "rules");
    vep__jw_array(w);
    for (i = 0; i < d->m->nrules; i++) {
        const vep_plan_rule *r = &d->m->rules[i];
        if (is_step(r))
            continue;
        vep__jw_object(w);
        vep__jw_kstring(w, "id", r->id);
        ktext(d, "title", &r->title);
        kwhen(d, &r->when);
        vep__jw_key(w, "adds");
        vep__jw_array(w);
        for (k = 0; k < r->nadds; k++)
            write_addition(d, &r->adds[k]);
        vep__jw_array_end(w);
        vep__jw_kint(w, "line", (long long)r->origin.line);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* "placement" and "reassessment": the plan-wide schedule. */
static void write_schedule(vep_pd *d)
{
    const vep_plan_model *m = d->m;
    vep_jsonw *w = d->w;
    size_t i;

    vep__jw_key(w, "placement");
    vep__jw_object(w);
    vep__jw_kstring(w, "default", m->placement_default);
    kint_opt(w, "review_months", m->placement_review_months);
    vep__jw_object_end(w);

    vep__jw_key(w, "reassessment");
    vep__jw_object(w);
    vep__jw_key(w, "every_months");
    vep__jw_array(w);
    for (i = 0; i < m->nreassess; i++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "level", m->reassess_levels[i]);
        vep__jw_kint(w, "months", m->reassess_months[i]);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_key(w, "triggers");
    vep__jw_array(w);
    for (i = 0; i < VEP_TRIGGER_COUNT; i++) {
        if (m->trigger_days[i] < 0)
            continue;
        vep__jw_object(w);
        vep__jw_kstring(w, "trigger", vep__trigger_names[i]);
        vep__jw_kint(w, "within_days", m->trigger_days[i]);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_object_end(w);
}

/* "pre_release": the window and its steps, null without the section. */
static void write_pre_release(vep_pd *d)
{
    const vep_plan_model *m = d->m;
    vep_jsonw *w = d->w;
    size_t i;

    vep__jw_key(w, "pre_release");
    if (m->pre_release_months < 0) {
        vep__jw_null(w);
        return;
    }
    vep__jw_object(w);
    vep__jw_kint(w, "months_before", m->pre_release_months);
    vep__jw_key(w, "steps");
    vep__jw_array(w);
    for (i = 0; i < m->nrules; i++) {
        const vep_plan_rule *r = &m->rules[i];
        const vep_addition *x;
        if (!is_step(r))
            continue;
        x = &r->adds[0];
        vep__jw_object(w);
        vep__jw_kstring(w, "step", x->step);
        vep__jw_kstring(w, "rule", r->id);
        ktext(d, "title", &r->title);
        vep__jw_kstring(w, "agency", x->agency_id);
        kint_opt(w, "due_months", x->due_months);
        kwhen(d, &r->when);
        vep__jw_kint(w, "line", (long long)r->origin.line);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_object_end(w);
}

/* "post_release": supervision after release, null without the section. */
static void write_post_release(vep_pd *d)
{
    const vep_plan_model *m = d->m;
    vep_jsonw *w = d->w;
    size_t i;

    vep__jw_key(w, "post_release");
    if (!m->has_post_release) {
        vep__jw_null(w);
        return;
    }
    vep__jw_object(w);
    vep__jw_kstring(w, "supervisor", m->post_supervisor_id);
    vep__jw_kstring(w, "contact", m->post_contact);
    kstrings(w, "agencies", m->post_agency_ids, m->npost_agencies);
    kint_opt(w, "review_months", m->post_review_months);
    kint_opt(w, "reviews", m->post_reviews);
    vep__jw_key(w, "closure");
    vep__jw_array(w);
    for (i = 0; i < m->nclosure; i++)
        put_text(d, &m->closure[i]);
    vep__jw_array_end(w);
    vep__jw_kint(w, "line", (long long)m->post_origin.line);
    vep__jw_object_end(w);
}

/* Appends the description of plan `m` to `b`.  Returns VEP_OK or
** VEP_ERR_NOMEM. */
vep_status vep__plan_describe(const vep_plan_model *m, const char *lang,
                              vep_buf *b)
{
    vep_jsonw w;
    vep_buf scratch;
    vep_pd d;
    size_t i;

    d.m = m;
    d.w = &w;
    d.scratch = &scratch;
    if (vep__lang_chain(&d.chain, lang, m->nlanguages ? m->languages[0] : NULL,
                        (const char *const *)m->fallbacks, m->nfallbacks) != 0)
        return VEP_ERR_ARGUMENT;
    vep__buf_init(&scratch, b->alloc);
    vep__jw_init(&w, b, 1);
    vep__jw_object(&w);
    vep__jw_kstring(&w, "id", m->id);
    vep__jw_kstring(&w, "version", m->version);
    vep__jw_kstring(&w, "sha256", m->sha256);
    ktext(&d, "title", &m->title);
    vep__jw_kstring(&w, "instrument", m->instrument);
    kstrings(&w, "languages", m->languages, m->nlanguages);
    vep__jw_kbool(&w, "illustrative", m->illustrative);
    write_agencies(&d);
    write_interventions(&d);
    write_rules(&d);
    write_schedule(&d);
    write_pre_release(&d);
    write_post_release(&d);
    vep__jw_key(&w, "host_functions");
    vep__jw_array(&w);
    for (i = 0; i < m->nhosts; i++) {
        vep__jw_object(&w);
        vep__jw_kstring(&w, "name", m->hosts[i].name);
        vep__jw_kstring(&w, "signature", m->hosts[i].signature);
        ktext(&d, "purpose", &m->hosts[i].purpose);
        vep__jw_kint(&w, "line", (long long)m->hosts[i].origin.line);
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    vep__jw_key(&w, "tests");
    vep__jw_array(&w);
    for (i = 0; i < m->ntests; i++) {
        vep__jw_object(&w);
        vep__jw_kstring(&w, "name", m->tests[i].name);
        vep__jw_kint(&w, "line", (long long)m->tests[i].origin.line);
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    vep__jw_object_end(&w);
    vep__buf_addc(b, '\n');
    vep__buf_free(&scratch);
    return b->failed ? VEP_ERR_NOMEM : VEP_OK;
}

/* The public call: describes the plan into a string the caller frees
** with vep_free(). */
VEP_API vep_status vep_plan_describe(char **out, const vep_plan *plan,
                                     const char *lang)
{
    vep_engine *e;
    vep_buf b;
    vep_status st;

    if (out)
        *out = NULL;
    if (plan == NULL || out == NULL)
        return VEP_ERR_ARGUMENT;
    e = plan->engine;
    vep__engine_begin(e);
    vep__buf_init(&b, &e->alloc);
    st = vep__plan_describe(&plan->model, lang, &b);
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);
    else if (st == VEP_ERR_ARGUMENT)
        vep__engine_fail(e, st, "'%s' is not a language tag (BCP 47, e.g. en, sr-Latn)", lang);
    else
        vep__engine_fail(e, st, "%s", vep_strerror(st));
    vep__buf_free(&b);
    return st;
}
