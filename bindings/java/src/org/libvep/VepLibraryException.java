package org.libvep;

/**
 * libvep cannot be used: the library cannot be loaded, is not libvep, or
 * has a major version this binding was not written for.  Not a status of
 * the C library, so not a VepException.
 */
public class VepLibraryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message} and the underlying {@code cause}. */
    public VepLibraryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception with {@code message}. */
    public VepLibraryException(String message) {
        super(message);
    }
}
