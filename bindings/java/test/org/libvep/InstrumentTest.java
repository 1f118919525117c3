package org.libvep;

import static org.libvep.Assert.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Every public method of Instrument and Migration. */
public class InstrumentTest {
    void testIdentity() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            eq("jt", ins.id(), "id");
            eq("1.0.0", ins.version(), "version");
            check(ins.sha256().matches("[0-9a-f]{64}"), "sha256 " + ins.sha256());
            eq("Instrument[jt 1.0.0]", ins.toString(), "toString");
            try (Instrument again = e.loadInstrumentSource("other-name.lua", Fixtures.JT)) {
                eq(ins.sha256(), again.sha256(), "hash of the same source");
            }
        }
    }

    void testScoreAndScoreJson() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            Map<String, Object> r = ins.score(Fixtures.jtOk());
            eq("jt", at(r, "instrument", "id"), "instrument id");
            eq("total", at(r, "scores", 0, "id"), "score id");
            eq(1L, at(r, "scores", 0, "value"), "score value");
            eq("high", at(r, "levels", 0, "level"), "level");
            eq("P-1", at(r, "assessment", "subject"), "subject");
            byte[] a = ins.scoreJson(Fixtures.jtOk());
            byte[] b = ins.scoreJson(Fixtures.jtOk().getBytes(StandardCharsets.UTF_8));
            check(java.util.Arrays.equals(a, b), "String and byte[] give the same bytes");
            check(a[0] == '{' && a[a.length - 1] == '}', "a JSON object");
            eq(r, Json.parse(a), "score is scoreJson parsed");
        }
    }

    void testUtf8Input() {
        // A subject id outside Latin-1 must reach C as UTF-8, whatever the JVM's encoding.
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            String doc = Fixtures.jtOk().replace("\"P-1\"", "\"П-1 š 😀\"");
            Map<String, Object> r = ins.score(doc);
            eq("П-1 š 😀", at(r, "assessment", "subject"), "subject round trip");
            String raw = utf8(ins.scoreJson(doc));
            contains(raw, "\"subject\": \"П-1 š 😀\"", "raw bytes are UTF-8");
            // Names and language tags are C strings: UTF-8 too.
            VepException x = raises(VepException.class,
                () -> e.loadInstrumentSource("инструмент.lua", Fixtures.JT + "item \"C\" {}\n"));
            contains(x.getMessage(), "инструмент.lua", "script name in the message");
            eq("инструмент.lua", x.diagnostics().get(0).file(), "script name in the diagnostic");
        }
    }

    void testNonAsciiPath() throws Exception {
        if (System.getProperty("vep.test.latin1") != null)
            eq(java.nio.charset.StandardCharsets.ISO_8859_1, java.nio.charset.Charset.defaultCharset(),
               "the run sets a Latin-1 default charset");
        java.nio.file.Path dir;
        try {
            dir = java.nio.file.Files.createTempDirectory("vep-ćирилица-");
        } catch (java.nio.file.InvalidPathException x) {
            skip("the file system encoding cannot name the directory: " + x.getMessage());
            return;
        }
        java.nio.file.Path script = dir.resolve("jt-č.lua");
        try {
            java.nio.file.Files.writeString(script, Fixtures.JT);
            try (Engine e = new Engine(); Instrument ins = e.loadInstrument(script)) {
                eq("jt", ins.id(), "loaded from a non-ASCII path");
                eq("jt-č.lua", at(ins.score(Fixtures.jtOk()), "instrument", "sources", 0, "file"),
                   "the file name in the result");
            }
            try (Engine e = new Engine()) {
                VepIoException x = raises(VepIoException.class, () -> e.loadInstrument(dir.resolve("нет.lua")));
                contains(x.getMessage(), "нет.lua", "the missing file's name in the message");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(script);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    void testValidate() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            ins.validate(Fixtures.jtOk());
            ins.validate(Fixtures.jtOk().getBytes(StandardCharsets.UTF_8));
            VepAssessmentException x = raises(VepAssessmentException.class,
                () -> ins.validate(Fixtures.jtDoc("\"A\": { \"value\": \"maybe\" }")));
            eq(Status.ASSESSMENT, x.status(), "status");
        }
    }

    void testDescribe() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            Map<String, Object> d = ins.describe();
            eq("jt", d.get("id"), "id");
            eq("Java test", d.get("title"), "title in the first language");
            eq(List.of("en", "sr-Latn"), d.get("languages"), "languages");
            eq("A?", at(d, "items", 0, "text"), "item text");
            Map<String, Object> sr = ins.describe("sr-Latn");
            eq("Java proba", sr.get("title"), "title in sr-Latn");
            eq("A (sr)?", at(sr, "items", 0, "text"), "item text in sr-Latn");
            eq("sr-Latn", at(sr, "language", "requested"), "language report");
            eq(d, Json.parse(ins.describeJson(null)), "describe is describeJson parsed");
        }
    }

    void testSchema() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            Map<String, Object> s = ins.schema();
            eq("https://json-schema.org/draft/2020-12/schema", s.get("$schema"), "draft");
            check(at(s, "properties", "answers", "properties") instanceof Map, "answers' items");
            check(((Map<?, ?>) at(s, "properties", "answers", "properties")).containsKey("A"), "item A");
            check(java.util.Arrays.equals(ins.schemaJson(), ins.schemaJson()), "same bytes");
        }
    }

    void testRunTests() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            Map<String, Object> rep = ins.runTests();
            eq("jt", rep.get("instrument"), "instrument");
            eq(1L, rep.get("passed"), "passed");
            eq(1L, rep.get("failed"), "failed");
            eq("one present", at(rep, "cases", 0, "name"), "first case");
            eq(Boolean.TRUE, at(rep, "cases", 0, "passed"), "first passes");
            eq(Boolean.FALSE, at(rep, "cases", 1, "passed"), "second fails");
            eq(rep, Json.parse(ins.runTestsJson()), "runTests is runTestsJson parsed");
        }
        try (Engine e = new Engine(); Instrument ins = e.loadInstrument(Fixtures.repo(Fixtures.SCREEN))) {
            Map<String, Object> rep = ins.runTests();
            eq(0L, rep.get("failed"), "the bundled screen's cases pass");
            check((Long) rep.get("passed") > 5, "and there are some");
        }
    }

    void testLint() {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            Map<String, Object> l = ins.lint();
            eq("jt", l.get("script"), "script");
            eq("no_guidance", at(l, "findings", 0, "rule"), "rule");
            eq("note", at(l, "findings", 0, "severity"), "severity");
            eq(2, ((List<?>) at(l, "findings", 0, "places")).size(), "both items listed");
            eq(l, Json.parse(ins.lintJson()), "lint is lintJson parsed");
        }
    }

    void testMigration() {
        try (Engine e = new Engine();
             Migration m = e.loadMigration(Fixtures.repo("examples/migration/vep-screen-1-to-2.lua"));
             Instrument v2 = e.loadInstrument(Fixtures.repo("examples/migration/vep-screen-2/vep-screen.lua"))) {
            check(m.id() != null && !m.id().isEmpty(), "id");
            check(m.version().matches("\\d+\\.\\d+\\.\\d+"), "version " + m.version());
            check(m.sha256().matches("[0-9a-f]{64}"), "sha256");
            String old = Fixtures.read(Fixtures.SCREEN_POSITIVE);
            Map<String, Object> doc = m.migrate(old);
            eq(v2.version(), at(doc, "instrument", "version"), "targets version 2");
            eq(m.id(), at(doc, "migrations", 0, "id"), "records the migration");
            byte[] bytes = m.migrateJson(old);
            eq(doc, Json.parse(bytes), "migrate is migrateJson parsed");
            Map<String, Object> r = v2.score(utf8(bytes));
            eq(m.id(), at(r, "instrument", "migrations", 0, "id"), "the result shows the migration");
            // An assessment of another instrument is refused with its path.
            VepAssessmentException x = raises(VepAssessmentException.class,
                                              () -> m.migrate(Fixtures.jtOk()));
            check(x.diagnostics().stream().anyMatch(d -> d.path().startsWith("$.instrument")),
                  "a path under $.instrument: " + x.diagnostics());
        }
        try (Engine e = new Engine();
             Migration m = e.loadMigrationSource("mig.lua",
                                                 Fixtures.read("examples/migration/vep-screen-1-to-2.lua"))) {
            check(!m.id().isEmpty(), "loaded from memory");
            eq("Migration[" + m.id() + " " + m.version() + "]", m.toString(), "toString");
        }
    }
}
