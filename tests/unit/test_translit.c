/*
** test_translit.c -- Serbian Cyrillic <-> Latin (translit.c): the whole
** alphabet both ways in both cases, title case and capitals of the
** digraphs, decomposed and digraph code points, round trips of real
** sentences, the documented limit, pass-through of other text and of
** invalid UTF-8, and buffers that cannot grow.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "translit.h"

/* ---- Helpers ------------------------------------------------------------ */

/* An allocator that fails every allocation from the `fail_at`-th on (0:
** never), counting the blocks it holds. */
typedef struct tl_alloc {
    long calls, fail_at, live;
} tl_alloc;

static void *tl_malloc(void *ud, size_t n)
{
    tl_alloc *a = ud;
    void *p;
    if (a->fail_at && ++a->calls >= a->fail_at)
        return NULL;
    p = malloc(n);
    if (p)
        a->live++;
    return p;
}

static void *tl_realloc(void *ud, void *ptr, size_t n)
{
    tl_alloc *a = ud;
    void *p;
    if (a->fail_at && ++a->calls >= a->fail_at)
        return NULL;
    p = realloc(ptr, n);
    if (p && ptr == NULL)
        a->live++;
    return p;
}

static void tl_free(void *ud, void *ptr)
{
    tl_alloc *a = ud;
    if (ptr) {
        a->live--;
        free(ptr);
    }
}

typedef int (*tl_fn)(vep_buf *, const char *, size_t);

/* Converts `in` with `fn` and checks the output is exactly `want`. */
static void check(tl_fn fn, const char *in, const char *want)
{
    vep_alloc a;
    vep_buf b;
    vep__alloc_init(&a, NULL);
    vep__buf_init(&b, &a);
    assert_int_equal(fn(&b, in, strlen(in)), 0);
    if (strcmp(vep__buf_str(&b), want) != 0)
        fail_msg("'%s' gave '%s', expected '%s'", in, vep__buf_str(&b), want);
    vep__buf_free(&b);
}

#define TO_LATN(in, want) check(vep__translit_cyrl_to_latn, in, want)
#define TO_CYRL(in, want) check(vep__translit_latn_to_cyrl, in, want)

/* Both directions: Cyrillic `c` and Latin `l` are each other's forms. */
static void both(const char *c, const char *l)
{
    TO_LATN(c, l);
    TO_CYRL(l, c);
}

/* The 30 letters in alphabetical (azbuka) order. */
static const char cyr_lower[] = "абвгдђежзијклљмнњопрстћуфхцчџш";
static const char cyr_upper[] = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ";
static const char lat_lower[] = "abvgdđežzijklljmnnjoprstćufhcčdžš";
static const char lat_upper[] = "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ";

/* ---- The alphabet ------------------------------------------------------- */

static void test_alphabet_small_letters(void **state)
{
    (void)state;
    both(cyr_lower, lat_lower);
}

static void test_alphabet_capitals(void **state)
{
    (void)state;
    both(cyr_upper, lat_upper);   /* a word in capitals: LJ NJ DŽ */
}

/* Each letter on its own, both cases, so that no pair in the table is
** hidden by its neighbours. */
static void test_each_letter_alone(void **state)
{
    static const char *const c[30] = {
        "А", "Б", "В", "Г", "Д", "Ђ", "Е", "Ж", "З", "И", "Ј", "К", "Л", "Љ", "М",
        "Н", "Њ", "О", "П", "Р", "С", "Т", "Ћ", "У", "Ф", "Х", "Ц", "Ч", "Џ", "Ш"
    };
    static const char *const l[30] = {
        "A", "B", "V", "G", "D", "Đ", "E", "Ž", "Z", "I", "J", "K", "L", "Lj", "M",
        "N", "Nj", "O", "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č", "Dž", "Š"
    };
    static const char *const cl[30] = {
        "а", "б", "в", "г", "д", "ђ", "е", "ж", "з", "и", "ј", "к", "л", "љ", "м",
        "н", "њ", "о", "п", "р", "с", "т", "ћ", "у", "ф", "х", "ц", "ч", "џ", "ш"
    };
    static const char *const ll[30] = {
        "a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m",
        "n", "nj", "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š"
    };
    size_t i;
    (void)state;
    for (i = 0; i < 30; i++) {
        both(c[i], l[i]);          /* a capital alone is title case: Lj */
        both(cl[i], ll[i]);
    }
}

static void test_digraph_capitals(void **state)
{
    (void)state;
    both("Љубав", "Ljubav");
    both("Њива", "Njiva");
    both("Џеп", "Džep");
    both("ЉУБАВ", "LJUBAV");
    both("ЊИВА", "NJIVA");
    both("ЏЕП", "DŽEP");
    both("КРАЉ", "KRALJ");        /* at the end of a word in capitals */
    both("КОЊ", "KONJ");
    both("ЏАК и Џак", "DŽAK i Džak");
    TO_LATN("Љ.", "Lj.");
    TO_LATN("ЊЊ", "NJNJ");
    TO_LATN("А Љ", "A Lj");        /* a space ends the word before */
    /* Latin to Cyrillic: any capitalisation of the pair is one letter. */
    TO_CYRL("lj Lj LJ lJ", "љ Љ Љ љ");
    TO_CYRL("nj Nj NJ nJ", "њ Њ Њ њ");
    TO_CYRL("dž Dž DŽ dŽ", "џ Џ Џ џ");
}

/* č ć š ž typed as a base letter and a combining mark, and the Unicode
** digraph letters (U+01C4..U+01CC). */
static void test_decomposed_and_digraph_code_points(void **state)
{
    (void)state;
    TO_CYRL("c\xCC\x8C" "C\xCC\x8C" "s\xCC\x8C" "S\xCC\x8C" "z\xCC\x8C" "Z\xCC\x8C",
            "чЧшШжЖ");
    TO_CYRL("c\xCC\x81" "C\xCC\x81", "ћЋ");
    TO_CYRL("dz\xCC\x8C" "ep Dz\xCC\x8C" "ak DZ\xCC\x8C" "AK", "џеп Џак ЏАК");
    TO_CYRL("s\xCC\x81", "с\xCC\x81");          /* ś is not Serbian */
    TO_CYRL("ǄǅǆǇǈǉǊǋǌ", "ЏЏџЉЉљЊЊњ");
    TO_CYRL("ǉubav", "љубав");
}

/* ---- Sentences ---------------------------------------------------------- */

static const char *const latin_sentences[] = {
    "Procena rizika i potreba radi se svakih šest meseci.",
    "Džemper, ljubav i njiva su reči sa po jednim slovom više.",
    "Đak ćuti, a čovek žuri na posao u 7:30.",
    "LJUDI IZ NJEGOVOG OKRUŽENJA, DŽAMIJA. Ljubiša Đorđević, Njegoš.",
    "Faktori rizika: uverenja, stavovi i ideologija (domen A).",
};

static const char *const cyrillic_sentences[] = {
    "Процена ризика и потреба ради се сваких шест месеци.",
    "Љубазни џелат је у Њујорку видео ђака који ћути.",
    "ЧЕШАЉ И ЏАК, КРАЉ И КОЊ.",
    "Заштитни фактори: породица, посао, ментор (домен Е).",
};

static void round_trip(tl_fn there, tl_fn back, const char *s)
{
    vep_alloc a;
    vep_buf b1, b2;
    vep__alloc_init(&a, NULL);
    vep__buf_init(&b1, &a);
    vep__buf_init(&b2, &a);
    assert_int_equal(there(&b1, s, strlen(s)), 0);
    assert_string_not_equal(vep__buf_str(&b1), s);   /* something changed */
    assert_int_equal(back(&b2, b1.data, b1.len), 0);
    if (strcmp(vep__buf_str(&b2), s) != 0)
        fail_msg("'%s' -> '%s' -> '%s'", s, vep__buf_str(&b1), vep__buf_str(&b2));
    vep__buf_free(&b1);
    vep__buf_free(&b2);
}

static void test_round_trips(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof latin_sentences / sizeof *latin_sentences; i++)
        round_trip(vep__translit_latn_to_cyrl, vep__translit_cyrl_to_latn, latin_sentences[i]);
    for (i = 0; i < sizeof cyrillic_sentences / sizeof *cyrillic_sentences; i++)
        round_trip(vep__translit_cyrl_to_latn, vep__translit_latn_to_cyrl, cyrillic_sentences[i]);
    TO_CYRL(latin_sentences[1], "Џемпер, љубав и њива су речи са по једним словом више.");
    TO_LATN(cyrillic_sentences[1], "Ljubazni dželat je u Njujorku video đaka koji ćuti.");
}

/* The limit translit.h documents: pairs that are two letters in a few
** words become one. */
static void test_known_limit(void **state)
{
    (void)state;
    TO_CYRL("nadživeti", "наџивети");
    TO_CYRL("injekcija", "ињекција");
    TO_LATN("надживети", "nadživeti");   /* the other way is exact */
    TO_LATN("инјекција", "injekcija");
}

/* ---- What is not Serbian ------------------------------------------------ */

static void test_other_text_passes_through(void **state)
{
    static const char other_cyrillic[] = "щыэюяёй ѓќѕ ЩЫЭЮЯЁЙ ЃЌЅ";
    static const char other[] = "0123456789 !?.,;:-()[]{}\"'/\\ — « » € ß Ελληνικά ΑΩ 😀 \t\n";
    (void)state;
    TO_LATN(other_cyrillic, other_cyrillic);
    TO_LATN(other, other);
    TO_LATN("Latin text, qwxy QWXY ćčđšž", "Latin text, qwxy QWXY ćčđšž");
    TO_CYRL(other_cyrillic, other_cyrillic);
    TO_CYRL(other, other);
    TO_CYRL("qwxy QWXY", "qwxy QWXY");
    TO_CYRL("Већ ћирилица", "Већ ћирилица");
    TO_LATN("", "");
    TO_CYRL("", "");
}

static void test_invalid_utf8_passes_through(void **state)
{
    (void)state;
    TO_LATN("\xFF" "аб" "\xC0\x80" "в" "\xED\xA0\x80" "г" "\xE0\x80", "\xFF" "ab" "\xC0\x80" "v"
            "\xED\xA0\x80" "g" "\xE0\x80");
    TO_LATN("Љ\xFF", "Lj\xFF");
    TO_LATN("кра\xD0", "kra\xD0");           /* cut inside a letter */
    TO_CYRL("a\xFF" "b\xCC", "а\xFF" "б\xCC");
    TO_CYRL("c\xCC", "ц\xCC");                 /* cut inside the caron */
    TO_CYRL("l\xFFj", "л\xFFј");
}

/* Only `len` bytes are read, NULs included. */
static void test_length_is_respected(void **state)
{
    vep_alloc a;
    vep_buf b;
    (void)state;
    vep__alloc_init(&a, NULL);
    vep__buf_init(&b, &a);
    assert_int_equal(vep__translit_latn_to_cyrl(&b, "ljubav", 1), 0);
    assert_string_equal(vep__buf_str(&b), "л");
    vep__buf_reset(&b);
    assert_int_equal(vep__translit_cyrl_to_latn(&b, "а\0б", 5), 0);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.data, "a\0b", 3);
    vep__buf_free(&b);
}

/* ---- Buffers that cannot grow ------------------------------------------- */

static void test_out_of_memory(void **state)
{
    static const char *const in[2] = {
        "Процена ризика и потреба ради се сваких шест месеци. Љубазни џелат је у Њујорку. "
        "Процена ризика и потреба ради се сваких шест месеци. Љубазни џелат је у Њујорку.",
        "Procena rizika i potreba radi se svakih šest meseci. Džemper, ljubav i njiva. "
        "Procena rizika i potreba radi se svakih šest meseci. Džemper, ljubav i njiva.",
    };
    tl_fn fn[2] = { vep__translit_cyrl_to_latn, vep__translit_latn_to_cyrl };
    tl_alloc t;
    vep_allocator host;
    vep_alloc a;
    vep_buf b;
    long n;
    int k, failures;
    (void)state;

    host.ud = &t;
    host.malloc_fn = tl_malloc;
    host.realloc_fn = tl_realloc;
    host.free_fn = tl_free;
    vep__alloc_init(&a, &host);
    for (k = 0; k < 2; k++) {
        failures = 0;
        for (n = 1;; n++) {              /* fail the n-th allocation on */
            int rc;
            memset(&t, 0, sizeof t);
            t.fail_at = n;
            vep__buf_init(&b, &a);
            rc = fn[k](&b, in[k], strlen(in[k]));
            if (rc == 0) {
                assert_false(b.failed);
                break;
            }
            assert_int_equal(rc, -1);
            assert_true(b.failed);
            /* A buffer that failed stays failed: no later append lands. */
            assert_int_equal(fn[k](&b, "a", 1), -1);
            vep__buf_free(&b);
            assert_int_equal(t.live, 0);
            failures++;
        }
        assert_true(failures >= 2);      /* the text needs several growths */
        vep__buf_free(&b);
        assert_int_equal(t.live, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alphabet_small_letters),
        cmocka_unit_test(test_alphabet_capitals),
        cmocka_unit_test(test_each_letter_alone),
        cmocka_unit_test(test_digraph_capitals),
        cmocka_unit_test(test_decomposed_and_digraph_code_points),
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_known_limit),
        cmocka_unit_test(test_other_text_passes_through),
        cmocka_unit_test(test_invalid_utf8_passes_through),
        cmocka_unit_test(test_length_is_respected),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
