package org.libvep;

/** An index or a size is out of range (status range); an argument error. */
public class VepRangeException extends VepArgumentException {
    private static final long serialVersionUID = 1L;

    VepRangeException(Details d) {
        super(d);
    }
}
