package org.libvep;

import com.sun.jna.Pointer;
import java.util.Map;
import org.libvep.LibVep.SizeT;

/**
 * A loaded and checked instrument: validates and scores assessments,
 * describes itself, gives its JSON Schema, runs its own test cases and
 * lints itself.  Methods ending in Json give the exact bytes libvep wrote;
 * the others parse them into maps (members in document order), lists,
 * strings, Long, Double, Boolean and null.  Used under its engine's lock.
 */
public final class Instrument extends CheckedScript {
    /** Takes ownership of the loaded instrument {@code ptr}. */
    Instrument(Core core, Pointer ptr) {
        super(core, ptr, "instrument", core.lib::vep_instrument_free, core.lib::vep_instrument_id,
              core.lib::vep_instrument_version, core.lib::vep_instrument_sha256,
              core.lib::vep_instrument_run_tests, core.lib::vep_instrument_lint,
              core.lib::vep_instrument_describe);
    }

    /** Validates and scores the assessment; the result document, parsed. */
    public Map<String, Object> score(String assessment) {
        return Json.parseObject(scoreJson(Core.bytes(assessment)));
    }

    /** The result document of the assessment, as the exact bytes libvep wrote. */
    public byte[] scoreJson(String assessment) {
        return scoreJson(Core.bytes(assessment));
    }

    /** The result document of the assessment given as UTF-8 bytes. */
    public byte[] scoreJson(byte[] assessment) {
        return callOnDocument(core.lib::vep_score, assessment);
    }

    /** Validates without scoring; a VepAssessmentException lists every problem. */
    public void validate(String assessment) {
        validate(Core.bytes(assessment));
    }

    /** Validates the assessment given as UTF-8 bytes. */
    public void validate(byte[] assessment) {
        core.locked(() -> {
            core.check(core.lib.vep_validate(handle(), Core.buffer(assessment),
                                             new SizeT(assessment.length)));
            return null;
        });
    }

    /** The JSON Schema (draft 2020-12) of the assessments it accepts. */
    public Map<String, Object> schema() {
        return Json.parseObject(schemaJson());
    }

    /** The JSON Schema, as the exact bytes libvep wrote. */
    public byte[] schemaJson() {
        return callOut(core.lib::vep_instrument_schema);
    }
}
