/*
** model.h -- an instrument as plain C data.
**
** The loader (loader.c, decl.c) turns an instrument script into this model
** once; the definition checks (check.c) verify it; validation (validate.c)
** and scoring (score.c) walk it for every assessment without touching Lua,
** except for the few rules that the script wrote as Lua functions
** (runtime.c).  All strings are owned by the model and freed by
** vep__model_free().  Arrays keep the script's declaration order, which is
** also the order of the result document.
*/
#ifndef VEP_MODEL_H
#define VEP_MODEL_H

#include <stddef.h>
#include "alloc.h"

/* A text in several languages: parallel arrays of BCP 47 tags and texts. */
typedef struct vep_text {
    char **lang;
    char **text;
    size_t n;
} vep_text;

/* Where in the script something was declared. */
typedef struct vep_origin {
    const char *file;  /* borrowed from vep_model.sources[].name */
    unsigned line;
} vep_origin;

/* One point of a rating scale, or one option of a choice item. */
typedef struct vep_option {
    char *code;        /* the value written in the assessment JSON     */
    double value;      /* numeric value used by scoring                */
    int has_value;     /* options of a choice item may have no value   */
    vep_text label;
} vep_option;

typedef struct vep_scale {
    char *id;
    vep_text title;
    vep_option *points;
    size_t npoints;
    double min, max;   /* over the points' values                      */
    vep_origin origin;
} vep_scale;

typedef enum vep_domain_kind {
    VEP_DOMAIN_RISK = 0,
    VEP_DOMAIN_NEED,
    VEP_DOMAIN_PROTECTIVE,
    VEP_DOMAIN_OTHER
} vep_domain_kind;

typedef struct vep_part {
    char *id;
    vep_text title;
    vep_origin origin;
} vep_part;

typedef struct vep_domain {
    char *id;
    vep_domain_kind kind;
    int part;          /* index into parts, or -1                       */
    vep_text title;
    vep_origin origin;
} vep_domain;

typedef enum vep_item_type {
    VEP_ITEM_PRESENCE = 0, /* "present" / "absent" -> 1 / 0              */
    VEP_ITEM_SCALE,        /* a code of a declared scale                 */
    VEP_ITEM_CHOICE,       /* one code of the item's options             */
    VEP_ITEM_MULTI,        /* an array of distinct option codes          */
    VEP_ITEM_COUNT,        /* a non-negative integer (max optional)      */
    VEP_ITEM_NUMBER,       /* a number within [min, max]                 */
    VEP_ITEM_DATE,         /* "YYYY-MM-DD", a real calendar date         */
    VEP_ITEM_TEXT          /* free text, max_length in characters        */
} vep_item_type;

/* ---- Conditions ------------------------------------------------------ */

typedef enum vep_cond_kind {
    VEP_COND_ALL = 0,      /* every child holds (true when none)        */
    VEP_COND_ANY,          /* at least one child holds                  */
    VEP_COND_NONE,         /* no child holds                            */
    VEP_COND_IS,           /* ref's code is one of codes[] (multi: has) */
    VEP_COND_IS_NOT,       /* ref answered and its code is none of codes */
    VEP_COND_AT_LEAST,     /* ref's numeric value >= number             */
    VEP_COND_AT_MOST,      /* ref's numeric value <= number             */
    VEP_COND_ANSWERED,     /* ref has a value (not unknown/n.a./absent)  */
    VEP_COND_UNKNOWN,      /* ref is answered "unknown"                 */
    VEP_COND_RAISED,       /* ref (a flag) is raised                    */
    VEP_COND_FUNCTION      /* a Lua function; see fn                    */
} vep_cond_kind;

typedef enum vep_ref_kind {
    VEP_REF_NONE = 0,
    VEP_REF_ITEM,
    VEP_REF_SCORE,
    VEP_REF_LEVEL,
    VEP_REF_FLAG
} vep_ref_kind;

/* A reference by id to another declaration, resolved to an index by
** check.c (index is -1 until then, and stays -1 if the id is unknown). */
typedef struct vep_ref {
    vep_ref_kind kind;
    char *id;
    int index;
} vep_ref;

/* A Lua function rule.  `key` names it in the runtime's registry (e.g.
** "score:total"); `uses` lists what it may read; the runtime refuses any
** other access so that dependencies are known before it runs. */
typedef struct vep_fn {
    char *key;
    vep_ref *uses;
    size_t nuses;
} vep_fn;

typedef struct vep_cond {
    vep_cond_kind kind;
    vep_ref ref;               /* for the comparisons                     */
    char **codes;              /* VEP_COND_IS / IS_NOT                    */
    size_t ncodes;
    double number;             /* AT_LEAST / AT_MOST                      */
    struct vep_cond *kids;     /* ALL / ANY / NONE                        */
    size_t nkids;
    vep_fn fn;                 /* FUNCTION                                */
} vep_cond;

/* ---- Items ----------------------------------------------------------- */

typedef struct vep_item {
    char *id;
    vep_item_type type;
    int required;              /* must be present in "answers"            */
    int allow_unknown;         /* "unknown" is accepted (default yes)     */
    int allow_na;              /* "not_applicable" is accepted (default yes) */
    char *scale_id;            /* SCALE: the scale's id                    */
    int scale;                 /* SCALE: resolved index, -1 when unknown   */
    vep_option *options;       /* CHOICE / MULTI                          */
    size_t noptions;
    double min, max;           /* NUMBER (and COUNT max); has_* say if set */
    int has_min, has_max;
    int integer;               /* NUMBER: must be integral                */
    size_t max_length;         /* TEXT: characters, 0 = unlimited          */
    char **domain_ids;         /* the domains the item counts in          */
    double *weights;           /* weight per domain (default 1)           */
    int *domains;              /* resolved domain indexes                 */
    size_t ndomains;
    int part;                  /* index into parts, or -1                 */
    char *part_id;
    int protective;            /* direction: a protective item            */
    vep_cond *when;            /* relevance condition, or NULL            */
    vep_text text;
    vep_text guidance;
    vep_origin origin;
} vep_item;

/* ---- Scores, levels, flags ------------------------------------------- */

typedef enum vep_rule {
    VEP_RULE_SUM = 0,          /* sum of values * weight                  */
    VEP_RULE_MEAN,             /* mean of the answered values             */
    VEP_RULE_COUNT,            /* items whose value >= at_least           */
    VEP_RULE_MAX,
    VEP_RULE_MIN,
    VEP_RULE_COMPOSITE,        /* sum of other scores * factor            */
    VEP_RULE_FUNCTION          /* a Lua function                          */
} vep_rule;

typedef enum vep_missing_method {
    VEP_MISSING_INCOMPLETE = 0,/* too many unknowns: no value, "incomplete" */
    VEP_MISSING_PRORATE,       /* scale the sum to the full item count    */
    VEP_MISSING_IGNORE         /* score the answered items only           */
} vep_missing_method;

/* One term of a score: an item (with weight) or, for composites, another
** score (with factor). */
typedef struct vep_term {
    vep_ref ref;
    double weight;
} vep_term;

typedef struct vep_score_def {
    char *id;
    vep_text title;
    vep_rule rule;
    char *domain_id;           /* items taken from a domain, or NULL      */
    int domain;
    vep_term *terms;           /* resolved list of item or score terms    */
    size_t nterms;
    double at_least;           /* COUNT threshold (default 1)             */
    vep_missing_method missing;
    int max_unknown;           /* -1 = no limit                           */
    int decimals;              /* rounding of the value (default: 0 when
                                  the score is integral, else 2)           */
    int integral;              /* set by check.c: values are integers     */
    double min, max;           /* reachable range, set by check.c         */
    vep_fn fn;                 /* FUNCTION                                */
    int has_range;             /* FUNCTION: the script declared min/max   */
    vep_origin origin;
} vep_score_def;

typedef struct vep_band {
    char *level;               /* the advisory level's code               */
    double min, max;           /* inclusive                               */
    vep_text label;
} vep_band;

typedef struct vep_level_def {
    char *id;
    vep_text title;
    vep_ref of;                /* a score                                 */
    vep_band *bands;           /* ascending                               */
    size_t nbands;
    vep_origin origin;
} vep_level_def;

typedef struct vep_flag_def {
    char *id;
    vep_text title;
    vep_cond when;
    vep_origin origin;
} vep_flag_def;

/* ---- Judgement, tests, sources --------------------------------------- */

typedef enum vep_rationale_policy {
    VEP_RATIONALE_WHEN_DIFFERENT = 0, /* default */
    VEP_RATIONALE_ALWAYS,
    VEP_RATIONALE_OPTIONAL
} vep_rationale_policy;

/* The professional's final judgement that the assessment carries. */
typedef struct vep_judgement_def {
    int declared;
    char *outcome;             /* what is judged, e.g. "violent extremism risk" */
    vep_ref advisory;          /* a level whose band is the advisory value, or none */
    char **levels;             /* allowed final levels                    */
    size_t nlevels;
    int required;              /* the assessment must carry a judgement   */
    vep_rationale_policy rationale;
    vep_origin origin;
} vep_judgement_def;

/* A test case of the instrument: an assessment document and what the
** result must contain, both as JSON text built by the loader. */
typedef struct vep_testcase {
    char *name;
    char *assessment_json;
    char *expect_json;
    char *host_json;           /* the stand-ins for host functions, or NULL */
    vep_origin origin;
} vep_testcase;

/* A script source that went into the instrument, in load order. */
typedef struct vep_source {
    char *name;                /* display name (path as given)            */
    char *module;              /* require() name, NULL for the main script */
    char *label;               /* name relative to the instrument's
                                  directory: what results and the hash
                                  show, whatever path the host gave       */
    char *text;                /* the bytes, kept for the runtime         */
    size_t len;
    char sha256[65];
    int layer;                 /* 0: the script loaded; 1: its base; ...  */
    char *own_label;           /* a base's source: its label relative to
                                  the base's own directory (label is
                                  relative to the script loaded); NULL
                                  for the script loaded's sources         */
} vep_source;

/* One script of an overlay's lineage (overlay.h): what it declared itself
** to be, the version range its overlay asked for, and the hash of its own
** sources. */
typedef struct vep_lineage {
    char *id;
    char *version;
    char *range;               /* NULL for the script loaded              */
    const char *file;          /* its main source's label (borrowed)      */
    int layer;
    char sha256[65];
} vep_lineage;

/* One entry of the sorted id index over items, scores, levels and flags
** (one namespace: conditions and function rules name them by id alone). */
typedef struct vep_id_entry {
    const char *id;            /* borrowed from the declaration           */
    vep_ref_kind kind;
    int index;
} vep_id_entry;

typedef struct vep_model {
    vep_alloc *alloc;
    char *id;
    char *version;
    int major, minor, patch;
    vep_text title;
    vep_text description;
    char *licence;
    char *population;
    char *assessor_role;
    char *base;                /* id of an instrument this one adapts     */
    char **languages;
    size_t nlanguages;
    size_t nlanguages_own;     /* the first n are the script's own; an
                                  overlay's bases add the others           */
    char **fallbacks;          /* fallbacks[2*i] -> fallbacks[2*i+1]: the
                                  script's language fallbacks, sorted by
                                  key (lang.h)                            */
    size_t nfallbacks;         /* pairs                                   */
    int illustrative;
    int no_total;              /* an SPJ tool: no total score exists      */
    char *no_total_reason;
    int max_unknown;           /* instrument-wide, -1 = no limit          */

    vep_scale *scales;        size_t nscales;
    vep_part *parts;          size_t nparts;
    vep_domain *domains;      size_t ndomains;
    vep_item *items;          size_t nitems;
    vep_score_def *scores;    size_t nscores;
    vep_level_def *levels;    size_t nlevels;
    vep_flag_def *flags;      size_t nflags;
    vep_judgement_def judgement;
    vep_testcase *tests;      size_t ntests;

    vep_id_entry *ids;         /* sorted by id, then declaration order;
                                  built by vep__model_index()             */
    size_t nids;
    int *item_order;           /* items in dependency order of their
                                  conditions (set by check.c)             */
    int *score_order;          /* scores in dependency order              */
    int has_functions;         /* some rule is a Lua function             */
    struct vep_host_decl *hosts; size_t nhosts;  /* host_function (host.h) */

    vep_source *sources;      size_t nsources;
    char sha256[65];           /* over all sources, see loader.c          */
    vep_lineage *lineage;     size_t nlineage;  /* bases first; empty when
                                  the instrument adapts none              */
} vep_model;

void vep__model_init(vep_model *m, vep_alloc *a);

/* Frees an array of sources and what each owns (any kind of script). */
void vep__sources_free(const vep_alloc *a, vep_source *v, size_t n);
void vep__model_free(vep_model *m);

/* Builds the sorted id index (check.c does, before resolving references);
** afterwards the look-ups below take O(log n).  Returns -1 when out of
** memory (the look-ups then stay linear). */
int vep__model_index(vep_model *m);

/* Helpers shared by the modules that walk the model. */
int vep__model_find_item(const vep_model *m, const char *id);
int vep__model_find_score(const vep_model *m, const char *id);
int vep__model_find_level(const vep_model *m, const char *id);
int vep__model_find_flag(const vep_model *m, const char *id);
int vep__model_find_domain(const vep_model *m, const char *id);
int vep__model_find_scale(const vep_model *m, const char *id);
int vep__model_find_part(const vep_model *m, const char *id);

/* The option list an item's answer codes come from (the scale's points for
** SCALE, the fixed present/absent pair for PRESENCE, the item's options for
** CHOICE and MULTI); NULL for other types. */
const vep_option *vep__item_options(const vep_model *m, const vep_item *it,
                                    size_t *out_n);

/* The display name (path as loaded) of the source whose label or name is
** `file`; the main script's name when none matches.  Chunks are named by
** their short labels, since Lua cuts long chunk names in its messages. */
const char *vep__model_source_name(const vep_model *m, const char *file);
/* The same over any array of sources (plan models have their own). */
const char *vep__source_name(const vep_source *v, size_t n, const char *file);

/* The names scripts and documents use for the enums above, indexed by
** the enum value and NULL-terminated; one table each, so that reading a
** script, describing an instrument and rendering a result agree. */
extern const char *const vep__item_type_names[];    /* vep_item_type        */
extern const char *const vep__domain_kind_names[];  /* vep_domain_kind      */
extern const char *const vep__rule_names[];         /* vep_rule             */
extern const char *const vep__missing_names[];      /* vep_missing_method   */
extern const char *const vep__rationale_names[];    /* vep_rationale_policy */

/* The index of `s` in a NULL-terminated name table, or -1. */
int vep__name_find(const char *const *names, const char *s);

/* names[v], or "?" when v is out of range. */
const char *vep__name_of(const char *const *names, int v);

/* Text in `lang`, else the first language's, else "". */
const char *vep__text_get(const vep_text *t, const char *lang);

void vep__text_free(const vep_alloc *a, vep_text *t);
void vep__cond_free(const vep_alloc *a, vep_cond *c);  /* contents only */
void vep__fn_free(const vep_alloc *a, vep_fn *f);       /* contents only */

#endif
