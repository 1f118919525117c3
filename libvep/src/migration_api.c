/*
** migration_api.c -- the public migration calls: load a migration script,
** apply it to an assessment (migrate.c).
*/
#include <string.h>
#include "engine.h"
#include "migration.h"

struct vep_migration {
    vep_engine *engine;
    vep_alloc alloc;
    vep_migration_model model;   /* model.alloc points to `alloc` */
};

/* Loads `src` into a new migration (a vep_load_fn). */
static vep_status load(void *out, vep_engine *e, const char *name,
                       const char *dir, const char *src, size_t len)
{
    vep_migration *g = vep__calloc(&e->alloc, 1, sizeof *g);
    vep_status st;
    if (g == NULL)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    g->engine = e;
    g->alloc = e->alloc;
    g->model.alloc = &g->alloc;
    st = vep__migration_load(e, &g->model, name, dir, src, len);
    if (st != VEP_OK) {
        vep__migration_model_free(&g->model);
        vep__free(&e->alloc, g);
        return st;
    }
    e->ninstruments++;
    *(vep_migration **)out = g;
    return VEP_OK;
}

VEP_API vep_status vep_migration_load_file(vep_migration **out, vep_engine *engine,
                                           const char *path)
{
    if (out)
        *out = NULL;
    return vep__load_file(out, engine, path, load);
}

VEP_API vep_status vep_migration_load_buffer(vep_migration **out, vep_engine *engine,
                                             const char *name, const char *source,
                                             size_t length)
{
    if (out)
        *out = NULL;
    return vep__load_buffer(out, engine, name, source, length, load);
}

VEP_API void vep_migration_free(vep_migration *migration)
{
    vep_alloc a;
    vep_engine *e;
    if (migration == NULL)
        return;
    a = migration->alloc;
    e = migration->engine;
    vep__migration_model_free(&migration->model);
    vep__free(&a, migration);
    vep__engine_release(e);
}

VEP_API const char *vep_migration_id(const vep_migration *migration)
{
    return migration ? migration->model.id : NULL;
}

VEP_API const char *vep_migration_version(const vep_migration *migration)
{
    return migration ? migration->model.version : NULL;
}

VEP_API const char *vep_migration_sha256(const vep_migration *migration)
{
    return migration ? migration->model.sha256 : NULL;
}

VEP_API vep_status vep_migrate(char **out, vep_migration *migration,
                               const char *json, size_t length)
{
    vep_engine *e;
    vep_buf b;
    vep_status st;

    if (out)
        *out = NULL;
    if (migration == NULL)
        return VEP_ERR_ARGUMENT;
    e = migration->engine;
    vep__engine_begin(e);
    if (out == NULL || json == NULL)
        return vep__engine_fail(e, VEP_ERR_ARGUMENT, "out and json must not be NULL");
    vep__buf_init(&b, &e->alloc);
    st = vep__migrate(e, &migration->model, json, length, &b);
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);   /* copies: b is freed below */
    vep__buf_free(&b);
    return st;
}
