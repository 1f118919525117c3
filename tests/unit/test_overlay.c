/*
** test_overlay.c -- overlays: a script that adapts a base by id and
** version range, with add / change / replace / remove of every kind of
** declaration, the lineage in results, nested overlays, the base found
** on disk, the replay of the bases' Lua functions, plan overlays, every
** error an overlay can make, and out-of-memory while loading one.
*/
#include "api_fixture.h"

/* A small base: one scale, a domain, three items, a weighted sum, a
** level with two bands, a flag and a Lua function score. */
static const char base_src[] =
    "instrument { id = \"core\", version = \"1.4.2\", languages = { \"en\", \"sr-Latn\" },\n"
    "  title = { en = \"Core\", [\"sr-Latn\"] = \"Jezgro\" }, max_unknown = 1 }\n"
    "scale \"lmh\" { { code = \"low\", value = 0, label = { en = \"low\" } },\n"
    "                { code = \"high\", value = 2, label = { en = \"high\" } } }\n"
    "domain \"d\" { title = \"Domain\" }\n"
    "item \"A\" { type = \"scale\", scale = \"lmh\", domains = { \"d\" }, text = { en = \"Item A\" } }\n"
    "item \"B\" { type = \"scale\", scale = \"lmh\", domains = { \"d\" }, text = { en = \"Item B\", [\"sr-Latn\"] = \"Stavka B\" } }\n"
    "item \"C\" { type = \"choice\", options = { { code = \"x\", label = { en = \"ex\" } }, { code = \"y\" } },\n"
    "             text = \"Item C\" }\n"
    "score \"sum\" { rule = \"sum\", domain = \"d\" }\n"
    "score \"twice\" { rule = \"function\", uses = { \"sum\" }, min = 0, max = 100,\n"
    "                fn = function(a) return 2 * (a.value(\"sum\") or 0) end }\n"
    "level \"lvl\" { of = \"sum\", bands = { { level = \"lo\", min = 0, max = 1 }, { level = \"hi\", min = 2, max = 4 } } }\n"
    "flag \"f\" { title = \"Flag\", when = { item = \"A\", is = \"high\" } }\n"
    "test \"base case\" { answers = { A = \"low\", B = \"low\", C = \"x\" }, expect = { scores = { sum = 0 } } }\n";

/* An overlay of the base using every operation. */
static const char overlay_src[] =
    "instrument { id = \"local\", version = \"2.0.0\",\n"
    "  base = { id = \"core\", version = \"^1.2.0\" },\n"
    "  languages = { \"sr-Latn\" }, title = { [\"sr-Latn\"] = \"Lokalno\" } }\n"
    "item \"L1\" { type = \"scale\", scale = \"lmh\", domains = { \"d\" }, text = { [\"sr-Latn\"] = \"Lokalna stavka\" } }\n"
    "change.item \"A\" { text = { [\"sr-Latn\"] = \"Stavka A\" }, required = true }\n"
    "replace.item \"C\" { type = \"presence\", text = \"Item C, now present or absent\" }\n"
    "remove.item \"B\"\n"
    "change.scale \"lmh\" { { code = \"low\", label = { [\"sr-Latn\"] = \"nisko\" } },\n"
    "                       { code = \"mid\", value = 1, label = { en = \"moderate\" } } }\n"
    "change.level \"lvl\" { bands = { { level = \"lo\", min = 0, max = 2 }, { level = \"hi\", min = 3, max = 4 } } }\n"
    "remove.flag \"f\"\n"
    "test \"local case\" { answers = { A = \"high\", L1 = \"mid\", C = \"present\" },\n"
    "  expect = { scores = { sum = 3, twice = 6 }, levels = { lvl = \"hi\" } } }\n";

/* A directory tree: ROOT/core/core.lua and ROOT/pkg/local.lua. */
typedef struct tree {
    char root[256];
    char core[300], pkg[300];
} tree;

static void make_tree(tree *t, const char *base, const char *overlay)
{
    fx_mkdtemp(t->root);
    snprintf(t->core, sizeof t->core, "%s/core", t->root);
    snprintf(t->pkg, sizeof t->pkg, "%s/pkg", t->root);
    assert_int_equal(mkdir(t->core, 0700), 0);
    assert_int_equal(mkdir(t->pkg, 0700), 0);
    if (base)
        fx_write(t->core, "core.lua", base);
    if (overlay)
        fx_write(t->pkg, "local.lua", overlay);
}

static vep_instrument *load_overlay(vep_engine *e, const tree *t)
{
    char path[400];
    snprintf(path, sizeof path, "%s/local.lua", t->pkg);
    return fx_load_file(e, path);
}

/* The member `id` of the describe document's array `kind`, or NULL. */
static const cJSON *find_entry(const cJSON *doc, const char *kind, const char *id)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(doc, kind)) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, "id");
        if (cJSON_IsString(v) && strcmp(v->valuestring, id) == 0)
            return e;
    }
    return NULL;
}

static cJSON *describe(vep_instrument *ins, const char *lang)
{
    char *d = NULL;
    cJSON *j;
    assert_int_equal(vep_instrument_describe(&d, ins, lang), VEP_OK);
    j = cJSON_Parse(d);
    vep_free(d);
    assert_non_null(j);
    return j;
}

/* Add, change, replace and remove, as the describe document shows them. */
static void test_operations(void **state)
{
    vep_engine *e = NULL;
    vep_instrument *ins;
    const cJSON *it, *sc, *pts;
    cJSON *d;
    tree t;
    (void)state;
    make_tree(&t, base_src, overlay_src);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    assert_string_equal(vep_instrument_id(ins), "local");
    assert_string_equal(vep_instrument_version(ins), "2.0.0");
    d = describe(ins, "sr-Latn");
    /* items in order: the base's (B removed), then the added one */
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(d, "items")), 3);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "items"), 0), "id"), "A");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "items"), 1), "id"), "C");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "items"), 2), "id"), "L1");
    assert_null(find_entry(d, "items", "B"));
    /* change merged the text by language and kept the other fields */
    it = find_entry(d, "items", "A");
    assert_string_equal(fx_jstr(it, "text"), "Stavka A");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(it, "required")));
    assert_string_equal(fx_jstr(it, "scale"), "lmh");
    /* replace took the whole new declaration */
    assert_string_equal(fx_jstr(find_entry(d, "items", "C"), "type"), "presence");
    /* the scale's points merged by code: one label added, one point added */
    sc = find_entry(d, "scales", "lmh");
    pts = cJSON_GetObjectItem(sc, "points");
    assert_int_equal(cJSON_GetArraySize(pts), 3);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(pts, 0), "label"), "nisko");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(pts, 2), "code"), "mid");
    assert_null(find_entry(d, "flags", "f"));
    /* the root inherited max_unknown; the languages were joined, own first */
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "languages"), 0)->valuestring, "sr-Latn");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(d, "languages"), 1)->valuestring, "en");
    assert_string_equal(fx_jstr(d, "title"), "Lokalno");
    assert_string_equal(fx_jstr(d, "base"), "core");
    cJSON_Delete(d);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* A base's plain-string texts keep the base's first language: a change
** by language adds to them, and the overlay's first language does not
** claim them. */
static void test_plain_texts(void **state)
{
    static const char base[] =
        "instrument { id = \"core\", version = \"1.0.0\", languages = { \"en\", \"sr-Latn\" }, title = \"Base\" }\n"
        "domain \"d\" { title = \"Domain\" }\n"
        "item \"X\" { type = \"presence\", domains = { \"d\" }, text = \"Item X\" }\n";
    static const char over[] =
        "instrument { id = \"local\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" },\n"
        "  languages = { \"sr-Cyrl\", \"sr-Latn\" } }\n"
        "change.item \"X\" { text = { [\"sr-Latn\"] = \"Stavka X\" } }\n";
    vep_engine *e = NULL;
    vep_instrument *ins;
    cJSON *d;
    tree t;
    (void)state;
    make_tree(&t, base, over);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    d = describe(ins, "en");
    assert_string_equal(fx_jstr(find_entry(d, "items", "X"), "text"), "Item X");
    assert_string_equal(fx_jstr(d, "title"), "Base");
    cJSON_Delete(d);
    d = describe(ins, "sr-Cyrl");
    assert_string_equal(fx_jstr(find_entry(d, "items", "X"), "text"), "\xd0\xa1\xd1\x82\xd0\xb0\xd0\xb2\xd0\xba\xd0\xb0 X");
    cJSON_Delete(d);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* Lint holds an overlay to its own languages, not to those its base
** brings: a Serbian package is not asked for the core's Albanian. */
static void test_lint_own_languages(void **state)
{
    static const char base[] =
        "instrument { id = \"core\", version = \"1.0.0\", languages = { \"en\", \"sq\" }, title = \"Base\" }\n"
        "domain \"d\" { title = { en = \"Domain\", sq = \"Fusha\" } }\n"
        "item \"X\" { type = \"presence\", domains = { \"d\" }, text = { en = \"Item X\", sq = \"Pyetja X\" },\n"
        "  guidance = \"Only in English\" }\n";
    static const char over[] =
        "instrument { id = \"local\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" },\n"
        "  languages = { \"sr-Latn\" }, title = { [\"sr-Latn\"] = \"Lokalno\" } }\n"
        "change.domain \"d\" { title = { [\"sr-Latn\"] = \"Domen\" } }\n"
        "change.item \"X\" { text = { [\"sr-Latn\"] = \"Stavka X\" } }\n";
    vep_engine *e = NULL;
    vep_instrument *ins;
    char *out = NULL;
    size_t n = 99;
    tree t;
    (void)state;
    make_tree(&t, base, over);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    assert_int_equal(vep_instrument_lint(&out, &n, ins), VEP_OK);
    /* the guidance lacks sr-Latn (the overlay's own language) and nothing
    ** is said of sq, which only the base declares */
    assert_non_null(strstr(out, "no 'sr-Latn' version: guidance of item 'X'"));
    assert_null(strstr(out, "'sq'"));
    vep_free(out);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* The overlay's own test cases run (the base's stay the base's), and its
** Lua function, declared by the base, is replayed for scoring. */
static void test_tests_and_functions(void **state)
{
    vep_engine *e = NULL;
    vep_instrument *ins;
    char *report = NULL;
    size_t failed = 99;
    cJSON *r;
    tree t;
    (void)state;
    make_tree(&t, base_src, overlay_src);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    assert_int_equal(vep_instrument_run_tests(&report, &failed, ins), VEP_OK);
    r = cJSON_Parse(report);
    assert_non_null(r);
    if (failed != 0)
        fail_msg("%s", report);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(r, "cases")), 1);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "cases"), 0), "name"),
                        "local case");
    cJSON_Delete(r);
    vep_free(report);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

static const char overlay_doc[] =
    "{\"instrument\": {\"id\": \"local\", \"version\": \"2.0.0\"}, \"subject\": {\"id\": \"P1\"},"
    " \"assessor\": {\"id\": \"A1\", \"role\": \"officer\"}, \"date\": \"2026-03-01\","
    " \"answers\": {\"A\": {\"value\": \"high\"}, \"C\": {\"value\": \"absent\"}, \"L1\": {\"value\": \"low\"}}}";

/* The result records the whole lineage; the base's hash is the hash the
** base has when loaded on its own. */
static void test_lineage(void **state)
{
    vep_engine *e = NULL;
    vep_instrument *ins, *core;
    const cJSON *lin, *b, *o;
    char path[400], *out;
    cJSON *r;
    tree t;
    (void)state;
    make_tree(&t, base_src, overlay_src);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    snprintf(path, sizeof path, "%s/core.lua", t.core);
    core = fx_load_file(e, path);
    out = fx_score_copy(ins, overlay_doc);
    r = cJSON_Parse(out);
    assert_non_null(r);
    lin = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "instrument"), "lineage");
    assert_int_equal(cJSON_GetArraySize(lin), 2);
    b = cJSON_GetArrayItem(lin, 0);
    o = cJSON_GetArrayItem(lin, 1);
    assert_string_equal(fx_jstr(b, "id"), "core");
    assert_string_equal(fx_jstr(b, "version"), "1.4.2");
    assert_string_equal(fx_jstr(b, "sha256"), vep_instrument_sha256(core));
    assert_string_equal(fx_jstr(b, "file"), "../core/core.lua");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(b, "adapts")));
    assert_string_equal(fx_jstr(o, "id"), "local");
    assert_string_equal(fx_jstr(cJSON_GetObjectItem(o, "adapts"), "versions"), "^1.2.0");
    assert_string_not_equal(fx_jstr(o, "sha256"), vep_instrument_sha256(ins));
    /* the Lua function of the base ran on the overlay's items */
    assert_non_null(strstr(out, "\"id\": \"twice\""));
    free(out);
    /* an instrument without a base has no lineage member */
    out = fx_score_copy(ins, overlay_doc);
    cJSON_Delete(r);
    free(out);
    vep_instrument_free(core);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* A base that is itself an overlay: three layers, the lineage in order,
** and the middle layer's changes kept. */
static void test_nested(void **state)
{
    static const char top[] =
        "instrument { id = \"entity\", version = \"1.0.0\", base = { id = \"local\", version = \"2.x\" } }\n"
        "change.item \"L1\" { guidance = { [\"sr-Latn\"] = \"Uputstvo\" } }\n"
        "change.level \"lvl\" { bands = { { level = \"hi\", label = { [\"sr-Latn\"] = \"visoko\" } } } }\n";
    vep_engine *e = NULL;
    vep_instrument *ins;
    const cJSON *lin;
    char dir[400], path[500];
    cJSON *d;
    tree t;
    (void)state;
    make_tree(&t, base_src, overlay_src);
    snprintf(dir, sizeof dir, "%s/entity", t.pkg);
    assert_int_equal(mkdir(dir, 0700), 0);
    fx_write(dir, "entity.lua", top);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    snprintf(path, sizeof path, "%s/entity.lua", dir);
    ins = fx_load_file(e, path);
    d = describe(ins, "sr-Latn");
    lin = cJSON_GetObjectItem(d, "lineage");
    assert_int_equal(cJSON_GetArraySize(lin), 3);
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(lin, 0), "id"), "core");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(lin, 1), "id"), "local");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(lin, 1), "file"), "../local.lua");
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(lin, 2), "id"), "entity");
    assert_string_equal(fx_jstr(find_entry(d, "items", "L1"), "guidance"), "Uputstvo");
    assert_string_equal(fx_jstr(find_entry(d, "items", "L1"), "text"), "Lokalna stavka");
    assert_null(find_entry(d, "items", "B"));
    cJSON_Delete(d);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* Whether a diagnostic with `rule` has `words` in its message. */
static int has_diag(const vep_engine *e, const char *rule, const char *words)
{
    size_t i, n = vep_diag_count(e);
    for (i = 0; i < n; i++)
        if (strcmp(vep_diag_get(e, i, VEP_DIAG_RULE), rule) == 0 &&
            strstr(vep_diag_get(e, i, VEP_DIAG_MESSAGE), words) != NULL)
            return 1;
    return 0;
}

/* Loads `overlay` over the base and expects failure with `rule` and a
** message containing `words`. */
static void expect_error(const char *base, const char *overlay, vep_status st,
                         const char *rule, const char *words)
{
    vep_engine *e = NULL;
    vep_instrument *ins = NULL;
    char path[400];
    tree t;
    make_tree(&t, base, overlay);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    snprintf(path, sizeof path, "%s/local.lua", t.pkg);
    assert_int_equal(vep_instrument_load_file(&ins, e, path), st);
    assert_null(ins);
    if (!has_diag(e, rule, words)) {
        fx_dump(e);
        fail_msg("no diagnostic %s with '%s'", rule, words);
    }
    vep_engine_free(e);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"nowhere\", version = \"1.x\" } }",
                 VEP_ERR_SCRIPT, "base_not_found", "no file 'nowhere.lua'");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"^2.0.0\" } }",
                 VEP_ERR_SCRIPT, "base_version", "is version 1.4.2, but this instrument adapts version ^2.0.0");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"one\" } }",
                 VEP_ERR_SCRIPT, "overlay", "needs a version range");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = \"core\" }",
                 VEP_ERR_SCRIPT, "overlay", "'base' must be a table");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n"
                 "item \"A\" { type = \"presence\", text = \"again\" }",
                 VEP_ERR_SCRIPT, "duplicate_id", "item 'A' is already declared by the base (../core/core.lua:6)");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n"
                 "change.item \"Z\" { text = \"z\" }",
                 VEP_ERR_SCRIPT, "unknown_reference", "change.item 'Z': there is no item 'Z' to change");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n"
                 "remove.item \"A\"",
                 VEP_ERR_DEFINITION, "unknown_reference", "names item 'A'");
    expect_error(base_src, "item \"Q\" { type = \"presence\", text = \"q\" }\n"
                 "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }",
                 VEP_ERR_SCRIPT, "overlay", "first, before anything else");
    expect_error(base_src, "instrument { id = \"core\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }",
                 VEP_ERR_SCRIPT, "overlay", "cannot adapt itself");
    /* a base with an error is reported at the base's own file and line */
    expect_error("instrument { id = \"core\", version = \"1.0.0\", languages = { \"en\" }, title = \"t\" }\n"
                 "item \"A\" { type = \"wrong\", text = \"a\" }\n",
                 "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }",
                 VEP_ERR_DEFINITION, "invalid_value", "type 'wrong'");
}

/* Two bases of the same id under the folder above, and a circle. */
static void test_ambiguous_and_circle(void **state)
{
    vep_engine *e = NULL;
    vep_instrument *ins = NULL;
    char other[400], path[400];
    tree t;
    (void)state;
    make_tree(&t, base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }");
    snprintf(other, sizeof other, "%s/copy", t.root);
    assert_int_equal(mkdir(other, 0700), 0);
    fx_write(other, "core.lua", base_src);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    snprintf(path, sizeof path, "%s/local.lua", t.pkg);
    assert_int_equal(vep_instrument_load_file(&ins, e, path), VEP_ERR_SCRIPT);
    assert_true(has_diag(e, "base_not_found", "two files could be the base: ../copy/core.lua and ../core/core.lua"));
    /* an overlay whose file is named after its base is not its own base */
    {
        char self[400];
        vep_instrument *named = NULL;
        fx_write(t.pkg, "core.lua", "instrument { id = \"x2\", version = \"1.0.0\", "
                 "base = { id = \"core\", version = \"1.x\" } }");
        snprintf(self, sizeof self, "%s/core.lua", t.pkg);
        assert_int_equal(vep_instrument_load_file(&named, e, self), VEP_ERR_SCRIPT);
        assert_true(has_diag(e, "base_not_found", "two files could be the base"));
        remove(self);
    }
    /* a base beside the overlay wins over the ones further away */
    fx_write(t.pkg, "core.lua", base_src);
    ins = fx_load_file(e, path);
    vep_instrument_free(ins);
    /* a circle: a adapts b, b adapts a */
    fx_write(t.pkg, "a.lua", "instrument { id = \"a\", version = \"1.0.0\", base = { id = \"b\", version = \"1.x\" } }");
    fx_write(t.pkg, "b.lua", "instrument { id = \"b\", version = \"1.0.0\", base = { id = \"a\", version = \"1.x\" } }");
    snprintf(path, sizeof path, "%s/a.lua", t.pkg);
    ins = NULL;
    assert_int_equal(vep_instrument_load_file(&ins, e, path), VEP_ERR_SCRIPT);
    assert_true(has_diag(e, "overlay", "bases cannot go round in a circle"));
    /* from memory no base can be found */
    assert_int_equal(vep_instrument_load_buffer(&ins, e, "mem.lua", overlay_src, strlen(overlay_src)),
                     VEP_ERR_SCRIPT);
    assert_true(has_diag(e, "base_not_found", "loaded from memory"));
    vep_engine_free(e);
}

/* The base runs in the overlay's Lua state, so it can reach the overlay's
** tables through a global: the id and range asked for must be held by the
** engine, not borrowed from the table (a use after free under ASan and
** valgrind before).  A base id or range that is not a string is refused
** rather than converted. */
static void test_base_fields_held(void **state)
{
    static const char base[] =
        "B.id = nil\n"
        "B.version = nil\n"
        "instrument { id = \"core\", version = \"1.5.0\", languages = { \"en\" }, title = \"t\" }\n"
        "local t = {}\n"
        "for i = 1, 100000 do t[i % 50] = { i } end\n";
    static const char over[] =
        "B = { id = \"core\", version = \"^2.0.0 || \" .. \"9.9.9\" }\n"
        "instrument { id = \"x\", version = \"1.0.0\", base = B }\n";
    (void)state;
    expect_error(base, over, VEP_ERR_SCRIPT, "base_version",
                 "is version 1.5.0, but this instrument adapts version ^2.0.0 || 9.9.9");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = 5, version = \"1.x\" } }",
                 VEP_ERR_SCRIPT, "overlay", "needs the id of the script it adapts");
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = 1 } }",
                 VEP_ERR_SCRIPT, "overlay", "needs a version range");
}

/* A script that catches the failure of its base with pcall: what the base
** declared is not read (it would pass the script off as the base with
** additions), and no second base may be tried (the runtime's replay
** could not tell which one was loaded). */
static void test_failed_base_caught(void **state)
{
    static const char empty[] = "RUNS = (RUNS or 0) + 1\n";
    vep_engine *e = NULL;
    vep_instrument *ins = NULL;
    char path[400];
    cJSON *d;
    tree t;
    (void)state;
    expect_error(base_src,
                 "pcall(instrument, { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"^2.0.0\" } })\n"
                 "item \"L1\" { type = \"scale\", scale = \"lmh\", domains = { \"d\" }, text = { en = \"L\" } }\n",
                 VEP_ERR_DEFINITION, "unknown_scale", "scale 'lmh' is not declared");
    /* a root of its own after the caught failure: a script of its own */
    make_tree(&t, base_src,
              "pcall(instrument, { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"^2.0.0\" } })\n"
              "instrument { id = \"x\", version = \"1.0.0\", languages = { \"en\" }, title = \"x\" }\n"
              "item \"L1\" { type = \"presence\", text = \"L\" }\n");
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    d = describe(ins, NULL);
    assert_string_equal(fx_jstr(d, "id"), "x");
    assert_null(cJSON_GetObjectItem(d, "lineage"));
    assert_null(find_entry(d, "items", "A"));
    assert_null(find_entry(d, "scales", "lmh"));
    cJSON_Delete(d);
    vep_instrument_free(ins);
    vep_engine_free(e);
    e = NULL;
    ins = NULL;
    make_tree(&t, base_src,
              "pcall(instrument, { id = \"x\", version = \"1.0.0\", base = { id = \"empty\", version = \"*\" } })\n"
              "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n");
    fx_write(t.pkg, "empty.lua", empty);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    snprintf(path, sizeof path, "%s/local.lua", t.pkg);
    assert_int_equal(vep_instrument_load_file(&ins, e, path), VEP_ERR_SCRIPT);
    assert_null(ins);
    assert_true(has_diag(e, "overlay", "a script adapts one base, and names it once"));
    vep_engine_free(e);
}

/* The root's `base`, the entries' codes and the languages are read raw, as
** the declaration readers read them: a metatable's __index neither makes
** a script an overlay nor runs in the middle of a merge. */
static void test_metatables_not_run(void **state)
{
    static const char plain[] =
        "instrument(setmetatable({ id = \"x\", version = \"1.0.0\", languages = { \"en\" }, title = \"x\" },\n"
        "  { __index = function(t, k) if k == \"base\" then return { id = \"core\", version = \"1.x\" } end end }))\n"
        "domain \"d\" { title = \"D\" }\n"
        "item \"L1\" { type = \"presence\", domains = { \"d\" }, text = \"L\" }\n";
    vep_engine *e = NULL;
    vep_instrument *ins;
    cJSON *d;
    tree t;
    (void)state;
    make_tree(&t, base_src, plain);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    d = describe(ins, NULL);
    assert_null(cJSON_GetObjectItem(d, "lineage"));
    assert_null(find_entry(d, "items", "A"));
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(d, "items")), 1);
    cJSON_Delete(d);
    vep_instrument_free(ins);
    vep_engine_free(e);
    expect_error(base_src,
                 "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n"
                 "change.scale \"lmh\" { setmetatable({ label = { en = \"LOW\" } },\n"
                 "  { __index = function(t, k) if k == \"code\" then return \"low\" end end }) }\n",
                 VEP_ERR_DEFINITION, "missing_field", "has no 'code'");
}

/* A middle layer's plain-string text in a change belongs to the middle
** layer's first language, as its own declarations' do: the top's change
** by language adds to it instead of dropping it. */
static void test_middle_change_tagged(void **state)
{
    static const char core[] =
        "instrument { id = \"core\", version = \"1.0.0\", languages = { \"en\" }, title = \"Core\" }\n"
        "domain \"d\" { title = \"D\" }\n"
        "item \"A\" { type = \"presence\", domains = { \"d\" }, text = \"Item A\" }\n";
    static const char mid[] =
        "instrument { id = \"local\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" },\n"
        "  languages = { \"sr-Latn\" } }\n"
        "change.item \"A\" { text = \"Stavka A\" }\n";
    static const char top[] =
        "instrument { id = \"entity\", version = \"1.0.0\", base = { id = \"local\", version = \"1.x\" },\n"
        "  languages = { \"sq\" } }\n"
        "change.item \"A\" { text = { sq = \"Artikulli A\" } }\n";
    vep_engine *e = NULL;
    vep_instrument *ins;
    char dir[400], path[500];
    cJSON *d;
    tree t;
    (void)state;
    make_tree(&t, core, mid);
    snprintf(dir, sizeof dir, "%s/entity", t.pkg);
    assert_int_equal(mkdir(dir, 0700), 0);
    fx_write(dir, "entity.lua", top);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    snprintf(path, sizeof path, "%s/entity.lua", dir);
    ins = fx_load_file(e, path);
    d = describe(ins, "sr-Latn");
    assert_string_equal(fx_jstr(find_entry(d, "items", "A"), "text"), "Stavka A");
    cJSON_Delete(d);
    d = describe(ins, "sq");
    assert_string_equal(fx_jstr(find_entry(d, "items", "A"), "text"), "Artikulli A");
    cJSON_Delete(d);
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* Merging a list by code looks each new entry up in the whole list: a
** change with tens of thousands of points is charged to the instruction
** budget, and refused at once instead of running for many seconds in C. */
static void test_merge_charged(void **state)
{
    (void)state;
    expect_error(base_src,
                 "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n"
                 "local pts = {}\n"
                 "for i = 1, 20000 do pts[i] = { code = \"c\" .. i, value = i } end\n"
                 "change.scale \"lmh\" (pts)\n",
                 VEP_ERR_LIMIT_INSTRUCTIONS, "instruction_limit", "instruction limit exceeded");
}

/* change.test works on the overlay's own case of that name, not on the
** base's (which stays the base's and is never run); a case only the base
** has cannot be changed. */
static void test_change_own_test(void **state)
{
    static const char over[] =
        "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n"
        "test \"base case\" { answers = { A = \"high\", B = \"low\", C = \"x\" }, expect = { scores = { sum = 0 } } }\n"
        "change.test \"base case\" { expect = { scores = { sum = 2 } } }\n";
    vep_engine *e = NULL;
    vep_instrument *ins;
    char *report = NULL;
    size_t failed = 99;
    tree t;
    (void)state;
    make_tree(&t, base_src, over);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = load_overlay(e, &t);
    assert_int_equal(vep_instrument_run_tests(&report, &failed, ins), VEP_OK);
    if (failed != 0)
        fail_msg("%s", report);
    vep_free(report);
    vep_instrument_free(ins);
    vep_engine_free(e);
    expect_error(base_src, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }\n"
                 "change.test \"base case\" { expect = { scores = { sum = 2 } } }\n",
                 VEP_ERR_SCRIPT, "unknown_reference", "there is no test 'base case' to change");
}

/* The file a base's problem is reported at: the path the overlay was
** loaded by, joined with the base's relative path; a "." in it does not
** cancel a "..". */
static void test_base_display_name(void **state)
{
    static const char broken[] =
        "instrument { id = \"core\", version = \"1.0.0\", languages = { \"en\" }, title = \"t\" }\n"
        "item \"A\" { type = \"wrong\", text = \"a\" }\n";
    vep_engine *e = NULL;
    vep_instrument *ins = NULL;
    char path[400], want[400];
    size_t i, n;
    int found = 0;
    tree t;
    (void)state;
    make_tree(&t, broken, "instrument { id = \"x\", version = \"1.0.0\", base = { id = \"core\", version = \"1.x\" } }");
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    snprintf(path, sizeof path, "%s/pkg/./local.lua", t.root);
    snprintf(want, sizeof want, "%s/core/core.lua", t.root);
    assert_int_equal(vep_instrument_load_file(&ins, e, path), VEP_ERR_DEFINITION);
    n = vep_diag_count(e);
    for (i = 0; i < n; i++)
        if (strcmp(vep_diag_get(e, i, VEP_DIAG_RULE), "invalid_value") == 0) {
            assert_string_equal(vep_diag_get(e, i, VEP_DIAG_FILE), want);
            found = 1;
        }
    assert_true(found);
    vep_engine_free(e);
}

/* Plan overlays: an added agency and rule, a changed intervention, a
** removed rule; the plan's instrument follows the overlay's. */
static void test_plan_overlay(void **state)
{
    vep_engine *e = NULL;
    vep_plan *plan = NULL;
    char dir[400], path[500], *base_plan, *desc = NULL;
    tree t;
    (void)state;
    make_tree(&t, NULL, NULL);
    base_plan = fx_read(fx_path("instruments/plans/vep-plan-rna.lua"), NULL);
    assert_non_null(base_plan);
    fx_write(t.core, "vep-plan-rna.lua", base_plan);
    free(base_plan);
    base_plan = fx_read(fx_path("instruments/plans/vep-plan-rna-tests.lua"), NULL);
    fx_write(t.core, "vep-plan-rna-tests.lua", base_plan);
    free(base_plan);
    snprintf(dir, sizeof dir, "%s", t.pkg);
    fx_write(dir, "plan-local.lua",
             "plan { id = \"plan-local\", version = \"1.0.0\", base = { id = \"vep-plan-rna\", version = \"^1.0.0\" } }\n"
             "agency \"municipal_centre\" { kind = \"municipality\", title = { en = \"Municipal social centre\" },\n"
             "  sees = { \"interventions.own\" } }\n"
             "change.intervention \"FAMILY\" { agency = \"municipal_centre\" }\n"
             "local ctx = { as_of = \"2026-06-20\", sentence_start = \"2023-01-10\",\n"
             "  expected_release = \"2028-06-20\", age = 34, regime = \"standard\", language = \"sr-Latn\",\n"
             "  literacy = \"adequate\", conditional_release = false }\n"
             "test \"family work by the municipality\" {\n"
             "  result = { risk = \"low\", flags = { \"protective_weak\" }, answers = { M03 = \"low\" } },\n"
             "  context = ctx, expect = { handled_by = { FAMILY = \"municipal_centre\" } } }\n"
             "test \"a wrong expectation\" {\n"
             "  result = { risk = \"low\", flags = { \"protective_weak\" }, answers = { M03 = \"low\" } },\n"
             "  context = ctx, expect = { handled_by = { FAMILY = \"social_work\", NOPE = \"x\" } } }\n");
    snprintf(path, sizeof path, "%s/plan-local.lua", dir);
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    if (vep_plan_load_file(&plan, e, path) != VEP_OK) {
        fx_dump(e);
        fail_msg("plan overlay did not load");
    }
    assert_string_equal(vep_plan_id(plan), "plan-local");
    assert_string_equal(vep_plan_instrument(plan), "vep-rna");
    {   /* the overlay's cases run, the base's do not; handled_by checks agencies */
        size_t failed = 0;
        assert_int_equal(vep_plan_run_tests(&desc, &failed, plan), VEP_OK);
        assert_int_equal(failed, 1);
        assert_non_null(strstr(desc, "handled_by: FAMILY: expected agency social_work, got municipal_centre"));
        assert_non_null(strstr(desc, "handled_by: intervention 'NOPE' is not in the plan"));
        assert_null(strstr(desc, "moderate risk, grievance high"));
    }
    vep_free(desc);
    vep_plan_free(plan);
    vep_engine_free(e);
}

/* Out of memory at every allocation while loading an overlay. */
static vep_status run_load(fx_oom_op *op)
{
    op->made = (vep_instrument *)op;
    return vep_instrument_load_file(&op->made, op->e, op->path);
}

static char *finish_load(fx_oom_op *op)
{
    char *d = NULL, *sig;
    assert_int_equal(vep_instrument_describe(&d, op->made, NULL), VEP_OK);
    sig = malloc(strlen(d) + 80);
    assert_non_null(sig);
    sprintf(sig, "%s %s", vep_instrument_sha256(op->made), d);
    vep_free(d);
    vep_instrument_free(op->made);
    op->made = NULL;
    return sig;
}

static vep_status run_score(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_score(&op->out, op->ins, op->doc, strlen(op->doc));
}

static void test_oom(void **state)
{
    int persistent;
    tree t;
    (void)state;
    make_tree(&t, base_src, overlay_src);
    for (persistent = 0; persistent < 2; persistent++) {
        fx_oom_op *op = fx_oom_new(NULL);
        op->ok = VEP_OK;
        op->run = run_load;
        op->finish = finish_load;
        snprintf(op->path, sizeof op->path, "%s/local.lua", t.pkg);
        fx_oom_loop(op, "loading an overlay", persistent);
        fx_oom_free(op);
    }
    for (persistent = 0; persistent < 2; persistent++) {
        char path[400];
        fx_oom_op *op;
        snprintf(path, sizeof path, "%s/local.lua", t.pkg);
        op = fx_oom_new(path);
        op->ok = VEP_OK;
        op->doc = overlay_doc;
        op->run = run_score;
        op->finish = fx_finish_out;
        fx_oom_loop(op, "scoring with an overlay", persistent);
        fx_oom_free(op);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_operations),
        cmocka_unit_test(test_plain_texts),
        cmocka_unit_test(test_lint_own_languages),
        cmocka_unit_test(test_tests_and_functions),
        cmocka_unit_test(test_lineage),
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_ambiguous_and_circle),
        cmocka_unit_test(test_base_fields_held),
        cmocka_unit_test(test_failed_base_caught),
        cmocka_unit_test(test_metatables_not_run),
        cmocka_unit_test(test_base_display_name),
        cmocka_unit_test(test_change_own_test),
        cmocka_unit_test(test_merge_charged),
        cmocka_unit_test(test_middle_change_tagged),
        cmocka_unit_test(test_plan_overlay),
        cmocka_unit_test(test_oom),
    };
    int rc;
    fx_filter();
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    fx_cleanup_dirs();
    return rc;
}
