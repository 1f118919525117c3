#!/usr/bin/env python3
"""Checks runs of `vep ... --error-format=json` against their expectations.

Used by run-corpus.sh and ../cli/run-cli-tests.sh.

  check-errors.py STDERR_FILE ACTUAL_STATUS EXPECTED_STATUS RULES WHERE LINE ID
      checks one run: prints nothing and exits 0 when it is as expected,
      else prints one line saying why and exits 1.
  check-errors.py --manifest FILE
      checks many runs, one a line of FILE: NAME STDERR_FILE ACTUAL_STATUS
      EXPECTED_STATUS RULES WHERE LINE ID, tab-separated (ACTUAL_STATUS
      'timeout:N' for a run stopped after N seconds, 'error:WHY' for a run
      that could not be made); prints
      "FAIL NAME: why" for every failed run, then "N passed, M failed", and
      exits 1 if any failed.

RULES  comma-separated rule names, each of which must appear in "errors";
       a rule may list alternatives separated by '|' (any one will do).
       '-': no rule is checked (only the status and the document's shape).
WHERE  comma-separated, one per rule: the JSON path or the item id the error
       with that rule must carry ('-': anywhere).
LINE   the line the error with the first rule must carry ('-': not checked).
ID     the item (declaration) id the error with the first rule must carry
       ('-': not checked).

Lines written by valgrind (==PID== ...) are ignored when reading STDERR_FILE.
"""
import json
import re
import sys

KEYS = {"file": str, "line": int, "path": str, "item": str, "rule": str,
        "message": str}


class Failed(Exception):
    pass


def fail(msg):
    raise Failed(msg.replace("\n", " ")[:600])


def check(path, actual, expected, rules, where, line, ident):
    """Returns None when the run is as expected, else why not."""
    try:
        check1(path, actual, expected, rules, where, line, ident)
    except Failed as e:
        return str(e)
    return None


def check1(path, actual, expected, rules, where, line, ident):
    if actual.startswith("timeout:"):
        fail("timed out after %ss" % actual[8:])
    if actual.startswith("error:"):
        fail(actual[6:])
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("stderr is not valid UTF-8 (%s)" % e)
    text = "\n".join(l for l in text.split("\n")
                     if not re.match(r"^==\d+==", l))
    if actual == "99":
        fail("valgrind reported errors (exit 99): %s" % text[:400])
    if actual != expected:
        fail("exit status %s, expected %s; stderr: %s"
             % (actual, expected, text[:300]))
    if rules == "-" and expected == "0":
        return
    try:
        doc = json.loads(text)
    except ValueError as e:
        fail("stderr is not one JSON document (%s): %s" % (e, text[:300]))
    if not isinstance(doc, dict):
        fail("the error document is not a JSON object")
    for k in ("status", "message", "errors"):
        if k not in doc:
            fail("the error document has no key '%s'" % k)
    if not isinstance(doc["status"], str) or not isinstance(doc["message"], str):
        fail("'status' and 'message' must be strings")
    if not isinstance(doc["errors"], list):
        fail("'errors' must be an array")
    for i, e in enumerate(doc["errors"]):
        if not isinstance(e, dict):
            fail("errors[%d] is not an object" % i)
        for k, t in KEYS.items():
            if k not in e:
                fail("errors[%d] has no key '%s'" % (i, k))
            if not isinstance(e[k], t) or (t is int and isinstance(e[k], bool)):
                fail("errors[%d].%s has the wrong type" % (i, k))
        if e["line"] > 0 and e["file"] == "":
            fail("errors[%d] has a line but no file" % i)
    if expected == "1" and doc["status"] != "assessment":
        fail("status '%s', expected 'assessment'" % doc["status"])
    if expected == "3" and not doc["status"].endswith("_limit"):
        fail("status '%s' is not a limit" % doc["status"])
    if rules == "-":
        return
    rlist = rules.split(",")
    wlist = where.split(",") if where != "-" else ["-"] * len(rlist)
    if len(wlist) != len(rlist):
        fail("bad expectation: %d rules but %d places" % (len(rlist), len(wlist)))
    seen = ["%s@%s/%s" % (e["rule"], e["path"][:60], e["item"][:30])
            for e in doc["errors"]]
    for n, (rule, place) in enumerate(zip(rlist, wlist)):
        alts = rule.split("|")
        cands = [e for e in doc["errors"] if e["rule"] in alts]
        if not cands:
            fail("no error with rule %s; found: %s" % (rule, ", ".join(seen)))
        if place != "-":
            cands = [e for e in cands
                     if e["path"] == place or e["item"] == place]
            if not cands:
                fail("no error with rule %s at '%s'; found: %s"
                     % (rule, place, ", ".join(seen)))
        if n == 0 and line != "-":
            good = [e for e in cands if str(e["line"]) == line]
            if not good:
                fail("rule %s reported at line(s) %s, expected line %s"
                     % (rule, ",".join(str(e["line"]) for e in cands), line))
            cands = good
        if n == 0 and ident != "-":
            if not [e for e in cands if e["item"] == ident]:
                fail("rule %s reported for id(s) '%s', expected '%s'"
                     % (rule, "','".join(e["item"][:40] for e in cands), ident))


def main(argv):
    if len(argv) == 3 and argv[1] == "--manifest":
        passed = failed = 0
        with open(argv[2], encoding="utf-8") as f:
            for row in f:
                row = row.rstrip("\n")
                if not row:
                    continue
                fields = row.split("\t")
                if len(fields) != 8:
                    print("FAIL %s: bad manifest line" % fields[0])
                    failed += 1
                    continue
                why = check(*fields[1:])
                if why is None:
                    passed += 1
                else:
                    failed += 1
                    print("FAIL %s: %s" % (fields[0], why))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    if len(argv) != 8:
        print("usage: check-errors.py STDERR_FILE ACTUAL EXPECTED RULES WHERE LINE ID")
        return 64
    why = check(*argv[1:])
    if why is None:
        return 0
    print(why)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
