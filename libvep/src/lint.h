/*
** lint.h -- the likely mistakes of a script that loads: what lint.c,
** lint_instrument.c, lint_cond.c and lint_plan.c share.
**
** A loaded script is valid (check.c and plan_check.c refused everything
** that is wrong); lint looks for what is legal but probably a mistake and
** collects findings: a rule name, a severity, the place (file, line, kind
** and id of the declaration) and a message that says what to do.  Missing
** translations are gathered text by text and reported as one finding per
** language, with every place listed.  Findings are rendered in the order
** of the declarations they are about.
*/
#ifndef VEP_LINT_H
#define VEP_LINT_H

#include <stddef.h>
#include "model.h"
#include "plan.h"
#include "buf.h"
#include "lang.h"

typedef enum vep_lint_severity {
    VEP_LINT_NOTE = 0,
    VEP_LINT_WARNING
} vep_lint_severity;

/* One text that has no entry in a language. */
typedef struct vep_lint_place {
    const char *kind;          /* "item", "scale", ... (static)          */
    const char *id;            /* borrowed from the model                */
    char *field;               /* "guidance", "label of point 'low'", ...*/
    const char *file;          /* borrowed from the model's sources      */
    unsigned line;
    size_t rank, seq;          /* file in load order; order noted        */
} vep_lint_place;

typedef struct vep_lint_places {
    vep_lint_place *v;
    size_t n, cap;
} vep_lint_places;

typedef struct vep_finding {
    const char *rule;          /* static, e.g. "unused_scale"            */
    vep_lint_severity severity;
    const char *file;          /* borrowed from the model                */
    unsigned line;
    const char *kind;          /* static                                 */
    const char *id;            /* borrowed, or NULL                      */
    const char *lang;          /* borrowed, or NULL                      */
    char *message;             /* owned                                  */
    vep_lint_places places;    /* missing_translation: every place       */
    size_t rank, seq;          /* file in load order; order found        */
} vep_finding;

typedef struct vep_lint {
    const vep_alloc *alloc;
    const vep_source *sources; /* the script's files, in load order      */
    size_t nsources;
    char *const *languages;    /* the languages the script declares      */
    size_t nlanguages;
    vep_lang_chain *chains;    /* per language: the tags that stand in
                                  for it (lang.h), and how many of them
                                  come before the script's first language */
    size_t *nchain;
    vep_lint_places *missing;  /* per language: texts without an entry   */
    vep_finding *v;
    size_t n, cap;
    int nomem;                 /* some finding could not be recorded     */
} vep_lint;

/* Prepares `l` for a script with these sources, languages and language
** fallbacks (pairs, as in vep_model).  Returns -1 when out of memory. */
int vep__lint_init(vep_lint *l, const vep_alloc *a, const vep_source *sources,
                   size_t nsources, char *const *languages, size_t nlanguages,
                   char *const *fallbacks, size_t nfallbacks);
void vep__lint_free(vep_lint *l);

/* Records a finding about the declaration at `o`; the message is a printf
** format. */
#if defined(__GNUC__)
__attribute__((format(printf, 7, 8)))
#endif
void vep__lint_add(vep_lint *l, const char *rule, vep_lint_severity sev,
                   const vep_origin *o, const char *kind, const char *id,
                   const char *fmt, ...);

/* The same with a language (for findings about one language's texts). */
#if defined(__GNUC__)
__attribute__((format(printf, 8, 9)))
#endif
void vep__lint_add_lang(vep_lint *l, const char *rule, vep_lint_severity sev,
                        const vep_origin *o, const char *kind, const char *id,
                        const char *lang, const char *fmt, ...);

/* Notes every declared language in which text `t` of declaration
** kind/id has no entry, neither its own nor one that the engine shows in
** its place (a shorter tag, Serbian in the other script, the script's
** fallbacks; not the script's first language or English, the last
** resort of every text).  A text with no entry at all is noted only when
** `required` (labels of scale points and options, which the form shows);
** otherwise an absent text is simply not given.  `field` names the text
** ("title", "label of option 'a'"). */
void vep__lint_text(vep_lint *l, const vep_origin *o, const char *kind,
                    const char *id, const char *field, const vep_text *t,
                    int required);

/* Appends a place to a list (the field is copied); frees a list. */
void vep__lint_place(vep_lint *l, vep_lint_places *p, const vep_origin *o,
                     const char *kind, const char *id, const char *field);
void vep__lint_places_free(const vep_alloc *a, vep_lint_places *p);

/* Records one finding about every place of `p` (which it takes, sorted),
** at the first: the message is `head`, the first few places ("guidance of
** item 'S01' (line 70), ..." or, without `with_field`, "item 'S01' (line
** 70), ...") and `tail`.  Nothing when `p` is empty. */
void vep__lint_add_group(vep_lint *l, vep_lint_places *p, const char *rule,
                         vep_lint_severity sev, const char *lang, int with_field,
                         const char *head, const char *tail);

/* Turns the texts noted by vep__lint_text into one "missing_translation"
** finding per language, at the first place. */
void vep__lint_translations(vep_lint *l);

/* Renders {"script", "version", "findings": [...]} into `b`, findings
** sorted by file (in load order) and line. */
void vep__lint_render(vep_lint *l, const char *script, const char *version,
                      vep_buf *b);

/* The line of the first `NAME {` or `NAME(` declaration at the start of a
** line of the main source (records of the script's header keep no line
** in the model); 1 when there is none. */
unsigned vep__lint_decl_line(const vep_source *sources, size_t nsources,
                             const char *name);

/* lint_cond.c: conditions of items and flags that can never hold. */
void vep__lint_conditions(vep_lint *l, const vep_model *m);

/* lint_instrument.c: the lowest and highest numeric value an item's
** answer can have (-/+HUGE_VAL when unbounded). */
void vep__lint_item_range(const vep_model *m, const vep_item *it, double *lo,
                          double *hi);

/* lint_instrument.c: whether a band of score `s` holds a value the score
** can take at its rounding. */
int vep__lint_band_reachable(const vep_score_def *s, const vep_band *b);

/* lint_plan.c: the plan's findings. */
void vep__lint_plan(vep_lint *l, const vep_plan_model *m);

/* What one lint call is about: the script's name, version, sources,
** languages and fallbacks, and the walk that records its findings. */
typedef struct vep_lint_job {
    const char *id, *version;
    const vep_source *sources;   size_t nsources;
    char *const *languages;      size_t nlanguages;
    char *const *fallbacks;      size_t nfallbacks;
    void (*walk)(vep_lint *l, const void *model);
    const void *model;
} vep_lint_job;

/* lint.c: the body of vep_instrument_lint and vep_plan_lint: runs the
** job and hands the document to the caller (*out, *out_count). */
struct vep_engine;
vep_status vep__lint_run(struct vep_engine *e, const vep_lint_job *job, char **out,
                         size_t *out_count);

#endif
