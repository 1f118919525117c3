/*
** test_lang.c -- language fallback chains (lang.c): the order of the
** chain for plain, regional and Serbian tags, the script's fallbacks
** (transitive, with their own truncations), duplicates and the length
** cap, malformed tags; picking texts along a chain with and without
** transliteration, what a pick allocates, and the report member.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "lang.h"

/* ---- Helpers ------------------------------------------------------------ */

/* The chain as text, "tag tag* tag" (* marks a transliterating step:
** the script it shows, e.g. "sr-Cyrl>Latn"). */
static const char *chain_text(const vep_lang_chain *c, char *buf, size_t size)
{
    size_t i, n = 0;
    buf[0] = '\0';
    for (i = 0; i < c->n && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s%s", i ? " " : "", c->step[i].tag,
                              c->step[i].conv == VEP_CONV_TO_LATN ? ">Latn"
                              : c->step[i].conv == VEP_CONV_TO_CYRL ? ">Cyrl" : "");
    return buf;
}

/* Builds the chain and checks it against `want`. */
static void expect_chain(const char *requested, const char *def, const char *const *fb,
                         size_t nfb, const char *want)
{
    vep_lang_chain c;
    char buf[512];
    assert_int_equal(vep__lang_chain(&c, requested, def, fb, nfb), 0);
    if (strcmp(chain_text(&c, buf, sizeof buf), want) != 0)
        fail_msg("chain of '%s': '%s', expected '%s'", requested ? requested : "(null)", buf, want);
}

/* A counting allocator (for what a pick allocates) that can fail. */
typedef struct lg_alloc {
    long calls, live;
    int fail;
} lg_alloc;

static void *lg_malloc(void *ud, size_t n)
{
    lg_alloc *a = ud;
    void *p;
    a->calls++;
    if (a->fail)
        return NULL;
    p = malloc(n);
    if (p)
        a->live++;
    return p;
}

static void *lg_realloc(void *ud, void *ptr, size_t n)
{
    lg_alloc *a = ud;
    void *p;
    a->calls++;
    if (a->fail)
        return NULL;
    p = realloc(ptr, n);
    if (p && ptr == NULL)
        a->live++;
    return p;
}

static void lg_free(void *ud, void *ptr)
{
    lg_alloc *a = ud;
    if (ptr) {
        a->live--;
        free(ptr);
    }
}

static vep_allocator lg_host(lg_alloc *a)
{
    vep_allocator h;
    h.ud = a;
    h.malloc_fn = lg_malloc;
    h.realloc_fn = lg_realloc;
    h.free_fn = lg_free;
    return h;
}

/* ---- Chains ------------------------------------------------------------- */

static void test_plain_tags(void **state)
{
    (void)state;
    expect_chain("en", "en", NULL, 0, "en");
    expect_chain("sq", "en", NULL, 0, "sq en");
    expect_chain("sq-MK", "mk", NULL, 0, "sq-MK sq mk en");
    expect_chain("mk", "sr-Latn", NULL, 0, "mk sr-Latn en");
    expect_chain(NULL, "sq", NULL, 0, "sq en");         /* NULL: the default */
    expect_chain("", "sq", NULL, 0, "sq en");
    expect_chain(NULL, NULL, NULL, 0, "en");
    expect_chain("de-CH-1996", "en", NULL, 0, "de-CH-1996 de-CH de en");
}

static void test_serbian_in_both_scripts(void **state)
{
    (void)state;
    expect_chain("sr-Latn-ME", "en", NULL, 0,
                 "sr-Latn-ME sr-Latn sr sr-Cyrl-ME>Latn sr-Cyrl>Latn en");
    expect_chain("sr-Cyrl-RS", "en", NULL, 0,
                 "sr-Cyrl-RS sr-Cyrl sr sr-Latn-RS>Cyrl sr-Latn>Cyrl en");
    expect_chain("sr-Latn", "sr-Cyrl", NULL, 0, "sr-Latn sr sr-Cyrl>Latn en");
    expect_chain("sr-Cyrl", "sr-Latn", NULL, 0, "sr-Cyrl sr sr-Latn>Cyrl en");
    /* No script: Latin as written first, then Cyrillic shown in Latin. */
    expect_chain("sr", "en", NULL, 0, "sr sr-Latn sr-Cyrl>Latn en");
    expect_chain("sr-ME", "en", NULL, 0,
                 "sr-ME sr sr-Latn-ME sr-Latn sr-Cyrl-ME>Latn sr-Cyrl>Latn en");
    expect_chain("sr-1994", "en", NULL, 0,                 /* a variant, no script */
                 "sr-1994 sr sr-Latn-1994 sr-Latn sr-Cyrl-1994>Latn sr-Cyrl>Latn en");
    /* Tags compare case-insensitively; the script is found in any case. */
    expect_chain("sr-latn", "sr-Latn", NULL, 0, "sr-latn sr sr-Cyrl>Latn en");
    expect_chain("sr-CYRL", "en", NULL, 0, "sr-CYRL sr sr-Latn>Cyrl en");
    /* Another script of Serbian, another language: nothing to convert. */
    expect_chain("sr-Arab", "en", NULL, 0, "sr-Arab sr en");
    expect_chain("hr", "sr-Cyrl", NULL, 0, "hr sr-Cyrl en");
}

static void test_the_scripts_fallbacks(void **state)
{
    static const char *const fb[] = { "bs", "hr", "cnr", "sr-Latn" };
    static const char *const chained[] = { "bs", "hr", "cnr", "bs" };
    static const char *const loop[] = { "aa", "bb", "bb", "aa" };
    static const char *const cyr[] = { "cnr-Cyrl", "sr-Cyrl", "cnr", "sr-Latn" };
    static const char *const bad[] = { "cnr", "Not a tag", "cnr", NULL, "cnr", "hr" };
    (void)state;
    expect_chain("cnr", "en", fb, 2, "cnr sr-Latn sr sr-Cyrl>Latn en");
    expect_chain("cnr-ME", "en", fb, 2, "cnr-ME cnr sr-Latn sr sr-Cyrl>Latn en");
    expect_chain("bs", "sr-Cyrl", fb, 2, "bs hr sr-Cyrl en");
    expect_chain("sq", "en", fb, 2, "sq en");             /* none applies */
    expect_chain("cnr", "en", chained, 2, "cnr bs hr en"); /* a fallback's own */
    expect_chain("aa", "en", loop, 2, "aa bb en");         /* no endless loop */
    /* A key matches any tag of the chain, the longest first. */
    expect_chain("cnr-Cyrl", "en", cyr, 2,
                 "cnr-Cyrl cnr sr-Cyrl sr sr-Latn>Cyrl en");
    /* Malformed or missing targets are skipped. */
    expect_chain("cnr", "en", bad, 3, "cnr hr en");
}

static void test_duplicates_and_the_cap(void **state)
{
    static const char *const many[] = {
        "aa", "ab", "ab", "ac", "ac", "ad", "ad", "ae", "ae", "af", "af", "ag",
        "ag", "ah", "ah", "ai", "ai", "aj", "aj", "ak", "ak", "al",
    };
    static const char *const dup[] = { "cnr", "sr-Latn", "cnr", "SR-latn", "cnr", "en" };
    vep_lang_chain c;
    char buf[512];
    (void)state;
    assert_int_equal(vep__lang_chain(&c, "aa", "en", many, 11), 0);
    assert_int_equal(c.n, VEP_LANG_CHAIN_MAX);
    assert_string_equal(chain_text(&c, buf, sizeof buf), "aa ab ac ad ae af ag ah ai aj");
    /* sr-Latn already there; "SR-latn" is not well-formed (a capital
    ** language subtag) and skipped; en comes once. */
    expect_chain("cnr", "en", dup, 3, "cnr sr-Latn sr sr-Cyrl>Latn en");
    expect_chain("en-GB", "en", NULL, 0, "en-GB en");
}

static void test_malformed_requests(void **state)
{
    static const char *const bad[] = {
        "e", "english", "Sr-Latn", "sr_Latn", "sr-", "-sr", "sr--Latn", "sr-L", "sr-Latn!",
        "sr Latn", "sr-abcdefghi",
        "sr-Latn-RS-abcdefgh-abcdefgh-abcdefgh",   /* 37 characters: too long */
    };
    vep_lang_chain c;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof *bad; i++) {
        c.n = 99;
        if (vep__lang_chain(&c, bad[i], "en", NULL, 0) != -1)
            fail_msg("'%s' was accepted", bad[i]);
        assert_int_equal(c.n, 0);
    }
    /* The longest tag that fits: 35 characters. */
    assert_int_equal(vep__lang_chain(&c, "sr-Latn-RS-abcdefgh-abcdefgh-abcdef", "en", NULL, 0), 0);
    assert_string_equal(c.requested, "sr-Latn-RS-abcdefgh-abcdefgh-abcdef");
    assert_string_equal(c.step[0].tag, c.requested);
    /* A default that is not a tag is not used. */
    assert_int_equal(vep__lang_chain(&c, NULL, "English", NULL, 0), -1);
    assert_int_equal(vep__lang_chain(&c, "sq", "English", NULL, 0), 0);
    assert_int_equal(c.n, 2);
}

/* ---- Picking texts ------------------------------------------------------ */

static char *langs[] = { "en", "sr-Latn" };
static char *texts[] = { "Risk and needs assessment", "Procena rizika i potreba, ljudi" };

static void test_pick_along_the_chain(void **state)
{
    vep_text t = { langs, texts, 2 }, none = { NULL, NULL, 0 };
    char *de_lang[] = { "de" }, *de_text[] = { "Bewertung" };
    char *lower_lang[] = { "SR-latn" };   /* as a host might key it */
    vep_text de = { de_lang, de_text, 1 }, lower = { lower_lang, texts + 1, 1 };
    vep_lang_chain c;
    lg_alloc la;
    vep_allocator h = lg_host(&la);
    vep_alloc a;
    vep_buf scratch;
    const char *s;
    int step = 99;
    (void)state;

    memset(&la, 0, sizeof la);
    vep__alloc_init(&a, &h);
    vep__buf_init(&scratch, &a);

    assert_int_equal(vep__lang_chain(&c, "sr-Latn-ME", "en", NULL, 0), 0);
    s = vep__text_pick(&t, &c, &scratch, &step);
    assert_ptr_equal(s, texts[1]);              /* borrowed, not copied */
    assert_int_equal(step, 1);                  /* sr-Latn-ME, [sr-Latn] */
    s = vep__text_pick(&lower, &c, &scratch, &step);
    assert_ptr_equal(s, texts[1]);
    assert_int_equal(step, 1);
    assert_int_equal(la.calls, 0);              /* no allocation at all */

    assert_int_equal(vep__lang_chain(&c, "sq", "en", NULL, 0), 0);
    s = vep__text_pick(&t, &c, &scratch, &step);
    assert_ptr_equal(s, texts[0]);
    assert_int_equal(step, 1);                  /* sq, [en] */
    /* No tag of the chain: the text's first language, step -1. */
    s = vep__text_pick(&de, &c, &scratch, &step);
    assert_string_equal(s, "Bewertung");
    assert_int_equal(step, -1);
    s = vep__text_pick(&none, &c, &scratch, &step);
    assert_string_equal(s, "");
    assert_int_equal(step, -1);
    assert_string_equal(vep__text_pick(&t, &c, &scratch, NULL), texts[0]);
    assert_int_equal(la.calls, 0);

    /* Asked in Cyrillic, written in Latin: transliterated into scratch. */
    assert_int_equal(vep__lang_chain(&c, "sr-Cyrl", "en", NULL, 0), 0);
    s = vep__text_pick(&t, &c, &scratch, &step);
    assert_string_equal(s, "Процена ризика и потреба, људи");
    assert_ptr_equal(s, scratch.data);
    assert_int_equal(step, 2);                  /* sr-Cyrl, sr, [sr-Latn>Cyrl] */
    assert_int_equal(c.step[step].conv, VEP_CONV_TO_CYRL);
    /* The scratch is reset for each text, not appended to. */
    s = vep__text_pick(&t, &c, &scratch, &step);
    assert_string_equal(s, "Процена ризика и потреба, људи");

    /* Out of memory while transliterating: NULL. */
    vep__buf_free(&scratch);
    la.fail = 1;
    assert_null(vep__text_pick(&t, &c, &scratch, &step));
    la.fail = 0;
    vep__buf_free(&scratch);
    assert_int_equal(la.live, 0);
}

/* Texts written in Cyrillic, asked in Latin. */
static void test_pick_cyrillic_into_latin(void **state)
{
    char *l[] = { "en", "sr-Cyrl" }, *x[] = { "Risk", "Процена ризика, ЉУДИ" };
    vep_text t = { l, x, 2 };
    vep_lang_chain c;
    vep_alloc a;
    vep_buf scratch;
    int step;
    (void)state;
    vep__alloc_init(&a, NULL);
    vep__buf_init(&scratch, &a);
    assert_int_equal(vep__lang_chain(&c, "sr", "en", NULL, 0), 0);
    assert_string_equal(vep__text_pick(&t, &c, &scratch, &step), "Procena rizika, LJUDI");
    assert_string_equal(c.step[step].tag, "sr-Cyrl");
    assert_int_equal(c.step[step].conv, VEP_CONV_TO_LATN);
    assert_int_equal(vep__lang_chain(&c, "sr-Cyrl-BA", "en", NULL, 0), 0);
    assert_string_equal(vep__text_pick(&t, &c, &scratch, &step), "Процена ризика, ЉУДИ");
    assert_int_equal(c.step[step].conv, VEP_CONV_NONE);
    vep__buf_free(&scratch);
}

/* ---- The report ---------------------------------------------------------- */

static void test_report_member(void **state)
{
    vep_text t = { langs, texts, 2 };
    char *de_lang[] = { "de" }, *de_text[] = { "Bewertung" };
    vep_text de = { de_lang, de_text, 1 };
    vep_lang_chain c;
    vep_lang_report r;
    vep_alloc a;
    vep_buf b, scratch;
    vep_jsonw w;
    int step, i;
    (void)state;

    vep__alloc_init(&a, NULL);
    vep__buf_init(&b, &a);
    vep__buf_init(&scratch, &a);
    memset(&r, 0, sizeof r);
    assert_int_equal(vep__lang_chain(&c, "sr-Cyrl", "en", NULL, 0), 0);
    for (i = 0; i < 3; i++) {
        assert_non_null(vep__text_pick(&t, &c, &scratch, &step));
        vep__lang_report_add(&r, step);
    }
    assert_non_null(vep__text_pick(&de, &c, &scratch, &step));
    vep__lang_report_add(&r, step);
    vep__jw_init(&w, &b, 0);
    vep__jw_object(&w);
    vep__lang_report_write(&w, &c, &r);
    vep__jw_object_end(&w);
    assert_false(b.failed);
    assert_string_equal(vep__buf_str(&b),
        "{\"language\":{\"requested\":\"sr-Cyrl\",\"chain\":[\"sr-Cyrl\",\"sr\",\"sr-Latn\",\"en\"],"
        "\"used\":[{\"tag\":\"sr-Latn\",\"transliterated\":true,\"texts\":3}],\"missing\":1}}");

    /* Texts from two steps, one as written; nothing missing. */
    vep__buf_reset(&b);
    memset(&r, 0, sizeof r);
    assert_int_equal(vep__lang_chain(&c, NULL, "en", NULL, 0), 0);
    vep__lang_report_add(&r, 0);
    vep__lang_report_add(&r, 0);
    vep__jw_init(&w, &b, 0);
    vep__jw_object(&w);
    vep__lang_report_write(&w, &c, &r);
    vep__jw_object_end(&w);
    assert_string_equal(vep__buf_str(&b),
        "{\"language\":{\"requested\":\"en\",\"chain\":[\"en\"],"
        "\"used\":[{\"tag\":\"en\",\"transliterated\":false,\"texts\":2}],\"missing\":0}}");
    vep__buf_free(&b);
    vep__buf_free(&scratch);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_tags),
        cmocka_unit_test(test_serbian_in_both_scripts),
        cmocka_unit_test(test_the_scripts_fallbacks),
        cmocka_unit_test(test_duplicates_and_the_cap),
        cmocka_unit_test(test_malformed_requests),
        cmocka_unit_test(test_pick_along_the_chain),
        cmocka_unit_test(test_pick_cyrillic_into_latin),
        cmocka_unit_test(test_report_member),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
