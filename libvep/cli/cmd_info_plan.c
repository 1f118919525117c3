/*
** cmd_info_plan.c -- the parts of `vep info` that plans and instruments
** share beyond cmd_info.c's instrument listing: the host functions a
** script declares, and the listing of a plan script (from
** vep_plan_describe's JSON): agencies, interventions, rules in words,
** host functions and test cases.  `vep doc` gives the full guide.
*/
#include <stdio.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

/* A string member, or "" (the listing never prints "(null)"). */
static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : "";
}

/* The section heading "Title (N)", or nothing for an empty list; returns
** the list. */
static const cJSON *heading(const cJSON *doc, const char *key,
                            const char *title)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, key);
    int n = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;
    if (n == 0)
        return NULL;
    printf("\n%s (%d)\n", title, n);
    return arr;
}

/* See cli.h. */
void cli_info_hosts(const cJSON *doc, const char *lang)
{
    const cJSON *arr = heading(doc, "host_functions", "Host functions"), *e;
    if (arr == NULL)
        return;
    cJSON_ArrayForEach(e, arr) {
        const char *purpose = cli_json_text(
            cJSON_GetObjectItemCaseSensitive(e, "purpose"), lang);
        const cJSON *line = cJSON_GetObjectItemCaseSensitive(e, "line");
        printf("  host.%s  %s", str(e, "name"), str(e, "signature"));
        if (cJSON_IsNumber(line))
            printf("  (line %d)", line->valueint);
        putchar('\n');
        if (purpose != NULL && purpose[0] != '\0') {
            printf("      ");
            cli_put_text(purpose, 6);
            putchar('\n');
        }
    }
}

/* One line per entry: the id, then the members named, then the title. */
static void list(const cJSON *doc, const char *key, const char *title,
                 const char *const *fields, const char *lang)
{
    const cJSON *arr = heading(doc, key, title), *e;
    size_t k;
    if (arr == NULL)
        return;
    cJSON_ArrayForEach(e, arr) {
        const char *t = cli_json_text(cJSON_GetObjectItemCaseSensitive(e, "title"), lang);
        printf("  %s", str(e, "id"));
        for (k = 0; fields[k]; k++)
            if (str(e, fields[k])[0] != '\0')
                printf("  %s", str(e, fields[k]));
        if (t != NULL) {
            printf("  ");
            cli_put_text(t, 4);
        }
        putchar('\n');
    }
}

/* See cli.h. */
int cli_info_plan(const cli_options *opts, vep_engine *engine, vep_plan *plan)
{
    static const char *const agency_fields[] = { "kind", NULL };
    static const char *const iv_fields[] = { "category", "agency", NULL };
    const cJSON *rules, *e, *tests;
    char *desc = NULL;
    cJSON *doc;
    vep_status st;
    const char *title;

    st = vep_plan_describe(&desc, plan, opts->lang);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        return cli_exit_for_status(st);
    }
    doc = cJSON_Parse(desc);
    vep_free(desc);
    if (!cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        cli_error(opts, VEP_ERR_INTERNAL, "internal",
                  "the library's description of '%s' is not a JSON object",
                  opts->args[0]);
        return CLI_EXIT_INTERNAL;
    }
    title = cli_json_text(cJSON_GetObjectItemCaseSensitive(doc, "title"), opts->lang);
    printf("%s %s  (plan for %s)\n", str(doc, "id"), str(doc, "version"),
           str(doc, "instrument"));
    if (title != NULL) {
        cli_put_text(title, 0);
        putchar('\n');
    }
    printf("sha256: %s\n", str(doc, "sha256"));
    list(doc, "agencies", "Agencies", agency_fields, opts->lang);
    list(doc, "interventions", "Interventions", iv_fields, opts->lang);
    if ((rules = heading(doc, "rules", "Rules")) != NULL)
        cJSON_ArrayForEach(e, rules) {
            printf("  %s  when ", str(e, "id"));
            cli_put_text(str(e, "when"), 6);
            putchar('\n');
        }
    cli_info_hosts(doc, opts->lang);
    if ((tests = heading(doc, "tests", "Test cases")) != NULL)
        cJSON_ArrayForEach(e, tests) {
            printf("  ");
            cli_put_text(str(e, "name"), 2);
            putchar('\n');
        }
    cJSON_Delete(doc);
    return CLI_EXIT_OK;
}
