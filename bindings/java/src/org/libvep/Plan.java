package org.libvep;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Map;
import org.libvep.LibVep.SizeT;

/**
 * A loaded and checked treatment-plan script: evaluates a result document
 * and a case context into a plan (whole, or one agency's need-to-know
 * view), runs its own test cases, lints and describes itself.  Methods
 * ending in Json give the exact bytes libvep wrote.  Used under its
 * engine's lock.
 */
public final class Plan extends CheckedScript {
    private final String instrument;

    /** Takes ownership of the loaded plan {@code ptr}. */
    Plan(Core core, Pointer ptr) {
        super(core, ptr, "plan", core.lib::vep_plan_free, core.lib::vep_plan_id,
              core.lib::vep_plan_version, core.lib::vep_plan_sha256, core.lib::vep_plan_run_tests,
              core.lib::vep_plan_lint, core.lib::vep_plan_describe);
        this.instrument = Core.utf8(core.lib.vep_plan_instrument(ptr));
    }

    /** vep_plan_options in binding memory; the strings must outlive the call. */
    static LibVep.PlanOptions options(Memory agency, Memory language) {
        LibVep.PlanOptions o = new LibVep.PlanOptions();
        o.version = LibVep.PLAN_OPTIONS_VERSION;
        o.agency = agency;
        o.language = language;
        return o;
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
        return callOut((out, h) -> core.lib.vep_plan_evaluate(out, h, Core.buffer(result),
                                                              new SizeT(result.length),
                                                              Core.buffer(context),
                                                              new SizeT(context.length),
                                                              options(ag, lang)));
    }
}
