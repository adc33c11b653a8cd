"""The impact of a policy change: the same meetings decided under two rulesets, and what comes out
differently (QRM-2 … QRM-7, CNS-1 … CNS-4), with the chair rotation of both (ROT-1 … ROT-6).

``compare(baseline, changed, ...)`` runs each scenario (an attendance pattern of the forum, with
objections, jäv and remote members where given) as the first agenda item of a meeting under both
rulesets. A scenario *differs* when a decision of its ruling differs: who chairs and who is vice chair,
whether the item is quorate (beslutfört), how many ordinary seats are served and by whom, the
substitutions (ersättare), who presides, the outcome (ställningstagande, återremiss, …), the referral
count, whether remote presence counts, and the unknowns. The rule's own parameters (the quorum
threshold, the facts of each step) are not compared: they differ in every scenario as soon as a
parameter changes, and the steps are shown side by side for the scenarios that differ.

A quorum of two thirds instead of more than half: with nobody standing in (substitutes absent), the
meetings with six members away are quorate today and would not be:

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> text = rs.source_text.replace("quorum: more_than_half", "quorum: two_thirds")
    >>> changed = samverkan.load_string(text)
    >>> c = samverkan.compare(rs, changed, absent_up_to=6, substitutes_present=False)
    >>> c.summary["scenarios"], c.summary["differing"]
    (9949, 5005)
    >>> c.summary["outcomes"][("position", "not_quorate")]
    5005
    >>> c.differences.loc[0, ["outcome_baseline", "outcome_changed"]].tolist()
    ['position', 'not_quorate']
    >>> len(c.rotation)
    0
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import _core
from ._dates import DateLike, to_date
from ._lang import DEFAULT, check_lang
from .batch import OUTCOMES, rule_batch
from .risk import quorum_probability
from .rotation import MAX_TERMS, rotation

if TYPE_CHECKING:
    import numpy.typing as npt

    # pandas ships no type information; with pandas-stubs installed the frames below are typed.
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

__all__ = ["Comparison", "QuorumChange", "compare", "rotation_changes"]

#: The most scenarios ``absent_up_to``, ``rates`` with ``n`` and ``exhaustive`` may generate: refused
#: above it before any work starts. 2**22 is every pattern of a forum of 22 seats.
MAX_SCENARIOS = 2**22

#: Up to this many generated scenarios, every one is ruled in full when the batch kernel cannot see all
#: that may differ (see ``compare``); above it, only those the kernel finds different.
FULL_COMPARE_LIMIT = 50_000

#: The fields of ``Ruling.to_dict()`` that are decisions; a scenario differs when one of them does.
DECISIONS = (
    "chair",
    "vice_chair",
    "quorate",
    "served",
    "serving",
    "substitutions",
    "presiding",
    "outcome",
    "referrals",
    "remote_counts",
    "unknowns",
)

#: The keys a given scenario may have; only ``present`` is required.
SCENARIO_KEYS = (
    "present",
    "objections",
    "abstentions",
    "disqualified",
    "remote",
    "referrals",
    "date",
    "title",
)

#: Meeting parameters whose effect the batch kernel reports in full (served, quorate, outcome).
_BATCH_DECIDED = frozenset(
    {
        "quorum",
        "quorum_both_sides_present",
        "consensus",
        "max_referrals",
        "on_no_consensus",
        "meetings_per_termin",
    }
)

_TITLE = "Ärende"


# ---- scenarios ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scenario:
    present: tuple[str, ...]
    objections: tuple[str, ...] = ()
    abstentions: tuple[str, ...] = ()
    disqualified: tuple[str, ...] = ()
    remote: tuple[str, ...] = ()
    referrals: int = 0
    date: _dt.date | None = None
    title: str = _TITLE


def _missing(value: Any) -> bool:
    """None, NaN or pandas' NaT: an empty cell of a frame."""
    if value is None or type(value).__name__ == "NaTType":
        return True
    return isinstance(value, float) and math.isnan(value)


def _ids(value: Any, what: str) -> tuple[str, ...]:
    if _missing(value):
        return ()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise _core.ArgumentError(f"{what} must be a list of seat ids, not {value!r}")
    ids = tuple(value)
    for seat in ids:
        if not isinstance(seat, str):
            raise _core.ArgumentError(f"{what}: a seat id is text, not {seat!r}")
    return ids


def _date(value: DateLike, what: str) -> _dt.date:
    try:
        return to_date(value, what)
    except TypeError as exc:
        raise _core.ArgumentError(str(exc)) from None


def _integer(value: Any, what: str) -> int:
    """A whole number (an integral float, as a pandas column with empty cells holds, too)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise _core.ArgumentError(f"{what} must be a whole number, not {value!r}")
    return int(value)


def _whole(value: Any, what: str) -> int:
    """A whole number, 0 or more."""
    if _integer(value, what) < 0:
        raise _core.ArgumentError(f"{what} must be 0 or more, not {value!r}")
    return int(value)


def _given(scenarios: Any) -> list[_Scenario]:
    """The given scenarios: a DataFrame, or a list of dicts with the keys of SCENARIO_KEYS."""
    if hasattr(scenarios, "to_dict") and hasattr(scenarios, "columns"):
        records: list[Any] = scenarios.to_dict("records")
    elif isinstance(scenarios, (str, bytes, Mapping)) or not isinstance(scenarios, Iterable):
        raise _core.ArgumentError(
            "scenarios must be a DataFrame or a list of dicts (present, objections, …), "
            f"not {type(scenarios).__name__}"
        )
    else:
        records = list(scenarios)
    out = []
    for i, row in enumerate(records):
        if not isinstance(row, Mapping):
            raise _core.ArgumentError(f"scenario {i} must be a dict, not {type(row).__name__}")
        unknown = sorted(str(k) for k in row if k not in SCENARIO_KEYS)
        if unknown:
            raise _core.ArgumentError(
                f"scenario {i}: unknown key {', '.join(unknown)}; use {', '.join(SCENARIO_KEYS)}"
            )
        if _missing(row.get("present")):
            raise _core.ArgumentError(
                f"scenario {i} names nobody present: give 'present', a list of seat ids"
            )
        referrals = row.get("referrals")
        day: Any = None if _missing(row.get("date")) else row["date"]
        title: Any = None if _missing(row.get("title")) else row["title"]
        if title is not None and not isinstance(title, str):
            raise _core.ArgumentError(f"scenario {i}: title must be text, not {title!r}")
        out.append(
            _Scenario(
                present=_ids(row["present"], f"scenario {i}: present"),
                objections=_ids(row.get("objections"), f"scenario {i}: objections"),
                abstentions=_ids(row.get("abstentions"), f"scenario {i}: abstentions"),
                disqualified=_ids(row.get("disqualified"), f"scenario {i}: disqualified"),
                remote=_ids(row.get("remote"), f"scenario {i}: remote"),
                # CNS-3 refuses a negative count itself, with the rule's id.
                referrals=0 if _missing(referrals) else _integer(referrals, f"scenario {i}: referrals"),
                date=None if day is None else _date(day, f"scenario {i}: date"),
                title=_TITLE if title is None else title,
            )
        )
    return out


def _seat_rates(ruleset: _core.Ruleset, forum: str, rates: Any) -> list[float]:
    """One probability per seat of the forum, in seat order, from a number or a dict by seat or body id
    (a seat's own entry wins over its body's; ``"*"`` gives every seat named neither way)."""
    seats = ruleset.seats(forum)

    def probability(value: Any, what: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            raise _core.ArgumentError(f"{what} must be a probability in [0, 1], not {value!r}")
        return float(value)

    if isinstance(rates, (int, float)) and not isinstance(rates, bool):
        return [probability(rates, "rates")] * len(seats)
    if not isinstance(rates, Mapping):
        raise _core.ArgumentError(f"rates must be a probability or a dict by seat or body id, not {rates!r}")
    seat_ids = {s.id for s in seats}
    bodies = {s.body for s in seats}
    for key in rates:
        if not isinstance(key, str):
            raise _core.ArgumentError(f"rates: a key is a seat or body id, not {key!r}")
        if key != "*" and key not in seat_ids and key not in bodies:
            raise _core.UnknownId(f"rates: {key!r} is neither a seat nor a body of {forum}")
    default = rates.get("*")
    out = []
    missing = []
    for s in seats:
        value = rates.get(s.id, rates.get(s.body, default))
        if value is None:
            missing.append(s.id)
        else:
            out.append(probability(value, f"rates[{s.id!r}]"))
    if missing:
        raise _core.ArgumentError(
            f"rates names neither these seats nor their bodies: {', '.join(missing)}; "
            "add them, or give every other seat's rate as rates['*']"
        )
    return out


class _Generated:
    """Generated scenarios as boolean masks (N × seats) or packed words (N,), columns in the baseline's
    seat order, and the same scenarios in the changed ruleset's seat order."""

    def __init__(self, seat_ids: list[str], masks: npt.NDArray[Any], packed: bool) -> None:
        self.seat_ids = seat_ids
        self.masks = masks
        self.packed = packed

    def __len__(self) -> int:
        return int(self.masks.shape[0])

    def present(self, i: int) -> tuple[str, ...]:
        if self.packed:
            word = int(self.masks[i])
            return tuple(s for j, s in enumerate(self.seat_ids) if word >> j & 1)
        row = self.masks[i]
        return tuple(s for j, s in enumerate(self.seat_ids) if row[j])

    def in_order_of(self, seat_ids: list[str]) -> npt.NDArray[Any]:
        """The masks with columns (or bits) in the order of ``seat_ids``."""
        import numpy as np

        if seat_ids == self.seat_ids:
            return self.masks
        where = [seat_ids.index(s) for s in self.seat_ids]
        if self.packed:
            out = np.zeros_like(self.masks)
            for j, k in enumerate(where):
                out |= ((self.masks >> np.uint64(j)) & np.uint64(1)) << np.uint64(k)
            return out
        moved = np.empty_like(self.masks)
        moved[:, where] = self.masks
        return moved


def _count_absent_up_to(ordinary: int, k: int) -> int:
    return sum(math.comb(ordinary, j) for j in range(min(k, ordinary) + 1))


def _absent_up_to(seats: list[_core.Seat], k: int, substitutes_present: bool) -> _Generated:
    import numpy as np

    ordinary = [j for j, s in enumerate(seats) if s.kind == "ordinary"]
    substitutes = [j for j, s in enumerate(seats) if s.kind != "ordinary"]
    absences = [
        c for size in range(min(k, len(ordinary)) + 1) for c in itertools.combinations(ordinary, size)
    ]
    masks = np.zeros((len(absences), len(seats)), dtype=bool)
    masks[:, ordinary] = True
    if substitutes_present:
        masks[:, substitutes] = True
    for row, away in enumerate(absences):
        masks[row, list(away)] = False
    return _Generated([s.id for s in seats], masks, packed=False)


# ---- rulings -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Result:
    """A full ruling, or the refusal of the item (RGT-1: an objection from a seat that does not serve)."""

    ruling: _core.Ruling | None
    data: dict[str, Any] | None
    refusal: str = ""

    @property
    def outcome(self) -> str:
        return "refused" if self.data is None else str(self.data["outcome"])

    def decisions(self) -> dict[str, Any]:
        if self.data is None:
            return {"outcome": "refused", "refusal": self.refusal}
        return {k: self.data[k] for k in DECISIONS}

    def steps(self) -> list[dict[str, Any]]:
        return [] if self.data is None else list(self.data["steps"])

    def explain(self, lang: str) -> str:
        if self.ruling is None:
            return ("vägrat: " if lang == "sv" else "refused: ") + self.refusal
        return self.ruling.explain(lang)


def _rule(ruleset: _core.Ruleset, forum: str, day: _dt.date, scenario: _Scenario) -> _Result:
    meeting = _core.Meeting(
        ruleset,
        forum,
        scenario.date or day,
        present=scenario.present,
        remote=scenario.remote or None,
    )
    try:
        ruling = meeting.consider(
            scenario.title,
            objections=scenario.objections,
            abstentions=scenario.abstentions,
            disqualified=scenario.disqualified,
            referrals=scenario.referrals,
        )
    except _core.NotPermitted as exc:
        if exc.rule != "RGT-1":  # RGT-4, an id that holds no seat, is the caller's error
            raise
        return _Result(None, None, str(exc))
    return _Result(ruling, ruling.to_dict())


def _differs_in(b: _Result, c: _Result) -> list[str]:
    db, dc = b.decisions(), c.decisions()
    return [k for k in dict.fromkeys([*db, *dc]) if db.get(k) != dc.get(k)]


def _batch_sees_all(
    baseline: _core.Ruleset, changed: _core.Ruleset, forum: str, days: tuple[_dt.date, _dt.date]
) -> bool:
    """Whether, for generated scenarios (no objections, jäv or remote members), equal batch results
    (served, quorate, outcome) imply equal decisions: the same seats in the same order (QRM-2), the same
    parameters apart from those whose effect the batch reports, and the same chair and vice chair on the
    day (ROT-3a, QRM-6)."""

    def seats(rs: _core.Ruleset) -> list[tuple[str, str, str, str, str]]:
        return [(s.id, s.kind, s.body, s.party, s.side) for s in rs.seats(forum)]

    def parameters(rs: _core.Ruleset) -> dict[str, Any]:
        return {k: v for k, v in rs.meeting.items() if k not in _BATCH_DECIDED}

    def presidium(rs: _core.Ruleset, day: _dt.date) -> tuple[str, str] | None:
        try:
            term = rs.chair_on(day)
        except _core.Error:
            return None
        return (term.chair, term.vice_chair)

    if seats(baseline) != seats(changed) or parameters(baseline) != parameters(changed):
        return False
    first, second = presidium(baseline, days[0]), presidium(changed, days[1])
    return first is not None and first == second


# ---- the comparison ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumChange:
    """The probability that an item is quorate (QRM-3) under each ruleset, from the same attendance
    rates (``samverkan.quorum_probability``)."""

    baseline: _core.AttendanceRisk
    changed: _core.AttendanceRisk

    @property
    def change(self) -> float:
        """changed − baseline."""
        return self.changed.quorate - self.baseline.quorate

    def __repr__(self) -> str:
        return (
            f"<QuorumChange P(quorate) {self.baseline.quorate:.4f} → {self.changed.quorate:.4f} "
            f"({self.change:+.4f})>"
        )


_TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "heading": "# Konsekvensanalys: {baseline} → {changed}",
        "setting": "Forum: {forum}. Sammanträdesdag: {days}. Varje scenario prövas som första ärendet på "
        "ett sammanträde.",
        "summary": "## Sammanfattning",
        "counts": "{n} scenarier prövade; {d} avgörs olika.",
        "given": "Scenarierna är givna ({n} st).",
        "absent_up_to": "Alla närvaromönster med högst {k} frånvarande ordinarie ledamöter; ersättarna är "
        "{subs}.",
        "subs.present": "närvarande",
        "subs.absent": "frånvarande",
        "drawn": "{n} slumpade sammanträden (närvarosannolikhet per plats, frö {seed}).",
        "exhaustive": "Alla {n} närvaromönster för forumets platser.",
        "incomplete": "Obs: scenarierna sållades med batchberäkningen (utfall, beslutförhet, antal "
        "tjänstgörande). Skillnader enbart i vem som tjänstgör eller är ordförande kan saknas.",
        "pairs": "| Utfall före | Utfall efter | Scenarier | Avgörs olika |",
        "quorum": "Sannolikhet för beslutförhet (QRM-3): {b:.4f} före, {c:.4f} efter ({delta:+.4f}).",
        "differences": "## Scenarier som avgörs olika",
        "none": "Inga scenarier avgörs olika.",
        "shown": "Tabellen visar {shown} av {d} scenarier som avgörs olika.",
        "table": "| # | Scenario | Utfall före | Utfall efter | Förklaring före | Förklaring efter |",
        "rotation": "## Ordförandeskapets rotation (ROT-1 … ROT-6)",
        "rotation_same": "Ordförande och vice ordförande är desamma under de {terms} perioderna "
        "från {start}.",
        "rotation_none": "Rotationen jämförs inte.",
        "rotation_table": "| Period | Ordförande före | Ordförande efter | Vice ordförande före | "
        "Vice ordförande efter |",
        "everyone": "alla ordinarie ledamöter närvarande",
        "absent": "frånvarande ordinarie ledamöter: {ids}",
        "absent_substitutes": "frånvarande ersättare: {ids}",
        "no_substitutes": "inga ersättare närvarande",
        "objections": "invändningar: {ids}",
        "abstentions": "står utanför: {ids}",
        "disqualified": "jäviga: {ids}",
        "remote": "på distans: {ids}",
        "referrals": "tidigare återremisser: {n}",
        "date": "dag: {date}",
        "outcome.position": "ställningstagande",
        "outcome.referred_back": "återremiss",
        "outcome.removed": "avförs",
        "outcome.not_quorate": "inte beslutfört",
        "outcome.not_dealt_with": "inte behandlat (ingen får vara ordförande)",
        "outcome.refused": "vägrat (RGT-1)",
    },
    "en": {
        "heading": "# Impact of a change: {baseline} → {changed}",
        "setting": "Forum: {forum}. Meeting day: {days}. Each scenario is the first item of a meeting.",
        "summary": "## Summary",
        "counts": "{n} scenarios tried; {d} come out differently.",
        "given": "The scenarios are given ({n}).",
        "absent_up_to": "Every attendance pattern with at most {k} of the ordinary members absent; "
        "the substitutes (ersättare) are {subs}.",
        "subs.present": "present",
        "subs.absent": "absent",
        "drawn": "{n} meetings drawn at random (a presence probability per seat, seed {seed}).",
        "exhaustive": "Every one of the {n} attendance patterns of the forum's seats.",
        "incomplete": "Note: the scenarios were screened by the batch kernel (outcome, quorum, seats "
        "served). Differences only in who serves or who chairs may be missing.",
        "pairs": "| Outcome (baseline) | Outcome (changed) | Scenarios | Differing |",
        "quorum": "Probability of quorum (beslutförhet, QRM-3): {b:.4f} baseline, {c:.4f} changed "
        "({delta:+.4f}).",
        "differences": "## Scenarios that come out differently",
        "none": "No scenario comes out differently.",
        "shown": "The table shows {shown} of the {d} scenarios that come out differently.",
        "table": "| # | Scenario | Outcome (baseline) | Outcome (changed) | Explanation (baseline) | "
        "Explanation (changed) |",
        "rotation": "## Chair rotation (ROT-1 … ROT-6)",
        "rotation_same": "The chair (ordförande) and vice chair (vice ordförande) are the same in the "
        "{terms} terms from {start}.",
        "rotation_none": "The rotation is not compared.",
        "rotation_table": "| Term | Chair (baseline) | Chair (changed) | Vice chair (baseline) | "
        "Vice chair (changed) |",
        "everyone": "every ordinary member present",
        "absent": "ordinary members absent: {ids}",
        "absent_substitutes": "substitutes absent: {ids}",
        "no_substitutes": "no substitutes present",
        "objections": "objections: {ids}",
        "abstentions": "standing aside: {ids}",
        "disqualified": "disqualified (jäv): {ids}",
        "remote": "remote: {ids}",
        "referrals": "earlier referrals: {n}",
        "date": "day: {date}",
        "outcome.position": "position (ställningstagande)",
        "outcome.referred_back": "referred back (återremiss)",
        "outcome.removed": "removed (avförs)",
        "outcome.not_quorate": "not quorate",
        "outcome.not_dealt_with": "not dealt with (nobody may chair)",
        "outcome.refused": "refused (RGT-1)",
    },
}


def _decided(explanation: str) -> str:
    """An explanation's step lines (rule id and what it decided), without the indented sources."""
    return "\n".join(line for line in explanation.splitlines() if line and not line[0].isspace())


def _cell(text: str) -> str:
    """Text for a cell of a Markdown table: pipes escaped, lines joined with <br>."""
    return text.replace("|", "\\|").replace("\n", "<br>")


class Comparison:
    """What ``compare`` found: ``differences`` (one row per differing scenario), ``summary``,
    ``rotation`` (the terms whose chair or vice chair differ), ``quorum_probability`` (with ``rates``)."""

    def __init__(
        self,
        *,
        baseline: _core.Ruleset,
        changed: _core.Ruleset,
        forum: str,
        days: tuple[_dt.date, _dt.date],
        lang: str,
        source: dict[str, Any],
        rows: list[dict[str, Any]],
        results: list[tuple[_Result, _Result]],
        summary: dict[str, Any],
        rotation: pd.DataFrame,
        rotation_terms: int,
        rotation_start: _dt.date,
        quorum: QuorumChange | None,
    ) -> None:
        from .frames import _pandas

        self.baseline = baseline
        self.changed = changed
        self.forum = forum
        self.days = days
        self.lang = lang
        self.summary = summary
        self.rotation = rotation
        self.quorum_probability = quorum
        self._source = source
        self._rows = rows
        self._results = results
        self._rotation_terms = rotation_terms
        self._rotation_start = rotation_start
        columns = list(rows[0]) if rows else ["scenario", "present", "absent", *_RESULT_COLUMNS]
        self.differences: pd.DataFrame = _pandas().DataFrame(rows, columns=columns)

    def summary_frame(self) -> pd.DataFrame:
        """One row per (outcome_baseline, outcome_changed): scenarios and how many of them differ."""
        from .frames import _pandas

        differing = self.summary["differing_outcomes"]
        rows = [
            {
                "outcome_baseline": b,
                "outcome_changed": c,
                "scenarios": n,
                "differing": differing.get((b, c), 0),
            }
            for (b, c), n in sorted(self.summary["outcomes"].items())
        ]
        frame: pd.DataFrame = _pandas().DataFrame(
            rows, columns=["outcome_baseline", "outcome_changed", "scenarios", "differing"]
        )
        return frame

    def _describe(self, row: Mapping[str, Any], text: Mapping[str, str]) -> str:
        kinds = {seat.id: seat.kind for seat in self.baseline.seats(self.forum)}
        ordinary = [s for s in row["absent"] if kinds.get(s) == "ordinary"]
        substitutes = [s for s in row["absent"] if kinds.get(s) != "ordinary"]
        parts = [text["absent"].format(ids=", ".join(ordinary)) if ordinary else text["everyone"]]
        if substitutes and len(substitutes) == sum(k != "ordinary" for k in kinds.values()):
            parts.append(text["no_substitutes"])
        elif substitutes:
            parts.append(text["absent_substitutes"].format(ids=", ".join(substitutes)))
        for key in ("objections", "abstentions", "disqualified", "remote"):
            if row.get(key):
                parts.append(text[key].format(ids=", ".join(row[key])))
        if row.get("referrals"):
            parts.append(text["referrals"].format(n=row["referrals"]))
        if row.get("date") is not None:
            parts.append(text["date"].format(date=row["date"]))
        return "; ".join(parts)

    def to_markdown(self, lang: str = DEFAULT, rows: int = 20) -> str:
        """A report in Markdown, Swedish by default (``lang="en"``: English): the summary, a table of at
        most ``rows`` differing scenarios with both explanations (each step's rule id and what it decided;
        the sources are in ``differences``), and the rotation's changes."""
        text = _TEXT[check_lang(lang)]
        rows = _whole(rows, "rows")
        s = self.summary

        def outcome(name: str) -> str:
            return text.get(f"outcome.{name}", name)

        days = str(self.days[0]) if self.days[0] == self.days[1] else f"{self.days[0]} / {self.days[1]}"
        out = [
            text["heading"].format(baseline=self.baseline.id, changed=self.changed.id),
            "",
            text["setting"].format(forum=self.forum, days=days),
            "",
            text["summary"],
            "",
        ]
        kind = self._source["kind"]
        if kind == "given":
            out.append(text["given"].format(n=s["scenarios"]))
        elif kind == "absent_up_to":
            subs = text["subs.present" if self._source["substitutes_present"] else "subs.absent"]
            out.append(text["absent_up_to"].format(k=self._source["k"], subs=subs))
        elif kind == "drawn":
            out.append(text["drawn"].format(n=s["scenarios"], seed=self._source["seed"]))
        elif kind == "exhaustive":
            out.append(text["exhaustive"].format(n=s["scenarios"]))
        if kind != "none":
            out.append(text["counts"].format(n=s["scenarios"], d=s["differing"]))
        if not s["complete"]:
            out.append(text["incomplete"])
        if self.quorum_probability is not None:
            q = self.quorum_probability
            out += ["", text["quorum"].format(b=q.baseline.quorate, c=q.changed.quorate, delta=q.change)]
        if s["outcomes"]:
            out += ["", text["pairs"], "| --- | --- | ---: | ---: |"]
            for _, r in self.summary_frame().iterrows():
                out.append(
                    f"| {outcome(r['outcome_baseline'])} | {outcome(r['outcome_changed'])} | "
                    f"{r['scenarios']} | {r['differing']} |"
                )
        if kind != "none":
            out += ["", text["differences"], ""]
            if not self._rows:
                out.append(text["none"])
            else:
                shown = min(rows, len(self._rows))
                if shown < s["differing"]:
                    out += [text["shown"].format(shown=shown, d=s["differing"]), ""]
                out += [text["table"], "| ---: | --- | --- | --- | --- | --- |"]
                for row, (b, c) in itertools.islice(zip(self._rows, self._results, strict=True), shown):
                    cells = [
                        str(row["scenario"]),
                        self._describe(row, text),
                        outcome(b.outcome),
                        outcome(c.outcome),
                        _decided(b.explain(lang)),
                        _decided(c.explain(lang)),
                    ]
                    out.append("| " + " | ".join(_cell(x) for x in cells) + " |")
        out += ["", text["rotation"], ""]
        if self._rotation_terms == 0:
            out.append(text["rotation_none"])
        elif len(self.rotation) == 0:
            out.append(text["rotation_same"].format(terms=self._rotation_terms, start=self._rotation_start))
        else:
            out += [text["rotation_table"], "| --- | --- | --- | --- | --- |"]
            for _, r in self.rotation.iterrows():
                period = f"{r['start_baseline']} – {r['end_baseline']}"
                if (r["start_changed"], r["end_changed"]) != (r["start_baseline"], r["end_baseline"]):
                    period += f" / {r['start_changed']} – {r['end_changed']}"
                cells = [
                    period,
                    r["chair_baseline"],
                    r["chair_changed"],
                    r["vice_chair_baseline"],
                    r["vice_chair_changed"],
                ]
                out.append("| " + " | ".join(_cell(str(x)) for x in cells) + " |")
        return "\n".join(out) + "\n"

    def __repr__(self) -> str:
        return (
            f"<Comparison {self.baseline.id} → {self.changed.id} on {self.forum}: "
            f"{self.summary['differing']} of {self.summary['scenarios']} scenarios differ, "
            f"{len(self.rotation)} rotation terms differ>"
        )


_RESULT_COLUMNS = (
    "outcome_baseline",
    "outcome_changed",
    "differs_in",
    "steps_baseline",
    "steps_changed",
    "explanation_baseline",
    "explanation_changed",
)

_ROTATION_COLUMNS = (
    "term",
    "start_baseline",
    "end_baseline",
    "start_changed",
    "end_changed",
    "chair_baseline",
    "chair_changed",
    "vice_chair_baseline",
    "vice_chair_changed",
)


def rotation_changes(
    baseline: _core.Ruleset, changed: _core.Ruleset, terms: int = 8, start: DateLike | None = None
) -> pd.DataFrame:
    """The terms whose chair, vice chair or dates differ between the two rulesets' proposed schedules
    (ROT-1 … ROT-6): ``terms`` terms of each from the term in force on ``start`` (default: the later of the
    two valid_from dates), paired in order. One row per differing pair: ``term`` (0 for the first term
    compared), start, end, chair and vice chair of each."""
    from .frames import _pandas

    _check_ruleset(baseline, "baseline")
    _check_ruleset(changed, "changed")
    terms = _whole(terms, "terms")
    day = max(baseline.valid_from, changed.valid_from) if start is None else _date(start, "start")
    rows = []
    for i, (b, c) in enumerate(
        zip(rotation(baseline, terms, day), rotation(changed, terms, day), strict=True)
    ):
        if (b.start, b.end, b.chair, b.vice_chair) != (c.start, c.end, c.chair, c.vice_chair):
            rows.append(
                dict(
                    zip(
                        _ROTATION_COLUMNS,
                        (i, b.start, b.end, c.start, c.end, b.chair, c.chair, b.vice_chair, c.vice_chair),
                        strict=True,
                    )
                )
            )
    frame: pd.DataFrame = _pandas().DataFrame(rows, columns=list(_ROTATION_COLUMNS))
    return frame


def _check_ruleset(value: Any, what: str) -> None:
    if not isinstance(value, _core.Ruleset):
        raise _core.ArgumentError(f"{what} must be a samverkan.Ruleset, not {type(value).__name__}")


def _days(baseline: _core.Ruleset, changed: _core.Ruleset, on: Any) -> tuple[_dt.date, _dt.date]:
    if on is None:
        day = max(baseline.valid_from, changed.valid_from)
        if not (baseline.in_force_on(day) and changed.in_force_on(day)):
            raise _core.ArgumentError(
                f"{baseline.id} and {changed.id} are in force on no common day: give on=, one day or "
                "(a day for the baseline, a day for the changed ruleset)"
            )
        days = (day, day)
    elif isinstance(on, (tuple, list)):
        if len(on) != 2:
            raise _core.ArgumentError(f"on must be one day or two (baseline, changed), not {on!r}")
        days = (_date(on[0], "on"), _date(on[1], "on"))
    else:
        day = _date(on, "on")
        days = (day, day)
    for rs, day in zip((baseline, changed), days, strict=True):
        if not rs.in_force_on(day):
            until = rs.valid_to or "until replaced"
            raise _core.NoRulesetInForce(f"{rs.id} is in force {rs.valid_from} – {until}, not on {day}")
    return days


def compare(
    baseline: _core.Ruleset,
    changed: _core.Ruleset,
    scenarios: Any = None,
    *,
    forum: str | None = None,
    on: DateLike | tuple[DateLike, DateLike] | None = None,
    absent_up_to: int | None = None,
    substitutes_present: bool = True,
    rates: float | Mapping[str, float] | None = None,
    n: int | None = None,
    seed: int = 0,
    exhaustive: bool = False,
    terms: int = 8,
    lang: str = DEFAULT,
    limit: int = 10_000,
) -> Comparison:
    """Runs the same meetings under ``baseline`` and ``changed`` and reports which come out differently.

    The scenarios come from one of:

    - ``scenarios``: a pandas DataFrame or a list of dicts, one per meeting, with ``present`` (seat ids)
      and optionally ``objections``, ``abstentions``, ``disqualified`` (jäv, QRM-4), ``remote`` (QRM-7),
      ``referrals`` (earlier återremisser, CNS-3), ``date`` and ``title``. Each is ruled in full under
      both rulesets with ``samverkan.Meeting``. An objection from a seat that does not serve is refused
      (RGT-1): the outcome is then ``"refused"``.
    - ``absent_up_to=k``: every attendance pattern of the forum's ordinary members with at most ``k`` of
      them absent. The substitutes (ersättare) are all present, so that each absent member's substitute
      stands in where QRM-2 lets one; ``substitutes_present=False`` has them all absent instead, so that
      the pattern alone says how many ordinary seats are served.
    - ``rates`` with ``n``: ``n`` meetings drawn with ``numpy.random.default_rng(seed)``, each seat
      present with its probability. ``rates`` is one probability for every seat or a dict by seat or
      body id (a seat's own entry wins over its body's; the key ``"*"`` gives every seat named neither
      way).
    - ``exhaustive=True``: every pattern of every seat of the forum (2**seats), refused above
      ``MAX_SCENARIOS`` (2**22, a forum of 22 seats) before any work starts; so the samråd's 27 seats
      are refused. ``absent_up_to`` and ``n`` are bounded the same way.

    Generated scenarios are each the first item of a meeting with no objections, jäv or remote members.
    They are decided under both rulesets by ``samverkan.rule_batch``, which reports the outcome, whether
    the item is quorate and the ordinary seats served, but not who serves, presides or chairs. The
    scenarios where those differ are then ruled in full with ``samverkan.Meeting``. When the rulesets
    also differ in what the batch does not report (their seats, a meeting parameter other than quorum,
    consensus and referrals, or the chair and vice chair on the day), every scenario is ruled in full
    while there are at most ``FULL_COMPARE_LIMIT``; above that, only those the batch finds different,
    and ``summary["complete"]`` is False. A scenario differs when a decision of its ruling differs (see
    ``DECISIONS``: not the rule's own threshold or the steps' facts, which change with every parameter).

    ``forum`` defaults to the baseline's meeting forum; ``on`` to the later of the two ``valid_from``
    dates, which must be in force in both (``on`` may be one day or a pair: a day for each ruleset; a
    scenario's own ``date`` is used for both). ``rates`` also gives ``quorum_probability`` under both
    rulesets (exact, ``samverkan.quorum_probability``), with or without ``n``. ``terms`` rotation terms of
    each ruleset are compared from the later valid_from (0: none). At most ``limit`` differing scenarios
    are ruled in full and listed in ``differences`` (the counts of ``summary`` cover all). Explanations
    are rendered in ``lang``.

    Raises ArgumentError for arguments of the wrong form or none of the sources, UnknownId for an unknown
    forum or a ``rates`` key that is neither a seat nor a body of the forum, NoRulesetInForce for a day a
    ruleset does not cover, and NotPermitted (RGT-4) for a seat id in a scenario that holds no seat.
    """
    import numpy as np

    _check_ruleset(baseline, "baseline")
    _check_ruleset(changed, "changed")
    lang = check_lang(lang)
    if forum is None:
        forum = str(baseline.meeting["forum"])
    if not isinstance(forum, str):
        raise _core.ArgumentError(f"forum must be a forum id, not {forum!r}")
    baseline.forum(forum)  # UnknownId for an unknown forum, before any work
    changed.forum(forum)
    days = _days(baseline, changed, on)
    terms = _whole(terms, "terms")
    if terms > MAX_TERMS:
        raise _core.ArgumentError(f"terms must be at most {MAX_TERMS}, not {terms}")
    limit = _whole(limit, "limit")
    seed = _whole(seed, "seed")
    if not isinstance(exhaustive, bool) or not isinstance(substitutes_present, bool):
        raise _core.ArgumentError("exhaustive and substitutes_present are True or False")
    if n is not None and rates is None:
        raise _core.ArgumentError("n draws meetings from rates: give rates= too")
    sources = [
        name
        for name, given in (
            ("scenarios", scenarios is not None),
            ("absent_up_to", absent_up_to is not None),
            ("rates with n", n is not None),
            ("exhaustive", exhaustive),
        )
        if given
    ]
    if len(sources) > 1:
        raise _core.ArgumentError(f"give one source of scenarios, not {' and '.join(sources)}")
    if not sources and rates is None:
        raise _core.ArgumentError(
            "give scenarios, absent_up_to=, rates= (with n= to draw meetings) or exhaustive=True"
        )

    seats = baseline.seats(forum)
    seat_ids = [s.id for s in seats]
    changed_ids = [s.id for s in changed.seats(forum)]
    generated: _Generated | None = None
    given: list[_Scenario] | None = None
    source: dict[str, Any] = {"kind": "none"}
    if sources and sources[0] != "scenarios" and sorted(seat_ids) != sorted(changed_ids):
        raise _core.ArgumentError(
            f"the seats of {forum} differ between {baseline.id} and {changed.id}: "
            "give the scenarios explicitly"
        )
    seat_rates = None if rates is None else _seat_rates(baseline, forum, rates)
    quorum = None
    if rates is not None and seat_rates is not None:
        quorum = QuorumChange(
            quorum_probability(baseline, forum, seat_rates),
            quorum_probability(changed, forum, _seat_rates(changed, forum, rates)),
        )
    if scenarios is not None:
        given = _given(scenarios)
        source = {"kind": "given"}
    elif absent_up_to is not None:
        k = _whole(absent_up_to, "absent_up_to")
        count = _count_absent_up_to(sum(s.kind == "ordinary" for s in seats), k)
        if count > MAX_SCENARIOS:
            raise _core.ArgumentError(f"absent_up_to={k} makes {count} scenarios, more than {MAX_SCENARIOS}")
        generated = _absent_up_to(seats, k, substitutes_present)
        source = {"kind": "absent_up_to", "k": k, "substitutes_present": substitutes_present}
    elif n is not None:
        draws = _whole(n, "n")
        if draws > MAX_SCENARIOS:
            raise _core.ArgumentError(f"n={draws} is more than {MAX_SCENARIOS} scenarios")
        rng = np.random.default_rng(seed)
        generated = _Generated(
            seat_ids, rng.random((draws, len(seats))) < np.asarray(seat_rates), packed=False
        )
        source = {"kind": "drawn", "seed": seed}
    elif exhaustive:
        if len(seats) > 63 or 2 ** len(seats) > MAX_SCENARIOS:
            raise _core.ArgumentError(
                f"exhaustive: {forum} has {len(seats)} seats, 2**{len(seats)} patterns; at most "
                f"{MAX_SCENARIOS} (2**{MAX_SCENARIOS.bit_length() - 1}) are tried: "
                "use absent_up_to= or rates="
            )
        generated = _Generated(seat_ids, np.arange(2 ** len(seats), dtype=np.uint64), packed=True)
        source = {"kind": "exhaustive"}

    outcomes: Counter[tuple[str, str]] = Counter()
    differing_outcomes: Counter[tuple[str, str]] = Counter()
    rows: list[dict[str, Any]] = []
    results: list[tuple[_Result, _Result]] = []
    total = 0
    compared_in_full = 0
    complete = True

    def listed(index: int, scenario: _Scenario, b: _Result, c: _Result, differs: list[str]) -> None:
        here = set(scenario.present)
        row: dict[str, Any] = {
            "scenario": index,
            "present": list(scenario.present),
            "absent": [s for s in seat_ids if s not in here],
        }
        if source["kind"] == "given":
            row.update(
                objections=list(scenario.objections),
                abstentions=list(scenario.abstentions),
                disqualified=list(scenario.disqualified),
                remote=list(scenario.remote),
                referrals=scenario.referrals,
                date=scenario.date,
            )
        row.update(
            outcome_baseline=b.outcome,
            outcome_changed=c.outcome,
            differs_in=differs,
            steps_baseline=b.steps(),
            steps_changed=c.steps(),
            explanation_baseline=b.explain(lang),
            explanation_changed=c.explain(lang),
        )
        rows.append(row)
        results.append((b, c))

    if given is not None:
        total = compared_in_full = len(given)
        differing = 0
        for i, scenario in enumerate(given):
            b, c = _rule(baseline, forum, days[0], scenario), _rule(changed, forum, days[1], scenario)
            pair = (b.outcome, c.outcome)
            outcomes[pair] += 1
            differs = _differs_in(b, c)
            if differs:
                differing += 1
                differing_outcomes[pair] += 1
                if len(rows) < limit:
                    listed(i, scenario, b, c, differs)
    elif generated is not None:
        total = len(generated)
        rb = rule_batch(baseline, forum, generated.masks)
        rc = rule_batch(changed, forum, generated.in_order_of(changed_ids))
        codes = rb["outcome"].astype(np.int64) * len(OUTCOMES) + rc["outcome"].astype(np.int64)
        by_batch = (
            (rb["outcome"] != rc["outcome"])
            | (rb["served"] != rc["served"])
            | (rb["quorate"] != rc["quorate"])
        )
        for code, count in zip(*np.unique(codes, return_counts=True), strict=True):
            outcomes[(OUTCOMES[code // len(OUTCOMES)], OUTCOMES[code % len(OUTCOMES)])] = int(count)
        sees_all = _batch_sees_all(baseline, changed, forum, days)
        if sees_all or total > FULL_COMPARE_LIMIT:
            complete = sees_all
            differing = int(by_batch.sum())
            for code, count in zip(*np.unique(codes[by_batch], return_counts=True), strict=True):
                differing_outcomes[(OUTCOMES[code // len(OUTCOMES)], OUTCOMES[code % len(OUTCOMES)])] = int(
                    count
                )
            candidates: Iterable[int] = np.flatnonzero(by_batch)[:limit].tolist()
        else:
            differing = 0
            candidates = range(total)
        for i in candidates:
            scenario = _Scenario(generated.present(i))
            b, c = _rule(baseline, forum, days[0], scenario), _rule(changed, forum, days[1], scenario)
            compared_in_full += 1
            differs = _differs_in(b, c)
            if not differs:
                continue
            if not sees_all and total <= FULL_COMPARE_LIMIT:
                differing += 1
                differing_outcomes[(b.outcome, c.outcome)] += 1
            if len(rows) < limit:
                listed(i, scenario, b, c, differs)
    else:
        differing = 0

    rotation_start = max(baseline.valid_from, changed.valid_from)
    rotation_frame = rotation_changes(baseline, changed, terms, rotation_start)
    summary = {
        "scenarios": total,
        "differing": differing,
        "outcomes": dict(outcomes),
        "differing_outcomes": dict(differing_outcomes),
        "listed": len(rows),
        "compared_in_full": compared_in_full,
        "complete": complete,
    }
    return Comparison(
        baseline=baseline,
        changed=changed,
        forum=forum,
        days=days,
        lang=lang,
        source=source,
        rows=rows,
        results=results,
        summary=summary,
        rotation=rotation_frame,
        rotation_terms=terms,
        rotation_start=rotation_start,
        quorum=quorum,
    )
