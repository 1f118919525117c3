/*
** plan_decl.h -- shared by the plan declaration readers: plan_decl.c (the
** records, the plan and its blocks) and plan_decl_rule.c (rules, their
** conditions and additions).
**
** The readers of decl_util.c take an instrument model for its list of
** languages (texts are stored in that order); the plan reader lends them
** a stand-in model `lm` whose languages are borrowed from the plan.
*/
#ifndef VEP_PLAN_DECL_H
#define VEP_PLAN_DECL_H

#include "lua.h"
#include "decl.h"
#include "plan.h"

typedef struct plan_rd {
    vep_declrd r;          /* r.m is &lm                                  */
    vep_model lm;          /* languages borrowed from m; never freed      */
    vep_plan_model *m;
    char step_id[96];      /* "pre_release:<step>" while reading a step  */
} plan_rd;

/* Reads an optional whole number from min to max into *out (left alone
** when absent).  Returns 1 present, 0 absent, -1 wrong (reported). */
int vep__prd_int(plan_rd *p, int t, const char *key, int min, int max, int *out);
/* Reads an optional name of a NULL-terminated vocabulary into *out (its
** index; left alone when absent), reporting an unknown one with `rule`.
** Returns 1 present and known, 0 absent, -1 otherwise. */
int vep__prd_name(plan_rd *p, int t, const char *key,
                  const char *const *names, const char *rule, int *out);
/* Reads a string / a text that must be there ("missing_field"). */
void vep__prd_required_string(plan_rd *p, int t, const char *key, char **out);
void vep__prd_required_text(plan_rd *p, int t, const char *key, vep_text *out);
/* Reads the text at stack index idx (a list entry); `what` names it. */
void vep__prd_text_at(plan_rd *p, int idx, const char *what, vep_text *out);
/* Whether the value at idx is a table whose keys are all integers. */
int vep__prd_is_list(lua_State *L, int idx);

/* plan_decl_rule.c.  Contact frequencies, NULL-terminated. */
extern const char *const vep__prd_contacts[];
/* Reads the condition at idx into c (zeroed by the caller). */
void vep__prd_cond(plan_rd *p, int idx, int depth, vep_pcond *c);
/* Reads supervisor, contact and agencies of a post-release table. */
void vep__prd_supervision(plan_rd *p, int t, char **supervisor, char **contact,
                          char ***agencies, size_t *nagencies);
/* Reads rule "id" { title, when, add } into ru. */
void vep__prd_rule(plan_rd *p, int t, vep_plan_rule *ru);
/* Reads pre_release { months_before, steps }: each step becomes a rule
** "pre_release:<step>" appended to the model's rules. */
void vep__prd_pre_release(plan_rd *p, int t);

#endif
