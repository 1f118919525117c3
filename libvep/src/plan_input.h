/*
** plan_input.h -- what the readers of a plan's facts share: plan_input.c
** (the result document, these helpers, the facts themselves),
** plan_context.c (the case context) and plan_compact.c (the compact facts
** of plan test cases).  Private to those three files.
**
** A reader walks one parsed JSON document, keeps the JSON path of where it
** is, and reports every problem with that path and carries on, so that the
** user sees all of them at once.
*/
#ifndef VEP_PLAN_INPUT_H
#define VEP_PLAN_INPUT_H

#include <cJSON.h>
#include "plan.h"

#define VEP_PIN_NQUOTE 4

/* One document being read. */
typedef struct vep_pin {
    const vep_alloc *a;
    vep_diags *d;
    const char *file;          /* "result", "context" or "test"           */
    vep_buf path;              /* "$.events[2].date"                      */
    vep_buf msg;
    vep_buf quote[VEP_PIN_NQUOTE];  /* user strings made safe to show     */
    int nquote;
    int problems;
    int nomem;
    int compact;               /* the test form: an empty array stands for
                                  an empty object (Lua's {} has no kind)  */
} vep_pin;

void vep__pin_init(vep_pin *p, const vep_alloc *a, vep_diags *d,
                   const char *file);
void vep__pin_free(vep_pin *p);
/* Records a problem at the current path. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
void vep__pin_error(vep_pin *p, const char *item, const char *rule,
                    const char *fmt, ...);
/* Path steps: each returns the length to pop back to. */
size_t vep__pin_key(vep_pin *p, const char *key);
size_t vep__pin_index(vep_pin *p, size_t i);
void vep__pin_pop(vep_pin *p, size_t len);
/* A user string made safe to quote in a message (at most 60 characters);
** valid until VEP_PIN_NQUOTE more quotes are made. */
const char *vep__pin_quote(vep_pin *p, const char *s);
/* A copy through the allocator; NULL for NULL (out of memory is noted). */
char *vep__pin_dup(vep_pin *p, const char *s);
/* "a string", "a number", ... for messages. */
const char *vep__pin_type(const cJSON *j);
/* Whether `j` is an object (or, in the compact form, an empty array). */
int vep__pin_is_object(const vep_pin *p, const cJSON *j);
/* A string member of an object, or NULL. */
const char *vep__pin_str(const cJSON *o, const char *key);
/* Parses a document, reporting a syntax error with line and column. */
cJSON *vep__pin_parse(vep_pin *p, const char *json, size_t len,
                      const char *what);
/* Appends a zeroed fact to an array; NULL when out of memory. */
vep_fact *vep__pin_fact(vep_pin *p, vep_fact **v, size_t *n);
/* A member that must be a string or null when present (else reported at
** .key, `item` naming the id); the string or NULL. */
const char *vep__pin_opt_string(vep_pin *p, const cJSON *o, const char *key,
                                const char *item);
/* VEP_OK, VEP_ERR_NOMEM, or `bad` when problems were reported. */
vep_status vep__pin_status(const vep_pin *p, vep_status bad);
/* The answer states: "value", "unknown", "not_applicable", "not_relevant",
** "missing", NULL. */
extern const char *const vep__pin_answer_states[];

/* plan_context.c: reads the case context object `o` (already parsed) into
** the context half of `f`, then sorts f->context by id. */
void vep__plan_context_object(vep_pin *p, const cJSON *o, vep_plan_facts *f);

#endif
