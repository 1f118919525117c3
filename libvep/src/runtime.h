/*
** runtime.h -- running an instrument's Lua function rules for one assessment.
**
** Declarative rules are evaluated in C.  Rules that the script wrote as Lua
** functions run in a fresh sandbox made for the one assessment being scored,
** from the script bytes kept at load time, so that nothing a function does
** (globals, upvalues, metatables) can reach another assessment.  The
** sandbox is created on the first function call of an assessment and
** closed with the context.
**
** A function receives one argument, a read-only view `a`:
**   a.value(id)  numeric value of an item or score, nil when it has none
**   a.code(id)   the answer code of an item (a list of codes for multi)
**   a.state(id)  "value", "unknown", "not_applicable", "not_relevant",
**                "missing"
**   a.level(id)  the advisory level code of a level rule, or nil
**   a.flag(id)   true when the flag is raised
** Reading anything not listed in the rule's `uses` is an error that names
** the rule and the id.  A score function returns a number (or nil: no
** value) and optionally a string explaining it; a condition function
** returns a boolean.
*/
#ifndef VEP_RUNTIME_H
#define VEP_RUNTIME_H

#include "eval.h"

typedef struct vep_runtime vep_runtime;

/* Calls score function `fn` of score `score_index`.  *out_has is 0 when it
** returned nil.  A returned explanation is appended to `note`. */
vep_status vep__runtime_score(vep_ctx *ctx, const vep_fn *fn,
                              double *out_value, int *out_has, vep_buf *note);

/* Calls condition function `fn`; *out gets 1 or 0. */
vep_status vep__runtime_cond(vep_ctx *ctx, const vep_fn *fn, int *out);

/* Closes ctx->rt if open. */
void vep__runtime_close(vep_ctx *ctx);

#endif
