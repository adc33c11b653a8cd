"""Matters (ärenden) from raising to adoption, kept in an event log (docs/matters.md).

A Matter is a view of one matter in an EventLog of the compiled core. Every step is taken by the C++ event
log, which checks it against the rules, records it and changes the matter; a refused step raises
(RuleViolation, NotPermitted or ArgumentError) and changes nothing. Nothing is decided here."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from typing import Any

from . import _core
from ._arguments import ArgumentTypeError
from ._core import ArgumentError, EventLog, Ruleset
from ._dates import DateLike, to_date

Event = dict[str, Any]
"""One event as the JSON of the log writes it: seq, kind, subject, by, day, rules, facts (steps, forced,
breaks, reason where given)."""


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what}: expected text (str), got {type(value).__name__}")
    return value


def _optional_text(value: object, what: str) -> str | None:
    return None if value is None else _text(value, what)


def _flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"{what}: expected True or False, got {type(value).__name__}")
    return value


def _day(value: DateLike | None, what: str = "on") -> _dt.date:
    return _dt.date.today() if value is None else to_date(value, what)


def _ruleset(value: object) -> Ruleset:
    if not isinstance(value, Ruleset):
        raise ArgumentTypeError(f"ruleset: expected a samverkan.Ruleset, got {type(value).__name__}")
    return value


class Matter:
    """A matter (ärende) of a forum, from raising to adoption (docs/matters.md).

    ``Matter(ruleset, title, raised_by)`` raises a new matter in a new event log: ``raised_by`` is the raising
    forum, ``forum`` the forum whose matter it is (default: the forum of the ruleset's rotation, the samråd),
    ``on`` the day (default: today). ``directional`` is what ``Meeting.consider(matter)`` assumes unless told
    otherwise: whether a position is an inriktningsbeslut that the bodies then adopt (CNS-5). Pass ``log=`` to
    keep the matter in an existing EventLog beside others; ``id`` names it there (default: m1, m2, …).

    Every step takes ``force=False, reason=None``: a forced step that breaks a rule is taken anyway and
    recorded with the rule and the reason (a reason is required); ``violations()`` lists them."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        ruleset: Ruleset,
        title: str,
        raised_by: str,
        directional: bool = False,
        forum: str | None = None,
        on: DateLike | None = None,
        *,
        id: str | None = None,  # noqa: A002 - the matter's id, as in the log
        log: EventLog | None = None,
        force: bool = False,
        reason: str | None = None,
    ) -> None:
        rs = _ruleset(ruleset)
        _text(title, "title")
        _text(raised_by, "raised_by")
        flag = _flag(directional, "directional")
        target = _text(forum, "forum") if forum is not None else str(rs.rotation_parameters["forum"])
        day = _day(on)
        if log is None:
            log = EventLog(rs)
        elif not isinstance(log, EventLog):
            raise ArgumentTypeError(f"log: expected a samverkan.EventLog, got {type(log).__name__}")
        elif log.ruleset.id != rs.id:
            raise ArgumentError(f"log: the event log is kept under ruleset '{log.ruleset.id}', not '{rs.id}'")
        if id is None:
            taken = set(log.matter_ids())
            n = len(taken) + 1
            while f"m{n}" in taken:
                n += 1
            id = f"m{n}"  # noqa: A001
        log.raise_matter(
            _text(id, "id"),
            title,
            target,
            raised_by,
            day,
            force=_flag(force, "force"),
            reason=_optional_text(reason, "reason"),
            directional=flag,
        )
        self._log = log
        self._id = id

    @classmethod
    def _in(cls, log: EventLog, matter_id: str | None) -> Matter:
        ids = log.matter_ids()
        if matter_id is None:
            if not ids:
                raise ArgumentError("the event log holds no matter")
            matter_id = ids[0]
        else:
            log.matter(_text(matter_id, "id"))  # UnknownId when the log has no such matter
        m = cls.__new__(cls)
        m._log = log
        m._id = matter_id
        return m

    # ---- reading back ----------------------------------------------------------------------------------

    @classmethod
    def from_json(cls, ruleset: Ruleset, text: str, id: str | None = None) -> Matter:  # noqa: A002
        """The matter ``id`` (default: the first raised) of a log that ``to_json`` wrote, replayed event by
        event under ``ruleset``. A newer schema version or another ruleset's log raises ArgumentError; an
        event that fails the replay raises LogError with its ``.index`` and ``.rule``."""
        return cls._in(EventLog.from_json(_ruleset(ruleset), _text(text, "text")), id)

    @classmethod
    def from_history(cls, ruleset: Ruleset, events: Sequence[Event], id: str | None = None) -> Matter:  # noqa: A002
        """As from_json, from the events as ``history`` gives them (a list of dicts)."""
        rs = _ruleset(ruleset)
        if isinstance(events, (str, bytes)) or not isinstance(events, Sequence):
            raise ArgumentTypeError(f"events: expected a list of event dicts, got {type(events).__name__}")
        for i, e in enumerate(events):
            if not isinstance(e, dict):
                raise ArgumentTypeError(f"events[{i}]: expected a dict, got {type(e).__name__}")
        try:
            text = json.dumps(
                {"samverkan_event_log": _core.EVENT_LOG_SCHEMA, "ruleset": rs.id, "events": list(events)},
                ensure_ascii=False,
            )
        except (TypeError, ValueError) as exc:
            raise ArgumentTypeError(f"events: not plain data as history gives it ({exc})") from None
        return cls._in(EventLog.from_json(rs, text), id)

    def to_json(self) -> str:
        """The whole event log as JSON text (docs/matters.md)."""
        return self._log.to_json()

    # ---- what it is --------------------------------------------------------------------------------------

    def _state(self) -> dict[str, Any]:
        return self._log.matter(self._id)

    @property
    def id(self) -> str:
        return self._id

    @property
    def log(self) -> EventLog:
        """The EventLog that keeps it."""
        return self._log

    @property
    def ruleset(self) -> Ruleset:
        return self._log.ruleset

    @property
    def title(self) -> str:
        return str(self._state()["title"])

    @property
    def forum(self) -> str:
        return str(self._state()["forum"])

    @property
    def raised_by(self) -> str:
        return str(self._state()["raised_by"])

    @property
    def raised_on(self) -> _dt.date:
        day: _dt.date = self._state()["raised_on"]
        return day

    @property
    def status(self) -> str:
        """raised, prepared, on_agenda, referred_back, position, in_adoption or removed."""
        return str(self._state()["state"])

    @property
    def directional(self) -> bool:
        """Whether a position on it is directional (CNS-5): as the position was taken, and until then as it
        was raised; a matter read back from its log has the same."""
        return bool(self._state()["directional"])

    @property
    def preparers(self) -> list[str]:
        return list(self._state()["preparers"])

    @property
    def referrals(self) -> int:
        """Times referred back (återremiss, CNS-3)."""
        return int(self._state()["referrals"])

    @property
    def referral_reason(self) -> str:
        return str(self._state()["referral_reason"])

    @property
    def last_meeting(self) -> str | None:
        """The id of the meeting that last considered it."""
        last: str | None = self._state()["last_meeting"]
        return last

    @property
    def cases(self) -> list[dict[str, Any]]:
        """The adoption cases (CNS-5): body, state, decided, reference, deadline."""
        return list(self._state()["cases"])

    @property
    def adoption(self) -> dict[str, str]:
        """Body -> pending, adopted, adopted_with_changes, declined or not_applicable; {} before a directional
        position."""
        return {c["body"]: c["state"] for c in self._state()["cases"]}

    @property
    def history(self) -> list[Event]:
        """The events of its log (the meetings' that considered it included), as the log's JSON has them."""
        events: list[Event] = json.loads(self._log.to_json())["events"]
        return events

    def adoption_status(self, on: DateLike | None = None) -> dict[str, Any]:
        """CNS-5 on ``on`` (default: today): status (pending, adopted, partially_adopted, declined, overdue),
        in_force, in_force_for, overdue, and the counts adopted, declined, pending, not_applicable."""
        return self._log.adoption(self._id, _day(on))

    def next_steps(self, on: DateLike | None = None) -> list[dict[str, Any]]:
        """Each action (prepare, place_on_agenda, consider, set_deadline, record_adoption) with allowed, rule
        and an English note, on ``on`` (default: today)."""
        return self._log.next_steps(self._id, _day(on))

    def violations(self) -> list[dict[str, Any]]:
        """The forced steps on this matter (avvikelser, PLN-4): index, kind, subject, rule, reason."""
        return [v for v in self._log.violations() if v["subject"] == self._id]

    # ---- steps -----------------------------------------------------------------------------------------

    def prepare(
        self, by: str, on: DateLike | None = None, *, force: bool = False, reason: str | None = None
    ) -> Matter:
        """STR-1, STR-2: the forum ``by`` prepares the matter."""
        self._log.prepare(self._id, _text(by, "by"), _day(on), **_opts(force, reason))
        return self

    def place_on_agenda(
        self, on: DateLike | None = None, *, force: bool = False, reason: str | None = None
    ) -> Matter:
        """MTG-3: a prepared matter is put on the agenda of its forum."""
        self._log.place_on_agenda(self._id, _day(on), **_opts(force, reason))
        return self

    def set_deadline(
        self,
        deadline: DateLike,
        body: str | None = None,
        on: DateLike | None = None,
        *,
        force: bool = False,
        reason: str | None = None,
    ) -> Matter:
        """CNS-5: a deadline for ``body``'s adoption, or for every body's (``body`` None)."""
        self._log.set_deadline(
            self._id,
            _optional_text(body, "body") or "",
            to_date(deadline, "deadline"),
            _day(on),
            **_opts(force, reason),
        )
        return self

    def _record(
        self,
        state: str,
        body: str,
        on: DateLike | None,
        reference: str | None,
        force: bool,
        reason: str | None,
    ) -> Matter:
        self._log.record_adoption(
            self._id,
            _text(body, "body"),
            state,
            _day(on),
            _optional_text(reference, "reference") or "",
            **_opts(force, reason),
        )
        return self

    def adopt(
        self,
        body: str,
        on: DateLike | None = None,
        reference: str | None = None,
        with_changes: bool = False,
        *,
        force: bool = False,
        reason: str | None = None,
    ) -> Matter:
        """CNS-5: ``body`` adopted the position on ``on`` (its decision's day), ``with_changes`` or not."""
        state = "adopted_with_changes" if _flag(with_changes, "with_changes") else "adopted"
        return self._record(state, body, on, reference, force, reason)

    def decline(
        self,
        body: str,
        on: DateLike | None = None,
        reference: str | None = None,
        *,
        force: bool = False,
        reason: str | None = None,
    ) -> Matter:
        """CNS-5: ``body`` declined to adopt the position."""
        return self._record("declined", body, on, reference, force, reason)

    def not_applicable(
        self,
        body: str,
        on: DateLike | None = None,
        reference: str | None = None,
        *,
        force: bool = False,
        reason: str | None = None,
    ) -> Matter:
        """CNS-5: the position does not concern ``body``."""
        return self._record("not_applicable", body, on, reference, force, reason)

    # ---- comparison --------------------------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Matter):
            return NotImplemented
        return self._id == other._id and self._log == other._log

    def __repr__(self) -> str:
        return f"<Matter {self._id} '{self.title}' of {self.forum}: {self.status}>"


def _opts(force: object, reason: object) -> dict[str, Any]:
    return {"force": _flag(force, "force"), "reason": _optional_text(reason, "reason")}


__all__ = ["Event", "EventLog", "Matter"]
