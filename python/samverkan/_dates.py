"""Dates as the library takes them: a datetime.date, or text in ISO form (YYYY-MM-DD)."""

from __future__ import annotations

import datetime as _dt
from typing import TypeAlias

from ._arguments import ArgumentTypeError
from ._core import ArgumentError

DateLike: TypeAlias = _dt.date | str


def to_date(value: DateLike, what: str = "date") -> _dt.date:
    """A datetime.date from a date, a datetime (its date) or "YYYY-MM-DD"; ArgumentError (a ValueError) for
    other text, ArgumentTypeError (a TypeError) for another type."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ArgumentError(f"{what}: {value!r} is not a date in the form YYYY-MM-DD") from None
    raise ArgumentTypeError(f"{what}: expected a datetime.date or 'YYYY-MM-DD', got {type(value).__name__}")
