/*
** cmd_diff.c -- vep diff A B: what script B changes against script A (an
** adaptation against its base, or one version against another), in
** readable form.
**
** Both scripts are loaded with one engine (A first, so that an overlay B
** finds its base) and described through the public API, once in each
** language either script declares; jsondiff.c compares the descriptions.
** The exit status is that of diff(1): 0 when nothing differs, 1 when
** something does, 2 when a script does not load.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"
#include "jsondiff.h"

static const char diff_usage[] =
    "Usage: vep diff [OPTIONS] A B [--lang TAG]\n"
    "\n"
    "Shows what script B changes against script A: two versions of an\n"
    "instrument, or an adaptation (overlay) against its base; or two plan\n"
    "scripts.  Prints a header line with both scripts' ids, versions and\n"
    "SHA-256, then one section per kind of declaration (metadata, scales,\n"
    "parts, domains, items, scores, levels, flags, judgement, tests; for\n"
    "plans their own kinds) with a line per difference:\n"
    "\n"
    "  + ID  added: \"TEXT\" (what it is)\n"
    "  - ID  removed: \"TEXT\"\n"
    "  ~ ID  WHAT: OLD -> NEW\n"
    "\n"
    "and last a summary line.  Elements are listed in A's order, then the\n"
    "ones B adds in B's order.  Texts are compared in every language either\n"
    "script declares; a language a script does not declare has no texts.\n"
    "\n"
    "  --lang TAG   compare texts in the language TAG only\n"
    "\n"
    "The exit status is 0 when the scripts do not differ, 1 when they do,\n"
    "2 when a script does not load.\n";

/* Members of the descriptions that are not compared: the content hash
** (it is in the header) and the report of the language shown. */
static const char *const ignored[] = { "sha256", "language" };

/* One loaded script and its descriptions. */
typedef struct diff_script {
    const char *path;
    vep_instrument *inst;
    vep_plan *plan;
    cJSON *primary;          /* described in its default language       */
    cJSON **by_lang;         /* in each comparison language, or NULL    */
    const char **declared;   /* the languages it declares, in order     */
    size_t ndeclared;
} diff_script;

/* Loads the script at s->path as an instrument, or as a plan when it is
** one.  Prints the problems and returns the exit status on failure. */
static int load_script(const cli_options *opts, vep_engine *engine, diff_script *s)
{
    vep_status st = cli_load_script(engine, s->path, &s->inst, &s->plan);

    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        return cli_exit_for_status(st);
    }
    return CLI_EXIT_OK;
}

/* Describes the script in `lang` (NULL: its default language) and parses
** the description into *out.  Prints the error and returns the exit
** status on failure. */
static int describe(const cli_options *opts, vep_engine *engine,
                    const diff_script *s, const char *lang, cJSON **out)
{
    char *doc = NULL;
    vep_status st;

    *out = NULL;
    if (s->inst)
        st = vep_instrument_describe(&doc, s->inst, lang);
    else
        st = vep_plan_describe(&doc, s->plan, lang);
    if (st != VEP_OK) {
        vep_free(doc);
        cli_report(opts, engine, st);
        return cli_exit_for_status(st);
    }
    *out = cJSON_ParseWithLengthOpts(doc, strlen(doc) + 1, NULL, 1);
    vep_free(doc);
    if (*out == NULL) {
        cli_error(opts, VEP_ERR_NOMEM, "internal",
                  "cannot read the description of '%s'", s->path);
        return CLI_EXIT_INTERNAL;
    }
    return CLI_EXIT_OK;
}

/* The spelling of `lang` among the languages the description declares,
** or NULL when it declares no such language. */
static const char *declared(const cJSON *doc, const char *lang)
{
    const cJSON *l;
    cJSON_ArrayForEach(l, cJSON_GetObjectItemCaseSensitive(doc, "languages"))
        if (cJSON_IsString(l) && cli_lang_equal(l->valuestring, lang))
            return l->valuestring;
    return NULL;
}

/* Adds the languages `doc` declares that `langs` lacks. */
static void add_languages(const cJSON *doc, const char **langs, size_t *n, size_t max)
{
    const cJSON *l;
    size_t i;

    cJSON_ArrayForEach(l, cJSON_GetObjectItemCaseSensitive(doc, "languages")) {
        if (!cJSON_IsString(l))
            continue;
        for (i = 0; i < *n && !cli_lang_equal(langs[i], l->valuestring); i++)
            ;
        if (i == *n && *n < max)
            langs[(*n)++] = l->valuestring;
    }
}

/* The number of languages a description declares. */
static size_t count_languages(const cJSON *doc)
{
    const cJSON *l = cJSON_GetObjectItemCaseSensitive(doc, "languages");
    return cJSON_IsArray(l) ? (size_t)cJSON_GetArraySize(l) : 0;
}

/* Describes the script in each comparison language it declares, and
** lists the languages it declares. */
static int describe_all(const cli_options *opts, vep_engine *engine, diff_script *s,
                        const char *const *langs, size_t n)
{
    size_t i;
    int rc;

    s->by_lang = calloc(n ? n : 1, sizeof *s->by_lang);
    s->declared = malloc((count_languages(s->primary) + 1) * sizeof *s->declared);
    if (s->by_lang == NULL || s->declared == NULL) {
        cli_error(opts, VEP_ERR_NOMEM, "out_of_memory", "out of memory");
        return CLI_EXIT_INTERNAL;
    }
    add_languages(s->primary, s->declared, &s->ndeclared, count_languages(s->primary));
    for (i = 0; i < n; i++) {
        const char *tag = declared(s->primary, langs[i]);
        if (tag == NULL)
            continue;
        rc = describe(opts, engine, s, tag, &s->by_lang[i]);
        if (rc != 0)
            return rc;
    }
    return CLI_EXIT_OK;
}

/* The script's id, version and the start of its SHA-256 for the header. */
static void print_name(const diff_script *s)
{
    const char *id = s->inst ? vep_instrument_id(s->inst) : vep_plan_id(s->plan);
    const char *ver = s->inst ? vep_instrument_version(s->inst) : vep_plan_version(s->plan);
    const char *sha = s->inst ? vep_instrument_sha256(s->inst) : vep_plan_sha256(s->plan);
    printf("%s %s (sha256 %.12s...)", id ? id : "?", ver ? ver : "?", sha ? sha : "");
}

/* Frees a script and its descriptions. */
static void script_free(diff_script *s, size_t nlangs)
{
    size_t i;
    if (s->by_lang)
        for (i = 0; i < nlangs; i++)
            cJSON_Delete(s->by_lang[i]);
    free(s->by_lang);
    free(s->declared);
    cJSON_Delete(s->primary);
    vep_plan_free(s->plan);
    vep_instrument_free(s->inst);
}

/* vep diff A B */
static int cmd_diff(const cli_options *opts)
{
    diff_script a, b;
    vep_engine *engine = NULL;
    const char **langs = NULL;
    size_t nlangs = 0, max, i;
    cli_diff_options dopts;
    cli_diff_report report = { NULL, NULL, 0 };
    cli_diff_side sa, sb;
    int rc;

    if (opts->nargs != 2)
        return cli_usage_error(opts->nargs == 0   ? "diff: missing A and B"
                               : opts->nargs == 1 ? "diff: missing B"
                                                  : "diff: too many arguments");
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.path = opts->args[0];
    b.path = opts->args[1];
    rc = cli_engine_new(opts, &engine);
    if (rc == 0)
        rc = load_script(opts, engine, &a);
    if (rc == 0)
        rc = load_script(opts, engine, &b);
    if (rc != 0)
        goto cleanup;
    if ((a.inst == NULL) != (b.inst == NULL)) {
        cli_error(opts, VEP_ERR_SCRIPT, "wrong_script_kind",
                  "'%s' is %s script and '%s' %s script: compare two scripts of one kind",
                  a.path, a.inst ? "an instrument" : "a plan",
                  b.path, b.inst ? "an instrument" : "a plan");
        rc = CLI_EXIT_SCRIPT;
        goto cleanup;
    }
    rc = describe(opts, engine, &a, NULL, &a.primary);
    if (rc == 0)
        rc = describe(opts, engine, &b, NULL, &b.primary);
    if (rc != 0)
        goto cleanup;

    /* The languages of the comparison: A's, then B's new ones.  With
    ** --lang every language is still described (to tell a translation
    ** from the text shown in place of a missing one), but only the texts
    ** in that language are reported. */
    if (opts->lang != NULL && !declared(a.primary, opts->lang)
        && !declared(b.primary, opts->lang)) {
        rc = cli_usage_error("diff: neither script declares the language '%s'",
                             opts->lang);
        goto cleanup;
    }
    max = count_languages(a.primary) + count_languages(b.primary) + 1;
    langs = malloc(max * sizeof *langs);
    if (langs == NULL) {
        cli_error(opts, VEP_ERR_NOMEM, "out_of_memory", "out of memory");
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    add_languages(a.primary, langs, &nlangs, max);
    add_languages(b.primary, langs, &nlangs, max);
    rc = describe_all(opts, engine, &a, langs, nlangs);
    if (rc == 0)
        rc = describe_all(opts, engine, &b, langs, nlangs);
    if (rc != 0)
        goto cleanup;

    sa.primary = a.primary;
    sa.by_lang = (const cJSON *const *)a.by_lang;
    sa.langs = a.declared;
    sa.nlangs = a.ndeclared;
    sb.primary = b.primary;
    sb.by_lang = (const cJSON *const *)b.by_lang;
    sb.langs = b.declared;
    sb.nlangs = b.ndeclared;
    dopts.langs = langs;
    dopts.nlangs = nlangs;
    dopts.only = opts->lang;
    dopts.display = 0;
    for (i = 0; opts->lang != NULL && i < nlangs; i++)
        if (cli_lang_equal(langs[i], opts->lang))
            dopts.display = i;
    dopts.ignore = ignored;
    dopts.nignore = sizeof ignored / sizeof ignored[0];
    if (cli_diff_compare(&sa, &sb, &dopts, &report) != 0) {
        cli_error(opts, VEP_ERR_NOMEM, "out_of_memory",
                  "out of memory comparing the scripts");
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    print_name(&a);
    fputs(" -> ", stdout);
    print_name(&b);
    putchar('\n');
    fputs(report.text, stdout);
    printf("%s\n", report.summary);
    rc = cli_finish_output(opts);
    if (rc == 0 && report.ndiffs > 0)
        rc = CLI_EXIT_INVALID;

cleanup:
    cli_diff_report_free(&report);
    script_free(&a, nlangs);
    script_free(&b, nlangs);
    free(langs);
    vep_engine_free(engine);
    return rc;
}

const cli_command cli_command_diff = {
    "diff", "A B", "show what one script changes against another", diff_usage,
    cmd_diff, CLI_TAKES_LANG
};
