"""Exceptions: each status family from a real failing call, with the
engine's message and structured diagnostics."""

import json
import os
import shutil
import tempfile
import unittest

import vep
from vep.errors import error_class

import support

FIELDS = ["file", "line", "path", "item", "rule", "message"]


class ErrorsTest(unittest.TestCase):

    def setUp(self):
        self.eng = vep.Engine(instruction_limit=200000)
        self.addCleanup(self.eng.close)

    def check_common(self, err, cls, status, name):
        """What every VepError carries."""
        self.assertIs(type(err), cls)
        self.assertIsInstance(err, vep.VepError)
        self.assertEqual(err.status, status)
        self.assertEqual(err.status_name, name)
        self.assertEqual(str(err), err.message)
        self.assertTrue(err.message)
        doc = json.loads(err.document)
        self.assertEqual(doc["status"], name)
        self.assertEqual(doc["message"], err.message)
        self.assertEqual(doc["errors"], err.diagnostics)
        for d in err.diagnostics:
            self.assertEqual(list(d), FIELDS)

    def test_syntax_error_names_file_and_line(self):
        path = support.fixture("syntax-error.lua")
        with self.assertRaises(vep.ScriptError) as cm:
            self.eng.load_instrument(path)
        err = cm.exception
        self.check_common(err, vep.ScriptError, vep.Status.SCRIPT, "script")
        self.assertEqual(len(err.diagnostics), 1)
        d = err.diagnostics[0]
        self.assertEqual((d["file"], d["line"], d["rule"]),
                         (path, 6, "syntax"))
        self.assertEqual(err.message,
                         path + ":6: unexpected symbol near '}'")

    def test_runtime_error_in_a_script_from_memory(self):
        source = 'instrument {\n  id = "x", version = "1.0.0",\n}\n' \
                 'local t = nil\nlocal n = t.field\n'
        with self.assertRaises(vep.ScriptError) as cm:
            self.eng.load_instrument_source("runtime.lua", source)
        d = cm.exception.diagnostics[0]
        self.assertEqual((d["file"], d["line"], d["rule"]),
                         ("runtime.lua", 5, "runtime"))

    def test_forbidden_access(self):
        source = 'local f = io.open("/etc/passwd")\n'
        with self.assertRaises(vep.ScriptError) as cm:
            self.eng.load_instrument_source("sandbox.lua", source)
        self.assertIn("io", cm.exception.message)
        self.assertEqual(cm.exception.diagnostics[0]["line"], 1)

    def test_definition_error(self):
        path = support.fixture("definition-error.lua")
        with self.assertRaises(vep.DefinitionError) as cm:
            self.eng.load_instrument(path)
        err = cm.exception
        self.check_common(err, vep.DefinitionError, vep.Status.DEFINITION,
                          "definition")
        d = err.diagnostics[0]
        self.assertEqual((d["file"], d["line"], d["item"], d["rule"]),
                         (path, 8, "total",
                          "unknown_reference"))

    def test_assessment_error_has_json_paths(self):
        ins = self.eng.load_instrument(support.MINI)
        doc = support.mini_assessment(A="maybe", B=-1)
        doc["answers"]["Z"] = {"value": 1}
        with self.assertRaises(vep.AssessmentError) as cm:
            ins.score(doc)
        err = cm.exception
        self.check_common(err, vep.AssessmentError, vep.Status.ASSESSMENT,
                          "assessment")
        self.assertEqual(
            sorted((d["path"], d["item"], d["rule"]) for d in err.diagnostics),
            [("$.answers.A.value", "A", "not_in_scale"),
             ("$.answers.B.value", "B", "out_of_range"),
             ("$.answers.Z", "Z", "unknown_item")])
        self.assertEqual(err.not_shown, 0)

    def test_json_syntax(self):
        ins = self.eng.load_instrument(support.MINI)
        with self.assertRaises(vep.AssessmentError) as cm:
            ins.score(b'{"instrument": ')
        self.assertEqual(cm.exception.diagnostics[0]["rule"], "json_syntax")

    def test_instruction_limit(self):
        ins = self.eng.load_instrument(support.MINI)
        with self.assertRaises(vep.LimitError) as cm:
            ins.score(support.mini_assessment(B=1))
        err = cm.exception
        self.check_common(err, vep.InstructionLimitError,
                          vep.Status.LIMIT_INSTRUCTIONS, "instruction_limit")
        self.assertEqual(err.diagnostics[0]["rule"], "instruction_limit")
        self.assertEqual(err.diagnostics[0]["file"], support.MINI)

    def test_limit_while_loading(self):
        source = "local n = 0\nwhile true do n = n + 1 end\n"
        with self.assertRaises(vep.InstructionLimitError) as cm:
            self.eng.load_instrument_source("loop.lua", source)
        self.assertEqual(cm.exception.diagnostics[0]["file"], "loop.lua")

    def test_context_error(self):
        ins = self.eng.load_instrument(support.MINI)
        plan = self.eng.load_plan(support.fixture("mini-plan.lua"))
        result = ins.score_json(support.mini_assessment())
        with self.assertRaises(vep.ContextError) as cm:
            plan.evaluate(result, {"as_of": "2024-13-01", "age": "old"})
        err = cm.exception
        self.check_common(err, vep.ContextError, vep.Status.CONTEXT,
                          "context")
        self.assertEqual(sorted(d["path"] for d in err.diagnostics),
                         ["$.age", "$.as_of"])
        with self.assertRaises(vep.ContextError) as cm:
            plan.evaluate(result, {})
        self.assertEqual(cm.exception.diagnostics[0]["rule"],
                         "missing_field")

    def test_io_error(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        missing = os.path.join(tmp, "missing.lua")
        for load in (self.eng.load_instrument, self.eng.load_plan,
                     self.eng.load_migration):
            with self.assertRaises(vep.FileError) as cm:
                load(missing)
            self.check_common(cm.exception, vep.FileError, vep.Status.IO,
                              "io")
            self.assertIn(missing, cm.exception.message)

    def test_argument_error(self):
        ins = self.eng.load_instrument(support.MINI)
        with self.assertRaises(vep.ArgumentError) as cm:
            ins.describe("en_US!")
        self.check_common(cm.exception, vep.ArgumentError,
                          vep.Status.ARGUMENT, "argument")
        plan = self.eng.load_plan(support.fixture("mini-plan.lua"))
        result = ins.score_json(support.mini_assessment())
        with self.assertRaises(vep.ArgumentError) as cm:
            plan.evaluate(result, {"as_of": "2024-02-01"}, agency="nobody")
        self.assertIn("nobody", cm.exception.message)

    def test_nul_in_a_c_string_is_refused(self):
        # C would read the string only up to the NUL: "treatment\0x"
        # would give the view of "treatment".
        ins = self.eng.load_instrument(support.MINI)
        plan = self.eng.load_plan(support.fixture("mini-plan.lua"))
        result = ins.score_json(support.mini_assessment())
        calls = [
            ("agency", lambda: plan.evaluate(result, {"as_of": "2024-02-01"},
                                             agency="team\0x")),
            ("lang", lambda: plan.describe_json("en\0x")),
            ("lang", lambda: ins.describe("en\0x")),
            ("path", lambda: self.eng.load_instrument(support.MINI + "\0x")),
            ("name", lambda: self.eng.load_instrument_source("a\0b", "")),
            ("name", lambda: self.eng.register_host_function(
                "f\0g", "void()", print)),
            ("signature", lambda: self.eng.register_host_function(
                "f", "void()\0x", print)),
        ]
        for what, call in calls:
            with self.subTest(what=what):
                with self.assertRaises(vep.ArgumentError) as cm:
                    call()
                self.assertEqual(cm.exception.message,
                                 what + " contains a NUL character")
                self.assertIsNone(cm.exception.document)
        self.assertEqual(self.eng.host_functions(), [])

    def test_error_after_success_is_fresh(self):
        ins = self.eng.load_instrument(support.MINI)
        with self.assertRaises(vep.AssessmentError):
            ins.score("{}")
        ins.score(support.mini_assessment())
        with self.assertRaises(vep.InstructionLimitError) as cm:
            ins.score(support.mini_assessment(B=1))
        self.assertEqual(len(cm.exception.diagnostics), 1)

    def test_every_status_has_a_class(self):
        expected = {
            1: (vep.ArgumentError, "argument"),
            2: (vep.NoMemoryError, "out_of_memory"),
            3: (vep.FileError, "io"),
            4: (vep.ScriptError, "script"),
            5: (vep.DefinitionError, "definition"),
            6: (vep.AssessmentError, "assessment"),
            7: (vep.MemoryLimitError, "memory_limit"),
            8: (vep.InstructionLimitError, "instruction_limit"),
            9: (vep.TimeLimitError, "time_limit"),
            10: (vep.RangeError, "range"),
            11: (vep.InternalError, "internal"),
            12: (vep.ContextError, "context"),
            13: (vep.HostError, "host"),
        }
        for status, (cls, name) in expected.items():
            self.assertIs(error_class(status), cls)
            self.assertEqual(vep.status_name(status), name)
        self.assertIs(error_class(99), vep.VepError)
        self.assertTrue(issubclass(vep.RangeError, vep.ArgumentError))
        for cls in (vep.MemoryLimitError, vep.InstructionLimitError,
                    vep.TimeLimitError):
            self.assertTrue(issubclass(cls, vep.LimitError))
        err = vep.VepError(99, "unknown", "m")
        self.assertEqual(err.status, 99)
        self.assertEqual(err.diagnostics, [])


if __name__ == "__main__":
    unittest.main()
