/*
** cmd_migrate.c -- vep migrate MIGRATION ASSESSMENT: maps an assessment
** made under one major version of an instrument to another with a
** migration script, and writes the migrated assessment to standard output.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char migrate_usage[] =
    "Usage: vep migrate [OPTIONS] MIGRATION ASSESSMENT\n"
    "\n"
    "Applies the migration script MIGRATION to the assessment document\n"
    "ASSESSMENT (JSON; '-' reads standard input, at most 64 MiB) and writes\n"
    "the migrated assessment (JSON) to standard output: its \"instrument\"\n"
    "names the new version, and \"migrations\" records the script (id,\n"
    "version, SHA-256) and every change it made.  Score it with the new\n"
    "version of the instrument (vep score).  If the assessment is not for\n"
    "the migration's source, or an answer is not mapped, every problem is\n"
    "reported on standard error and the exit status is 1; exit status 2\n"
    "means the migration script itself is invalid.\n";

/* Reads the assessment, loads the migration, migrates, prints. */
static int cmd_migrate(const cli_options *opts)
{
    vep_engine *engine = NULL;
    vep_migration *mig = NULL;
    char *json = NULL, *out = NULL;
    size_t len = 0;
    vep_status st;
    int rc;

    if (opts->nargs != 2)
        return cli_usage_error(opts->nargs == 0   ? "migrate: missing MIGRATION"
                               : opts->nargs == 1 ? "migrate: missing ASSESSMENT"
                                                  : "migrate: too many arguments");
    rc = cli_read_assessment(opts, opts->args[1], &json, &len);
    if (rc != 0)
        goto cleanup;
    rc = cli_engine_new(opts, &engine);
    if (rc != 0)
        goto cleanup;
    st = vep_migration_load_file(&mig, engine, opts->args[0]);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    st = vep_migrate(&out, mig, json, len);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    cli_print_document(out, strlen(out));
    rc = CLI_EXIT_OK;

cleanup:
    vep_free(out);
    vep_migration_free(mig);
    vep_engine_free(engine);
    free(json);
    return rc;
}

const cli_command cli_command_migrate = {
    "migrate", "MIGRATION ASSESSMENT", "map an assessment to a new major version",
    migrate_usage, cmd_migrate, 0
};
