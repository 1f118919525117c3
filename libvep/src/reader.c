/*
** reader.c -- helpers of the assessment reader (answers.h): the JSON path,
** diagnostics, escaped quotes of user strings, field look-ups.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "answers.h"
#include "utf8.h"

/* Formats the message and records it with the current path.  Counting
** continues when out of memory so that the status stays an error. */
void vep__rd_error(vep_reader *r, const char *item, const char *rule,
                   const char *fmt, ...)
{
    va_list ap;
    r->nerrors++;
    if (r->nomem)
        return;
    vep__buf_reset(&r->msg);
    va_start(ap, fmt);
    vep__buf_vprintf(&r->msg, fmt, ap);
    va_end(ap);
    if (r->msg.failed || r->path.failed) {
        r->nomem = 1;
        return;
    }
    if (vep__diag_add(r->ctx->diags, NULL, 0, vep__buf_str(&r->path), item,
                      rule, "%s", vep__buf_str(&r->msg)) != 0)
        r->nomem = 1;
}

/* Keys that look like identifiers are written .key, others ["key"] with
** quotes, backslashes and unprintable bytes escaped. */
size_t vep__rd_push_key(vep_reader *r, const char *key)
{
    size_t len = r->path.len, i;
    int ident = (key[0] == '_' || (key[0] >= 'A' && key[0] <= 'Z')
                 || (key[0] >= 'a' && key[0] <= 'z'));
    for (i = 1; ident && key[i] != '\0'; i++) {
        char c = key[i];
        ident = (c == '_' || c == '-' || (c >= 'A' && c <= 'Z')
                 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
    if (ident) {
        vep__buf_addc(&r->path, '.');
        vep__buf_adds(&r->path, key);
    } else {
        vep__buf_adds(&r->path, "[\"");
        vep__utf8_escape(&r->path, key, strlen(key), 100, 1);
        vep__buf_adds(&r->path, "\"]");
    }
    return len;
}

/* Array elements are written [i], counting from 0. */
size_t vep__rd_push_index(vep_reader *r, size_t i)
{
    size_t len = r->path.len;
    vep__buf_printf(&r->path, "[%lu]", (unsigned long)i);
    return len;
}

/* Cuts the path back; a failed buffer is left alone (reported later). */
void vep__rd_pop(vep_reader *r, size_t len)
{
    if (!r->path.failed && r->path.data != NULL && len <= r->path.len) {
        r->path.len = len;
        r->path.data[len] = '\0';
    }
}

/* The quote buffers are used round robin, so a message can hold several
** quoted strings without allocating for each. */
vep_buf *vep__rd_scratch(vep_reader *r)
{
    vep_buf *b = &r->quote[r->nquote];
    r->nquote = (r->nquote + 1) % VEP_RD_NQUOTE;
    vep__buf_reset(b);
    return b;
}

/* A buffer that failed to grow turns into the out-of-memory status. */
const char *vep__rd_str(vep_reader *r, const vep_buf *b)
{
    if (b->failed) {
        r->nomem = 1;
        return "";
    }
    return vep__buf_str(b);
}

/* User strings are cut at 60 characters in messages. */
const char *vep__rd_quote(vep_reader *r, const char *s)
{
    vep_buf *b = vep__rd_scratch(r);
    vep__utf8_escape(b, s, strlen(s), 60, 0);
    return vep__rd_str(r, b);
}

/* Copies into the assessment, remembering a failure. */
char *vep__rd_strdup(vep_reader *r, const char *s)
{
    char *d = vep__strdup(r->a, s);
    if (d == NULL)
        r->nomem = 1;
    return d;
}

/* cJSON accepts any bytes in strings, so UTF-8 is checked again wherever a
** string is used (the document pass has reported the bad ones). */
int vep__rd_string(const cJSON *j)
{
    if (!cJSON_IsString(j) || j->valuestring == NULL)
        return VEP_RD_NOT_STRING;
    if (!vep__utf8_valid(j->valuestring, strlen(j->valuestring)))
        return VEP_RD_BAD_UTF8;
    return VEP_RD_STRING;
}

/* The JSON type of `j` as the user would say it. */
const char *vep__rd_type_name(const cJSON *j)
{
    if (cJSON_IsString(j))
        return "a string";
    if (cJSON_IsNumber(j))
        return "a number";
    if (cJSON_IsObject(j))
        return "an object";
    if (cJSON_IsArray(j))
        return "an array";
    if (cJSON_IsTrue(j))
        return "true";
    if (cJSON_IsFalse(j))
        return "false";
    return "null";
}

/* One pass over an object's keys: known fields are picked up, the others
** reported, so every object of the document is read the same way. */
void vep__rd_fields(vep_reader *r, const cJSON *o, const char *const *names,
                    size_t n, const cJSON **out, const char *item,
                    const char *where)
{
    unsigned char seen[16];
    const cJSON *c;
    vep_buf *list;
    size_t k, at;

    for (k = 0; k < n && k < sizeof seen; k++) {
        out[k] = NULL;
        seen[k] = 0;
    }
    for (c = o->child; c != NULL && !r->nomem; c = c->next) {
        if (c->string == NULL
            || !vep__utf8_valid(c->string, strlen(c->string)))
            continue;
        for (k = 0; k < n && k < sizeof seen; k++)
            if (strcmp(c->string, names[k]) == 0)
                break;
        if (k < n && k < sizeof seen) {
            if (!seen[k] && !cJSON_IsNull(c))
                out[k] = c;
            seen[k] = 1;
            continue;
        }
        list = vep__rd_scratch(r);   /* rebuilt: quotes reuse the buffers */
        for (k = 0; k < n; k++) {
            if (k)
                vep__buf_adds(list, ", ");
            vep__buf_adds(list, names[k]);
        }
        at = vep__rd_push_key(r, c->string);
        vep__rd_error(r, item, "unknown_field",
                      "unknown field '%s' in %s (expected: %s)",
                      vep__rd_quote(r, c->string), where,
                      vep__rd_str(r, list));
        vep__rd_pop(r, at);
    }
}

/* Item ids sorted for binary search: answers are checked against the
** model for every key, and documents may have thousands of keys. */
static int id_cmp(const void *pa, const void *pb)
{
    const vep_rd_id *x = pa, *y = pb;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* qsort is enough: ties are broken by index, so the order is total. */
void vep__rd_sort_ids(vep_rd_id *v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, id_cmp);
}

/* The item named `key`: through the model's sorted id index, built once
** at load (model.c), so no assessment pays for sorting. */
int vep__rd_find_item(const vep_reader *r, const char *key)
{
    return vep__model_find_item(r->m, key);
}

/* Sets up a reader for ctx (whose ctx->as is already allocated): the
** buffers and the per-item flags.  -1 when out of
** memory (vep__rd_free then releases what was taken). */
int vep__rd_init(vep_reader *r, vep_ctx *ctx)
{
    const vep_model *m = ctx->m;
    size_t i;

    memset(r, 0, sizeof *r);
    r->ctx = ctx;
    r->m = m;
    r->a = ctx->a;
    r->as = ctx->as;
    vep__buf_init(&r->path, r->a);
    vep__buf_init(&r->msg, r->a);
    for (i = 0; i < VEP_RD_NQUOTE; i++)
        vep__buf_init(&r->quote[i], r->a);
    vep__buf_adds(&r->path, "$");
    r->flags = vep__calloc(r->a, m->nitems ? m->nitems : 1, 1);
    if (r->path.failed || r->flags == NULL) {
        r->nomem = 1;
        return -1;
    }
    return 0;
}

/* Releases the reader's own memory (not the assessment). */
void vep__rd_free(vep_reader *r)
{
    size_t i;
    vep__buf_free(&r->path);
    vep__buf_free(&r->msg);
    for (i = 0; i < VEP_RD_NQUOTE; i++)
        vep__buf_free(&r->quote[i]);
    vep__free(r->a, r->flags);
    r->flags = NULL;
}
