package org.libvep;

import static org.libvep.Assert.*;

import java.util.List;
import java.util.Map;

/** Every public method of Plan, and Engine.assess. */
public class PlanTest {
    void testIdentityAndLoadForms() {
        try (Engine e = new Engine(); Plan p = e.loadPlan(Fixtures.repo(Fixtures.SCREEN_PLAN))) {
            eq("vep-plan-screen", p.id(), "id");
            check(p.version().matches("\\d+\\.\\d+\\.\\d+"), "version");
            check(p.sha256().matches("[0-9a-f]{64}"), "sha256");
            eq("vep-screen", p.instrument(), "instrument");
            eq("Plan[vep-plan-screen " + p.version() + "]", p.toString(), "toString");
        }
        String src = Fixtures.read(Fixtures.SCREEN_PLAN).replaceAll("(?m)^require.*$", "");
        try (Engine e = new Engine(); Plan p = e.loadPlanSource("plan.lua", src)) {
            eq("vep-plan-screen", p.id(), "from memory");
        }
    }

    void testEvaluate() {
        try (Engine e = new Engine();
             Instrument ins = e.loadInstrument(Fixtures.repo(Fixtures.SCREEN));
             Plan p = e.loadPlan(Fixtures.repo(Fixtures.SCREEN_PLAN))) {
            byte[] result = ins.scoreJson(Fixtures.read(Fixtures.SCREEN_POSITIVE));
            String ctx = Fixtures.read(Fixtures.SCREEN_CONTEXT);
            Map<String, Object> plan = p.evaluate(utf8(result), ctx);
            eq("vep-plan-screen", at(plan, "plan", "id"), "plan id");
            eq("P-0001", plan.get("subject"), "subject");
            eq("en", at(plan, "language", "requested"), "default language");
            byte[] bytes = p.evaluateJson(result, Fixtures.bytes(Fixtures.SCREEN_CONTEXT), null, null);
            eq(plan, Json.parse(bytes), "evaluate is evaluateJson parsed");
            check(java.util.Arrays.equals(bytes, p.evaluateJson(utf8(result), ctx, null, null)),
                  "String and byte[] forms agree");
            Map<String, Object> sr = p.evaluate(utf8(result), ctx, null, "sr-Latn");
            eq("sr-Latn", at(sr, "language", "requested"), "language option");
            Map<String, Object> view = p.evaluate(utf8(result), ctx, "rna_team", null);
            check(!view.equals(plan), "an agency's view differs from the whole plan");
            VepArgumentException x = raises(VepArgumentException.class,
                () -> p.evaluate(utf8(result), ctx, "no_such_agency", null));
            contains(x.getMessage(), "no_such_agency", "names the agency");
        }
    }

    void testAssess() {
        try (Engine e = new Engine();
             Instrument ins = e.loadInstrument(Fixtures.repo(Fixtures.SCREEN));
             Plan p = e.loadPlan(Fixtures.repo(Fixtures.SCREEN_PLAN))) {
            String doc = Fixtures.read(Fixtures.SCREEN_POSITIVE);
            String ctx = Fixtures.read(Fixtures.SCREEN_CONTEXT);
            Map<String, Object> both = e.assess(ins, p, doc, ctx);
            eq(List.of("result", "plan"), List.copyOf(both.keySet()), "result and plan");
            eq(ins.score(doc), both.get("result"), "the result is vep_score's");
            Map<String, Object> view = e.assess(ins, p, doc, ctx, "treatment", null);
            eq(List.of("plan"), List.copyOf(view.keySet()), "a view carries no result");
            byte[] raw = e.assessJson(ins, p, doc.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                      ctx.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
            eq(both, Json.parse(raw), "assess is assessJson parsed");
            check(java.util.Arrays.equals(raw, e.assessJson(ins, p, doc, ctx, null, null)), "forms agree");
            try (Engine other = new Engine(); Instrument foreign = other.loadInstrument(Fixtures.repo(Fixtures.SCREEN))) {
                VepArgumentException x = raises(VepArgumentException.class,
                                                () -> e.assess(foreign, p, doc, ctx));
                contains(x.getMessage(), "from this engine", "objects of another engine");
            }
        }
    }

    void testRunTestsLintDescribe() {
        try (Engine e = new Engine(); Plan p = e.loadPlan(Fixtures.repo(Fixtures.SCREEN_PLAN))) {
            Map<String, Object> rep = p.runTests();
            eq("vep-plan-screen", rep.get("plan"), "plan");
            eq(0L, rep.get("failed"), "failed");
            check((Long) rep.get("passed") >= 1, "passed");
            check(rep.get("never_held") instanceof List, "never_held");
            eq(rep, Json.parse(p.runTestsJson()), "runTests is runTestsJson parsed");
            Map<String, Object> l = p.lint();
            eq("vep-plan-screen", l.get("script"), "lint script");
            eq(List.of(), l.get("findings"), "no findings");
            eq(l, Json.parse(p.lintJson()), "lint is lintJson parsed");
            Map<String, Object> d = p.describe();
            eq("vep-plan-screen", d.get("id"), "describe id");
            eq("treatment", at(d, "agencies", 0, "id"), "first agency");
            Map<String, Object> sr = p.describe("sr-Latn");
            check(sr.get("title") instanceof String && !sr.get("title").equals(d.get("title")),
                  "title in sr-Latn: " + sr.get("title") + " / " + d.get("title"));
            eq(d, Json.parse(p.describeJson(null)), "describe is describeJson parsed");
        }
    }
}
