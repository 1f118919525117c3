/*
** cmd_test.c -- vep test SCRIPT|DIR: runs the test cases that instruments
** and plans declare, one script or every script under a directory.
**
** With a directory, the scripts are those cli_collect_scripts() (util.c)
** finds: every *.lua file under it except *-tests.lua modules, helper
** modules under "lib" and hidden files, in bytewise order.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

static const char test_usage[] =
    "Usage: vep test [OPTIONS] SCRIPT|DIR\n"
    "\n"
    "Runs the test cases declared by the instrument or plan script SCRIPT,\n"
    "or by every such script under the directory DIR: each *.lua file in\n"
    "it and its subdirectories, except files named *-tests.lua and files\n"
    "under a directory named 'lib' (helper modules).\n"
    "\n"
    "Prints 'PASS NAME' or 'FAIL NAME: FAILURES' for each case, a summary\n"
    "line for each instrument, and last the line 'N passed, M failed'.\n"
    "The exit status is 0 when every case passes, 1 when a case fails,\n"
    "3 when a case's script rule exceeded a limit,\n"
    "2 when a script is invalid.\n";

/* Case counts over all instruments of the run. */
typedef struct test_totals {
    size_t passed, failed;
} test_totals;

/* The more severe of two exit statuses (70 > 3 > 2 > 1 > 0). */
static int worse(int a, int b)
{
    return a > b ? a : b;
}

/* Prints one failure of a case: an object by its "message" if it has
** one, anything else (normally a string) as a value. */
static void print_failure(const cJSON *f)
{
    const cJSON *msg = cJSON_GetObjectItemCaseSensitive(f, "message");

    cli_put_value(cJSON_IsString(msg) ? msg : f, NULL, 0);
}

/* Prints "PASS name" or "FAIL name: failure; failure" for one case of the
** report and counts it.  A case without a "passed" member passed when it
** lists no failures. */
static void print_case(const cJSON *c, test_totals *t)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(c, "name");
    const cJSON *passed = cJSON_GetObjectItemCaseSensitive(c, "passed");
    const cJSON *failures = cJSON_GetObjectItemCaseSensitive(c, "failures");
    const char *label = cJSON_IsString(name) ? name->valuestring
                                             : "(unnamed case)";
    int nfail = cJSON_IsArray(failures) ? cJSON_GetArraySize(failures)
                : (failures != NULL && !cJSON_IsNull(failures));
    int ok;

    if (cJSON_IsBool(passed))
        ok = cJSON_IsTrue(passed);
    else if (cJSON_IsNumber(passed))
        ok = passed->valuedouble != 0;
    else
        ok = nfail == 0;
    if (ok) {
        printf("PASS %s\n", label);
        t->passed++;
        return;
    }
    printf("FAIL %s", label);
    if (cJSON_IsArray(failures)) {
        const cJSON *f;
        const char *sep = ": ";
        cJSON_ArrayForEach(f, failures) {
            fputs(sep, stdout);
            print_failure(f);
            sep = "; ";
        }
    } else if (nfail) {
        fputs(": ", stdout);
        print_failure(failures);
    }
    putchar('\n');
    t->failed++;
}

/* A non-negative count member of the report, 0 when absent. */
static size_t report_count(const cJSON *doc, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, key);
    return cJSON_IsNumber(v) && v->valuedouble > 0 ? (size_t)v->valuedouble
                                                   : 0;
}

/* Reports a test case whose script rule exceeded a limit: its errors, as
** one JSON document in the json error format, else one line each. */
static void report_limit(const cli_options *opts, const char *path,
                         const cJSON *c, const char *status, const char *name)
{
    const cJSON *errors = cJSON_GetObjectItemCaseSensitive(c, "errors"), *e;
    if (opts->error_format == CLI_ERRORS_JSON) {
        cJSON *doc = cJSON_CreateObject();
        char *text = NULL;
        if (doc && cJSON_AddStringToObject(doc, "status", status) &&
            cJSON_AddStringToObject(doc, "message", name) &&
            cJSON_AddItemToObject(doc, "errors", cJSON_Duplicate(errors, 1)))
            text = cJSON_PrintUnformatted(doc);
        if (text)
            fprintf(stderr, "%s\n", text);
        cJSON_free(text);
        cJSON_Delete(doc);
        return;
    }
    fprintf(stderr, "vep: %s: test case '%s': %s\n", path, name, status);
    cJSON_ArrayForEach(e, errors) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(e, "file");
        const cJSON *l = cJSON_GetObjectItemCaseSensitive(e, "line");
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(e, "message");
        fprintf(stderr, "%s:%d: %s\n", cJSON_IsString(f) ? f->valuestring : path,
                cJSON_IsNumber(l) ? l->valueint : 0,
                cJSON_IsString(m) ? m->valuestring : "");
    }
}

/* Loads one script (an instrument, or a plan), runs its cases, prints
** them and its summary line and adds them to `totals`.  Returns the exit
** status for this script. */
static int run_one(const cli_options *opts, vep_engine *engine,
                   const char *path, test_totals *totals)
{
    vep_instrument *inst = NULL;
    vep_plan *plan = NULL;
    char *report = NULL;
    cJSON *doc = NULL;
    const cJSON *cases;
    test_totals mine = { 0, 0 };
    size_t lib_failed = 0;
    vep_status st;
    int rc, limit_hit = 0;

    fflush(stdout);        /* keep stdout and stderr in order in a log */
    st = cli_load_script(engine, path, &inst, &plan);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    if (inst)
        st = vep_instrument_run_tests(&report, &lib_failed, inst);
    else
        st = vep_plan_run_tests(&report, &lib_failed, plan);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    doc = report ? cJSON_Parse(report) : NULL;
    if (doc == NULL) {
        cli_error(opts, VEP_ERR_INTERNAL, "internal",
                  "%s: the library's test report is not valid JSON", path);
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    cases = cJSON_GetObjectItemCaseSensitive(doc, "cases");
    if (cJSON_IsArray(cases)) {
        const cJSON *c, *cs;
        cJSON_ArrayForEach(c, cases) {
            print_case(c, &mine);
            cs = cJSON_GetObjectItemCaseSensitive(c, "status");
            if (!limit_hit && cJSON_IsString(cs) && strstr(cs->valuestring, "_limit") != NULL) {
                const cJSON *nm = cJSON_GetObjectItemCaseSensitive(c, "name");
                limit_hit = strcmp(cs->valuestring, "memory_limit") == 0 ? VEP_ERR_LIMIT_MEMORY
                          : strcmp(cs->valuestring, "time_limit") == 0 ? VEP_ERR_LIMIT_TIME
                                                                       : VEP_ERR_LIMIT_INSTRUCTIONS;
                report_limit(opts, path, c, cs->valuestring,
                             cJSON_IsString(nm) ? nm->valuestring : "?");
            }
        }
    } else {
        mine.passed = report_count(doc, "passed");
        mine.failed = report_count(doc, "failed");
    }
    if (mine.failed == 0 && lib_failed > 0)
        mine.failed = lib_failed;
    {
        const cJSON *never = cJSON_GetObjectItemCaseSensitive(doc, "never_held"), *r;
        cJSON_ArrayForEach(r, never)
            if (cJSON_IsString(r))
                cli_warning(opts, "%s: rule '%s' holds in none of the test cases", path,
                            r->valuestring);
    }
    if (mine.passed + mine.failed == 0)
        cli_warning(opts, "%s: the %s declares no test cases", path,
                    inst ? "instrument" : "plan");
    printf("%s: %s %s: %lu passed, %lu failed\n", path,
           inst ? vep_instrument_id(inst) : vep_plan_id(plan),
           inst ? vep_instrument_version(inst) : vep_plan_version(plan),
           (unsigned long)mine.passed, (unsigned long)mine.failed);
    totals->passed += mine.passed;
    totals->failed += mine.failed;
    rc = mine.failed > 0 ? CLI_EXIT_INVALID : CLI_EXIT_OK;
    if (limit_hit)   /* a case's script rule ran out of its limits */
        rc = CLI_EXIT_LIMIT;

cleanup:
    if (rc > CLI_EXIT_INVALID)
        printf("%s: not tested (%s)\n", path,
               rc == CLI_EXIT_SCRIPT  ? "the script is invalid"
               : rc == CLI_EXIT_LIMIT ? "a limit was exceeded"
                                      : "internal error");
    cJSON_Delete(doc);
    vep_free(report);
    vep_instrument_free(inst);
    vep_plan_free(plan);
    return rc;
}

/* Finds the scripts (one, or those under a directory), runs each with one
** engine, and prints the final count.  The exit status is the worst of
** the scripts'. */
static int cmd_test(const cli_options *opts)
{
    cli_paths list = { NULL, 0, 0 };
    test_totals totals = { 0, 0 };
    vep_engine *engine = NULL;
    size_t i;
    int rc;

    if (opts->nargs != 1)
        return cli_usage_error(opts->nargs == 0
                                   ? "test: missing SCRIPT or DIR"
                                   : "test: too many arguments");
    rc = cli_collect_scripts(opts, opts->args[0], &list);
    if (rc == CLI_EXIT_INTERNAL)
        goto cleanup;
    if (list.n > 0) {
        int erc = cli_engine_new(opts, &engine);
        if (erc != 0) {
            rc = erc;
            goto cleanup;
        }
    }
    for (i = 0; i < list.n; i++)
        rc = worse(rc, run_one(opts, engine, list.v[i], &totals));
    printf("%lu passed, %lu failed\n", (unsigned long)totals.passed,
           (unsigned long)totals.failed);
cleanup:
    vep_engine_free(engine);
    cli_paths_free(&list);
    return rc;
}

const cli_command cli_command_test = {
    "test", "SCRIPT|DIR", "run the scripts' own test cases",
    test_usage, cmd_test, 0
};
