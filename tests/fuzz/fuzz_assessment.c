/*
** fuzz_assessment.c -- the fuzz bytes as an assessment document.
**
** Each input is validated and scored against the bundled screening and
** risk-and-needs instruments (the latter with a function rule) and
** tests/fuzz/data/fuzz-types.lua (every item type, function conditions
** and scores that read text and dates), loaded once per process.  Beyond
** the common checks (fuzz_common.h): vep_validate and vep_score agree on
** whether the document is valid, and scoring the same bytes twice gives
** the same bytes.
*/
#include <stdlib.h>
#include <string.h>
#include "fuzz_common.h"

static const char *const instruments[] = {
    "instruments/screening/vep-screen.lua",
    "instruments/rna/vep-rna.lua",
    "tests/fuzz/data/fuzz-types.lua",
};
#define NINS (sizeof instruments / sizeof instruments[0])

typedef struct fz_state {
    vep_engine *e;
    vep_instrument *ins[NINS];
} fz_state;

static fz_state g_state;

/* Frees the state at exit, so that leak checkers see nothing left. */
static void release(void)
{
    size_t i;
    for (i = 0; i < NINS; i++)
        vep_instrument_free(g_state.ins[i]);
    vep_engine_free(g_state.e);
}

/* The engine and the instruments, made at the first input and kept for
** the life of the process (a fuzzer runs millions of inputs). */
static fz_state *state(void)
{
    size_t i;
    if (g_state.e == NULL) {
        g_state.e = fz_engine_bundled();
        for (i = 0; i < NINS; i++)
            g_state.ins[i] = fz_load_instrument(g_state.e, instruments[i]);
        atexit(release);
    }
    return &g_state;
}

/* Validates and scores the document against one instrument. */
static void one(vep_engine *e, vep_instrument *ins, const char *doc,
                size_t n)
{
    char *out = NULL, *again = NULL;
    vep_status vst, st, st2;

    vst = vep_validate(ins, doc, n);
    fz_check_status(vst, "vep_validate");
    if (vst != VEP_OK)
        fz_check_diag(e, vst, "vep_validate");
    st = vep_score(&out, ins, doc, n);
    if (vst == VEP_OK ? st == VEP_ERR_ASSESSMENT : st != vst)
        fz_fail("%s: vep_validate gave %s, vep_score %s",
                vep_instrument_id(ins), vep_status_name(vst),
                vep_status_name(st));
    if (st == VEP_OK) {
        st2 = vep_score(&again, ins, doc, n);
        if (st2 != VEP_OK || strcmp(out, again) != 0)
            fz_fail("%s: scoring the same document twice gave different "
                    "results", vep_instrument_id(ins));
        vep_free(again);
    }
    fz_check_out(st, &out, e, "vep_score");
}

/* libFuzzer's entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_state *s = state();
    size_t i;
    for (i = 0; i < NINS; i++)
        one(s->e, s->ins[i], (const char *)data, size);
    return 0;
}
