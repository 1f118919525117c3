package org.libvep;

/** A script exceeded the engine's wall-clock time limit (status time_limit). */
public class VepTimeLimitException extends VepLimitException {
    private static final long serialVersionUID = 1L;

    VepTimeLimitException(Details d) {
        super(d);
    }
}
