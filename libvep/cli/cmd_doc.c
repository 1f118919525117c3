/*
** cmd_doc.c -- vep doc SCRIPT [--lang TAG] [--format md|html]: the
** user's guide and scoring manual of an instrument, or the guide of a
** plan, rendered from the script itself, so that training material
** cannot drift from the scoring.
**
** It uses the public API only: the script's description
** (vep_instrument_describe or vep_plan_describe) is the one source of
** the guide (doc_instrument.c, doc_scoring.c, doc_plan.c), written as
** Markdown (doc_md.c) or as one self-contained HTML file (doc_html.c).
** The output has no date or time in it: the same script and options give
** the same bytes.
*/
#include <stdio.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"
#include "doc.h"

static const char doc_usage[] =
    "Usage: vep doc [OPTIONS] SCRIPT [--lang TAG] [--format md|html]\n"
    "\n"
    "Writes the guide of the instrument or plan script SCRIPT to standard\n"
    "output, rendered from the script itself.  For an instrument: the\n"
    "user's guide and scoring manual (purpose, how to rate, every part,\n"
    "domain and item with its anchors and conditions, the missing-data\n"
    "policy, the scoring rules, advisory levels and flags in words, the\n"
    "professional judgement, the test cases).  For a plan: the agencies\n"
    "and what each may see, the interventions, the rules in words, the\n"
    "placement, reassessment, pre-release and post-release sections.\n"
    "\n"
    "  --lang TAG       the language of the script's texts (a BCP 47 tag);\n"
    "                   default: the script's first language\n"
    "  --format md      Markdown (the default)\n"
    "  --format html    one self-contained, printable HTML file with a\n"
    "                   table of contents\n";

/* Warns when --lang names a language the script does not have, unless
** the description says itself which languages its texts came from. */
static void check_lang(const cli_options *opts, const cJSON *desc)
{
    const cJSON *l;
    const char *first = NULL;

    if (opts->lang == NULL || doc_get(desc, "language") != NULL)
        return;
    cJSON_ArrayForEach(l, doc_get(desc, "languages")) {
        if (!cJSON_IsString(l))
            continue;
        if (first == NULL)
            first = l->valuestring;
        if (cli_lang_equal(l->valuestring, opts->lang))
            return;
    }
    cli_warning(opts, "the script has no language '%s'; the guide is in '%s'",
                opts->lang, first ? first : "its first language");
}

/* Loads the script (an instrument, else a plan) and returns its
** description in *out (vep_free).  On failure prints the error and
** returns the exit status. */
static int describe(const cli_options *opts, vep_engine *engine, char **out,
                    int *is_plan)
{
    vep_instrument *inst = NULL;
    vep_plan *plan = NULL;
    vep_status st;

    *is_plan = 0;
    st = cli_load_script(engine, opts->args[0], &inst, &plan);
    *is_plan = plan != NULL;
    if (st == VEP_OK)
        st = inst != NULL ? vep_instrument_describe(out, inst, opts->lang)
                          : vep_plan_describe(out, plan, opts->lang);
    if (st != VEP_OK)
        cli_report(opts, engine, st);
    vep_instrument_free(inst);
    vep_plan_free(plan);
    return st == VEP_OK ? CLI_EXIT_OK : cli_exit_for_status(st);
}

/* Parses the options, describes the script and writes its guide. */
static int cmd_doc(const cli_options *opts)
{
    vep_engine *engine = NULL;
    char *text = NULL;
    cJSON *desc = NULL;
    doc d;
    doc_buf out = { NULL, 0, 0, 0 };
    doc_format format = DOC_MD;
    int rc, is_plan = 0;

    if (opts->format != NULL && strcmp(opts->format, "html") == 0)
        format = DOC_HTML;
    else if (opts->format != NULL && strcmp(opts->format, "md") != 0)
        return cli_usage_error("doc: unknown format '%s' (md or html)",
                               opts->format);
    if (opts->nargs != 1)
        return cli_usage_error(opts->nargs == 0 ? "doc: missing SCRIPT"
                                                : "doc: too many arguments");
    doc_init(&d, format);
    rc = cli_engine_new(opts, &engine);
    if (rc != 0)
        goto cleanup;
    rc = describe(opts, engine, &text, &is_plan);
    if (rc != 0)
        goto cleanup;
    desc = text ? cJSON_Parse(text) : NULL;
    if (!cJSON_IsObject(desc)) {
        cli_error(opts, VEP_ERR_INTERNAL, "internal",
                  "the library's description of '%s' is not a JSON object",
                  opts->args[0]);
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    check_lang(opts, desc);
    if (is_plan)
        doc_plan(&d, desc, opts->lang);
    else
        doc_instrument(&d, desc, opts->lang);
    if (doc_finish(&d, &out) != 0) {
        cli_error(opts, VEP_ERR_NOMEM, "nomem", "out of memory");
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    fwrite(out.data, 1, out.len, stdout);
    rc = cli_finish_output(opts);

cleanup:
    doc_buf_free(&out);
    doc_free(&d);
    cJSON_Delete(desc);
    vep_free(text);
    vep_engine_free(engine);
    return rc;
}

const cli_command cli_command_doc = {
    "doc", "SCRIPT [--lang TAG] [--format md|html]",
    "render the user's guide and scoring manual",
    doc_usage, cmd_doc, CLI_TAKES_LANG | CLI_TAKES_FORMAT
};
