/*
** json_tree.c -- making, editing, copying and freeing trees of cJSON nodes
** through the engine's allocator (json.h).
**
** Each function does what its cJSON namesake does to the nodes (the same
** types, flags, valueint and links), so that cJSON's read-only functions
** work on the result; only the memory comes from the vep_alloc.  A failed
** call leaves everything as it was: nothing half-made stays behind, and an
** item that could not be added is still the caller's.
*/
#include <string.h>
#include "json.h"

/* A zeroed node of `type`, or NULL. */
static cJSON *new_node(const vep_alloc *a, int type)
{
    cJSON *n = vep__calloc(a, 1, sizeof *n);
    if (n != NULL)
        n->type = type;
    return n;
}

/* Appends `item` to the children of `parent`: the first child's `prev`
** stays on the last child, the last child's `next` is NULL. */
static void append(cJSON *parent, cJSON *item)
{
    cJSON *first = parent->child;
    item->next = NULL;
    if (first == NULL) {
        parent->child = item;
        item->prev = item;
    } else {
        first->prev->next = item;
        item->prev = first->prev;
        first->prev = item;
    }
}

/* Replaces the key of `item` with `key` (already a copy it now owns). */
static void give_key(const vep_alloc *a, cJSON *item, char *key)
{
    if (!(item->type & cJSON_StringIsConst))
        vep__free(a, item->string);
    item->string = key;
    item->type &= ~cJSON_StringIsConst;
}

/* See json.h. */
void vep__json_delete(const vep_alloc *a, cJSON *item)
{
    while (item != NULL) {
        cJSON *next = item->next;
        if (!(item->type & cJSON_IsReference)) {
            vep__json_delete(a, item->child);
            vep__free(a, item->valuestring);
        }
        if (!(item->type & cJSON_StringIsConst))
            vep__free(a, item->string);
        vep__free(a, item);
        item = next;
    }
}

/* See json.h. */
cJSON *vep__json_new_object(const vep_alloc *a)
{
    return new_node(a, cJSON_Object);
}

/* See json.h. */
cJSON *vep__json_new_array(const vep_alloc *a)
{
    return new_node(a, cJSON_Array);
}

/* See json.h. */
cJSON *vep__json_new_null(const vep_alloc *a)
{
    return new_node(a, cJSON_NULL);
}

/* See json.h.  As cJSON_CreateBool, valueint stays 0 even for true. */
cJSON *vep__json_new_bool(const vep_alloc *a, int value)
{
    return new_node(a, value ? cJSON_True : cJSON_False);
}

/* See json.h. */
cJSON *vep__json_new_number(const vep_alloc *a, double value)
{
    cJSON *n = new_node(a, cJSON_Number);
    if (n != NULL) {
        n->valuedouble = value;
        n->valueint = vep__json_int_of(value);
    }
    return n;
}

/* See json.h. */
cJSON *vep__json_new_string(const vep_alloc *a, const char *s)
{
    cJSON *n;
    if (s == NULL)
        return NULL;
    n = new_node(a, cJSON_String);
    if (n == NULL)
        return NULL;
    n->valuestring = vep__strdup(a, s);
    if (n->valuestring == NULL) {
        vep__free(a, n);
        return NULL;
    }
    return n;
}

/* See json.h. */
cJSON *vep__json_new_string_array(const vep_alloc *a, const char *const *v,
                                  int n)
{
    cJSON *arr, *s;
    int i;
    if (n < 0 || v == NULL)
        return NULL;
    arr = new_node(a, cJSON_Array);
    if (arr == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        s = vep__json_new_string(a, v[i]);
        if (s == NULL)
            goto fail;
        append(arr, s);
    }
    return arr;

fail:
    vep__json_delete(a, arr);
    return NULL;
}

/* See json.h. */
int vep__json_add(const vep_alloc *a, cJSON *parent, const char *key,
                  cJSON *item)
{
    char *copy;
    if (parent == NULL || item == NULL || parent == item)
        return 0;
    if (key != NULL) {
        copy = vep__strdup(a, key);
        if (copy == NULL)
            return 0;
        give_key(a, item, copy);
    }
    append(parent, item);
    return 1;
}

/* Adds a node just made (NULL when that failed) to `obj`; frees it when it
** cannot be added.  Returns it, or NULL. */
static cJSON *add_new(const vep_alloc *a, cJSON *obj, const char *key,
                      cJSON *item)
{
    if (item == NULL)
        return NULL;
    if (!vep__json_add(a, obj, key, item)) {
        vep__json_delete(a, item);
        return NULL;
    }
    return item;
}

/* See json.h. */
cJSON *vep__json_add_string(const vep_alloc *a, cJSON *obj, const char *key,
                            const char *s)
{
    if (obj == NULL)
        return NULL;
    return add_new(a, obj, key, vep__json_new_string(a, s));
}

/* See json.h. */
cJSON *vep__json_add_number(const vep_alloc *a, cJSON *obj, const char *key,
                            double value)
{
    if (obj == NULL)
        return NULL;
    return add_new(a, obj, key, vep__json_new_number(a, value));
}

/* See json.h. */
cJSON *vep__json_add_object(const vep_alloc *a, cJSON *obj, const char *key)
{
    if (obj == NULL)
        return NULL;
    return add_new(a, obj, key, vep__json_new_object(a));
}

/* See json.h. */
cJSON *vep__json_add_array(const vep_alloc *a, cJSON *obj, const char *key)
{
    if (obj == NULL)
        return NULL;
    return add_new(a, obj, key, vep__json_new_array(a));
}

/* See json.h. */
int vep__json_set_key(const vep_alloc *a, cJSON *item, const char *key)
{
    char *copy;
    if (item == NULL || key == NULL)
        return 0;
    copy = vep__strdup(a, key);
    if (copy == NULL)
        return 0;
    give_key(a, item, copy);
    return 1;
}

/* See json.h.  The text may overlap the present value (memmove). */
char *vep__json_set_string(const vep_alloc *a, cJSON *item, const char *s)
{
    size_t n;
    char *copy;
    if (item == NULL || s == NULL || !(item->type & cJSON_String)
        || (item->type & cJSON_IsReference) || item->valuestring == NULL)
        return NULL;
    n = strlen(s);
    if (n <= strlen(item->valuestring)) {
        memmove(item->valuestring, s, n + 1);
        return item->valuestring;
    }
    copy = vep__strndup(a, s, n);
    if (copy == NULL)
        return NULL;
    vep__free(a, item->valuestring);
    item->valuestring = copy;
    return copy;
}

/* See json.h.  The old member's place in the list goes to `item`. */
int vep__json_replace(const vep_alloc *a, cJSON *obj, const char *key,
                      cJSON *item)
{
    cJSON *old, *first;
    char *copy;
    if (obj == NULL || key == NULL || item == NULL)
        return 0;
    old = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (old == NULL)
        return 0;
    copy = vep__strdup(a, key);
    if (copy == NULL)
        return 0;
    give_key(a, item, copy);
    if (old == item)
        return 1;

    first = obj->child;
    item->next = old->next;
    if (old == first)
        item->prev = old->prev == old ? item : old->prev;
    else
        item->prev = old->prev;
    if (old != first)
        old->prev->next = item;
    if (old->next != NULL)
        old->next->prev = item;
    else if (old != first)
        first->prev = item;            /* item is the new last child */
    if (old == first)
        obj->child = item;
    old->next = old->prev = NULL;
    vep__json_delete(a, old);
    return 1;
}

/* See json.h. */
cJSON *vep__json_duplicate(const vep_alloc *a, const cJSON *item,
                           int recurse)
{
    cJSON *copy, *c;
    const cJSON *child;

    if (item == NULL)
        return NULL;
    copy = new_node(a, item->type & ~cJSON_IsReference);
    if (copy == NULL)
        return NULL;
    copy->valueint = item->valueint;
    copy->valuedouble = item->valuedouble;
    if (item->valuestring != NULL) {
        copy->valuestring = vep__strdup(a, item->valuestring);
        if (copy->valuestring == NULL)
            goto fail;
    }
    if (item->string != NULL) {
        copy->string = (item->type & cJSON_StringIsConst)
                       ? item->string : vep__strdup(a, item->string);
        if (copy->string == NULL)
            goto fail;
    }
    if (!recurse)
        return copy;
    for (child = item->child; child != NULL; child = child->next) {
        c = vep__json_duplicate(a, child, 1);
        if (c == NULL)
            goto fail;
        append(copy, c);
    }
    return copy;

fail:
    vep__json_delete(a, copy);
    return NULL;
}
