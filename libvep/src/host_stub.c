/*
** host_stub.c -- the stand-ins test cases give for host functions:
**
**   test "a referral is open" { ..., host = { open_referrals = 2 }, ... }
**
** A script's own test cases must not depend on whatever program runs them
** (vep test has no host at all), so every test case runs against a
** registry of stand-ins made from its `host` table: each declared function
** answers with the case's value whatever its arguments, and a function the
** case gives no value for fails with a message that says so (a void
** function needs none: it does nothing).  The calls
** still go through the whole bridge (argument checks, the record of
** calls), only the far end differs.
*/
#include <stdio.h>
#include <string.h>
#include <cJSON.h>
#include "host.h"

void vep__host_stubs_free(const vep_alloc *a, vep_host_stub *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        vep__free(a, v[i].name);
        if (v[i].value.type == VEP_HT_STRING)
            vep__free(a, (void *)v[i].value.s);
    }
    vep__free(a, v);
}

/* Reads one member's value into s; -1 for a value of another kind. */
static int stub_value(const vep_alloc *a, const cJSON *e, vep_host_stub *s)
{
    if (cJSON_IsBool(e)) {
        s->value.type = VEP_HT_BOOL;
        s->value.b = cJSON_IsTrue(e);
    } else if (cJSON_IsNumber(e) && e->valuedouble > -9.2e18
               && e->valuedouble < 9.2e18
               && e->valuedouble == (double)(int64_t)e->valuedouble) {
        s->value.type = VEP_HT_INT64;
        s->value.i = (int64_t)e->valuedouble;
    } else if (cJSON_IsNumber(e)) {
        s->value.type = VEP_HT_DOUBLE;
        s->value.d = e->valuedouble;
    } else if (cJSON_IsString(e)) {
        s->value.type = VEP_HT_STRING;
        if ((s->value.s = vep__strdup(a, e->valuestring)) == NULL)
            return -2;
    } else {
        return -1;
    }
    return 0;
}

/* See host.h. */
int vep__host_stubs_parse(const vep_alloc *a, const char *json,
                          vep_host_stub **out, size_t *n, char *err,
                          size_t errlen)
{
    const char *end = NULL;
    cJSON *root, *e;
    vep_host_stub *v = NULL;
    size_t k = 0, len;
    int rc = 0;

    *out = NULL;
    *n = 0;
    if (json == NULL)
        return 0;
    len = strlen(json);
    root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (root == NULL)
        return -2;                  /* the loader wrote it: only memory */
    if (cJSON_IsArray(root) && root->child == NULL)
        goto done;                  /* Lua's {} */
    if (!cJSON_IsObject(root)) {
        snprintf(err, errlen, "'host' must be a table of host function names "
                 "and the values they give");
        rc = -1;
        goto done;
    }
    v = vep__calloc(a, (size_t)cJSON_GetArraySize(root) + 1, sizeof *v);
    if (v == NULL) {
        rc = -2;
        goto done;
    }
    cJSON_ArrayForEach(e, root) {
        v[k].name = vep__strdup(a, e->string ? e->string : "");
        if (v[k].name == NULL) {
            rc = -2;
            break;
        }
        rc = stub_value(a, e, &v[k]);
        k++;
        if (rc == -1)
            snprintf(err, errlen, "host = { %s = ... }: a stand-in is a "
                     "boolean, a number or a string", e->string ? e->string : "");
        if (rc != 0)
            break;
    }
done:
    cJSON_Delete(root);
    if (rc != 0) {
        vep__host_stubs_free(a, v, k);
        return rc;
    }
    *out = v;
    *n = k;
    return 0;
}

/* The declared function's stand-in answers: its value as the declared
** return type (an integer serves a double), or a failure. */
static int stub_answer(void *ud, vep_host_call *call)
{
    const vep_host_stub *s = ud;
    char msg[200];
    vep_status st = VEP_ERR_ARGUMENT;

    if (s->name == NULL) {          /* the sentinel: no stand-in given */
        snprintf(msg, sizeof msg, "the test case gives no value for it "
                 "(host = { %s = ... })", vep_host_call_name(call));
        vep_host_call_fail(call, msg);
        return 1;
    }
    switch (s->value.type) {
    case VEP_HT_VOID:               /* a void function: nothing to answer */
        return 0;
    case VEP_HT_BOOL:   st = vep_host_call_return_bool(call, s->value.b); break;
    case VEP_HT_STRING: st = vep_host_call_return_string(call, s->value.s); break;
    case VEP_HT_DOUBLE: st = vep_host_call_return_double(call, s->value.d); break;
    case VEP_HT_INT64:
        st = vep_host_call_return_int64(call, s->value.i);
        if (st == VEP_ERR_ARGUMENT)
            st = vep_host_call_return_double(call, (double)s->value.i);
        break;
    default:
        break;
    }
    if (st == VEP_ERR_ARGUMENT) {
        snprintf(msg, sizeof msg, "the test case's stand-in is %s, which is "
                 "not what the function returns", vep__htype_phrase(s->value.type));
        vep_host_call_fail(call, msg);
        return 1;
    }
    return st == VEP_OK ? 0 : 1;
}

/* See host.h. */
vep_status vep__host_stub_registry(const vep_alloc *a,
                                   const vep_host_decl *decls, size_t ndecls,
                                   const vep_host_stub *stubs, size_t nstubs,
                                   vep_host_registry *out)
{
    static const vep_host_stub none = { NULL, { VEP_HT_VOID, 0, 0, 0.0, NULL } };
    static const vep_host_stub silent = { (char *)"", { VEP_HT_VOID, 0, 0, 0.0, NULL } };
    char err[400], sig[400];
    vep_status st;
    size_t i, k;

    for (i = 0; i < ndecls; i++) {
        const vep_host_stub *s = decls[i].sig.ret == VEP_HT_VOID ? &silent : &none;
        vep_buf b;
        for (k = 0; k < nstubs && s != &silent; k++)
            if (strcmp(stubs[k].name, decls[i].name) == 0)
                s = &stubs[k];
        /* the script view of the declaration: no userdata, no call */
        vep__buf_init(&b, a);
        vep__host_sig_write(&decls[i].sig, 1, &b);
        if (b.failed) {
            vep__buf_free(&b);
            return VEP_ERR_NOMEM;
        }
        snprintf(sig, sizeof sig, "%s", vep__buf_str(&b));
        vep__buf_free(&b);
        st = vep__host_registry_add(a, out, decls[i].name, sig, 1, NULL,
                                    stub_answer, (void *)s, NULL, err,
                                    sizeof err);
        if (st == VEP_ERR_NOMEM)
            return st;
        /* VEP_ERR_ARGUMENT: a declaration the loader refused already */
    }
    return VEP_OK;
}
