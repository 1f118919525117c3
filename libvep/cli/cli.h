/*
** cli.h -- declarations shared by the files of the vep command.
**
** vep.c parses the command line into a cli_options and calls the
** subcommand's run function (cmd_*.c).  util.c holds what the subcommands
** share: reading input, parsing numbers, creating the engine, loading a
** script, printing errors in the chosen format, and printing the values
** of the JSON documents the library returns.  The command uses only
** the public interface of libvep (vep/vep.h) and cJSON to read the JSON
** documents the library returns.
*/
#ifndef VEP_CLI_H
#define VEP_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <vep/vep.h>

/* Exit statuses of the command (see the usage text in vep.c). */
enum {
    CLI_EXIT_OK = 0,        /* success                                   */
    CLI_EXIT_INVALID = 1,   /* the assessment is invalid, or tests failed */
    CLI_EXIT_SCRIPT = 2,    /* the instrument script is invalid          */
    CLI_EXIT_LIMIT = 3,     /* a script exceeded a limit                 */
    CLI_EXIT_HOST = 4,      /* a host function failed or is missing      */
    CLI_EXIT_USAGE = 64,    /* bad command line (EX_USAGE)               */
    CLI_EXIT_INTERNAL = 70  /* internal error (EX_SOFTWARE)              */
};

/* The largest assessment document the command reads: 64 MiB. */
#define CLI_MAX_ASSESSMENT ((size_t)64 * 1024 * 1024)

/* How errors are written to standard error. */
typedef enum cli_error_format {
    CLI_ERRORS_TEXT = 0,    /* "vep: message" and one line per diagnostic */
    CLI_ERRORS_JSON = 1     /* one JSON document, as vep_diag_json        */
} cli_error_format;

/* The parsed command line.  Strings point into argv. */
typedef struct cli_options {
    vep_engine_options engine;    /* limits for the one engine of the run */
    cli_error_format error_format;
    const char *lang;             /* info, plan, assess: --lang TAG       */
    const char *context;          /* plan, assess: --context FILE         */
    const char *agency;           /* plan, assess: --agency NAME          */
    const char *format;           /* doc: --format md|html                */
    const char *host_values_path; /* --host-values FILE                   */
    struct cJSON *host_values;    /* its document (host_values.c)        */
    const char **args;            /* operands after the subcommand        */
    size_t nargs;
} cli_options;

/* The options that only some subcommands take (cli_command.accepts). */
enum {
    CLI_TAKES_LANG = 1u << 0,     /* --lang TAG                           */
    CLI_TAKES_CONTEXT = 1u << 1,  /* --context FILE, --agency NAME        */
    CLI_TAKES_FORMAT = 1u << 2    /* --format NAME                        */
};

/* A subcommand: its name, one-line synopsis and summary for the main
** usage text, its own usage text, the function that runs it, and the
** CLI_TAKES_ options it accepts besides the global ones. */
typedef struct cli_command {
    const char *name;
    const char *synopsis;         /* e.g. "SCRIPT ASSESSMENT"             */
    const char *summary;          /* one line for 'vep --help'            */
    const char *usage;            /* the command's --help text            */
    int (*run)(const cli_options *opts);
    unsigned accepts;             /* CLI_TAKES_* flags                    */
} cli_command;

extern const cli_command cli_command_validate;
extern const cli_command cli_command_score;
extern const cli_command cli_command_info;
extern const cli_command cli_command_test;
extern const cli_command cli_command_plan;
extern const cli_command cli_command_assess;
extern const cli_command cli_command_lint;
extern const cli_command cli_command_doc;
extern const cli_command cli_command_schema;
extern const cli_command cli_command_diff;
extern const cli_command cli_command_migrate;

/* ---- util.c ----------------------------------------------------------- */

/* The exit status for a library status (VEP_OK gives 0). */
int cli_exit_for_status(vep_status status);

/* Prints a usage error: "vep: PROBLEM" and "Try 'vep --help'." to stderr.
** Returns CLI_EXIT_USAGE. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
int cli_usage_error(const char *fmt, ...);

/* Prints an error found by the command itself (not by the library) in the
** chosen error format.  `status` and `rule` go into the JSON document.  */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
void cli_error(const cli_options *opts, vep_status status, const char *rule,
               const char *fmt, ...);

/* Prints a warning to stderr ("vep: warning: ..."), in text mode only, so
** that a JSON error stream stays one document per error. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void cli_warning(const cli_options *opts, const char *fmt, ...);

/* Prints the message and the diagnostics of the last failed call on
** `engine` (which returned `status`) in the chosen error format. */
void cli_report(const cli_options *opts, const vep_engine *engine,
                vep_status status);

/* Parses a size: decimal digits with an optional K, M or G suffix (binary:
** 1K = 1024), optionally followed by "B" or "iB".  Returns 0 on success,
** -1 for a malformed, zero or too large value. */
int cli_parse_size(const char *text, size_t *out);

/* Parses a whole number in 1..max (decimal digits only).  Returns 0 on
** success, -1 otherwise. */
int cli_parse_count(const char *text, uint64_t max, uint64_t *out);

/* Reads the whole of `path` ("-": standard input) in binary, at most
** CLI_MAX_ASSESSMENT bytes, into *out (NUL-terminated, freed with free()).
** On failure prints the error and returns the exit status (1 for an
** unreadable or too large file, 70 when out of memory); 0 on success. */
int cli_read_assessment(const cli_options *opts, const char *path,
                        char **out, size_t *out_len);

/* Creates the engine of the run with the limits of `opts`.  On failure
** prints the error and returns the exit status; 0 on success. */
int cli_engine_new(const cli_options *opts, vep_engine **out);

/* Loads the instrument script at `path`.  On failure prints the message
** and the diagnostics and returns the exit status; 0 on success. */
int cli_load(const cli_options *opts, vep_engine *engine, const char *path,
             vep_instrument **out);

/* Loads the script at `path`: as an instrument, or, when the instrument
** load fails only because it is a plan script, as a plan.  Exactly one of
** *ins and *plan is set on success; on failure both are NULL and the
** engine holds the problems (nothing is printed). */
vep_status cli_load_script(vep_engine *engine, const char *path,
                           vep_instrument **ins, vep_plan **plan);

/* A list of paths owned by it (freed with cli_paths_free()). */
typedef struct cli_paths {
    char **v;
    size_t n, cap;
} cli_paths;

/* Appends to `list` the scripts `target` names: the file itself, or, for
** a directory, every *.lua file in it and its subdirectories except files
** named *-tests.lua (test cases kept apart), files under a subdirectory
** named "lib" (helper modules) and hidden files and directories, sorted
** bytewise.  Symbolic links to directories are not followed.  Problems
** are printed; returns 0, 2 when a directory or file could not be read
** (the others are still listed), 1 for a directory without scripts, 70
** when out of memory. */
int cli_collect_scripts(const cli_options *opts, const char *target,
                        cli_paths *list);
void cli_paths_free(cli_paths *list);

/* Writes `len` bytes of `text` to stdout, then a newline unless `text`
** already ends with one. */
void cli_print_document(const char *text, size_t len);

/* Flushes stdout and checks it for write errors.  Prints the error and
** returns CLI_EXIT_INTERNAL on failure; 0 on success. */
int cli_finish_output(const cli_options *opts);

/* ---- util.c: JSON values ---------------------------------------------- */

struct cJSON;

/* Compares BCP 47 language tags, ignoring ASCII case. */
int cli_lang_equal(const char *a, const char *b);

/* Whether `v` is a text keyed by language ({"en": "...", "sr-Latn": ...}). */
int cli_json_is_text(const struct cJSON *v);

/* A text value: a string, or from a language table the text in `lang`
** (else its first).  NULL when `v` is neither.  Borrowed from `v`. */
const char *cli_json_text(const struct cJSON *v, const char *lang);

/* Formats a number without trailing zeros (2, 0.5), never as "-0". */
void cli_format_number(double v, char *buf, size_t size);

/* Prints a text to stdout, indenting its lines after the first by
** `indent` columns. */
void cli_put_text(const char *s, int indent);

/* host_values.c.  Reads the --host-values file into *out (checked: an
** object of {"signature", "returns"}); returns 0 or the exit status after
** printing the problem.  Registers its functions with `engine` (done by
** cli_engine_new); returns 0 or the usage error's status. */
int cli_host_values_load(const cli_options *opts, const char *path,
                         struct cJSON **out);
int cli_host_values_register(const cli_options *opts, vep_engine *engine);

/* cmd_info_plan.c.  Prints the "host_functions" section of a description
** (nothing when it has none); and the listing of a plan for vep info. */
void cli_info_hosts(const struct cJSON *doc, const char *lang);
int cli_info_plan(const cli_options *opts, vep_engine *engine, vep_plan *plan);

/* Prints any JSON value readably to stdout: texts as text, numbers short,
** booleans as yes/no, arrays comma-separated, other objects as compact
** JSON. */
void cli_put_value(const struct cJSON *v, const char *lang, int indent);

#endif /* VEP_CLI_H */
