/*
** test_schema.c -- vep_instrument_schema: the JSON Schema of the
** assessment document of a small inline instrument with one item of every
** type, member by member (codes, ranges, lengths, required items,
** missing-data states, conditional items, the judgement's levels);
** byte-stable output; argument checks; out of memory at every allocation.
**
** Whether the schema accepts what the engine accepts is checked by the
** conformance test (tests/schema/check-schemas.py) with a JSON Schema
** validator.
*/
#include "api_fixture.h"

#define RNA "instruments/rna/vep-rna.lua"

/* Every item type; the first language is sr-Latn, so titles come in it. */
static const char all_types[] =
    "instrument { id = \"t.all\", version = \"2.3.1-rc.1\", "
    "  languages = { \"sr-Latn\", \"en\" }, "
    "  title = { en = \"All types\", [\"sr-Latn\"] = \"Svi tipovi\" }, "
    "  description = { en = \"One item of each type\" } }\n"
    "scale \"lmh\" { title = { en = \"L/M/H\" },\n"
    "  { code = \"low\", value = 0 }, { code = \"moderate\", value = 1 },\n"
    "  { code = \"high\", value = 2 } }\n"
    "domain \"d\" { kind = \"risk\", title = { en = \"D\" } }\n"
    "item \"P1\" { type = \"presence\", domains = { \"d\" }, required = true,"
    "  unknown = false,"
    "  text = { en = \"Present?\", [\"sr-Latn\"] = \"Prisutno?\" },"
    "  guidance = { en = \"Look\", [\"sr-Latn\"] = \"Pogledaj\" } }\n"
    "item \"S1\" { type = \"scale\", scale = \"lmh\", domains = { \"d\" },"
    "  required = true, not_applicable = false, text = { en = \"Scale\" } }\n"
    "item \"C1\" { type = \"choice\", options = { { code = \"a\", value = 1 },"
    "  { code = \"b\" } }, text = { en = \"Choice\" } }\n"
    "item \"M1\" { type = \"multi\", options = { { code = \"x\" }, { code = \"y\" },"
    "  { code = \"z\" } }, text = { en = \"Multi\" } }\n"
    "item \"N1\" { type = \"count\", max = 10, text = { en = \"Count\" } }\n"
    "item \"N2\" { type = \"number\", min = -1.5, max = 2.25, text = { en = \"Number\" } }\n"
    "item \"N3\" { type = \"number\", min = 1, integer = true, text = { en = \"Whole\" } }\n"
    "item \"D1\" { type = \"date\", text = { en = \"Date\" } }\n"
    "item \"T1\" { type = \"text\", max_length = 5, text = { en = \"Text\" } }\n"
    "item \"T2\" { type = \"text\", required = true, unknown = false,"
    "  when = { any = { { item = \"P1\", is = \"present\" }, { item = \"N1\", at_least = 2.5 } } },"
    "  text = { en = \"Details\" } }\n"
    "judgement { outcome = \"risk\", levels = { \"low\", \"high\" }, required = true,"
    "  rationale = \"always\" }\n";

/* An optional judgement with no list of its own: its levels are the bands
** of its advisory level; an instrument-wide limit on unknowns. */
static const char banded[] =
    "instrument { id = \"t-bands\", version = \"1.0.0\", languages = { \"en\" },"
    "  title = \"Bands\", max_unknown = 2 }\n"
    "domain \"d\" { kind = \"risk\", title = \"D\" }\n"
    "item \"A\" { type = \"count\", domains = { \"d\" }, required = true, text = \"A\" }\n"
    "score \"total\" { rule = \"sum\", domain = \"d\" }\n"
    "level \"band\" { of = \"total\", bands = {\n"
    "  { level = \"low\", min = 0, max = 1 }, { level = \"moderate\", min = 2, max = 5 },\n"
    "  { level = \"high\", min = 6, max = math.huge } } }\n"
    "judgement { advisory = \"band\", required = false }\n";

/* The schema of `src` (which must load), parsed. */
static cJSON *schema_of(vep_engine *e, const char *src, char **text)
{
    vep_instrument *ins = fx_load_ok(e, src);
    char *out = NULL;
    cJSON *doc;
    vep_status st = vep_instrument_schema(&out, ins);
    if (st != VEP_OK) {
        fx_dump(e);
        fail_msg("vep_instrument_schema: %s", vep_status_name(st));
    }
    assert_non_null(out);
    doc = cJSON_Parse(out);
    if (doc == NULL)
        fail_msg("the schema is not JSON:\n%s", out);
    if (text)
        *text = strdup(out);
    vep_free(out);
    vep_instrument_free(ins);
    return doc;
}

/* Follows a path of object keys ("properties/answers/..."), which must
** exist. */
static const cJSON *at(const cJSON *o, const char *path)
{
    char key[128];
    const char *p = path, *slash;
    while (*p) {
        slash = strchr(p, '/');
        snprintf(key, sizeof key, "%.*s",
                 (int)(slash ? (size_t)(slash - p) : strlen(p)), p);
        o = cJSON_GetObjectItemCaseSensitive(o, key);
        if (o == NULL)
            fail_msg("no member '%s' (path %s)", key, path);
        p = slash ? slash + 1 : p + strlen(p);
    }
    return o;
}

/* Asserts that `v`, written compactly by cJSON, is `want`. */
static void assert_json(const cJSON *v, const char *want)
{
    char *got = cJSON_PrintUnformatted(v);
    assert_non_null(got);
    if (strcmp(got, want) != 0)
        fail_msg("got %s, want %s", got, want);
    cJSON_free(got);
}

/* The answer schema of item `id`. */
static const cJSON *answer(const cJSON *doc, const char *id)
{
    char path[160];
    snprintf(path, sizeof path, "properties/answers/properties/%s", id);
    return at(doc, path);
}

static void test_document_members(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_ok(e, all_types);
    cJSON *doc = schema_of(e, all_types, NULL);
    const cJSON *p;
    (void)state;

    assert_string_equal(fx_jstr(doc, "$schema"),
                        "https://json-schema.org/draft/2020-12/schema");
    assert_null(cJSON_GetObjectItemCaseSensitive(doc, "$id"));
    fx_assert_contains(fx_jstr(doc, "$comment"),
                       "instrument t.all version 2.3.1-rc.1");
    fx_assert_contains(fx_jstr(doc, "$comment"), vep_instrument_sha256(ins));
    assert_string_equal(fx_jstr(doc, "title"), "Svi tipovi");
    assert_string_equal(fx_jstr(doc, "description"), "One item of each type");
    assert_string_equal(fx_jstr(doc, "type"), "object");
    assert_json(at(doc, "required"),
                "[\"instrument\",\"subject\",\"assessor\",\"date\",\"answers\",\"judgement\"]");
    assert_true(cJSON_IsFalse(at(doc, "additionalProperties")));
    p = at(doc, "properties");
    assert_int_equal(cJSON_GetArraySize(p), 7);
    assert_non_null(at(p, "meta"));

    /* instrument: this id, the same major version */
    assert_string_equal(fx_jstr(at(p, "instrument/properties/id"), "const"), "t.all");
    fx_assert_contains(fx_jstr(at(p, "instrument/properties/version"), "pattern"),
                       "^2\\.(?:0|[1-9][0-9]{0,8})\\.");
    assert_json(at(p, "instrument/required"), "[\"id\",\"version\"]");
    assert_true(cJSON_IsFalse(at(p, "instrument/additionalProperties")));
    /* people: non-empty ids, an optional role */
    assert_true(fx_jnum(at(p, "subject/properties/id"), "minLength") == 1);
    assert_json(at(p, "subject/required"), "[\"id\"]");
    assert_true(cJSON_IsFalse(at(p, "subject/additionalProperties")));
    assert_json(at(p, "assessor/properties/role/type"), "[\"string\",\"null\"]");
    assert_true(cJSON_IsFalse(at(p, "assessor/additionalProperties")));
    assert_string_equal(fx_jstr(at(p, "date"), "format"), "date");
    assert_string_equal(fx_jstr(at(p, "date"), "type"), "string");
    /* answers: the required items without a condition */
    assert_json(at(p, "answers/required"), "[\"P1\",\"S1\"]");
    assert_true(cJSON_IsFalse(at(p, "answers/additionalProperties")));
    assert_int_equal(cJSON_GetArraySize(at(p, "answers/properties")), 10);
    assert_null(cJSON_GetObjectItemCaseSensitive(at(p, "answers"), "$comment"));
    vep_instrument_free(ins);
    cJSON_Delete(doc);
    vep_engine_free(e);
}

static void test_item_values(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    cJSON *doc = schema_of(e, all_types, NULL);
    const cJSON *a;
    (void)state;

    a = answer(doc, "P1");
    assert_string_equal(fx_jstr(a, "title"), "Prisutno?");
    assert_string_equal(fx_jstr(a, "description"), "Pogledaj");
    assert_string_equal(fx_jstr(a, "type"), "object");
    assert_true(cJSON_IsFalse(at(a, "additionalProperties")));
    assert_json(at(a, "properties/value/enum"), "[\"absent\",\"present\",null]");
    assert_json(at(a, "properties/status/enum"), "[\"not_applicable\",null]");
    assert_json(at(a, "properties/reason/type"), "[\"string\",\"null\"]");
    assert_json(at(a, "properties/evidence/properties/for/items"), "{\"type\":\"string\"}");
    assert_true(cJSON_IsFalse(at(a, "properties/evidence/additionalProperties")));
    assert_json(at(a, "oneOf"),
                "[{\"required\":[\"value\"],\"properties\":{\"value\":{\"not\":{\"type\":\"null\"}}}},"
                "{\"required\":[\"status\"],\"properties\":{\"status\":{\"not\":{\"type\":\"null\"}}}}]");

    a = answer(doc, "S1");
    assert_string_equal(fx_jstr(a, "title"), "Scale");  /* no sr-Latn text */
    assert_json(at(a, "properties/value"), "{\"enum\":[\"low\",\"moderate\",\"high\",null]}");
    assert_json(at(a, "properties/status/enum"), "[\"unknown\",null]");
    assert_json(at(answer(doc, "C1"), "properties/value"), "{\"enum\":[\"a\",\"b\",null]}");
    assert_json(at(answer(doc, "C1"), "properties/status/enum"),
                "[\"unknown\",\"not_applicable\",null]");
    assert_json(at(answer(doc, "M1"), "properties/value"),
                "{\"type\":[\"array\",\"null\"],\"items\":{\"enum\":[\"x\",\"y\",\"z\"]},"
                "\"uniqueItems\":true}");
    assert_json(at(answer(doc, "N1"), "properties/value"),
                "{\"type\":[\"integer\",\"null\"],\"minimum\":0,\"maximum\":10}");
    assert_json(at(answer(doc, "N2"), "properties/value"),
                "{\"type\":[\"number\",\"null\"],\"minimum\":-1.5,\"maximum\":2.25}");
    assert_json(at(answer(doc, "N3"), "properties/value"),
                "{\"type\":[\"integer\",\"null\"],\"minimum\":1}");
    a = at(answer(doc, "D1"), "properties/value");
    assert_json(at(a, "type"), "[\"string\",\"null\"]");
    assert_string_equal(fx_jstr(a, "format"), "date");
    assert_string_equal(fx_jstr(a, "pattern"), fx_jstr(at(doc, "properties/date"), "pattern"));
    assert_json(at(answer(doc, "T1"), "properties/value"),
                "{\"type\":[\"string\",\"null\"],\"maxLength\":5}");

    /* a conditional item: not required, either state, said in $comment */
    a = answer(doc, "T2");
    assert_json(at(a, "properties/value"), "{\"type\":[\"string\",\"null\"]}");
    assert_json(at(a, "properties/status/enum"), "[\"unknown\",\"not_applicable\",null]");
    fx_assert_contains(fx_jstr(a, "$comment"),
                       "Relevant only when: any of (P1 is present; N1 at least 2.5)");
    fx_assert_contains(fx_jstr(a, "$comment"), "requires an answer when it holds");
    fx_assert_contains(fx_jstr(a, "$comment"), "may be unknown although");
    assert_null(cJSON_GetObjectItemCaseSensitive(answer(doc, "P1"), "$comment"));
    cJSON_Delete(doc);
    vep_engine_free(e);
}

static void test_judgement(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    cJSON *doc = schema_of(e, all_types, NULL);
    const cJSON *j = at(doc, "properties/judgement");
    (void)state;

    /* required, its own list, a rationale always */
    assert_string_equal(fx_jstr(j, "type"), "object");
    assert_json(at(j, "properties/level"), "{\"enum\":[\"low\",\"high\"]}");
    assert_json(at(j, "properties/rationale"), "{\"type\":\"string\",\"pattern\":\"[^ \\t\\n\\r]\"}");
    assert_json(at(j, "required"), "[\"level\",\"rationale\"]");
    assert_json(at(j, "properties/decisive_items/items/enum"),
                "[\"P1\",\"S1\",\"C1\",\"M1\",\"N1\",\"N2\",\"N3\",\"D1\",\"T1\",\"T2\"]");
    assert_true(cJSON_IsFalse(at(j, "additionalProperties")));
    assert_int_equal(cJSON_GetArraySize(at(j, "properties")), 6);
    fx_assert_contains(fx_jstr(j, "description"), "(risk)");
    assert_null(cJSON_GetObjectItemCaseSensitive(j, "$comment"));
    cJSON_Delete(doc);

    /* optional, the advisory level's codes, rationale after scoring */
    doc = schema_of(e, banded, NULL);
    j = at(doc, "properties/judgement");
    assert_json(at(j, "type"), "[\"object\",\"null\"]");
    assert_json(at(j, "properties/level"), "{\"enum\":[\"low\",\"moderate\",\"high\"]}");
    assert_json(at(j, "properties/rationale"), "{\"type\":[\"string\",\"null\"]}");
    assert_json(at(j, "required"), "[\"level\"]");
    fx_assert_contains(fx_jstr(j, "$comment"), "advisory level 'band'");
    assert_json(at(doc, "required"),
                "[\"instrument\",\"subject\",\"assessor\",\"date\",\"answers\"]");
    fx_assert_contains(fx_jstr(at(doc, "properties/answers"), "$comment"),
                       "At most 2 items may be unknown");
    fx_assert_contains(fx_jstr(doc, "$comment"), "at most 2 unknown answers");
    fx_assert_contains(fx_jstr(at(doc, "properties/instrument/properties/version"), "pattern"),
                       "^1\\.");
    cJSON_Delete(doc);

    /* no judgement declared: any level */
    doc = schema_of(e, FX_HEAD "item \"A\" { type = \"text\", text = \"A\" }\n", NULL);
    assert_json(at(doc, "properties/judgement/properties/level"), "{\"type\":\"string\"}");
    assert_json(at(doc, "properties/answers/required"), "[]");
    cJSON_Delete(doc);
    vep_engine_free(e);
}

/* The same bytes from two calls and from two loads; a bundled instrument. */
static void test_deterministic(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_ok(e, all_types), *rna;
    char *a = NULL, *b = NULL, *c = NULL;
    cJSON *doc;
    (void)state;

    assert_int_equal(vep_instrument_schema(&a, ins), VEP_OK);
    assert_int_equal(vep_instrument_schema(&b, ins), VEP_OK);
    assert_string_equal(a, b);
    cJSON_Delete(schema_of(e, all_types, &c));
    assert_string_equal(a, c);
    assert_true(a[strlen(a) - 1] == '\n');
    vep_free(a);
    vep_free(b);
    free(c);

    rna = fx_load_file(e, RNA);
    assert_int_equal(vep_instrument_schema(&a, rna), VEP_OK);
    doc = cJSON_Parse(a);
    assert_non_null(doc);
    assert_int_equal(cJSON_GetArraySize(at(doc, "properties/answers/properties")), 36);
    assert_int_equal(cJSON_GetArraySize(at(doc, "properties/answers/required")), 36);
    assert_json(at(answer(doc, "B01"), "properties/value/enum"), "[\"low\",\"moderate\",\"high\",null]");
    assert_json(at(answer(doc, "A01"), "properties/value/enum"), "[\"absent\",\"present\",null]");
    assert_json(at(doc, "properties/judgement/required"), "[\"level\",\"rationale\"]");
    cJSON_Delete(doc);
    vep_free(a);
    vep_instrument_free(rna);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* SET(p): p points at itself, so that a call must set it to NULL. */
#define SET(p) ((p) = (void *)&(p))

static void test_arguments(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_ok(e, all_types);
    char *s;
    (void)state;

    assert_int_equal(vep_instrument_schema(NULL, ins), VEP_ERR_ARGUMENT);
    SET(s);
    assert_int_equal(vep_instrument_schema(&s, NULL), VEP_ERR_ARGUMENT);
    assert_null(s);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static vep_status run_schema(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_instrument_schema(&op->out, op->ins);
}

/* Failing allocation N (once, or from N on) gives VEP_ERR_NOMEM with a
** message and no leak; the output is unchanged when a failure is
** absorbed. */
static void test_oom(void **state)
{
    int persistent;
    (void)state;
    for (persistent = 0; persistent < 2; persistent++) {
        fx_oom_op *op = fx_oom_new(NULL);
        op->ins = fx_load_ok(op->e, all_types);
        fx_clear(op->e);
        op->ok = VEP_OK;
        op->run = run_schema;
        op->finish = fx_finish_out;
        fx_oom_loop(op, "the schema of an inline instrument", persistent);
        fx_oom_free(op);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_document_members),
        cmocka_unit_test(test_item_values),
        cmocka_unit_test(test_judgement),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_oom),
    };
    fx_run(tests);
}
