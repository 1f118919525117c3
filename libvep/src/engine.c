/*
** engine.c -- engines, versions, status names and diagnostics access.
*/
#include <stdarg.h>
#include <string.h>
#include "engine.h"
#include "jsonw.h"
#include "utf8.h"

#define DEFAULT_MEMORY_LIMIT ((size_t)64 * 1024 * 1024)
#define DEFAULT_INSTRUCTION_LIMIT ((uint64_t)100000000)
#define DEFAULT_TIME_LIMIT_MS 2000u

VEP_API const char *vep_version_string(void)
{
    return VEP_VERSION_STRING;
}

VEP_API int vep_version_number(void)
{
    return VEP_VERSION_NUMBER;
}

VEP_API const char *vep_strerror(vep_status status)
{
    switch (status) {
    case VEP_OK: return "success";
    case VEP_ERR_ARGUMENT: return "invalid argument";
    case VEP_ERR_NOMEM: return "out of memory";
    case VEP_ERR_IO: return "file cannot be read";
    case VEP_ERR_SCRIPT: return "instrument script error";
    case VEP_ERR_DEFINITION: return "instrument definition error";
    case VEP_ERR_ASSESSMENT: return "invalid assessment";
    case VEP_ERR_LIMIT_MEMORY: return "memory limit exceeded";
    case VEP_ERR_LIMIT_INSTRUCTIONS: return "instruction limit exceeded";
    case VEP_ERR_LIMIT_TIME: return "time limit exceeded";
    case VEP_ERR_RANGE: return "out of range";
    case VEP_ERR_INTERNAL: return "internal error";
    case VEP_ERR_CONTEXT: return "invalid case context";
    case VEP_ERR_HOST: return "host function error";
    }
    return "unknown status";
}

VEP_API vep_status vep_engine_options_init(vep_engine_options *opts,
                                           unsigned int version)
{
    if (opts == NULL || version != VEP_ENGINE_OPTIONS_VERSION)
        return VEP_ERR_ARGUMENT;
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return VEP_OK;
}

/* Creates an engine with the limits of `opts`, zero meaning the default.
** The engine's own memory comes from the host's allocator, like the rest. */
VEP_API vep_status vep_engine_new(vep_engine **out,
                                  const vep_engine_options *opts)
{
    vep_alloc a;
    vep_engine *e;

    if (out == NULL)
        return VEP_ERR_ARGUMENT;
    *out = NULL;
    if (opts != NULL && opts->version != VEP_ENGINE_OPTIONS_VERSION)
        return VEP_ERR_ARGUMENT;
    if (opts != NULL && opts->memory_limit && opts->memory_limit < VEP_MIN_MEMORY_LIMIT)
        return VEP_ERR_ARGUMENT;
    if (opts != NULL && opts->allocator != NULL &&
        (!opts->allocator->malloc_fn || !opts->allocator->realloc_fn ||
         !opts->allocator->free_fn))
        return VEP_ERR_ARGUMENT;   /* all three hooks, or none */
    vep__alloc_init(&a, opts ? opts->allocator : NULL);
    e = vep__calloc(&a, 1, sizeof *e);
    if (e == NULL)
        return VEP_ERR_NOMEM;
    e->alloc = a;
    e->limits.memory = (opts && opts->memory_limit) ? opts->memory_limit
                                                    : DEFAULT_MEMORY_LIMIT;
    e->limits.instructions = (opts && opts->instruction_limit)
                                 ? opts->instruction_limit
                                 : DEFAULT_INSTRUCTION_LIMIT;
    e->limits.time_ms = (opts && opts->time_limit_ms) ? opts->time_limit_ms
                                                      : DEFAULT_TIME_LIMIT_MS;
    vep__diags_init(&e->diags, &e->alloc);
    vep__buf_init(&e->errmsg, &e->alloc);
    *out = e;
    return VEP_OK;
}

/* Frees an engine; while instruments loaded through it still live, the
** engine is only marked and the last vep_instrument_free() finishes the
** job, so that bindings may free objects in any order. */
VEP_API void vep_engine_free(vep_engine *engine)
{
    vep_alloc a;
    if (engine == NULL)
        return;
    if (engine->ninstruments > 0) {
        engine->orphaned = 1;
        return;
    }
    a = engine->alloc;
    vep__diags_free(&engine->diags);
    vep__buf_free(&engine->errmsg);
    vep__host_registry_free(&a, &engine->hosts);
    vep__free(&a, engine);
}

void vep__engine_begin(vep_engine *e)
{
    vep__diags_clear(&e->diags);
    vep__buf_reset(&e->errmsg);
    e->status = VEP_OK;
}

/* Records the failure and its message.  A message may quote what a script
** or a document wrote (a Lua syntax error quotes the source), which may be
** any bytes: one that is not UTF-8 is kept with its control characters and
** stray bytes escaped, so that vep_engine_errmsg always gives text. */
vep_status vep__engine_fail(vep_engine *e, vep_status status,
                            const char *fmt, ...)
{
    va_list ap;
    vep_buf clean;
    vep__buf_reset(&e->errmsg);
    va_start(ap, fmt);
    vep__buf_vprintf(&e->errmsg, fmt, ap);
    va_end(ap);
    if (!e->errmsg.failed
        && !vep__utf8_valid(vep__buf_str(&e->errmsg), e->errmsg.len)) {
        vep__buf_init(&clean, &e->alloc);
        vep__utf8_escape(&clean, e->errmsg.data, e->errmsg.len, 0, 0);
        vep__buf_free(&e->errmsg);
        e->errmsg = clean;     /* on a failed allocation: vep_strerror */
    }
    e->status = status;
    return status;
}

VEP_API const char *vep_engine_errmsg(const vep_engine *engine)
{
    if (engine == NULL)
        return "no engine";
    if (engine->errmsg.failed)
        return vep_strerror(engine->status);
    return vep__buf_str(&engine->errmsg);
}

VEP_API size_t vep_diag_count(const vep_engine *engine)
{
    return engine ? engine->diags.n : 0;
}

VEP_API const char *vep_diag_get(const vep_engine *engine, size_t index,
                                 vep_diag_field field)
{
    const vep_diagnostic *g;
    if (engine == NULL || index >= engine->diags.n)
        return NULL;
    g = &engine->diags.v[index];
    switch (field) {
    case VEP_DIAG_FILE: return g->file;
    case VEP_DIAG_PATH: return g->path;
    case VEP_DIAG_ITEM: return g->item;
    case VEP_DIAG_RULE: return g->rule;
    case VEP_DIAG_MESSAGE: return g->message;
    }
    return NULL;
}

VEP_API unsigned int vep_diag_line(const vep_engine *engine, size_t index)
{
    if (engine == NULL || index >= engine->diags.n)
        return 0;
    return engine->diags.v[index].line;
}

VEP_API const char *vep_status_name(vep_status s)
{
    switch (s) {
    case VEP_OK: return "ok";
    case VEP_ERR_ARGUMENT: return "argument";
    case VEP_ERR_NOMEM: return "out_of_memory";
    case VEP_ERR_IO: return "io";
    case VEP_ERR_SCRIPT: return "script";
    case VEP_ERR_DEFINITION: return "definition";
    case VEP_ERR_ASSESSMENT: return "assessment";
    case VEP_ERR_LIMIT_MEMORY: return "memory_limit";
    case VEP_ERR_LIMIT_INSTRUCTIONS: return "instruction_limit";
    case VEP_ERR_LIMIT_TIME: return "time_limit";
    case VEP_ERR_RANGE: return "range";
    case VEP_ERR_INTERNAL: return "internal";
    case VEP_ERR_CONTEXT: return "context";
    case VEP_ERR_HOST: return "host";
    }
    return "unknown";
}

VEP_API vep_status vep_diag_json(char **out, const vep_engine *engine)
{
    vep_buf b;
    vep_jsonw w;

    if (out == NULL)
        return VEP_ERR_ARGUMENT;
    *out = NULL;
    if (engine == NULL)
        return VEP_ERR_ARGUMENT;
    vep__buf_init(&b, &engine->alloc);
    vep__jw_init(&w, &b, 1);
    vep__jw_object(&w);
    vep__jw_kstring(&w, "status", vep_status_name(engine->status));
    vep__jw_kstring(&w, "message", vep_engine_errmsg(engine));
    vep__jw_key(&w, "errors");
    vep__diags_write(&w, &engine->diags);
    if (engine->diags.dropped)
        vep__jw_kint(&w, "not_shown", (long long)engine->diags.dropped);
    vep__jw_object_end(&w);
    vep__buf_addc(&b, '\n');
    if (b.failed) {
        vep__buf_free(&b);
        return VEP_ERR_NOMEM;
    }
    *out = vep__export(&engine->alloc, b.data, b.len);
    vep__buf_free(&b);
    return *out ? VEP_OK : VEP_ERR_NOMEM;
}
