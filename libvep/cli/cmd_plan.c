/*
** cmd_plan.c -- vep plan PLAN RESULT --context CASE and
** vep assess INSTRUMENT PLAN ASSESSMENT --context CASE: the individual
** plan from a saved result, or scoring and plan in one go.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

static const char plan_usage[] =
    "Usage: vep plan [OPTIONS] PLAN RESULT --context CASE\n"
    "\n"
    "Derives the individual plan from the result document RESULT (as\n"
    "'vep score' writes it; '-' reads it from standard input) with the plan\n"
    "script PLAN and the case context CASE (JSON: the as-of date, release\n"
    "date, programmes, events...), and writes the plan document (JSON) to\n"
    "standard output.  Rules that disagree are listed under \"conflicts\"\n"
    "and reported as a warning: the team resolves them.\n"
    "\n"
    "  --context=FILE   the case context (required)\n"
    "  --agency=NAME    only what agency NAME may see (need to know)\n"
    "  --lang=TAG       the language of titles (default: the plan's first)\n";

static const char assess_usage[] =
    "Usage: vep assess [OPTIONS] INSTRUMENT PLAN ASSESSMENT --context CASE\n"
    "\n"
    "Scores ASSESSMENT with the instrument script INSTRUMENT and derives the\n"
    "plan from its result with PLAN, in one go.  Writes {\"result\": ...,\n"
    "\"plan\": ...}; with --agency only {\"plan\": VIEW}, since a need-to-know\n"
    "view never carries the result.\n"
    "\n"
    "  --context=FILE   the case context (required)\n"
    "  --agency=NAME    only what agency NAME may see (need to know)\n"
    "  --lang=TAG       the language of titles (default: the plan's first)\n";

/* Loads a plan script, reporting every problem the loader found. */
static int load_plan(const cli_options *opts, vep_engine *engine,
                     const char *path, vep_plan **out)
{
    vep_status st = vep_plan_load_file(out, engine, path);
    if (st == VEP_OK)
        return CLI_EXIT_OK;
    *out = NULL;
    cli_report(opts, engine, st);
    return cli_exit_for_status(st);
}

/* Warns when the plan document lists conflicts: a plan with conflicts is
** still written, since resolving them is the team's decision. */
static void warn_conflicts(const cli_options *opts, const char *doc)
{
    cJSON *root = cJSON_Parse(doc), *plan, *conflicts;
    int n;
    if (root == NULL)
        return;
    plan = cJSON_GetObjectItemCaseSensitive(root, "plan");
    conflicts = cJSON_GetObjectItemCaseSensitive(plan ? plan : root, "conflicts");
    n = cJSON_IsArray(conflicts) ? cJSON_GetArraySize(conflicts) : 0;
    if (n > 0)
        cli_warning(opts, "the plan has %d conflict%s between rules (see \"conflicts\"); "
                    "the team must resolve %s", n, n == 1 ? "" : "s",
                    n == 1 ? "it" : "them");
    cJSON_Delete(root);
}

/* Reads the documents, loads the scripts, and evaluates: the shared body
** of both commands.  `instrument` is NULL for vep plan. */
static int run(const cli_options *opts, const char *instrument,
               const char *plan_path, const char *input)
{
    vep_engine *engine = NULL;
    vep_instrument *inst = NULL;
    vep_plan *plan = NULL;
    vep_plan_options po = VEP_PLAN_OPTIONS_INIT;
    char *json = NULL, *ctx = NULL, *out = NULL;
    size_t len = 0, ctxlen = 0;
    vep_status st;
    int rc;

    if (opts->context == NULL) {
        rc = cli_usage_error("%s: missing --context CASE (the case context: "
                             "at least {\"as_of\": \"YYYY-MM-DD\"})",
                             instrument ? "assess" : "plan");
        goto cleanup;
    }
    if (strcmp(input, "-") == 0 && strcmp(opts->context, "-") == 0) {
        rc = cli_usage_error("only one of the documents can be read from "
                             "standard input");
        goto cleanup;
    }
    rc = cli_read_assessment(opts, input, &json, &len);
    if (rc != 0)
        goto cleanup;
    rc = cli_read_assessment(opts, opts->context, &ctx, &ctxlen);
    if (rc != 0)
        goto cleanup;
    rc = cli_engine_new(opts, &engine);
    if (rc != 0)
        goto cleanup;
    if (instrument) {
        rc = cli_load(opts, engine, instrument, &inst);
        if (rc != 0)
            goto cleanup;
    }
    rc = load_plan(opts, engine, plan_path, &plan);
    if (rc != 0)
        goto cleanup;
    po.agency = opts->agency;
    po.language = opts->lang;
    if (inst)
        st = vep_assess(&out, inst, plan, json, len, ctx, ctxlen, &po);
    else
        st = vep_plan_evaluate(&out, plan, json, len, ctx, ctxlen, &po);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    cli_print_document(out, strlen(out));
    warn_conflicts(opts, out);
    rc = CLI_EXIT_OK;
cleanup:
    vep_free(out);
    vep_plan_free(plan);
    vep_instrument_free(inst);
    vep_engine_free(engine);
    free(ctx);
    free(json);
    return rc;
}

/* vep plan PLAN RESULT */
static int cmd_plan(const cli_options *opts)
{
    if (opts->nargs != 2)
        return cli_usage_error(opts->nargs == 0   ? "plan: missing PLAN"
                               : opts->nargs == 1 ? "plan: missing RESULT"
                                                  : "plan: too many arguments");
    return run(opts, NULL, opts->args[0], opts->args[1]);
}

/* vep assess INSTRUMENT PLAN ASSESSMENT */
static int cmd_assess(const cli_options *opts)
{
    if (opts->nargs != 3)
        return cli_usage_error(opts->nargs == 0   ? "assess: missing INSTRUMENT"
                               : opts->nargs == 1 ? "assess: missing PLAN"
                               : opts->nargs == 2 ? "assess: missing ASSESSMENT"
                                                  : "assess: too many arguments");
    return run(opts, opts->args[0], opts->args[1], opts->args[2]);
}

const cli_command cli_command_plan = {
    "plan", "PLAN RESULT", "derive the plan from a result (--context CASE)",
    plan_usage, cmd_plan, CLI_TAKES_LANG | CLI_TAKES_CONTEXT
};

const cli_command cli_command_assess = {
    "assess", "INSTR PLAN ASSESSMENT",
    "score and plan in one go (--context CASE)", assess_usage, cmd_assess,
    CLI_TAKES_LANG | CLI_TAKES_CONTEXT
};
