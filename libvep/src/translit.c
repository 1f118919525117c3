/*
** translit.c -- Serbian Cyrillic to Latin and back (see translit.h).
**
** One table of the 30 letters drives both directions.  Text is walked
** code point by code point; what is not a Serbian letter is copied byte
** for byte, so that other text, and bytes that are not UTF-8, come out as
** they went in.
*/
#include <string.h>
#include "translit.h"
#include "utf8.h"

/* One letter of the Serbian alphabet: its Cyrillic capital and small
** letter, and its Latin form: one letter, or two for Љ Њ Џ (lat2 is 0
** for the others). */
typedef struct vep_srletter {
    unsigned cyr_upper, cyr_lower;
    unsigned lat_upper, lat_lower;
    unsigned lat2_upper, lat2_lower;
} vep_srletter;

static const vep_srletter letters[30] = {
    { 0x0410, 0x0430, 'A', 'a', 0, 0 },
    { 0x0411, 0x0431, 'B', 'b', 0, 0 },
    { 0x0412, 0x0432, 'V', 'v', 0, 0 },
    { 0x0413, 0x0433, 'G', 'g', 0, 0 },
    { 0x0414, 0x0434, 'D', 'd', 0, 0 },
    { 0x0402, 0x0452, 0x0110, 0x0111, 0, 0 },          /* Ђ Đ */
    { 0x0415, 0x0435, 'E', 'e', 0, 0 },
    { 0x0416, 0x0436, 0x017D, 0x017E, 0, 0 },          /* Ж Ž */
    { 0x0417, 0x0437, 'Z', 'z', 0, 0 },
    { 0x0418, 0x0438, 'I', 'i', 0, 0 },
    { 0x0408, 0x0458, 'J', 'j', 0, 0 },
    { 0x041A, 0x043A, 'K', 'k', 0, 0 },
    { 0x041B, 0x043B, 'L', 'l', 0, 0 },
    { 0x0409, 0x0459, 'L', 'l', 'J', 'j' },            /* Љ Lj */
    { 0x041C, 0x043C, 'M', 'm', 0, 0 },
    { 0x041D, 0x043D, 'N', 'n', 0, 0 },
    { 0x040A, 0x045A, 'N', 'n', 'J', 'j' },            /* Њ Nj */
    { 0x041E, 0x043E, 'O', 'o', 0, 0 },
    { 0x041F, 0x043F, 'P', 'p', 0, 0 },
    { 0x0420, 0x0440, 'R', 'r', 0, 0 },
    { 0x0421, 0x0441, 'S', 's', 0, 0 },
    { 0x0422, 0x0442, 'T', 't', 0, 0 },
    { 0x040B, 0x045B, 0x0106, 0x0107, 0, 0 },          /* Ћ Ć */
    { 0x0423, 0x0443, 'U', 'u', 0, 0 },
    { 0x0424, 0x0444, 'F', 'f', 0, 0 },
    { 0x0425, 0x0445, 'H', 'h', 0, 0 },
    { 0x0426, 0x0446, 'C', 'c', 0, 0 },
    { 0x0427, 0x0447, 0x010C, 0x010D, 0, 0 },          /* Ч Č */
    { 0x040F, 0x045F, 'D', 'd', 0x017D, 0x017E },      /* Џ Dž */
    { 0x0428, 0x0448, 0x0160, 0x0161, 0, 0 },          /* Ш Š */
};

#define NLETTERS (sizeof letters / sizeof letters[0])
#define CARON 0x030Cu   /* COMBINING CARON         */
#define ACUTE 0x0301u   /* COMBINING ACUTE ACCENT  */

/* Decodes the character at p (n > 0 bytes left): sets *k to its length
** and returns its code point, or returns -1 with *k = 1 for a byte that
** does not start a well-formed sequence. */
static long decode(const unsigned char *p, size_t n, size_t *k)
{
    size_t len = vep__utf8_seq_len(p, n);
    *k = len ? len : 1;
    switch (len) {
    case 1: return p[0];
    case 2: return ((long)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((long)(p[0] & 0x0F) << 12) | ((long)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    case 4: return ((long)(p[0] & 0x07) << 18) | ((long)(p[1] & 0x3F) << 12)
                   | ((long)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    default: return -1;
    }
}

/* Appends code point cp (a valid scalar value) as UTF-8. */
static void put(vep_buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else {                      /* the table holds nothing above U+FFFF */
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    }
    vep__buf_add(b, u, n);
}

/* 1 for a capital letter, -1 for a small one, 0 for anything else.  Only
** the alphabets a Serbian text borders on are known: ASCII, the Latin
** letters of Serbian, Latin-1, Greek and Cyrillic; that is what deciding
** between "Lj" and "LJ" needs. */
static int letter_case(long cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        || cp == 0x0106 || cp == 0x010C || cp == 0x0110 || cp == 0x0160 || cp == 0x017D
        || (cp >= 0x0391 && cp <= 0x03A9) || (cp >= 0x0400 && cp <= 0x042F))
        return 1;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        || cp == 0x0107 || cp == 0x010D || cp == 0x0111 || cp == 0x0161 || cp == 0x017E
        || (cp >= 0x03B1 && cp <= 0x03C9) || (cp >= 0x0430 && cp <= 0x045F))
        return -1;
    return 0;
}

/* The letter whose Cyrillic form is cp (*upper says which case), or NULL. */
static const vep_srletter *by_cyrillic(long cp, int *upper)
{
    size_t i;
    if (cp < 0x0400 || cp > 0x045F)
        return NULL;
    for (i = 0; i < NLETTERS; i++)
        if (letters[i].cyr_upper == (unsigned)cp || letters[i].cyr_lower == (unsigned)cp) {
            *upper = letters[i].cyr_upper == (unsigned)cp;
            return &letters[i];
        }
    return NULL;
}

int vep__translit_cyrl_to_latn(vep_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k, k2;
    int prev = 0, upper;

    while (i < len) {
        long cp = decode(p + i, len - i, &k);
        const vep_srletter *l = by_cyrillic(cp, &upper);
        if (l == NULL) {
            vep__buf_add(b, s + i, k);
        } else if (!upper) {
            put(b, l->lat_lower);
            if (l->lat2_lower)
                put(b, l->lat2_lower);
        } else {
            put(b, l->lat_upper);
            if (l->lat2_upper) {
                /* LJ inside a word in capitals (the next letter, or at
                ** the end of the word the previous one, is a capital). */
                int next = i + k < len ? letter_case(decode(p + i + k, len - i - k, &k2)) : 0;
                int caps = next == 1 || (next == 0 && prev == 1);
                put(b, caps ? l->lat2_upper : l->lat2_lower);
            }
        }
        prev = cp < 0 ? 0 : letter_case(cp);
        i += k;
    }
    return b->failed ? -1 : 0;
}

/* Reads the Latin letter at p (n > 0 bytes left), composing c, s, z with
** a following combining caron (č š ž) and c with a combining acute (ć):
** sets *k to the bytes read and returns the (composed) code point, or -1
** for a byte that is not UTF-8. */
static long latin_letter(const unsigned char *p, size_t n, size_t *k)
{
    long cp = decode(p, n, k), mark;
    size_t km;
    if (*k >= n || !(cp == 'c' || cp == 'C' || cp == 's' || cp == 'S' || cp == 'z' || cp == 'Z'))
        return cp;
    mark = decode(p + *k, n - *k, &km);
    if (mark == (long)CARON) {
        *k += km;
        switch (cp) {
        case 'c': return 0x010D;
        case 'C': return 0x010C;
        case 's': return 0x0161;
        case 'S': return 0x0160;
        case 'z': return 0x017E;
        default:  return 0x017D;
        }
    }
    if (mark == (long)ACUTE && (cp == 'c' || cp == 'C')) {
        *k += km;
        return cp == 'c' ? 0x0107 : 0x0106;
    }
    return cp;
}

/* The Cyrillic letter of a Unicode digraph letter (U+01C4..U+01CC:
** Ǆ ǅ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ), or 0. */
static unsigned digraph_letter(long cp)
{
    static const unsigned cyr[9] = {
        0x040F, 0x040F, 0x045F, 0x0409, 0x0409, 0x0459, 0x040A, 0x040A, 0x045A
    };
    return cp >= 0x01C4 && cp <= 0x01CC ? cyr[cp - 0x01C4] : 0;
}

int vep__translit_latn_to_cyrl(vep_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k, k2, j;

    while (i < len) {
        long cp = latin_letter(p + i, len - i, &k), cp2 = -1;
        const vep_srletter *hit = NULL;
        int upper = 0;
        if (digraph_letter(cp)) {
            put(b, digraph_letter(cp));
            i += k;
            continue;
        }
        if (i + k < len)
            cp2 = latin_letter(p + i + k, len - i - k, &k2);
        for (j = 0; j < NLETTERS && hit == NULL; j++) {   /* pairs first */
            const vep_srletter *l = &letters[j];
            if (l->lat2_upper && ((unsigned long)cp == l->lat_upper || (unsigned long)cp == l->lat_lower)
                && cp2 >= 0 && ((unsigned long)cp2 == l->lat2_upper || (unsigned long)cp2 == l->lat2_lower)) {
                hit = l;
                upper = (unsigned long)cp == l->lat_upper;
                k += k2;
            }
        }
        for (j = 0; j < NLETTERS && hit == NULL; j++) {
            const vep_srletter *l = &letters[j];
            if (l->lat2_upper == 0 && cp >= 0
                && ((unsigned long)cp == l->lat_upper || (unsigned long)cp == l->lat_lower)) {
                hit = l;
                upper = (unsigned long)cp == l->lat_upper;
            }
        }
        if (hit)
            put(b, upper ? hit->cyr_upper : hit->cyr_lower);
        else
            vep__buf_add(b, s + i, k);
        i += k;
    }
    return b->failed ? -1 : 0;
}
