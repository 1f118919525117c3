/*
** decl.h -- shared helpers of the declaration readers (decl.c,
** decl_rules.c).
**
** A reader looks at one declaration table at a time, always with raw
** access (a script's metatables never run here), and reports every problem
** with the declaration's file, line, kind and id.  Values it copies are
** owned by the model as soon as they are allocated, so an error raised by
** Lua (out of memory) mid-way leaves nothing unowned.
*/
#ifndef VEP_DECL_H
#define VEP_DECL_H

#include "lua.h"
#include "model.h"
#include "diag.h"
#include "buf.h"

typedef struct vep_declrd {
    lua_State *L;
    vep_model *m;
    vep_diags *d;
    const vep_alloc *a;
    const char *kind;      /* of the declaration being read            */
    const char *id;        /* its id, or NULL                          */
    vep_origin origin;
    vep_buf *scratch;      /* owned by the caller of vep__decl_read, so
                              an error raised by Lua mid-way (out of
                              memory) cannot leak what is being built  */
} vep_declrd;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void vep__decl_problem(vep_declrd *r, const char *rule, const char *fmt, ...);

/* Collects the string keys of table t, sorted, into an array held by a
** Lua userdata left on the stack (freed by the collector even if Lua
** raises later).  The strings stay alive as keys of t. */
const char **vep__decl_sorted_keys(lua_State *L, int t, size_t *n);

/* Pushes t[key] (raw) and returns its type. */
int vep__decl_field(vep_declrd *r, int t, const char *key);

/* Reports every string key of table t that is not in `allowed` (NULL
** terminated); integer keys are allowed only when `array_ok`. */
void vep__decl_check_fields(vep_declrd *r, int t, const char *const *allowed,
                          int array_ok);

/* Reads an optional string field into a new copy; *out stays NULL when the
** field is absent.  Returns 0 when absent or good, -1 on a wrong type. */
int vep__decl_string(vep_declrd *r, int t, const char *key, char **out);
/* Reads an optional short string (a keyword such as a rule or a type)
** into `out` without allocating, so that nothing is held if a later Lua
** call raises.  Returns 1 when present, 0 absent, -1 wrong type or too
** long (reported). */
int vep__decl_word(vep_declrd *r, int t, const char *key, char *out, size_t n);
/* Reads an optional number.  Returns 1 when present, 0 absent, -1 wrong. */
int vep__decl_number(vep_declrd *r, int t, const char *key, double *out);
/* Reads an optional boolean.  Returns 1 when present, 0 absent, -1 wrong. */
int vep__decl_bool(vep_declrd *r, int t, const char *key, int *out);
/* Reads a text: a string (first language) or a table { tag = text }. */
void vep__decl_text(vep_declrd *r, int t, const char *key, vep_text *out);
/* Reads a string or an array of strings. */
void vep__decl_strings(vep_declrd *r, int t, const char *key, char ***out,
                     size_t *n);
/* Reads the value at stack index `idx` as a list of id strings. */
void vep__decl_strings_at(vep_declrd *r, int idx, const char *what, char ***out,
                        size_t *n);

/* Whether v is a whole number from 0 to max (checked before any cast,
** since converting an out-of-range double to an integer is undefined). */
int vep__decl_whole(double v, double max);

/* An id is 1 to 64 of [A-Za-z0-9_.-] starting with a letter or digit. */
int vep__valid_id(const char *s);

/* A BCP 47 tag by its shape (en, sr-Latn, sr-Cyrl-RS, cnr). */
int vep__valid_lang(const char *s);

/* decl.c: reads the optional `fallbacks = { cnr = "sr-Latn", ... }` of
** table t into 2 * *n tags (key, target), sorted by key. */
void vep__decl_fallbacks(vep_declrd *r, int t, char ***out, size_t *n);

/* decl_rules.c: scores, levels, flags, conditions, judgement, tests. */
void vep__decl_score(vep_declrd *r, int t, vep_score_def *s);
void vep__decl_level(vep_declrd *r, int t, vep_level_def *l);
void vep__decl_flag(vep_declrd *r, int t, vep_flag_def *f);
void vep__decl_judgement(vep_declrd *r, int t, vep_judgement_def *j);
void vep__decl_test(vep_declrd *r, int t, vep_testcase *c);
/* Writes the Lua value at stack index `idx` as JSON the way test data is
** written: tables with keys 1..n as arrays, others as objects with their
** string keys sorted; values JSON cannot hold are reported. */
struct vep_jsonw;
void vep__decl_json(vep_declrd *r, int idx, struct vep_jsonw *w);
/* Reads the condition at stack index `idx`; `path` is the key of the
** place it was found (used to find its function again at run time). */
void vep__decl_cond(vep_declrd *r, int idx, const char *path, vep_cond *c);

#endif
