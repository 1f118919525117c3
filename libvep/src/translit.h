/*
** translit.h -- Serbian Cyrillic to Latin and back.
**
** Serbian is written in two alphabets of 30 letters each that map one to
** one (Vuk's Cyrillic and Gaj's Latin), so a text written in one script
** can be shown in the other: an instrument with sr-Latn texts can be read
** in sr-Cyrl, and the other way round (lang.c uses these when a language
** chain steps to the other script).
**
**   А Б В Г Д Ђ Е Ж З И Ј К Л Љ  М Н Њ  О П Р С Т Ћ У Ф Х Ц Ч Џ  Ш
**   A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š
**
** Three Cyrillic letters become two Latin ones (Љ Њ Џ); their capitals
** are written Lj Nj Dž, or LJ NJ DŽ inside a word in capitals (ЉУБАВ ->
** LJUBAV, КРАЉ -> KRALJ).  Going back, the pairs lj, nj and dž become one
** letter whatever their capitalisation (lj Lj LJ).  The decomposed forms
** of č ć š ž (c, s or z followed by U+030C COMBINING CARON, c followed by
** U+0301 COMBINING ACUTE ACCENT) and the Unicode digraph letters
** (U+01C4..U+01CC: ǆ ǉ ǌ and their capitals) are read too.
**
** Everything else passes through unchanged: digits, punctuation, letters
** of other alphabets (Latin q w x y, Greek, the Cyrillic letters Serbian
** does not use such as Macedonian ѓ ќ ѕ or Russian я), and bytes that are
** not well-formed UTF-8.
**
** Known limits (Serbian orthography's own exceptions are not modelled):
**   - Latin to Cyrillic reads every l+j, n+j and d+ž as one letter, also in
**     the few words where they are two: "nadživeti" gives "наџивети" (not
**     "надживети"), "injekcija" gives "ињекција" (not "инјекција"),
**     "konjunkcija", "tanjug" and the like.
**   - Foreign words, abbreviations, codes and addresses written in Latin
**     are converted too ("VERA-2R" gives "ВЕРА-2Р").
**   - "dj" and "Dj" are not read as đ (a common substitute when typing
**     without the letter đ).
*/
#ifndef VEP_TRANSLIT_H
#define VEP_TRANSLIT_H

#include <stddef.h>
#include "buf.h"

/* Serbian Cyrillic -> Latin (Gaj's alphabet): а->a ... љ->lj, њ->nj,
** џ->dž, ђ->đ, ћ->ć, ч->č, ж->ž, ш->š, and capitals (Љ->Lj, or LJ inside
** an all-capitals word, e.g. ЉУБАВ -> LJUBAV).  Appends to b; other
** characters (digits, punctuation, Latin, Greek...) pass through
** unchanged.  Invalid UTF-8 bytes pass through unchanged too.  Returns 0,
** or -1 when b failed to grow (b->failed is set, and then stays so). */
int vep__translit_cyrl_to_latn(vep_buf *b, const char *s, size_t len);

/* Serbian Latin -> Cyrillic: the digraphs lj, nj, dž (any capitalisation:
** lj Lj LJ) become one letter each (љ њ џ); the decomposed forms (z +
** U+030C combining caron for ž, so d z U+030C for џ, etc.) are handled
** too.  Appends to b; returns 0, or -1 when b failed to grow. */
int vep__translit_latn_to_cyrl(vep_buf *b, const char *s, size_t len);

#endif
