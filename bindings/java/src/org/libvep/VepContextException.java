package org.libvep;

/**
 * The case context given to a plan is invalid; the diagnostics carry JSON
 * paths (status context).
 */
public class VepContextException extends VepException {
    private static final long serialVersionUID = 1L;

    VepContextException(Details d) {
        super(d);
    }
}
