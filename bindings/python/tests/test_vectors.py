"""The conformance vectors (tests/vectors/README.md) through the binding.

Every vector of tests/vectors/manifest.json is run as the README says:
the host functions of its host file registered first, each answering the
file's value; then migrate, score, plan, assess, stopping at the first
step that fails.  The bytes the library gives are compared with the
expected files exactly (the file may end with one more "\\n"), never as
parsed JSON.
"""

import json
import os
import unittest

import vep

import support

VECTORS = os.path.join(support.REPO, "tests", "vectors")
MEMBERS = {"name", "instrument", "assessment", "migration", "plan",
           "context", "agency", "host", "language", "expect"}
EXPECT = {"status", "migrated", "result", "plan", "assess", "errors"}


def _path(rel):
    return os.path.join(support.REPO, rel)


def _answer(returns, value):
    """A host function that gives `value` whatever its arguments, typed as
    the README says (an integral number for int64, a float for double)."""
    if returns == "int64" and isinstance(value, float) and value.is_integer():
        value = int(value)
    elif returns == "double" and isinstance(value, int) \
            and not isinstance(value, bool):
        value = float(value)
    return lambda *args: value


def register_hosts(eng, rel):
    """Registers every function of a vector's host file with `eng`."""
    for name, spec in support.read_json(_path(rel)).items():
        signature = spec["signature"]
        returns = vep.parse_signature(signature)[0]
        eng.register_host_function(name, signature,
                                   _answer(returns, spec.get("returns")))


class VectorsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        with open(os.path.join(VECTORS, "manifest.json"), "rb") as f:
            cls.manifest = json.loads(f.read())

    def assertSameBytes(self, got, expected_file, what):
        expected = support.read_bytes(_path(expected_file))
        if got != expected and got + b"\n" != expected:
            self.fail("%s: %d bytes differ from %s (%d bytes)"
                      % (what, len(got), expected_file, len(expected)))

    def run_vector(self, v):
        """Runs one vector; returns the status name of the failing step or
        "ok", after comparing every document it expects."""
        expect = v["expect"]
        with vep.Engine(time_limit_ms=60000) as eng:
            if "host" in v:
                register_hosts(eng, v["host"])
            try:
                doc = support.read_bytes(_path(v["assessment"]))
                if "migration" in v:
                    mig = eng.load_migration(_path(v["migration"]))
                    doc = mig.migrate_json(doc)
                    if "migrated" in expect:
                        self.assertSameBytes(doc, expect["migrated"],
                                             "migrated")
                ins = eng.load_instrument(_path(v["instrument"]))
                result = ins.score_json(doc)
                if "result" in expect:
                    self.assertSameBytes(result, expect["result"], "result")
                if "plan" in v:
                    plan = eng.load_plan(_path(v["plan"]))
                    context = support.read_bytes(_path(v["context"]))
                    opts = dict(agency=v.get("agency"),
                                language=v.get("language"))
                    raw = plan.evaluate_json(result, context, **opts)
                    if "plan" in expect:
                        self.assertSameBytes(raw, expect["plan"], "plan")
                    raw = eng.assess_json(ins, plan, doc, context, **opts)
                    if "assess" in expect:
                        self.assertSameBytes(raw, expect["assess"], "assess")
            except vep.VepError as e:
                self.assertEqual(e.status_name, expect["status"],
                                 "%s: %s" % (e.status_name, e))
                self.assertIn("errors", expect)
                self.assertSameBytes(e.document, expect["errors"], "errors")
                return e.status_name
        return "ok"

    def test_manifest(self):
        self.assertEqual(self.manifest["format"], 1)
        names = [v["name"] for v in self.manifest["vectors"]]
        self.assertGreaterEqual(len(names), 14)
        self.assertEqual(len(names), len(set(names)))
        for v in self.manifest["vectors"]:
            self.assertLessEqual(set(v), MEMBERS, v["name"])
            self.assertLessEqual(set(v["expect"]), EXPECT, v["name"])

    def test_vectors(self):
        statuses = {}
        for v in self.manifest["vectors"]:
            with self.subTest(vector=v["name"]):
                status = self.run_vector(v)
                self.assertEqual(status, v["expect"]["status"])
                statuses[v["name"]] = status
        self.assertEqual(len(statuses), len(self.manifest["vectors"]))
        self.assertIn("assessment", statuses.values())
        self.assertIn("context", statuses.values())
        self.assertTrue(any("host" in v for v in self.manifest["vectors"]))


if __name__ == "__main__":
    unittest.main()
