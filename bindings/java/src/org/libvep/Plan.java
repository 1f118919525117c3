package org.libvep;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;
import org.libvep.LibVep.SizeT;

/**
 * A loaded and checked treatment-plan script: evaluates a result document
 * and a case context into a plan (whole, or one agency's need-to-know
 * view), runs its own test cases, lints and describes itself.  Methods
 * ending in Json give the exact bytes libvep wrote.  Used under its
 * engine's lock.
 */
public final class Plan implements AutoCloseable {
    final Core core;
    private volatile Pointer ptr;
    private final String id;
    private final String version;
    private final String sha256;
    private final String instrument;

    Plan(Core core, Pointer ptr) {
        this.core = core;
        this.ptr = ptr;
        this.id = Core.utf8(core.lib.vep_plan_id(ptr));
        this.version = Core.utf8(core.lib.vep_plan_version(ptr));
        this.sha256 = Core.utf8(core.lib.vep_plan_sha256(ptr));
        this.instrument = Core.utf8(core.lib.vep_plan_instrument(ptr));
    }

    /** The C handle; refuses a closed plan.  Called under the lock. */
    Pointer handle() {
        if (ptr == null)
            throw new IllegalStateException("the plan is closed");
        return ptr;
    }

    /** vep_plan_options in binding memory; the strings must outlive the call. */
    static LibVep.PlanOptions options(Memory agency, Memory language) {
        LibVep.PlanOptions o = new LibVep.PlanOptions();
        o.version = LibVep.PLAN_OPTIONS_VERSION;
        o.agency = agency;
        o.language = language;
        return o;
    }

    /** The plan's id. */
    public String id() {
        return id;
    }

    /** The plan's semantic version. */
    public String version() {
        return version;
    }

    /** The SHA-256 of its script sources. */
    public String sha256() {
        return sha256;
    }

    /** The id of the instrument whose results it takes. */
    public String instrument() {
        return instrument;
    }

    /**
     * The plan for a result document (as Instrument.scoreJson gives it)
     * and a case context; {@code agency} (null: the whole plan) asks for
     * that agency's view, {@code language} (null: the plan's first) the
     * language of titles.
     */
    public Map<String, Object> evaluate(String result, String context, String agency,
                                        String language) {
        return Json.parseObject(evaluateJson(Core.bytes(result), Core.bytes(context), agency,
                                             language));
    }

    /** The whole plan in the plan's first language. */
    public Map<String, Object> evaluate(String result, String context) {
        return evaluate(result, context, null, null);
    }

    /** {@link #evaluate}, as the exact bytes libvep wrote. */
    public byte[] evaluateJson(String result, String context, String agency, String language) {
        return evaluateJson(Core.bytes(result), Core.bytes(context), agency, language);
    }

    /** {@link #evaluate} on documents given as bytes, as the exact bytes written. */
    public byte[] evaluateJson(byte[] result, byte[] context, String agency, String language) {
        Memory ag = Core.memory(agency, "agency");
        Memory lang = Core.memory(language, "language");
        return core.locked(() -> {
            LibVep.PlanOptions opts = options(ag, lang);
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_plan_evaluate(out, handle(), Core.buffer(result),
                                                  new SizeT(result.length), Core.buffer(context),
                                                  new SizeT(context.length), opts));
            return core.take(out);
        });
    }

    /** Runs the plan's own test cases (with "never_held": rules no case made hold). */
    public Map<String, Object> runTests() {
        return Json.parseObject(runTestsJson());
    }

    /** The test report, as the exact bytes libvep wrote. */
    public byte[] runTestsJson() {
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            Memory failed = Core.sizeOut();
            core.check(core.lib.vep_plan_run_tests(out, failed, handle()));
            return core.take(out);
        });
    }

    /** Likely mistakes in the plan script. */
    public Map<String, Object> lint() {
        return Json.parseObject(lintJson());
    }

    /** The lint document, as the exact bytes libvep wrote. */
    public byte[] lintJson() {
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            Memory count = Core.sizeOut();
            core.check(core.lib.vep_plan_lint(out, count, handle()));
            return core.take(out);
        });
    }

    /** The plan script described in its first language. */
    public Map<String, Object> describe() {
        return describe(null);
    }

    /** The plan script described with texts in {@code lang} (null: the first). */
    public Map<String, Object> describe(String lang) {
        return Json.parseObject(describeJson(lang));
    }

    /** The description, as the exact bytes libvep wrote. */
    public byte[] describeJson(String lang) {
        byte[] l = Core.cstr(lang, "lang");
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_plan_describe(out, handle(), l));
            return core.take(out);
        });
    }

    /** Frees the plan; closing again does nothing. */
    @Override
    public void close() {
        core.locked(() -> {
            if (ptr != null) {
                core.lib.vep_plan_free(ptr);
                ptr = null;
            }
            return null;
        });
    }

    /** Whether close() was called. */
    public boolean isClosed() {
        return ptr == null;
    }

    @Override
    public String toString() {
        return "Plan[" + id + " " + version + "]";
    }
}
