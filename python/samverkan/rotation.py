"""The chair rotation (ROT-1 … ROT-6): the proposed schedule, the term in force, the check of a schedule.

Decided in the compiled core; here dates are accepted as text, schedules as rows of dicts or a
DataFrame, and a schedule gives a pandas frame.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload

from . import _core
from ._dates import DateLike, to_date

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

Term = _core.Term
RotationViolation = _core.RotationViolation

COLUMNS = ("start", "end", "chair", "vice_chair", "chair_side", "vice_side", "lgs_chair_side")

MAX_TERMS: int = _core.max_rotation_terms
"""The most terms one schedule may hold (C++ ``max_rotation_terms``)."""


class Schedule(Sequence[_core.Term]):
    """Terms of office in order; ``to_frame()`` gives one row per term."""

    def __init__(self, ruleset: _core.Ruleset, terms: list[_core.Term]) -> None:
        self.ruleset = ruleset
        self._terms = terms

    @overload
    def __getitem__(self, i: int) -> _core.Term: ...
    @overload
    def __getitem__(self, i: slice) -> list[_core.Term]: ...
    def __getitem__(self, i: int | slice) -> _core.Term | list[_core.Term]:
        return self._terms[i]

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[_core.Term]:
        return iter(self._terms)

    def rows(self) -> list[dict[str, Any]]:
        """One dict per term with the columns of ``COLUMNS``."""
        return [{c: getattr(t, c) for c in COLUMNS} for t in self._terms]

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per term (pandas is imported on first use)."""
        from .frames import _pandas

        frame: pd.DataFrame = _pandas().DataFrame(self.rows(), columns=list(COLUMNS))
        return frame

    def __repr__(self) -> str:
        if not self._terms:
            return f"<Schedule of {self.ruleset.id}: no terms>"
        first, last = self._terms[0], self._terms[-1]
        return f"<Schedule of {self.ruleset.id}: {len(self)} terms, {first.start} – {last.end}>"


def rotation(ruleset: _core.Ruleset, terms: int = 8, start: DateLike | None = None) -> Schedule:
    """The proposed schedule: ``terms`` terms from the rotation's anchor, or, with ``start``, from the
    term in force on that date. ArgumentError for a negative ``terms``, for more than ``MAX_TERMS``, and
    for a schedule running past 9999-12-31, each refused before any term is made."""
    day = None if start is None else to_date(start, "start")
    return Schedule(ruleset, _core.rotation_schedule(ruleset, terms, day))


def chair_on(ruleset: _core.Ruleset, day: DateLike) -> _core.Term:
    """The term in force on a date (RuleViolation ROT-6 before the first term; ArgumentError when the term
    ends after 9999-12-31)."""
    return _core.term_on(ruleset, to_date(day, "day"))


def next_chair(ruleset: _core.Ruleset, body: str, after: DateLike | None = None) -> _core.Term:
    """The term, in force on ``after`` (default today) or later, in which ``body`` holds the chair."""
    day = _dt.date.today() if after is None else to_date(after, "after")
    return _core.next_chair_term(ruleset, body, day)


SCHEDULE_COLUMNS = ("start", "end", "chair", "vice_chair")
"""The columns a chair schedule must have; ``lgs_chair_side`` is optional."""


def schedule_rows(text: str, origin: str = "schedule") -> list[dict[str, str]]:
    """The rows of a chair schedule in CSV, whose first row names the columns (SCHEDULE_COLUMNS, and
    optionally lgs_chair_side). A file without that header, or without any term, raises ArgumentError naming
    ``origin``: it is never checked as an empty schedule."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [c for c in SCHEDULE_COLUMNS if c not in header]
    if missing:
        shown = ",".join(header) if header else "nothing"
        raise _core.ArgumentError(
            f"{origin}: the first row must name the columns {','.join(SCHEDULE_COLUMNS)}[,lgs_chair_side]; "
            f"it holds {shown}, without {', '.join(missing)}"
        )
    reader.fieldnames = header
    rows = list(reader)
    if not rows:
        raise _core.ArgumentError(f"{origin}: the schedule has a header but no term")
    return rows


def _rows(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> list[tuple[Any, ...]]:
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        records: Iterable[Mapping[str, Any]] = rows.to_dict("records")
    else:
        records = rows
    out = []
    for i, row in enumerate(records):
        missing = [k for k in ("start", "end", "chair", "vice_chair") if k not in row]
        if missing:
            raise _core.RuleViolation(f"term {i}: the row has no {', '.join(missing)}")
        lgs = row.get("lgs_chair_side")
        if lgs is not None and not isinstance(lgs, str):  # pandas gives NaN for an empty cell
            lgs = None
        out.append(
            (
                to_date(row["start"], f"term {i}: start"),
                to_date(row["end"], f"term {i}: end"),
                str(row["chair"]),
                str(row["vice_chair"]),
                lgs or None,
            )
        )
    return out


def validate_rotation(
    ruleset: _core.Ruleset, rows: Iterable[Mapping[str, Any]] | pd.DataFrame
) -> list[_core.RotationViolation]:
    """Every violation of ROT-1 … ROT-6 in a schedule: rows of dicts (start, end, chair, vice_chair,
    optionally lgs_chair_side) or a DataFrame with those columns. A row naming a body the ruleset
    does not know raises RuleViolation."""
    return list(_core.validate_rotation(ruleset, _rows(rows)))


# The Ruleset's rotation methods (the class itself is compiled; its stub declares them).
def _rotation_method(self: _core.Ruleset, terms: int = 8, start: DateLike | None = None) -> Schedule:
    return rotation(self, terms, start)


def _chair_on_method(self: _core.Ruleset, day: DateLike) -> _core.Term:
    return chair_on(self, day)


def _next_chair_method(self: _core.Ruleset, body: str, after: DateLike | None = None) -> _core.Term:
    return next_chair(self, body, after)


_rotation_method.__doc__ = rotation.__doc__
_chair_on_method.__doc__ = chair_on.__doc__
_next_chair_method.__doc__ = next_chair.__doc__
_core.Ruleset.rotation = _rotation_method  # type: ignore[method-assign]
_core.Ruleset.chair_on = _chair_on_method  # type: ignore[method-assign]
_core.Ruleset.next_chair = _next_chair_method  # type: ignore[method-assign]

Violation = RotationViolation
