/*
** migrate.c -- applies a migration (migration.h) to an assessment.
**
** The document is parsed with cJSON, its answers are rewritten step by
** step in the order the script gives, the instrument's id and version
** become the target's, and one entry is appended to "migrations" saying
** which script did it (id, version, SHA-256), from which version to which,
** and every change it made.  Members the migration does not concern pass
** through unchanged and in their order.  The document is written back with
** the deterministic writer (jsonw.c), so the same input and script give
** the same bytes.  Scoring the migrated document is a separate call: the
** new version's own validation then checks every answer.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "json.h"
#include "engine.h"
#include "jsonw.h"
#include "semver.h"
#include "migration.h"

/* Deepest document the writer takes (jsonw.h's limit, with room). */
#define MIGRATE_MAX_DEPTH (VEP_JW_MAX_DEPTH - 4)

/* The state of one migration run. */
typedef struct mig_run {
    vep_engine *e;
    const vep_migration_model *m;
    const vep_alloc *alloc;     /* the engine's: every node is its     */
    cJSON *root, *answers, *changes;
    int failed;                 /* a problem was reported              */
    int nomem;
} mig_run;

/* Reports a problem at JSON path `path` about `item`. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void problem(mig_run *r, const char *path, const char *item, const char *rule,
                    const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vep__diag_add(&r->e->diags, "", 0, path, item, rule, "%s", msg);
    r->failed = 1;
}

/* The position of the child `key` of object o, or -1. */
static int index_of(const cJSON *o, const char *key)
{
    const cJSON *c;
    int i = 0;
    cJSON_ArrayForEach(c, o) {
        if (c->string && strcmp(c->string, key) == 0)
            return i;
        i++;
    }
    return -1;
}

/* Inserts `it` under `key` at position `at` of object o (at the end when
** at < 0): appends it, then moves the members that were from `at` on
** behind it (cJSON's own insertion refuses some positions).  Takes `it`
** even on failure. */
static int insert(mig_run *r, cJSON *o, int at, const char *key, cJSON *it)
{
    int n, k;
    if (it == NULL || !vep__json_set_key(r->alloc, it, key)) {
        vep__json_delete(r->alloc, it);
        r->nomem = 1;
        return -1;
    }
    n = cJSON_GetArraySize(o);
    if (!vep__json_add(r->alloc, o, NULL, it)) {
        vep__json_delete(r->alloc, it);
        r->nomem = 1;
        return -1;
    }
    for (k = at < 0 ? n : at; k < n; k++)
        vep__json_add(r->alloc, o, NULL, cJSON_DetachItemFromArray(o, at));
    return 0;
}

/* Records one change: {"step", "item", "line", plus what `fill` adds}. */
static cJSON *log_change(mig_run *r, const vep_mig_step *s)
{
    cJSON *c = vep__json_new_object(r->alloc);
    if (c == NULL || !vep__json_add_string(r->alloc, c, "step", vep__mig_op_names[s->op]) ||
        (s->item && !vep__json_add_string(r->alloc, c, "item", s->item)) ||
        !vep__json_add_number(r->alloc, c, "line", (double)s->origin.line) ||
        !vep__json_add(r->alloc, r->changes, NULL, c)) {
        vep__json_delete(r->alloc, c);
        r->nomem = 1;
        return NULL;
    }
    return c;
}

/* Adds the strings v[0..n) to the change `c` as the list `key`; 0 when
** out of memory (the list is not left behind). */
static int add_list(mig_run *r, cJSON *c, const char *key, char **v, size_t n)
{
    cJSON *list = vep__json_new_string_array(r->alloc, (const char *const *)v, (int)n);
    if (list == NULL || !vep__json_add(r->alloc, c, key, list)) {
        vep__json_delete(r->alloc, list);
        return 0;
    }
    return 1;
}

/* The row of `code` in the step's sorted map, or NULL. */
static const vep_mig_row *map_row(const vep_mig_step *s, const char *code)
{
    size_t lo = 0, hi = s->nmap;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->map[mid].from, code);
        if (c == 0)
            return &s->map[mid];
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    return NULL;
}

static int is_state(const char *code)
{
    return strcmp(code, "unknown") == 0 || strcmp(code, "not_applicable") == 0;
}

/* Makes answer `a` hold `code`: a value, or the answer state with a
** reason saying which old answer could not be carried over. */
static void put_code(mig_run *r, cJSON *a, const char *code, const char *old_item,
                     const char *old)
{
    char reason[400];
    vep__json_delete(r->alloc, cJSON_DetachItemFromObjectCaseSensitive(a, "value"));
    if (!is_state(code)) {
        if (!vep__json_add_string(r->alloc, a, "value", code))
            r->nomem = 1;
        return;
    }
    vep__json_delete(r->alloc, cJSON_DetachItemFromObjectCaseSensitive(a, "status"));
    vep__json_delete(r->alloc, cJSON_DetachItemFromObjectCaseSensitive(a, "reason"));
    snprintf(reason, sizeof reason, "%.64s was '%.64s' before migration %s %s, which "
             "cannot carry it over to %s %s; rate it again", old_item, old, r->m->id,
             r->m->version, r->m->to_id, r->m->to_version);
    if (!vep__json_add_string(r->alloc, a, "status", code) || !vep__json_add_string(r->alloc, a, "reason", reason))
        r->nomem = 1;
}

/* rename "OLD" { to = "NEW" } */
static void do_rename(mig_run *r, const vep_mig_step *s)
{
    cJSON *a = cJSON_GetObjectItemCaseSensitive(r->answers, s->item), *c;
    char path[160];
    if (a == NULL)
        return;
    if (cJSON_GetObjectItemCaseSensitive(r->answers, s->to)) {
        snprintf(path, sizeof path, "$.answers.%s", s->to);
        problem(r, path, s->to, "migration_conflict", "the migration renames %s to %s (line %u), "
                "but the assessment already answers %s", s->item, s->to, s->origin.line, s->to);
        return;
    }
    if (!vep__json_set_key(r->alloc, a, s->to)) {
        r->nomem = 1;
        return;
    }
    if ((c = log_change(r, s)) && !vep__json_add_string(r->alloc, c, "to", s->to))
        r->nomem = 1;
}

/* recode "ITEM" { map = { old = "new" } }: a code, or each code of a list. */
static void do_recode(mig_run *r, const vep_mig_step *s)
{
    cJSON *a = cJSON_GetObjectItemCaseSensitive(r->answers, s->item), *v, *c, *e;
    const vep_mig_row *row;
    char path[160];
    if (a == NULL || (v = cJSON_GetObjectItemCaseSensitive(a, "value")) == NULL)
        return;
    snprintf(path, sizeof path, "$.answers.%s.value", s->item);
    if (cJSON_IsString(v)) {
        char old[128];
        if ((row = map_row(s, v->valuestring)) == NULL) {
            problem(r, path, s->item, "not_mapped", "code '%.100s' of %s is not mapped by the "
                    "recode at line %u", v->valuestring, s->item, s->origin.line);
            return;
        }
        snprintf(old, sizeof old, "%s", v->valuestring);
        put_code(r, a, row->to[0], s->item, old);
        if ((c = log_change(r, s)) && (!vep__json_add_string(r->alloc, c, "from", old) ||
                                       !vep__json_add_string(r->alloc, c, "to", row->to[0])))
            r->nomem = 1;
    } else if (cJSON_IsArray(v)) {
        cJSON_ArrayForEach(e, v) {
            if (!cJSON_IsString(e) || (row = map_row(s, e->valuestring)) == NULL ||
                is_state(row->to[0])) {
                problem(r, path, s->item, "not_mapped", "a code of %s is not mapped to a code by "
                        "the recode at line %u", s->item, s->origin.line);
                return;
            }
        }
        cJSON_ArrayForEach(e, v) {
            row = map_row(s, e->valuestring);
            if (vep__json_set_string(r->alloc, e, row->to[0]) == NULL)
                r->nomem = 1;
        }
        log_change(r, s);
    } else {
        problem(r, path, s->item, "not_mapped", "%s holds neither a code nor a list of codes; "
                "recode maps codes only", s->item);
    }
}

/* split "OLD" { into = {...}, map = { code = { NEW = code } } } */
static void do_split(mig_run *r, const vep_mig_step *s)
{
    cJSON *a = cJSON_GetObjectItemCaseSensitive(r->answers, s->item), *v, *c;
    const vep_mig_row *row = NULL;
    char path[160];
    size_t j;
    int at;
    if (a == NULL)
        return;
    for (j = 0; j < s->ninto; j++)
        if (strcmp(s->into[j], s->item) != 0 && cJSON_GetObjectItemCaseSensitive(r->answers, s->into[j])) {
            snprintf(path, sizeof path, "$.answers.%s", s->into[j]);
            problem(r, path, s->into[j], "migration_conflict", "the migration splits %s into %s "
                    "(line %u), but the assessment already answers it", s->item, s->into[j],
                    s->origin.line);
            return;
        }
    v = cJSON_GetObjectItemCaseSensitive(a, "value");
    if (v && (!cJSON_IsString(v) || (row = map_row(s, v->valuestring)) == NULL)) {
        snprintf(path, sizeof path, "$.answers.%s.value", s->item);
        problem(r, path, s->item, "not_mapped", "the answer of %s is not mapped by the split at "
                "line %u", s->item, s->origin.line);
        return;
    }
    at = index_of(r->answers, s->item);
    a = cJSON_DetachItemFromObjectCaseSensitive(r->answers, s->item);
    for (j = 0; j < s->ninto && !r->nomem; j++) {
        cJSON *n = vep__json_duplicate(r->alloc, a, 1);     /* state, reason and evidence */
        if (n && row)
            put_code(r, n, row->to[j], s->item, v->valuestring);
        insert(r, r->answers, at + (int)j, s->into[j], n);
    }
    if ((c = log_change(r, s)) && !add_list(r, c, "into", s->into, s->ninto))
        r->nomem = 1;
    vep__json_delete(r->alloc, a);
}

/* Appends the strings of evidence list `key` of `from` to that of `to`. */
static void merge_evidence(mig_run *r, cJSON *to, const cJSON *from)
{
    static const char *const keys[] = { "for", "against" };
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(from, "evidence"), *e;
    cJSON *dst;
    size_t k;
    if (!cJSON_IsObject(ev))
        return;
    dst = cJSON_GetObjectItemCaseSensitive(to, "evidence");
    if (dst == NULL && (dst = vep__json_add_object(r->alloc, to, "evidence")) == NULL) {
        r->nomem = 1;
        return;
    }
    for (k = 0; k < 2; k++) {
        cJSON *list = cJSON_GetObjectItemCaseSensitive(dst, keys[k]);
        if (list == NULL && (list = vep__json_add_array(r->alloc, dst, keys[k])) == NULL) {
            r->nomem = 1;
            return;
        }
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(ev, keys[k]))
            if (!vep__json_add(r->alloc, list, NULL, vep__json_duplicate(r->alloc, e, 1)))
                r->nomem = 1;
    }
}

/* merge "NEW" { from = {...}, order = {...} }: the highest code answered
** by the order given; unknown when a source is unknown and the answered
** ones do not reach the highest code (the unknown one might have);
** not applicable when every source is. */
static void do_merge(mig_run *r, const vep_mig_step *s)
{
    cJSON *merged, *c, *anchor = NULL;
    const char *best = NULL;
    size_t j, k, nfound = 0, nunknown = 0;
    long best_at = -1;
    int at = 0;
    char path[160];

    for (j = 0; j < s->nfrom; j++) {
        cJSON *a = cJSON_GetObjectItemCaseSensitive(r->answers, s->from[j]), *v, *st;
        if (a == NULL)
            continue;
        nfound++;
        if (anchor == NULL)
            anchor = a;         /* the merged answer takes its place */
        v = cJSON_GetObjectItemCaseSensitive(a, "value");
        st = cJSON_GetObjectItemCaseSensitive(a, "status");
        if (cJSON_IsString(st) && strcmp(st->valuestring, "unknown") == 0)
            nunknown++;
        if (v == NULL)
            continue;
        for (k = 0; k < s->norder; k++)
            if (cJSON_IsString(v) && strcmp(s->order[k], v->valuestring) == 0)
                break;
        if (k == s->norder) {
            snprintf(path, sizeof path, "$.answers.%s.value", s->from[j]);
            problem(r, path, s->from[j], "not_mapped", "the answer of %s is not among the codes "
                    "the merge at line %u orders", s->from[j], s->origin.line);
            return;
        }
        if ((long)k > best_at) {
            best_at = (long)k;
            best = s->order[k];
        }
    }
    if (nfound == 0)
        return;
    if (best && nunknown && best_at < (long)s->norder - 1)
        best = NULL;   /* an unknown source might have been higher */
    for (j = 0; j < s->nfrom && strcmp(s->from[j], s->item) != 0; j++)
        ;
    if (j == s->nfrom && index_of(r->answers, s->item) >= 0) {
        snprintf(path, sizeof path, "$.answers.%s", s->item);
        problem(r, path, s->item, "migration_conflict", "the migration merges into %s (line %u), "
                "but the assessment already answers it", s->item, s->origin.line);
        return;
    }
    merged = vep__json_new_object(r->alloc);
    if (merged == NULL) {
        r->nomem = 1;
        return;
    }
    if (best) {
        if (!vep__json_add_string(r->alloc, merged, "value", best))
            r->nomem = 1;
    } else if (!vep__json_add_string(r->alloc, merged, "status", nunknown ? "unknown" : "not_applicable") ||
               !vep__json_add_string(r->alloc, merged, "reason", nunknown ? "an item merged into it was unknown"
                                                                   : "every item merged into it was not applicable")) {
        r->nomem = 1;
    }
    for (j = 0; j < s->nfrom; j++) {         /* evidence in the order given */
        cJSON *a = cJSON_GetObjectItemCaseSensitive(r->answers, s->from[j]);
        for (k = 0; k < j && strcmp(s->from[k], s->from[j]) != 0; k++)
            ;
        if (a && k == j)
            merge_evidence(r, merged, a);
    }
    for (j = 0; j < s->nfrom; j++) {         /* the others go, then the anchor */
        cJSON *a = cJSON_GetObjectItemCaseSensitive(r->answers, s->from[j]);
        if (a && a != anchor)
            vep__json_delete(r->alloc, cJSON_DetachItemViaPointer(r->answers, a));
    }
    for (c = r->answers->child; c && c != anchor; c = c->next)
        at++;
    vep__json_delete(r->alloc, cJSON_DetachItemViaPointer(r->answers, anchor));
    insert(r, r->answers, at, s->item, merged);
    if ((c = log_change(r, s)) &&
        (!add_list(r, c, "from", s->from, s->nfrom) ||
         !vep__json_add_string(r->alloc, c, "value", best ? best : (nunknown ? "unknown" : "not_applicable"))))
        r->nomem = 1;
}

/* drop "ITEM", add "ITEM" { value | status, reason } */
static void do_drop_add(mig_run *r, const vep_mig_step *s)
{
    cJSON *a, *c;
    if (s->op == VEP_MIG_DROP) {
        if (cJSON_GetObjectItemCaseSensitive(r->answers, s->item) == NULL)
            return;
        vep__json_delete(r->alloc, cJSON_DetachItemFromObjectCaseSensitive(r->answers, s->item));
        if ((c = log_change(r, s)) && s->reason && !vep__json_add_string(r->alloc, c, "reason", s->reason))
            r->nomem = 1;
        return;
    }
    if (cJSON_GetObjectItemCaseSensitive(r->answers, s->item))
        return;                          /* already answered: kept */
    a = vep__json_new_object(r->alloc);
    if (a == NULL || (s->value ? !vep__json_add_string(r->alloc, a, "value", s->value)
                               : !vep__json_add_string(r->alloc, a, "status", s->status)) ||
        (s->reason && !vep__json_add_string(r->alloc, a, "reason", s->reason))) {
        vep__json_delete(r->alloc, a);
        r->nomem = 1;
        return;
    }
    insert(r, r->answers, -1, s->item, a);
    log_change(r, s);
}

/* judgement { map = { old = "new" } }: the final level. */
static void do_judgement(mig_run *r, const vep_mig_step *s)
{
    cJSON *j = cJSON_GetObjectItemCaseSensitive(r->root, "judgement"), *lv, *c;
    const vep_mig_row *row;
    char old[128];
    if (!cJSON_IsObject(j) || !cJSON_IsString(lv = cJSON_GetObjectItemCaseSensitive(j, "level")))
        return;
    if ((row = map_row(s, lv->valuestring)) == NULL || is_state(row->to[0])) {
        problem(r, "$.judgement.level", NULL, "not_mapped", "the final level '%.100s' is not mapped "
                "by the judgement step at line %u", lv->valuestring, s->origin.line);
        return;
    }
    snprintf(old, sizeof old, "%s", lv->valuestring);
    if (vep__json_set_string(r->alloc, lv, row->to[0]) == NULL)
        r->nomem = 1;
    if ((c = log_change(r, s)) && (!vep__json_add_string(r->alloc, c, "from", old) ||
                                   !vep__json_add_string(r->alloc, c, "to", row->to[0])))
        r->nomem = 1;
}

/* Checks the document is for the migration's source and finds its parts. */
static int check_source(mig_run *r, char *old_version, size_t n)
{
    const cJSON *ins = cJSON_GetObjectItemCaseSensitive(r->root, "instrument"), *id, *v;
    if (!cJSON_IsObject(r->root)) {
        problem(r, "$", NULL, "wrong_type", "the assessment must be a JSON object");
        return -1;
    }
    id = cJSON_GetObjectItemCaseSensitive(ins, "id");
    v = cJSON_GetObjectItemCaseSensitive(ins, "version");
    if (!cJSON_IsString(id) || !cJSON_IsString(v)) {
        problem(r, "$.instrument", NULL, "missing_field", "the assessment must say which instrument "
                "and version it was made for: \"instrument\": {\"id\", \"version\"}");
        return -1;
    }
    if (strcmp(id->valuestring, r->m->from_id) != 0) {
        problem(r, "$.instrument.id", NULL, "wrong_instrument", "the assessment is for '%.64s'; "
                "this migration maps '%s'", id->valuestring, r->m->from_id);
        return -1;
    }
    if (!vep__semver_satisfies(v->valuestring, r->m->from_range)) {
        problem(r, "$.instrument.version", NULL, "wrong_version", "the assessment is for version "
                "%.32s of %s; this migration maps versions %s", v->valuestring, r->m->from_id,
                r->m->from_range);
        return -1;
    }
    snprintf(old_version, n, "%s", v->valuestring);
    r->answers = cJSON_GetObjectItemCaseSensitive(r->root, "answers");
    if (!cJSON_IsObject(r->answers)) {
        problem(r, "$.answers", NULL, "missing_field", "the assessment has no \"answers\" object");
        return -1;
    }
    return 0;
}

/* Replaces the string member `key` of o (which has it); 0 when out of
** memory (a document that still named the old version would pass for a
** migrated one). */
static int replace_string(mig_run *r, cJSON *o, const char *key, const char *value)
{
    cJSON *s = vep__json_new_string(r->alloc, value);
    if (s == NULL || !vep__json_replace(r->alloc, o, key, s)) {
        vep__json_delete(r->alloc, s);
        return 0;
    }
    return 1;
}

/* Sets the target instrument and appends the record of this migration. */
static void record(mig_run *r, const char *old_version)
{
    cJSON *ins = cJSON_GetObjectItemCaseSensitive(r->root, "instrument");
    cJSON *list = cJSON_GetObjectItemCaseSensitive(r->root, "migrations"), *e, *o;
    if (!replace_string(r, ins, "id", r->m->to_id) ||
        !replace_string(r, ins, "version", r->m->to_version)) {
        r->nomem = 1;
        return;
    }
    if (list == NULL && (list = vep__json_add_array(r->alloc, r->root, "migrations")) == NULL) {
        r->nomem = 1;
        return;
    }
    if (!cJSON_IsArray(list)) {
        problem(r, "$.migrations", NULL, "wrong_type", "\"migrations\" must be a list");
        return;
    }
    e = vep__json_new_object(r->alloc);
    if (e == NULL || !vep__json_add(r->alloc, list, NULL, e)) {
        vep__json_delete(r->alloc, e);
        r->nomem = 1;
        return;
    }
    if (!vep__json_add_string(r->alloc, e, "id", r->m->id) ||
        !vep__json_add_string(r->alloc, e, "version", r->m->version) ||
        !vep__json_add_string(r->alloc, e, "sha256", r->m->sha256) ||
        !(o = vep__json_add_object(r->alloc, e, "from")) ||
        !vep__json_add_string(r->alloc, o, "id", r->m->from_id) ||
        !vep__json_add_string(r->alloc, o, "version", old_version) ||
        !(o = vep__json_add_object(r->alloc, e, "to")) ||
        !vep__json_add_string(r->alloc, o, "id", r->m->to_id) ||
        !vep__json_add_string(r->alloc, o, "version", r->m->to_version)) {
        r->nomem = 1;
        return;
    }
    if (!vep__json_add(r->alloc, e, "changes", r->changes)) {
        r->nomem = 1;               /* r->changes is still ours to free */
        return;
    }
    r->changes = NULL;
}

/* Writes a cJSON value with the deterministic writer.  Returns -1 when
** the document nests deeper than the writer takes. */
static int write_value(vep_jsonw *w, const cJSON *v, int depth)
{
    const cJSON *c;
    if (depth > MIGRATE_MAX_DEPTH)
        return -1;
    if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
        int obj = cJSON_IsObject(v);
        if (obj) vep__jw_object(w); else vep__jw_array(w);
        cJSON_ArrayForEach(c, v) {
            if (obj)
                vep__jw_key(w, c->string ? c->string : "");
            if (write_value(w, c, depth + 1) != 0)
                return -1;
        }
        if (obj) vep__jw_object_end(w); else vep__jw_array_end(w);
    } else if (cJSON_IsString(v)) {
        vep__jw_string(w, v->valuestring);
    } else if (cJSON_IsNumber(v)) {
        vep__jw_number(w, v->valuedouble, -1);
    } else if (cJSON_IsBool(v)) {
        vep__jw_bool(w, cJSON_IsTrue(v));
    } else {
        vep__jw_null(w);
    }
    return 0;
}

vep_status vep__migrate(vep_engine *e, const vep_migration_model *m,
                        const char *json, size_t len, vep_buf *out)
{
    static void (*const steps[])(mig_run *, const vep_mig_step *) = {
        do_rename, do_recode, do_split, do_merge, do_drop_add, do_drop_add, do_judgement
    };
    size_t end = 0;
    int nomem = 0;
    char old_version[64] = "";
    vep_jsonw w;
    mig_run r;
    size_t i;
    vep_status st = VEP_OK;

    memset(&r, 0, sizeof r);
    r.e = e;
    r.m = m;
    r.alloc = &e->alloc;
    r.root = vep__json_parse(r.alloc, json, len, &end, &nomem);
    if (nomem)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    if (r.root == NULL) {
        problem(&r, "$", NULL, "json_syntax", "the assessment is not valid JSON (near byte %zu)",
                end);
        return vep__engine_fail(e, VEP_ERR_ASSESSMENT, "the assessment cannot be migrated: it is not valid JSON");
    }
    r.changes = vep__json_new_array(r.alloc);
    if (r.changes == NULL) {
        st = VEP_ERR_NOMEM;
        goto done;
    }
    if (check_source(&r, old_version, sizeof old_version) != 0)
        goto done;
    for (i = 0; i < m->nsteps && !r.failed && !r.nomem; i++)
        steps[m->steps[i].op](&r, &m->steps[i]);
    if (!r.failed && !r.nomem)
        record(&r, old_version);
    if (!r.failed && !r.nomem) {
        vep__jw_init(&w, out, 1);
        if (write_value(&w, r.root, 0) != 0)
            problem(&r, "$", NULL, "too_deep", "the assessment nests deeper than %d levels",
                    MIGRATE_MAX_DEPTH);
        else
            vep__buf_addc(out, '\n');
        if (out->failed)
            r.nomem = 1;
    }
done:
    vep__json_delete(r.alloc, r.root);
    vep__json_delete(r.alloc, r.changes);
    if (r.nomem || st == VEP_ERR_NOMEM)
        return vep__engine_fail(e, VEP_ERR_NOMEM, "out of memory");
    if (r.failed)
        return vep__engine_fail(e, VEP_ERR_ASSESSMENT, "the assessment cannot be migrated by %s %s: "
                                "%zu problem%s", m->id, m->version, e->diags.n,
                                e->diags.n == 1 ? "" : "s");
    return VEP_OK;
}
