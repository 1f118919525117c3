/*
** host_log.c -- the record of the host calls an assessment or a plan made,
** so that a result says where every value a host function gave came from
** ("host_calls" in results, docs/WRITING-INSTRUMENTS.md).
*/
#include <string.h>
#include "host.h"
#include "jsonw.h"

/* An empty record of calls, allocating with `a`. */
void vep__host_log_init(vep_host_log *log, const vep_alloc *a)
{
    memset(log, 0, sizeof *log);
    log->alloc = a;
}

/* Frees the strings one record owns. */
static void record_free(const vep_alloc *a, vep_host_record *r)
{
    size_t i;
    vep__free(a, r->name);
    vep__free(a, r->by);
    for (i = 0; i < r->nargs; i++)
        if (r->args[i].type == VEP_HT_STRING)
            vep__free(a, (void *)r->args[i].s);
    if (r->result.type == VEP_HT_STRING)
        vep__free(a, (void *)r->result.s);
}

/* Frees every record kept. */
void vep__host_log_free(vep_host_log *log)
{
    size_t i;
    for (i = 0; i < log->n; i++)
        record_free(log->alloc, &log->v[i]);
    vep__free(log->alloc, log->v);
    log->v = NULL;
    log->n = 0;
}

/* A copy of v whose string (if any) the record owns; -1 when out of
** memory (nothing allocated). */
static int copy_value(const vep_alloc *a, const vep_hval *v, vep_hval *out)
{
    *out = *v;
    if (v->type != VEP_HT_STRING)
        return 0;
    out->s = vep__strdup(a, v->s);
    return out->s ? 0 : -1;
}

/* See host.h. */
void vep__host_log_add(vep_host_log *log, const char *name, const char *by,
                       const vep_hval *args, size_t nargs,
                       const vep_hval *result)
{
    vep_host_record *v, *r;
    size_t i, need = sizeof *r + strlen(name) + (by ? strlen(by) : 0) + 2;

    for (i = 0; i < nargs; i++)
        if (args[i].type == VEP_HT_STRING)
            need += strlen(args[i].s) + 1;
    if (result->type == VEP_HT_STRING)
        need += strlen(result->s) + 1;
    if (log->full || log->bytes + need > VEP_HOST_LOG_MAX) {   /* sticky */
        log->full = 1;
        return;
    }
    if (log->n == log->cap) {       /* grows by half: copies stay linear */
        size_t cap = log->cap ? log->cap + log->cap / 2 + 1 : 8;
        v = vep__realloc(log->alloc, log->v, cap * sizeof *v);
        if (v == NULL) {
            log->nomem = 1;
            return;
        }
        log->v = v;
        log->cap = cap;
    }
    v = log->v;
    r = &v[log->n];
    memset(r, 0, sizeof *r);
    r->name = vep__strdup(log->alloc, name);
    r->by = vep__strdup(log->alloc, by ? by : "");
    if (r->name == NULL || r->by == NULL)
        goto nomem;
    for (i = 0; i < nargs; i++, r->nargs++)
        if (copy_value(log->alloc, &args[i], &r->args[i]) != 0)
            goto nomem;
    if (copy_value(log->alloc, result, &r->result) != 0) {
        r->result.type = VEP_HT_VOID;
        goto nomem;
    }
    log->n++;
    log->bytes += need;
    return;
nomem:
    record_free(log->alloc, r);
    log->nomem = 1;
}

/* Writes one value as JSON (nil as null). */
static void write_value(vep_jsonw *w, const vep_hval *v)
{
    switch (v->type) {
    case VEP_HT_BOOL:   vep__jw_bool(w, v->b); break;
    case VEP_HT_INT64:  vep__jw_int(w, (long long)v->i); break;
    case VEP_HT_DOUBLE: vep__jw_number(w, v->d, -1); break;
    case VEP_HT_STRING: vep__jw_string(w, v->s); break;
    default:            vep__jw_null(w); break;
    }
}

/* See host.h. */
void vep__host_log_write(vep_jsonw *w, const vep_host_log *log)
{
    size_t i, k;
    vep__jw_array(w);
    for (i = 0; i < log->n; i++) {
        const vep_host_record *r = &log->v[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "function", r->name);
        vep__jw_kstring(w, "by", r->by);
        vep__jw_key(w, "args");
        vep__jw_array(w);
        for (k = 0; k < r->nargs; k++)
            write_value(w, &r->args[k]);
        vep__jw_array_end(w);
        vep__jw_key(w, "result");
        write_value(w, &r->result);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}
