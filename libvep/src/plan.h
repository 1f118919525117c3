/*
** plan.h -- a treatment-plan script as plain C data, the facts a plan is
** derived from, and the steps that turn one into the other.
**
**   plan_load.c   runs the plan script in the sandbox with the plan
**                 constructors and reads the records into a vep_plan_model
**                 (plan_decl.c), then checks it as a whole (plan_check.c)
**   plan_input.c  result JSON -> vep_plan_facts (plan_context.c: the case
**                 context; plan_compact.c: the test cases' short form),
**                 every problem reported with its JSON path
**   plan_eval.c   facts + rules -> vep_plan_out: which rules hold, what
**                 they add, merged, with conflicts and dates
**   plan_render.c vep_plan_out -> the plan JSON document, whole or the
**                 need-to-know view of one agency
**
** Plans are built on the professional's final judgement (the "risk"
** level), never on a computed level alone.  All strings are owned by the
** structure that holds them.  Arrays keep the script's declaration order,
** which is also the order of the plan document.
*/
#ifndef VEP_PLAN_H
#define VEP_PLAN_H

#include <stddef.h>
#include "model.h"   /* vep_text, vep_origin, vep_source */
#include "diag.h"
#include "buf.h"
#include "host.h"

/* ---- Vocabularies (names in plan_model.c, NULL-terminated) ------------ */

typedef enum vep_category {
    VEP_CAT_PSYCHOLOGICAL = 0,
    VEP_CAT_IDEOLOGICAL_DIALOGUE,
    VEP_CAT_EDUCATION,
    VEP_CAT_VOCATIONAL,
    VEP_CAT_FAMILY,
    VEP_CAT_MENTAL_HEALTH,
    VEP_CAT_MENTORING,
    VEP_CAT_RELIGIOUS_COUNSELLING,
    VEP_CAT_OTHER
} vep_category;
extern const char *const vep__category_names[];
/* "psychological", "ideological_dialogue", "education", "vocational",
   "family", "mental_health", "mentoring", "religious_counselling", "other" */

typedef enum vep_agency_kind {
    VEP_AGENCY_PRISON = 0,
    VEP_AGENCY_PROBATION,
    VEP_AGENCY_SOCIAL_WORK,      /* centre for social work                */
    VEP_AGENCY_POLICE,           /* police / P-CVE coordinator            */
    VEP_AGENCY_HEALTH,
    VEP_AGENCY_MUNICIPALITY,
    VEP_AGENCY_CSO,              /* civil-society organisation            */
    VEP_AGENCY_COURT,
    VEP_AGENCY_OTHER
} vep_agency_kind;
extern const char *const vep__agency_kind_names[];
/* "prison", "probation", "social_work", "police", "health",
   "municipality", "cso", "court", "other" */

typedef enum vep_setting {
    VEP_SETTING_CUSTODY = 0,     /* default: delivered in prison          */
    VEP_SETTING_COMMUNITY,       /* after release                         */
    VEP_SETTING_ANY
} vep_setting;
extern const char *const vep__setting_names[];  /* "custody", "community", "any" */

/* Reassessment triggers: the events the host reports in the context. */
typedef enum vep_trigger {
    VEP_TRIGGER_INCIDENT = 0,
    VEP_TRIGGER_TRANSFER,
    VEP_TRIGGER_COURT_DECISION,
    VEP_TRIGGER_PAROLE_DECISION,
    VEP_TRIGGER_PROGRAMME_COMPLETION,
    VEP_TRIGGER_PRE_RELEASE_WINDOW,  /* not an event: the window opening */
    VEP_TRIGGER_COUNT
} vep_trigger;
extern const char *const vep__trigger_names[];
/* "incident", "transfer", "court_decision", "parole_decision",
   "programme_completion", "pre_release_window" */

/* Parts of a plan an agency may be allowed to see (agency `sees`). */
typedef enum vep_plan_part {
    VEP_PART_RISK = 0,           /* the final and advisory levels          */
    VEP_PART_INTERVENTIONS,      /* every intervention                     */
    VEP_PART_INTERVENTIONS_OWN,  /* only those the agency is responsible for */
    VEP_PART_PLACEMENT,
    VEP_PART_REASSESSMENT,
    VEP_PART_PRE_RELEASE,        /* every pre-release step                 */
    VEP_PART_PRE_RELEASE_OWN,    /* only the agency's own steps            */
    VEP_PART_POST_RELEASE,
    VEP_PART_RESPONSIVITY,
    VEP_PART_REASONS,            /* the "because" of each rule (they may
                                    quote assessment answers)              */
    VEP_PART_CONFLICTS,
    VEP_PART_COUNT
} vep_plan_part;
extern const char *const vep__plan_part_names[];
/* "risk", "interventions", "interventions.own", "placement",
   "reassessment", "pre_release", "pre_release.own", "post_release",
   "responsivity", "reasons", "conflicts" */

/* ---- Conditions ------------------------------------------------------ */

/* What a plan condition tests.  Script syntax in docs/WRITING-PLANS.md:
**   { risk = "high" }                   final judgement level in codes
**   { level = "L", is = "high" }        advisory level L's band
**   { flag = "F" }  /  raised = false   flag F raised (or not)
**   { score = "S", at_least = 2 }       score value (at_most too)
**   { item = "X", is = "high" }         answer code (is_not, at_least,
**                                       at_most, unknown = true)
**   { context = "literacy", is = "low" } context field (see facts below;
**                                       booleans compare as "true"/"false")
**   { completed = "P" } / { refused = "P" }  programme history
**   { window = "open" }                 pre-release window state
**   { host = "NAME", args = {...} }     a host function's result (true
**                                       for a bool, or is, is_not,
**                                       at_least, at_most); an argument
**                                       is a value or { fact = "subject"
**                                       | "as_of" | "assessment_date" |
**                                       "risk" | "expected_release" },
**                                       { context = "field" },
**                                       { score = "S" } (plan_host.c)
**   { all = {...} } { any = {...} } { none = {...} }
*/
typedef enum vep_pcond_kind {
    VEP_PC_ALL = 0, VEP_PC_ANY, VEP_PC_NONE,
    VEP_PC_RISK,       /* codes                                          */
    VEP_PC_LEVEL,      /* id + codes                                     */
    VEP_PC_FLAG,       /* id; raised (1/0)                               */
    VEP_PC_SCORE,      /* id + test                                      */
    VEP_PC_ITEM,       /* id + test                                      */
    VEP_PC_CONTEXT,    /* id (field name) + test                         */
    VEP_PC_COMPLETED,  /* id (programme)                                 */
    VEP_PC_REFUSED,    /* id (programme)                                 */
    VEP_PC_WINDOW,     /* codes: "before", "open", "passed", "unknown"   */
    VEP_PC_HOST        /* id (function) + args + test; slot             */
} vep_pcond_kind;

typedef enum vep_ptest {
    VEP_PT_IS = 0,     /* code one of codes                              */
    VEP_PT_IS_NOT,     /* has a code and it is none of codes             */
    VEP_PT_AT_LEAST,   /* number >= number                               */
    VEP_PT_AT_MOST,    /* number <= number                               */
    VEP_PT_UNKNOWN,    /* item answered unknown                          */
    VEP_PT_ANSWERED    /* has a value                                    */
} vep_ptest;

/* One argument of a host condition. */
typedef enum vep_pharg_kind {
    VEP_PHA_VALUE = 0, VEP_PHA_FACT, VEP_PHA_CONTEXT, VEP_PHA_SCORE
} vep_pharg_kind;

typedef struct vep_pharg {
    vep_pharg_kind kind;
    vep_hval value;            /* VALUE (its string owned)                */
    char *name;                /* FACT: the fact; CONTEXT: the field;
                                  SCORE: the score id                     */
} vep_pharg;

typedef struct vep_pcond {
    vep_pcond_kind kind;
    vep_ptest test;
    char *id;
    char **codes;
    size_t ncodes;
    double number;
    int raised;                /* FLAG: 1 = must be raised, 0 = must not */
    struct vep_pcond *kids;
    size_t nkids;
    vep_pharg *args;           /* HOST                                    */
    size_t nargs;
    int has_test;              /* HOST: a test was given (else "is true") */
    size_t slot;               /* HOST: its value in vep_plan_facts.hosts */
} vep_pcond;

/* ---- The plan model -------------------------------------------------- */

typedef struct vep_agency_def {
    char *id;
    vep_agency_kind kind;
    vep_text title;
    unsigned char sees[VEP_PART_COUNT];   /* 1 = may see that part     */
    vep_origin origin;
} vep_agency_def;

/* Intensity of an intervention for one final risk level. */
typedef struct vep_intensity {
    char *level;               /* a final judgement level, e.g. "high"   */
    vep_text text;             /* e.g. "weekly individual sessions"      */
} vep_intensity;

typedef struct vep_intervention_def {
    char *id;
    vep_category category;
    vep_text title;
    char *agency_id;           /* responsible agency                     */
    int agency;                /* index into agencies, -1 until checked  */
    vep_intensity *intensity;
    size_t nintensity;
    vep_text goal;             /* measurable goal                        */
    int review_months;         /* default 3                              */
    vep_setting setting;
    vep_origin origin;
} vep_intervention_def;

typedef enum vep_add_kind {
    VEP_ADD_INTERVENTION = 0,
    VEP_ADD_PLACEMENT,
    VEP_ADD_POST_RELEASE,
    VEP_ADD_RESPONSIVITY,      /* a plan-wide responsivity note          */
    VEP_ADD_PRE_RELEASE_STEP   /* only from the pre_release block        */
} vep_add_kind;

/* What one rule adds.  Fields not used by the kind are zero / NULL;
** numbers not given are -1. */
typedef struct vep_addition {
    vep_add_kind kind;
    /* INTERVENTION */
    char *intervention_id;
    int intervention;          /* index, -1 until checked                */
    int priority;              /* 1 = first; default 2                   */
    int start_days;            /* after "as of"; default 0               */
    int review_months;         /* -1: the intervention's                 */
    char *agency_id;           /* NULL: the intervention's               */
    int agency;
    vep_text note;             /* INTERVENTION/RESPONSIVITY: responsivity
                                  note; PLACEMENT: rationale            */
    /* PLACEMENT */
    char *regime;
    /* (review_months as above: placement review, default 6)             */
    /* POST_RELEASE */
    char *supervisor_id;       /* supervising agency, or NULL            */
    int supervisor;
    char *contact;             /* "weekly", "fortnightly", "monthly",
                                  "quarterly", or NULL                   */
    char **agency_ids;         /* agencies involved                      */
    int *agencies;
    size_t nagencies;
    /* PRE_RELEASE_STEP: step id is the rule id after "pre_release:";
       agency_id / agency, note = title, due_months = months before
       release the step is due */
    char *step;
    int due_months;
} vep_addition;

typedef struct vep_plan_rule {
    char *id;                  /* "R-ideology" or "pre_release:housing"  */
    vep_text title;            /* the rule in words                      */
    vep_pcond when;            /* ALL with no kids = always              */
    vep_addition *adds;
    size_t nadds;
    vep_origin origin;
} vep_plan_rule;

typedef struct vep_plan_test {
    char *name;
    char *facts_json;          /* { "result": {...}, "context": {...} }
                                  in the compact test form, see plan_compact.c */
    char *expect_json;
    vep_origin origin;
} vep_plan_test;

typedef struct vep_plan_model {
    vep_alloc *alloc;
    char *id;
    char *version;
    vep_text title;
    char *instrument;          /* id of the instrument whose results it takes */
    char **languages;
    size_t nlanguages;
    size_t nlanguages_own;     /* the first n are the script's own       */
    char **fallbacks;          /* language fallbacks, pairs sorted by key,
                                  as vep_model's (lang.h)                */
    size_t nfallbacks;         /* pairs                                   */
    int illustrative;

    vep_agency_def *agencies;          size_t nagencies;
    vep_intervention_def *interventions; size_t ninterventions;
    vep_plan_rule *rules;              size_t nrules;  /* pre-release
                                          steps are rules too, after the
                                          others, in step order          */
    /* placement { default = "standard", review_months = 6 } */
    char *placement_default;   /* NULL: no default recommendation        */
    int placement_review_months;
    /* reassessment { every_months = { low = 12, ... }, triggers = {...} } */
    char **reassess_levels;    /* final levels ...                       */
    int *reassess_months;      /* ... and their intervals                */
    size_t nreassess;
    int trigger_days[VEP_TRIGGER_COUNT]; /* days to reassess after the
                                            event; -1 = not a trigger    */
    /* pre_release { months_before = 6, steps = {...} } */
    int pre_release_months;    /* -1: no pre-release block               */
    /* post_release { supervisor = ..., contact = ..., agencies = ...,
                      review_months = 3, reviews = 4, closure = {...} } */
    int has_post_release;
    char *post_supervisor_id;
    int post_supervisor;
    char *post_contact;
    char **post_agency_ids;
    int *post_agencies;
    size_t npost_agencies;
    int post_review_months;    /* interval between review points         */
    int post_reviews;          /* how many review points                 */
    vep_text *closure;         /* closure criteria                       */
    size_t nclosure;

    vep_plan_test *tests;      size_t ntests;
    vep_source *sources;       size_t nsources;
    char sha256[65];
    vep_lineage *lineage;      size_t nlineage;  /* overlay.h */
    struct vep_host_decl *hosts; size_t nhosts;  /* host_function (host.h) */
    size_t nhost_slots;        /* host conditions in all rules            */
    vep_origin origin;         /* where plan { ... } was declared         */
    vep_origin post_origin;    /* where post_release { ... } was          */
} vep_plan_model;

void vep__plan_model_init(vep_plan_model *m, vep_alloc *a);
void vep__plan_model_free(vep_plan_model *m);
int vep__plan_find_agency(const vep_plan_model *m, const char *id);
int vep__plan_find_intervention(const vep_plan_model *m, const char *id);

/* plan_load.c: loads a plan script into `m` (initialised by the caller):
** runs it in a sandbox with the engine's limits and the plan constructors
** (agency, intervention, rule, test; plan, placement, reassessment,
** pre_release, post_release; `date`; require() from `dir`), reads the
** records (plan_decl.c), checks the whole (plan_check.c) and hashes the
** sources.  `path` names the file in messages; `dir` is where require()
** looks, or NULL.  Problems go to the engine's diagnostics. */
vep_status vep__plan_load(vep_engine *e, vep_plan_model *m, const char *path,
                          const char *dir, const char *src, size_t len);

/* plan_decl.c: reads the records the plan script left in the registry of
** L into `m`.  Runs inside a protected call; problems go to `d` with file,
** line and id.  `scratch` is a buffer the caller frees. */
struct lua_State;
void vep__plan_decl_read(struct lua_State *L, vep_plan_model *m,
                         vep_diags *d, vep_buf *scratch);

/* plan_check.c: checks the model as a whole (duplicate ids, references,
** empty rules) and resolves the indexes.  Returns the number of problems
** added to `d`. */
size_t vep__plan_check(vep_plan_model *m, vep_diags *d);

/* ---- Facts: what the plan is derived from ----------------------------- */

/* One named value of the result or the context.  `code` is the text form
** used by is / is_not (an answer's code, a level's band, "true"/"false"
** for booleans, a date's text); `number` the numeric form when there is
** one.  `state` is an answer's state name ("value", "unknown",
** "not_applicable", "not_relevant", "missing"), NULL for other facts. */
typedef struct vep_fact {
    char *id;
    char *code;                /* NULL when none                          */
    char **codes;              /* a multi answer's codes, else NULL/0     */
    size_t ncodes;
    int has_number;
    double number;
    char *state;
} vep_fact;

typedef struct vep_dated {     /* a programme or an event                */
    char *id;                  /* programme id, or trigger name           */
    char *date;                /* "YYYY-MM-DD" or NULL                    */
} vep_dated;

/* The value of one host condition for one case (plan_host.c). */
typedef struct vep_host_fact {
    int asked;                 /* the condition was reached: its value is
                                  known (called, or an argument missing)  */
    int called;                /* 0: an argument had no value             */
    vep_fact fact;             /* the result: code "true"/"false" or a
                                  string, or a number; no value for nil   */
    char *args;                /* the arguments in words: "'S-17', 'CBT-1'" */
    char *missing;             /* not called: which argument had no value */
} vep_host_fact;

typedef struct vep_plan_facts {
    /* from the result */
    char *instrument_id, *instrument_version, *instrument_sha256;
    char *subject_id;
    char *assessment_date;     /* NULL when the result has none           */
    char *risk;                /* the professional's final level          */
    char *advisory;            /* the advisory level, or NULL             */
    vep_fact *levels;  size_t nlevels;   /* id, code = band              */
    vep_fact *flags;   size_t nflags;    /* id, number 1/0, code "true"/"false" */
    vep_fact *scores;  size_t nscores;   /* id, number when it has a value */
    vep_fact *answers; size_t nanswers;  /* id, state, code(s), number   */
    /* from the context */
    char *as_of;               /* required                                */
    char *sentence_start, *release_date;  /* NULL when not given          */
    vep_fact *context; size_t ncontext;  /* age, regime, language, literacy,
                                            conditional_release, and any
                                            field under "custom"          */
    char *regime;              /* current regime, or NULL                 */
    vep_dated *completed; size_t ncompleted;
    vep_dated *refused;   size_t nrefused;
    vep_dated *events;    size_t nevents;  /* id = trigger name          */
    /* host conditions (plan_host.c), by vep_pcond.slot */
    vep_host_fact *hosts; size_t nhosts;
    struct vep_plan_hostq *hostq;  /* asking the host (plan_host.c)       */
    vep_host_log host_log;     /* the calls made, for the plan document   */
    int stubbed;               /* a test case: stubs stand in for the host */
    vep_host_stub *stubs; size_t nstubs;
} vep_plan_facts;

/* plan_input.c.  Reads a libvep result document (as vep_score writes it)
** into the result half of `f`; problems go to `d` with their JSON path
** (rule names: "json_syntax", "not_a_result", "wrong_instrument", ...).
** `instrument` is the plan's instrument id (NULL: any).  Returns VEP_OK,
** VEP_ERR_ASSESSMENT or VEP_ERR_NOMEM. */
vep_status vep__plan_read_result(const vep_alloc *a, vep_diags *d,
                                 const char *instrument, const char *json,
                                 size_t len, vep_plan_facts *f);
/* Reads the case context document into the context half of `f`.  Returns
** VEP_OK, VEP_ERR_CONTEXT or VEP_ERR_NOMEM. */
vep_status vep__plan_read_context(const vep_alloc *a, vep_diags *d,
                                  const char *json, size_t len,
                                  vep_plan_facts *f);
/* Reads the compact form a plan test case gives (see WRITING-PLANS.md):
** { "result": { "risk": "high", "levels": {...}, "flags": [...],
**   "scores": {...}, "answers": {...} }, "context": {...} }. */
vep_status vep__plan_read_test_facts(const vep_alloc *a, vep_diags *d,
                                     const char *json, size_t len,
                                     vep_plan_facts *f);
void vep__plan_facts_free(const vep_alloc *a, vep_plan_facts *f);
/* The fact with that id in an array, or NULL. */
const vep_fact *vep__fact_find(const vep_fact *v, size_t n, const char *id);

/* ---- The evaluated plan ------------------------------------------------ */

/* One rule that contributed to an element. */
typedef struct vep_because {
    int rule;                  /* index into the model's rules            */
    const char *because;       /* the condition explained (borrowed from
                                  vep_plan_out.why)                       */
} vep_because;

typedef struct vep_iv_out {
    int intervention;          /* index into the model                    */
    int agency;                /* -1 in conflict                          */
    int priority;
    char start[11], review[11], end[11];   /* "" when none               */
    int intensity;             /* index into the intervention's intensity, -1 */
    const vep_text **notes;    /* responsivity notes (borrowed from rules) */
    size_t nnotes;
    char *refused_on;          /* previously refused: the date ("" when
                                  the context gave none); NULL: not refused */
    vep_because *rules; size_t nrules;
} vep_iv_out;

typedef struct vep_not_added {
    int intervention;
    char *reason;
    vep_because *rules; size_t nrules;
} vep_not_added;

typedef struct vep_conflict {
    char *element;             /* "placement", "intervention IDEO-1", ... */
    char *field;               /* "regime", "agency", "contact", ...     */
    char *message;
    char **values;             /* the competing values, rule order       */
    int *rules;                /* the rule that gave each value          */
    size_t n;
} vep_conflict;

typedef struct vep_step_out {
    int rule;                  /* the pre_release:<step> rule             */
    int add;                   /* index of the step addition in the rule  */
    char due[11];
    const char *status;        /* "upcoming", "due", "overdue"           */
    const char *because;       /* borrowed from vep_plan_out.why          */
} vep_step_out;

typedef struct vep_candidate { /* one reassessment date considered       */
    const char *kind;          /* "periodic" or a trigger name            */
    char date[11];
    char *because;
} vep_candidate;

typedef struct vep_note_out {  /* one plan-wide responsivity note        */
    const vep_text *note;      /* borrowed from the first rule giving it  */
    vep_because *rules; size_t nrules;
} vep_note_out;

typedef struct vep_plan_out {
    char **why;                 size_t nwhy;      /* per model rule: its
                                                     condition explained */
    unsigned char *holds;                         /* per model rule       */
    vep_iv_out *ivs;            size_t nivs;      /* priority, then model order */
    vep_not_added *not_added;   size_t nnot_added;
    /* placement */
    int has_placement;
    int placement_default;      /* no rule holds: the model's default     */
    const char *regime;         /* borrowed; NULL when in conflict        */
    const vep_text *rationale;  /* borrowed, or NULL                      */
    char placement_review[11];
    vep_because *placement_rules; size_t nplacement_rules;
    /* reassessment */
    char reassess_due[11];      /* "" when no candidate                   */
    int reassess_months;        /* -1 when the final level has none       */
    char *reassess_note;        /* why there is no periodic date, or NULL */
    vep_candidate *candidates;  size_t ncandidates;
    /* pre-release */
    const char *window;         /* "before", "open", "passed", "unknown", "none" */
    char window_opens[11];      /* "" when unknown                        */
    char *window_note;          /* "passed" / "unknown": why no steps     */
    vep_step_out *steps;        size_t nsteps;
    /* post-release */
    int has_post;
    int supervisor;             /* agency index, -1 in conflict / none    */
    const char *contact;        /* NULL in conflict / none                */
    int *post_agencies;         size_t npost_agencies;  /* sorted by model order */
    char (*reviews)[11];        size_t nreviews;
    vep_because *post_rules;    size_t npost_rules;
    /* plan-wide responsivity notes */
    vep_note_out *notes;        size_t nnotes;
    vep_conflict *conflicts;    size_t nconflicts;
} vep_plan_out;

/* plan_eval.c: evaluates every rule against the facts and builds the
** plan.  Deterministic: the order of everything follows the model. */
vep_status vep__plan_eval(const vep_plan_model *m, const vep_plan_facts *f,
                          const vep_alloc *a, vep_plan_out *out);
void vep__plan_out_free(const vep_alloc *a, vep_plan_out *out);
/* Whether a condition holds, and (when `why` is not NULL) its account,
** e.g. "risk is 'high' (holds)". */
int vep__pcond_eval(const vep_pcond *c, const vep_plan_facts *f,
                    const char *window, vep_buf *why);
/* The condition in the same words without evaluating it, e.g. "risk is
** one of 'moderate', 'high'" or "always" (plan_cond.c; for
** plan_describe.c). */
void vep__pcond_words(const vep_pcond *c, vep_buf *b);

/* plan_host.c.  Checks the host conditions of every rule against the
** script's host_function declarations (arguments, tests), numbering their
** slots; returns the number of problems reported. */
size_t vep__plan_host_check(vep_plan_model *m, vep_diags *d);
/* Prepares the facts for asking the host while the rules are evaluated
** (f->hosts, one slot per host condition, none asked yet): calls go to
** `reg`, or to the test case's stand-ins when f->stubbed.  VEP_OK or
** VEP_ERR_NOMEM. */
vep_status vep__plan_host_prepare(const vep_plan_model *m, vep_plan_facts *f,
                                  const vep_host_registry *reg,
                                  const vep_alloc *a, vep_diags *d);
/* The rule whose condition is evaluated next (for "by" and messages). */
void vep__plan_host_rule(const vep_plan_facts *f, size_t rule);
/* Gives host condition c its value for the case unless it has one:
** asks the host (once per distinct call), or notes the argument that is
** absent; each call is recorded in f->host_log.  A failure is reported in
** the diagnostics with the rule's place and kept for
** vep__plan_host_status. */
void vep__plan_host_ask(const vep_plan_facts *f, const vep_pcond *c);
/* VEP_OK, or the first failure of asking (VEP_ERR_HOST, VEP_ERR_NOMEM). */
vep_status vep__plan_host_status(const vep_plan_facts *f);
/* The arguments of a host condition in words, without a case: "the
** subject's id, 'CBT-1'". */
void vep__plan_host_words(const vep_pcond *c, vep_buf *b);
/* Frees the host half of the facts (values, calls made, stand-ins). */
void vep__plan_host_facts_free(const vep_alloc *a, vep_plan_facts *f);

/* plan_describe.c: the plan script as JSON, texts in `lang`. */
vep_status vep__plan_describe(const vep_plan_model *m, const char *lang,
                              vep_buf *b);

/* plan_render.c: the plan document.  `agency` NULL renders the whole
** plan; otherwise only what that agency may see (it must exist: the
** caller checks).  Texts in `lang` (NULL: the plan's first language). */
vep_status vep__plan_render(const vep_plan_model *m, const vep_plan_facts *f,
                            const vep_plan_out *out, const char *agency,
                            const char *lang, vep_buf *b);

#endif
