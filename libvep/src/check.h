/*
** check.h -- shared between the definition checks (check.c) and the range
** and band checks (range.c).
*/
#ifndef VEP_CHECK_H
#define VEP_CHECK_H

#include "model.h"
#include "diag.h"

typedef struct checker {
    vep_model *m;
    vep_diags *d;
    size_t problems;
} checker;

/* Adds a problem about the declaration at `o` with id `id`. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
void vep__check_problem(checker *c, const vep_origin *o, const char *id,
                        const char *rule, const char *fmt, ...);

/* range.c: the reachable range and rounding of score `s` (its terms are
** resolved), and the band checks of level `l`. */
void vep__check_score_range(checker *c, vep_score_def *s);
void vep__check_level(checker *c, vep_level_def *l);

#endif
