/*
** doc_write.c -- the document of `vep doc` (doc.h): the string buffer,
** the block stack and contents the backends share, the calls the guides'
** content makes, and the prose helpers both guides use.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "doc.h"

/* ---- The string buffer --------------------------------------------------- */

/* Appends `n` bytes; on failure marks the buffer failed and keeps what
** it had. */
void doc_buf_add(doc_buf *b, const char *s, size_t n)
{
    char *p;
    size_t cap;

    if (b->failed || n == 0)
        return;
    if (b->len + n + 1 > b->cap) {
        cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        p = realloc(b->data, cap);
        if (p == NULL) {
            b->failed = 1;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Appends a NUL-terminated string. */
void doc_buf_adds(doc_buf *b, const char *s)
{
    if (s != NULL)
        doc_buf_add(b, s, strlen(s));
}

/* Appends formatted text (short pieces: numbers and fixed words). */
void doc_buf_printf(doc_buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        doc_buf_add(b, small, (size_t)n);
        return;
    }
    {
        char *big = malloc((size_t)n + 1);
        if (big == NULL) {
            b->failed = 1;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        doc_buf_add(b, big, (size_t)n);
        free(big);
    }
}

/* Frees the buffer's memory and empties it. */
void doc_buf_free(doc_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* ---- The document -------------------------------------------------------- */

/* A copy of `s` with malloc, or NULL. */
static char *dup(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p != NULL)
        memcpy(p, s, n + 1);
    return p;
}

/* Starts an empty document. */
void doc_init(doc *d, doc_format format)
{
    memset(d, 0, sizeof *d);
    d->be = format == DOC_HTML ? &doc_backend_html : &doc_backend_md;
    d->md_fresh = 1;
    strcpy(d->lang, "und");
}

/* Frees the body, the contents and the title. */
void doc_free(doc *d)
{
    size_t i;
    for (i = 0; i < d->ntoc; i++) {
        free(d->toc[i].anchor);
        free(d->toc[i].title);
    }
    free(d->toc);
    free(d->title);
    doc_buf_free(&d->body);
    memset(d, 0, sizeof *d);
}

/* Closes what is still open and lets the backend wrap the body. */
int doc_finish(doc *d, doc_buf *out)
{
    while (d->depth > 0)
        doc_close(d);
    memset(out, 0, sizeof *out);
    d->be->finish(d, out);
    if (d->nomem || d->body.failed || out->failed) {
        doc_buf_free(out);
        return -1;
    }
    return 0;
}

/* Sets the document's title (the HTML <title>). */
void doc_set_title(doc *d, const char *title)
{
    free(d->title);
    d->title = dup(title ? title : "");
    if (d->title == NULL)
        d->nomem = 1;
}

/* Keeps a tag's letters, digits and hyphens, so that it is safe in an
** attribute. */
void doc_set_lang(doc *d, const char *tag)
{
    size_t i, n = 0;
    for (i = 0; tag != NULL && tag[i] && n + 1 < sizeof d->lang; i++) {
        char c = tag[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '-')
            d->lang[n++] = c;
    }
    d->lang[n] = '\0';
    if (n == 0)
        strcpy(d->lang, "und");
}

/* Adds a heading, and to the contents when it belongs there. */
void doc_heading_add(doc *d, int level, const char *anchor,
                     const char *title, unsigned flags)
{
    doc_heading *t;

    while (d->depth > 0)
        doc_close(d);
    if (level < 1)
        level = 1;
    if (level > 4)
        level = 4;
    d->be->heading(d, level, anchor, title ? title : "", flags);
    if (level < 2 || level > 3 || anchor == NULL || (flags & DOC_NO_TOC))
        return;
    t = realloc(d->toc, (d->ntoc + 1) * sizeof *t);
    if (t == NULL) {
        d->nomem = 1;
        return;
    }
    d->toc = t;
    t[d->ntoc].level = level;
    t[d->ntoc].anchor = dup(anchor);
    t[d->ntoc].title = dup(title ? title : "");
    if (t[d->ntoc].anchor == NULL || t[d->ntoc].title == NULL)
        d->nomem = 1;
    d->ntoc++;
}

void doc_heading_join(doc *d, int level, const char *prefix, const char *id,
                      const char *head, const char *title, unsigned flags)
{
    doc_buf a = { NULL, 0, 0, 0 }, t = { NULL, 0, 0, 0 };

    if (prefix != NULL)
        doc_buf_printf(&a, "%s-%s", prefix, id ? id : "");
    doc_buf_adds(&t, head ? head : "?");
    if (title != NULL) {
        doc_buf_adds(&t, ": ");
        doc_buf_adds(&t, title);
    }
    if (a.failed || t.failed)
        d->nomem = 1;
    doc_heading_add(d, level, prefix ? (a.data ? a.data : "") : NULL,
                    t.data ? t.data : "", flags);
    doc_buf_free(&a);
    doc_buf_free(&t);
}

/* Marks where the table of contents goes: after what is written so far. */
void doc_toc_here(doc *d)
{
    while (d->depth > 0)
        doc_close(d);
    d->toc_at = d->body.len;
    d->has_toc = 1;
}

/* Opens a block; too deep a nesting is a bug in the content, and is
** flattened rather than overflowing the stack. */
void doc_open(doc *d, doc_block kind)
{
    if (d->depth >= DOC_MAX_DEPTH)
        return;
    d->be->open(d, kind);
    d->stack[d->depth++] = kind;
}

/* Closes the innermost open block. */
void doc_close(doc *d)
{
    if (d->depth == 0)
        return;
    d->depth--;
    d->be->close(d, d->stack[d->depth]);
}

/* Opens a table and writes its header row. */
void doc_table(doc *d, const char *const *cols, size_t n)
{
    doc_open(d, DOC_TABLE);
    d->be->header(d, cols, n);
}

/* Inline text of the current block (empty texts write nothing). */
void doc_text(doc *d, const char *s)
{
    if (s != NULL && *s)
        d->be->text(d, s);
}

/* Inline text from a format: fixed words and numbers, never long script
** texts (it is cut at 1 KiB). */
void doc_textf(doc *d, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    doc_text(d, buf);
}

/* An id or a code, shown as code. */
void doc_code(doc *d, const char *s)
{
    if (s != NULL && *s)
        d->be->code(d, s);
}

/* A label, shown in bold. */
void doc_strong(doc *d, const char *s)
{
    if (s != NULL && *s)
        d->be->strong(d, s);
}

/* ---- Shortcuts and prose helpers ----------------------------------------- */

/* A paragraph of one text; nothing for an empty one. */
void doc_para(doc *d, const char *s)
{
    if (s == NULL || *s == '\0')
        return;
    doc_open(d, DOC_PARA);
    doc_text(d, s);
    doc_close(d);
}

/* Opens a list item that starts with "LABEL: " in bold. */
void doc_field(doc *d, const char *label)
{
    char buf[128];
    doc_open(d, DOC_ITEM);
    snprintf(buf, sizeof buf, "%s:", label);
    doc_strong(d, buf);
    doc_text(d, " ");
}

/* A whole list item "LABEL: TEXT"; nothing without a text. */
void doc_field_text(doc *d, const char *label, const char *text)
{
    if (text == NULL || *text == '\0')
        return;
    doc_field(d, label);
    doc_text(d, text);
    doc_close(d);
}

/* A table cell of one text or code. */
void doc_cell_text(doc *d, const char *s, int code)
{
    doc_open(d, DOC_CELL);
    if (code)
        doc_code(d, s);
    else
        doc_text(d, s);
    doc_close(d);
}

/* A number the short way (2, 0.5, never -0). */
void doc_number(doc *d, double v)
{
    char buf[64];
    cli_format_number(v, buf, sizeof buf);
    doc_text(d, buf);
}

/* Ids joined the way prose joins them: "A, B and C". */
void doc_ids(doc *d, const char *const *ids, size_t n, const char *conj)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (i > 0 && i + 1 == n)
            doc_textf(d, " %s ", conj);
        else if (i > 0)
            doc_text(d, ", ");
        doc_code(d, ids[i]);
    }
}

/* The ids of a JSON array (its strings, or member `key` of its objects)
** joined as prose. */
void doc_id_list(doc *d, const cJSON *arr, const char *key, const char *conj)
{
    const cJSON *e;
    const char **ids;
    size_t n = 0;

    if (!cJSON_IsArray(arr))
        return;
    ids = malloc(((size_t)cJSON_GetArraySize(arr) + 1) * sizeof *ids);
    if (ids == NULL) {
        d->nomem = 1;
        return;
    }
    cJSON_ArrayForEach(e, arr) {
        const char *s = key ? doc_str(e, key)
                            : cJSON_IsString(e) ? e->valuestring : NULL;
        if (s != NULL)
            ids[n++] = s;
    }
    doc_ids(d, ids, n, conj);
    free(ids);
}

/* ---- Reading the description --------------------------------------------- */

/* Member `key` of an object; NULL when absent or null. */
const cJSON *doc_get(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_IsObject(o)
                         ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
    return cJSON_IsNull(v) ? NULL : v;
}

/* A non-empty string member, or NULL. */
const char *doc_str(const cJSON *o, const char *key)
{
    const cJSON *v = doc_get(o, key);
    return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

/* A number member into *out; returns whether there was one. */
int doc_num(const cJSON *o, const char *key, double *out)
{
    const cJSON *v = doc_get(o, key);
    if (!cJSON_IsNumber(v))
        return 0;
    *out = v->valuedouble;
    return 1;
}

/* Whether a member is the JSON value true. */
int doc_true(const cJSON *o, const char *key)
{
    return cJSON_IsTrue(doc_get(o, key));
}

/* The element of an array of objects whose "id" is `id`, or NULL. */
const cJSON *doc_find(const cJSON *arr, const char *id)
{
    const cJSON *e;
    if (id == NULL)
        return NULL;
    cJSON_ArrayForEach(e, arr) {
        const char *s = doc_str(e, "id");
        if (s != NULL && strcmp(s, id) == 0)
            return e;
    }
    return NULL;
}

/* ---- The front matter ----------------------------------------------------- */

/* Whether `tag` is one of the script's languages. */
static int has_language(const cJSON *desc, const char *tag)
{
    const cJSON *l;
    cJSON_ArrayForEach(l, doc_get(desc, "languages"))
        if (cJSON_IsString(l) && cli_lang_equal(l->valuestring, tag))
            return 1;
    return 0;
}

/* The first of the script's languages, or NULL. */
static const char *first_language(const cJSON *desc)
{
    const cJSON *l = doc_get(desc, "languages");
    return cJSON_IsArray(l) && cJSON_IsString(l->child)
               ? l->child->valuestring : NULL;
}

/* The language note from the description's "language" member:
** {"requested", "chain", "used": [{"tag", "transliterated", "texts"}],
** "missing"}: the language of the guide, then how many texts came from
** which language.  The guide is in the requested language when some
** texts are in it or were transliterated into it (a "used" step that
** transliterates names the tag the text was written in), else in the
** first language that gave texts.  Returns the tag the guide is in, or
** NULL when the member is absent. */
static const char *language_member(doc *d, const cJSON *lang)
{
    const cJSON *used = doc_get(lang, "used"), *u, *missing, *chain;
    const char *req = doc_str(lang, "requested"), *main = NULL;
    const char *only;
    int first = 1, nused = 0;
    double n, all = 0, nmiss;

    if (!cJSON_IsObject(lang))
        return NULL;
    cJSON_ArrayForEach(u, used)
        if (req != NULL && doc_str(u, "tag")
            && (cli_lang_equal(doc_str(u, "tag"), req) || doc_true(u, "transliterated")))
            main = req;
    if (main == NULL && cJSON_IsArray(used))
        main = doc_str(used->child, "tag");
    if (main == NULL)
        main = req;
    missing = doc_get(lang, "missing");
    nmiss = cJSON_IsNumber(missing) ? missing->valuedouble
          : cJSON_IsArray(missing) ? (double)cJSON_GetArraySize(missing) : 0;
    cJSON_ArrayForEach(u, used)
        nused += doc_num(u, "texts", &all);
    doc_field(d, "Language");
    doc_code(d, main ? main : "?");
    if (req != NULL && main != NULL && !cli_lang_equal(req, main)) {
        doc_text(d, " (asked for ");
        doc_code(d, req);
        doc_text(d, ")");
    }
    doc_text(d, ".");
    only = nused == 1 ? doc_str(used->child, "tag") : NULL;
    if (only != NULL && nmiss == 0 && main != NULL && cli_lang_equal(only, main)
        && !doc_true(used->child, "transliterated")) {
        doc_text(d, " All ");
        doc_number(d, all);
        doc_text(d, all == 1 ? " text of the script is in it."
                             : " texts of the script are in it.");
        used = NULL;       /* nothing fell back: said in full */
    }
    cJSON_ArrayForEach(u, used) {
        const char *tag = doc_str(u, "tag");
        if (tag == NULL || !doc_num(u, "texts", &n))
            continue;
        doc_text(d, first ? " Texts: " : "; ");
        first = 0;
        doc_number(d, n);
        if (doc_true(u, "transliterated"))
            doc_text(d, " transliterated from ");
        else if (main != NULL && cli_lang_equal(tag, main))
            doc_text(d, n == 1 ? " is in " : " are in ");
        else
            doc_text(d, " fell back to ");
        doc_code(d, tag);
    }
    if (nmiss > 0) {
        doc_text(d, first ? " Texts: " : "; ");
        first = 0;
        doc_number(d, nmiss);
        doc_text(d, nmiss == 1 ? " is missing in every language"
                               : " are missing in every language");
    }
    if (!first)
        doc_text(d, ".");
    chain = doc_get(lang, "chain");
    if (used != NULL && cJSON_GetArraySize(chain) > 1) {
        doc_text(d, " Fallback order: ");
        doc_id_list(d, chain, NULL, "then");
        doc_text(d, ".");
    }
    doc_close(d);
    return main;
}

/* The front matter: the language note, the script's languages, the
** SHA-256 of its sources and the engine that rendered the guide; sets the
** document's language tag. */
void doc_front_matter(doc *d, const cJSON *desc, const char *requested)
{
    const char *tag, *sha = doc_str(desc, "sha256");
    const cJSON *langs = doc_get(desc, "languages");

    doc_open(d, DOC_LIST);
    tag = language_member(d, doc_get(desc, "language"));
    if (tag == NULL) {
        tag = requested != NULL && has_language(desc, requested)
                  ? requested : first_language(desc);
        doc_field(d, "Language");
        doc_code(d, tag ? tag : "?");
        if (requested != NULL && !has_language(desc, requested)) {
            doc_text(d, " (the script has no texts in ");
            doc_code(d, requested);
            doc_text(d, ")");
        }
        doc_text(d, ".");
        doc_close(d);
    }
    if (cJSON_IsArray(langs) && langs->child != NULL) {
        doc_field(d, "Languages of the script");
        doc_id_list(d, langs, NULL, "and");
        doc_text(d, ".");
        doc_close(d);
    }
    if (sha != NULL) {
        doc_field(d, "SHA-256 of the script's sources");
        doc_code(d, sha);
        doc_close(d);
    }
    doc_field(d, "Rendered by");
    doc_textf(d, "libvep %s (vep doc), from the script itself: what this "
              "guide says is what the engine does.", vep_version_string());
    doc_close(d);
    doc_close(d);
    doc_set_lang(d, tag);
}

/* The section on the host functions a script declares (none: no
** section): what each asks the host system, and its signature. */
void doc_hosts(doc *d, const cJSON *arr)
{
    const cJSON *h;
    if (cJSON_GetArraySize(arr) == 0)
        return;
    doc_heading_add(d, 2, "host-functions", "Facts from the host system", 0);
    doc_para(d, "Some facts come from the system that runs the script, not from "
                "the assessment or the case: the script asks for them through the "
                "host functions below, which that system provides. Every answer is "
                "recorded under \"host_calls\" in the document the script "
                "produces. The script's test cases answer with stand-ins of "
                "their own.");
    doc_open(d, DOC_LIST);
    cJSON_ArrayForEach(h, arr) {
        const char *purpose = doc_str(h, "purpose");
        doc_open(d, DOC_ITEM);
        doc_code(d, doc_str(h, "name") ? doc_str(h, "name") : "?");
        doc_text(d, " (");
        doc_code(d, doc_str(h, "signature") ? doc_str(h, "signature") : "?");
        doc_text(d, ")");
        if (purpose != NULL) {
            doc_text(d, ": ");
            doc_text(d, purpose);
        }
        doc_close(d);
    }
    doc_close(d);
}

/* The section listing a script's own test cases by name; `what` says what
** a case holds ("assessments with the results they must give"). */
void doc_tests(doc *d, const cJSON *arr, const char *what)
{
    const cJSON *t;
    int n = cJSON_GetArraySize(arr);

    doc_heading_add(d, 2, "tests", "Test cases", 0);
    if (n == 0) {
        doc_para(d, "The script declares no test cases.");
        return;
    }
    doc_open(d, DOC_PARA);
    doc_textf(d, "The script ships %d test case%s: %s. ", n, n == 1 ? "" : "s", what);
    doc_code(d, "vep test");
    doc_text(d, " runs them; they are worked examples for training too.");
    doc_close(d);
    doc_open(d, DOC_LIST);
    cJSON_ArrayForEach(t, arr) {
        doc_open(d, DOC_ITEM);
        doc_text(d, doc_str(t, "name") ? doc_str(t, "name") : "(unnamed)");
        doc_close(d);
    }
    doc_close(d);
}
