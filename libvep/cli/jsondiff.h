/*
** jsondiff.h -- compares two description documents (the JSON that
** vep_instrument_describe or vep_plan_describe writes) and reports the
** differences as readable lines, for `vep diff`.
**
** The comparison knows the shape of no document in particular:
**   - an array of objects that all carry "id" (else "code", "level" or
**     "name") is compared element by element, matched by that key: an
**     element is removed, added or changed;
**   - other arrays of objects are compared by position;
**   - objects are compared member by member, arrays of plain values as
**     lists (what was added, what was removed), plain values by value;
**   - an object with "min" and "max" is reported as one range;
**   - members named "line" (script positions, which move with any edit)
**     and the members the caller names are left out.
** Each top-level array or object of the documents is a section of the
** report ("items", "levels", "judgement"...); the top-level plain values
** (id, version, title, languages...) form the section "metadata".
**
** Texts are compared in every language of the comparison.  A document
** gives its texts in one language, so each side is described once per
** language; a member is a text when its name is one of the usual text
** names (title, description, text, guidance, label) or when its value
** differs between the languages of one script.  A language a script does
** not declare has no texts there: "(none)".  Where a translation is
** missing, a description shows the text of another language in its
** place: a text that is the same in several languages of one script
** counts as written in the first of them the script declares only.
*/
#ifndef VEP_CLI_JSONDIFF_H
#define VEP_CLI_JSONDIFF_H

#include <stddef.h>

struct cJSON;

/* One script's descriptions: `primary` in its default language, and
** `by_lang[i]` in the i-th language of the comparison (NULL when the
** script does not declare that language); `langs` the languages the
** script declares, in its order. */
typedef struct cli_diff_side {
    const struct cJSON *primary;
    const struct cJSON *const *by_lang;
    const char *const *langs;
    size_t nlangs;
} cli_diff_side;

/* What to compare. */
typedef struct cli_diff_options {
    const char *const *langs;    /* the languages of the comparison       */
    size_t nlangs;
    const char *only;            /* report texts in this one of them only;
                                    NULL: in all                          */
    size_t display;              /* index in langs of the language of the
                                    texts that name added and removed
                                    elements (ignored when nlangs is 0)   */
    const char *const *ignore;   /* top-level members left out            */
    size_t nignore;
} cli_diff_options;

/* The report: `text` holds the sections, each a line with its name and
** then one indented line per difference; `summary` the one-line count
** ("2 items added, 1 removed; 1 level changed"), or "no differences".
** Both NUL-terminated, freed with cli_diff_report_free. */
typedef struct cli_diff_report {
    char *text;
    char *summary;
    size_t ndiffs;               /* the number of difference lines        */
} cli_diff_report;

/* Compares `a` with `b` and fills *out.  Returns 0, or -1 when out of
** memory (*out is then empty). */
int cli_diff_compare(const cli_diff_side *a, const cli_diff_side *b,
                     const cli_diff_options *opts, cli_diff_report *out);

/* Frees the strings of a report; the report may be zeroed or filled. */
void cli_diff_report_free(cli_diff_report *r);


/* ---- shared by jsondiff.c (values) and jsondiff_doc.c (documents) ------ */

#include "diffbuf.h"

/* The state of one comparison. */
typedef struct cli_diff_ctx {
    const cli_diff_options *o;
    size_t nl;                  /* the number of comparison languages   */
    size_t *rank[2];            /* for A and B, per comparison language:
                                   its place among the script's declared
                                   languages (SIZE_MAX: not declared)   */
    char **texts;               /* schema paths of the text members     */
    size_t ntexts, captexts;
    cli_dbuf schema;            /* "items[].text": where the walk is    */
    cli_dbuf words;             /* "option yes label": the same in words */
    cli_dbuf section;           /* the current section's lines          */
    cli_dbuf out, summary;
    const char *label;          /* the element the lines are about      */
    size_t lines;               /* lines written in the current section */
    size_t ndiffs;              /* lines written in all sections        */
    int failed;
} cli_diff_ctx;

/* The nodes of one value on one side: nl + 1 of them, [0] in the
** script's default language, [1 + i] in comparison language i (NULL
** where the script does not declare it, or lacks the value). */
typedef const struct cJSON **cli_diff_nodes;

/* New nodes (malloc; NULL and c->failed when out of memory): member
** `key` of each of `s`. */
cli_diff_nodes cli_diff_member_nodes(cli_diff_ctx *c, const struct cJSON *const *s,
                                     const char *key);

/* Appends a member name to the schema path; returns the old length. */
size_t cli_diff_push_schema(cli_diff_ctx *c, const char *name);

/* Records in c->texts the text members of one script's nodes `s` (whose
** member name is `name`, NULL at the root). */
void cli_diff_find_texts(cli_diff_ctx *c, const struct cJSON *const *s, const char *name);

/* Compares the values at nodes a and b, writing lines into c->section.
** `key` is the member's name (NULL for an array element), `parent_words`
** the length of c->words before the member's own words. */
void cli_diff_value(cli_diff_ctx *c, const struct cJSON *const *a,
                    const struct cJSON *const *b, const char *key, size_t parent_words);

/* Compares two arrays of objects, by key or by position.  With `top` (a
** section), each element is the label of its lines and counts[0..2] get
** the elements added, removed and changed. */
void cli_diff_array(cli_diff_ctx *c, const struct cJSON *const *a,
                    const struct cJSON *const *b, const char *name,
                    size_t parent_words, int top, size_t counts[3]);

#endif /* VEP_CLI_JSONDIFF_H */
