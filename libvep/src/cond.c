/*
** cond.c -- evaluates and explains conditions (model.h, vep_cond_kind;
** docs/WRITING-INSTRUMENTS.md section 4).
**
** A reference that cannot be followed (index -1, or scores, levels and
** flags while ctx->out is NULL) has no value: comparisons with it do not
** hold, and IS_NOT does not hold either, since it needs a value.
**
** Explanations are plain English built from the model's ids and codes,
** the same bytes for the same input on every machine, e.g.
**   item S05 is 'present' (holds)
**   item S05 is 'present' (does not hold: it is 'absent')
**   score total = 4 is at least 3 (holds)
**   all of: [item S01 is 'present' (holds); item S02 is answered
**   (does not hold: it is unknown)] (does not hold)
*/
#include <string.h>
#include "eval.h"
#include "runtime.h"
#include "utf8.h"

/* The item and answer an item reference points at, or NULL. */
static const vep_answer *ref_answer(const vep_ctx *ctx, const vep_ref *ref,
                                    const vep_item **it)
{
    if (ref->kind != VEP_REF_ITEM || ctx->as == NULL || ref->index < 0
        || (size_t)ref->index >= ctx->m->nitems
        || (size_t)ref->index >= ctx->as->nanswers)
        return NULL;
    *it = &ctx->m->items[ref->index];
    return &ctx->as->answers[ref->index];
}

/* The computed score a reference points at, or NULL. */
static const vep_score_out *ref_score(const vep_ctx *ctx, const vep_ref *ref)
{
    if (ref->kind != VEP_REF_SCORE || ctx->out == NULL || ref->index < 0
        || (size_t)ref->index >= ctx->m->nscores)
        return NULL;
    return &ctx->out->scores[ref->index];
}

/* The advisory band code of a level reference, or NULL when none. */
static const char *ref_level_code(const vep_ctx *ctx, const vep_ref *ref)
{
    const vep_level_def *l;
    const vep_level_out *o;
    if (ref->kind != VEP_REF_LEVEL || ctx->out == NULL || ref->index < 0
        || (size_t)ref->index >= ctx->m->nlevels)
        return NULL;
    l = &ctx->m->levels[ref->index];
    o = &ctx->out->levels[ref->index];
    if (!o->has_value || o->band < 0 || (size_t)o->band >= l->nbands)
        return NULL;
    return l->bands[o->band].level;
}

/* 1 when `s` is one of the condition's codes. */
static int in_codes(const vep_cond *c, const char *s)
{
    size_t i;
    if (s == NULL)
        return 0;
    for (i = 0; i < c->ncodes; i++)
        if (c->codes[i] && strcmp(c->codes[i], s) == 0)
            return 1;
    return 0;
}

/* For IS and IS_NOT: *has gets whether the reference has a value, the
** result whether that value (a multi: one of its choices) is among the
** codes.  Date and text answers compare their text. */
static int ref_matches(const vep_ctx *ctx, const vep_cond *c, int *has)
{
    const vep_item *it = NULL;
    const vep_answer *ans = ref_answer(ctx, &c->ref, &it);
    const vep_option *o;
    size_t n, i;
    const char *code;

    *has = 0;
    if (c->ref.kind == VEP_REF_LEVEL) {
        code = ref_level_code(ctx, &c->ref);
        *has = code != NULL;
        return in_codes(c, code);
    }
    if (ans == NULL || ans->state != VEP_ANSWER_VALUE)
        return 0;
    *has = 1;
    o = vep__item_options(ctx->m, it, &n);
    if (it->type == VEP_ITEM_MULTI) {
        for (i = 0; i < n && ans->selected; i++)
            if (ans->selected[i] && in_codes(c, o[i].code))
                return 1;
        return 0;
    }
    if (o != NULL)
        return ans->option >= 0 && (size_t)ans->option < n
               && in_codes(c, o[ans->option].code);
    return in_codes(c, ans->text);
}

/* The numeric value of a reference for AT_LEAST / AT_MOST. */
static int ref_number(const vep_ctx *ctx, const vep_ref *ref, double *v)
{
    const vep_item *it = NULL;
    const vep_answer *ans;
    const vep_score_out *s;

    switch (ref->kind) {
    case VEP_REF_ITEM:
        ans = ref_answer(ctx, ref, &it);
        if (ans == NULL || ans->state != VEP_ANSWER_VALUE || !ans->has_number)
            return 0;
        *v = ans->number;
        return 1;
    case VEP_REF_SCORE:
        s = ref_score(ctx, ref);
        if (s == NULL || !s->has_value)
            return 0;
        *v = s->value;
        return 1;
    case VEP_REF_LEVEL:
        if (ctx->out == NULL || ref->index < 0
            || (size_t)ref->index >= ctx->m->nlevels
            || !ctx->out->levels[ref->index].has_value)
            return 0;
        *v = ctx->out->levels[ref->index].value;
        return 1;
    default:
        return 0;
    }
}

/* ANSWERED: the reference has a value. */
static int ref_has_value(const vep_ctx *ctx, const vep_ref *ref)
{
    const vep_item *it = NULL;
    const vep_answer *ans;
    const vep_score_out *s;
    switch (ref->kind) {
    case VEP_REF_ITEM:
        ans = ref_answer(ctx, ref, &it);
        return ans != NULL && ans->state == VEP_ANSWER_VALUE;
    case VEP_REF_SCORE:
        s = ref_score(ctx, ref);
        return s != NULL && s->has_value;
    case VEP_REF_LEVEL:
        return ref_level_code(ctx, ref) != NULL;
    case VEP_REF_FLAG:
        return ctx->out != NULL && ref->index >= 0
               && (size_t)ref->index < ctx->m->nflags;
    default:
        return 0;
    }
}

/* RAISED: the flag is raised. */
static int ref_raised(const vep_ctx *ctx, const vep_ref *ref)
{
    return ref->kind == VEP_REF_FLAG && ctx->out != NULL && ref->index >= 0
           && (size_t)ref->index < ctx->m->nflags
           && ctx->out->flags[ref->index].raised;
}

/* Evaluates one comparison (everything but the combinations and
** functions). */
static int eval_leaf(const vep_ctx *ctx, const vep_cond *c)
{
    const vep_item *it = NULL;
    const vep_answer *ans;
    double v;
    int has, m;

    switch (c->kind) {
    case VEP_COND_IS:
        return ref_matches(ctx, c, &has);
    case VEP_COND_IS_NOT:
        m = ref_matches(ctx, c, &has);
        return has && !m;
    case VEP_COND_AT_LEAST:
        return ref_number(ctx, &c->ref, &v) && v >= c->number;
    case VEP_COND_AT_MOST:
        return ref_number(ctx, &c->ref, &v) && v <= c->number;
    case VEP_COND_ANSWERED:
        return ref_has_value(ctx, &c->ref);
    case VEP_COND_UNKNOWN:
        ans = ref_answer(ctx, &c->ref, &it);
        return ans != NULL && ans->state == VEP_ANSWER_UNKNOWN;
    case VEP_COND_RAISED:
        return ref_raised(ctx, &c->ref);
    default:
        return 0;
    }
}

/* Combinations stop at the first child that decides them, so a Lua
** function further on is not called when it cannot change the result. */
vep_status vep__cond_eval(vep_ctx *ctx, const vep_cond *c, int *out)
{
    vep_status st;
    size_t i;
    int k;

    *out = 0;
    switch (c->kind) {
    case VEP_COND_ALL:
    case VEP_COND_ANY:
    case VEP_COND_NONE:
        for (i = 0; i < c->nkids; i++) {
            st = vep__cond_eval(ctx, &c->kids[i], &k);
            if (st != VEP_OK)
                return st;
            if (c->kind == VEP_COND_ALL ? !k : k) {
                *out = c->kind == VEP_COND_ANY;
                return VEP_OK;
            }
        }
        *out = c->kind != VEP_COND_ANY;
        return VEP_OK;
    case VEP_COND_FUNCTION:
        st = vep__runtime_cond(ctx, &c->fn, &k);
        if (st != VEP_OK)
            return st;
        *out = k != 0;
        return VEP_OK;
    default:
        *out = eval_leaf(ctx, c);
        return VEP_OK;
    }
}

/* ---- Explanations ------------------------------------------------------ */

/* "item S05", "score total", ... */
static void add_ref(vep_buf *b, const vep_ref *ref)
{
    static const char *const kinds[] = { "", "item ", "score ", "level ",
                                         "flag " };
    vep__buf_adds(b, (unsigned)ref->kind <= VEP_REF_FLAG ? kinds[ref->kind]
                                                         : "");
    vep__buf_adds(b, ref->id ? ref->id : "?");
}

/* Numbers as vep__num_format writes them: locale-independent. */
static void add_number(vep_buf *b, double v)
{
    char nb[VEP_NUM_BUFSIZE];
    vep__buf_adds(b, vep__num_format(nb, v));
}

/* 'a' or "one of 'a', 'b'" (`pre` is "one of " or "none of "). */
static void add_codes(vep_buf *b, const vep_cond *c, const char *pre)
{
    size_t i;
    if (c->ncodes != 1)
        vep__buf_adds(b, pre);
    for (i = 0; i < c->ncodes; i++)
        vep__buf_printf(b, "%s'%s'", i ? ", " : "",
                        c->codes[i] ? c->codes[i] : "");
}

/* What an item reference actually is: "it is 'absent'", "it is unknown",
** "it has 'a', 'c'", "it is 4", "it has no answer", ... */
static void add_actual(const vep_ctx *ctx, vep_buf *b, const vep_ref *ref)
{
    const vep_item *it = NULL;
    const vep_answer *ans = ref_answer(ctx, ref, &it);
    const vep_option *o;
    const vep_score_out *s;
    const char *code;
    size_t n, i, k = 0;

    if (ref->kind == VEP_REF_SCORE) {
        s = ref_score(ctx, ref);
        if (s == NULL || !s->has_value) {
            vep__buf_adds(b, "it has no value");
        } else {
            vep__buf_adds(b, "it is ");
            add_number(b, s->value);
        }
        return;
    }
    if (ref->kind == VEP_REF_LEVEL) {
        code = ref_level_code(ctx, ref);
        if (code)
            vep__buf_printf(b, "it is '%s'", code);
        else
            vep__buf_adds(b, "it has no value");
        return;
    }
    if (ref->kind == VEP_REF_FLAG) {
        vep__buf_adds(b, ref_raised(ctx, ref) ? "it is raised"
                                              : "it is not raised");
        return;
    }
    if (ans == NULL) {
        vep__buf_adds(b, "it has no answer");
        return;
    }
    switch (ans->state) {
    case VEP_ANSWER_MISSING:
        vep__buf_adds(b, "it has no answer");
        return;
    case VEP_ANSWER_UNKNOWN:
        vep__buf_adds(b, "it is unknown");
        return;
    case VEP_ANSWER_NA:
        vep__buf_adds(b, "it is not applicable");
        return;
    case VEP_ANSWER_NOT_RELEVANT:
        vep__buf_adds(b, "it is not relevant");
        return;
    case VEP_ANSWER_VALUE:
        break;
    }
    o = vep__item_options(ctx->m, it, &n);
    if (it->type == VEP_ITEM_MULTI) {
        vep__buf_adds(b, "it has ");
        for (i = 0; i < n && ans->selected; i++)
            if (ans->selected[i])
                vep__buf_printf(b, "%s'%s'", k++ ? ", " : "", o[i].code);
        if (k == 0)
            vep__buf_adds(b, "no choice");
    } else if (o != NULL && ans->option >= 0 && (size_t)ans->option < n) {
        vep__buf_printf(b, "it is '%s'", o[ans->option].code);
    } else if (ans->text != NULL) {
        vep__buf_adds(b, "it is '");
        vep__utf8_escape(b, ans->text, strlen(ans->text), 40, 0);
        vep__buf_addc(b, '\'');
    } else if (ans->has_number) {
        vep__buf_adds(b, "it is ");
        add_number(b, ans->number);
    } else {
        vep__buf_adds(b, "it has a value");
    }
}

/* "(holds)" or "(does not hold)", with what the reference is after a
** colon when `actual` is set. */
static void add_verdict(const vep_ctx *ctx, vep_buf *b, int holds,
                        const vep_ref *actual)
{
    vep__buf_adds(b, holds ? " (holds" : " (does not hold");
    if (actual != NULL) {
        vep__buf_adds(b, ": ");
        add_actual(ctx, b, actual);
    }
    vep__buf_addc(b, ')');
}

/* 1 when ref is a multi item (its codes are "had", not "been"). */
static int is_multi(const vep_ctx *ctx, const vep_ref *ref)
{
    return ref->kind == VEP_REF_ITEM && ref->index >= 0
           && (size_t)ref->index < ctx->m->nitems
           && ctx->m->items[ref->index].type == VEP_ITEM_MULTI;
}

/* Explains one comparison and returns its truth value.  What the
** reference is gets added unless the text already says it. */
static int explain_leaf(vep_ctx *ctx, const vep_cond *c, vep_buf *b)
{
    int holds = eval_leaf(ctx, c), multi = is_multi(ctx, &c->ref), has;
    double v;

    add_ref(b, &c->ref);
    switch (c->kind) {
    case VEP_COND_IS:
        vep__buf_adds(b, multi ? " has " : " is ");
        add_codes(b, c, "one of ");
        add_verdict(ctx, b, holds,
                    holds && c->ncodes == 1 && !multi ? NULL : &c->ref);
        break;
    case VEP_COND_IS_NOT:
        vep__buf_adds(b, multi ? (c->ncodes == 1 ? " does not have "
                                                 : " has ")
                               : (c->ncodes == 1 ? " is not " : " is "));
        add_codes(b, c, "none of ");
        add_verdict(ctx, b, holds, &c->ref);
        break;
    case VEP_COND_AT_LEAST:
    case VEP_COND_AT_MOST:
        has = ref_number(ctx, &c->ref, &v);
        if (has) {
            vep__buf_adds(b, " = ");
            add_number(b, v);
        }
        vep__buf_adds(b, c->kind == VEP_COND_AT_LEAST ? " is at least "
                                                      : " is at most ");
        add_number(b, c->number);
        add_verdict(ctx, b, holds, has ? NULL : &c->ref);
        break;
    case VEP_COND_ANSWERED:
        vep__buf_adds(b, c->ref.kind == VEP_REF_ITEM ? " is answered"
                                                     : " has a value");
        add_verdict(ctx, b, holds, holds ? NULL : &c->ref);
        break;
    case VEP_COND_UNKNOWN:
        vep__buf_adds(b, " is unknown");
        add_verdict(ctx, b, holds, holds ? NULL : &c->ref);
        break;
    case VEP_COND_RAISED:
        vep__buf_adds(b, " is raised");
        add_verdict(ctx, b, holds, NULL);
        break;
    default:
        vep__buf_adds(b, " (an unknown kind of condition)");
        holds = 0;
        break;
    }
    return holds;
}

/* Explains `c` into `b` and returns its truth value (-1 when a Lua
** function failed).  Combinations explain every child, so the reader sees
** all of them, not only the one that decided. */
static int explain(vep_ctx *ctx, const vep_cond *c, vep_buf *b)
{
    static const char *const heads[] = { "all of: [", "any of: [",
                                         "none of: [" };
    size_t i;
    int k, holds, failed = 0, n = 0;

    switch (c->kind) {
    case VEP_COND_ALL:
    case VEP_COND_ANY:
    case VEP_COND_NONE:
        vep__buf_adds(b, heads[c->kind]);
        for (i = 0; i < c->nkids; i++) {
            if (i)
                vep__buf_adds(b, "; ");
            k = explain(ctx, &c->kids[i], b);
            if (k < 0)
                failed = 1;
            else
                n += k;
        }
        vep__buf_addc(b, ']');
        if (failed) {
            vep__buf_adds(b, " (could not be evaluated)");
            return -1;
        }
        holds = c->kind == VEP_COND_ALL ? (size_t)n == c->nkids
              : c->kind == VEP_COND_ANY ? n > 0 : n == 0;
        add_verdict(ctx, b, holds, NULL);
        return holds;
    case VEP_COND_FUNCTION:
        vep__buf_printf(b, "function '%s'", c->fn.key ? c->fn.key : "?");
        if (c->fn.nuses > 0) {
            vep__buf_adds(b, " of ");
            for (i = 0; i < c->fn.nuses; i++)
                vep__buf_printf(b, "%s%s", i ? ", " : "",
                                c->fn.uses[i].id ? c->fn.uses[i].id : "?");
        }
        if (vep__runtime_cond(ctx, &c->fn, &k) != VEP_OK) {
            vep__buf_adds(b, " (could not be evaluated)");
            return -1;
        }
        vep__buf_adds(b, k ? " returns true" : " returns false");
        add_verdict(ctx, b, k != 0, NULL);
        return k != 0;
    default:
        return explain_leaf(ctx, c, b);
    }
}

/* The truth value is part of the text; a failed function says so in it.
** Out of memory is left in b->failed, as for every buffer. */
void vep__cond_explain(vep_ctx *ctx, const vep_cond *c, vep_buf *b)
{
    (void)explain(ctx, c, b);
}

/* Appends a condition to `b` in the notation of the script ("S05 is
** present", "all of (A at least 2; B answered)"), for descriptions and
** schemas; see eval.h. */
void vep__cond_notation(vep_buf *b, const vep_cond *c)
{
    static const char *const group[] = { "all of", "any of", "none of" };
    char num[VEP_NUM_BUFSIZE];
    size_t i;

    switch (c->kind) {
    case VEP_COND_ALL: case VEP_COND_ANY: case VEP_COND_NONE:
        vep__buf_printf(b, "%s (", group[c->kind]);
        for (i = 0; i < c->nkids; i++) {
            if (i)
                vep__buf_adds(b, "; ");
            vep__cond_notation(b, &c->kids[i]);
        }
        vep__buf_addc(b, ')');
        return;
    case VEP_COND_FUNCTION:
        vep__buf_adds(b, "a function of (");
        for (i = 0; i < c->fn.nuses; i++)
            vep__buf_printf(b, "%s%s", i ? ", " : "", c->fn.uses[i].id);
        vep__buf_addc(b, ')');
        return;
    default:
        break;
    }
    vep__buf_adds(b, c->ref.id ? c->ref.id : "?");
    switch (c->kind) {
    case VEP_COND_IS: case VEP_COND_IS_NOT:
        vep__buf_adds(b, c->kind == VEP_COND_IS ? " is " : " is not ");
        for (i = 0; i < c->ncodes; i++)
            vep__buf_printf(b, "%s%s", i ? " or " : "", c->codes[i]);
        break;
    case VEP_COND_AT_LEAST:
    case VEP_COND_AT_MOST:
        vep__buf_printf(b, " at %s %s",
                        c->kind == VEP_COND_AT_LEAST ? "least" : "most",
                        vep__num_format(num, c->number));
        break;
    case VEP_COND_ANSWERED: vep__buf_adds(b, " answered"); break;
    case VEP_COND_UNKNOWN: vep__buf_adds(b, " unknown"); break;
    case VEP_COND_RAISED: vep__buf_adds(b, " raised"); break;
    default: break;
    }
}
