/*
** lang.c -- language fallback chains, picking texts along them, and the
** report of what was picked (see lang.h).
**
** A chain is plain data of at most VEP_LANG_CHAIN_MAX fixed-size tags,
** built once per document on the stack; picking a text compares its
** tags with the chain's and allocates only to transliterate.
*/
#include <string.h>
#include "lang.h"
#include "decl.h"       /* vep__valid_lang */
#include "translit.h"

int vep__lang_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Whether the `n` bytes at s are the subtag `word` (case-insensitive). */
static int subtag_is(const char *s, size_t n, const char *word)
{
    size_t i;
    if (n != strlen(word))
        return 0;
    for (i = 0; i < n; i++) {
        char x = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
        if (x != word[i])
            return 0;
    }
    return 1;
}

/* Appends a step, unless the chain is full, the tag is too long or not
** well-formed, or the chain has it already. */
static void add(vep_lang_chain *c, const char *tag, vep_lang_conv conv)
{
    size_t i, n = strlen(tag);
    if (c->n >= VEP_LANG_CHAIN_MAX || n >= VEP_LANG_TAG_MAX || !vep__valid_lang(tag))
        return;
    for (i = 0; i < c->n; i++)
        if (vep__lang_equal(c->step[i].tag, tag))
            return;
    memcpy(c->step[c->n].tag, tag, n + 1);
    c->step[c->n].conv = conv;
    c->n++;
}

/* Adds "sr-<script>" followed by the subtags `rest` (n bytes, "" or
** "-ME..."), each truncation of rest in turn, longest first. */
static void add_script_forms(vep_lang_chain *c, const char *script, const char *rest,
                             size_t n, vep_lang_conv conv)
{
    char tag[VEP_LANG_TAG_MAX];
    size_t head = 3 + strlen(script);       /* "sr-" script */
    if (head + n >= sizeof tag)
        return;
    memcpy(tag, "sr-", 3);
    memcpy(tag + 3, script, head - 3);
    memcpy(tag + head, rest, n);
    tag[head + n] = '\0';
    for (;;) {
        char *dash = strrchr(tag + head, '-');
        add(c, tag, conv);
        if (dash == NULL)
            return;
        *dash = '\0';
    }
}

/* Adds `tag`, its truncations and, for Serbian, its forms in the other
** script (transliterated); a Serbian tag without a script is read as
** Latin first (steps 1 and 2 of vep__lang_chain). */
static void expand(vep_lang_chain *c, const char *tag)
{
    char cut[VEP_LANG_TAG_MAX];
    const char *second, *rest;
    size_t n = strlen(tag), len2;

    if (n >= sizeof cut || !vep__valid_lang(tag))
        return;
    memcpy(cut, tag, n + 1);
    for (;;) {                                 /* 1. sr-Latn-ME, sr-Latn, sr */
        char *dash = strrchr(cut, '-');
        add(c, cut, VEP_CONV_NONE);
        if (dash == NULL)
            break;
        *dash = '\0';
    }
    if (!subtag_is(tag, strcspn(tag, "-"), "sr"))
        return;
    second = tag[2] == '-' ? tag + 3 : tag + 2;   /* 2. the other script */
    len2 = strcspn(second, "-");
    if (subtag_is(second, len2, "latn")) {
        rest = second + len2;
        add_script_forms(c, "Cyrl", rest, strlen(rest), VEP_CONV_TO_LATN);
    } else if (subtag_is(second, len2, "cyrl")) {
        rest = second + len2;
        add_script_forms(c, "Latn", rest, strlen(rest), VEP_CONV_TO_CYRL);
    } else if (len2 != 4 || (second[0] >= '0' && second[0] <= '9')) {
        /* no script (a region or a variant such as 1994): Latin first */
        rest = tag + 2;
        add_script_forms(c, "Latn", rest, strlen(rest), VEP_CONV_NONE);
        add_script_forms(c, "Cyrl", rest, strlen(rest), VEP_CONV_TO_LATN);
    }                                          /* another script: no form */
}

int vep__lang_chain(vep_lang_chain *c, const char *requested, const char *default_lang,
                    const char *const *fb, size_t nfb)
{
    size_t i, j, n;

    memset(c, 0, sizeof *c);
    if (requested == NULL || requested[0] == '\0')
        requested = default_lang && default_lang[0] ? default_lang : "en";
    n = strlen(requested);
    if (n >= VEP_LANG_TAG_MAX || !vep__valid_lang(requested))
        return -1;
    memcpy(c->requested, requested, n + 1);
    expand(c, requested);
    for (i = 0; i < c->n && c->n < VEP_LANG_CHAIN_MAX; i++)  /* 3. grows */
        for (j = 0; j < nfb; j++)
            if (fb[2 * j] && fb[2 * j + 1] && vep__lang_equal(fb[2 * j], c->step[i].tag))
                expand(c, fb[2 * j + 1]);
    if (default_lang)
        add(c, default_lang, VEP_CONV_NONE);     /* 4. */
    add(c, "en", VEP_CONV_NONE);
    return 0;
}

const char *vep__text_pick(const vep_text *t, const vep_lang_chain *c, vep_buf *scratch,
                           int *step)
{
    size_t i, j;
    int rc;

    if (step)
        *step = -1;
    if (t->n == 0)
        return "";
    for (i = 0; i < c->n; i++)
        for (j = 0; j < t->n; j++) {
            const char *s;
            if (!vep__lang_equal(t->lang[j], c->step[i].tag))
                continue;
            s = t->text[j];
            if (c->step[i].conv != VEP_CONV_NONE) {
                vep__buf_reset(scratch);
                rc = c->step[i].conv == VEP_CONV_TO_LATN
                     ? vep__translit_cyrl_to_latn(scratch, s, strlen(s))
                     : vep__translit_latn_to_cyrl(scratch, s, strlen(s));
                if (rc != 0)
                    return NULL;
                s = vep__buf_str(scratch);
            }
            if (step)
                *step = (int)i;
            return s;
        }
    return t->text[0];
}

void vep__lang_report_add(vep_lang_report *r, int step)
{
    if (step >= 0 && step < VEP_LANG_CHAIN_MAX)
        r->used[step]++;
    else
        r->missing++;
}

void vep__lang_report_write(vep_jsonw *w, const vep_lang_chain *c, const vep_lang_report *r)
{
    size_t i;

    vep__jw_key(w, "language");
    vep__jw_object(w);
    vep__jw_kstring(w, "requested", c->requested);
    vep__jw_key(w, "chain");
    vep__jw_array(w);
    for (i = 0; i < c->n; i++)
        vep__jw_string(w, c->step[i].tag);
    vep__jw_array_end(w);
    vep__jw_key(w, "used");
    vep__jw_array(w);
    for (i = 0; i < c->n; i++) {
        if (r->used[i] == 0)
            continue;
        vep__jw_object(w);
        vep__jw_kstring(w, "tag", c->step[i].tag);
        vep__jw_kbool(w, "transliterated", c->step[i].conv != VEP_CONV_NONE);
        vep__jw_kint(w, "texts", (long long)r->used[i]);
        vep__jw_object_end(w);
    }
    vep__jw_array_end(w);
    vep__jw_kint(w, "missing", (long long)r->missing);
    vep__jw_object_end(w);
}
