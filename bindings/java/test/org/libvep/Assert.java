package org.libvep;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Assertions that throw AssertionError, for the binding's tests. */
final class Assert {
    /** Thrown by skip(): the runner counts the test as skipped. */
    static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip(String why) {
            super(why);
        }
    }

    /** Code that is expected to throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private Assert() {
    }

    static void skip(String why) {
        throw new Skip(why);
    }

    static void check(boolean cond, String what) {
        if (!cond)
            throw new AssertionError(what);
    }

    static void eq(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual))
            throw new AssertionError(what + ": expected <" + expected + ">, got <" + actual + ">");
    }

    static void contains(String haystack, String needle, String what) {
        if (haystack == null || !haystack.contains(needle))
            throw new AssertionError(what + ": <" + haystack + "> does not contain <" + needle
                                     + ">");
    }

    /** Runs {@code body}; it must throw a {@code type}, which is returned. */
    static <T extends Throwable> T raises(Class<T> type, Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t))
                return type.cast(t);
            throw new AssertionError("expected " + type.getName() + ", got " + t, t);
        }
        throw new AssertionError("expected " + type.getName() + ", nothing was thrown");
    }

    /** The member path {@code keys} of nested maps and lists (list keys are indexes). */
    static Object at(Object doc, Object... keys) {
        Object o = doc;
        for (Object k : keys) {
            if (k instanceof Integer && o instanceof List)
                o = ((List<?>) o).get((Integer) k);
            else if (o instanceof Map)
                o = ((Map<?, ?>) o).get(k);
            else
                throw new AssertionError("no member " + k + " in " + o);
        }
        return o;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The vectors' comparison: equal, or the file is the bytes and one "\n". */
    static boolean sameDocument(byte[] got, byte[] file) {
        if (Arrays.equals(got, file))
            return true;
        return file.length == got.length + 1 && file[got.length] == '\n'
            && Arrays.equals(got, 0, got.length, file, 0, got.length);
    }
}
