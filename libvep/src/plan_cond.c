/*
** plan_cond.c -- evaluates and explains plan conditions (plan.h,
** vep_pcond) against the facts of a result and a case context.
**
** A fact that is absent has no value: comparisons with it do not hold,
** and IS_NOT does not hold either, since it needs a value.  A flag that
** the result does not list is not raised.  An answer with no state is
** taken as a value.
**
** Explanations follow the style of cond.c, the same bytes for the same
** input on every machine, e.g.
**   risk is 'high' (holds)
**   risk is one of 'moderate', 'high' (does not hold: it is 'low')
**   item B02 is 'high' (does not hold: it is unknown)
**   score beliefs_high = 3 is at least 2 (holds)
**   context literacy is 'low' (does not hold: it is not given)
**   programme VOCATIONAL is completed (holds: on 2025-06-30)
**   pre-release window is 'open' (does not hold: it is 'before')
**   any of: [flag protective_weak is raised (holds); ...] (holds)
**
** Without facts (vep__pcond_words) the same words come without verdicts,
** for documents that describe the plan rather than one case.
*/
#include <string.h>
#include "plan.h"
#include "utf8.h"

/* The fact with that id in an array, or NULL (plan_input.c has the same
** look-up for its callers; this one keeps the evaluator self-contained). */
static const vep_fact *find_fact(const vep_fact *v, size_t n, const char *id)
{
    size_t i;
    if (id == NULL)
        return NULL;
    for (i = 0; i < n; i++)
        if (v[i].id != NULL && strcmp(v[i].id, id) == 0)
            return &v[i];
    return NULL;
}

/* The programme or event with that id in a list, or NULL. */
static const vep_dated *find_dated(const vep_dated *v, size_t n,
                                   const char *id)
{
    size_t i;
    if (id == NULL)
        return NULL;
    for (i = 0; i < n; i++)
        if (v[i].id != NULL && strcmp(v[i].id, id) == 0)
            return &v[i];
    return NULL;
}

/* 1 when `s` is one of the condition's codes. */
static int in_codes(const vep_pcond *c, const char *s)
{
    size_t i;
    if (s == NULL)
        return 0;
    for (i = 0; i < c->ncodes; i++)
        if (c->codes[i] != NULL && strcmp(c->codes[i], s) == 0)
            return 1;
    return 0;
}

/* The fact a leaf condition refers to, or NULL (RISK, WINDOW and the
** programme history are not facts of an array). */
static const vep_fact *leaf_fact(const vep_pcond *c, const vep_plan_facts *f)
{
    if (f == NULL)
        return NULL;
    switch (c->kind) {
    case VEP_PC_LEVEL:   return find_fact(f->levels, f->nlevels, c->id);
    case VEP_PC_FLAG:    return find_fact(f->flags, f->nflags, c->id);
    case VEP_PC_SCORE:   return find_fact(f->scores, f->nscores, c->id);
    case VEP_PC_ITEM:    return find_fact(f->answers, f->nanswers, c->id);
    case VEP_PC_CONTEXT: return find_fact(f->context, f->ncontext, c->id);
    default:             return NULL;
    }
}

/* Whether a fact holds a value (an answer in the "value" state, or any
** other fact with a code or a number). */
static int fact_has_value(const vep_fact *x)
{
    if (x == NULL)
        return 0;
    if (x->state != NULL && strcmp(x->state, "value") != 0)
        return 0;
    return x->code != NULL || x->ncodes > 0 || x->has_number;
}

/* Whether a fact's code (or one of a multi answer's codes) is among the
** condition's codes. */
static int fact_matches(const vep_pcond *c, const vep_fact *x)
{
    size_t i;
    if (!fact_has_value(x))
        return 0;
    for (i = 0; i < x->ncodes; i++)
        if (in_codes(c, x->codes[i]))
            return 1;
    return in_codes(c, x->code);
}

/* Whether a flag fact is raised. */
static int flag_raised(const vep_fact *x)
{
    if (x == NULL)
        return 0;
    if (x->has_number)
        return x->number != 0;
    return x->code != NULL && strcmp(x->code, "true") == 0;
}

/* Applies a test (IS, AT_LEAST, ...) to a fact. */
static int test_fact(const vep_pcond *c, const vep_fact *x)
{
    switch (c->test) {
    case VEP_PT_IS:
        return fact_matches(c, x);
    case VEP_PT_IS_NOT:
        return fact_has_value(x) && !fact_matches(c, x);
    case VEP_PT_AT_LEAST:
        return fact_has_value(x) && x->has_number && x->number >= c->number;
    case VEP_PT_AT_MOST:
        return fact_has_value(x) && x->has_number && x->number <= c->number;
    case VEP_PT_UNKNOWN:
        return x != NULL && x->state != NULL
               && strcmp(x->state, "unknown") == 0;
    case VEP_PT_ANSWERED:
        return fact_has_value(x);
    }
    return 0;
}

/* The truth value of a leaf condition; -1 without facts (words only). */
static int eval_leaf(const vep_pcond *c, const vep_plan_facts *f,
                     const char *window)
{
    vep_pcond tmp;
    if (f == NULL)
        return -1;
    switch (c->kind) {
    case VEP_PC_RISK:
        return in_codes(c, f->risk);
    case VEP_PC_WINDOW:
        return in_codes(c, window);
    case VEP_PC_COMPLETED:
        return find_dated(f->completed, f->ncompleted, c->id) != NULL;
    case VEP_PC_REFUSED:
        return find_dated(f->refused, f->nrefused, c->id) != NULL;
    case VEP_PC_HOST:
        vep__plan_host_ask(f, c);          /* once: kept in the slot */
        if (c->slot >= f->nhosts || !f->hosts[c->slot].called)
            return 0;
        return test_fact(c, &f->hosts[c->slot].fact);
    case VEP_PC_FLAG:
        return flag_raised(leaf_fact(c, f)) == (c->raised != 0);
    case VEP_PC_LEVEL:
        tmp = *c;
        if (tmp.test != VEP_PT_IS_NOT && tmp.test != VEP_PT_AT_LEAST
            && tmp.test != VEP_PT_AT_MOST && tmp.test != VEP_PT_ANSWERED)
            tmp.test = VEP_PT_IS;
        return test_fact(&tmp, leaf_fact(c, f));
    default:
        return test_fact(c, leaf_fact(c, f));
    }
}

/* ---- Explanations ------------------------------------------------------ */

/* Numbers the locale-independent way of vep__num_format. */
static void add_number(vep_buf *b, double v)
{
    char nb[VEP_NUM_BUFSIZE];
    vep__buf_adds(b, vep__num_format(nb, v));
}

/* 'a' or "one of 'a', 'b'" (`pre` is "one of " or "none of "). */
static void add_codes(vep_buf *b, const vep_pcond *c, const char *pre)
{
    size_t i;
    if (c->ncodes != 1)
        vep__buf_adds(b, pre);
    for (i = 0; i < c->ncodes; i++)
        vep__buf_printf(b, "%s'%s'", i ? ", " : "",
                        c->codes[i] ? c->codes[i] : "");
}

/* A text value quoted and escaped, at most 40 characters. */
static void add_quoted(vep_buf *b, const char *s)
{
    vep__buf_addc(b, '\'');
    vep__utf8_escape(b, s, strlen(s), 40, 0);
    vep__buf_addc(b, '\'');
}

/* What a fact actually is: "it is 'low'", "it is unknown", "it has 'a',
** 'c'", "it is 4", "it has no answer", "it is not given", ... */
static void add_actual(vep_buf *b, const vep_pcond *c, const vep_fact *x)
{
    size_t i;
    if (x == NULL) {
        vep__buf_adds(b, c->kind == VEP_PC_ITEM ? "it has no answer"
                         : c->kind == VEP_PC_CONTEXT ? "it is not given"
                         : "it has no value");
        return;
    }
    if (x->state != NULL && strcmp(x->state, "value") != 0) {
        if (strcmp(x->state, "unknown") == 0)
            vep__buf_adds(b, "it is unknown");
        else if (strcmp(x->state, "not_applicable") == 0)
            vep__buf_adds(b, "it is not applicable");
        else if (strcmp(x->state, "not_relevant") == 0)
            vep__buf_adds(b, "it is not relevant");
        else
            vep__buf_adds(b, "it has no answer");
        return;
    }
    if (x->ncodes > 0) {
        vep__buf_adds(b, "it has ");
        for (i = 0; i < x->ncodes; i++) {
            if (i)
                vep__buf_adds(b, ", ");
            add_quoted(b, x->codes[i] ? x->codes[i] : "");
        }
    } else if (c->test >= VEP_PT_AT_LEAST && c->test <= VEP_PT_AT_MOST
               && x->has_number) {
        vep__buf_adds(b, "it is ");
        add_number(b, x->number);
    } else if (x->code != NULL) {
        vep__buf_adds(b, "it is ");
        add_quoted(b, x->code);
    } else if (x->has_number) {
        vep__buf_adds(b, "it is ");
        add_number(b, x->number);
    } else {
        vep__buf_adds(b, c->kind == VEP_PC_CONTEXT ? "it is not given"
                                                   : "it has no value");
    }
}

/* " (holds" / " (does not hold", then ": " and `actual` when given;
** nothing in words only (holds < 0). */
static void add_verdict(vep_buf *b, int holds, const char *actual)
{
    if (holds < 0)
        return;
    vep__buf_adds(b, holds ? " (holds" : " (does not hold");
    if (actual != NULL) {
        vep__buf_adds(b, ": ");
        vep__buf_adds(b, actual);
    }
    vep__buf_addc(b, ')');
}

/* The verdict of a fact test, with what the fact is unless the text
** already says it. */
static void fact_verdict(vep_buf *b, const vep_pcond *c, const vep_fact *x,
                         int holds, int show)
{
    if (holds < 0)
        return;
    vep__buf_adds(b, holds ? " (holds" : " (does not hold");
    if (show) {
        vep__buf_adds(b, ": ");
        add_actual(b, c, x);
    }
    vep__buf_addc(b, ')');
}

/* Explains a test on a fact ("item B02 is 'high' (holds)"). */
static void explain_test(vep_buf *b, const vep_pcond *c, const vep_fact *x,
                         int holds)
{
    int multi = x != NULL && x->ncodes > 0;
    vep_ptest t = c->test;

    if (c->kind == VEP_PC_LEVEL && t != VEP_PT_IS_NOT && t != VEP_PT_AT_LEAST
        && t != VEP_PT_AT_MOST && t != VEP_PT_ANSWERED)
        t = VEP_PT_IS;
    switch (t) {
    case VEP_PT_IS:
        vep__buf_adds(b, multi ? " has " : " is ");
        add_codes(b, c, "one of ");
        fact_verdict(b, c, x, holds, !(holds && c->ncodes == 1 && !multi));
        break;
    case VEP_PT_IS_NOT:
        vep__buf_adds(b, multi ? (c->ncodes == 1 ? " does not have " : " has ")
                               : (c->ncodes == 1 ? " is not " : " is "));
        add_codes(b, c, "none of ");
        fact_verdict(b, c, x, holds, 1);
        break;
    case VEP_PT_AT_LEAST:
    case VEP_PT_AT_MOST:
        if (fact_has_value(x) && x->has_number) {
            vep__buf_adds(b, " = ");
            add_number(b, x->number);
            vep__buf_adds(b, t == VEP_PT_AT_LEAST ? " is at least "
                                                  : " is at most ");
            add_number(b, c->number);
            fact_verdict(b, c, x, holds, 0);
        } else {
            vep__buf_adds(b, t == VEP_PT_AT_LEAST ? " is at least "
                                                  : " is at most ");
            add_number(b, c->number);
            fact_verdict(b, c, x, holds, 1);
        }
        break;
    case VEP_PT_UNKNOWN:
        vep__buf_adds(b, " is unknown");
        fact_verdict(b, c, x, holds, !holds);
        break;
    case VEP_PT_ANSWERED:
        vep__buf_adds(b, c->kind == VEP_PC_ITEM ? " is answered"
                                                : " has a value");
        fact_verdict(b, c, x, holds, !holds);
        break;
    }
}

/* Explains a host condition: "host completed_elsewhere('S-17', 'CBT-1')
** is 'true' (holds)"; without a case, the arguments in words ("the
** subject's id"); when an argument had no value, why it was not called. */
static void explain_host(vep_buf *b, const vep_pcond *c,
                         const vep_plan_facts *f, int holds)
{
    const vep_host_fact *h = f != NULL && c->slot < f->nhosts
                             ? &f->hosts[c->slot] : NULL;
    vep__buf_printf(b, "host %s(", c->id ? c->id : "?");
    if (h != NULL && h->args != NULL)
        vep__buf_adds(b, h->args);
    else
        vep__plan_host_words(c, b);
    vep__buf_addc(b, ')');
    if (h != NULL && !h->asked) {       /* the outcome was already known */
        explain_test(b, c, NULL, -1);
        vep__buf_adds(b, " (not asked: not needed)");
        return;
    }
    if (h == NULL || h->called) {
        explain_test(b, c, h ? &h->fact : NULL, h ? holds : -1);
        return;
    }
    explain_test(b, c, NULL, -1);
    vep__buf_printf(b, " (does not hold: %s)", h->missing ? h->missing : "");
}

/* Explains a leaf condition into `b` and returns its truth value. */
static int explain_leaf(const vep_pcond *c, const vep_plan_facts *f,
                        const char *window, vep_buf *b)
{
    static const char *const names[] = { "", "", "", "", "level ", "flag ",
                                         "score ", "item ", "context " };
    int holds = eval_leaf(c, f, window);
    const vep_dated *d;
    const char *id = c->id ? c->id : "?";

    switch (c->kind) {
    case VEP_PC_RISK:
    case VEP_PC_WINDOW:
        vep__buf_adds(b, c->kind == VEP_PC_RISK ? "risk is "
                                                : "pre-release window is ");
        add_codes(b, c, "one of ");
        if (holds < 0)
            break;
        vep__buf_adds(b, holds ? " (holds" : " (does not hold");
        if (!(holds && c->ncodes == 1)) {
            const char *v = c->kind == VEP_PC_RISK ? f->risk : window;
            vep__buf_adds(b, ": ");
            if (v != NULL)
                vep__buf_printf(b, "it is '%s'", v);
            else
                vep__buf_adds(b, "it has no value");
        }
        vep__buf_addc(b, ')');
        break;
    case VEP_PC_COMPLETED:
    case VEP_PC_REFUSED:
        d = f == NULL ? NULL
            : c->kind == VEP_PC_COMPLETED
            ? find_dated(f->completed, f->ncompleted, c->id)
            : find_dated(f->refused, f->nrefused, c->id);
        vep__buf_printf(b, "programme %s is %s", id,
                        c->kind == VEP_PC_COMPLETED ? "completed" : "refused");
        if (d != NULL && d->date != NULL) {
            vep__buf_printf(b, " (holds: on %s)", d->date);
        } else {
            add_verdict(b, holds, NULL);
        }
        break;
    case VEP_PC_FLAG:
        vep__buf_printf(b, "flag %s is %s", id, c->raised ? "raised"
                                                          : "not raised");
        add_verdict(b, holds, NULL);
        break;
    case VEP_PC_LEVEL:
    case VEP_PC_SCORE:
    case VEP_PC_ITEM:
    case VEP_PC_CONTEXT:
        vep__buf_adds(b, names[c->kind]);
        vep__buf_adds(b, id);
        explain_test(b, c, leaf_fact(c, f), holds);
        break;
    case VEP_PC_HOST:
        explain_host(b, c, f, holds);
        break;
    default:
        vep__buf_adds(b, "(an unknown kind of condition) (does not hold)");
        holds = 0;
        break;
    }
    return holds;
}

/* Explains `c` into `b` (NULL: only evaluates) and returns its truth
** value.  Combinations explain every child, so the reader sees all of
** them; an ALL with no children is "always". */
static int explain(const vep_pcond *c, const vep_plan_facts *f,
                   const char *window, int decided, vep_buf *b)
{
    static const char *const heads[] = { "all of: [", "any of: [",
                                         "none of: [" };
    size_t i, n = 0;
    int holds, k;

    switch (c->kind) {
    case VEP_PC_ALL:
    case VEP_PC_ANY:
    case VEP_PC_NONE:
        if (c->kind == VEP_PC_ALL && c->nkids == 0) {
            if (b != NULL)
                vep__buf_adds(b, f != NULL ? "always (holds)" : "always");
            return f != NULL ? 1 : -1;
        }
        if (b != NULL)
            vep__buf_adds(b, heads[c->kind]);
        for (i = 0; i < c->nkids; i++) {
            if (b != NULL && i)
                vep__buf_adds(b, "; ");
            k = explain(&c->kids[i], f, window, decided, b);
            n += (size_t)(k > 0);
            /* Once the verdict is known, the host is asked nothing more:
            ** the children after it are explained, its questions not put. */
            if (f != NULL && (c->kind == VEP_PC_ALL ? k == 0 : k == 1))
                decided = 1;
        }
        holds = f == NULL ? -1
              : c->kind == VEP_PC_ALL ? n == c->nkids
              : c->kind == VEP_PC_ANY ? n > 0 : n == 0;
        if (b != NULL) {
            vep__buf_addc(b, ']');
            add_verdict(b, holds, NULL);
        }
        return holds;
    default:
        if (decided && c->kind == VEP_PC_HOST && f != NULL
            && c->slot < f->nhosts && !f->hosts[c->slot].asked) {
            if (b != NULL)
                explain_host(b, c, f, 0);   /* "(not asked: not needed)" */
            return 0;
        }
        if (b == NULL)
            return eval_leaf(c, f, window);
        return explain_leaf(c, f, window, b);
    }
}

/* Whether a condition holds; its account goes to `why` when given (out of
** memory is left in why->failed, as for every buffer). */
int vep__pcond_eval(const vep_pcond *c, const vep_plan_facts *f,
                    const char *window, vep_buf *why)
{
    return explain(c, f, window, 0, why);
}

/* The condition in words, without evaluating it: the explanation's words
** with no verdicts ("risk is 'high'", "any of: [item M03 is 'high'; flag
** protective_weak is raised]", "always"). */
void vep__pcond_words(const vep_pcond *c, vep_buf *b)
{
    (void)explain(c, NULL, NULL, 0, b);
}
