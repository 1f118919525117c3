package org.libvep;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;
import org.libvep.LibVep.SizeT;

/**
 * A loaded migration script: rewrites an assessment recorded under one
 * major version of an instrument as the next version expects it, and
 * records itself in the document's "migrations".  Used under its engine's
 * lock.
 */
public final class Migration implements AutoCloseable {
    final Core core;
    private volatile Pointer ptr;
    private final String id;
    private final String version;
    private final String sha256;

    Migration(Core core, Pointer ptr) {
        this.core = core;
        this.ptr = ptr;
        this.id = Core.utf8(core.lib.vep_migration_id(ptr));
        this.version = Core.utf8(core.lib.vep_migration_version(ptr));
        this.sha256 = Core.utf8(core.lib.vep_migration_sha256(ptr));
    }

    private Pointer handle() {
        if (ptr == null)
            throw new IllegalStateException("the migration is closed");
        return ptr;
    }

    /** The migration's id. */
    public String id() {
        return id;
    }

    /** The migration's version. */
    public String version() {
        return version;
    }

    /** The SHA-256 of its script sources. */
    public String sha256() {
        return sha256;
    }

    /** The migrated assessment, parsed. */
    public Map<String, Object> migrate(String assessment) {
        return Json.parseObject(migrateJson(Core.bytes(assessment)));
    }

    /** The migrated assessment, as the exact bytes libvep wrote. */
    public byte[] migrateJson(String assessment) {
        return migrateJson(Core.bytes(assessment));
    }

    /** The migrated assessment of one given as UTF-8 bytes. */
    public byte[] migrateJson(byte[] assessment) {
        return core.locked(() -> {
            PointerByReference out = new PointerByReference();
            core.check(core.lib.vep_migrate(out, handle(), Core.buffer(assessment),
                                            new SizeT(assessment.length)));
            return core.take(out);
        });
    }

    /** Frees the migration; closing again does nothing. */
    @Override
    public void close() {
        core.locked(() -> {
            if (ptr != null) {
                core.lib.vep_migration_free(ptr);
                ptr = null;
            }
            return null;
        });
    }

    /** Whether close() was called. */
    public boolean isClosed() {
        return ptr == null;
    }

    @Override
    public String toString() {
        return "Migration[" + id + " " + version + "]";
    }
}
