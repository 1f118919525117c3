/*
** test_allowlist.c -- everything a script can reach, compared with the
** committed list tests/unit/allowlist.txt (as Redis tests its scripting
** sandbox).
**
** A walker script, run through the public API, lists every global of its
** environment, every field of every table reachable from there (library
** tables, `date`, `host`, the declaration constructors, `unknown` ...), the
** metatables getmetatable gives for each table and for strings, numbers,
** booleans, nil, functions and threads, the string methods strings reach
** (the string metatable is hidden, so they are probed by name), and what
** reading every name of the standard Lua libraries gives when it is absent
** ("forbidden", "undefined" or "nil").  Each line is "PATH TYPE", e.g.
** "string.format function", "getmetatable(host) string",
** "_G table = _ENV" (a table already listed under another path).
**
** Five environments: the top level of an instrument, a plan and a
** migration script while they load (the lines come out as the message of
** the error the script raises, in chunks); "replay", the instrument's top
** level run again for scoring; and "score", inside a function rule while
** scoring, with its view `a` (the lines come out as the explanations of
** function scores).  Every line not on the list fails the test, and so
** does every line of the list that is gone; both are printed.
**
** The list is grouped in sections; "[instrument replay score]" starts the
** lines those environments have.  VEP_ALLOWLIST_PRINT=1 prints what the
** environments have now, one section each, to review a change.
**
** The test also reads each removed name (io, os, debug, package, load,
** string.dump, math.random ...) without a pcall, at load and while
** scoring, and expects rule "forbidden"; and binary chunks, as the script
** or as a helper module, must be refused.
*/
#include "api_fixture.h"
#include "lua.h"
#include "lauxlib.h"

/* The environments, in the order of the list's sections. */
static const char *const envs[] = {
    "instrument", "plan", "migration", "replay", "score", NULL
};

/* The walker: helpers, then `at_load`, the lines of the top level. */
static const char walker[] =
    "local function result(ok, v)\n"
    "  local m = type(v) == \"string\" and v or \"\"\n"
    "  if ok then return type(v) end\n"
    "  if m:find(\"is not available\", 1, true) then return \"forbidden\" end\n"
    "  if m:find(\"undefined variable\", 1, true) then return \"undefined\" end\n"
    "  return \"error\"\n"
    "end\n"
    "local function child(path, k)\n"
    "  if type(k) == \"string\" and k:match(\"^[%a_][%w_]*$\") then\n"
    "    return path == \"\" and k or path .. \".\" .. k\n"
    "  end\n"
    "  local s = type(k) == \"string\" and string.format(\"%q\", k) or tostring(k)\n"
    "  return (path == \"\" and \"_ENV\" or path) .. \"[\" .. s .. \"]\"\n"
    "end\n"
    "local function walk(v, path, seen, out)\n"
    "  local t, name = type(v), path == \"\" and \"_ENV\" or path\n"
    "  if t == \"table\" and seen[v] then\n"
    "    out[#out + 1] = name .. \" table = \" .. seen[v]\n"
    "    return\n"
    "  end\n"
    "  out[#out + 1] = name .. \" \" .. t\n"
    "  if t == \"table\" then\n"
    "    seen[v] = name\n"
    "    if not pcall(function()\n"
    "      for k, x in pairs(v) do walk(x, child(path, k), seen, out) end\n"
    "    end) then out[#out + 1] = name .. \" unordered\" end\n"
    "  end\n"
    "  if t == \"table\" or t == \"userdata\" then\n"
    "    local m = getmetatable(v)\n"
    "    if m ~= nil then walk(m, \"getmetatable(\" .. name .. \")\", seen, out) end\n"
    "  end\n"
    "end\n"
    "local STD = {\n"
    "  { \"\", \"assert collectgarbage dofile error gcinfo getfenv getmetatable io ipairs \"\n"
    "     .. \"load loadfile loadstring module newproxy next os debug package pairs pcall \"\n"
    "     .. \"print rawequal rawget rawlen rawset require select setfenv setmetatable \"\n"
    "     .. \"tonumber tostring type unpack warn xpcall _G _VERSION string table math \"\n"
    "     .. \"utf8 coroutine bit32\" },\n"
    "  { \"string\", \"byte char dump find format gfind gmatch gsub len lower match pack \"\n"
    "     .. \"packsize rep reverse sub unpack upper\" },\n"
    "  { \"table\", \"concat foreach foreachi getn insert maxn move pack remove setn sort unpack\" },\n"
    "  { \"math\", \"abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge \"\n"
    "     .. \"ldexp log log10 max maxinteger min mininteger modf pi pow rad random \"\n"
    "     .. \"randomseed sin sinh sqrt tan tanh tointeger type ult\" },\n"
    "  { \"utf8\", \"char charpattern codepoint codes len offset\" },\n"
    "  { \"coroutine\", \"close create isyieldable resume running status wrap yield\" },\n"
    "}\n"
    "local function probe(out, seen)\n"
    "  for _, lib in ipairs(STD) do\n"
    "    local ok, t = pcall(function() return lib[1] == \"\" and _ENV or _ENV[lib[1]] end)\n"
    "    for n in lib[2]:gmatch(\"%S+\") do\n"
    "      local path = lib[1] == \"\" and n or lib[1] .. \".\" .. n\n"
    "      if not ok or type(t) ~= \"table\" then\n"
    "        out[#out + 1] = path .. \" \" .. result(ok, t)\n"
    "      elseif rawget(t, n) == nil then\n"
    "        out[#out + 1] = path .. \" \" .. result(pcall(function() return t[n] end))\n"
    "      end\n"
    "    end\n"
    "  end\n"
    "  for n in STD[2][2]:gmatch(\"%S+\") do\n"
    "    out[#out + 1] = \"('').\" .. n .. \" \" .. result(pcall(function() return (\"\")[n] end))\n"
    "  end\n"
    "  local kinds = { { \"''\", \"\" }, { \"0\", 0 }, { \"true\", true }, { \"nil\", nil },\n"
    "    { \"function\", type }, { \"thread\", (coroutine.running()) } }\n"
    "  for _, k in ipairs(kinds) do\n"
    "    local m = getmetatable(k[2])\n"
    "    if m == nil then out[#out + 1] = \"getmetatable(\" .. k[1] .. \") nil\"\n"
    "    else walk(m, \"getmetatable(\" .. k[1] .. \")\", seen, out) end\n"
    "  end\n"
    "end\n"
    "local function environment(view, nargs)\n"
    "  local out, seen = {}, {}\n"
    "  walk(_ENV, \"\", seen, out)\n"
    "  probe(out, seen)\n"
    "  if view ~= nil then\n"
    "    walk(view, \"a\", seen, out)\n"
    "    out[#out + 1] = \"select('#', ...) \" .. nargs\n"
    "  end\n"
    "  return out\n"
    "end\n"
    "local function chunks(lines, prefix)\n"
    "  local list, cur = {}, nil\n"
    "  for _, l in ipairs(lines) do\n"
    "    l = prefix .. l\n"
    "    if cur ~= nil and #cur + 1 + #l > 900 then\n"
    "      list[#list + 1] = cur\n"
    "      cur = nil\n"
    "    end\n"
    "    cur = cur == nil and l or cur .. \"\\n\" .. l\n"
    "  end\n"
    "  list[#list + 1] = cur\n"
    "  return list\n"
    "end\n"
    "local at_load = environment()\n";

/* The top level of a loading script: raises chunk %d of its lines (at
** most 900 bytes each) as the error message, or "END" past the last. */
static const char load_suffix[] =
    "error(chunks(at_load, \"\")[%d] or \"END\", 0)\n";

/* An instrument whose 32 function scores explain with one chunk each of
** "R " + the replayed top level's lines and "S " + the lines seen inside
** a function (made once, at the first call); its description is the
** lines of its own top level. */
static const char score_suffix[] =
    "local NCHUNK, made = 32, nil\n"
    "local function report(k, a, nargs)\n"
    "  if made == nil then\n"
    "    made = chunks(at_load, \"R \")\n"
    "    for _, c in ipairs(chunks(environment(a, nargs), \"S \")) do made[#made + 1] = c end\n"
    "    if #made > NCHUNK then made[NCHUNK] = \"overflow\" end\n"
    "  end\n"
    "  return 0, made[k]\n"
    "end\n"
    "instrument { id = \"allow\", version = \"1.0.0\", languages = { \"en\" }, title = \"Allow-list\",\n"
    "  description = table.concat(at_load, \"\\n\") }\n"
    "item \"A\" { type = \"presence\", text = \"A?\" }\n"
    "for k = 1, NCHUNK do\n"
    "  score(string.format(\"c%%02d\", k)) { rule = \"function\", uses = { \"A\" },\n"
    "    fn = function(a, ...) return report(k, a, select(\"#\", ...) + 1) end }\n"
    "end\n";

/* An assessment of instrument ID (the walker's "allow", or FX_HEAD's "t"). */
#define DOC(ID)                                                                \
    "{ \"instrument\": { \"id\": \"" ID "\", \"version\": \"1.0.0\" },"            \
    " \"subject\": { \"id\": \"P-1\" }, \"assessor\": { \"id\": \"A-1\", \"role\": \"r\" }," \
    " \"date\": \"2026-01-01\", \"answers\": { \"A\": { \"value\": \"present\" } } }"
static const char walker_doc[] = DOC("allow");
static const char t_doc[] = DOC("t");

/* Names that must read as "forbidden" wherever a script runs (the first
** token of a line), with nothing listed under them. */
static const char *const must_forbid[] = {
    "io", "os", "debug", "package", "load", "loadfile", "dofile", "loadstring",
    "print", "next", "collectgarbage", "gcinfo", "getfenv", "setfenv", "module",
    "newproxy", "unpack", "warn", "string.dump", "math.random",
    "math.randomseed", "('').dump", NULL
};

/* ---- Lists of lines ------------------------------------------------- */

/* A growing list of malloc'd lines. */
typedef struct lines {
    char **v;
    size_t n, cap;
} lines;

/* Appends the `len` bytes at s as one line. */
static void lines_add(lines *l, const char *s, size_t len)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        assert_non_null(l->v);
    }
    l->v[l->n] = malloc(len + 1);
    assert_non_null(l->v[l->n]);
    memcpy(l->v[l->n], s, len);
    l->v[l->n++][len] = '\0';
}

/* Frees the lines and empties the list. */
static void lines_free(lines *l)
{
    size_t i;
    for (i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Byte order of two lines, for qsort (never the locale's). */
static int line_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the list in byte order. */
static void lines_sort(lines *l)
{
    if (l->n > 1)
        qsort(l->v, l->n, sizeof *l->v, line_cmp);
}

/* Adds each '\n'-separated line of `text` that starts with `prefix`,
** without the prefix; other lines are skipped. */
static void lines_split(lines *l, const char *text, const char *prefix)
{
    size_t pn = strlen(prefix);
    const char *e;
    for (; *text != '\0'; text = *e ? e + 1 : e) {
        e = strchr(text, '\n');
        if (e == NULL)
            e = text + strlen(text);
        if ((size_t)(e - text) > pn && strncmp(text, prefix, pn) == 0)
            lines_add(l, text + pn, (size_t)(e - text) - pn);
    }
}

/* Whether the list (sorted) has `s`. */
static int lines_has(const lines *l, const char *s)
{
    const char *key = s;
    return l->n > 0 && bsearch(&key, l->v, l->n, sizeof *l->v, line_cmp) != NULL;
}

/* ---- The committed list --------------------------------------------- */

/* Whether `env` is among the names of a section header "[a b c]". */
static int header_names(const char *h, size_t len, const char *env)
{
    size_t i = 1, j, n = strlen(env), k;
    int known, found = 0;
    if (len < 2 || h[len - 1] != ']')
        fail_msg("allowlist.txt: malformed section header '%.*s'", (int)len, h);
    while (i < len - 1) {
        while (i < len - 1 && h[i] == ' ')
            i++;
        for (j = i; j < len - 1 && h[j] != ' '; j++)
            ;
        if (j == i)
            break;
        for (known = 0, k = 0; envs[k] != NULL; k++)
            known |= strlen(envs[k]) == j - i && strncmp(envs[k], h + i, j - i) == 0;
        if (!known)
            fail_msg("allowlist.txt: unknown environment '%.*s'", (int)(j - i), h + i);
        found |= j - i == n && strncmp(h + i, env, n) == 0;
        i = j;
    }
    return found;
}

/* The lines tests/unit/allowlist.txt gives `env` (sorted), checking the
** file's form: comments (#), blank lines, section headers, and entries
** "PATH TYPE" after the first header, none twice for one environment. */
static void expected_for(const char *env, lines *out)
{
    char *text = fx_read(fx_path("tests/unit/allowlist.txt"), NULL);
    const char *p = text, *e;
    int section = -1;
    size_t i, len;
    for (; *p != '\0'; p = *e ? e + 1 : e) {
        e = strchr(p, '\n');
        if (e == NULL)
            e = p + strlen(p);
        len = (size_t)(e - p);
        if (len == 0 || p[0] == '#')
            continue;
        if (p[0] == '[') {
            section = header_names(p, len, env);
        } else if (section < 0 || memchr(p, ' ', len) == NULL || p[len - 1] == ' ') {
            fail_msg("allowlist.txt: line '%.*s' is not 'PATH TYPE' in a section",
                     (int)len, p);
        } else if (section) {
            lines_add(out, p, len);
        }
    }
    free(text);
    lines_sort(out);
    for (i = 1; i < out->n; i++)
        if (strcmp(out->v[i - 1], out->v[i]) == 0)
            fail_msg("allowlist.txt: '%s' is listed twice for %s", out->v[i], env);
}

/* Prints the lines of `got` not in `want` (sorted both) with `mark`, and
** adds them to `into` when not NULL; returns their number. */
static size_t only_in(const char *env, const char *mark, const lines *got,
                      const lines *want, lines *into)
{
    size_t i, n = 0;
    for (i = 0; i < got->n; i++)
        if (!lines_has(want, got->v[i])) {
            fprintf(stderr, "  %s: %s %s\n", env, mark, got->v[i]);
            if (into != NULL)
                lines_add(into, got->v[i], strlen(got->v[i]));
            n++;
        }
    return n;
}

/* Compares what `env` has (got, sorted here) with the list; prints and
** returns the number of differences; `extra` and `gone` (may be NULL)
** get the lines not on the list and the listed lines not found. */
static size_t compare_env(const char *env, lines *got, lines *extra, lines *gone)
{
    lines want = { NULL, 0, 0 };
    size_t i, n;
    lines_sort(got);
    for (i = 1; i < got->n; i++)
        if (strcmp(got->v[i - 1], got->v[i]) == 0)
            fail_msg("%s: the walker gave '%s' twice", env, got->v[i]);
    expected_for(env, &want);
    n = only_in(env, "not on the list:", got, &want, extra)
        + only_in(env, "listed, but gone:", &want, got, gone);
    lines_free(&want);
    return n;
}

/* The removed names read as "forbidden" in `got` (sorted), and nothing is
** listed under them ("io.open ..."). */
static void check_removed(const char *env, const lines *got)
{
    char want[64];
    size_t i, j, n;
    for (i = 0; must_forbid[i] != NULL; i++) {
        n = strlen(must_forbid[i]);
        snprintf(want, sizeof want, "%s forbidden", must_forbid[i]);
        if (!lines_has(got, want))
            fail_msg("%s: '%s' is not forbidden", env, must_forbid[i]);
        for (j = 0; j < got->n; j++)
            if (strncmp(got->v[j], must_forbid[i], n) == 0
                && (got->v[j][n] == '.' || got->v[j][n] == '[')
                && strcmp(got->v[j], want) != 0)
                fail_msg("%s: '%s' is reachable", env, got->v[j]);
    }
}

/* With VEP_ALLOWLIST_PRINT=1, prints what `env` has as a section of the
** list (sorted), to review a change or to write a new list. */
static void print_env(const char *env, lines *got)
{
    const char *pr = getenv("VEP_ALLOWLIST_PRINT");
    size_t i;
    if (pr == NULL || strcmp(pr, "1") != 0)
        return;
    lines_sort(got);
    printf("[%s]\n", env);
    for (i = 0; i < got->n; i++)
        printf("%s\n", got->v[i]);
}

/* Compares `env` with the list and fails on any difference; checks the
** removed names. */
static void check_env(const char *env, lines *got)
{
    size_t n = compare_env(env, got, NULL, NULL);
    if (n != 0)
        fail_msg("%s: %zu differences from tests/unit/allowlist.txt (above)", env, n);
    check_removed(env, got);
}

/* ---- Running the walker ---------------------------------------------- */

/* Loads `src` as one kind of script and frees what loaded. */
typedef vep_status (*load_fn)(vep_engine *e, const char *src, size_t len);

/* load_fn of instruments. */
static vep_status load_instrument(vep_engine *e, const char *src, size_t len)
{
    vep_instrument *x = NULL;
    vep_status st = vep_instrument_load_buffer(&x, e, "walker.lua", src, len);
    vep_instrument_free(x);
    return st;
}

/* load_fn of plans. */
static vep_status load_plan(vep_engine *e, const char *src, size_t len)
{
    vep_plan *x = NULL;
    vep_status st = vep_plan_load_buffer(&x, e, "walker.lua", src, len);
    vep_plan_free(x);
    return st;
}

/* load_fn of migrations. */
static vep_status load_migration(vep_engine *e, const char *src, size_t len)
{
    vep_migration *x = NULL;
    vep_status st = vep_migration_load_buffer(&x, e, "walker.lua", src, len);
    vep_migration_free(x);
    return st;
}

/* `prefix`, the walker and `suffix` (with %d for k) as one malloc'd
** source. */
static char *walker_source(const char *prefix, const char *suffix, int k)
{
    size_t n = strlen(prefix) + strlen(walker) + strlen(suffix) + 32;
    char *src = malloc(n), *end;
    assert_non_null(src);
    end = src + snprintf(src, n, "%s%s", prefix, walker);
    snprintf(end, n - (size_t)(end - src), suffix, k);
    return src;
}

/* The top level's lines of a loading script of one kind (`load`), with
** `prefix` run first: one load per chunk, each failing with the chunk as
** its message. */
static void collect_load(load_fn load, const char *prefix, lines *out)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    const char *msg;
    char *src;
    int k;
    for (k = 1; k < 64; k++) {
        src = walker_source(prefix, load_suffix, k);
        if (load(e, src, strlen(src)) != VEP_ERR_SCRIPT || vep_diag_count(e) != 1) {
            fx_dump(e);
            fail_msg("the walker did not fail as it should");
        }
        free(src);
        assert_string_equal(vep_diag_get(e, 0, VEP_DIAG_RULE), "runtime");
        msg = vep_diag_get(e, 0, VEP_DIAG_MESSAGE);
        if (strcmp(msg, "END") == 0)
            break;
        assert_true(strlen(msg) <= 900);
        lines_split(out, msg, "");
    }
    assert_true(k > 1 && k < 64);
    vep_engine_free(e);
}

/* The walker instrument loaded and scored: `described` gets the lines of
** the top level at load (the description), `replay` those of the top level
** run again for scoring, `score` those seen inside a function. */
static void collect_score(lines *described, lines *replay, lines *score)
{
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    char *src = walker_source("", score_suffix, 0), *out = NULL, *all;
    vep_instrument *ins = fx_load_ok(e, src);
    const cJSON *s, *note;
    cJSON *doc;
    size_t n = 0;

    assert_int_equal(vep_instrument_describe(&out, ins, NULL), VEP_OK);
    doc = cJSON_Parse(out);
    assert_non_null(doc);
    lines_split(described, fx_jstr(doc, "description"), "");
    cJSON_Delete(doc);
    vep_free(out);

    out = fx_score_copy(ins, walker_doc);
    doc = cJSON_Parse(out);
    assert_non_null(doc);
    all = calloc(1, strlen(out) + 1);
    assert_non_null(all);
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(doc, "scores")) {
        note = cJSON_GetObjectItemCaseSensitive(s, "note");
        if (!cJSON_IsString(note))
            continue;
        assert_string_not_equal(note->valuestring, "overflow");
        n += (size_t)sprintf(all + n, "%s\n", note->valuestring);
    }
    lines_split(replay, all, "R ");
    lines_split(score, all, "S ");
    assert_true(replay->n > 100 && score->n > 100);
    free(all);
    cJSON_Delete(doc);
    free(out);
    vep_instrument_free(ins);
    free(src);
    vep_engine_free(e);
}

/* ---- Tests ------------------------------------------------------------ */

/* The top level of an instrument script while it loads. */
static void test_instrument_load(void **state)
{
    lines got = { NULL, 0, 0 };
    (void)state;
    collect_load(load_instrument, "", &got);
    print_env("instrument", &got);
    check_env("instrument", &got);
    lines_free(&got);
}

/* The top level of a plan script while it loads. */
static void test_plan_load(void **state)
{
    lines got = { NULL, 0, 0 };
    (void)state;
    collect_load(load_plan, "", &got);
    print_env("plan", &got);
    check_env("plan", &got);
    lines_free(&got);
}

/* The top level of a migration script while it loads. */
static void test_migration_load(void **state)
{
    lines got = { NULL, 0, 0 };
    (void)state;
    collect_load(load_migration, "", &got);
    print_env("migration", &got);
    check_env("migration", &got);
    lines_free(&got);
}

/* While scoring: the replayed top level and a function rule's view; and
** a load that succeeds sees what a failing one sees. */
static void test_scoring(void **state)
{
    lines described = { NULL, 0, 0 }, replay = { NULL, 0, 0 }, score = { NULL, 0, 0 };
    (void)state;
    collect_score(&described, &replay, &score);
    print_env("replay", &replay);
    print_env("score", &score);
    check_env("instrument", &described);
    check_env("replay", &replay);
    check_env("score", &score);
    lines_free(&described);
    lines_free(&replay);
    lines_free(&score);
}

/* The comparison fails where it should: a script that adds a global, a
** library field and a metatable, and removes a library function, shows
** exactly those as differences. */
static void test_differences_are_found(void **state)
{
    static const char *const added[] = {
        "extra_global number", "getmetatable(date) table", "string.evil boolean",
        "string.format nil", NULL
    };
    lines got = { NULL, 0, 0 }, extra = { NULL, 0, 0 }, gone = { NULL, 0, 0 };
    size_t i;
    (void)state;
    collect_load(load_instrument, "extra_global = 1\nstring.evil = true\n"
                 "setmetatable(date, {})\nstring.format = nil\n", &got);
    fprintf(stderr, "  (the differences below are expected)\n");
    assert_int_equal(compare_env("instrument", &got, &extra, &gone), 5);
    lines_sort(&extra);
    for (i = 0; added[i] != NULL; i++)
        assert_string_equal(extra.v[i], added[i]);
    assert_int_equal(extra.n, 4);
    assert_int_equal(gone.n, 1);
    assert_string_equal(gone.v[0], "string.format function");
    lines_free(&got);
    lines_free(&extra);
    lines_free(&gone);
}

/* Reading each removed name without a pcall: at the top level of each
** kind of script, and in a function rule while scoring, the run fails with
** rule "forbidden" at the line of the read. */
static void test_removed_names_forbidden(void **state)
{
    static const load_fn loads[] = { load_instrument, load_plan, load_migration };
    static const char fn_fmt[] = FX_HEAD
        "item \"A\" { type = \"presence\", text = \"A?\" }\n"
        "score \"s\" { rule = \"function\", uses = { \"A\" }, fn = function(a)\n"
        "  local x = %s\n  return 0 end }\n";
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins;
    char src[1024], name[64], *out;
    size_t i, k;
    (void)state;
    for (i = 0; must_forbid[i] != NULL; i++) {
        snprintf(name, sizeof name, "%s", must_forbid[i]);
        if (strncmp(name, "('')", 4) == 0)
            memcpy(name, "(\"\")", 4);
        snprintf(src, sizeof src, "local x = %s\n", name);
        for (k = 0; k < 3; k++) {
            assert_int_equal(loads[k](e, src, strlen(src)), VEP_ERR_SCRIPT);
            if (fx_find(e, "forbidden", NULL) != 0 || vep_diag_line(e, 0) != 1) {
                fx_dump(e);
                fail_msg("reading %s at load (kind %zu) is not forbidden", name, k);
            }
            fx_assert_contains(vep_diag_get(e, 0, VEP_DIAG_MESSAGE), "not available");
        }
        snprintf(src, sizeof src, fn_fmt, name);
        ins = fx_load_ok(e, src);
        out = (char *)&out;
        assert_int_equal(vep_score(&out, ins, t_doc, strlen(t_doc)), VEP_ERR_SCRIPT);
        assert_null(out);
        if (fx_find(e, "forbidden", NULL) != 0 || vep_diag_line(e, 0) != 4) {
            fx_dump(e);
            fail_msg("reading %s while scoring is not forbidden", name);
        }
        vep_instrument_free(ins);
    }
    vep_engine_free(e);
}

/* lua_Writer: appends to the buffer buf[0] (buf[1]: its end). */
static int dump_writer(lua_State *L, const void *p, size_t n, void *ud)
{
    char **buf = ud;
    size_t have = buf[1] ? (size_t)(buf[1] - buf[0]) : 0;
    (void)L;
    buf[0] = realloc(buf[0], have + n);
    assert_non_null(buf[0]);
    memcpy(buf[0] + have, p, n);
    buf[1] = buf[0] + have + n;
    return 0;
}

/* A real binary chunk of `src`, compiled by a plain Lua state of the
** test's own; *len gets its size.  Returns malloc'd bytes. */
static char *binary_chunk(const char *src, size_t *len)
{
    lua_State *L = luaL_newstate();
    char *buf[2] = { NULL, NULL };
    assert_non_null(L);
    assert_int_equal(luaL_loadstring(L, src), LUA_OK);
    assert_int_equal(lua_dump(L, dump_writer, buf, 0), 0);
    lua_close(L);
    *len = (size_t)(buf[1] - buf[0]);
    assert_true(*len > 4 && buf[0][0] == LUA_SIGNATURE[0]);
    return buf[0];
}

/* Binary chunks are refused: as an instrument, plan or migration script,
** and as a helper module that require() finds beside a script. */
static void test_binary_chunks_refused(void **state)
{
    static const load_fn loads[] = { load_instrument, load_plan, load_migration };
    vep_engine *e = fx_engine_with(NULL, 0, 0, 0);
    vep_instrument *ins = NULL;
    char dir[256], path[512], *chunk;
    size_t len, k;
    FILE *f;
    (void)state;
    chunk = binary_chunk(FX_HEAD "item \"A\" { type = \"presence\", text = \"A?\" }\n", &len);
    for (k = 0; k < 3; k++) {
        assert_int_equal(loads[k](e, chunk, len), VEP_ERR_SCRIPT);
        fx_assert_contains(vep_engine_errmsg(e), "binary");
    }
    fx_mkdtemp(dir);
    fx_write(dir, "main.lua", FX_HEAD "local h = require \"helper\"\n"
             "item \"A\" { type = \"presence\", text = \"A?\" }\n");
    snprintf(path, sizeof path, "%s/helper.lua", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(chunk, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    snprintf(path, sizeof path, "%s/main.lua", dir);
    assert_int_equal(vep_instrument_load_file(&ins, e, path), VEP_ERR_SCRIPT);
    assert_null(ins);
    if (fx_find(e, "forbidden", NULL) < 0) {
        fx_dump(e);
        fail_msg("a binary helper module is not refused as forbidden");
    }
    fx_assert_contains(vep_engine_errmsg(e), "binary");
    free(chunk);
    vep_engine_free(e);
}

/* The tests, in order: each environment, then the checks of the list's
** own comparison, of the removed names and of binary chunks. */
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instrument_load),
        cmocka_unit_test(test_plan_load),
        cmocka_unit_test(test_migration_load),
        cmocka_unit_test(test_scoring),
        cmocka_unit_test(test_differences_are_found),
        cmocka_unit_test(test_removed_names_forbidden),
        cmocka_unit_test(test_binary_chunks_refused),
    };
    fx_run(tests);
}
