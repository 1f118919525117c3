/*
** assessment.c -- the assessment document: JSON text to vep_assessment.
**
** Reading goes in passes, and each reports every problem it finds:
**
**   1. syntax: cJSON parses the text; a syntax error is reported alone
**      (json_syntax, with line and column), as nothing after it can be
**      trusted.  Trailing content, raw control characters and \u0000 are
**      syntax errors too (cJSON would accept or truncate them);
**   2. the document: every key and string must be UTF-8 (invalid_utf8) and
**      no object may repeat a key (duplicate_key);
**   3. the fields: instrument, subject, assessor, date, answers (answers.c),
**      then relevance of the conditional items, the instrument-wide count
**      of unknowns, and the judgement.
**
** Line and column of a syntax error count from 1; the column counts
** characters (UTF-8 code points), not bytes.  JSON null is taken for "not
** given" everywhere, so a required field that
** is null is missing_field and an optional one that is null is absent.
** Later occurrences of a duplicated key are ignored after being reported.
**
** Ownership: on VEP_OK ctx->as holds the assessment, which the caller
** frees with vep__assessment_free(); on any other status ctx->as is left
** NULL and nothing is kept.  The parse tree (vep__json_parse, json.h, in
** the engine's memory) is freed before returning.
*/
#include <string.h>
#include "json.h"
#include "answers.h"
#include "utf8.h"

/* ---- Pass 1: syntax -------------------------------------------------- */

/* Reports a syntax problem at byte `off`: line and column (in characters,
** both from 1), and a few characters of what is there. */
static void syntax_error(vep_reader *r, const char *json, size_t len,
                         size_t off, const char *what)
{
    unsigned long line = 1, col = 1;
    size_t i, start = 0, end;
    vep_buf *near = vep__rd_scratch(r);

    for (i = 0; i < off && i < len; i++)
        if (json[i] == '\n') {
            line++;
            start = i + 1;
        }
    col += (unsigned long)vep__utf8_count(json + start, off - start);
    if (off >= len) {
        vep__rd_error(r, NULL, "json_syntax",
                      "the assessment is not valid JSON: %s at line %lu, "
                      "column %lu (the end of the document)", what, line,
                      col);
        return;
    }
    for (end = off; end < len && end - off < 16
                    && (end == off || json[end] != '\n'); end++)
        ;
    vep__utf8_escape(near, json + off, end - off, 12, 0);
    vep__rd_error(r, NULL, "json_syntax",
                  "the assessment is not valid JSON: %s at line %lu, column "
                  "%lu, near '%s'", what, line, col, vep__rd_str(r, near));
}

/* Parses `json`; on any syntax problem reports it and returns NULL. */
static cJSON *parse(vep_reader *r, const char *json, size_t len)
{
    const char *what = NULL;
    size_t i, off = 0;
    int nomem = 0;
    cJSON *root;

    for (i = 0; i < len; i++)
        if (json[i] != ' ' && json[i] != '\t' && json[i] != '\n'
            && json[i] != '\r')
            break;
    if (i == len) {
        vep__rd_error(r, NULL, "json_syntax", "the assessment is empty");
        return NULL;
    }
    root = vep__json_parse(r->a, json, len, &off, &nomem);
    if (nomem) {
        r->nomem = 1;
        return NULL;
    }
    if (root == NULL) {
        syntax_error(r, json, len, off, "syntax error");
        return NULL;
    }
    for (i = off; i < len; i++)
        if (json[i] != ' ' && json[i] != '\t' && json[i] != '\n'
            && json[i] != '\r') {
            syntax_error(r, json, len, i,
                         "unexpected content after the end of the document");
            goto fail;
        }
    i = vep__json_lexical_problem(json, off, &what);
    if (i < off) {
        syntax_error(r, json, len, i, what);
        goto fail;
    }
    return root;
fail:
    vep__json_delete(r->a, root);
    return NULL;
}

/* ---- Pass 2: UTF-8 and duplicate keys -------------------------------- */

/* Marks dup[k] for every child k of `o` whose key an earlier child has.
** Small objects are compared pairwise, large ones sorted. */
static int find_duplicates(vep_reader *r, const cJSON *o, size_t n,
                           unsigned char *dup)
{
    const cJSON *c, *d;
    vep_rd_id *v;
    size_t k, j;

    if (n <= 16) {
        for (c = o->child, k = 0; c != NULL; c = c->next, k++)
            for (d = o->child; d != c; d = d->next)
                if (strcmp(c->string, d->string) == 0) {
                    dup[k] = 1;
                    break;
                }
        return 0;
    }
    v = vep__calloc(r->a, n, sizeof *v);
    if (v == NULL)
        return -1;
    for (c = o->child, k = 0; c != NULL; c = c->next, k++) {
        v[k].id = c->string;
        v[k].index = (int)k;
    }
    vep__rd_sort_ids(v, n);
    for (j = 1; j < n; j++)
        if (strcmp(v[j].id, v[j - 1].id) == 0)
            dup[v[j].index] = 1;
    vep__free(r->a, v);
    return 0;
}

/* Walks the whole tree (meta included).  `item` is the answer key the
** value belongs to, for the diagnostics' item field; `level` is 0 for the
** root, 1 for the "answers" object, 2 otherwise. */
static void check_tree(vep_reader *r, const cJSON *j, const char *item,
                       int level)
{
    const cJSON *c;
    unsigned char *dup;
    size_t n = 0, k, at;
    int key_ok;

    if (r->nomem)
        return;
    if (cJSON_IsString(j)) {
        if (vep__rd_string(j) == VEP_RD_BAD_UTF8)
            vep__rd_error(r, item, "invalid_utf8",
                          "the text '%s' is not valid UTF-8",
                          vep__rd_quote(r, j->valuestring));
        return;
    }
    if (cJSON_IsArray(j)) {
        for (c = j->child, k = 0; c != NULL && !r->nomem; c = c->next, k++) {
            at = vep__rd_push_index(r, k);
            check_tree(r, c, item, 2);
            vep__rd_pop(r, at);
        }
        return;
    }
    if (!cJSON_IsObject(j))
        return;
    for (c = j->child; c != NULL; c = c->next)
        n++;
    dup = vep__calloc(r->a, n ? n : 1, 1);
    if (dup == NULL || find_duplicates(r, j, n, dup) != 0) {
        vep__free(r->a, dup);
        r->nomem = 1;
        return;
    }
    for (c = j->child, k = 0; c != NULL && !r->nomem; c = c->next, k++) {
        key_ok = vep__utf8_valid(c->string, strlen(c->string));
        if (level == 1)
            item = key_ok ? c->string : NULL;
        at = vep__rd_push_key(r, c->string);
        if (!key_ok)
            vep__rd_error(r, item, "invalid_utf8",
                          "the key '%s' is not valid UTF-8",
                          vep__rd_quote(r, c->string));
        else if (dup[k])
            vep__rd_error(r, item, "duplicate_key",
                          "the key '%s' appears more than once in the same "
                          "object; only the first is used",
                          vep__rd_quote(r, c->string));
        check_tree(r, c, item,
                   (level == 0 && strcmp(c->string, "answers") == 0) ? 1 : 2);
        vep__rd_pop(r, at);
    }
    vep__free(r->a, dup);
}

/* ---- Pass 3: the fields ---------------------------------------------- */

/* Reads string field `f` named `key` of the object at the current path
** into *dst.  `what` names it for the user ("the subject's id").  Returns
** the string, or NULL when it is absent or wrong (reported). */
static const char *text_field(vep_reader *r, const cJSON *f, const char *key,
                              int required, int nonempty, const char *what,
                              char **dst)
{
    size_t at = vep__rd_push_key(r, key);
    const char *s = NULL;
    int k;

    if (f == NULL) {
        if (required)
            vep__rd_error(r, NULL, "missing_field",
                          "%s is missing (field '%s')", what, key);
    } else if ((k = vep__rd_string(f)) == VEP_RD_NOT_STRING) {
        vep__rd_error(r, NULL, "wrong_type", "%s must be a string (found %s)",
                      what, vep__rd_type_name(f));
    } else if (k == VEP_RD_STRING) {
        if (nonempty && f->valuestring[0] == '\0')
            vep__rd_error(r, NULL, "missing_field", "%s is empty", what);
        else if ((*dst = vep__rd_strdup(r, f->valuestring)) != NULL)
            s = f->valuestring;
    }
    vep__rd_pop(r, at);
    return s;
}

/* Checks that object field `f` named `key` is present (when required) and
** an object; `example` shows the expected shape. */
static int object_field(vep_reader *r, const cJSON *f, const char *key,
                        int required, const char *what, const char *example)
{
    size_t at;
    if (f != NULL && cJSON_IsObject(f))
        return 1;
    at = vep__rd_push_key(r, key);
    if (f == NULL) {
        if (required)
            vep__rd_error(r, NULL, "missing_field",
                          "%s is missing (field '%s')", what, key);
    } else {
        vep__rd_error(r, NULL, "wrong_type",
                      "'%s' must be an object such as %s (found %s)", key,
                      example, vep__rd_type_name(f));
    }
    vep__rd_pop(r, at);
    return 0;
}

/* Reads a numeric identifier of a semantic version (no leading zeros). */
static const char *semver_number(const char *s, long *out)
{
    long v = 0;
    int n = 0;
    if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
        return NULL;
    for (; *s >= '0' && *s <= '9'; s++, n++) {
        if (n == 9)
            return NULL;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return s;
}

/* Dot-separated identifiers of [0-9A-Za-z-] after '-' or '+'; numeric
** pre-release identifiers may not have leading zeros. */
static const char *semver_idents(const char *s, int numeric_rule)
{
    const char *start;
    int digits_only;
    for (;;) {
        start = s;
        digits_only = 1;
        while ((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z')
               || (*s >= 'a' && *s <= 'z') || *s == '-') {
            if (*s < '0' || *s > '9')
                digits_only = 0;
            s++;
        }
        if (s == start)
            return NULL;
        if (numeric_rule && digits_only && s - start > 1 && *start == '0')
            return NULL;
        if (*s != '.')
            return s;
        s++;
    }
}

/* 1 when `s` is a semantic version (semver.org 2.0.0), with *major. */
static int semver_major(const char *s, long *major)
{
    long minor, patch;
    if ((s = semver_number(s, major)) == NULL || *s++ != '.'
        || (s = semver_number(s, &minor)) == NULL || *s++ != '.'
        || (s = semver_number(s, &patch)) == NULL)
        return 0;
    if (*s == '-' && (s = semver_idents(s + 1, 1)) == NULL)
        return 0;
    if (*s == '+' && (s = semver_idents(s + 1, 0)) == NULL)
        return 0;
    return *s == '\0';
}

/* "instrument": {"id", "version"}: the id must be this instrument's and
** the major version the same as this version's. */
static void read_instrument(vep_reader *r, const cJSON *j)
{
    static const char *const names[] = { "id", "version" };
    const vep_model *m = r->m;
    const cJSON *f[2];
    const char *id, *version;
    long major;
    size_t at, top;

    if (!object_field(r, j, "instrument", 1,
                      "the instrument the assessment is for",
                      "{\"id\": \"...\", \"version\": \"1.0.0\"}"))
        return;
    top = vep__rd_push_key(r, "instrument");
    vep__rd_fields(r, j, names, 2, f, NULL, "'instrument'");
    id = text_field(r, f[0], "id", 1, 0, "the instrument's id",
                    &r->as->instrument_id);
    version = text_field(r, f[1], "version", 1, 0, "the instrument's version",
                         &r->as->instrument_version);
    if (id && strcmp(id, m->id ? m->id : "") != 0) {
        at = vep__rd_push_key(r, "id");
        vep__rd_error(r, NULL, "wrong_instrument",
                      "the assessment is for instrument '%s', but this is "
                      "instrument '%s'", vep__rd_quote(r, id),
                      m->id ? m->id : "");
        vep__rd_pop(r, at);
    }
    if (version) {
        at = vep__rd_push_key(r, "version");
        if (!semver_major(version, &major))
            vep__rd_error(r, NULL, "wrong_version",
                          "'%s' is not a semantic version MAJOR.MINOR.PATCH",
                          vep__rd_quote(r, version));
        else if (major != m->major)
            vep__rd_error(r, NULL, "wrong_version",
                          "the assessment was made for version %s of the "
                          "instrument, but this is version %s; the major "
                          "versions differ: map it to this version with a "
                          "migration script first (vep migrate MIGRATION "
                          "ASSESSMENT)", vep__rd_quote(r, version),
                          m->version ? m->version : "");
        vep__rd_pop(r, at);
    }
    vep__rd_pop(r, top);
}

/* "subject": {"id"} and "assessor": {"id", "role"}. */
static void read_people(vep_reader *r, const cJSON *subject,
                        const cJSON *assessor)
{
    static const char *const snames[] = { "id" };
    static const char *const anames[] = { "id", "role" };
    const cJSON *f[2];
    size_t top;

    if (object_field(r, subject, "subject", 1, "the person assessed",
                     "{\"id\": \"...\"}")) {
        top = vep__rd_push_key(r, "subject");
        vep__rd_fields(r, subject, snames, 1, f, NULL, "'subject'");
        text_field(r, f[0], "id", 1, 1, "the subject's id",
                   &r->as->subject_id);
        vep__rd_pop(r, top);
    }
    if (object_field(r, assessor, "assessor", 1, "the assessor",
                     "{\"id\": \"...\", \"role\": \"...\"}")) {
        top = vep__rd_push_key(r, "assessor");
        vep__rd_fields(r, assessor, anames, 2, f, NULL, "'assessor'");
        text_field(r, f[0], "id", 1, 1, "the assessor's id",
                   &r->as->assessor_id);
        text_field(r, f[1], "role", 0, 0, "the assessor's role",
                   &r->as->assessor_role);
        vep__rd_pop(r, top);
    }
}

/* "date": the day of the assessment. */
static void read_date(vep_reader *r, const cJSON *j)
{
    const char *d = text_field(r, j, "date", 1, 0, "the assessment date",
                               &r->as->date);
    size_t at;
    if (d && !vep__date_valid(d)) {
        at = vep__rd_push_key(r, "date");
        vep__rd_error(r, NULL, "invalid_date",
                      "the assessment date '%s' is not a real date written "
                      "YYYY-MM-DD", vep__rd_quote(r, d));
        vep__rd_pop(r, at);
    }
}

/* The levels a professional may choose: the judgement's own list, else
** the band codes of the advisory level, else any.  Returns 1 when `level`
** is one of them (or there is no list); `expected` gets the list. */
static int level_allowed(const vep_model *m, const char *level,
                         vep_buf *expected)
{
    const vep_judgement_def *j = &m->judgement;
    const vep_level_def *l;
    size_t i, k;
    int found = 0;

    if (j->nlevels > 0) {
        for (i = 0; i < j->nlevels; i++) {
            vep__buf_printf(expected, "%s%s", i ? ", " : "", j->levels[i]);
            found |= strcmp(j->levels[i], level) == 0;
        }
        return found;
    }
    if (j->advisory.index < 0 || (size_t)j->advisory.index >= m->nlevels)
        return 1;
    l = &m->levels[j->advisory.index];
    for (i = 0; i < l->nbands; i++) {
        for (k = 0; k < i; k++)   /* bands may share a level code */
            if (strcmp(l->bands[k].level, l->bands[i].level) == 0)
                break;
        if (k < i)
            continue;
        vep__buf_printf(expected, "%s%s", i ? ", " : "", l->bands[i].level);
        found |= strcmp(l->bands[i].level, level) == 0;
    }
    return found || l->nbands == 0;
}

/* "decisive_items": an array of item ids, each an item of the model. */
static void read_decisive(vep_reader *r, const cJSON *j)
{
    vep_assessment *as = r->as;
    const cJSON *e;
    size_t n = 0, i = 0, at;
    int s;

    at = vep__rd_push_key(r, "decisive_items");
    if (!cJSON_IsArray(j)) {
        vep__rd_error(r, NULL, "wrong_type",
                      "the decisive items must be an array of item ids "
                      "(found %s)", vep__rd_type_name(j));
        goto done;
    }
    for (e = j->child; e != NULL; e = e->next)
        n++;
    as->decisive_items = vep__calloc(r->a, n ? n : 1,
                                     sizeof *as->decisive_items);
    if (as->decisive_items == NULL) {
        r->nomem = 1;
        goto done;
    }
    for (e = j->child; e != NULL && !r->nomem; e = e->next, i++) {
        size_t el = vep__rd_push_index(r, i);
        s = vep__rd_string(e);
        if (s == VEP_RD_NOT_STRING)
            vep__rd_error(r, NULL, "wrong_type",
                          "a decisive item must be an item id, a string "
                          "(found %s)", vep__rd_type_name(e));
        else if (s == VEP_RD_STRING
                 && vep__rd_find_item(r, e->valuestring) < 0)
            vep__rd_error(r, e->valuestring, "unknown_item",
                          "decisive item '%s' is not an item of instrument "
                          "'%s'", vep__rd_quote(r, e->valuestring),
                          r->m->id ? r->m->id : "");
        else if (s == VEP_RD_STRING)
            as->decisive_items[as->ndecisive++] =
                vep__rd_strdup(r, e->valuestring);
        vep__rd_pop(r, el);
    }
done:
    vep__rd_pop(r, at);
}

/* 1 when `s` has a character other than white space. */
static int has_text(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 1;
    return 0;
}

/* "judgement": the professional's final judgement.  Required when the
** instrument says so (missing_judgement); given, it must name a level.
** A rationale is checked here only for rationale = "always"; the
** "when_different" rule needs the advisory level and is checked after
** scoring. */
static void read_judgement(vep_reader *r, const cJSON *j)
{
    static const char *const names[] = { "level", "rationale",
        "decisive_items", "confidence", "subject_view", "approver" };
    const vep_model *m = r->m;
    vep_assessment *as = r->as;
    const cJSON *f[6];
    const char *level;
    vep_buf expected;
    size_t top, at;

    if (j == NULL) {
        if (m->judgement.required) {
            at = vep__rd_push_key(r, "judgement");
            vep__rd_error(r, NULL, "missing_judgement",
                          "this instrument requires the professional's "
                          "judgement (field 'judgement'), but the assessment "
                          "has none");
            vep__rd_pop(r, at);
        }
        return;
    }
    if (!object_field(r, j, "judgement", 0, "the judgement",
                      "{\"level\": \"...\", \"rationale\": \"...\"}"))
        return;
    as->has_judgement = 1;
    top = vep__rd_push_key(r, "judgement");
    vep__rd_fields(r, j, names, 6, f, NULL, "'judgement'");
    level = text_field(r, f[0], "level", 1, 0, "the judgement's level",
                       &as->judgement_level);
    if (level) {
        vep__buf_init(&expected, r->a);
        if (!level_allowed(m, level, &expected)) {
            at = vep__rd_push_key(r, "level");
            vep__rd_error(r, NULL, "unknown_level",
                          "'%s' is not a level this instrument's judgement "
                          "may take (expected one of: %s)",
                          vep__rd_quote(r, level), vep__rd_str(r, &expected));
            vep__rd_pop(r, at);
        }
        vep__buf_free(&expected);
    }
    text_field(r, f[1], "rationale", 0, 0, "the rationale",
               &as->judgement_rationale);
    if (f[2])
        read_decisive(r, f[2]);
    text_field(r, f[3], "confidence", 0, 0, "the confidence",
               &as->judgement_confidence);
    text_field(r, f[4], "subject_view", 0, 0, "the subject's view",
               &as->subject_view);
    text_field(r, f[5], "approver", 0, 0, "the approver", &as->approver);
    if (m->judgement.rationale == VEP_RATIONALE_ALWAYS
        && !has_text(as->judgement_rationale)
        && (f[1] == NULL || vep__rd_string(f[1]) == VEP_RD_STRING)) {
        at = vep__rd_push_key(r, "rationale");
        vep__rd_error(r, NULL, "rationale_required",
                      "this instrument requires a written rationale for "
                      "every judgement");
        vep__rd_pop(r, at);
    }
    vep__rd_pop(r, top);
}

/* The top level, in a fixed order whatever the order of the keys. */
static vep_status read_document(vep_reader *r, const cJSON *root)
{
    static const char *const names[] = { "instrument", "subject",
        "assessor", "date", "answers", "judgement", "meta", "migrations" };
    const cJSON *f[8];
    size_t at;

    if (!cJSON_IsObject(root)) {
        vep__rd_error(r, NULL, "wrong_type",
                      "the assessment must be a JSON object (found %s)",
                      vep__rd_type_name(root));
        return VEP_OK;
    }
    vep__rd_fields(r, root, names, 8, f, NULL, "the assessment");
    read_instrument(r, f[0]);
    vep__migrations_read(r, f[7]);
    read_people(r, f[1], f[2]);
    read_date(r, f[3]);
    if (object_field(r, f[4], "answers", 1, "the list of answers",
                     "{\"S01\": {\"value\": \"present\"}}")) {
        at = vep__rd_push_key(r, "answers");
        vep__answers_read(r, f[4]);
        vep__rd_pop(r, at);
        if (!r->nomem) {
            vep_status st = vep__answers_check(r);
            if (st != VEP_OK)
                return st;
        }
    }
    read_judgement(r, f[5]);
    return VEP_OK;
}

/* Allocates the assessment with one "missing" answer per model item. */
static vep_assessment *assessment_new(const vep_alloc *a, size_t nitems)
{
    vep_assessment *as = vep__calloc(a, 1, sizeof *as);
    size_t i;
    if (as == NULL)
        return NULL;
    as->answers = vep__calloc(a, nitems ? nitems : 1, sizeof *as->answers);
    if (as->answers == NULL) {
        vep__free(a, as);
        return NULL;
    }
    as->nanswers = nitems;
    for (i = 0; i < nitems; i++)
        as->answers[i].option = -1;
    return as;
}

/* See the top of the file.  ctx->as must not hold an assessment on entry
** (it is overwritten); it is set before the answers are read because Lua
** conditions read the answers through the context. */
vep_status vep__assessment_read(vep_ctx *ctx, const char *json, size_t len)
{
    vep_reader r;
    vep_status st = VEP_OK;
    cJSON *root = NULL;

    ctx->as = NULL;
    if (json == NULL && len > 0)
        return VEP_ERR_ARGUMENT;
    ctx->as = assessment_new(ctx->a, ctx->m->nitems);
    if (ctx->as == NULL)
        return VEP_ERR_NOMEM;
    if (vep__rd_init(&r, ctx) != 0)
        goto done;
    root = parse(&r, json ? json : "", len);
    if (root == NULL)
        goto done;
    check_tree(&r, root, NULL, 0);
    if (!r.nomem)
        st = read_document(&r, root);
done:
    vep__json_delete(ctx->a, root);
    if (r.path.failed)
        r.nomem = 1;
    if (r.nomem)
        st = VEP_ERR_NOMEM;
    else if (st == VEP_OK && r.nerrors > 0)
        st = VEP_ERR_ASSESSMENT;
    vep__rd_free(&r);
    if (st != VEP_OK) {
        vep__assessment_free(ctx->a, ctx->as);
        ctx->as = NULL;
    }
    return st;
}

/* Frees the assessment's contents and the structure itself (NULL is
** accepted), as vep__assessment_read allocated both. */
void vep__assessment_free(const vep_alloc *a, vep_assessment *as)
{
    size_t i;
    if (as == NULL)
        return;
    for (i = 0; i < as->nanswers; i++)
        vep__answer_clear(a, &as->answers[i]);
    vep__free(a, as->answers);
    vep__migrations_free(a, as);
    vep__free(a, as->instrument_id);
    vep__free(a, as->instrument_version);
    vep__free(a, as->subject_id);
    vep__free(a, as->assessor_id);
    vep__free(a, as->assessor_role);
    vep__free(a, as->date);
    vep__free(a, as->judgement_level);
    vep__free(a, as->judgement_rationale);
    for (i = 0; i < as->ndecisive; i++)
        vep__free(a, as->decisive_items[i]);
    vep__free(a, as->decisive_items);
    vep__free(a, as->judgement_confidence);
    vep__free(a, as->subject_view);
    vep__free(a, as->approver);
    vep__free(a, as);
}

/* The names documents, messages and Lua's a.state() use. */
const char *vep__answer_state_name(vep_answer_state s)
{
    switch (s) {
    case VEP_ANSWER_MISSING:      return "missing";
    case VEP_ANSWER_VALUE:        return "value";
    case VEP_ANSWER_UNKNOWN:      return "unknown";
    case VEP_ANSWER_NA:           return "not_applicable";
    case VEP_ANSWER_NOT_RELEVANT: return "not_relevant";
    }
    return "missing";
}
