"""Plans, score-and-plan in one call, and migrations."""

import hashlib
import json
import os
import unittest

import vep

import support

VECTOR = os.path.join(support.REPO, "tests", "vectors", "screen-plan")


class ScreenCase(unittest.TestCase):
    """An engine with the screening instrument and its plan loaded, and the
    assessment and context of the screen-plan vector (as bytes)."""

    def setUp(self):
        """Loads them in a new engine, closed after the test."""
        self.eng = vep.Engine()
        self.addCleanup(self.eng.close)
        self.ins = self.eng.load_instrument(support.SCREEN)
        self.plan = self.eng.load_plan(support.SCREEN_PLAN)
        self.assessment = support.read_bytes(os.path.join(VECTOR,
                                                          "assessment.json"))
        self.context = support.read_bytes(os.path.join(VECTOR,
                                                       "context.json"))


class PlanTest(ScreenCase):
    """Plan.evaluate and the plan's metadata, tests, lint and description."""

    def setUp(self):
        """The screening set-up, and the vector's assessment scored."""
        super().setUp()
        self.result = self.ins.score_json(self.assessment)

    def test_metadata(self):
        """Id, version, instrument and SHA-256 of the plan."""
        self.assertEqual(self.plan.id, "vep-plan-screen")
        self.assertEqual(self.plan.version, "1.0.0")
        self.assertEqual(self.plan.instrument, "vep-screen")
        self.assertRegex(self.plan.sha256, "^[0-9a-f]{64}$")
        self.assertEqual(self.plan.describe()["sha256"], self.plan.sha256)
        mini = self.eng.load_plan(support.fixture("mini-plan.lua"))
        self.assertEqual(mini.sha256, hashlib.sha256(
            support.read_bytes(support.fixture("mini-plan.lua"))).hexdigest())

    def test_evaluate_json_is_the_command_s_bytes(self):
        """evaluate_json gives the vector's bytes; evaluate parses them."""
        expected = support.read_bytes(os.path.join(VECTOR, "plan.json"))
        raw = self.plan.evaluate_json(self.result, self.context)
        self.assertIn(expected, (raw, raw + b"\n"))
        self.assertEqual(self.plan.evaluate(json.loads(self.result),
                                            json.loads(self.context)),
                         json.loads(raw))

    def test_agency_view(self):
        """An agency's view leaves out what the agency may not see."""
        doc = self.plan.evaluate(self.result, self.context,
                                 agency="rna_team")
        self.assertEqual(doc["view"], "rna_team")
        self.assertNotIn("placement", doc)
        whole = self.plan.evaluate(self.result, self.context)
        self.assertIsNone(whole["view"])
        self.assertIn("placement", whole)

    def test_language(self):
        """Titles in the language asked for."""
        doc = self.plan.evaluate(self.result, self.context,
                                 language="sr-Latn")
        self.assertEqual(doc["language"]["requested"], "sr-Latn")
        self.assertEqual(doc["interventions"][0]["title"],
                         "Potpuna procena rizika i potreba")

    def test_unknown_agency(self):
        """An unknown agency is an ArgumentError naming it."""
        with self.assertRaises(vep.ArgumentError) as cm:
            self.plan.evaluate(self.result, self.context, agency="nobody")
        self.assertIn("nobody", cm.exception.message)

    def test_invalid_context(self):
        """An invalid context is a ContextError with its JSON path."""
        ctx = json.loads(self.context)
        ctx["as_of"] = "2026-02-30"
        with self.assertRaises(vep.ContextError) as cm:
            self.plan.evaluate(self.result, ctx)
        self.assertEqual(cm.exception.status_name, "context")
        self.assertEqual([d["path"] for d in cm.exception.diagnostics],
                         ["$.as_of"])
        self.assertEqual(cm.exception.diagnostics[0]["rule"], "invalid_date")

    def test_invalid_result(self):
        """A document that is not a result is an AssessmentError."""
        with self.assertRaises(vep.AssessmentError) as cm:
            self.plan.evaluate(b"{\"libvep\": 1}", self.context)
        self.assertTrue(cm.exception.diagnostics)

    def test_run_tests_lint_describe(self):
        """The plan's own cases pass, it lints clean, it describes itself."""
        report = self.plan.run_tests()
        self.assertEqual(report["plan"], "vep-plan-screen")
        self.assertEqual(report["failed"], 0)
        self.assertGreater(report["passed"], 0)
        self.assertEqual(self.plan.lint()["findings"], [])
        d = self.plan.describe()
        self.assertEqual(json.loads(self.plan.describe_json()), d)
        self.assertEqual([a["id"] for a in d["agencies"]],
                         ["treatment", "rna_team"])
        self.assertEqual(self.plan.describe("sr-Latn")["title"],
                         "Postupanje posle skrininga radikalizacije "
                         "(ilustrativno)")
        with self.assertRaises(vep.ArgumentError):
            self.plan.describe("?")

    def test_plan_from_memory(self):
        """A plan loaded from memory; one that require()s cannot be."""
        text = support.read_bytes(support.fixture("mini-plan.lua"))
        plan = self.eng.load_plan_source("memory-plan.lua", text)
        self.assertEqual(plan.instrument, "mini")
        self.assertEqual(plan.run_tests()["passed"], 2)
        ins = self.eng.load_instrument(support.MINI)
        result = ins.score_json(support.mini_assessment())
        doc = plan.evaluate(result, {"as_of": "2024-02-01"})
        self.assertEqual([i["id"] for i in doc["interventions"]], ["TALK"])
        self.assertEqual(doc["interventions"][0]["review"], "2024-05-01")
        # A script from memory has no directory to require() from.
        with self.assertRaises(vep.ScriptError) as cm:
            self.eng.load_plan_source("plan.lua",
                                      support.read_bytes(support.SCREEN_PLAN))
        self.assertIn("vep-plan-screen-tests", cm.exception.message)


class AssessTest(ScreenCase):
    """Engine.assess: score and plan in one call."""

    def test_assess(self):
        """assess_json gives the vector's bytes: the result and the plan."""
        expected = support.read_bytes(os.path.join(VECTOR, "assess.json"))
        raw = self.eng.assess_json(self.ins, self.plan, self.assessment,
                                   self.context)
        self.assertIn(expected, (raw, raw + b"\n"))
        doc = self.eng.assess(self.ins, self.plan, self.assessment,
                              self.context)
        self.assertEqual(sorted(doc), ["plan", "result"])

    def test_agency_gets_only_the_plan(self):
        """With an agency, assess gives only that agency's plan view."""
        doc = self.eng.assess(self.ins, self.plan, self.assessment,
                              self.context, agency="treatment",
                              language="sr-Latn")
        self.assertEqual(list(doc), ["plan"])
        self.assertEqual(doc["plan"]["view"], "treatment")

    def test_plan_of_another_engine(self):
        """Objects of different engines, or of the wrong class, are refused."""
        with vep.Engine() as other:
            plan = other.load_plan(support.SCREEN_PLAN)
            with self.assertRaises(vep.ArgumentError) as cm:
                self.eng.assess(self.ins, plan, self.assessment,
                                self.context)
            self.assertIn("different engines", cm.exception.message)
            with self.assertRaises(ValueError):
                other.assess(self.ins, plan, self.assessment, self.context)
        with self.assertRaises(TypeError):
            self.eng.assess(self.plan, self.ins, "{}", "{}")

    def test_invalid_assessment(self):
        """An invalid assessment is an AssessmentError."""
        with self.assertRaises(vep.AssessmentError):
            self.eng.assess(self.ins, self.plan, "{}", self.context)


class MigrationTest(unittest.TestCase):
    """Migrations: metadata, migrating, and refusals."""

    def setUp(self):
        """An engine with the screening instrument's 1-to-2 migration."""
        self.eng = vep.Engine()
        self.addCleanup(self.eng.close)
        self.mig = self.eng.load_migration(support.MIGRATION)

    def test_metadata(self):
        """Id, version and SHA-256 of the migration."""
        self.assertEqual(self.mig.id, "vep-screen-1-to-2")
        self.assertEqual(self.mig.version, "1.0.0")
        self.assertEqual(self.mig.sha256, hashlib.sha256(
            support.read_bytes(support.MIGRATION)).hexdigest())

    def test_migrate_then_score(self):
        """A migrated assessment scores with version 2, not with 1."""
        old = support.read_json(support.SCREEN_POSITIVE)
        new = self.mig.migrate(old)
        self.assertEqual(new["instrument"],
                         {"id": "vep-screen", "version": "2.0.0"})
        self.assertEqual(new["migrations"][0]["id"], "vep-screen-1-to-2")
        self.assertEqual(self.mig.migrate_json(json.dumps(old)),
                         self.mig.migrate_json(old))
        ins2 = self.eng.load_instrument(support.SCREEN_2)
        result = ins2.score(self.mig.migrate_json(old))
        self.assertEqual(result["instrument"]["migrations"][0]["id"],
                         "vep-screen-1-to-2")
        ins1 = self.eng.load_instrument(support.SCREEN)
        with self.assertRaises(vep.AssessmentError) as cm:
            ins1.score(new)
        self.assertIn("wrong_version",
                      [d["rule"] for d in cm.exception.diagnostics])

    def test_assessment_of_another_instrument(self):
        """An assessment of another instrument is refused at its id."""
        with self.assertRaises(vep.AssessmentError) as cm:
            self.mig.migrate(support.mini_assessment())
        self.assertEqual(cm.exception.diagnostics[0]["path"],
                         "$.instrument.id")

    def test_migration_from_memory(self):
        """A migration from memory; a syntax error names its file."""
        mig = self.eng.load_migration_source(
            "m.lua", support.read_bytes(support.MIGRATION))
        self.assertEqual(mig.sha256, self.mig.sha256)
        with self.assertRaises(vep.ScriptError) as cm:
            self.eng.load_migration_source("m.lua", "migration {")
        self.assertEqual(cm.exception.diagnostics[0]["file"], "m.lua")


if __name__ == "__main__":
    unittest.main()
