/*
** jsondiff.c -- the differences between two description documents, as
** readable lines (see jsondiff.h for the rules).
**
** A value of one script is looked at through its nodes: the node in the
** script's default language and the same node in each language of the
** comparison (NULL where the script does not declare the language).
** Both scripts' documents are first walked to find which members are
** texts; the second walk compares, writing one line per difference into
** the section's buffer and counting what was added, removed and changed.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"
#include "jsondiff.h"

/* Keys that match the elements of an array of objects, in order of
** preference. */
static const char *const element_keys[] = { "id", "code", "level", "name" };

/* Members that are texts in every description. */
static const char *const text_names[] = {
    "title", "description", "text", "guidance", "label"
};

/* Bytewise order of two strings, for qsort. */
static int compare_strings(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Whether every element of `v` is an object whose member `key` is a
** string, and (when `unique`) no two have the same one.  -1 when out
** of memory. */
static int keys_array(const cJSON *v, const char *key, int unique)
{
    const char **keys;
    const cJSON *e;
    size_t n = 0, i;
    int ok = 1;

    cJSON_ArrayForEach(e, v)
        if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(e, key)))
            return 0;
    if (!unique)
        return 1;
    keys = malloc((size_t)cJSON_GetArraySize(v) * sizeof *keys);
    if (keys == NULL)
        return -1;
    cJSON_ArrayForEach(e, v)
        keys[n++] = cJSON_GetObjectItemCaseSensitive(e, key)->valuestring;
    qsort(keys, n, sizeof *keys, compare_strings);
    for (i = 1; i < n && ok; i++)
        ok = strcmp(keys[i - 1], keys[i]) != 0;
    free(keys);
    return ok;
}

/* The member that names the elements of the array `v`: "id", "code",
** "level" or "name" when every element carries it as a string, else the
** first member when every element starts with the same one, a string
** that no two share ("trigger", "step").  NULL when there is none; ""
** for an empty or missing array, which fits any key.  Sets c->failed
** when out of memory. */
static const char *array_key(cli_diff_ctx *c, const cJSON *v)
{
    const char *first;
    size_t k;
    int r;

    if (!cJSON_IsArray(v) || v->child == NULL)
        return "";
    for (k = 0; k < sizeof element_keys / sizeof element_keys[0]; k++)
        if (keys_array(v, element_keys[k], 0) == 1)
            return element_keys[k];
    first = v->child->child ? v->child->child->string : NULL;
    if (first == NULL)
        return NULL;
    r = keys_array(v, first, 1);
    if (r < 0)
        c->failed = 1;
    return r == 1 ? first : NULL;
}

/* ---- nodes ------------------------------------------------------------- */

/* New nodes: member `key` of each node of `s` (NULL when absent). */
cli_diff_nodes cli_diff_member_nodes(cli_diff_ctx *c, const cJSON *const *s, const char *key)
{
    cli_diff_nodes r = malloc((c->nl + 1) * sizeof *r);
    size_t i;

    if (r == NULL) {
        c->failed = 1;
        return NULL;
    }
    for (i = 0; i <= c->nl; i++)
        r[i] = s[i] ? cJSON_GetObjectItemCaseSensitive(s[i], key) : NULL;
    return r;
}

/* The elements of the array of each node of `s`, as one block of
** (nl + 1) x len nodes: element j of language i at [i * len + j].  `len`
** is the length of the default language's array. */
static const cJSON **element_block(cli_diff_ctx *c, const cJSON *const *s, size_t *len)
{
    size_t i, j, n = (size_t)cJSON_GetArraySize(s[0]);
    const cJSON **r = calloc((c->nl + 1) * (n ? n : 1), sizeof *r);
    const cJSON *e;

    *len = n;
    if (r == NULL) {
        c->failed = 1;
        return NULL;
    }
    for (i = 0; i <= c->nl; i++) {
        if (!cJSON_IsArray(s[i]))
            continue;
        j = 0;
        cJSON_ArrayForEach(e, s[i])
            if (j < n)
                r[i * n + j++] = e;
    }
    return r;
}

/* The nodes of element j of a block made by element_block, in `tmp`. */
static const cJSON *const *element_nodes(const cli_diff_ctx *c, const cJSON **block,
                                        size_t len, size_t j, cli_diff_nodes tmp)
{
    size_t i;
    for (i = 0; i <= c->nl; i++)
        tmp[i] = block[i * len + j];
    return tmp;
}

/* ---- finding the texts -------------------------------------------------- */

/* Whether the schema path `path` ("items[].text") is a text member. */
static int is_text_path(const cli_diff_ctx *c, const char *path)
{
    size_t i;
    for (i = 0; i < c->ntexts; i++)
        if (strcmp(c->texts[i], path) == 0)
            return 1;
    return 0;
}

/* Records the current schema path as a text member. */
static void add_text_path(cli_diff_ctx *c)
{
    const char *path = cli_dbuf_str(&c->schema);
    char *copy;

    if (is_text_path(c, path))
        return;
    if (c->ntexts == c->captexts) {
        size_t cap = c->captexts ? c->captexts * 2 : 16;
        char **v = realloc(c->texts, cap * sizeof *v);
        if (v == NULL) {
            c->failed = 1;
            return;
        }
        c->texts = v;
        c->captexts = cap;
    }
    copy = malloc(strlen(path) + 1);
    if (copy == NULL) {
        c->failed = 1;
        return;
    }
    strcpy(copy, path);
    c->texts[c->ntexts++] = copy;
}

/* Appends a member name to the schema path; returns the old length. */
size_t cli_diff_push_schema(cli_diff_ctx *c, const char *name)
{
    size_t old = c->schema.n;
    if (old)
        cli_dbuf_add(&c->schema, ".", 1);
    cli_dbuf_adds(&c->schema, name);
    return old;
}

/* Whether `name` is one of the usual names of a text member. */
static int is_text_name(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof text_names / sizeof text_names[0]; i++)
        if (strcmp(name, text_names[i]) == 0)
            return 1;
    return 0;
}

/* Walks one script's nodes and records as texts the members with a usual
** text name and the plain values that differ between its languages. */
void cli_diff_find_texts(cli_diff_ctx *c, const cJSON *const *s, const char *name)
{
    const cJSON *p = s[0], *m;
    size_t i, j, len, old;

    if (c->failed)
        return;
    if (name && is_text_name(name) && (cli_json_null(p) || cJSON_IsString(p)))
        add_text_path(c);
    if (cJSON_IsObject(p)) {
        cJSON_ArrayForEach(m, p) {
            cli_diff_nodes sub;
            if (m->string == NULL || strcmp(m->string, "line") == 0)
                continue;
            sub = cli_diff_member_nodes(c, s, m->string);
            if (sub == NULL)
                return;
            old = cli_diff_push_schema(c, m->string);
            cli_diff_find_texts(c, sub, m->string);
            cli_dbuf_cut(&c->schema, old);
            free(sub);
        }
    } else if (cJSON_IsArray(p) && !cli_json_plain_list(p)) {
        const cJSON **block = element_block(c, s, &len);
        cli_diff_nodes tmp = malloc((c->nl + 1) * sizeof *tmp);
        old = c->schema.n;
        cli_dbuf_adds(&c->schema, "[]");
        for (j = 0; block && tmp && j < len; j++)
            cli_diff_find_texts(c, element_nodes(c, block, len, j, tmp), NULL);
        if (block == NULL || tmp == NULL)
            c->failed = 1;
        cli_dbuf_cut(&c->schema, old);
        free(tmp);
        free(block);
    } else {
        for (i = 1; i <= c->nl; i++)
            if (s[i] != NULL && !cli_json_same(s[i], p)) {
                add_text_path(c);
                break;
            }
    }
}

/* ---- writing lines ------------------------------------------------------ */

/* Starts a line of the current section: "  ~ LABEL  ". */
static void line_begin(cli_diff_ctx *c, char mark)
{
    char head[5] = { ' ', ' ', mark, ' ', '\0' };
    cli_dbuf_adds(&c->section, head);
    if (c->label != NULL) {
        if (cli_is_plain(c->label))
            cli_dbuf_adds(&c->section, c->label);
        else
            cli_dbuf_quoted(&c->section, c->label);
        cli_dbuf_adds(&c->section, "  ");
    }
}

/* Ends a line of the current section and counts it. */
static void line_end(cli_diff_ctx *c)
{
    cli_dbuf_add(&c->section, "\n", 1);
    c->lines++;
}

/* Starts a line about the current member: "  ~ LABEL  WORDS".  An empty
** path in words is `fallback`. */
static void line_words(cli_diff_ctx *c, const char *fallback)
{
    line_begin(c, '~');
    cli_dbuf_adds(&c->section, c->words.n ? cli_dbuf_str(&c->words) : fallback);
}

/* A line "WORDS: A -> B" for two plain values. */
static void line_change(cli_diff_ctx *c, const cJSON *a, const cJSON *b, int quote)
{
    line_words(c, "value");
    cli_dbuf_adds(&c->section, ": ");
    cli_dbuf_value(&c->section, a, quote);
    cli_dbuf_adds(&c->section, " -> ");
    cli_dbuf_value(&c->section, b, quote);
    line_end(c);
}

/* Appends what names an element: its first text (in the display
** language) in quotes, then, when `details`, what it is in parentheses:
** its kind, scale, domains, range, condition...; for an element without
** any of these, its plain members ("months 6").  `k` is its key. */
static void add_summary(cli_diff_ctx *c, cli_dbuf *b, const cJSON *const *s, const char *k,
                        int details)
{
    static const struct { const char *member, *prefix; } salient[] = {
        { "type", NULL }, { "kind", NULL }, { "category", NULL }, { "rule", NULL },
        { "scale", "scale" }, { "of", "of" }, { "value", "value" }, { "weight", "weight" },
        { "domains", "" }, { "domain", "domain" }, { "part", "part" },
        { "agency", "agency" }, { "when", "when" },
    };
    const cJSON *shown = s[0], *m, *min, *max;
    size_t i, old = c->schema.n, n = 0;
    int text = 0;

    if (c->nl > 0 && s[1 + c->o->display] != NULL)
        shown = s[1 + c->o->display];
    cJSON_ArrayForEach(m, shown) {
        if (m->string == NULL || !cJSON_IsString(m) || !*m->valuestring)
            continue;
        cli_diff_push_schema(c, m->string);
        text = is_text_path(c, cli_dbuf_str(&c->schema));
        cli_dbuf_cut(&c->schema, old);
        if (text) {
            cli_dbuf_adds(b, ": ");
            cli_dbuf_quoted(b, m->valuestring);
            break;
        }
    }
    if (!details || !cJSON_IsObject(s[0]))
        return;
    for (i = 0; i < sizeof salient / sizeof salient[0]; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(s[0], salient[i].member);
        if (cli_json_null(v) || cJSON_IsFalse(v) || cJSON_IsObject(v)
            || (cJSON_IsArray(v) && v->child == NULL))
            continue;
        /* "scale" says less than "scale lmh"; a part less than domains */
        if (!salient[i].prefix && cJSON_IsString(v)
            && !cli_json_null(cJSON_GetObjectItemCaseSensitive(s[0], v->valuestring)))
            continue;
        if (strcmp(salient[i].member, "part") == 0
            && cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(s[0], "domains")) > 0)
            continue;
        cli_dbuf_adds(b, n++ ? ", " : " (");
        if (salient[i].prefix && !*salient[i].prefix) {
            if (cJSON_GetArraySize(v) == 1)
                cli_dbuf_singular(b, salient[i].member);
            else
                cli_dbuf_words(b, salient[i].member);
            cli_dbuf_add(b, " ", 1);
        } else if (salient[i].prefix) {
            cli_dbuf_adds(b, salient[i].prefix);
            cli_dbuf_add(b, " ", 1);
        }
        cli_dbuf_value(b, v, 0);
    }
    min = cJSON_GetObjectItemCaseSensitive(s[0], "min");
    max = cJSON_GetObjectItemCaseSensitive(s[0], "max");
    if (cJSON_IsNumber(min) || cJSON_IsNumber(max)) {
        cli_dbuf_adds(b, n++ ? ", " : " (");
        cli_dbuf_range(b, min, max);
    }
    if (n == 0 && !text)
        cJSON_ArrayForEach(m, s[0]) {
            if (m->string == NULL || strcmp(m->string, "line") == 0 || cli_json_null(m)
                || cJSON_IsObject(m) || (cJSON_IsArray(m) && !cli_json_plain_list(m))
                || (cJSON_IsString(m) && strcmp(m->valuestring, k) == 0))
                continue;
            cli_dbuf_adds(b, n++ ? ", " : " (");
            cli_dbuf_words(b, m->string);
            cli_dbuf_add(b, " ", 1);
            cli_dbuf_value(b, m, 0);
        }
    if (n)
        cli_dbuf_add(b, ")", 1);
}

/* ---- comparing ---------------------------------------------------------- */

/* The text of side `k` (0: A, 1: B) in comparison language i, or NULL
** where it has none there: where the script does not declare the
** language, or where the same text stands in a language the script
** declares before it (the text shown in place of a missing translation
** is not a translation). */
static const cJSON *text_in(const cli_diff_ctx *c, int k, const cJSON *const *s, size_t i)
{
    size_t j;
    if (s[1 + i] == NULL)
        return NULL;
    for (j = 0; j < c->nl; j++)
        if (j != i && s[1 + j] != NULL && c->rank[k][j] < c->rank[k][i]
            && cli_json_same(s[1 + j], s[1 + i]))
            return NULL;
    return s[1 + i];
}

/* Compares a text in each language where the two scripts show different
** texts, each side's text as text_in gives it; languages with the same
** change share one line: "text [en, sq]: "old" -> "new"". */
static void diff_text(cli_diff_ctx *c, const cJSON *const *a, const cJSON *const *b)
{
    const cJSON **v = malloc(2 * (c->nl ? c->nl : 1) * sizeof *v);
    char *done = calloc(c->nl ? c->nl : 1, 1);
    size_t i, j;

    if (done == NULL || v == NULL) {
        c->failed = 1;
        goto cleanup;
    }
    for (i = 0; i < c->nl; i++) {    /* v[2i]: A's text, v[2i + 1]: B's */
        v[2 * i] = text_in(c, 0, a, i);
        v[2 * i + 1] = text_in(c, 1, b, i);
    }
    for (i = 0; i < c->nl; i++)     /* the same text shown: no change */
        if ((c->o->only != NULL && !cli_lang_equal(c->o->langs[i], c->o->only))
            || cli_json_same(a[1 + i], b[1 + i]))
            done[i] = 1;
    for (i = 0; i < c->nl; i++) {
        if (done[i] || cli_json_same(v[2 * i], v[2 * i + 1]))
            continue;
        line_words(c, "text");
        cli_dbuf_adds(&c->section, " [");
        for (j = i; j < c->nl; j++)
            if (!done[j] && !cli_json_same(v[2 * j], v[2 * j + 1])
                && cli_json_same(v[2 * j], v[2 * i])
                && cli_json_same(v[2 * j + 1], v[2 * i + 1])) {
                if (j > i)
                    cli_dbuf_adds(&c->section, ", ");
                cli_dbuf_adds(&c->section, c->o->langs[j]);
                done[j] = 1;
            }
        cli_dbuf_adds(&c->section, "]: ");
        cli_dbuf_value(&c->section, v[2 * i], 1);
        cli_dbuf_adds(&c->section, " -> ");
        cli_dbuf_value(&c->section, v[2 * i + 1], 1);
        line_end(c);
    }
cleanup:
    free(done);
    free(v);
}

/* The values of a list as an array (malloc; the list's length in *n),
** or NULL with *n = 0 for a missing value or an empty list. */
static const cJSON **list_values(cli_diff_ctx *c, const cJSON *list, size_t *n)
{
    const cJSON **v, *e;
    size_t i = 0;

    *n = cJSON_IsArray(list) ? (size_t)cJSON_GetArraySize(list) : 0;
    if (*n == 0)
        return NULL;
    v = malloc(*n * sizeof *v);
    if (v == NULL) {
        c->failed = 1;
        *n = 0;
        return NULL;
    }
    cJSON_ArrayForEach(e, list)
        v[i++] = e;
    return v;
}

/* Compares two lists of plain values: "domains: added x; removed y", or
** "domains order: a, b -> b, a" when only the order changed. */
static void diff_list(cli_diff_ctx *c, const cJSON *a, const cJSON *b)
{
    size_t na, nb, i, j, pass;
    const cJSON **va = list_values(c, a, &na), **vb = list_values(c, b, &nb);
    char *used = calloc(na + nb + 1, 1);   /* A's matched values, then B's */
    int any = 0;

    if (used == NULL || c->failed) {
        c->failed = 1;
        goto cleanup;
    }
    for (i = 0; i < na; i++)
        for (j = 0; j < nb; j++)
            if (!used[na + j] && cli_json_same(va[i], vb[j])) {
                used[i] = used[na + j] = 1;
                break;
            }
    for (pass = 0; pass < 2; pass++) {     /* B's new values, then A's gone */
        const cJSON **v = pass ? va : vb;
        size_t n = pass ? na : nb;
        int first = 1;
        for (i = 0; i < n; i++) {
            if (used[pass ? i : na + i])
                continue;
            if (!any)
                line_words(c, "values");
            cli_dbuf_adds(&c->section, first ? (any ? "; " : ": ") : ", ");
            if (first)
                cli_dbuf_adds(&c->section, pass ? "removed " : "added ");
            cli_dbuf_value(&c->section, v[i], 0);
            first = 0;
            any = 1;
        }
    }
    if (any) {
        line_end(c);
    } else if (!cli_json_same(a, b) && na == nb && na > 0) {
        line_words(c, "values");
        cli_dbuf_adds(&c->section, " order: ");
        cli_dbuf_value(&c->section, a, 0);
        cli_dbuf_adds(&c->section, " -> ");
        cli_dbuf_value(&c->section, b, 0);
        line_end(c);
    }
cleanup:
    free(used);
    free(va);
    free(vb);
}

/* Whether `v` can be one end of a range: a number, null or missing. */
static int range_end(const cJSON *v)
{
    return cli_json_null(v) || cJSON_IsNumber(v);
}

/* Compares two objects member by member (A's order, then B's new
** members); "min" and "max" together are one range, and the members of a
** "weights" object are "weight in DOMAIN". */
static void diff_object(cli_diff_ctx *c, const cJSON *const *a, const cJSON *const *b,
                        const char *key, size_t parent_words)
{
    const cJSON *pa = a[0], *pb = b[0], *m;
    int is_map = key != NULL && strcmp(key, "weights") == 0;
    int range = 0, pass;

    {
        const cJSON *amin = cJSON_GetObjectItemCaseSensitive(pa, "min");
        const cJSON *amax = cJSON_GetObjectItemCaseSensitive(pa, "max");
        const cJSON *bmin = cJSON_GetObjectItemCaseSensitive(pb, "min");
        const cJSON *bmax = cJSON_GetObjectItemCaseSensitive(pb, "max");
        range = (amin || bmin) && (amax || bmax) && range_end(amin) && range_end(amax)
             && range_end(bmin) && range_end(bmax);
        if (range && (!cli_json_same(amin, bmin) || !cli_json_same(amax, bmax))) {
            line_words(c, "range");
            cli_dbuf_adds(&c->section, ": ");
            cli_dbuf_range(&c->section, amin, amax);
            cli_dbuf_adds(&c->section, " -> ");
            cli_dbuf_range(&c->section, bmin, bmax);
            line_end(c);
        }
    }
    for (pass = 0; pass < 2 && !c->failed; pass++) {
        const cJSON *obj = pass ? pb : pa;
        cJSON_ArrayForEach(m, obj) {
            cli_diff_nodes sa, sb;
            size_t ow, os;
            if (m->string == NULL || strcmp(m->string, "line") == 0
                || (range && (strcmp(m->string, "min") == 0 || strcmp(m->string, "max") == 0))
                || (pass && cJSON_GetObjectItemCaseSensitive(pa, m->string) != NULL))
                continue;
            sa = cli_diff_member_nodes(c, a, m->string);
            sb = cli_diff_member_nodes(c, b, m->string);
            ow = c->words.n;
            os = cli_diff_push_schema(c, m->string);
            if (is_map) {
                cli_dbuf_cut(&c->words, parent_words);
                if (c->words.n)
                    cli_dbuf_add(&c->words, " ", 1);
                cli_dbuf_adds(&c->words, "weight in ");
                cli_dbuf_adds(&c->words, m->string);
            } else {
                if (c->words.n)
                    cli_dbuf_add(&c->words, " ", 1);
                cli_dbuf_words(&c->words, m->string);
            }
            if (sa && sb)
                cli_diff_value(c, sa, sb, m->string, ow);
            cli_dbuf_cut(&c->words, ow);
            cli_dbuf_cut(&c->schema, os);
            free(sa);
            free(sb);
        }
    }
}

/* One key and its element index, for matching elements by key. */
typedef struct keyed {
    const char *key;
    size_t index;
} keyed;

/* Order of keys, then positions, for qsort. */
static int compare_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int r = strcmp(a->key, b->key);
    return r ? r : (a->index > b->index) - (a->index < b->index);
}

/* The element of B with key `k` not matched yet (the first in B's order),
** or `n` when there is none.  `index` is sorted by key, then position. */
static size_t find_keyed(const keyed *index, size_t n, const char *k, const char *matched)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(index[mid].key, k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && strcmp(index[lo].key, k) == 0; lo++)
        if (!matched[index[lo].index])
            return index[lo].index;
    return n;
}

/* The key of element `e` under `key`, or NULL for a positional array. */
static const char *element_key(const cJSON *e, const char *key)
{
    const cJSON *k = *key ? cJSON_GetObjectItemCaseSensitive(e, key) : NULL;
    return cJSON_IsString(k) ? k->valuestring : NULL;
}

/* Sets the path in words for one element: in a section, nothing (the
** element is the line's label); nested, the words before the array's
** member, then "option yes" (the member's singular and the key). */
static void element_words(cli_diff_ctx *c, const char *saved, size_t parent_words,
                          int top, const char *name, const char *k)
{
    cli_dbuf_cut(&c->words, 0);
    cli_dbuf_add(&c->words, saved, parent_words);
    if (top)
        return;
    if (c->words.n)
        cli_dbuf_add(&c->words, " ", 1);
    cli_dbuf_singular(&c->words, name);
    cli_dbuf_add(&c->words, " ", 1);
    cli_dbuf_adds(&c->words, k);
}

/* Writes the line of an element that only one script has.  In a section
** (`top`) the element is the line's label; nested, it is named in words
** ("option maybe added: ..."). */
static void element_line(cli_diff_ctx *c, const cJSON *const *s, const char *k, int top,
                         int added)
{
    const char *saved = c->label;
    if (top) {
        c->label = k;
        line_begin(c, added ? '+' : '-');
    } else {
        line_words(c, "element");
        cli_dbuf_add(&c->section, " ", 1);
    }
    cli_dbuf_adds(&c->section, added ? "added" : "removed");
    add_summary(c, &c->section, s, k, added);
    line_end(c);
    c->label = saved;
}

/* Compares two arrays of objects: by key when every element has one,
** else by position; A's elements in A's order, then B's new ones in B's
** order.  `top` is set for the arrays that are sections; then `counts`
** gets the number of elements added, removed and changed. */
void cli_diff_array(cli_diff_ctx *c, const cJSON *const *a, const cJSON *const *b,
                    const char *name, size_t parent_words, int top, size_t counts[3])
{
    const char *ka = array_key(c, a[0]), *kb = array_key(c, b[0]), *key = "";
    const cJSON **ea, **eb;
    cli_diff_nodes ta, tb;
    keyed *index;
    char *matched, *saved, label[32];
    size_t la = 0, lb = 0, i, j, os;

    if (ka && kb && (!*ka || !*kb || strcmp(ka, kb) == 0))
        key = *ka ? ka : kb;
    ea = element_block(c, a, &la);
    eb = element_block(c, b, &lb);
    ta = malloc((c->nl + 1) * sizeof *ta);
    tb = malloc((c->nl + 1) * sizeof *tb);
    index = malloc((lb ? lb : 1) * sizeof *index);
    matched = calloc(lb ? lb : 1, 1);
    saved = malloc(c->words.n + 1);
    if (!ea || !eb || !ta || !tb || !index || !matched || !saved) {
        c->failed = 1;
        goto cleanup;
    }
    memcpy(saved, cli_dbuf_str(&c->words), c->words.n + 1);
    for (j = 0; j < lb; j++) {
        const char *k = element_key(eb[j], key);
        index[j].key = k ? k : "";
        index[j].index = j;
    }
    qsort(index, lb, sizeof *index, compare_keyed);
    os = c->schema.n;
    cli_dbuf_adds(&c->schema, "[]");
    for (i = 0; i < la && !c->failed; i++) {
        const char *k = element_key(ea[i], key);
        size_t m = i < lb ? i : lb;
        if (k != NULL)
            m = find_keyed(index, lb, k, matched);
        else
            snprintf(label, sizeof label, "%lu", (unsigned long)(i + 1));
        element_words(c, saved, parent_words, top, name, k ? k : label);
        if (m == lb) {
            element_line(c, element_nodes(c, ea, la, i, ta), k ? k : label, top, 0);
            if (top)
                counts[1]++;
        } else {
            size_t before = c->lines;
            const char *was = c->label;
            matched[m] = 1;
            if (top)
                c->label = k ? k : label;
            cli_diff_value(c, element_nodes(c, ea, la, i, ta),
                           element_nodes(c, eb, lb, m, tb), NULL, c->words.n);
            c->label = was;
            if (top && c->lines > before)
                counts[2]++;
        }
    }
    for (j = 0; j < lb && !c->failed; j++) {
        const char *k = element_key(eb[j], key);
        if (matched[j])
            continue;
        if (k == NULL)
            snprintf(label, sizeof label, "%lu", (unsigned long)(j + 1));
        element_words(c, saved, parent_words, top, name, k ? k : label);
        element_line(c, element_nodes(c, eb, lb, j, tb), k ? k : label, top, 1);
        if (top)
            counts[0]++;
    }
    cli_dbuf_cut(&c->schema, os);
    cli_dbuf_cut(&c->words, 0);
    cli_dbuf_adds(&c->words, saved);
cleanup:
    free(saved);
    free(matched);
    free(index);
    free(ta);
    free(tb);
    free(ea);
    free(eb);
}

/* Compares the values at the nodes of A and B: texts per language,
** objects by member, arrays by element, lists as lists, plain values by
** value.  `key` is the member's name (NULL for an array element),
** `parent_words` the length of the path in words before the member's own
** words. */
void cli_diff_value(cli_diff_ctx *c, const cJSON *const *a, const cJSON *const *b,
                    const char *key, size_t parent_words)
{
    const cJSON *pa = a[0], *pb = b[0];

    if (c->failed)
        return;
    if (c->nl > 0 && is_text_path(c, cli_dbuf_str(&c->schema))
        && !cJSON_IsObject(pa) && !cJSON_IsObject(pb)
        && !(cJSON_IsArray(pa) && !cli_json_plain_list(pa))
        && !(cJSON_IsArray(pb) && !cli_json_plain_list(pb))) {
        diff_text(c, a, b);
    } else if ((cJSON_IsObject(pa) || cJSON_IsObject(pb))
               && (cli_json_null(pa) || cJSON_IsObject(pa))
               && (cli_json_null(pb) || cJSON_IsObject(pb))) {
        diff_object(c, a, b, key, parent_words);
    } else if ((cli_json_plain_list(pa) || cli_json_null(pa))
               && (cli_json_plain_list(pb) || cli_json_null(pb))
               && (cJSON_IsArray(pa) || cJSON_IsArray(pb))) {
        diff_list(c, pa, pb);
    } else if ((cJSON_IsArray(pa) || cJSON_IsArray(pb))
               && (cli_json_null(pa) || cJSON_IsArray(pa))
               && (cli_json_null(pb) || cJSON_IsArray(pb))) {
        cli_diff_array(c, a, b, key ? key : "element", parent_words, 0, NULL);
    } else if (!cli_json_same(pa, pb)) {
        line_change(c, pa, pb, 0);
    }
}
