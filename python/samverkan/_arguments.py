"""Wrongly typed arguments to the compiled core, reported plainly.

pybind11 answers a call whose arguments match no signature with a TypeError that dumps every signature and
the reprs of the arguments. ``guard(_core)`` wraps the core's functions and methods once, when this module is
imported (first thing in the package), so that any TypeError they raise reaches the caller as
``samverkan.ArgumentTypeError`` (a ``samverkan.Error`` and a ``TypeError``), and a dispatch failure names the
first argument that does not fit and what it takes::

    terms: expected int, got float (2.5)
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

from . import _core
from ._core import Error


class ArgumentTypeError(Error, TypeError):
    """An argument of the wrong type: the message names the argument and what it takes."""

    __module__ = "samverkan"


_ALIASES = {"typing.SupportsInt": "int", "typing.SupportsIndex": "int", "typing.SupportsFloat": "float"}
_DISPATCH = re.compile(r"incompatible (?:function|constructor) arguments")
_SIGNATURE = re.compile(r"^\s*\d+\. \((.*)\)(?: -> .*)?$", re.M)


def _split(params: str) -> list[str]:
    """Top-level comma-separated parts of a signature's parameter list."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(params):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(params[start:i].strip())
            start = i + 1
    if params[start:].strip():
        parts.append(params[start:].strip())
    return parts


def _fits(value: Any, annotation: str) -> bool | None:
    """Whether ``value`` fits a simple annotation; None when the annotation is not one of those."""
    kinds: dict[str, Callable[[Any], bool]] = {
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "bool": lambda v: isinstance(v, bool),
        "str": lambda v: isinstance(v, str),
    }
    options = sorted({_ALIASES.get(a.strip(), a.strip()) for a in annotation.split("|")})
    verdicts = []
    for option in options:
        if option == "None":
            verdicts.append(value is None)
        elif option in kinds:
            verdicts.append(kinds[option](value))
        else:
            return None
    return any(verdicts)


def _plain(name: str, message: str, args: tuple[Any, ...], kwargs: dict[str, Any], method: bool) -> str:
    """A plain message for pybind11's dispatch failure, from the one signature it lists."""
    signatures = _SIGNATURE.findall(message)
    if len(signatures) != 1:
        return f"{name}(): the arguments given match none of its signatures"
    params = []
    for part in _split(signatures[0]):
        pname, _, rest = part.partition(":")
        params.append((pname.strip(), rest.partition("=")[0].strip()))
    if method and params and params[0][0] == "self":
        params, args = params[1:], args[1:]
    names = [p for p, _ in params]
    for key in kwargs:
        if key not in names:
            return f"{name}(): unexpected argument '{key}'; it takes {', '.join(names)}"
    given = list(zip(params, args, strict=False)) + [((k, dict(params)[k]), v) for k, v in kwargs.items()]
    for (pname, annotation), value in given:
        if _fits(value, annotation) is False:
            shown = repr(value)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            wanted = " or ".join(sorted({_ALIASES.get(a.strip(), a.strip()) for a in annotation.split("|")}))
            return f"{pname}: expected {wanted}, got {type(value).__name__} ({shown})"
    if len(args) > len(params):
        return f"{name}(): takes {len(params)} argument(s) ({', '.join(names)}), {len(args)} given"
    return f"{name}(): the arguments do not match ({', '.join(f'{p}: {a}' for p, a in params)})"


def _wrap(fn: Callable[..., Any], name: str, method: bool) -> Callable[..., Any]:
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except TypeError as exc:
            if isinstance(exc, Error):
                raise
            text = str(exc)
            if _DISPATCH.search(text):
                text = _plain(name, text, args, kwargs, method)
            raise ArgumentTypeError(text) from None

    return call


def _is_builtin(obj: Any) -> bool:
    return type(obj).__name__ == "builtin_function_or_method"


def guard(core: ModuleType) -> None:
    """Wraps the core's functions, and its classes' constructors, methods and static methods, in place."""
    for attr, obj in list(vars(core).items()):
        if _is_builtin(obj):
            setattr(core, attr, _wrap(obj, attr, method=False))
        elif isinstance(obj, type) and not issubclass(obj, BaseException):
            for mname, raw in list(vars(obj).items()):
                if mname.startswith("__") and mname not in ("__init__", "__call__"):
                    continue
                if isinstance(raw, staticmethod) and _is_builtin(raw.__func__):
                    setattr(obj, mname, staticmethod(_wrap(raw.__func__, mname, method=False)))
                elif type(raw).__name__ == "instancemethod":
                    setattr(obj, mname, _wrap(getattr(obj, mname), mname, method=True))


def _wrap_python(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A Python function whose calls that do not fit its signature raise ArgumentTypeError; a TypeError from
    inside the function is left as it is."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except TypeError as exc:
            if isinstance(exc, Error):
                raise
            try:
                signature.bind(*args, **kwargs)
            except TypeError as mismatch:
                raise ArgumentTypeError(f"{name}(): {mismatch}") from None
            raise

    return call


def guard_python(namespace: dict[str, Any], names: list[str]) -> None:
    """Wraps the package's public Python functions, and the Python methods of its public classes, in place."""
    for name in names:
        obj = namespace.get(name)
        if inspect.isfunction(obj) and not hasattr(obj, "__wrapped__"):
            namespace[name] = _wrap_python(obj, name)
        elif isinstance(obj, type) and not issubclass(obj, BaseException):
            for mname, raw in list(vars(obj).items()):
                if mname.startswith("__") and mname != "__init__":
                    continue
                if inspect.isfunction(raw) and not hasattr(raw, "__wrapped__"):
                    setattr(obj, mname, _wrap_python(raw, mname))


guard(_core)
