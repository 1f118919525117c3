/*
** vep.c -- the vep command: parses the command line and runs a subcommand.
**
**   vep [OPTIONS] COMMAND [ARGS...]
**
** Global options are accepted before and after the subcommand; "--" ends
** the options and "-" is an operand (standard input).  Each subcommand
** lives in its own file (cmd_*.c) and is described by a cli_command.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

/* The subcommands, in the order of the usage text. */
static const cli_command *const commands[] = {
    &cli_command_validate,
    &cli_command_score,
    &cli_command_info,
    &cli_command_test,
    &cli_command_plan,
    &cli_command_assess,
    &cli_command_lint,
    &cli_command_doc,
    &cli_command_schema,
    &cli_command_diff,
    &cli_command_migrate,
};

static const char global_options_text[] =
    "Options (before or after the command):\n"
    "  --memory-limit=SIZE      memory a script may use: bytes, or a number\n"
    "                           with a K, M or G suffix (1K = 1024);\n"
    "                           default 64M\n"
    "  --time-limit=MS          wall-clock milliseconds per script run;\n"
    "                           default 2000\n"
    "  --instruction-limit=N    Lua instructions per script run;\n"
    "                           default 100000000\n"
    "  --error-format=FORMAT    how errors are written to standard error:\n"
    "                           'text' (default) or 'json' (one JSON\n"
    "                           document per error)\n"
    "  --host-values=FILE       answers for the host functions scripts\n"
    "                           declare, as a program embedding libvep\n"
    "                           would give them: {\"NAME\": {\"signature\":\n"
    "                           \"...\", \"returns\": VALUE}, ...}\n"
    "  -h, --help               show this help, or a command's help when\n"
    "                           given with a command\n"
    "  --version                show the version of libvep\n";

static const char exit_status_text[] =
    "Exit status:\n"
    "  0   success\n"
    "  1   the assessment, result or case context is invalid, or a test\n"
    "      case failed\n"
    "  2   the instrument script is invalid\n"
    "  3   a script exceeded its memory, instruction or time limit\n"
    "  4   a host function failed, or the program does not provide it\n"
    "  64  usage error\n"
    "  70  internal error\n";

/* The options the command knows.  Value options take "=VALUE" or the
** next argument. */
typedef enum option_id {
    OPT_HELP,
    OPT_VERSION,
    OPT_MEMORY_LIMIT,
    OPT_TIME_LIMIT,
    OPT_INSTRUCTION_LIMIT,
    OPT_ERROR_FORMAT,
    OPT_LANG,
    OPT_CONTEXT,
    OPT_AGENCY,
    OPT_HOST_VALUES,
    OPT_FORMAT
} option_id;

typedef struct option_def {
    const char *name;
    option_id id;
    int takes_value;
} option_def;

static const option_def option_table[] = {
    { "-h", OPT_HELP, 0 },
    { "--help", OPT_HELP, 0 },
    { "--version", OPT_VERSION, 0 },
    { "--memory-limit", OPT_MEMORY_LIMIT, 1 },
    { "--time-limit", OPT_TIME_LIMIT, 1 },
    { "--instruction-limit", OPT_INSTRUCTION_LIMIT, 1 },
    { "--error-format", OPT_ERROR_FORMAT, 1 },
    { "--lang", OPT_LANG, 1 },
    { "--context", OPT_CONTEXT, 1 },
    { "--agency", OPT_AGENCY, 1 },
    { "--format", OPT_FORMAT, 1 },
    { "--host-values", OPT_HOST_VALUES, 1 },
};

/* What the command line asks for, besides the options for the engine. */
typedef struct parsed_line {
    const char *command;   /* the first operand, or NULL */
    int help;
    int version;
} parsed_line;

/* Prints the main usage text: the commands, the options, the exit
** statuses. */
static void print_main_help(void)
{
    size_t i;

    fputs("Usage: vep [OPTIONS] COMMAND [ARGS...]\n"
          "\n"
          "Checks instruments and plans written as Lua scripts, scores\n"
          "assessments against them and derives individual plans.\n"
          "\n"
          "Commands:\n", stdout);
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", commands[i]->name,
                 commands[i]->synopsis);
        printf("  %-27s %s\n", head, commands[i]->summary);
    }
    fputs("\nRun 'vep COMMAND --help' for the details of a command.\n\n",
          stdout);
    fputs(global_options_text, stdout);
    fputc('\n', stdout);
    fputs(exit_status_text, stdout);
}

/* Prints a subcommand's usage text followed by the global options. */
static void print_command_help(const cli_command *cmd)
{
    fputs(cmd->usage, stdout);
    fputc('\n', stdout);
    fputs(global_options_text, stdout);
    fputc('\n', stdout);
    fputs(exit_status_text, stdout);
}

/* Finds a subcommand by name, or returns NULL. */
static const cli_command *find_command(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* Finds the option an argument names ("--name" or "--name=value"), or
** returns NULL. */
static const option_def *find_option(const char *arg)
{
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    size_t i;

    for (i = 0; i < sizeof option_table / sizeof option_table[0]; i++)
        if (strlen(option_table[i].name) == len
            && memcmp(option_table[i].name, arg, len) == 0)
            return &option_table[i];
    return NULL;
}

/* Applies one option with its value (NULL for flags) to the options.
** Returns 0, or the usage error's exit status. */
static int apply_option(const option_def *def, const char *value,
                        cli_options *opts, parsed_line *line)
{
    uint64_t n;

    switch (def->id) {
    case OPT_HELP:
        line->help = 1;
        return 0;
    case OPT_VERSION:
        line->version = 1;
        return 0;
    case OPT_MEMORY_LIMIT:
        if (cli_parse_size(value, &opts->engine.memory_limit) != 0)
            return cli_usage_error("invalid size '%s' for %s (use e.g. "
                                   "512K, 64M or 1G)", value, def->name);
        if (opts->engine.memory_limit < VEP_MIN_MEMORY_LIMIT)
            return cli_usage_error("%s=%s is below the minimum of 256K",
                                   def->name, value);
        return 0;
    case OPT_TIME_LIMIT:
        if (cli_parse_count(value, UINT32_MAX, &n) != 0)
            return cli_usage_error("invalid time limit '%s' for %s (a whole "
                                   "number of milliseconds, at least 1)",
                                   value, def->name);
        opts->engine.time_limit_ms = (uint32_t)n;
        return 0;
    case OPT_INSTRUCTION_LIMIT:
        if (cli_parse_count(value, UINT64_MAX, &n) != 0)
            return cli_usage_error("invalid instruction limit '%s' for %s "
                                   "(a whole number, at least 1)",
                                   value, def->name);
        opts->engine.instruction_limit = n;
        return 0;
    case OPT_ERROR_FORMAT:
        if (strcmp(value, "text") == 0)
            opts->error_format = CLI_ERRORS_TEXT;
        else if (strcmp(value, "json") == 0)
            opts->error_format = CLI_ERRORS_JSON;
        else
            return cli_usage_error("invalid error format '%s' for %s "
                                   "(use 'text' or 'json')",
                                   value, def->name);
        return 0;
    case OPT_LANG:
        opts->lang = value;
        return 0;
    case OPT_CONTEXT:
        opts->context = value;
        return 0;
    case OPT_AGENCY:
        opts->agency = value;
        return 0;
    case OPT_FORMAT:
        opts->format = value;
        return 0;
    case OPT_HOST_VALUES:
        opts->host_values_path = value;
        return 0;
    }
    return 0;
}

/* Walks the arguments: options anywhere (until "--"), the first operand is
** the subcommand, the others go to opts->args (sized for argc).  Returns
** 0, or the usage error's exit status. */
static int parse_line(int argc, char **argv, cli_options *opts,
                      parsed_line *line)
{
    int i, options_done = 0;

    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const option_def *def;
        const char *value = NULL;
        int rc;

        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = 1;
            continue;
        }
        if (options_done || arg[0] != '-' || arg[1] == '\0') {
            if (line->command == NULL)
                line->command = arg;
            else
                opts->args[opts->nargs++] = arg;
            continue;
        }
        def = find_option(arg);
        if (def == NULL)
            return cli_usage_error("unknown option '%s'", arg);
        if (def->takes_value) {
            const char *eq = strchr(arg, '=');
            if (eq != NULL)
                value = eq + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            if (value == NULL || *value == '\0')
                return cli_usage_error("option '%s' needs a value",
                                       def->name);
        } else if (strchr(arg, '=') != NULL) {
            return cli_usage_error("option '%s' takes no value", def->name);
        }
        rc = apply_option(def, value, opts, line);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* Refuses an option the subcommand does not take, naming the commands
** that do.  Returns 0, or the usage error's exit status. */
static int check_command_options(const cli_command *cmd,
                                 const cli_options *opts)
{
    static const struct {
        unsigned flag;
        const char *what;
    } checks[] = {
        { CLI_TAKES_LANG, "--lang" },
        { CLI_TAKES_CONTEXT, "--context" },
        { CLI_TAKES_CONTEXT, "--agency" },
        { CLI_TAKES_FORMAT, "--format" },
    };
    const char *given[sizeof checks / sizeof checks[0]];
    size_t i, j;

    given[0] = opts->lang;
    given[1] = opts->context;
    given[2] = opts->agency;
    given[3] = opts->format;
    for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        char names[256] = "";
        size_t len = 0;
        if (given[i] == NULL || (cmd->accepts & checks[i].flag))
            continue;
        for (j = 0; j < sizeof commands / sizeof commands[0]; j++)
            if (commands[j]->accepts & checks[i].flag)
                len += (size_t)snprintf(names + len, sizeof names - len,
                                        "%s'vep %s'", len ? ", " : "",
                                        commands[j]->name);
        return cli_usage_error("option '%s' is only valid with %s",
                               checks[i].what, names);
    }
    return 0;
}

/* Parses the command line, handles --help and --version, and runs the
** subcommand.  Whatever happens, stdout is checked for write errors. */
int main(int argc, char **argv)
{
    const vep_engine_options defaults = VEP_ENGINE_OPTIONS_INIT;
    cli_options opts;
    parsed_line line = { NULL, 0, 0 };
    const cli_command *cmd = NULL;
    int rc, out_rc;

    memset(&opts, 0, sizeof opts);
    opts.engine = defaults;
    opts.error_format = CLI_ERRORS_TEXT;
    opts.args = malloc(sizeof *opts.args * (size_t)(argc > 0 ? argc : 1));
    if (opts.args == NULL) {
        fputs("vep: out of memory\n", stderr);
        return CLI_EXIT_INTERNAL;
    }

    rc = parse_line(argc, argv, &opts, &line);
    if (rc != 0)
        goto cleanup;
    if (opts.host_values_path != NULL && !line.help && !line.version
        && (rc = cli_host_values_load(&opts, opts.host_values_path,
                                      &opts.host_values)) != 0)
        goto cleanup;
    if (line.command != NULL) {
        cmd = find_command(line.command);
        if (cmd == NULL) {
            rc = cli_usage_error("unknown command '%s'", line.command);
            goto cleanup;
        }
    }
    if (line.help) {
        if (cmd != NULL)
            print_command_help(cmd);
        else
            print_main_help();
        rc = CLI_EXIT_OK;
    } else if (line.version) {
        printf("vep %s\n", vep_version_string());
        rc = CLI_EXIT_OK;
    } else if (cmd == NULL) {
        rc = cli_usage_error("no command given");
        goto cleanup;
    } else if ((rc = check_command_options(cmd, &opts)) != 0) {
        goto cleanup;
    } else {
        rc = cmd->run(&opts);
    }
    out_rc = cli_finish_output(&opts);
    if (rc == CLI_EXIT_OK)
        rc = out_rc;

cleanup:
    cJSON_Delete(opts.host_values);
    free(opts.args);
    return rc;
}
