/*
** score.c -- a host program that embeds libvep through its public header
** only: it loads the instrument script given first on the command line,
** scores the assessment document given second and prints the result
** document, as `vep score SCRIPT ASSESSMENT` does.
**
** Build it against an installed libvep with CMake (CMakeLists.txt here:
** find_package(vep)) or with make (Makefile here: pkg-config libvep).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vep/vep.h>

/* Reads the whole file at `path` into a new buffer the caller frees with
** free().  Returns 0 on success, -1 (with a message) when the file cannot
** be read. */
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
            grown = (char *)realloc(buf, cap); /* C++ too */
            if (grown == NULL) {
                fprintf(stderr, "%s: out of memory\n", path);
                goto cleanup;
            }
            buf = grown;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    if (ferror(f)) {
        perror(path);
        goto cleanup;
    }
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

/* Prints the engine's message and every diagnostic of its last failed
** call, one a line, as PATH: MESSAGE or FILE:LINE: MESSAGE. */
static void report(const vep_engine *engine, vep_status st)
{
    size_t i, count = vep_diag_count(engine);

    fprintf(stderr, "score: %s: %s\n", vep_strerror(st),
            vep_engine_errmsg(engine));
    for (i = 0; i < count; i++) {
        const char *file = vep_diag_get(engine, i, VEP_DIAG_FILE);
        const char *path = vep_diag_get(engine, i, VEP_DIAG_PATH);
        const char *msg = vep_diag_get(engine, i, VEP_DIAG_MESSAGE);

        if (file[0] != '\0')
            fprintf(stderr, "  %s:%u: %s\n", file, vep_diag_line(engine, i),
                    msg);
        else
            fprintf(stderr, "  %s: %s\n", path, msg);
    }
}

/* Checks that the library agrees with the header, loads, scores, prints.
** Exit status: 0 scored, 1 refused (invalid script or assessment), 2
** wrong usage or a library of another version. */
int main(int argc, char **argv)
{
    vep_engine *engine = NULL;
    vep_instrument *inst = NULL;
    char *json = NULL, *result = NULL;
    size_t len = 0;
    vep_status st;
    int rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: %s INSTRUMENT.lua ASSESSMENT.json\n",
                argv[0]);
        return 2;
    }
    if (vep_version_number() != VEP_VERSION_NUMBER) {
        fprintf(stderr, "score: built with libvep %s, runs with %s\n",
                VEP_VERSION_STRING, vep_version_string());
        return 2;
    }
    if (read_file(argv[2], &json, &len) != 0)
        goto cleanup;
    st = vep_engine_new(&engine, NULL);
    if (st != VEP_OK) {
        fprintf(stderr, "score: cannot create the engine: %s\n",
                vep_strerror(st));
        goto cleanup;
    }
    st = vep_instrument_load_file(&inst, engine, argv[1]);
    if (st == VEP_OK)
        st = vep_score(&result, inst, json, len);
    if (st != VEP_OK) {
        report(engine, st);
        goto cleanup;
    }
    len = strlen(result);
    fwrite(result, 1, len, stdout);
    if (len == 0 || result[len - 1] != '\n')
        putchar('\n');
    rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;

cleanup:
    vep_free(result);
    vep_instrument_free(inst);
    vep_engine_free(engine);
    free(json);
    return rc;
}
