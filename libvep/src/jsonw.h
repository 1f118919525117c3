/*
** jsonw.h -- writes JSON text deterministically.
**
** Keys are written in the order the caller gives them; numbers always in the
** same format (see vep__jw_number), so equal results give equal bytes on
** every machine.  Output is compact, or indented by two spaces with
** `pretty`.  Errors (out of memory) are remembered by the buffer.
*/
#ifndef VEP_JSONW_H
#define VEP_JSONW_H

#include "buf.h"

#define VEP_JW_MAX_DEPTH 64

typedef struct vep_jsonw {
    vep_buf *b;
    int pretty;
    int depth;
    int count[VEP_JW_MAX_DEPTH];  /* values written at each depth        */
    int after_key;                /* a key was written, value is next    */
} vep_jsonw;

void vep__jw_init(vep_jsonw *w, vep_buf *b, int pretty);
void vep__jw_object(vep_jsonw *w);          /* { */
void vep__jw_object_end(vep_jsonw *w);      /* } */
void vep__jw_array(vep_jsonw *w);           /* [ */
void vep__jw_array_end(vep_jsonw *w);       /* ] */
void vep__jw_key(vep_jsonw *w, const char *key);
void vep__jw_string(vep_jsonw *w, const char *s);   /* NULL writes null */
void vep__jw_stringn(vep_jsonw *w, const char *s, size_t len);
/* Numbers: NaN and infinities are written as null, -0 as 0, integral
** values below 2^53 without a fraction; others rounded to `decimals`
** places (0..15, or -1 for the shortest form that reads back exactly)
** with trailing zeros removed. */
void vep__jw_number(vep_jsonw *w, double v, int decimals);
/* Rounds `v` to `decimals` places (0..15) the way vep__jw_number does: half
** away from zero, on the number's decimal form of 15 significant digits (so
** 1.005 gives 1.01 and 0.1 + 0.2 gives 0.3).  The result is the double
** nearest that decimal.  NaN, infinities and decimals < 0 return `v`.
** (Added for score.c, so stored values and printed values agree.) */
double vep__jw_round(double v, int decimals);
void vep__jw_int(vep_jsonw *w, long long v);
void vep__jw_bool(vep_jsonw *w, int v);
void vep__jw_null(vep_jsonw *w);
/* Shorthands for a key followed by a value. */
void vep__jw_kstring(vep_jsonw *w, const char *key, const char *s);
void vep__jw_knumber(vep_jsonw *w, const char *key, double v, int decimals);
void vep__jw_kint(vep_jsonw *w, const char *key, long long v);
void vep__jw_kbool(vep_jsonw *w, const char *key, int v);

#endif
