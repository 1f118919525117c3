/*
** cmd_lint.c -- vep lint SCRIPT|DIR: likely mistakes in instrument and
** plan scripts that load (vep_instrument_lint, vep_plan_lint), one script
** or every script under a directory, found as `vep test` finds them
** (cli_collect_scripts).
**
** Each finding is one line, "FILE:LINE: SEVERITY: MESSAGE [RULE]", in the
** order of the script's declarations; a summary line ends the output.  A
** finding of a base script that an adaptation inherits is printed once
** per run, not again for every adaptation.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

static const char lint_usage[] =
    "Usage: vep lint [OPTIONS] SCRIPT|DIR\n"
    "\n"
    "Finds likely mistakes in the instrument or plan script SCRIPT, or in\n"
    "every such script under the directory DIR: each *.lua file in it and\n"
    "its subdirectories, except files named *-tests.lua and files under a\n"
    "directory named 'lib' (helper modules).  A script that does not load\n"
    "is reported as the other commands report it; for one that loads, lint\n"
    "reports what is legal but probably wrong:\n"
    "\n"
    "  instruments: scales no item uses, points or options with the same\n"
    "  label, rated items that count nowhere (note), items without guidance\n"
    "  (note), bands no value of their score falls in, conditions that can\n"
    "  never hold, texts missing in a declared language;\n"
    "  plans: agencies with nothing to do or see, '.own' views that stay\n"
    "  empty, interventions no rule adds, texts missing in a language.\n"
    "\n"
    "Prints one line per finding, 'FILE:LINE: SEVERITY: MESSAGE [RULE]'\n"
    "(SEVERITY is 'warning' or 'note'), then 'N warnings, M notes in K\n"
    "scripts'.  With several scripts, each script's findings are followed\n"
    "by 'PATH: ID VERSION: N warnings, M notes'.  An adaptation inherits\n"
    "its base's declarations and their findings; a line already printed\n"
    "for another script of the run is not printed again.\n"
    "\n"
    "The exit status is 0 when there are only notes or nothing, 1 when\n"
    "there is a warning, 2 when a script does not load (3 when its loading\n"
    "exceeded a limit).\n";

/* Counts over all scripts of the run, and the finding lines printed so
** far: an adaptation (an overlay) inherits its base's declarations, and
** with them the base's findings; a line printed for the base is not
** printed again for each adaptation linted in the same run. */
typedef struct lint_totals {
    size_t warnings, notes, linted, failed, repeated;
    cli_paths seen;          /* the lines printed (a list of owned strings) */
} lint_totals;

/* The more severe of two exit statuses (70 > 3 > 2 > 1 > 0). */
static int worse(int a, int b)
{
    return a > b ? a : b;
}

/* A string member of a finding, "" when absent. */
static const char *member(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : "";
}

/* Whether `line` was printed before; if not, remembers it.  Returns -1
** when out of memory (the line is then printed). */
static int seen_before(cli_paths *seen, const char *line)
{
    size_t i, n = strlen(line);
    char *copy, **v;
    for (i = 0; i < seen->n; i++)
        if (strcmp(seen->v[i], line) == 0)
            return 1;
    if (seen->n == seen->cap) {
        size_t cap = seen->cap ? seen->cap * 2 : 64;
        v = realloc(seen->v, cap * sizeof *v);
        if (v == NULL)
            return -1;
        seen->v = v;
        seen->cap = cap;
    }
    copy = malloc(n + 1);
    if (copy == NULL)
        return -1;
    memcpy(copy, line, n + 1);
    seen->v[seen->n++] = copy;
    return 0;
}

/* Prints the findings of one lint document, "FILE:LINE: SEVERITY: MESSAGE
** [RULE]" each (a line printed before in the run is left out), and counts
** them: in the run's totals those printed, in *warnings and *notes all of
** the script's.  Returns -1 when the document is not what the library
** promises, -2 when out of memory. */
static int print_findings(const char *doc_text, lint_totals *t, size_t *warnings,
                          size_t *notes)
{
    cJSON *doc = cJSON_Parse(doc_text);
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "findings"), *f;
    char *text = NULL;
    size_t cap = 0;
    int rc = 0;

    if (!cJSON_IsArray(list)) {
        cJSON_Delete(doc);
        return -1;
    }
    cJSON_ArrayForEach(f, list) {
        const cJSON *line = cJSON_GetObjectItemCaseSensitive(f, "line");
        const char *sev = member(f, "severity"), *file = member(f, "file");
        const char *msg = member(f, "message"), *rule = member(f, "rule");
        size_t need = strlen(file) + strlen(sev) + strlen(msg) + strlen(rule) + 40;
        int lineno = cJSON_IsNumber(line) && line->valuedouble >= 1 && line->valuedouble < 1e9
                     ? (int)line->valuedouble : 0;

        if (strcmp(sev, "warning") == 0)
            (*warnings)++;
        else
            (*notes)++;
        if (need > cap) {
            char *p = realloc(text, need);
            if (p == NULL) {
                rc = -2;
                break;
            }
            text = p;
            cap = need;
        }
        if (lineno)
            snprintf(text, cap, "%s:%d: %s: %s [%s]", file, lineno, sev, msg, rule);
        else
            snprintf(text, cap, "%s: %s: %s [%s]", file, sev, msg, rule);
        if (seen_before(&t->seen, text) == 1) {
            t->repeated++;
            continue;
        }
        puts(text);
        if (strcmp(sev, "warning") == 0)
            t->warnings++;
        else
            t->notes++;
    }
    free(text);
    cJSON_Delete(doc);
    return rc;
}

/* Loads one script (an instrument, or a plan), lints it and prints its
** findings, then (when `summary`: one of several scripts) the line
** "PATH: ID VERSION: N warnings, M notes".  Returns the exit status for
** this script. */
static int lint_one(const cli_options *opts, vep_engine *engine,
                    const char *path, int summary, lint_totals *t)
{
    vep_instrument *inst = NULL;
    vep_plan *plan = NULL;
    char *doc = NULL;
    size_t warnings = 0, notes = 0;
    vep_status st;
    int rc;

    fflush(stdout);        /* keep stdout and stderr in order in a log */
    st = cli_load_script(engine, path, &inst, &plan);
    if (st == VEP_OK)
        st = inst ? vep_instrument_lint(&doc, NULL, inst)
                  : vep_plan_lint(&doc, NULL, plan);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        if (rc > CLI_EXIT_INVALID)
            printf("%s: not linted (%s)\n", path,
                   rc == CLI_EXIT_SCRIPT  ? "the script does not load"
                   : rc == CLI_EXIT_LIMIT ? "a limit was exceeded"
                                          : "internal error");
        t->failed++;
        goto cleanup;
    }
    rc = print_findings(doc, t, &warnings, &notes);
    if (rc != 0) {
        if (rc == -2)
            cli_error(opts, VEP_ERR_NOMEM, "out_of_memory", "out of memory");
        else
            cli_error(opts, VEP_ERR_INTERNAL, "internal",
                      "%s: the library's lint document is not valid JSON", path);
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    if (summary)
        printf("%s: %s %s: %lu warning%s, %lu note%s\n", path,
               inst ? vep_instrument_id(inst) : vep_plan_id(plan),
               inst ? vep_instrument_version(inst) : vep_plan_version(plan),
               (unsigned long)warnings, warnings == 1 ? "" : "s",
               (unsigned long)notes, notes == 1 ? "" : "s");
    t->linted++;
    rc = warnings ? CLI_EXIT_INVALID : CLI_EXIT_OK;

cleanup:
    vep_free(doc);
    vep_instrument_free(inst);
    vep_plan_free(plan);
    return rc;
}

/* Finds the scripts, lints each with one engine, prints the totals.  The
** exit status is the worst of the scripts'. */
static int cmd_lint(const cli_options *opts)
{
    cli_paths list = { NULL, 0, 0 };
    lint_totals t = { 0, 0, 0, 0, 0, { NULL, 0, 0 } };
    vep_engine *engine = NULL;
    size_t i;
    int rc;

    if (opts->nargs != 1)
        return cli_usage_error(opts->nargs == 0 ? "lint: missing SCRIPT or DIR"
                                                : "lint: too many arguments");
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
        rc = worse(rc, lint_one(opts, engine, list.v[i], list.n > 1, &t));
    printf("%lu warning%s, %lu note%s in %lu script%s",
           (unsigned long)t.warnings, t.warnings == 1 ? "" : "s",
           (unsigned long)t.notes, t.notes == 1 ? "" : "s",
           (unsigned long)t.linted, t.linted == 1 ? "" : "s");
    if (t.failed)
        printf(" (%lu not linted)", (unsigned long)t.failed);
    if (t.repeated)
        printf("; %lu finding%s of shared base scripts not repeated", (unsigned long)t.repeated,
               t.repeated == 1 ? "" : "s");
    putchar('\n');
    rc = worse(rc, cli_finish_output(opts));

cleanup:
    vep_engine_free(engine);
    cli_paths_free(&list);
    cli_paths_free(&t.seen);
    return rc;
}

const cli_command cli_command_lint = {
    "lint", "SCRIPT|DIR", "find likely mistakes in scripts", lint_usage, cmd_lint, 0
};
