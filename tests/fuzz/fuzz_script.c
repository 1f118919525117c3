/*
** fuzz_script.c -- the fuzz bytes as script source.
**
** Each input is loaded from memory as an instrument, as a plan and as a
** migration script, through an engine with small limits (4 MiB,
** 200,000 instructions, 200 ms) that has the host functions of the
** bundled host plan registered.  What loads is then used as a host would:
** an instrument is described (in its first language and in Serbian
** Cyrillic, which goes through the transliteration), written as a JSON
** Schema, linted and its test cases run; a plan is described, linted, its
** test cases run, and evaluated on two fixed results and contexts; a
** migration migrates a fixed assessment.  Every outcome gets the common
** checks (fuzz_common.h).
*/
#include <stdlib.h>
#include <string.h>
#include "fuzz_common.h"

#define RNA_DOC "examples/assessments/rna-example.json"
#define RNA_CONTEXT "examples/cases/rna-example.context.json"
#define SCREEN_DOC "examples/assessments/screen-positive.json"
#define SCREEN_CONTEXT "examples/cases/screen-positive.context.json"

typedef struct fz_state {
    vep_engine *e;             /* the small engine of fuzzed scripts     */
    char *result[2];           /* fixed results: risk and needs, screen  */
    char *context[2];          /* and their case contexts                */
    size_t context_len[2];
    char *screen_doc;          /* an assessment for migrations           */
    size_t screen_len;
} fz_state;

static fz_state g_state;

/* Frees the state at exit, so that leak checkers see nothing left. */
static void release(void)
{
    fz_state *s = &g_state;
    int i;
    for (i = 0; i < 2; i++) {
        vep_free(s->result[i]);
        free(s->context[i]);
    }
    free(s->screen_doc);
    vep_engine_free(s->e);
}

/* The engines, the fixed results and documents, made once. */
static fz_state *state(void)
{
    fz_state *s = &g_state;
    if (s->e == NULL) {
        vep_engine *b = fz_engine_bundled();
        vep_instrument *rna, *scr;
        rna = fz_load_instrument(b, "instruments/rna/vep-rna.lua");
        scr = fz_load_instrument(b, "instruments/screening/vep-screen.lua");
        s->result[0] = fz_score_file(b, rna, RNA_DOC);
        s->result[1] = fz_score_file(b, scr, SCREEN_DOC);
        s->context[0] = fz_read_file(RNA_CONTEXT, &s->context_len[0]);
        s->context[1] = fz_read_file(SCREEN_CONTEXT, &s->context_len[1]);
        s->screen_doc = fz_read_file(SCREEN_DOC, &s->screen_len);
        vep_instrument_free(rna);
        vep_instrument_free(scr);
        vep_engine_free(b);
        s->e = fz_engine_small();
        fz_register_case_hosts(s->e);
        atexit(release);
    }
    return s;
}

/* Uses an instrument that loaded. */
static void use_instrument(vep_engine *e, vep_instrument *ins)
{
    const char *sha = vep_instrument_sha256(ins);
    char *out = NULL;
    size_t n = 0;
    vep_status st;

    if (vep_instrument_id(ins) == NULL || vep_instrument_version(ins) == NULL
        || sha == NULL || strlen(sha) != 64)
        fz_fail("an instrument without id, version or SHA-256");
    st = vep_instrument_describe(&out, ins, NULL);
    fz_check_out(st, &out, e, "describe");
    st = vep_instrument_describe(&out, ins, "sr-Cyrl");
    fz_check_out(st, &out, e, "describe sr-Cyrl");
    st = vep_instrument_schema(&out, ins);
    fz_check_out(st, &out, e, "schema");
    st = vep_instrument_lint(&out, &n, ins);
    fz_check_out(st, &out, e, "lint");
    st = vep_instrument_run_tests(&out, &n, ins);
    fz_check_out(st, &out, e, "run_tests");
}

/* Uses a plan that loaded: also evaluates it on the fixed results, the
** second time in Serbian Cyrillic. */
static void use_plan(fz_state *s, vep_plan *plan)
{
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    char *out = NULL;
    size_t n = 0, i;
    vep_status st;

    if (vep_plan_id(plan) == NULL || vep_plan_instrument(plan) == NULL
        || vep_plan_sha256(plan) == NULL)
        fz_fail("a plan without id, instrument or SHA-256");
    st = vep_plan_describe(&out, plan, NULL);
    fz_check_out(st, &out, s->e, "plan describe");
    st = vep_plan_lint(&out, &n, plan);
    fz_check_out(st, &out, s->e, "plan lint");
    st = vep_plan_run_tests(&out, &n, plan);
    fz_check_out(st, &out, s->e, "plan run_tests");
    for (i = 0; i < 2; i++) {
        st = vep_plan_evaluate(&out, plan, s->result[i], strlen(s->result[i]),
                               s->context[i], s->context_len[i], NULL);
        fz_check_out(st, &out, s->e, "plan evaluate");
    }
    o.language = "sr-Cyrl";
    st = vep_plan_evaluate(&out, plan, s->result[1], strlen(s->result[1]),
                           s->context[1], s->context_len[1], &o);
    fz_check_out(st, &out, s->e, "plan evaluate sr-Cyrl");
}

/* libFuzzer's entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_state *s = state();
    const char *src = (const char *)data;
    vep_instrument *ins = NULL;
    vep_plan *plan = NULL;
    vep_migration *mig = NULL;
    vep_status st;

    st = vep_instrument_load_buffer(&ins, s->e, "fuzz.lua", src, size);
    fz_check_status(st, "vep_instrument_load_buffer");
    if (st == VEP_OK) {
        use_instrument(s->e, ins);
        vep_instrument_free(ins);
    } else {
        if (ins != NULL)
            fz_fail("a failed load gave an instrument");
        fz_check_diag(s->e, st, "vep_instrument_load_buffer");
    }

    st = vep_plan_load_buffer(&plan, s->e, "fuzz-plan.lua", src, size);
    fz_check_status(st, "vep_plan_load_buffer");
    if (st == VEP_OK) {
        use_plan(s, plan);
        vep_plan_free(plan);
    } else {
        if (plan != NULL)
            fz_fail("a failed load gave a plan");
        fz_check_diag(s->e, st, "vep_plan_load_buffer");
    }

    st = vep_migration_load_buffer(&mig, s->e, "fuzz-migration.lua", src, size);
    fz_check_status(st, "vep_migration_load_buffer");
    if (st == VEP_OK) {
        char *out = NULL;
        st = vep_migrate(&out, mig, s->screen_doc, s->screen_len);
        fz_check_out(st, &out, s->e, "vep_migrate");
        vep_migration_free(mig);
    } else {
        if (mig != NULL)
            fz_fail("a failed load gave a migration");
        fz_check_diag(s->e, st, "vep_migration_load_buffer");
    }
    return 0;
}
