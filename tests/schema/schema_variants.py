"""schema_variants.py -- the documents check-schemas.py makes from an
accepted one (the accepted test case with the most answers) for its
"variants" part: (label, document, valid) triples.

Invalid ones break one rule each: an unknown member anywhere, another
instrument or major version, a malformed version, subject or date, the
shape of an answer, an unknown item, the judgement's level, rationale or
decisive items, and per item a wrong code or type, a value out of range,
not whole or too long, a missing-data state the item does not allow, or
a required item left out.  Valid ones take the bounds, null for optional
members and the allowed states.  They are built from the model as
schema_cases prints it, not from the schema, so that schema.c is checked
against the engine and not against itself.
"""
import copy
import json


def base_document(model):
    """The accepted test case with the most answers, with a rationale
    (so that a changed level never needs one)."""
    best = None
    for case in model["cases"]:
        if case["status"] != "ok":
            continue
        doc = json.loads(case["assessment"])
        if best is None or len(doc["answers"]) > len(best["answers"]):
            best = doc
    if best is None:
        return None
    if isinstance(best.get("judgement"), dict):
        best["judgement"]["rationale"] = "the team's reasons"
    return best


def unknowns(model, doc):
    n = 0
    for it in model["items"]:
        a = doc["answers"].get(it["id"])
        if a is None and it["required"] and not it["conditional"]:
            n += 1
        elif isinstance(a, dict) and a.get("status") == "unknown":
            n += 1
    return n


def variants(model):
    """(label, document, valid) triples made from the base document, or
    None when no test case gives one (accepted, with a value among its
    answers)."""
    base = base_document(model)
    if base is None:
        return None
    out = [("the base document", base, True)]

    def v(label, valid, change):
        d = copy.deepcopy(base)
        change(d)
        out.append((label, d, valid))

    def setp(*path_value):
        *path, value = path_value

        def change(d):
            o = d
            for k in path[:-1]:
                o = o[k]
            o[path[-1]] = value
        return change

    def delp(*path):
        def change(d):
            o = d
            for k in path[:-1]:
                o = o[k]
            del o[path[-1]]
        return change

    first = next((k for k, a in base["answers"].items()
                  if isinstance(a, dict) and a.get("value") is not None),
                 None)
    if first is None:
        return None
    major = int(model["version"].split(".")[0])
    # the document's members
    v("an unknown top-level member", False, setp("extra", 1))
    v("an unknown member of instrument", False,
      setp("instrument", "name", "x"))
    v("an unknown member of subject", False, setp("subject", "name", "x"))
    v("an unknown member of assessor", False,
      setp("assessor", "name", "x"))
    v("an unknown member of an answer", False,
      setp("answers", first, "vaule", 1))
    v("an unknown member of the evidence", False,
      setp("answers", first, "evidence", {"pro": []}))
    v("another instrument's id", False, setp("instrument", "id", "other"))
    v("the next major version", False,
      setp("instrument", "version", "%d.0.0" % (major + 1)))
    v("the same major, a later minor, a pre-release and a build", True,
      setp("instrument", "version", "%d.99.3-rc.1+b.7" % major))
    v("a version with a leading zero", False,
      setp("instrument", "version", "0%d.0.0" % major))
    v("a version with two parts", False,
      setp("instrument", "version", "%d.0" % major))
    v("a pre-release with a leading zero", False,
      setp("instrument", "version", "%d.0.0-01" % major))
    v("an empty subject id", False, setp("subject", "id", ""))
    v("a subject without id", False, setp("subject", {}))
    v("a missing assessor", False, delp("assessor"))
    v("a missing date", False, delp("date"))
    v("answers as an array", False, setp("answers", []))
    for day in ("2026-02-30", "2023-02-29", "1900-02-29", "0000-01-01",
                "2026-13-01", "2026-1-01", "2026-01-01T00:00"):
        v("the date %s" % day, False, setp("date", day))
    v("the date 2000-02-29", True, setp("date", "2000-02-29"))
    v("the date 0001-01-01", True, setp("date", "0001-01-01"))
    v("null optional members", True, lambda d: (
        d["assessor"].__setitem__("role", None),
        d.__setitem__("meta", None),
        d["answers"][first].update({"reason": None, "evidence": None})))
    v("meta with anything in it", True,
      setp("meta", {"form": [1, {"x": None}], "v": "2"}))
    v("evidence for and against, one list null", True,
      setp("answers", first, "evidence", {"for": ["a", "b"],
                                          "against": None}))
    v("an evidence note that is not a string", False,
      setp("answers", first, "evidence", {"for": [1]}))
    v("a reason that is not a string", False,
      setp("answers", first, "reason", 3))
    v("an answer with value and status", False,
      setp("answers", first, "status", "unknown"))
    v("an answer with neither value nor status", False,
      setp("answers", first, {"reason": "x"}))
    v("an answer that is null", False, setp("answers", first, None))
    v("a value with a null status", True,
      setp("answers", first, "status", None))
    v("an answer with a null value", False,
      setp("answers", first, {"value": None}))
    v("a status that is not a state", False,
      setp("answers", first, {"status": "maybe"}))
    v("an item the instrument does not have", False,
      setp("answers", "ZZ-not-an-item", {"value": 1}))
    # the judgement
    jm = model["judgement"]
    if isinstance(base.get("judgement"), dict):
        v("an unknown member of the judgement", False,
          setp("judgement", "levle", "x"))
        v("a judgement without level", False, delp("judgement", "level"))
        v("a decisive item the instrument does not have", False,
          setp("judgement", "decisive_items", ["ZZ"]))
        v("the decisive items, confidence, view and approver", True,
          lambda d: d["judgement"].update({
              "decisive_items": [model["items"][0]["id"]],
              "confidence": "high", "subject_view": None,
              "approver": "A-2"}))
        if jm["levels"]:
            v("a level the judgement may not take", False,
              setp("judgement", "level", "zz-no-level"))
            for level in dict.fromkeys(jm["levels"]):
                v("the level %s" % level, True,
                  setp("judgement", "level", level))
        if jm["rationale"] == "always":
            v("a blank rationale", False,
              setp("judgement", "rationale", " \t\n"))
            v("no rationale", False, delp("judgement", "rationale"))
        if jm["required"]:
            v("no judgement", False, delp("judgement"))
            v("a null judgement", False, setp("judgement", None))
        else:
            v("a null judgement", True, setp("judgement", None))
    # the items
    room = (model["max_unknown"] is None
            or unknowns(model, base) < model["max_unknown"])
    for it in model["items"]:
        out.extend(item_variants(base, it, room))
    return out


def item_variants(base, it, room):
    """Invalid values for every item; valid ones for the items whose
    answer no condition reads and that have no condition themselves
    (their relevance could turn a valid value into an error)."""
    iid, t = it["id"], it["type"]
    bad, good = [], []
    codes = it["codes"] or []
    if t in ("presence", "scale", "choice"):
        bad += ["zz-not-a-code", 1, [codes[0]], codes[0].upper() + "X"]
        good += codes
    elif t == "multi":
        bad += [[codes[0], codes[0]], ["zz"], codes[0], [1]]
        good += [[], list(codes), [codes[-1]]]
    elif t in ("count", "number"):
        lo = 0 if t == "count" else it["min"]
        hi = it["max"]
        bad += ["1", True]
        if lo is not None:
            bad.append(lo - 1)
            good.append(lo)
        if hi is not None:
            bad.append(hi + 1)
            good.append(hi)
        if t == "count" or it["integer"]:
            mid = (lo if lo is not None else 0) + 0.5
            if hi is None or mid < hi:
                bad.append(mid)
            good.append(float(lo if lo is not None else 0))  # 2.0 is whole
    elif t == "date":
        bad += ["2026-02-30", "2100-02-29", "2026-02-01 ", 20260201]
        good += ["2400-02-29", "9999-12-31"]
    elif t == "text":
        bad += [5, ["x"]]
        n = int(it["max_length"])
        if n > 0:
            bad.append("é" * (n + 1))
            bad.append("\U0001F600" * (n + 1))
            good.append("é" * n)
            good.append("\U0001F600" * n)
        good.append("")
    out = []
    for value in bad:
        d = copy.deepcopy(base)
        d["answers"][iid] = {"value": value}
        out.append(("item %s = %s" % (iid, json.dumps(value)[:40]), d,
                    False))
    free = not it["conditional"] and not it["referenced"]
    if free:
        for value in good:
            d = copy.deepcopy(base)
            d["answers"][iid] = {"value": value, "reason": "r"}
            out.append(("item %s = %s" % (iid, json.dumps(value)[:40]), d,
                        True))
    if not it["conditional"]:
        # a state the item allows only where it cannot change another
        # item's relevance, and unknown only while the limit has room
        for state, allowed in (("unknown", it["unknown"]),
                               ("not_applicable", it["not_applicable"])):
            if allowed and (not free or (state == "unknown" and not room)):
                continue
            d = copy.deepcopy(base)
            d["answers"][iid] = {"status": state, "reason": "r"}
            out.append(("item %s %s" % (iid, state), d, bool(allowed)))
        if it["required"]:
            d = copy.deepcopy(base)
            d["answers"].pop(iid, None)
            out.append(("item %s left out" % iid, d, False))
    return out
