package org.libvep;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What an Engine and every object loaded through it share: the library,
 * the C engine, the lock every call takes, and the host callbacks (kept
 * here so that they live as long as anything that can call them: the C
 * engine outlives Engine.close() while instruments live).  Also the
 * conversions between Java strings and C's UTF-8, and the turning of a
 * failed status into its exception.
 */
final class Core {
    final LibVep lib;
    final ReentrantLock lock = new ReentrantLock();
    final List<Object> callbacks = new ArrayList<>();
    final Pointer engine;
    volatile boolean engineClosed;

    /** The exception a host function threw during the current call. */
    Throwable pendingHostError;

    /** The name of the host function that threw {@link #pendingHostError}. */
    String pendingHostFunction;

    Core(LibVep lib, Pointer engine) {
        this.lib = lib;
        this.engine = engine;
    }

    /**
     * Runs {@code body} holding the engine's lock.  A call from inside a
     * host function (this thread holds the lock already) is refused: the
     * C engine is in the middle of a call and must not be entered, nor
     * the instrument or plan it is running freed.
     */
    <T> T locked(Supplier<T> body) {
        if (lock.isHeldByCurrentThread())
            throw new IllegalStateException("a host function may not call into the engine"
                                            + " that is calling it");
        lock.lock();
        try {
            pendingHostError = null;
            pendingHostFunction = null;
            return body.get();
        } finally {
            pendingHostError = null;
            pendingHostFunction = null;
            lock.unlock();
        }
    }

    /** A borrowed C string, copied at once (null stays null). */
    static String utf8(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }

    /** The UTF-8 bytes of {@code s}, for functions that take a length. */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code s} as a NUL-terminated UTF-8 C string (null stays null).  A
     * NUL inside would cut the string short in C, so it is refused.
     */
    static byte[] cstr(String s, String what) {
        if (s == null)
            return null;
        if (s.indexOf('\0') >= 0)
            throw argument(what + " contains a NUL character");
        byte[] b = bytes(s);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    /** {@code s} as a NUL-terminated UTF-8 string in native memory, or null. */
    static Memory memory(String s, String what) {
        byte[] z = cstr(s, what);
        if (z == null)
            return null;
        Memory m = new Memory(z.length);
        m.write(0, z, 0, z.length);
        return m;
    }

    /** A byte array JNA can pass for a buffer (never a zero-length array). */
    static byte[] buffer(byte[] b) {
        return b.length == 0 ? new byte[1] : b;
    }

    /** The bytes of a string the library handed over, then vep_free()d. */
    byte[] take(PointerByReference out) {
        Pointer p = out.getValue();
        if (p == null)
            return null;
        try {
            long n = p.indexOf(0, (byte) 0);
            return p.getByteArray(0, (int) n);
        } finally {
            lib.vep_free(p);
        }
    }

    /** A size_t out-parameter's storage. */
    static Memory sizeOut() {
        Memory m = new Memory(Native.SIZE_T_SIZE);
        m.clear();
        return m;
    }

    /** The value a size_t out-parameter received. */
    static long sizeValue(Memory m) {
        return Native.SIZE_T_SIZE == 8 ? m.getLong(0) : m.getInt(0) & 0xffffffffL;
    }

    /** Throws the exception of {@code status} unless it is VEP_OK. */
    void check(int status) {
        if (status != Status.OK)
            throw failure(status);
    }

    /**
     * The exception of a failed call: status, name, the engine's message
     * and diagnostics (vep_diag_json, kept as bytes and parsed), and the
     * host function's own exception as the cause when the library says
     * that this function failed (not an earlier failure the script caught
     * with pcall).
     */
    VepException failure(int status) {
        String message = utf8(lib.vep_engine_errmsg(engine));
        if (message == null || message.isEmpty())
            message = utf8(lib.vep_strerror(status));
        String name = utf8(lib.vep_status_name(status));
        byte[] json = null;
        List<Diagnostic> diags = new ArrayList<>();
        int notShown = 0;
        PointerByReference out = new PointerByReference();
        if (lib.vep_diag_json(out, engine) == Status.OK) {
            json = take(out);
            notShown = readDiagnostics(json, diags);
        }
        VepException e = VepException.of(new VepException.Details(status, name, message,
                                                                   diags, notShown, json));
        if (status == Status.HOST && pendingHostError != null
            && failedWith(pendingHostFunction, message, diags))
            e.initCause(pendingHostError);
        return e;
    }

    /** Whether the message or a diagnostic says "host function 'NAME' failed: ". */
    private static boolean failedWith(String function, String message, List<Diagnostic> diags) {
        String words = "host function '" + function + "' failed: ";
        if (message != null && message.contains(words))
            return true;
        for (Diagnostic d : diags)
            if (d.message().contains(words))
                return true;
        return false;
    }

    /** Fills {@code into} from a vep_diag_json document; returns "not_shown". */
    static int readDiagnostics(byte[] json, List<Diagnostic> into) {
        Map<String, Object> doc = Json.parseObject(json);
        Object errors = doc.get("errors");
        if (errors instanceof List) {
            for (Object o : (List<?>) errors) {
                if (!(o instanceof Map))
                    continue;
                Map<?, ?> m = (Map<?, ?>) o;
                Object line = m.get("line");
                into.add(new Diagnostic(text(m.get("file")),
                                        line instanceof Number ? ((Number) line).intValue() : 0,
                                        text(m.get("path")), text(m.get("item")),
                                        text(m.get("rule")), text(m.get("message"))));
            }
        }
        Object ns = doc.get("not_shown");
        return ns instanceof Number ? ((Number) ns).intValue() : 0;
    }

    private static String text(Object o) {
        return o instanceof String ? (String) o : "";
    }

    /** An argument error the binding finds before calling the library. */
    static VepArgumentException argument(String message) {
        return new VepArgumentException(new VepException.Details(Status.ARGUMENT, "argument",
                                                                 message, List.of(), 0, null));
    }
}
