/*
** overlay.h -- scripts that adapt a base script instead of copying it.
**
** An overlay names its base in its root declaration:
**
**   instrument { id = "vep-screen-rs", version = "1.0.0",
**                base = { id = "vep-screen", version = "^1.0.0" }, ... }
**
** The constructor runs the base first, in the same sandbox, so the base's
** declarations come first; the overlay's root declaration inherits every
** field it does not set (texts merge by language, the language lists are
** joined).  Then the overlay changes what is local:
**
**   item "S14" { ... }                 adds (an id the base has is an error)
**   change.item "S04" { ... }          merges fields into the base's item
**   replace.item "S04" { ... }         replaces the whole declaration
**   remove.item "S03"                  removes it
**
** and the same for every kind of declaration (change.level, change.rule,
** remove.agency, ...).  A base may itself be an overlay, to
** VEP_MAX_BASE_DEPTH levels.  Every record carries the depth of the script
** that declared it (0: the script loaded); the readers skip what was
** removed, the bases' root declarations and the bases' test cases, and
** read the lineage from the root declarations (vep__lineage_read).
*/
#ifndef VEP_OVERLAY_H
#define VEP_OVERLAY_H

#include "lua.h"
#include "model.h"

/* How deep bases may nest (an overlay of an overlay of ... the core). */
#define VEP_MAX_BASE_DEPTH 6

/* Registry keys: the depth of the script running now, the records by
** "kind:id" (or "kind" for the declarations without an id), and the
** vep_base_reader of the run (a light userdata). */
#define VEP_DEPTH_KEY "vep.depth"
#define VEP_RECORDS_KEY "vep.records"
#define VEP_BASES_KEY "vep.bases"
#define VEP_CHAIN_KEY "vep.chain"     /* the ids being loaded, by depth   */
#define VEP_DONE_KEY "vep.layers_done" /* layer d at [d]: its overlay's root
                                        declaration merged it; the records
                                        of a base that failed are never read,
                                        even when the script caught the error */

/* Where the bases of an overlay come from: the loader finds them on disk
** (base_find.c), the runtime replays the sources kept at load time. */
typedef struct vep_base_reader {
    /* Gives the main source of base `id` for the script running at
    ** `depth`; the base runs at depth + 1.  Returns 0, -1 with the reason
    ** in `err` (no path in it), or -2 when out of memory. */
    int (*open)(void *ud, const char *id, int depth, const char **src,
                size_t *len, const char **chunkname, char *err,
                size_t errlen);
    /* The base at `depth` has finished: modules come from the directory
    ** of the script at depth - 1 again. */
    void (*close)(void *ud, int depth);
    void *ud;
} vep_base_reader;

/* Pushes t[key] of a script's table, raw (no metamethod runs); returns
** its type. */
int vep__raw_field(lua_State *L, int t, const char *key);

/* Whether layers 1 to `depth` all finished, so that a record made at
** `depth` belongs to the script. */
int vep__overlay_layers_done(lua_State *L, int depth);

/* overlay_merge.c: pushes the declaration `old` changed by `new_` (texts
** by language, lists entry by entry, other fields replaced). */
void vep__overlay_push_changed(lua_State *L, int old, int new_);

/* overlay_merge.c: tags the plain-string texts of the declarations made
** at `depth` with the first language of the root table `root_t`. */
void vep__overlay_tag_texts(lua_State *L, int root_t, int depth);

/* overlay_merge.c: whether `key` holds a text by language. */
int vep__overlay_is_text_field(const char *key);

/* The number of languages the root declaration of the record at `rec`
** lists itself (an overlay's own, which come first), out of `n` in all:
** n for a script that adapts no base, or whose overlay lists none. */
size_t vep__overlay_own_languages(lua_State *L, int rec, size_t n);

/* The depth of the script running now. */
int vep__overlay_depth(lua_State *L);

/* Puts the tables `change`, `replace` and `remove` in the environment at
** index `env`, with one function per kind of declaration; `root` is the
** kind of the root declaration ("instrument", "plan"), which cannot be
** removed or replaced. */
void vep__overlay_install(lua_State *L, int env, const char *const *with_id,
                          const char *const *plain, const char *root);

/* Raises an error when a new declaration `kind` `id` reuses an id that a
** base declared (the overlay must say change, replace or remove). */
void vep__overlay_check_new(lua_State *L, const char *kind, const char *id);

/* The root constructor of an overlay: the table at index 1 has `base`.
** Runs the base, checks its id and version range, merges the root
** declarations and records the overlay's.  Returns 0 (a Lua C function). */
int vep__overlay_root(lua_State *L, const char *root);

/* Whether the record at index `rec` is read into the model: not removed,
** not a base's root declaration, not a base's test case. */
int vep__record_live(lua_State *L, int rec, const char *root);

/* Reads the lineage from the root declarations into *out (bases first,
** the script itself last); nothing when the script adapts no base.  The
** hashes are filled in later (vep__lineage_hash).  Returns -1 when out of
** memory.  Runs in a protected call. */
int vep__lineage_read(lua_State *L, const char *root, const vep_alloc *a,
                      vep_lineage **out, size_t *n);

/* Fills each layer's sha256 over its own sources (source.layer), by the
** rule of vep__hash_sources, and the label of its main source. */
int vep__lineage_hash(const vep_alloc *a, vep_lineage *l, size_t n,
                      vep_source *v, size_t nv);

void vep__lineage_free(const vep_alloc *a, vep_lineage *l, size_t n);

/* Writes the lineage as the member "lineage" of the object being written
** (nothing when the script adapts no base): [{"id", "version", "sha256",
** "file", "adapts": null | {"id", "versions"}}], bases first. */
struct vep_jsonw;
void vep__lineage_write(struct vep_jsonw *w, const vep_lineage *l, size_t n);

#endif
