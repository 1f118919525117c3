/*
** host_decl.c -- the host functions a script declares it needs:
**
**   host_function "completed_elsewhere" {
**     signature = "bool (string subject, string programme)",
**     purpose   = { en = "Whether the person completed the programme in "
**                        .. "another institution." },
**   }
**
** Instruments and plans declare them the same way.  A script may only
** call what it declares, so a script's dependencies on the host are part
** of the script, listed by `vep info` and its guide, and checked against
** the functions the host registered: at load when the host registered the
** name already, and again at every call.
*/
#include <stdio.h>
#include <string.h>
#include "decl.h"
#include "diag.h"
#include "host.h"

/* See host.h. */
void vep__host_decl_read(vep_declrd *r, int t, vep_host_decl *h)
{
    static const char *const fields[] = { "signature", "purpose", NULL };
    char err[256];

    if (h->name != NULL && !vep__host_name_valid(h->name))
        vep__decl_problem(r, "invalid_id", "host function name '%s' is not "
                          "valid: [a-z][a-z0-9_]*, at most %d characters, not "
                          "a Lua keyword", h->name, VEP_HOST_NAME_MAX);
    vep__decl_check_fields(r, t, fields, 0);
    vep__decl_string(r, t, "signature", &h->signature);
    vep__decl_text(r, t, "purpose", &h->purpose);
    if (h->signature == NULL) {
        if (!r->d->nomem)
            vep__decl_problem(r, "missing_field", "a host function needs its "
                              "signature, e.g. signature = \"bool (string "
                              "subject)\"");
        return;
    }
    if (vep__host_sig_parse(h->signature, 1, &h->sig, err, sizeof err) != 0)
        vep__decl_problem(r, "host_signature", "signature \"%s\": %s",
                          h->signature, err);
}

/* Frees an array of declarations and what each owns. */
void vep__host_decls_free(const vep_alloc *a, vep_host_decl *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        vep__free(a, v[i].name);
        vep__free(a, v[i].signature);
        vep__text_free(a, &v[i].purpose);
    }
    vep__free(a, v);
}

/* See host.h. */
const vep_host_decl *vep__host_decl_find(const vep_host_decl *v, size_t n,
                                         const char *name)
{
    size_t i;
    for (i = 0; name != NULL && i < n; i++)
        if (v[i].name != NULL && strcmp(v[i].name, name) == 0)
            return &v[i];
    return NULL;
}

/* See host.h. */
size_t vep__host_decls_check(const vep_host_decl *v, size_t n,
                             const vep_host_registry *r, vep_diags *d)
{
    size_t i, bad = 0;
    for (i = 0; i < n; i++) {
        const vep_host_def *def = vep__host_find(r, v[i].name);
        vep_buf b;
        if (def == NULL || vep__host_sig_compatible(&v[i].sig,
                                                    vep__host_def_sig(def)))
            continue;
        vep__buf_init(&b, d->alloc);
        vep__host_sig_write(vep__host_def_sig(def), 1, &b);
        vep__diag_add(d, v[i].origin.file, v[i].origin.line, NULL, v[i].name,
                      "host_signature", "host function '%s': the script "
                      "declares \"%s\" but this program registered \"%s\"",
                      v[i].name, v[i].signature,
                      b.failed ? "?" : vep__buf_str(&b));
        vep__buf_free(&b);
        bad++;
    }
    return bad;
}

/* See host.h. */
void vep__host_decl_call(const vep_host_decl *h, const char *owner,
                         const vep_host_registry *reg,
                         const struct vep_host_stubs *stubs, const vep_alloc *a,
                         const vep_hval *args, vep_host_outcome *out)
{
    const vep_host_def *def;
    if (stubs != NULL) {
        vep__host_stub_call(h, stubs, a, out);
        return;
    }
    memset(out, 0, sizeof *out);
    out->status = VEP_ERR_HOST;
    def = vep__host_find(reg, h->name);
    if (def == NULL) {
        out->rule = "host_missing";
        snprintf(out->message, sizeof out->message, "host function '%s' is "
                 "declared by the %s but this program does not provide it",
                 h->name, owner);
    } else if (!vep__host_sig_compatible(&h->sig, vep__host_def_sig(def))) {
        out->rule = "host_signature";
        snprintf(out->message, sizeof out->message, "host function '%s': the "
                 "%s declares \"%s\", which the function this program "
                 "provides does not match", h->name, owner, h->signature);
    } else {
        vep__host_invoke(def, a, args, h->sig.nargs, out);
    }
}
