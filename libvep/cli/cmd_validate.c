/*
** cmd_validate.c -- vep validate SCRIPT: loads and checks an instrument or
** a plan script and says what it declares.
*/
#include <stdio.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

static const char validate_usage[] =
    "Usage: vep validate [OPTIONS] SCRIPT\n"
    "\n"
    "Loads the instrument or plan script SCRIPT and checks its definition.\n"
    "Every problem found is reported on standard error as\n"
    "FILE:LINE: item 'ID': MESSAGE (RULE).  When the script is valid, one\n"
    "line on standard output gives its id and version and what it declares:\n"
    "items, scores, levels, flags and test cases of an instrument; agencies,\n"
    "interventions, rules and test cases of a plan.\n";

/* Appends ", N things" (or "(N things" for the first) for the array `key`
** of the describe document, when it has that key.  A number instead of an
** array is taken as the count. */
static void print_count(const cJSON *doc, const char *key, const char *one,
                        const char *many, int *first)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, key);
    long n;

    if (cJSON_IsArray(v))
        n = (long)cJSON_GetArraySize(v);
    else if (cJSON_IsNumber(v) && v->valuedouble >= 0)
        n = (long)v->valuedouble;
    else
        return;
    printf("%s%ld %s", *first ? " (" : ", ", n, n == 1 ? one : many);
    *first = 0;
}

/* Loads the script, describes it for the counts, and prints the summary
** line.  Exit 0 for a valid script, else the status of the failure. */
static int cmd_validate(const cli_options *opts)
{
    vep_engine *engine = NULL;
    vep_instrument *inst = NULL;
    vep_plan *plan = NULL;
    char *desc = NULL;
    cJSON *doc = NULL;
    const char *path;
    vep_status st;
    int first = 1, rc;

    if (opts->nargs != 1)
        return cli_usage_error(opts->nargs == 0
                                   ? "validate: missing SCRIPT"
                                   : "validate: too many arguments");
    path = opts->args[0];
    rc = cli_engine_new(opts, &engine);
    if (rc != 0)
        goto cleanup;
    st = cli_load_script(engine, path, &inst, &plan);
    if (st == VEP_OK)
        st = inst ? vep_instrument_describe(&desc, inst, NULL)
                  : vep_plan_describe(&desc, plan, NULL);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    doc = cJSON_Parse(desc);
    if (doc == NULL) {
        cli_error(opts, VEP_ERR_INTERNAL, "internal",
                  "the library's description of '%s' is not valid JSON",
                  path);
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    if (inst) {
        printf("%s: instrument %s %s is valid", path, vep_instrument_id(inst),
               vep_instrument_version(inst));
        print_count(doc, "items", "item", "items", &first);
        print_count(doc, "scores", "score", "scores", &first);
        print_count(doc, "levels", "level", "levels", &first);
        print_count(doc, "flags", "flag", "flags", &first);
    } else {
        printf("%s: plan %s %s is valid", path, vep_plan_id(plan), vep_plan_version(plan));
        print_count(doc, "agencies", "agency", "agencies", &first);
        print_count(doc, "interventions", "intervention", "interventions", &first);
        print_count(doc, "rules", "rule", "rules", &first);
    }
    print_count(doc, "tests", "test case", "test cases", &first);
    fputs(first ? "\n" : ")\n", stdout);
    rc = CLI_EXIT_OK;

cleanup:
    cJSON_Delete(doc);
    vep_free(desc);
    vep_instrument_free(inst);
    vep_plan_free(plan);
    vep_engine_free(engine);
    return rc;
}

const cli_command cli_command_validate = {
    "validate", "SCRIPT", "load and check an instrument or plan script",
    validate_usage, cmd_validate, 0
};
