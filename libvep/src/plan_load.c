/*
** plan_load.c -- loads a treatment-plan script: run it, read it, check it.
**
** The same steps as an instrument (loader.c), with the plan constructors:
**   1. the script and the helper modules it requires run in a sandbox with
**      the engine's limits (loader.c runs it, with the names below);
**   2. the records become the plan model (plan_decl.c);
**   3. the model is checked as a whole (plan_check.c);
**   4. the sources are hashed (SHA-256), as for instruments.
*/
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lauxlib.h"
#include "engine.h"
#include "loader.h"
#include "plan.h"

static const char *const plan_with_id[] = {
    "agency", "intervention", "rule", "test", NULL
};
static const char *const plan_plain[] = {
    "plan", "placement", "reassessment", "pre_release", "post_release", NULL
};
static const vep_script_kinds plan_kinds = {
    plan_with_id, plan_plain, "instrument",
    "this is an instrument script (it declares instrument {...}); load it "
    "with vep score, not as a plan"
};

typedef struct plan_read_args {
    vep_plan_model *m;
    vep_diags *d;
    vep_buf scratch;
} plan_read_args;

/* Protected: reads the records into the model. */
static int read_decls(lua_State *L)
{
    plan_read_args *ra = lua_touserdata(L, 1);
    vep__plan_decl_read(L, ra->m, ra->d, &ra->scratch);
    return 0;
}

/* Reports a failed script run as one diagnostic and the engine message,
** naming the file by the path it was loaded from. */
static vep_status script_failed(vep_engine *e, const vep_plan_model *m,
                                const vep_sandbox_error *err)
{
    const char *file = vep__source_name(m->sources, m->nsources, err->file);
    vep__diag_add(&e->diags, file, err->line, NULL, NULL, err->rule, "%s", err->message);
    if (err->line)
        return vep__engine_fail(e, err->status, "%s:%u: %s", file, err->line, err->message);
    return vep__engine_fail(e, err->status, "%s: %s", file, err->message);
}

/* Creates the sandbox with the engine's limits and `sf` as the reader of
** helper modules. */
static vep_status make_sandbox(vep_engine *e, vep_script_files *sf,
                               vep_sandbox **sb)
{
    vep_sandbox_config cfg;
    vep_status st;

    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = &e->alloc;
    cfg.memory_limit = e->limits.memory;
    cfg.instruction_limit = e->limits.instructions;
    cfg.time_limit_ms = e->limits.time_ms;
    cfg.reader = vep__read_module;
    cfg.reader_ud = sf;
    st = vep__sandbox_new(sb, &cfg);
    if (st != VEP_OK)
        vep__engine_fail(e, st, "cannot create the script sandbox: %s", vep_strerror(st));
    return st;
}

/* Runs the records through the readers and the checks; returns VEP_OK,
** VEP_ERR_DEFINITION (problems reported) or another failure. */
static vep_status read_and_check(vep_engine *e, vep_sandbox *sb,
                                 vep_plan_model *m, const char *path)
{
    vep_sandbox_error err;
    plan_read_args ra;
    vep_status st;
    size_t problems;

    memset(&err, 0, sizeof err);
    ra.m = m;
    ra.d = &e->diags;
    vep__buf_init(&ra.scratch, m->alloc);
    st = vep__sandbox_cpcall(sb, read_decls, &ra, &err);
    vep__buf_free(&ra.scratch);
    if (st == VEP_ERR_NOMEM)
        return vep__engine_fail(e, st, "out of memory");
    if (st != VEP_OK)
        return script_failed(e, m, &err);
    /* The checks run even after reading problems, so that the user sees
    ** every problem at once. */
    problems = e->diags.n;
    if (!e->diags.nomem)
        problems += vep__plan_check(m, &e->diags);
    if (e->diags.nomem)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    if (problems)
        return vep__engine_fail(e, VEP_ERR_DEFINITION,
                                "%s: the plan definition has %zu problem%s",
                                path, problems + e->diags.dropped,
                                problems + e->diags.dropped == 1 ? "" : "s");
    return VEP_OK;
}

/* Loads a plan script into m: run, read, check, hash (see plan.h). */
vep_status vep__plan_load(vep_engine *e, vep_plan_model *m, const char *path,
                          const char *dir, const char *src, size_t len)
{
    vep_sandbox_error err;
    vep_sandbox *sb = NULL;
    vep_script_files sf;
    char *name = NULL, *text = NULL;
    vep_status st;

    memset(&sf, 0, sizeof sf);
    memset(&err, 0, sizeof err);
    sf.alloc = m->alloc;
    sf.sources = &m->sources;
    sf.nsources = &m->nsources;
    sf.owner = "plan";
    sf.dir = dir;
    if (dir) {
        sf.realdir = realpath(dir, NULL);
        if (sf.realdir == NULL) {
            st = vep__engine_fail(e, VEP_ERR_IO, "%s: cannot resolve directory %s: %s",
                                  path, dir, strerror(errno));
            goto done;
        }
    }
    name = vep__strdup(m->alloc, path);
    text = vep__strndup(m->alloc, src, len);
    if (name == NULL || text == NULL) {
        vep__free(m->alloc, name);
        vep__free(m->alloc, text);
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
        goto done;
    }
    if (vep__add_source(&sf, name, NULL, text, len) != 0) {  /* took ownership */
        st = vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
        goto done;
    }
    st = make_sandbox(e, &sf, &sb);
    if (st != VEP_OK)
        goto done;
    st = vep__script_run_with(sb, &plan_kinds, m->sources[0].label,
                              m->sources[0].text, len, &err);
    if (st == VEP_OK && sf.nomem)   /* even if the script caught it */
        st = err.status = VEP_ERR_NOMEM;
    if (st == VEP_ERR_NOMEM) {
        vep__engine_fail(e, st, "out of memory");
        goto done;
    }
    if (st != VEP_OK) {
        script_failed(e, m, &err);
        goto done;
    }
    st = read_and_check(e, sb, m, path);
    if (st != VEP_OK)
        goto done;
    st = vep__hash_sources(m->alloc, m->sources, m->nsources, m->sha256);
    if (st != VEP_OK)
        vep__engine_fail(e, st, "cannot hash the script sources");
done:
    vep__sandbox_free(sb);
    free(sf.realdir);
    return st;
}
