/*
** lint.c -- the list of findings that the instrument and plan checks share
** (lint.h): recording findings, gathering the texts that a language lacks
** into one finding per language, and rendering the document in the order
** of the declarations.  The checks themselves are in lint_instrument.c,
** lint_cond.c and lint_plan.c.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jsonw.h"
#include "engine.h"
#include "lint.h"

/* How many places a missing_translation message lists before "and N
** more" (the JSON document lists them all). */
#define LINT_PLACES_SHOWN 5

/* The chain of tags that stand in for `lang` (lang.h), and in *n how many
** come before the last resorts of every text (the script's first language
** and English): the chain is built with the sentinel "und" as the first
** language, so that the steps before it are the language's own. */
static void own_chain(vep_lang_chain *c, size_t *n, const char *lang,
                      char *const *fb, size_t nfb)
{
    size_t i;
    if (vep__lang_chain(c, lang, "und", (const char *const *)fb, nfb) != 0) {
        memset(c, 0, sizeof *c);
        snprintf(c->step[0].tag, sizeof c->step[0].tag, "%s", lang);
        c->n = 1;
    }
    for (i = 0; i < c->n && strcmp(c->step[i].tag, "und") != 0; i++)
        ;
    *n = i;
}

/* Keeps the script's sources and languages and works out, per language,
** the tags that stand in for it. */
int vep__lint_init(vep_lint *l, const vep_alloc *a, const vep_source *sources,
                   size_t nsources, char *const *languages, size_t nlanguages,
                   char *const *fallbacks, size_t nfallbacks)
{
    size_t i;
    memset(l, 0, sizeof *l);
    l->alloc = a;
    l->sources = sources;
    l->nsources = nsources;
    l->languages = languages;
    l->nlanguages = nlanguages;
    if (nlanguages == 0)
        return 0;
    l->missing = vep__calloc(a, nlanguages, sizeof *l->missing);
    l->chains = vep__calloc(a, nlanguages, sizeof *l->chains);
    l->nchain = vep__calloc(a, nlanguages, sizeof *l->nchain);
    if (l->missing == NULL || l->chains == NULL || l->nchain == NULL)
        return -1;
    for (i = 0; i < nlanguages; i++)
        own_chain(&l->chains[i], &l->nchain[i], languages[i], fallbacks, nfallbacks);
    return 0;
}

/* Frees the places of a list and the list's array. */
void vep__lint_places_free(const vep_alloc *a, vep_lint_places *p)
{
    size_t i;
    for (i = 0; i < p->n; i++)
        vep__free(a, p->v[i].field);
    vep__free(a, p->v);
    memset(p, 0, sizeof *p);
}

/* Frees the findings, their messages and places, and the per-language lists. */
void vep__lint_free(vep_lint *l)
{
    size_t i;
    for (i = 0; i < l->n; i++) {
        vep__free(l->alloc, l->v[i].message);
        vep__lint_places_free(l->alloc, &l->v[i].places);
    }
    vep__free(l->alloc, l->v);
    for (i = 0; l->missing && i < l->nlanguages; i++)
        vep__lint_places_free(l->alloc, &l->missing[i]);
    vep__free(l->alloc, l->missing);
    vep__free(l->alloc, l->chains);
    vep__free(l->alloc, l->nchain);
    memset(l, 0, sizeof *l);
}

/* The position of a file among the script's sources (load order); files
** not among them come last. */
static size_t file_rank(const vep_lint *l, const char *file)
{
    size_t i;
    for (i = 0; file && i < l->nsources; i++)
        if (l->sources[i].name == file || strcmp(l->sources[i].name, file) == 0)
            return i;
    return l->nsources;
}

/* A new finding at the end of the list (message still NULL), or NULL when
** out of memory. */
static vep_finding *push_finding(vep_lint *l)
{
    vep_finding *f;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        vep_finding *v = vep__realloc(l->alloc, l->v, cap * sizeof *v);
        if (v == NULL) {
            l->nomem = 1;
            return NULL;
        }
        l->v = v;
        l->cap = cap;
    }
    f = &l->v[l->n];
    memset(f, 0, sizeof *f);
    f->seq = l->n;
    return f;
}

/* Records a finding whose message is built from fmt and ap. */
static void add_finding(vep_lint *l, const char *rule, vep_lint_severity sev,
                        const vep_origin *o, const char *kind, const char *id,
                        const char *lang, const char *fmt, va_list ap)
{
    vep_buf b;
    vep_finding *f;

    vep__buf_init(&b, l->alloc);
    vep__buf_vprintf(&b, fmt, ap);
    if (b.failed || b.data == NULL || (f = push_finding(l)) == NULL) {
        l->nomem = 1;
        vep__buf_free(&b);
        return;
    }
    f->rule = rule;
    f->severity = sev;
    f->file = o->file;
    f->line = o->line;
    f->rank = file_rank(l, o->file);
    f->kind = kind;
    f->id = id;
    f->lang = lang;
    f->message = b.data;   /* the buffer's bytes become the message */
    l->n++;
}

/* Records a finding about no language in particular. */
void vep__lint_add(vep_lint *l, const char *rule, vep_lint_severity sev,
                   const vep_origin *o, const char *kind, const char *id,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_finding(l, rule, sev, o, kind, id, NULL, fmt, ap);
    va_end(ap);
}

/* Records a finding about one language's texts. */
void vep__lint_add_lang(vep_lint *l, const char *rule, vep_lint_severity sev,
                        const vep_origin *o, const char *kind, const char *id,
                        const char *lang, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_finding(l, rule, sev, o, kind, id, lang, fmt, ap);
    va_end(ap);
}

/* ---- Translations -------------------------------------------------------- */

/* Whether text `t` has an entry in one of the first `n` tags of chain
** `c`. */
static int has_lang(const vep_text *t, const vep_lang_chain *c, size_t n)
{
    size_t i, k;
    for (k = 0; k < n; k++)
        for (i = 0; i < t->n; i++)
            if (vep__lang_equal(t->lang[i], c->step[k].tag))
                return 1;
    return 0;
}

/* Appends a place to a list; the field is copied. */
void vep__lint_place(vep_lint *l, vep_lint_places *p, const vep_origin *o,
                     const char *kind, const char *id, const char *field)
{
    vep_lint_place *x;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 8;
        vep_lint_place *v = vep__realloc(l->alloc, p->v, cap * sizeof *v);
        if (v == NULL) {
            l->nomem = 1;
            return;
        }
        p->v = v;
        p->cap = cap;
    }
    x = &p->v[p->n];
    x->kind = kind;
    x->id = id;
    x->file = o->file;
    x->line = o->line;
    x->rank = file_rank(l, o->file);
    x->seq = p->n;
    x->field = vep__strdup(l->alloc, field);
    if (x->field == NULL) {
        l->nomem = 1;
        return;
    }
    p->n++;
}

/* Notes the languages text `t` lacks (see lint.h). */
void vep__lint_text(vep_lint *l, const vep_origin *o, const char *kind,
                    const char *id, const char *field, const vep_text *t,
                    int required)
{
    size_t i;
    if (t->n == 0 && !required)
        return;
    for (i = 0; i < l->nlanguages; i++)
        if (!has_lang(t, &l->chains[i], l->nchain[i]))
            vep__lint_place(l, &l->missing[i], o, kind, id, field);
}

/* Orders places by file (load order), line, then the order noted in. */
static int cmp_place(const void *pa, const void *pb)
{
    const vep_lint_place *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* "guidance of item 'S01' (line 70)" (without the field: "item 'S01'
** (line 70)"), with the file when it is not the finding's. */
static void describe_place(vep_buf *b, const vep_lint_place *x, const char *file,
                           int with_field)
{
    if (with_field)
        vep__buf_printf(b, "%s of ", x->field);
    if (x->id)
        vep__buf_printf(b, "%s '%s' ", x->kind, x->id);
    else
        vep__buf_printf(b, "%s ", x->kind);
    if (x->file && file && strcmp(x->file, file) != 0)
        vep__buf_printf(b, "(%s:%u)", x->file, x->line);
    else
        vep__buf_printf(b, "(line %u)", x->line);
}

/* Sorts the places and appends the first few to `b`: "a (line 1), b
** (line 2) and 7 more". */
static void add_place_list(vep_buf *b, vep_lint_places *p, int with_field)
{
    size_t k;
    qsort(p->v, p->n, sizeof *p->v, cmp_place);
    for (k = 0; k < p->n && k < LINT_PLACES_SHOWN; k++) {
        if (k)
            vep__buf_adds(b, k + 1 == p->n ? " and " : ", ");
        describe_place(b, &p->v[k], p->v[0].file, with_field);
    }
    if (p->n > LINT_PLACES_SHOWN)
        vep__buf_printf(b, " and %zu more", p->n - LINT_PLACES_SHOWN);
}

/* Records one finding for a whole list of places (see lint.h). */
void vep__lint_add_group(vep_lint *l, vep_lint_places *p, const char *rule,
                         vep_lint_severity sev, const char *lang, int with_field,
                         const char *head, const char *tail)
{
    vep_finding *f;
    vep_buf b;

    if (p->n == 0)
        return;
    vep__buf_init(&b, l->alloc);
    vep__buf_adds(&b, head);
    add_place_list(&b, p, with_field);
    vep__buf_adds(&b, tail);
    if (b.failed || b.data == NULL || (f = push_finding(l)) == NULL) {
        l->nomem = 1;
        vep__buf_free(&b);
        return;
    }
    f->rule = rule;
    f->severity = sev;
    f->file = p->v[0].file;
    f->line = p->v[0].line;
    f->rank = p->v[0].rank;
    f->kind = p->v[0].kind;
    f->id = p->v[0].id;
    f->lang = lang;
    f->message = b.data;     /* the buffer's bytes become the message */
    f->places = *p;          /* and the finding takes the places */
    memset(p, 0, sizeof *p);
    l->n++;
}

/* One missing_translation finding per language that lacks texts. */
void vep__lint_translations(vep_lint *l)
{
    char head[160], tail[320];
    size_t i;
    for (i = 0; i < l->nlanguages && !l->nomem; i++) {
        vep_lint_places *p = &l->missing[i];
        const char *lang = l->languages[i];
        if (p->n == 0)
            continue;
        snprintf(head, sizeof head, "%zu text%s ha%s no '%.40s' version: ", p->n,
                 p->n == 1 ? "" : "s", p->n == 1 ? "s" : "ve", lang);
        snprintf(tail, sizeof tail, "; give %s a text in '%.40s', or name a language to show "
                 "instead (fallbacks = { ... }), or take '%.40s' out of the languages",
                 p->n == 1 ? "it" : "each", lang, lang);
        vep__lint_add_group(l, p, "missing_translation", VEP_LINT_WARNING, lang, 1, head, tail);
    }
}

/* ---- Rendering ----------------------------------------------------------- */

/* Orders findings by file (load order), line, then the order found in. */
static int cmp_finding(const void *pa, const void *pb)
{
    const vep_finding *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sorts the findings into declaration order and writes the document. */
void vep__lint_render(vep_lint *l, const char *script, const char *version,
                      vep_buf *b)
{
    vep_jsonw w;
    size_t i, k;

    if (l->n > 1)
        qsort(l->v, l->n, sizeof *l->v, cmp_finding);
    vep__jw_init(&w, b, 1);
    vep__jw_object(&w);
    vep__jw_kstring(&w, "script", script);
    vep__jw_kstring(&w, "version", version);
    vep__jw_key(&w, "findings");
    vep__jw_array(&w);
    for (i = 0; i < l->n; i++) {
        const vep_finding *f = &l->v[i];
        vep__jw_object(&w);
        vep__jw_kstring(&w, "rule", f->rule);
        vep__jw_kstring(&w, "severity", f->severity == VEP_LINT_WARNING ? "warning" : "note");
        vep__jw_kstring(&w, "file", f->file ? f->file : "");
        vep__jw_kint(&w, "line", f->line);
        vep__jw_kstring(&w, "kind", f->kind);
        vep__jw_kstring(&w, "id", f->id);
        if (f->lang)
            vep__jw_kstring(&w, "lang", f->lang);
        vep__jw_kstring(&w, "message", f->message);
        if (f->places.n) {
            vep__jw_key(&w, "places");
            vep__jw_array(&w);
            for (k = 0; k < f->places.n; k++) {
                const vep_lint_place *x = &f->places.v[k];
                vep__jw_object(&w);
                vep__jw_kstring(&w, "kind", x->kind);
                vep__jw_kstring(&w, "id", x->id);
                vep__jw_kstring(&w, "field", x->field);
                vep__jw_kstring(&w, "file", x->file ? x->file : "");
                vep__jw_kint(&w, "line", x->line);
                vep__jw_object_end(&w);
            }
            vep__jw_array_end(&w);
        }
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    vep__jw_object_end(&w);
    vep__buf_addc(b, '\n');
}

/* Scans the main source line by line for the declaration. */
unsigned vep__lint_decl_line(const vep_source *sources, size_t nsources,
                             const char *name)
{
    const vep_source *s = NULL;
    size_t i, n = strlen(name);
    unsigned line = 1;
    const char *p, *end;

    for (i = 0; i < nsources && s == NULL; i++)
        if (sources[i].module == NULL)
            s = &sources[i];
    if (s == NULL || s->text == NULL)
        return 1;
    for (p = s->text, end = s->text + s->len; p < end; line++) {
        const char *q = p;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        if ((size_t)(end - q) > n && memcmp(q, name, n) == 0
            && (q[n] == ' ' || q[n] == '\t' || q[n] == '{' || q[n] == '('))
            return line;
        while (p < end && *p != '\n')
            p++;
        p++;
    }
    return 1;
}

/* See lint.h. */
vep_status vep__lint_run(vep_engine *e, const vep_lint_job *job, char **out,
                         size_t *out_count)
{
    vep_lint l;
    vep_buf b;
    vep_status st;

    vep__engine_begin(e);
    if (vep__lint_init(&l, &e->alloc, job->sources, job->nsources, job->languages,
                       job->nlanguages, job->fallbacks, job->nfallbacks) != 0) {
        vep__lint_free(&l);
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    }
    job->walk(&l, job->model);
    vep__buf_init(&b, &e->alloc);
    if (!l.nomem)
        vep__lint_render(&l, job->id, job->version, &b);
    if (l.nomem)
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    else
        st = vep__export_buf(e, &b, out);
    if (st == VEP_OK && out_count)
        *out_count = l.n;
    vep__buf_free(&b);
    vep__lint_free(&l);
    return st;
}
