/*
** doc_plan.c -- the guide of a treatment-plan script, from
** vep_plan_describe's JSON (doc.h).
**
** For the multi-agency team and its trainers: the agencies and what each
** may see, the catalogue of interventions, every rule in words ("when
** ..., it adds ..."), how additions merge and when rules conflict, the
** placement, the reassessment intervals and triggers, the pre-release
** steps and the post-release support, and the test cases.
*/
#include <stdio.h>
#include <string.h>
#include "doc.h"

/* The description's lists, looked up once. */
typedef struct pg {
    doc *d;
    const cJSON *desc, *agencies, *interventions, *rules;
} pg;

/* What each part of a plan shows an agency that may see it. */
static const char *const part_words[][2] = {
    { "risk", "the final and advisory levels" },
    { "interventions", "every intervention" },
    { "interventions.own", "only the interventions it is responsible for" },
    { "placement", "the placement recommendation" },
    { "reassessment", "when the next reassessment is due, and why" },
    { "pre_release", "every pre-release step" },
    { "pre_release.own", "only its own pre-release steps" },
    { "post_release", "post-release support" },
    { "responsivity", "the plan-wide responsivity notes" },
    { "reasons", "each rule's title and explanation (they may quote "
                 "assessment answers); without it only rule ids" },
    { "conflicts", "the conflicts between rules about the parts it sees" },
};

/* The reassessment triggers in words. */
static const char *const trigger_words[][2] = {
    { "incident", "an incident" },
    { "transfer", "a transfer" },
    { "court_decision", "a court decision" },
    { "parole_decision", "a parole decision" },
    { "programme_completion", "the completion of a programme" },
    { "pre_release_window", "the opening of the pre-release window" },
};

/* The words for `key` in a two-column table, or NULL. */
static const char *words_for(const char *const (*tab)[2], size_t n,
                             const char *key)
{
    size_t i;
    for (i = 0; key != NULL && i < n; i++)
        if (strcmp(tab[i][0], key) == 0)
            return tab[i][1];
    return NULL;
}

/* "`id` (Title)" for an agency or an intervention of the plan. */
static void ref(doc *d, const cJSON *list, const char *id)
{
    const char *title = doc_str(doc_find(list, id), "title");
    doc_code(d, id ? id : "?");
    if (title != NULL) {
        doc_text(d, " (");
        doc_text(d, title);
        doc_text(d, ")");
    }
}

/* A heading "ID: TITLE" with the anchor PREFIX-ID. */
static void id_heading(doc *d, int level, const char *prefix, const cJSON *e,
                       unsigned flags)
{
    const char *id = doc_str(e, "id");
    doc_heading_join(d, level, prefix, id, id, doc_str(e, "title"), flags);
}

/* ", every N months" style pieces ("every month" for 1). */
static void months_piece(doc *d, const cJSON *o, const char *key,
                         const char *before)
{
    double v;
    if (!doc_num(o, key, &v))
        return;
    doc_text(d, before);
    if (v == 1) {
        doc_text(d, "month");
        return;
    }
    doc_number(d, v);
    doc_text(d, " months");
}

/* ---- Agencies and interventions ---------------------------------------- */

/* The agencies with what each may see, and what each part of a plan is. */
static void agencies(pg *g)
{
    static const char *const cols[] = { "Agency", "Kind", "Name", "May see" };
    static const char *const legend[] = { "Part", "What the agency sees" };
    doc *d = g->d;
    const cJSON *a;
    size_t i;

    doc_heading_add(d, 2, "agencies", "Agencies and need to know", 0);
    doc_open(d, DOC_PARA);
    doc_text(d, "Each agency sees only the parts of a plan listed for it: ");
    doc_code(d, "vep plan --agency NAME");
    doc_text(d, " gives that view, with nothing else in it.");
    doc_close(d);
    doc_table(d, cols, 4);
    cJSON_ArrayForEach(a, g->agencies) {
        doc_open(d, DOC_ROW);
        doc_cell_text(d, doc_str(a, "id"), 1);
        doc_cell_text(d, doc_str(a, "kind"), 0);
        doc_cell_text(d, doc_str(a, "title"), 0);
        doc_open(d, DOC_CELL);
        doc_id_list(d, doc_get(a, "sees"), NULL, "and");
        doc_close(d);
        doc_close(d);
    }
    doc_close(d);
    doc_heading_add(d, 3, "parts", "The parts of a plan", 0);
    doc_table(d, legend, 2);
    for (i = 0; i < sizeof part_words / sizeof part_words[0]; i++) {
        doc_open(d, DOC_ROW);
        doc_cell_text(d, part_words[i][0], 1);
        doc_cell_text(d, part_words[i][1], 0);
        doc_close(d);
    }
    doc_close(d);
}

/* The rules that add intervention `id`. */
static void added_by(pg *g, const char *id)
{
    doc *d = g->d;
    const cJSON *r, *x;
    int n = 0;

    cJSON_ArrayForEach(r, g->rules)
        cJSON_ArrayForEach(x, doc_get(r, "adds"))
            if (doc_str(x, "intervention") && strcmp(doc_str(x, "intervention"), id) == 0) {
                if (n++ == 0)
                    doc_field(d, "Added by the rules");
                else
                    doc_text(d, ", ");
                doc_code(d, doc_str(r, "id"));
                break;
            }
    if (n > 0) {
        doc_text(d, ".");
        doc_close(d);
    } else {
        doc_field_text(d, "Added by the rules", "none: no rule adds it.");
    }
}

/* The catalogue: each intervention with its agency, goal, intensity by
** final level, review interval, setting and the rules that add it. */
static void interventions(pg *g)
{
    doc *d = g->d;
    const cJSON *iv, *k;
    double months;

    doc_heading_add(d, 2, "interventions", "Interventions", DOC_PAGE_BREAK);
    doc_para(d, "The catalogue: what the rules may add, each with its "
                "responsible agency, a measurable goal, and the intensity "
                "for each final level.");
    cJSON_ArrayForEach(iv, g->interventions) {
        const char *setting = doc_str(iv, "setting"), *cat = doc_str(iv, "category");
        int first = 1;
        id_heading(d, 3, "intervention", iv, 0);
        doc_open(d, DOC_LIST);
        if (cat != NULL) {
            char words[64];
            size_t i;
            snprintf(words, sizeof words, "%s", cat);
            for (i = 0; words[i]; i++)
                if (words[i] == '_')
                    words[i] = ' ';
            doc_field_text(d, "Category", words);
        }
        doc_field(d, "Responsible agency");
        ref(d, g->agencies, doc_str(iv, "agency"));
        doc_text(d, ".");
        doc_close(d);
        doc_field_text(d, "Goal", doc_str(iv, "goal"));
        cJSON_ArrayForEach(k, doc_get(iv, "intensity")) {
            if (first)
                doc_field(d, "Intensity by final level");
            else
                doc_text(d, "; ");
            first = 0;
            doc_code(d, doc_str(k, "level"));
            doc_text(d, ": ");
            doc_text(d, doc_str(k, "text"));
        }
        if (!first) {
            doc_text(d, ".");
            doc_close(d);
        }
        if (doc_num(iv, "review_months", &months)) {
            doc_field(d, "Review");
            months_piece(d, iv, "review_months", "every ");
            doc_text(d, ".");
            doc_close(d);
        }
        doc_field_text(d, "Setting",
                       setting == NULL ? NULL
                       : strcmp(setting, "community") == 0
                           ? "in the community, after release."
                       : strcmp(setting, "any") == 0
                           ? "in custody and after release."
                           : "in custody: not added on and after the expected release date.");
        added_by(g, doc_str(iv, "id") ? doc_str(iv, "id") : "");
        doc_close(d);
    }
}

/* ---- Rules ------------------------------------------------------------- */


/* One addition of a rule in words. */
static void addition_words(pg *g, const cJSON *x)
{
    doc *d = g->d;
    const char *kind = doc_str(x, "kind");
    const cJSON *iv;
    double v;

    if (kind == NULL)
        return;
    if (strcmp(kind, "intervention") == 0) {
        iv = doc_find(g->interventions, doc_str(x, "intervention"));
        doc_text(d, "the intervention ");
        ref(d, g->interventions, doc_str(x, "intervention"));
        if (doc_num(x, "priority", &v)) {
            doc_text(d, ", priority ");
            doc_number(d, v);
        }
        if (doc_num(x, "start_days", &v) && v > 0) {
            doc_text(d, ", starting ");
            doc_number(d, v);
            doc_text(d, v == 1 ? " day after the as-of date"
                               : " days after the as-of date");
        }
        months_piece(d, x, "review_months", ", reviewed every ");
        if (doc_str(x, "agency") != NULL) {
            doc_text(d, ", delivered by ");
            ref(d, g->agencies, doc_str(x, "agency"));
            if (doc_str(iv, "agency") != NULL) {
                doc_text(d, " instead of ");
                doc_code(d, doc_str(iv, "agency"));
            }
        }
        doc_text(d, ".");
        if (doc_str(x, "responsivity") != NULL) {
            doc_text(d, " Responsivity: ");
            doc_text(d, doc_str(x, "responsivity"));
        }
    } else if (strcmp(kind, "placement") == 0) {
        doc_text(d, "the placement ");
        doc_code(d, doc_str(x, "regime"));
        months_piece(d, x, "review_months", ", reviewed every ");
        doc_text(d, ".");
        if (doc_str(x, "rationale") != NULL) {
            doc_text(d, " Rationale: ");
            doc_text(d, doc_str(x, "rationale"));
        }
    } else if (strcmp(kind, "post_release") == 0) {
        int n = 0;
        doc_text(d, "post-release support");
        if (doc_str(x, "supervisor") != NULL) {
            doc_text(d, n++ ? "; " : ": ");
            doc_text(d, "supervision by ");
            ref(d, g->agencies, doc_str(x, "supervisor"));
        }
        if (doc_str(x, "contact") != NULL) {
            doc_text(d, n++ ? "; " : ": ");
            doc_text(d, "contact ");
            doc_text(d, doc_str(x, "contact"));
        }
        if (cJSON_GetArraySize(doc_get(x, "agencies")) > 0) {
            doc_text(d, n++ ? "; " : ": ");
            doc_text(d, "with ");
            doc_id_list(d, doc_get(x, "agencies"), NULL, "and");
        }
        doc_text(d, ".");
    } else if (strcmp(kind, "responsivity") == 0) {
        doc_text(d, "the responsivity note: ");
        doc_text(d, doc_str(x, "note"));
    } else {
        doc_code(d, kind);
    }
}

/* "When CONDITION" (or "Always"), then the additions as a list. */
static void rule_body(pg *g, const cJSON *r, const char *verb)
{
    doc *d = g->d;
    const cJSON *x;

    doc_open(d, DOC_PARA);
    if (doc_true(r, "always") || doc_str(r, "when") == NULL) {
        doc_strong(d, "Always");
    } else {
        doc_strong(d, "When");
        doc_text(d, " ");
        doc_text(d, doc_str(r, "when"));
    }
    doc_textf(d, ", %s:", verb);
    doc_close(d);
    doc_open(d, DOC_LIST);
    cJSON_ArrayForEach(x, doc_get(r, "adds")) {
        doc_open(d, DOC_ITEM);
        addition_words(g, x);
        doc_close(d);
    }
    doc_close(d);
}

/* Every rule in words, after how rules combine and conflict. */
static void rules(pg *g)
{
    doc *d = g->d;
    const cJSON *r;

    doc_heading_add(d, 2, "rules", "Rules", DOC_PAGE_BREAK);
    doc_para(d, "Each rule reads: when its condition holds, it adds what it "
                "names to the plan. In the conditions, risk is the "
                "professional's final judgement; a level is an advisory "
                "level; items, scores and flags come from the assessment "
                "result; context fields and programmes come from the case "
                "context; the pre-release window is before, open, passed or "
                "unknown.");
    doc_para(d, "Several rules adding the same intervention give one element: "
                "the most urgent priority, the earliest start and review, "
                "every responsivity note once, and every rule named. Rules "
                "naming different agencies for an intervention, different "
                "regimes, or different post-release supervisors or contact "
                "frequencies are conflicts: the plan shows no value for that "
                "field and lists the conflict for the team to resolve. An "
                "intervention the context lists as completed is not added; "
                "one listed as refused is added with the date it was refused.");
    if (cJSON_GetArraySize(g->rules) == 0)
        doc_para(d, "The plan declares no rules.");
    cJSON_ArrayForEach(r, g->rules) {
        id_heading(d, 3, "rule", r, 0);
        rule_body(g, r, "it adds");
    }
}

/* The rules with an addition of `kind`, each with its condition; returns
** how many additions were listed. */
static int rules_adding(pg *g, const char *kind, const char *intro)
{
    doc *d = g->d;
    const cJSON *r, *x;
    int n = 0;

    cJSON_ArrayForEach(r, g->rules)
        cJSON_ArrayForEach(x, doc_get(r, "adds")) {
            if (doc_str(x, "kind") == NULL || strcmp(doc_str(x, "kind"), kind) != 0)
                continue;
            if (n++ == 0) {
                doc_para(d, intro);
                doc_open(d, DOC_LIST);
            }
            doc_open(d, DOC_ITEM);
            doc_code(d, doc_str(r, "id"));
            doc_text(d, ": ");
            if (doc_true(r, "always")) {
                doc_text(d, "always, ");
            } else {
                doc_text(d, "when ");
                doc_text(d, doc_str(r, "when"));
                doc_text(d, ", ");
            }
            addition_words(g, x);
            doc_close(d);
        }
    if (n > 0)
        doc_close(d);
    return n;
}

/* ---- Placement, reassessment, pre-release, post-release ----------------- */

/* The default placement and the rules that recommend another. */
static void placement(pg *g)
{
    doc *d = g->d;
    const cJSON *p = doc_get(g->desc, "placement");
    const char *def = doc_str(p, "default");

    doc_heading_add(d, 2, "placement", "Placement", 0);
    doc_open(d, DOC_PARA);
    if (def != NULL) {
        doc_text(d, "When no placement rule holds, the plan recommends the "
                    "default regime ");
        doc_code(d, def);
        months_piece(d, p, "review_months", ", reviewed every ");
        doc_text(d, ".");
    } else {
        doc_text(d, "When no placement rule holds, the plan makes no "
                    "placement recommendation.");
    }
    doc_close(d);
    if (rules_adding(g, "placement", "The rules that recommend a placement:") > 1)
        doc_para(d, "Two rules recommending different regimes are a "
                    "conflict: the plan shows no regime and the team decides.");
}

/* When reassessment is due: the interval by final level and the event
** triggers, in words and as tables. */
static void reassessment(pg *g)
{
    static const char *const cols1[] = { "Final level", "Reassess every" };
    static const char *const cols2[] = { "Event", "Reassess within" };
    doc *d = g->d;
    const cJSON *r = doc_get(g->desc, "reassessment"), *e;
    const cJSON *every = doc_get(r, "every_months"), *trig = doc_get(r, "triggers");
    double v;
    int window = 0;

    doc_heading_add(d, 2, "reassessment", "Reassessment", 0);
    if (cJSON_GetArraySize(every) == 0 && cJSON_GetArraySize(trig) == 0) {
        doc_para(d, "The plan sets no reassessment schedule.");
        return;
    }
    cJSON_ArrayForEach(e, trig)
        window |= doc_str(e, "trigger") != NULL
                  && strcmp(doc_str(e, "trigger"), "pre_release_window") == 0;
    doc_open(d, DOC_PARA);
    doc_text(d, "The next reassessment is due at the earliest of: the "
                "assessment date plus the interval for the final level; each "
                "event of a trigger below reported after the assessment date, "
                "plus its days");
    doc_text(d, window ? "; the opening of the pre-release window plus its days."
                       : ".");
    doc_text(d, " The plan lists every date it considered, with its reason.");
    doc_close(d);
    if (cJSON_GetArraySize(every) > 0) {
        doc_table(d, cols1, 2);
        cJSON_ArrayForEach(e, every) {
            doc_open(d, DOC_ROW);
            doc_cell_text(d, doc_str(e, "level"), 1);
            doc_open(d, DOC_CELL);
            if (doc_num(e, "months", &v)) {
                doc_number(d, v);
                doc_text(d, v == 1 ? " month" : " months");
            }
            doc_close(d);
            doc_close(d);
        }
        doc_close(d);
    }
    if (cJSON_GetArraySize(trig) > 0) {
        doc_table(d, cols2, 2);
        cJSON_ArrayForEach(e, trig) {
            const char *t = doc_str(e, "trigger");
            const char *w = words_for(trigger_words, sizeof trigger_words
                                      / sizeof trigger_words[0], t);
            doc_open(d, DOC_ROW);
            doc_open(d, DOC_CELL);
            doc_text(d, w ? w : "");
            doc_text(d, " (");
            doc_code(d, t);
            doc_text(d, ")");
            doc_close(d);
            doc_open(d, DOC_CELL);
            if (doc_num(e, "within_days", &v)) {
                if (v == 0) {
                    doc_text(d, "the same day");
                } else {
                    doc_number(d, v);
                    doc_text(d, v == 1 ? " day" : " days");
                }
            }
            doc_close(d);
            doc_close(d);
        }
        doc_close(d);
    }
}

/* The pre-release window and its steps as a table. */
static void pre_release(pg *g)
{
    static const char *const cols[] = { "Step", "What", "Agency",
                                        "Due (months before release)", "Only when" };
    doc *d = g->d;
    const cJSON *p = doc_get(g->desc, "pre_release"), *s;
    double v;

    doc_heading_add(d, 2, "pre-release", "Pre-release programme", 0);
    if (!cJSON_IsObject(p)) {
        doc_para(d, "The plan has no pre-release programme.");
        return;
    }
    doc_open(d, DOC_PARA);
    doc_text(d, "The pre-release window opens ");
    if (doc_num(p, "months_before", &v))
        doc_number(d, v);
    doc_text(d, " months before the expected release date (past a month's "
                "end, its last day). Before the window opens and while it is "
                "open, each step is listed with its due date and a status: ");
    doc_code(d, "overdue");
    doc_text(d, " (due before the as-of date), ");
    doc_code(d, "due");
    doc_text(d, " (within 30 days) or ");
    doc_code(d, "upcoming");
    doc_text(d, ". On and after the release date the window has passed and "
                "no steps are listed.");
    doc_close(d);
    if (cJSON_GetArraySize(doc_get(p, "steps")) == 0)
        return;
    doc_table(d, cols, 5);
    cJSON_ArrayForEach(s, doc_get(p, "steps")) {
        doc_open(d, DOC_ROW);
        doc_cell_text(d, doc_str(s, "step"), 1);
        doc_cell_text(d, doc_str(s, "title"), 0);
        doc_cell_text(d, doc_str(s, "agency"), 1);
        doc_open(d, DOC_CELL);
        if (doc_num(s, "due_months", &v))
            doc_number(d, v);
        doc_close(d);
        doc_cell_text(d, doc_true(s, "always") ? "always" : doc_str(s, "when"), 0);
        doc_close(d);
    }
    doc_close(d);
}

/* Supervision after release, the closure criteria and the rules that
** change them. */
static void post_release(pg *g)
{
    doc *d = g->d;
    const cJSON *p = doc_get(g->desc, "post_release"), *c;
    double v;

    doc_heading_add(d, 2, "post-release", "Post-release support", 0);
    if (!cJSON_IsObject(p)) {
        doc_para(d, "The plan has no post-release support section.");
        rules_adding(g, "post_release", "The rules that add post-release support:");
        return;
    }
    doc_open(d, DOC_LIST);
    if (doc_str(p, "supervisor") != NULL) {
        doc_field(d, "Supervising agency");
        ref(d, g->agencies, doc_str(p, "supervisor"));
        doc_text(d, ".");
        doc_close(d);
    }
    doc_field_text(d, "Contact", doc_str(p, "contact"));
    if (cJSON_GetArraySize(doc_get(p, "agencies")) > 0) {
        doc_field(d, "Agencies involved");
        doc_id_list(d, doc_get(p, "agencies"), NULL, "and");
        doc_text(d, ".");
        doc_close(d);
    }
    if (doc_num(p, "reviews", &v)) {
        doc_field(d, "Reviews");
        doc_number(d, v);
        doc_text(d, v == 1 ? " review point" : " review points");
        months_piece(d, p, "review_months", ", every ");
        doc_text(d, " after the expected release date (else after the as-of date).");
        doc_close(d);
    }
    doc_close(d);
    if (cJSON_GetArraySize(doc_get(p, "closure")) > 0) {
        doc_para(d, "The case is closed when:");
        doc_open(d, DOC_LIST);
        cJSON_ArrayForEach(c, doc_get(p, "closure")) {
            doc_open(d, DOC_ITEM);
            doc_text(d, cJSON_IsString(c) ? c->valuestring : "");
            doc_close(d);
        }
        doc_close(d);
    }
    rules_adding(g, "post_release", "The rules that change the post-release support:");
}

/* The whole guide of a plan: title, warning, the notice that a plan is
** a proposal, front matter, contents, then the sections. */
void doc_plan(doc *d, const cJSON *desc, const char *requested)
{
    pg g;
    const char *id = doc_str(desc, "id"), *title = doc_str(desc, "title");

    memset(&g, 0, sizeof g);
    g.d = d;
    g.desc = desc;
    g.agencies = doc_get(desc, "agencies");
    g.interventions = doc_get(desc, "interventions");
    g.rules = doc_get(desc, "rules");

    doc_set_title(d, title ? title : id);
    doc_heading_add(d, 1, "top", title ? title : id ? id : "Plan", 0);
    doc_open(d, DOC_PARA);
    doc_text(d, "Guide to the treatment-plan rules ");
    doc_code(d, id ? id : "?");
    doc_text(d, ", version ");
    doc_text(d, doc_str(desc, "version") ? doc_str(desc, "version") : "?");
    doc_text(d, ", for the results of the instrument ");
    doc_code(d, doc_str(desc, "instrument") ? doc_str(desc, "instrument") : "?");
    doc_text(d, ".");
    doc_close(d);
    if (doc_true(desc, "illustrative")) {
        doc_open(d, DOC_WARNING);
        doc_open(d, DOC_PARA);
        doc_strong(d, "Illustrative, not validated.");
        doc_text(d, " These plan rules were written as an example. They are "
                    "not a programme any administration has adopted and must "
                    "not be used to make decisions about real people.");
        doc_close(d);
        doc_close(d);
    }
    doc_open(d, DOC_NOTE);
    doc_para(d, "A plan is a proposal built on the professional's final "
                "judgement, never on a computed level alone. Every element "
                "names the rules that produced it; the multi-agency team "
                "reviews it and decides. Nothing in it is a decision.");
    doc_close(d);
    doc_front_matter(d, desc, requested);
    doc_toc_here(d);
    agencies(&g);
    interventions(&g);
    rules(&g);
    placement(&g);
    reassessment(&g);
    pre_release(&g);
    post_release(&g);
    doc_hosts(d, doc_get(desc, "host_functions"));
    doc_tests(d, doc_get(desc, "tests"), "results and case contexts with the plans they must give");
}
