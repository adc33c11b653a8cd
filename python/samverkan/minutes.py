"""Notices, minutes and the meeting calendar (MTG-1, MTG-2, MIN-1, MIN-2, RGT-2, RGT-3, PLN-4).

A Meeting keeps its steps in an event log: ``meeting.notice(issued_by=...)`` records the kallelse,
``meeting.minutes()`` draws the minnesanteckningar from the log (``.sign(by=...)``, ``.publish()``,
``.to_markdown()``, ``.to_html()``, ``.attendance_frame()``), and ``validate_calendar`` checks a
year's meeting dates. The rules are decided and the texts rendered in the compiled core.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import _core
from ._dates import DateLike

Minutes = _core.Minutes


def validate_calendar(ruleset: _core.Ruleset, year: int, dates: Iterable[DateLike]) -> list[dict[str, Any]]:
    """MTG-1: the findings for a year's meeting dates (dates or "YYYY-MM-DD").

    Each finding is a dict with ``rule``, ``issue`` (too_few_meetings, outside_year,
    outside_validity, duplicate), ``date``, ``termin``, ``meetings`` and ``message``; an empty
    list means the calendar keeps MTG-1.

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> [f["issue"] for f in samverkan.validate_calendar(rs, 2026, ["2026-03-13"])]
    ['too_few_meetings']
    >>> import datetime
    >>> samverkan.validate_calendar(rs, 2026, ["2026-03-13", datetime.date(2026, 9, 18)])
    []
    """
    return list(_core.validate_calendar(ruleset, year, list(dates)))


__all__ = ["Minutes", "validate_calendar"]
