"""Migrations: assessments carried from one major version to the next."""

import json

from ._core import Script, to_bytes


class Migration(Script):
    """A loaded migration script (``vep_migration``).

    Made by :meth:`vep.Engine.load_migration` or
    :meth:`vep.Engine.load_migration_source`; ``id``, ``version`` and
    ``sha256`` are copied at load.  Closeable like :class:`vep.Instrument`.
    """

    _kind = "migration"

    def migrate_json(self, assessment):
        """Migrates ``assessment`` (dict, str or bytes); returns the
        migrated document as bytes, exactly as vep_migrate wrote it.
        Raises AssessmentError when the document is not for the migration's
        source instrument, or has a code the migration does not map."""
        data = to_bytes(assessment, "assessment")
        return self._call_out(self._core.lib.vep_migrate, data, len(data))

    def migrate(self, assessment):
        """As :meth:`migrate_json`, parsed into a dict."""
        return json.loads(self.migrate_json(assessment))
