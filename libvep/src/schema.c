/*
** schema.c -- a JSON Schema (draft 2020-12) of the assessment documents an
** instrument accepts, so that a host can check its forms with the tools of
** its own language, from the same script the engine scores with.
**
** The schema says what the reader (assessment.c, answers.c, reader.c)
** checks, member by member: the top-level fields, the instrument's id and
** major version, the people, the date, one answer object per item (its
** value's shape, codes, ranges and length; which missing-data states it
** may take; evidence) and the judgement's levels and rationale.  Objects
** the reader refuses unknown members in have additionalProperties false.
** JSON null is accepted wherever the reader takes it for "not given" (an
** optional member), never where a value is required.
**
** What a JSON Schema cannot say is named in "$comment"s instead: the
** conditions of conditional items (such an item is never required here,
** and may take either missing-data state, since an item that is not
** relevant may), the instrument-wide limit on unknown answers, a rationale
** for a judgement that departs from the advisory level (known only after
** scoring), and the JSON text itself (UTF-8, duplicate keys, \u0000).  So
** every document the engine accepts is valid under the schema; the
** converse holds except for those checks.
**
** Texts come in the instrument's first language.  Members are written in
** model order and numbers by jsonw.c, so the same instrument gives the
** same bytes.
*/
#include <math.h>
#include <string.h>
#include "engine.h"
#include "jsonw.h"
#include "utf8.h"

/* A real calendar date YYYY-MM-DD of the years 0001 to 9999, as
** vep__date_valid() accepts: the day fits the month, 29 February only in
** leap years (divisible by 4, centuries only by 400). */
#define YEAR "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
#define LEAP "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])" \
             "|(?:0[48]|[2468][048]|[13579][26])00)"
static const char date_pattern[] =
    "^(?:" YEAR "-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    "|" LEAP "-02-29)$";

/* The parts of a semantic version after MAJOR, as assessment.c reads them:
** numbers of at most 9 digits without leading zeros, then optional
** pre-release identifiers (numeric ones without leading zeros) and build
** identifiers. */
static const char version_rest[] =
    "\\.(?:0|[1-9][0-9]{0,8})\\.(?:0|[1-9][0-9]{0,8})"
    "(?:-(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
    "(?:\\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?"
    "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$";

/* The state of one schema being written: the writer, the model, the
** language of the texts and a scratch buffer for the longer texts. */
typedef struct schema_writer {
    vep_jsonw w;
    const vep_model *m;
    const char *lang;
    vep_buf tmp;
} schema_writer;

/* Writes "key": text when the model has that text (items always do). */
static void text_member(schema_writer *s, const char *key, const vep_text *t)
{
    const char *v = vep__text_get(t, s->lang);
    if (v[0] != '\0')
        vep__jw_kstring(&s->w, key, v);
}

/* Writes the scratch buffer as "key": ..., then empties it; a failed
** buffer fails the output, so that nothing truncated is returned. */
static void tmp_member(schema_writer *s, const char *key)
{
    if (s->tmp.failed)
        s->w.b->failed = 1;
    vep__jw_kstring(&s->w, key, vep__buf_str(&s->tmp));
    vep__buf_reset(&s->tmp);
}

/* "type": "T" or, for a member that may be left out, ["T", "null"]. */
static void type_member(schema_writer *s, const char *type, int nullable)
{
    vep__jw_key(&s->w, "type");
    if (!nullable) {
        vep__jw_string(&s->w, type);
        return;
    }
    vep__jw_array(&s->w);
    vep__jw_string(&s->w, type);
    vep__jw_string(&s->w, "null");
    vep__jw_array_end(&s->w);
}

/* An optional string member: {"type": ["string", "null"]}. */
static void optional_string(schema_writer *s, const char *key)
{
    vep__jw_key(&s->w, key);
    vep__jw_object(&s->w);
    type_member(s, "string", 1);
    vep__jw_object_end(&s->w);
}

/* "enum": the option codes (null added for an optional member). */
static void codes_enum(schema_writer *s, const vep_option *o, size_t n,
                       int nullable)
{
    size_t i;
    vep__jw_key(&s->w, "enum");
    vep__jw_array(&s->w);
    for (i = 0; i < n; i++)
        vep__jw_string(&s->w, o[i].code);
    if (nullable)
        vep__jw_null(&s->w);
    vep__jw_array_end(&s->w);
}

/* The members of a date string: its form, and the pattern that holds
** exactly for the real dates. */
static void date_members(schema_writer *s)
{
    vep__jw_kstring(&s->w, "format", "date");
    vep__jw_kstring(&s->w, "pattern", date_pattern);
}

/* "required": the names given, in order. */
static void required_list(schema_writer *s, const char *const *names,
                          size_t n)
{
    size_t i;
    vep__jw_key(&s->w, "required");
    vep__jw_array(&s->w);
    for (i = 0; i < n; i++)
        vep__jw_string(&s->w, names[i]);
    vep__jw_array_end(&s->w);
}

/* ---- Answers --------------------------------------------------------- */

/* The type and bounds of a count or number item.  An infinite bound that
** excludes nothing is left out; one that excludes every number (min =
** +inf, max = -inf) leaves null as the only value, as the engine refuses
** every number then. */
static void number_members(schema_writer *s, const vep_item *it)
{
    int integral = it->integer || it->type == VEP_ITEM_COUNT;
    if ((it->has_min && isinf(it->min) && it->min > 0)
        || (it->has_max && isinf(it->max) && it->max < 0)) {
        vep__jw_kstring(&s->w, "$comment", "no number lies within the "
                        "item's declared range");
        vep__jw_kstring(&s->w, "type", "null");
        return;
    }
    type_member(s, integral ? "integer" : "number", 1);
    if (it->has_min && isfinite(it->min))
        vep__jw_knumber(&s->w, "minimum", it->min, -1);
    if (it->has_max && isfinite(it->max))
        vep__jw_knumber(&s->w, "maximum", it->max, -1);
}

/* The schema of an answer's "value" (which may be null: not given). */
static void value_schema(schema_writer *s, const vep_item *it)
{
    const vep_option *o;
    size_t n = 0;

    vep__jw_key(&s->w, "value");
    vep__jw_object(&s->w);
    switch (it->type) {
    case VEP_ITEM_PRESENCE:
    case VEP_ITEM_SCALE:
    case VEP_ITEM_CHOICE:
        o = vep__item_options(s->m, it, &n);
        codes_enum(s, o, o ? n : 0, 1);
        break;
    case VEP_ITEM_MULTI:
        o = vep__item_options(s->m, it, &n);
        type_member(s, "array", 1);
        vep__jw_key(&s->w, "items");
        vep__jw_object(&s->w);
        codes_enum(s, o, o ? n : 0, 0);
        vep__jw_object_end(&s->w);
        vep__jw_kbool(&s->w, "uniqueItems", 1);
        break;
    case VEP_ITEM_COUNT:
    case VEP_ITEM_NUMBER:
        number_members(s, it);
        break;
    case VEP_ITEM_DATE:
        type_member(s, "string", 1);
        date_members(s);
        break;
    case VEP_ITEM_TEXT:
        type_member(s, "string", 1);
        if (it->max_length > 0)
            vep__jw_kint(&s->w, "maxLength", (long long)it->max_length);
        break;
    }
    vep__jw_object_end(&s->w);
}

/* "status": the missing-data states the item may take.  A conditional
** item may take either, as the engine accepts any state from an item
** that is not relevant. */
static void status_schema(schema_writer *s, const vep_item *it)
{
    int conditional = it->when != NULL;
    vep__jw_key(&s->w, "status");
    vep__jw_object(&s->w);
    vep__jw_key(&s->w, "enum");
    vep__jw_array(&s->w);
    if (it->allow_unknown || conditional)
        vep__jw_string(&s->w, "unknown");
    if (it->allow_na || conditional)
        vep__jw_string(&s->w, "not_applicable");
    vep__jw_null(&s->w);
    vep__jw_array_end(&s->w);
    vep__jw_object_end(&s->w);
}

/* "evidence": {"for": [...], "against": [...]}, both optional. */
static void evidence_schema(schema_writer *s)
{
    static const char *const lists[] = { "for", "against" };
    size_t i;

    vep__jw_key(&s->w, "evidence");
    vep__jw_object(&s->w);
    type_member(s, "object", 1);
    vep__jw_key(&s->w, "properties");
    vep__jw_object(&s->w);
    for (i = 0; i < 2; i++) {
        vep__jw_key(&s->w, lists[i]);
        vep__jw_object(&s->w);
        type_member(s, "array", 1);
        vep__jw_key(&s->w, "items");
        vep__jw_object(&s->w);
        vep__jw_kstring(&s->w, "type", "string");
        vep__jw_object_end(&s->w);
        vep__jw_object_end(&s->w);
    }
    vep__jw_object_end(&s->w);
    vep__jw_kbool(&s->w, "additionalProperties", 0);
    vep__jw_object_end(&s->w);
}

/* "oneOf": the answer gives a value or a status, not both and not
** neither (a member that is null counts as not given). */
static void value_or_status(schema_writer *s)
{
    static const char *const members[] = { "value", "status" };
    size_t i;

    vep__jw_key(&s->w, "oneOf");
    vep__jw_array(&s->w);
    for (i = 0; i < 2; i++) {
        vep__jw_object(&s->w);
        required_list(s, &members[i], 1);
        vep__jw_key(&s->w, "properties");
        vep__jw_object(&s->w);
        vep__jw_key(&s->w, members[i]);
        vep__jw_object(&s->w);
        vep__jw_key(&s->w, "not");
        vep__jw_object(&s->w);
        vep__jw_kstring(&s->w, "type", "null");
        vep__jw_object_end(&s->w);
        vep__jw_object_end(&s->w);
        vep__jw_object_end(&s->w);
        vep__jw_object_end(&s->w);
    }
    vep__jw_array_end(&s->w);
}

/* The schema of one answer object: {"value" | "status", "reason",
** "evidence"}, titled with the item's text. */
static void answer_schema(schema_writer *s, const vep_item *it)
{
    vep__jw_key(&s->w, it->id);
    vep__jw_object(&s->w);
    text_member(s, "title", &it->text);
    text_member(s, "description", &it->guidance);
    if (it->when != NULL) {
        vep__buf_adds(&s->tmp, "Relevant only when: ");
        vep__cond_notation(&s->tmp, it->when);
        vep__buf_adds(&s->tmp, ". A JSON Schema cannot express this "
                      "condition: the engine refuses a value when it does "
                      "not hold");
        if (it->required)
            vep__buf_adds(&s->tmp, " and requires an answer when it holds");
        vep__buf_adds(&s->tmp, ", and accepts either missing-data state "
                      "from an item that is not relevant. Here the item is "
                      "optional");
        if (!it->allow_unknown || !it->allow_na)
            vep__buf_printf(&s->tmp, " and may be %s although the item "
                            "does not allow it when relevant",
                            !it->allow_unknown && !it->allow_na
                                ? "unknown or not applicable"
                                : !it->allow_unknown ? "unknown"
                                                     : "not applicable");
        vep__buf_addc(&s->tmp, '.');
        tmp_member(s, "$comment");
    }
    vep__jw_kstring(&s->w, "type", "object");
    vep__jw_key(&s->w, "properties");
    vep__jw_object(&s->w);
    value_schema(s, it);
    status_schema(s, it);
    optional_string(s, "reason");
    evidence_schema(s);
    vep__jw_object_end(&s->w);
    vep__jw_kbool(&s->w, "additionalProperties", 0);
    value_or_status(s);
    vep__jw_object_end(&s->w);
}

/* "answers": one member per item; the required items that have no
** condition must be there. */
static void answers_schema(schema_writer *s)
{
    const vep_model *m = s->m;
    size_t i;

    vep__jw_key(&s->w, "answers");
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "description", "One answer per item, keyed by "
                    "the item's id: {\"value\": ...} or {\"status\": "
                    "\"unknown\" | \"not_applicable\"}, with an optional "
                    "\"reason\" and \"evidence\".");
    if (m->max_unknown >= 0) {
        vep__buf_printf(&s->tmp, "At most %d items may be unknown (a "
                        "required item left out counts as unknown); a JSON "
                        "Schema cannot count them.", m->max_unknown);
        tmp_member(s, "$comment");
    }
    vep__jw_kstring(&s->w, "type", "object");
    vep__jw_key(&s->w, "properties");
    vep__jw_object(&s->w);
    for (i = 0; i < m->nitems; i++)
        answer_schema(s, &m->items[i]);
    vep__jw_object_end(&s->w);
    vep__jw_key(&s->w, "required");
    vep__jw_array(&s->w);
    for (i = 0; i < m->nitems; i++)
        if (m->items[i].required && m->items[i].when == NULL)
            vep__jw_string(&s->w, m->items[i].id);
    vep__jw_array_end(&s->w);
    vep__jw_kbool(&s->w, "additionalProperties", 0);
    vep__jw_object_end(&s->w);
}

/* ---- The other members ----------------------------------------------- */

/* "instrument": this instrument's id and a version of the same major. */
static void instrument_schema(schema_writer *s)
{
    static const char *const names[] = { "id", "version" };
    const vep_model *m = s->m;

    vep__jw_key(&s->w, "instrument");
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "description", "The instrument the assessment "
                    "is for: its id, and a semantic version with the same "
                    "major number.");
    vep__jw_kstring(&s->w, "type", "object");
    vep__jw_key(&s->w, "properties");
    vep__jw_object(&s->w);
    vep__jw_key(&s->w, "id");
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "const", m->id ? m->id : "");
    vep__jw_object_end(&s->w);
    vep__jw_key(&s->w, "version");
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "type", "string");
    vep__buf_printf(&s->tmp, "^%d%s", m->major, version_rest);
    tmp_member(s, "pattern");
    vep__jw_object_end(&s->w);
    vep__jw_object_end(&s->w);
    required_list(s, names, 2);
    vep__jw_kbool(&s->w, "additionalProperties", 0);
    vep__jw_object_end(&s->w);
}

/* "subject": {"id"} and "assessor": {"id", "role"}; ids are not empty. */
static void person_schema(schema_writer *s, const char *key,
                          const char *description, int with_role)
{
    static const char *const names[] = { "id" };

    vep__jw_key(&s->w, key);
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "description", description);
    vep__jw_kstring(&s->w, "type", "object");
    vep__jw_key(&s->w, "properties");
    vep__jw_object(&s->w);
    vep__jw_key(&s->w, "id");
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "type", "string");
    vep__jw_kint(&s->w, "minLength", 1);
    vep__jw_object_end(&s->w);
    if (with_role)
        optional_string(s, "role");
    vep__jw_object_end(&s->w);
    required_list(s, names, 1);
    vep__jw_kbool(&s->w, "additionalProperties", 0);
    vep__jw_object_end(&s->w);
}

/* The levels a final judgement may take, as assessment.c allows them: the
** judgement's own list, else the band codes of its advisory level (each
** once), else any.  Writes "enum" or "type": "string". */
static void level_schema(schema_writer *s)
{
    const vep_judgement_def *j = &s->m->judgement;
    const vep_level_def *l = NULL;
    size_t i, k;

    vep__jw_key(&s->w, "level");
    vep__jw_object(&s->w);
    if (j->nlevels == 0 && j->advisory.index >= 0
        && (size_t)j->advisory.index < s->m->nlevels)
        l = &s->m->levels[j->advisory.index];
    if (j->nlevels == 0 && (l == NULL || l->nbands == 0)) {
        vep__jw_kstring(&s->w, "type", "string");
        vep__jw_object_end(&s->w);
        return;
    }
    vep__jw_key(&s->w, "enum");
    vep__jw_array(&s->w);
    for (i = 0; i < j->nlevels; i++)
        vep__jw_string(&s->w, j->levels[i]);
    for (i = 0; l != NULL && j->nlevels == 0 && i < l->nbands; i++) {
        for (k = 0; k < i; k++)
            if (strcmp(l->bands[k].level, l->bands[i].level) == 0)
                break;
        if (k == i)
            vep__jw_string(&s->w, l->bands[i].level);
    }
    vep__jw_array_end(&s->w);
    vep__jw_object_end(&s->w);
}

/* "judgement": the professional's final judgement; required when the
** instrument says so, with a rationale when its policy is "always". */
static void judgement_schema(schema_writer *s)
{
    static const char *const with_rationale[] = { "level", "rationale" };
    const vep_model *m = s->m;
    const vep_judgement_def *j = &m->judgement;
    size_t i;

    vep__jw_key(&s->w, "judgement");
    vep__jw_object(&s->w);
    vep__buf_adds(&s->tmp, "The professional's final judgement");
    if (j->outcome)
        vep__buf_printf(&s->tmp, " (%s)", j->outcome);
    vep__buf_adds(&s->tmp, ": the level, the rationale, the decisive "
                  "items, the confidence, the subject's own view and the "
                  "approver.");
    tmp_member(s, "description");
    if (j->rationale == VEP_RATIONALE_WHEN_DIFFERENT
        && j->advisory.index >= 0) {
        vep__buf_printf(&s->tmp, "A rationale is required when the level "
                        "differs from the advisory level '%s'; that is "
                        "known only after scoring, so this schema cannot "
                        "require it.", j->advisory.id ? j->advisory.id : "");
        tmp_member(s, "$comment");
    }
    type_member(s, "object", !j->required);
    vep__jw_key(&s->w, "properties");
    vep__jw_object(&s->w);
    level_schema(s);
    vep__jw_key(&s->w, "rationale");
    vep__jw_object(&s->w);
    if (j->rationale == VEP_RATIONALE_ALWAYS) {
        vep__jw_kstring(&s->w, "type", "string");
        vep__jw_kstring(&s->w, "pattern", "[^ \t\n\r]");
    } else {
        type_member(s, "string", 1);
    }
    vep__jw_object_end(&s->w);
    vep__jw_key(&s->w, "decisive_items");
    vep__jw_object(&s->w);
    type_member(s, "array", 1);
    vep__jw_key(&s->w, "items");
    vep__jw_object(&s->w);
    vep__jw_key(&s->w, "enum");
    vep__jw_array(&s->w);
    for (i = 0; i < m->nitems; i++)
        vep__jw_string(&s->w, m->items[i].id);
    vep__jw_array_end(&s->w);
    vep__jw_object_end(&s->w);
    vep__jw_object_end(&s->w);
    optional_string(s, "confidence");
    optional_string(s, "subject_view");
    optional_string(s, "approver");
    vep__jw_object_end(&s->w);
    required_list(s, with_rationale,
                  j->rationale == VEP_RATIONALE_ALWAYS ? 2 : 1);
    vep__jw_kbool(&s->w, "additionalProperties", 0);
    vep__jw_object_end(&s->w);
}

/* The comment at the top: which instrument, and what the schema leaves to
** the engine. */
static void top_comment(schema_writer *s)
{
    const vep_model *m = s->m;
    vep_buf *b = &s->tmp;

    vep__buf_printf(b, "Assessment documents of instrument %s version %s "
                    "(sources sha256 %s), written by libvep %s. ",
                    m->id ? m->id : "", m->version ? m->version : "",
                    m->sha256, vep_version_string());
    vep__buf_adds(b, "A document the engine accepts is valid under this "
                  "schema; the engine also checks what a JSON Schema "
                  "cannot: ");
    if (m->max_unknown >= 0)
        vep__buf_printf(b, "at most %d unknown answers in all; ",
                        m->max_unknown);
    vep__buf_adds(b, "the conditions of conditional items (see their "
                  "$comment); ");
    if (m->judgement.rationale == VEP_RATIONALE_WHEN_DIFFERENT
        && m->judgement.advisory.index >= 0)
        vep__buf_adds(b, "a rationale when the final level differs from "
                      "the advisory one; ");
    vep__buf_adds(b, "and the JSON text itself (valid UTF-8, no duplicate "
                  "keys, no \\u0000 escape, numbers a double can hold, "
                  "nesting within cJSON's limit). A member that is null "
                  "counts as not given.");
    tmp_member(s, "$comment");
}

/* See the top of the file. */
static vep_status write_schema(schema_writer *s)
{
    static const char *const required[] = { "instrument", "subject",
        "assessor", "date", "answers", "judgement" };
    const vep_model *m = s->m;

    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "$schema",
                    "https://json-schema.org/draft/2020-12/schema");
    top_comment(s);
    text_member(s, "title", &m->title);
    text_member(s, "description", &m->description);
    vep__jw_kstring(&s->w, "type", "object");
    vep__jw_key(&s->w, "properties");
    vep__jw_object(&s->w);
    instrument_schema(s);
    person_schema(s, "subject", "The person assessed (a pseudonymous id).",
                  0);
    person_schema(s, "assessor", "The assessor: an id and, optionally, a "
                  "role.", 1);
    vep__jw_key(&s->w, "date");
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "description", "The day of the assessment, "
                    "YYYY-MM-DD (a real calendar date).");
    vep__jw_kstring(&s->w, "type", "string");
    date_members(s);
    vep__jw_object_end(&s->w);
    answers_schema(s);
    judgement_schema(s);
    vep__jw_key(&s->w, "meta");
    vep__jw_object(&s->w);
    vep__jw_kstring(&s->w, "description", "Free for the host's own use; "
                    "the engine does not read it.");
    vep__jw_object_end(&s->w);
    vep__jw_object_end(&s->w);
    required_list(s, required, m->judgement.required ? 6 : 5);
    vep__jw_kbool(&s->w, "additionalProperties", 0);
    vep__jw_object_end(&s->w);
    vep__buf_addc(s->w.b, '\n');
    if (s->tmp.failed)
        s->w.b->failed = 1;
    return s->w.b->failed ? VEP_ERR_NOMEM : VEP_OK;
}

VEP_API vep_status vep_instrument_schema(char **out,
                                         const vep_instrument *instrument)
{
    schema_writer s;
    vep_engine *e;
    vep_buf b;
    vep_status st;

    if (out)
        *out = NULL;
    if (instrument == NULL || out == NULL)
        return VEP_ERR_ARGUMENT;
    e = instrument->engine;
    vep__engine_begin(e);
    memset(&s, 0, sizeof s);
    s.m = &instrument->model;
    s.lang = s.m->nlanguages ? s.m->languages[0] : NULL;
    vep__buf_init(&b, &e->alloc);
    vep__buf_init(&s.tmp, &e->alloc);
    vep__jw_init(&s.w, &b, 1);
    st = write_schema(&s);
    if (st == VEP_OK)
        st = vep__export_buf(e, &b, out);
    else
        vep__engine_fail(e, st, "out of memory writing the schema of '%s'",
                         s.m->id ? s.m->id : "");
    vep__buf_free(&s.tmp);
    vep__buf_free(&b);
    return st;
}
