/*
** diag.c -- the list of problems found by one call.
*/
#include <stdarg.h>
#include <string.h>
#include "diag.h"
#include "jsonw.h"
#include "buf.h"
#include "utf8.h"

void vep__diags_init(vep_diags *d, const vep_alloc *a)
{
    memset(d, 0, sizeof *d);
    d->alloc = a;
    d->limit = 1000;
}

/* Frees one diagnostic's strings. */
static void diag_release(const vep_alloc *a, vep_diagnostic *g)
{
    vep__free(a, g->file);
    vep__free(a, g->path);
    vep__free(a, g->item);
    vep__free(a, g->rule);
    vep__free(a, g->message);
}

void vep__diags_clear(vep_diags *d)
{
    size_t i;
    for (i = 0; i < d->n; i++)
        diag_release(d->alloc, &d->v[i]);
    d->n = 0;
    d->dropped = 0;
    d->nomem = 0;
}

void vep__diags_free(vep_diags *d)
{
    vep__diags_clear(d);
    vep__free(d->alloc, d->v);
    d->v = NULL;
    d->cap = 0;
}

/* A copy of `s` that a host can read as UTF-8: `s` itself when it is
** well-formed, else with its control characters and the bytes that are not
** UTF-8 shown as escapes (vep__utf8_escape).  Messages and ids quote what
** a script or a document wrote, which may be any bytes; vep_diag_get and
** the bindings hand them out as text. */
static char *text_dup(const vep_alloc *a, const char *s, size_t len)
{
    vep_buf b;
    if (vep__utf8_valid(s, len))
        return vep__strndup(a, s, len);
    vep__buf_init(&b, a);
    vep__utf8_escape(&b, s, len, 0, 0);
    if (b.failed || b.data == NULL) {
        vep__buf_free(&b);
        return NULL;
    }
    return b.data;
}

int vep__diag_add(vep_diags *d, const char *file, unsigned line,
                  const char *path, const char *item, const char *rule,
                  const char *fmt, ...)
{
    vep_diagnostic g;
    vep_buf msg;
    va_list ap;

    if (d->n >= d->limit) {
        d->dropped++;
        return 0;
    }
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        vep_diagnostic *v = vep__realloc(d->alloc, d->v, cap * sizeof *v);
        if (v == NULL)
            goto nomem;
        d->v = v;
        d->cap = cap;
    }
    memset(&g, 0, sizeof g);
    vep__buf_init(&msg, d->alloc);
    va_start(ap, fmt);
    vep__buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (msg.failed || msg.data == NULL)
        goto nomem_msg;
    if (vep__utf8_valid(msg.data, msg.len)) {
        g.message = msg.data;
    } else {
        g.message = text_dup(d->alloc, msg.data, msg.len);
        vep__buf_free(&msg);
    }
    if (file == NULL)
        file = "";
    if (path == NULL)
        path = "";
    if (item == NULL)
        item = "";
    g.file = text_dup(d->alloc, file, strlen(file));
    g.path = text_dup(d->alloc, path, strlen(path));
    g.item = text_dup(d->alloc, item, strlen(item));
    g.rule = vep__strdup(d->alloc, rule ? rule : "");
    g.line = line;
    if (!g.message || !g.file || !g.path || !g.item || !g.rule) {
        diag_release(d->alloc, &g);
        goto nomem;
    }
    d->v[d->n++] = g;
    return 0;

nomem_msg:
    vep__buf_free(&msg);
nomem:
    d->nomem = 1;
    return -1;
}

/* See diag.h. */
void vep__diags_write(vep_jsonw *w, const vep_diags *d)
{
    size_t i;
    vep__jw_array(w);
    for (i = 0; i < d->n; i++) {
        const vep_diagnostic *g = &d->v[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "file", g->file);
        vep__jw_kint(w, "line", (long long)g->line);
        vep__jw_kstring(w, "path", g->path);
        vep__jw_kstring(w, "item", g->item);
        vep__jw_kstring(w, "rule", g->rule);
        vep__jw_kstring(w, "message", g->message);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}
