package org.libvep;

import com.sun.jna.Pointer;
import java.util.Map;

/**
 * A loaded migration script: rewrites an assessment recorded under one
 * major version of an instrument as the next version expects it, and
 * records itself in the document's "migrations".  Used under its engine's
 * lock.
 */
public final class Migration extends ScriptHandle {
    /** Takes ownership of the loaded migration {@code ptr}. */
    Migration(Core core, Pointer ptr) {
        super(core, ptr, "migration", core.lib::vep_migration_free, core.lib::vep_migration_id,
              core.lib::vep_migration_version, core.lib::vep_migration_sha256);
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
        return callOnDocument(core.lib::vep_migrate, assessment);
    }
}
