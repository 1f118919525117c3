/*
** plan_eval_time.c -- the dated parts of a plan (see the top of
** plan_eval.c): the pre-release window and its steps, the reassessment
** candidates, the post-release review points; and the small helpers
** plan_eval.c shares (memory, dates, rule lists).  Every date is computed
** from the context's as-of date; there is no clock.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "plan_eval.h"
#include "date.h"

/* Days before the due date at which a step becomes "due". */
#define STEP_DUE_DAYS 30

/* ---- Helpers shared with plan_eval.c ----------------------------------- */

/* Grows an array by one zeroed element (see plan_eval.h). */
void *vep__pe_grow(const vep_alloc *a, void *v, size_t n, size_t size)
{
    char *nv = vep__realloc(a, v, (n + 1) * size);
    if (nv == NULL)
        return NULL;
    memset(nv + n * size, 0, size);
    return nv;
}

/* Formats into a fresh string through the engine's allocator. */
char *vep__pe_printf(const vep_alloc *a, const char *fmt, ...)
{
    vep_buf b;
    va_list ap;
    char *s = NULL;

    vep__buf_init(&b, a);
    va_start(ap, fmt);
    vep__buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (!b.failed)
        s = vep__strdup(a, vep__buf_str(&b));
    vep__buf_free(&b);
    return s;
}

/* A day number as text; "" when it is outside the calendar. */
void vep__pe_date(long day, char out[11])
{
    if (day < VEP_DATE_MIN || day > VEP_DATE_MAX)
        out[0] = '\0';
    else
        vep__date_format(day, out);
}

/* Adds months, clamping to the first or last day of the calendar. */
long vep__pe_add_months(long day, long months)
{
    long r;
    if (vep__date_add_months(day, months, &r) != 0)
        return months > 0 ? VEP_DATE_MAX : VEP_DATE_MIN;
    return r;
}

/* Adds a rule to a rules list once; its explanation is borrowed from the
** output's per-rule texts. */
int vep__pe_because(vep_pe *p, vep_because **v, size_t *n, int rule)
{
    vep_because *nv;
    size_t i;
    for (i = 0; i < *n; i++)
        if ((*v)[i].rule == rule)
            return 0;
    nv = vep__pe_grow(p->a, *v, *n, sizeof *nv);
    if (nv == NULL)
        return -1;
    nv[*n].rule = rule;
    nv[*n].because = p->out->why[rule];
    *v = nv;
    (*n)++;
    return 0;
}

/* ---- The window, the steps, the reassessment -------------------------- */

/* The window state: "none", "unknown", "before", "open" or "passed". */
void vep__pe_window(vep_pe *p)
{
    vep_plan_out *out = p->out;

    out->window_opens[0] = '\0';
    if (p->m->pre_release_months < 0) {
        out->window = "none";
        return;
    }
    if (!p->has_release) {
        out->window = "unknown";
        return;
    }
    p->opens = vep__pe_add_months(p->release, -(long)p->m->pre_release_months);
    p->has_opens = 1;
    vep__pe_date(p->opens, out->window_opens);
    if (p->as_of < p->opens)
        out->window = "before";
    else if (p->as_of < p->release)
        out->window = "open";
    else
        out->window = "passed";
}

/* The steps of the holding pre_release:<step> rules while the window is
** before or open; otherwise the note saying why there are none. */
vep_status vep__pe_steps(vep_pe *p)
{
    const vep_plan_model *m = p->m;
    vep_plan_out *out = p->out;
    vep_step_out *nv;
    char rd[11];
    long due;
    size_t r, k;

    if (strcmp(out->window, "passed") == 0) {
        vep__pe_date(p->release, rd);
        out->window_note = vep__pe_printf(p->a, "the expected release date %s"
                                          " is on or before the as-of date: the "
                                          "pre-release programme no longer "
                                          "applies", rd);
        return out->window_note ? VEP_OK : VEP_ERR_NOMEM;
    }
    if (strcmp(out->window, "unknown") == 0) {
        out->window_note = vep__strdup(p->a, "no expected release date in "
                                       "the context");
        return out->window_note ? VEP_OK : VEP_ERR_NOMEM;
    }
    if (strcmp(out->window, "before") != 0 && strcmp(out->window, "open") != 0)
        return VEP_OK;
    for (r = 0; r < m->nrules; r++) {
        if (!out->holds[r])
            continue;
        for (k = 0; k < m->rules[r].nadds; k++) {
            const vep_addition *x = &m->rules[r].adds[k];
            if (x->kind != VEP_ADD_PRE_RELEASE_STEP)
                continue;
            nv = vep__pe_grow(p->a, out->steps, out->nsteps, sizeof *nv);
            if (nv == NULL)
                return VEP_ERR_NOMEM;
            out->steps = nv;
            nv += out->nsteps++;
            nv->rule = (int)r;
            nv->add = (int)k;
            nv->because = out->why[r];
            due = vep__pe_add_months(p->release, x->due_months > 0
                                     ? -(long)x->due_months : 0);
            vep__pe_date(due, nv->due);
            nv->status = due < p->as_of ? "overdue"
                         : due - p->as_of <= STEP_DUE_DAYS ? "due"
                         : "upcoming";
        }
    }
    return VEP_OK;
}

/* The order rank of a candidate's kind: periodic first, then the
** triggers in their declaration order. */
static int kind_rank(const char *kind)
{
    int t;
    if (strcmp(kind, "periodic") == 0)
        return 0;
    t = vep__name_find(vep__trigger_names, kind);
    return t < 0 ? VEP_TRIGGER_COUNT + 1 : t + 1;
}

/* Adds a candidate date with its reason (taken over). */
static vep_status candidate(vep_pe *p, const char *kind, long day,
                            char *because)
{
    vep_plan_out *out = p->out;
    vep_candidate *nv;

    if (because == NULL)
        return VEP_ERR_NOMEM;
    nv = vep__pe_grow(p->a, out->candidates, out->ncandidates, sizeof *nv);
    if (nv == NULL) {
        vep__free(p->a, because);
        return VEP_ERR_NOMEM;
    }
    out->candidates = nv;
    nv += out->ncandidates++;
    nv->kind = kind;
    if (day > VEP_DATE_MAX)
        day = VEP_DATE_MAX;
    vep__pe_date(day, nv->date);
    nv->because = because;
    return VEP_OK;
}

/* Orders the candidates by date, then kind rank, keeping the order of
** equal ones (insertion sort). */
static void sort_candidates(vep_plan_out *out)
{
    vep_candidate t;
    size_t i, j;
    int c;

    for (i = 1; i < out->ncandidates; i++) {
        t = out->candidates[i];
        for (j = i; j > 0; j--) {
            c = strcmp(out->candidates[j - 1].date, t.date);
            if (c < 0 || (c == 0 && kind_rank(out->candidates[j - 1].kind)
                                    <= kind_rank(t.kind)))
                break;
            out->candidates[j] = out->candidates[j - 1];
        }
        out->candidates[j] = t;
    }
}

/* The reassessment: the periodic date, the triggers' dates, the earliest. */
vep_status vep__pe_reassess(vep_pe *p)
{
    const vep_plan_model *m = p->m;
    const vep_plan_facts *f = p->f;
    vep_plan_out *out = p->out;
    char ad[11], ed[11];
    vep_status st = VEP_OK;
    size_t i;
    long day;
    int t, days;

    vep__pe_date(p->assessed, ad);
    for (i = 0; i < m->nreassess && f->risk; i++)
        if (m->reassess_levels[i] && strcmp(m->reassess_levels[i], f->risk) == 0
            && m->reassess_months[i] >= 0) {
            out->reassess_months = m->reassess_months[i];
            break;
        }
    if (out->reassess_months >= 0) {
        st = candidate(p, "periodic",
                       vep__pe_add_months(p->assessed, out->reassess_months),
                       vep__pe_printf(p->a, "periodic: final level '%s', "
                                      "every %d months from %s", f->risk,
                                      out->reassess_months, ad));
    } else if (f->risk != NULL) {
        out->reassess_note = vep__pe_printf(p->a, "no periodic reassessment:"
                                            " the plan gives no interval for"
                                            " the final level '%s'", f->risk);
        st = out->reassess_note ? VEP_OK : VEP_ERR_NOMEM;
    } else {
        out->reassess_note = vep__strdup(p->a, "no periodic reassessment: "
                                         "there is no final level");
        st = out->reassess_note ? VEP_OK : VEP_ERR_NOMEM;
    }
    for (i = 0; i < f->nevents && st == VEP_OK; i++) {
        t = f->events[i].id ? vep__name_find(vep__trigger_names,
                                             f->events[i].id) : -1;
        if (t < 0 || t == VEP_TRIGGER_PRE_RELEASE_WINDOW
            || (days = m->trigger_days[t]) < 0 || f->events[i].date == NULL
            || vep__date_parse(f->events[i].date, &day) != 0
            || day <= p->assessed)
            continue;
        st = candidate(p, vep__trigger_names[t], day + days,
                       vep__pe_printf(p->a, "%s on %s: reassess within %d "
                                      "day%s", vep__trigger_names[t],
                                      f->events[i].date, days,
                                      days == 1 ? "" : "s"));
    }
    days = m->trigger_days[VEP_TRIGGER_PRE_RELEASE_WINDOW];
    if (st == VEP_OK && days >= 0 && p->has_opens && p->opens > p->assessed) {
        vep__pe_date(p->opens, ed);
        st = candidate(p, vep__trigger_names[VEP_TRIGGER_PRE_RELEASE_WINDOW],
                       p->opens + days,
                       days == 0
                       ? vep__pe_printf(p->a, "pre-release window opens on "
                                        "%s: reassess when it opens", ed)
                       : vep__pe_printf(p->a, "pre-release window opens on "
                                        "%s: reassess within %d day%s", ed,
                                        days, days == 1 ? "" : "s"));
    }
    if (st != VEP_OK)
        return st;
    sort_candidates(out);
    if (out->ncandidates > 0)
        memcpy(out->reassess_due, out->candidates[0].date,
               sizeof out->reassess_due);
    return VEP_OK;
}

/* The post-release review points: every review_months from the release
** date (else as_of), the first one interval after it. */
vep_status vep__pe_reviews(vep_pe *p)
{
    const vep_plan_model *m = p->m;
    vep_plan_out *out = p->out;
    long start = p->has_release ? p->release : p->as_of;
    size_t n, k;

    if (m->post_reviews <= 0 || m->post_review_months <= 0)
        return VEP_OK;
    n = (size_t)m->post_reviews;
    out->reviews = vep__calloc(p->a, n, sizeof *out->reviews);
    if (out->reviews == NULL)
        return VEP_ERR_NOMEM;
    for (k = 0; k < n; k++)
        vep__pe_date(vep__pe_add_months(start, (long)(k + 1)
                                        * m->post_review_months),
                     out->reviews[k]);
    out->nreviews = n;
    return VEP_OK;
}
