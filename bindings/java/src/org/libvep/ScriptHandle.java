package org.libvep;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.libvep.LibVep.SizeT;

/**
 * What an instrument, a plan and a migration have in common: the C handle
 * of a loaded script, owned until close(), its id, version and SHA-256
 * (copied at load), and the calls that write a document through the
 * handle under the engine's lock.  Each subclass passes the C functions of
 * its own kind (vep_KIND_free, _id, _version, _sha256).
 */
abstract class ScriptHandle implements AutoCloseable {
    /** A C call that writes a document to {@code out} from the handle. */
    interface OutCall {
        int call(PointerByReference out, Pointer handle);
    }

    /** A C call that also counts something ({@code count}, a size_t). */
    interface CountCall {
        int call(PointerByReference out, Pointer count, Pointer handle);
    }

    /** A C call that reads a JSON document of {@code length} bytes. */
    interface DocumentCall {
        int call(PointerByReference out, Pointer handle, byte[] json, SizeT length);
    }

    final Core core;
    private volatile Pointer ptr;
    private final String kind;
    private final Consumer<Pointer> free;
    private final String id;
    private final String version;
    private final String sha256;

    /**
     * Takes ownership of {@code ptr}, a loaded script of {@code kind}
     * ("instrument", "plan", "migration": used in messages), freed with
     * {@code free}; the id, version and SHA-256 are copied now.
     */
    ScriptHandle(Core core, Pointer ptr, String kind, Consumer<Pointer> free,
                 UnaryOperator<Pointer> id, UnaryOperator<Pointer> version,
                 UnaryOperator<Pointer> sha256) {
        this.core = core;
        this.ptr = ptr;
        this.kind = kind;
        this.free = free;
        this.id = Core.utf8(id.apply(ptr));
        this.version = Core.utf8(version.apply(ptr));
        this.sha256 = Core.utf8(sha256.apply(ptr));
    }

    /** The C handle; refuses a closed script.  Called under the lock. */
    Pointer handle() {
        if (ptr == null)
            throw new IllegalStateException("the " + kind + " is closed");
        return ptr;
    }

    /** The bytes {@code fn} wrote, called with the handle under the lock. */
    byte[] callOut(OutCall fn) {
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            core.check(fn.call(out, handle()));
            return core.take(out);
        });
    }

    /** As {@link #callOut} for a call with a count out-parameter too. */
    byte[] callOutCount(CountCall fn) {
        return callOut((out, h) -> fn.call(out, Core.sizeOut(), h));
    }

    /** As {@link #callOut} for a call that reads {@code json} (UTF-8 bytes). */
    byte[] callOnDocument(DocumentCall fn, byte[] json) {
        return callOut((out, h) -> fn.call(out, h, Core.buffer(json), new SizeT(json.length)));
    }

    /** The id of the instrument, plan or migration. */
    public String id() {
        return id;
    }

    /** The semantic version of the instrument, plan or migration. */
    public String version() {
        return version;
    }

    /** The SHA-256 (lower-case hex) of its script sources. */
    public String sha256() {
        return sha256;
    }

    /** Frees the instrument, plan or migration; closing again does nothing. */
    @Override
    public void close() {
        core.locked(() -> {
            if (ptr != null) {
                free.accept(ptr);
                ptr = null;
            }
            return null;
        });
    }

    /** Whether close() was called. */
    public boolean isClosed() {
        return ptr == null;
    }

    /** The class name, id and version, as in "Instrument[vep-screen 1.0.0]". */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + " " + version + "]";
    }
}
