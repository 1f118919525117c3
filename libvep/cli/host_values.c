/*
** host_values.c -- vep --host-values FILE: fixed answers for host
** functions, so that a methodologist can score and plan with scripts that
** use host functions without a program that embeds libvep.  The file is
**
**   { "open_referrals":      { "signature": "int64 (string subject)",
**                              "returns": 1 },
**     "completed_elsewhere": { "signature": "bool (string subject, string programme)",
**                              "returns": true } }
**
** and each function answers its "returns" whatever the arguments (a void
** function has none).  The functions are registered through the callback
** form of the public API, as a binding would register its own.  The
** conformance vectors use the same files (tests/vectors/README.md).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "cli.h"

/* The answer of one function: its "returns" member (user data). */
static int answer(void *ud, vep_host_call *call)
{
    const cJSON *v = (const cJSON *)ud;
    vep_status st = VEP_OK;
    if (v == NULL)
        return 0;                           /* a void function */
    if (cJSON_IsBool(v))
        st = vep_host_call_return_bool(call, cJSON_IsTrue(v));
    else if (cJSON_IsString(v))
        st = vep_host_call_return_string(call, v->valuestring);
    else if (cJSON_IsNull(v))
        st = vep_host_call_return_string(call, NULL);
    else if (cJSON_IsNumber(v)) {
        st = VEP_ERR_ARGUMENT;
        if (v->valuedouble >= -9.2e18 && v->valuedouble <= 9.2e18
            && v->valuedouble == (double)(int64_t)v->valuedouble)
            st = vep_host_call_return_int64(call, (int64_t)v->valuedouble);
        if (st == VEP_ERR_ARGUMENT)
            st = vep_host_call_return_double(call, v->valuedouble);
    }
    if (st == VEP_ERR_ARGUMENT)
        vep_host_call_fail(call, "the answer given with --host-values is not "
                                 "of the function's return type");
    return st == VEP_OK ? 0 : 1;
}

/* See cli.h. */
int cli_host_values_load(const cli_options *opts, const char *path,
                         cJSON **out)
{
    char *text = NULL;
    size_t len = 0;
    const cJSON *f;
    cJSON *root;
    int rc = cli_read_assessment(opts, path, &text, &len);

    *out = NULL;
    if (rc != 0)
        return rc;
    root = cJSON_ParseWithLength(text, len);
    free(text);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return cli_usage_error("--host-values: %s is not a JSON object of "
                               "host functions", path);
    }
    cJSON_ArrayForEach(f, root) {
        const cJSON *sig = cJSON_GetObjectItemCaseSensitive(f, "signature");
        const cJSON *ret = cJSON_GetObjectItemCaseSensitive(f, "returns");
        if (!cJSON_IsString(sig) || (ret != NULL && (cJSON_IsObject(ret)
                                                    || cJSON_IsArray(ret)))) {
            rc = cli_usage_error("--host-values: %s: '%s' needs \"signature\" "
                                 "(a string) and \"returns\" (a boolean, a "
                                 "number, a string or null)", path,
                                 f->string ? f->string : "");
            cJSON_Delete(root);
            return rc;
        }
    }
    *out = root;
    return 0;
}

/* See cli.h. */
int cli_host_values_register(const cli_options *opts, vep_engine *engine)
{
    const cJSON *f;
    if (opts->host_values == NULL)
        return 0;
    cJSON_ArrayForEach(f, opts->host_values) {
        const cJSON *sig = cJSON_GetObjectItemCaseSensitive(f, "signature");
        vep_status st = vep_host_register_callback(
            engine, f->string, sig->valuestring, answer,
            cJSON_GetObjectItemCaseSensitive(f, "returns"));
        if (st != VEP_OK)
            return cli_usage_error("--host-values: %s", vep_engine_errmsg(engine));
    }
    return 0;
}
