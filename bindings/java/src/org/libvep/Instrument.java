package org.libvep;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;
import org.libvep.LibVep.SizeT;

/**
 * A loaded and checked instrument: validates and scores assessments,
 * describes itself, gives its JSON Schema, runs its own test cases and
 * lints itself.  Methods ending in Json give the exact bytes libvep wrote;
 * the others parse them into maps (members in document order), lists,
 * strings, Long, Double, Boolean and null.  Used under its engine's lock.
 */
public final class Instrument implements AutoCloseable {
    final Core core;
    private volatile Pointer ptr;
    private final String id;
    private final String version;
    private final String sha256;

    Instrument(Core core, Pointer ptr) {
        this.core = core;
        this.ptr = ptr;
        this.id = Core.utf8(core.lib.vep_instrument_id(ptr));
        this.version = Core.utf8(core.lib.vep_instrument_version(ptr));
        this.sha256 = Core.utf8(core.lib.vep_instrument_sha256(ptr));
    }

    /** The C handle; refuses a closed instrument.  Called under the lock. */
    Pointer handle() {
        if (ptr == null)
            throw new IllegalStateException("the instrument is closed");
        return ptr;
    }

    /** The instrument's id. */
    public String id() {
        return id;
    }

    /** The instrument's semantic version. */
    public String version() {
        return version;
    }

    /** The SHA-256 (lower-case hex) of its script sources. */
    public String sha256() {
        return sha256;
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
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_score(out, handle(), Core.buffer(assessment),
                                          new SizeT(assessment.length)));
            return core.take(out);
        });
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

    /** The description in the instrument's first language. */
    public Map<String, Object> describe() {
        return describe(null);
    }

    /** The description with texts in {@code lang} (a BCP 47 tag; null: the first). */
    public Map<String, Object> describe(String lang) {
        return Json.parseObject(describeJson(lang));
    }

    /** The description, as the exact bytes libvep wrote. */
    public byte[] describeJson(String lang) {
        byte[] l = Core.cstr(lang, "lang");
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_instrument_describe(out, handle(), l));
            return core.take(out);
        });
    }

    /** The JSON Schema (draft 2020-12) of the assessments it accepts. */
    public Map<String, Object> schema() {
        return Json.parseObject(schemaJson());
    }

    /** The JSON Schema, as the exact bytes libvep wrote. */
    public byte[] schemaJson() {
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_instrument_schema(out, handle()));
            return core.take(out);
        });
    }

    /**
     * Runs the script's own test cases: {"instrument", "version", "cases",
     * "passed", "failed"}.  Failing cases are in the report, not thrown.
     */
    public Map<String, Object> runTests() {
        return Json.parseObject(runTestsJson());
    }

    /** The test report, as the exact bytes libvep wrote. */
    public byte[] runTestsJson() {
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            Memory failed = Core.sizeOut();
            core.check(core.lib.vep_instrument_run_tests(out, failed, handle()));
            return core.take(out);
        });
    }

    /** Likely mistakes in the script: {"script", "version", "findings": [...]}. */
    public Map<String, Object> lint() {
        return Json.parseObject(lintJson());
    }

    /** The lint document, as the exact bytes libvep wrote. */
    public byte[] lintJson() {
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            Memory count = Core.sizeOut();
            core.check(core.lib.vep_instrument_lint(out, count, handle()));
            return core.take(out);
        });
    }

    /** Frees the instrument; closing again does nothing. */
    @Override
    public void close() {
        core.locked(() -> {
            if (ptr != null) {
                core.lib.vep_instrument_free(ptr);
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
        return "Instrument[" + id + " " + version + "]";
    }
}
