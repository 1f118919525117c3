/*
** loader.h -- running an instrument script and turning it into a model.
**
** loader.c runs the script in a sandbox whose environment offers the
** declaration constructors (instrument, scale, part, domain, item, score,
** level, flag, judgement, test).  Each constructor records its table, the
** kind, the id and the line it was called from in the registry, in
** declaration order.  decl.c and decl_rules.c then read those records into
** the model, and check.c verifies the whole.  runtime.c replays the same
** script in a fresh sandbox to reach the Lua functions of an assessment.
*/
#ifndef VEP_LOADER_H
#define VEP_LOADER_H

#include "lua.h"
#include "sandbox.h"
#include "model.h"
#include "diag.h"
#include "buf.h"

/* The most declarations one instrument may make: far above any paper
** form, low enough that loading stays well within its time limit. */
#define VEP_MAX_DECLARATIONS 20000

/* Registry keys of the declaration records. */
#define VEP_DECLS_KEY "vep.decls"     /* array of records                */
#define VEP_BYKEY_KEY "vep.bykey"     /* "kind:id" -> record.t           */

/* Installs the constructors in the sandbox's environment and runs the main
** chunk `src`; the records are left in the registry. */
vep_status vep__script_run(vep_sandbox *sb, const char *name, const char *src,
                           size_t len, vep_sandbox_error *err);

/* decl.c: reads the records (in the registry of L) into `m`.  Runs inside
** a protected call; problems go to `d` with file, line and id.  `scratch`
** is a buffer the caller frees, whatever happens. */
void vep__decl_read(lua_State *L, vep_model *m, vep_diags *d, vep_buf *scratch);

/* check.c: resolves references and checks the definition.  Returns the
** number of problems added to `d`. */
size_t vep__check(vep_model *m, vep_diags *d);

#endif
