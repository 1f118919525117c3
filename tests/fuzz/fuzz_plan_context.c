/*
** fuzz_plan_context.c -- the fuzz bytes as a plan's case context and as
** a result document.
**
** Three bundled plans are evaluated (instruments/plans/vep-plan-rna.lua
** and vep-plan-screen.lua, and examples/host/vep-plan-screen-host.lua,
** whose host conditions call the C functions fz_register_case_hosts
** registers): each on its fixed result (the bundled example scored) with
** the bytes as the case context, whole and in an agency's view or
** another language (chosen by the input's length), and on the bytes as
** the result with its fixed context.  vep_assess runs with the bytes as
** the context of the screening example under the host plan, and as the
** assessment of the screening plan.  Beyond the common checks
** (fuzz_common.h), an evaluation that succeeds gives the same bytes a
** second time.
*/
#include <stdlib.h>
#include <string.h>
#include "fuzz_common.h"

typedef struct fz_case {
    const char *plan_file;
    int instrument;            /* index in fz_state.ins                  */
    const char *assessment;    /* scored for the fixed result            */
    const char *context;
    const char *agency;        /* one the plan declares                  */
} fz_case;

static const fz_case cases[] = {
    { "instruments/plans/vep-plan-rna.lua", 0,
      "examples/assessments/rna-example.json",
      "examples/cases/rna-example.context.json", "police" },
    { "instruments/plans/vep-plan-screen.lua", 1,
      "examples/assessments/screen-positive.json",
      "examples/cases/screen-positive.context.json", "rna_team" },
    { "examples/host/vep-plan-screen-host.lua", 1,
      "examples/assessments/screen-positive.json",
      "examples/cases/screen-positive.context.json", "treatment" },
};
#define NCASES (sizeof cases / sizeof cases[0])

typedef struct fz_state {
    vep_engine *e;
    vep_instrument *ins[2];
    vep_plan *plan[NCASES];
    char *result[NCASES], *context[NCASES], *assessment[NCASES];
    size_t context_len[NCASES], assessment_len[NCASES];
} fz_state;

static fz_state g_state;

/* Frees the state at exit, so that leak checkers see nothing left. */
static void release(void)
{
    fz_state *s = &g_state;
    size_t i;
    for (i = 0; i < NCASES; i++) {
        vep_plan_free(s->plan[i]);
        vep_free(s->result[i]);
        free(s->context[i]);
        free(s->assessment[i]);
    }
    vep_instrument_free(s->ins[0]);
    vep_instrument_free(s->ins[1]);
    vep_engine_free(s->e);
}

/* The engine, instruments, plans and fixed documents, made once. */
static fz_state *state(void)
{
    fz_state *s = &g_state;
    size_t i;
    if (s->e == NULL) {
        s->e = fz_engine_bundled();
        fz_register_case_hosts(s->e);
        s->ins[0] = fz_load_instrument(s->e, "instruments/rna/vep-rna.lua");
        s->ins[1] = fz_load_instrument(s->e,
                                       "instruments/screening/vep-screen.lua");
        for (i = 0; i < NCASES; i++) {
            s->plan[i] = fz_load_plan(s->e, cases[i].plan_file);
            s->result[i] = fz_score_file(s->e, s->ins[cases[i].instrument],
                                        cases[i].assessment);
            s->context[i] = fz_read_file(cases[i].context, &s->context_len[i]);
            s->assessment[i] = fz_read_file(cases[i].assessment,
                                           &s->assessment_len[i]);
        }
        atexit(release);
    }
    return s;
}

/* Evaluates and checks; with `twice`, a success is evaluated again and
** the same bytes must come out. */
static void evaluate(fz_state *s, size_t c, const char *result, size_t rlen,
                     const char *context, size_t clen,
                     const vep_plan_options *o, int twice, const char *what)
{
    char *out = NULL, *again = NULL;
    vep_status st = vep_plan_evaluate(&out, s->plan[c], result, rlen,
                                      context, clen, o);
    if (st == VEP_OK && twice) {
        if (vep_plan_evaluate(&again, s->plan[c], result, rlen, context,
                              clen, o) != VEP_OK || strcmp(out, again) != 0)
            fz_fail("%s: evaluating twice gave different plans", what);
        vep_free(again);
    }
    fz_check_out(st, &out, s->e, what);
}

/* libFuzzer's entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const languages[] = {
        "sr-Latn", "sr-Cyrl", "sq", "en-GB"
    };
    fz_state *s = state();
    const char *d = (const char *)data;
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    char *out = NULL;
    vep_status st;
    size_t c;

    for (c = 0; c < NCASES; c++) {
        evaluate(s, c, s->result[c], strlen(s->result[c]), d, size, NULL, 1,
                 "context");
        o.agency = size % 3 == 0 ? cases[c].agency : NULL;
        o.language = languages[size % 4];
        evaluate(s, c, s->result[c], strlen(s->result[c]), d, size, &o, 0,
                 "context, with options");
        evaluate(s, c, d, size, s->context[c], s->context_len[c], NULL, 1,
                 "result");
    }
    /* vep_assess scores first: the screening instrument, which has no
    ** function rule, keeps each input cheap. */
    st = vep_assess(&out, s->ins[1], s->plan[2], s->assessment[2],
                    s->assessment_len[2], d, size, NULL);
    fz_check_out(st, &out, s->e, "vep_assess, context");
    st = vep_assess(&out, s->ins[1], s->plan[1], d, size, s->context[1],
                    s->context_len[1], NULL);
    fz_check_out(st, &out, s->e, "vep_assess, assessment");
    return 0;
}
