/*
** eval.h -- one assessment on its way through the pipeline.
**
**   assessment.c  JSON text -> vep_assessment, checked against the model
**                 (every problem goes to the diagnostics)
**   cond.c        evaluates and explains conditions
**   score.c       vep_assessment -> vep_outputs (scores, levels, flags),
**                 recording for every value where it came from
**   result.c      vep_outputs -> the result JSON document
**
** A vep_ctx ties these together for one call.  Nothing in it outlives the
** call, so no assessment can see anything left by another.
*/
#ifndef VEP_EVAL_H
#define VEP_EVAL_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"
#include "diag.h"
#include "buf.h"

typedef enum vep_answer_state {
    VEP_ANSWER_MISSING = 0,    /* the item is absent from "answers"        */
    VEP_ANSWER_VALUE,          /* a value was given                        */
    VEP_ANSWER_UNKNOWN,        /* "status": "unknown" (insufficient info)  */
    VEP_ANSWER_NA,             /* "status": "not_applicable"               */
    VEP_ANSWER_NOT_RELEVANT    /* the item's condition is false            */
} vep_answer_state;

typedef struct vep_answer {
    vep_answer_state state;
    int has_number;            /* `number` is usable by scoring            */
    double number;             /* presence/scale/choice value, count,
                                  number, or the sum of a multi's values   */
    int option;                /* presence/scale/choice: option index      */
    unsigned char *selected;   /* multi: one byte per option (0/1)         */
    char *text;                /* text and date answers (owned)            */
    char *reason;              /* why unknown / not applicable (owned)     */
    char **evidence_for;       /* evidence notes (owned)                   */
    size_t nfor;
    char **evidence_against;
    size_t nagainst;
} vep_answer;

/* A migration the assessment went through (migration_record.c). */
typedef struct vep_mig_record {
    char *id, *version, *sha256;
    char *from_id, *from_version, *to_id, *to_version;
} vep_mig_record;

typedef struct vep_assessment {
    char *instrument_id;
    char *instrument_version;
    char *subject_id;
    char *assessor_id;
    char *assessor_role;
    char *date;
    vep_answer *answers;       /* one per model item, in model order       */
    size_t nanswers;
    int has_judgement;
    char *judgement_level;
    char *judgement_rationale;
    char **decisive_items;
    size_t ndecisive;
    char *judgement_confidence;
    char *subject_view;        /* the assessed person's own view           */
    char *approver;            /* who approved a deviation, if anyone      */
    vep_mig_record *migrations;/* "migrations", oldest first               */
    size_t nmigrations;
} vep_assessment;

/* One contribution to a score. */
typedef struct vep_contrib {
    vep_ref_kind kind;         /* VEP_REF_ITEM or VEP_REF_SCORE            */
    int index;
    double value;              /* the item's (or score's) value            */
    double weight;
    double contribution;       /* value * weight, or 1 for a count hit     */
} vep_contrib;

typedef enum vep_score_status {
    VEP_SCORE_COMPLETE = 0,    /* every term had a value                   */
    VEP_SCORE_PRORATED,        /* some unknowns, scaled to the full count  */
    VEP_SCORE_PARTIAL,         /* some unknowns, ignored by policy         */
    VEP_SCORE_INCOMPLETE,      /* too many unknowns: no value              */
    VEP_SCORE_NO_DATA          /* nothing to score (all n.a./not relevant) */
} vep_score_status;

typedef struct vep_score_out {
    int done;                  /* computed (guards the dependency order)  */
    int has_value;
    double value;              /* rounded to the score's decimals          */
    double raw;                /* before prorating and rounding            */
    vep_score_status status;
    vep_contrib *contribs;     /* in term order                            */
    size_t ncontribs;
    int *left_out;             /* item indexes left out (state says why)   */
    size_t nleft_out;
    int answered, unknown, not_applicable, not_relevant, missing;
    double factor;             /* prorating factor (1 when none)           */
    double weight_answered;    /* sum of |weight| of the answered items    */
    double weight_applicable;  /* ... of the answered and unknown items    */
    char *note;                /* explanation from a function rule         */
} vep_score_out;

typedef struct vep_level_out {
    int has_value;
    int band;                  /* index into the level's bands, or -1      */
    double value;              /* the score value it was banded from       */
} vep_level_out;

typedef struct vep_flag_out {
    int raised;
    char *because;             /* the condition explained (owned)          */
} vep_flag_out;

typedef struct vep_outputs {
    vep_score_out *scores;     /* one per model score */
    vep_level_out *levels;     /* one per model level */
    vep_flag_out *flags;       /* one per model flag  */
} vep_outputs;

struct vep_runtime;            /* runtime.h */

/* Limits a script run gets (copied from the engine). */
typedef struct vep_limits {
    size_t memory;
    uint64_t instructions;
    uint32_t time_ms;
} vep_limits;

typedef struct vep_ctx {
    const vep_model *m;
    const vep_alloc *a;
    const vep_limits *limits;
    vep_diags *diags;
    vep_assessment *as;
    vep_outputs *out;          /* NULL during validation                   */
    struct vep_runtime *rt;    /* opened on the first Lua function call    */
    const struct vep_host_registry *hosts;  /* the engine's host functions */
    const struct vep_host_stubs *host_stubs; /* a test case's stand-ins,
                                               or NULL                   */
    struct vep_host_log *host_log;          /* the calls made, for the
                                               result (NULL: not kept)    */
    vep_status fn_status;      /* status of the last failed function call  */
} vep_ctx;

/* assessment.c: parses and validates `json` against ctx->m, filling
** ctx->as.  Every problem is added to ctx->diags.  Returns VEP_OK,
** VEP_ERR_ASSESSMENT, VEP_ERR_NOMEM, or the status of a failed Lua
** function condition (VEP_ERR_SCRIPT, limits). */
vep_status vep__assessment_read(vep_ctx *ctx, const char *json, size_t len);
void vep__assessment_free(const vep_alloc *a, vep_assessment *as);

/* cond.c: evaluates `c`.  *out gets 1 or 0.  Item references read
** ctx->as; score, level and flag references read ctx->out (which must have
** them computed).  Lua functions run through the runtime. */
vep_status vep__cond_eval(vep_ctx *ctx, const vep_cond *c, int *out);
/* Appends a readable account of `c` and its truth value to `b`, e.g.
** "score total = 4 is at least 3 (holds)". */
void vep__cond_explain(vep_ctx *ctx, const vep_cond *c, vep_buf *b);

/* result_explain.c: appends the sentence that says how score `s` got
** its value `so`; and a number in the result document's format. */
void vep__explain_score(vep_buf *b, const vep_ctx *ctx, const vep_score_def *s,
                        const vep_score_out *so);
void vep__put_num(vep_buf *b, double v, int decimals);

/* Appends condition `c` in the notation of the script ("S05 is present",
** "all of (A at least 2; B answered)"), without evaluating it. */
void vep__cond_notation(vep_buf *b, const vep_cond *c);

/* score.c: computes every score, level and flag into ctx->out (a zeroed
** vep_outputs the caller owns; vep__outputs_free releases its contents)
** in dependency order.  Returns VEP_OK, VEP_ERR_NOMEM, or a script
** status from a Lua function rule. */
vep_status vep__score(vep_ctx *ctx);
void vep__outputs_free(const vep_alloc *a, const vep_model *m,
                       vep_outputs *o);
/* score.c, after vep__score: when the judgement policy is "when_different"
** and the assessment's final level differs from the advisory level, a
** missing or blank rationale is reported (rule "rationale_required", path
** $.judgement.rationale, item: the advisory level's id).  Returns VEP_OK,
** VEP_ERR_ASSESSMENT, or VEP_ERR_NOMEM. */
vep_status vep__judgement_check(vep_ctx *ctx);

/* result.c: renders the result document for a scored ctx into `b`. */
vep_status vep__result_render(vep_ctx *ctx, vep_buf *b);

/* Names used in documents and messages. */
const char *vep__answer_state_name(vep_answer_state s);
const char *vep__score_status_name(vep_score_status s);

#endif
