/*
** vep.h -- the public interface of libvep.
**
** libvep loads assessment instruments written as Lua scripts, validates a
** completed assessment (JSON), scores it, explains every computed number and
** returns the result as JSON.  This header is the API reference.
**
** Conventions (they hold for every function below):
**
**   - Every function that can fail returns a vep_status.  VEP_OK is zero.
**   - Out-parameters come first and are named `out`.  On failure `*out` is
**     set to NULL.
**   - Objects returned through `out` are owned by the caller and freed with
**     the matching vep_*_free function.  Every string the library hands over
**     (`char **out`) is owned by the caller and freed with vep_free().  All
**     free functions accept NULL.
**   - A `const char *` returned by a function is borrowed: it stays valid
**     until the next call on the same handle, or until the handle is freed,
**     whichever comes first.
**   - Each engine keeps the message and the structured diagnostics of the
**     last failed call made through it (vep_engine_errmsg, vep_diag_*).
**   - There is no global mutable state.  Engines are independent: distinct
**     engines may be used from distinct threads at the same time without any
**     locking.  One engine, and every instrument loaded through it, must be
**     used by one thread at a time (the caller serialises access).
**   - Computed levels are advisory.  The professional's final judgement is an
**     input of the assessment, kept beside the computed level in the result.
**
** Symbols marked "experimental" are not yet covered by the ABI promise and are
** only declared when VEP_EXPERIMENTAL is defined before including this file.
*/
#ifndef VEP_VEP_H
#define VEP_VEP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* VEP_API marks the exported functions; everything else is hidden. */
#if defined(VEP_STATIC)
#  define VEP_API
#elif defined(_WIN32)
#  if defined(VEP_BUILDING)
#    define VEP_API __declspec(dllexport)
#  else
#    define VEP_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define VEP_API __attribute__((visibility("default")))
#else
#  define VEP_API
#endif

/* ---------------------------------------------------------------------------
** Versions.
**
** The macros give the version of the header the program was compiled with;
** vep_version_number() and vep_version_string() give the version of the
** library it runs with.  A program may compare the two at start-up.
** VEP_VERSION_NUMBER is MAJOR*10000 + MINOR*100 + PATCH.
*/
#define VEP_VERSION_MAJOR 0
#define VEP_VERSION_MINOR 1
#define VEP_VERSION_PATCH 0
#define VEP_VERSION_STRING "0.1.0"
#define VEP_VERSION_NUMBER \
    (VEP_VERSION_MAJOR * 10000 + VEP_VERSION_MINOR * 100 + VEP_VERSION_PATCH)

/* The library's version, e.g. "0.1.0".  Static storage; never freed. */
VEP_API const char *vep_version_string(void);

/* The library's version as MAJOR*10000 + MINOR*100 + PATCH. */
VEP_API int vep_version_number(void);

/* ---------------------------------------------------------------------------
** Status codes.  The numbers are part of the ABI and are never reused.
*/
typedef enum vep_status {
    VEP_OK = 0,
    VEP_ERR_ARGUMENT = 1,     /* the caller passed NULL or a bad value      */
    VEP_ERR_NOMEM = 2,        /* the host allocator refused memory          */
    VEP_ERR_IO = 3,           /* a file could not be read                   */
    VEP_ERR_SCRIPT = 4,       /* syntax, runtime or forbidden-access error  */
    VEP_ERR_DEFINITION = 5,   /* the instrument definition breaks a rule    */
    VEP_ERR_ASSESSMENT = 6,   /* the assessment is invalid (see vep_diag_*) */
    VEP_ERR_LIMIT_MEMORY = 7, /* a script exceeded its memory limit         */
    VEP_ERR_LIMIT_INSTRUCTIONS = 8, /* ... its instruction budget           */
    VEP_ERR_LIMIT_TIME = 9,   /* ... its wall-clock time limit              */
    VEP_ERR_RANGE = 10,       /* an index or a size is out of range         */
    VEP_ERR_INTERNAL = 11,    /* a bug in libvep; please report it          */
    VEP_ERR_CONTEXT = 12,     /* the case context given to a plan is invalid */
    VEP_ERR_HOST = 13         /* a host function failed, is missing, or was
                                 called with bad arguments                  */
} vep_status;

/* A short English name for a status, e.g. "instruction limit exceeded".
** Static storage; never NULL, also for unknown codes. */
VEP_API const char *vep_strerror(vep_status status);

/* A stable machine name for a status, e.g. "instruction_limit" (the names
** used in vep_diag_json's "status").  Static storage; never NULL. */
VEP_API const char *vep_status_name(vep_status status);

/* Frees a string or buffer returned by the library.  NULL is accepted. */
VEP_API void vep_free(void *ptr);

/* ---------------------------------------------------------------------------
** Allocator hook.
**
** Every allocation an engine makes, its Lua states and JSON documents
** included, goes through its allocator, with two exceptions that use the C
** library's malloc: realpath() when a helper module is resolved, and
** libcrypto while hashing sources (and the C library's own stdio buffers
** when a script file is read).  libvep never changes the process-wide
** allocator hooks of cJSON or any other library.  All three functions must
** be given; vep_engine_new refuses a partial set with
** VEP_ERR_ARGUMENT.  The functions must behave like malloc, realloc and free
** (realloc(ud, NULL, n) allocates; free(ud, NULL) does nothing).  The
** structure is copied by vep_engine_new(); `ud` is passed back untouched.
*/
typedef struct vep_allocator {
    void *ud;
    void *(*malloc_fn)(void *ud, size_t size);
    void *(*realloc_fn)(void *ud, void *ptr, size_t size);
    void (*free_fn)(void *ud, void *ptr);
} vep_allocator;

/* ---------------------------------------------------------------------------
** Engines.
**
** An engine holds the limits and the allocator, and keeps the error message
** and diagnostics of its last failed call.  Zero in a limit field means the
** default.  Defaults: 64 MiB of script memory, 100 million Lua instructions
** and 2000 ms of wall-clock time per top-level script run (loading an
** instrument, or scoring one assessment).  While a script loads, the
** instrument (or plan) built from its declarations and the helper modules it
** reads count against its memory limit too, so that no script can make the
** host hold more than the limit.  A memory limit below VEP_MIN_MEMORY_LIMIT
** is refused with VEP_ERR_ARGUMENT.
*/
#define VEP_MIN_MEMORY_LIMIT ((size_t)256 * 1024)
#define VEP_ENGINE_OPTIONS_VERSION 1

typedef struct vep_engine_options {
    unsigned int version;          /* VEP_ENGINE_OPTIONS_VERSION            */
    size_t memory_limit;           /* bytes a script may make libvep hold   */
    uint64_t instruction_limit;    /* Lua VM instructions per run           */
    uint32_t time_limit_ms;        /* monotonic wall-clock ms per run       */
    const vep_allocator *allocator;/* NULL: the C library's malloc          */
} vep_engine_options;

#define VEP_ENGINE_OPTIONS_INIT { VEP_ENGINE_OPTIONS_VERSION, 0, 0, 0, NULL }

/* Fills *opts with the defaults for `version` (for bindings that cannot use
** the INIT macro).  Returns VEP_ERR_ARGUMENT for an unknown version. */
VEP_API vep_status vep_engine_options_init(vep_engine_options *opts,
                                           unsigned int version);

typedef struct vep_engine vep_engine;

/* Creates an engine.  `opts` may be NULL for the defaults.  The caller owns
** *out and frees it with vep_engine_free() after freeing its instruments. */
VEP_API vep_status vep_engine_new(vep_engine **out,
                                  const vep_engine_options *opts);

/* Frees an engine.  NULL is accepted.  Instruments loaded through it may be
** freed before or after: while any lives, the engine stays usable by them
** and is freed with the last one (so bindings may free in any order). */
VEP_API void vep_engine_free(vep_engine *engine);

/* The message of the last failed call on `engine`, or "" after a success.
** Borrowed until the next call on the engine or on one of its instruments. */
VEP_API const char *vep_engine_errmsg(const vep_engine *engine);

/* ---------------------------------------------------------------------------
** Structured diagnostics.
**
** A failed load (VEP_ERR_SCRIPT, VEP_ERR_DEFINITION, limits) or a failed
** validation (VEP_ERR_ASSESSMENT) records every problem found, not only the
** first.  Each diagnostic has the fields below; a field that does not apply
** is "" (strings) or 0 (line).  Strings are borrowed like vep_engine_errmsg.
*/
typedef enum vep_diag_field {
    VEP_DIAG_FILE = 0,    /* script file, or "" for assessment problems     */
    VEP_DIAG_PATH = 1,    /* JSON path in the assessment, e.g. $.answers.B3 */
    VEP_DIAG_ITEM = 2,    /* item (or score, level, flag) id concerned      */
    VEP_DIAG_RULE = 3,    /* short rule name, e.g. "missing_required"       */
    VEP_DIAG_MESSAGE = 4  /* a sentence for the user                        */
} vep_diag_field;

/* Number of diagnostics of the last failed call on `engine`. */
VEP_API size_t vep_diag_count(const vep_engine *engine);

/* A string field of diagnostic `index`; NULL when index is out of range. */
VEP_API const char *vep_diag_get(const vep_engine *engine, size_t index,
                                 vep_diag_field field);

/* The script line of diagnostic `index` (1-based), or 0 when none. */
VEP_API unsigned int vep_diag_line(const vep_engine *engine, size_t index);

/* All diagnostics of the last failed call as a JSON document:
** {"status": vep_status_name(), "message": vep_engine_errmsg(),
**  "errors": [{"file","line","path","item","rule","message"}...]} and,
** when more than 1000 problems were found, "not_shown": the number left
** out.  The caller frees *out with vep_free(). */
VEP_API vep_status vep_diag_json(char **out, const vep_engine *engine);

/* ---------------------------------------------------------------------------
** Instruments.
**
** An instrument is loaded and checked once, then scores any number of
** assessments.  It belongs to the engine it was loaded through.
*/
typedef struct vep_instrument vep_instrument;

/* Loads the instrument script at `path`.  Helper modules named by the
** script's require() are looked up in the script's own directory only.
** An overlay (a script whose instrument { base = { id, version } } names
** the script it adapts, docs/ADAPTING.md) finds its base as the file
** ID.lua beside it, else under the directory above it (three levels
** down); the base must declare that id and a version in the range, and
** the results then list the whole "lineage".  Returns VEP_ERR_IO,
** VEP_ERR_SCRIPT (rules such as "base_not_found", "base_version"),
** VEP_ERR_DEFINITION or a limit status on failure, with every problem in
** the diagnostics. */
VEP_API vep_status vep_instrument_load_file(vep_instrument **out,
                                            vep_engine *engine,
                                            const char *path);

/* Loads an instrument from memory (an overlay is refused: it has no
** directory to find its base in).  `name` is used in messages (e.g. the
** file name it came from).  require() is not available to such a script. */
VEP_API vep_status vep_instrument_load_buffer(vep_instrument **out,
                                              vep_engine *engine,
                                              const char *name,
                                              const char *source,
                                              size_t length);

/* Frees an instrument.  NULL is accepted. */
VEP_API void vep_instrument_free(vep_instrument *instrument);

/* The instrument's id, semantic version and the SHA-256 (lower-case hex) of
** its script sources.  Borrowed for the life of the instrument. */
VEP_API const char *vep_instrument_id(const vep_instrument *instrument);
VEP_API const char *vep_instrument_version(const vep_instrument *instrument);
VEP_API const char *vep_instrument_sha256(const vep_instrument *instrument);

/* Describes the instrument as JSON: metadata ("id", "version", "sha256",
** "title", "languages", ...), "scales", "parts", "domains", "items",
** "scores" (with their reachable "range"), "levels" (with "bands"),
** "flags", "judgement" and "tests" ([{"name","line"}]).  What a guide
** needs to state the rules in words is there too: items and flags carry
** "when" in the script's notation and "when_words" (e.g. "item S05 is
** 'present'"), text items "max_length", scores "terms" ([{"id", "kind":
** "item"|"score", "weight"}]: the weights, or a composite's factors),
** "at_least" (count rules, else null), "missing" ("incomplete",
** "prorate", "ignore") and "max_unknown" (null: no limit); and
** "host_functions" ([{"name", "signature", "purpose", "line"}]: the host
** functions the script declares, see "Host functions").  Texts are
** in `lang` (a BCP 47 tag; NULL: the instrument's first language).  A
** text missing in `lang` is taken along a fallback chain: the tag's truncations
** (sr-Latn-ME, sr-Latn, sr), for Serbian the other script transliterated
** (sr-Cyrl shown in Latin, sr-Latn shown in Cyrillic), the script's
** `fallbacks` (e.g. cnr -> sr-Latn), its first language, then "en".  The
** member "language" (after "languages") reports it: {"requested": TAG,
** "chain": [TAG...], "used": [{"tag", "transliterated", "texts"}...] (the
** steps that gave texts, with how many), "missing": N (texts in none of
** the chain's languages, shown in their first)}.  A `lang` that is not a
** well-formed tag is VEP_ERR_ARGUMENT.  The caller frees *out with
** vep_free(). */
VEP_API vep_status vep_instrument_describe(char **out,
                                           const vep_instrument *instrument,
                                           const char *lang);

/* ---------------------------------------------------------------------------
** JSON Schema of the assessment document.
**
** Writes a JSON Schema (draft 2020-12) of the assessment documents
** `instrument` accepts to *out, for hosts that check their forms before
** they score: per item the value's shape ("enum" of the codes, "minimum" /
** "maximum" / "integer", "maxLength" in characters, dates as a pattern
** that holds for real calendar dates only), the missing-data states the
** item allows, "required" items, "additionalProperties": false wherever
** the engine refuses unknown members, and the judgement's levels.  Titles
** and descriptions are the item texts in the instrument's first language;
** "$comment" names the instrument's id, version and SHA-256.  JSON null is
** accepted where the engine takes it for a member not given.
**
** Every document vep_validate() accepts is valid under the schema.  What
** a schema cannot express is said in "$comment"s and left to the engine:
** the conditions of conditional items (never "required" in the schema),
** the instrument-wide limit on unknown answers, a rationale for a level
** that differs from the advisory one, and the JSON text itself (UTF-8,
** duplicate keys, \u0000).  The same instrument gives the same bytes.
** The caller frees *out with vep_free().  Returns VEP_ERR_ARGUMENT for a
** NULL argument, VEP_ERR_NOMEM when out of memory (*out is then NULL). */
VEP_API vep_status vep_instrument_schema(char **out,
                                         const vep_instrument *instrument);

/* ---------------------------------------------------------------------------
** Scoring.
**
** vep_score() validates the assessment `json` (`length` bytes, UTF-8)
** against the instrument, scores it and writes the result document to *out.
** If the assessment is invalid it returns VEP_ERR_ASSESSMENT and every
** problem is in the diagnostics.  The same instrument version and the same
** input give the same bytes, whatever was scored before (and, for a script
** that uses host functions, the same answers from the host: the result
** lists them under "host_calls").  A host function's failure gives
** VEP_ERR_HOST.
*/
VEP_API vep_status vep_score(char **out, vep_instrument *instrument,
                             const char *json, size_t length);

/* Validates without scoring.  VEP_OK when the assessment is valid. */
VEP_API vep_status vep_validate(vep_instrument *instrument, const char *json,
                                size_t length);

/* ---------------------------------------------------------------------------
** The instrument's own test cases.
**
** Runs every test case declared in the script and writes a JSON report
** {"instrument", "version", "cases":[{"name", "line", "failures":[...],
** "status", "errors":[...], "passed"}], "passed", "failed"} to *out (freed
** with vep_free()), where "errors" are the case's diagnostics shaped as in
** vep_diag_json,
** where a case's "status" is vep_status_name() of scoring its assessment
** (e.g. "ok", "assessment", "instruction_limit").  *out_failed gets the
** number of failing cases.  Returns VEP_OK when the cases could be run,
** whatever their outcome.
*/
VEP_API vep_status vep_instrument_run_tests(char **out, size_t *out_failed,
                                            vep_instrument *instrument);

/* ---------------------------------------------------------------------------
** Lint: likely mistakes in a script that loads.
**
** Loading refuses what is wrong; lint reports what is legal but probably a
** mistake.  *out gets a JSON document (freed with vep_free()):
**   {"script": id, "version": v, "findings": [{"rule", "severity", "file",
**    "line", "kind", "id", "lang"?, "message", "places"?}...]}
** "severity" is "warning" (probably a mistake) or "note" (worth a look);
** "kind" and "id" name the declaration concerned ("item", "S01"); "lang"
** is given by findings about one language; "message" says what to do; a
** finding about many places ("no_guidance", "missing_translation") sits at
** the first and lists them all in "places": [{"kind", "id", "field",
** "file", "line"}].
** Findings come in the order of the script's declarations (file in load
** order, then line); the same script gives the same bytes.  *out_count
** (may be NULL) gets the number of findings.  Returns VEP_OK whatever
** was found.
**
** Instrument rules (docs/WRITING-INSTRUMENTS.md, "Checking your script"):
**   unused_scale          warning  a scale that no item rates with
**   duplicate_label       warning  two points of a scale, or two options of
**                                  an item, with the same label in a language
**   item_counts_nowhere   note     a rated item in no domain that no score,
**                                  condition or flag uses
**   no_guidance           note     the items without guidance (one finding;
**                                  "places" lists them)
**   band_unreachable      warning  a band that holds no value its score can
**                                  take at its rounding
**   never_holds           warning  a condition (or part of one) of an item
**                                  or flag that can never hold
**   missing_translation   warning  per language: the texts with no entry in
**                                  it (labels of scale points and options
**                                  count even when they have none at all; a
**                                  text the language's fallbacks give, such
**                                  as the other Serbian script, is there)
** An adaptation is linted with what it inherits from its base.
*/
VEP_API vep_status vep_instrument_lint(char **out, size_t *out_count,
                                       const vep_instrument *instrument);

/* ---------------------------------------------------------------------------
** Treatment plans.
**
** A plan script (docs/WRITING-PLANS.md) turns an assessment result and the
** case context the host supplies into an individual plan: interventions
** with their agencies and dates, a placement recommendation, the
** reassessment schedule, the pre-release programme and post-release
** support.  The plan is built on the professional's final judgement, never
** on a computed level alone, and it is a proposal: every element names
** the rules that produced it, duplicates are merged, and rules that
** disagree are reported under "conflicts" for the team to resolve.
**
** The context is a JSON document: {"as_of": "YYYY-MM-DD" (required; there
** is no clock in libvep), "sentence_start", "expected_release",
** "conditional_release", "age", "regime", "language", "literacy",
** "programmes": {"completed": [...], "refused": [...]}, "events": [...],
** "custom": {...}}.  An invalid context gives VEP_ERR_CONTEXT, an invalid
** result VEP_ERR_ASSESSMENT, with every problem in the diagnostics.
*/
typedef struct vep_plan vep_plan;

/* Loads the plan script at `path` (require() looks in its directory; an
** overlay of a plan finds its base as vep_instrument_load_file does). */
VEP_API vep_status vep_plan_load_file(vep_plan **out, vep_engine *engine,
                                      const char *path);

/* Loads a plan from memory; `name` is used in messages. */
VEP_API vep_status vep_plan_load_buffer(vep_plan **out, vep_engine *engine,
                                        const char *name, const char *source,
                                        size_t length);

/* Frees a plan.  NULL is accepted. */
VEP_API void vep_plan_free(vep_plan *plan);

/* The plan's id, version, SHA-256 of its sources and the id of the
** instrument whose results it takes.  Borrowed for the life of the plan. */
VEP_API const char *vep_plan_id(const vep_plan *plan);
VEP_API const char *vep_plan_version(const vep_plan *plan);
VEP_API const char *vep_plan_sha256(const vep_plan *plan);
VEP_API const char *vep_plan_instrument(const vep_plan *plan);

/* Options of an evaluation.  `agency` (an agency id the script declares)
** asks for that agency's need-to-know view: only the parts of the plan
** the script lets it see, nothing else.  `language` (a BCP 47 tag)
** chooses the language of titles (NULL: the plan's first); texts missing
** in it are taken along the fallback chain vep_instrument_describe
** describes, and the plan's header member "language" reports the chain
** and what was taken from where, in the same form. */
typedef struct vep_plan_options {
    unsigned int version;      /* VEP_PLAN_OPTIONS_VERSION               */
    const char *agency;        /* NULL: the whole plan                   */
    const char *language;      /* NULL: the plan's first language        */
} vep_plan_options;

#define VEP_PLAN_OPTIONS_VERSION 1u
#define VEP_PLAN_OPTIONS_INIT { VEP_PLAN_OPTIONS_VERSION, NULL, NULL }

/* Evaluates the plan for one result document (as vep_score writes it) and
** one case context, writing the plan document to *out (vep_free()).
** `options` may be NULL.  An unknown agency, or a language that is not a
** well-formed BCP 47 tag, is VEP_ERR_ARGUMENT. */
VEP_API vep_status vep_plan_evaluate(char **out, vep_plan *plan,
                                     const char *result_json,
                                     size_t result_length,
                                     const char *context_json,
                                     size_t context_length,
                                     const vep_plan_options *options);

/* Scores the assessment and evaluates the plan on its result in one call
** (instrument and plan must come from the same engine).  *out gets
** {"result": {...}, "plan": {...}}; with an agency, only {"plan": view}:
** a need-to-know view never carries the result. */
VEP_API vep_status vep_assess(char **out, vep_instrument *instrument,
                              vep_plan *plan,
                              const char *assessment_json,
                              size_t assessment_length,
                              const char *context_json,
                              size_t context_length,
                              const vep_plan_options *options);

/* Runs the plan script's own test cases; the report has the shape of
** vep_instrument_run_tests' ({"plan", "version", "cases", "passed",
** "failed"}), plus "never_held": the ids of the rules that no case made
** hold. */
VEP_API vep_status vep_plan_run_tests(char **out, size_t *out_failed,
                                      vep_plan *plan);

/* Lint of a plan script: the document of vep_instrument_lint, with the
** plan rules:
**   unused_agency         warning  an agency that nothing names and that
**                                  sees no part of the plan but its own
**   own_part_empty        warning  an agency that may see its own
**                                  interventions or pre-release steps (the
**                                  ".own" parts) but is given none
**   unused_intervention   warning  an intervention that no rule adds
**   unused_host_function  warning  a host function the plan declares and
**                                  no rule's condition asks
**   missing_translation   warning  as for instruments
*/
VEP_API vep_status vep_plan_lint(char **out, size_t *out_count,
                                 const vep_plan *plan);

/* Describes the plan script as JSON (agencies, interventions, rules with
** their conditions in words, placement, reassessment, pre_release,
** post_release, tests), texts in `lang`.  What the script declares, not
** what any case gives: {"id", "version", "sha256", "title",
** "instrument", "languages", "illustrative",
** "agencies": [{"id", "kind", "title", "sees": [parts], "line"}],
** "interventions": [{"id", "category", "title", "agency", "goal",
**   "intensity": [{"level", "text"}], "review_months", "setting", "line"}],
** "rules": [{"id", "title", "when" (in words, e.g. "risk is 'high'"; "always"
**   when it has no condition), "always", "adds": [{"kind": "intervention",
**   "intervention", "priority", "start_days", "review_months", "agency",
**   "responsivity"} | {"kind": "placement", "regime", "rationale",
**   "review_months"} | {"kind": "post_release", "supervisor", "contact",
**   "agencies"} | {"kind": "responsivity", "note"}], "line"}],
** "placement": {"default", "review_months"},
** "reassessment": {"every_months": [{"level", "months"}],
**   "triggers": [{"trigger", "within_days"}]},
** "pre_release": null | {"months_before", "steps": [{"step", "rule",
**   "title", "agency", "due_months", "when", "always", "line"}]},
** "post_release": null | {"supervisor", "contact", "agencies",
**   "review_months", "reviews", "closure": [texts], "line"},
** "host_functions": [{"name", "signature", "purpose", "line"}],
** "tests": [{"name", "line"}]}.  Pre-release steps are listed with the
** steps, not among "rules"; a number or text the script did not give is
** null.  Texts are taken along the fallback chain of `lang` (a BCP 47
** tag; NULL: the plan's first language), as in vep_instrument_describe;
** a malformed tag gives VEP_ERR_ARGUMENT.  The caller frees *out with
** vep_free(). */
VEP_API vep_status vep_plan_describe(char **out, const vep_plan *plan,
                                     const char *lang);

/* ---------------------------------------------------------------------------
** Migrations between major versions.
**
** An assessment recorded under one major version of an instrument is not
** scored by another (vep_score refuses it with rule "wrong_version").  A
** migration script (docs/ADAPTING.md) maps it: renamed items, recoded
** scales, split and merged items, dropped and added items, renamed final
** levels.  vep_migrate() writes the assessment as the new version expects
** it: "instrument" names the target id and version, and one entry is
** appended to "migrations": {"id", "version", "sha256" (of the migration
** script), "from": {"id", "version"}, "to": {"id", "version"},
** "changes": [{"step", "item", "line", ...}]}.  Scoring the migrated
** document then validates it against the new version, and its result
** shows the migrations beside the instrument's lineage.
*/
typedef struct vep_migration vep_migration;

/* Loads the migration script at `path` (helper modules from its own
** directory).  VEP_ERR_IO, VEP_ERR_SCRIPT, VEP_ERR_DEFINITION or a limit
** status on failure, with every problem in the diagnostics. */
VEP_API vep_status vep_migration_load_file(vep_migration **out,
                                           vep_engine *engine,
                                           const char *path);

/* Loads a migration script from memory; `name` is used in messages. */
VEP_API vep_status vep_migration_load_buffer(vep_migration **out,
                                             vep_engine *engine,
                                             const char *name,
                                             const char *source,
                                             size_t length);

/* Frees a migration.  NULL is accepted. */
VEP_API void vep_migration_free(vep_migration *migration);

/* The migration's id, version and the SHA-256 of its sources; borrowed. */
VEP_API const char *vep_migration_id(const vep_migration *migration);
VEP_API const char *vep_migration_version(const vep_migration *migration);
VEP_API const char *vep_migration_sha256(const vep_migration *migration);

/* Migrates the assessment `json` (`length` bytes).  VEP_ERR_ASSESSMENT
** when it is not for the migration's source instrument and versions, or
** an answer has a code the migration does not map, with every problem in
** the diagnostics (JSON path and item).  The caller frees *out with
** vep_free(). */
VEP_API vep_status vep_migrate(char **out, vep_migration *migration,
                               const char *json, size_t length);

/* ---------------------------------------------------------------------------
** Host functions: the only door from a script to the host system.
**
** Some facts only the host has (programmes completed in another prison,
** earlier assessments).  The host registers a C function under a name with
** a signature given at run time; scripts that declare it (host_function
** "NAME" { signature = "..." }, docs/WRITING-INSTRUMENTS.md section 7)
** reach it as host.NAME(...) from their Lua functions while scoring, and
** plan rules test it declaratively ({ host = "NAME", args = {...}, is =
** ... }, docs/WRITING-PLANS.md section 4).  Nothing else of the host is
** reachable from a script.  Host functions are not called while a script
** loads: declarations never depend on the host (such a call fails the
** load with VEP_ERR_SCRIPT, rule "host_at_load").
**
** A signature is a string: RETURN "(" ARGUMENTS ")", e.g.
**   "bool (string subject, string programme)"
**   "int64 (userdata, call, string subject)"
** RETURN is void, bool, int64, double or string.  Each argument is a type
** and an optional name (used in messages): bool, int64, double or string
** are supplied by the script (at most VEP_HOST_MAX_ARGS of them);
** "userdata" passes the registration's user_data pointer and "call" the
** vep_host_call of this call (for vep_host_call_fail), neither seen by
** scripts.  Types map to C as: bool -> bool (one byte), int64 -> int64_t,
** double -> double, string -> const char * (UTF-8, NUL-terminated),
** userdata -> void *, call -> vep_host_call *.  A variadic signature
** ("...") is refused: its arguments could not be checked.
**
** Every call is checked before the host sees it: the number of arguments,
** each type (an int64 takes a Lua integer or a float with an integral
** value inside the int64 range; bool takes true or false only), strings
** without NUL bytes and valid UTF-8.  A failed check, or a failure the
** host reports, becomes a script error naming the function and the
** argument, and the call (vep_score, vep_plan_evaluate ...) returns
** VEP_ERR_HOST with a diagnostic (rules "host_argument", "host_failed",
** "host_missing", "host_result", "host_signature").  A string argument is
** borrowed for the duration of the call only.  Each call is charged to the
** instruction budget by the bytes it passes, and the record of one run's
** calls (below) may hold at most 256 KiB: the call that would pass it
** fails the run ("host_limit").
**
** A script's declaration must match the registration (the same return
** type and script argument types): when the function is registered before
** the script loads, a mismatch fails the load (VEP_ERR_DEFINITION, rule
** "host_signature"); otherwise the call fails.  Every call made is listed
** in the result document, and in the whole plan (not in an agency's view),
** as "host_calls": [{"function", "by" (the rule, e.g. "score:total/fn" or
** "rule:R3"), "args": [...], "result"}]; a document without calls has no
** such member.  A plan evaluation asks a host condition only when its
** answer can still change whether the rule holds (conditions in order;
** the rest of an all / any / none whose verdict is known is not asked),
** and makes each distinct call at most once.  The scripts' own test cases
** never call registered functions: they give stand-ins (host = { NAME =
** value }).
**
** The call interface is prepared once, at registration (through libffi).
** Names are [a-z][a-z0-9_]* and at most 63 bytes, not a Lua keyword (so
** that host.NAME parses); each name is registered once per engine.  Host
** functions run on the thread that made the call,
** under the engine's one-thread-at-a-time rule; the instruction budget and
** the deadline do not stop them, so they should return promptly.  A host
** function must not call libvep through the engine that is calling it
** (its message and diagnostics would be those of the inner call); it may
** use another engine.
*/
#define VEP_HOST_MAX_ARGS 8

typedef struct vep_host_call vep_host_call;

/* Any C function, cast to this type for registration. */
typedef void (*vep_host_fn)(void);

#define VEP_HOST_OPTIONS_VERSION 1u

typedef struct vep_host_options {
    unsigned int version;        /* VEP_HOST_OPTIONS_VERSION              */
    void *user_data;             /* passed where the signature says
                                    "userdata"                           */
    void (*free_string)(void *); /* NULL: a returned string is borrowed
                                    and copied at once; else it is owned
                                    and freed with this after copying    */
} vep_host_options;

#define VEP_HOST_OPTIONS_INIT { VEP_HOST_OPTIONS_VERSION, NULL, NULL }

/* Registers the C function `fn` under `name` with `signature` (see
** above).  `options` may be NULL (no user data, strings borrowed).  A
** string function returning NULL gives the script nil.  Returns
** VEP_ERR_ARGUMENT for a bad name or signature, a variadic signature or a
** name already registered (the message says which), VEP_ERR_NOMEM. */
VEP_API vep_status vep_host_register(vep_engine *engine, const char *name,
                                     const char *signature, vep_host_fn fn,
                                     const vep_host_options *options);

/* The callback form, for bindings (ctypes, JNA): one fixed C signature for
** every function.  The callback reads its arguments with
** vep_host_call_arg_*, sets its result with vep_host_call_return_*, and
** returns 0; any other return, or a call to vep_host_call_fail, is a
** failure.  `signature` may not use "userdata" or "call"; `user_data` is
** passed back untouched. */
typedef int (*vep_host_callback)(void *user_data, vep_host_call *call);

VEP_API vep_status vep_host_register_callback(vep_engine *engine,
                                              const char *name,
                                              const char *signature,
                                              vep_host_callback callback,
                                              void *user_data);

/* The registered host functions as JSON, in name order:
** [{"name", "signature", "returns", "args": [{"type", "name"}],
**   "form": "c" | "callback", "string_result": "borrowed" | "owned" |
**   null}].  The caller frees *out with vep_free(). */
VEP_API vep_status vep_host_list(char **out, const vep_engine *engine);

/* Inside a call: the function's name, and the number of arguments the
** script supplied. */
VEP_API const char *vep_host_call_name(const vep_host_call *call);
VEP_API size_t vep_host_call_argc(const vep_host_call *call);

/* Argument `index` (0-based, script arguments only) as the signature
** types it: bool (0 or 1), int64, double, or a string borrowed for the
** call.  Out of range, or read as another type: 0, 0.0 or NULL. */
VEP_API int vep_host_call_arg_bool(const vep_host_call *call, size_t index);
VEP_API int64_t vep_host_call_arg_int64(const vep_host_call *call,
                                        size_t index);
VEP_API double vep_host_call_arg_double(const vep_host_call *call,
                                        size_t index);
VEP_API const char *vep_host_call_arg_string(const vep_host_call *call,
                                             size_t index);

/* Sets the result of a callback's call (a C function's result is the value
** it returns, whatever these set); it must be of the declared return type
** (else VEP_ERR_ARGUMENT).  A string is copied at once (NULL gives nil); it
** must be valid UTF-8 without NUL bytes, which is checked when the host
** function returns.  A callback of a non-void function that sets nothing
** fails the call. */
VEP_API vep_status vep_host_call_return_bool(vep_host_call *call, int value);
VEP_API vep_status vep_host_call_return_int64(vep_host_call *call,
                                              int64_t value);
VEP_API vep_status vep_host_call_return_double(vep_host_call *call,
                                               double value);
VEP_API vep_status vep_host_call_return_string(vep_host_call *call,
                                               const char *value);

/* Fails the call: the script gets an error "host function 'NAME' failed:
** MESSAGE" (copied, at most 399 bytes, cut at a character; a message that
** is not UTF-8 is replaced by a note saying so), and the engine's call
** returns VEP_ERR_HOST unless the script handles the error.  For a C
** function the value it returns is then ignored.  Returns VEP_OK, or
** VEP_ERR_ARGUMENT for a NULL call. */
VEP_API vep_status vep_host_call_fail(vep_host_call *call,
                                      const char *message);

#ifdef __cplusplus
}
#endif

#endif /* VEP_VEP_H */
