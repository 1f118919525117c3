/*
** plan_host.c -- plan conditions on host functions:
**
**   rule "skip-cbt" {
**     when = { host = "completed_elsewhere",
**              args = { { fact = "subject" }, "CBT-1" } },
**     ...
**   }
**
** Plan rules stay declarative: no Lua runs when a plan is evaluated.
** When plan_cond.c reaches a host condition whose answer can still change
** whether its rule holds, it asks here (vep__plan_host_ask): the
** arguments are taken from the facts (or given as values), checked
** against the script's host_function declaration, and the function is
** called once per distinct call.  The value then sits in the facts like
** any other (vep_plan_facts.hosts, by the condition's slot), so that the
** explanation shows it, and the plan document lists the calls made
** ("host_calls").
** An argument whose fact is absent leaves the condition unheld, with the
** reason, and the function uncalled.  Plan test cases give stand-ins
** (test { ..., host = { NAME = value } }) so that a plan's own tests never
** depend on a host.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "jsonw.h"
#include "plan.h"

/* ---- Checks at load ---------------------------------------------------- */

typedef struct host_check {
    vep_plan_model *m;
    vep_diags *d;
    const vep_plan_rule *rule;
    size_t problems;
} host_check;

/* Reports a problem of a host condition at its rule's place. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void problem(host_check *k, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vep__diag_add(k->d, k->rule->origin.file, k->rule->origin.line, NULL,
                  k->rule->id, "host_condition", "rule '%s': %s",
                  k->rule->id ? k->rule->id : "", msg);
    k->problems++;
}

/* The type a reference argument has: facts are strings, scores numbers;
** a context field may be anything (checked for each case). */
static vep_htype ref_type(const vep_pharg *h)
{
    return h->kind == VEP_PHA_FACT ? VEP_HT_STRING
         : h->kind == VEP_PHA_SCORE ? VEP_HT_DOUBLE : VEP_HT_VOID;
}

/* Checks the codes of an is / is_not test against what the function
** returns.  A number has no code, so is would never hold and is_not would
** always; a bool is "true" or "false" and nothing else. */
static void check_codes(host_check *k, const vep_host_decl *h,
                        const vep_pcond *c)
{
    size_t i;
    if (h->sig.ret == VEP_HT_INT64 || h->sig.ret == VEP_HT_DOUBLE) {
        problem(k, "host function '%s' returns %s: is and is_not compare "
                "codes; test a number with at_least or at_most", h->name,
                vep__htype_name(h->sig.ret));
        return;
    }
    for (i = 0; h->sig.ret == VEP_HT_BOOL && i < c->ncodes; i++)
        if (c->codes[i] == NULL || (strcmp(c->codes[i], "true") != 0
                                    && strcmp(c->codes[i], "false") != 0)) {
            problem(k, "host function '%s' returns bool: test it with is = "
                    "true or is = false (not '%s')", h->name,
                    c->codes[i] ? c->codes[i] : "");
            return;
        }
}

/* Checks one host condition and gives it its slot. */
static void check_leaf(host_check *k, vep_pcond *c)
{
    const vep_host_decl *h = vep__host_decl_find(k->m->hosts, k->m->nhosts, c->id);
    vep_htype ret;
    char err[300];
    size_t i;

    c->slot = k->m->nhost_slots++;
    if (h == NULL) {
        problem(k, "host function '%s' is not declared: declare it with "
                "host_function \"%s\" { signature = \"...\" }",
                c->id ? c->id : "", c->id ? c->id : "");
        return;
    }
    if (c->nargs != h->sig.nargs) {
        problem(k, "host function '%s' takes %zu argument%s, the condition "
                "gives %zu", h->name, h->sig.nargs,
                h->sig.nargs == 1 ? "" : "s", c->nargs);
        return;
    }
    for (i = 0; i < c->nargs; i++) {
        vep_htype want = h->sig.params[h->sig.arg_param[i]];
        vep_hval v = c->args[i].value;
        if (c->args[i].kind == VEP_PHA_VALUE) {
            if (vep__host_check_arg(h->name, &h->sig, i, &v,
                                    v.type == VEP_HT_STRING ? strlen(v.s) : 0,
                                    err, sizeof err) != 0)
                problem(k, "%s", err);
            else
                c->args[i].value = v;   /* an integral 2.0 becomes 2 */
            continue;
        }
        v.type = ref_type(&c->args[i]);
        if (v.type == VEP_HT_STRING && want != VEP_HT_STRING)
            problem(k, "host function '%s': argument %zu is a fact, a string, "
                    "but the function takes %s", h->name, i + 1,
                    vep__htype_name(want));
        else if (v.type == VEP_HT_DOUBLE && want != VEP_HT_DOUBLE
                 && want != VEP_HT_INT64)
            problem(k, "host function '%s': argument %zu is a score, a number, "
                    "but the function takes %s", h->name, i + 1,
                    vep__htype_name(want));
    }
    ret = h->sig.ret;
    if (ret == VEP_HT_VOID) {
        problem(k, "host function '%s' returns nothing, so there is nothing "
                "to test", h->name);
    } else if (!c->has_test) {
        if (ret != VEP_HT_BOOL) {
            problem(k, "host function '%s' returns %s: say what to test "
                    "(%s)", h->name, vep__htype_name(ret),
                    ret == VEP_HT_STRING ? "is or is_not"
                                         : "at_least or at_most");
        } else if ((c->codes = vep__calloc(k->m->alloc, 1, sizeof *c->codes))
                   == NULL || (c->codes[0] = vep__strdup(k->m->alloc, "true"))
                   == NULL) {
            k->d->nomem = 1;
        } else {
            c->ncodes = 1;
            c->test = VEP_PT_IS;
        }
    } else if ((c->test == VEP_PT_AT_LEAST || c->test == VEP_PT_AT_MOST)
               && ret != VEP_HT_INT64 && ret != VEP_HT_DOUBLE) {
        problem(k, "host function '%s' returns %s, which at_least and "
                "at_most cannot compare", h->name, vep__htype_name(ret));
    } else if (c->test == VEP_PT_IS || c->test == VEP_PT_IS_NOT) {
        check_codes(k, h, c);
    }
}

/* Checks every host condition in condition tree c. */
static void check_cond(host_check *k, vep_pcond *c)
{
    size_t i;
    if (c->kind == VEP_PC_HOST)
        check_leaf(k, c);
    for (i = 0; i < c->nkids; i++)
        check_cond(k, &c->kids[i]);
}

/* See plan.h: every rule's conditions, slots numbered in rule order. */
size_t vep__plan_host_check(vep_plan_model *m, vep_diags *d)
{
    host_check k;
    size_t r;
    memset(&k, 0, sizeof k);
    k.m = m;
    k.d = d;
    m->nhost_slots = 0;
    for (r = 0; r < m->nrules; r++) {
        k.rule = &m->rules[r];
        check_cond(&k, &m->rules[r].when);
    }
    return k.problems;
}

/* ---- Words ------------------------------------------------------------- */

/* See plan.h. */
void vep__plan_host_words(const vep_pcond *c, vep_buf *b)
{
    size_t i;
    for (i = 0; i < c->nargs; i++) {
        const vep_pharg *h = &c->args[i];
        if (i)
            vep__buf_adds(b, ", ");
        if (h->kind == VEP_PHA_VALUE)
            vep__host_value_words(b, &h->value);
        else if (h->kind == VEP_PHA_FACT)
            vep__buf_printf(b, "the %s", strcmp(h->name, "subject") == 0
                            ? "subject's id" : h->name);
        else
            vep__buf_printf(b, "%s %s", h->kind == VEP_PHA_CONTEXT
                            ? "context" : "score", h->name);
    }
}

/* ---- Evaluation -------------------------------------------------------- */

/* What asking the host needs during one evaluation (vep_plan_facts.hostq):
** the model, the facts to fill, where calls go, the rule being evaluated,
** the exact call each asked slot made (for asking once), and the first
** failure. */
typedef struct vep_plan_hostq host_eval;
struct vep_plan_hostq {
    const vep_plan_model *m;
    vep_plan_facts *f;
    const vep_host_registry *reg;
    const vep_alloc *a;
    vep_diags *d;
    const vep_plan_rule *rule;
    char **keys;             /* per slot: the exact call, or NULL        */
    vep_status status;       /* VEP_OK, or the first failure             */
};

/* The value of a fact argument, or NULL when the case has none. */
static const char *fact_value(const vep_plan_facts *f, const char *name)
{
    if (strcmp(name, "subject") == 0)          return f->subject_id;
    if (strcmp(name, "as_of") == 0)            return f->as_of;
    if (strcmp(name, "assessment_date") == 0)  return f->assessment_date;
    if (strcmp(name, "risk") == 0)             return f->risk;
    if (strcmp(name, "expected_release") == 0) return f->release_date;
    return NULL;
}

/* Resolves argument i of c into *v; 0, or 1 when the case has no value
** for it (the reason in `missing`). */
static int resolve(const host_eval *x, const vep_pharg *h, vep_hval *v,
                   vep_htype want, vep_buf *missing)
{
    const vep_fact *fa;
    memset(v, 0, sizeof *v);
    switch (h->kind) {
    case VEP_PHA_VALUE:
        *v = h->value;
        return 0;
    case VEP_PHA_FACT:
        v->s = fact_value(x->f, h->name);
        v->type = VEP_HT_STRING;
        if (v->s == NULL) {
            vep__buf_printf(missing, "the %s is not given",
                            strcmp(h->name, "subject") == 0 ? "subject's id"
                            : h->name);
            return 1;
        }
        return 0;
    case VEP_PHA_SCORE:
        fa = vep__fact_find(x->f->scores, x->f->nscores, h->name);
        if (fa == NULL || !fa->has_number) {
            vep__buf_printf(missing, "score %s has no value", h->name);
            return 1;
        }
        v->type = VEP_HT_DOUBLE;
        v->d = fa->number;
        return 0;
    default:
        fa = vep__fact_find(x->f->context, x->f->ncontext, h->name);
        if (fa == NULL || (fa->code == NULL && !fa->has_number)) {
            vep__buf_printf(missing, "context %s is not given", h->name);
            return 1;
        }
        if (want == VEP_HT_BOOL && fa->code != NULL
            && (strcmp(fa->code, "true") == 0 || strcmp(fa->code, "false") == 0)) {
            v->type = VEP_HT_BOOL;
            v->b = fa->code[0] == 't';
        } else if (fa->has_number) {
            v->type = VEP_HT_DOUBLE;
            v->d = fa->number;
        } else {
            v->type = VEP_HT_STRING;
            v->s = fa->code;
        }
        return 0;
    }
}

/* Records a failed call in the diagnostics; returns its status. */
static vep_status call_failed(host_eval *x, vep_status st, const char *rule,
                              const char *msg)
{
    vep__diag_add(x->d, x->rule->origin.file, x->rule->origin.line, NULL,
                  x->rule->id, rule, "rule '%s': %s",
                  x->rule->id ? x->rule->id : "", msg);
    return st;
}

/* Makes one call (or takes the test case's stand-in) into out. */
static void make_call(host_eval *x, const vep_host_decl *h,
                      const vep_hval *args, vep_host_outcome *out)
{
    vep_host_stubs stubs;
    stubs.v = x->f->stubs;
    stubs.n = x->f->nstubs;
    vep__host_decl_call(h, "plan", x->reg, x->f->stubbed ? &stubs : NULL,
                        x->a, args, out);
}

/* Refuses an integer result that a plan cannot compare exactly: facts and
** the numbers of at_least / at_most are doubles, which hold every integer
** up to 2^53 and no longer all of them beyond. */
static void check_result(const vep_host_decl *h, vep_host_outcome *out)
{
    const int64_t limit = (int64_t)1 << 53;
    if (out->result.type != VEP_HT_INT64
        || (out->result.i >= -limit && out->result.i <= limit))
        return;
    out->status = VEP_ERR_HOST;
    out->rule = "host_result";
    snprintf(out->message, sizeof out->message, "host function '%s' "
             "returned %lld, beyond the integers a plan compares exactly "
             "(-2^53 to 2^53)", h->name, (long long)out->result.i);
}

/* Sets the fact of a called slot from the function's result. */
static int set_fact(const vep_alloc *a, vep_host_fact *hf, const vep_hval *r)
{
    hf->called = 1;
    switch (r->type) {
    case VEP_HT_BOOL:
        return (hf->fact.code = vep__strdup(a, r->b ? "true" : "false")) ? 0 : -1;
    case VEP_HT_STRING:
        return (hf->fact.code = vep__strdup(a, r->s)) ? 0 : -1;
    case VEP_HT_INT64:
        hf->fact.has_number = 1;
        hf->fact.number = (double)r->i;
        return 0;
    case VEP_HT_DOUBLE:
        hf->fact.has_number = 1;
        hf->fact.number = r->d;
        return 0;
    default:
        return 0;
    }
}

/* Writes the exact call as a key: the name and the arguments as JSON. */
static void call_key(vep_buf *b, const char *name, const vep_hval *args,
                     size_t n)
{
    vep_jsonw w;
    size_t i;
    vep__jw_init(&w, b, 0);
    vep__jw_array(&w);
    vep__jw_string(&w, name);
    for (i = 0; i < n; i++)
        switch (args[i].type) {
        case VEP_HT_BOOL:   vep__jw_bool(&w, args[i].b); break;
        case VEP_HT_INT64:  vep__jw_int(&w, (long long)args[i].i); break;
        case VEP_HT_DOUBLE: vep__jw_number(&w, args[i].d, -1); break;
        default:            vep__jw_string(&w, args[i].s); break;
        }
    vep__jw_array_end(&w);
}

/* Gives one host condition its value for the case. */
static vep_status eval_leaf(host_eval *x, const vep_pcond *c)
{
    const vep_host_decl *h = vep__host_decl_find(x->m->hosts, x->m->nhosts, c->id);
    vep_host_fact *hf = &x->f->hosts[c->slot];
    vep_hval args[VEP_HOST_MAX_ARGS];
    vep_host_outcome out;
    vep_buf missing, words, key;
    char err[300], by[128];
    vep_status st = VEP_OK;
    size_t i, s;

    if (h == NULL || c->slot >= x->f->nhosts)
        return VEP_ERR_INTERNAL;   /* the checks at load make both hold */
    vep__buf_init(&missing, x->a);
    vep__buf_init(&words, x->a);
    vep__buf_init(&key, x->a);
    for (i = 0; i < c->nargs; i++) {
        vep_htype want = h->sig.params[h->sig.arg_param[i]];
        if (resolve(x, &c->args[i], &args[i], want, &missing) != 0)
            break;
        if (vep__host_check_arg(h->name, &h->sig, i, &args[i],
                                args[i].type == VEP_HT_STRING ? strlen(args[i].s) : 0,
                                err, sizeof err) != 0) {
            st = call_failed(x, VEP_ERR_HOST, "host_argument", err);
            goto done;
        }
        if (i)
            vep__buf_adds(&words, ", ");
        vep__host_value_words(&words, &args[i]);
    }
    if (i < c->nargs) {        /* a fact is absent: not called */
        hf->missing = vep__strndup(x->a, missing.data ? missing.data : "", missing.len);
        st = hf->missing && !missing.failed ? VEP_OK : VEP_ERR_NOMEM;
        goto done;
    }
    hf->args = vep__strndup(x->a, words.data ? words.data : "", words.len);
    call_key(&key, h->name, args, c->nargs);
    if (hf->args == NULL || words.failed || key.failed) {
        st = VEP_ERR_NOMEM;
        goto done;
    }
    for (s = 0; s < x->f->nhosts; s++)   /* the same call made before */
        if (x->keys[s] != NULL && strcmp(x->keys[s], key.data) == 0) {
            const vep_host_fact *o = &x->f->hosts[s];
            hf->called = 1;
            hf->fact.has_number = o->fact.has_number;
            hf->fact.number = o->fact.number;
            if (o->fact.code && !(hf->fact.code = vep__strdup(x->a, o->fact.code)))
                st = VEP_ERR_NOMEM;
            goto keep;
        }
    make_call(x, h, args, &out);
    if (out.status == VEP_OK)
        check_result(h, &out);
    if (out.status != VEP_OK) {
        st = out.status == VEP_ERR_NOMEM ? VEP_ERR_NOMEM
             : call_failed(x, out.status, out.rule, out.message);
        goto done;
    }
    snprintf(by, sizeof by, "rule:%s", x->rule->id ? x->rule->id : "");
    vep__host_log_add(&x->f->host_log, h->name, by, args, c->nargs, &out.result);
    if (x->f->host_log.full) {
        vep__host_outcome_clear(x->a, &out);
        st = call_failed(x, VEP_ERR_HOST, "host_limit", "the host calls of this "
                         "evaluation, recorded with their arguments, pass the "
                         "record's limit");
        goto done;
    }
    if (set_fact(x->a, hf, &out.result) != 0 || x->f->host_log.nomem)
        st = VEP_ERR_NOMEM;
    vep__host_outcome_clear(x->a, &out);
keep:
    if (st == VEP_OK && !(x->keys[c->slot] = vep__strdup(x->a, key.data)))
        st = VEP_ERR_NOMEM;
done:
    vep__buf_free(&missing);
    vep__buf_free(&words);
    vep__buf_free(&key);
    return st;
}

/* See plan.h. */
vep_status vep__plan_host_prepare(const vep_plan_model *m, vep_plan_facts *f,
                                  const vep_host_registry *reg,
                                  const vep_alloc *a, vep_diags *d)
{
    host_eval *x;

    vep__host_log_init(&f->host_log, a);
    if (m->nhost_slots == 0)
        return VEP_OK;
    x = vep__calloc(a, 1, sizeof *x);
    if (x == NULL)
        return VEP_ERR_NOMEM;
    f->hostq = x;
    x->m = m;
    x->f = f;
    x->reg = reg;
    x->a = a;
    x->d = d;
    x->status = VEP_OK;
    f->hosts = vep__calloc(a, m->nhost_slots, sizeof *f->hosts);
    x->keys = vep__calloc(a, m->nhost_slots, sizeof *x->keys);
    if (f->hosts == NULL || x->keys == NULL)
        return VEP_ERR_NOMEM;        /* the facts' free takes the rest */
    f->nhosts = m->nhost_slots;
    return VEP_OK;
}

/* See plan.h. */
void vep__plan_host_rule(const vep_plan_facts *f, size_t rule)
{
    host_eval *x = f->hostq;
    if (x == NULL || rule >= x->m->nrules)
        return;
    x->rule = &x->m->rules[rule];     /* "by" is written only for a call */
}

/* See plan.h. */
void vep__plan_host_ask(const vep_plan_facts *f, const vep_pcond *c)
{
    host_eval *x = f->hostq;
    vep_status st;
    if (x == NULL || c->slot >= f->nhosts || f->hosts[c->slot].asked
        || x->status != VEP_OK || x->rule == NULL)
        return;
    x->f->hosts[c->slot].asked = 1;
    st = eval_leaf(x, c);
    if (st != VEP_OK)
        x->status = st;
}

/* See plan.h. */
vep_status vep__plan_host_status(const vep_plan_facts *f)
{
    return f->hostq != NULL ? f->hostq->status : VEP_OK;
}

/* Frees what the host half of the facts owns (plan_input.c calls it). */
void vep__plan_host_facts_free(const vep_alloc *a, vep_plan_facts *f)
{
    size_t i;
    for (i = 0; i < f->nhosts; i++) {
        vep__free(a, f->hosts[i].fact.code);
        vep__free(a, f->hosts[i].args);
        vep__free(a, f->hosts[i].missing);
    }
    vep__free(a, f->hosts);
    if (f->hostq != NULL) {
        if (f->hostq->keys != NULL)
            for (i = 0; i < f->nhosts; i++)
                vep__free(a, f->hostq->keys[i]);
        vep__free(a, f->hostq->keys);
        vep__free(a, f->hostq);
    }
    if (f->host_log.alloc != NULL)
        vep__host_log_free(&f->host_log);
    for (i = 0; i < f->nstubs; i++) {
        vep__free(a, f->stubs[i].name);
        if (f->stubs[i].value.type == VEP_HT_STRING)
            vep__free(a, (void *)f->stubs[i].value.s);
    }
    vep__free(a, f->stubs);
}
