package org.libvep;

/**
 * One problem a failed call found (an entry of vep_diag_json's "errors"):
 * the script file and line, or the JSON path in the assessment, the item
 * (or score, level, flag) id, the rule name and a sentence for the user.
 * A field that does not apply is "" (strings) or 0 (line).
 */
public record Diagnostic(String file, int line, String path, String item, String rule,
                         String message) {
}
