/*
** json.h -- JSON trees of cJSON nodes whose memory is the engine's.
**
** libvep keeps cJSON's node struct and its read-only functions (lookups,
** cJSON_Is*, cJSON_ArrayForEach, cJSON_GetArraySize, cJSON_Compare and the
** cJSON_Detach* family, none of which allocates or frees), but every node,
** key and string of a tree made here is allocated and freed through one
** vep_alloc: cJSON's own allocator hooks are process-wide, and a library
** must not change them.  A tree made here is therefore never given to
** cJSON_Delete, cJSON_Print* or any other cJSON function that allocates or
** frees: vep__json_delete and vep__json_print take their place.
**
** The functions behave as their cJSON 1.7.15 namesakes (Debian 12's
** libcjson) do: parsing accepts the same texts, builds the same tree and
** reports a syntax error at the same offset; printing gives the same bytes
** as cJSON_PrintUnformatted.  Neither depends on the locale.
**
** The trees keep cJSON's list invariants: a container's first child's
** `prev` is its last child, the last child's `next` is NULL.
**
** Ownership: every "new" tree or string is the caller's, released with
** vep__json_delete (trees) or vep__free (printed text) on the same
** allocator.  Files: json_parse.c (parsing), json_tree.c (building,
** editing, copying, freeing), json_print.c (printing).
*/
#ifndef VEP_JSON_H
#define VEP_JSON_H

#include <stddef.h>
#include <cJSON.h>
#include "alloc.h"

/* Parses the value at the start of s[0..len), as
** cJSON_ParseWithLengthOpts(s, len, &endptr, 0) does: what follows the
** value is not looked at.  Returns the new tree, *end being the offset just
** past the value; or NULL, *end being the offset of the syntax error that
** cJSON reports, and *nomem 1 when memory ran out (0 for a syntax error).
** `end` and `nomem` may be NULL. */
cJSON *vep__json_parse(const vep_alloc *a, const char *s, size_t len,
                       size_t *end, int *nomem);

/* Frees `item`, the siblings that follow it (as cJSON_Delete does: a
** detached item has none), their children, keys and strings.  A reference
** (cJSON_IsReference) does not own its children or value string; a key
** flagged cJSON_StringIsConst is not freed.  NULL is ignored. */
void vep__json_delete(const vep_alloc *a, cJSON *item);

/* New single nodes, as cJSON_Create*; NULL when memory runs out.
** vep__json_new_string copies `s` (NULL for a NULL `s`);
** vep__json_new_string_array copies n strings (NULL for n < 0, a NULL `v`
** or a NULL string among them). */
cJSON *vep__json_new_object(const vep_alloc *a);
cJSON *vep__json_new_array(const vep_alloc *a);
cJSON *vep__json_new_null(const vep_alloc *a);
cJSON *vep__json_new_bool(const vep_alloc *a, int value);
cJSON *vep__json_new_number(const vep_alloc *a, double value);
cJSON *vep__json_new_string(const vep_alloc *a, const char *s);
cJSON *vep__json_new_string_array(const vep_alloc *a, const char *const *v,
                                  int n);

/* Appends `item` to `parent`: as an array element when `key` is NULL (the
** item's key, if any, is kept), else as an object member under a copy of
** `key`.  Returns 1; or 0 (NULL arguments, item == parent, no memory for
** the key), the item then NOT consumed and unchanged. */
int vep__json_add(const vep_alloc *a, cJSON *parent, const char *key,
                  cJSON *item);

/* Make a node, append it to `obj` under `key` (or as an array element when
** `key` is NULL) and return it, owned by `obj`; NULL when that fails, with
** nothing left behind. */
cJSON *vep__json_add_string(const vep_alloc *a, cJSON *obj, const char *key,
                            const char *s);
cJSON *vep__json_add_number(const vep_alloc *a, cJSON *obj, const char *key,
                            double value);
cJSON *vep__json_add_object(const vep_alloc *a, cJSON *obj, const char *key);
cJSON *vep__json_add_array(const vep_alloc *a, cJSON *obj, const char *key);

/* Gives `item` a copy of `key` as its key (clearing cJSON_StringIsConst).
** Returns 1, or 0 (NULL arguments, no memory) with the item unchanged. */
int vep__json_set_key(const vep_alloc *a, cJSON *item, const char *key);

/* Sets the value of a string node, as cJSON_SetValuestring: in place when
** `s` is not longer than the present value, else in a new copy.  Returns
** the node's value string, or NULL (not a string, a reference, NULL
** arguments, no memory) with the node unchanged. */
char *vep__json_set_string(const vep_alloc *a, cJSON *item, const char *s);

/* Replaces the first member of `obj` named `key` (case-sensitive) with
** `item`, which takes a copy of `key`; the old member is deleted.  Returns
** 1; or 0 (no such member, NULL arguments, no memory), the item then NOT
** consumed and unchanged. */
int vep__json_replace(const vep_alloc *a, cJSON *obj, const char *key,
                      cJSON *item);

/* A copy of `item` (without its siblings), as cJSON_Duplicate: with its
** children when `recurse`, never a reference, a constant key shared.
** NULL for a NULL item or when memory runs out. */
cJSON *vep__json_duplicate(const vep_alloc *a, const cJSON *item,
                           int recurse);

/* The text of `item` without layout, byte for byte what
** cJSON_PrintUnformatted gives; freed with vep__free(a, ...).  NULL when
** memory runs out, for a NULL item, or for a tree cJSON cannot print
** either (a node of no known type, a raw node without text). */
char *vep__json_print(const vep_alloc *a, const cJSON *item);

/* The `valueint` cJSON keeps beside a number: the value truncated toward
** zero, saturated at INT_MIN and INT_MAX (INT_MIN for NaN, which is what
** cJSON's conversion gives on x86-64).  Shared by json_parse.c and
** json_tree.c. */
int vep__json_int_of(double v);

#endif
