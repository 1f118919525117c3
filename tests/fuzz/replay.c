/*
** replay.c -- runs a fuzz target's LLVMFuzzerTestOneInput on files, for
** builds without libFuzzer (gcc, the sanitizer builds, valgrind): the
** committed corpora and regression inputs become ordinary tests.
**
**   fuzz_replay_TARGET PATH...
**
** A PATH that is a directory gives every regular file in it whose name
** does not start with '.' (in name order, so that runs are repeatable);
** any other PATH is one input.  Each input is read into a buffer of its
** exact size, so that a sanitizer sees a read past its end.  A crash or a
** failed check aborts (the target's doing); the exit status is 1 when a
** path cannot be read or no input was found, else 0.
*/
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* In a sanitizer build, undefined behaviour stops the run (as libFuzzer
** builds do with -fno-sanitize-recover). */
#if defined(__GNUC__)
__attribute__((used, visibility("default")))
#endif
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
    return "halt_on_error=1:print_stacktrace=1";
}

/* Reads and runs one input; returns 0, or -1 when it cannot be read. */
static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data;
    long n;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0
        || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        if (f)
            fclose(f);
        return -1;
    }
    data = malloc(n > 0 ? (size_t)n : 1);
    if (data == NULL || fread(data, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        fclose(f);
        free(data);
        return -1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(data, (size_t)n);
    free(data);
    return 0;
}

/* qsort order of file names. */
static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every input of a directory, in name order; adds to *count. */
static int run_dir(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    char **names = NULL, path[4096];
    size_t n = 0, cap = 0, i;
    int rc = 0;
    struct stat st;

    if (d == NULL) {
        fprintf(stderr, "replay: cannot open %s\n", dir);
        return -1;
    }
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **v = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *v);
            if (v == NULL)
                abort();
            names = v;
        }
        names[n] = strdup(ent->d_name);
        if (names[n++] == NULL)
            abort();
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (run_file(path) != 0)
                rc = -1;
            else
                ++*count;
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Runs every PATH given; see the comment at the top. */
int main(int argc, char **argv)
{
    size_t count = 0;
    int i, rc = 0;
    struct stat st;

    for (i = 1; i < argc; i++) {
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (run_dir(argv[i], &count) != 0)
                rc = 1;
        } else if (run_file(argv[i]) != 0) {
            rc = 1;
        } else {
            count++;
        }
    }
    printf("replayed %zu inputs\n", count);
    if (count == 0) {
        fprintf(stderr, "replay: no inputs\n");
        rc = 1;
    }
    return rc;
}
