/*
** test_json.c -- libvep's own JSON trees (json.h) against cJSON itself.
**
** Every text is given to both cJSON_ParseWithLengthOpts and
** vep__json_parse, which must agree on whether it parses, on the offset
** they report (past the value, or of the syntax error), and on the tree:
** cJSON_Compare says of ours what it says of cJSON's own copy, and, more
** strictly, every node has the same type flags, key, string, valueint and
** valuedouble bits, with cJSON's list invariants.  vep__json_print must
** equal cJSON_PrintUnformatted byte for byte, of either tree, and
** vep__json_duplicate must give what cJSON_Duplicate gives.
**
** The texts: every .json file of the repository and every file of the
** malformed-input corpora, every truncation and many one-byte changes of
** a few documents, and cases written here (escapes, surrogates, the
** byte-order mark, the nesting limit, numbers).  The builders are checked
** against cJSON's, out-of-memory against a counting allocator failing
** allocation N = 1, 2, ... until success, and locale independence in a
** locale whose decimal point is not '.' (skipped when none is installed).
** The counts are printed for the record.
*/
#include "api_fixture.h"
#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <sys/stat.h>
#include "json.h"

/* What the comparisons covered, printed by each test. */
typedef struct tally {
    unsigned long texts, parsed, refused;
} tally;

/* The engine allocator over a counting allocator. */
typedef struct counted {
    fx_alloc fa;
    vep_alloc a;
} counted;

static void counted_init(counted *c)
{
    vep_allocator h;
    memset(c, 0, sizeof *c);
    h = fx_allocator(&c->fa);
    vep__alloc_init(&c->a, &h);
}

/* Fails when a list breaks cJSON's invariants: the first child's prev is
** the last child, the last child's next is NULL, each prev mirrors next. */
static void check_links(const cJSON *parent, const char *what)
{
    const cJSON *c, *last = NULL;
    for (c = parent->child; c != NULL; c = c->next) {
        if (last != NULL && c->prev != last)
            fail_msg("%s: broken prev link", what);
        last = c;
    }
    if (parent->child != NULL && parent->child->prev != last)
        fail_msg("%s: first child's prev is not the last child", what);
}

/* Strict equality of two nodes and their subtrees (not their siblings). */
static void same_node(const cJSON *x, const cJSON *y, const char *what)
{
    const cJSON *cx, *cy;
    if (x == NULL || y == NULL) {
        if (x != y)
            fail_msg("%s: one tree is missing", what);
        return;
    }
    if (x->type != y->type || x->valueint != y->valueint
        || memcmp(&x->valuedouble, &y->valuedouble, sizeof(double)) != 0)
        fail_msg("%s: node differs (type %d/%d, int %d/%d, double %.17g/%.17g)",
                 what, x->type, y->type, x->valueint, y->valueint,
                 x->valuedouble, y->valuedouble);
    if ((x->string == NULL) != (y->string == NULL)
        || (x->string != NULL && strcmp(x->string, y->string) != 0))
        fail_msg("%s: key differs", what);
    if ((x->valuestring == NULL) != (y->valuestring == NULL)
        || (x->valuestring != NULL && strcmp(x->valuestring, y->valuestring) != 0))
        fail_msg("%s: string differs", what);
    check_links(x, what);
    check_links(y, what);
    for (cx = x->child, cy = y->child; cx != NULL || cy != NULL;
         cx = cx->next, cy = cy->next) {
        if (cx == NULL || cy == NULL)
            fail_msg("%s: member counts differ", what);
        same_node(cx, cy, what);
    }
}

/* cJSON's and our printing of the trees, all equal; returns 1 when the
** trees could be printed. */
static void same_print(const vep_alloc *a, const cJSON *theirs,
                       const cJSON *ours, const char *what)
{
    char *p1 = cJSON_PrintUnformatted(theirs);
    char *p2 = vep__json_print(a, ours);
    char *p3 = vep__json_print(a, theirs);
    assert_non_null(p1);
    if (p2 == NULL || strcmp(p1, p2) != 0)
        fail_msg("%s: printed differently:\n cJSON: %.200s\n ours:  %.200s", what,
                 p1, p2 ? p2 : "(NULL)");
    assert_non_null(p3);
    assert_string_equal(p1, p3);
    cJSON_free(p1);
    vep__free(a, p2);
    vep__free(a, p3);
}

/* How many containers deep a tree goes. */
static size_t depth_of(const cJSON *x)
{
    size_t d = 0, k;
    const cJSON *c;
    for (c = x->child; c != NULL; c = c->next)
        if ((k = depth_of(c)) > d)
            d = k;
    return x->child != NULL || cJSON_IsArray(x) || cJSON_IsObject(x) ? d + 1 : d;
}

/* The whole comparison of one text; counts it in `t`. */
static void check_text(const char *s, size_t len, const char *what, tally *t)
{
    counted c;
    const char *cend = NULL;
    size_t end = (size_t)-1;
    int nomem = -1;
    cJSON *theirs, *ours, *copy, *dup;

    counted_init(&c);
    theirs = cJSON_ParseWithLengthOpts(s, len, &cend, 0);
    ours = vep__json_parse(&c.a, s, len, &end, &nomem);
    t->texts++;
    if ((theirs == NULL) != (ours == NULL))
        fail_msg("%s: cJSON %s, ours %s: '%.*s'", what, theirs ? "parses" : "refuses",
                 ours ? "parses" : "refuses", (int)(len > 120 ? 120 : len), s);
    assert_int_equal(nomem, 0);
    if (cend != NULL && (size_t)(cend - s) != end)
        fail_msg("%s: offset %zu, cJSON's %ld: '%.*s'", what, end, (long)(cend - s),
                 (int)(len > 120 ? 120 : len), s);
    if (theirs == NULL) {
        t->refused++;
        assert_int_equal(c.fa.live_blocks, 0);
        return;
    }
    t->parsed++;
    same_node(theirs, ours, what);
    copy = cJSON_Duplicate(theirs, 1);
    if (depth_of(theirs) <= 24)    /* cJSON_Compare takes 2^depth on objects */
        assert_int_equal(cJSON_Compare(theirs, ours, 1), cJSON_Compare(theirs, copy, 1));
    same_print(&c.a, theirs, ours, what);

    dup = vep__json_duplicate(&c.a, ours, 1);             /* duplicates */
    same_node(copy, dup, what);
    same_print(&c.a, copy, dup, what);
    vep__json_delete(&c.a, dup);
    cJSON_Delete(copy);
    copy = cJSON_Duplicate(theirs, 0);
    dup = vep__json_duplicate(&c.a, theirs, 0);
    same_node(copy, dup, what);
    vep__json_delete(&c.a, dup);
    cJSON_Delete(copy);

    cJSON_Delete(theirs);
    vep__json_delete(&c.a, ours);
    assert_int_equal(c.fa.live_blocks, 0);
}

/* A NUL-terminated text, without and with its NUL. */
static void check_str(const char *s, tally *t)
{
    check_text(s, strlen(s), s, t);
    check_text(s, strlen(s) + 1, s, t);
}

/* The files the documents test reads: every .json under the source roots,
** every file under tests/corpus*. */
static char **g_files;
static size_t g_nfiles, g_capfiles;

static int collect(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    size_t n = strlen(path);
    (void)ftw;
    if (flag != FTW_F || !S_ISREG(st->st_mode))
        return 0;
    if (!(n > 5 && strcmp(path + n - 5, ".json") == 0) && strstr(path, "/tests/corpus") == NULL)
        return 0;
    if (g_nfiles == g_capfiles) {
        g_capfiles = g_capfiles ? 2 * g_capfiles : 256;
        g_files = realloc(g_files, g_capfiles * sizeof *g_files);
        assert_non_null(g_files);
    }
    g_files[g_nfiles] = strdup(path);
    assert_non_null(g_files[g_nfiles]);
    g_nfiles++;
    return 0;
}

static void test_documents(void **state)
{
    static const char *const roots[] = { "examples", "tests", "instruments", "bindings" };
    tally t = { 0, 0, 0 };
    size_t i, len, corpus = 0;
    (void)state;
    for (i = 0; i < sizeof roots / sizeof roots[0]; i++)
        nftw(fx_path(roots[i]), collect, 16, FTW_PHYS);
    assert_true(g_nfiles > 250);
    for (i = 0; i < g_nfiles; i++) {
        char *s = fx_read(g_files[i], &len);
        check_text(s, len, g_files[i], &t);
        check_text(s, len + 1, g_files[i], &t);           /* with its NUL */
        if (strstr(g_files[i], "/tests/corpus") != NULL)
            corpus++;
        free(s);
        free(g_files[i]);
    }
    free(g_files);
    printf("  documents: %zu files (%zu from tests/corpus), %lu texts, "
           "%lu parsed, %lu refused\n", g_nfiles, corpus, t.texts, t.parsed, t.refused);
    assert_true(corpus > 50);
    assert_true(t.refused > 50);
}

static void test_mutations(void **state)
{
    static const char *const docs[] = {
        "examples/assessments/screen-positive.json", "examples/assessments/rna-example.json",
        "examples/cases/rna-example.context.json", "tests/vectors/screen-negative/result.json",
    };
    static const char swaps[] = "\"\\{}[],:0-e.u \x01\xEF";
    tally cut = { 0, 0, 0 }, changed = { 0, 0, 0 };
    size_t i, k, j, len;
    size_t step = fx_quick() ? 37 : 2;
    (void)state;
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        char *s = fx_read(fx_path(docs[i]), &len);
        for (k = 0; k <= len; k += fx_quick() ? 13 : 1)
            check_text(s, k, docs[i], &cut);               /* every truncation */
        for (k = 0; k < len; k += step) {
            for (j = 0; j < sizeof swaps - 1; j++) {      /* one byte changed */
                char keep = s[k];
                if (keep == swaps[j])
                    continue;
                s[k] = swaps[j];
                check_text(s, len, docs[i], &changed);
                s[k] = keep;
            }
        }
        free(s);
    }
    printf("  mutations: %lu truncations (%lu parsed), %lu one-byte changes "
           "(%lu parsed, %lu refused)\n", cut.texts, cut.parsed, changed.texts,
           changed.parsed, changed.refused);
}

/* n nested arrays (or objects, each holding the next under "k") around 1. */
static char *nested(size_t n, int objects, size_t *len)
{
    size_t i, at = 0;
    char *s = malloc(6 * n + 2);
    assert_non_null(s);
    for (i = 0; i < n; i++)
        at += (size_t)sprintf(s + at, objects ? "{\"k\":" : "[");
    s[at++] = '1';
    for (i = 0; i < n; i++)
        s[at++] = objects ? '}' : ']';
    s[at] = '\0';
    *len = at;
    return s;
}

static void test_cases(void **state)
{
    static const char *const cases[] = {
        /* literals, blanks, what follows the value */
        "null", "true", "false", "nul", "tru", "fals", "nullx", " \t\r\n null", "\x01\x1f true",
        "{\"a\":1} trailing", "[] []", "", " ", "   ", "x", "'single'",
        /* strings and escapes */
        "\"\"", "\"plain\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\x\"", "\"\\", "\"abc",
        "\"abc\\\"", "\"\\u00e9\\u20AC\\uFFFF\"", "\"\\u0000after\"", "\"\\u12G4\"", "\"\\u12\"",
        "\"\\u\"", "\"\\u00\"", "\"ctl\x01\x1f\x7f\"", "\"caf\xc3\xa9 \xff\xfe\"",
        /* surrogates, valid and not */
        "\"\\ud83d\\ude00\"", "\"\\uD800\\uDC00\"", "\"\\udbff\\udfff\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\udfff\\ud800\"", "\"\\ud800\\u0041\"", "\"\\ud800x\\udc00\"",
        "\"\\ud800\\ud800\"", "\"\\ud800\\uZZZZ\"", "\"\\ud800\\",  "\"\\ud800\\u\"",
        /* byte-order mark */
        "\xEF\xBB\xBF{}", "\xEF\xBB\xBF" "1", "\xEF\xBB\xBF" "12", "\xEF\xBB\xBF", "\xEF\xBB\xBF  1",
        "\xEF\xBB" "1", " \xEF\xBB\xBF" "1",
        /* numbers */
        "0", "-0", "-0.0", "1e308", "1e309", "-1e309", "0.1", "0.2", "0.30000000000000004",
        "123456789012345678", "-123456789012345678", "-9223372036854775809", "2147483647",
        "2147483648", "-2147483648", "-2147483649", "4294967296", "1e2", "1E2", "1e+2",
        "1e-2", "1.5e-300", "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
        "1e", "1e+", "-", "--1", "+1", "01", "00", "1.", ".5", "-.5", "1.e5", "1.2.3",
        "3.14159265358979323846", "1e400000", "0x10", "1,5", "-inf", "NaN", "100", "1.0",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000000000000000000000000000000001",
        "[0.5, 1.25e3, -7]",
        /* containers */
        "[]", "{}", "[ ]", "{ }", "[", "{", "]", "}", "[1,]", "[,1]", "[1 2]", "[1,,2]",
        "{\"a\"}", "{\"a\":}", "{a:1}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1 \"b\":2}",
        "{\"k\":1,\"k\":2,\"k\":[3]}", "{\"\":0}", "[[[]]]", "[1, [2, [3]], {\"a\": {}}]",
        "{\"a\":{\"b\":{\"c\":null}}}", "[\"x\",", "[1", "{\"a\":1", "{\"a\":", "{\"a\"",
        "[1,2] ", "[ 1 , 2 ]  ", "{\n\t\"a\" :\t1\n}",
    };
    tally t = { 0, 0, 0 };
    size_t i, len, n;
    char *s;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_str(cases[i], &t);
    check_text("[1,2]", 3, "[1,2] cut", &t);
    check_text("\"a\0b\"", 5, "NUL in a string", &t);
    check_text("[1\0]", 4, "NUL in an array", &t);
    check_text("{\"a\0\":1}", 8, "NUL in a key", &t);
    for (n = CJSON_NESTING_LIMIT - 1; n <= CJSON_NESTING_LIMIT + 1; n++) {
        int objects;
        for (objects = 0; objects < 2; objects++) {
            s = nested(n, objects, &len);
            check_text(s, len, "nesting", &t);
            check_text(s, len / 2, "nesting, cut", &t);
            free(s);
        }
    }
    s = nested(CJSON_NESTING_LIMIT, 0, &len);          /* the limit itself */
    {
        counted c;
        int nomem = -1;
        cJSON *j;
        counted_init(&c);
        j = vep__json_parse(&c.a, s, len, NULL, &nomem);
        assert_non_null(j);
        vep__json_delete(&c.a, j);
        free(s);
        s = nested(CJSON_NESTING_LIMIT + 1, 0, &len);
        assert_null(vep__json_parse(&c.a, s, len, NULL, &nomem));
        assert_int_equal(nomem, 0);
        assert_null(vep__json_parse(&c.a, NULL, 0, NULL, NULL));
        assert_int_equal(c.fa.live_blocks, 0);
    }
    free(s);
    printf("  cases: %lu texts, %lu parsed, %lu refused\n", t.texts, t.parsed, t.refused);
}

/* Our tree and cJSON's, built alike, compared and freed. */
static void same_built(counted *c, cJSON *theirs, cJSON *ours, const char *what)
{
    assert_non_null(theirs);
    assert_non_null(ours);
    same_node(theirs, ours, what);
    same_print(&c->a, theirs, ours, what);
    cJSON_Delete(theirs);
    vep__json_delete(&c->a, ours);
    assert_int_equal(c->fa.live_blocks, 0);
}

static void test_builders(void **state)
{
    static const double nums[] = { 0, -0.0, 1, -1, 0.1, 1.5, 1e308, 3e9, -3e9, 2147483647.0,
                                   2147483647.5, -2147483648.9, 123456789012345678.0,
                                   5e-324, 1.0 / 3.0 };
    static const char *const strs[] = { "", "a", "tab\tquote\"back\\", "\x01\x1f", "caf\xc3\xa9" };
    counted c;
    cJSON *t, *o, *x, *y, *arr;
    size_t i;
    (void)state;
    counted_init(&c);

    same_built(&c, cJSON_CreateObject(), vep__json_new_object(&c.a), "object");
    same_built(&c, cJSON_CreateArray(), vep__json_new_array(&c.a), "array");
    same_built(&c, cJSON_CreateNull(), vep__json_new_null(&c.a), "null");
    same_built(&c, cJSON_CreateBool(1), vep__json_new_bool(&c.a, 7), "true");
    same_built(&c, cJSON_CreateBool(0), vep__json_new_bool(&c.a, 0), "false");
    for (i = 0; i < sizeof nums / sizeof nums[0]; i++)
        same_built(&c, cJSON_CreateNumber(nums[i]), vep__json_new_number(&c.a, nums[i]), "number");
    same_built(&c, cJSON_CreateNumber(HUGE_VAL), vep__json_new_number(&c.a, HUGE_VAL), "inf");
    same_built(&c, cJSON_CreateNumber(-HUGE_VAL), vep__json_new_number(&c.a, -HUGE_VAL), "-inf");
    x = vep__json_new_number(&c.a, NAN);               /* prints null; valueint as on x86-64 */
    y = cJSON_CreateNumber(NAN);
    assert_int_equal(x->valueint, INT_MIN);
    same_print(&c.a, y, x, "NaN");
    cJSON_Delete(y);
    vep__json_delete(&c.a, x);
    for (i = 0; i < sizeof strs / sizeof strs[0]; i++)
        same_built(&c, cJSON_CreateString(strs[i]), vep__json_new_string(&c.a, strs[i]), "string");
    assert_null(vep__json_new_string(&c.a, NULL));
    same_built(&c, cJSON_CreateStringArray(strs, 5), vep__json_new_string_array(&c.a, strs, 5),
               "string array");
    same_built(&c, cJSON_CreateStringArray(strs, 0), vep__json_new_string_array(&c.a, strs, 0),
               "empty string array");
    assert_null(vep__json_new_string_array(&c.a, strs, -1));
    assert_null(vep__json_new_string_array(&c.a, NULL, 2));
    {
        const char *const holes[] = { "a", NULL, "c" };
        assert_null(vep__json_new_string_array(&c.a, holes, 3));
        assert_int_equal(c.fa.live_blocks, 0);
    }

    /* A document built both ways, through add and the convenience forms. */
    t = cJSON_CreateObject();
    cJSON_AddStringToObject(t, "name", "x\ny");
    cJSON_AddNumberToObject(t, "n", 2.5);
    cJSON_AddItemToObject(t, "list", cJSON_CreateStringArray(strs, 3));
    x = cJSON_AddArrayToObject(t, "a");
    cJSON_AddItemToArray(x, cJSON_CreateNumber(1));
    cJSON_AddItemToArray(x, cJSON_CreateNull());
    cJSON_AddItemToArray(x, cJSON_CreateBool(1));
    cJSON_AddObjectToObject(t, "empty");
    cJSON_AddStringToObject(t, "name", "duplicate");
    o = vep__json_new_object(&c.a);
    assert_non_null(vep__json_add_string(&c.a, o, "name", "x\ny"));
    assert_non_null(vep__json_add_number(&c.a, o, "n", 2.5));
    assert_int_equal(vep__json_add(&c.a, o, "list", vep__json_new_string_array(&c.a, strs, 3)), 1);
    y = vep__json_add_array(&c.a, o, "a");
    assert_non_null(y);
    assert_non_null(vep__json_add_number(&c.a, y, NULL, 1));
    assert_int_equal(vep__json_add(&c.a, y, NULL, vep__json_new_null(&c.a)), 1);
    assert_int_equal(vep__json_add(&c.a, y, NULL, vep__json_new_bool(&c.a, 1)), 1);
    assert_non_null(vep__json_add_object(&c.a, o, "empty"));
    assert_non_null(vep__json_add_string(&c.a, o, "name", "duplicate"));
    assert_int_equal(vep__json_add(&c.a, o, "self", o), 0);
    assert_int_equal(vep__json_add(&c.a, NULL, "k", y), 0);
    assert_null(vep__json_add_string(&c.a, NULL, "k", "v"));
    assert_int_equal(cJSON_GetArraySize(o), 6);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(o, "name")->valuestring, "x\ny");

    /* Editing: a rename, string values, replacements at every place. */
    x = cJSON_GetObjectItemCaseSensitive(o, "n");
    assert_int_equal(vep__json_set_key(&c.a, x, "number"), 1);       /* in place */
    assert_int_equal(vep__json_add(&c.a, o, NULL, cJSON_DetachItemViaPointer(o, x)), 1);
    cJSON_AddItemToObject(t, "number", cJSON_DetachItemFromObjectCaseSensitive(t, "n"));
    x = cJSON_GetObjectItemCaseSensitive(o, "name");
    y = cJSON_GetObjectItemCaseSensitive(t, "name");
    assert_ptr_equal(vep__json_set_string(&c.a, x, "ab"), x->valuestring);   /* in place */
    cJSON_SetValuestring(y, "ab");
    assert_non_null(vep__json_set_string(&c.a, x, "a longer value"));
    cJSON_SetValuestring(y, "a longer value");
    assert_null(vep__json_set_string(&c.a, cJSON_GetObjectItemCaseSensitive(o, "a"), "no"));
    assert_int_equal(vep__json_replace(&c.a, o, "name", vep__json_new_number(&c.a, 9)), 1);
    cJSON_ReplaceItemInObjectCaseSensitive(t, "name", cJSON_CreateNumber(9));      /* first */
    assert_int_equal(vep__json_replace(&c.a, o, "a", vep__json_new_null(&c.a)), 1);
    cJSON_ReplaceItemInObjectCaseSensitive(t, "a", cJSON_CreateNull());            /* middle */
    assert_int_equal(vep__json_replace(&c.a, o, "number", vep__json_new_string(&c.a, "z")), 1);
    cJSON_ReplaceItemInObjectCaseSensitive(t, "number", cJSON_CreateString("z"));  /* last */
    x = vep__json_new_bool(&c.a, 0);
    assert_int_equal(vep__json_replace(&c.a, o, "missing", x), 0);                 /* kept */
    assert_null(x->string);
    vep__json_delete(&c.a, x);
    same_node(t, o, "edited");
    same_print(&c.a, t, o, "edited");
    x = vep__json_duplicate(&c.a, o, 1);
    y = cJSON_Duplicate(t, 1);
    same_node(y, x, "duplicate of a built tree");
    cJSON_Delete(y);

    /* cJSON's detach functions on our tree, then ours deletes the parts. */
    while ((y = cJSON_DetachItemFromArray(x, cJSON_GetArraySize(x) / 2)) != NULL) {
        check_links(x, "detached");
        vep__json_delete(&c.a, y);
    }
    assert_null(x->child);
    vep__json_delete(&c.a, x);
    cJSON_Delete(t);
    vep__json_delete(&c.a, o);
    assert_int_equal(c.fa.live_blocks, 0);

    /* References and constant keys are not freed; a replace in an only
    ** child keeps the links. */
    arr = vep__json_new_string_array(&c.a, strs, 3);
    x = vep__json_new_array(&c.a);
    x->type |= cJSON_IsReference;
    x->child = arr->child;
    x->string = (char *)"constant";
    x->type |= cJSON_StringIsConst;
    y = vep__json_duplicate(&c.a, x, 1);
    assert_false(y->type & cJSON_IsReference);
    assert_ptr_equal(y->string, x->string);
    same_print(&c.a, arr, y, "duplicate of a reference");
    vep__json_delete(&c.a, x);
    vep__json_delete(&c.a, y);
    o = vep__json_new_object(&c.a);
    assert_int_equal(vep__json_add(&c.a, o, "only", arr), 1);
    assert_int_equal(vep__json_replace(&c.a, o, "only", vep__json_new_null(&c.a)), 1);
    check_links(o, "only child replaced");
    assert_int_equal(cJSON_GetArraySize(o), 1);
    vep__json_delete(&c.a, o);
    assert_int_equal(c.fa.live_blocks, 0);
}

/* Fails allocation N = 1, 2, ... of `op` until it succeeds: each failure
** must report no memory and leave only `base` blocks.  Returns the number
** of failure points. */
typedef int (*oom_op)(counted *c, void *ud);

static unsigned long oom_loop(counted *c, oom_op op, void *ud, const char *what)
{
    unsigned long n;
    size_t base = c->fa.live_blocks;
    for (n = 1; ; n++) {
        int r;
        fx_alloc_arm(&c->fa, n, 0);
        r = op(c, ud);
        fx_alloc_disarm(&c->fa);
        if (r)
            break;
        assert_true(c->fa.injected);
        if (c->fa.live_blocks != base)
            fail_msg("%s: failure %lu leaks %zu blocks", what, n, c->fa.live_blocks - base);
        assert_true(n < 100000);
    }
    return n - 1;
}

typedef struct oom_doc {
    const char *s;
    size_t len;
    cJSON *tree;
    char *text;
} oom_doc;

static int op_parse(counted *c, void *ud)
{
    oom_doc *d = ud;
    int nomem = -1;
    cJSON *j = vep__json_parse(&c->a, d->s, d->len, NULL, &nomem);
    if (j == NULL) {
        assert_int_equal(nomem, 1);
        return 0;
    }
    assert_int_equal(nomem, 0);
    vep__json_delete(&c->a, j);
    return 1;
}

static int op_duplicate(counted *c, void *ud)
{
    oom_doc *d = ud;
    cJSON *j = vep__json_duplicate(&c->a, d->tree, 1);
    if (j == NULL)
        return 0;
    same_node(d->tree, j, "duplicate after failures");
    vep__json_delete(&c->a, j);
    return 1;
}

static int op_print(counted *c, void *ud)
{
    oom_doc *d = ud;
    char *p = vep__json_print(&c->a, d->tree);
    if (p == NULL)
        return 0;
    assert_string_equal(p, d->text);
    vep__free(&c->a, p);
    return 1;
}

/* Builders and edits: on failure the tree must be as it was. */
static int op_edit(counted *c, void *ud)
{
    static const char *const strs[] = { "a", "b", "c" };
    oom_doc *d = ud;
    cJSON *x;
    char *p;
    int ok = 0;
    x = vep__json_new_string_array(&c->a, strs, 3);
    if (x == NULL)
        goto check;
    if (!vep__json_add(&c->a, d->tree, "edit-list", x)) {
        vep__json_delete(&c->a, x);
        goto check;
    }
    if (vep__json_add_number(&c->a, d->tree, "edit-n", 1) == NULL)
        goto undo;
    if (vep__json_set_string(&c->a, cJSON_GetArrayItem(x, 0), "a longer string") == NULL)
        goto undo;
    if (!vep__json_set_key(&c->a, x, "edit-renamed"))
        goto undo;
    x = vep__json_new_null(&c->a);
    if (x != NULL && !vep__json_replace(&c->a, d->tree, "edit-n", x))
        vep__json_delete(&c->a, x);
    else if (x != NULL)
        ok = 1;
undo:
    vep__json_delete(&c->a, cJSON_DetachItemFromObjectCaseSensitive(d->tree, "edit-list"));
    vep__json_delete(&c->a, cJSON_DetachItemFromObjectCaseSensitive(d->tree, "edit-renamed"));
    vep__json_delete(&c->a, cJSON_DetachItemFromObjectCaseSensitive(d->tree, "edit-n"));
check:
    fx_alloc_disarm(&c->fa);
    p = vep__json_print(&c->a, d->tree);
    if (p != NULL) {
        assert_string_equal(p, d->text);
        vep__free(&c->a, p);
    }
    return ok;
}

static void test_oom(void **state)
{
    static const char *const docs[] = {
        "examples/assessments/rna-example.json", "examples/cases/rna-example.context.json",
    };
    static const char longnum[] =
        "{\"v\":[\"\\u00e9\\ud83d\\ude00\",0.00000000000000000000000000000000000000000000000000000000000000001,"
        "{\"k\":[1,2,{\"deep\":[]}]}]}";
    counted c;
    oom_doc d;
    size_t i;
    unsigned long np, nd, npr, ne;
    char *s;
    (void)state;
    counted_init(&c);
    for (i = 0; i <= sizeof docs / sizeof docs[0]; i++) {
        s = i < sizeof docs / sizeof docs[0] ? fx_read(fx_path(docs[i]), &d.len) : NULL;
        d.s = s ? s : longnum;
        d.len = s ? d.len : strlen(longnum);
        np = oom_loop(&c, op_parse, &d, "parse");
        d.tree = vep__json_parse(&c.a, d.s, d.len, NULL, NULL);
        assert_non_null(d.tree);
        d.text = cJSON_PrintUnformatted(d.tree);
        nd = oom_loop(&c, op_duplicate, &d, "duplicate");
        npr = oom_loop(&c, op_print, &d, "print");
        ne = oom_loop(&c, op_edit, &d, "edit");
        printf("  out of memory, %s: %lu failure points in parse, %lu in duplicate, "
               "%lu in print, %lu in the edits\n", s ? docs[i] : "long number",
               np, nd, npr, ne);
        assert_true(np > 10 || s == NULL);
        cJSON_free(d.text);
        vep__json_delete(&c.a, d.tree);
        free(s);
        assert_int_equal(c.fa.live_blocks, 0);
    }
}

/* Parse and print in a locale whose decimal point is not '.': the same
** trees and bytes as cJSON's in the C locale. */
static void test_locale(void **state)
{
    static const char *const names[] = {
        "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "ps_AF.UTF-8", "ps_AF.utf8",
    };
    static const char *const texts[] = {
        "[0.1,1.5,-2.25e-3,1e308,1e309,3.14159265358979,0.30000000000000004,1.,-.5]", "1.2.3",
        "{\"a\":[1.5,{\"b\":6.02214076e23}],\"c\":\"1.5\"}", "2.5", "1,5",
        "1.79769313486231570000000000000000000000000000000000000000000000000000001e308",
    };
    size_t i, k, used = 0;
    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        char point[32];
        if (setlocale(LC_NUMERIC, names[i]) == NULL)
            continue;
        snprintf(point, sizeof point, "%.1f", 0.5);
        setlocale(LC_NUMERIC, "C");
        if (strcmp(point, "0.5") == 0)
            continue;
        used++;
        for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
            counted c;
            size_t len = strlen(texts[k]), e1, e2 = 0;
            const char *cend = NULL;
            cJSON *theirs, *ours;
            int nomem;
            char *p1, *p2;
            counted_init(&c);
            theirs = cJSON_ParseWithLengthOpts(texts[k], len, &cend, 0);    /* in "C" */
            assert_non_null(theirs);
            e1 = (size_t)(cend - texts[k]);
            p1 = cJSON_PrintUnformatted(theirs);
            assert_non_null(setlocale(LC_NUMERIC, names[i]));
            ours = vep__json_parse(&c.a, texts[k], len, &e2, &nomem);
            assert_non_null(ours);
            p2 = vep__json_print(&c.a, ours);
            setlocale(LC_NUMERIC, "C");
            assert_int_equal(e1, e2);
            same_node(theirs, ours, names[i]);
            assert_non_null(p2);
            assert_string_equal(p1, p2);
            cJSON_free(p1);
            vep__free(&c.a, p2);
            cJSON_Delete(theirs);
            vep__json_delete(&c.a, ours);
            assert_int_equal(c.fa.live_blocks, 0);
        }
        printf("  locale %s (decimal point '%.*s'): parse and print as in C\n", names[i],
               (int)(strlen(point) - 2), point + 1);
    }
    if (used == 0)
        skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_builders),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_oom),
        cmocka_unit_test(test_locale),
    };
    fx_filter();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
