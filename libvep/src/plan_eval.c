/*
** plan_eval.c -- evaluates a plan model against the facts of one case
** (plan.h): which rules hold, what they add, merged, with the conflicts
** and the dates.  The dated parts, and the small helpers both files use,
** are in plan_eval_time.c.
**
** Semantics:
** - The plan is built on risk = the professional's final level, and on
**   the as-of date of the context; dates are "YYYY-MM-DD", computed with
**   date.h (day numbers; adding months keeps month ends).  No clock.
** - Pre-release window: "none" when the model has no pre_release block;
**   "unknown" without an expected release date; else it opens `months
**   before` the release: as_of before the opening is "before", from the
**   opening to the day before release "open", from release on "passed".
**   { window = ... } conditions compare with this state.
** - Rules are evaluated in model order; a rule holds when its `when`
**   holds (ALL with no children: always).  For each holding rule:
**   * intervention: one element per intervention.  Completed (in the
**     context's history): not added, reason "completed on DATE".  After
**     the release date a custody intervention is not added either.
**     Otherwise merged: the lowest priority number; start = as_of + the
**     fewest start days; review = the earliest of each addition's own
**     review (its start + its interval: the addition's, else the
**     catalogue's); end = the release date for
**     custody interventions when it is after as_of; agency = the
**     addition's override or the catalogue's, two different agencies
**     being a conflict (the element then has none); intensity = the entry
**     for the final level; responsivity notes in rule order, each once;
**     the refusal date when refused.  Elements are ordered by priority,
**     then catalogue order; every contributing rule is listed once.
**   * placement: no holding rule gives the default regime; one regime
**     (from one or more rules) is recommended with the first rationale
**     and review = as_of + the shortest interval; different regimes are
**     a conflict and no regime is recommended.
**   * post_release: the model's section, its supervisor and contact
**     overridden by holding rules (rules disagreeing with each other: a
**     conflict), agencies the union in agency declaration order; review
**     points every review_months from the release (else as_of).
**   * responsivity: plan-wide notes in rule order, each once, with every
**     rule that gave it.
**   * pre-release steps: only while the window is "before" or "open":
**     due = release - due_months; "overdue" before as_of, "due" within
**     30 days, else "upcoming".
** - Reassessment: due at the earliest of the assessment date (else
**   as_of) plus the interval for the final level; each event of a listed
**   trigger after the assessment date plus its days; the window opening
**   (after the assessment date) plus its days.  Candidates are listed in
**   date order, periodic first on a tie, then trigger order.
** - Every order follows the model, so the same inputs give the same plan.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "plan_eval.h"
#include "date.h"

/* ---- Competing values -------------------------------------------------- */

/* The values holding additions give one field, with their rules. */
typedef struct pe_vals {
    const char **v;
    int *r;
    size_t n;
} pe_vals;

/* Records that rule `rule` gives `value` (once per rule and value).
** Returns 0, or -1 when out of memory. */
static int vals_add(vep_pe *p, pe_vals *x, const char *value, int rule)
{
    const char **nv;
    int *nr;
    size_t i;
    for (i = 0; i < x->n; i++)
        if (x->r[i] == rule && strcmp(x->v[i], value) == 0)
            return 0;
    nv = vep__pe_grow(p->a, (void *)x->v, x->n, sizeof *nv);
    if (nv == NULL)
        return -1;
    x->v = nv;
    nr = vep__pe_grow(p->a, x->r, x->n, sizeof *nr);
    if (nr == NULL)
        return -1;
    x->r = nr;
    x->v[x->n] = value;
    x->r[x->n] = rule;
    x->n++;
    return 0;
}

/* How many different values were given. */
static size_t vals_distinct(const pe_vals *x)
{
    size_t i, j, k = 0;
    for (i = 0; i < x->n; i++) {
        for (j = 0; j < i; j++)
            if (strcmp(x->v[i], x->v[j]) == 0)
                break;
        k += j == i;
    }
    return k;
}

/* Frees the lists (not the borrowed values). */
static void vals_free(const vep_alloc *a, pe_vals *x)
{
    vep__free(a, (void *)x->v);
    vep__free(a, x->r);
    memset(x, 0, sizeof *x);
}

/* Adds a conflict over `field` of `element` listing every value given.
** Returns VEP_OK or VEP_ERR_NOMEM. */
static vep_status conflict_add(vep_pe *p, const char *element,
                               const char *field, const char *message,
                               const pe_vals *x)
{
    vep_plan_out *out = p->out;
    vep_conflict *nv, *c;
    size_t i;

    nv = vep__pe_grow(p->a, out->conflicts, out->nconflicts, sizeof *nv);
    if (nv == NULL)
        return VEP_ERR_NOMEM;
    out->conflicts = nv;
    c = &nv[out->nconflicts++];
    c->element = vep__strdup(p->a, element);
    c->field = vep__strdup(p->a, field);
    c->message = vep__strdup(p->a, message);
    c->values = vep__calloc(p->a, x->n ? x->n : 1, sizeof *c->values);
    c->rules = vep__calloc(p->a, x->n ? x->n : 1, sizeof *c->rules);
    if (!c->element || !c->field || !c->message || !c->values || !c->rules)
        return VEP_ERR_NOMEM;
    for (i = 0; i < x->n; i++) {
        c->values[i] = vep__strdup(p->a, x->v[i]);
        c->rules[i] = x->r[i];
        c->n = i + 1;
        if (c->values[i] == NULL)
            return VEP_ERR_NOMEM;
    }
    return VEP_OK;
}

/* ---- Look-ups ---------------------------------------------------------- */

/* The programme with that id in a history list, or NULL. */
static const vep_dated *find_dated(const vep_dated *v, size_t n,
                                   const char *id)
{
    size_t i;
    if (id != NULL)
        for (i = 0; i < n; i++)
            if (v[i].id != NULL && strcmp(v[i].id, id) == 0)
                return &v[i];
    return NULL;
}

/* The intervention an addition names (its resolved index, else by id). */
static int add_intervention(const vep_plan_model *m, const vep_addition *x)
{
    if (x->intervention >= 0 && (size_t)x->intervention < m->ninterventions)
        return x->intervention;
    return vep__plan_find_intervention(m, x->intervention_id);
}

/* An agency given as an index (resolved) or an id. */
static int agency_index(const vep_plan_model *m, const int *idx, size_t k,
                        const char *id)
{
    if (idx != NULL && idx[k] >= 0 && (size_t)idx[k] < m->nagencies)
        return idx[k];
    return vep__plan_find_agency(m, id);
}

/* Whether two notes are the same: one text, or the same first-language
** wording. */
static int same_note(const vep_text *x, const vep_text *y)
{
    return x == y || (x->n > 0 && y->n > 0 && x->text[0] && y->text[0]
                      && strcmp(x->text[0], y->text[0]) == 0);
}

/* ---- Interventions ----------------------------------------------------- */

/* The per-intervention sums of its holding additions. */
typedef struct iv_acc {
    int found, priority, start_days, review_months;
    long review_day;           /* earliest of each addition's own review */
    pe_vals agencies;
    const vep_text **notes;
    size_t nnotes;
    vep_because *rules;
    size_t nrules;
} iv_acc;

/* Collects every holding addition of intervention `j` into `acc`.
** Returns VEP_OK or VEP_ERR_NOMEM. */
static vep_status collect_iv(vep_pe *p, size_t j, iv_acc *acc)
{
    const vep_plan_model *m = p->m;
    const vep_intervention_def *iv = &m->interventions[j];
    const vep_text **nn;
    const char *ag;
    size_t r, k, i;
    int v;

    acc->priority = acc->start_days = acc->review_months = INT_MAX;
    acc->review_day = LONG_MAX;
    for (r = 0; r < m->nrules; r++) {
        if (!p->out->holds[r])
            continue;
        for (k = 0; k < m->rules[r].nadds; k++) {
            const vep_addition *x = &m->rules[r].adds[k];
            if (x->kind != VEP_ADD_INTERVENTION
                || add_intervention(m, x) != (int)j)
                continue;
            acc->found = 1;
            if (vep__pe_because(p, &acc->rules, &acc->nrules, (int)r))
                return VEP_ERR_NOMEM;
            v = x->priority >= 0 ? x->priority : 2;
            if (v < acc->priority)
                acc->priority = v;
            v = x->start_days >= 0 ? x->start_days : 0;
            if (v < acc->start_days)
                acc->start_days = v;
            v = x->review_months >= 0 ? x->review_months
                : iv->review_months >= 0 ? iv->review_months : 3;
            if (v < acc->review_months)
                acc->review_months = v;
            {   /* this addition's review: its own start plus its interval */
                long own = vep__pe_add_months(p->as_of + (x->start_days >= 0 ? x->start_days : 0), v);
                if (own < acc->review_day)
                    acc->review_day = own;
            }
            ag = x->agency_id ? x->agency_id
                 : iv->agency_id ? iv->agency_id
                 : iv->agency >= 0 && (size_t)iv->agency < m->nagencies
                   ? m->agencies[iv->agency].id : NULL;
            if (ag != NULL && vals_add(p, &acc->agencies, ag, (int)r))
                return VEP_ERR_NOMEM;
            if (x->note.n == 0)
                continue;
            for (i = 0; i < acc->nnotes; i++)
                if (same_note(acc->notes[i], &x->note))
                    break;
            if (i < acc->nnotes)
                continue;
            nn = vep__pe_grow(p->a, (void *)acc->notes, acc->nnotes,
                              sizeof *nn);
            if (nn == NULL)
                return VEP_ERR_NOMEM;
            acc->notes = nn;
            acc->notes[acc->nnotes++] = &x->note;
        }
    }
    return VEP_OK;
}

/* Lists intervention `j` under not_added with `reason` (taken over) and
** the rules of `acc` (taken over). */
static vep_status not_added(vep_pe *p, size_t j, char *reason, iv_acc *acc)
{
    vep_plan_out *out = p->out;
    vep_not_added *nv;

    if (reason == NULL)
        return VEP_ERR_NOMEM;
    nv = vep__pe_grow(p->a, out->not_added, out->nnot_added, sizeof *nv);
    if (nv == NULL) {
        vep__free(p->a, reason);
        return VEP_ERR_NOMEM;
    }
    out->not_added = nv;
    nv += out->nnot_added++;
    nv->intervention = (int)j;
    nv->reason = reason;
    nv->rules = acc->rules;
    nv->nrules = acc->nrules;
    acc->rules = NULL;
    acc->nrules = 0;
    return VEP_OK;
}

/* Fills the plan element of intervention `j` from `acc` (whose lists it
** takes over). */
static vep_status add_iv(vep_pe *p, size_t j, iv_acc *acc)
{
    const vep_plan_model *m = p->m;
    const vep_intervention_def *iv = &m->interventions[j];
    const vep_dated *ref;
    vep_plan_out *out = p->out;
    vep_iv_out *e;
    vep_buf el;
    vep_status st = VEP_OK;
    long start;
    size_t i;

    e = vep__pe_grow(p->a, out->ivs, out->nivs, sizeof *e);
    if (e == NULL)
        return VEP_ERR_NOMEM;
    out->ivs = e;
    e += out->nivs++;
    e->intervention = (int)j;
    e->priority = acc->priority;
    e->rules = acc->rules;
    e->nrules = acc->nrules;
    e->notes = acc->notes;
    e->nnotes = acc->nnotes;
    acc->rules = NULL;
    acc->notes = NULL;
    acc->nrules = acc->nnotes = 0;
    start = p->as_of + acc->start_days;
    if (start > VEP_DATE_MAX)
        start = VEP_DATE_MAX;
    vep__pe_date(start, e->start);
    vep__pe_date(acc->review_day < start ? start : acc->review_day, e->review);
    if (iv->setting == VEP_SETTING_CUSTODY && p->has_release
        && p->release > p->as_of)
        vep__pe_date(p->release, e->end);
    e->intensity = -1;
    for (i = 0; i < iv->nintensity && p->f->risk; i++)
        if (iv->intensity[i].level
            && strcmp(iv->intensity[i].level, p->f->risk) == 0) {
            e->intensity = (int)i;
            break;
        }
    ref = find_dated(p->f->refused, p->f->nrefused, iv->id);
    if (ref != NULL) {
        e->refused_on = vep__strdup(p->a, ref->date ? ref->date : "");
        if (e->refused_on == NULL)
            return VEP_ERR_NOMEM;
    }
    e->agency = -1;
    if (vals_distinct(&acc->agencies) > 1) {
        vep__buf_init(&el, p->a);
        vep__buf_printf(&el, "intervention %s", iv->id ? iv->id : "?");
        if (el.failed)
            st = VEP_ERR_NOMEM;
        else
            st = conflict_add(p, vep__buf_str(&el), "agency",
                              "the rules give different responsible agencies"
                              " for this intervention: the team decides",
                              &acc->agencies);
        vep__buf_free(&el);
    } else if (acc->agencies.n > 0) {
        e->agency = vep__plan_find_agency(m, acc->agencies.v[0]);
    }
    return st;
}

/* Builds what the holding rules make of intervention `j`: nothing, a
** not_added entry, or a plan element. */
static vep_status build_iv(vep_pe *p, size_t j)
{
    const vep_intervention_def *iv = &p->m->interventions[j];
    const vep_dated *done;
    char rd[11];
    iv_acc acc;
    vep_status st;

    memset(&acc, 0, sizeof acc);
    st = collect_iv(p, j, &acc);
    if (st != VEP_OK || !acc.found)
        goto cleanup;
    done = find_dated(p->f->completed, p->f->ncompleted, iv->id);
    if (done != NULL) {
        st = not_added(p, j, done->date
                       ? vep__pe_printf(p->a, "completed on %s", done->date)
                       : vep__strdup(p->a, "completed"), &acc);
    } else if (p->released && iv->setting == VEP_SETTING_CUSTODY) {
        vep__pe_date(p->release, rd);
        st = not_added(p, j, vep__pe_printf(p->a, "delivered in custody; the "
                       "expected release date %s has passed", rd), &acc);
    } else {
        st = add_iv(p, j, &acc);
    }
cleanup:
    vals_free(p->a, &acc.agencies);
    vep__free(p->a, (void *)acc.notes);
    vep__free(p->a, acc.rules);
    return st;
}

/* Orders the elements by priority, then catalogue order (insertion sort:
** the lists are short and the order must not depend on the library). */
static void sort_ivs(vep_plan_out *out)
{
    size_t i, j;
    vep_iv_out t;
    for (i = 1; i < out->nivs; i++) {
        t = out->ivs[i];
        for (j = i; j > 0; j--) {
            const vep_iv_out *q = &out->ivs[j - 1];
            if (q->priority < t.priority
                || (q->priority == t.priority
                    && q->intervention < t.intervention))
                break;
            out->ivs[j] = out->ivs[j - 1];
        }
        out->ivs[j] = t;
    }
}

/* ---- Placement, post-release, responsivity ----------------------------- */

/* The placement recommendation. */
static vep_status build_placement(vep_pe *p)
{
    const vep_plan_model *m = p->m;
    vep_plan_out *out = p->out;
    pe_vals rg;
    const vep_text *why = NULL;
    int months = INT_MAX, v;
    size_t r, k;
    vep_status st = VEP_OK;

    memset(&rg, 0, sizeof rg);
    for (r = 0; r < m->nrules; r++) {
        if (!out->holds[r])
            continue;
        for (k = 0; k < m->rules[r].nadds; k++) {
            const vep_addition *x = &m->rules[r].adds[k];
            if (x->kind != VEP_ADD_PLACEMENT || x->regime == NULL)
                continue;
            if (vals_add(p, &rg, x->regime, (int)r)
                || vep__pe_because(p, &out->placement_rules,
                                   &out->nplacement_rules, (int)r)) {
                st = VEP_ERR_NOMEM;
                goto cleanup;
            }
            v = x->review_months >= 0 ? x->review_months
                                      : m->placement_review_months;
            if (v < months)
                months = v;
            if (why == NULL && x->note.n > 0)
                why = &x->note;
        }
    }
    if (rg.n == 0) {
        if (m->placement_default != NULL) {
            out->has_placement = 1;
            out->placement_default = 1;
            out->regime = m->placement_default;
            vep__pe_date(vep__pe_add_months(p->as_of,
                         m->placement_review_months >= 0
                         ? m->placement_review_months : 6),
                         out->placement_review);
        }
        goto cleanup;
    }
    out->has_placement = 1;
    vep__pe_date(vep__pe_add_months(p->as_of, months < 0 ? 0 : months),
                 out->placement_review);
    if (vals_distinct(&rg) > 1) {
        st = conflict_add(p, "placement", "regime", "the rules recommend "
                          "different regimes: the team decides", &rg);
    } else {
        out->regime = rg.v[0];
        out->rationale = why;
    }
cleanup:
    vals_free(p->a, &rg);
    return st;
}

/* The post-release section with the holding rules' overrides. */
static vep_status build_post(vep_pe *p)
{
    const vep_plan_model *m = p->m;
    vep_plan_out *out = p->out;
    pe_vals sv, cv;
    unsigned char *mark = NULL;
    size_t r, k, i, n = 0;
    int ix;
    vep_status st = VEP_ERR_NOMEM;

    memset(&sv, 0, sizeof sv);
    memset(&cv, 0, sizeof cv);
    if (!m->has_post_release)
        return VEP_OK;
    out->has_post = 1;
    out->supervisor = m->post_supervisor >= 0
                      && (size_t)m->post_supervisor < m->nagencies
                      ? m->post_supervisor
                      : vep__plan_find_agency(m, m->post_supervisor_id);
    out->contact = m->post_contact;
    mark = vep__calloc(p->a, m->nagencies ? m->nagencies : 1, 1);
    if (mark == NULL)
        goto cleanup;
    for (i = 0; i < m->npost_agencies; i++)
        if ((ix = agency_index(m, m->post_agencies, i,
                               m->post_agency_ids[i])) >= 0)
            mark[ix] = 1;
    for (r = 0; r < m->nrules; r++) {
        if (!out->holds[r])
            continue;
        for (k = 0; k < m->rules[r].nadds; k++) {
            const vep_addition *x = &m->rules[r].adds[k];
            if (x->kind != VEP_ADD_POST_RELEASE)
                continue;
            if (vep__pe_because(p, &out->post_rules, &out->npost_rules,
                                (int)r)
                || (x->supervisor_id && vals_add(p, &sv, x->supervisor_id,
                                                 (int)r))
                || (x->contact && vals_add(p, &cv, x->contact, (int)r)))
                goto cleanup;
            for (i = 0; i < x->nagencies; i++)
                if ((ix = agency_index(m, x->agencies, i,
                                       x->agency_ids[i])) >= 0)
                    mark[ix] = 1;
        }
    }
    if (vals_distinct(&sv) > 1) {
        out->supervisor = -1;
        if (conflict_add(p, "post_release", "supervisor", "the rules give "
                         "different supervising agencies after release: the "
                         "team decides", &sv) != VEP_OK)
            goto cleanup;
    } else if (sv.n > 0) {
        out->supervisor = vep__plan_find_agency(m, sv.v[0]);
    }
    if (vals_distinct(&cv) > 1) {
        out->contact = NULL;
        if (conflict_add(p, "post_release", "contact", "the rules give "
                         "different contact frequencies after release: the "
                         "team decides", &cv) != VEP_OK)
            goto cleanup;
    } else if (cv.n > 0) {
        out->contact = cv.v[0];
    }
    for (i = 0; i < m->nagencies; i++)
        n += mark[i];
    out->post_agencies = vep__calloc(p->a, n ? n : 1, sizeof(int));
    if (out->post_agencies == NULL)
        goto cleanup;
    for (i = 0; i < m->nagencies; i++)
        if (mark[i])
            out->post_agencies[out->npost_agencies++] = (int)i;
    st = vep__pe_reviews(p);
cleanup:
    vep__free(p->a, mark);
    vals_free(p->a, &sv);
    vals_free(p->a, &cv);
    return st;
}

/* The plan-wide responsivity notes, each once with all its rules. */
static vep_status build_notes(vep_pe *p)
{
    const vep_plan_model *m = p->m;
    vep_plan_out *out = p->out;
    vep_note_out *nv;
    size_t r, k, i;

    for (r = 0; r < m->nrules; r++) {
        if (!out->holds[r])
            continue;
        for (k = 0; k < m->rules[r].nadds; k++) {
            const vep_addition *x = &m->rules[r].adds[k];
            if (x->kind != VEP_ADD_RESPONSIVITY || x->note.n == 0)
                continue;
            for (i = 0; i < out->nnotes; i++)
                if (same_note(out->notes[i].note, &x->note))
                    break;
            if (i == out->nnotes) {
                nv = vep__pe_grow(p->a, out->notes, out->nnotes, sizeof *nv);
                if (nv == NULL)
                    return VEP_ERR_NOMEM;
                out->notes = nv;
                nv[out->nnotes++].note = &x->note;
            }
            if (vep__pe_because(p, &out->notes[i].rules,
                                &out->notes[i].nrules, (int)r))
                return VEP_ERR_NOMEM;
        }
    }
    return VEP_OK;
}

/* ---- The evaluation ---------------------------------------------------- */

/* Evaluates every rule's condition, keeping its truth and its account. */
static vep_status eval_rules(vep_pe *p)
{
    const vep_plan_model *m = p->m;
    vep_plan_out *out = p->out;
    vep_buf why;
    vep_status st = VEP_ERR_NOMEM;
    size_t r;

    vep__buf_init(&why, p->a);
    out->why = vep__calloc(p->a, m->nrules ? m->nrules : 1, sizeof(char *));
    out->holds = vep__calloc(p->a, m->nrules ? m->nrules : 1, 1);
    if (out->why == NULL || out->holds == NULL)
        goto cleanup;
    out->nwhy = m->nrules;
    for (r = 0; r < m->nrules; r++) {
        vep__buf_reset(&why);
        vep__plan_host_rule(p->f, r);
        out->holds[r] = (unsigned char)(vep__pcond_eval(&m->rules[r].when,
                                                        p->f, out->window,
                                                        &why) != 0);
        if ((st = vep__plan_host_status(p->f)) != VEP_OK)
            goto cleanup;       /* a host function failed */
        st = VEP_ERR_NOMEM;
        if (why.failed)
            goto cleanup;
        out->why[r] = vep__strdup(p->a, vep__buf_str(&why));
        if (out->why[r] == NULL)
            goto cleanup;
    }
    st = VEP_OK;
cleanup:
    vep__buf_free(&why);
    return st;
}

/* Builds the plan (see the top of this file).  On failure `out` is left
** empty. */
vep_status vep__plan_eval(const vep_plan_model *m, const vep_plan_facts *f,
                          const vep_alloc *a, vep_plan_out *out)
{
    vep_pe p;
    vep_status st;
    size_t j;

    memset(out, 0, sizeof *out);
    out->supervisor = -1;
    out->reassess_months = -1;
    out->window = "none";
    memset(&p, 0, sizeof p);
    p.m = m;
    p.f = f;
    p.a = a;
    p.out = out;
    if (f->as_of == NULL || vep__date_parse(f->as_of, &p.as_of) != 0)
        return VEP_ERR_CONTEXT;
    if (f->assessment_date == NULL
        || vep__date_parse(f->assessment_date, &p.assessed) != 0)
        p.assessed = p.as_of;
    p.has_release = f->release_date != NULL
                    && vep__date_parse(f->release_date, &p.release) == 0;
    p.released = p.has_release && p.as_of >= p.release;
    vep__pe_window(&p);

    st = eval_rules(&p);
    for (j = 0; j < m->ninterventions && st == VEP_OK; j++)
        st = build_iv(&p, j);
    if (st == VEP_OK) {
        sort_ivs(out);
        st = build_placement(&p);
    }
    if (st == VEP_OK)
        st = vep__pe_reassess(&p);
    if (st == VEP_OK)
        st = vep__pe_steps(&p);
    if (st == VEP_OK)
        st = build_post(&p);
    if (st == VEP_OK)
        st = build_notes(&p);
    if (st != VEP_OK)
        vep__plan_out_free(a, out);
    return st;
}

/* Frees a rules list. */
static void rules_free(const vep_alloc *a, vep_because *v)
{
    vep__free(a, v);
}

/* Frees everything the plan owns and leaves it empty (safe on an output
** that was only zeroed, or that a failed evaluation left). */
void vep__plan_out_free(const vep_alloc *a, vep_plan_out *out)
{
    size_t i, k;

    for (i = 0; i < out->nwhy; i++)
        vep__free(a, out->why[i]);
    vep__free(a, out->why);
    vep__free(a, out->holds);
    for (i = 0; i < out->nivs; i++) {
        vep__free(a, (void *)out->ivs[i].notes);
        vep__free(a, out->ivs[i].refused_on);
        rules_free(a, out->ivs[i].rules);
    }
    vep__free(a, out->ivs);
    for (i = 0; i < out->nnot_added; i++) {
        vep__free(a, out->not_added[i].reason);
        rules_free(a, out->not_added[i].rules);
    }
    vep__free(a, out->not_added);
    rules_free(a, out->placement_rules);
    vep__free(a, out->reassess_note);
    for (i = 0; i < out->ncandidates; i++)
        vep__free(a, out->candidates[i].because);
    vep__free(a, out->candidates);
    vep__free(a, out->window_note);
    vep__free(a, out->steps);
    vep__free(a, out->post_agencies);
    vep__free(a, out->reviews);
    rules_free(a, out->post_rules);
    for (i = 0; i < out->nnotes; i++)
        rules_free(a, out->notes[i].rules);
    vep__free(a, out->notes);
    for (i = 0; i < out->nconflicts; i++) {
        vep_conflict *c = &out->conflicts[i];
        vep__free(a, c->element);
        vep__free(a, c->field);
        vep__free(a, c->message);
        for (k = 0; k < c->n; k++)
            vep__free(a, c->values[k]);
        vep__free(a, c->values);
        vep__free(a, c->rules);
    }
    vep__free(a, out->conflicts);
    memset(out, 0, sizeof *out);
    out->supervisor = -1;
    out->reassess_months = -1;
    out->window = "none";
}
