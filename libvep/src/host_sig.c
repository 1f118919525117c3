/*
** host_sig.c -- the signatures of host functions.
**
** A signature is written the way a C programmer reads a prototype, with
** the project's small set of types:
**
**   RETURN "(" [ TYPE [NAME] { "," TYPE [NAME] } ] ")"
**
** RETURN is void, bool, int64, double or string; TYPE is bool, int64,
** double, string, or (C functions only) userdata and call.  "(void)" and
** "()" both mean no arguments.  Names are optional and only used in
** messages.  "..." is refused: a variadic function's arguments cannot be
** checked, and libffi would need a different call interface per call.
*/
#include <stdio.h>
#include <string.h>
#include "host.h"

static const char *const type_names[] = {
    "void", "bool", "int64", "double", "string", "userdata", "call"
};

/* See host.h. */
const char *vep__htype_name(vep_htype t)
{
    return (unsigned)t < sizeof type_names / sizeof type_names[0]
           ? type_names[t] : "?";
}

/* Blanks between the words of a signature. */
static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Characters of type and argument names. */
static int is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
           || (c >= '0' && c <= '9');
}

/* Reads the word at *p (skipping blanks before it) into w; returns its
** length (0 when the next character does not start a word; n, with w
** empty, when the word does not fit). */
static size_t read_word(const char **p, char *w, size_t n)
{
    const char *s = *p;
    size_t len = 0;
    while (is_space(*s))
        s++;
    while (is_word(s[len]))
        len++;
    if (len == 0 || len >= n) {
        *p = s;
        w[0] = '\0';
        return len >= n ? n : 0;
    }
    memcpy(w, s, len);
    w[len] = '\0';
    *p = s + len;
    return len;
}

/* The type a word names, or -1. */
static int type_of(const char *w)
{
    int t;
    for (t = 0; t < (int)(sizeof type_names / sizeof type_names[0]); t++)
        if (strcmp(type_names[t], w) == 0)
            return t;
    return -1;
}

/* Skips blanks; returns the next character. */
static char peek(const char **p)
{
    while (is_space(**p))
        (*p)++;
    return **p;
}

/* Reads one parameter "TYPE [NAME]" into sig; returns -1 with a reason. */
static int read_param(const char **p, int for_script, vep_host_sig *sig,
                      char *err, size_t errlen)
{
    char w[64], name[64];
    size_t k = sig->nparams;
    const char *at;
    int t, seen;
    size_t j;

    if (strncmp(*p, "...", 3) == 0) {
        snprintf(err, errlen, "variadic functions are refused: their "
                 "arguments cannot be checked; register a function with "
                 "fixed arguments");
        return -1;
    }
    peek(p);
    at = *p;                   /* quoted from the start of the bad word */
    if (read_word(p, w, sizeof w) == 0 || (t = type_of(w)) < 0) {
        snprintf(err, errlen, "expected an argument type (bool, int64, "
                 "double, string%s) at '%.20s'",
                 for_script ? "" : ", userdata, call", at);
        return -1;
    }
    if (t == VEP_HT_VOID) {
        snprintf(err, errlen, "void is a return type only");
        return -1;
    }
    if (for_script && (t == VEP_HT_USERDATA || t == VEP_HT_CALL)) {
        snprintf(err, errlen, "'%s' is filled by the engine for C "
                 "functions only; it has no place here", w);
        return -1;
    }
    for (j = 0, seen = 0; j < k; j++)
        if (sig->params[j] == (vep_htype)t && t >= VEP_HT_USERDATA)
            seen = 1;
    if (seen) {
        snprintf(err, errlen, "'%s' may be given once", w);
        return -1;
    }
    if (t < VEP_HT_USERDATA && sig->nargs == VEP_HOST_MAX_ARGS) {
        snprintf(err, errlen, "more than %d arguments", VEP_HOST_MAX_ARGS);
        return -1;
    }
    name[0] = '\0';
    if (is_word(peek(p))) {
        size_t n = read_word(p, name, sizeof name);
        if (n > VEP_HOST_PARAM_NAME_MAX) {
            snprintf(err, errlen, "an argument name is longer than %d "
                     "characters", VEP_HOST_PARAM_NAME_MAX);
            return -1;
        }
    }
    sig->params[k] = (vep_htype)t;
    memcpy(sig->names[k], name, strlen(name) + 1);   /* checked above */
    if (t < VEP_HT_USERDATA)
        sig->arg_param[sig->nargs++] = (int)k;
    sig->nparams = k + 1;
    return 0;
}

/* See host.h. */
int vep__host_sig_parse(const char *text, int for_script, vep_host_sig *sig,
                        char *err, size_t errlen)
{
    const char *p = text;
    char w[64];
    int t;

    memset(sig, 0, sizeof *sig);
    if (text == NULL) {
        snprintf(err, errlen, "no signature given");
        return -1;
    }
    if (read_word(&p, w, sizeof w) == 0 || (t = type_of(w)) < 0
        || t > VEP_HT_STRING) {
        snprintf(err, errlen, "a signature starts with its return type "
                 "(void, bool, int64, double or string), e.g. "
                 "\"bool (string subject)\"");
        return -1;
    }
    sig->ret = (vep_htype)t;
    if (peek(&p) != '(') {
        snprintf(err, errlen, "expected '(' after the return type");
        return -1;
    }
    p++;
    if (peek(&p) == ')') {
        p++;
    } else {
        const char *q = p;
        if (read_word(&q, w, sizeof w) && strcmp(w, "void") == 0
            && peek(&q) == ')') {
            p = q + 1;
        } else {
            for (;;) {
                if (read_param(&p, for_script, sig, err, errlen) != 0)
                    return -1;
                if (peek(&p) == ',') {
                    p++;
                    peek(&p);
                    continue;
                }
                if (*p == ')') {
                    p++;
                    break;
                }
                snprintf(err, errlen, "expected ',' or ')' at '%.20s'", p);
                return -1;
            }
        }
    }
    if (peek(&p) != '\0') {
        snprintf(err, errlen, "unexpected text after ')': '%.20s'", p);
        return -1;
    }
    return 0;
}

/* See host.h. */
void vep__host_sig_write(const vep_host_sig *sig, int script_view, vep_buf *b)
{
    size_t k;
    int first = 1;
    vep__buf_adds(b, vep__htype_name(sig->ret));
    vep__buf_addc(b, '(');
    for (k = 0; k < sig->nparams; k++) {
        if (script_view && sig->params[k] >= VEP_HT_USERDATA)
            continue;
        if (!first)
            vep__buf_adds(b, ", ");
        first = 0;
        vep__buf_adds(b, vep__htype_name(sig->params[k]));
        if (sig->names[k][0] != '\0') {
            vep__buf_addc(b, ' ');
            vep__buf_adds(b, sig->names[k]);
        }
    }
    vep__buf_addc(b, ')');
}

/* See host.h. */
int vep__host_sig_compatible(const vep_host_sig *declared,
                             const vep_host_sig *registered)
{
    size_t i;
    if (declared->ret != registered->ret
        || declared->nargs != registered->nargs)
        return 0;
    for (i = 0; i < declared->nargs; i++)
        if (declared->params[declared->arg_param[i]]
            != registered->params[registered->arg_param[i]])
            return 0;
    return 1;
}

/* See host.h. */
void vep__host_arg_label(const vep_host_sig *sig, size_t i, char *buf,
                         size_t n)
{
    const char *name = i < sig->nargs ? sig->names[sig->arg_param[i]] : "";
    if (name[0] != '\0')
        snprintf(buf, n, "argument %zu (%s)", i + 1, name);
    else
        snprintf(buf, n, "argument %zu", i + 1);
}
