/*
** plan_eval.h -- what plan_eval.c shares with plan_eval_time.c (the
** dated parts: the pre-release window and steps, the reassessment, the
** post-release review points).  Private to the evaluator.
*/
#ifndef VEP_PLAN_EVAL_H
#define VEP_PLAN_EVAL_H

#include "plan.h"

/* The state of one evaluation. */
typedef struct vep_pe {
    const vep_plan_model *m;
    const vep_plan_facts *f;
    const vep_alloc *a;
    vep_plan_out *out;
    long as_of;                /* day numbers (date.h)                   */
    long assessed;             /* assessment date, else as_of            */
    long release;              /* valid when has_release                 */
    int has_release;
    long opens;                /* valid when has_opens                   */
    int has_opens;
    int released;              /* the release date is on or before as_of */
} vep_pe;

/* Grows the array `v` of `n` elements of `size` bytes to n + 1, the new
** one zeroed; returns the new array, or NULL when out of memory (`v` is
** then kept as it was). */
void *vep__pe_grow(const vep_alloc *a, void *v, size_t n, size_t size);

/* A formatted string the caller owns, or NULL when out of memory. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
char *vep__pe_printf(const vep_alloc *a, const char *fmt, ...);

/* Formats `day` into out, or "" when it is out of range. */
void vep__pe_date(long day, char out[11]);

/* `day` plus `months`, clamped to the calendar's range. */
long vep__pe_add_months(long day, long months);

/* Adds rule `rule` to a rules list unless it is there already.  Returns
** 0, or -1 when out of memory. */
int vep__pe_because(vep_pe *p, vep_because **v, size_t *n, int rule);

/* Window state and opening (sets out->window, window_opens, the opens
** fields of p); no allocation. */
void vep__pe_window(vep_pe *p);

/* The pre-release steps, the reassessment and the post-release review
** points (plan_eval_time.c).  Return VEP_OK or VEP_ERR_NOMEM. */
vep_status vep__pe_steps(vep_pe *p);
vep_status vep__pe_reassess(vep_pe *p);
vep_status vep__pe_reviews(vep_pe *p);

#endif
