/*
** cmd_info.c -- vep info SCRIPT [--lang TAG]: a readable listing of an
** instrument, rendered from vep_instrument_describe's JSON (a plan's
** listing and the host functions are in cmd_info_plan.c).
**
** The shape of that document may still grow, so the renderer is
** defensive: every member is optional, a text may be a string or a table
** keyed by language, and members it does not know are still printed
** ("key: value" lines, or a section of their own at the end) rather than
** dropped.
*/
#include <stdio.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

/* Ids longer than this are not padded when the columns are aligned. */
#define INFO_ID_WIDTH_MAX 24

/* Indentation of entries, of their detail lines and of sub-lists. */
#define IND_ENTRY 2
#define IND_DETAIL 6
#define IND_SUB 8

/* Texts are word-wrapped to this many columns. */
#define INFO_WIDTH 79

/* Width of the label column of the header block. */
#define HEADER_WIDTH 14

static const char info_usage[] =
    "Usage: vep info [OPTIONS] SCRIPT [--lang TAG]\n"
    "\n"
    "Prints a readable description of the instrument script SCRIPT: its\n"
    "metadata, rating scales, parts and domains, items, scores, advisory\n"
    "levels and their bands, flags, the professional judgement, the host\n"
    "functions it needs and the test cases.  For a plan script: its\n"
    "agencies, interventions, rules in words, host functions and test\n"
    "cases (vep doc gives the full guide).\n"
    "\n"
    "  --lang TAG   show texts in the language TAG (a BCP 47 tag such as\n"
    "               'en' or 'sr-Latn'); default: the instrument's first\n"
    "               language\n";

/* The top-level members the renderer handles itself. */
static const char *const known_top[] = {
    "id", "version", "title", "description", "languages", "licence",
    "population", "assessor", "base", "illustrative", "no_total", "sha256",
    "scales", "parts", "domains", "items", "scores", "levels", "flags",
    "judgement", "tests", "host_functions",
    "language",   /* said by check_lang() when a fallback was taken */
    NULL
};

/* Member `key` of `o`, or NULL when `o` is not an object, lacks it or has
** it as null (the library writes null for what was not declared). */
static const cJSON *member(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_IsObject(o)
                         ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
    return cJSON_IsNull(v) ? NULL : v;
}

/* Whether `key` is in the NULL-terminated list. */
static int in_list(const char *key, const char *const *list)
{
    for (; list != NULL && *list != NULL; list++)
        if (strcmp(key, *list) == 0)
            return 1;
    return 0;
}

/* Whether a top-level member needs a section of its own (an object that
** is not a text, or a list of objects) rather than a header line. */
static int is_block(const cJSON *v)
{
    return (cJSON_IsObject(v) && !cli_json_is_text(v))
        || (cJSON_IsArray(v) && cJSON_IsObject(v->child));
}

/* The text of member `key`, or NULL. */
static const char *text_member(const cJSON *o, const char *key,
                               const char *lang)
{
    return cli_json_text(member(o, key), lang);
}

/* A one-word rendering of a scalar for aligned columns: the number or
** string, "-" for anything else. */
static const char *scalar_text(const cJSON *v, char *buf, size_t size)
{
    if (cJSON_IsNumber(v)) {
        cli_format_number(v->valuedouble, buf, size);
        return buf;
    }
    if (cJSON_IsString(v))
        return v->valuestring;
    return "-";
}

/* Prints a member name as a label: '_' as a space, optionally with a
** capital first letter ("max_unknown" -> "Max unknown"). */
static void put_key(const char *key, int capital)
{
    const char *p;

    for (p = key; *p; p++) {
        char c = *p == '_' ? ' ' : *p;
        if (capital && p == key && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        putchar(c);
    }
}

/* Prints a text word-wrapped to INFO_WIDTH columns: it starts at column
** `col`, later lines at `indent`.  Its own line breaks are kept; a word
** longer than a line is not broken.  Columns are counted in UTF-8
** characters. */
static void put_wrapped(const char *s, int col, int indent)
{
    const char *end = s + strlen(s);
    int at_start = 1;

    while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
        end--;
    while (s < end) {
        const char *w = s;
        int width = 0;
        if (*s == ' ' || *s == '\r') {
            s++;
            continue;
        }
        if (*s == '\n') {
            printf("\n%*s", indent, "");
            col = indent;
            at_start = 1;
            s++;
            continue;
        }
        while (s < end && *s != ' ' && *s != '\n' && *s != '\r') {
            if (((unsigned char)*s & 0xC0) != 0x80)
                width++;
            s++;
        }
        if (!at_start && col + 1 + width > INFO_WIDTH) {
            printf("\n%*s", indent, "");
            col = indent;
        } else if (!at_start) {
            putchar(' ');
            col++;
        }
        fwrite(w, 1, (size_t)(s - w), stdout);
        col += width;
        at_start = 0;
    }
}

/* Prints a value that starts at column `col`: a text word-wrapped (later
** lines at `indent`), anything else as cli_put_value does. */
static void put_field_value(const cJSON *v, const char *lang, int col,
                            int indent)
{
    const char *t = cli_json_text(v, lang);

    if (t != NULL)
        put_wrapped(t, col, indent);
    else
        cli_put_value(v, lang, indent);
}

/* Prints "label: value" at `indent` when `v` is present. */
static void print_field(const char *label, const cJSON *v, const char *lang,
                        int indent)
{
    if (v == NULL)
        return;
    printf("%*s%s: ", indent, "", label);
    put_field_value(v, lang, indent + (int)strlen(label) + 2, indent + 4);
    putchar('\n');
}

/* Prints "key: value" lines for the members of `o` not in `skip`, so that
** what the renderer does not know about is still shown. */
static void print_other_fields(const cJSON *o, const char *const *skip,
                               const char *lang, int indent, int capital)
{
    const cJSON *c;

    if (!cJSON_IsObject(o))
        return;
    cJSON_ArrayForEach(c, o) {
        if (c->string == NULL || cJSON_IsNull(c) || in_list(c->string, skip)
            || strcmp(c->string, "line") == 0)
            continue;
        printf("%*s", indent, "");
        put_key(c->string, capital);
        fputs(": ", stdout);
        put_field_value(c, lang, indent + (int)strlen(c->string) + 2,
                        indent + 4);
        putchar('\n');
    }
}

/* The width of the id column of a list: its longest "id", capped. */
static int id_width(const cJSON *arr)
{
    const cJSON *e;
    size_t w = 0;

    cJSON_ArrayForEach(e, arr) {
        const char *id = text_member(e, "id", NULL);
        if (id != NULL && strlen(id) > w)
            w = strlen(id);
    }
    return w > INFO_ID_WIDTH_MAX ? INFO_ID_WIDTH_MAX : (int)w;
}

/* Prints the heading of the section for array `key`, with its length, and
** returns the array; NULL (nothing printed) when it is absent or empty. */
static const cJSON *section(const cJSON *doc, const char *key,
                            const char *heading)
{
    const cJSON *arr = member(doc, key);

    if (!cJSON_IsArray(arr) || arr->child == NULL)
        return NULL;
    printf("\n%s (%d)\n", heading, cJSON_GetArraySize(arr));
    return arr;
}

/* Prints an entry's first line, "  ID  TITLE".  An element that is not an
** object is printed as a value instead; returns 0 then (no details). */
static int print_head(const cJSON *e, int width, const char *title)
{
    const char *id;

    if (!cJSON_IsObject(e)) {
        printf("%*s", IND_ENTRY, "");
        cli_put_value(e, NULL, IND_ENTRY);
        putchar('\n');
        return 0;
    }
    id = text_member(e, "id", NULL);
    if (title != NULL && *title != '\0') {
        printf("%*s%-*s  ", IND_ENTRY, "", width, id ? id : "?");
        put_wrapped(title, IND_ENTRY + width + 2, IND_ENTRY + width + 2);
    } else {
        printf("%*s%s", IND_ENTRY, "", id ? id : "?");
    }
    putchar('\n');
    return 1;
}

/* Prints scale points or options as aligned "code  value  label" rows. */
static void print_points(const cJSON *points, const char *lang, int indent)
{
    const cJSON *p;
    char num[64];
    int cw = 0, vw = 0;

    if (!cJSON_IsArray(points))
        return;
    cJSON_ArrayForEach(p, points) {
        const char *code = text_member(p, "code", NULL);
        int n = (int)strlen(scalar_text(member(p, "value"), num, sizeof num));
        if (code != NULL && (int)strlen(code) > cw)
            cw = (int)strlen(code);
        if (n > vw)
            vw = n;
    }
    if (cw > INFO_ID_WIDTH_MAX)
        cw = INFO_ID_WIDTH_MAX;
    cJSON_ArrayForEach(p, points) {
        const char *code = text_member(p, "code", NULL);
        const char *label = text_member(p, "label", lang);
        printf("%*s%-*s  %*s", indent, "", cw, code ? code : "?", vw,
               scalar_text(member(p, "value"), num, sizeof num));
        if (label != NULL && *label != '\0') {
            fputs("  ", stdout);
            cli_put_text(label, indent + cw + vw + 4);
        }
        putchar('\n');
    }
}

/* Formats a range from optional bounds: "0 to 12", "3 or more", "up to
** 2", or "any". */
static void format_range(const cJSON *min, const cJSON *max, char *buf,
                         size_t size)
{
    char a[64], b[64];
    int has_min = cJSON_IsNumber(min), has_max = cJSON_IsNumber(max);

    if (has_min)
        cli_format_number(min->valuedouble, a, sizeof a);
    if (has_max)
        cli_format_number(max->valuedouble, b, sizeof b);
    if (has_min && has_max)
        snprintf(buf, size, "%s to %s", a, b);
    else if (has_min)
        snprintf(buf, size, "%s or more", a);
    else if (has_max)
        snprintf(buf, size, "up to %s", b);
    else
        snprintf(buf, size, "any");
}

/* Prints the header block: id, version, titles and the other metadata,
** then any top-level scalar the renderer does not know. */
static void print_header(const cJSON *doc, const vep_instrument *inst,
                         const char *lang)
{
    static const char *const labels[][2] = {
        { "title", "Title:" },           { "description", "Description:" },
        { "languages", "Languages:" },   { "licence", "Licence:" },
        { "population", "Population:" }, { "assessor", "Assessor:" },
        { "base", "Base:" },
    };
    const char *id = text_member(doc, "id", NULL);
    const char *version = text_member(doc, "version", NULL);
    const char *sha = text_member(doc, "sha256", NULL);
    const cJSON *v, *c;
    size_t i;

    printf("%-*s%s %s\n", HEADER_WIDTH, "Instrument:",
           id ? id : vep_instrument_id(inst),
           version ? version : vep_instrument_version(inst));
    for (i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        v = member(doc, labels[i][0]);
        if (v == NULL)
            continue;
        printf("%-*s", HEADER_WIDTH, labels[i][1]);
        put_field_value(v, lang, HEADER_WIDTH, HEADER_WIDTH);
        putchar('\n');
    }
    v = member(doc, "illustrative");
    if (cJSON_IsBool(v))
        printf("%-*s%s\n", HEADER_WIDTH, "Illustrative:",
               cJSON_IsTrue(v) ? "yes -- not a validated tool" : "no");
    v = member(doc, "no_total");
    if (v != NULL && !cJSON_IsFalse(v) && !cJSON_IsNull(v)) {
        printf("%-*s", HEADER_WIDTH, "No total:");
        put_field_value(v, lang, HEADER_WIDTH, HEADER_WIDTH);
        putchar('\n');
    }
    cJSON_ArrayForEach(c, doc) {
        int pad;
        if (c->string == NULL || cJSON_IsNull(c)
            || in_list(c->string, known_top) || is_block(c))
            continue;
        pad = HEADER_WIDTH - 1 - (int)strlen(c->string);
        pad = pad > 0 ? pad : 1;
        put_key(c->string, 1);
        printf(":%*s", pad, "");
        put_field_value(c, lang, (int)strlen(c->string) + 1 + pad,
                        HEADER_WIDTH);
        putchar('\n');
    }
    if (sha == NULL)
        sha = vep_instrument_sha256(inst);
    if (sha != NULL && *sha != '\0')
        printf("%-*s%s\n", HEADER_WIDTH, "SHA-256:", sha);
}

/* Details of a scale: its points. */
static void scale_details(const cJSON *e, const char *lang)
{
    print_points(member(e, "points"), lang, IND_DETAIL);
}

/* The head line of a domain: "TITLE  [kind; part P]". */
static const char *domain_headline(const cJSON *e, const char *lang,
                                   char *buf, size_t size)
{
    const char *title = text_member(e, "title", lang);
    const char *kind = text_member(e, "kind", lang);
    const char *part = text_member(e, "part", lang);

    snprintf(buf, size, "%s%s%s%s%s%s%s", title ? title : "",
             title && (kind || part) ? "  " : "", kind || part ? "[" : "",
             kind ? kind : "", kind && part ? "; " : "",
             part ? "part " : "", part ? part : "");
    if (kind || part)
        strncat(buf, "]", size - strlen(buf) - 1);
    return buf;
}

/* The head line of an item: "TYPE [scale S]" and what differs from the
** defaults: ", required, protective, unknown not allowed, ...". */
static const char *item_headline(const cJSON *e, const char *lang,
                                 char *buf, size_t size)
{
    const char *type = text_member(e, "type", lang);
    const char *scale = text_member(e, "scale", lang);
    int is_scale = type != NULL && strcmp(type, "scale") == 0;

    snprintf(buf, size, "%s%s%s%s%s%s%s", type ? type : "item",
             scale ? (is_scale ? " " : " scale ") : "", scale ? scale : "",
             cJSON_IsTrue(member(e, "required")) ? ", required" : "",
             cJSON_IsTrue(member(e, "protective")) ? ", protective" : "",
             cJSON_IsFalse(member(e, "unknown_allowed"))
                 ? ", unknown not allowed" : "",
             cJSON_IsFalse(member(e, "not_applicable_allowed"))
                 ? ", not applicable not allowed" : "");
    return buf;
}

/* Details of an item: domains with weights, condition, texts, options. */
static void item_details(const cJSON *e, const char *lang)
{
    const cJSON *doms = member(e, "domains"), *weights = member(e, "weights");
    const cJSON *options = member(e, "options"), *d;
    const char *type = text_member(e, "type", NULL);
    int is_presence = type != NULL && strcmp(type, "presence") == 0;
    const char *sep = "";
    char num[160];

    print_field("part", member(e, "part"), lang, IND_DETAIL);
    if (cJSON_IsArray(doms) && doms->child != NULL) {
        printf("%*sdomains: ", IND_DETAIL, "");
        cJSON_ArrayForEach(d, doms) {
            const cJSON *wt = cJSON_IsString(d)
                                  ? member(weights, d->valuestring) : NULL;
            fputs(sep, stdout);
            cli_put_value(d, NULL, IND_DETAIL + 4);
            if (cJSON_IsNumber(wt) && wt->valuedouble != 1) {
                cli_format_number(wt->valuedouble, num, sizeof num);
                printf(" (weight %s)", num);
            }
            sep = ", ";
        }
        putchar('\n');
    } else if (!cJSON_IsArray(doms)) {
        print_field("domains", doms, lang, IND_DETAIL);
        print_field("weights", weights, lang, IND_DETAIL);
    }
    if (member(e, "min") != NULL || member(e, "max") != NULL) {
        format_range(member(e, "min"), member(e, "max"), num, sizeof num);
        printf("%*srange: %s\n", IND_DETAIL, "", num);
    }
    print_field("when", member(e, "when"), lang, IND_DETAIL);
    print_field("text", member(e, "text"), lang, IND_DETAIL);
    print_field("guidance", member(e, "guidance"), lang, IND_DETAIL);
    if (is_presence) {
        /* present / absent: implied by the type */
    } else if (cJSON_IsArray(options) && options->child != NULL) {
        printf("%*soptions:\n", IND_DETAIL, "");
        print_points(options, lang, IND_SUB);
    } else {
        print_field("options", options, lang, IND_DETAIL);
    }
}

/* Details of a score: its rule, where its items come from, its range. */
static void score_details(const cJSON *e, const char *lang)
{
    const cJSON *range = member(e, "range");
    const cJSON *decimals = member(e, "decimals");
    char buf[160];

    print_field("rule", member(e, "rule"), lang, IND_DETAIL);
    print_field("domain", member(e, "domain"), lang, IND_DETAIL);
    print_field("items", member(e, "items"), lang, IND_DETAIL);
    if (cJSON_IsObject(range)) {
        format_range(member(range, "min"), member(range, "max"), buf,
                     sizeof buf);
        printf("%*srange: %s\n", IND_DETAIL, "", buf);
    } else {
        print_field("range", range, lang, IND_DETAIL);
    }
    if (cJSON_IsNumber(decimals) && decimals->valuedouble != 0)
        print_field("decimals", decimals, lang, IND_DETAIL);
}

/* Details of a level: the score it reads and its bands as aligned
** "level  range  label" rows. */
static void level_details(const cJSON *e, const char *lang)
{
    const cJSON *bands = member(e, "bands"), *b;
    char buf[160];
    int lw = 0, rw = 0;

    print_field("of", member(e, "of"), lang, IND_DETAIL);
    if (!cJSON_IsArray(bands) || bands->child == NULL) {
        print_field("bands", bands, lang, IND_DETAIL);
        return;
    }
    cJSON_ArrayForEach(b, bands) {
        const char *level = text_member(b, "level", NULL);
        format_range(member(b, "min"), member(b, "max"), buf, sizeof buf);
        if (level != NULL && (int)strlen(level) > lw)
            lw = (int)strlen(level);
        if ((int)strlen(buf) > rw)
            rw = (int)strlen(buf);
    }
    if (lw > INFO_ID_WIDTH_MAX)
        lw = INFO_ID_WIDTH_MAX;
    printf("%*sbands:\n", IND_DETAIL, "");
    cJSON_ArrayForEach(b, bands) {
        const char *level = text_member(b, "level", NULL);
        const char *label = text_member(b, "label", lang);
        int has_label = label != NULL && *label != '\0';
        format_range(member(b, "min"), member(b, "max"), buf, sizeof buf);
        printf("%*s%-*s  %-*s", IND_SUB, "", lw, level ? level : "?",
               has_label ? rw : 0, buf);
        if (has_label) {
            fputs("  ", stdout);
            cli_put_text(label, IND_SUB + lw + rw + 4);
        }
        putchar('\n');
    }
}

/* Details of a flag: its condition. */
static void flag_details(const cJSON *e, const char *lang)
{
    print_field("when", member(e, "when"), lang, IND_DETAIL);
}

/* A list section of the listing: the array member, its heading, how an
** entry's first line reads (NULL: its title), what follows it, and the
** members those print (not repeated among the other fields). */
typedef struct list_section {
    const char *key;
    const char *heading;
    const char *(*headline)(const cJSON *e, const char *lang, char *buf,
                            size_t size);
    void (*details)(const cJSON *e, const char *lang);
    const char *const *handled;
} list_section;

static const char *const scale_keys[] = { "id", "title", "points", NULL };
static const char *const part_keys[] = { "id", "title", NULL };
static const char *const domain_keys[] = { "id", "title", "kind", "part",
                                           NULL };
static const char *const item_keys[] = {
    "id", "type", "scale", "options", "required", "domains", "weights",
    "when", "text", "guidance", "protective", "unknown_allowed",
    "not_applicable_allowed", "min", "max", "part",
    "max_length", "when_words", NULL  /* for guides (vep doc) */
};
static const char *const score_keys[] = { "id", "title", "rule", "domain",
                                          "items", "range", "decimals",
                                          /* for guides (vep doc): */
                                          "terms", "at_least", "missing",
                                          "max_unknown", NULL };
static const char *const level_keys[] = { "id", "title", "of", "bands",
                                          NULL };
static const char *const flag_keys[] = { "id", "title", "when",
                                         "when_words", NULL };

static const list_section list_sections[] = {
    { "scales", "Scales", NULL, scale_details, scale_keys },
    { "parts", "Parts", NULL, NULL, part_keys },
    { "domains", "Domains", domain_headline, NULL, domain_keys },
    { "items", "Items", item_headline, item_details, item_keys },
    { "scores", "Scores", NULL, score_details, score_keys },
    { "levels", "Advisory levels", NULL, level_details, level_keys },
    { "flags", "Flags", NULL, flag_details, flag_keys },
};

/* Prints one list section: "ID  HEADLINE" per entry, its details, then
** the members nothing else printed. */
static void print_list(const cJSON *doc, const list_section *ls,
                       const char *lang)
{
    const cJSON *arr = section(doc, ls->key, ls->heading), *e;
    char buf[1024];
    int w;

    if (arr == NULL)
        return;
    w = id_width(arr);
    cJSON_ArrayForEach(e, arr) {
        const char *head = ls->headline
                               ? ls->headline(e, lang, buf, sizeof buf)
                               : text_member(e, "title", lang);
        if (!print_head(e, w, head))
            continue;
        if (ls->details != NULL)
            ls->details(e, lang);
        print_other_fields(e, ls->handled, lang, IND_DETAIL, 0);
    }
}

/* The judgement (every member), the test cases, and last the top-level
** arrays and objects the renderer does not know, as plain values. */
static void print_rest(const cJSON *doc, const char *lang)
{
    const cJSON *j = member(doc, "judgement"), *arr, *e;

    if (cJSON_IsObject(j) && j->child != NULL) {
        fputs("\nJudgement (the professional's; levels are advisory)\n",
              stdout);
        print_other_fields(j, NULL, lang, IND_ENTRY, 1);
    }
    cli_info_hosts(doc, lang);
    if ((arr = section(doc, "tests", "Test cases")) != NULL) {
        cJSON_ArrayForEach(e, arr) {
            const char *name = cJSON_IsObject(e) ? text_member(e, "name", lang)
                                                 : cli_json_text(e, lang);
            printf("%*s", IND_ENTRY, "");
            cli_put_text(name ? name : "(unnamed case)", IND_ENTRY);
            putchar('\n');
        }
    }
    cJSON_ArrayForEach(arr, doc) {
        if (arr->string == NULL || in_list(arr->string, known_top)
            || !is_block(arr))
            continue;
        putchar('\n');
        put_key(arr->string, 1);
        putchar('\n');
        if (cJSON_IsObject(arr)) {
            print_other_fields(arr, NULL, lang, IND_ENTRY, 0);
            continue;
        }
        cJSON_ArrayForEach(e, arr) {
            const cJSON *c;
            const char *sep = "";
            printf("%*s", IND_ENTRY, "");
            if (!cJSON_IsObject(e))
                cli_put_value(e, lang, IND_ENTRY);
            else
                cJSON_ArrayForEach(c, e) {
                    printf("%s%s: ", sep, c->string ? c->string : "?");
                    cli_put_value(c, lang, IND_ENTRY);
                    sep = ", ";
                }
            putchar('\n');
        }
    }
}

/* Warns when --lang names a language the instrument does not have, and
** says where the texts shown come from (the description's "language":
** the languages of its fallback chain that gave texts, and whether they
** were transliterated). */
static void check_lang(const cli_options *opts, const cJSON *doc)
{
    const cJSON *langs = member(doc, "languages"), *l;
    const cJSON *used = member(member(doc, "language"), "used");
    const char *first = NULL;
    char from[256];
    size_t n = 0;

    if (opts->lang == NULL || !cJSON_IsArray(langs) || langs->child == NULL)
        return;
    cJSON_ArrayForEach(l, langs) {
        if (!cJSON_IsString(l))
            continue;
        if (first == NULL)
            first = l->valuestring;
        if (cli_lang_equal(l->valuestring, opts->lang))
            return;
    }
    from[0] = '\0';
    cJSON_ArrayForEach(l, used) {
        const cJSON *tag = member(l, "tag");
        if (cJSON_IsString(tag) && n < sizeof from)
            n += (size_t)snprintf(from + n, sizeof from - n, "%s'%s'%s", n ? ", " : "",
                                  tag->valuestring,
                                  cJSON_IsTrue(member(l, "transliterated"))
                                  ? " (transliterated)" : "");
    }
    if (from[0])
        cli_warning(opts, "the instrument has no language '%s'; showing %s",
                    opts->lang, from);
    else
        cli_warning(opts, "the instrument has no language '%s'; showing '%s'",
                    opts->lang, first ? first : "its first language");
}

/* Loads the script, describes it in the chosen language and prints the
** listing. */
static int cmd_info(const cli_options *opts)
{
    vep_engine *engine = NULL;
    vep_instrument *inst = NULL;
    vep_plan *plan = NULL;
    char *desc = NULL;
    cJSON *doc = NULL;
    vep_status st;
    size_t i;
    int rc;

    if (opts->nargs != 1)
        return cli_usage_error(opts->nargs == 0 ? "info: missing SCRIPT"
                                                : "info: too many arguments");
    rc = cli_engine_new(opts, &engine);
    if (rc != 0)
        goto cleanup;
    st = cli_load_script(engine, opts->args[0], &inst, &plan);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    if (plan != NULL) {
        rc = cli_info_plan(opts, engine, plan);
        goto cleanup;
    }
    st = vep_instrument_describe(&desc, inst, opts->lang);
    if (st != VEP_OK) {
        cli_report(opts, engine, st);
        rc = cli_exit_for_status(st);
        goto cleanup;
    }
    doc = desc ? cJSON_Parse(desc) : NULL;
    if (!cJSON_IsObject(doc)) {
        cli_error(opts, VEP_ERR_INTERNAL, "internal",
                  "the library's description of '%s' is not a JSON object",
                  opts->args[0]);
        rc = CLI_EXIT_INTERNAL;
        goto cleanup;
    }
    check_lang(opts, doc);
    print_header(doc, inst, opts->lang);
    for (i = 0; i < sizeof list_sections / sizeof list_sections[0]; i++)
        print_list(doc, &list_sections[i], opts->lang);
    print_rest(doc, opts->lang);
    rc = CLI_EXIT_OK;

cleanup:
    cJSON_Delete(doc);
    vep_free(desc);
    vep_instrument_free(inst);
    vep_plan_free(plan);
    vep_engine_free(engine);
    return rc;
}

const cli_command cli_command_info = {
    "info", "SCRIPT [--lang TAG]", "describe an instrument or a plan in readable form",
    info_usage, cmd_info, CLI_TAKES_LANG
};
