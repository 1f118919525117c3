/*
** migration_record.c -- the "migrations" an assessment carries after
** vep_migrate(): read with the assessment (assessment.c) and written into
** the result beside the instrument's lineage (result.c), so that a result
** says which migration scripts, by hash, brought its answers to this
** version.  Only what identifies each migration is kept: the list of
** changes stays in the assessment document.
*/
#include <string.h>
#include "answers.h"
#include "jsonw.h"
#include "semver.h"

/* A text member that must be present: copied, or reported. */
static char *need_text(vep_reader *r, const cJSON *o, const char *key, const char *what)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at;
    if (vep__rd_string(v) == VEP_RD_STRING)
        return vep__rd_strdup(r, v->valuestring);
    if (vep__rd_string(v) == VEP_RD_BAD_UTF8)
        return NULL;
    at = vep__rd_push_key(r, key);
    vep__rd_error(r, NULL, v ? "wrong_type" : "missing_field", "%s must be given as a string", what);
    vep__rd_pop(r, at);
    return NULL;
}

/* {"id", "version"} of a migration's source or target. */
static void read_end(vep_reader *r, const cJSON *o, const char *key, char **id, char **version)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at = vep__rd_push_key(r, key);
    if (!cJSON_IsObject(v)) {
        vep__rd_error(r, NULL, v ? "wrong_type" : "missing_field",
                      "'%s' must be an object {\"id\", \"version\"}", key);
    } else {
        *id = need_text(r, v, "id", "the instrument's id");
        *version = need_text(r, v, "version", "the version");
    }
    vep__rd_pop(r, at);
}

void vep__migrations_read(vep_reader *r, const cJSON *list)
{
    vep_assessment *as = r->ctx->as;
    const cJSON *e;
    size_t i = 0, n, at;

    if (list == NULL)
        return;
    at = vep__rd_push_key(r, "migrations");
    if (!cJSON_IsArray(list)) {
        vep__rd_error(r, NULL, "wrong_type", "'migrations' must be the list vep migrate writes");
        vep__rd_pop(r, at);
        return;
    }
    n = (size_t)cJSON_GetArraySize(list);
    as->migrations = n ? vep__calloc(r->ctx->a, n, sizeof *as->migrations) : NULL;
    if (n && as->migrations == NULL) {
        r->nomem = 1;
        vep__rd_pop(r, at);
        return;
    }
    cJSON_ArrayForEach(e, list) {
        vep_mig_record *m = &as->migrations[i];
        size_t k = vep__rd_push_index(r, i++);
        as->nmigrations = i;
        if (!cJSON_IsObject(e)) {
            vep__rd_error(r, NULL, "wrong_type", "each migration must be an object");
        } else {
            m->id = need_text(r, e, "id", "the migration's id");
            m->version = need_text(r, e, "version", "the migration's version");
            m->sha256 = need_text(r, e, "sha256", "the migration script's SHA-256");
            read_end(r, e, "from", &m->from_id, &m->from_version);
            read_end(r, e, "to", &m->to_id, &m->to_version);
        }
        vep__rd_pop(r, k);
    }
    vep__rd_pop(r, at);
}

void vep__migrations_write(vep_jsonw *w, const vep_assessment *as)
{
    size_t i;
    if (as == NULL || as->nmigrations == 0)
        return;
    vep__jw_key(w, "migrations");
    vep__jw_array(w);
    for (i = 0; i < as->nmigrations; i++) {
        const vep_mig_record *m = &as->migrations[i];
        vep__jw_object(w);
        vep__jw_kstring(w, "id", m->id);
        vep__jw_kstring(w, "version", m->version);
        vep__jw_kstring(w, "sha256", m->sha256);
        vep__jw_key(w, "from");
        vep__jw_object(w);
        vep__jw_kstring(w, "id", m->from_id);
        vep__jw_kstring(w, "version", m->from_version);
        vep__jw_object_end(w);
        vep__jw_key(w, "to");
        vep__jw_object(w);
        vep__jw_kstring(w, "id", m->to_id);
        vep__jw_kstring(w, "version", m->to_version);
        vep__jw_object_end(w);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
}

void vep__migrations_free(const vep_alloc *a, vep_assessment *as)
{
    size_t i;
    for (i = 0; i < as->nmigrations; i++) {
        vep_mig_record *m = &as->migrations[i];
        vep__free(a, m->id);
        vep__free(a, m->version);
        vep__free(a, m->sha256);
        vep__free(a, m->from_id);
        vep__free(a, m->from_version);
        vep__free(a, m->to_id);
        vep__free(a, m->to_version);
    }
    vep__free(a, as->migrations);
    as->migrations = NULL;
    as->nmigrations = 0;
}
