/*
** test_determinism.c -- the same input gives the same bytes, whatever the
** engine did before.
**
** The inputs are the conformance vectors (tests/vectors: the core
** instruments, Serbia's, North Macedonia's and the Federation of Bosnia
** and Herzegovina's overlays, plans, need-to-know views, a migration, a
** plan asking host functions, invalid documents), the bundled examples,
** the examples of Bosnia and Herzegovina's overlays (Brcko District,
** Republika Srpska, the state-level RNA with its plan) and assessments
** given to the wrong instrument.  Each input's steps (migrate, score, plan,
** assess, as the vectors run them) give one document; after a failing step
** the diagnostics as JSON.  The reference is a fresh engine per input.
**
** One shared engine then runs every input in three orders: forward,
** reverse, and a fixed shuffle (our own xorshift generator, no rand()),
** each input preceded by a hostile or failing script on the same engine:
** top levels that exhaust the instruction limit (also inside pcall), run
** out of memory or do not parse, and function rules that loop, run out of
** memory, or try to leave state behind for the next assessment (globals,
** library fields, coroutines, a replaced `pairs`).  Every document, the
** hostile scripts' included, must be byte for byte the fresh engine's.
**
** Last, every input again under each other locale installed (de_DE with
** its decimal comma, tr_TR with its dotless i, sr_RS, en_US collation):
** the C library's locale must not reach a result.
*/
#include "api_fixture.h"
#include <locale.h>

/* Limits of every engine here: low enough for the hostile scripts to hit
** them quickly, ample for the bundled scripts. */
#define MEMORY (32u << 20)
#define INSTRUCTIONS 2000000u

#define ITEM_A "item \"A\" { type = \"presence\", text = \"A?\" }\n"
#define FN(body) "score \"s\" { rule = \"function\", uses = { \"A\" }, fn = function(a)\n" \
                 body "\nend }\n"
/* A loop doubling a string and keeping every step: out of memory in a few
** dozen instructions. */
#define HOG "local t, s = {}, \"x\"\nfor i = 1, 64 do s = s .. s; t[i] = s end\n"

/* A function rule that tries to leave state behind for the next
** assessment; a second one sees it within the same assessment (they share
** a sandbox), so the result is 1111 and 2 every time, never more. */
static const char leaver[] = FX_HEAD ITEM_A
    "local calls = 0\n"
    "score \"leak\" { rule = \"function\", uses = { \"A\" }, fn = function(a)\n"
    "  calls = calls + 1\n"
    "  left_behind = (rawget(_ENV, \"left_behind\") or 0) + 1\n"
    "  string.leaked = (rawget(string, \"leaked\") or 0) + 1\n"
    "  rawset(date, \"extra\", (rawget(date, \"extra\") or 0) + 1)\n"
    "  local ok = pcall(setmetatable, _G, {})\n"
    "  kept = coroutine.wrap(function() while true do coroutine.yield(calls) end end)\n"
    "  kept()\n"
    "  pairs = function() error(\"replaced\") end\n"
    "  return calls * 1000 + left_behind * 100 + string.leaked * 10 + date.extra,\n"
    "         ok and \"metatable changed\" or \"metatable protected\"\n"
    "end }\n"
    "score \"after\" { rule = \"function\", uses = { \"A\", \"leak\" }, fn = function(a)\n"
    "  return left_behind + string.leaked, type(kept) .. \" \" .. tostring(kept())\n"
    "end }\n";

/* The hostile and failing scripts: loaded from memory; those with a
** function rule are then given the assessment of FX_HEAD's instrument. */
static const struct hostile {
    const char *name, *src;
    int scores;
} hostiles[] = {
    { "load: endless loop", FX_HEAD "while true do end\n", 0 },
    { "load: out of memory", FX_HEAD HOG, 0 },
    { "load: syntax error", FX_HEAD "item \"A\" { type = \n", 0 },
    { "load: pcall swallows the limit",
      FX_HEAD "for i = 1, 3 do pcall(function() while true do end end) end\n" ITEM_A, 0 },
    { "score: leaves state behind", leaver, 1 },
    { "score: endless loop", FX_HEAD ITEM_A FN("while true do end"), 1 },
    { "score: out of memory", FX_HEAD ITEM_A FN(HOG), 1 },
    { "score: leaves state behind, then loops",
      FX_HEAD ITEM_A FN("gone = 1; string.gone = 1; while true do end"), 1 },
};
#define NHOSTILE (sizeof hostiles / sizeof hostiles[0])

/* The assessment of FX_HEAD's instrument. */
static const char t_doc[] =
    "{ \"instrument\": { \"id\": \"t\", \"version\": \"1.0.0\" },"
    " \"subject\": { \"id\": \"P-1\" }, \"assessor\": { \"id\": \"A-1\", \"role\": \"r\" },"
    " \"date\": \"2026-01-01\", \"answers\": { \"A\": { \"value\": \"present\" } } }";

/* One input: the scripts (absolute paths), the documents, the options,
** and the fresh engine's output. */
typedef struct input {
    char name[96];
    char *instrument, *migration, *plan;
    char *doc, *ctx, *agency, *language;
    size_t doclen, ctxlen;
    char *want;
} input;

/* What the tests share: the inputs, the host files' answers, and the
** hostile scripts' fresh outputs. */
typedef struct suite {
    input in[48];
    size_t n;
    cJSON *hosts;                /* name -> {signature, returns}       */
    char *hostile_want[NHOSTILE];
} suite;

/* An engine and the scripts it has loaded, each once (key: path or the
** hostile script's name). */
typedef struct shelf {
    vep_engine *e;
    const char *keys[64];
    int kinds[64];               /* 0 instrument, 1 plan, 2 migration  */
    void *h[64];
    size_t n;
} shelf;

/* ---- Engines and scripts ---------------------------------------------- */

/* A host function of the vectors: answers its "returns" whatever the
** arguments (as tests/vectors/README.md says). */
static int host_answer(void *ud, vep_host_call *call)
{
    const cJSON *f = ud, *r = cJSON_GetObjectItemCaseSensitive(f, "returns");
    if (r == NULL)
        return 0;
    if (cJSON_IsBool(r))
        return vep_host_call_return_bool(call, cJSON_IsTrue(r)) != VEP_OK;
    if (cJSON_IsString(r))
        return vep_host_call_return_string(call, r->valuestring) != VEP_OK;
    if (strncmp(fx_jstr(f, "signature"), "int64", 5) == 0)
        return vep_host_call_return_int64(call, (int64_t)r->valuedouble) != VEP_OK;
    return vep_host_call_return_double(call, r->valuedouble) != VEP_OK;
}

/* Opens a shelf: an engine with the limits above and the host functions. */
static void shelf_open(shelf *s, const suite *su)
{
    const cJSON *f;
    memset(s, 0, sizeof *s);
    s->e = fx_engine_with(NULL, MEMORY, INSTRUCTIONS, 600000);
    cJSON_ArrayForEach(f, su->hosts)
        assert_int_equal(vep_host_register_callback(s->e, f->string, fx_jstr(f, "signature"),
                                                    host_answer, (void *)f), VEP_OK);
}

/* Frees the shelf's scripts, then its engine. */
static void shelf_close(shelf *s)
{
    size_t i;
    for (i = 0; i < s->n; i++) {
        if (s->kinds[i] == 0)
            vep_instrument_free(s->h[i]);
        else if (s->kinds[i] == 1)
            vep_plan_free(s->h[i]);
        else
            vep_migration_free(s->h[i]);
    }
    vep_engine_free(s->e);
    memset(s, 0, sizeof *s);
}

/* The script `key` of `kind`, loaded on first use (from `src` when not
** NULL, else from the file `key`); NULL with *st when it does not load. */
static void *shelf_get(shelf *s, const char *key, int kind, const char *src,
                       vep_status *st)
{
    void *h = NULL;
    size_t i;
    for (i = 0; i < s->n; i++)
        if (s->kinds[i] == kind && strcmp(s->keys[i], key) == 0)
            return s->h[i];
    if (src != NULL)
        *st = vep_instrument_load_buffer((vep_instrument **)&h, s->e, key, src, strlen(src));
    else if (kind == 0)
        *st = vep_instrument_load_file((vep_instrument **)&h, s->e, key);
    else if (kind == 1)
        *st = vep_plan_load_file((vep_plan **)&h, s->e, key);
    else
        *st = vep_migration_load_file((vep_migration **)&h, s->e, key);
    if (*st != VEP_OK)
        return NULL;
    assert_true(s->n < 64);
    s->keys[s->n] = key;
    s->kinds[s->n] = kind;
    s->h[s->n++] = h;
    return h;
}

/* ---- Outputs ---------------------------------------------------------- */

/* Appends `s` to the malloc'd string *out. */
static void out_add(char **out, const char *s)
{
    size_t n = *out ? strlen(*out) : 0;
    *out = realloc(*out, n + strlen(s) + 1);
    assert_non_null(*out);
    strcpy(*out + n, s);
}

/* Appends a step: its name and status, then its document or, after a
** failure, the diagnostics as JSON. */
static void out_step(char **out, vep_engine *e, const char *step, vep_status st,
                     const char *doc)
{
    char *diag = NULL;
    out_add(out, "== ");
    out_add(out, step);
    out_add(out, " ");
    out_add(out, vep_status_name(st));
    out_add(out, "\n");
    if (st != VEP_OK) {
        assert_int_equal(vep_diag_json(&diag, e), VEP_OK);
        doc = diag;
    }
    if (doc != NULL)
        out_add(out, doc);
    out_add(out, "\n");
    vep_free(diag);
}

/* Runs an input on the shelf: migrate, score, plan, assess (up to the
** first failing step).  Returns the malloc'd output. */
static char *run_input(shelf *s, const input *in)
{
    vep_plan_options po = VEP_PLAN_OPTIONS_INIT;
    vep_instrument *ins;
    vep_migration *mig = NULL;
    vep_plan *plan = NULL;
    char *out = NULL, *migrated = NULL, *result = NULL, *doc = NULL;
    const char *input_doc = in->doc;
    size_t len = in->doclen;
    vep_status st = VEP_OK;

    ins = shelf_get(s, in->instrument, 0, NULL, &st);
    if (ins != NULL && in->migration != NULL)
        mig = shelf_get(s, in->migration, 2, NULL, &st);
    if (st == VEP_OK && in->plan != NULL)
        plan = shelf_get(s, in->plan, 1, NULL, &st);
    if (st != VEP_OK) {
        out_step(&out, s->e, "load", st, NULL);
        return out;
    }
    if (mig != NULL) {
        st = vep_migrate(&migrated, mig, in->doc, in->doclen);
        out_step(&out, s->e, "migrate", st, migrated);
        input_doc = migrated;
        len = migrated ? strlen(migrated) : 0;
    }
    if (st == VEP_OK) {
        st = vep_score(&result, ins, input_doc, len);
        out_step(&out, s->e, "score", st, result);
    }
    if (st == VEP_OK && plan != NULL) {
        po.agency = in->agency;
        po.language = in->language;
        st = vep_plan_evaluate(&doc, plan, result, strlen(result), in->ctx, in->ctxlen, &po);
        out_step(&out, s->e, "plan", st, doc);
        vep_free(doc);
        doc = NULL;
        if (st == VEP_OK) {
            st = vep_assess(&doc, ins, plan, input_doc, len, in->ctx, in->ctxlen, &po);
            out_step(&out, s->e, "assess", st, doc);
            vep_free(doc);
        }
    }
    vep_free(result);
    vep_free(migrated);
    return out;
}

/* Runs hostile script k on the shelf: its load and, for those with a
** function rule, scoring the assessment of FX_HEAD's instrument.  Returns
** the malloc'd output. */
static char *run_hostile(shelf *s, size_t k)
{
    vep_status st = VEP_OK;
    vep_instrument *ins = NULL;
    char *out = NULL, *result = NULL;
    if (hostiles[k].scores) {
        ins = shelf_get(s, hostiles[k].name, 0, hostiles[k].src, &st);
    } else {
        st = vep_instrument_load_buffer(&ins, s->e, hostiles[k].name, hostiles[k].src,
                                        strlen(hostiles[k].src));
        vep_instrument_free(ins);
        ins = NULL;
    }
    out_step(&out, s->e, "load", st, NULL);
    if (ins != NULL) {
        st = vep_score(&result, ins, t_doc, strlen(t_doc));
        out_step(&out, s->e, "score", st, result);
        vep_free(result);
    }
    return out;
}

/* ---- The inputs --------------------------------------------------------- */

/* An absolute copy of repository path `rel`, or NULL. */
static char *abs_path(const char *rel)
{
    char *p;
    if (rel == NULL)
        return NULL;
    p = strdup(fx_path(rel));
    assert_non_null(p);
    return p;
}

/* Adds an input; paths relative to the repository (NULL: none). */
static input *suite_add(suite *su, const char *name, const char *instrument,
                        const char *doc, const char *migration, const char *plan,
                        const char *context)
{
    input *in;
    assert_true(su->n < sizeof su->in / sizeof su->in[0]);
    in = &su->in[su->n++];
    memset(in, 0, sizeof *in);
    snprintf(in->name, sizeof in->name, "%s", name);
    in->instrument = abs_path(instrument);
    in->migration = abs_path(migration);
    in->plan = abs_path(plan);
    in->doc = fx_read(fx_path(doc), &in->doclen);
    if (context != NULL)
        in->ctx = fx_read(fx_path(context), &in->ctxlen);
    return in;
}

/* A string member of `o` (a copy), or NULL. */
static char *member(const cJSON *o, const char *key)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, key);
    char *s;
    if (!cJSON_IsString(m))
        return NULL;
    s = strdup(m->valuestring);
    assert_non_null(s);
    return s;
}

/* The host functions of a vector's host file join su->hosts. */
static void suite_hosts(suite *su, const char *rel)
{
    char *text = fx_read(fx_path(rel), NULL);
    cJSON *file = cJSON_Parse(text), *f;
    free(text);
    assert_true(cJSON_IsObject(file));
    while ((f = file->child) != NULL) {
        cJSON_DetachItemViaPointer(file, f);
        if (cJSON_GetObjectItemCaseSensitive(su->hosts, f->string) != NULL)
            cJSON_Delete(f);      /* the same vectors' answers (one file today) */
        else
            cJSON_AddItemToObject(su->hosts, f->string, f);
    }
    cJSON_Delete(file);
}

/* Every vector of the manifest, the examples, Bosnia and Herzegovina's
** examples and two assessments given to the wrong instrument. */
static void suite_build(suite *su)
{
    char *text = fx_read(fx_path("tests/vectors/manifest.json"), NULL), *s[7];
    cJSON *m = cJSON_Parse(text);
    const cJSON *v;
    input *in;
    int k;
    free(text);
    assert_non_null(m);
    su->hosts = cJSON_CreateObject();
    assert_non_null(su->hosts);
    cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(m, "vectors")) {
        static const char *const keys[7] = { "name", "instrument", "assessment",
                                             "migration", "plan", "context", "host" };
        for (k = 0; k < 7; k++)
            s[k] = member(v, keys[k]);
        in = suite_add(su, s[0], s[1], s[2], s[3], s[4], s[5]);
        in->agency = member(v, "agency");
        in->language = member(v, "language");
        if (s[6] != NULL)
            suite_hosts(su, s[6]);
        for (k = 0; k < 7; k++)
            free(s[k]);
    }
    cJSON_Delete(m);
    assert_true(su->n >= 12 && cJSON_GetArraySize(su->hosts) > 0);
    suite_add(su, "example screen-positive", "instruments/screening/vep-screen.lua",
              "examples/assessments/screen-positive.json", NULL,
              "instruments/plans/vep-plan-screen.lua", "examples/cases/screen-positive.context.json");
    suite_add(su, "example screen-negative", "instruments/screening/vep-screen.lua",
              "examples/assessments/screen-negative.json", NULL, NULL, NULL);
    suite_add(su, "example rna-example", "instruments/rna/vep-rna.lua",
              "examples/assessments/rna-example.json", NULL,
              "instruments/plans/vep-plan-rna.lua", "examples/cases/rna-example.context.json");
    suite_add(su, "ba brcko", "instruments/ba/brcko/vep-screen-ba-brcko.lua",
              "instruments/ba/examples/screen-ba-brcko.json", NULL, NULL, NULL);
    suite_add(su, "ba srpska", "instruments/ba/srpska/vep-screen-ba-srpska.lua",
              "instruments/ba/examples/screen-ba-srpska.json", NULL, NULL, NULL);
    suite_add(su, "ba rna", "instruments/ba/vep-rna-ba.lua", "instruments/ba/examples/rna-ba.json",
              NULL, "instruments/plans/vep-plan-rna.lua", "instruments/ba/examples/rna-ba.context.json");
    suite_add(su, "screen given to its Serbian overlay", "instruments/rs/vep-screen-rs.lua",
              "examples/assessments/screen-positive.json", NULL, NULL, NULL);
    suite_add(su, "rna given to the screen", "instruments/screening/vep-screen.lua",
              "examples/assessments/rna-example.json", NULL, NULL, NULL);
}

/* Frees the inputs, outputs and host answers. */
static void suite_free(suite *su)
{
    size_t i;
    for (i = 0; i < su->n; i++) {
        free(su->in[i].instrument);
        free(su->in[i].migration);
        free(su->in[i].plan);
        free(su->in[i].doc);
        free(su->in[i].ctx);
        free(su->in[i].agency);
        free(su->in[i].language);
        free(su->in[i].want);
    }
    for (i = 0; i < NHOSTILE; i++)
        free(su->hostile_want[i]);
    cJSON_Delete(su->hosts);
    free(su);
}

/* Group setup: the suite, with every input's and hostile script's output
** from a fresh engine of its own. */
static int suite_setup(void **state)
{
    suite *su = calloc(1, sizeof *su);
    shelf s;
    size_t i;
    assert_non_null(su);
    suite_build(su);
    for (i = 0; i < su->n; i++) {
        shelf_open(&s, su);
        su->in[i].want = run_input(&s, &su->in[i]);
        shelf_close(&s);
    }
    for (i = 0; i < NHOSTILE; i++) {
        shelf_open(&s, su);
        su->hostile_want[i] = run_hostile(&s, i);
        shelf_close(&s);
    }
    *state = su;
    return 0;
}

/* Group teardown: frees the suite. */
static int suite_teardown(void **state)
{
    suite_free(*state);
    return 0;
}

/* ---- Orders ------------------------------------------------------------- */

/* xorshift32: the shuffle's generator (fixed seed, the same everywhere). */
static uint32_t next_random(uint32_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x;
}

/* Fills order[0..n) with 0..n-1: forward (kind 0), reverse (1), or a
** Fisher-Yates shuffle with the fixed seed (2). */
static void make_order(size_t *order, size_t n, int kind)
{
    uint32_t x = 0x2545f491u;
    size_t i, j, t;
    for (i = 0; i < n; i++)
        order[i] = kind == 1 ? n - 1 - i : i;
    for (i = n; kind == 2 && i > 1; i--) {
        j = next_random(&x) % i;
        t = order[i - 1], order[i - 1] = order[j], order[j] = t;
    }
}

/* Fails with the first byte where `got` and `want` differ. */
static void same_bytes(const char *what, const char *got, const char *want)
{
    size_t i = 0;
    if (strcmp(got, want) == 0)
        return;
    while (got[i] == want[i])
        i++;
    fprintf(stderr, "  %s differs at byte %zu:\n  got:  %.80s\n  want: %.80s\n", what, i,
            got + (i > 30 ? i - 30 : 0), want + (i > 30 ? i - 30 : 0));
    fail_msg("%s: not the fresh engine's bytes", what);
}

/* ---- Tests -------------------------------------------------------------- */

/* The references themselves: the inputs' steps end as the manifest says,
** the hostile scripts fail as intended, and the leaver's state does not
** survive (1111 and 2 are the values of a first run). */
static void test_references(void **state)
{
    static const char *const hostile_status[NHOSTILE] = {
        "== load instruction_limit", "== load memory_limit", "== load script",
        "== load instruction_limit", "== score ok", "== score instruction_limit",
        "== score memory_limit", "== score instruction_limit"
    };
    const suite *su = *state;
    size_t i;
    for (i = 0; i < su->n; i++)
        if (strncmp(su->in[i].want, "== load", 7) == 0)
            fail_msg("%s: a script does not load:\n%s", su->in[i].name, su->in[i].want);
    for (i = 0; i < NHOSTILE; i++)
        fx_assert_contains(su->hostile_want[i], hostile_status[i]);
    fx_assert_contains(su->hostile_want[4], "\"value\": 1111,");
    fx_assert_contains(su->hostile_want[4], "\"note\": \"metatable protected\"");
    fx_assert_contains(su->hostile_want[4], "\"value\": 2,");
    fx_assert_contains(su->hostile_want[4], "\"note\": \"function 1\"");
    fx_assert_contains(su->in[su->n - 1].want, "== score assessment");
}

/* One engine: every input in three orders, each after a hostile script,
** all as a fresh engine gives them. */
static void test_orders_and_hostile_scripts(void **state)
{
    const suite *su = *state;
    size_t order[48], i, step = 0;
    char *got, what[160];
    shelf s;
    int kind;
    shelf_open(&s, su);
    for (kind = 0; kind < 3; kind++) {
        make_order(order, su->n, kind);
        for (i = 0; i < su->n; i++, step++) {
            got = run_hostile(&s, step % NHOSTILE);
            snprintf(what, sizeof what, "order %d, hostile '%s'", kind, hostiles[step % NHOSTILE].name);
            same_bytes(what, got, su->hostile_want[step % NHOSTILE]);
            free(got);
            got = run_input(&s, &su->in[order[i]]);
            snprintf(what, sizeof what, "order %d, input %zu '%s'", kind, i, su->in[order[i]].name);
            same_bytes(what, got, su->in[order[i]].want);
            free(got);
        }
    }
    assert_true(step >= 3 * NHOSTILE);
    shelf_close(&s);
}

/* The shuffle is a permutation that really moves the inputs. */
static void test_shuffle_is_a_permutation(void **state)
{
    size_t order[40], seen[40], i, moved = 0;
    (void)state;
    make_order(order, 40, 2);
    memset(seen, 0, sizeof seen);
    for (i = 0; i < 40; i++) {
        assert_true(order[i] < 40);
        seen[order[i]]++;
        moved += order[i] != i;
    }
    for (i = 0; i < 40; i++)
        assert_int_equal(seen[i], 1);
    assert_true(moved > 30);
}

/* Under every other locale installed (in quick mode the first found),
** every input and hostile script gives the C locale's bytes (skipped when
** only C and POSIX exist). */
static void test_locales(void **state)
{
    static const char *const locales[] = {
        "de_DE.UTF-8", "tr_TR.UTF-8", "sr_RS.UTF-8", "sr_RS@latin", "en_US.UTF-8",
        "mk_MK.UTF-8", "sq_AL.UTF-8", "fr_FR.UTF-8", NULL
    };
    const suite *su = *state;
    size_t i, k, tried = 0;
    char *got, what[160];
    shelf s;
    for (k = 0; locales[k] != NULL && !(tried > 0 && fx_quick()); k++) {
        if (setlocale(LC_ALL, locales[k]) == NULL)
            continue;
        tried++;
        shelf_open(&s, su);
        for (i = 0; i < su->n; i++) {
            got = run_input(&s, &su->in[i]);
            snprintf(what, sizeof what, "locale %s, input '%s'", locales[k], su->in[i].name);
            setlocale(LC_ALL, "C");
            same_bytes(what, got, su->in[i].want);
            setlocale(LC_ALL, locales[k]);
            free(got);
        }
        for (i = 0; i < NHOSTILE; i++) {
            got = run_hostile(&s, i);
            snprintf(what, sizeof what, "locale %s, hostile '%s'", locales[k], hostiles[i].name);
            setlocale(LC_ALL, "C");
            same_bytes(what, got, su->hostile_want[i]);
            setlocale(LC_ALL, locales[k]);
            free(got);
        }
        shelf_close(&s);
        setlocale(LC_ALL, "C");
    }
    if (tried == 0) {
        fprintf(stderr, "  no locale but C and POSIX is installed: nothing to compare\n");
        skip();
    }
}

/* The tests share one suite, built by the group setup: the fresh
** engines' outputs are made once. */
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_references),
        cmocka_unit_test(test_shuffle_is_a_permutation),
        cmocka_unit_test(test_orders_and_hostile_scripts),
        cmocka_unit_test(test_locales),
    };
    int rc;
    fx_filter();
    rc = cmocka_run_group_tests(tests, suite_setup, suite_teardown);
    fx_cleanup_dirs();
    return rc;
}
