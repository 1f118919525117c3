package org.libvep;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An instrument or a plan: a loaded and checked script that also runs its
 * own test cases, lints itself and describes itself.  Each subclass passes
 * the C functions of its kind (vep_KIND_run_tests, _lint, _describe) beside
 * those {@link ScriptHandle} takes.
 */
abstract class CheckedScript extends ScriptHandle {
    /** A C call that describes the script in a language (vep_KIND_describe). */
    interface DescribeCall {
        int call(PointerByReference out, Pointer handle, byte[] lang);
    }

    private final CountCall runTests;
    private final CountCall lint;
    private final DescribeCall describe;

    /** As {@link ScriptHandle}'s, with the test, lint and describe calls. */
    CheckedScript(Core core, Pointer ptr, String kind, Consumer<Pointer> free,
                  UnaryOperator<Pointer> id, UnaryOperator<Pointer> version,
                  UnaryOperator<Pointer> sha256, CountCall runTests, CountCall lint,
                  DescribeCall describe) {
        super(core, ptr, kind, free, id, version, sha256);
        this.runTests = runTests;
        this.lint = lint;
        this.describe = describe;
    }

    /**
     * Runs the script's own test cases: {"instrument" (or "plan"),
     * "version", "cases", "passed", "failed"}, and for a plan "never_held":
     * the rules no case made hold.  Failing cases are in the report, not
     * thrown.
     */
    public Map<String, Object> runTests() {
        return Json.parseObject(runTestsJson());
    }

    /** The test report, as the exact bytes libvep wrote. */
    public byte[] runTestsJson() {
        return callOutCount(runTests);
    }

    /** Likely mistakes in the script: {"script", "version", "findings": [...]}. */
    public Map<String, Object> lint() {
        return Json.parseObject(lintJson());
    }

    /** The lint document, as the exact bytes libvep wrote. */
    public byte[] lintJson() {
        return callOutCount(lint);
    }

    /** The description in the script's first language. */
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
        return callOut((out, h) -> describe.call(out, h, l));
    }
}
