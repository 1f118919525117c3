/*
** engine.h -- the engine and instrument handles behind the public API.
*/
#ifndef VEP_ENGINE_H
#define VEP_ENGINE_H

#include "vep/vep.h"
#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "eval.h"
#include "model.h"
#include "plan.h"
#include "host.h"

struct vep_engine {
    vep_alloc alloc;
    vep_limits limits;
    vep_diags diags;     /* problems found by the last call            */
    vep_buf errmsg;      /* message of the last failed call             */
    vep_status status;   /* status of the last call                     */
    size_t ninstruments; /* live instruments and plans                  */
    int orphaned;        /* vep_engine_free was called while instruments
                            lived: the last one frees the engine        */
    vep_host_registry hosts; /* the host functions (host.c)             */
};

struct vep_instrument {
    vep_engine *engine;  /* used for scoring and messages               */
    vep_alloc alloc;     /* own copy: freeing needs no engine           */
    vep_model model;     /* model.alloc points to `alloc`               */
};

/* A loaded plan script; counted in the engine's ninstruments (live
** handles), so that the engine outlives it. */
struct vep_plan {
    vep_engine *engine;
    vep_alloc alloc;
    vep_plan_model model;  /* model.alloc points to `alloc`             */
};

/* plan_test.c: runs the plan's test cases into a JSON report. */
vep_status vep__plan_run_tests(vep_plan *p, vep_buf *b, size_t *failed);

/* api.c helpers shared with plan_api.c: reads a whole file (at most 16
** MiB) through the engine's allocator; the directory part of a path ("."
** when none); hands a finished buffer to the caller as a vep_free()-able
** string; summarises a failed validation or scoring in the message. */
vep_status vep__read_file(vep_engine *e, const char *path, char **out,
                          size_t *out_len);
char *vep__dir_of(const vep_alloc *a, const char *path);
vep_status vep__export_buf(vep_engine *e, vep_buf *b, char **out);
vep_status vep__assess_failed(vep_engine *e, vep_status st);

/* The loading of one kind of handle (instrument, plan, migration): a new
** handle in *out from `src`, `dir` being where its modules come from. */
typedef vep_status (*vep_load_fn)(void *out, vep_engine *e, const char *name,
                                  const char *dir, const char *src, size_t len);

/* api.c: the public file and buffer forms of every load call: argument
** checks, reading the file, its directory, and `load`.  `out` points to
** the caller's handle pointer (set to NULL by the caller beforehand), so
** only `load` writes it, with its own type. */
vep_status vep__load_file(void *out, vep_engine *e, const char *path, vep_load_fn load);
vep_status vep__load_buffer(void *out, vep_engine *e, const char *name,
                            const char *source, size_t length, vep_load_fn load);

/* api.c: a handle of `e` was freed; frees the engine too when the host
** freed it earlier and this was its last handle. */
void vep__engine_release(vep_engine *e);

/* Starts a public call: clears the last message and diagnostics. */
void vep__engine_begin(vep_engine *e);

/* Records a failure: status and message (printf format).  Returns status,
** so that callers can write `return vep__engine_fail(e, st, ...)`. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
vep_status vep__engine_fail(vep_engine *e, vep_status status,
                            const char *fmt, ...);

/* loader.c: loads a script into `m` (initialised by the caller).  `path`
** names the file in messages; `dir` is where require() looks, or NULL. */
vep_status vep__load(vep_engine *e, vep_model *m, const char *path,
                     const char *dir, const char *src, size_t len);

/* describe.c: the instrument as JSON, texts in `lang`. */
vep_status vep__describe(const vep_model *m, const char *lang, vep_buf *b);

/* testcase.c: runs the instrument's test cases into a JSON report. */
vep_status vep__run_tests(vep_instrument *ins, vep_buf *b, size_t *failed);

/* api.c: validates and (when `out` is not NULL) scores one assessment,
** rendering the result into `out`.  Host calls go to the engine's
** functions, or to `stubs` when not NULL (a test case's stand-ins). */
vep_status vep__assess(vep_instrument *ins, const char *json, size_t len,
                       const vep_host_stubs *stubs, vep_buf *out);

#endif
