/*
** assess.c -- a host program that embeds libvep through its public header
** only, as a prison-management system would: it creates an engine with
** explicit limits and a counting allocator, loads an instrument and a plan
** script, scores an assessment, derives one agency's view of the plan from
** the result and a case context, prints both documents and frees
** everything.  Errors are reported with every diagnostic.
**
**   assess [-j] INSTRUMENT.lua PLAN.lua ASSESSMENT.json CONTEXT.json
**          [AGENCY [LANG]]
**
** AGENCY (default: the whole plan) asks for that agency's need-to-know
** view; LANG (a BCP 47 tag, default: the plan's first language) is the
** language of the plan's titles.  -j writes errors as the JSON document of
** vep_diag_json instead of text.  docs/INTEGRATING.md explains each step.
**
** Build it against an installed libvep with CMake (CMakeLists.txt here:
** find_package(vep)) or with make (Makefile here: pkg-config libvep).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vep/vep.h>

/* ---- A counting allocator --------------------------------------------- */

/* What the allocator has seen.  One per engine here, so it needs no lock:
** an engine is used by one thread at a time. */
typedef struct counter {
    size_t live_bytes, live_blocks, peak_bytes;
    unsigned long calls;
} counter;

/* Each block starts with its size, padded so that the caller's part stays
** aligned for any type. */
typedef union block_header {
    size_t size;
    long double align_ld;
    long long align_ll;
    void *align_p;
} block_header;

/* Counts a block of `size` bytes in. */
static void count_in(counter *c, size_t size)
{
    c->live_bytes += size;
    c->live_blocks++;
    if (c->live_bytes > c->peak_bytes)
        c->peak_bytes = c->live_bytes;
}

/* malloc_fn: a block of `size` bytes, or NULL. */
static void *count_malloc(void *ud, size_t size)
{
    counter *c = (counter *)ud;
    block_header *h;

    c->calls++;
    if (size > SIZE_MAX - sizeof *h)
        return NULL;
    h = (block_header *)malloc(sizeof *h + size);
    if (h == NULL)
        return NULL;
    h->size = size;
    count_in(c, size);
    return h + 1;
}

/* realloc_fn: like realloc; a NULL `ptr` allocates.  On failure the old
** block is left as it was. */
static void *count_realloc(void *ud, void *ptr, size_t size)
{
    counter *c = (counter *)ud;
    block_header *h, *grown;
    size_t old;

    if (ptr == NULL)
        return count_malloc(ud, size);
    c->calls++;
    if (size > SIZE_MAX - sizeof *h)
        return NULL;
    h = (block_header *)ptr - 1;
    old = h->size;
    grown = (block_header *)realloc(h, sizeof *h + size);
    if (grown == NULL)
        return NULL;
    grown->size = size;
    c->live_bytes -= old;
    c->live_blocks--;
    count_in(c, size);
    return grown + 1;
}

/* free_fn: NULL does nothing. */
static void count_free(void *ud, void *ptr)
{
    counter *c = (counter *)ud;
    block_header *h;

    if (ptr == NULL)
        return;
    h = (block_header *)ptr - 1;
    c->live_bytes -= h->size;
    c->live_blocks--;
    free(h);
}

/* ---- Files and output -------------------------------------------------- */

/* Reads the whole file at `path` into a new buffer the caller frees with
** free().  The buffer is NUL-terminated; *out_len excludes the NUL.
** Returns 0 on success, -1 (with a message) when it cannot be read. */
static int read_file(const char *path, char **out, size_t *out_len)
{
    FILE *f = NULL;
    char *buf = NULL, *grown;
    size_t len = 0, cap = 0, n;
    int rc = -1;

    f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        goto cleanup;
    }
    do {
        if (cap - len < 4096) {
            cap = cap == 0 ? 65536 : cap * 2;
            grown = (char *)realloc(buf, cap);
            if (grown == NULL) {
                fprintf(stderr, "%s: out of memory\n", path);
                goto cleanup;
            }
            buf = grown;
        }
        n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
    } while (n > 0);
    if (ferror(f)) {
        perror(path);
        goto cleanup;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    buf = NULL;
    rc = 0;

cleanup:
    free(buf);
    if (f != NULL)
        fclose(f);
    return rc;
}

/* Writes a document libvep returned, ending it with a newline. */
static void print_doc(const char *doc)
{
    size_t len = strlen(doc);

    fwrite(doc, 1, len, stdout);
    if (len == 0 || doc[len - 1] != '\n')
        putchar('\n');
}

/* Reports the last failed call on `engine`: what the program was doing,
** the status, the message and every diagnostic with all its fields, or
** (as_json) the diagnostics as one JSON document. */
static void report(const vep_engine *engine, const char *doing, vep_status st,
                   int as_json)
{
    size_t i, count = vep_diag_count(engine);
    char *json = NULL;

    if (as_json && vep_diag_json(&json, engine) == VEP_OK) {
        fputs(json, stderr);
        vep_free(json);
        return;
    }
    fprintf(stderr, "assess: %s: %s (%s): %s\n", doing, vep_strerror(st),
            vep_status_name(st), vep_engine_errmsg(engine));
    for (i = 0; i < count; i++) {
        const char *file = vep_diag_get(engine, i, VEP_DIAG_FILE);
        const char *path = vep_diag_get(engine, i, VEP_DIAG_PATH);
        const char *item = vep_diag_get(engine, i, VEP_DIAG_ITEM);
        const char *rule = vep_diag_get(engine, i, VEP_DIAG_RULE);
        const char *msg = vep_diag_get(engine, i, VEP_DIAG_MESSAGE);
        unsigned int line = vep_diag_line(engine, i);

        /* Fields that do not apply are "" (and line 0). */
        fprintf(stderr, "  ");
        if (file[0] != '\0' && line != 0)
            fprintf(stderr, "%s:%u: ", file, line);
        else if (file[0] != '\0')
            fprintf(stderr, "%s: ", file);
        if (path[0] != '\0')
            fprintf(stderr, "%s: ", path);
        fprintf(stderr, "%s", msg);
        if (item[0] != '\0' || rule[0] != '\0')
            fprintf(stderr, " [item %s, rule %s]",
                    item[0] != '\0' ? item : "-",
                    rule[0] != '\0' ? rule : "-");
        fputc('\n', stderr);
    }
}

/* ---- The program ------------------------------------------------------- */

/* Checks the library against the header, then loads, scores, plans and
** prints.  Exit status: 0 done, 1 refused (script, assessment, context or
** a limit) or memory left allocated, 2 wrong usage or an incompatible
** library. */
int main(int argc, char **argv)
{
    counter count;
    vep_allocator alloc;
    vep_engine_options opts = VEP_ENGINE_OPTIONS_INIT;
    vep_plan_options popts = VEP_PLAN_OPTIONS_INIT;
    vep_engine *engine = NULL;
    vep_instrument *inst = NULL;
    vep_plan *plan = NULL;
    char *assessment = NULL, *context = NULL, *result = NULL, *planned = NULL;
    size_t assessment_len = 0, context_len = 0;
    const char *doing = "creating the engine";
    vep_status st = VEP_OK;
    int as_json = 0, rc = 1;

    memset(&count, 0, sizeof count);
    if (argc > 1 && strcmp(argv[1], "-j") == 0) {
        as_json = 1;
        argv++;
        argc--;
    }
    if (argc < 5 || argc > 7) {
        fprintf(stderr, "usage: assess [-j] INSTRUMENT.lua PLAN.lua "
                "ASSESSMENT.json CONTEXT.json [AGENCY [LANG]]\n");
        return 2;
    }
    /* Same major version, and a library at least as new as the header. */
    if (vep_version_number() / 10000 != VEP_VERSION_MAJOR ||
        vep_version_number() < VEP_VERSION_NUMBER) {
        fprintf(stderr, "assess: built with libvep %s, runs with %s\n",
                VEP_VERSION_STRING, vep_version_string());
        return 2;
    }
    if (read_file(argv[3], &assessment, &assessment_len) != 0 ||
        read_file(argv[4], &context, &context_len) != 0)
        goto cleanup;

    /* The engine: explicit limits (0 would mean the default) and the
    ** counting allocator.  The allocator struct is copied; `count` must
    ** outlive every object and string the engine hands out. */
    alloc.ud = &count;
    alloc.malloc_fn = count_malloc;
    alloc.realloc_fn = count_realloc;
    alloc.free_fn = count_free;
    opts.memory_limit = (size_t)32 * 1024 * 1024;
    opts.instruction_limit = 50000000u;
    opts.time_limit_ms = 1000;
    opts.allocator = &alloc;
    st = vep_engine_new(&engine, &opts);
    if (st != VEP_OK) {
        /* No engine, so no message: the status is all there is. */
        fprintf(stderr, "assess: cannot create the engine: %s\n",
                vep_strerror(st));
        goto cleanup;
    }

    doing = "loading the instrument";
    st = vep_instrument_load_file(&inst, engine, argv[1]);
    if (st != VEP_OK)
        goto cleanup;
    doing = "loading the plan";
    st = vep_plan_load_file(&plan, engine, argv[2]);
    if (st != VEP_OK)
        goto cleanup;
    if (strcmp(vep_plan_instrument(plan), vep_instrument_id(inst)) != 0) {
        fprintf(stderr, "assess: plan %s takes results of %s, not of %s\n",
                vep_plan_id(plan), vep_plan_instrument(plan),
                vep_instrument_id(inst));
        goto cleanup;
    }

    doing = "scoring the assessment";
    st = vep_score(&result, inst, assessment, assessment_len);
    if (st != VEP_OK)
        goto cleanup;

    doing = "deriving the plan";
    popts.agency = argc > 5 ? argv[5] : NULL;
    popts.language = argc > 6 ? argv[6] : NULL;
    st = vep_plan_evaluate(&planned, plan, result, strlen(result), context,
                           context_len, &popts);
    if (st != VEP_OK)
        goto cleanup;

    /* The result is the full record; the plan is what the agency sees. */
    printf("# result: %s %s (sha256 %s), libvep %s\n", vep_instrument_id(inst),
           vep_instrument_version(inst), vep_instrument_sha256(inst),
           vep_version_string());
    print_doc(result);
    printf("# plan: %s %s (sha256 %s), view: %s\n", vep_plan_id(plan),
           vep_plan_version(plan), vep_plan_sha256(plan),
           popts.agency != NULL ? popts.agency : "whole plan");
    print_doc(planned);
    rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;

cleanup:
    if (st != VEP_OK && engine != NULL)
        report(engine, doing, st, as_json);
    /* Strings first, then the objects, then the engine.  All accept NULL. */
    vep_free(planned);
    vep_free(result);
    vep_plan_free(plan);
    vep_instrument_free(inst);
    if (engine != NULL) {
        vep_engine_free(engine);
        fprintf(stderr, "assess: %lu allocations, peak %zu bytes, "
                "%zu bytes in %zu blocks left\n", count.calls,
                count.peak_bytes, count.live_bytes, count.live_blocks);
        if (count.live_blocks != 0)
            rc = 1;
    }
    free(assessment);
    free(context);
    return rc;
}
