"""The exceptions of the binding: one per status family of libvep.

Every failed call of the C library raises a :class:`VepError` subclass that
carries what the engine recorded about the failure:

``status``
    the C status code (an :class:`Status` member, an ``int``);
``status_name``
    its stable machine name (``vep_status_name``: ``"assessment"``,
    ``"instruction_limit"`` ...);
``message``
    the engine's message (``vep_engine_errmsg``);
``diagnostics``
    every problem found, a list of dicts with the keys ``file``, ``line``,
    ``path``, ``item``, ``rule`` and ``message`` (``""`` or ``0`` when a
    field does not apply), parsed from ``vep_diag_json``;
``not_shown``
    how many problems were left out of ``diagnostics`` (more than 1000);
``document``
    the exact bytes of ``vep_diag_json`` (None for errors raised by the
    binding itself before the library was called).

``str(error)`` is the message.  Catch :class:`VepError` for every failure, or
a subclass for one family.
"""

import enum


class Status(enum.IntEnum):
    """The status codes of vep.h (``vep_status``); part of the ABI."""
    OK = 0
    ARGUMENT = 1
    NOMEM = 2
    IO = 3
    SCRIPT = 4
    DEFINITION = 5
    ASSESSMENT = 6
    LIMIT_MEMORY = 7
    LIMIT_INSTRUCTIONS = 8
    LIMIT_TIME = 9
    RANGE = 10
    INTERNAL = 11
    CONTEXT = 12
    HOST = 13


class LibraryError(Exception):
    """libvep could not be loaded, lacks a function this binding needs, or
    has a major version the binding was not written for."""


class VepError(Exception):
    """A call into libvep failed.  The base of every status family."""

    def __init__(self, status, status_name, message, diagnostics=(),
                 not_shown=0, document=None):
        super().__init__(message)
        try:
            self.status = Status(status)
        except ValueError:
            self.status = int(status)
        self.status_name = status_name
        self.message = message
        self.diagnostics = list(diagnostics)
        self.not_shown = not_shown
        self.document = document

    def __str__(self):
        return self.message

    def __repr__(self):
        return "%s(%s, %r, %d diagnostics)" % (
            type(self).__name__, self.status_name, self.message,
            len(self.diagnostics))


class ArgumentError(VepError):
    """Status ``argument``: a bad value was passed (an unknown agency, a
    malformed language tag, a bad host function name or signature ...)."""


class RangeError(ArgumentError):
    """Status ``range``: an index or a size is out of range."""


class NoMemoryError(VepError):
    """Status ``out_of_memory``: the allocator refused memory."""


class FileError(VepError):
    """Status ``io``: a script file could not be read."""


class ScriptError(VepError):
    """Status ``script``: a syntax, runtime or forbidden-access error in a
    script; the diagnostics name the file and line."""


class DefinitionError(VepError):
    """Status ``definition``: the script ran but its declarations break a
    rule (unknown scale, band gaps ...); the diagnostics name each one."""


class AssessmentError(VepError):
    """Status ``assessment``: the assessment (or the result given to a plan)
    is invalid; the diagnostics carry the JSON path, item and rule of every
    problem."""


class LimitError(VepError):
    """A script exceeded one of the engine's limits."""


class MemoryLimitError(LimitError):
    """Status ``memory_limit``: a script exceeded the memory limit."""


class InstructionLimitError(LimitError):
    """Status ``instruction_limit``: a script exceeded its instruction
    budget."""


class TimeLimitError(LimitError):
    """Status ``time_limit``: a script exceeded its wall-clock time
    limit."""


class ContextError(VepError):
    """Status ``context``: the case context given to a plan is invalid."""


class HostError(VepError):
    """Status ``host``: a host function failed, is missing, or was called
    with bad arguments.

    ``function`` names the host function when it is known.  When the
    Python function registered with
    :meth:`vep.Engine.register_host_function` raised, that exception is
    ``__cause__``.
    """

    def __init__(self, *args, function=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.function = function


class InternalError(VepError):
    """Status ``internal``: a bug in libvep; please report it."""


_CLASSES = {
    Status.ARGUMENT: ArgumentError,
    Status.NOMEM: NoMemoryError,
    Status.IO: FileError,
    Status.SCRIPT: ScriptError,
    Status.DEFINITION: DefinitionError,
    Status.ASSESSMENT: AssessmentError,
    Status.LIMIT_MEMORY: MemoryLimitError,
    Status.LIMIT_INSTRUCTIONS: InstructionLimitError,
    Status.LIMIT_TIME: TimeLimitError,
    Status.RANGE: RangeError,
    Status.INTERNAL: InternalError,
    Status.CONTEXT: ContextError,
    Status.HOST: HostError,
}


def error_class(status):
    """The exception class for a C status code (VepError when unknown)."""
    try:
        return _CLASSES.get(Status(status), VepError)
    except ValueError:
        return VepError
