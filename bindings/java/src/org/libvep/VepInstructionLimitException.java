package org.libvep;

/** A script exceeded the engine's instruction budget (status instruction_limit). */
public class VepInstructionLimitException extends VepLimitException {
    private static final long serialVersionUID = 1L;

    VepInstructionLimitException(Details d) {
        super(d);
    }
}
