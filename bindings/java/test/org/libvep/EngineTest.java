package org.libvep;

import static org.libvep.Assert.*;

import java.nio.file.Path;
import java.util.Map;

/** Engines: versions and the library, limits, closing, the order of frees. */
public class EngineTest {
    void testVersion() {
        String v = Vep.version();
        check(v.matches("0\\.\\d+\\.\\d+.*"), "version string " + v);
        int n = Vep.versionNumber();
        eq(0, n / 10000, "major of " + n);
        String[] parts = v.split("[.-]");
        eq(Integer.parseInt(parts[1]) * 100 + Integer.parseInt(parts[2]), n, "number matches string");
        eq("instruction_limit", Vep.statusName(Status.LIMIT_INSTRUCTIONS), "status name");
        eq("host", Vep.statusName(Status.HOST), "host status name");
        eq("instruction limit exceeded", Vep.strerror(Status.LIMIT_INSTRUCTIONS), "strerror");
    }

    void testVersionCheckRefusesOtherMajor() {
        Vep.checkMajor(102, "0.1.2", "x");   // accepted
        VepLibraryException e = raises(VepLibraryException.class,
                                       () -> Vep.checkMajor(10000, "1.0.0", "/some/libvep.so.0"));
        contains(e.getMessage(), "version 1.0.0 (major 1)", "names the version");
        contains(e.getMessage(), "written for major version 0", "names the expected major");
        contains(e.getMessage(), "/some/libvep.so.0", "names the file");
        raises(VepLibraryException.class, () -> Vep.checkMajor(-1, "?", "x"));
    }

    void testVersionCheckOnALibrary() {
        String fake = System.getProperty("vep.test.fake");
        if (fake == null)
            skip("no fake library (vep.test.fake) was built");
        VepLibraryException e = raises(VepLibraryException.class,
                                       () -> Engine.builder().library(Path.of(fake)).build());
        contains(e.getMessage(), "is version 1.0.0 (major 1)", "fake library's version");
        contains(e.getMessage(), fake, "names the file");
        // Asked again: still refused, never cached as usable.
        raises(VepLibraryException.class, () -> Vep.version(Path.of(fake)));
    }

    void testLibraryNotFoundOrNotLibvep() {
        VepLibraryException e = raises(VepLibraryException.class,
                                       () -> Engine.builder().library(Path.of("/nonexistent/libvep.so.0")).build());
        contains(e.getMessage(), "/nonexistent/libvep.so.0", "names the path");
        String libm = null;
        for (String p : new String[] {"/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6",
                                      "/lib64/libm.so.6", "/lib/aarch64-linux-gnu/libm.so.6"})
            if (new java.io.File(p).exists())
                libm = p;
        if (libm != null) {
            String l = libm;
            e = raises(VepLibraryException.class, () -> Engine.builder().library(Path.of(l)).build());
            contains(e.getMessage(), "is not libvep", "libm is not libvep");
        }
    }

    void testExplicitLibraryPath() {
        String env = System.getenv("VEP_LIBRARY");
        if (env == null)
            skip("VEP_LIBRARY is not set");
        try (Engine e = Engine.builder().library(Path.of(env)).build();
             Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            eq("jt", ins.id(), "loaded through the explicit path");
            eq(Vep.version(), Vep.version(Path.of(env)), "same library");
        }
    }

    void testCloseTwiceAndUseAfterClose() {
        Engine e = new Engine();
        Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT);
        Plan plan = e.loadPlan(Fixtures.repo(Fixtures.SCREEN_PLAN));
        Migration mig = e.loadMigration(Fixtures.repo("examples/migration/vep-screen-1-to-2.lua"));
        ins.close();
        ins.close();
        plan.close();
        plan.close();
        mig.close();
        mig.close();
        check(ins.isClosed() && plan.isClosed() && mig.isClosed(), "closed");
        IllegalStateException x = raises(IllegalStateException.class, () -> ins.score(Fixtures.jtOk()));
        contains(x.getMessage(), "instrument is closed", "instrument closed message");
        raises(IllegalStateException.class, () -> plan.evaluate("{}", "{}"));
        raises(IllegalStateException.class, () -> mig.migrate("{}"));
        eq("jt", ins.id(), "id stays readable");
        e.close();
        e.close();
        check(e.isClosed(), "engine closed");
        x = raises(IllegalStateException.class, () -> e.loadInstrumentSource("jt.lua", Fixtures.JT));
        contains(x.getMessage(), "engine is closed", "engine closed message");
        raises(IllegalStateException.class, () -> e.hostFunctions());
        raises(IllegalStateException.class, () -> e.registerHostFunction("f", "bool ()", a -> true));
    }

    void testEngineFreedBeforeItsObjects() {
        Engine e = new Engine();
        Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT);
        Plan plan = e.loadPlan(Fixtures.repo(Fixtures.SCREEN_PLAN));
        Instrument screen = e.loadInstrument(Fixtures.repo(Fixtures.SCREEN));
        e.close();
        // The objects work on; their errors still come with diagnostics.
        eq(1L, at(ins.score(Fixtures.jtOk()), "scores", 0, "value"), "scores after engine close");
        VepAssessmentException a = raises(VepAssessmentException.class,
                                          () -> ins.validate(Fixtures.jtDoc("\"A\": 3")));
        check(!a.diagnostics().isEmpty(), "diagnostics after engine close");
        ins.close();
        byte[] result = screen.scoreJson(Fixtures.read(Fixtures.SCREEN_POSITIVE));
        Map<String, Object> p = plan.evaluate(Assert.utf8(result), Fixtures.read(Fixtures.SCREEN_CONTEXT));
        eq("vep-plan-screen", at(p, "plan", "id"), "plan after engine close");
        plan.close();
        screen.close();
        screen.close();
    }

    void testLimitsArguments() {
        raises(IllegalArgumentException.class, () -> Engine.builder().memoryLimit(-1));
        raises(IllegalArgumentException.class, () -> Engine.builder().instructionLimit(-1));
        raises(IllegalArgumentException.class, () -> Engine.builder().timeLimitMs(-1));
        raises(IllegalArgumentException.class, () -> Engine.builder().timeLimitMs(1L << 32));
        VepArgumentException e = raises(VepArgumentException.class,
                                        () -> Engine.builder().memoryLimit(1000).build());
        eq(Status.ARGUMENT, e.status(), "status");
        contains(e.getMessage(), "262144", "says the minimum");
        try (Engine ok = Engine.builder().memoryLimit(256 * 1024 * 8).instructionLimit(5_000_000)
                             .timeLimitMs(4000).build()) {
            check(!ok.isClosed(), "explicit limits accepted");
        }
        try (Engine tight = new Engine(0, 200_000, 0)) {
            raises(VepInstructionLimitException.class,
                   () -> tight.loadInstrumentSource("loop.lua", "while true do end\n"));
        }
        raises(VepArgumentException.class, () -> new Engine(1000, 0, 0));
    }

    void testInstructionLimit() {
        try (Engine e = Engine.builder().instructionLimit(200_000).build()) {
            VepInstructionLimitException x = raises(VepInstructionLimitException.class,
                () -> e.loadInstrumentSource("loop.lua", "local n = 0\nwhile true do n = n + 1 end\n"));
            eq(Status.LIMIT_INSTRUCTIONS, x.status(), "status");
            eq("instruction_limit", x.statusName(), "name");
            check(x instanceof VepLimitException, "a limit exception");
            // At scoring time, in a function rule; the engine scores on after it.
            String src = Fixtures.JT + "score \"spin\" { rule = \"function\", uses = { \"A\" },\n"
                + "  fn = function(a) if a.code(\"A\") == \"present\" then while true do end end return 0 end }\n";
            try (Instrument ins = e.loadInstrumentSource("spin.lua", src)) {
                raises(VepInstructionLimitException.class, () -> ins.score(Fixtures.jtOk()));
                Map<String, Object> r = ins.score(Fixtures.jtDoc(
                    "\"A\": { \"value\": \"absent\" }, \"B\": { \"value\": \"absent\" }"));
                eq(0L, at(r, "scores", 0, "value"), "scores on after the limit");
            }
        }
    }

    void testMemoryLimit() {
        try (Engine e = Engine.builder().memoryLimit(2 * 1024 * 1024).instructionLimit(1_000_000_000L)
                             .timeLimitMs(20000).build()) {
            VepMemoryLimitException x = raises(VepMemoryLimitException.class,
                () -> e.loadInstrumentSource("big.lua", "local t = {}\nfor i = 1, 1e8 do t[i] = i end\n"));
            eq("memory_limit", x.statusName(), "name");
            check(x instanceof VepLimitException, "a limit exception");
        }
    }

    void testTimeLimit() {
        try (Engine e = Engine.builder().timeLimitMs(100).instructionLimit(Long.MAX_VALUE).build()) {
            long t0 = System.nanoTime();
            VepTimeLimitException x = raises(VepTimeLimitException.class,
                () -> e.loadInstrumentSource("slow.lua", "while true do end\n"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            eq("time_limit", x.statusName(), "name");
            check(ms < 5000, "stopped after " + ms + " ms");
        }
    }

    void testDefaultLocation() {
        String env = System.getenv("VEP_LIBRARY");
        if (env != null && !env.isEmpty())
            eq(env, Vep.defaultLocation(), "VEP_LIBRARY comes first");
        else
            eq("libvep.so.0", Vep.defaultLocation(), "else the system loader's libvep.so.0");
        eq(0, Vep.versionNumber() / 10000, "loaded from " + Vep.defaultLocation());
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            eq(1L, at(ins.score(Fixtures.jtOk()), "scores", 0, "value"), "scores");
        }
    }

    void testThreadsShareOneEngineSafely() throws Exception {
        try (Engine e = new Engine(); Instrument ins = e.loadInstrumentSource("jt.lua", Fixtures.JT)) {
            byte[] want = ins.scoreJson(Fixtures.jtOk());
            String bad = Fixtures.jtDoc("\"A\": { \"value\": \"maybe\" }");
            java.util.List<Throwable> problems = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                boolean failing = t % 2 == 1;
                threads[t] = new Thread(() -> {
                    try {
                        for (int i = 0; i < 100; i++) {
                            if (failing) {
                                VepAssessmentException x = raises(VepAssessmentException.class,
                                                                  () -> ins.score(bad));
                                eq("not_in_scale", x.diagnostics().get(0).rule(), "own diagnostics");
                            } else {
                                check(java.util.Arrays.equals(want, ins.scoreJson(Fixtures.jtOk())),
                                      "same bytes");
                            }
                        }
                    } catch (Throwable x) {
                        problems.add(x);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads)
                t.join();
            eq(java.util.List.of(), problems, "no thread saw another's call");
        }
    }
}
