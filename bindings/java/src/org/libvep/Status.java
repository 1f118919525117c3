package org.libvep;

/** The status codes of vep.h (vep_status); the numbers are part of the ABI. */
public final class Status {
    public static final int OK = 0;
    public static final int ARGUMENT = 1;
    public static final int NOMEM = 2;
    public static final int IO = 3;
    public static final int SCRIPT = 4;
    public static final int DEFINITION = 5;
    public static final int ASSESSMENT = 6;
    public static final int LIMIT_MEMORY = 7;
    public static final int LIMIT_INSTRUCTIONS = 8;
    public static final int LIMIT_TIME = 9;
    public static final int RANGE = 10;
    public static final int INTERNAL = 11;
    public static final int CONTEXT = 12;
    public static final int HOST = 13;

    private Status() {
    }
}
