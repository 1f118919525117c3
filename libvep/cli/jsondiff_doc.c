/*
** jsondiff_doc.c -- the two documents as a whole: their top-level members
** as sections (the plain ones together as "metadata"), the counts of the
** summary line, and cli_diff_compare itself (see jsondiff.h).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"
#include "jsondiff.h"

/* Whether a member is left out: "line" anywhere, and the top-level
** members the caller names. */
static int is_ignored(const cli_diff_ctx *c, const char *name)
{
    size_t i;
    if (strcmp(name, "line") == 0)
        return 1;
    for (i = 0; i < c->o->nignore; i++)
        if (strcmp(c->o->ignore[i], name) == 0)
            return 1;
    return 0;
}

/* Whether a top-level member is a section of its own: an object, or an
** array holding objects, on either side. */
static int is_section(const cJSON *a, const cJSON *b)
{
    return cJSON_IsObject(a) || cJSON_IsObject(b)
        || (cJSON_IsArray(a) && !cli_json_plain_list(a))
        || (cJSON_IsArray(b) && !cli_json_plain_list(b));
}

/* Appends one count to the summary: "3 items added", or ", 1 removed"
** after the first count of the same section; a section whose name is
** not a plural starts with its name: "lineage: 2 added". */
static void add_count(cli_diff_ctx *c, size_t n, const char *name, const char *what, int *first)
{
    size_t len = strlen(name);
    int plural = len > 1 && name[len - 1] == 's';

    if (n == 0)
        return;
    cli_dbuf_adds(&c->summary, *first ? (c->summary.n ? "; " : "") : ", ");
    if (*first && !plural) {
        cli_dbuf_words(&c->summary, name);
        cli_dbuf_adds(&c->summary, ": ");
    }
    cli_dbuf_printf(&c->summary, "%lu", (unsigned long)n);
    if (*first && plural) {
        cli_dbuf_add(&c->summary, " ", 1);
        if (n == 1)
            cli_dbuf_singular(&c->summary, name);
        else
            cli_dbuf_words(&c->summary, name);
    }
    cli_dbuf_add(&c->summary, " ", 1);
    cli_dbuf_adds(&c->summary, what);
    *first = 0;
}

/* Moves the current section's lines into the report under `name`, with
** its counts in the summary: elements added, removed and changed for a
** list of elements, else the number of changes. */
static void end_section(cli_diff_ctx *c, const char *name, const size_t counts[3], int list)
{
    int first = 1;
    if (c->lines == 0)
        return;
    c->ndiffs += c->lines;
    cli_dbuf_words(&c->out, name);
    cli_dbuf_add(&c->out, "\n", 1);
    cli_dbuf_adds(&c->out, cli_dbuf_str(&c->section));
    if (list) {
        add_count(c, counts[0], name, "added", &first);
        add_count(c, counts[1], name, "removed", &first);
        add_count(c, counts[2], name, "changed", &first);
    } else {
        cli_dbuf_printf(&c->summary, "%s%lu change%s in ", c->summary.n ? "; " : "",
                    (unsigned long)c->lines, c->lines == 1 ? "" : "s");
        cli_dbuf_words(&c->summary, name);
    }
}

/* Compares one top-level member `name` of the two documents, as part of
** the current section (words: the member's name, or none for a
** section's own elements and members). */
static void diff_member(cli_diff_ctx *c, const cJSON *const *a, const cJSON *const *b,
                        const char *name, int section, size_t counts[3])
{
    cli_diff_nodes sa = cli_diff_member_nodes(c, a, name);
    cli_diff_nodes sb = cli_diff_member_nodes(c, b, name);
    size_t os;

    if (sa && sb) {
        os = cli_diff_push_schema(c, name);
        cli_dbuf_cut(&c->words, 0);
        if (!section)
            cli_dbuf_words(&c->words, name);
        if (section && (cJSON_IsArray(sa[0]) || cJSON_IsArray(sb[0]))
            && (cli_json_null(sa[0]) || cJSON_IsArray(sa[0]))
            && (cli_json_null(sb[0]) || cJSON_IsArray(sb[0])))
            cli_diff_array(c, sa, sb, name, 0, 1, counts);
        else if (section)
            cli_diff_value(c, sa, sb, NULL, 0);
        else
            cli_diff_value(c, sa, sb, name, 0);
        cli_dbuf_cut(&c->words, 0);
        cli_dbuf_cut(&c->schema, os);
    }
    free(sa);
    free(sb);
}

/* Compares the plain top-level members (A's, then B's new ones) as the
** section "metadata". */
static void diff_metadata(cli_diff_ctx *c, const cJSON *const *a, const cJSON *const *b)
{
    static const size_t none[3] = { 0, 0, 0 };
    const cJSON *m;
    int pass;

    c->lines = 0;
    cli_dbuf_cut(&c->section, 0);
    for (pass = 0; pass < 2; pass++)
        cJSON_ArrayForEach(m, (pass ? b[0] : a[0])) {
            if (m->string == NULL || is_ignored(c, m->string)
                || (pass && cJSON_GetObjectItemCaseSensitive(a[0], m->string))
                || is_section(cJSON_GetObjectItemCaseSensitive(a[0], m->string),
                              cJSON_GetObjectItemCaseSensitive(b[0], m->string)))
                continue;
            diff_member(c, a, b, m->string, 0, NULL);
        }
    end_section(c, "metadata", none, 0);
}

/* Walks the top-level members: the metadata section where the first
** plain member stands, each section where it stands in A, then B's new
** sections. */
static void diff_documents(cli_diff_ctx *c, const cJSON *const *a, const cJSON *const *b)
{
    const cJSON *m;
    int pass, metadata = 0;

    for (pass = 0; pass < 2 && !c->failed; pass++)
        cJSON_ArrayForEach(m, (pass ? b[0] : a[0])) {
            const cJSON *va, *vb;
            size_t counts[3] = { 0, 0, 0 };
            int list;
            if (m->string == NULL || is_ignored(c, m->string)
                || (pass && cJSON_GetObjectItemCaseSensitive(a[0], m->string)))
                continue;
            va = cJSON_GetObjectItemCaseSensitive(a[0], m->string);
            vb = cJSON_GetObjectItemCaseSensitive(b[0], m->string);
            if (!is_section(va, vb)) {
                if (!metadata)
                    diff_metadata(c, a, b);
                metadata = 1;
                continue;
            }
            list = cJSON_IsArray(va) || cJSON_IsArray(vb);
            c->lines = 0;
            c->label = NULL;
            cli_dbuf_cut(&c->section, 0);
            diff_member(c, a, b, m->string, 1, counts);
            end_section(c, m->string, counts, list);
        }
}

/* Frees what the comparison kept. */
static void ctx_free(cli_diff_ctx *c)
{
    size_t i;
    for (i = 0; i < c->ntexts; i++)
        free(c->texts[i]);
    free(c->texts);
    free(c->schema.p);
    free(c->words.p);
    free(c->section.p);
    free(c->out.p);
    free(c->summary.p);
    free(c->rank[0]);
    free(c->rank[1]);
}

/* The place of each comparison language among the languages the script
** of `d` declares (SIZE_MAX where it does not), in a new array. */
static size_t *ranks(const cli_diff_ctx *c, const cli_diff_side *d)
{
    size_t *r = malloc((c->nl ? c->nl : 1) * sizeof *r);
    size_t i, j;
    if (r == NULL)
        return NULL;
    for (i = 0; i < c->nl; i++) {
        r[i] = SIZE_MAX;
        for (j = 0; j < d->nlangs && r[i] == SIZE_MAX; j++)
            if (cli_lang_equal(c->o->langs[i], d->langs[j]))
                r[i] = j;
    }
    return r;
}

/* The nodes of a whole document (malloc; NULL when out of memory). */
static cli_diff_nodes root_nodes(cli_diff_ctx *c, const cli_diff_side *d)
{
    cli_diff_nodes r = malloc((c->nl + 1) * sizeof *r);
    size_t i;
    if (r == NULL)
        return NULL;
    r[0] = d->primary;
    for (i = 0; i < c->nl; i++)
        r[1 + i] = d->by_lang[i];
    return r;
}

/* Finds the texts of both scripts, then compares their documents. */
int cli_diff_compare(const cli_diff_side *a, const cli_diff_side *b,
                     const cli_diff_options *opts, cli_diff_report *out)
{
    cli_diff_ctx c;
    cli_diff_nodes sa, sb;
    int rc = -1;

    memset(&c, 0, sizeof c);
    memset(out, 0, sizeof *out);
    c.o = opts;
    c.nl = opts->nlangs;
    sa = root_nodes(&c, a);
    sb = root_nodes(&c, b);
    c.rank[0] = ranks(&c, a);
    c.rank[1] = ranks(&c, b);
    if (sa == NULL || sb == NULL || c.rank[0] == NULL || c.rank[1] == NULL)
        goto cleanup;
    cli_diff_find_texts(&c, sa, NULL);
    cli_diff_find_texts(&c, sb, NULL);
    if (c.failed)
        goto cleanup;
    diff_documents(&c, sa, sb);
    if (c.summary.n == 0)
        cli_dbuf_adds(&c.summary, "no differences");
    cli_dbuf_adds(&c.out, "");
    if (c.failed || c.schema.failed || c.words.failed || c.section.failed
        || c.out.failed || c.summary.failed)
        goto cleanup;
    out->text = c.out.p ? c.out.p : calloc(1, 1);
    out->summary = c.summary.p;
    out->ndiffs = c.ndiffs;
    if (out->text == NULL)
        goto cleanup;
    c.out.p = NULL;
    c.summary.p = NULL;
    rc = 0;
cleanup:
    free(sa);
    free(sb);
    ctx_free(&c);
    if (rc != 0)
        cli_diff_report_free(out);
    return rc;
}

/* Frees the strings of a report and empties it. */
void cli_diff_report_free(cli_diff_report *r)
{
    free(r->text);
    free(r->summary);
    r->text = NULL;
    r->summary = NULL;
    r->ndiffs = 0;
}
