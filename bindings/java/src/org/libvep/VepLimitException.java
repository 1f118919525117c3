package org.libvep;

/** A script exceeded one of the engine's limits; the subclasses say which. */
public abstract class VepLimitException extends VepException {
    private static final long serialVersionUID = 1L;

    VepLimitException(Details d) {
        super(d);
    }
}
