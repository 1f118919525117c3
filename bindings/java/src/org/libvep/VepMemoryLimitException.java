package org.libvep;

/** A script exceeded the engine's memory limit (status memory_limit). */
public class VepMemoryLimitException extends VepLimitException {
    private static final long serialVersionUID = 1L;

    VepMemoryLimitException(Details d) {
        super(d);
    }
}
