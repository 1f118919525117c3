package org.libvep;

/** The allocator refused memory (status out_of_memory). */
public class VepNoMemoryException extends VepException {
    private static final long serialVersionUID = 1L;

    VepNoMemoryException(Details d) {
        super(d);
    }
}
