"""Host functions: Python functions that scripts reach as host.NAME(...).

A host function is registered with a signature, the same string libvep
parses (vep.h, "Host functions")::

    RETURN "(" [ TYPE [NAME] { "," TYPE [NAME] } ] ")"

RETURN is void, bool, int64, double or string; TYPE is bool, int64, double
or string.  ``"()"`` and ``"(void)"`` mean no arguments.  Arguments reach
the Python function as bool, int, float and str; its result must be of the
declared type (None for void; a str or None for string, None giving the
script nil).

Every registration gets one ctypes callback of the fixed C form
``int (*)(void *user_data, vep_host_call *call)``, the trampoline below.  It
reads the arguments, calls the Python function, sets the result, and turns
any exception (or a result of the wrong type) into vep_host_call_fail and a
non-zero return: no exception crosses into C.  The engine's call then
raises :class:`vep.HostError` naming the function, with the Python
exception as ``__cause__``.
"""

import weakref

from ._lib import HOST_CALLBACK
from .errors import ArgumentError, Status

#: The types a script supplies, in the order of vep.h.
ARG_TYPES = ("bool", "int64", "double", "string")
RETURN_TYPES = ("void",) + ARG_TYPES
MAX_ARGS = 8
_NAME_MAX = 31
_BLANKS = " \t\n\r"
_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1


class SignatureError(ValueError):
    """A signature the binding cannot read (raised as ArgumentError)."""


class _Reader:
    """A cursor over a signature, with the tokens of vep.h's grammar."""

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def peek(self):
        """Skips blanks; the next character, or "" at the end."""
        while self.pos < len(self.text) and self.text[self.pos] in _BLANKS:
            self.pos += 1
        return self.text[self.pos:self.pos + 1]

    def word(self):
        """The word ([A-Za-z0-9_]+) after the blanks, or ""."""
        self.peek()
        start = self.pos
        while self.pos < len(self.text) and (
                self.text[self.pos].isascii()
                and (self.text[self.pos].isalnum()
                     or self.text[self.pos] == "_")):
            self.pos += 1
        return self.text[start:self.pos]

    def rest(self):
        """Up to 20 characters from the cursor, for messages."""
        return self.text[self.pos:self.pos + 20]


def _parse_param(r):
    """One "TYPE [NAME]" at the cursor: (type, name)."""
    r.peek()
    if r.text.startswith("...", r.pos):
        raise SignatureError("variadic functions are refused: their "
                             "arguments cannot be checked; register a "
                             "function with fixed arguments")
    at = r.rest()
    t = r.word()
    if t == "void":
        raise SignatureError("void is a return type only")
    if t in ("userdata", "call"):
        raise SignatureError("'%s' is filled by the engine for C functions "
                             "only; it has no place here" % t)
    if t not in ARG_TYPES:
        raise SignatureError("expected an argument type (bool, int64, "
                             "double, string) at '%s'" % at)
    name = r.word()
    if len(name) > _NAME_MAX:
        raise SignatureError("an argument name is longer than %d characters"
                             % _NAME_MAX)
    return t, name


def parse_signature(text):
    """Parses a host function signature into (return type, [(type, name)]).

    Raises SignatureError (a ValueError) saying what is wrong."""
    r = _Reader(text)
    ret = r.word()
    if ret not in RETURN_TYPES:
        raise SignatureError("a signature starts with its return type (void, "
                             "bool, int64, double or string), e.g. "
                             "\"bool (string subject)\"")
    if r.peek() != "(":
        raise SignatureError("expected '(' after the return type")
    r.pos += 1
    params = []
    if r.peek() == ")":
        r.pos += 1
    else:
        save = r.pos
        if r.word() == "void" and r.peek() == ")":
            r.pos += 1
        else:
            r.pos = save
            while True:
                if len(params) == MAX_ARGS:
                    raise SignatureError("more than %d arguments" % MAX_ARGS)
                params.append(_parse_param(r))
                c = r.peek()
                if c == ",":
                    r.pos += 1
                    continue
                if c == ")":
                    r.pos += 1
                    break
                raise SignatureError("expected ',' or ')' at '%s'" % r.rest())
    if r.peek() != "":
        raise SignatureError("unexpected text after ')': '%s'" % r.rest())
    return ret, params


def _type_name(value):
    return type(value).__name__


class HostFunction:
    """One registered Python function and its ctypes trampoline.

    The engine's core keeps this object (and so ``callback``) alive for as
    long as the C engine may call it; this object refers to the core only
    weakly, so that the two form no reference cycle."""

    def __init__(self, core, name, signature, fn):
        if not callable(fn):
            raise TypeError("a host function must be callable, not %s"
                            % _type_name(fn))
        try:
            self.returns, self.params = parse_signature(signature)
        except SignatureError as e:
            raise ArgumentError(
                Status.ARGUMENT, "argument",
                "host function '%s': signature \"%s\": %s"
                % (name, signature[:80], e)) from None
        self.name = name
        self.signature = signature
        self.fn = fn
        self._core = weakref.ref(core)
        self._lib = core.lib
        self.callback = HOST_CALLBACK(self._trampoline)

    def _trampoline(self, user_data, call):
        """The C callback.  Returns 0 on success, 1 on failure; never
        raises."""
        try:
            try:
                problem = self._run(call)
            except BaseException as e:
                self._fail(e)
                problem = "%s: %s" % (_type_name(e), e) if str(e) \
                    else _type_name(e)
            if problem is None:
                return 0
            message = problem.replace("\0", " ").encode("utf-8", "replace")
            self._lib.vep_host_call_fail(call, message)
            return 1
        except BaseException:
            return 1

    def _fail(self, exc):
        """Keeps `exc` for the engine's call to raise (or chain) when it
        returns."""
        core = self._core()
        if core is not None:
            core.pending = (self.name, exc)

    def _run(self, call):
        """Reads the arguments, calls the function, sets its result.
        Returns None, or a sentence when the result cannot be returned."""
        lib = self._lib
        argc = lib.vep_host_call_argc(call)
        if argc != len(self.params):
            return ("called with %d arguments, its signature has %d"
                    % (argc, len(self.params)))
        args = []
        for i, (t, _name) in enumerate(self.params):
            if t == "bool":
                args.append(bool(lib.vep_host_call_arg_bool(call, i)))
            elif t == "int64":
                args.append(int(lib.vep_host_call_arg_int64(call, i)))
            elif t == "double":
                args.append(float(lib.vep_host_call_arg_double(call, i)))
            else:
                raw = lib.vep_host_call_arg_string(call, i)
                args.append(None if raw is None else raw.decode("utf-8"))
        value = self.fn(*args)
        return self._set_result(call, value)

    def _wrong(self, value):
        """The failure raised for a result of the wrong type."""
        expected = "None" if self.returns == "void" else self.returns
        problem = ("returned %s, but its signature (%s) returns %s"
                   % (_type_name(value), self.signature, expected))
        self._fail(TypeError(problem))
        return problem

    def _set_result(self, call, value):
        """Sets the C result from `value`, checking its type."""
        lib = self._lib
        t = self.returns
        if t == "void":
            if value is not None:
                return self._wrong(value)
            return None
        if t == "bool":
            if not isinstance(value, bool):
                return self._wrong(value)
            status = lib.vep_host_call_return_bool(call, 1 if value else 0)
        elif t == "int64":
            if isinstance(value, bool) or not isinstance(value, int):
                return self._wrong(value)
            if not _INT64_MIN <= value <= _INT64_MAX:
                problem = "returned %d, outside the int64 range" % value
                self._fail(OverflowError(problem))
                return problem
            status = lib.vep_host_call_return_int64(call, value)
        elif t == "double":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return self._wrong(value)
            status = lib.vep_host_call_return_double(call, float(value))
        else:
            if value is None:
                status = lib.vep_host_call_return_string(call, None)
            elif isinstance(value, str):
                if "\0" in value:
                    problem = "returned a string with a NUL character"
                    self._fail(ValueError(problem))
                    return problem
                status = lib.vep_host_call_return_string(
                    call, value.encode("utf-8"))
            else:
                return self._wrong(value)
        if status != 0:
            return "its result was refused (%s)" % (
                lib.vep_status_name(status).decode("ascii", "replace"))
        return None
