/*
** api.c -- the public instrument and scoring calls.
**
** Each call clears the engine's last error, checks its arguments, hands the
** work to the module that owns it, and turns internal buffers into strings
** the caller owns.  The pipeline for one assessment lives in vep__assess():
** read and validate (assessment.c), score (score.c), check the judgement
** against the advisory level, render (result.c).
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <string.h>
#include "engine.h"
#include "runtime.h"

#define MAX_SCRIPT_BYTES ((long)16 * 1024 * 1024)

/* Reads a whole file through the engine's allocator. */
vep_status vep__read_file(vep_engine *e, const char *path, char **out,
                            size_t *out_len)
{
    FILE *f = NULL;
    char *data = NULL;
    struct stat sb;
    long size;
    size_t got;
    vep_status st = VEP_ERR_IO;

    memset(&sb, 0, sizeof sb);

    *out = NULL;
    f = fopen(path, "rb");
    if (f == NULL) {
        vep__engine_fail(e, VEP_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        goto done;
    }
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        vep__engine_fail(e, VEP_ERR_IO, "%s: cannot read: %s", path,
                         S_ISDIR(sb.st_mode) ? "it is a directory, not an instrument script"
                                             : "not a regular file");
        goto done;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        vep__engine_fail(e, VEP_ERR_IO, "%s: cannot read: %s", path, strerror(errno));
        goto done;
    }
    if (size > MAX_SCRIPT_BYTES) {
        vep__engine_fail(e, VEP_ERR_IO, "%s: larger than 16 MiB, not an instrument script", path);
        goto done;
    }
    data = vep__malloc(&e->alloc, (size_t)size + 1);
    if (data == NULL) {
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory reading %s", path);
        goto done;
    }
    got = fread(data, 1, (size_t)size, f);
    if (got != (size_t)size || ferror(f)) {
        vep__engine_fail(e, VEP_ERR_IO, "%s: read error", path);
        goto done;
    }
    data[got] = '\0';
    *out = data;
    *out_len = got;
    data = NULL;
    st = VEP_OK;
done:
    vep__free(&e->alloc, data);
    if (f)
        fclose(f);
    return st;
}

/* The directory part of `path` ("." when it has none), for require(). */
char *vep__dir_of(const vep_alloc *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return vep__strdup(a, ".");
    if (slash == path)
        return vep__strdup(a, "/");
    return vep__strndup(a, path, (size_t)(slash - path));
}

/* Loads `src` into a new instrument (a vep_load_fn). */
static vep_status load(void *out, vep_engine *e, const char *name,
                       const char *dir, const char *src, size_t len)
{
    vep_instrument *ins;
    vep_status st;

    ins = vep__calloc(&e->alloc, 1, sizeof *ins);
    if (ins == NULL)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    ins->engine = e;
    ins->alloc = e->alloc;
    vep__model_init(&ins->model, &ins->alloc);
    st = vep__load(e, &ins->model, name, dir, src, len);
    if (st != VEP_OK) {
        vep__model_free(&ins->model);
        vep__free(&e->alloc, ins);
        return st;
    }
    e->ninstruments++;
    *(vep_instrument **)out = ins;
    return VEP_OK;
}

/* See engine.h. */
vep_status vep__load_file(void *out, vep_engine *e, const char *path, vep_load_fn load_one)
{
    char *src = NULL, *dir = NULL;
    size_t len = 0;
    vep_status st;

    if (e == NULL)
        return VEP_ERR_ARGUMENT;
    vep__engine_begin(e);
    if (out == NULL || path == NULL)
        return vep__engine_fail(e, VEP_ERR_ARGUMENT, "out and path must not be NULL");
    st = vep__read_file(e, path, &src, &len);
    if (st != VEP_OK)
        return st;
    dir = vep__dir_of(&e->alloc, path);
    if (dir == NULL)
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    else
        st = load_one(out, e, path, dir, src, len);
    vep__free(&e->alloc, dir);
    vep__free(&e->alloc, src);
    return st;
}

/* See engine.h. */
vep_status vep__load_buffer(void *out, vep_engine *e, const char *name,
                            const char *source, size_t length, vep_load_fn load_one)
{
    if (e == NULL)
        return VEP_ERR_ARGUMENT;
    vep__engine_begin(e);
    if (out == NULL || source == NULL)
        return vep__engine_fail(e, VEP_ERR_ARGUMENT, "out and source must not be NULL");
    return load_one(out, e, name ? name : "(buffer)", NULL, source, length);
}

/* See engine.h. */
void vep__engine_release(vep_engine *e)
{
    if (e && e->ninstruments && --e->ninstruments == 0 && e->orphaned)
        vep_engine_free(e);
}

VEP_API vep_status vep_instrument_load_file(vep_instrument **out,
                                            vep_engine *engine,
                                            const char *path)
{
    if (out)
        *out = NULL;
    return vep__load_file(out, engine, path, load);
}

VEP_API vep_status vep_instrument_load_buffer(vep_instrument **out,
                                              vep_engine *engine,
                                              const char *name,
                                              const char *source,
                                              size_t length)
{
    if (out)
        *out = NULL;
    return vep__load_buffer(out, engine, name, source, length, load);
}

VEP_API void vep_instrument_free(vep_instrument *instrument)
{
    vep_alloc a;
    vep_engine *e;
    if (instrument == NULL)
        return;
    a = instrument->alloc;
    e = instrument->engine;
    vep__model_free(&instrument->model);
    vep__free(&a, instrument);
    vep__engine_release(e);
}

VEP_API const char *vep_instrument_id(const vep_instrument *instrument)
{
    return instrument ? instrument->model.id : NULL;
}

VEP_API const char *vep_instrument_version(const vep_instrument *instrument)
{
    return instrument ? instrument->model.version : NULL;
}

VEP_API const char *vep_instrument_sha256(const vep_instrument *instrument)
{
    return instrument ? instrument->model.sha256 : NULL;
}

/* Hands a finished buffer to the caller as a vep_free()-able string. */
vep_status vep__export_buf(vep_engine *e, vep_buf *b, char **out)
{
    if (b->failed)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    *out = vep__export(&e->alloc, b->data ? b->data : "", b->len);
    if (*out == NULL)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    return VEP_OK;
}

VEP_API vep_status vep_instrument_describe(char **out,
                                           const vep_instrument *instrument,
                                           const char *lang)
{
    vep_engine *e;
    vep_buf b;
    vep_status st;

    if (out)
        *out = NULL;
    if (instrument == NULL || out == NULL)
        return VEP_ERR_ARGUMENT;
    e = instrument->engine;
    vep__engine_begin(e);
    vep__buf_init(&b, &e->alloc);
    st = vep__describe(&instrument->model, lang, &b);
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);
    else if (st == VEP_ERR_ARGUMENT)
        vep__engine_fail(e, st, "'%s' is not a BCP 47 language tag (e.g. en, sr-Latn, sr-Cyrl)",
                         lang);
    else
        vep__engine_fail(e, st, "%s", vep_strerror(st));
    vep__buf_free(&b);
    return st;
}

/* Summarises a failed assessment call in the engine's message. */
vep_status vep__assess_failed(vep_engine *e, vep_status st)
{
    if (e->errmsg.len)  /* already said (e.g. by a script error) */
        return st;
    if (st == VEP_ERR_ASSESSMENT)
        return vep__engine_fail(e, st, "the assessment is invalid: %zu problem%s found",
                                e->diags.n + e->diags.dropped,
                                e->diags.n + e->diags.dropped == 1 ? "" : "s");
    if (e->diags.n && e->diags.v[0].message[0])   /* a script rule failed */
        return vep__engine_fail(e, st, "%s: %s", vep_strerror(st), e->diags.v[0].message);
    return vep__engine_fail(e, st, "%s", vep_strerror(st));
}

vep_status vep__assess(vep_instrument *ins, const char *json, size_t len,
                       const vep_host_stubs *stubs, vep_buf *out)
{
    vep_engine *e = ins->engine;
    vep_ctx ctx;
    vep_outputs outputs;
    vep_host_log log;
    vep_status st;

    memset(&ctx, 0, sizeof ctx);
    memset(&outputs, 0, sizeof outputs);
    vep__host_log_init(&log, &e->alloc);
    ctx.m = &ins->model;
    ctx.a = &e->alloc;
    ctx.limits = &e->limits;
    ctx.diags = &e->diags;
    ctx.hosts = &e->hosts;
    ctx.host_stubs = stubs;
    ctx.host_log = &log;

    st = vep__assessment_read(&ctx, json, len);
    if (st == VEP_OK && e->diags.n)
        st = VEP_ERR_ASSESSMENT;
    if (st != VEP_OK)
        goto done;
    ctx.out = &outputs;
    st = vep__score(&ctx);
    if (st == VEP_OK && log.full) {   /* a script caught the error: still */
        vep__diag_add(&e->diags, NULL, 0, NULL, NULL, "host_limit", "the host "
                      "calls of this assessment, recorded with their arguments, "
                      "pass %u KiB", (unsigned)(VEP_HOST_LOG_MAX / 1024));
        st = VEP_ERR_HOST;
    }
    if (st != VEP_OK)
        goto done;
    st = vep__judgement_check(&ctx);
    if (st != VEP_OK || out == NULL)
        goto done;
    st = vep__result_render(&ctx, out);
done:
    if (st != VEP_OK && e->diags.nomem)   /* a problem could not be kept */
        st = VEP_ERR_NOMEM;
    if (st == VEP_ERR_NOMEM && e->diags.nomem == 0)
        vep__diags_clear(&e->diags);
    vep__runtime_close(&ctx);
    vep__host_log_free(&log);
    vep__outputs_free(&e->alloc, &ins->model, &outputs);
    vep__assessment_free(&e->alloc, ctx.as);
    return st;
}

VEP_API vep_status vep_score(char **out, vep_instrument *instrument,
                             const char *json, size_t length)
{
    vep_engine *e;
    vep_buf b;
    vep_status st;

    if (out)
        *out = NULL;
    if (instrument == NULL)
        return VEP_ERR_ARGUMENT;
    e = instrument->engine;
    vep__engine_begin(e);
    if (out == NULL || (json == NULL && length))
        return vep__engine_fail(e, VEP_ERR_ARGUMENT, "out and json must not be NULL");
    vep__buf_init(&b, &e->alloc);
    st = vep__assess(instrument, json ? json : "", length, NULL, &b);
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);
    else
        vep__assess_failed(e, st);
    vep__buf_free(&b);
    return st;
}

VEP_API vep_status vep_validate(vep_instrument *instrument, const char *json,
                                size_t length)
{
    vep_engine *e;
    vep_status st;

    if (instrument == NULL)
        return VEP_ERR_ARGUMENT;
    e = instrument->engine;
    vep__engine_begin(e);
    if (json == NULL && length)
        return vep__engine_fail(e, VEP_ERR_ARGUMENT, "json must not be NULL");
    st = vep__assess(instrument, json ? json : "", length, NULL, NULL);
    if (st != VEP_OK)
        vep__assess_failed(e, st);
    return st;
}

VEP_API vep_status vep_instrument_run_tests(char **out, size_t *out_failed,
                                            vep_instrument *instrument)
{
    vep_engine *e;
    vep_buf b;
    vep_status st;
    size_t failed = 0;

    if (out)
        *out = NULL;
    if (out_failed)
        *out_failed = 0;
    if (instrument == NULL || out == NULL)
        return VEP_ERR_ARGUMENT;
    e = instrument->engine;
    vep__engine_begin(e);
    vep__buf_init(&b, &e->alloc);
    st = vep__run_tests(instrument, &b, &failed);
    vep__engine_begin(e);   /* the cases' own errors are in the report */
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);
    else
        vep__engine_fail(e, st, "%s", vep_strerror(st));
    if (st == VEP_OK && out_failed)
        *out_failed = failed;
    vep__buf_free(&b);
    return st;
}
