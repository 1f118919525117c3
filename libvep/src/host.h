/*
** host.h -- host functions: the C functions a host registers with an
** engine, and the one bridge by which scripts and plan rules reach them.
**
**   host_sig.c   signatures ("bool (string subject, int64 days)"): parsed
**                once, written back in one canonical form
**   host.c       the engine's registry, the libffi call interfaces made at
**                registration, the checked call, the callback form
**   host_lua.c   the `host` table of a script's environment
**   host_decl.c  the host_function declarations of scripts, checked
**                against the registry
**   plan_host.c  plan conditions on host functions
**
** A call is checked twice over: the script's values against the declared
** types before the host runs (host_lua.c, plan_host.c), and the host's
** result against the return type after it (host.c).  Strings handed to the
** host are borrowed for the call; a string it returns is copied at once.
*/
#ifndef VEP_HOST_H
#define VEP_HOST_H

#include <stddef.h>
#include <stdint.h>
#include "vep/vep.h"
#include "alloc.h"
#include "buf.h"
#include "model.h"

/* The types of a signature.  USERDATA and CALL are filled by the engine,
** never by a script. */
typedef enum vep_htype {
    VEP_HT_VOID = 0, VEP_HT_BOOL, VEP_HT_INT64, VEP_HT_DOUBLE, VEP_HT_STRING,
    VEP_HT_USERDATA, VEP_HT_CALL
} vep_htype;

#define VEP_HOST_MAX_PARAMS (VEP_HOST_MAX_ARGS + 2)
#define VEP_HOST_NAME_MAX 63
#define VEP_HOST_PARAM_NAME_MAX 31

typedef struct vep_host_sig {
    vep_htype ret;
    size_t nparams;                        /* C parameters, in order        */
    vep_htype params[VEP_HOST_MAX_PARAMS];
    char names[VEP_HOST_MAX_PARAMS][VEP_HOST_PARAM_NAME_MAX + 1];
    size_t nargs;                          /* those a script supplies       */
    int arg_param[VEP_HOST_MAX_ARGS];      /* the parameter of argument i   */
} vep_host_sig;

/* host_sig.c.  Parses `text` into *sig; on failure returns -1 with a
** sentence in `err` ("variadic functions are refused ...").  `for_script`
** refuses userdata and call (a script's declaration, or the callback
** form). */
int vep__host_sig_parse(const char *text, int for_script, vep_host_sig *sig,
                        char *err, size_t errlen);
/* Writes the canonical form, e.g. "bool(string subject, int64)". */
void vep__host_sig_write(const vep_host_sig *sig, int script_view, vep_buf *b);
/* 1 when a script declaring `declared` may call `registered`: the same
** return type and the same script argument types, in order. */
int vep__host_sig_compatible(const vep_host_sig *declared,
                             const vep_host_sig *registered);
/* "bool", "int64", ...; and "an integer", "a boolean", ... */
const char *vep__htype_name(vep_htype t);
const char *vep__htype_phrase(vep_htype t);
/* "argument 2 (days)" or "argument 2" into buf. */
void vep__host_arg_label(const vep_host_sig *sig, size_t i, char *buf,
                         size_t n);

/* One value crossing the bridge.  A string is borrowed, except a call's
** result, which the call owns. */
typedef struct vep_hval {
    vep_htype type;        /* VOID: nil / no value                         */
    int b;
    int64_t i;
    double d;
    const char *s;
} vep_hval;

/* One registered host function (host.c). */
typedef struct vep_host_def vep_host_def;

typedef struct vep_host_registry {
    vep_host_def **v;      /* sorted by name; each entry allocated alone,
                              so a pointer to it stays valid             */
    size_t n;
} vep_host_registry;

void vep__host_registry_free(const vep_alloc *a, vep_host_registry *r);
/* Whether `s` may name a host function: [a-z][a-z0-9_]*, at most 63
** bytes, and not a Lua keyword (host.end(...) would not parse). */
int vep__host_name_valid(const char *s);
const vep_host_def *vep__host_find(const vep_host_registry *r,
                                   const char *name);
const vep_host_sig *vep__host_def_sig(const vep_host_def *d);

/* Checks one value a script gives for argument i of `sig` (type, integral
** int64 in range, string without NUL and valid UTF-8), converting a float
** to int64 where it is integral.  On failure returns -1 with a sentence
** naming the function and the argument in `err`. */
int vep__host_check_arg(const char *fname, const vep_host_sig *sig, size_t i,
                        vep_hval *v, size_t slen, char *err, size_t errlen);

/* The outcome of one call. */
typedef struct vep_host_outcome {
    vep_status status;     /* VEP_OK, VEP_ERR_HOST or VEP_ERR_NOMEM        */
    const char *rule;      /* "host_failed", "host_result" ... (static)   */
    char message[512];
    vep_hval result;       /* on VEP_OK; result.s owned (free with
                              vep__host_outcome_clear)                  */
} vep_host_outcome;

/* Calls `d` with the script arguments `args` (already checked; nargs must
** be the signature's).  Never raises: every failure is in *out. */
void vep__host_invoke(const vep_host_def *d, const vep_alloc *a,
                      const vep_hval *args, size_t nargs,
                      vep_host_outcome *out);
void vep__host_outcome_clear(const vep_alloc *a, vep_host_outcome *out);

/* Writes a value as JSON-ish words for explanations: true, 3, 2.5,
** 'text' (escaped, at most 40 characters), nil. */
void vep__host_value_words(vep_buf *b, const vep_hval *v);

/* ---- Declarations (host_decl.c) ---------------------------------------- */

/* host_function "NAME" { signature = "...", purpose = TEXT } */
typedef struct vep_host_decl {
    char *name;
    char *signature;       /* as the script wrote it                      */
    vep_host_sig sig;
    vep_text purpose;
    vep_origin origin;
} vep_host_decl;

struct vep_declrd;
/* Reads the declaration table at stack index t into *h (name and origin
** already set by the caller). */
void vep__host_decl_read(struct vep_declrd *r, int t, vep_host_decl *h);
void vep__host_decls_free(const vep_alloc *a, vep_host_decl *v, size_t n);
/* The declaration named `name`, or NULL. */
const vep_host_decl *vep__host_decl_find(const vep_host_decl *v, size_t n,
                                         const char *name);
/* Calls declared function `h` with checked `args`: its stand-in when
** `stubs` is not NULL (a test case), else the function of `reg` with that
** name, refusing one that is missing ("host_missing") or has another
** signature ("host_signature").  `owner` ("script", "plan") is named in
** those messages.  Never raises: everything is in *out. */
struct vep_host_stubs;
void vep__host_decl_call(const vep_host_decl *h, const char *owner,
                         const vep_host_registry *reg,
                         const struct vep_host_stubs *stubs, const vep_alloc *a,
                         const vep_hval *args, vep_host_outcome *out);
/* Reports each declaration whose registered function (if any) has another
** signature, into `d` (rule "host_signature").  Returns the number. */
struct vep_diags;
size_t vep__host_decls_check(const vep_host_decl *v, size_t n,
                             const vep_host_registry *r, struct vep_diags *d);

/* ---- Stand-ins of test cases (host_stub.c) ------------------------------ */

/* A stand-in for a host function in a test case, host = { NAME = value }:
** its value whatever the arguments. */
typedef struct vep_host_stub {
    char *name;
    vep_hval value;            /* its string owned                        */
} vep_host_stub;

/* A test case's stand-ins. */
typedef struct vep_host_stubs {
    const vep_host_stub *v;
    size_t n;
} vep_host_stubs;

/* Reads a test case's host = { NAME = value } (JSON text, a boolean, a
** number or a string per name) into a new array; -1 with a reason in
** `err` for another kind of value, -2 when out of memory.  One member's
** value alone: vep__host_stub_from_json (-1 for another kind, -2). */
int vep__host_stubs_parse(const vep_alloc *a, const char *json,
                          vep_host_stub **out, size_t *n, char *err,
                          size_t errlen);
struct cJSON;
int vep__host_stub_from_json(const vep_alloc *a, const struct cJSON *e,
                             vep_host_stub *s);
void vep__host_stubs_free(const vep_alloc *a, vep_host_stub *v, size_t n);
/* The outcome of calling declared function `h` in a test case: its
** stand-in's value (an integer serves a double; a void function needs
** none), or "host_missing" when the case gives none, "host_result" when
** it is of another type. */
void vep__host_stub_call(const vep_host_decl *h, const vep_host_stubs *stubs,
                         const vep_alloc *a, vep_host_outcome *out);

/* host.c: adds a function to a registry (vep_host_register's work, for
** any registry); on failure a sentence in `err`. */
vep_status vep__host_registry_add(const vep_alloc *a, vep_host_registry *r,
                                  const char *name, const char *signature,
                                  int is_callback, vep_host_fn fn,
                                  vep_host_callback cb, void *user_data,
                                  void (*free_string)(void *), char *err,
                                  size_t errlen);

/* ---- The record of the calls made (host_log.c) --------------------------- */

/* One call: the function, the rule that made it, the arguments and the
** result, each string copied. */
typedef struct vep_host_record {
    char *name;
    char *by;              /* "score:total/fn", "rule:R3", ...            */
    vep_hval args[VEP_HOST_MAX_ARGS];
    size_t nargs;
    vep_hval result;
} vep_host_record;

/* The most the record of one run's calls may hold, arguments and answers
** included: the record lives outside the script's memory cap, so a script
** calling in a loop must not make the host hold more. */
#define VEP_HOST_LOG_MAX ((size_t)256 * 1024)

typedef struct vep_host_log {
    const vep_alloc *alloc;
    vep_host_record *v;
    size_t n, cap;
    size_t bytes;          /* what the records hold                       */
    int nomem;             /* a record could not be kept                  */
    int full;              /* a record would pass VEP_HOST_LOG_MAX        */
} vep_host_log;

void vep__host_log_init(vep_host_log *log, const vep_alloc *a);
void vep__host_log_free(vep_host_log *log);
/* Keeps a copy of one call; out of memory sets log->nomem, a record that
** would pass VEP_HOST_LOG_MAX sets log->full (nothing is kept). */
void vep__host_log_add(vep_host_log *log, const char *name, const char *by,
                       const vep_hval *args, size_t nargs,
                       const vep_hval *result);
/* Writes the calls as the array of "host_calls": [{"function", "by",
** "args": [...], "result"}], in the order they were made. */
struct vep_jsonw;
void vep__host_log_write(struct vep_jsonw *w, const vep_host_log *log);

/* ---- The Lua bridge (host_lua.c) --------------------------------------- */

/* What the `host` table of one sandbox reaches.  `registry` is NULL while
** a script loads (every call is then refused). */
typedef struct vep_host_bridge {
    const vep_host_registry *registry;
    const vep_host_decl *decls;
    size_t ndecls;
    const vep_alloc *alloc;
    const struct vep_host_stubs *stubs; /* a test case's stand-ins, or NULL */
    vep_host_log *log;     /* when not NULL, every call is kept          */
    const char *by;        /* the rule whose function is running         */
} vep_host_bridge;

struct lua_State;
/* Puts the table `host` into the environment table at stack index env;
** its functions reach `bridge` (which must outlive the sandbox).  Inside
** a protected call. */
void vep__host_lua_install(struct lua_State *L, int env,
                           vep_host_bridge *bridge);

#endif
