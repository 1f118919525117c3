/*
** fuzz_common.h -- what the fuzz targets share (fuzz_common.c): the
** repository's files, engines with small limits, and the checks every
** target makes on what libvep returns.
**
** A check that fails calls fz_fail(), which prints what was wrong and
** aborts, so that libFuzzer and the replay driver report the input as a
** crash.  The checks hold for any input:
**   - a status is one of vep_status's codes and never VEP_ERR_INTERNAL;
**   - an out-parameter is NULL exactly when the call failed;
**   - every document libvep writes is JSON that parses, in valid UTF-8;
**   - after a failure, vep_diag_json gives a document whose "status" is
**     the failure's, and vep_diag_count/vep_diag_get agree with it.
*/
#ifndef VEP_FUZZ_COMMON_H
#define VEP_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include "vep/vep.h"

#if defined(__GNUC__)
#define FZ_NORETURN __attribute__((noreturn))
#define FZ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FZ_NORETURN
#define FZ_PRINTF(a, b)
#endif

/* The libFuzzer entry point every target defines. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Prints "fuzz: MESSAGE" and aborts. */
FZ_NORETURN FZ_PRINTF(1, 2) void fz_fail(const char *fmt, ...);

/* The path of `rel` under the repository root (VEP_SOURCE_DIR, else the
** directory the targets were built from), in a buffer of the caller's. */
const char *fz_path(char *buf, size_t n, const char *rel);

/* An engine with these limits (0: the default); aborts when it cannot be
** made, since nothing can be fuzzed then. */
vep_engine *fz_engine(size_t memory, uint64_t instructions, uint32_t ms);

/* The engine of the bundled scripts: 16 MiB, 5 million instructions,
** 1000 ms; and the small one of scripts made from fuzz bytes: 4 MiB,
** 200,000 instructions, 200 ms. */
vep_engine *fz_engine_bundled(void);
vep_engine *fz_engine_small(void);

/* Loads the instrument, plan or text file at `rel` under the repository
** root; aborts with the engine's diagnostics when that fails. */
vep_instrument *fz_load_instrument(vep_engine *e, const char *rel);
vep_plan *fz_load_plan(vep_engine *e, const char *rel);
char *fz_read_file(const char *rel, size_t *len);

/* The result of scoring the assessment at `rel` with `ins`, for the
** targets that need a fixed result (vep_free()); aborts on failure. */
char *fz_score_file(vep_engine *e, vep_instrument *ins, const char *rel);

/* Registers the host functions of the bundled plan with host conditions
** (examples/host/vep-plan-screen-host.lua): open_referrals, int64 (string
** subject), and completed_elsewhere, bool (string subject, string
** programme).  They abort when given a string that is not valid UTF-8. */
void fz_register_case_hosts(vep_engine *e);

/* Whether `s` (n bytes) is valid UTF-8: shortest forms, no surrogates,
** nothing above U+10FFFF. */
int fz_utf8_valid(const char *s, size_t n);

/* Checks a status `what` returned: known, not VEP_ERR_INTERNAL. */
void fz_check_status(vep_status st, const char *what);

/* Checks the outcome of a call that writes a document to *out: the
** status, that *out is NULL exactly on failure, and the document (JSON,
** UTF-8); after a failure the diagnostics of `e`.  Frees *out and sets
** it to NULL.  (A pointer, so that *out is read after the call made in
** the argument list.)  With VEP_FUZZ_PRINT set in the environment, what
** came back is printed to stderr (to see what a seed reaches). */
void fz_check_out(vep_status st, char **out, vep_engine *e, const char *what);

/* Checks the diagnostics of the failure `st` recorded in `e`. */
void fz_check_diag(vep_engine *e, vep_status st, const char *what);

/* Checks that `doc` (NUL-terminated) is JSON in valid UTF-8. */
void fz_check_json(const char *doc, const char *what);

#endif /* VEP_FUZZ_COMMON_H */
