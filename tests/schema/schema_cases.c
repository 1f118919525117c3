/*
** schema_cases.c -- what check-schemas.py needs to know about a script,
** straight from the engine:
**
**   schema_cases SCRIPT
**
** prints one JSON document to standard output:
**
**   {"kind": "instrument" | "plan" | "neither",
**    "message": why it is neither (only then),
**    "id", "version", "max_unknown": N or null,
**    "judgement": {"required", "levels": [...] or null, "rationale"},
**    "items": [{"id", "type", "codes", "min", "max", "integer",
**               "max_length", "required", "unknown", "not_applicable",
**               "conditional", "referenced"}],
**    "cases": [{"name", "line", "assessment": the document as text,
**               "status": vep_status_name() of vep_validate() on it,
**               "rules": the rules of its diagnostics}]}
**
** The items come from the model (not from the schema), so that the test
** builds its invalid documents independently of schema.c; "referenced"
** says that another item's condition reads the item.  The test cases'
** documents are the ones the loader built (vep_testcase.assessment_json).
** Exit status 0 when the document was written, 70 otherwise.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cJSON.h>
#include "engine.h"

/* Whether condition `c` reads item `idx` (directly or through a
** function's "uses"). */
static int cond_reads(const vep_cond *c, int idx)
{
    size_t i;
    if (c == NULL)
        return 0;
    if (c->ref.kind == VEP_REF_ITEM && c->ref.index == idx)
        return 1;
    for (i = 0; i < c->fn.nuses; i++)
        if (c->fn.uses[i].kind == VEP_REF_ITEM && c->fn.uses[i].index == idx)
            return 1;
    for (i = 0; i < c->nkids; i++)
        if (cond_reads(&c->kids[i], idx))
            return 1;
    return 0;
}

/* A bound as a number, or null when the item has none (or an infinite
** one, which JSON cannot hold). */
static cJSON *bound(int has, double v)
{
    return has && isfinite(v) ? cJSON_CreateNumber(v) : cJSON_CreateNull();
}

/* The items of the model, as the header comment says. */
static cJSON *items_of(const vep_model *m)
{
    cJSON *arr = cJSON_CreateArray(), *o, *codes;
    size_t i, k, n;

    for (i = 0; i < m->nitems; i++) {
        const vep_item *it = &m->items[i];
        const vep_option *opt = vep__item_options(m, it, &n);
        int referenced = 0;
        for (k = 0; k < m->nitems; k++)
            referenced |= k != i && cond_reads(m->items[k].when, (int)i);
        o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", it->id);
        cJSON_AddStringToObject(o, "type",
                                vep__name_of(vep__item_type_names,
                                             (int)it->type));
        if (opt != NULL) {
            codes = cJSON_AddArrayToObject(o, "codes");
            for (k = 0; k < n; k++)
                cJSON_AddItemToArray(codes, cJSON_CreateString(opt[k].code));
        } else {
            cJSON_AddNullToObject(o, "codes");
        }
        cJSON_AddItemToObject(o, "min", bound(it->has_min, it->min));
        cJSON_AddItemToObject(o, "max", bound(it->has_max, it->max));
        cJSON_AddBoolToObject(o, "integer", it->integer);
        cJSON_AddNumberToObject(o, "max_length", (double)it->max_length);
        cJSON_AddBoolToObject(o, "required", it->required);
        cJSON_AddBoolToObject(o, "unknown", it->allow_unknown);
        cJSON_AddBoolToObject(o, "not_applicable", it->allow_na);
        cJSON_AddBoolToObject(o, "conditional", it->when != NULL);
        cJSON_AddBoolToObject(o, "referenced", referenced);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* The judgement's levels as assessment.c allows them (its own list, else
** the advisory level's band codes), or null for any. */
static cJSON *judgement_of(const vep_model *m)
{
    const vep_judgement_def *j = &m->judgement;
    cJSON *o = cJSON_CreateObject(), *levels;
    size_t i;

    cJSON_AddBoolToObject(o, "required", j->required);
    cJSON_AddStringToObject(o, "rationale",
                            vep__name_of(vep__rationale_names,
                                         (int)j->rationale));
    if (j->nlevels > 0) {
        levels = cJSON_AddArrayToObject(o, "levels");
        for (i = 0; i < j->nlevels; i++)
            cJSON_AddItemToArray(levels, cJSON_CreateString(j->levels[i]));
    } else if (j->advisory.index >= 0
               && m->levels[j->advisory.index].nbands > 0) {
        const vep_level_def *l = &m->levels[j->advisory.index];
        levels = cJSON_AddArrayToObject(o, "levels");
        for (i = 0; i < l->nbands; i++)
            cJSON_AddItemToArray(levels, cJSON_CreateString(l->bands[i].level));
    } else {
        cJSON_AddNullToObject(o, "levels");
    }
    return o;
}

/* The test cases with the engine's verdict on each document. */
static cJSON *cases_of(vep_engine *e, vep_instrument *ins)
{
    const vep_model *m = &ins->model;
    cJSON *arr = cJSON_CreateArray(), *o, *rules;
    size_t i, k;
    vep_status st;

    for (i = 0; i < m->ntests; i++) {
        const vep_testcase *tc = &m->tests[i];
        o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", tc->name ? tc->name : "");
        cJSON_AddNumberToObject(o, "line", tc->origin.line);
        cJSON_AddStringToObject(o, "assessment",
                                tc->assessment_json ? tc->assessment_json : "");
        st = vep_validate(ins, tc->assessment_json ? tc->assessment_json : "",
                          tc->assessment_json ? strlen(tc->assessment_json) : 0);
        cJSON_AddStringToObject(o, "status", vep_status_name(st));
        rules = cJSON_AddArrayToObject(o, "rules");
        for (k = 0; k < vep_diag_count(e); k++)
            cJSON_AddItemToArray(rules, cJSON_CreateString(
                                     vep_diag_get(e, k, VEP_DIAG_RULE)));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* Loads the script as an instrument, else as a plan, and prints what the
** header comment says. */
int main(int argc, char **argv)
{
    vep_engine *e = NULL;
    vep_instrument *ins = NULL;
    vep_plan *plan = NULL;
    cJSON *doc = NULL;
    char *text = NULL;
    int rc = 70;

    if (argc != 2) {
        fputs("usage: schema_cases SCRIPT\n", stderr);
        return 64;
    }
    if (vep_engine_new(&e, NULL) != VEP_OK)
        goto cleanup;
    doc = cJSON_CreateObject();
    if (vep_instrument_load_file(&ins, e, argv[1]) == VEP_OK) {
        const vep_model *m = &ins->model;
        cJSON_AddStringToObject(doc, "kind", "instrument");
        cJSON_AddStringToObject(doc, "id", m->id);
        cJSON_AddStringToObject(doc, "version", m->version);
        if (m->max_unknown >= 0)
            cJSON_AddNumberToObject(doc, "max_unknown", m->max_unknown);
        else
            cJSON_AddNullToObject(doc, "max_unknown");
        cJSON_AddItemToObject(doc, "judgement", judgement_of(m));
        cJSON_AddItemToObject(doc, "items", items_of(m));
        cJSON_AddItemToObject(doc, "cases", cases_of(e, ins));
    } else {
        char *message = strdup(vep_engine_errmsg(e));
        if (vep_plan_load_file(&plan, e, argv[1]) == VEP_OK) {
            cJSON_AddStringToObject(doc, "kind", "plan");
        } else {
            cJSON_AddStringToObject(doc, "kind", "neither");
            cJSON_AddStringToObject(doc, "message", message ? message : "");
        }
        free(message);
    }
    text = cJSON_Print(doc);
    if (text == NULL)
        goto cleanup;
    puts(text);
    rc = fflush(stdout) == 0 ? 0 : 70;
cleanup:
    cJSON_free(text);
    cJSON_Delete(doc);
    vep_plan_free(plan);
    vep_instrument_free(ins);
    vep_engine_free(e);
    return rc;
}
