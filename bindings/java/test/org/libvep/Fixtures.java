package org.libvep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scripts, documents and paths the tests share. */
final class Fixtures {
    private Fixtures() {
    }

    /** A two-item instrument with a sum, a level and two test cases (one failing). */
    static final String JT = """
        instrument { id = "jt", version = "1.0.0", languages = { "en", "sr-Latn" },
                     title = { en = "Java test", ["sr-Latn"] = "Java proba" } }
        item "A" { type = "presence", text = { en = "A?", ["sr-Latn"] = "A (sr)?" } }
        item "B" { type = "presence", text = { en = "B?", ["sr-Latn"] = "B (sr)?" } }
        score "total" { rule = "sum", items = { "A", "B" } }
        level "band" { of = "total", bands = {
          { level = "low", min = 0, max = 0 }, { level = "high", min = 1, max = 2 } } }
        test "one present" { answers = { A = "present", B = "absent" },
                             expect = { scores = { total = 1 }, levels = { band = "high" } } }
        test "wrong on purpose" { answers = { A = "absent", B = "absent" },
                                  expect = { scores = { total = 2 } } }
        """;

    /** An assessment of "jt" with the given answers (JSON members). */
    static String jtDoc(String answers) {
        return "{ \"instrument\": { \"id\": \"jt\", \"version\": \"1.0.0\" },"
            + " \"subject\": { \"id\": \"P-1\" }, \"assessor\": { \"id\": \"A-1\", \"role\": \"r\" },"
            + " \"date\": \"2026-01-01\", \"answers\": { " + answers + " } }";
    }

    /** A valid "jt" assessment with A present, B absent (total 1, band high). */
    static String jtOk() {
        return jtDoc("\"A\": { \"value\": \"present\" }, \"B\": { \"value\": \"absent\" }");
    }

    static Path repo(String relative) {
        return TestRunner.repo.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(repo(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(repo(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String SCREEN = "instruments/screening/vep-screen.lua";
    static final String SCREEN_PLAN = "instruments/plans/vep-plan-screen.lua";
    static final String SCREEN_POSITIVE = "examples/assessments/screen-positive.json";
    static final String SCREEN_CONTEXT = "examples/cases/screen-positive.context.json";
}
