"""What an engine and every object loaded through it share.

A :class:`Core` holds the C engine pointer, the lock every call takes, the
host functions registered with the engine (their ctypes callbacks must live
as long as the C engine can call them) and the exception a host function
raised during the current call.  The :class:`vep.Engine` and each
instrument, plan and migration keep a reference to it, and nothing in it
refers back to them, so the core outlives all of them and no reference cycle
forms.

:class:`Handle` is the base of the closeable objects: it frees its C object
exactly once, when closed or when garbage-collected, and always under the
engine's lock (a collection may run in any thread, even inside a host
function: the free then waits for the lock's holder to give it back).
:class:`Script` is the base of the instrument, the plan and the migration:
their id, version and SHA-256, and the calls that write a document.
"""

import ctypes
import json
import re
import threading
import weakref

from . import _lib
from .errors import ArgumentError, HostError, Status, error_class

# How libvep's messages name a host function.
_HOST_NAME = re.compile(r"host function '([a-z][a-z0-9_]*)'")


def _as_bytes(value, what, kinds):
    """``value`` as bytes when it is bytes-like (unchanged if bytes) or a
    str (encoded as UTF-8); else a TypeError saying that ``what`` must be
    ``kinds``."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError("%s must be %s, not %s"
                    % (what, kinds, type(value).__name__))


def to_bytes(value, what):
    """A JSON document given as bytes, str, or a dict / list, as bytes.

    bytes are passed unchanged, str is encoded as UTF-8, dicts and lists
    are written with json.dumps (UTF-8, no NaN).  Anything else is a
    TypeError naming ``what``."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8")
    return _as_bytes(value, what, "a dict, str or bytes")


def to_text(value, what):
    """Script source or a name given as str or bytes, as bytes."""
    return _as_bytes(value, what, "str or bytes")


def no_nul(data, what):
    """``data`` (bytes for a C string) unchanged; a NUL inside would cut
    the string short in C without a word, so it is refused with
    ArgumentError, as the Java binding refuses it."""
    if b"\0" in data:
        raise ArgumentError(Status.ARGUMENT, "argument",
                            "%s contains a NUL character" % what)
    return data


def c_text(value, what):
    """A name or a path given as str or bytes, as the bytes of a C
    string."""
    return no_nul(to_text(value, what), what)


def optional_text(value, what):
    """None, or a str (an agency id, a language tag) as the bytes of a C
    string."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("%s must be a str or None, not %s"
                        % (what, type(value).__name__))
    return no_nul(value.encode("utf-8"), what)


class Core:
    """The shared state of one C engine (see the module's docstring)."""

    def __init__(self, lib, ptr):
        """The state of the C engine ``ptr`` of the library ``lib``."""
        self.lib = lib
        self.ptr = ptr
        self._lock = threading.Lock()
        self._owner = None
        self.host_functions = {}
        # (function name, exception) of a host function that failed during
        # the current call, set by the trampoline (host.py).
        self.pending = None
        # (free function, pointer) of objects the garbage collector dropped
        # while the lock was taken; freed under the lock (see free()).
        self._deferred = []

    def acquire(self):
        """Takes the engine's lock for one call.  A call made from inside a
        host function (the same thread already holds the lock) is refused:
        the C engine is in the middle of a call and must not be entered."""
        me = threading.get_ident()
        if self._owner == me:
            raise RuntimeError("a host function may not call into the "
                               "engine that is calling it")
        self._lock.acquire()
        self._owner = me
        self.pending = None
        return self

    def release(self):
        """Gives the lock back (the end of a ``with core:`` block), after
        freeing what the garbage collector dropped meanwhile."""
        self._free_deferred()
        self._owner = None
        self._lock.release()
        self._free_if_unlocked()

    def free(self, free_fn, ptr):
        """Frees a C object the garbage collector dropped.  A collection
        runs in whatever thread triggers it, inside a host function of this
        engine too, so the object is freed at once only when the lock is
        free; else the holder frees it when it gives the lock back.  Never
        waits: a collection cannot deadlock on the lock."""
        self._deferred.append((free_fn, ptr))
        self._free_if_unlocked()

    def _free_if_unlocked(self):
        """Frees the deferred objects if the lock can be taken at once."""
        while self._deferred and self._lock.acquire(blocking=False):
            try:
                self._free_deferred()
            finally:
                self._lock.release()

    def _free_deferred(self):
        """Frees the deferred objects; the lock is held."""
        while self._deferred:
            free_fn, ptr = self._deferred.pop()
            free_fn(ptr)

    def __enter__(self):
        """``with core:`` takes the lock (acquire)."""
        return self.acquire()

    def __exit__(self, *exc):
        """The end of ``with core:`` gives it back (release)."""
        self.release()

    def finish(self, status):
        """After a C call: re-raises a KeyboardInterrupt or SystemExit that
        a host function received, then raises the VepError for a failed
        status.  Call it with the lock held."""
        pending = self.pending
        if pending is not None and not isinstance(pending[1], Exception):
            self.pending = None
            raise pending[1]
        if status != 0:
            raise self.error(status)

    def call_out(self, fn, *args):
        """Calls ``fn(char **out, *args)``, copies and frees ``*out`` and
        returns it as bytes; raises on failure.  Lock held."""
        out = ctypes.c_void_p()
        status = fn(ctypes.byref(out), *args)
        data = _lib.take_string(self.lib, out.value)
        self.finish(status)
        return data

    def call_out_count(self, fn, *args):
        """As call_out for ``fn(char **out, size_t *count, *args)``."""
        out = ctypes.c_void_p()
        count = ctypes.c_size_t(0)
        status = fn(ctypes.byref(out), ctypes.byref(count), *args)
        data = _lib.take_string(self.lib, out.value)
        self.finish(status)
        return data

    def error(self, status):
        """The exception for the last failed call on the engine: its
        message and diagnostics are copied now, before any other call."""
        lib = self.lib
        message = _lib.borrowed(lib.vep_engine_errmsg(self.ptr)) or ""
        if not message:
            message = _lib.borrowed(lib.vep_strerror(status))
        name = _lib.borrowed(lib.vep_status_name(status))
        document = self.call_diag_json()
        diagnostics, not_shown = None, 0
        if document is not None:
            try:
                parsed = json.loads(document)
                diagnostics = parsed.get("errors", [])
                not_shown = parsed.get("not_shown", 0)
            except ValueError:
                diagnostics = None
        if diagnostics is None:
            diagnostics = self._diag_fields()
        cls = error_class(status)
        kwargs = dict(diagnostics=diagnostics, not_shown=not_shown,
                      document=document)
        if cls is HostError:
            # The function is the one the library names.  A Python
            # exception is its cause only when that function failed with
            # it: an earlier failure the script caught with pcall is not.
            pending, self.pending = self.pending, None
            text = " ".join([message] + [d.get("message", "")
                                         for d in diagnostics])
            m = _HOST_NAME.search(text)
            function = m.group(1) if m else None
            err = HostError(status, name, message, function=function,
                            **kwargs)
            if pending is not None and pending[0] == function \
                    and "host function '%s' failed: " % function in text:
                err.__cause__ = pending[1]
            return err
        return cls(status, name, message, **kwargs)

    def call_diag_json(self):
        """The bytes of vep_diag_json for the engine's last failed call."""
        out = ctypes.c_void_p()
        status = self.lib.vep_diag_json(ctypes.byref(out), self.ptr)
        data = _lib.take_string(self.lib, out.value)
        return data if status == 0 else None

    def _diag_fields(self):
        """The diagnostics read field by field (when vep_diag_json could
        not allocate its document)."""
        lib, ptr = self.lib, self.ptr
        fields = (("file", 0), ("path", 1), ("item", 2), ("rule", 3),
                  ("message", 4))
        result = []
        for i in range(lib.vep_diag_count(ptr)):
            d = {k: _lib.borrowed(lib.vep_diag_get(ptr, i, f)) or ""
                 for k, f in fields}
            d["line"] = lib.vep_diag_line(ptr, i)
            result.append({k: d[k] for k in ("file", "line", "path", "item",
                                             "rule", "message")})
        return result


def _free(core, free_fn, ptr):
    """Frees one C object for the garbage collector, under the engine's
    lock (Core.free); `core` is an argument also to keep the engine's host
    callbacks alive until the object is gone."""
    core.free(free_fn, ptr)


class Handle:
    """A C object owned by the binding: closed once, by :meth:`close`, the
    end of a ``with`` block, or garbage collection."""

    _kind = "object"

    def __init__(self, core, ptr, free_fn):
        """Owns ``ptr``, freed with ``free_fn`` under ``core``'s lock."""
        self._core = core
        self._ptr = ptr
        self._finalizer = weakref.finalize(self, _free, core, free_fn, ptr)

    def close(self):
        """Frees the C object.  Closing twice does nothing."""
        if self._ptr is None:
            return
        with self._core:
            self._ptr = None
            info = self._finalizer.detach()
            if info is not None:           # not freed by another thread
                _core, free_fn, ptr = info[2]
                free_fn(ptr)

    @property
    def closed(self):
        """True once :meth:`close` was called."""
        return self._ptr is None

    def _handle(self):
        """The C pointer; ValueError when closed."""
        ptr = self._ptr
        if ptr is None:
            raise ValueError("the %s is closed" % self._kind)
        return ptr

    def __enter__(self):
        """``with obj:`` refuses a closed object (ValueError)."""
        self._handle()
        return self

    def __exit__(self, *exc):
        """The end of the ``with`` block closes it."""
        self.close()


class Script(Handle):
    """A loaded script: an instrument, a plan or a migration.  A subclass's
    ``_kind`` names it in messages and names its C functions:
    ``vep_<kind>_free``, ``_id``, ``_version`` and ``_sha256``."""

    def __init__(self, core, ptr):
        """Takes ownership of the loaded script ``ptr`` (freed with
        vep_<kind>_free); copies its id, version and SHA-256 now."""
        lib, kind = core.lib, self._kind
        super().__init__(core, ptr, getattr(lib, "vep_%s_free" % kind))
        self.id = _lib.borrowed(getattr(lib, "vep_%s_id" % kind)(ptr))
        self.version = _lib.borrowed(
            getattr(lib, "vep_%s_version" % kind)(ptr))
        self.sha256 = _lib.borrowed(getattr(lib, "vep_%s_sha256" % kind)(ptr))

    def __repr__(self):
        """E.g. ``<vep.Instrument vep-screen 1.0.0>``, " closed" added
        once closed."""
        state = " closed" if self.closed else ""
        return "<vep.%s %s %s%s>" % (type(self).__name__, self.id,
                                     self.version, state)

    def _call_out(self, fn, *args):
        """The bytes ``fn(char **out, handle, *args)`` wrote, called under
        the engine's lock (Core.call_out)."""
        with self._core as core:
            return core.call_out(fn, self._handle(), *args)

    def _call_out_count(self, fn):
        """The document ``fn(char **out, size_t *count, handle)`` wrote,
        parsed (Core.call_out_count)."""
        with self._core as core:
            data = core.call_out_count(fn, self._handle())
        return json.loads(data)
