#!/usr/bin/env python3
"""JSON checks for run-cli-tests.sh.  Prints nothing and exits 0 when the
check holds; else prints one line saying why and exits 1.

  json-check.py result FILE VERSION    FILE is a result document whose
                                       "libvep" is VERSION ('-': any)
  json-check.py golden FILE GOLDEN     FILE has the bytes of GOLDEN, except
                                       the "libvep" line and "sha256" lines
  json-check.py sources FILE DIR...    every instrument.sources[].sha256 of
                                       result FILE is the SHA-256 of that
                                       file (a relative name is looked up
                                       in each DIR in turn)
  json-check.py same-hash FILE1 FILE2  both results carry the same
                                       instrument.sha256
  json-check.py errors FILE            FILE (stderr) is one error document
                                       {"status","message","errors":[...]}
                                       with the documented keys
Lines written by valgrind (==PID== ...) are ignored in every FILE.
"""
import hashlib
import json
import os
import re
import sys

ERROR_KEYS = {"file": str, "line": int, "path": str, "item": str,
              "rule": str, "message": str}
IGNORED = re.compile(rb'^\s*"(libvep|sha256)": ')


class Failed(Exception):
    pass


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return b"\n".join(l for l in data.split(b"\n")
                      if not re.match(rb"^==\d+==", l))


def load(path):
    data = read(path)
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise Failed("%s is not a JSON document (%s): %r"
                     % (os.path.basename(path), e, data[:200]))


def result(path, version):
    doc = load(path)
    if not isinstance(doc, dict):
        raise Failed("the result is not a JSON object")
    if "libvep" not in doc:
        raise Failed("the result has no \"libvep\" key")
    if version != "-" and doc["libvep"] != version:
        raise Failed("\"libvep\" is %r, but vep --version says %r"
                     % (doc["libvep"], version))
    for k in ("instrument", "scores", "levels", "flags", "judgement"):
        if k not in doc:
            raise Failed("the result has no %r key" % k)


def golden(path, gold):
    got = [l for l in read(path).split(b"\n") if not IGNORED.match(l)]
    want = [l for l in read(gold).split(b"\n") if not IGNORED.match(l)]
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            raise Failed("differs from %s at (filtered) line %d: got %r, "
                         "expected %r" % (os.path.basename(gold), i + 1,
                                          g[:120], w[:120]))
    if len(got) != len(want):
        raise Failed("%d lines, the golden file has %d (filtered)"
                     % (len(got), len(want)))


def sources(path, *dirs):
    doc = load(path)
    srcs = doc.get("instrument", {}).get("sources")
    if not isinstance(srcs, list) or not srcs:
        raise Failed("the result lists no instrument.sources")
    for s in srcs:
        name = s.get("file", "")
        full = name
        if not os.path.isabs(name):
            found = [os.path.join(d, name) for d in dirs
                     if os.path.isfile(os.path.join(d, name))]
            full = found[0] if found else os.path.join(dirs[0], name)
        try:
            with open(full, "rb") as f:
                want = hashlib.sha256(f.read()).hexdigest()
        except OSError as e:
            raise Failed("cannot read source %r: %s" % (name, e))
        if s.get("sha256") != want:
            raise Failed("source %r: sha256 %r, but the file's is %r"
                         % (name, s.get("sha256"), want))


def same_hash(path1, path2):
    h1 = load(path1).get("instrument", {}).get("sha256")
    h2 = load(path2).get("instrument", {}).get("sha256")
    if not h1 or h1 != h2:
        raise Failed("instrument.sha256 differs for the same sources: %r "
                     "and %r" % (h1, h2))


def errors(path):
    doc = load(path)
    if not isinstance(doc, dict):
        raise Failed("the error document is not a JSON object")
    for k, t in (("status", str), ("message", str), ("errors", list)):
        if not isinstance(doc.get(k), t):
            raise Failed("the error document has no %s %r" % (t.__name__, k))
    for i, e in enumerate(doc["errors"]):
        if not isinstance(e, dict):
            raise Failed("errors[%d] is not an object" % i)
        for k, t in ERROR_KEYS.items():
            if not isinstance(e.get(k), t) or isinstance(e.get(k), bool):
                raise Failed("errors[%d] has no %s %r" % (i, t.__name__, k))


def main(argv):
    cmds = {"result": (result, 2), "golden": (golden, 2),
            "sources": (sources, -1), "same-hash": (same_hash, 2),
            "errors": (errors, 1)}
    if (len(argv) < 2 or argv[1] not in cmds
            or (cmds[argv[1]][1] >= 0 and len(argv) != cmds[argv[1]][1] + 2)
            or (cmds[argv[1]][1] < 0 and len(argv) < 4)):
        print("usage: json-check.py result|golden|sources|same-hash|errors ...")
        return 64
    try:
        cmds[argv[1]][0](*argv[2:])
    except Failed as e:
        print(str(e).replace("\n", " ")[:600])
        return 1
    except OSError as e:
        print(str(e))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
