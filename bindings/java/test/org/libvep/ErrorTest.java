package org.libvep;

import static org.libvep.Assert.*;

import java.nio.file.Path;
import java.util.List;

/** Each exception family from a real failing call, with its diagnostics. */
public class ErrorTest {
    void testScriptError() {
        try (Engine e = new Engine()) {
            String src = "instrument { id = \"bad\", version = \"1.0.0\", languages = { \"en\" }, title = \"T\" }\n"
                + "\n"
                + "item \"A\" { type = \"presence\", text = \"A?\" \n";   // unclosed brace
            VepScriptException x = raises(VepScriptException.class, () -> e.loadInstrumentSource("bad.lua", src));
            eq(Status.SCRIPT, x.status(), "status");
            eq("script", x.statusName(), "name");
            check(!x.diagnostics().isEmpty(), "diagnostics");
            Diagnostic d = x.diagnostics().get(0);
            eq("bad.lua", d.file(), "file");
            check(d.line() >= 3, "line " + d.line());
            contains(x.getMessage(), "bad.lua", "message names the file");
            String json = utf8(x.diagnosticsJson());
            check(json.startsWith("{") && json.contains("\"status\": \"script\""), "raw document: " + json);
            // A forbidden access names its line too.
            VepScriptException y = raises(VepScriptException.class,
                () -> e.loadInstrumentSource("os.lua", "local x = 1\nos.exit(1)\n"));
            eq(2, y.diagnostics().get(0).line(), "line of os.exit");
        }
    }

    void testDefinitionError() {
        try (Engine e = new Engine()) {
            String src = Fixtures.JT.replace("items = { \"A\", \"B\" }", "items = { \"A\", \"NOPE\" }");
            VepDefinitionException x = raises(VepDefinitionException.class,
                                              () -> e.loadInstrumentSource("def.lua", src));
            eq("definition", x.statusName(), "name");
            check(x.diagnostics().stream().anyMatch(d -> d.message().contains("NOPE")
                                                        && d.file().equals("def.lua") && d.line() == 5),
                  "names NOPE at def.lua:5: " + x.diagnostics());
        }
    }

    void testAssessmentErrorWithPaths() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            String doc = Fixtures.jtDoc("\"A\": { \"value\": \"maybe\" }, \"B\": \"absent\", \"Z\": { \"value\": 1 }");
            VepAssessmentException x = raises(VepAssessmentException.class, () -> ins.score(doc));
            eq(Status.ASSESSMENT, x.status(), "status");
            List<Diagnostic> ds = x.diagnostics();
            eq(3, ds.size(), "every problem");
            check(ds.stream().anyMatch(d -> d.path().equals("$.answers.A.value") && d.item().equals("A")
                                           && d.rule().equals("not_in_scale")
                                           && d.message().contains("'maybe'")), "A's path: " + ds);
            check(ds.stream().anyMatch(d -> d.path().equals("$.answers.B") && d.rule().equals("wrong_type")),
                  "B's path and rule: " + ds);
            check(ds.stream().anyMatch(d -> d.path().equals("$.answers.Z") && d.rule().equals("unknown_item")),
                  "Z's path: " + ds);
            check(ds.stream().allMatch(d -> d.file().isEmpty() && d.line() == 0), "no file for assessments");
            eq(ds, validateDiagnostics(ins, doc), "validate reports the same");
            // Not JSON at all.
            VepAssessmentException y = raises(VepAssessmentException.class, () -> ins.score("{ not json"));
            check(!y.diagnostics().isEmpty(), "a syntax error is a diagnostic");
            raises(VepAssessmentException.class, () -> ins.score(""));
        }
    }

    private static List<Diagnostic> validateDiagnostics(Instrument ins, String doc) {
        return raises(VepAssessmentException.class, () -> ins.validate(doc)).diagnostics();
    }

    void testContextError() {
        try (Engine e = new Engine();
             Instrument ins = e.loadInstrument(Fixtures.repo(Fixtures.SCREEN));
             Plan p = e.loadPlan(Fixtures.repo(Fixtures.SCREEN_PLAN))) {
            byte[] result = ins.scoreJson(Fixtures.read(Fixtures.SCREEN_POSITIVE));
            VepContextException x = raises(VepContextException.class,
                () -> p.evaluate(utf8(result), "{ \"as_of\": \"2026-02-30\", \"age\": \"old\" }"));
            eq(Status.CONTEXT, x.status(), "status");
            eq("context", x.statusName(), "name");
            check(x.diagnostics().stream().anyMatch(d -> d.path().equals("$.as_of")), "as_of: " + x.diagnostics());
            check(x.diagnostics().stream().anyMatch(d -> d.path().equals("$.age")), "age: " + x.diagnostics());
            // An invalid result given to a plan is an assessment error.
            raises(VepAssessmentException.class,
                   () -> p.evaluate("{}", Fixtures.read(Fixtures.SCREEN_CONTEXT)));
        }
    }

    void testIoError() {
        try (Engine e = new Engine()) {
            VepIoException x = raises(VepIoException.class,
                                      () -> e.loadInstrument(Path.of("/nonexistent/dir/x.lua")));
            eq(Status.IO, x.status(), "status");
            eq("io", x.statusName(), "name");
            contains(x.getMessage(), "/nonexistent/dir/x.lua", "names the file");
            raises(VepIoException.class, () -> e.loadPlan(Path.of("/nonexistent/p.lua")));
            raises(VepIoException.class, () -> e.loadMigration(Path.of("/nonexistent/m.lua")));
        }
    }

    void testArgumentError() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            VepArgumentException x = raises(VepArgumentException.class, () -> ins.describe("not a tag!"));
            eq(Status.ARGUMENT, x.status(), "status");
            eq("argument", x.statusName(), "name");
            check(!x.getMessage().isEmpty(), "a message");
            // A NUL in a C string is refused by the binding before C sees it.
            VepArgumentException y = raises(VepArgumentException.class, () -> ins.describe("en\0x"));
            contains(y.getMessage(), "NUL", "NUL message");
            eq(0, y.diagnosticsJson().length, "no library document for a binding error");
        }
    }

    void testMappingOfEveryStatus() {
        Object[][] table = {
            {Status.ARGUMENT, VepArgumentException.class}, {Status.RANGE, VepRangeException.class},
            {Status.NOMEM, VepNoMemoryException.class}, {Status.IO, VepIoException.class},
            {Status.SCRIPT, VepScriptException.class}, {Status.DEFINITION, VepDefinitionException.class},
            {Status.ASSESSMENT, VepAssessmentException.class},
            {Status.LIMIT_MEMORY, VepMemoryLimitException.class},
            {Status.LIMIT_INSTRUCTIONS, VepInstructionLimitException.class},
            {Status.LIMIT_TIME, VepTimeLimitException.class}, {Status.INTERNAL, VepInternalException.class},
            {Status.CONTEXT, VepContextException.class}, {Status.HOST, VepHostException.class},
            {99, VepInternalException.class},
        };
        for (Object[] row : table) {
            int st = (Integer) row[0];
            VepException x = VepException.of(new VepException.Details(st, Vep.statusName(st), "m",
                                                                      List.of(), 0, null));
            eq(row[1], x.getClass(), "class of status " + st);
            eq(st, x.status(), "status kept");
        }
        eq("out_of_memory", Vep.statusName(Status.NOMEM), "nomem's name");
        check(VepException.of(new VepException.Details(Status.RANGE, "range", "m", List.of(), 0, null))
              instanceof VepArgumentException, "range is an argument error");
    }

    void testManyProblemsAndToString() {
        StringBuilder answers = new StringBuilder("\"A\": { \"value\": \"present\" }");
        for (int i = 0; i < 1100; i++)
            answers.append(", \"X").append(i).append("\": { \"value\": 1 }");
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            VepAssessmentException x = raises(VepAssessmentException.class,
                                              () -> ins.validate(Fixtures.jtDoc(answers.toString())));
            int shown = x.diagnostics().size();
            check(shown <= 1000, "at most 1000 shown: " + shown);
            check(x.notShown() > 0, "the rest counted: " + x.notShown());
            check(shown + x.notShown() >= 1100, "every problem counted: " + shown + " + " + x.notShown());
            contains(utf8(x.diagnosticsJson()), "\"not_shown\": " + x.notShown(), "as in the document");
            eq("org.libvep.VepAssessmentException: [assessment] " + x.getMessage(), x.toString(),
               "toString");
        }
    }
}
