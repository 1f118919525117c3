/*
** api_fixture.h -- helpers shared by the tests that go through the public
** API (test_loader.c, test_check.c, test_api.c, test_runtime.c); each
** includes it once, first.
**
**   - fx_alloc: a counting vep_allocator that tracks live bytes and blocks
**     and can fail the Nth allocation (once, or from then on), for leak
**     checks and out-of-memory loops.  One per engine: no global state.
**   - files: the repository root (VEP_SOURCE_DIR, else derived from
**     __FILE__ so that a test binary also runs outside ctest, e.g. under
**     valgrind), reading a file, temporary directories.
**   - loading an inline script, looking diagnostics up, dumping them when
**     a test is about to fail, SHA-256 through libcrypto.
**   - fx_quick(): short loops, asked for by VEP_TEST_QUICK=1 and chosen by
**     itself under valgrind (VEP_TEST_QUICK=0 forces the full loops).
**   - fx_filter(): VEP_TEST_FILTER=pattern runs only the matching tests.
*/
#ifndef VEP_TEST_API_FIXTURE_H
#define VEP_TEST_API_FIXTURE_H

#define _XOPEN_SOURCE 700

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <cjson/cJSON.h>
#include "vep/vep.h"
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define FX_HAVE_VALGRIND 1
#endif
#endif

#if defined(__GNUC__)
#define FX_UNUSED __attribute__((unused))
#else
#define FX_UNUSED
#endif

/* In a sanitizer build (-DVEP_SANITIZE=address,undefined) undefined
** behaviour stops the test instead of only being printed, so that ctest
** sees it.  The runtime asks for these defaults; elsewhere they are unused. */
#if defined(__GNUC__)
__attribute__((used, visibility("default")))
#endif
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
    return "halt_on_error=1:print_stacktrace=1";
}

/* ---- Counting, failing allocator -------------------------------------- */

typedef union fx_header {
    size_t size;
    long double align_ld;
    long long align_ll;
    void *align_p;
} fx_header;

typedef struct fx_alloc {
    size_t nmalloc, nrealloc, nfree;  /* calls that reached the hook      */
    size_t live_bytes, live_blocks;   /* what is allocated now            */
    size_t peak_bytes;
    unsigned long count;              /* allocation attempts (malloc and
                                         realloc) since fx_alloc_arm       */
    unsigned long fail_at;            /* fail attempt number N; 0: never  */
    int persistent;                   /* fail every attempt from N on     */
    int injected;                     /* a failure was injected           */
} fx_alloc;

/* Whether this attempt must fail. */
static FX_UNUSED int fx_alloc_should_fail(fx_alloc *a)
{
    a->count++;
    if (a->fail_at == 0)
        return 0;
    if (a->count == a->fail_at || (a->persistent && a->count > a->fail_at)) {
        a->injected = 1;
        return 1;
    }
    return 0;
}

static FX_UNUSED void *fx_malloc(void *ud, size_t size)
{
    fx_alloc *a = ud;
    fx_header *h;
    a->nmalloc++;
    if (fx_alloc_should_fail(a))
        return NULL;
    h = malloc(sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    a->live_bytes += size;
    a->live_blocks++;
    if (a->live_bytes > a->peak_bytes)
        a->peak_bytes = a->live_bytes;
    return h + 1;
}

static FX_UNUSED void fx_free(void *ud, void *p)
{
    fx_alloc *a = ud;
    fx_header *h;
    if (p == NULL)
        return;
    a->nfree++;
    h = (fx_header *)p - 1;
    assert_true(a->live_blocks > 0);
    assert_true(a->live_bytes >= h->size);
    a->live_bytes -= h->size;
    a->live_blocks--;
    free(h);
}

static FX_UNUSED void *fx_realloc(void *ud, void *p, size_t size)
{
    fx_alloc *a = ud;
    fx_header *h, *n;
    size_t old;
    if (p == NULL)
        return fx_malloc(ud, size);
    a->nrealloc++;
    if (fx_alloc_should_fail(a))
        return NULL;
    h = (fx_header *)p - 1;
    old = h->size;
    n = realloc(h, sizeof *n + size);
    if (n == NULL)
        return NULL;
    n->size = size;
    a->live_bytes = a->live_bytes - old + size;
    if (a->live_bytes > a->peak_bytes)
        a->peak_bytes = a->live_bytes;
    return n + 1;
}

/* A vep_allocator over `a` (which must outlive the engine). */
static FX_UNUSED vep_allocator fx_allocator(fx_alloc *a)
{
    vep_allocator h;
    h.ud = a;
    h.malloc_fn = fx_malloc;
    h.realloc_fn = fx_realloc;
    h.free_fn = fx_free;
    return h;
}

/* Fails attempt `n` from now on (0: none); once, or from then on. */
static FX_UNUSED void fx_alloc_arm(fx_alloc *a, unsigned long n, int persistent)
{
    a->count = 0;
    a->fail_at = n;
    a->persistent = persistent;
    a->injected = 0;
}

static FX_UNUSED void fx_alloc_disarm(fx_alloc *a)
{
    a->fail_at = 0;
    a->persistent = 0;
}

/* An engine with the counting allocator (unless `a` is NULL) and limits
** (0: the default; for the time limit, which is wall-clock, 2 minutes, so
** that slow runs under valgrind do not time out). */
static FX_UNUSED vep_engine *fx_engine_with(fx_alloc *a, size_t mem,
                                            uint64_t instr, uint32_t ms)
{
    vep_engine_options o = VEP_ENGINE_OPTIONS_INIT;
    vep_allocator h;
    vep_engine *e = NULL;
    o.memory_limit = mem;
    o.instruction_limit = instr;
    o.time_limit_ms = ms ? ms : 120000;
    if (a) {
        h = fx_allocator(a);
        o.allocator = &h;
    }
    assert_int_equal(vep_engine_new(&e, &o), VEP_OK);
    assert_non_null(e);
    return e;
}

/* ---- Environment and files ------------------------------------------ */

/* Short loops: VEP_TEST_QUICK=1, or running under valgrind (unless
** VEP_TEST_QUICK=0). */
static FX_UNUSED int fx_quick(void)
{
    const char *q = getenv("VEP_TEST_QUICK");
    if (q != NULL && q[0] != '\0')
        return strcmp(q, "0") != 0;
#if defined(FX_HAVE_VALGRIND)
    return RUNNING_ON_VALGRIND ? 1 : 0;
#else
    return 0;
#endif
}

/* The repository root: VEP_SOURCE_DIR, else this file's ../.. */
static FX_UNUSED const char *fx_source_dir(void)
{
    static char root[4096];
    const char *env = getenv("VEP_SOURCE_DIR");
    const char *f = __FILE__, *p;
    if (env != NULL && env[0] != '\0')
        return env;
    p = strstr(f, "/tests/unit/");
    if (p == NULL)
        return ".";
    snprintf(root, sizeof root, "%.*s", (int)(p - f), f);
    return root;
}

/* A path under the repository root (static storage, two slots). */
static FX_UNUSED const char *fx_path(const char *rel)
{
    static char buf[2][4096];
    static int k;
    k = !k;
    snprintf(buf[k], sizeof buf[k], "%s/%s", fx_source_dir(), rel);
    return buf[k];
}

/* Reads a whole file (malloc'd, NUL-terminated); fails the test if it
** cannot. */
static FX_UNUSED char *fx_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long n;
    if (f == NULL)
        fail_msg("cannot open %s", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    assert_int_equal(fseek(f, 0, SEEK_SET), 0);
    data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    data[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return data;
}

/* The temporary directories made so far, removed by fx_cleanup_dirs()
** (at the end of main, so also after a failed test). */
static char fx_dirs[32][256];
static int fx_ndirs;

/* Creates a fresh temporary directory; `dir` gets its path. */
static FX_UNUSED void fx_mkdtemp(char dir[256])
{
    const char *t = getenv("TMPDIR");
    snprintf(dir, 256, "%s/vep-test-XXXXXX", t && t[0] ? t : "/tmp");
    if (mkdtemp(dir) == NULL)
        fail_msg("mkdtemp failed");
    if (fx_ndirs < 32)
        snprintf(fx_dirs[fx_ndirs++], 256, "%s", dir);
}

/* Writes `text` to dir/name; returns the path (static, two slots). */
static FX_UNUSED const char *fx_write(const char *dir, const char *name,
                                      const char *text)
{
    static char buf[2][512];
    static int k;
    FILE *f;
    k = !k;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    f = fopen(buf[k], "wb");
    if (f == NULL)
        fail_msg("cannot write %s", buf[k]);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    return buf[k];
}

static FX_UNUSED int fx_rm_one(const char *path, const struct stat *st, int flag,
                     struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

/* Removes a directory tree made by a test (symbolic links not followed). */
static FX_UNUSED void fx_rmtree(const char *dir)
{
    nftw(dir, fx_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static FX_UNUSED void fx_cleanup_dirs(void)
{
    while (fx_ndirs > 0)
        fx_rmtree(fx_dirs[--fx_ndirs]);
}

/* Runs the tests (VEP_TEST_FILTER=pattern: only the matching ones), then
** removes the temporary directories. */
#define fx_run(tests) do {                                                  \
        int fx_rc_;                                                         \
        fx_filter();                                                        \
        fx_rc_ = cmocka_run_group_tests(tests, NULL, NULL);                 \
        fx_cleanup_dirs();                                                  \
        return fx_rc_;                                                      \
    } while (0)

/* ---- Loading and diagnostics ---------------------------------------- */

/* Prints the engine's diagnostics (shown by cmocka when a test fails). */
static FX_UNUSED void fx_dump(const vep_engine *e)
{
    size_t i, n = vep_diag_count(e);
    fprintf(stderr, "  errmsg: %s\n", vep_engine_errmsg(e));
    for (i = 0; i < n; i++)
        fprintf(stderr, "  [%zu] %s:%u path=%s item=%s rule=%s: %s\n", i,
                vep_diag_get(e, i, VEP_DIAG_FILE), vep_diag_line(e, i),
                vep_diag_get(e, i, VEP_DIAG_PATH),
                vep_diag_get(e, i, VEP_DIAG_ITEM),
                vep_diag_get(e, i, VEP_DIAG_RULE),
                vep_diag_get(e, i, VEP_DIAG_MESSAGE));
}

/* Loads `src` from memory as `name`; *out is NULL on failure.  Prints the
** diagnostics when the status is not `expect`. */
static FX_UNUSED vep_status fx_load(vep_engine *e, const char *name,
                                    const char *src, vep_instrument **out)
{
    vep_status st = vep_instrument_load_buffer(out, e, name, src, strlen(src));
    if (st != VEP_OK) {
        assert_null(*out);
    } else {
        assert_non_null(*out);
    }
    return st;
}

/* Loads a script that must load; fails the test with its diagnostics. */
static FX_UNUSED vep_instrument *fx_load_ok(vep_engine *e, const char *src)
{
    vep_instrument *ins = NULL;
    vep_status st = fx_load(e, "ok.lua", src, &ins);
    if (st != VEP_OK) {
        fx_dump(e);
        fail_msg("loading failed: %s", vep_status_name(st));
    }
    return ins;
}

/* The index of the first diagnostic with `rule` (and `item` when not
** NULL), or -1. */
static FX_UNUSED long fx_find(const vep_engine *e, const char *rule,
                              const char *item)
{
    size_t i, n = vep_diag_count(e);
    for (i = 0; i < n; i++)
        if (strcmp(vep_diag_get(e, i, VEP_DIAG_RULE), rule) == 0
            && (item == NULL || strcmp(vep_diag_get(e, i, VEP_DIAG_ITEM), item) == 0))
            return (long)i;
    return -1;
}

/* Asserts a diagnostic with rule and item exists; returns its index. */
static FX_UNUSED size_t fx_expect(const vep_engine *e, const char *rule,
                                  const char *item)
{
    long i = fx_find(e, rule, item);
    if (i < 0) {
        fx_dump(e);
        fail_msg("no diagnostic with rule '%s' and item '%s'", rule,
                 item ? item : "*");
    }
    return (size_t)i;
}

/* Number of diagnostics with `rule`. */
static FX_UNUSED size_t fx_count_rule(const vep_engine *e, const char *rule)
{
    size_t i, n = vep_diag_count(e), k = 0;
    for (i = 0; i < n; i++)
        if (strcmp(vep_diag_get(e, i, VEP_DIAG_RULE), rule) == 0)
            k++;
    return k;
}

/* The 1-based line of the first line of `src` containing `marker`. */
static FX_UNUSED unsigned fx_line_of(const char *src, const char *marker)
{
    const char *p = strstr(src, marker), *q;
    unsigned line = 1;
    if (p == NULL)
        fail_msg("marker '%s' not in the script", marker);
    for (q = src; q < p; q++)
        if (*q == '\n')
            line++;
    return line;
}

/* Asserts that `hay` contains `needle`. */
#define fx_assert_contains(hay, needle) do {                                \
        const char *fx_h_ = (hay), *fx_n_ = (needle);                       \
        if (fx_h_ == NULL || strstr(fx_h_, fx_n_) == NULL)                  \
            fail_msg("'%s' does not contain '%s'", fx_h_ ? fx_h_ : "(null)",\
                     fx_n_);                                                \
    } while (0)

/* SHA-256 of bytes as lower-case hex, through libcrypto. */
static FX_UNUSED void fx_sha256(const void *data, size_t len, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    assert_int_equal(EVP_Digest(data, len, md, &n, EVP_sha256(), NULL), 1);
    assert_int_equal(n, 32);
    for (i = 0; i < n; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
}

/* Loads the instrument at `path` (absolute, or under the repository);
** fails the test with the diagnostics if it does not load. */
static FX_UNUSED vep_instrument *fx_load_file(vep_engine *e, const char *path)
{
    vep_instrument *ins = NULL;
    if (vep_instrument_load_file(&ins, e, path[0] == '/' ? path : fx_path(path)) != VEP_OK) {
        fx_dump(e);
        fail_msg("cannot load %s", path);
    }
    return ins;
}

/* Scores `json`, which must succeed; returns a malloc'd copy of the result. */
static FX_UNUSED char *fx_score_copy(vep_instrument *ins, const char *json)
{
    char *out = NULL, *copy;
    vep_status st = vep_score(&out, ins, json, strlen(json));
    if (st != VEP_OK)
        fail_msg("scoring failed: %s", vep_status_name(st));
    assert_non_null(out);
    copy = strdup(out);
    assert_non_null(copy);
    vep_free(out);
    return copy;
}

/* A string / number member of a JSON object, which must exist. */
static FX_UNUSED const char *fx_jstr(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsString(v))
        fail_msg("key '%s' is missing or not a string", key);
    return v->valuestring;
}

static FX_UNUSED double fx_jnum(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v))
        fail_msg("key '%s' is missing or not a number", key);
    return v->valuedouble;
}

/* vep_diag_json as documented, and equal to the vep_diag_* accessors. */
static FX_UNUSED void fx_check_diag_json(const vep_engine *e, vep_status st)
{
    char *json = NULL;
    cJSON *doc, *errs, *g;
    size_t i = 0;
    assert_int_equal(vep_diag_json(&json, e), VEP_OK);
    doc = cJSON_Parse(json);
    if (doc == NULL)
        fail_msg("vep_diag_json is not JSON: %s", json);
    assert_string_equal(fx_jstr(doc, "status"), vep_status_name(st));
    assert_string_equal(fx_jstr(doc, "message"), vep_engine_errmsg(e));
    errs = cJSON_GetObjectItemCaseSensitive(doc, "errors");
    assert_true(cJSON_IsArray(errs));
    assert_int_equal(cJSON_GetArraySize(errs), vep_diag_count(e));
    cJSON_ArrayForEach(g, errs) {
        assert_int_equal(cJSON_GetArraySize(g), 6);
        assert_string_equal(fx_jstr(g, "file"), vep_diag_get(e, i, VEP_DIAG_FILE));
        assert_true(fx_jnum(g, "line") == (double)vep_diag_line(e, i));
        assert_string_equal(fx_jstr(g, "path"), vep_diag_get(e, i, VEP_DIAG_PATH));
        assert_string_equal(fx_jstr(g, "item"), vep_diag_get(e, i, VEP_DIAG_ITEM));
        assert_string_equal(fx_jstr(g, "rule"), vep_diag_get(e, i, VEP_DIAG_RULE));
        assert_string_equal(fx_jstr(g, "message"), vep_diag_get(e, i, VEP_DIAG_MESSAGE));
        i++;
    }
    assert_null(cJSON_GetObjectItemCaseSensitive(doc, "not_shown"));
    cJSON_Delete(doc);
    vep_free(json);
}

/* ---- Out-of-memory loops -------------------------------------------- */

/* The next N to fail: every N, or in quick mode each of the first 20 and
** then about 120 points spread over the rest. */
static FX_UNUSED unsigned long fx_next_n(unsigned long n, unsigned long total)
{
    if (!fx_quick() || n < 20)
        return n + 1;
    return n + (total / 120 > 1 ? total / 120 : 1);
}

/* Clears the engine's diagnostics with a cheap failing call. */
static FX_UNUSED void fx_clear(vep_engine *e)
{
    vep_instrument *x;
    assert_int_equal(vep_instrument_load_buffer(&x, e, "x", NULL, 1), VEP_ERR_ARGUMENT);
}

/* What a loop found wrong; it carries on after a problem, so that one run
** shows all of them. */
typedef struct fx_oom_log {
    unsigned long bad;
    char text[2048];
} fx_oom_log;

static FX_UNUSED void fx_oom_note(fx_oom_log *log, const char *fmt, ...)
{
    va_list ap;
    size_t n = strlen(log->text);
    if (log->bad++ < 6 && n < sizeof log->text - 1) {
        va_start(ap, fmt);
        vsnprintf(log->text + n, sizeof log->text - n, fmt, ap);
        va_end(ap);
    }
}

/* A failed call with allocation n armed: an injected failure caused it,
** it says out of memory, and (when `msg`) the engine has a message. */
static FX_UNUSED void fx_oom_failed(fx_oom_log *log, const fx_alloc *a, const vep_engine *e,
                                    vep_status st, unsigned long n, int msg)
{
    if (!a->injected || st != VEP_ERR_NOMEM)
        fx_oom_note(log, "  allocation %lu%s: status %s (%s: %s)\n", n,
                    a->injected ? " failed" : " (nothing failed)", vep_status_name(st),
                    vep_diag_count(e) ? vep_diag_get(e, 0, VEP_DIAG_RULE) : "-",
                    vep_engine_errmsg(e));
    if (msg && vep_engine_errmsg(e)[0] == '\0')
        fx_oom_note(log, "  allocation %lu: no message\n", n);
}

/* Nothing leaked since `*base` blocks were live; re-bases after a leak so
** that the loop goes on. */
static FX_UNUSED void fx_oom_blocks(fx_oom_log *log, const fx_alloc *a, size_t *base,
                                    unsigned long n)
{
    if (a->live_blocks != *base) {
        fx_oom_note(log, "  allocation %lu failed: %ld blocks leaked\n", n,
                    (long)a->live_blocks - (long)*base);
        *base = a->live_blocks;
    }
}

/* One operation of an out-of-memory loop: `run` makes the call (with the
** failing allocator armed), `finish` (disarmed) returns a malloc'd
** signature of what the call produced, for comparing with a run where
** nothing failed, and frees it. */
typedef struct fx_oom_op {
    fx_alloc a;
    vep_engine *e;
    vep_instrument *ins, *made;
    char path[4096];
    const char *doc;
    char *out;
    vep_status ok;                 /* the status of success */
    vep_status (*run)(struct fx_oom_op *);
    char *(*finish)(struct fx_oom_op *);
    int keep_diags;                /* the call reads the diagnostics */
} fx_oom_op;

/* Every N (or a sample in quick mode): a failure of allocation N must give
** VEP_ERR_NOMEM with a message and leak nothing; a failure that the call
** absorbs must not change its result; the engine works on afterwards. */
static FX_UNUSED void fx_oom_loop(fx_oom_op *op, const char *what, int persistent)
{
    fx_oom_log log;
    char *want, *got;
    unsigned long n, total;
    size_t base;
    vep_status st;

    memset(&log, 0, sizeof log);
    fx_alloc_arm(&op->a, 0, 0);
    assert_int_equal(op->run(op), op->ok);
    total = op->a.count;
    want = op->finish(op);
    if (!op->keep_diags)
        fx_clear(op->e);
    base = op->a.live_blocks;
    for (n = 1; n <= total + 1; n = fx_next_n(n, total)) {
        fx_alloc_arm(&op->a, n, persistent);
        st = op->run(op);
        fx_alloc_disarm(&op->a);
        if (st == op->ok) {
            got = op->finish(op);
            if (strcmp(got, want) != 0) {
                fx_oom_note(&log, "  allocation %lu failed, yet the call succeeded with another result\n", n);
                if (getenv("VEP_TEST_SHOW_DIFF"))
                    fprintf(stderr, "want: %s\ngot:  %s\n", want, got);
            }
            free(got);
            if (!op->a.injected)
                break;
        } else {
            fx_oom_failed(&log, &op->a, op->e, st, n, !op->keep_diags);
            if (op->out != NULL || op->made != NULL)
                fx_oom_note(&log, "  allocation %lu: *out is not NULL after a failure\n", n);
        }
        if (!op->keep_diags)
            fx_clear(op->e);
        fx_oom_blocks(&log, &op->a, &base, n);
    }
    assert_true(n >= total);
    if (log.bad)
        fail_msg("%s, %s: %lu problems, the first:\n%s", what,
                 persistent ? "every allocation from N on failing" : "allocation N failing",
                 log.bad, log.text);
    assert_int_equal(op->run(op), op->ok);    /* the engine still works */
    got = op->finish(op);
    assert_string_equal(got, want);
    free(got);
    free(want);
}

/* The string the call returned. */
static FX_UNUSED char *fx_finish_out(fx_oom_op *op)
{
    char *sig = strdup(op->out);
    assert_non_null(sig);
    vep_free(op->out);
    op->out = NULL;
    return sig;
}

/* What the diagnostics say: rule, path and item of each. */
static FX_UNUSED char *fx_finish_diags(fx_oom_op *op)
{
    size_t i, n = 0;
    char *sig;
    for (i = 0; i < vep_diag_count(op->e); i++)
        n += strlen(vep_diag_get(op->e, i, VEP_DIAG_RULE)) + strlen(vep_diag_get(op->e, i, VEP_DIAG_PATH))
             + strlen(vep_diag_get(op->e, i, VEP_DIAG_ITEM)) + 3;
    sig = calloc(1, n + 1);
    assert_non_null(sig);
    for (i = 0; i < vep_diag_count(op->e); i++)
        sprintf(sig + strlen(sig), "%s %s %s;", vep_diag_get(op->e, i, VEP_DIAG_RULE),
                vep_diag_get(op->e, i, VEP_DIAG_PATH), vep_diag_get(op->e, i, VEP_DIAG_ITEM));
    return sig;
}

/* An engine with the failing allocator and, unless `path` is NULL, the
** instrument at `path` (absolute, or under the repository). */
static FX_UNUSED fx_oom_op *fx_oom_new(const char *path)
{
    fx_oom_op *op = calloc(1, sizeof *op);
    assert_non_null(op);
    op->e = fx_engine_with(&op->a, 0, 0, 0);
    if (path)
        op->ins = fx_load_file(op->e, path);
    /* A failure first, so that the engine's message and diagnostics
    ** buffers exist before the counting starts. */
    fx_load(op->e, "bad.lua", "x(", &op->made);
    fx_clear(op->e);
    return op;
}

static FX_UNUSED void fx_oom_free(fx_oom_op *op)
{
    vep_instrument_free(op->ins);
    vep_engine_free(op->e);
    assert_int_equal(op->a.live_bytes, 0);
    assert_int_equal(op->a.live_blocks, 0);
    free(op);
}

/* VEP_TEST_FILTER=pattern runs only the matching tests (cmocka's
** wildcards). */
static FX_UNUSED void fx_filter(void)
{
    const char *f = getenv("VEP_TEST_FILTER");
    if (f != NULL && f[0] != '\0')
        cmocka_set_test_filter(f);
}

/* The first line of every inline test script. */
#define FX_HEAD "instrument { id = \"t\", version = \"1.0.0\", languages = { \"en\" }, title = \"T\" }\n"

#endif
