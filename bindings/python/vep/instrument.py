"""Instruments: loaded once, then score any number of assessments."""

import json

from ._core import Script, optional_text, to_bytes


class Instrument(Script):
    """A loaded instrument script (``vep_instrument``).

    Made by :meth:`vep.Engine.load_instrument` or
    :meth:`vep.Engine.load_instrument_source`.  ``id``, ``version`` and
    ``sha256`` (of the script's sources, lower-case hex) are copied at load.
    An instrument belongs to the engine it was loaded through and shares its
    lock; it stays usable after the engine is closed.  Close it with
    :meth:`close` or a ``with`` block (closing twice is harmless).

    Assessments and other documents are given as a dict (written with
    json.dumps), a str or bytes (passed as they are).  The ``*_json``
    methods return the exact bytes the library wrote; the others parse them.
    """

    _kind = "instrument"

    def score_json(self, assessment):
        """Validates and scores ``assessment``; returns the result document
        as bytes, exactly as vep_score wrote it.  Raises AssessmentError
        (with every problem's JSON path in ``diagnostics``), a LimitError,
        HostError or ScriptError."""
        data = to_bytes(assessment, "assessment")
        return self._call_out(self._core.lib.vep_score, data, len(data))

    def score(self, assessment):
        """As :meth:`score_json`, the result parsed into a dict."""
        return json.loads(self.score_json(assessment))

    def validate(self, assessment):
        """Checks ``assessment`` without scoring it.  Returns None when it is
        valid; raises AssessmentError listing every problem otherwise."""
        data = to_bytes(assessment, "assessment")
        with self._core as core:
            status = core.lib.vep_validate(self._handle(), data, len(data))
            core.finish(status)

    def describe_json(self, lang=None):
        """The instrument's description (vep_instrument_describe) as bytes;
        texts in ``lang`` (a BCP 47 tag; None: the first language).  A
        malformed tag raises ArgumentError."""
        tag = optional_text(lang, "lang")
        return self._call_out(self._core.lib.vep_instrument_describe, tag)

    def describe(self, lang=None):
        """As :meth:`describe_json`, parsed into a dict."""
        return json.loads(self.describe_json(lang))

    def schema_json(self):
        """The JSON Schema (draft 2020-12) of the assessment documents the
        instrument accepts (vep_instrument_schema), as bytes."""
        return self._call_out(self._core.lib.vep_instrument_schema)

    def schema(self):
        """As :meth:`schema_json`, parsed into a dict."""
        return json.loads(self.schema_json())

    def run_tests(self):
        """Runs the script's own test cases; returns the report as a dict
        (``cases``, ``passed``, ``failed`` ...).  Failing cases are reported,
        not raised."""
        return self._call_out_count(self._core.lib.vep_instrument_run_tests)

    def lint(self):
        """Likely mistakes in the script (vep_instrument_lint): a dict with
        ``findings``, each with its rule, severity, file and line."""
        return self._call_out_count(self._core.lib.vep_instrument_lint)
