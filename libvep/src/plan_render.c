/*
** plan_render.c -- the plan document (docs/WRITING-PLANS.md section 8):
** the evaluated plan as pretty-printed JSON, keys in a fixed order, the
** same bytes for the same plan, result and context.
**
** The whole plan, or the need-to-know view of one agency: the header
** (libvep, plan, instrument, subject, as_of, language, view, notice) and
** only the parts the agency's `sees` allows.  Parts it may not see are
** absent, not null.  Without "reasons" no rules entry carries its
** "because" (the explanations may quote assessment answers).  Texts are
** taken along the language chain of the requested language (lang.h);
** the header's "language" says which language each came from.
*/
#include <string.h>
#include "plan.h"
#include "jsonw.h"
#include "overlay.h"
#include "lang.h"

static const char notice[] =
    "This plan is a proposal derived from the plan rules and the "
    "professional's final judgement. The multi-agency team reviews it and "
    "decides; nothing in it is a decision.";

/* What one rendering needs. */
typedef struct vep_pr {
    const vep_plan_model *m;
    const vep_plan_facts *f;
    const vep_plan_out *out;
    vep_jsonw *w;
    const vep_lang_chain *chain;
    vep_buf *scratch;          /* transliterated texts                   */
    vep_lang_report report;    /* texts counted while rendering          */
    vep_lang_report shown;     /* the counts the header shows            */
    int agency;                /* the viewing agency, -1: the whole plan */
} vep_pr;

/* Whether the reader may see `part` (the whole plan sees everything). */
static int sees(const vep_pr *r, vep_plan_part part)
{
    return r->agency < 0 || r->m->agencies[r->agency].sees[part] != 0;
}

/* The text of t along the chain, counted; "" for a text without any
** language, NULL for none (and when out of memory, which fails the
** document). */
static const char *ptext(vep_pr *r, const vep_text *t)
{
    const char *s;
    int step;
    if (t == NULL)
        return NULL;
    if (t->n == 0)
        return "";
    s = vep__text_pick(t, r->chain, r->scratch, &step);
    if (s == NULL)
        r->w->b->failed = 1;
    vep__lang_report_add(&r->report, step);
    return s;
}

/* A key with a text in the rendering language. */
static void ktext(vep_pr *r, const char *key, const vep_text *t)
{
    vep__jw_kstring(r->w, key, ptext(r, t));
}

/* A key with a string, null when it is NULL or "". */
static void kopt(vep_jsonw *w, const char *key, const char *s)
{
    vep__jw_kstring(w, key, s && s[0] ? s : NULL);
}

/* An agency id, null for -1. */
static void kagency(vep_pr *r, const char *key, int agency)
{
    vep__jw_kstring(r->w, key, agency >= 0 && (size_t)agency < r->m->nagencies
                               ? r->m->agencies[agency].id : NULL);
}

/* The label of the source a rule comes from (its name relative to the
** plan's directory), or the name in the origin when none matches. */
static const char *source_label(const vep_plan_model *m, const char *file)
{
    size_t i;
    if (file == NULL)
        return NULL;
    for (i = 0; i < m->nsources; i++)
        if (m->sources[i].name == file
            || (m->sources[i].name && strcmp(m->sources[i].name, file) == 0))
            return m->sources[i].label ? m->sources[i].label
                                       : m->sources[i].name;
    return file;
}

/* "rules": [ {"rule", "title", "because", "file", "line"} ]. */
static void write_rules(vep_pr *r, const vep_because *v, size_t n)
{
    const vep_plan_rule *rule;
    size_t i;

    vep__jw_key(r->w, "rules");
    vep__jw_array(r->w);
    for (i = 0; i < n; i++) {
        if (v[i].rule < 0 || (size_t)v[i].rule >= r->m->nrules)
            continue;
        rule = &r->m->rules[v[i].rule];
        vep__jw_object(r->w);
        vep__jw_kstring(r->w, "rule", rule->id);
        if (sees(r, VEP_PART_REASONS)) {   /* titles may quote answers too */
            ktext(r, "title", &rule->title);
            vep__jw_kstring(r->w, "because", v[i].because);
        }
        vep__jw_kstring(r->w, "file", source_label(r->m, rule->origin.file));
        vep__jw_kint(r->w, "line", (long long)rule->origin.line);
        vep__jw_object_end(r->w);
    }
    vep__jw_array_end(r->w);
}

/* The header every document starts with. */
static void write_header(vep_pr *r)
{
    vep_jsonw *w = r->w;
    const vep_plan_facts *f = r->f;

    vep__jw_kstring(w, "libvep", VEP_VERSION_STRING);
    vep__jw_key(w, "plan");
    vep__jw_object(w);
    vep__jw_kstring(w, "id", r->m->id);
    vep__jw_kstring(w, "version", r->m->version);
    vep__jw_kstring(w, "sha256", r->m->sha256);
    vep__lineage_write(w, r->m->lineage, r->m->nlineage);
    vep__jw_kbool(w, "illustrative", r->m->illustrative);
    vep__jw_object_end(w);
    vep__jw_key(w, "instrument");
    vep__jw_object(w);
    vep__jw_kstring(w, "id", f->instrument_id);
    vep__jw_kstring(w, "version", f->instrument_version);
    vep__jw_kstring(w, "sha256", f->instrument_sha256);
    vep__jw_object_end(w);
    vep__jw_kstring(w, "subject", f->subject_id);
    if (r->agency < 0)
        vep__jw_kstring(w, "assessment_date", f->assessment_date);
    vep__jw_kstring(w, "as_of", f->as_of);
    vep__lang_report_write(w, r->chain, &r->shown);
    vep__jw_kstring(w, "view", r->agency < 0 ? NULL
                                              : r->m->agencies[r->agency].id);
    vep__jw_kstring(w, "notice", notice);
}

/* Whether the viewing agency is one of those competing for element `j`'s
** agency (an element in conflict has none, yet each of them needs to
** know). */
static int contested_by(const vep_pr *r, size_t j)
{
    const char *id = r->m->interventions[j].id;
    const char *me = r->m->agencies[r->agency].id;
    size_t i, k;

    for (i = 0; i < r->out->nconflicts; i++) {
        const vep_conflict *c = &r->out->conflicts[i];
        if (strcmp(c->field, "agency") != 0
            || strncmp(c->element, "intervention ", 13) != 0
            || id == NULL || strcmp(c->element + 13, id) != 0)
            continue;
        for (k = 0; k < c->n; k++)
            if (me && strcmp(c->values[k], me) == 0)
                return 1;
    }
    return 0;
}

/* "interventions": the elements, all of them or the agency's own. */
static void write_interventions(vep_pr *r, int own)
{
    const vep_plan_out *out = r->out;
    vep_jsonw *w = r->w;
    size_t i, k;

    vep__jw_key(w, "interventions");
    vep__jw_array(w);
    for (i = 0; i < out->nivs; i++) {
        const vep_iv_out *e = &out->ivs[i];
        const vep_intervention_def *iv = &r->m->interventions[e->intervention];
        if (own && e->agency != r->agency
            && !(e->agency < 0 && contested_by(r, (size_t)e->intervention)))
            continue;
        vep__jw_object(w);
        vep__jw_kstring(w, "id", iv->id);
        vep__jw_kstring(w, "category",
                        vep__name_of(vep__category_names, (int)iv->category));
        ktext(r, "title", &iv->title);
        kagency(r, "agency", e->agency);
        vep__jw_kint(w, "priority", e->priority);
        kopt(w, "start", e->start);
        kopt(w, "review", e->review);
        kopt(w, "end", e->end);
        ktext(r, "intensity", e->intensity >= 0
                              && (size_t)e->intensity < iv->nintensity
                              ? &iv->intensity[e->intensity].text : NULL);
        ktext(r, "goal", &iv->goal);
        vep__jw_key(w, "responsivity");
        vep__jw_array(w);
        for (k = 0; k < e->nnotes; k++)
            vep__jw_string(w, ptext(r, e->notes[k]));
        vep__jw_array_end(w);
        vep__jw_kstring(w, "previously_refused", e->refused_on);
        write_rules(r, e->rules, e->nrules);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* "not_added": interventions a rule asked for that the plan leaves out. */
static void write_not_added(vep_pr *r, int own)
{
    const vep_plan_out *out = r->out;
    vep_jsonw *w = r->w;
    size_t i;

    vep__jw_key(w, "not_added");
    vep__jw_array(w);
    for (i = 0; i < out->nnot_added; i++) {
        const vep_not_added *e = &out->not_added[i];
        const vep_intervention_def *iv = &r->m->interventions[e->intervention];
        if (own && vep__plan_find_agency(r->m, iv->agency_id) != r->agency)
            continue;
        vep__jw_object(w);
        vep__jw_kstring(w, "intervention", iv->id);
        vep__jw_kstring(w, "reason", e->reason);
        write_rules(r, e->rules, e->nrules);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* "placement": the recommendation, or null when there is none. */
static void write_placement(vep_pr *r)
{
    const vep_plan_out *out = r->out;
    vep_jsonw *w = r->w;
    const char *cur = r->f->regime;

    vep__jw_key(w, "placement");
    if (!out->has_placement) {
        vep__jw_null(w);
        return;
    }
    vep__jw_object(w);
    vep__jw_kstring(w, "recommended", out->regime);
    vep__jw_kstring(w, "current", cur);
    vep__jw_key(w, "change");
    if (out->regime == NULL || cur == NULL)
        vep__jw_null(w);
    else
        vep__jw_bool(w, strcmp(out->regime, cur) != 0);
    ktext(r, "rationale", out->rationale);
    kopt(w, "review", out->placement_review);
    if (out->placement_default)
        vep__jw_kstring(w, "because",
                        "no placement rule holds: the default regime");
    write_rules(r, out->placement_rules, out->nplacement_rules);
    vep__jw_object_end(w);
}

/* "reassessment": the due date, the dates considered, the triggers. */
static void write_reassessment(vep_pr *r)
{
    const vep_plan_out *out = r->out;
    vep_jsonw *w = r->w;
    size_t i;

    vep__jw_key(w, "reassessment");
    vep__jw_object(w);
    kopt(w, "due", out->reassess_due);
    vep__jw_key(w, "every_months");
    if (out->reassess_months >= 0)
        vep__jw_int(w, out->reassess_months);
    else
        vep__jw_null(w);
    vep__jw_key(w, "candidates");
    vep__jw_array(w);
    for (i = 0; i < out->ncandidates; i++) {
        vep__jw_object(w);
        vep__jw_kstring(w, "kind", out->candidates[i].kind);
        kopt(w, "date", out->candidates[i].date);
        vep__jw_kstring(w, "because", out->candidates[i].because);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_key(w, "triggers");
    vep__jw_array(w);
    for (i = 0; i < VEP_TRIGGER_COUNT; i++) {
        if (r->m->trigger_days[i] < 0)
            continue;
        vep__jw_object(w);
        vep__jw_kstring(w, "trigger", vep__trigger_names[i]);
        vep__jw_kint(w, "within_days", r->m->trigger_days[i]);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_kstring(w, "note", out->reassess_note);
    vep__jw_object_end(w);
}

/* "pre_release": the window and its steps (all, or the agency's own);
** null when the plan has no pre-release section. */
static void write_pre_release(vep_pr *r, int own)
{
    const vep_plan_out *out = r->out;
    vep_jsonw *w = r->w;
    size_t i;

    vep__jw_key(w, "pre_release");
    if (strcmp(out->window, "none") == 0) {
        vep__jw_null(w);
        return;
    }
    vep__jw_object(w);
    vep__jw_kstring(w, "state", out->window);
    kopt(w, "opens", out->window_opens);
    vep__jw_kstring(w, "release", r->f->release_date);
    vep__jw_kstring(w, "note", out->window_note);
    vep__jw_key(w, "steps");
    vep__jw_array(w);
    for (i = 0; i < out->nsteps; i++) {
        const vep_step_out *s = &out->steps[i];
        const vep_plan_rule *rule = &r->m->rules[s->rule];
        const vep_addition *x = &rule->adds[s->add];
        const char *step = x->step;
        int ag = x->agency >= 0 && (size_t)x->agency < r->m->nagencies
                 ? x->agency : vep__plan_find_agency(r->m, x->agency_id);
        vep_because one;
        if (own && ag != r->agency)
            continue;
        if (step == NULL && rule->id)
            step = strncmp(rule->id, "pre_release:", 12) == 0 ? rule->id + 12
                                                              : rule->id;
        vep__jw_object(w);
        vep__jw_kstring(w, "step", step);
        ktext(r, "title", &x->note);
        kagency(r, "agency", ag);
        kopt(w, "due", s->due);
        vep__jw_kstring(w, "status", s->status);
        one.rule = s->rule;
        one.because = s->because;
        write_rules(r, &one, 1);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_object_end(w);
}

/* "post_release": supervision after release, or null without one. */
static void write_post_release(vep_pr *r)
{
    const vep_plan_out *out = r->out;
    vep_jsonw *w = r->w;
    size_t i;

    vep__jw_key(w, "post_release");
    if (!out->has_post) {
        vep__jw_null(w);
        return;
    }
    vep__jw_object(w);
    kagency(r, "supervisor", out->supervisor);
    vep__jw_kstring(w, "contact", out->contact);
    vep__jw_key(w, "agencies");
    vep__jw_array(w);
    for (i = 0; i < out->npost_agencies; i++)
        vep__jw_string(w, r->m->agencies[out->post_agencies[i]].id);
    vep__jw_array_end(w);
    vep__jw_key(w, "reviews");
    vep__jw_array(w);
    for (i = 0; i < out->nreviews; i++)
        vep__jw_string(w, out->reviews[i]);
    vep__jw_array_end(w);
    vep__jw_key(w, "closure");
    vep__jw_array(w);
    for (i = 0; i < r->m->nclosure; i++)
        vep__jw_string(w, ptext(r, &r->m->closure[i]));
    vep__jw_array_end(w);
    write_rules(r, out->post_rules, out->npost_rules);
    vep__jw_object_end(w);
}

/* "responsivity": the plan-wide notes with their rules. */
static void write_responsivity(vep_pr *r)
{
    const vep_plan_out *out = r->out;
    size_t i;

    vep__jw_key(r->w, "responsivity");
    vep__jw_array(r->w);
    for (i = 0; i < out->nnotes; i++) {
        vep__jw_object(r->w);
        ktext(r, "note", out->notes[i].note);
        write_rules(r, out->notes[i].rules, out->notes[i].nrules);
        vep__jw_object_end(r->w);
    }
    vep__jw_array_end(r->w);
}

/* "conflicts": each field the rules disagree on, with every value. */
/* Whether the viewer may see a conflict: one about a part it sees (for
** its own interventions, one where it is among the competing agencies). */
static int sees_conflict(const vep_pr *r, const vep_conflict *c)
{
    size_t k;
    if (r->agency < 0)
        return 1;
    if (strcmp(c->element, "placement") == 0)
        return sees(r, VEP_PART_PLACEMENT);
    if (strcmp(c->element, "post_release") == 0)
        return sees(r, VEP_PART_POST_RELEASE);
    if (sees(r, VEP_PART_INTERVENTIONS))
        return 1;
    if (!sees(r, VEP_PART_INTERVENTIONS_OWN))
        return 0;
    for (k = 0; k < c->n; k++)
        if (c->values[k] && strcmp(c->values[k], r->m->agencies[r->agency].id) == 0)
            return 1;
    return 0;
}

static void write_conflicts(vep_pr *r)
{
    const vep_plan_out *out = r->out;
    vep_jsonw *w = r->w;
    size_t i, k;

    vep__jw_key(w, "conflicts");
    vep__jw_array(w);
    for (i = 0; i < out->nconflicts; i++) {
        const vep_conflict *c = &out->conflicts[i];
        if (!sees_conflict(r, c))
            continue;
        vep__jw_object(w);
        vep__jw_kstring(w, "element", c->element);
        vep__jw_kstring(w, "field", c->field);
        vep__jw_kstring(w, "message", c->message);
        vep__jw_key(w, "values");
        vep__jw_array(w);
        for (k = 0; k < c->n; k++) {
            vep__jw_object(w);
            vep__jw_kstring(w, "value", c->values[k]);
            vep__jw_kstring(w, "rule", c->rules[k] >= 0
                            && (size_t)c->rules[k] < r->m->nrules
                            ? r->m->rules[c->rules[k]].id : NULL);
            vep__jw_object_end(w);
        }
        vep__jw_array_end(w);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

/* Writes the document (or the view) into b. */
static void render(vep_pr *r, vep_buf *b)
{
    vep_jsonw w;
    int all;

    r->w = &w;
    vep__jw_init(&w, b, 1);
    vep__jw_object(&w);
    write_header(r);
    if (sees(r, VEP_PART_RISK)) {
        vep__jw_key(&w, "risk");
        vep__jw_object(&w);
        vep__jw_kstring(&w, "final", r->f->risk);
        vep__jw_kstring(&w, "advisory", r->f->advisory);
        vep__jw_object_end(&w);
    }
    all = sees(r, VEP_PART_INTERVENTIONS);
    if (all || sees(r, VEP_PART_INTERVENTIONS_OWN)) {
        write_interventions(r, !all);
        write_not_added(r, !all);
    }
    if (sees(r, VEP_PART_PLACEMENT))
        write_placement(r);
    if (sees(r, VEP_PART_REASSESSMENT))
        write_reassessment(r);
    all = sees(r, VEP_PART_PRE_RELEASE);
    if (all || sees(r, VEP_PART_PRE_RELEASE_OWN))
        write_pre_release(r, !all);
    if (sees(r, VEP_PART_POST_RELEASE))
        write_post_release(r);
    if (sees(r, VEP_PART_RESPONSIVITY))
        write_responsivity(r);
    if (sees(r, VEP_PART_CONFLICTS))
        write_conflicts(r);
    if (r->agency < 0 && r->f->host_log.n > 0) {   /* never in a view */
        vep__jw_key(&w, "host_calls");
        vep__host_log_write(&w, &r->f->host_log);
    }
    vep__jw_object_end(&w);
    r->w = NULL;
}

/* Appends the plan document (or one agency's view) to `b`.  The header's
** "language" comes before the texts it counts, so the document is
** rendered twice: once to count, once with the counts.  Returns VEP_OK,
** VEP_ERR_ARGUMENT for an agency the plan does not declare or a language
** that is not a well-formed tag, or VEP_ERR_NOMEM. */
vep_status vep__plan_render(const vep_plan_model *m, const vep_plan_facts *f,
                            const vep_plan_out *out, const char *agency,
                            const char *lang, vep_buf *b)
{
    vep_lang_chain chain;
    vep_buf scratch, count;
    vep_pr r;
    vep_status st = VEP_OK;

    memset(&r, 0, sizeof r);
    r.m = m;
    r.f = f;
    r.out = out;
    r.agency = -1;
    if (agency != NULL && (r.agency = vep__plan_find_agency(m, agency)) < 0)
        return VEP_ERR_ARGUMENT;
    if (vep__lang_chain(&chain, lang, m->nlanguages ? m->languages[0] : NULL,
                        (const char *const *)m->fallbacks, m->nfallbacks) != 0)
        return VEP_ERR_ARGUMENT;
    r.chain = &chain;
    r.scratch = &scratch;
    vep__buf_init(&scratch, m->alloc);
    vep__buf_init(&count, m->alloc);
    render(&r, &count);
    if (count.failed) {
        st = VEP_ERR_NOMEM;
        goto cleanup;
    }
    r.shown = r.report;
    memset(&r.report, 0, sizeof r.report);
    render(&r, b);
    if (b->failed)
        st = VEP_ERR_NOMEM;
cleanup:
    vep__buf_free(&count);
    vep__buf_free(&scratch);
    return st;
}
