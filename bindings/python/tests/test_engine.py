"""Engines: the library and its version, limits, lifetimes, threads."""

import json
import os
import shutil
import tempfile
import threading
import unittest

import vep
from vep import _lib

import support


class LibraryTest(unittest.TestCase):

    def test_version_matches_version_number(self):
        n = vep.version_number()
        self.assertEqual(n // 10000, 0)
        major, minor, patch = (int(x) for x in vep.version().split("."))
        self.assertEqual(n, major * 10000 + minor * 100 + patch)

    def test_results_name_the_library_version(self):
        with vep.Engine() as eng:
            ins = eng.load_instrument(support.MINI)
            result = ins.score(support.mini_assessment())
            self.assertEqual(result["libvep"], vep.version())
            self.assertEqual(eng.library.version, vep.version())

    def test_status_names(self):
        self.assertEqual(vep.status_name(vep.Status.LIMIT_INSTRUCTIONS),
                         "instruction_limit")
        self.assertEqual(vep.status_name(vep.Status.OK), "ok")
        self.assertEqual(vep.status_name(vep.Status.HOST), "host")

    def test_explicit_path_is_used(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        copy = os.path.join(tmp, "libvep.so.0")
        shutil.copy(_loaded_file(), copy)
        lib = vep.load_library(copy)
        self.assertEqual(lib.path, copy)
        self.assertIs(vep.load_library(copy), lib)
        with vep.Engine(library=copy) as eng:
            self.assertIs(eng.library, lib)
            self.assertEqual(eng.load_instrument(support.MINI).id, "mini")
        with vep.Engine(library=lib) as eng:
            self.assertIs(eng.library, lib)

    def test_missing_library_is_refused(self):
        with self.assertRaises(vep.LibraryError) as cm:
            vep.Engine(library="/nonexistent/libvep.so.0")
        self.assertIn("/nonexistent/libvep.so.0", str(cm.exception))
        self.assertIn("VEP_LIBRARY", str(cm.exception))

    def test_other_major_version_is_refused(self):
        # The same library, as if the binding had been written for 1.x.
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        link = os.path.join(tmp, "libvep.so.0")
        os.symlink(_loaded_file(), link)
        saved = _lib.ABI_MAJOR
        _lib.ABI_MAJOR = 1
        try:
            with self.assertRaises(vep.LibraryError) as cm:
                vep.load_library(link)
        finally:
            _lib.ABI_MAJOR = saved
        self.assertIn("major version 1", str(cm.exception))
        self.assertIn(vep.version(), str(cm.exception))


def _loaded_file():
    """The file of the libvep the tests use (as the loader found it)."""
    path = vep.load_library().path
    if os.path.isabs(path):
        return os.path.realpath(path)
    with open("/proc/self/maps") as f:
        for line in f:
            if "/libvep.so" in line:
                return os.path.realpath(line.split()[-1])
    raise unittest.SkipTest("cannot find the file of %s" % path)


class LimitsTest(unittest.TestCase):

    def test_instruction_limit(self):
        with vep.Engine(instruction_limit=200000) as eng:
            ins = eng.load_instrument(support.MINI)
            self.assertEqual(ins.score(support.mini_assessment(B=0))
                             ["scores"][1]["value"], 0)
            with self.assertRaises(vep.InstructionLimitError) as cm:
                ins.score(support.mini_assessment(B=1))
            self.assertIsInstance(cm.exception, vep.LimitError)
            self.assertEqual(cm.exception.status_name, "instruction_limit")
            self.assertIn("200000 instructions", cm.exception.message)
            self.assertEqual(cm.exception.diagnostics[0]["item"], "work")
        # The default budget (100 million) lets one million steps run.
        with vep.Engine() as eng:
            ins = eng.load_instrument(support.MINI)
            work = ins.score(support.mini_assessment(B=1))["scores"][1]
            self.assertEqual(work["value"], 1000000)

    def test_time_limit(self):
        with vep.Engine(time_limit_ms=50,
                        instruction_limit=10 ** 15) as eng:
            ins = eng.load_instrument(support.MINI)
            with self.assertRaises(vep.TimeLimitError) as cm:
                ins.score(support.mini_assessment(B=1000))
            self.assertEqual(cm.exception.status, vep.Status.LIMIT_TIME)
            self.assertIn("50 ms", cm.exception.message)

    def test_memory_limit(self):
        with vep.Engine(memory_limit=1 << 20) as eng:
            ins = eng.load_instrument(support.MINI)
            with self.assertRaises(vep.MemoryLimitError) as cm:
                ins.score(support.mini_assessment(C=1))
            self.assertEqual(cm.exception.status_name, "memory_limit")
            self.assertIn("1048576 bytes", cm.exception.message)
        with vep.Engine(memory_limit=64 << 20) as eng:
            ins = eng.load_instrument(support.MINI)
            work = ins.score(support.mini_assessment(C=1))["scores"][1]
            self.assertEqual(work["value"], 100000)

    def test_memory_limit_below_minimum(self):
        with self.assertRaises(vep.ArgumentError) as cm:
            vep.Engine(memory_limit=1000)
        self.assertEqual(cm.exception.status, vep.Status.ARGUMENT)
        self.assertIn("262144", cm.exception.message)

    def test_limit_arguments_are_checked(self):
        with self.assertRaises(TypeError):
            vep.Engine(instruction_limit="many")
        with self.assertRaises(TypeError):
            vep.Engine(time_limit_ms=True)
        with self.assertRaises(ValueError):
            vep.Engine(time_limit_ms=-1)
        with self.assertRaises(ValueError):
            vep.Engine(time_limit_ms=1 << 32)
        with vep.Engine(memory_limit=0, instruction_limit=None) as eng:
            self.assertFalse(eng.closed)


class LifetimeTest(unittest.TestCase):

    def test_context_managers_close(self):
        with vep.Engine() as eng:
            with eng.load_instrument(support.MINI) as ins:
                self.assertFalse(ins.closed)
            self.assertTrue(ins.closed)
            with self.assertRaises(ValueError):
                ins.score(support.mini_assessment())
        self.assertTrue(eng.closed)
        with self.assertRaises(ValueError):
            eng.load_instrument(support.MINI)

    def test_close_twice(self):
        eng = vep.Engine()
        ins = eng.load_instrument(support.MINI)
        plan = eng.load_plan(support.SCREEN_PLAN)
        mig = eng.load_migration(support.MIGRATION)
        for obj in (ins, plan, mig, eng):
            obj.close()
            obj.close()
            self.assertTrue(obj.closed)
        with self.assertRaises(ValueError):
            eng.host_functions()
        with self.assertRaises(ValueError):
            mig.migrate("{}")
        with self.assertRaises(ValueError):
            plan.describe()
        with self.assertRaises(ValueError):
            with ins:
                pass

    def test_engine_closed_before_its_instrument(self):
        eng = vep.Engine(instruction_limit=200000)
        ins = eng.load_instrument(support.MINI)
        plan = eng.load_plan(support.SCREEN_PLAN)
        eng.close()
        # The instrument keeps the C engine alive, errors included.
        self.assertEqual(ins.score(support.mini_assessment())
                         ["scores"][0]["value"], 1)
        with self.assertRaises(vep.InstructionLimitError):
            ins.score(support.mini_assessment(B=1))
        self.assertEqual(plan.describe()["id"], "vep-plan-screen")
        ins.close()
        self.assertEqual(plan.describe()["id"], "vep-plan-screen")
        plan.close()

    def test_objects_freed_by_the_garbage_collector(self):
        # No close at all, in either order: the finalizers free them.
        eng = vep.Engine()
        ins = eng.load_instrument(support.MINI)
        del eng
        self.assertEqual(ins.id, "mini")
        self.assertEqual(ins.score(support.mini_assessment())["status"],
                         "complete")
        del ins
        eng = vep.Engine()
        eng.load_instrument(support.MINI)
        del eng

    def test_repr(self):
        with vep.Engine() as eng:
            ins = eng.load_instrument(support.MINI)
            self.assertEqual(repr(ins), "<vep.Instrument mini 1.0.0>")
            self.assertIn(vep.version(), repr(eng))
            ins.close()
            self.assertEqual(repr(ins), "<vep.Instrument mini 1.0.0 closed>")


class ThreadsTest(unittest.TestCase):

    def test_one_engine_from_several_threads(self):
        # The engine's lock serialises the calls; every result is right.
        expected = None
        with vep.Engine() as eng:
            ins = eng.load_instrument(support.SCREEN)
            doc = support.read_bytes(support.SCREEN_POSITIVE)
            expected = ins.score_json(doc)
            results, errors = [], []

            def work():
                try:
                    for _ in range(5):
                        results.append(ins.score_json(doc))
                except Exception as e:  # reported below
                    errors.append(e)

            threads = [threading.Thread(target=work) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            self.assertEqual(len(results), 20)
            self.assertTrue(all(r == expected for r in results))

    def test_engines_in_parallel(self):
        out = {}

        def work(k):
            with vep.Engine() as eng:
                ins = eng.load_instrument(support.MINI)
                out[k] = ins.score(support.mini_assessment(B=1))

        threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(out), [0, 1, 2])
        self.assertTrue(all(json.dumps(out[k]) == json.dumps(out[0])
                            for k in out))


if __name__ == "__main__":
    unittest.main()
