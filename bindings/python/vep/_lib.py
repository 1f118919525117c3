"""The ctypes declarations of libvep's C API, and finding the library.

Only this module knows the C prototypes (libvep/include/vep/vep.h).  Every
function is declared with its argument and result types; nothing is passed
by value but scalars and pointers.  Strings the library hands over through a
``char **out`` are declared as ``c_void_p`` so that the binding keeps the
pointer, copies the bytes and gives the pointer back to ``vep_free``.

The library is found, in this order: the path given to :func:`load_library`
(or to :class:`vep.Engine`), the environment variable ``VEP_LIBRARY`` (a path
to ``libvep.so.0``), then the system loader's ``libvep.so.0``.  The build
tree is never searched.
"""

import ctypes
import os
import threading
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char_p, c_double, c_int,
                    c_int64, c_size_t, c_uint, c_uint32, c_uint64, c_void_p)

from .errors import LibraryError

#: The major version of libvep this binding was written for.
ABI_MAJOR = 0

#: The name the system loader is asked for when no path is given.
DEFAULT_NAME = "libvep.so.0"

VEP_ENGINE_OPTIONS_VERSION = 1
VEP_PLAN_OPTIONS_VERSION = 1


class EngineOptions(Structure):
    """struct vep_engine_options (VEP_ENGINE_OPTIONS_VERSION 1)."""
    _fields_ = [
        ("version", c_uint),
        ("memory_limit", c_size_t),
        ("instruction_limit", c_uint64),
        ("time_limit_ms", c_uint32),
        ("allocator", c_void_p),
    ]


class PlanOptions(Structure):
    """struct vep_plan_options (VEP_PLAN_OPTIONS_VERSION 1)."""
    _fields_ = [
        ("version", c_uint),
        ("agency", c_char_p),
        ("language", c_char_p),
    ]


#: int (*vep_host_callback)(void *user_data, vep_host_call *call)
HOST_CALLBACK = CFUNCTYPE(c_int, c_void_p, c_void_p)

_out = POINTER(c_void_p)
_count = POINTER(c_size_t)

# name: (result type, argument types).  None as result: void.
_PROTOTYPES = {
    "vep_version_string": (c_char_p, []),
    "vep_version_number": (c_int, []),
    "vep_strerror": (c_char_p, [c_int]),
    "vep_status_name": (c_char_p, [c_int]),
    "vep_free": (None, [c_void_p]),

    "vep_engine_options_init": (c_int, [POINTER(EngineOptions), c_uint]),
    "vep_engine_new": (c_int, [_out, POINTER(EngineOptions)]),
    "vep_engine_free": (None, [c_void_p]),
    "vep_engine_errmsg": (c_char_p, [c_void_p]),

    "vep_diag_count": (c_size_t, [c_void_p]),
    "vep_diag_get": (c_char_p, [c_void_p, c_size_t, c_int]),
    "vep_diag_line": (c_uint, [c_void_p, c_size_t]),
    "vep_diag_json": (c_int, [_out, c_void_p]),

    "vep_instrument_load_file": (c_int, [_out, c_void_p, c_char_p]),
    "vep_instrument_load_buffer": (c_int, [_out, c_void_p, c_char_p,
                                           c_char_p, c_size_t]),
    "vep_instrument_free": (None, [c_void_p]),
    "vep_instrument_id": (c_char_p, [c_void_p]),
    "vep_instrument_version": (c_char_p, [c_void_p]),
    "vep_instrument_sha256": (c_char_p, [c_void_p]),
    "vep_instrument_describe": (c_int, [_out, c_void_p, c_char_p]),
    "vep_instrument_schema": (c_int, [_out, c_void_p]),
    "vep_score": (c_int, [_out, c_void_p, c_char_p, c_size_t]),
    "vep_validate": (c_int, [c_void_p, c_char_p, c_size_t]),
    "vep_instrument_run_tests": (c_int, [_out, _count, c_void_p]),
    "vep_instrument_lint": (c_int, [_out, _count, c_void_p]),

    "vep_plan_load_file": (c_int, [_out, c_void_p, c_char_p]),
    "vep_plan_load_buffer": (c_int, [_out, c_void_p, c_char_p, c_char_p,
                                     c_size_t]),
    "vep_plan_free": (None, [c_void_p]),
    "vep_plan_id": (c_char_p, [c_void_p]),
    "vep_plan_version": (c_char_p, [c_void_p]),
    "vep_plan_sha256": (c_char_p, [c_void_p]),
    "vep_plan_instrument": (c_char_p, [c_void_p]),
    "vep_plan_evaluate": (c_int, [_out, c_void_p, c_char_p, c_size_t,
                                  c_char_p, c_size_t, POINTER(PlanOptions)]),
    "vep_assess": (c_int, [_out, c_void_p, c_void_p, c_char_p, c_size_t,
                           c_char_p, c_size_t, POINTER(PlanOptions)]),
    "vep_plan_run_tests": (c_int, [_out, _count, c_void_p]),
    "vep_plan_lint": (c_int, [_out, _count, c_void_p]),
    "vep_plan_describe": (c_int, [_out, c_void_p, c_char_p]),

    "vep_migration_load_file": (c_int, [_out, c_void_p, c_char_p]),
    "vep_migration_load_buffer": (c_int, [_out, c_void_p, c_char_p,
                                          c_char_p, c_size_t]),
    "vep_migration_free": (None, [c_void_p]),
    "vep_migration_id": (c_char_p, [c_void_p]),
    "vep_migration_version": (c_char_p, [c_void_p]),
    "vep_migration_sha256": (c_char_p, [c_void_p]),
    "vep_migrate": (c_int, [_out, c_void_p, c_char_p, c_size_t]),

    "vep_host_register_callback": (c_int, [c_void_p, c_char_p, c_char_p,
                                           HOST_CALLBACK, c_void_p]),
    "vep_host_list": (c_int, [_out, c_void_p]),
    "vep_host_call_name": (c_char_p, [c_void_p]),
    "vep_host_call_argc": (c_size_t, [c_void_p]),
    "vep_host_call_arg_bool": (c_int, [c_void_p, c_size_t]),
    "vep_host_call_arg_int64": (c_int64, [c_void_p, c_size_t]),
    "vep_host_call_arg_double": (c_double, [c_void_p, c_size_t]),
    "vep_host_call_arg_string": (c_char_p, [c_void_p, c_size_t]),
    "vep_host_call_return_bool": (c_int, [c_void_p, c_int]),
    "vep_host_call_return_int64": (c_int, [c_void_p, c_int64]),
    "vep_host_call_return_double": (c_int, [c_void_p, c_double]),
    "vep_host_call_return_string": (c_int, [c_void_p, c_char_p]),
    "vep_host_call_fail": (c_int, [c_void_p, c_char_p]),
}


class Library:
    """One loaded copy of libvep, with every function declared.

    The C functions are attributes named as in vep.h (``lib.vep_score``).
    Made by :func:`load_library`; one object per path, shared by every
    engine made with it.
    """

    def __init__(self, path):
        try:
            dll = ctypes.CDLL(path)
        except OSError as e:
            raise LibraryError(
                "cannot load libvep from %r: %s (give the path of "
                "libvep.so.0 to vep.Engine(library=...) or in the "
                "environment variable VEP_LIBRARY)" % (path, e)) from None
        missing = [n for n in _PROTOTYPES if not hasattr(dll, n)]
        if missing:
            raise LibraryError(
                "%s lacks %s: it is older than this binding needs"
                % (path, ", ".join(missing)))
        for name, (restype, argtypes) in _PROTOTYPES.items():
            fn = getattr(dll, name)
            fn.restype = restype
            fn.argtypes = argtypes
            setattr(self, name, fn)
        self.path = path
        self.version_number = dll.vep_version_number()
        self.version = self.vep_version_string().decode("ascii")
        if self.version_number // 10000 != ABI_MAJOR:
            raise LibraryError(
                "%s is libvep %s, but this binding was written for major "
                "version %d; install a matching libvep or a matching binding"
                % (path, self.version, ABI_MAJOR))

    def __repr__(self):
        return "<vep.Library %s from %s>" % (self.version, self.path)


_loaded = {}
_loaded_lock = threading.Lock()


def load_library(path=None):
    """Loads libvep (once per path) and checks its major version.

    ``path`` is a file name of libvep.so.0; when None, the environment
    variable ``VEP_LIBRARY`` is used, else the system loader looks for
    ``libvep.so.0``.  Raises :class:`vep.LibraryError` when the library
    cannot be loaded, lacks a function or has another major version.
    """
    if path is None:
        path = os.environ.get("VEP_LIBRARY") or DEFAULT_NAME
    path = os.fspath(path)
    with _loaded_lock:
        lib = _loaded.get(path)
        if lib is None:
            lib = Library(path)
            _loaded[path] = lib
        return lib


def take_string(lib, ptr):
    """Copies the string at ``ptr`` (a ``char *`` the library handed over)
    as bytes and frees it with vep_free.  NULL gives None."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr)
    finally:
        lib.vep_free(ptr)


def borrowed(value):
    """A borrowed ``const char *`` (bytes or None) as str, copied at once."""
    return None if value is None else value.decode("utf-8", "replace")
