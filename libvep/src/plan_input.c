/*
** plan_input.c -- the facts a plan is derived from: a result document (as
** vep_score writes it, result.c); the case context is read by
** plan_context.c and the compact form of plan test cases by
** plan_compact.c.  Also the readers' shared helpers (plan_input.h) and the
** facts themselves.
**
** Every problem is reported with the document it is in ("result",
** "context" or "test" in the FILE field of the diagnostic), its JSON path,
** the item, score, level or flag id when there is one, and a rule name;
** reading carries on so that the user sees all of them at once.  Plans are
** built on the professional's final judgement: a result without one is
** refused.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "json.h"
#include "plan_input.h"
#include "date.h"
#include "utf8.h"

/* ---- The readers' helpers ---------------------------------------------- */

/* Starts reading a document named `file` in diagnostics; the path is "$". */
void vep__pin_init(vep_pin *p, const vep_alloc *a, vep_diags *d, const char *file)
{
    int i;
    memset(p, 0, sizeof *p);
    p->a = a;
    p->d = d;
    p->file = file;
    vep__buf_init(&p->path, a);
    vep__buf_init(&p->msg, a);
    for (i = 0; i < VEP_PIN_NQUOTE; i++)
        vep__buf_init(&p->quote[i], a);
    vep__buf_addc(&p->path, '$');
}

/* Frees the reader's buffers (not what it read). */
void vep__pin_free(vep_pin *p)
{
    int i;
    vep__buf_free(&p->path);
    vep__buf_free(&p->msg);
    for (i = 0; i < VEP_PIN_NQUOTE; i++)
        vep__buf_free(&p->quote[i]);
}

/* Formats the message and records it with the current path.  Counting
** goes on when out of memory, so that the status stays an error. */
void vep__pin_error(vep_pin *p, const char *item, const char *rule,
                    const char *fmt, ...)
{
    va_list ap;
    p->problems++;
    if (p->nomem)
        return;
    vep__buf_reset(&p->msg);
    va_start(ap, fmt);
    vep__buf_vprintf(&p->msg, fmt, ap);
    va_end(ap);
    if (p->msg.failed || p->path.failed) {
        p->nomem = 1;
        return;
    }
    if (vep__diag_add(p->d, p->file, 0, vep__buf_str(&p->path), item, rule, "%s",
                      vep__buf_str(&p->msg)) != 0)
        p->nomem = 1;
}

/* Keys that look like identifiers are written .key, others ["key"] with
** quotes, backslashes and unprintable bytes escaped (as reader.c does). */
size_t vep__pin_key(vep_pin *p, const char *key)
{
    size_t len = p->path.len, i;
    int ident = key != NULL && (key[0] == '_' || (key[0] >= 'A' && key[0] <= 'Z')
                                || (key[0] >= 'a' && key[0] <= 'z'));
    for (i = 1; ident && key[i] != '\0'; i++) {
        char c = key[i];
        ident = (c == '_' || c == '-' || (c >= 'A' && c <= 'Z')
                 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
    if (ident) {
        vep__buf_addc(&p->path, '.');
        vep__buf_adds(&p->path, key);
    } else {
        vep__buf_adds(&p->path, "[\"");
        if (key != NULL)
            vep__utf8_escape(&p->path, key, strlen(key), 100, 1);
        vep__buf_adds(&p->path, "\"]");
    }
    return len;
}

/* Array elements are written [i], counting from 0. */
size_t vep__pin_index(vep_pin *p, size_t i)
{
    size_t len = p->path.len;
    vep__buf_printf(&p->path, "[%lu]", (unsigned long)i);
    return len;
}

/* Cuts the path back; a failed buffer is left alone (reported later). */
void vep__pin_pop(vep_pin *p, size_t len)
{
    if (!p->path.failed && p->path.data != NULL && len <= p->path.len) {
        p->path.len = len;
        p->path.data[len] = '\0';
    }
}

/* The quote buffers are used round robin, so that a message can quote
** several user strings. */
const char *vep__pin_quote(vep_pin *p, const char *s)
{
    vep_buf *b = &p->quote[p->nquote];
    p->nquote = (p->nquote + 1) % VEP_PIN_NQUOTE;
    vep__buf_reset(b);
    if (s != NULL)
        vep__utf8_escape(b, s, strlen(s), 60, 1);
    return vep__buf_str(b);
}

/* A copy through the allocator; remembers running out of memory. */
char *vep__pin_dup(vep_pin *p, const char *s)
{
    char *c;
    if (s == NULL)
        return NULL;
    c = vep__strdup(p->a, s);
    if (c == NULL)
        p->nomem = 1;
    return c;
}

/* The JSON type of a value, in the user's words. */
const char *vep__pin_type(const cJSON *j)
{
    if (j == NULL) return "nothing";
    if (cJSON_IsString(j)) return "a string";
    if (cJSON_IsNumber(j)) return "a number";
    if (cJSON_IsBool(j)) return "a boolean";
    if (cJSON_IsNull(j)) return "null";
    if (cJSON_IsArray(j)) return "an array";
    return "an object";
}

/* An object; in the compact form also an empty array, which is what an
** empty Lua table becomes. */
int vep__pin_is_object(const vep_pin *p, const cJSON *j)
{
    return cJSON_IsObject(j) || (p->compact && cJSON_IsArray(j)
                                 && cJSON_GetArraySize(j) == 0);
}

/* A string member of an object, or NULL. */
const char *vep__pin_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Reports every object member whose name an earlier member of the same
** object has: cJSON keeps both and finds the first, and a document that
** says two things must not be read as saying one of them. */
static void check_duplicates(vep_pin *p, const cJSON *j, int depth)
{
    const cJSON *k, *o;
    size_t i = 0, at;

    if (depth > 64)
        return;
    cJSON_ArrayForEach(k, j) {
        at = cJSON_IsObject(j) ? vep__pin_key(p, k->string) : vep__pin_index(p, i++);
        for (o = cJSON_IsObject(j) ? j->child : k; o != k; o = o->next)
            if (strcmp(o->string, k->string) == 0) {
                vep__pin_error(p, NULL, "duplicate_key", "\"%s\" is given twice; give "
                               "it once", vep__pin_quote(p, k->string));
                break;
            }
        if (cJSON_IsObject(k) || cJSON_IsArray(k))
            check_duplicates(p, k, depth + 1);
        vep__pin_pop(p, at);
    }
}

/* Parses a document.  A syntax error, or content after the document, is
** reported with the line and column (in characters) where it is; repeated
** member names are reported too, and the document is still read. */
cJSON *vep__pin_parse(vep_pin *p, const char *json, size_t len, const char *what)
{
    const char *lexical = NULL;
    cJSON *root;
    unsigned long line = 1, col = 1;
    size_t i, off = len;
    int trailing = 0, nomem = 0;

    if (json == NULL || len == 0) {
        vep__pin_error(p, NULL, "json_syntax", "the %s is empty", what);
        return NULL;
    }
    root = vep__json_parse(p->a, json, len, &off, &nomem);
    if (nomem) {
        p->nomem = 1;
        return NULL;
    }
    if (off > len)
        off = len;
    if (root != NULL) {
        while (off < len && (json[off] == ' ' || json[off] == '\n' || json[off] == '\t'
                             || json[off] == '\r'))
            off++;
        if (off == len && (off = vep__json_lexical_problem(json, len, &lexical)) == len) {
            check_duplicates(p, root, 0);
            return root;
        }
        vep__json_delete(p->a, root);
        trailing = lexical == NULL;
    }
    for (i = 0; i < off; i++) {
        if (json[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)json[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    vep__pin_error(p, NULL, "json_syntax", "the %s is not valid JSON: %s at line %lu, "
                   "column %lu", what, lexical ? lexical : trailing
                   ? "content after the document" : "error", line, col);
    return NULL;
}

/* Appends a zeroed fact to an array; NULL when out of memory. */
vep_fact *vep__pin_fact(vep_pin *p, vep_fact **v, size_t *n)
{
    vep_fact *nv = vep__realloc(p->a, *v, (*n + 1) * sizeof **v);
    if (nv == NULL) {
        p->nomem = 1;
        return NULL;
    }
    *v = nv;
    memset(&nv[*n], 0, sizeof nv[0]);
    return &nv[(*n)++];
}

/* The status a reader ends with: out of memory, `bad` for problems. */
vep_status vep__pin_status(const vep_pin *p, vep_status bad)
{
    if (p->nomem)
        return VEP_ERR_NOMEM;
    return p->problems ? bad : VEP_OK;
}

/* ---- The result document ------------------------------------------------ */

const char *const vep__pin_answer_states[] = {
    "value", "unknown", "not_applicable", "not_relevant", "missing", NULL
};

/* Reads one entry of a result section into `x` (its id already set). */
typedef void (*entry_fn)(vep_pin *p, const cJSON *e, vep_fact *x);

/* A member that must be a string or null when present: reports it at
** .key otherwise.  Returns the string or NULL. */
const char *vep__pin_opt_string(vep_pin *p, const cJSON *o, const char *key,
                              const char *item)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at;
    if (v == NULL || cJSON_IsNull(v) || cJSON_IsString(v))
        return cJSON_IsString(v) ? v->valuestring : NULL;
    at = vep__pin_key(p, key);
    vep__pin_error(p, item, "wrong_type", "\"%s\" must be a string or null, not %s",
                   key, vep__pin_type(v));
    vep__pin_pop(p, at);
    return NULL;
}

/* A member that must be a number or null when present; sets x's number. */
static void opt_number(vep_pin *p, const cJSON *o, const char *key, vep_fact *x)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t at;
    if (cJSON_IsNumber(v)) {
        x->has_number = 1;
        x->number = v->valuedouble;
    } else if (v != NULL && !cJSON_IsNull(v)) {
        at = vep__pin_key(p, key);
        vep__pin_error(p, x->id, "wrong_type", "\"%s\" must be a number or null, not %s",
                       key, vep__pin_type(v));
        vep__pin_pop(p, at);
    }
}

/* scores[i]: {id, value (a number or null), status}. */
static void score_entry(vep_pin *p, const cJSON *e, vep_fact *x)
{
    opt_number(p, e, "value", x);
    vep__pin_opt_string(p, e, "status", x->id);
}

/* levels[i]: {id, level (the band's code, or null), band ({min, max} or
** null)}. */
static void level_entry(vep_pin *p, const cJSON *e, vep_fact *x)
{
    const cJSON *band = cJSON_GetObjectItemCaseSensitive(e, "band");
    x->code = vep__pin_dup(p, vep__pin_opt_string(p, e, "level", x->id));
    if (band != NULL && !cJSON_IsNull(band) && !cJSON_IsObject(band)) {
        size_t at = vep__pin_key(p, "band");
        vep__pin_error(p, x->id, "wrong_type", "\"band\" must be an object {\"min\", "
                       "\"max\"} or null, not %s", vep__pin_type(band));
        vep__pin_pop(p, at);
    }
}

/* flags[i]: {id, raised (a boolean)}: number 1/0, code "true"/"false". */
static void flag_entry(vep_pin *p, const cJSON *e, vep_fact *x)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, "raised");
    size_t at;
    if (!cJSON_IsBool(v)) {
        at = vep__pin_key(p, "raised");
        vep__pin_error(p, x->id, v ? "wrong_type" : "missing_field", "\"raised\" must "
                       "be true or false, not %s", vep__pin_type(v));
        vep__pin_pop(p, at);
    }
    x->has_number = 1;
    x->number = cJSON_IsTrue(v);
    x->code = vep__pin_dup(p, cJSON_IsTrue(v) ? "true" : "false");
}

/* answers[i]: {item, state, code | codes | date, value}.  A date answer's
** text is its code. */
static void answer_entry(vep_pin *p, const cJSON *e, vep_fact *x)
{
    const cJSON *codes = cJSON_GetObjectItemCaseSensitive(e, "codes"), *c;
    const char *state = vep__pin_opt_string(p, e, "state", x->id);
    const char *code = vep__pin_opt_string(p, e, "code", x->id);
    const char *date = vep__pin_opt_string(p, e, "date", x->id);
    size_t at, i = 0;

    if (state != NULL && vep__name_find(vep__pin_answer_states, state) < 0) {
        at = vep__pin_key(p, "state");
        vep__pin_error(p, x->id, "invalid_value", "\"%s\" is not an answer state (value, "
                       "unknown, not_applicable, not_relevant or missing)",
                       vep__pin_quote(p, state));
        vep__pin_pop(p, at);
    }
    if (date != NULL && !vep__date_valid(date)) {
        at = vep__pin_key(p, "date");
        vep__pin_error(p, x->id, "invalid_date", "\"%s\" is not a real date written "
                       "YYYY-MM-DD", vep__pin_quote(p, date));
        vep__pin_pop(p, at);
    }
    x->state = vep__pin_dup(p, state ? state : "missing");
    x->code = vep__pin_dup(p, code ? code : date);
    opt_number(p, e, "value", x);
    if (codes == NULL || cJSON_IsNull(codes))
        return;
    at = vep__pin_key(p, "codes");
    if (!cJSON_IsArray(codes)) {
        vep__pin_error(p, x->id, "wrong_type", "\"codes\" must be an array of strings, "
                       "not %s", vep__pin_type(codes));
    } else if (cJSON_GetArraySize(codes) > 0) {
        x->codes = vep__calloc(p->a, (size_t)cJSON_GetArraySize(codes), sizeof *x->codes);
        if (x->codes == NULL)
            p->nomem = 1;
        for (c = x->codes ? codes->child : NULL; c != NULL; c = c->next, i++) {
            if (cJSON_IsString(c)) {
                x->codes[x->ncodes++] = vep__pin_dup(p, c->valuestring);
            } else {
                size_t at2 = vep__pin_index(p, i);
                vep__pin_error(p, x->id, "wrong_type", "a code must be a string, not %s",
                               vep__pin_type(c));
                vep__pin_pop(p, at2);
            }
        }
    }
    vep__pin_pop(p, at);
}

/* Reads the array `section` of the result, entries {idkey, ...}, into
** facts; duplicate ids and entries without an id are reported. */
static void read_section(vep_pin *p, const cJSON *root, const char *section,
                         const char *idkey, vep_fact **v, size_t *n, entry_fn one)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, section), *e;
    size_t at = vep__pin_key(p, section), i = 0;
    int size = cJSON_GetArraySize(arr);

    if (arr == NULL) {
        vep__pin_error(p, NULL, "missing_field", "the result has no \"%s\"%s", section,
                       strcmp(section, "answers") == 0 ? ": score the assessment again "
                       "with this version of libvep" : "");
    } else if (!cJSON_IsArray(arr)) {
        vep__pin_error(p, NULL, "wrong_type", "\"%s\" must be an array, not %s", section,
                       vep__pin_type(arr));
    } else if (size > 0 && (*v = vep__calloc(p->a, (size_t)size, sizeof **v)) == NULL) {
        p->nomem = 1;
    } else {
        cJSON_ArrayForEach(e, arr) {
            size_t at2 = vep__pin_index(p, i++);
            const char *id = vep__pin_str(e, idkey);
            if (!cJSON_IsObject(e)) {
                vep__pin_error(p, NULL, "wrong_type", "each entry of \"%s\" must be an "
                               "object, not %s", section, vep__pin_type(e));
            } else if (id == NULL || id[0] == '\0') {
                vep__pin_key(p, idkey);
                vep__pin_error(p, NULL, "missing_field", "each entry of \"%s\" needs its "
                               "\"%s\", a non-empty string", section, idkey);
            } else if (vep__fact_find(*v, *n, id) != NULL) {
                vep__pin_key(p, idkey);
                vep__pin_error(p, id, "duplicate_id", "\"%s\" is listed twice in \"%s\"",
                               vep__pin_quote(p, id), section);
            } else {
                vep_fact *x = &(*v)[(*n)++];
                x->id = vep__pin_dup(p, id);
                one(p, e, x);
            }
            vep__pin_pop(p, at2);
        }
    }
    vep__pin_pop(p, at);
}

/* The instrument and assessment sections: who and what was scored. */
static void read_header(vep_pin *p, const cJSON *root, const cJSON *ins,
                        const char *instrument, vep_plan_facts *f)
{
    const cJSON *as = cJSON_GetObjectItemCaseSensitive(root, "assessment");
    const char *id = vep__pin_str(ins, "id"), *date;
    size_t at;

    at = vep__pin_key(p, "instrument");
    f->instrument_id = vep__pin_dup(p, id);
    f->instrument_version = vep__pin_dup(p, vep__pin_opt_string(p, ins, "version", NULL));
    f->instrument_sha256 = vep__pin_dup(p, vep__pin_opt_string(p, ins, "sha256", NULL));
    if (instrument != NULL && strcmp(instrument, id) != 0) {
        vep__pin_key(p, "id");
        vep__pin_error(p, NULL, "wrong_instrument", "the result is of instrument \"%s\"; "
                       "this plan takes results of \"%s\"", vep__pin_quote(p, id),
                       vep__pin_quote(p, instrument));
    }
    vep__pin_pop(p, at);

    at = vep__pin_key(p, "assessment");
    if (as != NULL && !cJSON_IsNull(as) && !cJSON_IsObject(as)) {
        vep__pin_error(p, NULL, "wrong_type", "\"assessment\" must be an object, not %s",
                       vep__pin_type(as));
    } else if (as != NULL) {
        f->subject_id = vep__pin_dup(p, vep__pin_opt_string(p, as, "subject", NULL));
        date = vep__pin_opt_string(p, as, "date", NULL);
        if (date != NULL && !vep__date_valid(date)) {
            size_t at2 = vep__pin_key(p, "date");
            vep__pin_error(p, NULL, "invalid_date", "the assessment date \"%s\" is not a "
                           "real date written YYYY-MM-DD", vep__pin_quote(p, date));
            vep__pin_pop(p, at2);
        } else {
            f->assessment_date = vep__pin_dup(p, date);
        }
    }
    vep__pin_pop(p, at);

    date = vep__pin_opt_string(p, root, "status", NULL);
    if (date != NULL && strcmp(date, "complete") != 0 && strcmp(date, "incomplete") != 0) {
        at = vep__pin_key(p, "status");
        vep__pin_error(p, NULL, "invalid_value", "\"status\" is \"%s\", not \"complete\" "
                       "or \"incomplete\"", vep__pin_quote(p, date));
        vep__pin_pop(p, at);
    }
}

/* judgement: {final, advisory, ...}; the final level is required. */
static void read_judgement(vep_pin *p, const cJSON *root, vep_plan_facts *f)
{
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(root, "judgement");
    const char *final;
    size_t at = vep__pin_key(p, "judgement");

    if (j != NULL && !cJSON_IsNull(j) && !cJSON_IsObject(j)) {
        vep__pin_error(p, NULL, "wrong_type", "\"judgement\" must be an object or null, "
                       "not %s", vep__pin_type(j));
    } else {
        final = vep__pin_str(j, "final");
        if (final == NULL || final[0] == '\0') {
            vep__pin_key(p, "final");
            vep__pin_error(p, NULL, "no_final_judgement", "a plan is built on the "
                           "professional's final judgement; the result has none");
        } else {
            f->risk = vep__pin_dup(p, final);
            f->advisory = vep__pin_dup(p, vep__pin_opt_string(p, j, "advisory", NULL));
        }
    }
    vep__pin_pop(p, at);
}

/* Reads a result document: a libvep result (it has "libvep" and an
** "instrument" with an id) of the plan's instrument, with a final
** judgement.  Every problem is reported; the facts read so far stay in `f`
** for the caller to free. */
vep_status vep__plan_read_result(const vep_alloc *a, vep_diags *d,
                                 const char *instrument, const char *json,
                                 size_t len, vep_plan_facts *f)
{
    vep_pin p;
    cJSON *root;
    const cJSON *ins;
    vep_status st;

    vep__pin_init(&p, a, d, "result");
    root = vep__pin_parse(&p, json, len, "result");
    if (root == NULL)
        goto cleanup;
    ins = cJSON_GetObjectItemCaseSensitive(root, "instrument");
    if (!cJSON_IsObject(root) || vep__pin_str(root, "libvep") == NULL
        || !cJSON_IsObject(ins) || vep__pin_str(ins, "id") == NULL) {
        vep__pin_error(&p, NULL, "not_a_result", "this is not a libvep result document "
                       "(as 'vep score' writes it): it needs \"libvep\" and "
                       "\"instrument\": {\"id\", ...}");
        goto cleanup;
    }
    read_header(&p, root, ins, instrument, f);
    read_section(&p, root, "scores", "id", &f->scores, &f->nscores, score_entry);
    read_section(&p, root, "levels", "id", &f->levels, &f->nlevels, level_entry);
    read_section(&p, root, "flags", "id", &f->flags, &f->nflags, flag_entry);
    read_judgement(&p, root, f);
    read_section(&p, root, "answers", "item", &f->answers, &f->nanswers, answer_entry);
cleanup:
    vep__json_delete(p.a, root);
    st = vep__pin_status(&p, VEP_ERR_ASSESSMENT);
    vep__pin_free(&p);
    return st;
}

/* ---- The case context ---------------------------------------------------- */

/* Reads the case context document (plan_context.c does the fields). */
vep_status vep__plan_read_context(const vep_alloc *a, vep_diags *d,
                                  const char *json, size_t len,
                                  vep_plan_facts *f)
{
    vep_pin p;
    cJSON *root;
    vep_status st;

    vep__pin_init(&p, a, d, "context");
    root = vep__pin_parse(&p, json, len, "case context");
    if (root != NULL)
        vep__plan_context_object(&p, root, f);
    vep__json_delete(p.a, root);
    st = vep__pin_status(&p, VEP_ERR_CONTEXT);
    vep__pin_free(&p);
    return st;
}

/* ---- Facts --------------------------------------------------------------- */

/* A linear search: the arrays are small, and the result's keep the
** model's order. */
const vep_fact *vep__fact_find(const vep_fact *v, size_t n, const char *id)
{
    size_t i;
    for (i = 0; i < n && id != NULL; i++)
        if (v[i].id != NULL && strcmp(v[i].id, id) == 0)
            return &v[i];
    return NULL;
}

/* Frees one array of facts. */
static void facts_free(const vep_alloc *a, vep_fact *v, size_t n)
{
    size_t i, k;
    for (i = 0; i < n; i++) {
        vep__free(a, v[i].id);
        vep__free(a, v[i].code);
        vep__free(a, v[i].state);
        for (k = 0; k < v[i].ncodes; k++)
            vep__free(a, v[i].codes[k]);
        vep__free(a, v[i].codes);
    }
    vep__free(a, v);
}

/* Frees one array of dated entries. */
static void dated_free(const vep_alloc *a, vep_dated *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        vep__free(a, v[i].id);
        vep__free(a, v[i].date);
    }
    vep__free(a, v);
}

/* Frees everything the readers put in `f` and zeroes it. */
void vep__plan_facts_free(const vep_alloc *a, vep_plan_facts *f)
{
    if (f == NULL)
        return;
    vep__free(a, f->instrument_id);
    vep__free(a, f->instrument_version);
    vep__free(a, f->instrument_sha256);
    vep__free(a, f->subject_id);
    vep__free(a, f->assessment_date);
    vep__free(a, f->risk);
    vep__free(a, f->advisory);
    facts_free(a, f->levels, f->nlevels);
    facts_free(a, f->flags, f->nflags);
    facts_free(a, f->scores, f->nscores);
    facts_free(a, f->answers, f->nanswers);
    facts_free(a, f->context, f->ncontext);
    vep__free(a, f->as_of);
    vep__free(a, f->sentence_start);
    vep__free(a, f->release_date);
    vep__free(a, f->regime);
    dated_free(a, f->completed, f->ncompleted);
    dated_free(a, f->refused, f->nrefused);
    dated_free(a, f->events, f->nevents);
    vep__plan_host_facts_free(a, f);
    memset(f, 0, sizeof *f);
}
