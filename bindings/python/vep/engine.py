"""Engines: the limits, the host functions, and the loading of scripts."""

import ctypes
import json
import os

from . import _lib
from ._core import Core, Handle, c_text, no_nul, to_bytes, to_text
from .errors import ArgumentError, Status, error_class
from .host import HostFunction
from .instrument import Instrument
from .migration import Migration
from .plan import Plan, options_ref, plan_options

_MIN_MEMORY_LIMIT = 256 * 1024


def _limit(value, name, bits):
    """A limit argument as an int for the C field (None and 0: the
    default)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int or None, not %s"
                        % (name, type(value).__name__))
    if value < 0 or value >= (1 << bits):
        raise ValueError("%s must be between 0 and %d, not %d"
                         % (name, (1 << bits) - 1, value))
    return value


class Engine(Handle):
    """An engine (``vep_engine``): limits, host functions, and the loading
    of instruments, plans and migrations.

    ``memory_limit`` (bytes a script's Lua state may use, at least 256 KiB),
    ``instruction_limit`` (Lua instructions per run) and ``time_limit_ms``
    (wall-clock milliseconds per run) apply to every top-level script run:
    loading a script, or scoring one assessment.  None (or 0) means the
    library's default (64 MiB, 100 million, 2000 ms).  ``library`` is a path
    of libvep.so.0 or a :class:`vep.Library`; None: ``VEP_LIBRARY``, then
    the system loader's ``libvep.so.0``.

    An engine and everything loaded through it must be used by one thread
    at a time.  The engine has a lock that every call through it (or
    through one of its instruments, plans and migrations) takes, so calls
    from several threads are serialised, never concurrent; for parallel
    work, make one engine per thread.  Distinct engines are independent.

    Use it as a context manager, or call :meth:`close`.  Closing twice is
    harmless.  Objects loaded through a closed engine stay usable; the C
    engine is freed with the last of them.
    """

    _kind = "engine"

    def __init__(self, memory_limit=None, instruction_limit=None,
                 time_limit_ms=None, library=None):
        if isinstance(library, _lib.Library):
            lib = library
        else:
            lib = _lib.load_library(library)
        opts = _lib.EngineOptions()
        status = lib.vep_engine_options_init(
            ctypes.byref(opts), _lib.VEP_ENGINE_OPTIONS_VERSION)
        if status != 0:
            raise ArgumentError(status, "argument",
                                "vep_engine_options_init refused version %d"
                                % _lib.VEP_ENGINE_OPTIONS_VERSION)
        opts.memory_limit = _limit(memory_limit, "memory_limit",
                                   8 * ctypes.sizeof(ctypes.c_size_t))
        opts.instruction_limit = _limit(instruction_limit,
                                        "instruction_limit", 64)
        opts.time_limit_ms = _limit(time_limit_ms, "time_limit_ms", 32)
        out = ctypes.c_void_p()
        status = lib.vep_engine_new(ctypes.byref(out), ctypes.byref(opts))
        if status != 0:
            message = "cannot create an engine: %s" % _lib.borrowed(
                lib.vep_strerror(status))
            if status == Status.ARGUMENT and 0 < opts.memory_limit \
                    < _MIN_MEMORY_LIMIT:
                message += (" (memory_limit %d is below the minimum of %d "
                            "bytes)" % (opts.memory_limit, _MIN_MEMORY_LIMIT))
            raise error_class(status)(
                status, _lib.borrowed(lib.vep_status_name(status)), message)
        super().__init__(Core(lib, out.value), out.value, lib.vep_engine_free)
        self.library = lib
        self.memory_limit = memory_limit
        self.instruction_limit = instruction_limit
        self.time_limit_ms = time_limit_ms

    def __repr__(self):
        state = " closed" if self.closed else ""
        return "<vep.Engine libvep %s%s>" % (self.library.version, state)

    # -- loading ---------------------------------------------------------

    def _load_file(self, fn, cls, path):
        """Loads a script file with `fn` (vep_*_load_file) into `cls`."""
        name = no_nul(os.fsencode(os.fspath(path)), "path")
        with self._core as core:
            out = ctypes.c_void_p()
            status = fn(ctypes.byref(out), self._handle(), name)
            core.finish(status)
            return cls(core, out.value)

    def _load_source(self, fn, cls, name, source):
        """Loads a script from memory with `fn` (vep_*_load_buffer)."""
        name_b = c_text(name, "name")
        src = to_text(source, "source")
        with self._core as core:
            out = ctypes.c_void_p()
            status = fn(ctypes.byref(out), self._handle(), name_b, src,
                        len(src))
            core.finish(status)
            return cls(core, out.value)

    def load_instrument(self, path):
        """Loads the instrument script at ``path`` (str, bytes or a
        path-like).  Raises FileError, ScriptError or DefinitionError (with
        the file and line of every problem in ``diagnostics``), or a
        LimitError."""
        return self._load_file(self._core.lib.vep_instrument_load_file,
                               Instrument, path)

    def load_instrument_source(self, name, source):
        """Loads an instrument from ``source`` (str or bytes); ``name`` is
        used in messages.  require() and overlays are not available."""
        return self._load_source(self._core.lib.vep_instrument_load_buffer,
                                 Instrument, name, source)

    def load_plan(self, path):
        """Loads the treatment-plan script at ``path``."""
        return self._load_file(self._core.lib.vep_plan_load_file, Plan, path)

    def load_plan_source(self, name, source):
        """Loads a plan script from ``source``; ``name`` is used in
        messages."""
        return self._load_source(self._core.lib.vep_plan_load_buffer, Plan,
                                 name, source)

    def load_migration(self, path):
        """Loads the migration script at ``path``."""
        return self._load_file(self._core.lib.vep_migration_load_file,
                               Migration, path)

    def load_migration_source(self, name, source):
        """Loads a migration script from ``source``; ``name`` is used in
        messages."""
        return self._load_source(self._core.lib.vep_migration_load_buffer,
                                 Migration, name, source)

    # -- score and plan in one call --------------------------------------

    def assess_json(self, instrument, plan, assessment, context, agency=None,
                    language=None):
        """Scores ``assessment`` with ``instrument`` and evaluates ``plan``
        on its result (vep_assess); returns the bytes of
        ``{"result": ..., "plan": ...}``, or of ``{"plan": view}`` for an
        agency.  Both must be loaded through this engine."""
        if not isinstance(instrument, Instrument):
            raise TypeError("instrument must be a vep.Instrument")
        if not isinstance(plan, Plan):
            raise TypeError("plan must be a vep.Plan")
        if instrument._core is not self._core:
            raise ValueError("the instrument was loaded through another "
                             "engine")
        doc = to_bytes(assessment, "assessment")
        ctx = to_bytes(context, "context")
        opts = plan_options(agency, language)
        with self._core as core:
            self._handle()
            return core.call_out(core.lib.vep_assess, instrument._handle(),
                                 plan._handle(), doc, len(doc), ctx,
                                 len(ctx), options_ref(opts))

    def assess(self, instrument, plan, assessment, context, agency=None,
               language=None):
        """As :meth:`assess_json`, parsed into a dict."""
        return json.loads(self.assess_json(instrument, plan, assessment,
                                           context, agency, language))

    # -- host functions ---------------------------------------------------

    def register_host_function(self, name, signature, fn=None):
        """Registers the Python function ``fn`` as the host function
        ``name`` with ``signature`` (e.g. ``"bool(string subject, string
        programme)"``; see :mod:`vep.host`).  Scripts that declare it call
        it as host.NAME(...).

        Without ``fn``, returns a decorator.  Raises ArgumentError for a bad
        name or signature, or a name already registered.  An exception
        raised by ``fn``, or a result of the wrong type, makes the call
        that ran the script raise HostError naming the function, with the
        exception as ``__cause__``.  ``fn`` runs on the calling thread,
        while the engine is busy: it may not call into this engine."""
        if fn is None:
            def decorator(f):
                self.register_host_function(name, signature, f)
                return f
            return decorator
        if not isinstance(name, str) or not isinstance(signature, str):
            raise TypeError("name and signature must be str")
        name_b = c_text(name, "name")
        signature_b = c_text(signature, "signature")
        hf = HostFunction(self._core, name, signature, fn)
        with self._core as core:
            status = core.lib.vep_host_register_callback(
                self._handle(), name_b, signature_b, hf.callback, None)
            core.finish(status)
            core.host_functions[name] = hf
        return fn

    def host_functions(self):
        """The registered host functions (vep_host_list), in name order: a
        list of dicts with ``name``, ``signature``, ``returns``, ``args``,
        ``form`` and ``string_result``."""
        with self._core as core:
            return json.loads(core.call_out(core.lib.vep_host_list,
                                            self._handle()))
