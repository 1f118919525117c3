/*
** migration.h -- migration scripts: an assessment recorded under one
** major version of an instrument, mapped to another.
**
** A migration script reads like the concordance table a methodologist
** writes when an instrument is revised:
**
**   migration { id = "vep-screen-1-to-2", version = "1.0.0",
**               from = { id = "vep-screen", version = "^1.0.0" },
**               to   = { id = "vep-screen", version = "2.0.0" } }
**   rename "S03" { to = "S03R" }
**   recode "S04" { map = { present = "high", absent = "low" } }
**   split  "S05" { into = { "S05a", "S05b" },
**                  map = { present = { S05a = "present", S05b = "absent" },
**                          absent  = { S05a = "absent",  S05b = "absent" } } }
**   merge  "S07" { from = { "S07", "S08" }, order = { "absent", "present" } }
**   drop   "S12" { reason = "no longer asked" }
**   add    "S14" { status = "unknown", reason = "not asked in version 1" }
**   judgement { map = { negative = "no_referral", positive = "referral" } }
**
** The steps apply in the order written (migration_load.c reads them,
** migrate.c applies them); each one applied is recorded in the
** document's "migrations" list, which results carry beside the
** instrument's lineage.
*/
#ifndef VEP_MIGRATION_H
#define VEP_MIGRATION_H

#include "model.h"

typedef enum vep_mig_op {
    VEP_MIG_RENAME = 0, VEP_MIG_RECODE, VEP_MIG_SPLIT, VEP_MIG_MERGE,
    VEP_MIG_DROP, VEP_MIG_ADD, VEP_MIG_JUDGEMENT
} vep_mig_op;

/* One row of a code map: an old code and what it becomes; for a split,
** one new code per item of `into` (to[i] for into[i]).  The string
** "unknown" or "not_applicable" stands for that answer state. */
typedef struct vep_mig_row {
    char *from;
    char **to;
    size_t nto;
} vep_mig_row;

typedef struct vep_mig_step {
    vep_mig_op op;
    char *item;           /* the item the step is about (the new one for
                             merge and add); NULL for judgement          */
    char *to;             /* rename: the new id                          */
    vep_mig_row *map;     /* recode, split, judgement: sorted by `from`  */
    size_t nmap;
    char **into;          /* split: the new items                        */
    size_t ninto;
    char **from;          /* merge: the old items                        */
    size_t nfrom;
    char **order;         /* merge: codes from lowest to highest         */
    size_t norder;
    char *status;         /* add: "unknown" / "not_applicable", or NULL  */
    char *value;          /* add: the code given, or NULL                */
    char *reason;         /* drop, add: why                              */
    vep_origin origin;
} vep_mig_step;

typedef struct vep_migration_model {
    vep_alloc *alloc;
    char *id, *version;
    vep_text title;
    char **languages;         size_t nlanguages;
    char *from_id, *from_range;
    char *to_id, *to_version;
    vep_mig_step *steps;      size_t nsteps;
    vep_source *sources;      size_t nsources;
    char sha256[65];
    vep_lineage *lineage;     size_t nlineage;   /* unused: no bases */
    vep_origin origin;
} vep_migration_model;

/* The names of the steps, indexed by vep_mig_op, NULL-terminated. */
extern const char *const vep__mig_op_names[];

void vep__migration_model_free(vep_migration_model *m);

struct vep_engine;
/* Loads a migration script into m (run, read, check, hash), with every
** problem reported with file, line and step. */
vep_status vep__migration_load(struct vep_engine *e, vep_migration_model *m,
                               const char *path, const char *dir,
                               const char *src, size_t len);

/* Applies the migration to the assessment `json`; the migrated document
** goes to `out`.  Problems go to the engine's diagnostics with their JSON
** path; VEP_ERR_ASSESSMENT when the document cannot be migrated. */
struct vep_buf;
vep_status vep__migrate(struct vep_engine *e, const vep_migration_model *m,
                        const char *json, size_t len, struct vep_buf *out);

#endif
