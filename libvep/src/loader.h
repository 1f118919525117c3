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
#include "overlay.h"
#include "host.h"

/* The most declarations one instrument may make: far above any paper
** form, low enough that loading stays well within its time limit. */
#define VEP_MAX_DECLARATIONS 20000

/* Registry keys of the declaration records. */
#define VEP_DECLS_KEY "vep.decls"     /* array of records                */
#define VEP_BYKEY_KEY "vep.bykey"     /* "kind:id" -> record.t           */

/* The constructors of one kind of script (instrument or plan): names of
** those taking an id (`item "B01" { ... }`) and of the plain ones
** (`instrument { ... }`), both NULL-terminated, and the constructor of the
** other kind, which raises `other_message` and makes the run fail with
** rule "wrong_script_kind" (NULL: none). */
typedef struct vep_script_kinds {
    const char *const *with_id;
    const char *const *plain;
    const char *other;
    const char *other_message;
    const char *root;         /* the root declaration: "instrument", "plan" */
} vep_script_kinds;

/* Where a script called the other kind's constructor (loader.c). */
typedef struct vep_wrong_kind {
    int hit;
    char file[256];
    unsigned line;
    char message[256];
} vep_wrong_kind;

/* Installs the constructors of `kinds` (and `date`, `unknown`,
** `not_applicable`, `host` (host_lua.c, reaching `host`, which must
** outlive the sandbox), and overlay.c's change, replace and remove) in
** the sandbox's environment and runs the main chunk `src`; the records
** are left in the registry.  An overlay's base comes from `bases` (NULL:
** an overlay cannot be run). */
vep_status vep__script_run_with(vep_sandbox *sb, const vep_script_kinds *kinds,
                                const vep_base_reader *bases,
                                vep_host_bridge *host, const char *name,
                                const char *src, size_t len,
                                vep_sandbox_error *err);

/* vep__script_run_with the instrument constructors (`plan` refused). */
vep_status vep__script_run(vep_sandbox *sb, const vep_base_reader *bases,
                           vep_host_bridge *host,
                           const char *name, const char *src, size_t len,
                           vep_sandbox_error *err);

/* Appends a record for a declaration of `kind` (`id` may be NULL) made at
** the calling script's current line, and leaves it on the stack. */
void vep__push_record(lua_State *L, const char *kind, const char *id);

/* Attaches the table on top of the stack to the record at `record` (and
** pops it), indexing it for the runtime and for overlays. */
void vep__attach_table(lua_State *L, int record);

/* The sources of one script being loaded, and where its helper modules
** are looked up: the sandbox's module reader state (ud of
** vep__read_module).  `sources`/`nsources` point into the model that owns
** them; `realdir` is realpath(dir), freed by the caller with free(). */
typedef struct vep_script_files {
    const vep_alloc *alloc;
    vep_source **sources;
    size_t *nsources;
    const char *owner;    /* "instrument" or "plan", for messages        */
    const char *dir;      /* NULL: require() finds nothing               */
    char *realdir;
    int nomem;            /* a module could not be read: out of memory   */
    int depth;            /* the layer running now (overlay.h)           */
    /* The directories of the layers below the one running (base_find.c):
    ** [0] is the script loaded's, [d] its base's at depth d; the entries
    ** above 0 are owned (malloc'd strings). */
    struct { char *dir; char *realdir; } layers[VEP_MAX_BASE_DEPTH + 1];
    vep_base_reader bases;  /* base_find.c's reader over these files     */
} vep_script_files;

/* Sets sf->bases to the reader that finds bases on disk (base_find.c). */
void vep__base_reader_init(vep_script_files *sf);

/* Frees what the base reader allocated (the bases' directories). */
void vep__base_reader_free(vep_script_files *sf);

/* Gives a base's source `v` (resolved path `real`) its label relative to
** the script loaded, keeping the old one as own_label.  Returns -1 when
** out of memory. */
int vep__base_relabel(vep_script_files *sf, vep_source *v, const char *real);

/* Appends a source (taking ownership of name, module and text, freed
** even on failure).  Returns 0, or -1 when out of memory. */
int vep__add_source(vep_script_files *sf, char *name, char *module,
                    char *text, size_t len);

/* The vep_module_reader of scripts: module `name` from the script's own
** directory (dots become slashes, ".lua" appended); the resolved path
** must stay inside the directory.  Every failure gives the same message,
** without a path.  Adds the module to the sources. */
int vep__read_module(void *ud, const char *name, const char **src,
                     size_t *len, const char **chunkname, char *err,
                     size_t errlen);

/* Hashes every source and the whole: one source, its own digest (what
** sha256sum prints); several, the digest of the lines "HEX  LABEL\n" in
** load order, as `cd DIR && sha256sum FILES | sha256sum` prints. */
vep_status vep__hash_sources(const vep_alloc *a, vep_source *v, size_t n,
                             char out[65]);

/* One kind of script to load: its constructors, the word messages use
** ("instrument", "plan"), where its sources and digest go, and the model
** with its reader (records to model, in a protected call) and its checks
** (returning the number of problems added). */
typedef struct vep_script_load {
    const vep_script_kinds *kinds;
    const char *owner;
    vep_alloc *alloc;
    vep_source **sources;
    size_t *nsources;
    char *sha256;          /* 65 bytes                                  */
    vep_lineage **lineage; /* where the lineage goes (overlay.h)        */
    size_t *nlineage;
    struct vep_host_decl **hosts;  /* the host_function declarations
                                      (NULL: the kind has none)        */
    size_t *nhosts;
    void *model;
    void (*read)(lua_State *L, void *model, vep_diags *d, vep_buf *scratch);
    size_t (*check)(void *model, vep_diags *d);
} vep_script_load;

/* Loads a script: runs it in a sandbox with the engine's limits (helper
** modules from `dir`, or none when NULL), reads and checks the records,
** hashes the sources.  `path` names the file in messages.  Every problem
** is reported with file, line and id. */
struct vep_engine;
vep_status vep__script_load(struct vep_engine *e, const vep_script_load *sl,
                            const char *path, const char *dir,
                            const char *src, size_t len);

/* decl.c: reads the records (in the registry of L) into `m`.  Runs inside
** a protected call; problems go to `d` with file, line and id.  `scratch`
** is a buffer the caller frees, whatever happens. */
void vep__decl_read(lua_State *L, vep_model *m, vep_diags *d, vep_buf *scratch);

/* check.c: resolves references and checks the definition.  Returns the
** number of problems added to `d`. */
size_t vep__check(vep_model *m, vep_diags *d);

#endif
