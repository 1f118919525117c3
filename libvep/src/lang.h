/*
** lang.h -- which language a document's texts are shown in.
**
** Every text of a script is a table keyed by BCP 47 tag (vep_text).  A
** document (an instrument's description, a plan) is written for one
** requested language; each of its texts is taken from the first language
** of a fallback chain that the text has, built once per document:
**
**   sr-Latn-ME  ->  sr-Latn-ME, sr-Latn, sr, sr-Cyrl-ME*, sr-Cyrl*,
**                   (the script's fallbacks), the script's first language, en
**
** (* transliterated: Serbian Cyrillic and Latin map one to one, see
** translit.h).  What was taken from where is counted in a vep_lang_report
** and written into the document, so a reader can tell a text in the
** requested language from a fallback.  Tags compare case-insensitively.
** Nothing here allocates except the scratch buffer of a transliteration.
*/
#ifndef VEP_LANG_H
#define VEP_LANG_H

#include <stddef.h>
#include "model.h"
#include "buf.h"
#include "jsonw.h"

#define VEP_LANG_TAG_MAX 36        /* longest tag kept, NUL included */
#define VEP_LANG_CHAIN_MAX 10

typedef enum vep_lang_conv {
    VEP_CONV_NONE = 0,             /* the text as written                   */
    VEP_CONV_TO_LATN,              /* Serbian Cyrillic shown in Latin       */
    VEP_CONV_TO_CYRL               /* Serbian Latin shown in Cyrillic       */
} vep_lang_conv;

typedef struct vep_lang_step {
    char tag[VEP_LANG_TAG_MAX];
    vep_lang_conv conv;
} vep_lang_step;

typedef struct vep_lang_chain {
    char requested[VEP_LANG_TAG_MAX];
    vep_lang_step step[VEP_LANG_CHAIN_MAX];
    size_t n;
} vep_lang_chain;

/* Whether two language tags are the same (ASCII case-insensitive). */
int vep__lang_equal(const char *a, const char *b);

/* Builds the chain for `requested` (NULL or "" means `default_lang`):
**   1. the tag itself, then its truncations (sr-Latn-ME -> sr-Latn -> sr),
**   2. for Serbian (sr): the same language in the other script,
**      transliterated (asked sr-Latn-ME: ... sr-Cyrl-ME, sr-Cyrl with
**      VEP_CONV_TO_LATN), and for sr with no script: sr-Latn, then sr-Cyrl
**      (to Latin); a region stays (sr-ME: sr-ME, sr, sr-Latn-ME, sr-Latn,
**      sr-Cyrl-ME, sr-Cyrl),
**   3. the script's own fallbacks, given as `nfb` pairs fb[2*i] ->
**      fb[2*i+1] (e.g. cnr -> sr-Latn, bs -> hr), applied to any tag of the
**      chain so far, including tags a fallback added (with their own
**      truncations and transliterations), in chain order, then pair order,
**   4. `default_lang` (the script's first language), then "en".
** Duplicates are dropped (tags compare case-insensitively); the chain is
** cut at VEP_LANG_CHAIN_MAX.  Fallback and default tags that are not
** well-formed or longer than VEP_LANG_TAG_MAX - 1 are skipped.  Returns 0,
** or -1 (and an empty chain) when `requested` is not a well-formed tag
** (vep__valid_lang) or is longer than VEP_LANG_TAG_MAX - 1. */
int vep__lang_chain(vep_lang_chain *c, const char *requested, const char *default_lang,
                    const char *const *fb, size_t nfb);

/* The text of `t` along the chain: the first step whose tag `t` has.
** Returns the text (borrowed from t, or, when the step transliterates,
** written into `scratch`, which is reset first, so the text lives until
** the next call with the same scratch) and sets *step (when not NULL) to
** the index of the chain step used.  *step is -1 when none of the chain's
** tags has a text: then the text's first language is returned, or ""
** when t has no text at all.  Returns NULL when out of memory. */
const char *vep__text_pick(const vep_text *t, const vep_lang_chain *c, vep_buf *scratch,
                           int *step);

/* Fallback bookkeeping for a whole document: how many texts were taken
** from each step of the chain, and how many from none of them. */
typedef struct vep_lang_report {
    size_t used[VEP_LANG_CHAIN_MAX];
    size_t missing;
} vep_lang_report;

/* Counts one text picked at chain step `step` (-1: missing). */
void vep__lang_report_add(vep_lang_report *r, int step);

/* Writes the member
**   "language": {"requested": TAG, "chain": [TAG...],
**                "used": [{"tag": TAG, "transliterated": bool, "texts": N}...],
**                "missing": N}
** with only the steps that gave texts under "used", in chain order. */
void vep__lang_report_write(vep_jsonw *w, const vep_lang_chain *c, const vep_lang_report *r);

#endif
