package org.libvep;

/**
 * A script failed to run: a syntax error, a runtime error or a forbidden
 * access; the diagnostics carry file and line (status script).
 */
public class VepScriptException extends VepException {
    private static final long serialVersionUID = 1L;

    VepScriptException(Details d) {
        super(d);
    }
}
