#!/usr/bin/env python3
"""check-schemas.py -- `vep schema` against the engine, with a JSON Schema
validator (python3-jsonschema, Draft202012Validator).

    python3 check-schemas.py --part PART --vep VEP --cases SCHEMA_CASES \
        --repo REPO

The instruments are every *.lua under instruments/ that loads as one (test
modules, *-tests.lua, are skipped by name; any other file must load as an
instrument or as a plan, or the test fails), plus the fixtures in
tests/schema/fixtures/.  For each, `vep schema` must print a valid draft
2020-12 schema.  Then, by PART:

  documents  every test case's document the engine accepts is valid under
             the schema, and every one it refuses is invalid; the examples
             in examples/assessments/ and instruments/*/examples/ are
             accepted by both; the command's
             exit statuses for usage and script errors;
  corpus     every malformed document of tests/corpus/assessments/ (and the
             big ones run-corpus.sh makes) is refused by `vep score` (exit
             1) and by the schema;
  variants   documents made from an accepted one: invalid ones (a wrong
             code, out of range, too long, a missing required item, an
             unknown member, ...) are refused by both, valid ones (bounds,
             nulls, allowed missing-data states) accepted by both;
  dates      the schema's date pattern accepts exactly the real calendar
             dates of the years 1 to 9999.

A document the engine refuses but the schema cannot is allowed only when it
is listed below (KNOWN_*), with the reason and the engine rules it may
break; a listed document that the schema does refuse fails the test too, so
the lists stay true.  schema_cases (a C program linked with the library)
gives the test cases' documents, the engine's verdict on each and the
items of the model.

Prints one line per problem and a summary; exit 0 when there is none, 1
when there are, 70 when the test cannot run.
"""
import argparse
import concurrent.futures
import copy
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True   # nothing written into the source tree
import schema_variants  # noqa: E402  (the directory of this script)

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    print("check-schemas.py: python3-jsonschema is needed "
          "(Debian: apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(70)

# What a JSON Schema cannot say, with the engine rules it covers.
WHEN = ("the item's condition ('when') cannot be expressed in a JSON Schema",
        {"not_relevant", "missing_required"})
MAX_UNKNOWN = ("the instrument-wide limit on unknown answers counts across "
               "items, which a JSON Schema cannot", {"too_many_unknowns"})
WHEN_DIFFERENT = ("a rationale is required when the final level differs from "
                  "the advisory level, known only after scoring",
                  {"rationale_required"})
NUL = ("the engine refuses the escape \\u0000, which is valid JSON; the "
       "schema does not constrain every string", {"json_syntax"})
NOT_JSON = "not a JSON value a validator can see: "
SYNTAX = (NOT_JSON + "a JSON syntax error", {"json_syntax"})
UTF8 = (NOT_JSON + "the text is not valid UTF-8 (or escapes a lone "
        "surrogate)", None)
DUPLICATE = (NOT_JSON + "an object repeats a key, so a parser keeps only one",
             None)
NESTING = (NOT_JSON + "nested deeper than a parser's stack (cJSON stops at "
           "1000)", {"json_syntax"})

# Test cases the engine refuses and the schema cannot: (script, case name).
KNOWN_CASES = {
    ("instruments/screening/vep-screen.lua",
     "rejected: recruiting detail given although S05 is absent"): WHEN,
    ("instruments/screening/vep-screen.lua",
     "rejected: final level differs from the advisory one without a "
     "rationale"): WHEN_DIFFERENT,
    ("instruments/screening/vep-screen.lua",
     "rejected: more than six unknown answers"): MAX_UNKNOWN,
    ("instruments/al/vep-screen-al.lua",
     "rejected: negative judgement on a total of 3 without a rationale"):
        WHEN_DIFFERENT,
    ("instruments/ba/fbih/vep-screen-ba-fbih.lua",
     "FBiH: rejected: a negative judgement on a positive screen needs a "
     "rationale"): WHEN_DIFFERENT,
    ("instruments/me/vep-screen-me.lua",
     "rejected: a total of 4 judged negative without a rationale"):
        WHEN_DIFFERENT,
    ("instruments/mk/vep-screen-mk.lua",
     "rejected: a positive judgement on a total of 2 without a rationale"):
        WHEN_DIFFERENT,
    ("instruments/rs/vep-screen-rs.lua",
     "rejected: a total of 4 judged positive without a rationale"):
        WHEN_DIFFERENT,
    ("tests/schema/fixtures/all-types.lua",
     "rejected: T2 answered although P1 is absent"): WHEN,
    ("tests/schema/fixtures/all-types.lua",
     "rejected: T2 required once P1 is present"): WHEN,
    ("tests/schema/fixtures/all-types.lua",
     "rejected: four unknown answers"): MAX_UNKNOWN,
    ("tests/schema/fixtures/all-types.lua",
     "rejected: a level other than the advisory one without a rationale"):
        WHEN_DIFFERENT,
}

# Corpus documents (tests/corpus/assessments/, '@': made by this test as
# run-corpus.sh makes them) that the engine refuses and the schema cannot.
KNOWN_CORPUS = {
    "001-truncated.json": SYNTAX,
    "002-trailing-comma.json": SYNTAX,
    "003-bare-word.json": SYNTAX,
    "004-empty-file.json": SYNTAX,
    "005-whitespace-only.json": SYNTAX,
    "009-two-documents.json": SYNTAX,
    "010-single-quoted-keys.json": SYNTAX,
    "011-comment.json": SYNTAX,
    "012-nan-literal.json": SYNTAX,
    "013-control-char-in-string.json": SYNTAX,
    "014-nul-escape.json": NUL,
    "015-lone-surrogate-escape.json": UTF8,
    "016-invalid-utf8-value.json": UTF8,
    "017-invalid-utf8-answer-key.json": UTF8,
    "018-invalid-utf8-overlong.json": UTF8,
    "019-invalid-utf8-surrogate.json": UTF8,
    "020-invalid-utf8-truncated-sequence.json": UTF8,
    "021-invalid-utf8-top-level-key.json": UTF8,
    "022-duplicate-key-top-level.json": DUPLICATE,
    "023-duplicate-answer.json": DUPLICATE,
    "024-duplicate-key-in-answer.json": DUPLICATE,
    "067-not-relevant-conditional.json": WHEN,
    "068-not-relevant-condition-unknown.json": WHEN,
    "069-too-many-unknowns.json": MAX_UNKNOWN,
    "081-rationale-required.json": WHEN_DIFFERENT,
    "082-rationale-blank.json": WHEN_DIFFERENT,
    "085-several-document-problems.json": UTF8,
    "@nesting-100000-deep": NESTING,
}


# What a document is when it is no JSON value (see strict_load).
UNPARSED = object()


class NotJson(Exception):
    """The bytes are not one JSON value a validator can be given."""

    def __init__(self, known):
        super().__init__(known[0])
        self.known = known


def strict_load(data):
    """Parses bytes as strictly as the engine's reader does at the JSON
    level; raises NotJson with the matching KNOWN_* entry otherwise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotJson(UTF8)

    def pairs(items):
        keys = [k for k, _ in items]
        if len(set(keys)) != len(keys):
            raise NotJson(DUPLICATE)
        return dict(items)

    def constant(name):
        raise NotJson(SYNTAX)

    try:
        value = json.loads(text, object_pairs_hook=pairs,
                           parse_constant=constant)
    except RecursionError:
        raise NotJson(NESTING)
    except ValueError:
        raise NotJson(SYNTAX)
    check_strings(value)
    return value


def check_strings(v):
    """Lone surrogates (from escapes) are not Unicode text."""
    stack = [v]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            for k, y in x.items():
                stack.append(k)
                stack.append(y)
        elif isinstance(x, list):
            stack.extend(x)
        elif isinstance(x, str):
            try:
                x.encode("utf-8")
            except UnicodeEncodeError:
                raise NotJson(UTF8)


class Checker:
    def __init__(self, args):
        self.vep = args.vep
        self.cases = args.cases
        self.repo = os.path.abspath(args.repo)
        self.problems = []
        self.checked = 0
        self.tmp = tempfile.TemporaryDirectory(prefix="vep-schema-")
        self.nfile = 0
        self.instruments = []   # dicts: path, rel, schema, validator, model

    def problem(self, text):
        self.problems.append(text)
        print("FAIL " + text)

    def run(self, argv):
        p = subprocess.run(argv, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, cwd=self.repo,
                           timeout=300)
        return p.returncode, p.stdout, p.stderr

    # ---- instruments ---------------------------------------------------

    def discover(self):
        paths = sorted(glob.glob(os.path.join(self.repo, "instruments", "**",
                                              "*.lua"), recursive=True))
        paths += sorted(glob.glob(os.path.join(self.repo, "tests", "schema",
                                               "fixtures", "*.lua")))
        for path in paths:
            rel = os.path.relpath(path, self.repo)
            if path.endswith("-tests.lua"):
                continue
            rc, out, err = self.run([self.cases, path])
            if rc != 0:
                self.problem("%s: schema_cases exited %d: %s"
                             % (rel, rc, err.decode(errors="replace")))
                continue
            model = json.loads(out)
            if model["kind"] == "plan":
                continue
            if model["kind"] != "instrument":
                self.problem("%s: neither an instrument nor a plan: %s"
                             % (rel, model.get("message")))
                continue
            rc, out, err = self.run([self.vep, "schema", path])
            if rc != 0:
                self.problem("%s: vep schema exited %d: %s"
                             % (rel, rc, err.decode(errors="replace")))
                continue
            _, out2, _ = self.run([self.vep, "schema", path])
            if out2 != out:
                self.problem("%s: vep schema printed other bytes the second "
                             "time" % rel)
            try:
                schema = json.loads(out)
                Draft202012Validator.check_schema(schema)
            except (ValueError, jsonschema.SchemaError) as e:
                self.problem("%s: not a valid draft 2020-12 schema: %s"
                             % (rel, str(e).splitlines()[0]))
                continue
            validator = Draft202012Validator(
                schema, format_checker=jsonschema.FormatChecker())
            self.instruments.append({"path": path, "rel": rel,
                                     "schema": schema,
                                     "validator": validator,
                                     "model": model})
        ids = sorted(i["model"]["id"] for i in self.instruments)
        for want in ("schema-all-types", "vep-rna", "vep-screen"):
            if want not in ids:
                self.problem("instrument %s was not found (found: %s)"
                             % (want, ", ".join(ids)))

    def by_id(self, iid):
        for ins in self.instruments:
            if ins["model"]["id"] == iid:
                return ins
        return None

    def by_rel(self, rel):
        for ins in self.instruments:
            if ins["rel"] == rel:
                return ins
        return None

    def schema_errors(self, ins, doc):
        return sorted(ins["validator"].iter_errors(doc),
                      key=lambda e: list(e.absolute_path))

    def where(self, errors):
        e = errors[0]
        return "$%s: %s" % ("".join("[%s]" % json.dumps(p)
                                    for p in e.absolute_path),
                            e.message[:160])

    # ---- the engine ----------------------------------------------------

    def write(self, data):
        self.nfile += 1
        path = os.path.join(self.tmp.name, "doc-%d.json" % self.nfile)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes)
                    else json.dumps(data, ensure_ascii=False).encode())
        return path

    def engine(self, ins, path):
        """`vep score`'s exit status and the rules of its errors."""
        rc, _, err = self.run([self.vep, "score", "--error-format=json",
                               ins["path"], path])
        rules = set()
        if rc != 0:
            try:
                for e in json.loads(err).get("errors", []):
                    rules.add(e.get("rule"))
            except ValueError:
                rules.add("?")
        return rc, rules

    def expect_refused(self, what, ins, doc, known, rules):
        """A document the engine refused: the schema must refuse it too,
        unless `known` says why it cannot."""
        self.checked += 1
        if doc is UNPARSED:
            if known is None:
                self.problem("%s: the engine refuses it (%s) and it is not "
                             "JSON a validator can see, but it is not "
                             "listed as known" % (what, ", ".join(sorted(rules))))
            elif not known[0].startswith(NOT_JSON):
                self.problem("%s: listed as '%s', but it is not JSON a "
                             "validator can see" % (what, known[0]))
            return
        errors = self.schema_errors(ins, doc)
        if errors and known is not None:
            self.problem("%s: listed as known (%s), but the schema refuses "
                         "it (%s): remove it from the list"
                         % (what, known[0], self.where(errors)))
        elif not errors and known is None:
            self.problem("%s: the engine refuses it (%s) but the schema "
                         "accepts it (if no JSON Schema can refuse it, list "
                         "it as known in %s)" % (what, ", ".join(sorted(rules)),
                                                 os.path.basename(__file__)))
        elif not errors and known[1] is not None and not rules <= known[1]:
            self.problem("%s: known because %s, but the engine also breaks "
                         "%s" % (what, known[0],
                                 ", ".join(sorted(rules - known[1]))))

    def expect_accepted(self, what, ins, doc):
        self.checked += 1
        errors = self.schema_errors(ins, doc)
        if errors:
            self.problem("%s: the engine accepts it but the schema does not: "
                         "%s" % (what, self.where(errors)))

    # ---- documents: test cases and examples -----------------------------

    def check_command(self):
        """`vep schema`'s exit statuses and errors, as the other commands'."""
        bad = os.path.join(self.repo, "tests", "cli", "fixtures", "bad",
                           "syntax-error.lua")
        plan = os.path.join(self.repo, "instruments", "plans",
                            "vep-plan-screen.lua")
        for argv, want, err in (
                ([], 64, "schema: missing SCRIPT"),
                (["a.lua", "b.lua"], 64, "schema: too many arguments"),
                ([bad], 2, "syntax-error.lua:6:"),
                (["--error-format=json", bad], 2, '"rule": "syntax"'),
                ([plan], 2, "vep-plan-screen.lua"),
                ([os.path.join(self.repo, "no-such-script.lua")], 2,
                 "cannot open")):
            self.checked += 1
            rc, out, stderr = self.run([self.vep, "schema"] + argv)
            text = stderr.decode(errors="replace")
            if rc != want or err not in text or out:
                self.problem("vep schema %s: exit %d (want %d), stderr %r, "
                             "%d bytes on stdout" % (" ".join(argv), rc, want,
                                                     text[:200], len(out)))

    def part_documents(self):
        self.check_command()
        for ins in self.instruments:
            for case in ins["model"]["cases"]:
                what = "%s: test case '%s' (line %d)" % (
                    ins["rel"], case["name"], case["line"])
                doc = json.loads(case["assessment"])
                known = KNOWN_CASES.get((ins["rel"], case["name"]))
                if case["status"] == "ok":
                    if known:
                        self.problem("%s: listed as known, but the engine "
                                     "accepts it" % what)
                    self.expect_accepted(what, ins, doc)
                elif case["status"] == "assessment":
                    self.expect_refused(what, ins, doc, known,
                                        set(case["rules"]))
                else:
                    self.problem("%s: the engine says %s" % (what,
                                                             case["status"]))
        names = set((ins["rel"], case["name"]) for ins in self.instruments
                    for case in ins["model"]["cases"])
        for key in KNOWN_CASES:
            if key not in names:
                self.problem("KNOWN_CASES lists test case '%s' of %s, which "
                             "no instrument has" % (key[1], key[0]))
        examples = sorted(glob.glob(os.path.join(self.repo, "examples",
                                                 "assessments", "*.json")))
        if not examples:
            self.problem("no examples in examples/assessments/")
        # the adaptations' own examples (their case contexts left out)
        examples += sorted(
            p for p in glob.glob(os.path.join(self.repo, "instruments", "**",
                                              "examples", "*.json"),
                                 recursive=True)
            if not p.endswith(".context.json"))
        for path in examples:
            what = os.path.relpath(path, self.repo)
            with open(path, "rb") as f:
                doc = strict_load(f.read())
            ins = self.by_id(doc["instrument"]["id"])
            if ins is None:
                self.problem("%s: no instrument %s" % (what,
                                                       doc["instrument"]["id"]))
                continue
            rc, rules = self.engine(ins, path)
            if rc != 0:
                self.problem("%s: vep score exited %d (%s)"
                             % (what, rc, ", ".join(sorted(rules))))
            self.expect_accepted(what, ins, doc)

    # ---- corpus ----------------------------------------------------------

    def generated(self):
        """The big documents of run-corpus.sh, made the same way."""
        with open(os.path.join(self.repo, "examples", "assessments",
                               "screen-negative.json")) as f:
            base = json.load(f)
        big = "x" * (10 * 1024 * 1024)
        out = {}
        d = copy.deepcopy(base)
        d["answers"]["S01"] = {"value": big}
        out["10mb-string-value"] = json.dumps(d).encode()
        d = copy.deepcopy(base)
        d["answers"]["S05"] = {"value": "present"}
        d["answers"]["S05a"] = {"value": big}
        d["judgement"]["level"] = "positive"
        out["10mb-text-too-long"] = json.dumps(d).encode()
        d = copy.deepcopy(base)
        d["answers"]["S01" + "y" * (1024 * 1024)] = d["answers"].pop("S01")
        out["1mb-unknown-item-key"] = json.dumps(d).encode()
        out["nesting-100000-deep"] = (
            '{"instrument": {"id": "vep-screen", "version": "1.0.0"}, '
            '"answers": {"S01": {"value": ' + "[" * 100000 + "]" * 100000
            + "}}}").encode()
        return out

    def part_corpus(self):
        here = os.path.join(self.repo, "tests", "corpus", "assessments")
        gen = self.generated()
        seen = set()
        with open(os.path.join(here, "cases.tsv")) as f:
            rows = [l.rstrip("\n").split("\t") for l in f
                    if l.strip() and not l.startswith("#")]
        for row in rows:
            name, script, status = row[0], row[1], row[2]
            seen.add(name)
            ins = self.by_rel(script)
            if ins is None:
                self.problem("corpus %s: no instrument %s" % (name, script))
                continue
            if name.startswith("@"):
                data = gen.get(name[1:])
                if data is None:
                    self.problem("corpus %s: not made by this test" % name)
                    continue
                path = self.write(data)
            else:
                path = os.path.join(here, name)
                with open(path, "rb") as f:
                    data = f.read()
            rc, rules = self.engine(ins, path)
            if str(rc) != status or rc != 1:
                self.problem("corpus %s: vep score exited %d, cases.tsv says "
                             "%s" % (name, rc, status))
                continue
            try:
                doc = strict_load(data)
                known_text = None
            except NotJson as e:
                doc = UNPARSED
                known_text = e.known
            known = KNOWN_CORPUS.get(name)
            what = "corpus %s" % name
            if doc is UNPARSED and known is not None and known != known_text:
                self.problem("%s: listed as '%s', but it is %s"
                             % (what, known[0], known_text[0]))
                continue
            self.expect_refused(what, ins, doc, known, rules)
        for name in KNOWN_CORPUS:
            if name not in seen:
                self.problem("KNOWN_CORPUS lists %s, which cases.tsv does "
                             "not have" % name)

    # ---- variants ----------------------------------------------------------

    def part_variants(self):
        jobs = []
        for ins in self.instruments:
            made = schema_variants.variants(ins["model"])
            if made is None:
                self.problem("%s: no accepted test case to make variants "
                             "from" % ins["rel"])
                continue
            for label, doc, valid in made:
                jobs.append((ins, label, doc, valid, self.write(doc)))
        with concurrent.futures.ThreadPoolExecutor(
                max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(lambda j: self.engine(j[0], j[4]), jobs))
        for (ins, label, doc, valid, _), (rc, rules) in zip(jobs, results):
            what = "%s: variant '%s'" % (ins["rel"], label)
            if valid:
                if rc != 0:
                    self.problem("%s: meant to be valid, but vep score exited "
                                 "%d (%s)" % (what, rc,
                                              ", ".join(sorted(rules))))
                    continue
                self.expect_accepted(what, ins, doc)
            else:
                if rc != 1:
                    self.problem("%s: meant to be invalid, but vep score "
                                 "exited %d" % (what, rc))
                    continue
                self.expect_refused(what, ins, doc, None, rules)

    # ---- dates -------------------------------------------------------------

    def part_dates(self):
        years = [0, 1, 4, 96, 100, 200, 400, 1582, 1600, 1700, 1900, 1999,
                 2000, 2023, 2024, 2026, 2100, 2400, 9996, 9999]
        for ins in self.instruments:
            pattern = ins["schema"]["properties"]["date"]["pattern"]
            rx = re.compile(pattern)
            wrong = []
            for y in years:
                for m in range(0, 14):
                    for day in range(0, 33):
                        s = "%04d-%02d-%02d" % (y, m, day)
                        try:
                            datetime.date(y, m, day)
                            real = True
                        except ValueError:
                            real = False
                        self.checked += 1
                        if bool(rx.search(s)) != real:
                            wrong.append(s)
            for s in ("2024-2-29", "20240229", "2024-02-29x", "x2024-02-29",
                      "12024-02-29", "2024-02-290", "２０２４-02-29"):
                self.checked += 1
                if rx.search(s):
                    wrong.append(s)
            if wrong:
                self.problem("%s: the date pattern is wrong for %s"
                             % (ins["rel"], ", ".join(wrong[:12])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", required=True,
                    choices=["documents", "corpus", "variants", "dates"])
    ap.add_argument("--vep", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--repo", required=True)
    args = ap.parse_args()
    for exe in (args.vep, args.cases):
        if not os.access(exe, os.X_OK):
            print("check-schemas.py: %s is not an executable" % exe,
                  file=sys.stderr)
            return 70
    c = Checker(args)
    c.discover()
    getattr(c, "part_" + args.part)()
    print("%s: %d instruments, %d documents checked, %d problems"
          % (args.part, len(c.instruments), c.checked, len(c.problems)))
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
