/*
** host.c -- the engine's host functions: registration, the libffi call
** interface prepared once per function, the checked call, and the
** callback form's accessors (vep_host_call_*).
**
** A C function is called through ffi_call with the interface built at
** registration; libffi has no bool, so bool travels as an unsigned char
** (sizeof(bool) is 1 on every platform libvep builds for, checked below),
** and a return narrower than a register comes back widened in an ffi_arg.
** A callback (the form bindings use) has one fixed C signature and reads
** its arguments through the accessors instead.  Either way the call is
** made with a vep_host_call on the stack that collects the result and a
** failure message, so nothing the host does can raise through Lua.
*/
#include <ffi.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine.h"
#include "host.h"
#include "jsonw.h"
#include "utf8.h"

typedef char vep_bool_is_one_byte[sizeof(bool) == 1 ? 1 : -1];

struct vep_host_def {
    char *name;
    vep_host_sig sig;
    int is_callback;
    vep_host_fn fn;
    vep_host_callback cb;
    void *user_data;
    void (*free_string)(void *);
    ffi_cif cif;
    ffi_type *types[VEP_HOST_MAX_PARAMS];
};

struct vep_host_call {
    const vep_host_def *def;
    const vep_alloc *alloc;
    const vep_hval *args;
    size_t nargs;
    int has_result;
    vep_hval result;       /* result.s owned by the call                 */
    int failed;
    int nomem;
    char message[400];
};

/* ---- The registry ------------------------------------------------------ */

static void def_free(const vep_alloc *a, vep_host_def *d)
{
    if (d == NULL)
        return;
    vep__free(a, d->name);
    vep__free(a, d);
}

/* Frees every registration of a registry and empties it. */
void vep__host_registry_free(const vep_alloc *a, vep_host_registry *r)
{
    size_t i;
    for (i = 0; i < r->n; i++)
        def_free(a, r->v[i]);
    vep__free(a, r->v);
    r->v = NULL;
    r->n = 0;
}

/* The position of `name` in the sorted registry, or where it would go;
** *found tells which. */
static size_t find_pos(const vep_host_registry *r, const char *name,
                       int *found)
{
    size_t lo = 0, hi = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->v[mid]->name, name);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = 0;
    return lo;
}

/* The registration named `name`, or NULL (binary search: the registry
** is kept sorted by name). */
const vep_host_def *vep__host_find(const vep_host_registry *r,
                                   const char *name)
{
    int found;
    size_t i;
    if (r == NULL || name == NULL)
        return NULL;
    i = find_pos(r, name, &found);
    return found ? r->v[i] : NULL;
}

/* The signature a function was registered with. */
const vep_host_sig *vep__host_def_sig(const vep_host_def *d)
{
    return &d->sig;
}

/* See host.h. */
int vep__host_name_valid(const char *s)
{
    static const char *const keywords[] = {
        "and", "break", "do", "else", "elseif", "end", "false", "for",
        "function", "goto", "if", "in", "local", "nil", "not", "or",
        "repeat", "return", "then", "true", "until", "while", NULL
    };
    size_t i;
    if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (i = 0; keywords[i]; i++)
        if (strcmp(s, keywords[i]) == 0)
            return 0;
    for (i = 0; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')
              || s[i] == '_') || i >= VEP_HOST_NAME_MAX)
            return 0;
    return 1;
}

/* The libffi type of a signature type (bool travels as one byte). */
static ffi_type *ffi_type_of(vep_htype t)
{
    switch (t) {
    case VEP_HT_VOID:     return &ffi_type_void;
    case VEP_HT_BOOL:     return &ffi_type_uint8;
    case VEP_HT_INT64:    return &ffi_type_sint64;
    case VEP_HT_DOUBLE:   return &ffi_type_double;
    default:              return &ffi_type_pointer;
    }
}

/* See host.h: checks and files one registration (both forms). */
vep_status vep__host_registry_add(const vep_alloc *a, vep_host_registry *r,
                                  const char *name, const char *signature,
                                  int is_callback, vep_host_fn fn,
                                  vep_host_callback cb, void *user_data,
                                  void (*free_string)(void *), char *err,
                                  size_t errlen)
{
    vep_host_def *d = NULL, **v;
    char why[256];
    size_t pos, k;
    int found;

    if (!vep__host_name_valid(name)) {
        snprintf(err, errlen, "host function name '%.80s' is not valid: "
                 "[a-z][a-z0-9_]*, at most %d bytes, not a Lua keyword",
                 name ? name : "(null)", VEP_HOST_NAME_MAX);
        return VEP_ERR_ARGUMENT;
    }
    if (is_callback ? cb == NULL : fn == NULL) {
        snprintf(err, errlen, "host function '%s': no function given", name);
        return VEP_ERR_ARGUMENT;
    }
    d = vep__calloc(a, 1, sizeof *d);
    if (d == NULL)
        goto nomem;
    if (vep__host_sig_parse(signature, is_callback, &d->sig, why,
                            sizeof why) != 0) {
        snprintf(err, errlen, "host function '%s': signature \"%.80s\": %s",
                 name, signature ? signature : "", why);
        def_free(a, d);
        return VEP_ERR_ARGUMENT;
    }
    pos = find_pos(r, name, &found);
    if (found) {
        snprintf(err, errlen, "host function '%s' is already registered with "
                 "this engine", name);
        def_free(a, d);
        return VEP_ERR_ARGUMENT;
    }
    d->name = vep__strdup(a, name);
    v = d->name ? vep__realloc(a, r->v, (r->n + 1) * sizeof *v) : NULL;
    if (v == NULL)
        goto nomem;
    r->v = v;
    d->is_callback = is_callback;
    d->fn = fn;
    d->cb = cb;
    d->user_data = user_data;
    d->free_string = free_string;
    if (!is_callback) {
        for (k = 0; k < d->sig.nparams; k++)
            d->types[k] = ffi_type_of(d->sig.params[k]);
        if (ffi_prep_cif(&d->cif, FFI_DEFAULT_ABI, (unsigned)d->sig.nparams,
                         ffi_type_of(d->sig.ret), d->types) != FFI_OK) {
            snprintf(err, errlen, "host function '%s': libffi cannot call "
                     "this signature", name);
            def_free(a, d);
            return VEP_ERR_ARGUMENT;
        }
    }
    memmove(&r->v[pos + 1], &r->v[pos], (r->n - pos) * sizeof *v);
    r->v[pos] = d;
    r->n++;
    return VEP_OK;
nomem:
    snprintf(err, errlen, "out of memory");
    def_free(a, d);
    return VEP_ERR_NOMEM;
}

/* A registration through the public API: the engine's registry, its
** message. */
static vep_status do_register(vep_engine *e, const char *name,
                              const char *signature, int is_callback,
                              vep_host_fn fn, vep_host_callback cb,
                              void *user_data, void (*free_string)(void *))
{
    char err[400];
    vep_status st;
    vep__engine_begin(e);
    st = vep__host_registry_add(&e->alloc, &e->hosts, name, signature,
                                is_callback, fn, cb, user_data, free_string,
                                err, sizeof err);
    return st == VEP_OK ? VEP_OK : vep__engine_fail(e, st, "%s", err);
}

/* See vep.h: the C-function form, with its options checked. */
VEP_API vep_status vep_host_register(vep_engine *engine, const char *name,
                                     const char *signature, vep_host_fn fn,
                                     const vep_host_options *options)
{
    if (engine == NULL)
        return VEP_ERR_ARGUMENT;
    if (options != NULL && options->version != VEP_HOST_OPTIONS_VERSION) {
        vep__engine_begin(engine);
        return vep__engine_fail(engine, VEP_ERR_ARGUMENT, "vep_host_options: "
                                "unknown version %u", options->version);
    }
    return do_register(engine, name, signature, 0, fn, NULL,
                       options ? options->user_data : NULL,
                       options ? options->free_string : NULL);
}

/* See vep.h: the callback form of the bindings. */
VEP_API vep_status vep_host_register_callback(vep_engine *engine,
                                              const char *name,
                                              const char *signature,
                                              vep_host_callback callback,
                                              void *user_data)
{
    if (engine == NULL)
        return VEP_ERR_ARGUMENT;
    return do_register(engine, name, signature, 1, NULL, callback,
                       user_data, NULL);
}

/* See vep.h: the registry as JSON, in name order. */
VEP_API vep_status vep_host_list(char **out, const vep_engine *engine)
{
    vep_buf b;
    vep_jsonw w;
    size_t i, k;
    char *s;

    if (out == NULL)
        return VEP_ERR_ARGUMENT;
    *out = NULL;
    if (engine == NULL)
        return VEP_ERR_ARGUMENT;
    vep__buf_init(&b, &engine->alloc);
    vep__jw_init(&w, &b, 1);
    vep__jw_array(&w);
    for (i = 0; i < engine->hosts.n; i++) {
        const vep_host_def *d = engine->hosts.v[i];
        vep_buf sig;
        vep__buf_init(&sig, &engine->alloc);
        vep__host_sig_write(&d->sig, 0, &sig);
        vep__jw_object(&w);
        vep__jw_kstring(&w, "name", d->name);
        vep__jw_kstring(&w, "signature", sig.failed ? NULL : vep__buf_str(&sig));
        vep__buf_free(&sig);
        vep__jw_kstring(&w, "returns", vep__htype_name(d->sig.ret));
        vep__jw_key(&w, "args");
        vep__jw_array(&w);
        for (k = 0; k < d->sig.nparams; k++) {
            vep__jw_object(&w);
            vep__jw_kstring(&w, "type", vep__htype_name(d->sig.params[k]));
            vep__jw_kstring(&w, "name", d->sig.names[k][0] ? d->sig.names[k]
                                                           : NULL);
            vep__jw_object_end(&w);
        }
        vep__jw_array_end(&w);
        vep__jw_kstring(&w, "form", d->is_callback ? "callback" : "c");
        vep__jw_kstring(&w, "string_result", d->sig.ret != VEP_HT_STRING
                        ? NULL : d->free_string ? "owned" : "borrowed");
        vep__jw_object_end(&w);
    }
    vep__jw_array_end(&w);
    if (b.failed) {
        vep__buf_free(&b);
        return VEP_ERR_NOMEM;
    }
    s = vep__export(&engine->alloc, b.data, b.len);
    vep__buf_free(&b);
    if (s == NULL)
        return VEP_ERR_NOMEM;
    *out = s;
    return VEP_OK;
}

/* ---- Arguments ----------------------------------------------------------- */

/* "an integer", "a number", "a boolean", "a string" for messages. */
const char *vep__htype_phrase(vep_htype t)
{
    switch (t) {
    case VEP_HT_INT64:  return "an integer";
    case VEP_HT_DOUBLE: return "a number";
    case VEP_HT_BOOL:   return "a boolean";
    case VEP_HT_STRING: return "a string";
    default:            return "nothing";
    }
}

/* A number for a message: 15 significant digits when they read back as
** `v` (2.5, 6.4), else 17, with '.' as the separator whatever the C
** locale. */
static void number_words(char *buf, size_t n, double v)
{
    size_t i, o = 0;
    if (!isfinite(v)) {
        snprintf(buf, n, "%s", isnan(v) ? "NaN" : v < 0 ? "-infinity"
                                                        : "infinity");
        return;
    }
    snprintf(buf, n, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, n, "%.17g", v);
    for (i = 0; buf[i] != '\0'; i++) {
        char c = buf[i];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e')
            buf[o++] = c;
        else if (o == 0 || buf[o - 1] != '.')
            buf[o++] = '.';
    }
    buf[o] = '\0';
}

/* See host.h. */
int vep__host_check_arg(const char *fname, const vep_host_sig *sig, size_t i,
                        vep_hval *v, size_t slen, char *err, size_t errlen)
{
    vep_htype want = sig->params[sig->arg_param[i]];
    char label[64];
    const char *got = vep__htype_name(v->type);

    vep__host_arg_label(sig, i, label, sizeof label);
    if (v->type == VEP_HT_VOID)
        got = "nil";
    if (want == VEP_HT_INT64 && v->type == VEP_HT_DOUBLE) {
        /* 2^63 is exact as a double; the range is [-2^63, 2^63). */
        if (v->d != floor(v->d) || !(v->d >= -9223372036854775808.0
                                     && v->d < 9223372036854775808.0)) {
            char nb[40];
            number_words(nb, sizeof nb, v->d);
            snprintf(err, errlen, "host function '%s': %s must be an integer "
                     "within the 64-bit range, got %s", fname, label, nb);
            return -1;
        }
        v->type = VEP_HT_INT64;
        v->i = (int64_t)v->d;
        return 0;
    }
    if (want == VEP_HT_DOUBLE && v->type == VEP_HT_INT64) {
        v->type = VEP_HT_DOUBLE;
        v->d = (double)v->i;
        return 0;
    }
    if (v->type != want) {
        snprintf(err, errlen, "host function '%s': %s must be %s, got %s",
                 fname, label, vep__htype_phrase(want),
                 v->type == VEP_HT_INT64 || v->type == VEP_HT_DOUBLE
                 ? "a number" : v->type == VEP_HT_VOID ? got
                 : vep__htype_phrase(v->type));
        return -1;
    }
    if (want == VEP_HT_STRING) {
        if (memchr(v->s, '\0', slen) != NULL) {
            snprintf(err, errlen, "host function '%s': %s contains a NUL byte",
                     fname, label);
            return -1;
        }
        if (!vep__utf8_valid(v->s, slen)) {
            snprintf(err, errlen, "host function '%s': %s is not valid UTF-8",
                     fname, label);
            return -1;
        }
    }
    return 0;
}

/* ---- The call ------------------------------------------------------------ */

/* Takes a copy of a string result into the call (NULL: nil), in place of
** any string set before. */
static vep_status set_string(vep_host_call *c, const char *s)
{
    size_t n;
    vep__free(c->alloc, (void *)c->result.s);
    c->result.s = NULL;
    if (s == NULL) {
        c->result.type = VEP_HT_VOID;
        c->has_result = 1;
        return VEP_OK;
    }
    n = strlen(s);
    c->result.s = vep__strndup(c->alloc, s, n);
    if (c->result.s == NULL) {
        c->nomem = 1;
        return VEP_ERR_NOMEM;
    }
    c->result.type = VEP_HT_STRING;
    c->has_result = 1;
    return VEP_OK;
}

/* Calls a C function through its prepared interface. */
static void call_c(const vep_host_def *d, vep_host_call *c)
{
    union { unsigned char b; int64_t i; double d; const char *s; void *p; }
        store[VEP_HOST_MAX_PARAMS];
    void *values[VEP_HOST_MAX_PARAMS];
    union { ffi_arg a; int64_t i; double d; void *p; } ret;
    size_t k, arg = 0;

    for (k = 0; k < d->sig.nparams; k++) {
        switch (d->sig.params[k]) {
        case VEP_HT_BOOL:     store[k].b = (unsigned char)(c->args[arg++].b != 0); break;
        case VEP_HT_INT64:    store[k].i = c->args[arg++].i; break;
        case VEP_HT_DOUBLE:   store[k].d = c->args[arg++].d; break;
        case VEP_HT_STRING:   store[k].s = c->args[arg++].s; break;
        case VEP_HT_USERDATA: store[k].p = d->user_data; break;
        default:              store[k].p = c; break;
        }
        values[k] = &store[k];
    }
    memset(&ret, 0, sizeof ret);
    ffi_call((ffi_cif *)&d->cif, d->fn, &ret, values);
    if (c->failed) {       /* an owned string is freed all the same */
        if (d->sig.ret == VEP_HT_STRING && ret.p != NULL
            && d->free_string != NULL)
            d->free_string(ret.p);
        return;
    }
    switch (d->sig.ret) {
    case VEP_HT_VOID:
        c->result.type = VEP_HT_VOID;
        break;
    case VEP_HT_BOOL:
        c->result.type = VEP_HT_BOOL;
        c->result.b = (unsigned char)ret.a != 0;
        break;
    case VEP_HT_INT64:
        c->result.type = VEP_HT_INT64;
        c->result.i = ret.i;
        break;
    case VEP_HT_DOUBLE:
        c->result.type = VEP_HT_DOUBLE;
        c->result.d = ret.d;
        break;
    default:
        set_string(c, ret.p);
        if (ret.p != NULL && d->free_string != NULL)
            d->free_string(ret.p);
        return;
    }
    c->has_result = 1;
}

/* See host.h. */
void vep__host_invoke(const vep_host_def *d, const vep_alloc *a,
                      const vep_hval *args, size_t nargs,
                      vep_host_outcome *out)
{
    vep_host_call c;
    int rc = 0;

    memset(out, 0, sizeof *out);
    memset(&c, 0, sizeof c);
    c.def = d;
    c.alloc = a;
    c.args = args;
    c.nargs = nargs;
    if (d->is_callback)
        rc = d->cb(d->user_data, &c);
    else
        call_c(d, &c);
    if (c.nomem) {
        out->status = VEP_ERR_NOMEM;
        out->rule = "out_of_memory";
        snprintf(out->message, sizeof out->message, "host function '%s': "
                 "out of memory", d->name);
        goto fail;
    }
    if (c.failed || rc != 0) {
        out->status = VEP_ERR_HOST;
        out->rule = "host_failed";
        snprintf(out->message, sizeof out->message, "host function '%s' "
                 "failed: %s", d->name, c.failed ? c.message
                 : "the callback returned an error without a message");
        goto fail;
    }
    if (d->sig.ret != VEP_HT_VOID && !c.has_result) {
        out->status = VEP_ERR_HOST;
        out->rule = "host_result";
        snprintf(out->message, sizeof out->message, "host function '%s' "
                 "returned no value (it is declared to return %s)", d->name,
                 vep__htype_name(d->sig.ret));
        goto fail;
    }
    if (c.result.type == VEP_HT_STRING) {
        size_t n = strlen(c.result.s);
        if (!vep__utf8_valid(c.result.s, n)) {
            out->status = VEP_ERR_HOST;
            out->rule = "host_result";
            snprintf(out->message, sizeof out->message, "host function '%s' "
                     "returned a string that is not valid UTF-8", d->name);
            goto fail;
        }
    }
    if (c.result.type == VEP_HT_DOUBLE && !isfinite(c.result.d)) {
        out->status = VEP_ERR_HOST;
        out->rule = "host_result";
        snprintf(out->message, sizeof out->message, "host function '%s' "
                 "returned %s, which scripts cannot use", d->name,
                 isnan(c.result.d) ? "NaN" : "an infinite number");
        goto fail;
    }
    out->status = VEP_OK;
    out->result = c.result;
    return;
fail:
    vep__free(a, (void *)c.result.s);
}

/* Frees the string an outcome owns and leaves it without a value. */
void vep__host_outcome_clear(const vep_alloc *a, vep_host_outcome *out)
{
    if (out->result.type == VEP_HT_STRING)
        vep__free(a, (void *)out->result.s);
    out->result.s = NULL;
    out->result.type = VEP_HT_VOID;
}

/* See host.h. */
void vep__host_value_words(vep_buf *b, const vep_hval *v)
{
    char nb[VEP_NUM_BUFSIZE];
    switch (v->type) {
    case VEP_HT_BOOL:   vep__buf_adds(b, v->b ? "true" : "false"); break;
    case VEP_HT_INT64:  vep__buf_printf(b, "%lld", (long long)v->i); break;
    case VEP_HT_DOUBLE: vep__buf_adds(b, vep__num_format(nb, v->d)); break;
    case VEP_HT_STRING:
        vep__buf_addc(b, '\'');
        vep__utf8_escape(b, v->s, strlen(v->s), 40, 0);
        vep__buf_addc(b, '\'');
        break;
    default:            vep__buf_adds(b, "nil"); break;
    }
}

/* ---- The accessors of the callback form ---------------------------------- */

VEP_API const char *vep_host_call_name(const vep_host_call *call)
{
    return call ? call->def->name : NULL;
}

/* See vep.h. */
VEP_API size_t vep_host_call_argc(const vep_host_call *call)
{
    return call ? call->nargs : 0;
}

/* Argument `index` when it has type t, else NULL. */
static const vep_hval *arg_of(const vep_host_call *call, size_t index,
                              vep_htype t)
{
    if (call == NULL || index >= call->nargs || call->args[index].type != t)
        return NULL;
    return &call->args[index];
}

/* See vep.h. */
VEP_API int vep_host_call_arg_bool(const vep_host_call *call, size_t index)
{
    const vep_hval *v = arg_of(call, index, VEP_HT_BOOL);
    return v ? v->b != 0 : 0;
}

/* See vep.h. */
VEP_API int64_t vep_host_call_arg_int64(const vep_host_call *call,
                                        size_t index)
{
    const vep_hval *v = arg_of(call, index, VEP_HT_INT64);
    return v ? v->i : 0;
}

/* See vep.h. */
VEP_API double vep_host_call_arg_double(const vep_host_call *call,
                                        size_t index)
{
    const vep_hval *v = arg_of(call, index, VEP_HT_DOUBLE);
    return v ? v->d : 0.0;
}

/* See vep.h. */
VEP_API const char *vep_host_call_arg_string(const vep_host_call *call,
                                             size_t index)
{
    const vep_hval *v = arg_of(call, index, VEP_HT_STRING);
    return v ? v->s : NULL;
}

/* The declared return type is `t`: else VEP_ERR_ARGUMENT. */
static vep_status may_return(vep_host_call *call, vep_htype t)
{
    if (call == NULL)
        return VEP_ERR_ARGUMENT;
    return call->def->sig.ret == t ? VEP_OK : VEP_ERR_ARGUMENT;
}

/* See vep.h. */
VEP_API vep_status vep_host_call_return_bool(vep_host_call *call, int value)
{
    vep_status st = may_return(call, VEP_HT_BOOL);
    if (st == VEP_OK) {
        call->result.type = VEP_HT_BOOL;
        call->result.b = value != 0;
        call->has_result = 1;
    }
    return st;
}

/* See vep.h. */
VEP_API vep_status vep_host_call_return_int64(vep_host_call *call,
                                              int64_t value)
{
    vep_status st = may_return(call, VEP_HT_INT64);
    if (st == VEP_OK) {
        call->result.type = VEP_HT_INT64;
        call->result.i = value;
        call->has_result = 1;
    }
    return st;
}

/* See vep.h. */
VEP_API vep_status vep_host_call_return_double(vep_host_call *call,
                                               double value)
{
    vep_status st = may_return(call, VEP_HT_DOUBLE);
    if (st == VEP_OK) {
        call->result.type = VEP_HT_DOUBLE;
        call->result.d = value;
        call->has_result = 1;
    }
    return st;
}

/* See vep.h. */
VEP_API vep_status vep_host_call_return_string(vep_host_call *call,
                                               const char *value)
{
    vep_status st = may_return(call, VEP_HT_STRING);
    return st == VEP_OK ? set_string(call, value) : st;
}

/* See vep.h. */
VEP_API vep_status vep_host_call_fail(vep_host_call *call,
                                      const char *message)
{
    size_t n;
    if (call == NULL)
        return VEP_ERR_ARGUMENT;
    call->failed = 1;
    if (message == NULL || message[0] == '\0')
        message = "no reason given";
    n = strlen(message);
    if (n >= sizeof call->message) {   /* cut at a character boundary */
        n = sizeof call->message - 1;
        while (n > 0 && ((unsigned char)message[n] & 0xC0) == 0x80)
            n--;
    }
    if (!vep__utf8_valid(message, n)) {
        message = "(the host's message is not valid UTF-8)";
        n = strlen(message);
    }
    memcpy(call->message, message, n);
    call->message[n] = '\0';
    return VEP_OK;
}
