"""Migrations: assessments carried from one major version to the next."""

import json

from ._core import Handle, to_bytes
from ._lib import borrowed


class Migration(Handle):
    """A loaded migration script (``vep_migration``).

    Made by :meth:`vep.Engine.load_migration` or
    :meth:`vep.Engine.load_migration_source`; ``id``, ``version`` and
    ``sha256`` are copied at load.  Closeable like :class:`vep.Instrument`.
    """

    _kind = "migration"

    def __init__(self, core, ptr):
        super().__init__(core, ptr, core.lib.vep_migration_free)
        lib = core.lib
        self.id = borrowed(lib.vep_migration_id(ptr))
        self.version = borrowed(lib.vep_migration_version(ptr))
        self.sha256 = borrowed(lib.vep_migration_sha256(ptr))

    def __repr__(self):
        state = " closed" if self.closed else ""
        return "<vep.Migration %s %s%s>" % (self.id, self.version, state)

    def migrate_json(self, assessment):
        """Migrates ``assessment`` (dict, str or bytes); returns the
        migrated document as bytes, exactly as vep_migrate wrote it.
        Raises AssessmentError when the document is not for the migration's
        source instrument, or has a code the migration does not map."""
        data = to_bytes(assessment, "assessment")
        with self._core as core:
            return core.call_out(core.lib.vep_migrate, self._handle(), data,
                                 len(data))

    def migrate(self, assessment):
        """As :meth:`migrate_json`, parsed into a dict."""
        return json.loads(self.migrate_json(assessment))
