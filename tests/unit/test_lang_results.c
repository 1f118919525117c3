/*
** test_lang_results.c -- languages through the public API: the result of
** an assessment is the same bytes in every display language and the plan
** differs only in its texts; an instrument written in Serbian Latin is
** described in Cyrillic (and says so); the scripts' `fallbacks` field,
** for instruments and plans, and its mistakes; malformed tags.
*/
#include "api_fixture.h"
#include <cjson/cJSON.h>

#define RNA "instruments/rna/vep-rna.lua"
#define PLAN "instruments/plans/vep-plan-rna.lua"
#define RNA_DOC "examples/assessments/rna-example.json"
#define CONTEXT "examples/cases/rna-example.context.json"

/* A file of the source tree, read whole (freed with free()). */
static char *slurp(const char *rel, size_t *len)
{
    char *s = fx_read(fx_path(rel), len);
    assert_non_null(s);
    return s;
}

/* Loads the plan at `path` (absolute), which must load. */
static vep_plan *load_plan(vep_engine *e, const char *path)
{
    vep_plan *p = NULL;
    if (vep_plan_load_file(&p, e, path) != VEP_OK) {
        fx_dump(e);
        fail_msg("cannot load the plan %s", path);
    }
    return p;
}

/* The member `key` of o, which must be there. */
static const cJSON *member(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL)
        fail_msg("no member '%s'", key);
    return v;
}

/* The chain of a "language" member as "a b c". */
static void chain_of(const cJSON *lang, char *buf, size_t size)
{
    const cJSON *t;
    size_t n = 0;
    buf[0] = '\0';
    cJSON_ArrayForEach(t, member(lang, "chain"))
        n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? " " : "",
                              t->valuestring);
}

/* The "used" entry of `tag` in a "language" member, or NULL. */
static const cJSON *used_entry(const cJSON *lang, const char *tag)
{
    const cJSON *u;
    cJSON_ArrayForEach(u, member(lang, "used"))
        if (strcmp(fx_jstr(u, "tag"), tag) == 0)
            return u;
    return NULL;
}

/* Removes every member that holds a text of the script (and the
** language report), so that what is left must not depend on the
** language: ids, agencies, priorities, dates, rules, reasons. */
static void strip_texts(cJSON *o)
{
    static const char *const texts[] = {
        "title", "goal", "intensity", "rationale", "closure", "language", NULL
    };
    cJSON *c;
    size_t i;
    if (cJSON_IsObject(o)) {
        for (i = 0; texts[i]; i++)
            cJSON_DeleteItemFromObjectCaseSensitive(o, texts[i]);
        c = cJSON_GetObjectItemCaseSensitive(o, "responsivity");
        if (cJSON_IsArray(c) && cJSON_IsString(cJSON_GetArrayItem(c, 0)))
            cJSON_DeleteItemFromObjectCaseSensitive(o, "responsivity");   /* notes */
        if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "note"))
            && cJSON_GetObjectItemCaseSensitive(o, "rules") != NULL)
            cJSON_DeleteItemFromObjectCaseSensitive(o, "note");           /* a note's text */
    }
    for (c = o ? o->child : NULL; c; c = c->next)
        strip_texts(c);
}

/* The bytes of the "result" member of an assess document. */
static char *result_bytes(const char *doc)
{
    const char *a = strstr(doc, "\n  \"result\": "), *b = strstr(doc, ",\n  \"plan\": ");
    char *s;
    assert_non_null(a);
    assert_non_null(b);
    assert_true(b > a);
    s = calloc(1, (size_t)(b - a) + 1);
    assert_non_null(s);
    memcpy(s, a, (size_t)(b - a));
    return s;
}

/* ---- Scores never depend on the language ------------------------------- */

static void test_result_and_plan_do_not_depend_on_the_language(void **state)
{
    static const char *const langs[] = { "en", "sr-Latn", "sr-Cyrl", "sr-Latn-ME", "sq", "mk", NULL };
    enum { NLANG = sizeof langs / sizeof langs[0] };
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    size_t alen, clen, i;
    char *doc = slurp(RNA_DOC, &alen), *ctx = slurp(CONTEXT, &clen);
    vep_plan *p = load_plan(e, fx_path(PLAN));
    char *result0 = NULL, *out, chain[256];
    cJSON *plan0 = NULL, *en_plan = NULL, *cyr_plan = NULL;
    (void)state;

    for (i = 0; i < NLANG; i++) {
        vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
        cJSON *both, *plan, *lang;
        char *result;
        o.language = langs[i];
        out = NULL;
        if (vep_assess(&out, ins, p, doc, alen, ctx, clen, &o) != VEP_OK) {
            fx_dump(e);
            fail_msg("assessing in '%s' failed", langs[i] ? langs[i] : "(default)");
        }
        result = result_bytes(out);
        if (result0 == NULL)
            result0 = result;
        else {
            if (strcmp(result, result0) != 0)
                fail_msg("the result in '%s' differs from the result in '%s'",
                         langs[i] ? langs[i] : "(default)", langs[0]);
            free(result);
        }
        both = cJSON_Parse(out);
        assert_non_null(both);
        plan = cJSON_DetachItemFromObjectCaseSensitive(both, "plan");
        assert_non_null(plan);
        lang = cJSON_GetObjectItemCaseSensitive(plan, "language");
        assert_string_equal(fx_jstr(lang, "requested"), langs[i] ? langs[i] : "en");
        assert_int_equal((int)fx_jnum(lang, "missing"), 0);
        if (i == 0)
            en_plan = cJSON_Duplicate(plan, 1);
        if (langs[i] && strcmp(langs[i], "sr-Cyrl") == 0) {
            cyr_plan = cJSON_Duplicate(plan, 1);
            chain_of(lang, chain, sizeof chain);
            assert_string_equal(chain, "sr-Cyrl sr sr-Latn en");
            assert_true(cJSON_IsTrue(member(used_entry(lang, "sr-Latn"), "transliterated")));
        }
        if (langs[i] && (strcmp(langs[i], "sq") == 0 || strcmp(langs[i], "mk") == 0)) {
            chain_of(lang, chain, sizeof chain);       /* the plan has neither */
            assert_string_equal(chain, strcmp(langs[i], "sq") == 0 ? "sq en" : "mk en");
            assert_null(used_entry(lang, langs[i]));
        }
        strip_texts(plan);
        if (plan0 == NULL) {
            plan0 = plan;
            assert_true(cJSON_GetArraySize(member(plan0, "interventions")) >= 2);
        } else {
            if (!cJSON_Compare(plan, plan0, 1)) {
                char *x = cJSON_Print(plan), *y = cJSON_Print(plan0);
                fail_msg("the plan in '%s' differs beyond its texts:\n%s\nvs\n%s",
                         langs[i] ? langs[i] : "(default)", x, y);
            }
            cJSON_Delete(plan);
        }
        cJSON_Delete(both);
        vep_free(out);
    }
    /* Not vacuous: the texts did change, into Cyrillic. */
    {
        const cJSON *a = cJSON_GetArrayItem(member(en_plan, "interventions"), 0);
        const cJSON *b = cJSON_GetArrayItem(member(cyr_plan, "interventions"), 0);
        assert_string_equal(fx_jstr(a, "id"), fx_jstr(b, "id"));
        assert_string_not_equal(fx_jstr(a, "title"), fx_jstr(b, "title"));
        assert_true((unsigned char)fx_jstr(b, "title")[0] == 0xD0
                    || (unsigned char)fx_jstr(b, "title")[0] == 0xD1);   /* U+0400..U+047F */
    }
    cJSON_Delete(en_plan);
    cJSON_Delete(cyr_plan);
    cJSON_Delete(plan0);
    free(result0);
    free(doc);
    free(ctx);
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* ---- Describing in the other script ------------------------------------ */

static void test_rna_described_in_cyrillic(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    char *out = NULL, chain[256];
    cJSON *doc;
    const cJSON *lang, *sr, *en, *k;
    int after = 0;
    (void)state;

    assert_int_equal(vep_instrument_describe(&out, ins, "sr-Cyrl"), VEP_OK);
    doc = cJSON_Parse(out);
    assert_non_null(doc);
    assert_string_equal(fx_jstr(doc, "title"),
                        "Процена ризика и потреба насилних екстремистичких затвореника (илустративна)");
    fx_assert_contains(fx_jstr(doc, "description"),
                       "Илустративни алат структурисане стручне процене, написан као пример;");
    lang = member(doc, "language");
    assert_string_equal(fx_jstr(lang, "requested"), "sr-Cyrl");
    chain_of(lang, chain, sizeof chain);
    assert_string_equal(chain, "sr-Cyrl sr sr-Latn en");
    sr = used_entry(lang, "sr-Latn");
    en = used_entry(lang, "en");
    assert_non_null(sr);
    assert_null(en);                  /* every text has its sr-Latn version */
    assert_true(cJSON_IsTrue(member(sr, "transliterated")));
    assert_true(fx_jnum(sr, "texts") > 10);
    assert_int_equal(cJSON_GetArraySize(member(lang, "used")), 1);
    assert_int_equal((int)fx_jnum(lang, "missing"), 0);
    /* "language" comes right after "languages". */
    cJSON_ArrayForEach(k, doc) {
        if (after) {
            assert_string_equal(k->string, "language");
            break;
        }
        after = strcmp(k->string, "languages") == 0;
    }
    assert_true(after);
    cJSON_Delete(doc);
    vep_free(out);

    /* The default: the first language, as written. */
    assert_int_equal(vep_instrument_describe(&out, ins, NULL), VEP_OK);
    doc = cJSON_Parse(out);
    lang = member(doc, "language");
    assert_string_equal(fx_jstr(lang, "requested"), "en");
    chain_of(lang, chain, sizeof chain);
    assert_string_equal(chain, "en");
    assert_int_equal(cJSON_GetArraySize(member(lang, "used")), 1);
    assert_true(cJSON_IsFalse(member(used_entry(lang, "en"), "transliterated")));
    cJSON_Delete(doc);
    vep_free(out);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

#define SR_ONLY                                                                \
    "instrument { id = \"t\", version = \"1.0.0\", languages = { \"sr-Latn\" },\n" \
    "  title = \"Procena: ljudi, njiva, džep, ĐAK\" }\n"                          \
    "item \"A\" { type = \"presence\", text = \"Džemper i LJUBAV\" }\n"           \
    "item \"B\" { type = \"presence\", text = \"Njegov čaj\", guidance = \"Ćuti.\" }\n"

static void test_latin_only_instrument_in_cyrillic(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_ok(e, SR_ONLY);
    char *out = NULL;
    cJSON *doc;
    const cJSON *lang, *items, *u;
    (void)state;

    assert_int_equal(vep_instrument_describe(&out, ins, "sr-Cyrl"), VEP_OK);
    doc = cJSON_Parse(out);
    assert_non_null(doc);
    assert_string_equal(fx_jstr(doc, "title"), "Процена: људи, њива, џеп, ЂАК");
    items = member(doc, "items");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(items, 0), "text"), "Џемпер и ЉУБАВ");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(items, 1), "text"), "Његов чај");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(items, 1), "guidance"), "Ћути.");
    assert_true(cJSON_IsNull(member(cJSON_GetArrayItem(items, 0), "guidance")));
    lang = member(doc, "language");
    assert_int_equal(cJSON_GetArraySize(member(lang, "used")), 1);
    u = cJSON_GetArrayItem(member(lang, "used"), 0);
    assert_string_equal(fx_jstr(u, "tag"), "sr-Latn");
    assert_true(cJSON_IsTrue(member(u, "transliterated")));
    assert_int_equal((int)fx_jnum(u, "texts"), 4);        /* title, 2 texts, 1 guidance */
    cJSON_Delete(doc);
    vep_free(out);

    /* sr (no script) and sr-Latn-RS read the Latin as written. */
    assert_int_equal(vep_instrument_describe(&out, ins, "sr-Latn-RS"), VEP_OK);
    doc = cJSON_Parse(out);
    assert_string_equal(fx_jstr(doc, "title"), "Procena: ljudi, njiva, džep, ĐAK");
    u = cJSON_GetArrayItem(member(member(doc, "language"), "used"), 0);
    assert_true(cJSON_IsFalse(member(u, "transliterated")));
    cJSON_Delete(doc);
    vep_free(out);

    /* A tag that is not one is an argument error that names it. */
    out = (char *)&out;
    assert_int_equal(vep_instrument_describe(&out, ins, "Serbian"), VEP_ERR_ARGUMENT);
    assert_null(out);
    fx_assert_contains(vep_engine_errmsg(e), "'Serbian'");
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* ---- The scripts' fallbacks -------------------------------------------- */

#define WITH_FALLBACKS                                                              \
    "instrument { id = \"t\", version = \"1.0.0\", languages = { \"en\", \"sr-Latn\", \"hr\" },\n" \
    "  fallbacks = { cnr = \"sr-Latn\", bs = \"hr\" },\n"                            \
    "  title = { en = \"Assessment\", [\"sr-Latn\"] = \"Procena\", hr = \"Procjena\" } }\n" \
    "item \"A\" { type = \"presence\", text = { en = \"Only English\" } }\n"

/* The title and the chain of a description in `lang`. */
static void described(vep_instrument *ins, const char *lang, const char *title,
                      const char *want_chain)
{
    char *out = NULL, chain[256];
    cJSON *doc;
    assert_int_equal(vep_instrument_describe(&out, ins, lang), VEP_OK);
    doc = cJSON_Parse(out);
    assert_non_null(doc);
    assert_string_equal(fx_jstr(doc, "title"), title);
    chain_of(member(doc, "language"), chain, sizeof chain);
    if (strcmp(chain, want_chain) != 0)
        fail_msg("chain for '%s': '%s', expected '%s'", lang, chain, want_chain);
    cJSON_Delete(doc);
    vep_free(out);
}

static void test_instrument_fallbacks(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_ok(e, WITH_FALLBACKS);
    (void)state;
    described(ins, "cnr", "Procena", "cnr sr-Latn sr sr-Cyrl en");
    described(ins, "cnr-ME", "Procena", "cnr-ME cnr sr-Latn sr sr-Cyrl en");
    described(ins, "bs", "Procjena", "bs hr en");
    described(ins, "bs-Cyrl", "Procjena", "bs-Cyrl bs hr en");
    described(ins, "sq", "Assessment", "sq en");
    described(ins, "sr-Cyrl", "Процена", "sr-Cyrl sr sr-Latn en");
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static void test_fallbacks_mistakes_are_reported(void **state)
{
    static const struct { const char *field, *rule, *words; } cases[] = {
        { "fallbacks = \"sr-Latn\"", "wrong_type", "must be a table" },
        { "fallbacks = { cnr = 5 }", "wrong_type", "map language tags" },
        { "fallbacks = { \"sr-Latn\" }", "wrong_type", "map language tags" },
        { "fallbacks = { cnr = \"Serbian\" }", "invalid_value", "'Serbian'" },
        { "fallbacks = { Cnr = \"sr-Latn\" }", "invalid_value", "'Cnr'" },
        { "fallback = { cnr = \"sr-Latn\" }", "unknown_field", "fallback" },
    };
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    char src[512];
    size_t i, k;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vep_instrument *ins = NULL;
        snprintf(src, sizeof src,
                 "instrument { id = \"t\", version = \"1.0.0\", languages = { \"en\" }, title = \"T\",\n"
                 "  %s }\nitem \"A\" { type = \"presence\", text = \"A?\" }\n", cases[i].field);
        assert_int_equal(fx_load(e, "fb.lua", src, &ins), VEP_ERR_DEFINITION);
        k = fx_expect(e, cases[i].rule, NULL);
        fx_assert_contains(vep_diag_get(e, k, VEP_DIAG_MESSAGE), cases[i].words);
        assert_int_equal(vep_diag_line(e, k), 1);
    }
    vep_engine_free(e);
}

/* A plan script takes the same field; its header reports the chain.  The
** bundled plan, with the field added, is loaded from a copy (beside its
** test module, which it requires). */
static void test_plan_fallbacks(void **state)
{
    static const char anchor[] = "  illustrative = true,\n";
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = fx_load_file(e, RNA);
    size_t alen, clen, plen, tlen;
    char *doc = slurp(RNA_DOC, &alen), *ctx = slurp(CONTEXT, &clen);
    char *psrc = slurp(PLAN, &plen), *tests = slurp("instruments/plans/vep-plan-rna-tests.lua", &tlen);
    char *with, *at, *result = NULL, *out = NULL, chain[256], dir[256];
    vep_plan *plain, *p;
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    cJSON *j;
    (void)state;

    at = strstr(psrc, anchor);
    assert_non_null(at);
    with = calloc(1, plen + 64);
    assert_non_null(with);
    memcpy(with, psrc, (size_t)(at - psrc));
    strcat(with, "  fallbacks = { cnr = \"sr-Latn\" },\n");
    strcat(with, at);
    fx_mkdtemp(dir);
    fx_write(dir, "vep-plan-rna-tests.lua", tests);
    plain = load_plan(e, fx_path(PLAN));
    p = load_plan(e, fx_write(dir, "vep-plan-rna.lua", with));
    assert_int_equal(vep_score(&result, ins, doc, alen), VEP_OK);
    o.language = "cnr";

    assert_int_equal(vep_plan_evaluate(&out, p, result, strlen(result), ctx, clen, &o), VEP_OK);
    j = cJSON_Parse(out);
    chain_of(member(j, "language"), chain, sizeof chain);
    assert_string_equal(chain, "cnr sr-Latn sr sr-Cyrl en");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(member(j, "interventions"), 0), "title"),
                        "Individualni psihološki rad");
    cJSON_Delete(j);
    vep_free(out);

    assert_int_equal(vep_plan_evaluate(&out, plain, result, strlen(result), ctx, clen, &o), VEP_OK);
    j = cJSON_Parse(out);
    chain_of(member(j, "language"), chain, sizeof chain);
    assert_string_equal(chain, "cnr en");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(member(j, "interventions"), 0), "title"),
                        "Individual psychological work");
    cJSON_Delete(j);
    vep_free(out);

    vep_free(result);
    vep_plan_free(plain);
    vep_plan_free(p);
    free(with);
    free(tests);
    free(psrc);
    free(doc);
    free(ctx);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* ---- Out of memory ------------------------------------------------------ */

static vep_status run_describe_cyrl(fx_oom_op *op)
{
    return vep_instrument_describe(&op->out, op->ins, "sr-Cyrl");
}

static void test_describe_in_cyrillic_out_of_memory(void **state)
{
    fx_oom_op *op = fx_oom_new(RNA);
    (void)state;
    op->ok = VEP_OK;
    op->run = run_describe_cyrl;
    op->finish = fx_finish_out;
    fx_oom_loop(op, "describe in sr-Cyrl", 0);
    fx_oom_free(op);
}

/* Loading an instrument with fallbacks, allocation N failing; what it
** loaded is signed by its description in cnr (through the fallback). */
static vep_status run_load_fallbacks(fx_oom_op *op)
{
    op->made = (vep_instrument *)op;
    return vep_instrument_load_buffer(&op->made, op->e, "fb.lua", op->doc, strlen(op->doc));
}

static char *finish_load_fallbacks(fx_oom_op *op)
{
    char *d = NULL, *sig;
    assert_int_equal(vep_instrument_describe(&d, op->made, "cnr"), VEP_OK);
    fx_assert_contains(d, "\"title\": \"Procena\"");
    sig = strdup(d);
    assert_non_null(sig);
    vep_free(d);
    vep_instrument_free(op->made);
    op->made = NULL;
    return sig;
}

static void test_load_fallbacks_out_of_memory(void **state)
{
    int persistent;
    (void)state;
    for (persistent = 0; persistent <= 1; persistent++) {
        fx_oom_op *op = fx_oom_new(NULL);
        op->ok = VEP_OK;
        op->doc = WITH_FALLBACKS;
        op->run = run_load_fallbacks;
        op->finish = finish_load_fallbacks;
        fx_oom_loop(op, "loading an instrument with fallbacks", persistent);
        fx_oom_free(op);
    }
}

/* A plan in Cyrillic from Latin texts, with allocation N failing: out of
** memory, nothing leaked, or the same bytes as without a failure. */
static void test_plan_in_cyrillic_out_of_memory(void **state)
{
    fx_alloc a;
    vep_engine *e;
    vep_instrument *ins;
    vep_plan *p;
    vep_plan_options o = VEP_PLAN_OPTIONS_INIT;
    size_t alen, clen;
    char *doc = slurp(RNA_DOC, &alen), *ctx = slurp(CONTEXT, &clen), *result = NULL, *want, *out;
    unsigned long n, total, step;
    vep_status st;
    (void)state;

    memset(&a, 0, sizeof a);
    e = fx_engine_with(&a, 0, 0, 0);
    ins = fx_load_file(e, RNA);
    p = load_plan(e, fx_path(PLAN));
    assert_int_equal(vep_score(&result, ins, doc, alen), VEP_OK);
    o.language = "sr-Cyrl";
    fx_alloc_arm(&a, 0, 0);
    want = NULL;
    assert_int_equal(vep_plan_evaluate(&want, p, result, strlen(result), ctx, clen, &o), VEP_OK);
    total = a.count;
    fx_assert_contains(want, "Индивидуални психолошки рад");
    step = fx_quick() && total > 200 ? total / 100 : 1;
    for (n = 1; n <= total; n += (n < 20 ? 1 : step)) {
        fx_alloc_arm(&a, n, 0);
        out = (char *)&out;
        st = vep_plan_evaluate(&out, p, result, strlen(result), ctx, clen, &o);
        fx_alloc_disarm(&a);
        if (st == VEP_OK) {
            assert_string_equal(out, want);
            vep_free(out);
            continue;
        }
        assert_int_equal(st, VEP_ERR_NOMEM);
        assert_null(out);
    }
    vep_free(want);
    vep_free(result);
    vep_plan_free(p);
    vep_instrument_free(ins);
    vep_engine_free(e);
    assert_int_equal(a.live_blocks, 0);
    free(doc);
    free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_result_and_plan_do_not_depend_on_the_language),
        cmocka_unit_test(test_rna_described_in_cyrillic),
        cmocka_unit_test(test_latin_only_instrument_in_cyrillic),
        cmocka_unit_test(test_instrument_fallbacks),
        cmocka_unit_test(test_fallbacks_mistakes_are_reported),
        cmocka_unit_test(test_plan_fallbacks),
        cmocka_unit_test(test_describe_in_cyrillic_out_of_memory),
        cmocka_unit_test(test_plan_in_cyrillic_out_of_memory),
        cmocka_unit_test(test_load_fallbacks_out_of_memory),
    };
    fx_run(tests);
}
