/*
** referrals.c -- a host program that gives a plan script facts only the
** host has, through host functions: the prison's case system knows which
** referrals are open and which programmes a person completed in another
** institution.  The plan examples/host/vep-plan-screen-host.lua asks for
** both in its rules; this program registers the two C functions under the
** names the plan declares, scores a screening, makes the plan and prints
** it.  The plan's "host_calls" lists every question asked and its answer,
** and each rule's reason shows the answer it used.
**
**   referrals INSTRUMENT.lua PLAN.lua ASSESSMENT.json CONTEXT.json
**
** e.g. referrals instruments/screening/vep-screen.lua \
**        examples/host/vep-plan-screen-host.lua \
**        examples/assessments/screen-positive.json \
**        examples/cases/screen-positive.context.json
**
** The case system here is a table in memory; a real host would query its
** database.  Build it like assess.c (CMakeLists.txt or Makefile here).
*/
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vep/vep.h>

/* ---- The host's own data: a case system ------------------------------ */

typedef struct case_record {
    const char *subject;
    int open_referrals;
    const char *completed_elsewhere;   /* programmes, comma-separated */
} case_record;

typedef struct case_system {
    const case_record *records;
    size_t n;
    unsigned long questions;           /* how often libvep asked */
} case_system;

static const case_record records[] = {
    { "P-0001", 1, "KEYWORKER,EDUCATION" },
    { "P-0002", 0, "" },
};

/* The record of `subject`, or NULL. */
static const case_record *find(const case_system *cs, const char *subject)
{
    size_t i;
    for (i = 0; i < cs->n; i++)
        if (strcmp(cs->records[i].subject, subject) == 0)
            return &cs->records[i];
    return NULL;
}

/* ---- The host functions ------------------------------------------------ */

/* int64 (userdata, call, string subject): the open referrals of a person.
** A person the case system does not know is an error the plan must not
** gloss over, so the call fails with a reason (the plan evaluation then
** ends with VEP_ERR_HOST, naming the rule and this message). */
static int64_t open_referrals(void *ud, vep_host_call *call,
                              const char *subject)
{
    case_system *cs = (case_system *)ud;
    const case_record *r = find(cs, subject);
    cs->questions++;
    if (r == NULL) {
        vep_host_call_fail(call, "the case system has no record of this person");
        return 0;
    }
    return r->open_referrals;
}

/* bool (userdata, string subject, string programme): whether the person
** completed the programme in another institution.  The strings are
** borrowed for the call only. */
static bool completed_elsewhere(void *ud, const char *subject,
                                const char *programme)
{
    case_system *cs = (case_system *)ud;
    const case_record *r = find(cs, subject);
    size_t n = strlen(programme);
    const char *p;
    cs->questions++;
    if (r == NULL || n == 0)
        return false;
    for (p = r->completed_elsewhere; (p = strstr(p, programme)) != NULL; p += n)
        if ((p == r->completed_elsewhere || p[-1] == ',')
            && (p[n] == ',' || p[n] == '\0'))
            return true;
    return false;
}

/* ---- The program -------------------------------------------------------- */

/* Reads a whole file into a new NUL-terminated buffer. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0
        && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)size, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

/* Prints the failure of the last call on `e` with every diagnostic. */
static void report(const vep_engine *e, const char *what, vep_status st)
{
    size_t i;
    fprintf(stderr, "referrals: %s: %s: %s\n", what, vep_status_name(st),
            vep_engine_errmsg(e));
    for (i = 0; i < vep_diag_count(e); i++)
        fprintf(stderr, "  %s:%u %s (%s)\n", vep_diag_get(e, i, VEP_DIAG_FILE),
                vep_diag_line(e, i), vep_diag_get(e, i, VEP_DIAG_MESSAGE),
                vep_diag_get(e, i, VEP_DIAG_RULE));
}

/* Registers the two host functions, loads the instrument and the plan,
** scores the assessment and makes the plan in one call (vep_assess), and
** prints the plan document.  Exit status 0, 1 when anything fails (with
** every diagnostic on stderr), 64 for a wrong command line. */
int main(int argc, char **argv)
{
    case_system cs = { records, sizeof records / sizeof records[0], 0 };
    vep_host_options ho = VEP_HOST_OPTIONS_INIT;
    vep_engine *e = NULL;
    vep_instrument *ins = NULL;
    vep_plan *plan = NULL;
    char *assessment = NULL, *context = NULL, *out = NULL;
    size_t alen = 0, clen = 0;
    vep_status st;
    int rc = 1;

    if (argc != 5) {
        fprintf(stderr, "usage: referrals INSTRUMENT.lua PLAN.lua "
                "ASSESSMENT.json CONTEXT.json\n");
        return 64;
    }
    st = vep_engine_new(&e, NULL);
    if (st != VEP_OK) {
        fprintf(stderr, "referrals: %s\n", vep_strerror(st));
        return 1;
    }
    /* The names and signatures are those the plan declares with
    ** host_function; "userdata" and "call" are the host's own and never
    ** seen by the script.  Registered before loading, the signatures are
    ** checked against the plan's declarations when it loads. */
    ho.user_data = &cs;
    st = vep_host_register(e, "open_referrals",
                           "int64 (userdata, call, string subject)",
                           (vep_host_fn)open_referrals, &ho);
    if (st == VEP_OK)
        st = vep_host_register(e, "completed_elsewhere",
                               "bool (userdata, string subject, string programme)",
                               (vep_host_fn)completed_elsewhere, &ho);
    if (st != VEP_OK) {
        report(e, "registering the host functions", st);
        goto cleanup;
    }
    if ((st = vep_instrument_load_file(&ins, e, argv[1])) != VEP_OK) {
        report(e, argv[1], st);
        goto cleanup;
    }
    if ((st = vep_plan_load_file(&plan, e, argv[2])) != VEP_OK) {
        report(e, argv[2], st);
        goto cleanup;
    }
    assessment = read_file(argv[3], &alen);
    context = read_file(argv[4], &clen);
    if (assessment == NULL || context == NULL) {
        fprintf(stderr, "referrals: cannot read %s\n", assessment ? argv[4] : argv[3]);
        goto cleanup;
    }
    st = vep_assess(&out, ins, plan, assessment, alen, context, clen, NULL);
    if (st != VEP_OK) {
        report(e, "making the plan", st);
        goto cleanup;
    }
    fputs(out, stdout);
    fprintf(stderr, "referrals: the case system answered %lu question%s\n",
            cs.questions, cs.questions == 1 ? "" : "s");
    rc = 0;
cleanup:
    vep_free(out);
    free(assessment);
    free(context);
    vep_plan_free(plan);
    vep_instrument_free(ins);
    vep_engine_free(e);
    return rc;
}
