package org.libvep;

/**
 * The caller passed a bad value: a malformed language tag, an unknown
 * agency, a bad host-function signature, a NUL in a string (status
 * argument; VepRangeException for status range).
 */
public class VepArgumentException extends VepException {
    private static final long serialVersionUID = 1L;

    VepArgumentException(Details d) {
        super(d);
    }
}
