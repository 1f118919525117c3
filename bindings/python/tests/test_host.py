"""Host functions: Python functions called by scripts as host.NAME(...)."""

import gc
import unittest

import vep

import support

HOST = support.fixture("host.lua")
SIGNATURES = {
    "completed_elsewhere": "bool (string subject, string programme)",
    "days_since": "int64 (string subject, int64 offset)",
    "weight": "double (double x, bool twice)",
    "label": "string (string code, int64 n, double x, bool flag)",
    "note": "void (string text)",
}


class Host:
    """The five host functions of host.lua, recording their arguments."""

    def __init__(self):
        self.calls = []

    def completed_elsewhere(self, subject, programme):
        self.calls.append(("completed_elsewhere", subject, programme))
        return programme == "anger_management"

    def days_since(self, subject, offset):
        self.calls.append(("days_since", subject, offset))
        return 10 + offset

    def weight(self, x, twice):
        self.calls.append(("weight", x, twice))
        return x * 2 if twice else x

    def label(self, code, n, x, flag):
        self.calls.append(("label", code, n, x, flag))
        return "%s/%d/%s/%s" % (code, n, x, flag)

    def note(self, text):
        self.calls.append(("note", text))


def engine(host, skip=(), **replace):
    """An engine with host's functions registered (some replaced or left
    out) and host.lua loaded."""
    eng = vep.Engine()
    for name, signature in SIGNATURES.items():
        if name in skip:
            continue
        eng.register_host_function(name, signature,
                                   replace.get(name, getattr(host, name)))
    return eng, eng.load_instrument(HOST)


def scores(result):
    return {s["id"]: s["value"] for s in result["scores"]}


class HostTest(unittest.TestCase):

    def setUp(self):
        self.doc = support.read_bytes(support.fixture("host-assessment.json"))
        self.host = Host()

    def score_error(self, **replace):
        """The HostError of scoring with some functions replaced."""
        eng, ins = engine(self.host, **replace)
        self.addCleanup(eng.close)
        with self.assertRaises(vep.HostError) as cm:
            ins.score(self.doc)
        err = cm.exception
        self.assertEqual(err.status, vep.Status.HOST)
        self.assertEqual(err.status_name, "host")
        return err

    def test_list(self):
        eng, _ = engine(self.host)
        self.addCleanup(eng.close)
        listed = eng.host_functions()
        self.assertEqual([f["name"] for f in listed], sorted(SIGNATURES))
        label = listed[2]
        self.assertEqual(label["signature"],
                         "string(string code, int64 n, double x, bool flag)")
        self.assertEqual(label["returns"], "string")
        self.assertEqual(label["args"],
                         [{"type": "string", "name": "code"},
                          {"type": "int64", "name": "n"},
                          {"type": "double", "name": "x"},
                          {"type": "bool", "name": "flag"}])
        self.assertEqual({f["form"] for f in listed}, {"callback"})
        with vep.Engine() as empty:
            self.assertEqual(empty.host_functions(), [])

    def test_every_type(self):
        eng, ins = engine(self.host)
        self.addCleanup(eng.close)
        result = ins.score(self.doc)
        self.assertEqual(scores(result),
                         {"completed": 1, "days": 15, "weighted": 2.5,
                          "label_length": len("code/5/2.5/False")})
        self.assertEqual(self.host.calls, [
            ("completed_elsewhere", "P-1", "anger_management"),
            ("note", "scoring"),
            ("days_since", "P-1", 5),
            ("weight", 1.25, True),
            ("label", "code", 5, 2.5, False),
        ])
        types = [tuple(type(a) for a in c[1:]) for c in self.host.calls]
        self.assertEqual(types, [(str, str), (str,), (str, int),
                                 (float, bool), (str, int, float, bool)])
        # The result records each call and what it returned.
        calls = result["host_calls"]
        self.assertEqual([c["function"] for c in calls],
                         ["completed_elsewhere", "note", "days_since",
                          "weight", "label"])
        self.assertEqual(calls[4]["result"], "code/5/2.5/False")
        self.assertEqual(ins.score_json(self.doc), ins.score_json(self.doc))

    def test_none_string_gives_nil(self):
        eng, ins = engine(self.host, label=lambda *args: None)
        self.addCleanup(eng.close)
        self.assertEqual(scores(ins.score(self.doc))["label_length"], -1)

    def test_unicode_strings(self):
        eng, ins = engine(self.host, label=lambda *args: "Ђорђе ✓")
        self.addCleanup(eng.close)
        result = ins.score(self.doc)
        self.assertEqual(scores(result)["label_length"],
                         len("Ђорђе ✓".encode("utf-8")))

    def test_exception_becomes_host_error(self):
        def boom(subject, programme):
            raise KeyError("no record of " + subject)
        err = self.score_error(completed_elsewhere=boom)
        self.assertEqual(err.function, "completed_elsewhere")
        self.assertIsInstance(err.__cause__, KeyError)
        self.assertIn("host function 'completed_elsewhere' failed: "
                      "KeyError: 'no record of P-1'", err.message)
        d = err.diagnostics[0]
        self.assertEqual((d["file"], d["item"], d["rule"]),
                         (HOST, "completed", "host_failed"))
        self.assertGreater(d["line"], 0)

    def test_wrong_return_types(self):
        cases = [
            ("completed_elsewhere", lambda s, p: "yes", "returned str"),
            ("completed_elsewhere", lambda s, p: 1, "returned int"),
            ("days_since", lambda s, o: True, "returned bool"),
            ("days_since", lambda s, o: 2.5, "returned float"),
            ("days_since", lambda s, o: 1 << 63, "outside the int64 range"),
            ("weight", lambda x, t: "1.0", "returned str"),
            ("label", lambda *a: 5, "returned int"),
            ("label", lambda *a: "a\0b", "NUL"),
            ("note", lambda t: 1, "returned int"),
        ]
        for name, fn, words in cases:
            with self.subTest(function=name, words=words):
                err = self.score_error(**{name: fn})
                self.assertEqual(err.function, name)
                self.assertIn(words, err.message)
                self.assertIsNotNone(err.__cause__)

    def test_int64_limits_pass(self):
        big = (1 << 63) - 1
        eng, ins = engine(self.host, days_since=lambda s, o: big)
        self.addCleanup(eng.close)
        self.assertEqual(ins.score(self.doc)["host_calls"][2]["result"], big)

    def test_missing_function(self):
        err = self.score_error(skip=("note",))
        self.assertEqual(err.function, "note")
        self.assertIsNone(err.__cause__)
        self.assertEqual(err.diagnostics[0]["rule"], "host_missing")

    def test_signature_differs_from_the_declaration(self):
        eng = vep.Engine()
        self.addCleanup(eng.close)
        eng.register_host_function("note", "int64 (string text)", len)
        with self.assertRaises(vep.DefinitionError) as cm:
            eng.load_instrument(HOST)
        d = cm.exception.diagnostics[0]
        self.assertEqual((d["item"], d["rule"]), ("note", "host_signature"))

    def test_bad_registrations(self):
        eng = vep.Engine()
        self.addCleanup(eng.close)
        bad = [
            ("Bad", "void()", "is not valid"),
            ("f", "void(...)", "variadic functions are refused"),
            ("f", "void(userdata)", "'userdata' is filled by the engine"),
            ("f", "int32(bool)", "starts with its return type"),
            ("f", "void(int64 a,)", "expected an argument type"),
            ("f", "void(int64 a b)", "expected ',' or ')'"),
            ("f", "void(int64) x", "unexpected text after ')'"),
            ("f", "void(void x)", "void is a return type only"),
            ("f", "bool(" + ", ".join(["bool"] * 9) + ")",
             "more than 8 arguments"),
        ]
        for name, signature, words in bad:
            with self.subTest(signature=signature):
                with self.assertRaises(vep.ArgumentError) as cm:
                    eng.register_host_function(name, signature, print)
                self.assertIn(words, cm.exception.message)
        eng.register_host_function("f", "void(void)", print)
        with self.assertRaises(vep.ArgumentError) as cm:
            eng.register_host_function("f", "void()", print)
        self.assertIn("already registered", cm.exception.message)
        with self.assertRaises(TypeError):
            eng.register_host_function("g", "void()", "not callable")
        self.assertEqual([f["name"] for f in eng.host_functions()], ["f"])

    def test_signatures_parse_as_the_library_does(self):
        self.assertEqual(vep.parse_signature(" bool ( string s , int64 ) "),
                         ("bool", [("string", "s"), ("int64", "")]))
        self.assertEqual(vep.parse_signature("void(void)"), ("void", []))
        self.assertEqual(vep.parse_signature("string()"), ("string", []))

    def test_binding_and_library_agree_on_signatures(self):
        # The binding parses a signature before registering it; it must
        # accept what libvep accepts and refuse with libvep's words.
        from vep import _lib
        keep = _lib.HOST_CALLBACK(lambda user_data, call: 0)
        signatures = ["void()", "void(void)", " int64 ( int64 a , bool ) ",
                      "double(double x,double y)", "string(string s)",
                      "void(...)", "void(call)", "bool(int32)", "bool",
                      "bool(", "bool()x", "void(void x)", "bool(bool,)",
                      "bool(" + ",".join(["int64"] * 8) + ")",
                      "bool(" + ",".join(["int64"] * 9) + ")"]
        for k, signature in enumerate(signatures):
            with self.subTest(signature=signature):
                with vep.Engine() as a, vep.Engine() as b:
                    name = "f%d" % k
                    with a._core as core:
                        status = core.lib.vep_host_register_callback(
                            core.ptr, name.encode(), signature.encode(),
                            keep, None)
                        c_message = core.lib.vep_engine_errmsg(
                            core.ptr).decode()
                    try:
                        b.register_host_function(name, signature, print)
                        py_status, py_message = 0, ""
                    except vep.ArgumentError as e:
                        py_status, py_message = int(e.status), e.message
                    # Where the text went wrong may be quoted differently.
                    self.assertEqual(
                        (py_status, py_message.split(" at '")[0]),
                        (status, c_message.split(" at '")[0]))

    def test_decorator(self):
        eng = vep.Engine()
        self.addCleanup(eng.close)

        @eng.register_host_function("twice", "int64 (int64 n)")
        def twice(n):
            return 2 * n

        self.assertEqual(twice(4), 8)
        self.assertEqual(eng.host_functions()[0]["name"], "twice")

    def test_host_function_may_not_reenter_the_engine(self):
        holder = {}

        def reenter(subject, programme):
            holder["eng"].host_functions()
            return True

        eng, ins = engine(self.host, completed_elsewhere=reenter)
        self.addCleanup(eng.close)
        holder["eng"] = eng
        with self.assertRaises(vep.HostError) as cm:
            ins.score(self.doc)
        self.assertIsInstance(cm.exception.__cause__, RuntimeError)
        # The engine is still usable afterwards.
        self.assertEqual(len(eng.host_functions()), 5)

    def test_self_tests_use_stand_ins(self):
        eng, ins = engine(self.host)
        self.addCleanup(eng.close)
        report = ins.run_tests()
        self.assertEqual((report["passed"], report["failed"]), (1, 0))
        self.assertEqual(self.host.calls, [])

    def test_keyboard_interrupt_is_raised_after_the_call(self):
        def interrupt(subject, programme):
            raise KeyboardInterrupt

        eng, ins = engine(self.host, completed_elsewhere=interrupt)
        self.addCleanup(eng.close)
        with self.assertRaises(KeyboardInterrupt):
            ins.score(self.doc)
        # The lock was released: the engine answers at once.
        self.assertEqual(len(eng.host_functions()), 5)

    def test_functions_outlive_a_closed_engine(self):
        eng, ins = engine(self.host)
        eng.close()
        del eng
        gc.collect()
        self.assertEqual(scores(ins.score(self.doc))["days"], 15)
        ins.close()

    def test_no_reference_cycle_keeps_an_engine(self):
        # Without the cycle collector, the engine's state goes as soon as
        # the last object loaded through it does.
        import weakref
        gc.disable()
        try:
            eng, ins = engine(self.host)
            ins.score(self.doc)
            core = weakref.ref(eng._core)
            del eng
            self.assertIsNotNone(core())
            del ins
            self.assertIsNone(core())
        finally:
            gc.enable()

    def test_engine_errors_come_after_host_errors(self):
        # A failed host call leaves nothing behind for the next call.
        calls = []

        def flaky(subject, programme):
            calls.append(1)
            if len(calls) == 1:
                raise ValueError("first call fails")
            return False

        eng, ins = engine(self.host, completed_elsewhere=flaky)
        self.addCleanup(eng.close)
        with self.assertRaises(vep.HostError):
            ins.score(self.doc)
        self.assertEqual(scores(ins.score(self.doc))["completed"], 0)
        with self.assertRaises(vep.AssessmentError) as cm:
            ins.score("{}")
        self.assertIsNone(cm.exception.__cause__)

    def test_cause_is_only_the_failing_function(self):
        # `completed` catches the failure of completed_elsewhere with
        # pcall; the call then fails on `note`, which is not registered.
        source = support.read_bytes(HOST).replace(
            b'return host.completed_elsewhere("P-1", a.code("P") or "none")'
            b' and 1 or 0',
            b'return pcall(host.completed_elsewhere, "P-1", "x") and 1 or 0')
        self.assertIn(b"pcall(host.completed_elsewhere", source)

        def boom(subject, programme):
            raise KeyError("caught by the script")

        with vep.Engine() as eng:
            for name in ("completed_elsewhere", "days_since"):
                eng.register_host_function(name, SIGNATURES[name],
                                           boom if name != "days_since"
                                           else self.host.days_since)
            ins = eng.load_instrument_source("host.lua", source)
            with self.assertRaises(vep.HostError) as cm:
                ins.score(self.doc)
        err = cm.exception
        self.assertEqual(err.function, "note")
        self.assertEqual(err.diagnostics[0]["rule"], "host_missing")
        self.assertIsNone(err.__cause__)

    def test_garbage_inside_a_host_function_is_freed_after_it(self):
        # An object dropped while a host function runs, in this thread or
        # in another one, is freed only once the engine's call is over,
        # and the other thread does not wait for it.
        eng, ins = engine(self.host, days_since=self.drop_during_call)
        self.addCleanup(eng.close)
        self.core = eng._core
        self.dropped = [eng.load_instrument(support.MINI),
                        eng.load_plan(support.fixture("host-plan.lua"))]
        self.during = []
        self.assertEqual(scores(ins.score(self.doc))["days"], 7)
        self.assertEqual(self.during, [1, 2])
        self.assertEqual(self.core._deferred, [])
        # Both really were freed, each once (a second free would crash).
        self.assertEqual(scores(ins.score(self.doc))["days"], 7)

    def drop_during_call(self, subject, offset):
        """days_since for the test above: at its first call, drops one
        object here and one in another thread, noting how many frees
        wait."""
        import threading
        if not self.dropped:
            return 2 + offset
        del self.dropped[0]
        self.during.append(len(self.core._deferred))
        t = threading.Thread(target=self.dropped.clear)
        t.start()
        t.join(10)
        self.assertFalse(t.is_alive())
        self.during.append(len(self.core._deferred))
        return 2 + offset


class PlanHostTest(unittest.TestCase):
    """Plan rules that test a host function declaratively."""

    def setUp(self):
        self.eng = vep.Engine()
        self.addCleanup(self.eng.close)
        self.asked = []
        self.done = {"P-2"}
        self.eng.register_host_function(
            "completed_elsewhere", "bool (string subject, string programme)",
            self.completed_elsewhere)
        self.ins = self.eng.load_instrument(support.MINI)
        self.plan = self.eng.load_plan(support.fixture("host-plan.lua"))
        self.context = {"as_of": "2024-02-01"}

    def completed_elsewhere(self, subject, programme):
        self.asked.append((subject, programme))
        return subject in self.done

    def interventions(self, subject):
        doc = support.mini_assessment()
        doc["subject"]["id"] = subject
        plan = self.plan.evaluate(self.ins.score_json(doc), self.context)
        return [i["id"] for i in plan["interventions"]], plan

    def test_rule_asks_the_host(self):
        ids, plan = self.interventions("P-1")
        self.assertEqual(ids, ["TALK"])
        self.assertEqual(self.asked, [("P-1", "TALK")])
        self.assertEqual(plan["host_calls"],
                         [{"function": "completed_elsewhere", "by": "rule:R1",
                           "args": ["P-1", "TALK"], "result": False}])
        ids, _ = self.interventions("P-2")
        self.assertEqual(ids, [])
        self.assertEqual(self.asked[-1], ("P-2", "TALK"))

    def test_assess_asks_the_host(self):
        doc = support.mini_assessment()
        doc["subject"]["id"] = "P-2"
        both = self.eng.assess(self.ins, self.plan, doc, self.context)
        self.assertEqual(both["plan"]["interventions"], [])
        self.assertEqual(self.asked, [("P-2", "TALK")])

    def test_plan_tests_use_stand_ins(self):
        report = self.plan.run_tests()
        self.assertEqual((report["passed"], report["failed"]), (2, 0))
        self.assertEqual(self.asked, [])

    def test_failure_in_a_plan_rule(self):
        def broken(subject, programme):
            raise ConnectionError("records service unreachable")

        with vep.Engine() as eng:
            eng.register_host_function(
                "completed_elsewhere",
                "bool (string subject, string programme)", broken)
            ins = eng.load_instrument(support.MINI)
            plan = eng.load_plan(support.fixture("host-plan.lua"))
            result = ins.score_json(support.mini_assessment())
            with self.assertRaises(vep.HostError) as cm:
                plan.evaluate(result, self.context)
            self.assertEqual(cm.exception.function, "completed_elsewhere")
            self.assertIsInstance(cm.exception.__cause__, ConnectionError)
            d = cm.exception.diagnostics[0]
            self.assertEqual((d["item"], d["rule"]), ("R1", "host_failed"))
            self.assertIn("host function 'completed_elsewhere' failed: "
                          "ConnectionError: records service unreachable",
                          d["message"])


if __name__ == "__main__":
    unittest.main()
