/*
** test_threads.c -- engines in parallel: eight threads, each with engines
** of its own, load the bundled instruments, overlays, plans and migration,
** and score, plan, assess and run the scripts' own test cases on the
** bundled examples and the conformance vectors' inputs, over and over,
** each thread in its own order; every document must be byte for byte the
** one a single-threaded run gave.  Every engine registers the vectors' host
** functions (half the threads through vep_host_register_callback, half as
** C functions through libffi), which a plan calls: each call must come on
** the thread that made the engine's call, and every thread must make the
** number of calls the single-threaded run made.
**
** The ThreadSanitizer step of .ci/run runs this program with
** halt_on_error=1.  VEP_TEST_QUICK=1 (the default under valgrind, which
** runs the threads one at a time) does 1 round per thread instead of 12,
** each thread taking every other job (even threads the even ones) and
** those calling the host, and
** leaves out the single-threaded run with C host functions.
*/
#include "api_fixture.h"
#include <pthread.h>
#include <stdbool.h>

#define NTHREADS 8
#define MAX_HOSTS 8
#define MAX_SCRIPTS 32

/* One piece of work and the document a single-threaded run gave for it. */
typedef struct job {
    char name[96];
    const char *instrument;      /* absolute paths (owned by the job) */
    const char *migration, *plan;
    const char *self_test;       /* a script whose test cases run       */
    int self_test_is_plan;
    char *doc, *ctx;             /* inputs                              */
    size_t doclen, ctxlen;
    char *agency, *language;
    char *paths[4];              /* what the path fields point into     */
    char *want;                  /* the single-threaded output          */
    unsigned long host_calls;    /* host calls one run makes            */
} job;

/* A host function of the vectors, as one engine registers it: the answer
** it gives whatever the arguments, and what it has seen. */
typedef struct host_fn {
    const char *name, *signature;
    const cJSON *returns;
    pthread_t owner;             /* the thread that uses the engine     */
    unsigned long calls, wrong_thread;
} host_fn;

/* An engine and what it has loaded (each script once). */
typedef struct bench {
    vep_engine *e;
    host_fn hosts[MAX_HOSTS];
    size_t nhosts;
    const char *paths[MAX_SCRIPTS];
    void *handles[MAX_SCRIPTS];
    int kinds[MAX_SCRIPTS];      /* 0 instrument, 1 plan, 2 migration   */
    size_t nscripts;
} bench;

/* Everything the threads share, read-only while they run. */
typedef struct suite {
    job jobs[64];
    size_t njobs;
    cJSON *host_files[8];        /* parsed, alive while the test runs   */
    size_t nhost_files;
    host_fn hosts[MAX_HOSTS];    /* name, signature and answer only     */
    size_t nhosts;
} suite;

/* ---- Output, without cmocka (its assertions are not thread-safe) ------ */

typedef struct outbuf {
    char *s;
    size_t n, cap;
    int failed;
} outbuf;

/* Appends `len` bytes; on failure marks the buffer failed. */
static void out_add(outbuf *o, const char *s, size_t len)
{
    char *p;
    if (o->failed)
        return;
    if (o->n + len + 1 > o->cap) {
        o->cap = (o->n + len + 1) * 2;
        p = realloc(o->s, o->cap);
        if (p == NULL) {
            o->failed = 1;
            return;
        }
        o->s = p;
    }
    memcpy(o->s + o->n, s, len);
    o->n += len;
    o->s[o->n] = '\0';
}

/* Appends a step's header and status, then its document or, after a
** failure, the engine's diagnostics as JSON. */
static void out_step(outbuf *o, vep_engine *e, const char *step,
                     vep_status st, const char *doc)
{
    char *diag = NULL;
    out_add(o, "== ", 3);
    out_add(o, step, strlen(step));
    out_add(o, " ", 1);
    out_add(o, vep_status_name(st), strlen(vep_status_name(st)));
    out_add(o, "\n", 1);
    if (st != VEP_OK) {
        if (vep_diag_json(&diag, e) != VEP_OK)
            o->failed = 1;
        doc = diag;
    }
    if (doc != NULL)
        out_add(o, doc, strlen(doc));
    out_add(o, "\n", 1);
    vep_free(diag);
}

/* ---- Host functions ------------------------------------------------- */

/* The callback form: answers h->returns as the signature's type. */
static int host_callback(void *ud, vep_host_call *call)
{
    host_fn *h = ud;
    const cJSON *r = h->returns;
    h->calls++;
    if (!pthread_equal(pthread_self(), h->owner))
        h->wrong_thread++;
    if (r == NULL)
        return 0;
    if (cJSON_IsBool(r))
        return vep_host_call_return_bool(call, cJSON_IsTrue(r)) != VEP_OK;
    if (cJSON_IsString(r))
        return vep_host_call_return_string(call, r->valuestring) != VEP_OK;
    if (strncmp(h->signature, "int64", 5) == 0)
        return vep_host_call_return_int64(call, (int64_t)r->valuedouble) != VEP_OK;
    return vep_host_call_return_double(call, r->valuedouble) != VEP_OK;
}

/* The C forms, for "int64 (string)" and "bool (string, string)", with
** the registration's user data first.  "int64 (userdata, string)". */
static int64_t host_int64_s(void *ud, const char *a)
{
    host_fn *h = ud;
    (void)a;
    h->calls++;
    if (!pthread_equal(pthread_self(), h->owner))
        h->wrong_thread++;
    return (int64_t)h->returns->valuedouble;
}

/* "bool (userdata, string, string)": answers h->returns. */
static bool host_bool_ss(void *ud, const char *a, const char *b)
{
    host_fn *h = ud;
    (void)a, (void)b;
    h->calls++;
    if (!pthread_equal(pthread_self(), h->owner))
        h->wrong_thread++;
    return cJSON_IsTrue(h->returns);
}

/* Registers h on e: as a C function through libffi when `ffi` and the
** signature is one of the two above (string arguments only), else
** through the callback form. */
static vep_status host_register(vep_engine *e, host_fn *h, int ffi)
{
    vep_host_options o = VEP_HOST_OPTIONS_INIT;
    const char *paren = strchr(h->signature, '('), *c;
    char sig[256];
    vep_host_fn fn = NULL;
    int commas = 0, strings = 0;
    for (c = paren; c != NULL && *c != '\0'; c++) {
        commas += *c == ',';
        strings += strncmp(c, "string", 6) == 0;
    }
    if (ffi && paren != NULL && h->returns != NULL && strings == commas + 1) {
        if (strncmp(h->signature, "int64", 5) == 0 && commas == 0)
            fn = (vep_host_fn)host_int64_s;
        else if (strncmp(h->signature, "bool", 4) == 0 && commas == 1)
            fn = (vep_host_fn)host_bool_ss;
    }
    if (fn == NULL)
        return vep_host_register_callback(e, h->name, h->signature, host_callback, h);
    snprintf(sig, sizeof sig, "%.*s(userdata, %s", (int)(paren - h->signature),
             h->signature, paren + 1);
    o.user_data = h;
    return vep_host_register(e, h->name, sig, fn, &o);
}

/* ---- Engines and the scripts they have loaded ------------------------- */

/* Opens a bench: a new engine with the suite's host functions, each one
** answering for the calling thread `owner`.  Returns 0 on success. */
static int bench_open(bench *b, const suite *s, int ffi, pthread_t owner)
{
    vep_engine_options o = VEP_ENGINE_OPTIONS_INIT;
    size_t i;
    memset(b, 0, sizeof *b);
    o.time_limit_ms = 600000;   /* wall-clock: valgrind runs one at a time */
    if (vep_engine_new(&b->e, &o) != VEP_OK)
        return -1;
    for (i = 0; i < s->nhosts; i++) {
        b->hosts[i] = s->hosts[i];
        b->hosts[i].owner = owner;
        if (host_register(b->e, &b->hosts[i], ffi) != VEP_OK)
            return -1;
    }
    b->nhosts = s->nhosts;
    return 0;
}

/* Frees what the bench loaded, then its engine. */
static void bench_close(bench *b)
{
    size_t i;
    for (i = 0; i < b->nscripts; i++) {
        if (b->kinds[i] == 0)
            vep_instrument_free(b->handles[i]);
        else if (b->kinds[i] == 1)
            vep_plan_free(b->handles[i]);
        else
            vep_migration_free(b->handles[i]);
    }
    vep_engine_free(b->e);
    memset(b, 0, sizeof *b);
}

/* The script at `path` of `kind`, loaded on first use; NULL when it does
** not load (the caller reports it). */
static void *bench_get(bench *b, const char *path, int kind)
{
    void *h = NULL;
    vep_status st;
    size_t i;
    for (i = 0; i < b->nscripts; i++)
        if (b->kinds[i] == kind && strcmp(b->paths[i], path) == 0)
            return b->handles[i];
    if (b->nscripts == MAX_SCRIPTS)
        return NULL;
    if (kind == 0)
        st = vep_instrument_load_file((vep_instrument **)&h, b->e, path);
    else if (kind == 1)
        st = vep_plan_load_file((vep_plan **)&h, b->e, path);
    else
        st = vep_migration_load_file((vep_migration **)&h, b->e, path);
    if (st != VEP_OK)
        return NULL;
    b->paths[b->nscripts] = path;
    b->kinds[b->nscripts] = kind;
    b->handles[b->nscripts++] = h;
    return h;
}

/* Total host calls the bench's functions have seen. */
static unsigned long bench_calls(const bench *b, unsigned long *wrong_thread)
{
    unsigned long n = 0;
    size_t i;
    for (i = 0; i < b->nhosts; i++) {
        n += b->hosts[i].calls;
        if (wrong_thread)
            *wrong_thread += b->hosts[i].wrong_thread;
    }
    return n;
}

/* ---- One job ---------------------------------------------------------- */

/* Runs a job on the bench: migrate, score, plan and assess as the vectors
** do (stopping at the first failing step), or the script's own test
** cases.  Returns the malloc'd output, or NULL when a script did not load
** or memory ran out. */
static char *run_job(bench *b, const job *j)
{
    vep_plan_options po = VEP_PLAN_OPTIONS_INIT;
    outbuf o = { NULL, 0, 0, 0 };
    vep_instrument *ins = NULL;
    vep_migration *mig = NULL;
    vep_plan *plan = NULL;
    char *doc = NULL, *migrated = NULL, *result = NULL;
    const char *input = j->doc;
    size_t len = j->doclen, failed = 0;
    vep_status st;
    char line[64];

    if (j->self_test != NULL) {
        void *h = bench_get(b, j->self_test, j->self_test_is_plan);
        if (h == NULL)
            return NULL;
        st = j->self_test_is_plan ? vep_plan_run_tests(&doc, &failed, h)
                                  : vep_instrument_run_tests(&doc, &failed, h);
        snprintf(line, sizeof line, "tests (%zu failed)", failed);
        out_step(&o, b->e, line, st, doc);
        vep_free(doc);
        return o.failed ? (free(o.s), NULL) : o.s;
    }
    ins = bench_get(b, j->instrument, 0);
    mig = j->migration ? bench_get(b, j->migration, 2) : NULL;
    plan = j->plan ? bench_get(b, j->plan, 1) : NULL;
    if (ins == NULL || (j->migration && mig == NULL) || (j->plan && plan == NULL))
        return NULL;
    st = VEP_OK;
    if (mig != NULL) {
        st = vep_migrate(&migrated, mig, j->doc, j->doclen);
        out_step(&o, b->e, "migrate", st, migrated);
        if (st == VEP_OK) {
            input = migrated;
            len = strlen(migrated);
        }
    }
    if (st == VEP_OK) {
        st = vep_score(&result, ins, input, len);
        out_step(&o, b->e, "score", st, result);
    }
    if (st == VEP_OK && plan != NULL) {
        po.agency = j->agency;
        po.language = j->language;
        st = vep_plan_evaluate(&doc, plan, result, strlen(result), j->ctx, j->ctxlen, &po);
        out_step(&o, b->e, "plan", st, doc);
        vep_free(doc);
        doc = NULL;
        if (st == VEP_OK) {
            st = vep_assess(&doc, ins, plan, input, len, j->ctx, j->ctxlen, &po);
            out_step(&o, b->e, "assess", st, doc);
            vep_free(doc);
        }
    }
    vep_free(result);
    vep_free(migrated);
    return o.failed ? (free(o.s), NULL) : o.s;
}

/* ---- The suite: the jobs, built before any thread starts -------------- */

/* A new job named `name`; paths are relative to the repository. */
static job *suite_job(suite *s, const char *name)
{
    job *j;
    assert_true(s->njobs < sizeof s->jobs / sizeof s->jobs[0]);
    j = &s->jobs[s->njobs++];
    memset(j, 0, sizeof *j);
    snprintf(j->name, sizeof j->name, "%s", name);
    return j;
}

/* An absolute copy of repository path `rel` (NULL stays NULL), kept in
** the job's slot k. */
static const char *job_path(job *j, int k, const char *rel)
{
    if (rel == NULL)
        return NULL;
    j->paths[k] = strdup(fx_path(rel));
    assert_non_null(j->paths[k]);
    return j->paths[k];
}

/* A job scoring `doc` with `instrument` and, when `plan` is given,
** planning it with `context`; `migration` first when given. */
static job *suite_score(suite *s, const char *name, const char *instrument,
                        const char *doc, const char *migration,
                        const char *plan, const char *context)
{
    job *j = suite_job(s, name);
    j->instrument = job_path(j, 0, instrument);
    j->migration = job_path(j, 1, migration);
    j->plan = job_path(j, 2, plan);
    j->doc = fx_read(fx_path(doc), &j->doclen);
    if (context != NULL)
        j->ctx = fx_read(fx_path(context), &j->ctxlen);
    return j;
}

/* A job running the test cases of the instrument or plan at `rel`. */
static void suite_self_test(suite *s, const char *rel, int is_plan)
{
    char name[96];
    job *j;
    snprintf(name, sizeof name, "tests of %s", rel);
    j = suite_job(s, name);
    j->self_test = job_path(j, 3, rel);
    j->self_test_is_plan = is_plan;
}

/* The host functions of a vector's "host" file join the suite's (a name
** given twice must have the same signature and answer). */
static void suite_hosts(suite *s, const char *rel)
{
    char *text = fx_read(fx_path(rel), NULL);
    cJSON *file = cJSON_Parse(text), *f;
    size_t i;
    free(text);
    assert_true(cJSON_IsObject(file));
    assert_true(s->nhost_files < sizeof s->host_files / sizeof s->host_files[0]);
    s->host_files[s->nhost_files++] = file;
    cJSON_ArrayForEach(f, file) {
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(f, "returns");
        for (i = 0; i < s->nhosts && strcmp(s->hosts[i].name, f->string) != 0; i++)
            ;
        if (i < s->nhosts) {
            assert_string_equal(s->hosts[i].signature, fx_jstr(f, "signature"));
            assert_true(cJSON_Compare(s->hosts[i].returns, r, 1));
            continue;
        }
        assert_true(s->nhosts < MAX_HOSTS);
        s->hosts[s->nhosts].name = f->string;
        s->hosts[s->nhosts].signature = fx_jstr(f, "signature");
        s->hosts[s->nhosts++].returns = r;
    }
}

/* A string member of a vector, or NULL. */
static const char *vmember(const cJSON *v, const char *key)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(v, key);
    return cJSON_IsString(m) ? m->valuestring : NULL;
}

/* Every vector of tests/vectors/manifest.json, the bundled examples and
** the test cases of the core instruments, plans and Serbia's overlays. */
static void suite_build(suite *s)
{
    static const char *const self_tests[][2] = {
        { "instruments/screening/vep-screen.lua", "0" },
        { "instruments/rna/vep-rna.lua", "0" },
        { "instruments/plans/vep-plan-screen.lua", "1" },
        { "instruments/plans/vep-plan-rna.lua", "1" },
        { "instruments/rs/vep-rna-rs.lua", "0" },
        { "instruments/rs/vep-plan-rna-rs.lua", "1" },
        { "examples/host/vep-plan-screen-host.lua", "1" },
    };
    char *text = fx_read(fx_path("tests/vectors/manifest.json"), NULL);
    cJSON *m = cJSON_Parse(text);
    const cJSON *v;
    size_t i;
    job *j;
    free(text);
    assert_non_null(m);
    cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(m, "vectors")) {
        j = suite_score(s, vmember(v, "name"), vmember(v, "instrument"),
                        vmember(v, "assessment"), vmember(v, "migration"),
                        vmember(v, "plan"), vmember(v, "context"));
        if (vmember(v, "agency"))
            j->agency = strdup(vmember(v, "agency"));
        if (vmember(v, "language"))
            j->language = strdup(vmember(v, "language"));
        if (vmember(v, "host"))
            suite_hosts(s, vmember(v, "host"));
    }
    cJSON_Delete(m);
    assert_true(s->njobs >= 12);
    suite_score(s, "example screen-positive", "instruments/screening/vep-screen.lua",
                "examples/assessments/screen-positive.json", NULL,
                "instruments/plans/vep-plan-screen.lua",
                "examples/cases/screen-positive.context.json");
    suite_score(s, "example screen-negative", "instruments/screening/vep-screen.lua",
                "examples/assessments/screen-negative.json", NULL, NULL, NULL);
    suite_score(s, "example rna-example", "instruments/rna/vep-rna.lua",
                "examples/assessments/rna-example.json", NULL,
                "instruments/plans/vep-plan-rna.lua",
                "examples/cases/rna-example.context.json");
    suite_score(s, "example screen-positive, host plan", "instruments/screening/vep-screen.lua",
                "examples/assessments/screen-positive.json", NULL,
                "examples/host/vep-plan-screen-host.lua",
                "examples/cases/screen-positive.context.json");
    for (i = 0; i < sizeof self_tests / sizeof self_tests[0]; i++)
        suite_self_test(s, self_tests[i][0], self_tests[i][1][0] == '1');
    assert_true(s->nhosts > 0);
}

/* Frees the jobs' inputs and outputs and the host files. */
static void suite_free(suite *s)
{
    size_t i;
    int k;
    for (i = 0; i < s->njobs; i++) {
        for (k = 0; k < 4; k++)
            free(s->jobs[i].paths[k]);
        free(s->jobs[i].doc);
        free(s->jobs[i].ctx);
        free(s->jobs[i].agency);
        free(s->jobs[i].language);
        free(s->jobs[i].want);
    }
    for (i = 0; i < s->nhost_files; i++)
        cJSON_Delete(s->host_files[i]);
}

/* The single-threaded run: every job once on one engine, in order; its
** output is what every thread must give, and it counts the host calls
** each job makes.  `ffi` chooses the form of the host functions. */
static void suite_reference(suite *s, int ffi, int keep)
{
    bench b;
    unsigned long before;
    size_t i;
    char *out, *list = NULL;
    cJSON *fns;
    const cJSON *f;
    assert_int_equal(bench_open(&b, s, ffi, pthread_self()), 0);
    assert_int_equal(vep_host_list(&list, b.e), VEP_OK);
    fns = cJSON_Parse(list);
    assert_int_equal(cJSON_GetArraySize(fns), (int)s->nhosts);
    cJSON_ArrayForEach(f, fns)          /* the form asked for, each one */
        assert_string_equal(fx_jstr(f, "form"), ffi ? "c" : "callback");
    cJSON_Delete(fns);
    vep_free(list);
    for (i = 0; i < s->njobs; i++) {
        before = bench_calls(&b, NULL);
        out = run_job(&b, &s->jobs[i]);
        if (out == NULL) {
            fx_dump(b.e);
            fail_msg("%s: a script did not load", s->jobs[i].name);
        }
        if (keep) {
            s->jobs[i].want = out;
            s->jobs[i].host_calls = bench_calls(&b, NULL) - before;
        } else {
            if (strcmp(out, s->jobs[i].want) != 0)
                fail_msg("%s: the two forms of host functions differ", s->jobs[i].name);
            assert_int_equal(bench_calls(&b, NULL) - before, s->jobs[i].host_calls);
            free(out);
        }
    }
    bench_close(&b);
}

/* ---- The threads ------------------------------------------------------ */

typedef struct worker {
    pthread_t tid;
    const suite *s;
    int index, rounds, per_engine, ffi, half;
    unsigned long runs, expect_runs, mismatches, host_calls, expect_calls, wrong_thread;
    char why[256];
} worker;

/* Runs every job (with `half`, every other one: those of the thread's
** parity, and those calling the host) `rounds` times in this thread's order (rotated by the thread
** and the round, backwards in odd threads), with a new engine every
** `per_engine` rounds; counts what differs from the reference. */
static void *work(void *arg)
{
    worker *w = arg;
    const suite *s = w->s;
    bench b;
    size_t i, n = s->njobs, k, off;
    int r, open = 0;
    char *out;
    for (r = 0; r < w->rounds; r++) {
        if (r % w->per_engine == 0) {
            if (open) {
                w->host_calls += bench_calls(&b, &w->wrong_thread);
                bench_close(&b);
            }
            open = 1;
            if (bench_open(&b, s, w->ffi, pthread_self()) != 0) {
                snprintf(w->why, sizeof w->why, "no engine: %s",
                         b.e ? vep_engine_errmsg(b.e) : "vep_engine_new failed");
                break;
            }
        }
        off = (size_t)w->index * 5 + (size_t)r;
        for (i = 0; i < n; i++) {
            k = (w->index % 2 ? off + n - 1 - i : off + i) % n;
            if (w->half && k % 2 != (size_t)w->index % 2 && s->jobs[k].host_calls == 0)
                continue;
            out = run_job(&b, &s->jobs[k]);
            w->runs++;
            w->expect_runs++;
            w->expect_calls += s->jobs[k].host_calls;
            if (out == NULL || strcmp(out, s->jobs[k].want) != 0) {
                if (w->mismatches++ == 0)
                    snprintf(w->why, sizeof w->why, "%s: %s", s->jobs[k].name,
                             out == NULL ? "a script did not load" : "another document");
            }
            free(out);
        }
    }
    if (open) {
        w->host_calls += bench_calls(&b, &w->wrong_thread);
        bench_close(&b);
    }
    return NULL;
}

/* Eight threads at once, every job many times each; everything as the
** single-threaded run gave it. */
static void test_threads(void **state)
{
    suite *s = calloc(1, sizeof *s);
    worker w[NTHREADS];
    unsigned long per_round = 0;
    int i, started = 0, joined = 0;
    size_t k;
    (void)state;
    assert_non_null(s);
    suite_build(s);
    suite_reference(s, 0, 1);
    if (!fx_quick())
        suite_reference(s, 1, 0);
    for (k = 0; k < s->njobs; k++)
        per_round += s->jobs[k].host_calls;
    assert_true(per_round > 0);
    for (i = 0; i < NTHREADS; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].s = s;
        w[i].index = i;
        w[i].ffi = i % 2;
        w[i].rounds = fx_quick() ? 1 : 12;
        w[i].per_engine = fx_quick() ? 1 : 4;
        w[i].half = fx_quick();
        if (pthread_create(&w[i].tid, NULL, work, &w[i]) == 0)
            started++;
        else
            break;
    }
    for (i = 0; i < started; i++)   /* all of them, before any assertion */
        joined += pthread_join(w[i].tid, NULL) == 0;
    assert_int_equal(started, NTHREADS);
    assert_int_equal(joined, NTHREADS);
    for (i = 0; i < NTHREADS; i++) {
        if (w[i].why[0] != '\0')
            fail_msg("thread %d: %lu of %lu runs differ; the first: %s", i,
                     w[i].mismatches, w[i].runs, w[i].why);
        assert_int_equal(w[i].runs, w[i].expect_runs);
        assert_true(w[i].runs >= (unsigned long)w[i].rounds * (s->njobs / 2));
        assert_int_equal(w[i].host_calls, w[i].expect_calls);
        assert_true(w[i].host_calls > 0);
        assert_int_equal(w[i].wrong_thread, 0);
    }
    suite_free(s);
    free(s);
}

/* The one test of this program, which the ThreadSanitizer step runs. */
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads),
    };
    fx_run(tests);
}
