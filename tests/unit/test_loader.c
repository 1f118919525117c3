/*
** test_loader.c -- loading instrument scripts through the public API
** (vep_instrument_load_buffer / _load_file): accessors and hashes, script
** errors with their line and rule, forbidden access, definition problems
** found while reading declarations, helper modules and the instrument's
** directory, and the limits at load time.
*/
#include "api_fixture.h"
#include <sys/stat.h>

#define ITEM_A "item \"A\" { type = \"presence\", text = \"A?\" }\n"
#define MINIMAL FX_HEAD ITEM_A

/* sha256sum of MINIMAL, worked out with coreutils. */
#define MINIMAL_SHA256 "93a42484dd842c06031d9586614ee0fda23f7530d7e4da727c94635d00d0e841"

/* Each test gets an engine with the counting allocator; teardown checks
** that the test freed everything it loaded. */
typedef struct lt {
    fx_alloc a;
    vep_engine *e;
} lt;

static int lt_setup(void **state)
{
    lt *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->e = fx_engine_with(&t->a, 0, 0, 0);
    *state = t;
    return 0;
}

static int lt_teardown(void **state)
{
    lt *t = *state;
    vep_engine_free(t->e);
    assert_int_equal(t->a.live_bytes, 0);
    assert_int_equal(t->a.live_blocks, 0);
    free(t);
    return 0;
}

/* Loads src as `name` and expects `st` with at least one diagnostic, each
** naming a file; returns nothing (the engine keeps the diagnostics). */
static void load_fails(vep_engine *e, const char *name, const char *src,
                       vep_status st)
{
    vep_instrument *ins = (vep_instrument *)&ins;  /* must become NULL */
    vep_status got = vep_instrument_load_buffer(&ins, e, name, src, strlen(src));
    size_t i;
    if (got != st) {
        fx_dump(e);
        fail_msg("expected %s, got %s", vep_status_name(st), vep_status_name(got));
    }
    assert_null(ins);
    assert_true(vep_diag_count(e) >= 1);
    assert_true(vep_engine_errmsg(e)[0] != '\0');
    fx_check_diag_json(e, st);
    for (i = 0; i < vep_diag_count(e); i++) {
        assert_string_equal(vep_diag_get(e, i, VEP_DIAG_FILE), name);
        assert_true(vep_diag_get(e, i, VEP_DIAG_RULE)[0] != '\0');
        assert_true(vep_diag_get(e, i, VEP_DIAG_MESSAGE)[0] != '\0');
    }
}

/* ---- A valid instrument ----------------------------------------------- */

static void test_minimal_loads(void **state)
{
    lt *t = *state;
    vep_instrument *ins = NULL;
    char hex[65];
    const char *sha;
    size_t i;

    assert_int_equal(fx_load(t->e, "min.lua", MINIMAL, &ins), VEP_OK);
    assert_string_equal(vep_engine_errmsg(t->e), "");
    assert_int_equal(vep_diag_count(t->e), 0);
    assert_string_equal(vep_instrument_id(ins), "t");
    assert_string_equal(vep_instrument_version(ins), "1.0.0");
    sha = vep_instrument_sha256(ins);
    assert_int_equal(strlen(sha), 64);
    for (i = 0; i < 64; i++)
        assert_non_null(strchr("0123456789abcdef", sha[i]));
    fx_sha256(MINIMAL, strlen(MINIMAL), hex);
    assert_string_equal(sha, hex);
    assert_string_equal(sha, MINIMAL_SHA256);
    vep_instrument_free(ins);
}

/* The digest is of the bytes: one more byte changes it, the name does not. */
static void test_sha256_follows_the_bytes(void **state)
{
    lt *t = *state;
    vep_instrument *a = NULL, *b = NULL;
    const char *src2 = MINIMAL "-- a comment\n";
    char hex[65];

    assert_int_equal(fx_load(t->e, "one.lua", MINIMAL, &a), VEP_OK);
    assert_int_equal(fx_load(t->e, "two.lua", src2, &b), VEP_OK);
    fx_sha256(src2, strlen(src2), hex);
    assert_string_equal(vep_instrument_sha256(b), hex);
    assert_string_not_equal(vep_instrument_sha256(a), vep_instrument_sha256(b));
    vep_instrument_free(b);
    assert_int_equal(fx_load(t->e, "some/other/name.lua", MINIMAL, &b), VEP_OK);
    assert_string_equal(vep_instrument_sha256(b), vep_instrument_sha256(a));
    vep_instrument_free(a);
    vep_instrument_free(b);
}

static void test_load_file_one_source(void **state)
{
    lt *t = *state;
    vep_instrument *ins = NULL;
    char dir[256];
    const char *path;

    fx_mkdtemp(dir);
    path = fx_write(dir, "min.lua", MINIMAL);
    assert_int_equal(vep_instrument_load_file(&ins, t->e, path), VEP_OK);
    assert_string_equal(vep_instrument_sha256(ins), MINIMAL_SHA256);
    vep_instrument_free(ins);
    fx_rmtree(dir);
}

/* ---- Script errors ---------------------------------------------------- */

static void test_syntax_error(void **state)
{
    lt *t = *state;
    const char *src = FX_HEAD ITEM_A "local x = = 3\n";
    load_fails(t->e, "syn.lua", src, VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_count(t->e), 1);
    assert_string_equal(vep_diag_get(t->e, 0, VEP_DIAG_RULE), "syntax");
    assert_int_equal(vep_diag_line(t->e, 0), 3);
    fx_assert_contains(vep_engine_errmsg(t->e), "syn.lua:3:");
}

static void test_runtime_error_line(void **state)
{
    lt *t = *state;
    const char *src = FX_HEAD ITEM_A "local n = 1\nerror(\"boom \" .. n)\n";
    load_fails(t->e, "rt.lua", src, VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_count(t->e), 1);
    assert_string_equal(vep_diag_get(t->e, 0, VEP_DIAG_RULE), "runtime");
    assert_int_equal(vep_diag_line(t->e, 0), 4);
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "boom 1");
}

static void test_forbidden_globals(void **state)
{
    lt *t = *state;
    static const char *const access[] = {
        "local f = io.open(\"/etc/passwd\")\n",
        "local c = os.clock()\n",
        "local i = debug.getinfo(1)\n",
        "local x = io\n",
        "dofile(\"x.lua\")\n",
        "local f = load(\"return 1\")\n",
        "collectgarbage()\n",
        "local p = package\n",
    };
    size_t i;
    for (i = 0; i < sizeof access / sizeof access[0]; i++) {
        char src[512];
        snprintf(src, sizeof src, FX_HEAD "\n%s", access[i]);
        load_fails(t->e, "forbid.lua", src, VEP_ERR_SCRIPT);
        assert_int_equal(vep_diag_count(t->e), 1);
        if (strcmp(vep_diag_get(t->e, 0, VEP_DIAG_RULE), "forbidden") != 0) {
            fx_dump(t->e);
            fail_msg("'%s' was not refused as forbidden", access[i]);
        }
        assert_int_equal(vep_diag_line(t->e, 0), 3);
    }
}

/* string.dump is not in the library scripts get: calling it fails, and
** no bytecode can be made (a binary chunk would be refused anyway). */
static void test_string_dump_unavailable(void **state)
{
    lt *t = *state;
    vep_instrument *ins = NULL;
    const char *call = FX_HEAD "\nlocal s = string.dump(function() end)\n";
    const char *rule;

    load_fails(t->e, "dump.lua", call, VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_line(t->e, 0), 3);
    rule = vep_diag_get(t->e, 0, VEP_DIAG_RULE);
    assert_string_equal(rule, "forbidden");
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "'string.dump' is not available");
    /* The script cannot reach it even through a string's methods, and a
    ** field that never existed still reads as nil. */
    load_fails(t->e, "d.lua", FX_HEAD "\nlocal d = (\"\").dump\n", VEP_ERR_SCRIPT);
    assert_string_equal(vep_diag_get(t->e, 0, VEP_DIAG_RULE), "forbidden");
    assert_int_equal(fx_load(t->e, "n.lua", MINIMAL "assert(string.nosuch == nil)\n", &ins), VEP_OK);
    vep_instrument_free(ins);
}

static void test_undefined_global_named(void **state)
{
    lt *t = *state;
    const char *src = FX_HEAD "itme \"A\" { type = \"presence\", text = \"A?\" }\n";
    load_fails(t->e, "typo.lua", src, VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_count(t->e), 1);
    assert_string_equal(vep_diag_get(t->e, 0, VEP_DIAG_RULE), "runtime");
    assert_int_equal(vep_diag_line(t->e, 0), 2);
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "'itme'");
}

/* A script loaded from memory has no directory to require from. */
static void test_require_from_buffer_refused(void **state)
{
    lt *t = *state;
    load_fails(t->e, "buf.lua", MINIMAL "require \"helper\"\n", VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_line(t->e, 0), 3);
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "helper");
}

/* Quotes, backslashes and control characters are escaped; bytes that are
** not UTF-8 do not make the document invalid. */
static void test_diag_json_escapes(void **state)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = NULL;
    char *json = NULL;
    cJSON *doc;
    (void)state;
    assert_int_equal(fx_load(e, "q\"b\\s.lua", "error(\"a\\1\\31\\\"q\\\\b\\n\\tz\")\n", &ins),
                     VEP_ERR_SCRIPT);
    fx_assert_contains(vep_diag_get(e, 0, VEP_DIAG_MESSAGE), "a\001\037\"q\\b\n\tz");
    fx_check_diag_json(e, VEP_ERR_SCRIPT);
    assert_int_equal(fx_load(e, "x.lua", "error(\"bad \\255\\254 end\")\n", &ins), VEP_ERR_SCRIPT);
    assert_int_equal(vep_diag_json(&json, e), VEP_OK);
    doc = cJSON_Parse(json);
    assert_non_null(doc);
    cJSON_Delete(doc);
    vep_free(json);
    vep_engine_free(e);
}

/* ---- Definition problems found while reading -------------------------- */

static void test_unknown_field(void **state)
{
    lt *t = *state;
    const char *src = FX_HEAD ITEM_A
        "item \"B\" { type = \"presence\",\n"
        "  requried = true, text = \"B?\" }\n";
    size_t i;
    load_fails(t->e, "uf.lua", src, VEP_ERR_DEFINITION);
    i = fx_expect(t->e, "unknown_field", "B");
    assert_int_equal(vep_diag_line(t->e, i), 3);  /* the item's line */
    fx_assert_contains(vep_diag_get(t->e, i, VEP_DIAG_MESSAGE), "requried");
    assert_int_equal(vep_diag_count(t->e), 1);
    fx_assert_contains(vep_engine_errmsg(t->e), "1 problem");
}

static void test_missing_instrument(void **state)
{
    lt *t = *state;
    size_t i;
    load_fails(t->e, "noinst.lua", ITEM_A, VEP_ERR_DEFINITION);
    i = fx_expect(t->e, "missing_field", NULL);
    fx_assert_contains(vep_diag_get(t->e, i, VEP_DIAG_MESSAGE), "instrument");
}

static void test_instrument_twice(void **state)
{
    lt *t = *state;
    size_t i;
    load_fails(t->e, "twice.lua", FX_HEAD ITEM_A FX_HEAD, VEP_ERR_DEFINITION);
    i = fx_expect(t->e, "duplicate_id", NULL);
    assert_int_equal(vep_diag_line(t->e, i), 3);
}

static void test_bad_versions(void **state)
{
    lt *t = *state;
    static const char *const bad[] = {
        "1.0", "1", "01.0.0", "1.0.0.0", "v1.0.0", "1.0.x", "1..0", "", "1.0.0 "
    };
    static const char *const good[] = { "0.0.1", "10.20.30", "1.0.0-rc.1", "1.0.0+build.5" };
    char src[512];
    size_t i, k;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(src, sizeof src, "\ninstrument { id = \"t\", version = \"%s\", "
                 "languages = { \"en\" }, title = \"T\" }\n" ITEM_A, bad[i]);
        load_fails(t->e, "ver.lua", src, VEP_ERR_DEFINITION);
        k = fx_expect(t->e, "invalid_value", NULL);
        assert_int_equal(vep_diag_line(t->e, k), 2);
        fx_assert_contains(vep_diag_get(t->e, k, VEP_DIAG_MESSAGE), "version");
    }
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        vep_instrument *ins;
        snprintf(src, sizeof src, "instrument { id = \"t\", version = \"%s\", "
                 "languages = { \"en\" }, title = \"T\" }\n" ITEM_A, good[i]);
        ins = fx_load_ok(t->e, src);
        assert_string_equal(vep_instrument_version(ins), good[i]);
        vep_instrument_free(ins);
    }
}

/* Counts must be whole numbers: infinities are refused (and converting
** them to an integer type would be undefined behaviour). */
static void test_infinite_counts_refused(void **state)
{
    lt *t = *state;
    static const struct { const char *src, *id; unsigned line; } bad[] = {
        { "instrument { id = \"t\", version = \"1.0.0\", languages = { \"en\" }, title = \"T\",\n"
          "  max_unknown = math.huge }\n" ITEM_A, "", 1 },
        { FX_HEAD "item \"A\" { type = \"text\", text = \"A?\",\n  max_length = math.huge }\n", "A", 2 },
        { FX_HEAD "item \"A\" { type = \"text\", text = \"A?\",\n  max_length = -math.huge }\n", "A", 2 },
        { FX_HEAD ITEM_A "score \"s\" { rule = \"sum\", items = { \"A\" },\n  max_unknown = math.huge }\n", "s", 3 },
        { FX_HEAD ITEM_A "score \"s\" { rule = \"sum\", items = { \"A\" },\n  decimals = math.huge }\n", "s", 3 },
        { FX_HEAD ITEM_A "score \"s\" { rule = \"sum\", items = { \"A\" },\n  max_unknown = 0/0 }\n", "s", 3 },
    };
    size_t i, k;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        load_fails(t->e, "inf.lua", bad[i].src, VEP_ERR_DEFINITION);
        k = fx_expect(t->e, "invalid_value", bad[i].id);
        assert_int_equal(vep_diag_count(t->e), 1);
        assert_int_equal(vep_diag_line(t->e, k), bad[i].line);
    }
}

static void test_missing_version_and_id(void **state)
{
    lt *t = *state;
    load_fails(t->e, "nov.lua", "instrument { languages = { \"en\" }, title = \"T\" }\n"
               ITEM_A, VEP_ERR_DEFINITION);
    assert_int_equal(fx_count_rule(t->e, "missing_field"), 2);
    assert_int_equal(vep_diag_line(t->e, 0), 1);
}

static void test_bad_language_tags(void **state)
{
    lt *t = *state;
    static const char *const bad[] = {
        "english", "e", "en_US", "", "sr-", "sr-L", "-en", "sr--Latn", "en-abcdefghi", "e1"
    };
    static const char *const good[] = { "en", "sr-Latn", "sr-Cyrl-RS", "cnr", "sq" };
    char src[512];
    size_t i, k;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(src, sizeof src, "instrument { id = \"t\", version = \"1.0.0\", "
                 "languages = { \"%s\" }, title = \"T\" }\n" ITEM_A, bad[i]);
        load_fails(t->e, "lang.lua", src, VEP_ERR_DEFINITION);
        k = fx_expect(t->e, "invalid_value", NULL);
        assert_int_equal(vep_diag_line(t->e, k), 1);
        if (bad[i][0])
            fx_assert_contains(vep_diag_get(t->e, k, VEP_DIAG_MESSAGE), bad[i]);
    }
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        snprintf(src, sizeof src, "instrument { id = \"t\", version = \"1.0.0\", "
                 "languages = { \"%s\" }, title = \"T\" }\n" ITEM_A, good[i]);
        vep_instrument_free(fx_load_ok(t->e, src));
    }
    load_fails(t->e, "nolang.lua", "instrument { id = \"t\", version = \"1.0.0\", "
               "languages = { }, title = \"T\" }\n", VEP_ERR_DEFINITION);
    fx_expect(t->e, "missing_field", NULL);
}

static void test_text_in_undeclared_language(void **state)
{
    lt *t = *state;
    const char *src = FX_HEAD ITEM_A
        "\n"
        "item \"B\" { type = \"presence\", text = { en = \"B?\", de = \"B?\" } }\n";
    size_t i;
    load_fails(t->e, "tl.lua", src, VEP_ERR_DEFINITION);
    i = fx_expect(t->e, "unknown_language", "B");
    assert_int_equal(vep_diag_line(t->e, i), 4);
    fx_assert_contains(vep_diag_get(t->e, i, VEP_DIAG_MESSAGE), "'de'");
}

/* ---- Helper modules --------------------------------------------------- */

#define MAIN_WITH_HELPER FX_HEAD ITEM_A "require \"helper\"\n"
#define HELPER "item \"B\" { type = \"presence\", text = \"B?\" }\n"

/* The ids of the items of an instrument, as vep_instrument_describe
** lists them, joined by spaces. */
static void item_ids(const vep_instrument *ins, char *buf, size_t n)
{
    char *json = NULL;
    cJSON *doc, *it;
    assert_int_equal(vep_instrument_describe(&json, ins, NULL), VEP_OK);
    doc = cJSON_Parse(json);
    assert_non_null(doc);
    buf[0] = '\0';
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "items")) {
        cJSON *id = cJSON_GetObjectItemCaseSensitive(it, "id");
        assert_true(cJSON_IsString(id));
        if (buf[0])
            strncat(buf, " ", n - strlen(buf) - 1);
        strncat(buf, id->valuestring, n - strlen(buf) - 1);
    }
    cJSON_Delete(doc);
    vep_free(json);
}

static void test_require_helper_module(void **state)
{
    lt *t = *state;
    vep_instrument *ins = NULL, *again = NULL;
    char dir[256], path[300], alt[310], h_main[65], h_help[65], manifest[256], want[65], ids[64];

    fx_mkdtemp(dir);
    snprintf(path, sizeof path, "%s", fx_write(dir, "main.lua", MAIN_WITH_HELPER));
    fx_write(dir, "helper.lua", HELPER);
    if (vep_instrument_load_file(&ins, t->e, path) != VEP_OK) {
        fx_dump(t->e);
        fail_msg("the instrument with a helper did not load");
    }
    item_ids(ins, ids, sizeof ids);
    assert_string_equal(ids, "A B");
    /* Several sources: the digest of the "HEX  NAME" manifest, names
    ** relative to the instrument's directory. */
    fx_sha256(MAIN_WITH_HELPER, strlen(MAIN_WITH_HELPER), h_main);
    fx_sha256(HELPER, strlen(HELPER), h_help);
    assert_string_not_equal(vep_instrument_sha256(ins), h_main);
    snprintf(manifest, sizeof manifest, "%s  main.lua\n%s  helper.lua\n", h_main, h_help);
    fx_sha256(manifest, strlen(manifest), want);
    assert_string_equal(vep_instrument_sha256(ins), want);
    /* The same files through another path give the same digest. */
    snprintf(alt, sizeof alt, "%s/./main.lua", dir);
    assert_int_equal(vep_instrument_load_file(&again, t->e, alt), VEP_OK);
    assert_string_equal(vep_instrument_sha256(again), want);
    vep_instrument_free(again);
    /* A change in the helper changes the digest. */
    fx_write(dir, "helper.lua", HELPER "-- changed\n");
    assert_int_equal(vep_instrument_load_file(&again, t->e, path), VEP_OK);
    assert_string_not_equal(vep_instrument_sha256(again), want);
    vep_instrument_free(again);
    vep_instrument_free(ins);
    fx_rmtree(dir);
}

/* "lib.util" is lib/util.lua, named so in the manifest; a module required
** twice is read once. */
static void test_require_dotted_module(void **state)
{
    lt *t = *state;
    vep_instrument *ins = NULL;
    static const char main_src[] = FX_HEAD ITEM_A "require \"lib.util\"\nrequire \"lib.util\"\n";
    char dir[256], sub[300], path[300], h_main[65], h_util[65], manifest[256], want[65], ids[64];

    fx_mkdtemp(dir);
    snprintf(sub, sizeof sub, "%s/lib", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    fx_write(sub, "util.lua", HELPER);
    snprintf(path, sizeof path, "%s", fx_write(dir, "main.lua", main_src));
    if (vep_instrument_load_file(&ins, t->e, path) != VEP_OK) {
        fx_dump(t->e);
        fail_msg("require \"lib.util\" failed");
    }
    item_ids(ins, ids, sizeof ids);
    assert_string_equal(ids, "A B");
    fx_sha256(main_src, strlen(main_src), h_main);
    fx_sha256(HELPER, strlen(HELPER), h_util);
    snprintf(manifest, sizeof manifest, "%s  main.lua\n%s  lib/util.lua\n", h_main, h_util);
    fx_sha256(manifest, strlen(manifest), want);
    assert_string_equal(vep_instrument_sha256(ins), want);
    vep_instrument_free(ins);
    fx_rmtree(dir);
}

static void test_require_missing_module(void **state)
{
    lt *t = *state;
    vep_instrument *ins = (vep_instrument *)&ins;
    char dir[256];
    const char *path;

    fx_mkdtemp(dir);
    path = fx_write(dir, "main.lua", FX_HEAD ITEM_A "require \"nothere\"\n");
    assert_int_equal(vep_instrument_load_file(&ins, t->e, path), VEP_ERR_SCRIPT);
    assert_null(ins);
    assert_int_equal(vep_diag_count(t->e), 1);
    assert_int_equal(vep_diag_line(t->e, 0), 3);
    assert_string_equal(vep_diag_get(t->e, 0, VEP_DIAG_FILE), path);
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "nothere");
    fx_rmtree(dir);
}

static void test_require_parent_forbidden(void **state)
{
    lt *t = *state;
    vep_instrument *ins = NULL;
    char dir[256], sub[300], path[320];
    static const char *const names[] = { "../x", "/etc/passwd", "a/b", "a..b", ".a", "" };
    size_t i;

    fx_mkdtemp(dir);
    snprintf(sub, sizeof sub, "%s/inst", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    fx_write(dir, "x.lua", HELPER);   /* exists, one level up */
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        char src[256];
        snprintf(src, sizeof src, FX_HEAD ITEM_A "require \"%s\"\n", names[i]);
        snprintf(path, sizeof path, "%s", fx_write(sub, "main.lua", src));
        assert_int_equal(vep_instrument_load_file(&ins, t->e, path), VEP_ERR_SCRIPT);
        assert_null(ins);
        if (strcmp(vep_diag_get(t->e, 0, VEP_DIAG_RULE), "forbidden") != 0) {
            fx_dump(t->e);
            fail_msg("require \"%s\" was not refused as forbidden", names[i]);
        }
        assert_int_equal(vep_diag_line(t->e, 0), 3);
    }
    fx_rmtree(dir);
}

static void test_symlink_outside_refused(void **state)
{
    lt *t = *state;
    vep_instrument *ins = NULL;
    char dir[256], inst[300], out[300], target[320], link[320], path[320];

    fx_mkdtemp(dir);
    snprintf(inst, sizeof inst, "%s/inst", dir);
    snprintf(out, sizeof out, "%s/outside", dir);
    assert_int_equal(mkdir(inst, 0700), 0);
    assert_int_equal(mkdir(out, 0700), 0);
    snprintf(target, sizeof target, "%s", fx_write(out, "evil.lua", HELPER));
    snprintf(link, sizeof link, "%s/evil.lua", inst);
    assert_int_equal(symlink(target, link), 0);
    snprintf(path, sizeof path, "%s", fx_write(inst, "main.lua", FX_HEAD ITEM_A "require \"evil\"\n"));
    assert_int_equal(vep_instrument_load_file(&ins, t->e, path), VEP_ERR_SCRIPT);
    assert_null(ins);
    assert_int_equal(vep_diag_line(t->e, 0), 3);
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "'evil'");
    /* A relative link that climbs out is refused as well. */
    assert_int_equal(unlink(link), 0);
    assert_int_equal(symlink("../outside/evil.lua", link), 0);
    assert_int_equal(vep_instrument_load_file(&ins, t->e, path), VEP_ERR_SCRIPT);
    assert_null(ins);
    fx_assert_contains(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), "'evil'");
    /* The message does not tell where the file would have been. */
    assert_null(strstr(vep_diag_get(t->e, 0, VEP_DIAG_MESSAGE), dir));
    /* A link that stays inside the directory is followed. */
    assert_int_equal(unlink(link), 0);
    fx_write(inst, "real.lua", HELPER);
    assert_int_equal(symlink("real.lua", link), 0);
    if (vep_instrument_load_file(&ins, t->e, path) != VEP_OK) {
        fx_dump(t->e);
        fail_msg("a link inside the directory was refused");
    }
    vep_instrument_free(ins);
    fx_rmtree(dir);
}

static void test_load_file_io_errors(void **state)
{
    lt *t = *state;
    vep_instrument *ins = (vep_instrument *)&ins;
    char dir[256], path[300];

    fx_mkdtemp(dir);
    snprintf(path, sizeof path, "%s/none.lua", dir);
    assert_int_equal(vep_instrument_load_file(&ins, t->e, path), VEP_ERR_IO);
    assert_null(ins);
    fx_assert_contains(vep_engine_errmsg(t->e), path);
    assert_int_equal(vep_instrument_load_file(&ins, t->e, dir), VEP_ERR_IO);
    assert_null(ins);
    fx_rmtree(dir);
}

/* ---- Limits at load time ---------------------------------------------- */

/* A good script loads on `e` right after a breach. */
static void loads_after(vep_engine *e)
{
    vep_instrument *ins = fx_load_ok(e, MINIMAL);
    assert_string_equal(vep_engine_errmsg(e), "");
    assert_int_equal(vep_diag_count(e), 0);
    vep_instrument_free(ins);
}

static void test_instruction_limit_at_load(void **state)
{
    fx_alloc a;
    vep_engine *e;
    const char *loop = FX_HEAD ITEM_A "while true do end\n";
    (void)state;
    memset(&a, 0, sizeof a);
    e = fx_engine_with(&a, 0, 100000, 0);
    load_fails(e, "loop.lua", loop, VEP_ERR_LIMIT_INSTRUCTIONS);
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_RULE), "instruction_limit");
    assert_int_equal(vep_diag_line(e, 0), 3);
    /* pcall cannot swallow it. */
    load_fails(e, "loop.lua", FX_HEAD "pcall(function() while true do end end)\n" ITEM_A,
               VEP_ERR_LIMIT_INSTRUCTIONS);
    loads_after(e);
    vep_engine_free(e);
    assert_int_equal(a.live_bytes, 0);
}

static void test_time_limit_at_load(void **state)
{
    fx_alloc a;
    vep_engine *e;
    (void)state;
    memset(&a, 0, sizeof a);
    e = fx_engine_with(&a, 0, (uint64_t)1 << 60, 200);
    load_fails(e, "slow.lua", FX_HEAD ITEM_A "local i = 0\nwhile true do i = i + 1 end\n",
               VEP_ERR_LIMIT_TIME);
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_RULE), "time_limit");
    assert_int_equal(vep_diag_line(e, 0), 4);
    loads_after(e);
    vep_engine_free(e);
    assert_int_equal(a.live_bytes, 0);
}

static void test_memory_limit_at_load(void **state)
{
    fx_alloc a;
    vep_engine *e;
    (void)state;
    memset(&a, 0, sizeof a);
    e = fx_engine_with(&a, VEP_MIN_MEMORY_LIMIT, 0, 0);
    load_fails(e, "big.lua", FX_HEAD ITEM_A
               "local t = {}\nfor i = 1, 10000000 do t[i] = i end\n", VEP_ERR_LIMIT_MEMORY);
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_RULE), "memory_limit");
    /* Nor can a script catch it and carry on. */
    load_fails(e, "big.lua", FX_HEAD ITEM_A
               "pcall(function() local t = {} for i = 1, 10000000 do t[i] = i end end)\n",
               VEP_ERR_LIMIT_MEMORY);
    loads_after(e);
    vep_engine_free(e);
    assert_int_equal(a.live_bytes, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_minimal_loads, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_sha256_follows_the_bytes, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_load_file_one_source, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_syntax_error, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_runtime_error_line, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_forbidden_globals, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_string_dump_unavailable, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_undefined_global_named, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_require_from_buffer_refused, lt_setup, lt_teardown),
        cmocka_unit_test(test_diag_json_escapes),
        cmocka_unit_test_setup_teardown(test_unknown_field, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_missing_instrument, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_instrument_twice, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_bad_versions, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_infinite_counts_refused, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_missing_version_and_id, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_bad_language_tags, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_text_in_undeclared_language, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_require_helper_module, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_require_dotted_module, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_require_missing_module, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_require_parent_forbidden, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_symlink_outside_refused, lt_setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_load_file_io_errors, lt_setup, lt_teardown),
        cmocka_unit_test(test_instruction_limit_at_load),
        cmocka_unit_test(test_time_limit_at_load),
        cmocka_unit_test(test_memory_limit_at_load),
    };
    fx_run(tests);
}
