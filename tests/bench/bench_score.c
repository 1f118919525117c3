/*
** bench_score.c -- how fast libvep scores, through the public C API.
**
** Generates a 40-item, 5-domain instrument script (a 0-3 scale, a sum per
** domain, a prorated total, an advisory level, two flags) and N synthetic
** assessments (about one item in twenty unknown), then measures:
**   - engine creation and instrument load time;
**   - microseconds per assessment (median and p99 over batches) and
**     assessments per second for vep_score (validate + score + explain +
**     render the result JSON);
**   - memory per engine with the instrument loaded, counted by the
**     allocator hook.
** Usage: bench_score [N]   (default 20000).  Not a test: it asserts only
** that every assessment scores.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <vep/vep.h>

#define NITEMS 40
#define NDOMAINS 5

typedef struct counting {
    size_t live, peak;
} counting;

/* Allocator hook that counts live bytes (a size header per block). */
static void *c_malloc(void *ud, size_t n)
{
    counting *c = ud;
    size_t *p = malloc(n + sizeof(size_t) * 2);
    if (!p) return NULL;
    p[0] = n;
    c->live += n;
    if (c->live > c->peak) c->peak = c->live;
    return p + 2;
}
static void c_free(void *ud, void *ptr)
{
    counting *c = ud;
    size_t *p;
    if (!ptr) return;
    p = (size_t *)ptr - 2;
    c->live -= p[0];
    free(p);
}
static void *c_realloc(void *ud, void *ptr, size_t n)
{
    counting *c = ud;
    size_t *p, old;
    if (!ptr) return c_malloc(ud, n);
    p = (size_t *)ptr - 2;
    old = p[0];
    p = realloc(p, n + sizeof(size_t) * 2);
    if (!p) return NULL;
    p[0] = n;
    c->live = c->live - old + n;
    if (c->live > c->peak) c->peak = c->live;
    return p + 2;
}

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Appends printf output to a growing string. */
static void cat(char **s, size_t *len, size_t *cap, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#include <stdarg.h>
static void cat(char **s, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    int n;
    for (;;) {
        va_start(ap, fmt);
        n = vsnprintf(*s + *len, *cap - *len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < *cap - *len) { *len += (size_t)n; return; }
        *cap *= 2;
        *s = realloc(*s, *cap);
        if (!*s) { perror("realloc"); exit(70); }
    }
}

static char *make_script(void)
{
    size_t len = 0, cap = 4096;
    char *s = malloc(cap);
    int d, i;
    s[0] = 0;
    cat(&s, &len, &cap, "instrument { id = \"bench40\", version = \"1.0.0\", languages = { \"en\" },\n"
        "  title = \"Benchmark instrument\", max_unknown = 10 }\n"
        "scale \"s03\" { {code=\"0\",value=0,label=\"none\"}, {code=\"1\",value=1,label=\"some\"},\n"
        "  {code=\"2\",value=2,label=\"clear\"}, {code=\"3\",value=3,label=\"severe\"} }\n");
    for (d = 0; d < NDOMAINS; d++)
        cat(&s, &len, &cap, "domain \"d%d\" { title = \"Domain %d\" }\n", d, d);
    for (i = 0; i < NITEMS; i++)
        cat(&s, &len, &cap, "item \"i%02d\" { type = \"scale\", scale = \"s03\", domains = { \"d%d\" }, text = \"Item %d\" }\n",
            i, i % NDOMAINS, i);
    for (d = 0; d < NDOMAINS; d++)
        cat(&s, &len, &cap, "score \"d%d_sum\" { rule = \"sum\", domain = \"d%d\", missing = \"prorate\", max_unknown = 2, decimals = 1 }\n", d, d);
    cat(&s, &len, &cap, "score \"total\" { rule = \"composite\", of = { d0_sum = 1, d1_sum = 1, d2_sum = 1, d3_sum = 1, d4_sum = 1 } }\n"
        "level \"risk\" { of = \"total\", bands = { {level=\"low\",min=0,max=39.9}, {level=\"moderate\",min=40,max=79.9}, {level=\"high\",min=80,max=120} } }\n"
        "flag \"any_severe\" { when = { any = { {item=\"i00\",is=\"3\"}, {item=\"i01\",is=\"3\"}, {item=\"i02\",is=\"3\"} } } }\n"
        "flag \"high\" { when = { level = \"risk\", is = \"high\" } }\n"
        "judgement { advisory = \"risk\", levels = { \"low\", \"moderate\", \"high\" }, required = false }\n");
    return s;
}

static char *make_assessment(unsigned *seed)
{
    size_t len = 0, cap = 4096;
    char *s = malloc(cap);
    int i;
    s[0] = 0;
    cat(&s, &len, &cap, "{\"instrument\":{\"id\":\"bench40\",\"version\":\"1.0.0\"},\"subject\":{\"id\":\"P-%u\"},"
        "\"assessor\":{\"id\":\"A-1\",\"role\":\"psychologist\"},\"date\":\"2026-11-30\",\"answers\":{", *seed);
    for (i = 0; i < NITEMS; i++) {
        *seed = *seed * 1103515245u + 12345u;
        if ((*seed >> 16) % 20 == 0)
            cat(&s, &len, &cap, "%s\"i%02d\":{\"status\":\"unknown\"}", i ? "," : "", i);
        else
            cat(&s, &len, &cap, "%s\"i%02d\":{\"value\":\"%u\"}", i ? "," : "", i, (*seed >> 20) % 4);
    }
    cat(&s, &len, &cap, "}}");
    return s;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 20000, i, batch = 100, nb;
    counting cnt = { 0, 0 };
    vep_allocator hook = { &cnt, c_malloc, c_realloc, c_free };
    vep_engine_options opts = VEP_ENGINE_OPTIONS_INIT;
    vep_engine *e;
    vep_instrument *ins;
    char *script = make_script(), **docs, *out;
    double t0, t1, *per, total = 0, load_us, engine_us;
    size_t engine_bytes, loaded_bytes, i_out_bytes = 0;
    unsigned seed = 42;

    if (n < batch) n = batch;
    nb = n / batch;
    docs = malloc(sizeof *docs * (size_t)n);
    for (i = 0; i < n; i++)
        docs[i] = make_assessment(&seed);
    opts.allocator = &hook;

    t0 = now_us();
    for (i = 0; i < 1000; i++) {
        if (vep_engine_new(&e, &opts) != VEP_OK) return 70;
        vep_engine_free(e);
    }
    engine_us = (now_us() - t0) / 1000;
    vep_engine_new(&e, &opts);
    engine_bytes = cnt.live;

    t0 = now_us();
    for (i = 0; i < 100; i++) {
        if (vep_instrument_load_buffer(&ins, e, "bench40.lua", script, strlen(script)) != VEP_OK) {
            size_t k;
            fprintf(stderr, "load failed: %s\n", vep_engine_errmsg(e));
            for (k = 0; k < vep_diag_count(e); k++)
                fprintf(stderr, "  line %u: %s\n", vep_diag_line(e, k),
                        vep_diag_get(e, k, VEP_DIAG_MESSAGE));
            return 70;
        }
        if (i < 99) vep_instrument_free(ins);
    }
    load_us = (now_us() - t0) / 100;
    loaded_bytes = cnt.live;
    cnt.peak = cnt.live;

    per = malloc(sizeof *per * (size_t)nb);
    for (i = 0; i < n; i++) {           /* warm-up pass */
        if (vep_score(&out, ins, docs[i], strlen(docs[i])) != VEP_OK) {
            fprintf(stderr, "scoring failed: %s\n", vep_engine_errmsg(e));
            return 70;
        }
        if (i == 0) i_out_bytes = strlen(out);
        vep_free(out);
        if (i >= 999) break;
    }
    for (i = 0; i < nb; i++) {
        int k;
        t0 = now_us();
        for (k = 0; k < batch; k++) {
            const char *d = docs[i * batch + k];
            if (vep_score(&out, ins, d, strlen(d)) != VEP_OK) return 70;
            vep_free(out);
        }
        t1 = now_us();
        per[i] = (t1 - t0) / batch;
        total += t1 - t0;
    }
    qsort(per, (size_t)nb, sizeof *per, cmp_double);
    printf("libvep %s, %d items, %d assessments (batches of %d)\n", vep_version_string(), NITEMS, nb * batch, batch);
    printf("engine creation        %8.2f us\n", engine_us);
    printf("instrument load        %8.1f us\n", load_us);
    printf("score, median batch    %8.2f us per assessment\n", per[nb / 2]);
    printf("score, p99 batch       %8.2f us per assessment\n", per[(nb * 99) / 100 < nb ? (nb * 99) / 100 : nb - 1]);
    printf("throughput             %8.0f assessments/s\n", (nb * batch) / (total / 1e6));
    printf("memory: engine         %8zu bytes\n", engine_bytes);
    printf("memory: + instrument   %8zu bytes\n", loaded_bytes);
    printf("memory: peak scoring   %8zu bytes\n", cnt.peak);
    printf("result document        %8zu bytes\n", i_out_bytes);
    vep_instrument_free(ins);
    vep_engine_free(e);
    for (i = 0; i < n; i++) free(docs[i]);
    free(docs);
    free(per);
    free(script);
    return 0;
}
