package org.libvep;

/**
 * A host function failed, is missing, or was called with bad arguments;
 * the message names the function.  When the Java function threw, that
 * exception is the cause (status host).
 */
public class VepHostException extends VepException {
    private static final long serialVersionUID = 1L;

    VepHostException(Details d) {
        super(d);
    }
}
