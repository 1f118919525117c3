/*
** plan_load.c -- loads a treatment-plan script: run it, read it, check it.
**
** The same steps as an instrument (loader.c), with the plan constructors:
**   1. the script and the helper modules it requires run in a sandbox with
**      the engine's limits (vep__script_load in loader.c, with the names
**      below);
**   2. the records become the plan model (plan_decl.c);
**   3. the model is checked as a whole (plan_check.c);
**   4. the sources are hashed (SHA-256), as for instruments.
*/
#include "engine.h"
#include "loader.h"
#include "plan.h"

static const char *const plan_with_id[] = {
    "agency", "intervention", "rule", "test", "host_function", NULL
};
static const char *const plan_plain[] = {
    "plan", "placement", "reassessment", "pre_release", "post_release", NULL
};
static const vep_script_kinds plan_kinds = {
    plan_with_id, plan_plain, "instrument",
    "this is an instrument script (it declares instrument {...}); load it "
    "with vep score, not as a plan",
    "plan"
};

/* The plan's reader and checks, in the shape vep__script_load calls
** them. */
static void read_plan(lua_State *L, void *model, vep_diags *d, vep_buf *scratch)
{
    vep__plan_decl_read(L, model, d, scratch);
}

static size_t check_plan(void *model, vep_diags *d)
{
    return vep__plan_check(model, d);
}

/* Loads a plan script into m: run, read, check, hash (see plan.h). */
vep_status vep__plan_load(vep_engine *e, vep_plan_model *m, const char *path,
                          const char *dir, const char *src, size_t len)
{
    vep_script_load sl;

    sl.kinds = &plan_kinds;
    sl.owner = "plan";
    sl.alloc = m->alloc;
    sl.sources = &m->sources;
    sl.nsources = &m->nsources;
    sl.sha256 = m->sha256;
    sl.lineage = &m->lineage;
    sl.nlineage = &m->nlineage;
    sl.hosts = &m->hosts;
    sl.nhosts = &m->nhosts;
    sl.model = m;
    sl.read = read_plan;
    sl.check = check_plan;
    return vep__script_load(e, &sl, path, dir, src, len);
}
