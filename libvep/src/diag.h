/*
** diag.h -- the list of problems found by one call (load or validation).
**
** Modules append diagnostics as they find problems and carry on, so the user
** sees all of them at once.  The engine owns one list and clears it at the
** start of every public call.
*/
#ifndef VEP_DIAG_H
#define VEP_DIAG_H

#include <stddef.h>
#include "alloc.h"

typedef struct vep_diagnostic {
    char *file;      /* script file ("" when not about a script)        */
    unsigned line;   /* 1-based script line, 0 when none                */
    char *path;      /* JSON path ("" when not about an assessment)     */
    char *item;      /* item, score, level or flag id ("" when none)    */
    char *rule;      /* short rule name, e.g. "duplicate_id"            */
    char *message;   /* a sentence for the user                         */
} vep_diagnostic;

typedef struct vep_diags {
    const vep_alloc *alloc;
    vep_diagnostic *v;
    size_t n, cap;
    size_t limit;    /* stop recording past this many (default 1000)    */
    size_t dropped;  /* diagnostics not recorded because of the limit   */
    int nomem;       /* a diagnostic could not be recorded: out of memory */
} vep_diags;

void vep__diags_init(vep_diags *d, const vep_alloc *a);
void vep__diags_clear(vep_diags *d);
void vep__diags_free(vep_diags *d);

/* Appends a diagnostic.  Any string argument may be NULL (stored as "").
** The message is a printf format.  Returns 0 on success, -1 when out of
** memory (then d->nomem is set). */
#if defined(__GNUC__)
__attribute__((format(printf, 7, 8)))
#endif
int vep__diag_add(vep_diags *d, const char *file, unsigned line,
                  const char *path, const char *item, const char *rule,
                  const char *fmt, ...);

/* Writes the diagnostics as the JSON array of vep_diag_json's "errors":
** [{"file", "line", "path", "item", "rule", "message"}...] (engine.c,
** and the reports of test cases). */
struct vep_jsonw;
void vep__diags_write(struct vep_jsonw *w, const vep_diags *d);

#endif
