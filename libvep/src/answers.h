/*
** answers.h -- private to the assessment reader: assessment.c, answers.c
** and reader.c.
**
** Reading an assessment keeps its state in a vep_reader: the context, the
** JSON path of the value being looked at, scratch buffers for messages and
** one byte of flags per model item.  assessment.c reads the document, its
** top-level fields and the judgement; answers.c reads "answers" and
** decides relevance and missing data; reader.c has the helpers all of
** them use (paths, diagnostics, quoting, field look-ups).
*/
#ifndef VEP_ANSWERS_H
#define VEP_ANSWERS_H

#include <cJSON.h>
#include "eval.h"

/* Per-item flags (vep_reader.flags). */
#define VEP_RD_MENTIONED 0x01  /* "answers" has a key for the item         */
#define VEP_RD_BAD       0x02  /* its answer broke a rule                  */
#define VEP_RD_GAVE      0x04  /* its answer carries a "value"             */
#define VEP_RD_UNSURE    0x08  /* its relevance depends on a bad answer    */
#define VEP_RD_RELEVANT  0x10  /* its condition holds (or it has none)     */

/* An id and its position, sorted to find duplicate keys (assessment.c). */
typedef struct vep_rd_id {
    const char *id;
    int index;
} vep_rd_id;

#define VEP_RD_NQUOTE 4

typedef struct vep_reader {
    vep_ctx *ctx;
    const vep_model *m;
    const vep_alloc *a;
    vep_assessment *as;
    vep_buf path;              /* JSON path of the current value          */
    vep_buf msg;               /* the message being built                 */
    vep_buf quote[VEP_RD_NQUOTE]; /* escaped user strings for messages    */
    int nquote;                /* next quote buffer (round robin)         */
    unsigned char *flags;      /* per model item, VEP_RD_*                */
    size_t nerrors;            /* problems reported                       */
    int nomem;                 /* an allocation failed                    */
} vep_reader;

/* reader.c: sets up a reader for ctx (ctx->as already allocated); -1 when
** out of memory.  vep__rd_free releases it in any case. */
int vep__rd_init(vep_reader *r, vep_ctx *ctx);
void vep__rd_free(vep_reader *r);

/* Sorts ids by id (then index), for vep__rd_find_item. */
void vep__rd_sort_ids(vep_rd_id *v, size_t n);

/* Reports a problem at the current path (see vep__rd_push_key). */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
void vep__rd_error(vep_reader *r, const char *item, const char *rule,
                   const char *fmt, ...);

/* Appends ".key" or ["key"] (or "[i]") to the path; returns the length to
** give back to vep__rd_pop. */
size_t vep__rd_push_key(vep_reader *r, const char *key);
size_t vep__rd_push_index(vep_reader *r, size_t i);
void vep__rd_pop(vep_reader *r, size_t len);

/* A user string escaped and shortened for a message.  Valid until
** VEP_RD_NQUOTE further calls of it or of vep__rd_scratch. */
const char *vep__rd_quote(vep_reader *r, const char *s);
/* The next of those buffers, emptied, for building a part of a message. */
vep_buf *vep__rd_scratch(vep_reader *r);
/* The contents of a scratch buffer ("" and r->nomem set if it failed). */
const char *vep__rd_str(vep_reader *r, const vep_buf *b);

/* A copy of `s` through the engine's allocator (NULL, and r->nomem set,
** when out of memory). */
char *vep__rd_strdup(vep_reader *r, const char *s);

/* Whether `j` is a usable string: VEP_RD_STRING, VEP_RD_NOT_STRING, or
** VEP_RD_BAD_UTF8 (already reported by the document pass, so callers
** skip it silently). */
#define VEP_RD_STRING      1
#define VEP_RD_NOT_STRING  0
#define VEP_RD_BAD_UTF8   -1
int vep__rd_string(const cJSON *j);

/* "a number", "an object", ... for messages about a wrong JSON type. */
const char *vep__rd_type_name(const cJSON *j);

/* Sorts the known fields of object `o` into out[k] (the k-th of names[];
** NULL when absent or null; the first of duplicates, which the document
** pass reported) and reports every other key as unknown_field, saying
** "unknown field 'x' in <where> (expected: ...)". */
void vep__rd_fields(vep_reader *r, const cJSON *o, const char *const *names,
                    size_t n, const cJSON **out, const char *item,
                    const char *where);

/* migration_record.c: the "migrations" of the document (NULL: none) into
** ctx->as; written into results by vep__migrations_write; freed with the
** assessment. */
void vep__migrations_read(vep_reader *r, const cJSON *list);
struct vep_jsonw;
void vep__migrations_write(struct vep_jsonw *w, const vep_assessment *as);
void vep__migrations_free(const vep_alloc *a, vep_assessment *as);

/* The model item named by `key`, or -1. */
int vep__rd_find_item(const vep_reader *r, const char *key);

/* answers.c: reads the "answers" object (the path is "$.answers"). */
void vep__answers_read(vep_reader *r, const cJSON *answers);

/* answers.c: after the answers are read, decides which conditional items
** are relevant (in dependency order) and reports not_relevant,
** missing_required, unknown_not_allowed, na_not_allowed and
** too_many_unknowns.  Returns VEP_OK or the status of a failed Lua
** condition.  The path must be "$". */
vep_status vep__answers_check(vep_reader *r);

/* Frees what one answer owns and resets it to "missing". */
void vep__answer_clear(const vep_alloc *a, vep_answer *ans);

#endif
