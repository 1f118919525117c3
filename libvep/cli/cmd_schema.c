/*
** cmd_schema.c -- vep schema SCRIPT: prints the JSON Schema (draft
** 2020-12) of the assessment documents the instrument accepts.
*/
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const char schema_usage[] =
    "Usage: vep schema [OPTIONS] SCRIPT\n"
    "\n"
    "Loads the instrument script SCRIPT and writes to standard output a\n"
    "JSON Schema (draft 2020-12) of the assessment documents it accepts:\n"
    "per item the value's codes, range or length, the missing-data states\n"
    "it allows and whether it is required, and the judgement's levels.\n"
    "Hosts validate their forms with it; every document the instrument\n"
    "accepts is valid under it.  What a schema cannot express (conditional\n"
    "items, the limit on unknown answers, a rationale for a departure from\n"
    "the advisory level) is named in its \"$comment\"s and left to\n"
    "'vep score'.  Script errors are reported as by 'vep validate'.\n";

/* Loads the script and prints its schema.  Exit 0, or the status of the
** failure. */
static int cmd_schema(const cli_options *opts)
{
    vep_engine *engine = NULL;
    vep_instrument *inst = NULL;
    char *schema = NULL;
    vep_status st;
    int rc;

    if (opts->nargs != 1)
        return cli_usage_error(opts->nargs == 0 ? "schema: missing SCRIPT"
                                                : "schema: too many "
                                                  "arguments");
    rc = cli_engine_new(opts, &engine);
    if (rc != 0)
        goto cleanup;
    rc = cli_load(opts, engine, opts->args[0], &inst);
    if (rc != 0)
        goto cleanup;
    st = vep_instrument_schema(&schema, inst);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    cli_print_document(schema, strlen(schema));
    rc = CLI_EXIT_OK;

cleanup:
    vep_free(schema);
    vep_instrument_free(inst);
    vep_engine_free(engine);
    return rc;
}

const cli_command cli_command_schema = {
    "schema", "SCRIPT", "print the JSON Schema of the assessment document",
    schema_usage, cmd_schema, 0
};
