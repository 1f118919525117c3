"""Instruments: loading, scoring, validating, describing, self-tests."""

import hashlib
import json
import os
import unittest

import vep

import support


class LoadTest(unittest.TestCase):

    def setUp(self):
        self.eng = vep.Engine()
        self.addCleanup(self.eng.close)

    def test_metadata(self):
        ins = self.eng.load_instrument(support.MINI)
        self.assertEqual(ins.id, "mini")
        self.assertEqual(ins.version, "1.0.0")
        source = support.read_bytes(support.MINI)
        self.assertEqual(ins.sha256, hashlib.sha256(source).hexdigest())

    def test_path_like_and_bytes_paths(self):
        import pathlib
        a = self.eng.load_instrument(pathlib.Path(support.MINI))
        b = self.eng.load_instrument(os.fsencode(support.MINI))
        self.assertEqual(a.sha256, b.sha256)

    def test_source_in_memory(self):
        text = support.read_bytes(support.MINI).decode("utf-8")
        ins = self.eng.load_instrument_source("memory.lua", text)
        self.assertEqual(ins.sha256, hashlib.sha256(
            text.encode("utf-8")).hexdigest())
        result = ins.score(support.mini_assessment())
        self.assertEqual(result["instrument"]["sources"][0]["file"],
                         "memory.lua")
        with self.assertRaises(TypeError):
            self.eng.load_instrument_source("x.lua", 42)


class ScoreTest(unittest.TestCase):

    def setUp(self):
        self.eng = vep.Engine()
        self.addCleanup(self.eng.close)
        self.ins = self.eng.load_instrument(support.SCREEN)
        self.doc = support.read_bytes(support.SCREEN_POSITIVE)

    def test_score_json_is_the_command_s_bytes(self):
        # tests/vectors/screen-positive is this very case.
        expected = support.read_bytes(os.path.join(
            support.REPO, "tests", "vectors", "screen-positive",
            "result.json"))
        raw = self.ins.score_json(self.doc)
        self.assertIsInstance(raw, bytes)
        self.assertIn(expected, (raw, raw + b"\n"))

    def test_inputs_dict_str_bytes_agree(self):
        raw = self.ins.score_json(self.doc)
        self.assertEqual(self.ins.score_json(self.doc.decode("utf-8")), raw)
        self.assertEqual(self.ins.score_json(bytearray(self.doc)), raw)
        self.assertEqual(self.ins.score_json(json.loads(self.doc)), raw)
        self.assertEqual(self.ins.score(self.doc), json.loads(raw))
        with self.assertRaises(TypeError):
            self.ins.score(12)

    def test_result_content(self):
        result = self.ins.score(self.doc)
        self.assertEqual(result["instrument"]["id"], "vep-screen")
        self.assertEqual(result["instrument"]["sha256"], self.ins.sha256)
        levels = {lv["id"]: lv for lv in result["levels"]}
        self.assertIn("screen", levels)

    def test_validate(self):
        self.assertIsNone(self.ins.validate(self.doc))
        doc = json.loads(self.doc)
        doc["answers"]["S01"] = {"value": "maybe"}
        with self.assertRaises(vep.AssessmentError) as cm:
            self.ins.validate(doc)
        self.assertEqual([d["path"] for d in cm.exception.diagnostics],
                         ["$.answers.S01.value"])
        self.assertEqual(cm.exception.diagnostics[0]["rule"],
                         "not_in_scale")

    def test_same_input_same_bytes_whatever_came_before(self):
        first = self.ins.score_json(self.doc)
        with self.assertRaises(vep.AssessmentError):
            self.ins.score("{}")
        self.ins.score(support.read_bytes(os.path.join(
            support.REPO, "examples", "assessments", "screen-negative.json")))
        self.assertEqual(self.ins.score_json(self.doc), first)


class DescribeTest(unittest.TestCase):

    def setUp(self):
        self.eng = vep.Engine()
        self.addCleanup(self.eng.close)
        self.ins = self.eng.load_instrument(support.SCREEN)

    def test_describe(self):
        d = self.ins.describe()
        self.assertEqual(d["id"], "vep-screen")
        self.assertEqual(d["sha256"], self.ins.sha256)
        self.assertEqual(d["languages"], ["en", "sr-Latn", "sq"])
        self.assertEqual(d["language"]["requested"], "en")
        self.assertEqual([i["id"] for i in d["items"]][:7],
                         ["S01", "S02", "S03", "S04", "S05", "S05a", "S06"])
        self.assertEqual(len(d["items"]), 14)

    def test_describe_in_a_language(self):
        d = self.ins.describe(lang="sr-Latn")
        self.assertEqual(d["language"]["requested"], "sr-Latn")
        self.assertEqual(d["title"],
                         "Skrining indikatora radikalizacije (ilustrativni)")
        cyr = self.ins.describe(lang="sr-Cyrl")
        self.assertTrue(any(u["transliterated"]
                            for u in cyr["language"]["used"]))
        self.assertEqual(self.ins.describe_json("sq"),
                         self.ins.describe_json("sq"))

    def test_describe_bad_tag(self):
        with self.assertRaises(vep.ArgumentError) as cm:
            self.ins.describe(lang="no such tag")
        self.assertIn("BCP 47", cm.exception.message)
        with self.assertRaises(TypeError):
            self.ins.describe(lang=b"en")

    def test_schema(self):
        s = self.ins.schema()
        self.assertEqual(s["$schema"],
                         "https://json-schema.org/draft/2020-12/schema")
        self.assertIn(self.ins.sha256, s["$comment"])
        self.assertEqual(self.ins.schema_json(), self.ins.schema_json())

    def test_run_tests(self):
        ins = self.eng.load_instrument(support.MINI)
        report = ins.run_tests()
        self.assertEqual(report["instrument"], "mini")
        self.assertEqual((report["passed"], report["failed"]), (1, 0))
        self.assertEqual(report["cases"][0]["name"], "A present")
        screen = self.ins.run_tests()
        self.assertEqual(screen["failed"], 0)
        self.assertGreater(screen["passed"], 3)

    def test_failing_self_test_is_reported_not_raised(self):
        text = support.read_bytes(support.MINI).decode("utf-8").replace(
            "total = 1, work = 0", "total = 0, work = 0")
        ins = self.eng.load_instrument_source("wrong-test.lua", text)
        report = ins.run_tests()
        self.assertEqual((report["passed"], report["failed"]), (0, 1))
        self.assertFalse(report["cases"][0]["passed"])

    def test_lint(self):
        ins = self.eng.load_instrument(support.MINI)
        lint = ins.lint()
        self.assertEqual(lint["script"], "mini")
        rules = [f["rule"] for f in lint["findings"]]
        self.assertEqual(rules, ["missing_translation"])
        self.assertEqual(lint["findings"][0]["lang"], "sr-Latn")


if __name__ == "__main__":
    unittest.main()
