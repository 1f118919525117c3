package org.libvep;

import java.util.List;

/**
 * A call into libvep failed.  Carries the status code, its machine name
 * (vep_status_name, e.g. "instruction_limit"), the engine's message
 * (vep_engine_errmsg) as the exception message, every diagnostic of the
 * call, and the bytes of vep_diag_json as the library wrote them.  Each
 * status family has its own subclass; {@link #of} picks it.  Unchecked,
 * so that it can leave lambdas and try-with-resources blocks.
 */
public class VepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What every exception of this family carries. */
    record Details(int status, String statusName, String message,
                   List<Diagnostic> diagnostics, int notShown, byte[] diagnosticsJson) {
    }

    private final int status;
    private final String statusName;
    private final transient List<Diagnostic> diagnostics;
    private final int notShown;
    private final byte[] diagnosticsJson;

    VepException(Details d) {
        super(d.message());
        this.status = d.status();
        this.statusName = d.statusName();
        this.diagnostics = d.diagnostics() == null ? List.of() : List.copyOf(d.diagnostics());
        this.notShown = d.notShown();
        this.diagnosticsJson = d.diagnosticsJson() == null ? new byte[0]
                                                            : d.diagnosticsJson().clone();
    }

    /** The vep_status code (see {@link Status}). */
    public int status() {
        return status;
    }

    /** The stable machine name of the status, e.g. "assessment". */
    public String statusName() {
        return statusName;
    }

    /** Every problem the call found, in the library's order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** How many more problems were found than the library lists (over 1000). */
    public int notShown() {
        return notShown;
    }

    /**
     * The error document exactly as vep_diag_json wrote it
     * ({"status", "message", "errors": [...]}); empty for an error the
     * binding found before calling the library.
     */
    public byte[] diagnosticsJson() {
        return diagnosticsJson.clone();
    }

    @Override
    public String toString() {
        return getClass().getName() + ": [" + statusName + "] " + getMessage();
    }

    /** The exception of the status family of {@code d.status()}. */
    static VepException of(Details d) {
        switch (d.status()) {
        case Status.ARGUMENT:
            return new VepArgumentException(d);
        case Status.RANGE:
            return new VepRangeException(d);
        case Status.NOMEM:
            return new VepNoMemoryException(d);
        case Status.IO:
            return new VepIoException(d);
        case Status.SCRIPT:
            return new VepScriptException(d);
        case Status.DEFINITION:
            return new VepDefinitionException(d);
        case Status.ASSESSMENT:
            return new VepAssessmentException(d);
        case Status.LIMIT_MEMORY:
            return new VepMemoryLimitException(d);
        case Status.LIMIT_INSTRUCTIONS:
            return new VepInstructionLimitException(d);
        case Status.LIMIT_TIME:
            return new VepTimeLimitException(d);
        case Status.CONTEXT:
            return new VepContextException(d);
        case Status.HOST:
            return new VepHostException(d);
        case Status.INTERNAL:
        default:
            return new VepInternalException(d);
        }
    }
}
