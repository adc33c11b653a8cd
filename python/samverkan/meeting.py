"""Meetings: who serves, quorum, who presides and the outcome of each agenda item (QRM, CNS, RGT).

The rules are decided in the compiled core; this class turns friendly arguments (dates as text,
people as dicts) into its terms.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

from . import _core
from ._dates import DateLike, to_date

Ruling = _core.Ruling
Step = _core.Step
Unknown = _core.Unknown


def _person(seat_id: str, info: Mapping[str, Any] | str) -> tuple[str, _dt.date | None, _dt.date | None]:
    if isinstance(info, str):
        return (info, None, None)
    unknown = set(info) - {"name", "born", "member_since"}
    if unknown:
        raise _core.ArgumentError(
            f"people[{seat_id!r}]: unknown key(s) {sorted(unknown)}; use name, born, member_since"
        )
    born = info.get("born")
    since = info.get("member_since")
    return (
        str(info.get("name", "")),
        None if born is None else to_date(born, f"people[{seat_id!r}].born"),
        None if since is None else to_date(since, f"people[{seat_id!r}].member_since"),
    )


def _ids(value: Iterable[str] | None, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        raise TypeError(f"{what}: expected a list of seat ids, got the string {value!r}")
    return [str(v) for v in value]


class Meeting:
    """A meeting of a forum on a date.

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> everyone = [s.id for s in rs.seats("politiskt_samrad") if s.kind == "ordinary"]
    >>> m = samverkan.Meeting(rs, date="2026-03-13", present=everyone,
    ...                       chair="goteborg/ord1", vice_chair="regionhalsan/ord")
    >>> r = m.consider("Gemensam riktlinje")
    >>> r.outcome, r.presiding
    ('position', 'goteborg/ord1')
    >>> print(r.explain().splitlines()[2].split(";")[0])
    QRM-3  15 av 15 ordinarie platser har tjänstgörande ledamöter
    """

    def __init__(
        self,
        ruleset: _core.Ruleset,
        forum: str = "politiskt_samrad",
        date: DateLike | None = None,
        present: Iterable[str] | None = None,
        chair: str | None = None,
        vice_chair: str | None = None,
        people: Mapping[str, Mapping[str, Any] | str] | None = None,
        remote: Iterable[str] | None = None,
    ) -> None:
        if date is None:
            raise TypeError("Meeting needs date= (a datetime.date or 'YYYY-MM-DD')")
        self.ruleset = ruleset
        self.forum = forum
        self.date = to_date(date, "date")
        persons = {str(k): _person(str(k), v) for k, v in (people or {}).items()}
        self._core = _core.Meeting(
            ruleset,
            forum,
            self.date,
            _ids(present, "present"),
            chair,
            vice_chair,
            persons,
            _ids(remote, "remote"),
        )

    def consider(
        self,
        title: str,
        objections: Iterable[str] | None = None,
        abstentions: Iterable[str] | None = None,
        disqualified: Iterable[str] | None = None,
        referrals: int = 0,
        action: str | None = None,
        reason: str | None = None,
    ) -> Ruling:
        """Decides one agenda item.

        ``action`` is what the meeting chooses when there is no consensus ("refer_back" or "remove";
        default: the ruleset's on_no_consensus); ``reason`` is what renewed preparation must address.
        Raises NotPermitted (RGT-1, RGT-4), RuleViolation (CNS-2, CNS-3) or ArgumentError (a seat named
        twice); a refused call changes nothing.
        """
        return self._core.consider(
            title,
            _ids(objections, "objections"),
            _ids(abstentions, "abstentions"),
            _ids(disqualified, "disqualified"),
            int(referrals),
            action or "unspecified",
            reason or "",
        )

    def arrive(self, seat_id: str, remote: bool = False) -> None:
        """A member arrives between items, on site or remotely (QRM-7); an ordinary member takes the seat
        back at the next item (QRM-5)."""
        self._core.arrive(seat_id, bool(remote))

    def leave(self, seat_id: str, reason: str = "left") -> None:
        """A member leaves between items; reason "left" (does not serve again today, QRM-5) or
        "disqualified"."""
        self._core.leave(seat_id, reason)

    def setup(self) -> dict[str, Any]:
        """The setup exactly as given: ``Meeting(ruleset, **m.setup())`` gives the same rulings. Derived
        values, such as the chair taken from the rotation, are in the rulings (``Ruling.chair``)."""
        return self._core.setup()

    @property
    def rulings(self) -> list[Ruling]:
        """The rulings so far, in order."""
        return list(self._core.rulings)

    def __repr__(self) -> str:
        return (
            f"<Meeting of {self.forum} on {self.date.isoformat()} under {self.ruleset.id}: "
            f"{len(self.rulings)} item(s)>"
        )
