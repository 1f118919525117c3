"""Python binding of libvep: assessment instruments and treatment plans.

libvep loads assessment instruments and treatment-plan rules written as
sandboxed Lua scripts, validates and scores assessment JSON, explains every
computed number, and derives individual plans.  Computed levels are
advisory: the professional's final judgement is an input of the assessment.

A short tour::

    import vep

    with vep.Engine(instruction_limit=10_000_000) as eng:
        ins = eng.load_instrument("instruments/screening/vep-screen.lua")
        result = ins.score(assessment)          # dict, str or bytes in
        plan = eng.load_plan("instruments/plans/vep-plan-screen.lua")
        doc = plan.evaluate(result, context, agency="police")

The binding loads the installed shared library at run time with ctypes:
the path given as ``library=``, else the environment variable
``VEP_LIBRARY``, else the system loader's ``libvep.so.0``.  It refuses a
library of another major version.

Every failure raises a :class:`VepError` subclass with ``status``,
``status_name``, ``message`` and ``diagnostics``.
"""

from ._lib import Library, load_library
from .engine import Engine
from .errors import (ArgumentError, AssessmentError, ContextError,
                     DefinitionError, FileError, HostError,
                     InstructionLimitError, InternalError, LibraryError,
                     LimitError, MemoryLimitError, NoMemoryError, RangeError,
                     ScriptError, Status, TimeLimitError, VepError)
from .host import parse_signature
from .instrument import Instrument
from .migration import Migration
from .plan import Plan

#: The version of this binding.
__version__ = "0.1.0"

__all__ = [
    "Engine", "Instrument", "Plan", "Migration", "Library", "load_library",
    "version", "version_number", "status_name", "parse_signature", "Status",
    "VepError", "ArgumentError", "RangeError", "NoMemoryError", "FileError",
    "ScriptError", "DefinitionError", "AssessmentError", "LimitError",
    "MemoryLimitError", "InstructionLimitError", "TimeLimitError",
    "ContextError", "HostError", "InternalError", "LibraryError",
]


def version(library=None):
    """The version string of the libvep in use, e.g. "0.1.0"."""
    return load_library(library).version


def version_number(library=None):
    """The version of the libvep in use as MAJOR*10000 + MINOR*100 +
    PATCH."""
    return load_library(library).version_number


def status_name(status, library=None):
    """The library's stable machine name of a status code, e.g.
    "instruction_limit" for Status.LIMIT_INSTRUCTIONS."""
    return load_library(library).vep_status_name(int(status)).decode("ascii")
