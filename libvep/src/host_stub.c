/*
** host_stub.c -- the stand-ins test cases give for host functions:
**
**   test "a referral is open" { ..., host = { open_referrals = 2 }, ... }
**
** A script's own test cases must not depend on whatever program runs them
** (vep test has no host at all), so in a test case every declared
** function answers with the case's value whatever its arguments; one the
** case gives no value for fails with a message that says so, and a void
** function needs none.  Instruments (host_lua.c) and plans (plan_host.c)
** take the same path: the calls still go through the whole bridge
** (argument checks, the record of calls), only the far end differs.
*/
#include <stdio.h>
#include <string.h>
#include "json.h"
#include "host.h"

/* See host.h. */
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

/* See host.h. */
int vep__host_stub_from_json(const vep_alloc *a, const cJSON *e,
                             vep_host_stub *s)
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
    cJSON *root, *e;
    vep_host_stub *v = NULL;
    size_t k = 0, len;
    int rc = 0;

    *out = NULL;
    *n = 0;
    if (json == NULL)
        return 0;
    len = strlen(json);
    root = vep__json_parse(a, json, len, NULL, NULL);
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
        rc = vep__host_stub_from_json(a, e, &v[k]);
        k++;
        if (rc == -1)
            snprintf(err, errlen, "host = { %s = ... }: a stand-in is a "
                     "boolean, a number or a string", e->string ? e->string : "");
        if (rc != 0)
            break;
    }
done:
    vep__json_delete(a, root);
    if (rc != 0) {
        vep__host_stubs_free(a, v, k);
        return rc;
    }
    *out = v;
    *n = k;
    return 0;
}

/* See host.h. */
void vep__host_stub_call(const vep_host_decl *h, const vep_host_stubs *stubs,
                         const vep_alloc *a, vep_host_outcome *out)
{
    size_t i;
    memset(out, 0, sizeof *out);
    out->status = VEP_OK;
    if (h->sig.ret == VEP_HT_VOID)
        return;                         /* nothing to answer */
    for (i = 0; i < stubs->n; i++)
        if (strcmp(stubs->v[i].name, h->name) == 0)
            break;
    out->status = VEP_ERR_HOST;
    out->rule = "host_missing";
    if (i == stubs->n) {
        snprintf(out->message, sizeof out->message, "the test case gives no "
                 "value for host function '%s' (host = { %s = ... })",
                 h->name, h->name);
        return;
    }
    out->result = stubs->v[i].value;
    if (out->result.type == VEP_HT_INT64 && h->sig.ret == VEP_HT_DOUBLE) {
        out->result.type = VEP_HT_DOUBLE;
        out->result.d = (double)out->result.i;
    }
    if (out->result.type != h->sig.ret) {
        out->rule = "host_result";
        snprintf(out->message, sizeof out->message, "the test case gives %s "
                 "for host function '%s', which returns %s",
                 vep__htype_phrase(out->result.type), h->name,
                 vep__htype_name(h->sig.ret));
        memset(&out->result, 0, sizeof out->result);   /* the stub's own */
        return;
    }
    if (out->result.type == VEP_HT_STRING
        && (out->result.s = vep__strdup(a, out->result.s)) == NULL) {
        out->status = VEP_ERR_NOMEM;
        out->rule = "out_of_memory";
        out->result.type = VEP_HT_VOID;
        return;
    }
    out->status = VEP_OK;
    out->rule = NULL;
}
