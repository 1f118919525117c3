/*
** test_host.c -- host functions through the public API (host.h): the
** registration of C functions (called through libffi) and of callbacks,
** signatures and their refusals, every argument check with the function
** and the argument named, results of every type with the ownership of
** strings, failures the host reports, the refusal of calls while a script
** loads, declarations checked against the registry, the "host_calls"
** record in results, and out-of-memory while calling.
*/
#include "api_fixture.h"
#include <math.h>
#include <stdbool.h>

#define HEAD "instrument { id = \"h\", version = \"1.0.0\", languages = { \"en\" }, title = \"T\" }\n"

/* The declarations the scripts below share, and one choice item whose
** answer picks the call a score function makes. */
#define DECLS                                                                 \
    "host_function \"has_programme\" { signature = \"bool (string subject, string programme)\",\n" \
    "  purpose = \"Whether the case system lists the programme\" }\n"          \
    "host_function \"add64\" { signature = \"int64 (int64 a, int64 b)\" }\n"   \
    "host_function \"half\" { signature = \"double (double x)\" }\n"           \
    "host_function \"negate\" { signature = \"bool (bool b)\" }\n"             \
    "host_function \"greet\" { signature = \"string (string name)\" }\n"       \
    "host_function \"shout\" { signature = \"string (string s)\" }\n"          \
    "host_function \"nothing\" { signature = \"string ()\" }\n"                \
    "host_function \"note\" { signature = \"void (string s)\" }\n"             \
    "host_function \"not_a_number\" { signature = \"double ()\" }\n"           \
    "host_function \"bad_text\" { signature = \"string ()\" }\n"               \
    "host_function \"unregistered\" { signature = \"bool ()\" }\n"             \
    "item \"K\" { type = \"choice\", text = \"K?\", options = {\n"             \
    "  { code = \"k1\" }, { code = \"k2\" }, { code = \"k3\" }, { code = \"k4\" },\n" \
    "  { code = \"k5\" }, { code = \"k6\" }, { code = \"k7\" }, { code = \"k8\" },\n" \
    "  { code = \"k9\" }, { code = \"k10\" }, { code = \"k11\" }, { code = \"k12\" },\n" \
    "  { code = \"k13\" }, { code = \"k14\" }, { code = \"k15\" }, { code = \"k16\" } } }\n"

/* ---- The host side: C functions with the signatures declared above ---- */

typedef struct host_state {
    int marker;             /* seen through "userdata"                   */
    int calls;              /* calls of has_programme                    */
    int freed;              /* strings freed by owned_free               */
    char greeting[64];
} host_state;

static host_state *g_owner;   /* for owned_free, which has no user data */

static bool has_programme(void *ud, const char *subject, const char *prog)
{
    host_state *h = ud;
    assert_int_equal(h->marker, 42);
    h->calls++;
    return strcmp(subject, "P-1") == 0 && strcmp(prog, "CBT") == 0;
}

static int64_t add64(int64_t a, int64_t b) { return a + b; }
static double half(double x) { return x / 2; }
static bool negate(bool b) { return !b; }

static const char *greet(void *ud, const char *name)
{
    host_state *h = ud;
    snprintf(h->greeting, sizeof h->greeting, "hello %s", name);
    return h->greeting;          /* borrowed: copied at once */
}

static char *shout(const char *s)
{
    char *r = malloc(strlen(s) + 2);
    size_t i;
    assert_non_null(r);
    for (i = 0; s[i]; i++)
        r[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    r[i] = '!';
    r[i + 1] = '\0';
    return r;                    /* owned: freed with owned_free */
}

static void owned_free(void *p)
{
    g_owner->freed++;
    free(p);
}

static const char *nothing(void) { return NULL; }

static void note(vep_host_call *call, const char *s)
{
    assert_string_equal(vep_host_call_name(call), "note");
    if (strcmp(s, "bad") == 0)
        assert_int_equal(vep_host_call_fail(call, "the case system refused 'bad'"), VEP_OK);
}

static double not_a_number(void) { return NAN; }
static const char *bad_text(void) { return "caf\xc3"; }

/* Registers every function of DECLS but "unregistered". */
static void register_all(vep_engine *e, host_state *h)
{
    vep_host_options o = VEP_HOST_OPTIONS_INIT;
    o.user_data = h;
    assert_int_equal(vep_host_register(e, "has_programme",
                     "bool (userdata, string subject, string programme)",
                     (vep_host_fn)has_programme, &o), VEP_OK);
    assert_int_equal(vep_host_register(e, "add64", "int64(int64 a, int64 b)",
                     (vep_host_fn)add64, NULL), VEP_OK);
    assert_int_equal(vep_host_register(e, "half", "double (double)",
                     (vep_host_fn)half, NULL), VEP_OK);
    assert_int_equal(vep_host_register(e, "negate", "bool (bool)",
                     (vep_host_fn)negate, NULL), VEP_OK);
    assert_int_equal(vep_host_register(e, "greet", "string (userdata, string name)",
                     (vep_host_fn)greet, &o), VEP_OK);
    o.user_data = NULL;
    o.free_string = owned_free;
    assert_int_equal(vep_host_register(e, "shout", "string (string s)",
                     (vep_host_fn)shout, &o), VEP_OK);
    assert_int_equal(vep_host_register(e, "nothing", "string (void)",
                     (vep_host_fn)nothing, NULL), VEP_OK);
    assert_int_equal(vep_host_register(e, "note", "void (call, string s)",
                     (vep_host_fn)note, NULL), VEP_OK);
    assert_int_equal(vep_host_register(e, "not_a_number", "double ()",
                     (vep_host_fn)not_a_number, NULL), VEP_OK);
    assert_int_equal(vep_host_register(e, "bad_text", "string ()",
                     (vep_host_fn)bad_text, NULL), VEP_OK);
}

/* An assessment of instrument "h" answering K with `k`. */
static char *doc_k(const char *k)
{
    static char buf[512];
    snprintf(buf, sizeof buf,
             "{ \"instrument\": { \"id\": \"h\", \"version\": \"1.0.0\" },"
             " \"subject\": { \"id\": \"P-1\" }, \"assessor\": { \"id\": \"A-1\", \"role\": \"r\" },"
             " \"date\": \"2026-01-01\", \"answers\": { \"K\": { \"value\": \"%s\" } } }", k);
    return buf;
}

/* The script of the call tests: score "s" makes the call K picks. */
static const char calls_src[] = HEAD DECLS
    "local calls = {\n"
    "  k1 = function() assert(host.has_programme('P-1', 'CBT') == true)\n"
    "                  assert(host.has_programme('P-2', 'CBT') == false) return 1 end,\n"
    "  k2 = function() local n = host.add64(40, 2)\n"
    "                  assert(n == 42 and math.type(n) == 'integer')\n"
    "                  assert(host.add64(3.0, -1) == 2)\n"
    "                  assert(host.add64(math.mininteger, 0) == math.mininteger) return 2 end,\n"
    "  k3 = function() assert(host.half(3) == 1.5 and host.half(2.5) == 1.25) return 3 end,\n"
    "  k4 = function() assert(host.negate(false) == true and host.negate(true) == false) return 4 end,\n"
    "  k5 = function() assert(host.greet('ana') == 'hello ana') return 5 end,\n"
    "  k6 = function() assert(host.shout('abc') == 'ABC!') assert(host.shout('x') == 'X!') return 6 end,\n"
    "  k7 = function() assert(host.nothing() == nil) assert(select('#', host.note('fine')) == 0) return 7 end,\n"
    "  k8 = function() local ok, err = pcall(host.note, 'bad')\n"
    "                  assert(not ok and err:find(\"host function 'note' failed: the case system refused 'bad'\", 1, true))\n"
    "                  return 8 end,\n"
    "  k9 = function() return host.add64(2.5, 1) end,\n"
    "  k10 = function() return host.add64(1) end,\n"
    "  k11 = function() return host.has_programme('P-1', 'CB\\0T') and 1 or 0 end,\n"
    "  k12 = function() return host.has_programme('P-1', '\\xff') and 1 or 0 end,\n"
    "  k13 = function() return host.negate(1) and 1 or 0 end,\n"
    "  k14 = function() return host.add64(2^63, 0) end,\n"
    "  k15 = function() return host.add64({}, 0) end,\n"
    "  k16 = function() return host.add64(nil, 0) end,\n"
    "}\n"
    "score \"s\" { rule = \"function\", uses = { \"K\" },\n"
    "  fn = function(a) return calls[a.code(\"K\")]() end }\n";

typedef struct fixture {
    fx_alloc a;
    vep_engine *e;
    vep_instrument *ins;
    host_state h;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->h.marker = 42;
    g_owner = &f->h;
    f->e = fx_engine_with(&f->a, 0, 0, 0);
    register_all(f->e, &f->h);
    f->ins = fx_load_ok(f->e, calls_src);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    vep_instrument_free(f->ins);
    vep_engine_free(f->e);
    assert_int_equal(f->a.live_bytes, 0);
    free(f);
    return 0;
}

/* Scores with K = k; returns the status, the result in *out. */
static vep_status score_k(fixture *f, const char *k, char **out)
{
    const char *d = doc_k(k);
    return vep_score(out, f->ins, d, strlen(d));
}

/* Every type in and out, user data, borrowed and owned strings, nil. */
static void test_calls(void **state)
{
    fixture *f = *state;
    static const char *const ks[] = { "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8" };
    size_t i;
    for (i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        char *out = NULL;
        vep_status st = score_k(f, ks[i], &out);
        if (st != VEP_OK)
            fx_dump(f->e);
        assert_int_equal(st, VEP_OK);
        vep_free(out);
    }
    assert_int_equal(f->h.calls, 2);
    assert_int_equal(f->h.freed, 2);      /* each owned string, once */
}

/* Each call is recorded in the result, in order, with what made it. */
static void test_host_calls_record(void **state)
{
    fixture *f = *state;
    char *out = NULL;
    cJSON *r, *calls, *c;
    assert_int_equal(score_k(f, "k1", &out), VEP_OK);
    r = cJSON_Parse(out);
    assert_non_null(r);
    calls = cJSON_GetObjectItem(r, "host_calls");
    assert_int_equal(cJSON_GetArraySize(calls), 2);
    c = cJSON_GetArrayItem(calls, 0);
    assert_string_equal(fx_jstr(c, "function"), "has_programme");
    assert_string_equal(fx_jstr(c, "by"), "score:s/fn");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(c, "args"), 0)->valuestring, "P-1");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(c, "args"), 1)->valuestring, "CBT");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(c, "result")));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(calls, 1), "result")));
    cJSON_Delete(r);
    vep_free(out);
    /* A result without host calls has no such member. */
    assert_int_equal(score_k(f, "k3", &out), VEP_OK);
    r = cJSON_Parse(out);
    assert_non_null(cJSON_GetObjectItem(r, "host_calls"));   /* half was called */
    cJSON_Delete(r);
    vep_free(out);
}

/* Every argument check, naming the function and the argument. */
static void test_argument_checks(void **state)
{
    fixture *f = *state;
    static const struct { const char *k, *msg; } cases[] = {
        { "k9",  "host function 'add64': argument 1 (a) must be an integer within the 64-bit range, got 2.5" },
        { "k10", "host function 'add64' takes 2 arguments, got 1" },
        { "k11", "host function 'has_programme': argument 2 (programme) contains a NUL byte" },
        { "k12", "host function 'has_programme': argument 2 (programme) is not valid UTF-8" },
        { "k13", "host function 'negate': argument 1 (b) must be a boolean, got a number" },
        { "k14", "host function 'add64': argument 1 (a) must be an integer within the 64-bit range, got 9.2233720368547758e+18" },
        { "k15", "host function 'add64': argument 1 (a) must be an integer, got a table" },
        { "k16", "host function 'add64': argument 1 (a) must be an integer, got nil" },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = (char *)f;
        vep_status st = score_k(f, cases[i].k, &out);
        if (st != VEP_ERR_HOST)
            fx_dump(f->e);
        assert_int_equal(st, VEP_ERR_HOST);
        assert_null(out);
        assert_int_equal(vep_diag_count(f->e), 1);
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_RULE), "host_argument");
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_ITEM), "s");
        if (strstr(vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE), cases[i].msg) == NULL)
            fail_msg("%s: got \"%s\", want \"%s\"", cases[i].k,
                     vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE), cases[i].msg);
        assert_true(vep_diag_line(f->e, 0) > 0);
        assert_string_equal(vep_status_name(VEP_ERR_HOST), "host");
    }
    {
        char *out = NULL;             /* the engine scores on */
        assert_int_equal(score_k(f, "k2", &out), VEP_OK);
        vep_free(out);
    }
}

/* Failures the host reports, and results a script cannot use. */
static void test_failures(void **state)
{
    fixture *f = *state;
    vep_instrument *ins = NULL;
    char *out = (char *)f;
    static const char src[] = HEAD DECLS
        "score \"s\" { rule = \"function\", uses = { \"K\" }, fn = function(a)\n"
        "  local k = a.code(\"K\")\n"
        "  if k == 'k1' then host.note('bad') end\n"
        "  if k == 'k2' then return host.not_a_number() end\n"
        "  if k == 'k3' then return #host.bad_text() end\n"
        "  if k == 'k4' then return host.unregistered() and 1 or 0 end\n"
        "  if k == 'k5' then return host.undeclared() end\n"
        "  if k == 'k6' then host.add64 = nil end\n"
        "  return 0 end }\n";
    static const struct { const char *k, *rule, *msg; vep_status st; } cases[] = {
        { "k1", "host_failed", "host function 'note' failed: the case system refused 'bad'", VEP_ERR_HOST },
        { "k2", "host_result", "host function 'not_a_number' returned NaN, which scripts cannot use", VEP_ERR_HOST },
        { "k3", "host_result", "host function 'bad_text' returned a string that is not valid UTF-8", VEP_ERR_HOST },
        { "k4", "host_missing", "host function 'unregistered' is declared by the script but this program does not provide it", VEP_ERR_HOST },
        { "k5", "host_missing", "host function 'undeclared' is not declared by the script", VEP_ERR_HOST },
        { "k6", "forbidden", "the host table is read-only", VEP_ERR_SCRIPT },
    };
    size_t i;
    ins = fx_load_ok(f->e, src);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *d = doc_k(cases[i].k);
        out = (char *)f;
        assert_int_equal(vep_score(&out, ins, d, strlen(d)), cases[i].st);
        assert_null(out);
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_RULE), cases[i].rule);
        if (strstr(vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE), cases[i].msg) == NULL)
            fail_msg("%s: got \"%s\"", cases[i].k, vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE));
        assert_non_null(strstr(vep_engine_errmsg(f->e), cases[i].msg));
        fx_check_diag_json(f->e, cases[i].st);
    }
    vep_instrument_free(ins);
}

/* No host call while a script loads (nor while it is replayed for
** scoring), but a function taken from `host` at load works when called
** while scoring. */
static void test_not_while_loading(void **state)
{
    fixture *f = *state;
    vep_instrument *ins = NULL;
    char *out = NULL;
    const char *d = doc_k("k1");
    static const char at_load[] = HEAD DECLS "local n = host.add64(1, 2)\n";
    static const char caught[] = HEAD DECLS
        "local ok = pcall(host.add64, 1, 2)\n"
        "score \"s\" { rule = \"function\", uses = { \"K\" },\n"
        "  fn = function(a) return ok and 1 or 0 end }\n";
    static const char taken[] = HEAD DECLS
        "local add = host.add64\n"
        "score \"s\" { rule = \"function\", uses = { \"K\" },\n"
        "  fn = function(a) return add(20, 22) end }\n";
    cJSON *r;
    assert_int_equal(fx_load(f->e, "load.lua", at_load, &ins), VEP_ERR_SCRIPT);
    assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_RULE), "host_at_load");
    assert_int_equal(vep_diag_line(f->e, 0), fx_line_of(at_load, "local n"));
    assert_non_null(strstr(vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE),
                           "host function 'add64' called while the script loads"));
    ins = fx_load_ok(f->e, caught);      /* refused even when caught */
    assert_int_equal(vep_score(&out, ins, d, strlen(d)), VEP_OK);
    r = cJSON_Parse(out);
    assert_int_equal((int)fx_jnum(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "scores"), 0), "value"), 0);
    cJSON_Delete(r);
    vep_free(out);
    vep_instrument_free(ins);
    ins = fx_load_ok(f->e, taken);
    assert_int_equal(vep_score(&out, ins, d, strlen(d)), VEP_OK);
    r = cJSON_Parse(out);
    assert_int_equal((int)fx_jnum(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "scores"), 0), "value"), 42);
    cJSON_Delete(r);
    vep_free(out);
    vep_instrument_free(ins);
}

/* Declarations: their syntax, and their agreement with the registry, at
** load when the function is registered, else at the call. */
static void test_declarations(void **state)
{
    fixture *f = *state;
    vep_instrument *ins = NULL;
    vep_engine *e;
    char *out = NULL;
    const char *d = doc_k("k1");
    static const char bad[] = HEAD
        "host_function \"Bad\" { signature = \"bool ()\" }\n"
        "host_function \"nosig\" { purpose = \"x\" }\n"
        "host_function \"ud\" { signature = \"bool (userdata)\" }\n"
        "host_function \"twice\" { signature = \"bool ()\" }\n"
        "host_function \"twice\" { signature = \"bool ()\" }\n"
        "host_function \"extra\" { signature = \"bool ()\", colour = 1 }\n";
    static const char mismatch[] = HEAD
        "host_function \"add64\" { signature = \"double (int64 a, int64 b)\" }\n"
        "item \"A\" { type = \"presence\", text = \"A?\" }\n"
        "score \"s\" { rule = \"function\", uses = { \"A\" }, fn = function(a) return host.add64(1, 2) end }\n";
    assert_int_equal(fx_load(f->e, "bad.lua", bad, &ins), VEP_ERR_DEFINITION);
    assert_true(fx_find(f->e, "invalid_id", "Bad") >= 0);
    assert_true(fx_find(f->e, "missing_field", "nosig") >= 0);
    assert_true(fx_find(f->e, "host_signature", "ud") >= 0);
    assert_true(fx_find(f->e, "duplicate_id", "twice") >= 0);
    assert_true(fx_find(f->e, "unknown_field", "extra") >= 0 || fx_find(f->e, "unexpected_field", "extra") >= 0);
    /* Registered before the load: refused at load, with the line. */
    assert_int_equal(fx_load(f->e, "m.lua", mismatch, &ins), VEP_ERR_DEFINITION);
    assert_int_equal(fx_find(f->e, "host_signature", "add64"), 0);
    assert_int_equal(vep_diag_line(f->e, 0), fx_line_of(mismatch, "host_function"));
    assert_non_null(strstr(vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE),
                           "declares \"double (int64 a, int64 b)\" but this program registered \"int64(int64 a, int64 b)\""));
    /* Registered after the load: refused at the call. */
    assert_int_equal(vep_engine_new(&e, NULL), VEP_OK);
    ins = fx_load_ok(e, mismatch);
    assert_int_equal(vep_host_register(e, "add64", "int64 (int64, int64)", (vep_host_fn)add64, NULL), VEP_OK);
    d = "{ \"instrument\": { \"id\": \"h\", \"version\": \"1.0.0\" }, \"subject\": { \"id\": \"P-1\" },"
        " \"assessor\": { \"id\": \"A\", \"role\": \"r\" }, \"date\": \"2026-01-01\", \"answers\": {} }";
    assert_int_equal(vep_score(&out, ins, d, strlen(d)), VEP_ERR_HOST);
    assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_RULE), "host_signature");
    vep_instrument_free(ins);
    vep_engine_free(e);
}

/* A callback that registration refuses before it could be called. */
static int never_called(void *ud, vep_host_call *call)
{
    (void)ud;
    (void)call;
    fail_msg("a refused callback was called");
    return 1;
}

/* Names, signatures and options that registration refuses. */
static void test_registration(void **state)
{
    fixture *f = *state;
    vep_host_options o = VEP_HOST_OPTIONS_INIT;
    static const struct { const char *name, *sig, *msg; } bad[] = {
        { "Upper", "bool ()", "is not valid" },
        { "", "bool ()", "is not valid" },
        { "1x", "bool ()", "is not valid" },
        { "end", "bool ()", "not a Lua keyword" },
        { "a234567890123456789012345678901234567890123456789012345678901234", "bool ()", "is not valid" },
        { "add64", "int64 (int64, int64)", "already registered" },
        { "v1", "bool (string, ...)", "variadic functions are refused" },
        { "v2", "bool (...)", "variadic functions are refused" },
        { "s1", "bool", "expected '('" },
        { "s2", "bool (", "expected an argument type" },
        { "s3", "bool (string,)", "expected an argument type" },
        { "s4", "bool (int)", "expected an argument type (bool, int64, double, string, userdata, call) at 'int)'" },
        { "s5", "bool (void x)", "void is a return type only" },
        { "s6", "userdata ()", "starts with its return type" },
        { "s7", "bool (string) x", "unexpected text after ')'" },
        { "s8", "bool (userdata, userdata)", "'userdata' may be given once" },
        { "s9", "bool (bool, bool, bool, bool, bool, bool, bool, bool, bool)", "more than 8 arguments" },
        { "s10", "bool (string a234567890123456789012345678901234)", "longer than 31" },
        { "s11", NULL, "no signature given" },
    };
    size_t i;
    char *list = NULL;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(vep_host_register(f->e, bad[i].name, bad[i].sig, (vep_host_fn)add64, NULL),
                         VEP_ERR_ARGUMENT);
        if (strstr(vep_engine_errmsg(f->e), bad[i].msg) == NULL)
            fail_msg("%s: got \"%s\"", bad[i].sig ? bad[i].sig : "(null)", vep_engine_errmsg(f->e));
    }
    assert_int_equal(vep_host_register(f->e, NULL, "bool ()", (vep_host_fn)add64, NULL), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_host_register(f->e, "nofn", "bool ()", NULL, NULL), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_host_register(NULL, "x", "bool ()", (vep_host_fn)add64, NULL), VEP_ERR_ARGUMENT);
    o.version = 99;
    assert_int_equal(vep_host_register(f->e, "x", "bool ()", (vep_host_fn)add64, &o), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_host_register_callback(f->e, "cb", "bool (userdata)", NULL, NULL), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_host_register_callback(f->e, "cb", "bool (call)",
                                                never_called, NULL), VEP_ERR_ARGUMENT);
    assert_non_null(strstr(vep_engine_errmsg(f->e), "'call' is filled by the engine"));
    /* 8 script arguments plus user data and the call are fine. */
    assert_int_equal(vep_host_register(f->e, "eight",
                     "bool (userdata, call, bool, bool, bool, bool, bool, bool, bool, bool)",
                     (vep_host_fn)add64, NULL), VEP_OK);
    assert_int_equal(vep_host_list(&list, f->e), VEP_OK);
    assert_non_null(strstr(list, "\"name\": \"eight\""));
    assert_non_null(strstr(list, "\"signature\": \"int64(int64 a, int64 b)\""));
    assert_non_null(strstr(list, "\"string_result\": \"owned\""));
    assert_non_null(strstr(list, "\"string_result\": \"borrowed\""));
    assert_null(strstr(list, "\"name\": \"v1\""));
    /* in name order */
    assert_true(strstr(list, "\"add64\"") < strstr(list, "\"bad_text\""));
    assert_true(strstr(list, "\"shout\"") > strstr(list, "\"note\""));
    vep_free(list);
    assert_int_equal(vep_host_list(NULL, f->e), VEP_ERR_ARGUMENT);
    assert_int_equal(vep_host_list(&list, NULL), VEP_ERR_ARGUMENT);
    assert_null(list);
}

/* ---- The callback form ----------------------------------------------- */

typedef struct cb_state {
    int calls;
    int wrong_type_refused;
    int mode;                 /* 0 ok, 1 fail, 2 nonzero, 3 no value, 4 string */
} cb_state;

static int mix(void *ud, vep_host_call *call)
{
    cb_state *s = ud;
    s->calls++;
    assert_string_equal(vep_host_call_name(call), "mix");
    assert_int_equal(vep_host_call_argc(call), 4);
    /* each argument read as its own type, and as another */
    assert_int_equal(vep_host_call_arg_int64(call, 0), -7);
    assert_true(vep_host_call_arg_double(call, 1) == 0.25);
    assert_int_equal(vep_host_call_arg_bool(call, 2), 1);
    assert_string_equal(vep_host_call_arg_string(call, 3), "ž");
    assert_null(vep_host_call_arg_string(call, 0));
    assert_int_equal(vep_host_call_arg_int64(call, 3), 0);
    assert_int_equal(vep_host_call_arg_bool(call, 4), 0);   /* out of range */
    assert_null(vep_host_call_arg_string(call, 99));
    if (vep_host_call_return_string(call, "no") == VEP_ERR_ARGUMENT
        && vep_host_call_return_bool(call, 1) == VEP_ERR_ARGUMENT)
        s->wrong_type_refused++;
    switch (s->mode) {
    case 1:
        vep_host_call_fail(call, "no such case");
        return 0;
    case 2:
        return 1;
    case 3:
        return 0;
    default:
        assert_int_equal(vep_host_call_return_double(call, -6.75), VEP_OK);
        return 0;
    }
}

static void test_callbacks(void **state)
{
    fixture *f = *state;
    cb_state s;
    vep_instrument *ins;
    char *out = NULL;
    const char *d = doc_k("k1");
    static const char src[] = HEAD DECLS
        "host_function \"mix\" { signature = \"double (int64 n, double x, bool b, string s)\" }\n"
        "score \"s\" { rule = \"function\", uses = { \"K\" },\n"
        "  fn = function(a) return host.mix(-7, 0.25, true, 'ž') end }\n";
    static const struct { int mode; vep_status st; const char *rule, *msg; } cases[] = {
        { 1, VEP_ERR_HOST, "host_failed", "host function 'mix' failed: no such case" },
        { 2, VEP_ERR_HOST, "host_failed", "the callback returned an error without a message" },
        { 3, VEP_ERR_HOST, "host_result", "host function 'mix' returned no value (it is declared to return double)" },
    };
    size_t i;
    cJSON *r;

    memset(&s, 0, sizeof s);
    assert_int_equal(vep_host_register_callback(f->e, "mix", "double (int64 n, double x, bool b, string s)",
                                                mix, &s), VEP_OK);
    ins = fx_load_ok(f->e, src);
    assert_int_equal(vep_score(&out, ins, d, strlen(d)), VEP_OK);
    r = cJSON_Parse(out);
    assert_true(fx_jnum(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "scores"), 0), "value") == -6.75);
    assert_true(fx_jnum(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "host_calls"), 0), "result") == -6.75);
    cJSON_Delete(r);
    vep_free(out);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        s.mode = cases[i].mode;
        assert_int_equal(vep_score(&out, ins, d, strlen(d)), cases[i].st);
        assert_string_equal(vep_diag_get(f->e, 0, VEP_DIAG_RULE), cases[i].rule);
        if (strstr(vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE), cases[i].msg) == NULL)
            fail_msg("mode %d: got \"%s\"", s.mode, vep_diag_get(f->e, 0, VEP_DIAG_MESSAGE));
    }
    assert_int_equal(s.calls, 4);
    assert_int_equal(s.wrong_type_refused, 4);
    vep_instrument_free(ins);
}

/* Same input, same bytes, whatever the host was asked before. */
static void test_deterministic(void **state)
{
    fixture *f = *state;
    char *a = NULL, *b = NULL, *c = NULL;
    assert_int_equal(score_k(f, "k6", &a), VEP_OK);
    assert_int_equal(score_k(f, "k1", &b), VEP_OK);
    vep_free(b);
    assert_int_equal(score_k(f, "k6", &c), VEP_OK);
    assert_string_equal(a, c);
    vep_free(a);
    vep_free(c);
}

/* Test cases answer for the host with their stand-ins and never call the
** functions the engine has. */
static void test_test_cases(void **state)
{
    fixture *f = *state;
    vep_instrument *ins;
    char *report = NULL;
    size_t failed = 99;
    cJSON *r, *cases;
    static const char src[] = HEAD
        "host_function \"add64\" { signature = \"int64 (int64 a, int64 b)\" }\n"
        "host_function \"greet\" { signature = \"string (string name)\" }\n"
        "host_function \"note\" { signature = \"void (string s)\" }\n"
        "item \"A\" { type = \"presence\", text = \"A?\" }\n"
        "score \"s\" { rule = \"function\", uses = { \"A\" },\n"
        "  fn = function(a) host.note('a void function needs no stand-in')\n"
        "    return host.add64(1, 2) + #host.greet('x') end }\n"
        "test \"stand-ins\" { answers = { A = \"present\" }, host = { add64 = 40, greet = \"hi\" },\n"
        "  expect = { scores = { s = 42 } } }\n"
        "test \"one missing\" { answers = { A = \"present\" }, host = { add64 = 40 },\n"
        "  expect = { scores = { s = 42 } } }\n"
        "test \"the wrong kind\" { answers = { A = \"present\" }, host = { add64 = true, greet = \"hi\" },\n"
        "  expect = { scores = { s = 42 } } }\n";
    static const char bad[] = HEAD
        "host_function \"add64\" { signature = \"int64 (int64 a, int64 b)\" }\n"
        "test \"t\" { answers = {}, host = { add64 = { 1 } }, expect = {} }\n";
    ins = fx_load_ok(f->e, src);
    f->h.calls = 0;
    assert_int_equal(vep_instrument_run_tests(&report, &failed, ins), VEP_OK);
    assert_int_equal(failed, 2);
    r = cJSON_Parse(report);
    cases = cJSON_GetObjectItem(r, "cases");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(cases, 0), "passed")));
    assert_string_equal(fx_jstr(cJSON_GetArrayItem(cases, 1), "status"), "host");
    assert_non_null(strstr(report, "the test case gives no value for host function 'greet' (host = { greet = ... })"));
    assert_non_null(strstr(report, "\"rule\": \"host_missing\""));
    assert_non_null(strstr(report, "the test case gives a boolean for host function 'add64', which returns int64"));
    assert_non_null(strstr(report, "\"rule\": \"host_result\""));
    cJSON_Delete(r);
    vep_free(report);
    vep_instrument_free(ins);
    assert_int_equal(fx_load(f->e, "bad.lua", bad, &ins), VEP_ERR_DEFINITION);
    assert_true(fx_find(f->e, "wrong_type", "t") >= 0);
}

/* ---- Out of memory --------------------------------------------------- */

static vep_status run_score(fx_oom_op *op)
{
    op->out = (char *)op;
    return vep_score(&op->out, op->ins, op->doc, strlen(op->doc));
}

static vep_status run_case_tests(fx_oom_op *op)
{
    size_t failed;
    op->out = (char *)op;
    return vep_instrument_run_tests(&op->out, &failed, op->ins);
}

static vep_status run_register(fx_oom_op *op)
{
    vep_engine *e = op->e;
    vep_status st = vep_host_register(e, "late_one", "string (string a, int64 b, double c)",
                                      (vep_host_fn)nothing, NULL);
    return st;
}

static char *finish_register(fx_oom_op *op)
{
    char *list = NULL, *sig;
    assert_int_equal(vep_host_list(&list, op->e), VEP_OK);
    sig = strdup(list);
    vep_free(list);
    /* registered once: a second time is refused, so start again */
    vep_instrument_free(op->ins);
    op->ins = NULL;
    return sig;
}

static void test_oom(void **state)
{
    int persistent;
    static const char *const ks[] = { "k1", "k5", "k6" };
    size_t i;
    host_state h;
    (void)state;
    memset(&h, 0, sizeof h);
    h.marker = 42;
    g_owner = &h;
    for (persistent = 0; persistent < 2; persistent++)
        for (i = 0; i < sizeof ks / sizeof ks[0]; i++) {
            fx_oom_op *op = fx_oom_new(NULL);
            register_all(op->e, &h);
            op->ins = fx_load_ok(op->e, calls_src);
            op->ok = VEP_OK;
            op->doc = doc_k(ks[i]);
            op->run = run_score;
            op->finish = fx_finish_out;
            fx_oom_loop(op, "scoring with host calls", persistent);
            fx_oom_free(op);
        }
    /* The test cases, with their stand-ins. */
    for (persistent = 0; persistent < 2; persistent++) {
        fx_oom_op *op = fx_oom_new(NULL);
        op->ins = fx_load_ok(op->e, HEAD
            "host_function \"greet\" { signature = \"string (string name)\" }\n"
            "item \"A\" { type = \"presence\", text = \"A?\" }\n"
            "score \"s\" { rule = \"function\", uses = { \"A\" },\n"
            "  fn = function(a) return #host.greet('x') end }\n"
            "test \"t\" { answers = { A = \"present\" }, host = { greet = \"hi\" },\n"
            "  expect = { scores = { s = 2 } } }\n"
            "test \"u\" { answers = { A = \"present\" }, expect = { scores = { s = 2 } } }\n");
        op->ok = VEP_OK;
        op->run = run_case_tests;
        op->finish = fx_finish_out;
        fx_oom_loop(op, "test cases with stand-ins", persistent);
        fx_oom_free(op);
    }
    /* Registration: each failure leaves nothing registered. */
    {
        fx_oom_log log;
        unsigned long n;
        memset(&log, 0, sizeof log);
        for (n = 1; n < 10; n++) {
            fx_oom_op *op = fx_oom_new(NULL);
            size_t base = op->a.live_blocks;
            char *list = NULL;
            vep_status st;
            fx_alloc_arm(&op->a, n, 0);
            st = run_register(op);
            fx_alloc_disarm(&op->a);
            if (st == VEP_OK) {
                char *sig = finish_register(op);
                assert_non_null(strstr(sig, "late_one"));
                free(sig);
                fx_oom_free(op);
                break;
            }
            fx_oom_failed(&log, &op->a, op->e, st, n, 1);
            fx_oom_blocks(&log, &op->a, &base, n);
            assert_int_equal(vep_host_list(&list, op->e), VEP_OK);
            assert_null(strstr(list, "late_one"));
            vep_free(list);
            assert_int_equal(run_register(op), VEP_OK);    /* and works after */
            fx_oom_free(op);
        }
        assert_true(n < 10);
        if (log.bad)
            fail_msg("registration: %s", log.text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_host_calls_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_argument_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_while_loading, setup, teardown),
        cmocka_unit_test_setup_teardown(test_declarations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_registration, setup, teardown),
        cmocka_unit_test_setup_teardown(test_callbacks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_test_cases, setup, teardown),
        cmocka_unit_test(test_oom),
    };
    fx_filter();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
