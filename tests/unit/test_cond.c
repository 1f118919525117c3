/*
** test_cond.c -- unit tests of cond.c: every kind of condition, evaluated
** and explained, against a model, an assessment and outputs built by hand
** (plain C data: nothing here is allocated by the library).
**
** Build (from the repository root):
**   gcc -std=c99 -Wall -Wextra -Wpedantic -g -fsanitize=address,undefined \
**     -Ilibvep/include -Ilibvep/src $(pkg-config --cflags cmocka) \
**     libvep/src/cond.c libvep/src/utf8.c libvep/src/model.c \
**     libvep/src/alloc.c libvep/src/buf.c tests/unit/test_cond.c \
**     $(pkg-config --libs cmocka) -lm -o /tmp/test_cond
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <locale.h>
#include <cmocka.h>

#include "eval.h"
#include "runtime.h"
#include "utf8.h"

/* Stub of the Lua runtime: the function's key says what it returns. */
vep_status vep__runtime_cond(vep_ctx *ctx, const vep_fn *fn, int *out)
{
    (void)ctx;
    if (strcmp(fn->key, "fail") == 0)
        return VEP_ERR_LIMIT_INSTRUCTIONS;
    *out = strcmp(fn->key, "yes") == 0;
    return VEP_OK;
}

enum { P, L, M, N, T, U, X, NITEMS };

typedef struct world {
    vep_alloc a;
    vep_option lmh[3], xyz[3];
    vep_scale scale;
    vep_item items[NITEMS];
    vep_score_def score;
    vep_band bands[2];
    vep_level_def level;
    vep_flag_def flag;
    vep_model m;
    vep_answer answers[NITEMS];
    unsigned char selected[3];
    vep_assessment as;
    vep_score_out score_out;
    vep_level_out level_out;
    vep_flag_out flag_out;
    vep_outputs out;
    vep_ctx ctx;
    vep_buf b;
} world;

static void opt(vep_option *o, const char *code, double v, int has)
{
    o->code = (char *)code;
    o->value = v;
    o->has_value = has;
}

/* Items P (presence) = present, L (scale lmh) = high, M (multi) = {x, y},
** N (number) = 4, T (text) = "it's here", U (presence) unknown, X
** (presence) not answered; score total = 4; level screen = positive
** (band 1); flag refer raised. */
static int setup(void **state)
{
    static world w;
    static const char *const ids[NITEMS] = { "P", "L", "M", "N", "T", "U",
                                             "X" };
    static const vep_item_type types[NITEMS] = {
        VEP_ITEM_PRESENCE, VEP_ITEM_SCALE, VEP_ITEM_MULTI, VEP_ITEM_NUMBER,
        VEP_ITEM_TEXT, VEP_ITEM_PRESENCE, VEP_ITEM_PRESENCE };
    size_t i;

    memset(&w, 0, sizeof w);
    vep__alloc_init(&w.a, NULL);
    opt(&w.lmh[0], "low", 0, 1);
    opt(&w.lmh[1], "moderate", 1, 1);
    opt(&w.lmh[2], "high", 2, 1);
    opt(&w.xyz[0], "x", 1, 1);
    opt(&w.xyz[1], "y", 2, 1);
    opt(&w.xyz[2], "z", 0, 0);
    w.scale.id = (char *)"lmh";
    w.scale.points = w.lmh;
    w.scale.npoints = 3;
    for (i = 0; i < NITEMS; i++) {
        w.items[i].id = (char *)ids[i];
        w.items[i].type = types[i];
        w.items[i].scale = -1;
        w.answers[i].option = -1;
    }
    w.items[L].scale = 0;
    w.items[M].options = w.xyz;
    w.items[M].noptions = 3;

    w.answers[P].state = VEP_ANSWER_VALUE;
    w.answers[P].option = 1;
    w.answers[P].has_number = 1;
    w.answers[P].number = 1;
    w.answers[L].state = VEP_ANSWER_VALUE;
    w.answers[L].option = 2;
    w.answers[L].has_number = 1;
    w.answers[L].number = 2;
    w.selected[0] = w.selected[1] = 1;
    w.answers[M].state = VEP_ANSWER_VALUE;
    w.answers[M].selected = w.selected;
    w.answers[M].has_number = 1;
    w.answers[M].number = 3;
    w.answers[N].state = VEP_ANSWER_VALUE;
    w.answers[N].has_number = 1;
    w.answers[N].number = 4;
    w.answers[T].state = VEP_ANSWER_VALUE;
    w.answers[T].text = (char *)"it's here";
    w.answers[U].state = VEP_ANSWER_UNKNOWN;

    w.score.id = (char *)"total";
    w.bands[0].level = (char *)"negative";
    w.bands[0].max = 2;
    w.bands[1].level = (char *)"positive";
    w.bands[1].min = 3;
    w.bands[1].max = 12;
    w.level.id = (char *)"screen";
    w.level.bands = w.bands;
    w.level.nbands = 2;
    w.flag.id = (char *)"refer";

    vep__model_init(&w.m, &w.a);
    w.m.id = (char *)"vep-screen";
    w.m.scales = &w.scale;
    w.m.nscales = 1;
    w.m.items = w.items;
    w.m.nitems = NITEMS;
    w.m.scores = &w.score;
    w.m.nscores = 1;
    w.m.levels = &w.level;
    w.m.nlevels = 1;
    w.m.flags = &w.flag;
    w.m.nflags = 1;

    w.as.answers = w.answers;
    w.as.nanswers = NITEMS;
    w.score_out.done = 1;
    w.score_out.has_value = 1;
    w.score_out.value = 4;
    w.level_out.has_value = 1;
    w.level_out.band = 1;
    w.level_out.value = 4;
    w.flag_out.raised = 1;
    w.out.scores = &w.score_out;
    w.out.levels = &w.level_out;
    w.out.flags = &w.flag_out;

    w.ctx.m = &w.m;
    w.ctx.a = &w.a;
    w.ctx.as = &w.as;
    w.ctx.out = &w.out;
    vep__buf_init(&w.b, &w.a);
    *state = &w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    vep__buf_free(&w->b);
    return 0;
}

/* ---- Building conditions (plain data, on the caller's stack) --------- */

static vep_cond leaf(vep_cond_kind kind, vep_ref_kind rk, const char *id,
                     int index)
{
    vep_cond c;
    memset(&c, 0, sizeof c);
    c.kind = kind;
    c.ref.kind = rk;
    c.ref.id = (char *)id;
    c.ref.index = index;
    return c;
}

static vep_cond codes(vep_cond_kind kind, vep_ref_kind rk, const char *id,
                      int index, char **list, size_t n)
{
    vep_cond c = leaf(kind, rk, id, index);
    c.codes = list;
    c.ncodes = n;
    return c;
}

static vep_cond cmp(vep_cond_kind kind, vep_ref_kind rk, const char *id,
                    int index, double number)
{
    vep_cond c = leaf(kind, rk, id, index);
    c.number = number;
    return c;
}

static vep_cond group(vep_cond_kind kind, vep_cond *kids, size_t n)
{
    vep_cond c;
    memset(&c, 0, sizeof c);
    c.kind = kind;
    c.kids = kids;
    c.nkids = n;
    return c;
}

/* Evaluates `c`, checks the truth value and the explanation. */
static void check(world *w, const vep_cond *c, int expect_holds,
                  const char *expect_text)
{
    int holds = -1;
    assert_int_equal(vep__cond_eval(&w->ctx, c, &holds), VEP_OK);
    assert_int_equal(holds, expect_holds);
    vep__buf_reset(&w->b);
    vep__cond_explain(&w->ctx, c, &w->b);
    assert_false(w->b.failed);
    assert_string_equal(vep__buf_str(&w->b), expect_text);
}

/* ---- Tests ------------------------------------------------------------- */

static void test_is(void **state)
{
    world *w = *state;
    char *present[] = { (char *)"present" };
    char *absent[] = { (char *)"absent" };
    char *low_high[] = { (char *)"low", (char *)"high" };
    char *y[] = { (char *)"y" };
    char *z[] = { (char *)"z" };
    char *neg_pos[] = { (char *)"negative", (char *)"positive" };
    char *text[] = { (char *)"it's here" };
    vep_cond c;

    c = codes(VEP_COND_IS, VEP_REF_ITEM, "P", P, present, 1);
    check(w, &c, 1, "item P is 'present' (holds)");
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "P", P, absent, 1);
    check(w, &c, 0, "item P is 'absent' (does not hold: it is 'present')");
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "L", L, low_high, 2);
    check(w, &c, 1, "item L is one of 'low', 'high' (holds: it is 'high')");
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "M", M, y, 1);
    check(w, &c, 1, "item M has 'y' (holds: it has 'x', 'y')");
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "M", M, z, 1);
    check(w, &c, 0, "item M has 'z' (does not hold: it has 'x', 'y')");
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "U", U, present, 1);
    check(w, &c, 0, "item U is 'present' (does not hold: it is unknown)");
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "X", X, present, 1);
    check(w, &c, 0, "item X is 'present' (does not hold: it has no answer)");
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "T", T, text, 1);
    check(w, &c, 1, "item T is 'it's here' (holds)");
    c = codes(VEP_COND_IS, VEP_REF_LEVEL, "screen", 0, neg_pos + 1, 1);
    check(w, &c, 1, "level screen is 'positive' (holds)");
    c = codes(VEP_COND_IS, VEP_REF_LEVEL, "screen", 0, neg_pos, 1);
    check(w, &c, 0,
          "level screen is 'negative' (does not hold: it is 'positive')");
    /* an unresolved reference has no value */
    c = codes(VEP_COND_IS, VEP_REF_ITEM, "Q", -1, present, 1);
    check(w, &c, 0, "item Q is 'present' (does not hold: it has no answer)");
}

static void test_is_not(void **state)
{
    world *w = *state;
    char *absent[] = { (char *)"absent" };
    char *lm[] = { (char *)"low", (char *)"moderate" };
    char *xz[] = { (char *)"x", (char *)"z" };
    char *z[] = { (char *)"z" };
    vep_cond c;

    c = codes(VEP_COND_IS_NOT, VEP_REF_ITEM, "P", P, absent, 1);
    check(w, &c, 1, "item P is not 'absent' (holds: it is 'present')");
    c = codes(VEP_COND_IS_NOT, VEP_REF_ITEM, "L", L, lm, 2);
    check(w, &c, 1,
          "item L is none of 'low', 'moderate' (holds: it is 'high')");
    c = codes(VEP_COND_IS_NOT, VEP_REF_ITEM, "M", M, xz, 2);
    check(w, &c, 0,
          "item M has none of 'x', 'z' (does not hold: it has 'x', 'y')");
    c = codes(VEP_COND_IS_NOT, VEP_REF_ITEM, "M", M, z, 1);
    check(w, &c, 1, "item M does not have 'z' (holds: it has 'x', 'y')");
    /* IS_NOT needs a value */
    c = codes(VEP_COND_IS_NOT, VEP_REF_ITEM, "U", U, absent, 1);
    check(w, &c, 0, "item U is not 'absent' (does not hold: it is unknown)");
}

static void test_compare(void **state)
{
    world *w = *state;
    vep_cond c;

    c = cmp(VEP_COND_AT_LEAST, VEP_REF_ITEM, "N", N, 3);
    check(w, &c, 1, "item N = 4 is at least 3 (holds)");
    c = cmp(VEP_COND_AT_MOST, VEP_REF_ITEM, "N", N, 3.5);
    check(w, &c, 0, "item N = 4 is at most 3.5 (does not hold)");
    c = cmp(VEP_COND_AT_LEAST, VEP_REF_ITEM, "M", M, 3);
    check(w, &c, 1, "item M = 3 is at least 3 (holds)");
    c = cmp(VEP_COND_AT_LEAST, VEP_REF_ITEM, "U", U, 0);
    check(w, &c, 0, "item U is at least 0 (does not hold: it is unknown)");
    c = cmp(VEP_COND_AT_LEAST, VEP_REF_SCORE, "total", 0, 3);
    check(w, &c, 1, "score total = 4 is at least 3 (holds)");
    c = cmp(VEP_COND_AT_MOST, VEP_REF_SCORE, "total", 0, 0.25);
    check(w, &c, 0, "score total = 4 is at most 0.25 (does not hold)");
    w->score_out.has_value = 0;
    c = cmp(VEP_COND_AT_LEAST, VEP_REF_SCORE, "total", 0, 3);
    check(w, &c, 0,
          "score total is at least 3 (does not hold: it has no value)");
    w->score_out.has_value = 1;
    w->answers[N].number = 2.5;
    c = cmp(VEP_COND_AT_MOST, VEP_REF_ITEM, "N", N, 2.5);
    check(w, &c, 1, "item N = 2.5 is at most 2.5 (holds)");
    w->answers[N].number = -0.125;
    c = cmp(VEP_COND_AT_LEAST, VEP_REF_ITEM, "N", N, -1);
    check(w, &c, 1, "item N = -0.125 is at least -1 (holds)");
}

static void test_states(void **state)
{
    world *w = *state;
    vep_cond c;

    c = leaf(VEP_COND_ANSWERED, VEP_REF_ITEM, "P", P);
    check(w, &c, 1, "item P is answered (holds)");
    c = leaf(VEP_COND_ANSWERED, VEP_REF_ITEM, "U", U);
    check(w, &c, 0, "item U is answered (does not hold: it is unknown)");
    w->answers[X].state = VEP_ANSWER_NA;
    c = leaf(VEP_COND_ANSWERED, VEP_REF_ITEM, "X", X);
    check(w, &c, 0,
          "item X is answered (does not hold: it is not applicable)");
    w->answers[X].state = VEP_ANSWER_NOT_RELEVANT;
    check(w, &c, 0, "item X is answered (does not hold: it is not relevant)");
    c = leaf(VEP_COND_UNKNOWN, VEP_REF_ITEM, "U", U);
    check(w, &c, 1, "item U is unknown (holds)");
    c = leaf(VEP_COND_UNKNOWN, VEP_REF_ITEM, "P", P);
    check(w, &c, 0, "item P is unknown (does not hold: it is 'present')");
    c = leaf(VEP_COND_ANSWERED, VEP_REF_SCORE, "total", 0);
    check(w, &c, 1, "score total has a value (holds)");
    c = leaf(VEP_COND_RAISED, VEP_REF_FLAG, "refer", 0);
    check(w, &c, 1, "flag refer is raised (holds)");
    w->flag_out.raised = 0;
    check(w, &c, 0, "flag refer is raised (does not hold)");
}

/* Without outputs (during validation) score, level and flag references
** have no value. */
static void test_no_outputs(void **state)
{
    world *w = *state;
    char *pos[] = { (char *)"positive" };
    vep_cond c;

    w->ctx.out = NULL;
    c = cmp(VEP_COND_AT_LEAST, VEP_REF_SCORE, "total", 0, 0);
    check(w, &c, 0,
          "score total is at least 0 (does not hold: it has no value)");
    c = codes(VEP_COND_IS, VEP_REF_LEVEL, "screen", 0, pos, 1);
    check(w, &c, 0,
          "level screen is 'positive' (does not hold: it has no value)");
    c = leaf(VEP_COND_RAISED, VEP_REF_FLAG, "refer", 0);
    check(w, &c, 0, "flag refer is raised (does not hold)");
    w->ctx.out = &w->out;
}

static void test_groups(void **state)
{
    world *w = *state;
    char *present[] = { (char *)"present" };
    vep_cond kids[3], inner[2], c, nested[2];

    kids[0] = codes(VEP_COND_IS, VEP_REF_ITEM, "P", P, present, 1);
    kids[1] = cmp(VEP_COND_AT_LEAST, VEP_REF_SCORE, "total", 0, 3);
    kids[2] = leaf(VEP_COND_ANSWERED, VEP_REF_ITEM, "U", U);
    c = group(VEP_COND_ALL, kids, 2);
    check(w, &c, 1, "all of: [item P is 'present' (holds); score total = 4 "
                    "is at least 3 (holds)] (holds)");
    c = group(VEP_COND_ALL, kids, 3);
    check(w, &c, 0, "all of: [item P is 'present' (holds); score total = 4 "
                    "is at least 3 (holds); item U is answered (does not "
                    "hold: it is unknown)] (does not hold)");
    c = group(VEP_COND_ANY, kids + 2, 1);
    check(w, &c, 0, "any of: [item U is answered (does not hold: it is "
                    "unknown)] (does not hold)");
    c = group(VEP_COND_ANY, kids, 3);
    check(w, &c, 1, "any of: [item P is 'present' (holds); score total = 4 "
                    "is at least 3 (holds); item U is answered (does not "
                    "hold: it is unknown)] (holds)");
    c = group(VEP_COND_NONE, kids + 2, 1);
    check(w, &c, 1, "none of: [item U is answered (does not hold: it is "
                    "unknown)] (holds)");
    c = group(VEP_COND_NONE, kids, 1);
    check(w, &c, 0, "none of: [item P is 'present' (holds)] (does not hold)");
    c = group(VEP_COND_ALL, NULL, 0);
    check(w, &c, 1, "all of: [] (holds)");
    c = group(VEP_COND_ANY, NULL, 0);
    check(w, &c, 0, "any of: [] (does not hold)");
    c = group(VEP_COND_NONE, NULL, 0);
    check(w, &c, 1, "none of: [] (holds)");

    inner[0] = kids[2];
    inner[1] = leaf(VEP_COND_UNKNOWN, VEP_REF_ITEM, "U", U);
    nested[0] = group(VEP_COND_ANY, inner, 2);
    nested[1] = kids[0];
    c = group(VEP_COND_ALL, nested, 2);
    check(w, &c, 1, "all of: [any of: [item U is answered (does not hold: it "
                    "is unknown); item U is unknown (holds)] (holds); item P "
                    "is 'present' (holds)] (holds)");
}

static void test_function(void **state)
{
    world *w = *state;
    vep_ref uses[2];
    vep_cond c, kids[2];
    int holds = 0;

    memset(&c, 0, sizeof c);
    memset(uses, 0, sizeof uses);
    uses[0].kind = VEP_REF_ITEM;
    uses[0].id = (char *)"P";
    uses[1].kind = VEP_REF_SCORE;
    uses[1].id = (char *)"total";
    c.kind = VEP_COND_FUNCTION;
    c.fn.key = (char *)"yes";
    c.fn.uses = uses;
    c.fn.nuses = 2;
    check(w, &c, 1, "function 'yes' of P, total returns true (holds)");
    c.fn.key = (char *)"no";
    c.fn.nuses = 0;
    check(w, &c, 0, "function 'no' returns false (does not hold)");

    /* a failing function: the status comes back, the text says so */
    c.fn.key = (char *)"fail";
    assert_int_equal(vep__cond_eval(&w->ctx, &c, &holds),
                     VEP_ERR_LIMIT_INSTRUCTIONS);
    kids[0] = leaf(VEP_COND_ANSWERED, VEP_REF_ITEM, "P", P);
    kids[1] = c;
    c = group(VEP_COND_ALL, kids, 2);
    assert_int_equal(vep__cond_eval(&w->ctx, &c, &holds),
                     VEP_ERR_LIMIT_INSTRUCTIONS);
    vep__buf_reset(&w->b);
    vep__cond_explain(&w->ctx, &c, &w->b);
    assert_string_equal(vep__buf_str(&w->b),
                        "all of: [item P is answered (holds); function "
                        "'fail' (could not be evaluated)] (could not be "
                        "evaluated)");
    /* ... but a combination decided earlier does not call it */
    c = group(VEP_COND_ANY, kids, 2);
    assert_int_equal(vep__cond_eval(&w->ctx, &c, &holds), VEP_OK);
    assert_int_equal(holds, 1);
}

/* Numbers are written the same in every locale. */
static void test_locale(void **state)
{
    world *w = *state;
    vep_cond c = cmp(VEP_COND_AT_LEAST, VEP_REF_ITEM, "N", N, 1.5);
    const char *names[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE",
                            "ru_RU.UTF-8" };
    size_t i;

    w->answers[N].number = 2.25;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (setlocale(LC_NUMERIC, names[i]) == NULL)
            continue;
        check(w, &c, 1, "item N = 2.25 is at least 1.5 (holds)");
        setlocale(LC_NUMERIC, "C");
    }
    check(w, &c, 1, "item N = 2.25 is at least 1.5 (holds)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_is, setup, teardown),
        cmocka_unit_test_setup_teardown(test_is_not, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare, setup, teardown),
        cmocka_unit_test_setup_teardown(test_states, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_outputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_function, setup, teardown),
        cmocka_unit_test_setup_teardown(test_locale, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
