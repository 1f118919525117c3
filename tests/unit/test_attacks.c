/*
** test_attacks.c -- the attack suite: the hostile scripts under
** tests/attacks/, listed in tests/attacks/manifest.json, each run through
** the public API by an engine of its own with small limits and a counting
** allocator.  Every attack must end with the status and rule the manifest
** gives (pointing at the line marked "--!" in the script, when it has
** one), within the time limit plus a small margin, within the memory cap
** plus a small overhead, leaking nothing, leaving the host untouched (no
** file made in the working directory or /tmp, the environment, locale and
** working directory as they were), and leaving the engine able to score a
** known good assessment with the same bytes as a fresh engine.  Attacks
** that try to leave state behind score two assessments; the second result
** must equal a fresh engine's.  The last test prints "N attacks
** contained (...)" and writes it to attacks-summary.txt in the directory
** the test started in (the build's tests/ directory under ctest).
*/
#include "api_fixture.h"
#include <dirent.h>
#include <locale.h>
#include <time.h>

extern char **environ;

/* Bytes a run may use beyond the script's memory cap: the engine, the
** model, the sources, the result and the allocator's headers.  The most
** any attack needed is printed in the summary. */
#define ATK_OVERHEAD ((size_t)128 * 1024)

/* Milliseconds a run may go past its time limit (a hook period, or one
** slow C call, plus tearing down); under valgrind and sanitizers (see
** slow_run) everything is slower. */
#define ATK_LATE_MS 500
#define ATK_LATE_MS_SANITIZER 2000
#define ATK_LATE_MS_VALGRIND 30000

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ATK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define ATK_SANITIZED 1
#endif
#endif

static const char *const categories[] = {
    "escape", "cpu", "dodge", "memory", "output", "state", NULL
};

typedef struct suite suite;

/* One manifest entry and what became of it. */
typedef struct attack {
    const char *file, *kind, *phase, *category, *status, *rule;
    const char *where, *assessment, *then, *message;
    const char *open;             /* a known breach, not yet fixed: why */
    int ran, contained;
    suite *s;
} attack;

/* The manifest, the reference result, and the figures of the summary. */
struct suite {
    cJSON *manifest;
    attack *v;
    size_t n;
    size_t mem;
    uint64_t instr;
    uint32_t ms;
    const char *good_ins, *good_doc;
    char *good;                   /* good_doc scored by a fresh engine */
    size_t worst_over;            /* most bytes over the cap */
    const char *worst_over_file;
    long long worst_late;         /* most ms past the time limit */
    const char *worst_late_file;
    char origin[4096];            /* where the test started */
    char work[256];               /* the working directory of the attacks */
};

/* The one host function attack scripts may declare. */
static int64_t atk_lookup(const char *subject)
{
    return (int64_t)strlen(subject);
}

/* 2 under valgrind, 1 in a sanitized build, else 0: slow runs give the
** attacks that must end on another limit a longer clock (they would reach
** 1000 ms first), and the lateness check a wider margin. */
static int slow_run(void)
{
#if defined(FX_HAVE_VALGRIND)
    if (RUNNING_ON_VALGRIND)
        return 2;
#endif
#if defined(ATK_SANITIZED)
    return 1;
#else
    return 0;
#endif
}

/* The milliseconds a run may go past its time limit, by slow_run. */
static long long late_margin(void)
{
    static const long long margin[] = {
        ATK_LATE_MS, ATK_LATE_MS_SANITIZER, ATK_LATE_MS_VALGRIND
    };
    return margin[slow_run()];
}

/* Monotonic milliseconds. */
static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A path under tests/attacks/ (static storage, two slots via fx_path). */
static const char *atk_path(const char *rel)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "tests/attacks/%s", rel);
    return fx_path(buf);
}

/* The time limit of the engine running `t`: the manifest's, except under
** valgrind for attacks that must end on another limit, which would
** otherwise reach the clock first. */
static uint32_t time_limit_for(const suite *s, const attack *t)
{
    if (t != NULL && slow_run() && strcmp(t->status, "time_limit") != 0)
        return 120000;
    return s->ms;
}

/* An engine with the counting allocator `a`, the suite's limits, and the
** host function "lookup" registered. */
static vep_engine *atk_engine(fx_alloc *a, const suite *s, const attack *t)
{
    vep_engine *e;
    memset(a, 0, sizeof *a);
    e = fx_engine_with(a, s->mem, s->instr, time_limit_for(s, t));
    assert_int_equal(vep_host_register(e, "lookup", "int64 (string subject)",
                                       (vep_host_fn)atk_lookup, NULL), VEP_OK);
    return e;
}

/* Loads the instrument `file`, which must load, and scores `doc` (paths
** under tests/attacks/), returning the result (malloc'd) or NULL with
** the status in *st. */
static char *score_file(vep_engine *e, vep_instrument *ins, const char *doc,
                        vep_status *st)
{
    size_t len;
    char *json = fx_read(atk_path(doc), &len), *out = NULL, *copy = NULL;
    *st = vep_score(&out, ins, json, len);
    free(json);
    if (*st == VEP_OK) {
        assert_non_null(out);
        copy = strdup(out);
        assert_non_null(copy);
    } else {
        assert_null(out);
        assert_true(vep_engine_errmsg(e)[0] != '\0');
    }
    vep_free(out);
    return copy;
}

/* What a fresh engine makes of `doc` with instrument `file`: the result
** bytes (malloc'd); the engine must leak nothing. */
static char *fresh_result(const suite *s, const char *file, const char *doc)
{
    fx_alloc a;
    vep_engine *e = atk_engine(&a, s, NULL);
    vep_instrument *ins = fx_load_file(e, atk_path(file));
    vep_status st;
    char *r = score_file(e, ins, doc, &st);
    if (st != VEP_OK) {
        fx_dump(e);
        fail_msg("a fresh engine cannot score %s with %s: %s", doc, file,
                 vep_status_name(st));
    }
    vep_instrument_free(ins);
    vep_engine_free(e);
    assert_int_equal(a.live_blocks, 0);
    return r;
}

/* ---- The host, before and after ---------------------------------------- */

typedef struct host_snap {
    char *cwd_files, *tmp_files, *env;
    char cwd[4096], locale[512];
} host_snap;

/* Compares two C strings for qsort. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in `dir` that start with `prefix`, sorted, one a line. */
static char *list_dir(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL, *out;
    size_t n = 0, cap = 0, len = 1, i;
    assert_non_null(d);
    while ((de = readdir(d)) != NULL) {
        if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        names[n] = strdup(de->d_name);
        assert_non_null(names[n]);
        len += strlen(names[n++]) + 1;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_names);
    out = calloc(1, len);
    assert_non_null(out);
    for (i = 0; i < n; i++) {
        strcat(strcat(out, names[i]), "\n");
        free(names[i]);
    }
    free(names);
    return out;
}

/* The process environment, one variable a line. */
static char *env_text(void)
{
    size_t len = 1, i;
    char *out;
    for (i = 0; environ[i] != NULL; i++)
        len += strlen(environ[i]) + 1;
    out = calloc(1, len);
    assert_non_null(out);
    for (i = 0; environ[i] != NULL; i++)
        strcat(strcat(out, environ[i]), "\n");
    return out;
}

/* What an attack could change on the host: files in the working directory
** and the attacks' names in /tmp ("vep-atk-..."), the environment, the
** working directory and the locale. */
static void snap_take(host_snap *h)
{
    const char *loc = setlocale(LC_ALL, NULL);
    h->cwd_files = list_dir(".", "");
    h->tmp_files = list_dir("/tmp", "vep-atk");
    h->env = env_text();
    assert_non_null(getcwd(h->cwd, sizeof h->cwd));
    snprintf(h->locale, sizeof h->locale, "%s", loc ? loc : "");
}

/* Fails unless the host is as it was before `file` ran. */
static void snap_check(host_snap *b, const char *file)
{
    host_snap a;
    snap_take(&a);
    if (strcmp(a.cwd_files, b->cwd_files) != 0)
        fail_msg("%s: the working directory changed:\n%s", file, a.cwd_files);
    if (strcmp(a.tmp_files, b->tmp_files) != 0)
        fail_msg("%s: /tmp changed:\n%s", file, a.tmp_files);
    if (strcmp(a.env, b->env) != 0)
        fail_msg("%s: the environment changed", file);
    assert_string_equal(a.cwd, b->cwd);
    assert_string_equal(a.locale, b->locale);
    free(a.cwd_files), free(a.tmp_files), free(a.env);
    free(b->cwd_files), free(b->tmp_files), free(b->env);
}

/* ---- Checking one outcome ---------------------------------------------- */

/* The line of `rel` (under tests/attacks/) marked "--!", or 0. */
static unsigned marked_line(const char *rel)
{
    char *src = fx_read(atk_path(rel), NULL), *p = strstr(src, "--!");
    unsigned line = 0;
    if (p != NULL)
        line = fx_line_of(src, "--!");
    free(src);
    return line;
}

/* Does `s` end with `suffix`? */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Fails unless the call that just returned `st` after `ms` milliseconds
** ended as `t` expects: status, then for a failure the first diagnostic's
** rule, its file and marked line, the expected message part, and a
** message that shows no absolute path; and in time. */
static void check_outcome(vep_engine *e, attack *t, vep_status st, long long ms,
                          uint32_t limit)
{
    const char *where = t->where ? t->where : t->file, *msg, *file;
    long long late = ms - (long long)limit;
    unsigned line = marked_line(where);
    char at[64];
    if (strcmp(vep_status_name(st), t->status) != 0) {
        fx_dump(e);
        fail_msg("%s: status %s, expected %s", t->file, vep_status_name(st),
                 t->status);
    }
    if (ms > (long long)limit + late_margin())
        fail_msg("%s: took %lld ms with a time limit of %u ms", t->file, ms,
                 (unsigned)limit);
    if (late > t->s->worst_late || t->s->worst_late_file == NULL)
        t->s->worst_late = late, t->s->worst_late_file = t->file;
    if (st == VEP_OK)
        return;
    if (vep_diag_count(e) == 0)
        fail_msg("%s: failed without a diagnostic", t->file);
    if (strcmp(vep_diag_get(e, 0, VEP_DIAG_RULE), t->rule) != 0) {
        fx_dump(e);
        fail_msg("%s: rule %s, expected %s", t->file,
                 vep_diag_get(e, 0, VEP_DIAG_RULE), t->rule);
    }
    file = vep_diag_get(e, 0, VEP_DIAG_FILE);
    msg = vep_diag_get(e, 0, VEP_DIAG_MESSAGE);
    if (!ends_with(file, where) || (line > 0 && vep_diag_line(e, 0) != line)) {
        fx_dump(e);
        fail_msg("%s: the error points at %s:%u, expected %s:%u", t->file,
                 file, vep_diag_line(e, 0), where, line);
    }
    if (line > 0 && strcmp(t->phase, "load") == 0 && st == VEP_ERR_SCRIPT) {
        snprintf(at, sizeof at, ":%u: ", line);
        fx_assert_contains(vep_engine_errmsg(e), at);
    }
    if (t->message != NULL)
        fx_assert_contains(msg, t->message);
    if (strstr(msg, fx_source_dir()) != NULL)
        fail_msg("%s: the message shows where the script lives: %s", t->file, msg);
}

/* Is the result valid UTF-8 and JSON? */
static void check_document(const attack *t, const char *r)
{
    const unsigned char *p = (const unsigned char *)r;
    cJSON *doc;
    while (*p) {
        size_t n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2
                 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0, i;
        if (n == 0)
            fail_msg("%s: the result is not UTF-8", t->file);
        for (i = 1; i < n; i++)
            if ((p[i] & 0xC0) != 0x80)
                fail_msg("%s: the result is not UTF-8", t->file);
        p += n;
    }
    doc = cJSON_Parse(r);
    if (doc == NULL)
        fail_msg("%s: the result is not JSON", t->file);
    cJSON_Delete(doc);
}

/* Runs an instrument attack: loads it (the attack, when its phase is
** load), then scores its assessment (the attack, phase score) and, for a
** state attack, a second one that must score as on a fresh engine. */
static void run_instrument(vep_engine *e, attack *t, uint32_t limit)
{
    vep_instrument *ins = NULL;
    vep_status st;
    long long t0 = now_ms();
    char *first = NULL, *second, *want;
    int load = strcmp(t->phase, "load") == 0;
    st = vep_instrument_load_file(&ins, e, atk_path(t->file));
    if (load) {
        check_outcome(e, t, st, now_ms() - t0, limit);
    } else if (st != VEP_OK) {
        fx_dump(e);
        fail_msg("%s does not load: %s", t->file, vep_status_name(st));
    }
    if (ins != NULL && !load) {
        t0 = now_ms();
        first = score_file(e, ins, t->assessment, &st);
        check_outcome(e, t, st, now_ms() - t0, limit);
    }
    if (first != NULL) {
        check_document(t, first);
        want = fresh_result(t->s, t->file, t->assessment);
        assert_string_equal(first, want);
        free(want);
    }
    if (first != NULL && t->then != NULL) {
        second = score_file(e, ins, t->then, &st);
        assert_int_equal(st, VEP_OK);
        want = fresh_result(t->s, t->file, t->then);
        if (strcmp(second, want) != 0)
            fail_msg("%s: the second assessment scored differently from a fresh "
                     "engine's:\n%s\n---\n%s", t->file, second, want);
        free(want);
        free(second);
    }
    free(first);
    vep_instrument_free(ins);
}

/* Runs a plan attack: loading the plan is the attack (plans run no Lua
** after that). */
static void run_plan(vep_engine *e, attack *t, uint32_t limit)
{
    vep_plan *p = NULL;
    long long t0 = now_ms();
    vep_status st = vep_plan_load_file(&p, e, atk_path(t->file));
    check_outcome(e, t, st, now_ms() - t0, limit);
    assert_true((st == VEP_OK) == (p != NULL));
    vep_plan_free(p);
}

/* Fails unless the engine scores the good assessment as a fresh one. */
static void check_reusable(vep_engine *e, const attack *t)
{
    vep_instrument *ins = fx_load_file(e, atk_path(t->s->good_ins));
    vep_status st;
    char *r = score_file(e, ins, t->s->good_doc, &st);
    if (st != VEP_OK) {
        fx_dump(e);
        fail_msg("%s: the engine cannot score the good assessment afterwards: "
                 "%s", t->file, vep_status_name(st));
    }
    if (strcmp(r, t->s->good) != 0)
        fail_msg("%s: the good assessment scored differently afterwards", t->file);
    free(r);
    vep_instrument_free(ins);
}

/* One attack, from start to finish (see the top of the file). */
static void test_attack(void **state)
{
    attack *t = *state;
    suite *s = t->s;
    host_snap before;
    fx_alloc a;
    vep_engine *e;
    uint32_t limit = time_limit_for(s, t);
    size_t peak;
    t->ran = 1;
    snap_take(&before);
    e = atk_engine(&a, s, t);
    if (strcmp(t->kind, "plan") == 0)
        run_plan(e, t, limit);
    else
        run_instrument(e, t, limit);
    peak = a.peak_bytes;
    if (t->open != NULL && peak <= s->mem + ATK_OVERHEAD)
        fail_msg("%s is contained now (%zu bytes at most): remove \"open\" "
                 "from its manifest entry", t->file, peak);
    if (t->open == NULL && peak > s->mem + ATK_OVERHEAD)
        fail_msg("%s: the host held %zu bytes, over the cap of %zu + %zu",
                 t->file, peak, s->mem, (size_t)ATK_OVERHEAD);
    if (t->open == NULL && peak > s->mem && peak - s->mem > s->worst_over)
        s->worst_over = peak - s->mem, s->worst_over_file = t->file;
    check_reusable(e, t);
    vep_engine_free(e);
    if (a.live_blocks != 0 || a.live_bytes != 0)
        fail_msg("%s: %zu blocks (%zu bytes) left allocated", t->file,
                 a.live_blocks, a.live_bytes);
    snap_check(&before, t->file);
    t->contained = t->open == NULL;
    if (t->open != NULL)
        printf("OPEN: %s held %zu bytes with a cap of %zu: %s\n", t->file,
               peak, s->mem, t->open);
}

/* ---- The manifest -------------------------------------------------------- */

/* A string member of an attack entry, or NULL when absent. */
static const char *member(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Is `s` one of the NULL-terminated `set`? */
static int one_of(const char *s, const char *const *set)
{
    for (; s != NULL && *set != NULL; set++)
        if (strcmp(s, *set) == 0)
            return 1;
    return 0;
}

/* Every entry is complete and consistent, names a script that exists and
** starts with a comment, and is listed once; every script in the folder is
** listed; every category has attacks, and there are at least 40. */
static void test_manifest(void **state)
{
    static const char *const kinds[] = { "instrument", "plan", NULL };
    static const char *const phases[] = { "load", "score", NULL };
    static const char *const statuses[] = {
        "ok", "script", "definition", "memory_limit", "instruction_limit",
        "time_limit", "host", NULL
    };
    suite *s = *state;
    size_t i, j, per[8] = { 0 };
    char *listing, *line, *save = NULL;
    assert_true(s->n >= 40);
    for (i = 0; i < s->n; i++) {
        const attack *t = &s->v[i];
        char *src;
        if (t->file == NULL || !one_of(t->kind, kinds) || !one_of(t->phase, phases)
            || !one_of(t->category, categories) || !one_of(t->status, statuses)
            || t->rule == NULL || member(cJSON_GetArrayItem(cJSON_GetObjectItem(
                   s->manifest, "attacks"), (int)i), "description") == NULL)
            fail_msg("manifest entry %zu (%s) is incomplete", i, t->file ? t->file : "?");
        if ((strcmp(t->phase, "score") == 0) != (t->assessment != NULL)
            || (strcmp(t->kind, "plan") == 0 && strcmp(t->phase, "load") != 0)
            || (strcmp(t->status, "ok") == 0) != (t->rule[0] == '\0')
            || (strcmp(t->category, "state") == 0 && strcmp(t->kind, "plan") != 0
                && t->then == NULL))
            fail_msg("manifest entry %s is inconsistent", t->file);
        src = fx_read(atk_path(t->file), NULL);
        if (strncmp(src, "-- ", 3) != 0)
            fail_msg("%s does not start with a comment", t->file);
        free(src);
        for (j = 0; j < i; j++)
            if (strcmp(s->v[j].file, t->file) == 0)
                fail_msg("%s is listed twice", t->file);
        for (j = 0; categories[j] != NULL; j++)
            per[j] += strcmp(categories[j], t->category) == 0;
    }
    for (j = 0; categories[j] != NULL; j++)
        if (per[j] == 0)
            fail_msg("no attack of category %s", categories[j]);
    listing = list_dir(atk_path(""), "");
    for (line = strtok_r(listing, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (!ends_with(line, ".lua"))
            continue;
        for (i = 0; i < s->n && strcmp(s->v[i].file, line) != 0; i++)
            ;
        if (i == s->n)
            fail_msg("tests/attacks/%s is not in the manifest", line);
    }
    free(listing);
}

/* Prints and writes the summary line for docs/SECURITY.md. */
static void test_summary(void **state)
{
    suite *s = *state;
    size_t i, j, ran = 0, held = 0, open = 0, per[8] = { 0 };
    char line[2048], path[4200];
    int n;
    FILE *f;
    for (i = 0; i < s->n; i++) {
        ran += (size_t)s->v[i].ran;
        held += (size_t)s->v[i].contained;
        open += s->v[i].open != NULL;
        for (j = 0; categories[j] != NULL; j++)
            per[j] += s->v[i].contained && strcmp(categories[j], s->v[i].category) == 0;
    }
    if (ran == 0)
        return;
    n = snprintf(line, sizeof line, held + open == s->n ? "%zu attacks contained ("
                 : "%zu of %zu attacks contained (", held, s->n - open);
    for (j = 0; categories[j] != NULL; j++)
        n += snprintf(line + n, sizeof line - (size_t)n, "%s%s %zu",
                      j ? ", " : "", categories[j], per[j]);
    for (i = 0, j = 0; i < s->n; i++)
        if (s->v[i].open != NULL)
            n += snprintf(line + n, sizeof line - (size_t)n, "%s%s", j++ ? ", "
                          : "), open breaches kept as known failures (", s->v[i].file);
    snprintf(line + n, sizeof line - (size_t)n, "); at most %zu bytes over the "
             "%zu-byte memory cap (%s), at most %lld ms past the time limit (%s)",
             s->worst_over, s->mem, s->worst_over_file ? s->worst_over_file : "-",
             s->worst_late, s->worst_late_file ? s->worst_late_file : "-");
    printf("%s\n", line);
    snprintf(path, sizeof path, "%s/attacks-summary.txt", s->origin);
    f = fopen(path, "w");
    if (f != NULL) {
        fprintf(f, "%s\n", line);
        fclose(f);
    }
}

/* Reads the manifest into the suite. */
static void load_manifest(suite *s)
{
    char *text = fx_read(atk_path("manifest.json"), NULL);
    const cJSON *lim, *good, *list, *it;
    size_t i = 0;
    s->manifest = cJSON_Parse(text);
    free(text);
    if (s->manifest == NULL)
        fail_msg("tests/attacks/manifest.json is not JSON");
    lim = cJSON_GetObjectItemCaseSensitive(s->manifest, "limits");
    good = cJSON_GetObjectItemCaseSensitive(s->manifest, "good");
    list = cJSON_GetObjectItemCaseSensitive(s->manifest, "attacks");
    assert_true(cJSON_IsArray(list));
    s->mem = (size_t)fx_jnum(lim, "memory");
    s->instr = (uint64_t)fx_jnum(lim, "instructions");
    s->ms = (uint32_t)fx_jnum(lim, "time_ms");
    s->good_ins = fx_jstr(good, "instrument");
    s->good_doc = fx_jstr(good, "assessment");
    s->n = (size_t)cJSON_GetArraySize(list);
    s->v = calloc(s->n + 1, sizeof *s->v);
    assert_non_null(s->v);
    cJSON_ArrayForEach(it, list) {
        attack *t = &s->v[i++];
        t->s = s;
        t->file = member(it, "file");
        t->kind = member(it, "kind");
        t->phase = member(it, "phase");
        t->category = member(it, "category");
        t->status = member(it, "status");
        t->rule = member(it, "rule");
        t->where = member(it, "where");
        t->assessment = member(it, "assessment");
        t->then = member(it, "then");
        t->message = member(it, "message");
        t->open = member(it, "open");
    }
}

/* Reads the manifest, scores the good assessment on a fresh engine, moves
** into a fresh working directory, and runs one test per attack between
** the manifest check and the summary. */
int main(void)
{
    static suite s;
    struct CMUnitTest *tests;
    size_t i;
    int rc;
    load_manifest(&s);
    s.good = fresh_result(&s, s.good_ins, s.good_doc);
    assert_non_null(getcwd(s.origin, sizeof s.origin));
    fx_mkdtemp(s.work);
    assert_int_equal(chdir(s.work), 0);
    tests = calloc(s.n + 2, sizeof *tests);
    assert_non_null(tests);
    tests[0] = (struct CMUnitTest)cmocka_unit_test_prestate(test_manifest, &s);
    for (i = 0; i < s.n; i++) {
        tests[i + 1] = (struct CMUnitTest)cmocka_unit_test_prestate(test_attack, &s.v[i]);
        tests[i + 1].name = s.v[i].file ? s.v[i].file : "?";
    }
    tests[s.n + 1] = (struct CMUnitTest)cmocka_unit_test_prestate(test_summary, &s);
    fx_filter();
    rc = _cmocka_run_group_tests("attacks", tests, s.n + 2, NULL, NULL);
    assert_int_equal(chdir(s.origin), 0);
    fx_cleanup_dirs();
    free(tests);
    free(s.good);
    free(s.v);
    cJSON_Delete(s.manifest);
    return rc;
}
