package org.libvep;

/**
 * A script loaded but breaks a rule of the definition: an unknown
 * reference, a duplicate id, a cycle (status definition).
 */
public class VepDefinitionException extends VepException {
    private static final long serialVersionUID = 1L;

    VepDefinitionException(Details d) {
        super(d);
    }
}
