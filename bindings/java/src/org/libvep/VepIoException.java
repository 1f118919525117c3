package org.libvep;

/** A file could not be read (status io). */
public class VepIoException extends VepException {
    private static final long serialVersionUID = 1L;

    VepIoException(Details d) {
        super(d);
    }
}
