package org.libvep;

import static org.libvep.Assert.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conformance vectors (tests/vectors/README.md) through the binding:
 * every vector of the manifest, with its host functions registered as
 * Java functions, steps migrate, score, plan and assess, each output
 * compared byte for byte with its file.
 */
public class VectorTest {
    private static final Set<String> MEMBERS = Set.of("name", "instrument", "assessment",
        "migration", "plan", "context", "agency", "language", "host", "expect");
    private static final Set<String> EXPECT = Set.of("status", "migrated", "result", "plan",
        "assess", "errors");

    /** A step failed with a status; carries the exception for "errors". */
    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final VepException error;

        StepFailed(VepException error) {
            this.error = error;
        }
    }

    @SuppressWarnings("unchecked")
    void testEveryVector() {
        Map<String, Object> manifest = Json.parseObject(Fixtures.bytes("tests/vectors/manifest.json"));
        eq(1L, manifest.get("format"), "manifest format");
        List<Object> vectors = (List<Object>) manifest.get("vectors");
        check(vectors.size() >= 14, "vectors: " + vectors.size());
        List<String> problems = new ArrayList<>();
        int compared = 0, expected = 0;
        for (Object o : vectors) {
            Map<String, Object> v = (Map<String, Object>) o;
            String name = (String) v.get("name");
            expected += ((Map<String, Object>) v.get("expect")).size() - 1;
            List<String> mine = new ArrayList<>();
            compared += run(v, mine);
            for (String p : mine)
                problems.add(name + ": " + p);
        }
        for (String p : problems)
            System.out.println("        " + p);
        check(problems.isEmpty(), problems.size() + " vector problems");
        eq(expected, compared, "documents compared");
        System.out.println("        " + vectors.size() + " vectors, " + compared + " documents byte-identical");
    }

    /** Runs one vector; returns the number of documents compared. */
    @SuppressWarnings("unchecked")
    private int run(Map<String, Object> v, List<String> problems) {
        for (String k : v.keySet())
            if (!MEMBERS.contains(k))
                problems.add("unknown member " + k);
        Map<String, Object> expect = (Map<String, Object>) v.get("expect");
        for (String k : expect.keySet())
            if (!EXPECT.contains(k))
                problems.add("unknown expect member " + k);
        if (!problems.isEmpty())
            return 0;
        int[] compared = {0};
        String status = "ok";
        VepException failure = null;
        // Default limits but a longer time limit, as the C test allows.
        try (Engine e = Engine.builder().timeLimitMs(20000).build()) {
            try {
                steps(e, v, expect, problems, compared);
            } catch (StepFailed f) {
                failure = f.error;
                status = f.error.statusName();
            }
        }
        if (!status.equals(expect.get("status")))
            problems.add("status " + status + ", expected " + expect.get("status")
                         + (failure != null ? " (" + failure.getMessage() + ")" : ""));
        if (failure != null) {
            compare("errors", failure.diagnosticsJson(), expect, problems, compared);
        } else if (expect.containsKey("errors")) {
            problems.add("expected errors but nothing failed");
        }
        return compared[0];
    }

    /**
     * Registers the host functions of the vector's "host" file: each
     * answers its "returns" whatever the arguments (an integral number as
     * a Long when the function returns int64; nothing for a void one).
     */
    @SuppressWarnings("unchecked")
    private static void registerHosts(Engine e, String file) {
        Map<String, Object> hosts = Json.parseObject(Fixtures.bytes(file));
        for (Map.Entry<String, Object> h : hosts.entrySet()) {
            Map<String, Object> f = (Map<String, Object>) h.getValue();
            String signature = (String) f.get("signature");
            Object r = f.get("returns");
            if (r instanceof Double && HostSignature.parse(signature).returns.equals("int64")
                && (Double) r == Math.rint((Double) r))
                r = ((Double) r).longValue();
            Object answer = r;
            e.registerHostFunction(h.getKey(), signature, args -> answer);
        }
    }

    private void steps(Engine e, Map<String, Object> v, Map<String, Object> expect,
                       List<String> problems, int[] compared) throws StepFailed {
        byte[] assessment = Fixtures.bytes((String) v.get("assessment"));
        if (v.containsKey("host"))
            registerHosts(e, (String) v.get("host"));
        try {
            if (v.containsKey("migration")) {
                try (Migration m = e.loadMigration(Fixtures.repo((String) v.get("migration")))) {
                    assessment = m.migrateJson(assessment);
                }
                compare("migrated", assessment, expect, problems, compared);
            }
            try (Instrument ins = e.loadInstrument(Fixtures.repo((String) v.get("instrument")))) {
                byte[] result = ins.scoreJson(assessment);
                compare("result", result, expect, problems, compared);
                if (!v.containsKey("plan"))
                    return;
                byte[] context = Fixtures.bytes((String) v.get("context"));
                String agency = (String) v.get("agency");
                String language = (String) v.get("language");
                try (Plan p = e.loadPlan(Fixtures.repo((String) v.get("plan")))) {
                    compare("plan", p.evaluateJson(result, context, agency, language), expect,
                            problems, compared);
                    compare("assess", e.assessJson(ins, p, assessment, context, agency, language),
                            expect, problems, compared);
                }
            }
        } catch (VepException x) {
            throw new StepFailed(x);
        }
    }

    private static void compare(String what, byte[] got, Map<String, Object> expect,
                                List<String> problems, int[] compared) {
        String file = (String) expect.get(what);
        if (file == null)
            return;
        compared[0]++;
        byte[] want = Fixtures.bytes(file);
        if (!sameDocument(got, want))
            problems.add(what + ": " + got.length + " bytes differ from " + file + " (" + want.length
                         + " bytes)");
    }
}
