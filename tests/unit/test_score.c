/*
** test_score.c -- unit tests of score.c: every rule and missing-data
** policy, rounding, levels, flags, function rules, the judgement check,
** and out-of-memory at every allocation.
**
** Models and assessments are built by hand with the helpers of
** score_fixture.h, whose counting allocator checks after every test that
** nothing leaked; conditions and Lua functions come from its stubs.
**
** Build on its own (from the repository root):
**   gcc -std=c99 -Wall -Wextra -Wpedantic -g -fsanitize=address,undefined \
**     -Ilibvep/include -Ilibvep/src $(pkg-config --cflags cmocka) \
**     libvep/src/score.c libvep/src/result.c libvep/src/jsonw.c \
**     libvep/src/model.c libvep/src/alloc.c libvep/src/buf.c \
**     libvep/src/diag.c tests/unit/test_score.c \
**     $(pkg-config --libs cmocka) -lm -o /tmp/test_score
*/
#include "score_fixture.h"

/* n scale items "I1".."In" in domain "d" (weight w), answered from spec. */
static fx *fx_items(int n, double w, const char *spec)
{
    fx *f = fx_new();
    char id[16];
    int i, d = add_domain(f, "d", VEP_DOMAIN_RISK);
    for (i = 1; i <= n; i++) {
        snprintf(id, sizeof id, "I%d", i);
        add_item(f, id, VEP_ITEM_SCALE, d, w);
    }
    answers(f, spec);
    return f;
}

/* The output of score `id`. */
static const vep_score_out *out_of(fx *f, const char *id)
{
    int i = vep__model_find_score(&f->m, id);
    assert_true(i >= 0);
    return &f->ctx.out->scores[i];
}

/* Scores and checks one score's status and value (NAN: no value). */
static void check(fx *f, const char *id, vep_score_status status, double value)
{
    const vep_score_out *so;
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    so = out_of(f, id);
    assert_string_equal(vep__score_status_name(so->status),
                        vep__score_status_name(status));
    if (isnan(value)) {
        assert_false(so->has_value);
    } else {
        assert_true(so->has_value);
        assert_true(so->value == value);
    }
}

/* ---- Item rules ----------------------------------------------------- */

static void test_sum_complete(void **state)
{
    fx *f = fx_items(3, 1, "2 1 0");
    vep_score_def *s = add_score(f, "s", VEP_RULE_SUM, VEP_MISSING_INCOMPLETE, -1, 0);
    const vep_score_out *so;
    (void)state;
    use_domain(f, s, "d");
    check(f, "s", VEP_SCORE_COMPLETE, 3);
    so = out_of(f, "s");
    assert_int_equal(so->ncontribs, 3);
    assert_int_equal(so->nleft_out, 0);
    assert_int_equal(so->answered, 3);
    assert_true(so->factor == 1);
    assert_true(so->contribs[0].value == 2 && so->contribs[0].contribution == 2);
    fx_free(f);
}

static void test_prorate_one_unknown_of_seven(void **state)
{
    fx *f = fx_items(7, 1, "1 1 1 1 1 0 u");
    vep_score_def *s2 = add_score(f, "s2", VEP_RULE_SUM, VEP_MISSING_PRORATE, 2, 2);
    vep_score_def *s0 = add_score(f, "s0", VEP_RULE_SUM, VEP_MISSING_PRORATE, 2, 0);
    const vep_score_out *so;
    (void)state;
    use_domain(f, s2, "d");
    use_domain(f, s0, "d");
    check(f, "s2", VEP_SCORE_PRORATED, 5.83);          /* 5 * 7 / 6 */
    so = out_of(f, "s2");
    assert_true(so->raw == 5);
    assert_true(so->factor == 7.0 / 6.0);
    assert_int_equal(so->answered, 6);
    assert_int_equal(so->unknown, 1);
    assert_int_equal(so->nleft_out, 1);
    assert_int_equal(so->left_out[0], 6);
    assert_true(out_of(f, "s0")->value == 6);
    fx_free(f);

    f = fx_items(7, 1, "1 1 1 1 1 1 u");                 /* 6 * 7 / 6 */
    s2 = add_score(f, "s", VEP_RULE_SUM, VEP_MISSING_PRORATE, -1, 2);
    use_domain(f, s2, "d");
    check(f, "s", VEP_SCORE_PRORATED, 7);
    fx_free(f);
}

static void test_incomplete_beyond_max_unknown(void **state)
{
    fx *f = fx_items(7, 1, "2 2 1 1 u u u");
    vep_score_def *a = add_score(f, "pro", VEP_RULE_SUM, VEP_MISSING_PRORATE, 2, 0);
    vep_score_def *b = add_score(f, "inc", VEP_RULE_SUM, VEP_MISSING_INCOMPLETE, 2, 0);
    vep_score_def *c = add_score(f, "ign", VEP_RULE_SUM, VEP_MISSING_IGNORE, 2, 0);
    vep_score_def *d = add_score(f, "ok", VEP_RULE_SUM, VEP_MISSING_INCOMPLETE, 3, 0);
    (void)state;
    use_domain(f, a, "d");
    use_domain(f, b, "d");
    use_domain(f, c, "d");
    use_domain(f, d, "d");
    check(f, "pro", VEP_SCORE_INCOMPLETE, NAN);
    assert_int_equal(out_of(f, "pro")->unknown, 3);
    assert_int_equal(out_of(f, "pro")->nleft_out, 3);
    check(f, "inc", VEP_SCORE_INCOMPLETE, NAN);
    check(f, "ign", VEP_SCORE_PARTIAL, 6);
    check(f, "ok", VEP_SCORE_PARTIAL, 6);
    fx_free(f);
}

static void test_na_excluded_from_denominator(void **state)
{
    fx *f = fx_items(7, 1, "1 1 2 2 n r u");
    vep_score_def *s = add_score(f, "s", VEP_RULE_SUM, VEP_MISSING_PRORATE, -1, 2);
    const vep_score_out *so;
    (void)state;
    use_domain(f, s, "d");
    check(f, "s", VEP_SCORE_PRORATED, 7.5);             /* 6 * 5 / 4 */
    so = out_of(f, "s");
    assert_true(so->factor == 1.25);
    assert_int_equal(so->not_applicable, 1);
    assert_int_equal(so->not_relevant, 1);
    assert_int_equal(so->unknown, 1);
    assert_int_equal(so->nleft_out, 3);
    fx_free(f);

    f = fx_items(3, 1, "2 n n");                         /* no unknowns */
    s = add_score(f, "s", VEP_RULE_SUM, VEP_MISSING_PRORATE, 0, 0);
    use_domain(f, s, "d");
    check(f, "s", VEP_SCORE_COMPLETE, 2);
    fx_free(f);
}

static void test_missing_and_no_data(void **state)
{
    fx *f = fx_items(4, 1, "2 m u -");
    vep_score_def *s = add_score(f, "s", VEP_RULE_SUM, VEP_MISSING_INCOMPLETE, -1, 0);
    const vep_score_out *so;
    (void)state;
    use_domain(f, s, "d");
    check(f, "s", VEP_SCORE_PARTIAL, 2);
    so = out_of(f, "s");
    assert_int_equal(so->unknown, 2);
    assert_int_equal(so->missing, 1);
    assert_int_equal(so->answered, 1);
    assert_int_equal(so->nleft_out, 3);                  /* m, u and '-' */
    fx_free(f);

    f = fx_items(2, 1, "n r");
    s = add_score(f, "s", VEP_RULE_SUM, VEP_MISSING_IGNORE, -1, 0);
    use_domain(f, s, "d");
    check(f, "s", VEP_SCORE_NO_DATA, NAN);
    fx_free(f);

    f = fx_items(2, 1, "u n");
    s = add_score(f, "s", VEP_RULE_SUM, VEP_MISSING_IGNORE, -1, 0);
    use_domain(f, s, "d");
    check(f, "s", VEP_SCORE_INCOMPLETE, NAN);
    fx_free(f);
}

static void test_count_at_least(void **state)
{
    fx *f = fx_items(5, 3, "0 1 2 2 u");
    vep_score_def *c = add_score(f, "c", VEP_RULE_COUNT, VEP_MISSING_INCOMPLETE, -1, 0);
    vep_score_def *p = add_score(f, "p", VEP_RULE_COUNT, VEP_MISSING_PRORATE, -1, 2);
    const vep_score_out *so;
    (void)state;
    use_domain(f, c, "d");
    use_domain(f, p, "d");
    c->at_least = 2;
    p->at_least = 2;
    check(f, "c", VEP_SCORE_PARTIAL, 2);
    so = out_of(f, "c");
    assert_int_equal(so->ncontribs, 4);                  /* every answered term */
    assert_true(so->contribs[0].contribution == 0);
    assert_true(so->contribs[1].contribution == 0);
    assert_true(so->contribs[2].contribution == 1);
    assert_true(so->contribs[2].weight == 3);
    check(f, "p", VEP_SCORE_PRORATED, 2.5);              /* 2 * 5 / 4 */
    fx_free(f);
}

static void test_mean_max_min(void **state)
{
    fx *f = fx_items(4, 1, "1 2 2 u");
    vep_score_def *mean = add_score(f, "mean", VEP_RULE_MEAN, VEP_MISSING_PRORATE, -1, 2);
    vep_score_def *mx = add_score(f, "max", VEP_RULE_MAX, VEP_MISSING_INCOMPLETE, -1, 0);
    vep_score_def *mn = add_score(f, "min", VEP_RULE_MIN, VEP_MISSING_INCOMPLETE, -1, 0);
    vep_score_def *wm = add_score(f, "wmax", VEP_RULE_MAX, VEP_MISSING_IGNORE, -1, 1);
    (void)state;
    use_domain(f, mean, "d");
    use_domain(f, mx, "d");
    use_domain(f, mn, "d");
    add_term(f, wm, VEP_REF_ITEM, "I1", 2.5);            /* 1 * 2.5 */
    add_term(f, wm, VEP_REF_ITEM, "I2", 0.5);            /* 2 * 0.5 */
    /* mean is never prorated: partial */
    check(f, "mean", VEP_SCORE_PARTIAL, 1.67);
    assert_true(out_of(f, "mean")->factor == 1);
    check(f, "max", VEP_SCORE_PARTIAL, 2);
    check(f, "min", VEP_SCORE_PARTIAL, 1);
    check(f, "wmax", VEP_SCORE_COMPLETE, 2.5);
    fx_free(f);
}

static void test_rounding(void **state)
{
    fx *f;
    vep_score_def *s;
    (void)state;
    assert_true(vep__jw_round(2.5, 0) == 3);
    assert_true(vep__jw_round(-2.5, 0) == -3);
    assert_true(vep__jw_round(0.125, 2) == 0.13);
    assert_true(vep__jw_round(1.005, 2) == 1.01);
    assert_true(vep__jw_round(2.675, 2) == 2.68);
    assert_true(vep__jw_round(-2.675, 2) == -2.68);
    assert_true(vep__jw_round(0.1 + 0.2, 2) == 0.3);
    assert_true(vep__jw_round(5.0 * 7 / 6, 4) == 5.8333);
    assert_true(vep__jw_round(9.995, 2) == 10);
    assert_true(vep__jw_round(123456.789, 1) == 123456.8);
    assert_true(vep__jw_round(-0.004, 2) == 0 && !signbit(vep__jw_round(-0.004, 2)));
    assert_true(vep__jw_round(1.25, 5) == 1.25);
    assert_true(isnan(vep__jw_round(NAN, 2)));

    /* mean of 1 and 2 with 0 decimals: 1.5 rounds away from zero */
    f = fx_items(2, 1, "1 2");
    s = add_score(f, "m", VEP_RULE_MEAN, VEP_MISSING_INCOMPLETE, -1, 0);
    use_domain(f, s, "d");
    check(f, "m", VEP_SCORE_COMPLETE, 2);
    assert_true(out_of(f, "m")->raw == 1.5);
    fx_free(f);

    /* weights 0.1 three times: 0.30000000000000004 stored as 0.3 */
    f = fx_items(3, 0.1, "1 1 1");
    s = add_score(f, "w", VEP_RULE_SUM, VEP_MISSING_INCOMPLETE, -1, 2);
    use_domain(f, s, "d");
    check(f, "w", VEP_SCORE_COMPLETE, 0.3);
    fx_free(f);
}

/* ---- Composites and dependency order ------------------------------- */

/* risk (r1, r2), protective (p1, p2) and net = risk - protective, declared
** first so that only score_order gets it right. */
static fx *fx_net(const char *spec, int decimals)
{
    fx *f = fx_new();
    int r = add_domain(f, "risk", VEP_DOMAIN_RISK);
    int p = add_domain(f, "prot", VEP_DOMAIN_PROTECTIVE);
    vep_score_def *net, *rs, *ps;
    add_item(f, "r1", VEP_ITEM_SCALE, r, 1);
    add_item(f, "r2", VEP_ITEM_SCALE, r, 1);
    add_item(f, "r3", VEP_ITEM_SCALE, r, 1);
    add_item(f, "p1", VEP_ITEM_PRESENCE, p, 1);
    add_item(f, "p2", VEP_ITEM_PRESENCE, p, 1);
    answers(f, spec);
    net = add_score(f, "net", VEP_RULE_COMPOSITE, VEP_MISSING_INCOMPLETE, -1, decimals);
    rs = add_score(f, "risk", VEP_RULE_SUM, VEP_MISSING_PRORATE, 1, decimals);
    ps = add_score(f, "prot", VEP_RULE_SUM, VEP_MISSING_INCOMPLETE, -1, 0);
    use_domain(f, rs, "risk");
    use_domain(f, ps, "prot");
    add_term(f, net, VEP_REF_SCORE, "risk", 1);
    add_term(f, net, VEP_REF_SCORE, "prot", -1);
    f->m.score_order = vep__calloc(&f->a, 3, sizeof(int));
    f->m.score_order[0] = 1;
    f->m.score_order[1] = 2;
    f->m.score_order[2] = 0;
    return f;
}

static void test_composite_negative_factor(void **state)
{
    fx *f = fx_net("2 2 1 1 1", 0);
    const vep_score_out *so;
    (void)state;
    check(f, "net", VEP_SCORE_COMPLETE, 3);
    so = out_of(f, "net");
    assert_int_equal(so->ncontribs, 2);
    assert_int_equal(so->contribs[1].kind, VEP_REF_SCORE);
    assert_true(so->contribs[1].weight == -1);
    assert_true(so->contribs[1].contribution == -2);
    fx_free(f);

    f = fx_net("2 1 u 1 1", 2);                          /* risk prorated */
    check(f, "risk", VEP_SCORE_PRORATED, 4.5);
    check(f, "net", VEP_SCORE_PARTIAL, 2.5);
    fx_free(f);

    f = fx_net("0 0 1 1 1", 0);                          /* 1 - 2 */
    check(f, "net", VEP_SCORE_COMPLETE, -1);
    fx_free(f);

    f = fx_net("2 2 1 n n", 0);                          /* prot: no data */
    check(f, "prot", VEP_SCORE_NO_DATA, NAN);
    check(f, "net", VEP_SCORE_INCOMPLETE, NAN);
    assert_int_equal(out_of(f, "net")->unknown, 1);
    fx_free(f);

    f = fx_net("2 2 1 1 1", 0);                          /* broken order */
    f->m.score_order[2] = 1;
    f->m.score_order[0] = 0;
    assert_int_equal(vep__score(&f->ctx), VEP_ERR_INTERNAL);
    fx_free(f);
}

/* ---- Functions ------------------------------------------------------ */

static vep_score_def *add_fn_score(fx *f, const char *id, const char *key)
{
    vep_score_def *s = add_score(f, id, VEP_RULE_FUNCTION, VEP_MISSING_INCOMPLETE, -1, 1);
    static const char *const uses[2] = { "I1", "I2" };
    size_t i;
    s->fn.key = dup(f, key);
    s->fn.uses = vep__calloc(&f->a, 2, sizeof *s->fn.uses);
    s->fn.nuses = 2;
    for (i = 0; i < 2; i++) {
        s->fn.uses[i].kind = VEP_REF_ITEM;
        s->fn.uses[i].id = dup(f, uses[i]);
        s->fn.uses[i].index = (int)i;
    }
    return s;
}

static void test_function_rule(void **state)
{
    fx *f = fx_items(2, 1, "2 1");
    const vep_score_out *so;
    (void)state;
    add_fn_score(f, "fn", "sum");
    add_fn_score(f, "nil", "nil");
    check(f, "fn", VEP_SCORE_COMPLETE, 3);
    so = out_of(f, "fn");
    assert_int_equal(so->ncontribs, 2);
    assert_true(so->contribs[0].weight == 1 && so->contribs[0].contribution == 2);
    assert_string_equal(so->note, "stub sum");
    check(f, "nil", VEP_SCORE_NO_DATA, NAN);
    assert_null(out_of(f, "nil")->note);
    fx_free(f);

    f = fx_items(2, 1, "2 u");
    add_fn_score(f, "fn", "sum");
    add_fn_score(f, "nil", "nil");
    check(f, "fn", VEP_SCORE_PARTIAL, 2);
    assert_int_equal(out_of(f, "fn")->nleft_out, 1);
    check(f, "nil", VEP_SCORE_INCOMPLETE, NAN);
    fx_free(f);

    f = fx_items(2, 1, "2 1");                           /* errors */
    add_fn_score(f, "fn", "limit");
    assert_int_equal(vep__score(&f->ctx), VEP_ERR_LIMIT_INSTRUCTIONS);
    assert_int_equal(f->ctx.fn_status, VEP_ERR_LIMIT_INSTRUCTIONS);
    fx_free(f);
    f = fx_items(2, 1, "2 1");
    add_fn_score(f, "fn", "nan");
    assert_int_equal(vep__score(&f->ctx), VEP_ERR_SCRIPT);
    assert_int_equal(f->diags.n, 1);
    assert_string_equal(f->diags.v[0].item, "fn");
    fx_free(f);
}

/* ---- Levels and flags ----------------------------------------------- */

/* True when `s` ends with `end`. */
static int ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), k = strlen(end);
    return n >= k && strcmp(s + n - k, end) == 0;
}

/* total = sum of I1..I4 (prorate, at most 1 unknown), level "screen" with
** bands low 0-2, high 3-4, top 6-8 (5 is a gap on purpose). */
static fx *fx_screen(const char *spec)
{
    fx *f = fx_items(4, 1, spec);
    vep_score_def *s = add_score(f, "total", VEP_RULE_SUM, VEP_MISSING_PRORATE, 1, 0);
    vep_level_def *l;
    use_domain(f, s, "d");
    l = add_level(f, "screen", "total");
    add_band(f, l, "low", 0, 2);
    add_band(f, l, "high", 3, 4);
    add_band(f, l, "top", 6, 8);
    return f;
}

static void test_levels(void **state)
{
    fx *f = fx_screen("1 1 0 0");
    (void)state;
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    assert_true(f->ctx.out->levels[0].has_value);
    assert_int_equal(f->ctx.out->levels[0].band, 0);
    assert_true(f->ctx.out->levels[0].value == 2);
    fx_free(f);

    f = fx_screen("1 1 1 0");                            /* 3: lower edge */
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    assert_int_equal(f->ctx.out->levels[0].band, 1);
    fx_free(f);

    f = fx_screen("2 2 1 0");                            /* 5: in no band */
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    assert_true(f->ctx.out->levels[0].has_value);
    assert_int_equal(f->ctx.out->levels[0].band, -1);
    fx_free(f);

    f = fx_screen("1 u u 0");                            /* no value */
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    assert_false(f->ctx.out->levels[0].has_value);
    assert_int_equal(f->ctx.out->levels[0].band, -1);
    fx_free(f);
}

static void test_flags(void **state)
{
    fx *f = fx_screen("2 2 2 0");
    vep_flag_def *a, *b, *c;
    (void)state;
    /* "first" reads "second", declared after it */
    a = add_flag(f, "first", VEP_COND_RAISED, VEP_REF_FLAG, "second", 0, NULL);
    b = add_flag(f, "second", VEP_COND_IS, VEP_REF_LEVEL, "screen", 0, "top");
    c = add_flag(f, "third", VEP_COND_AT_LEAST, VEP_REF_SCORE, "total", 7, NULL);
    a->when.ref.index = 1;
    b->when.ref.index = 0;
    c->when.ref.index = 0;
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    assert_true(f->ctx.out->flags[1].raised);            /* 6 is "top" */
    assert_true(f->ctx.out->flags[0].raised);
    assert_false(f->ctx.out->flags[2].raised);
    /* the wording is cond.c's (or the stub's); the verdict ends it */
    assert_true(ends_with(f->ctx.out->flags[0].because, " (holds)"));
    assert_true(ends_with(f->ctx.out->flags[2].because, " (does not hold)"));
    fx_free(f);

    f = fx_screen("2 2 2 0");                            /* a failing function */
    a = add_flag(f, "fn", VEP_COND_FUNCTION, VEP_REF_NONE, "", 0, NULL);
    a->when.fn.key = dup(f, "boom");
    assert_int_equal(vep__score(&f->ctx), VEP_ERR_SCRIPT);
    fx_free(f);
}

/* ---- The judgement check -------------------------------------------- */

/* fx_screen with a judgement whose advisory level is "screen". */
static fx *fx_judged(const char *spec, const char *final, const char *why,
                     vep_rationale_policy policy)
{
    fx *f = fx_screen(spec);
    f->m.judgement.declared = 1;
    f->m.judgement.advisory.kind = VEP_REF_LEVEL;
    f->m.judgement.advisory.id = dup(f, "screen");
    f->m.judgement.advisory.index = 0;
    f->m.judgement.rationale = policy;
    f->as.has_judgement = final != NULL;
    f->as.judgement_level = final ? dup(f, final) : NULL;
    f->as.judgement_rationale = why ? dup(f, why) : NULL;
    assert_int_equal(vep__score(&f->ctx), VEP_OK);
    return f;
}

static void test_judgement_check(void **state)
{
    fx *f = fx_judged("1 0 0 0", "high", NULL, VEP_RATIONALE_WHEN_DIFFERENT);
    (void)state;
    assert_int_equal(vep__judgement_check(&f->ctx), VEP_ERR_ASSESSMENT);
    assert_int_equal(f->diags.n, 1);
    assert_string_equal(f->diags.v[0].rule, "rationale_required");
    assert_string_equal(f->diags.v[0].path, "$.judgement.rationale");
    assert_string_equal(f->diags.v[0].item, "screen");
    assert_string_equal(f->diags.v[0].file, "");
    assert_int_equal(f->diags.v[0].line, 0);
    assert_non_null(strstr(f->diags.v[0].message, "'high'"));
    assert_non_null(strstr(f->diags.v[0].message, "'low'"));
    fx_free(f);

    f = fx_judged("1 0 0 0", "high", " \n\t", VEP_RATIONALE_WHEN_DIFFERENT);
    assert_int_equal(vep__judgement_check(&f->ctx), VEP_ERR_ASSESSMENT);
    fx_free(f);

    f = fx_judged("1 0 0 0", "high", "file shows escalation",
                  VEP_RATIONALE_WHEN_DIFFERENT);
    assert_int_equal(vep__judgement_check(&f->ctx), VEP_OK);
    assert_int_equal(f->diags.n, 0);
    fx_free(f);

    f = fx_judged("1 0 0 0", "low", NULL, VEP_RATIONALE_WHEN_DIFFERENT);
    assert_int_equal(vep__judgement_check(&f->ctx), VEP_OK);   /* same */
    fx_free(f);

    f = fx_judged("1 0 0 0", "high", NULL, VEP_RATIONALE_OPTIONAL);
    assert_int_equal(vep__judgement_check(&f->ctx), VEP_OK);
    fx_free(f);

    f = fx_judged("1 u u 0", "high", NULL, VEP_RATIONALE_WHEN_DIFFERENT);
    assert_int_equal(vep__judgement_check(&f->ctx), VEP_OK);   /* no advisory */
    fx_free(f);

    f = fx_judged("1 0 0 0", NULL, NULL, VEP_RATIONALE_WHEN_DIFFERENT);
    assert_int_equal(vep__judgement_check(&f->ctx), VEP_OK);   /* no judgement */
    fx_free(f);
}

/* ---- Out of memory and names ---------------------------------------- */

/* Fails every allocation of vep__score in turn, on a model with every
** kind of record; each failure must report VEP_ERR_NOMEM and leave outputs
** that free cleanly. */
static void test_out_of_memory(void **state)
{
    fx *f = fx_net("2 1 u 1 1", 2);
    vep_level_def *l = add_level(f, "lv", "net");
    vep_flag_def *fl;
    long n;
    vep_status st;
    (void)state;
    add_band(f, l, "x", -10, 10);
    fl = add_flag(f, "fl", VEP_COND_AT_LEAST, VEP_REF_SCORE, "net", 1, NULL);
    fl->when.ref.index = 0;
    for (n = 1; n < 1000; n++) {
        f->cnt.fail_in = n;
        st = vep__score(&f->ctx);
        f->cnt.fail_in = -1;
        if (st == VEP_OK)
            break;
        assert_int_equal(st, VEP_ERR_NOMEM);
        vep__outputs_free(&f->a, &f->m, f->ctx.out);
        assert_null(f->out.scores);
    }
    assert_int_equal(st, VEP_OK);
    assert_true(n > 5);
    assert_true(out_of(f, "net")->value == 2.5);
    fx_free(f);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(vep__score_status_name(VEP_SCORE_COMPLETE), "complete");
    assert_string_equal(vep__score_status_name(VEP_SCORE_PRORATED), "prorated");
    assert_string_equal(vep__score_status_name(VEP_SCORE_PARTIAL), "partial");
    assert_string_equal(vep__score_status_name(VEP_SCORE_INCOMPLETE), "incomplete");
    assert_string_equal(vep__score_status_name(VEP_SCORE_NO_DATA), "no_data");
    assert_string_equal(vep__score_status_name((vep_score_status)99), "invalid");
    vep__outputs_free(NULL, NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sum_complete),
        cmocka_unit_test(test_prorate_one_unknown_of_seven),
        cmocka_unit_test(test_incomplete_beyond_max_unknown),
        cmocka_unit_test(test_na_excluded_from_denominator),
        cmocka_unit_test(test_missing_and_no_data),
        cmocka_unit_test(test_count_at_least),
        cmocka_unit_test(test_mean_max_min),
        cmocka_unit_test(test_rounding),
        cmocka_unit_test(test_composite_negative_factor),
        cmocka_unit_test(test_function_rule),
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_judgement_check),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
