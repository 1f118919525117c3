package org.libvep;

/** A bug in libvep, or a status this binding does not know (status internal). */
public class VepInternalException extends VepException {
    private static final long serialVersionUID = 1L;

    VepInternalException(Details d) {
        super(d);
    }
}
