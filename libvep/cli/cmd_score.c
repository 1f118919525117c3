/*
** cmd_score.c -- vep score SCRIPT ASSESSMENT: validates and scores one
** assessment and writes the result document to standard output.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char score_usage[] =
    "Usage: vep score [OPTIONS] SCRIPT ASSESSMENT\n"
    "\n"
    "Validates the assessment document ASSESSMENT (JSON; '-' reads it from\n"
    "standard input, at most 64 MiB) against the instrument script SCRIPT,\n"
    "scores it and writes the result document (JSON) to standard output.\n"
    "If the assessment is invalid, every problem is reported on standard\n"
    "error as PATH: item 'ID': MESSAGE (RULE) and the exit status is 1.\n";

/* Reads the assessment, loads the script, scores, prints the result.  The
** assessment is read first so that a missing file is reported before the
** (costlier) load. */
static int cmd_score(const cli_options *opts)
{
    vep_engine *engine = NULL;
    vep_instrument *inst = NULL;
    char *json = NULL, *result = NULL;
    size_t len = 0;
    vep_status st;
    int rc;

    if (opts->nargs != 2)
        return cli_usage_error(opts->nargs == 0   ? "score: missing SCRIPT"
                               : opts->nargs == 1 ? "score: missing ASSESSMENT"
                                                  : "score: too many "
                                                    "arguments");
    rc = cli_read_assessment(opts, opts->args[1], &json, &len);
    if (rc != 0)
        goto cleanup;
    rc = cli_engine_new(opts, &engine);
    if (rc != 0)
        goto cleanup;
    rc = cli_load(opts, engine, opts->args[0], &inst);
    if (rc != 0)
        goto cleanup;
    st = vep_score(&result, inst, json, len);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    if (result == NULL) {
        cli_error(opts, VEP_ERR_INTERNAL, "internal",
                  "the library returned no result document");
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    cli_print_document(result, strlen(result));
    rc = CLI_EXIT_OK;

cleanup:
    vep_free(result);
    vep_instrument_free(inst);
    vep_engine_free(engine);
    free(json);
    return rc;
}

const cli_command cli_command_score = {
    "score", "SCRIPT ASSESSMENT", "score an assessment ('-': standard input)",
    score_usage, cmd_score, 0
};
