/*
** fuzz_host_args.c -- the bridge between scripts and host functions.
**
** Two things are fuzzed with every input:
**
**   1. Calls.  The bytes (after the first newline, if one comes within
**      300 bytes), as hex digits, are the answer to item X of
**      tests/fuzz/data/fuzz-host.lua, whose score function decodes them
**      into calls of the host functions below (C functions of every
**      argument and return type, with "userdata" and "call", and
**      callbacks), with arguments of any Lua type and any count.  The host
**      side checks that it only ever sees what its signature promises:
**      strings that are valid UTF-8, bools that are 0 or 1, the user data
**      it registered, the argument count, and that the accessors of the
**      callback form give 0 / NULL for another type or index; the script
**      side checks what comes back (fuzz-host.lua) and reports a broken
**      rule through host.violation.  Every owned string a C function
**      returns must be freed by the engine, also when the call fails.
**   2. Signatures and names.  The bytes up to the first newline are given
**      to vep_host_register and vep_host_register_callback as a signature
**      and as a name.  A name is accepted exactly when it is
**      [a-z][a-z0-9_]*, at most 63 bytes and not a Lua keyword; a
**      signature accepted for a callback is accepted for a C function; the
**      signature vep_host_list writes is accepted again and written the
**      same; and a script that declares the callback with that signature
**      loads.
*/
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fuzz_common.h"

#define MAX_INPUT 4096

typedef struct host_state {
    int marker;                /* the registrations' user data points here */
    char *buf;                 /* e_str's borrowed answer                   */
    size_t cap;
    long owned_live;           /* e_owned's strings not yet freed           */
} host_state;

static host_state g_host;      /* the host functions' side of the process  */

/* ---- The host side ------------------------------------------------------ */

/* A string the host was given. */
static void check_str(const char *s, const char *fn)
{
    if (s == NULL || !fz_utf8_valid(s, strlen(s)))
        fz_fail("host function %s was given %s", fn,
                s ? "a string that is not valid UTF-8" : "NULL");
}

/* A bool the host was given, read as its byte. */
static void check_bool(bool b, const char *fn)
{
    unsigned char raw;
    memcpy(&raw, &b, 1);
    if (raw > 1)
        fz_fail("host function %s was given a bool of byte %u", fn, raw);
}

/* The user data and the call a C function was given. */
static void check_ud_call(void *ud, vep_host_call *call, const char *fn)
{
    if (ud != NULL && ud != &g_host)
        fz_fail("host function %s was given other user data", fn);
    if (call != NULL && strcmp(vep_host_call_name(call), fn) != 0)
        fz_fail("host function %s was given the call of %s", fn,
                vep_host_call_name(call));
}

/* A copy the host owns (malloc). */
static char *owned_copy(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p == NULL)
        fz_fail("out of memory");
    memcpy(p, s, n);
    g_host.owned_live++;
    return p;
}

/* Frees what owned_copy made: what the engine calls for e_owned. */
static void owned_free(void *p)
{
    g_host.owned_live--;
    free(p);
}

/* The script reports a broken rule. */
static void h_violation(const char *what)
{
    fz_fail("fuzz-host.lua: %s", what ? what : "(null)");
}

/* The echoes: each gives back its argument (the script checks it). */
static int64_t e_int(int64_t x) { return x; }

static double e_dbl(vep_host_call *call, double x)
{
    check_ud_call(NULL, call, "e_dbl");
    return x;
}

static bool e_bool(bool b)
{
    check_bool(b, "e_bool");
    return b;
}

/* A borrowed answer: a buffer of the host's, copied by the engine. */
static const char *e_str(void *ud, const char *s)
{
    size_t n;
    check_ud_call(ud, NULL, "e_str");
    if (ud == NULL)
        fz_fail("e_str was given no user data");
    check_str(s, "e_str");
    n = strlen(s) + 1;
    if (n > g_host.cap) {
        char *b = realloc(g_host.buf, n);
        if (b == NULL)
            fz_fail("out of memory");
        g_host.buf = b;
        g_host.cap = n;
    }
    memcpy(g_host.buf, s, n);
    return g_host.buf;
}

/* An owned answer; "null" answers NULL, "fail..." fails and answers a
** string all the same (the engine must free it). */
static char *e_owned(const char *s, vep_host_call *call)
{
    check_str(s, "e_owned");
    check_ud_call(NULL, call, "e_owned");
    if (strcmp(s, "null") == 0)
        return NULL;
    if (strncmp(s, "fail", 4) == 0 && vep_host_call_fail(call, s) != VEP_OK)
        fz_fail("vep_host_call_fail refused a call");
    return owned_copy(s);
}

/* Every kind of parameter at once, the engine's two among the script's;
** answers the length of the string. */
static int64_t mix(vep_host_call *call, const char *a, int64_t b, double c,
                   bool d, void *ud)
{
    (void)b;
    (void)c;
    check_ud_call(ud, call, "mix");
    if (ud == NULL || call == NULL)
        fz_fail("mix was given no user data or no call");
    check_str(a, "mix");
    check_bool(d, "mix");
    return (int64_t)strlen(a);
}

/* The most arguments a script may pass; answers the fifth. */
static double many(int64_t a, int64_t b, int64_t c, int64_t d, double e,
                   double f, bool g, const char *h)
{
    (void)a; (void)b; (void)c; (void)d; (void)f;
    check_bool(g, "many");
    check_str(h, "many");
    return e;
}

/* Fails for "fail" (with a message that is not UTF-8), "long" (with a
** message longer than the engine keeps) and "fail ..." (with itself). */
static void v_void(vep_host_call *call, const char *s)
{
    char msg[1200];
    size_t i;
    check_ud_call(NULL, call, "v_void");
    check_str(s, "v_void");
    if (strcmp(s, "fail") == 0) {
        vep_host_call_fail(call, "\xff\xfe not UTF-8");
    } else if (strcmp(s, "long") == 0) {
        for (i = 0; i + 2 < sizeof msg; i += 2)
            memcpy(msg + i, "\xc3\xa9", 2);           /* é */
        msg[i] = '\0';
        vep_host_call_fail(call, msg);
    } else if (strncmp(s, "fail", 4) == 0) {
        vep_host_call_fail(call, s);
    }
}

/* No arguments at all. */
static bool none(void) { return true; }

/* The accessors give 0 / NULL for another type or an index out of range. */
static void check_accessors(vep_host_call *call, const char *types,
                            const char *fn)
{
    size_t i, n = strlen(types);
    if (vep_host_call_argc(call) != n)
        fz_fail("callback %s was given %zu arguments, declared %zu", fn,
                vep_host_call_argc(call), n);
    if (strcmp(vep_host_call_name(call), fn) != 0)
        fz_fail("callback %s was given the call of %s", fn,
                vep_host_call_name(call));
    for (i = 0; i <= n; i++) {
        char t = i < n ? types[i] : '-';
        int b = vep_host_call_arg_bool(call, i);
        const char *s = vep_host_call_arg_string(call, i);
        if ((t != 'b' && b != 0) || b < 0 || b > 1
            || (t != 'i' && vep_host_call_arg_int64(call, i) != 0)
            || (t != 'd' && vep_host_call_arg_double(call, i) != 0.0)
            || (t != 's' && s != NULL) || (t == 's' && s == NULL))
            fz_fail("callback %s: argument %zu read as another type", fn, i);
        if (t == 's')
            check_str(s, fn);
    }
}

/* The refusals of a result of another type than the declared one. */
static void check_refused(vep_status st, const char *fn)
{
    if (st != VEP_ERR_ARGUMENT)
        fz_fail("callback %s: a result of another type was not refused", fn);
}

/* "string (string s, int64 mode)": answers as mode says. */
static int cb_echo(void *ud, vep_host_call *call)
{
    const char *s;
    char first[2];
    check_ud_call(ud, NULL, "cb_echo");
    check_accessors(call, "si", "cb_echo");
    s = vep_host_call_arg_string(call, 0);
    switch ((uint64_t)vep_host_call_arg_int64(call, 1) % 8) {
    case 0: return vep_host_call_return_string(call, s) != VEP_OK;
    case 1: return vep_host_call_return_string(call, NULL) != VEP_OK;
    case 2: return 0;                                  /* no result */
    case 3: return 1;                                  /* an error  */
    case 4: vep_host_call_fail(call, s); return 0;
    case 5:                                            /* one byte  */
        first[0] = s[0];
        first[1] = '\0';
        return vep_host_call_return_string(call, first) != VEP_OK;
    case 6:
        check_refused(vep_host_call_return_int64(call, 1), "cb_echo");
        check_refused(vep_host_call_return_double(call, 1), "cb_echo");
        check_refused(vep_host_call_return_bool(call, 1), "cb_echo");
        return vep_host_call_return_string(call, s) != VEP_OK;
    default:
        if (vep_host_call_return_string(call, "first") != VEP_OK)
            return 1;
        return vep_host_call_return_string(call, s) != VEP_OK;
    }
}

/* "double (double x, int64 mode, bool b)". */
static int cb_num(void *ud, vep_host_call *call)
{
    double x;
    check_ud_call(ud, NULL, "cb_num");
    check_accessors(call, "dib", "cb_num");
    x = vep_host_call_arg_double(call, 0);
    switch ((uint64_t)vep_host_call_arg_int64(call, 1) % 4) {
    case 0: return vep_host_call_return_double(call, x) != VEP_OK;
    case 1: return vep_host_call_return_double(call, x * 1e308) != VEP_OK;
    case 2: return vep_host_call_return_double(call, NAN) != VEP_OK;
    default:
        check_refused(vep_host_call_return_string(call, "x"), "cb_num");
        check_refused(vep_host_call_return_bool(call, 0), "cb_num");
        return 0;                                      /* no result */
    }
}

/* "void (bool b, string s)": a void callback sets no result. */
static int cb_void(void *ud, vep_host_call *call)
{
    check_ud_call(ud, NULL, "cb_void");
    check_accessors(call, "bs", "cb_void");
    check_refused(vep_host_call_return_string(call, "x"), "cb_void");
    check_refused(vep_host_call_return_bool(call, 1), "cb_void");
    return 0;
}

/* "int64 (int64 x)". */
static int cb_i(void *ud, vep_host_call *call)
{
    check_ud_call(ud, NULL, "cb_i");
    check_accessors(call, "i", "cb_i");
    return vep_host_call_return_int64(call, vep_host_call_arg_int64(call, 0))
           != VEP_OK;
}

/* ---- The engine of the calls -------------------------------------------- */

typedef struct fz_state {
    vep_engine *e;
    vep_instrument *ins;
} fz_state;

/* Registers fn under name, or aborts. */
static void reg(vep_engine *e, const char *name, const char *sig,
                vep_host_fn fn, const vep_host_options *o)
{
    if (vep_host_register(e, name, sig, fn, o) != VEP_OK)
        fz_fail("cannot register %s: %s", name, vep_engine_errmsg(e));
}

/* Registers the callback under name, or aborts. */
static void reg_cb(vep_engine *e, const char *name, const char *sig,
                   vep_host_callback cb)
{
    if (vep_host_register_callback(e, name, sig, cb, &g_host) != VEP_OK)
        fz_fail("cannot register %s: %s", name, vep_engine_errmsg(e));
}

static fz_state g_state;

/* Frees the state at exit, so that leak checkers see nothing left. */
static void release(void)
{
    vep_instrument_free(g_state.ins);
    vep_engine_free(g_state.e);
    free(g_host.buf);
}

/* The engine with every host function, and the instrument, made once. */
static fz_state *state(void)
{
    fz_state *s = &g_state;
    vep_host_options ud = VEP_HOST_OPTIONS_INIT, owned = VEP_HOST_OPTIONS_INIT;
    if (s->e != NULL)
        return s;
    ud.user_data = &g_host;
    owned.free_string = owned_free;
    s->e = fz_engine_bundled();
    reg(s->e, "violation", "void (string what)", (vep_host_fn)h_violation,
        NULL);
    reg(s->e, "e_int", "int64 (int64 x)", (vep_host_fn)e_int, NULL);
    reg(s->e, "e_dbl", "double (call, double x)", (vep_host_fn)e_dbl, NULL);
    reg(s->e, "e_bool", "bool (bool b)", (vep_host_fn)e_bool, NULL);
    reg(s->e, "e_str", "string (userdata, string s)", (vep_host_fn)e_str, &ud);
    reg(s->e, "e_owned", "string (string s, call)", (vep_host_fn)e_owned,
        &owned);
    reg(s->e, "mix",
        "int64 (call, string a, int64 b, double c, bool d, userdata)",
        (vep_host_fn)mix, &ud);
    reg(s->e, "many",
        "double (int64, int64, int64, int64, double, double, bool, string)",
        (vep_host_fn)many, NULL);
    reg(s->e, "v_void", "void (call, string s)", (vep_host_fn)v_void, NULL);
    reg(s->e, "none", "bool (void)", (vep_host_fn)none, NULL);
    reg_cb(s->e, "cb_echo", "string (string s, int64 mode)", cb_echo);
    reg_cb(s->e, "cb_num", "double (double x, int64 mode, bool b)", cb_num);
    reg_cb(s->e, "cb_void", "void (bool b, string s)", cb_void);
    reg_cb(s->e, "cb_i", "int64 (int64 x)", cb_i);
    s->ins = fz_load_instrument(s->e, "tests/fuzz/data/fuzz-host.lua");
    atexit(release);
    return s;
}

/* Scores the assessment whose answer to X is the bytes in hex. */
static void calls(fz_state *s, const uint8_t *data, size_t size)
{
    static const char head[] =
        "{\"instrument\":{\"id\":\"fuzz-host\",\"version\":\"1.0.0\"},"
        "\"subject\":{\"id\":\"P-1\"},\"assessor\":{\"id\":\"A-1\",\"role\":\"r\"},"
        "\"date\":\"2026-01-01\",\"answers\":{\"X\":{\"value\":\"";
    static const char tail[] = "\"}}}";
    static const char hex[] = "0123456789abcdef";
    char *doc, *p, *out = NULL;
    size_t i;
    vep_status st;

    if (size > MAX_INPUT)
        size = MAX_INPUT;
    doc = malloc(sizeof head + 2 * size + sizeof tail);
    if (doc == NULL)
        fz_fail("out of memory");
    p = doc + sizeof head - 1;
    memcpy(doc, head, sizeof head - 1);
    for (i = 0; i < size; i++) {
        *p++ = hex[data[i] >> 4];
        *p++ = hex[data[i] & 15];
    }
    memcpy(p, tail, sizeof tail);
    st = vep_score(&out, s->ins, doc, strlen(doc));
    if (st == VEP_ERR_ASSESSMENT || st == VEP_ERR_SCRIPT) {
        char *d = NULL;
        vep_diag_json(&d, s->e);
        fz_fail("fuzz-host.lua: %s\n%s", vep_status_name(st), d ? d : "");
    }
    fz_check_out(st, &out, s->e, "vep_score");
    if (g_host.owned_live != 0)
        fz_fail("%ld owned strings of e_owned were not freed",
                g_host.owned_live);
    free(doc);
}

/* ---- Signatures and names ----------------------------------------------- */

/* Whether `s` is a name the engine must accept. */
static int name_ok(const char *s)
{
    static const char *const kw[] = {
        "and", "break", "do", "else", "elseif", "end", "false", "for",
        "function", "goto", "if", "in", "local", "nil", "not", "or",
        "repeat", "return", "then", "true", "until", "while"
    };
    size_t i, n = strlen(s);
    if (n == 0 || n > 63 || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')
              || s[i] == '_'))
            return 0;
    for (i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (strcmp(s, kw[i]) == 0)
            return 0;
    return 1;
}

/* What the fuzzed registrations register; never called. */
static void dummy(void) { }
static int dummy_cb(void *ud, vep_host_call *call)
{
    (void)ud;
    (void)call;
    return 1;
}

/* The signature vep_host_list gives for `name` (malloc), or NULL. */
static char *listed_signature(vep_engine *e, const char *name)
{
    char *list = NULL, *sig = NULL;
    cJSON *j, *it;
    if (vep_host_list(&list, e) != VEP_OK)
        fz_fail("vep_host_list failed");
    fz_check_json(list, "vep_host_list");
    j = cJSON_Parse(list);
    cJSON_ArrayForEach(it, j) {
        cJSON *n = cJSON_GetObjectItemCaseSensitive(it, "name");
        cJSON *g = cJSON_GetObjectItemCaseSensitive(it, "signature");
        if (cJSON_IsString(n) && strcmp(n->valuestring, name) == 0
            && cJSON_IsString(g)) {
            sig = malloc(strlen(g->valuestring) + 1);
            if (sig == NULL)
                fz_fail("out of memory");
            strcpy(sig, g->valuestring);
        }
    }
    cJSON_Delete(j);
    vep_free(list);
    return sig;
}

/* A registration's status: OK, or ARGUMENT with diagnostics. */
static void check_reg(vep_engine *e, vep_status st, const char *what)
{
    if (st != VEP_OK && st != VEP_ERR_ARGUMENT)
        fz_fail("%s gave %s", what, vep_status_name(st));
    if (st != VEP_OK)
        fz_check_diag(e, st, what);
}

/* Loads a script declaring `name` with the signature the engine wrote. */
static void declare(vep_engine *e, const char *name, const char *sig)
{
    char src[1024];
    vep_instrument *ins = NULL;
    vep_status st;
    snprintf(src, sizeof src,
             "instrument { id = \"s\", version = \"1.0.0\","
             " languages = { \"en\" }, title = \"T\" }\n"
             "host_function \"%s\" { signature = \"%s\" }\n"
             "item \"A\" { type = \"presence\", text = \"A\" }\n", name, sig);
    st = vep_instrument_load_buffer(&ins, e, "sig.lua", src, strlen(src));
    if (st != VEP_OK) {
        char *d = NULL;
        vep_diag_json(&d, e);
        fz_fail("a script declaring %s as \"%s\" does not load:\n%s", name,
                sig, d ? d : "");
    }
    vep_instrument_free(ins);
}

/* The first line of the bytes as a signature and as a name. */
static void signatures(const uint8_t *data, size_t size)
{
    char line[300], *sig_c, *sig_cb, *again;
    size_t n = 0;
    vep_engine *e;
    vep_status c, cb, st;

    while (n < size && n < sizeof line - 1 && data[n] != '\n')
        n++;
    memcpy(line, data, n);
    line[n] = '\0';                 /* an embedded NUL ends it earlier */
    e = fz_engine_small();

    st = vep_host_register(e, line, "bool ()", dummy, NULL);
    check_reg(e, st, "vep_host_register (name)");
    if ((st == VEP_OK) != name_ok(line))
        fz_fail("the name \"%s\" was %s", line, st == VEP_OK ? "accepted"
                                                         : "refused");
    c = vep_host_register(e, "f_c", line, dummy, NULL);
    check_reg(e, c, "vep_host_register");
    cb = vep_host_register_callback(e, "f_cb", line, dummy_cb, NULL);
    check_reg(e, cb, "vep_host_register_callback");
    if (cb == VEP_OK && c != VEP_OK)
        fz_fail("\"%s\" was accepted for a callback only", line);
    if (c == VEP_OK) {
        sig_c = listed_signature(e, "f_c");
        if (sig_c == NULL)
            fz_fail("f_c is not listed");
        st = vep_host_register(e, "f_c2", sig_c, dummy, NULL);
        again = st == VEP_OK ? listed_signature(e, "f_c2") : NULL;
        if (again == NULL || strcmp(again, sig_c) != 0)
            fz_fail("\"%s\" was written \"%s\", which reads back as \"%s\"",
                    line, sig_c, again ? again : "(refused)");
        free(again);
        free(sig_c);
    }
    if (cb == VEP_OK) {
        sig_cb = listed_signature(e, "f_cb");
        if (sig_cb == NULL)
            fz_fail("f_cb is not listed");
        declare(e, "f_cb", sig_cb);
        free(sig_cb);
    }
    vep_engine_free(e);
}

/* libFuzzer's entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size < 300 ? size : 300);
    size_t skip = nl ? (size_t)(nl - data) + 1 : 0;
    calls(state(), data + skip, size - skip);
    signatures(data, size);
    return 0;
}
