/*
** test_oom.c -- out-of-memory injection in the manner of SQLite, over every
** operation of the public API at once: every allocation goes through the
** engine's allocator (JSON trees included, json.h; a tripwire on cJSON's
** process-wide hooks proves none goes around it), and allocation N fails
** for N = 1, 2, ... until the operation succeeds.  Every failure
** must return VEP_ERR_NOMEM with a message, leave *out NULL, leak nothing
** in the allocator, and leave the engine as usable as before; a
** failure the operation absorbs must not change its result.
**
** The operations: loading an instrument (plain, with Lua function rules,
** an overlay), a plan and a migration; validating; scoring; writing the
** description, the schema, the lint report and the test report; the
** diagnostics document; evaluating a plan; assess; migrating; and scoring
** and planning with host functions.  The number of failure points each
** exercised is printed, for docs/SECURITY.md.
*/
#include "api_fixture.h"

#define SCREEN    "instruments/screening/vep-screen.lua"
#define RNA       "instruments/rna/vep-rna.lua"
#define OVERLAY   "instruments/rs/vep-screen-rs.lua"
#define PLAN_RNA  "instruments/plans/vep-plan-rna.lua"
#define PLAN_HOST "examples/host/vep-plan-screen-host.lua"
#define MIGRATION "examples/migration/vep-screen-1-to-2.lua"
#define POSITIVE  "examples/assessments/screen-positive.json"
#define RNA_DOC   "examples/assessments/rna-example.json"
#define RNA_CTX   "examples/cases/rna-example.context.json"
#define SCR_CTX   "examples/cases/screen-positive.context.json"

/* libvep must never allocate through cJSON: cJSON's hooks are
** process-global, so its allocations could not reach the engine's
** allocator.  This test program owns the process, so it sets a tripwire
** there: every allocation cJSON makes while an operation runs is counted,
** and the count must stay 0. */
static unsigned long g_cjson_calls;

static void *cj_malloc(size_t n)
{
    g_cjson_calls++;
    return malloc(n);
}

/* Arms the tripwire (1) or takes it away and checks it (0). */
static void cjson_tripwire(int on, const char *what)
{
    cJSON_Hooks hooks = { cj_malloc, free };
    if (on) {
        g_cjson_calls = 0;
        cJSON_InitHooks(&hooks);
        return;
    }
    cJSON_InitHooks(NULL);
    if (g_cjson_calls != 0)
        fail_msg("%s: %lu allocations through cJSON's process-wide hooks",
                 what, g_cjson_calls);
}

/* What every operation needs besides the fixture's: documents, handles
** made by an operation, and a host function for the plans that use one. */
typedef struct oom_case {
    fx_oom_op *op;
    char *doc, *ctx, *result;
    vep_plan *plan;
    vep_migration *mig;
    const char *path;
} oom_case;

static oom_case g;          /* the case the run functions work on */

static int64_t open_referrals(const char *subject)
{
    return strcmp(subject, "P-0001") == 0 ? 1 : 0;
}

static int completed_elsewhere(void *ud, vep_host_call *call)
{
    (void)ud;
    return vep_host_call_return_bool(call, strcmp(vep_host_call_arg_string(call, 1),
                                                  "KEYWORKER") == 0) != VEP_OK;
}

/* ---- The operations ------------------------------------------------------ */

static vep_status run_load(fx_oom_op *op)
{
    op->made = (vep_instrument *)op;
    return vep_instrument_load_file(&op->made, op->e, fx_path(g.path));
}

static char *finish_load(fx_oom_op *op)
{
    char *sig = strdup(vep_instrument_sha256(op->made));
    vep_instrument_free(op->made);
    op->made = NULL;
    return sig;
}

static vep_status run_load_plan(fx_oom_op *op)
{
    g.plan = (vep_plan *)op;
    return vep_plan_load_file(&g.plan, op->e, fx_path(g.path));
}

static char *finish_load_plan(fx_oom_op *op)
{
    char *sig = strdup(vep_plan_sha256(g.plan));
    (void)op;
    vep_plan_free(g.plan);
    g.plan = NULL;
    return sig;
}

static vep_status run_load_migration(fx_oom_op *op)
{
    g.mig = (vep_migration *)op;
    return vep_migration_load_file(&g.mig, op->e, fx_path(MIGRATION));
}

static char *finish_load_migration(fx_oom_op *op)
{
    char *sig = strdup(vep_migration_sha256(g.mig));
    (void)op;
    vep_migration_free(g.mig);
    g.mig = NULL;
    return sig;
}

static vep_status run_validate(fx_oom_op *op)
{
    return vep_validate(op->ins, g.doc, strlen(g.doc));
}

static char *finish_status(fx_oom_op *op)
{
    (void)op;
    return strdup("ok");
}

static vep_status run_score(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_score(&op->out, op->ins, g.doc, strlen(g.doc));
}

static vep_status run_describe(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_instrument_describe(&op->out, op->ins, "sr-Cyrl");
}

static vep_status run_schema(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_instrument_schema(&op->out, op->ins);
}

static vep_status run_lint(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_instrument_lint(&op->out, NULL, op->ins);
}

static vep_status run_case_tests(fx_oom_op *op)
{
    size_t failed;
    op->out = (char *)op;
    return vep_instrument_run_tests(&op->out, &failed, op->ins);
}

static vep_status run_plan_tests(fx_oom_op *op)
{
    size_t failed;
    op->out = (char *)op;
    return vep_plan_run_tests(&op->out, &failed, g.plan);
}

/* The diagnostics document of an invalid assessment: the failing
** validation runs disarmed, so that only the writing of the document
** counts. */
static vep_status run_diag_json(fx_oom_op *op)
{
    unsigned long keep = op->a.fail_at;
    vep_status st;
    op->a.fail_at = 0;
    st = vep_validate(op->ins, "{\"instrument\": 1}", 17);
    op->a.fail_at = keep;
    op->a.count = 0;
    if (st != VEP_ERR_ASSESSMENT)
        return VEP_ERR_INTERNAL;
    op->out = (char *)op;
    return vep_diag_json(&op->out, op->e);
}

static vep_status run_evaluate(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_plan_evaluate(&op->out, g.plan, g.result, strlen(g.result), g.ctx,
                             strlen(g.ctx), NULL);
}

static vep_status run_assess(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_assess(&op->out, op->ins, g.plan, g.doc, strlen(g.doc), g.ctx,
                      strlen(g.ctx), NULL);
}

static vep_status run_migrate(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_migrate(&op->out, g.mig, g.doc, strlen(g.doc));
}

/* ---- The loop over them ------------------------------------------------- */

typedef struct oom_op_def {
    const char *what;
    const char *instrument;     /* loaded before the loop, or NULL     */
    const char *plan, *doc, *ctx;
    int migration, hosts, keep_diags;
    vep_status (*run)(fx_oom_op *);
    char *(*finish)(fx_oom_op *);
    const char *path;           /* for the loads                        */
} oom_op_def;

static const oom_op_def ops[] = {
    { "load an instrument", NULL, NULL, NULL, NULL, 0, 0, 0, run_load, finish_load, SCREEN },
    { "load an instrument with functions", NULL, NULL, NULL, NULL, 0, 0, 0, run_load, finish_load, RNA },
    { "load an overlay", NULL, NULL, NULL, NULL, 0, 0, 0, run_load, finish_load, OVERLAY },
    { "load a plan", NULL, NULL, NULL, NULL, 0, 0, 0, run_load_plan, finish_load_plan, PLAN_RNA },
    { "load a migration", NULL, NULL, NULL, NULL, 0, 0, 0, run_load_migration, finish_load_migration, NULL },
    { "validate", SCREEN, NULL, POSITIVE, NULL, 0, 0, 0, run_validate, finish_status, NULL },
    { "score", SCREEN, NULL, POSITIVE, NULL, 0, 0, 0, run_score, fx_finish_out, NULL },
    { "score with functions", RNA, NULL, RNA_DOC, NULL, 0, 0, 0, run_score, fx_finish_out, NULL },
    { "describe", OVERLAY, NULL, NULL, NULL, 0, 0, 0, run_describe, fx_finish_out, NULL },
    { "schema", RNA, NULL, NULL, NULL, 0, 0, 0, run_schema, fx_finish_out, NULL },
    { "lint", RNA, NULL, NULL, NULL, 0, 0, 0, run_lint, fx_finish_out, NULL },
    { "run the test cases", SCREEN, NULL, NULL, NULL, 0, 0, 0, run_case_tests, fx_finish_out, NULL },
    { "write the diagnostics", SCREEN, NULL, NULL, NULL, 0, 0, 1, run_diag_json, fx_finish_out, NULL },
    { "evaluate a plan", RNA, PLAN_RNA, RNA_DOC, RNA_CTX, 0, 0, 0, run_evaluate, fx_finish_out, NULL },
    { "assess", RNA, PLAN_RNA, RNA_DOC, RNA_CTX, 0, 0, 0, run_assess, fx_finish_out, NULL },
    { "run a plan's test cases", SCREEN, PLAN_HOST, NULL, NULL, 0, 0, 0, run_plan_tests, fx_finish_out, NULL },
    { "assess with host functions", SCREEN, PLAN_HOST, POSITIVE, SCR_CTX, 0, 1, 0, run_assess, fx_finish_out, NULL },
    { "migrate", NULL, NULL, POSITIVE, NULL, 1, 0, 0, run_migrate, fx_finish_out, NULL },
};

/* Sets up the case of `d` (disarmed), runs the loop, tears it down. */
static unsigned long run_one(const oom_op_def *d, int persistent)
{
    fx_oom_op *op = fx_oom_new(d->instrument);
    unsigned long points;
    memset(&g, 0, sizeof g);
    g.op = op;
    g.path = d->path;
    if (d->hosts) {
        assert_int_equal(vep_host_register(op->e, "open_referrals", "int64 (string subject)",
                                           (vep_host_fn)open_referrals, NULL), VEP_OK);
        assert_int_equal(vep_host_register_callback(op->e, "completed_elsewhere",
                         "bool (string subject, string programme)", completed_elsewhere, NULL),
                         VEP_OK);
    }
    if (d->plan != NULL)
        assert_int_equal(vep_plan_load_file(&g.plan, op->e, fx_path(d->plan)), VEP_OK);
    if (d->migration)
        assert_int_equal(vep_migration_load_file(&g.mig, op->e, fx_path(MIGRATION)), VEP_OK);
    if (d->doc != NULL)
        g.doc = fx_read(fx_path(d->doc), NULL);
    if (d->ctx != NULL)
        g.ctx = fx_read(fx_path(d->ctx), NULL);
    if (d->plan != NULL && d->doc != NULL) {
        assert_int_equal(vep_score(&g.result, op->ins, g.doc, strlen(g.doc)), VEP_OK);
    }
    fx_clear(op->e);
    op->ok = VEP_OK;
    op->run = d->run;
    op->finish = d->finish;
    op->keep_diags = d->keep_diags;
    cjson_tripwire(1, d->what);
    fx_alloc_arm(&op->a, 0, 0);        /* count one run's allocations */
    assert_int_equal(op->run(op), VEP_OK);
    points = op->a.count;
    free(op->finish(op));
    if (!op->keep_diags)
        fx_clear(op->e);
    fx_oom_loop(op, d->what, persistent);
    cjson_tripwire(0, d->what);
    vep_free(g.result);
    free(g.doc);
    free(g.ctx);
    vep_plan_free(g.plan);
    vep_migration_free(g.mig);
    fx_oom_free(op);
    return points;
}

static void test_every_operation(void **state)
{
    unsigned long total = 0, points;
    size_t i;
    int persistent;
    (void)state;
    for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
        for (persistent = 0; persistent < 2; persistent++) {
            points = run_one(&ops[i], persistent);
            if (!persistent) {
                printf("oom: %-36s %lu allocation points\n", ops[i].what, points);
                total += points;
            }
        }
    printf("oom: %lu allocation failure points in %zu operations, each failed once "
           "and from then on%s\n", total, sizeof ops / sizeof ops[0],
           fx_quick() ? " (sampled: quick mode)" : "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_operation),
    };
    fx_filter();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
