/*
** fuzz_common.c -- the repository's files, engines and the checks the
** fuzz targets share (see fuzz_common.h).
*/
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fuzz_common.h"

#ifndef VEP_FUZZ_SOURCE_DIR
#define VEP_FUZZ_SOURCE_DIR "."
#endif

/* Prints the message and aborts: the input is reported as a crash. */
void fz_fail(const char *fmt, ...)
{
    va_list ap;
    fputs("fuzz: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

/* The repository root joined with `rel`. */
const char *fz_path(char *buf, size_t n, const char *rel)
{
    const char *root = getenv("VEP_SOURCE_DIR");
    if (root == NULL || root[0] == '\0')
        root = VEP_FUZZ_SOURCE_DIR;
    if ((size_t)snprintf(buf, n, "%s/%s", root, rel) >= n)
        fz_fail("path too long: %s/%s", root, rel);
    return buf;
}

/* An engine with the given limits, or an abort. */
vep_engine *fz_engine(size_t memory, uint64_t instructions, uint32_t ms)
{
    vep_engine_options o = VEP_ENGINE_OPTIONS_INIT;
    vep_engine *e = NULL;
    o.memory_limit = memory;
    o.instruction_limit = instructions;
    o.time_limit_ms = ms;
    if (vep_engine_new(&e, &o) != VEP_OK || e == NULL)
        fz_fail("vep_engine_new failed");
    return e;
}

/* The limits of bundled scripts: ample for them, small for a fuzzer. */
vep_engine *fz_engine_bundled(void)
{
    return fz_engine((size_t)16 << 20, 5000000, 1000);
}

/* The limits of scripts made from fuzz bytes. */
vep_engine *fz_engine_small(void)
{
    return fz_engine((size_t)4 << 20, 200000, 200);
}

/* Prints the diagnostics of e's last failure and aborts. */
static FZ_NORETURN void fail_load(vep_engine *e, const char *rel)
{
    char *d = NULL;
    vep_diag_json(&d, e);
    fz_fail("cannot load %s: %s\n%s", rel, vep_engine_errmsg(e),
            d ? d : "");
}

/* Loads a bundled instrument. */
vep_instrument *fz_load_instrument(vep_engine *e, const char *rel)
{
    char p[4096];
    vep_instrument *ins = NULL;
    if (vep_instrument_load_file(&ins, e, fz_path(p, sizeof p, rel)) != VEP_OK)
        fail_load(e, rel);
    return ins;
}

/* Loads a bundled plan. */
vep_plan *fz_load_plan(vep_engine *e, const char *rel)
{
    char p[4096];
    vep_plan *plan = NULL;
    if (vep_plan_load_file(&plan, e, fz_path(p, sizeof p, rel)) != VEP_OK)
        fail_load(e, rel);
    return plan;
}

/* Reads a file of the repository, NUL-terminated (free()). */
char *fz_read_file(const char *rel, size_t *len)
{
    char p[4096];
    FILE *f = fopen(fz_path(p, sizeof p, rel), "rb");
    char *s;
    long n;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0
        || fseek(f, 0, SEEK_SET) != 0)
        fz_fail("cannot read %s", p);
    s = malloc((size_t)n + 1);
    if (s == NULL || fread(s, 1, (size_t)n, f) != (size_t)n)
        fz_fail("cannot read %s", p);
    fclose(f);
    s[n] = '\0';
    if (len)
        *len = (size_t)n;
    return s;
}

/* Scores a bundled assessment. */
char *fz_score_file(vep_engine *e, vep_instrument *ins, const char *rel)
{
    size_t n;
    char *doc = fz_read_file(rel, &n), *out = NULL;
    if (vep_score(&out, ins, doc, n) != VEP_OK)
        fz_fail("cannot score %s: %s", rel, vep_engine_errmsg(e));
    free(doc);
    return out;
}

/* A string argument the host was given: never NULL, always UTF-8. */
static void check_arg(const char *s, const char *fn)
{
    if (s == NULL || !fz_utf8_valid(s, strlen(s)))
        fz_fail("host function %s was given %s", fn,
                s ? "a string that is not UTF-8" : "NULL");
}

/* The case system's open referrals: a number made from the subject. */
static int64_t open_referrals(const char *subject)
{
    check_arg(subject, "open_referrals");
    return (int64_t)(strlen(subject) % 3);
}

/* Whether the programme was completed elsewhere. */
static bool completed_elsewhere(const char *subject,
                                         const char *programme)
{
    check_arg(subject, "completed_elsewhere");
    check_arg(programme, "completed_elsewhere");
    return strcmp(programme, "CBT") == 0;
}

/* See fuzz_common.h. */
void fz_register_case_hosts(vep_engine *e)
{
    if (vep_host_register(e, "open_referrals", "int64 (string subject)",
                          (vep_host_fn)open_referrals, NULL) != VEP_OK
        || vep_host_register(e, "completed_elsewhere",
                             "bool (string subject, string programme)",
                             (vep_host_fn)completed_elsewhere, NULL) != VEP_OK)
        fz_fail("cannot register host functions: %s", vep_engine_errmsg(e));
}

/* Strict UTF-8 (RFC 3629). */
int fz_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i], need, min, cp, k;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1; min = 0x80; cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2; min = 0x800; cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3; min = 0x10000; cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i <= need)
            return 0;
        for (k = 1; k <= need; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += need + 1;
    }
    return 1;
}

/* A status is one of the codes, never an internal error. */
void fz_check_status(vep_status st, const char *what)
{
    if ((int)st < VEP_OK || (int)st > VEP_ERR_HOST)
        fz_fail("%s: unknown status %d", what, (int)st);
    if (st == VEP_ERR_INTERNAL)
        fz_fail("%s: internal error", what);
}

/* JSON that cJSON parses to its end, in valid UTF-8. */
void fz_check_json(const char *doc, const char *what)
{
    size_t n = strlen(doc);
    const char *end = NULL;
    cJSON *j;
    if (!fz_utf8_valid(doc, n))
        fz_fail("%s: the document is not valid UTF-8:\n%s", what, doc);
    j = cJSON_ParseWithLengthOpts(doc, n + 1, &end, 1);   /* with the NUL */
    if (j == NULL)
        fz_fail("%s: the document is not JSON (at offset %ld):\n%s", what,
                end ? (long)(end - doc) : -1L, doc);
    cJSON_Delete(j);
}

/* vep_diag_json, vep_diag_count and vep_diag_get after failure `st`. */
void fz_check_diag(vep_engine *e, vep_status st, const char *what)
{
    char *d = NULL;
    cJSON *j, *status, *errors, *not_shown;
    size_t count = vep_diag_count(e), shown, i;
    vep_status dst = vep_diag_json(&d, e);
    const char *msg = vep_engine_errmsg(e);

    if (msg == NULL || msg[0] == '\0' || !fz_utf8_valid(msg, strlen(msg)))
        fz_fail("%s: failed (%s) with the message %s", what,
                vep_status_name(st), msg == NULL ? "NULL" : msg[0] == '\0'
                ? "\"\"" : "not in UTF-8");

    if (dst != VEP_OK || d == NULL)
        fz_fail("%s: vep_diag_json gave %d", what, (int)dst);
    fz_check_json(d, what);
    j = cJSON_Parse(d);
    if (j == NULL)
        fz_fail("%s: diagnostics do not parse", what);
    status = cJSON_GetObjectItemCaseSensitive(j, "status");
    errors = cJSON_GetObjectItemCaseSensitive(j, "errors");
    not_shown = cJSON_GetObjectItemCaseSensitive(j, "not_shown");
    if (!cJSON_IsString(status)
        || strcmp(status->valuestring, vep_status_name(st)) != 0)
        fz_fail("%s: diagnostics say status %s, the call returned %s:\n%s",
                what, cJSON_IsString(status) ? status->valuestring : "?",
                vep_status_name(st), d);
    if (!cJSON_IsArray(errors))
        fz_fail("%s: diagnostics without \"errors\":\n%s", what, d);
    shown = (size_t)cJSON_GetArraySize(errors);
    if (shown > count || (shown < count && (!cJSON_IsNumber(not_shown)
        || (size_t)not_shown->valuedouble != count - shown)))
        fz_fail("%s: %zu diagnostics counted, %zu shown:\n%s", what, count,
                shown, d);
    for (i = 0; i < count; i++) {
        int f;
        for (f = VEP_DIAG_FILE; f <= VEP_DIAG_MESSAGE; f++) {
            const char *s = vep_diag_get(e, i, (vep_diag_field)f);
            if (s == NULL || !fz_utf8_valid(s, strlen(s)))
                fz_fail("%s: diagnostic %zu field %d is %s", what, i, f,
                        s ? "not UTF-8" : "NULL");
        }
    }
    if (vep_diag_get(e, count, VEP_DIAG_MESSAGE) != NULL)
        fz_fail("%s: a diagnostic past the count", what);
    cJSON_Delete(j);
    vep_free(d);
}

/* The outcome of a call that writes a document. */
void fz_check_out(vep_status st, char **outp, vep_engine *e, const char *what)
{
    char *out = *outp;
    *outp = NULL;
    if (getenv("VEP_FUZZ_PRINT") != NULL)       /* for writing seeds */
        fprintf(stderr, "%s: %s\n%s\n", what, vep_status_name(st),
                out ? out : vep_engine_errmsg(e));
    fz_check_status(st, what);
    if (st == VEP_OK) {
        if (out == NULL)
            fz_fail("%s: VEP_OK without a document", what);
        fz_check_json(out, what);
    } else {
        if (out != NULL)
            fz_fail("%s: failed (%s) with a document", what,
                    vep_status_name(st));
        fz_check_diag(e, st, what);
    }
    vep_free(out);
}
