/*
** util.c -- what the subcommands of the vep command share: reading input,
** parsing numbers, creating the engine, loading a script, finding the
** scripts under a directory, and printing errors as text or as JSON.
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cJSON.h>
#include "cli.h"

/* Maps a library status to the command's exit status.  VEP_ERR_IO comes
** only from reading script files (the command reads assessments itself),
** so it counts as an invalid script. */
int cli_exit_for_status(vep_status status)
{
    switch (status) {
    case VEP_OK:
        return CLI_EXIT_OK;
    case VEP_ERR_ASSESSMENT:
    case VEP_ERR_CONTEXT:
        return CLI_EXIT_INVALID;
    case VEP_ERR_ARGUMENT:
        return CLI_EXIT_USAGE;
    case VEP_ERR_IO:
    case VEP_ERR_SCRIPT:
    case VEP_ERR_DEFINITION:
        return CLI_EXIT_SCRIPT;
    case VEP_ERR_LIMIT_MEMORY:
    case VEP_ERR_LIMIT_INSTRUCTIONS:
    case VEP_ERR_LIMIT_TIME:
        return CLI_EXIT_LIMIT;
    case VEP_ERR_HOST:
        return CLI_EXIT_HOST;
    default:
        return CLI_EXIT_INTERNAL;
    }
}

/* Formats a printf-style message into a new string (freed with free()), or
** returns NULL when out of memory.  Used so that the same message can go
** into either error format. */
static char *format_message(const char *fmt, va_list ap)
{
    va_list ap2;
    char *s;
    int n;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    s = malloc((size_t)n + 1);
    if (s == NULL)
        return NULL;
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* Prints a usage error and the hint line, as every usage error must. */
int cli_usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("vep: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'vep --help'.\n", stderr);
    return CLI_EXIT_USAGE;
}

/* Writes one JSON document shaped like vep_diag_json's for an error the
** command found itself.  Returns 0, or -1 when out of memory (the caller
** then falls back to text). */
static int print_json_error(vep_status status, const char *rule,
                            const char *message)
{
    cJSON *doc = NULL, *errors = NULL, *e;
    char *text = NULL;
    int rc = -1;

    doc = cJSON_CreateObject();
    if (doc == NULL)
        goto cleanup;
    if (!cJSON_AddStringToObject(doc, "status", vep_status_name(status))
        || !cJSON_AddStringToObject(doc, "message", message)
        || (errors = cJSON_AddArrayToObject(doc, "errors")) == NULL)
        goto cleanup;
    e = cJSON_CreateObject();
    if (e == NULL)
        goto cleanup;
    if (!cJSON_AddItemToArray(errors, e)) {
        cJSON_Delete(e);
        goto cleanup;
    }
    if (!cJSON_AddStringToObject(e, "file", "")
        || !cJSON_AddNumberToObject(e, "line", 0)
        || !cJSON_AddStringToObject(e, "path", "")
        || !cJSON_AddStringToObject(e, "item", "")
        || !cJSON_AddStringToObject(e, "rule", rule ? rule : "")
        || !cJSON_AddStringToObject(e, "message", message))
        goto cleanup;
    text = cJSON_PrintUnformatted(doc);
    if (text == NULL)
        goto cleanup;
    fprintf(stderr, "%s\n", text);
    rc = 0;

cleanup:
    if (text)
        cJSON_free(text);
    cJSON_Delete(doc);
    return rc;
}

/* Prints an error the command found itself, as text or as JSON. */
void cli_error(const cli_options *opts, vep_status status, const char *rule,
               const char *fmt, ...)
{
    va_list ap;
    char *msg;

    va_start(ap, fmt);
    msg = format_message(fmt, ap);
    va_end(ap);
    if (msg == NULL) {
        fputs("vep: out of memory\n", stderr);
        return;
    }
    if (opts->error_format != CLI_ERRORS_JSON
        || print_json_error(status, rule, msg) != 0)
        fprintf(stderr, "vep: %s\n", msg);
    free(msg);
}

/* Prints a warning in text mode; JSON mode keeps stderr to error
** documents only. */
void cli_warning(const cli_options *opts, const char *fmt, ...)
{
    va_list ap;

    if (opts->error_format == CLI_ERRORS_JSON)
        return;
    fputs("vep: warning: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* A diagnostic field, "" when the library has none. */
static const char *diag_field(const vep_engine *engine, size_t index,
                              vep_diag_field field)
{
    const char *s = vep_diag_get(engine, index, field);
    return s ? s : "";
}

/* Whether `msg` already names the item as 'ID' (the library's messages
** name the declaration they are about: "item 'S01': ...", "score 's': ..."). */
static int names_item(const char *msg, const char *item)
{
    size_t n = strlen(item);
    const char *p;

    for (p = strchr(msg, '\''); p != NULL; p = strchr(p + 1, '\''))
        if (strncmp(p + 1, item, n) == 0 && p[1 + n] == '\'')
            return 1;
    return 0;
}

/* Prints one diagnostic as "FILE:LINE: PATH: item 'ID': MESSAGE (RULE)",
** leaving out the parts that are empty, and the item part when the message
** itself starts with it. */
static void print_diag_line(const vep_engine *engine, size_t index)
{
    const char *file = diag_field(engine, index, VEP_DIAG_FILE);
    const char *path = diag_field(engine, index, VEP_DIAG_PATH);
    const char *item = diag_field(engine, index, VEP_DIAG_ITEM);
    const char *rule = diag_field(engine, index, VEP_DIAG_RULE);
    const char *msg = diag_field(engine, index, VEP_DIAG_MESSAGE);
    unsigned int line = vep_diag_line(engine, index);
    int any = 0;

    if (*file) {
        fputs(file, stderr);
        if (line)
            fprintf(stderr, ":%u", line);
        any = 1;
    } else if (line) {
        fprintf(stderr, "line %u", line);
        any = 1;
    }
    if (*path) {
        fprintf(stderr, "%s%s", any ? ": " : "", path);
        any = 1;
    }
    if (*item && !names_item(msg, item)) {
        fprintf(stderr, "%sitem '%s'", any ? ": " : "", item);
        any = 1;
    }
    if (*msg) {
        fprintf(stderr, "%s%s", any ? ": " : "", msg);
        any = 1;
    }
    if (*rule)
        fprintf(stderr, "%s(%s)", any ? " " : "", rule);
    fputc('\n', stderr);
}

/* Prints the last failure of `engine`: its JSON document in JSON mode
** (falling back to text if the library cannot make one), else the message
** line and one line per diagnostic. */
void cli_report(const cli_options *opts, const vep_engine *engine,
                vep_status status)
{
    const char *msg;
    size_t i, n;

    if (opts->error_format == CLI_ERRORS_JSON) {
        char *doc = NULL;
        if (vep_diag_json(&doc, engine) == VEP_OK && doc != NULL) {
            size_t len = strlen(doc);
            fputs(doc, stderr);
            if (len == 0 || doc[len - 1] != '\n')
                fputc('\n', stderr);
            vep_free(doc);
            return;
        }
        vep_free(doc);
    }
    msg = vep_engine_errmsg(engine);
    if (msg == NULL || *msg == '\0')
        msg = vep_strerror(status);
    fprintf(stderr, "vep: %s\n", msg);
    n = vep_diag_count(engine);
    for (i = 0; i < n; i++)
        print_diag_line(engine, i);
}

/* Parses the leading decimal digits of *p into *out, checking for
** overflow past `max`; advances *p.  Returns -1 when there is no digit or
** the number is too large. */
static int parse_digits(const char **p, uint64_t max, uint64_t *out)
{
    const char *s = *p;
    uint64_t v = 0;

    if (*s < '0' || *s > '9')
        return -1;
    while (*s >= '0' && *s <= '9') {
        unsigned d = (unsigned)(*s - '0');
        if (v > (max - d) / 10)
            return -1;
        v = v * 10 + d;
        s++;
    }
    *p = s;
    *out = v;
    return 0;
}

/* Parses a memory size such as "512K", "64M" or "1GiB" (binary units). */
int cli_parse_size(const char *text, size_t *out)
{
    const char *p = text;
    uint64_t v, mult = 1;

    if (parse_digits(&p, (uint64_t)SIZE_MAX, &v) != 0)
        return -1;
    switch (*p) {
    case 'K': case 'k': mult = (uint64_t)1 << 10; p++; break;
    case 'M': case 'm': mult = (uint64_t)1 << 20; p++; break;
    case 'G': case 'g': mult = (uint64_t)1 << 30; p++; break;
    default: break;
    }
    if (mult > 1 && strcmp(p, "iB") == 0)
        p += 2;
    else if (strcmp(p, "B") == 0)
        p++;
    if (*p != '\0' || v == 0 || v > (uint64_t)SIZE_MAX / mult)
        return -1;
    *out = (size_t)(v * mult);
    return 0;
}

/* Parses a plain positive whole number no larger than `max`. */
int cli_parse_count(const char *text, uint64_t max, uint64_t *out)
{
    const char *p = text;
    uint64_t v;

    if (parse_digits(&p, max, &v) != 0 || *p != '\0' || v == 0)
        return -1;
    *out = v;
    return 0;
}

/* Reads a whole assessment file or standard input, refusing more than
** CLI_MAX_ASSESSMENT bytes.  The buffer keeps room for one byte past the
** limit (to detect a too large input without reading all of it) and for
** the terminating NUL. */
int cli_read_assessment(const cli_options *opts, const char *path,
                        char **out, size_t *out_len)
{
    const size_t max_cap = CLI_MAX_ASSESSMENT + 2;
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "standard input" : path;
    const char *q = is_stdin ? "" : "'";    /* quotes around a file name */
    FILE *f = NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = CLI_EXIT_INVALID;

    *out = NULL;
    *out_len = 0;
    if (is_stdin) {
        f = stdin;
    } else {
        f = fopen(path, "rb");
        if (f == NULL) {
            cli_error(opts, VEP_ERR_IO, "unreadable_file",
                      "cannot open '%s': %s", path, strerror(errno));
            goto cleanup;
        }
    }
    for (;;) {
        size_t want, n;
        if (cap - len < 2) {
            size_t ncap = cap ? cap * 2 : (size_t)64 * 1024;
            char *p;
            if (ncap > max_cap)
                ncap = max_cap;
            if (ncap <= cap)
                goto too_large;
            p = realloc(buf, ncap);
            if (p == NULL) {
                cli_error(opts, VEP_ERR_NOMEM, "out_of_memory",
                          "out of memory reading %s%s%s", q, name, q);
                rc = CLI_EXIT_INTERNAL;
                goto cleanup;
            }
            buf = p;
            cap = ncap;
        }
        want = cap - len - 1;
        n = fread(buf + len, 1, want, f);
        len += n;
        if (len > CLI_MAX_ASSESSMENT)
            goto too_large;
        if (n < want) {
            if (ferror(f)) {
                cli_error(opts, VEP_ERR_IO, "unreadable_file",
                          "cannot read %s%s%s: %s", q, name, q,
                          strerror(errno));
                goto cleanup;
            }
            break;
        }
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    buf = NULL;
    rc = CLI_EXIT_OK;
    goto cleanup;

too_large:
    cli_error(opts, VEP_ERR_RANGE, "too_large",
              "%s%s%s is larger than %lu MiB; refusing to read it", q, name,
              q, (unsigned long)(CLI_MAX_ASSESSMENT / (1024 * 1024)));
cleanup:
    if (f != NULL && !is_stdin)
        fclose(f);
    free(buf);
    return rc;
}

/* Creates the engine.  A limit the library refuses (VEP_ERR_ARGUMENT) came
** from the command line, so it is a usage error. */
int cli_engine_new(const cli_options *opts, vep_engine **out)
{
    vep_status st = vep_engine_new(out, &opts->engine);
    int rc;

    if (st == VEP_OK) {
        rc = cli_host_values_register(opts, *out);
        if (rc != 0) {
            vep_engine_free(*out);
            *out = NULL;
        }
        return rc;
    }
    *out = NULL;
    if (st == VEP_ERR_ARGUMENT)
        return cli_usage_error("the library refuses these limits: %s",
                               vep_strerror(st));
    cli_error(opts, st, "engine", "cannot create the engine: %s",
              vep_strerror(st));
    return cli_exit_for_status(st);
}

/* Loads a script, reporting every problem the loader found. */
int cli_load(const cli_options *opts, vep_engine *engine, const char *path,
             vep_instrument **out)
{
    vep_status st = vep_instrument_load_file(out, engine, path);

    if (st == VEP_OK)
        return CLI_EXIT_OK;
    *out = NULL;
    cli_report(opts, engine, st);
    return cli_exit_for_status(st);
}

/* Loads the script at `path` as an instrument, or as a plan when it is
** one (cli.h). */
vep_status cli_load_script(vep_engine *engine, const char *path,
                           vep_instrument **ins, vep_plan **plan)
{
    vep_status st = vep_instrument_load_file(ins, engine, path);
    const char *rule;

    *plan = NULL;
    if (st == VEP_OK)
        return st;
    *ins = NULL;
    rule = vep_diag_count(engine) == 1 ? vep_diag_get(engine, 0, VEP_DIAG_RULE) : NULL;
    if (rule && strcmp(rule, "wrong_script_kind") == 0) {
        st = vep_plan_load_file(plan, engine, path);
        if (st != VEP_OK)
            *plan = NULL;
    }
    return st;
}

/* Writes a document the library produced, newline-terminated. */
void cli_print_document(const char *text, size_t len)
{
    fwrite(text, 1, len, stdout);
    if (len == 0 || text[len - 1] != '\n')
        putchar('\n');
}

/* Catches write errors on stdout (a full disk, a closed pipe) so that a
** truncated output never exits 0. */
int cli_finish_output(const cli_options *opts)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return CLI_EXIT_OK;
    cli_error(opts, VEP_ERR_IO, "output_error",
              "cannot write to standard output: %s", strerror(errno));
    return CLI_EXIT_INTERNAL;
}

/* ---- JSON values (for the documents the library returns) ------------- */

/* Compares language tags, which are case-insensitive (ASCII only). */
int cli_lang_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Whether `key` looks like a BCP 47 tag: 2 or 3 letters, then subtags
** of letters and digits after '-' ("en", "sr-Latn"). */
static int looks_like_lang(const char *key)
{
    static const char letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    size_t n = strspn(key, letters);

    return n >= 2 && n <= 3
        && strspn(key + n, "-0123456789abcdefghijklmnopqrstuvwxyz"
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(key + n)
        && (key[n] == '\0' || key[n] == '-');
}

/* Whether `o` is a text keyed by language: an object of strings whose
** keys are language tags (so that {"item": "X", "is": "a"} is not). */
int cli_json_is_text(const cJSON *o)
{
    const cJSON *c;

    if (!cJSON_IsObject(o) || o->child == NULL)
        return 0;
    cJSON_ArrayForEach(c, o)
        if (!cJSON_IsString(c) || c->string == NULL
            || !looks_like_lang(c->string))
            return 0;
    return 1;
}

/* A text: a string as it is, or from a language table the text in `lang`
** (else the first one).  NULL when `v` is neither. */
const char *cli_json_text(const cJSON *v, const char *lang)
{
    const cJSON *c;

    if (cJSON_IsString(v))
        return v->valuestring;
    if (!cli_json_is_text(v))
        return NULL;
    if (lang != NULL)
        cJSON_ArrayForEach(c, v)
            if (c->string != NULL && cli_lang_equal(c->string, lang))
                return c->valuestring;
    return v->child->valuestring;
}

/* Formats a number the short way (2, 0.5, -1.25), never as "-0". */
void cli_format_number(double v, char *buf, size_t size)
{
    if (v == 0)
        v = 0;
    snprintf(buf, size, "%.15g", v);
}

/* Prints a text; lines after the first are indented by `indent` so that
** multi-line texts stay in their column.  Trailing newlines are dropped. */
void cli_put_text(const char *s, int indent)
{
    size_t n = strlen(s), i;

    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    for (i = 0; i < n; i++) {
        putchar(s[i]);
        if (s[i] == '\n')
            printf("%*s", indent, "");
    }
}

/* Prints any JSON value readably to stdout: texts as text, numbers short,
** booleans as yes/no, arrays as comma-separated lists, other objects as
** compact JSON. */
void cli_put_value(const cJSON *v, const char *lang, int indent)
{
    char num[64];
    const char *t;

    if (v == NULL || cJSON_IsNull(v)) {
        fputs("none", stdout);
    } else if (cJSON_IsString(v)) {
        cli_put_text(v->valuestring, indent);
    } else if (cJSON_IsNumber(v)) {
        cli_format_number(v->valuedouble, num, sizeof num);
        fputs(num, stdout);
    } else if (cJSON_IsBool(v)) {
        fputs(cJSON_IsTrue(v) ? "yes" : "no", stdout);
    } else if (cJSON_IsArray(v)) {
        const cJSON *c;
        const char *sep = "";
        if (v->child == NULL)
            fputs("none", stdout);
        cJSON_ArrayForEach(c, v) {
            fputs(sep, stdout);
            cli_put_value(c, lang, indent);
            sep = ", ";
        }
    } else if ((t = cli_json_text(v, lang)) != NULL) {
        cli_put_text(t, indent);
    } else {
        char *s = cJSON_PrintUnformatted(v);
        fputs(s != NULL ? s : "?", stdout);
        if (s != NULL)
            cJSON_free(s);
    }
}

/* ---- Finding the scripts under a directory ----------------------------- */

/* Subdirectories deeper than this are not walked. */
#define CLI_MAX_DEPTH 32

/* Appends `path` (taking ownership, also on failure).  Returns 0, or -1
** when out of memory. */
static int paths_add(cli_paths *l, char *path)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **v = realloc(l->v, cap * sizeof *v);
        if (v == NULL) {
            free(path);
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = path;
    return 0;
}

void cli_paths_free(cli_paths *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

/* "dir/name" in a new string (no doubled '/'), or NULL when out of
** memory. */
static char *join_path(const char *dir, const char *name)
{
    size_t dlen = strlen(dir), nlen = strlen(name);
    int slash = dlen > 0 && dir[dlen - 1] != '/';
    char *s = malloc(dlen + (size_t)slash + nlen + 1);

    if (s == NULL)
        return NULL;
    memcpy(s, dir, dlen);
    if (slash)
        s[dlen] = '/';
    memcpy(s + dlen + (size_t)slash, name, nlen + 1);
    return s;
}

/* Whether a file name is that of a script: *.lua, not *-tests.lua. */
static int is_script_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lua") == 0
        && !(n >= 10 && strcmp(name + n - 10, "-tests.lua") == 0);
}

/* Bytewise order of two paths, for qsort. */
static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the scripts under `dir` to `list`.  A directory or file that
** cannot be read is reported and skipped.  Returns the worst exit status
** so far (2, or 70 when out of memory). */
static int walk_scripts(const cli_options *opts, const char *dir, int depth,
                        cli_paths *list)
{
    DIR *d;
    struct dirent *e;
    int rc = CLI_EXIT_OK;

    if (depth > CLI_MAX_DEPTH) {
        cli_error(opts, VEP_ERR_IO, "too_deep",
                  "'%s': directories nested too deeply; not walked", dir);
        return CLI_EXIT_SCRIPT;
    }
    d = opendir(dir);
    if (d == NULL) {
        cli_error(opts, VEP_ERR_IO, "unreadable_directory",
                  "cannot read directory '%s': %s", dir, strerror(errno));
        return CLI_EXIT_SCRIPT;
    }
    for (;;) {
        struct stat st;
        char *path;

        errno = 0;
        e = readdir(d);
        if (e == NULL) {
            if (errno != 0) {
                cli_error(opts, VEP_ERR_IO, "unreadable_directory",
                          "cannot read directory '%s': %s", dir, strerror(errno));
                rc = rc > CLI_EXIT_SCRIPT ? rc : CLI_EXIT_SCRIPT;
            }
            break;
        }
        if (e->d_name[0] == '.')
            continue;
        path = join_path(dir, e->d_name);
        if (path == NULL)
            goto nomem;
        if (lstat(path, &st) != 0) {
            cli_error(opts, VEP_ERR_IO, "unreadable_file",
                      "cannot access '%s': %s", path, strerror(errno));
            rc = rc > CLI_EXIT_SCRIPT ? rc : CLI_EXIT_SCRIPT;
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (strcmp(e->d_name, "lib") != 0) {
                int sub = walk_scripts(opts, path, depth + 1, list);
                rc = rc > sub ? rc : sub;
            }
            free(path);
            if (rc == CLI_EXIT_INTERNAL)
                break;
            continue;
        }
        if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
            free(path);          /* a dangling link: no script */
            continue;
        }
        if (!S_ISREG(st.st_mode) || !is_script_name(e->d_name)) {
            free(path);
            continue;
        }
        if (paths_add(list, path) != 0)
            goto nomem;
    }
    closedir(d);
    return rc;

nomem:
    closedir(d);
    cli_error(opts, VEP_ERR_NOMEM, "out_of_memory", "out of memory");
    return CLI_EXIT_INTERNAL;
}

int cli_collect_scripts(const cli_options *opts, const char *target,
                        cli_paths *list)
{
    struct stat st;
    char *copy;
    int rc;

    if (stat(target, &st) != 0 || !S_ISDIR(st.st_mode)) {
        size_t len = strlen(target);
        copy = malloc(len + 1);
        if (copy != NULL)
            memcpy(copy, target, len + 1);
        if (copy == NULL || paths_add(list, copy) != 0) {
            cli_error(opts, VEP_ERR_NOMEM, "out_of_memory", "out of memory");
            return CLI_EXIT_INTERNAL;
        }
        return CLI_EXIT_OK;
    }
    rc = walk_scripts(opts, target, 0, list);
    if (rc == CLI_EXIT_INTERNAL)
        return rc;
    if (list->n == 0 && rc == CLI_EXIT_OK) {
        cli_error(opts, VEP_ERR_IO, "no_scripts",
                  "no instrument or plan scripts found in '%s'", target);
        return CLI_EXIT_INVALID;
    }
    if (list->n > 1)
        qsort(list->v, list->n, sizeof list->v[0], compare_paths);
    return rc;
}
