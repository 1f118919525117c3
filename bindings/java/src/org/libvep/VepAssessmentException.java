package org.libvep;

/**
 * The assessment (or the result given to a plan) is invalid; the
 * diagnostics carry JSON paths and item ids (status assessment).
 */
public class VepAssessmentException extends VepException {
    private static final long serialVersionUID = 1L;

    VepAssessmentException(Details d) {
        super(d);
    }
}
