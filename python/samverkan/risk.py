"""Attendance risk: how likely an item of a forum is quorate (beslutförhet, QRM-3) when each seat is
present independently with a known probability, substitutes (ersättare) serving only for vacant ordinary
seats in their scope (QRM-2). The figures are exact and come from the compiled core
(``include/samverkan/risk.hpp``), which also reads the arguments in every form they may take.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from . import _core

AttendanceRisk = _core.AttendanceRisk

__all__ = ["AttendanceRisk", "quorum_probability"]


def quorum_probability(
    ruleset: _core.Ruleset,
    forum: str = "politiskt_samrad",
    attendance: float | Mapping[str, float] | Sequence[float] | _core._ArrayLike = 0.9,
    substitute_attendance: float | None = None,
    known_absent: Iterable[str] | None = (),
) -> AttendanceRisk:
    """The probability that an item of ``forum`` is quorate (beslutför, QRM-3), and the distribution of
    the ordinary seats served, when each seat is present independently of the others.

    ``attendance`` is one probability for every seat; or a dict {seat id: probability}, which names every
    seat except those in ``known_absent`` and, when ``substitute_attendance`` is given, the substitute
    seats it leaves out; or a sequence (a list, a tuple, a NumPy array) of one probability per seat in the
    order of ``ruleset.seats(forum)``. With one number, ``substitute_attendance`` gives the substitutes
    (ersättare) a rate of their own. ``known_absent`` lists the seats that have sent apologies (anmält
    förhinder): they are away whatever ``attendance`` says.

    A substitute serves only for a vacant ordinary seat in its substitution scope (QRM-2). The figures
    are exact for an item decided as the first of a meeting, with nobody disqualified (jävig) and nobody
    taking part remotely.

    Raises ArgumentError (a probability outside [0, 1] or NaN, a sequence of the wrong length, a dict
    that leaves seats out, a seat twice in ``known_absent``, ``substitute_attendance`` with a sequence),
    NotPermitted (RGT-4: an id that holds no seat), UnknownId (an unknown forum) and TypeError (an
    argument of the wrong type).

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> risk = samverkan.quorum_probability(rs, attendance=0.7, known_absent=["goteborg/ord1"])
    >>> risk.threshold, risk.ordinary_seats, len(risk.distribution)
    (8, 15, 16)
    """
    return _core.quorum_probability(ruleset, forum, attendance, substitute_attendance, known_absent)
