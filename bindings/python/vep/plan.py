"""Treatment plans: a plan script evaluated on results and case contexts."""

import ctypes
import json

from ._core import Script, optional_text, to_bytes
from ._lib import VEP_PLAN_OPTIONS_VERSION, PlanOptions, borrowed


def plan_options(agency, language):
    """A vep_plan_options for an agency's view and a language (both may be
    None), or None when neither is given; ctypes keeps the bytes the struct
    points to alive as long as the struct."""
    if agency is None and language is None:
        return None
    agency_b = optional_text(agency, "agency")
    language_b = optional_text(language, "language")
    return PlanOptions(VEP_PLAN_OPTIONS_VERSION, agency_b, language_b)


def options_ref(opts):
    """A pointer argument for an options struct, NULL for None."""
    return None if opts is None else ctypes.byref(opts)


class Plan(Script):
    """A loaded treatment-plan script (``vep_plan``).

    Made by :meth:`vep.Engine.load_plan` or
    :meth:`vep.Engine.load_plan_source`.  ``id``, ``version``, ``sha256``
    and ``instrument`` (the id of the instrument whose results it takes) are
    copied at load.  Closeable like :class:`vep.Instrument`.
    """

    _kind = "plan"

    def __init__(self, core, ptr):
        """As :class:`Script`'s, and copies the instrument's id too."""
        super().__init__(core, ptr)
        self.instrument = borrowed(core.lib.vep_plan_instrument(ptr))

    def evaluate_json(self, result, context, agency=None, language=None):
        """Evaluates the plan for one result document (as
        :meth:`vep.Instrument.score` gives it) and one case context; returns
        the plan document as bytes, exactly as vep_plan_evaluate wrote it.

        ``agency`` asks for that agency's need-to-know view; ``language``
        (a BCP 47 tag) chooses the language of titles.  Raises
        ContextError for an invalid context, AssessmentError for an invalid
        result, ArgumentError for an unknown agency or a malformed tag."""
        res = to_bytes(result, "result")
        ctx = to_bytes(context, "context")
        opts = plan_options(agency, language)
        return self._call_out(self._core.lib.vep_plan_evaluate, res,
                              len(res), ctx, len(ctx), options_ref(opts))

    def evaluate(self, result, context, agency=None, language=None):
        """As :meth:`evaluate_json`, parsed into a dict."""
        return json.loads(self.evaluate_json(result, context, agency,
                                             language))

    def run_tests(self):
        """Runs the plan script's own test cases; returns the report as a
        dict (``cases``, ``passed``, ``failed``, ``never_held``)."""
        return self._call_out_count(self._core.lib.vep_plan_run_tests)

    def lint(self):
        """Likely mistakes in the plan script (vep_plan_lint), as a dict."""
        return self._call_out_count(self._core.lib.vep_plan_lint)

    def describe_json(self, lang=None):
        """The plan script described (vep_plan_describe) as bytes, texts in
        ``lang`` (None: the plan's first language)."""
        tag = optional_text(lang, "lang")
        return self._call_out(self._core.lib.vep_plan_describe, tag)

    def describe(self, lang=None):
        """As :meth:`describe_json`, parsed into a dict."""
        return json.loads(self.describe_json(lang))
