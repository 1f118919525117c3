/*
** test_plan_eval.c -- unit tests of plan_cond.c, plan_eval.c,
** plan_eval_time.c and plan_render.c: conditions and their explanations,
** the pre-release window, merging, conflicts, not-added interventions,
** release, reassessment, the need-to-know view, determinism and out of
** memory at every allocation.  The fixture is in plan_fixture.h.
*/
#include "plan_fixture.h"

/* ---- Conditions ------------------------------------------------------- */

static void test_conditions(void **state)
{
    fx *x = fx_new();
    vep_pcond *c, *k;
    (void)state;

    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_IS, "B02", c_high, 1, 0),
                "none", 1, "item B02 is 'high' (holds)");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_IS, "I01", c_high, 1, 0),
                "none", 0, "item I01 is 'high' (does not hold: it is 'low')");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_IS, "I06", c_high, 1, 0),
                "none", 0, "item I06 is 'high' (does not hold: it is unknown)");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_IS, "Z99", c_high, 1, 0),
                "none", 0, "item Z99 is 'high' (does not hold: it has no answer)");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_IS_NOT, "I01", c_high, 1, 0),
                "none", 1, "item I01 is not 'high' (holds: it is 'low')");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_IS_NOT, "I06", c_high, 1, 0),
                "none", 0, "item I06 is not 'high' (does not hold: it is unknown)");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_UNKNOWN, "I06", NULL, 0, 0),
                "none", 1, "item I06 is unknown (holds)");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_ANSWERED, "I06", NULL, 0, 0),
                "none", 0, "item I06 is answered (does not hold: it is unknown)");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_AT_LEAST, "B02", NULL, 0, 2),
                "none", 1, "item B02 = 2 is at least 2 (holds)");
    expect_cond(x, cond(x, VEP_PC_ITEM, VEP_PT_IS, "M01", c_ab, 2, 0),
                "none", 1, "item M01 has one of 'a', 'b' (holds: it has 'b', 'c')");
    x->f.risk = "low";
    expect_cond(x, cond(x, VEP_PC_RISK, VEP_PT_IS, NULL, c_modhigh, 2, 0),
                "none", 0,
                "risk is one of 'moderate', 'high' (does not hold: it is 'low')");
    x->f.risk = "high";
    expect_cond(x, cond(x, VEP_PC_RISK, VEP_PT_IS, NULL, c_high, 1, 0),
                "none", 1, "risk is 'high' (holds)");
    expect_cond(x, cond(x, VEP_PC_LEVEL, VEP_PT_IS, "overall", c_high, 1, 0),
                "none", 0,
                "level overall is 'high' (does not hold: it is 'moderate')");
    expect_cond(x, cond(x, VEP_PC_FLAG, VEP_PT_IS, "intent_stated", NULL, 0,
                        0), "none", 0, "flag intent_stated is raised (does not hold)");
    c = cond(x, VEP_PC_FLAG, VEP_PT_IS, "no_such_flag", NULL, 0, 0);
    c->raised = 0;
    expect_cond(x, c, "none", 1, "flag no_such_flag is not raised (holds)");
    expect_cond(x, cond(x, VEP_PC_SCORE, VEP_PT_AT_LEAST, "beliefs_high",
                        NULL, 0, 2), "none", 0,
                "score beliefs_high = 1 is at least 2 (does not hold)");
    expect_cond(x, cond(x, VEP_PC_SCORE, VEP_PT_AT_MOST, "empty", NULL, 0, 2),
                "none", 0,
                "score empty is at most 2 (does not hold: it has no value)");
    expect_cond(x, cond(x, VEP_PC_CONTEXT, VEP_PT_IS, "literacy", c_low, 1, 0),
                "none", 0,
                "context literacy is 'low' (does not hold: it is 'adequate')");
    expect_cond(x, cond(x, VEP_PC_CONTEXT, VEP_PT_IS, "custom_x", c_y, 1, 0),
                "none", 0,
                "context custom_x is 'y' (does not hold: it is not given)");
    expect_cond(x, cond(x, VEP_PC_CONTEXT, VEP_PT_AT_MOST, "age", NULL, 0, 20),
                "none", 0, "context age = 29 is at most 20 (does not hold)");
    expect_cond(x, cond(x, VEP_PC_COMPLETED, VEP_PT_IS, "EDUCATION", NULL, 0,
                        0), "none", 1,
                "programme EDUCATION is completed (holds: on 2025-06-30)");
    expect_cond(x, cond(x, VEP_PC_REFUSED, VEP_PT_IS, "PSY-IND", NULL, 0, 0),
                "none", 0, "programme PSY-IND is refused (does not hold)");
    expect_cond(x, cond(x, VEP_PC_WINDOW, VEP_PT_IS, NULL, c_open, 1, 0),
                "before", 0,
                "pre-release window is 'open' (does not hold: it is 'before')");
    expect_cond(x, cond(x, VEP_PC_WINDOW, VEP_PT_IS, NULL, c_open, 1, 0),
                "open", 1, "pre-release window is 'open' (holds)");
    /* combinations */
    k = cond(x, VEP_PC_ITEM, VEP_PT_IS, "B02", c_high, 1, 0);
    (void)cond(x, VEP_PC_FLAG, VEP_PT_IS, "protective_weak", NULL, 0, 0);
    c = cond(x, VEP_PC_ANY, VEP_PT_IS, NULL, NULL, 0, 0);
    c->kids = k;
    c->nkids = 2;
    expect_cond(x, c, "none", 1, "any of: [item B02 is 'high' (holds); "
                "flag protective_weak is raised (does not hold)] (holds)");
    c->kind = VEP_PC_ALL;
    expect_cond(x, c, "none", 0, "all of: [item B02 is 'high' (holds); "
                "flag protective_weak is raised (does not hold)] (does not hold)");
    c->kind = VEP_PC_NONE;
    expect_cond(x, c, "none", 0, "none of: [item B02 is 'high' (holds); "
                "flag protective_weak is raised (does not hold)] (does not hold)");
    c = cond(x, VEP_PC_ALL, VEP_PT_IS, NULL, NULL, 0, 0);
    expect_cond(x, c, "none", 1, "always (holds)");
    fx_free(x);
}

/* ---- The pre-release window ------------------------------------------- */

/* The window state on `as_of`. */
static const char *window_on(fx *x, const char *as_of)
{
    x->f.as_of = (char *)as_of;
    eval(x);
    return x->out.window;
}

static void test_window_boundaries(void **state)
{
    fx *x = fx_new();
    (void)state;
    /* 2027-08-31 minus 6 months is 2027-02-28 (month end) */
    assert_string_equal(window_on(x, "2027-02-27"), "before");
    assert_string_equal(x->out.window_opens, "2027-02-28");
    assert_string_equal(window_on(x, "2027-02-28"), "open");
    assert_string_equal(window_on(x, "2027-08-30"), "open");
    assert_string_equal(window_on(x, "2027-08-31"), "passed");
    assert_int_equal(x->out.nsteps, 0);
    assert_string_equal(x->out.window_note, "the expected release date "
                        "2027-08-31 is on or before the as-of date: the pre-release "
                        "programme no longer applies");
    x->f.release_date = NULL;
    assert_string_equal(window_on(x, "2026-06-20"), "unknown");
    assert_string_equal(x->out.window_note,
                        "no expected release date in the context");
    assert_int_equal(x->out.nsteps, 0);
    x->m.pre_release_months = -1;
    assert_string_equal(window_on(x, "2026-06-20"), "none");
    fx_free(x);
}

static void test_steps(void **state)
{
    fx *x = fx_new();
    (void)state;
    x->context[0].number = 19;                 /* the mentor step holds */
    x->f.as_of = "2027-06-05";
    eval(x);
    assert_string_equal(x->out.window, "open");
    assert_int_equal(x->out.nsteps, 2);
    assert_int_equal(x->out.steps[0].rule, R_STEP_ASSESS);
    assert_string_equal(x->out.steps[0].due, "2027-02-28");
    assert_string_equal(x->out.steps[0].status, "overdue");
    assert_int_equal(x->out.steps[1].rule, R_STEP_MENTOR);
    assert_string_equal(x->out.steps[1].due, "2027-06-30");
    assert_string_equal(x->out.steps[1].status, "due");
    x->f.as_of = "2026-06-20";
    eval(x);
    assert_string_equal(x->out.window, "before");
    assert_string_equal(x->out.steps[1].status, "upcoming");
    fx_free(x);
}

/* ---- Interventions ----------------------------------------------------- */

static void test_merge(void **state)
{
    fx *x = fx_new();
    const vep_iv_out *e;
    (void)state;
    eval(x);
    /* B02 high (R02, priority 1) and risk high (R03, priority 2, start 14) */
    e = iv_out(x, "PSY-IND");
    assert_non_null(e);
    assert_int_equal(e->priority, 1);
    assert_int_equal(e->nrules, 2);
    assert_int_equal(e->rules[0].rule, R_GRIEVANCE);
    assert_int_equal(e->rules[1].rule, R_RISK);
    assert_string_equal(e->rules[1].because,
                        "risk is one of 'moderate', 'high' (holds: it is 'high')");
    assert_string_equal(e->start, "2026-06-20");
    assert_string_equal(e->review, "2026-09-20");
    assert_string_equal(e->end, "2027-08-31");
    assert_int_equal(e->intensity, 2);
    assert_int_equal(e->agency, AG_TREATMENT);
    assert_int_equal(e->nnotes, 1);
    assert_null(e->refused_on);
    /* order: priority, then catalogue: PSY-IND (1), VOCATIONAL (3) */
    assert_int_equal(x->out.nivs, 2);
    assert_int_equal(x->out.ivs[0].intervention, IV_PSY);
    assert_int_equal(x->out.ivs[1].intervention, IV_VOC);
    assert_string_equal(x->out.ivs[1].start, "2026-07-20");
    assert_string_equal(x->out.ivs[1].review, "2027-01-20");
    /* a refused programme is added with its date */
    x->scores[0].number = 3;
    eval(x);
    e = iv_out(x, "DIALOGUE");
    assert_non_null(e);
    assert_string_equal(e->refused_on, "2025-02-14");
    assert_int_equal(x->out.ivs[0].intervention, IV_PSY);
    assert_int_equal(x->out.ivs[1].intervention, IV_DIALOGUE);
    assert_int_equal(x->out.nconflicts, 0);
    fx_free(x);
}

static void test_agency_conflict_and_notes(void **state)
{
    fx *x = fx_new();
    const vep_iv_out *e;
    const vep_conflict *c;
    (void)state;
    x->context[0].number = 19;                 /* R05: MENTOR, mentor_cso */
    x->flags[1].code = "true";                 /* R11: MENTOR, treatment */
    x->flags[1].number = 1;
    x->context[1].code = "low";                /* R10: the same note */
    eval(x);
    e = iv_out(x, "MENTOR");
    assert_non_null(e);
    assert_int_equal(e->agency, -1);
    assert_int_equal(e->priority, 1);
    assert_int_equal(e->nrules, 2);
    assert_int_equal(e->nnotes, 1);            /* same words once */
    assert_string_equal(e->start, "2026-06-20");
    assert_string_equal(e->end, "");           /* not a custody one */
    assert_int_equal(x->out.nconflicts, 1);
    c = &x->out.conflicts[0];
    assert_string_equal(c->element, "intervention MENTOR");
    assert_string_equal(c->field, "agency");
    assert_int_equal(c->n, 2);
    assert_string_equal(c->values[0], "mentor_cso");
    assert_int_equal(c->rules[0], R_YOUNG);
    assert_string_equal(c->values[1], "treatment");
    assert_int_equal(c->rules[1], R_WEAK);
    /* plan-wide notes: one, from both rules */
    assert_int_equal(x->out.nnotes, 1);
    assert_int_equal(x->out.notes[0].nrules, 2);
    assert_int_equal(x->out.notes[0].rules[0].rule, R_LITERACY);
    assert_int_equal(x->out.notes[0].rules[1].rule, R_WEAK);
    fx_free(x);
}

static void test_completed_not_added(void **state)
{
    fx *x = fx_new();
    (void)state;
    x->completed[1].id = "PSY-IND";
    x->completed[1].date = "2025-11-01";
    x->f.ncompleted = 2;
    eval(x);
    assert_null(iv_out(x, "PSY-IND"));
    assert_int_equal(x->out.nnot_added, 1);
    assert_int_equal(x->out.not_added[0].intervention, IV_PSY);
    assert_string_equal(x->out.not_added[0].reason, "completed on 2025-11-01");
    assert_int_equal(x->out.not_added[0].nrules, 2);
    /* the completed vocational programme: R06 does not hold at all */
    x->completed[1].id = "VOCATIONAL";
    eval(x);
    assert_null(iv_out(x, "VOCATIONAL"));
    assert_int_equal(x->out.nnot_added, 0);
    assert_false(x->out.holds[R_WORK]);
    fx_free(x);
}

/* ---- Placement --------------------------------------------------------- */

static void test_placement(void **state)
{
    fx *x = fx_new();
    (void)state;
    eval(x);                                   /* no rule: the default */
    assert_true(x->out.has_placement);
    assert_true(x->out.placement_default);
    assert_string_equal(x->out.regime, "standard");
    assert_null(x->out.rationale);
    assert_int_equal(x->out.nplacement_rules, 0);
    assert_string_equal(x->out.placement_review, "2026-12-20");
    x->flags[0].number = 1;                    /* R07: separation */
    x->flags[0].code = "true";
    eval(x);
    assert_false(x->out.placement_default);
    assert_string_equal(x->out.regime, "separation");
    assert_string_equal(vep__text_get(x->out.rationale, "en"), "stated intent");
    assert_string_equal(x->out.placement_review, "2026-09-20");
    x->answers[2].code = "high";               /* R08: dispersal too */
    eval(x);
    assert_null(x->out.regime);
    assert_int_equal(x->out.nplacement_rules, 2);
    assert_int_equal(x->out.nconflicts, 1);
    assert_string_equal(x->out.conflicts[0].element, "placement");
    assert_string_equal(x->out.conflicts[0].field, "regime");
    assert_string_equal(x->out.conflicts[0].values[0], "separation");
    assert_string_equal(x->out.conflicts[0].values[1], "dispersal");
    assert_int_equal(x->out.conflicts[0].rules[1], R_DISP);
    fx_free(x);
}

/* ---- Release, post-release -------------------------------------------- */

static void test_released(void **state)
{
    fx *x = fx_new();
    cJSON *doc, *pr, *na;
    (void)state;
    x->f.as_of = "2027-09-10";
    x->context[0].number = 19;                 /* MENTOR (any setting) */
    doc = render(x, NULL);
    assert_null(iv_out(x, "PSY-IND"));
    assert_null(iv_out(x, "VOCATIONAL"));
    assert_non_null(iv_out(x, "MENTOR"));
    assert_int_equal(x->out.nnot_added, 2);
    assert_string_equal(x->out.not_added[0].reason, "delivered in custody; "
                        "the expected release date 2027-08-31 has passed");
    assert_int_equal(x->out.nsteps, 0);
    assert_true(x->out.has_post);
    assert_int_equal(x->out.supervisor, AG_PROBATION);
    assert_string_equal(x->out.contact, "weekly");    /* R09 overrides */
    assert_int_equal(x->out.npost_agencies, 2);
    assert_int_equal(x->out.post_agencies[0], AG_PROBATION);
    assert_int_equal(x->out.post_agencies[1], AG_POLICE);
    assert_int_equal(x->out.nreviews, 4);
    assert_string_equal(x->out.reviews[0], "2027-11-30");
    assert_string_equal(x->out.reviews[1], "2028-02-29");
    assert_string_equal(x->out.reviews[3], "2028-08-31");
    pr = cJSON_GetObjectItem(doc, "pre_release");
    assert_string_equal(cJSON_GetObjectItem(pr, "state")->valuestring, "passed");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(pr, "steps")), 0);
    na = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "not_added"), 0);
    assert_string_equal(cJSON_GetObjectItem(na, "intervention")->valuestring,
                        "PSY-IND");
    assert_non_null(cJSON_GetObjectItem(doc, "post_release"));
    assert_true(cJSON_IsObject(cJSON_GetObjectItem(doc, "post_release")));
    cJSON_Delete(doc);
    /* two rules disagreeing on the contact: a conflict */
    x->m.rules[R_LITERACY].adds[0].kind = VEP_ADD_POST_RELEASE;
    x->m.rules[R_LITERACY].adds[0].contact = "fortnightly";
    x->context[1].code = "low";
    eval(x);
    assert_null(x->out.contact);
    assert_int_equal(x->out.nconflicts, 1);
    assert_string_equal(x->out.conflicts[0].field, "contact");
    x->m.has_post_release = 0;
    eval(x);
    assert_false(x->out.has_post);
    fx_free(x);
}

/* ---- Reassessment ------------------------------------------------------ */

static void test_reassessment(void **state)
{
    fx *x = fx_new();
    (void)state;
    eval(x);
    assert_int_equal(x->out.reassess_months, 3);
    assert_string_equal(x->out.reassess_due, "2026-09-15");
    assert_int_equal(x->out.ncandidates, 2);
    assert_string_equal(x->out.candidates[0].because, "periodic: final level "
                        "'high', every 3 months from 2026-06-15");
    assert_string_equal(x->out.candidates[1].kind, "pre_release_window");
    assert_string_equal(x->out.candidates[1].date, "2027-02-28");
    assert_string_equal(x->out.candidates[1].because, "pre-release window "
                        "opens on 2027-02-28: reassess when it opens");
    /* an incident brings it forward; one before the assessment does not
       count, nor does an event type that is not a trigger */
    x->events[0].id = "incident";
    x->events[0].date = "2026-06-18";
    x->events[1].id = "incident";
    x->events[1].date = "2026-06-10";
    x->events[2].id = "court_decision";
    x->events[2].date = "2026-06-19";
    x->f.nevents = 3;
    eval(x);
    assert_int_equal(x->out.ncandidates, 3);
    assert_string_equal(x->out.reassess_due, "2026-07-02");
    assert_string_equal(x->out.candidates[0].kind, "incident");
    assert_string_equal(x->out.candidates[0].because,
                        "incident on 2026-06-18: reassess within 14 days");
    assert_string_equal(x->out.candidates[1].kind, "periodic");
    /* no interval for the level: no periodic candidate, a note */
    x->f.risk = "unusual";
    x->f.nevents = 0;
    eval(x);
    assert_int_equal(x->out.reassess_months, -1);
    assert_non_null(x->out.reassess_note);
    assert_int_equal(x->out.ncandidates, 1);
    assert_string_equal(x->out.reassess_due, "2027-02-28");
    fx_free(x);
}

/* ---- The document ------------------------------------------------------ */

static void test_document(void **state)
{
    static const char *const keys[] = {
        "libvep", "plan", "instrument", "subject", "assessment_date", "as_of",
        "language", "view", "notice", "risk", "interventions", "not_added",
        "placement", "reassessment", "pre_release", "post_release",
        "responsivity", "conflicts", NULL };
    fx *x = fx_new();
    cJSON *doc, *it, *e, *r;
    char *first;
    size_t i = 0;
    (void)state;
    x->context[0].number = 19;
    x->flags[1].code = "true";
    x->flags[1].number = 1;
    x->events[0].id = "incident";
    x->events[0].date = "2026-06-18";
    x->f.nevents = 1;
    doc = render(x, NULL);
    if (getenv("VEP_DUMP")) puts(vep__buf_str(&x->b));
    for (it = doc->child; it; it = it->next, i++) {
        assert_non_null(keys[i]);
        assert_string_equal(it->string, keys[i]);
    }
    assert_null(keys[i]);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(doc, "view")));
    e = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "interventions"), 0);
    assert_string_equal(cJSON_GetObjectItem(e, "id")->valuestring, "PSY-IND");
    assert_string_equal(cJSON_GetObjectItem(e, "intensity")->valuestring,
                        "weekly session");
    assert_string_equal(cJSON_GetObjectItem(e, "agency")->valuestring,
                        "treatment");
    r = cJSON_GetArrayItem(cJSON_GetObjectItem(e, "rules"), 0);
    assert_string_equal(cJSON_GetObjectItem(r, "rule")->valuestring,
                        "R02-grievance");
    assert_string_equal(cJSON_GetObjectItem(r, "because")->valuestring,
                        "item B02 is 'high' (holds)");
    assert_string_equal(cJSON_GetObjectItem(r, "file")->valuestring,
                        "vep-plan-t.lua");
    assert_int_equal(cJSON_GetObjectItem(r, "line")->valueint, 11);
    e = cJSON_GetObjectItem(doc, "placement");
    assert_string_equal(cJSON_GetObjectItem(e, "because")->valuestring,
                        "no placement rule holds: the default regime");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(e, "change")));
    cJSON_Delete(doc);
    /* determinism: the same bytes twice */
    first = malloc(x->b.len + 1);
    assert_non_null(first);
    memcpy(first, vep__buf_str(&x->b), x->b.len + 1);
    doc = render(x, NULL);
    assert_string_equal(vep__buf_str(&x->b), first);
    free(first);
    cJSON_Delete(doc);
    /* an agency the plan does not declare */
    assert_int_equal(vep__plan_render(&x->m, &x->f, &x->out, "nobody", NULL,
                                      &x->b), VEP_ERR_ARGUMENT);
    fx_free(x);
}

static void test_view(void **state)
{
    static const char *const keys[] = {
        "libvep", "plan", "instrument", "subject", "as_of", "language",
        "view", "notice", "interventions", "not_added", "responsivity", NULL };
    fx *x = fx_new();
    cJSON *doc, *it, *ivs, *steps;
    size_t i = 0;
    (void)state;
    x->answers[1].code = "present";            /* MENTAL-HEALTH, health */
    x->context[1].code = "low";
    doc = render(x, "health");
    for (it = doc->child; it; it = it->next, i++) {
        assert_non_null(keys[i]);
        assert_string_equal(it->string, keys[i]);
    }
    assert_null(keys[i]);
    assert_string_equal(cJSON_GetObjectItem(doc, "view")->valuestring, "health");
    ivs = cJSON_GetObjectItem(doc, "interventions");
    assert_int_equal(cJSON_GetArraySize(ivs), 1);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ivs, 0),
                                            "id")->valuestring,
                        "MENTAL-HEALTH");
    assert_null(strstr(vep__buf_str(&x->b), "\"because\""));
    assert_null(strstr(vep__buf_str(&x->b), "PSY-IND"));
    assert_null(strstr(vep__buf_str(&x->b), "\"high\""));
    cJSON_Delete(doc);
    /* the mentoring organisation: its own intervention and step only */
    x->context[0].number = 19;
    doc = render(x, "mentor_cso");
    ivs = cJSON_GetObjectItem(doc, "interventions");
    assert_int_equal(cJSON_GetArraySize(ivs), 1);
    steps = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "pre_release"),
                                "steps");
    assert_int_equal(cJSON_GetArraySize(steps), 1);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(steps, 0),
                                            "step")->valuestring, "mentor");
    assert_null(cJSON_GetObjectItem(doc, "risk"));
    assert_null(cJSON_GetObjectItem(doc, "conflicts"));
    assert_null(strstr(vep__buf_str(&x->b), "\"because\""));
    cJSON_Delete(doc);
    /* in an agency conflict each competing agency still sees it */
    x->flags[1].code = "true";
    x->flags[1].number = 1;
    doc = render(x, "mentor_cso");
    ivs = cJSON_GetObjectItem(doc, "interventions");
    assert_int_equal(cJSON_GetArraySize(ivs), 1);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(ivs, 0),
                                                 "agency")));
    cJSON_Delete(doc);
    doc = render(x, "health");
    assert_null(strstr(vep__buf_str(&x->b), "MENTOR"));
    cJSON_Delete(doc);
    /* the police: post-release only */
    doc = render(x, "police");
    assert_null(cJSON_GetObjectItem(doc, "interventions"));
    assert_non_null(cJSON_GetObjectItem(doc, "post_release"));
    assert_null(cJSON_GetObjectItem(doc, "reassessment"));
    cJSON_Delete(doc);
    fx_free(x);
}

/* ---- Out of memory ----------------------------------------------------- */

static void test_out_of_memory(void **state)
{
    fx *x = fx_new();
    vep_status st = VEP_ERR_NOMEM;
    long n;
    (void)state;
    /* everything that allocates: conflicts, notes, steps, candidates */
    x->f.as_of = "2027-06-05";
    x->context[0].number = 19;
    x->flags[1].code = "true";
    x->flags[1].number = 1;
    x->flags[0].number = 1;
    x->answers[2].code = "high";
    x->context[1].code = "low";
    x->refused[0].id = "PSY-IND";
    x->events[0].id = "incident";
    x->events[0].date = "2026-07-01";
    x->f.nevents = 1;
    x->completed[1].id = "DIALOGUE";
    x->f.ncompleted = 2;
    x->scores[0].number = 3;
    for (n = 1; n < 10000; n++) {
        x->cnt.fail_in = n;
        st = vep__plan_eval(&x->m, &x->f, &x->a, &x->out);
        if (st == VEP_OK) {
            vep__buf_reset(&x->b);
            st = vep__plan_render(&x->m, &x->f, &x->out, NULL, NULL, &x->b);
        }
        vep__plan_out_free(&x->a, &x->out);
        if (x->cnt.fail_in > 0)
            break;                             /* nothing failed */
        assert_int_equal(st, VEP_ERR_NOMEM);
        vep__buf_free(&x->b);
        vep__buf_init(&x->b, &x->a);
        assert_int_equal(x->cnt.live, 0);
    }
    x->cnt.fail_in = -1;
    assert_int_equal(st, VEP_OK);
    assert_true(n > 50);
    fx_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_conditions),
        cmocka_unit_test(test_window_boundaries),
        cmocka_unit_test(test_steps),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_agency_conflict_and_notes),
        cmocka_unit_test(test_completed_not_added),
        cmocka_unit_test(test_placement),
        cmocka_unit_test(test_released),
        cmocka_unit_test(test_reassessment),
        cmocka_unit_test(test_document),
        cmocka_unit_test(test_view),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
