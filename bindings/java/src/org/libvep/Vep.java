package org.libvep;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finding and checking the installed libvep, and its version.
 *
 * <p>The library is found by an explicit path (Engine.Builder.library),
 * else by the environment variable {@code VEP_LIBRARY} (a path to
 * libvep.so.0), else by the system loader's {@code libvep.so.0}.  Each
 * library is loaded once per process and its major version is checked
 * against {@link #BINDING_MAJOR} before anything else is called.
 */
public final class Vep {
    /** The major version of libvep this binding was written for. */
    public static final int BINDING_MAJOR = 0;

    /** The name the system loader is asked for when nothing else is given. */
    public static final String DEFAULT_LIBRARY = "libvep.so.0";

    private static final Map<String, LibVep> LOADED = new ConcurrentHashMap<>();

    private Vep() {
    }

    /** The version string of the default library, e.g. "0.1.0". */
    public static String version() {
        return versionString(library(null));
    }

    /** The version of the default library as MAJOR*10000 + MINOR*100 + PATCH. */
    public static int versionNumber() {
        return library(null).vep_version_number();
    }

    /** The version string of the library at {@code path}. */
    public static String version(Path path) {
        return versionString(library(path));
    }

    /** A short English name for a status code (vep_strerror). */
    public static String strerror(int status) {
        return Core.utf8(library(null).vep_strerror(status));
    }

    /** The stable machine name of a status code (vep_status_name). */
    public static String statusName(int status) {
        return Core.utf8(library(null).vep_status_name(status));
    }

    /** Where the library is looked for when no path is given. */
    static String defaultLocation() {
        String env = System.getenv("VEP_LIBRARY");
        return env != null && !env.isEmpty() ? env : DEFAULT_LIBRARY;
    }

    /**
     * The library at {@code path} (null: VEP_LIBRARY, else the system
     * loader's libvep.so.0), loaded and checked once.  A library that
     * cannot be loaded or has another major version is refused with a
     * VepLibraryException that says which file and which version.
     */
    static LibVep library(Path path) {
        String where = path != null ? path.toAbsolutePath().toString() : defaultLocation();
        LibVep lib = LOADED.get(where);
        if (lib != null)
            return lib;
        try {
            lib = Native.load(where, LibVep.class,
                              Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        } catch (UnsatisfiedLinkError e) {
            throw new VepLibraryException("libvep cannot be loaded from '" + where
                                          + "': " + e.getMessage(), e);
        }
        int number;
        String text;
        try {
            number = lib.vep_version_number();
            text = versionString(lib);
        } catch (UnsatisfiedLinkError e) {
            throw new VepLibraryException("'" + where + "' is not libvep: "
                                          + e.getMessage(), e);
        }
        checkMajor(number, text, where);
        LOADED.putIfAbsent(where, lib);
        return LOADED.get(where);
    }

    /**
     * Refuses a library whose major version (number / 10000) is not the
     * one this binding was written for: its functions could differ.
     */
    static void checkMajor(int number, String text, String where) {
        int major = number / 10000;
        if (number < 0 || major != BINDING_MAJOR)
            throw new VepLibraryException("libvep at '" + where + "' is version " + text
                                          + " (major " + major + "); this binding was"
                                          + " written for major version " + BINDING_MAJOR);
    }

    private static String versionString(LibVep lib) {
        Pointer p = lib.vep_version_string();
        return p == null ? "(none)" : Core.utf8(p);
    }
}
