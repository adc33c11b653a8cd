"""The meeting engine against an independent reference model (reference_model.py).

Hand-made cases from domain.md check the model itself; a Hypothesis property then compares every field
of the engine's rulings with the model's on random rosters, meeting parameters, attendance, people and
agenda items. SAMVERKAN_REFERENCE_EXAMPLES sets the number of examples (default 2000; derandomized, so
CI is reproducible).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from reference_model import Meeting, Refused, Seat

import samverkan

FORUM = "politiskt_samrad"
TEXT = (Path(__file__).resolve().parents[2] / "rulesets" / "goteborg-2026.yaml").read_text(encoding="utf-8")

# ---------------------------------------------------------------------------------------------------------
# The model on hand-made cases (domain.md § 3–5, § 10), independent of the engine.

VGR = ["dn_goteborg", "dn_vastra", "regionhalsan", "narhalsan", "tandvard", "habilitering_halsa"]
VGR += ["sjukhusen_i_vaster", "su"]
MUNICIPALITIES = ["molndal", "harryda", "partille", "ockero"]


def samrad_seats() -> list[Seat]:
    """The default samråd (CMP-1 … CMP-3): each VGR body ord + ers, Göteborg 3 + 0, the others 1 + 1."""
    seats = []
    for body in VGR:
        seats += [Seat(f"{body}/ord", "ordinary", body, "vgr", "region")]
        seats += [Seat(f"{body}/ers", "substitute", body, "vgr", "region")]
    seats += [Seat(f"goteborg/ord{i}", "ordinary", "goteborg", "goteborg", "municipal") for i in (1, 2, 3)]
    for body in MUNICIPALITIES:
        seats += [Seat(f"{body}/ord", "ordinary", body, body, "municipal")]
        seats += [Seat(f"{body}/ers", "substitute", body, body, "municipal")]
    return seats


SEATS = samrad_seats()
ORDINARY = [s.id for s in SEATS if s.kind == "ordinary"]
DEFAULTS: dict[str, Any] = {  # domain.md's defaults (QRM-2, QRM-3, QRM-6, QRM-7, CNS-2, CNS-3)
    "substitution_scope": "same_body",
    "quorum": "more_than_half",
    "quorum_both_sides_present": False,
    "presiding_fallback": "eldest",
    "substitute_may_preside": False,
    "remote": {"allowed": True, "chair_on_site": True},
    "consensus": "no_objection",
    "max_referrals": 1,
    "on_no_consensus": "refer_back",
}


def model(present: list[str], away: list[str] = [], people: Any = None, **params: Any) -> Meeting:  # noqa: B006
    """A samråd meeting with goteborg/ord1 in the chair and regionhalsan/ord as vice; ``away``: remote."""
    chair, vice = "goteborg/ord1", "regionhalsan/ord"
    return Meeting(SEATS, {**DEFAULTS, **params}, chair, vice, people=people, present=present, remote=away)


def test_model_seats_are_the_engines() -> None:
    rs = samverkan.load_default("2026-03-13")
    assert [Seat(s.id, s.kind, s.body, s.party, s.side) for s in rs.seats(FORUM)] == SEATS


def test_model_QRM3_eight_of_fifteen_quorate_seven_not() -> None:
    eight = ORDINARY[:8]
    r = model(eight).consider("Ärende")
    assert (r["served"], r["ordinary_seats"], r["threshold"], r["quorate"]) == (8, 15, 8, True)
    assert r["outcome"] == "position" and r["presiding"] == "regionhalsan/ord"
    r = model(eight[:7]).consider("Ärende")
    assert (r["served"], r["quorate"], r["outcome"], r["presiding"]) == (7, False, "not_quorate", None)


def test_model_QRM3_two_thirds_count_and_both_sides() -> None:
    assert model(ORDINARY, quorum="two_thirds").consider("x")["threshold"] == 10
    assert model(ORDINARY, quorum=12).consider("x")["threshold"] == 12
    region_only = [s.id for s in SEATS if s.side == "region"]  # 16 seats, 8 ordinary
    assert model(region_only).consider("x")["quorate"] is True
    r = model(region_only, quorum_both_sides_present=True).consider("x")
    assert (r["quorate"], r["outcome"]) == (False, "not_quorate")


def test_model_QRM2_QRM4_jav_own_substitute_first_under_same_party() -> None:
    # dn_goteborg/ers comes first in seat order and is free (its member is present), but regionhalsan's
    # own substitute serves for the jävig regionhalsan/ord.
    present = [*ORDINARY, "dn_goteborg/ers", "regionhalsan/ers"]
    m = model(present, substitution_scope="same_party")
    r = m.consider("Jäv", disqualified=["regionhalsan/ord"])
    assert r["substitutions"] == {"regionhalsan/ord": "regionhalsan/ers"}
    assert "regionhalsan/ord" not in r["serving"] and r["presiding"] == "goteborg/ord1"
    # QRM-4: the member returns at the next item.
    assert m.consider("Nästa")["substitutions"] == {}
    # Without its own substitute, same_party takes the first free VGR substitute; same_body nobody.
    present.remove("regionhalsan/ers")
    r = model(present, substitution_scope="same_party").consider("Jäv", disqualified=["regionhalsan/ord"])
    assert r["substitutions"] == {"regionhalsan/ord": "dn_goteborg/ers"}
    assert model(present).consider("Jäv", disqualified=["regionhalsan/ord"])["substitutions"] == {}
    # Municipalities are parties of their own: same_side lets molndal/ers serve for a Göteborg seat.
    absent = [o for o in ORDINARY if o != "goteborg/ord1"]
    r = model([*absent, "molndal/ers"], substitution_scope="same_party").consider("x")
    assert r["substitutions"] == {}
    r = model([*absent, "molndal/ers"], substitution_scope="same_side").consider("x")
    assert r["substitutions"] == {"goteborg/ord1": "molndal/ers"}


def test_model_QRM5_late_member_takes_back_the_seat_left_member_does_not() -> None:
    m = model([o for o in ORDINARY if o != "su/ord"] + ["su/ers"])
    assert m.consider("1")["substitutions"] == {"su/ord": "su/ers"}
    m.arrive("su/ord")
    assert m.consider("2")["substitutions"] == {}
    m.leave("su/ord")  # reason "left": does not serve again at this meeting, even after arriving
    assert m.consider("3")["substitutions"] == {"su/ord": "su/ers"}
    m.arrive("su/ord")
    assert m.consider("4")["substitutions"] == {"su/ord": "su/ers"}
    m.leave("su/ers", reason="disqualified")  # leaves for jäv: may come back
    assert m.consider("5")["substitutions"] == {}
    m.arrive("su/ers")
    assert m.consider("6")["substitutions"] == {"su/ord": "su/ers"}


def test_model_QRM5_serving_substitute_kept_until_own_body_substitute_arrives() -> None:
    m = model([o for o in ORDINARY if o != "tandvard/ord"] + ["su/ers"], substitution_scope="same_party")
    assert m.consider("1")["substitutions"] == {"tandvard/ord": "su/ers"}
    m.arrive("dn_goteborg/ers")  # first in seat order, but a serving substitute is not displaced
    assert m.consider("2")["substitutions"] == {"tandvard/ord": "su/ers"}
    m.arrive("tandvard/ers")  # the absent member's own substitute takes over at the next item
    assert m.consider("3")["substitutions"] == {"tandvard/ord": "tandvard/ers"}
    m.leave("su/ord")
    r = m.consider("4")
    assert r["substitutions"] == {"tandvard/ord": "tandvard/ers", "su/ord": "su/ers"}
    region = ["dn_goteborg/ord", "dn_vastra/ord", "regionhalsan/ord", "narhalsan/ord", "tandvard/ers"]
    region += ["habilitering_halsa/ord", "sjukhusen_i_vaster/ord", "su/ers"]
    assert r["serving"] == region + ORDINARY[8:]  # in seat order


def test_model_QRM2_QRM5_substitute_goes_back_to_its_own_body() -> None:
    m = model(
        [o for o in ORDINARY if o != "tandvard/ord"] + ["dn_vastra/ers"], substitution_scope="same_side"
    )
    assert m.consider("1")["substitutions"] == {"tandvard/ord": "dn_vastra/ers"}
    m.leave("dn_vastra/ord")  # its own member gone, dn_vastra/ers serves its own body first (pass c)
    r = m.consider("2")
    assert (r["substitutions"], r["served"]) == ({"dn_vastra/ord": "dn_vastra/ers"}, 14)


def test_model_QRM6_unknown_presiding_without_birth_dates() -> None:
    present = [o for o in ORDINARY if o not in ("goteborg/ord1", "regionhalsan/ord")]
    r = model(present).consider("Ärende")
    assert (r["quorate"], r["outcome"], r["presiding"]) == (True, "position", None)
    unknown = {"rule": "QRM-6", "decides": "presiding", "missing": ["born"], "seats": present}
    assert r["unknowns"] == [{**unknown, "candidates": present}]
    # With some birth dates, the eldest known one and those lacking data are candidates.
    people = {s: {"born": dt.date(1960, 1, 1)} for s in present[2:]}
    people["su/ord"] = {"born": dt.date(1950, 1, 1)}
    (u,) = model(present, people=people).consider("Ärende")["unknowns"]
    assert (u["seats"], u["candidates"]) == (present[:2], [*present[:2], "su/ord"])
    # Everyone's data known: the eldest; ties by seat order.
    people.update({s: {"born": dt.date(1950, 1, 1)} for s in present[:2]})
    assert model(present, people=people).consider("x")["presiding"] == present[0]
    people = {s: {"born": dt.date(1950, 1, 1), "member_since": dt.date(2020, 1, 1)} for s in present}
    people["ockero/ord"] = {"born": dt.date(1980, 1, 1), "member_since": dt.date(2010, 1, 1)}
    longest = "longest_serving_then_eldest"
    assert (
        model(present, people=people, presiding_fallback=longest).consider("x")["presiding"] == "ockero/ord"
    )
    del people["su/ord"]["born"]
    (u,) = model(present, people=people, presiding_fallback=longest).consider("x")["unknowns"]
    assert (u["missing"], u["seats"], u["candidates"]) == (["born"], ["su/ord"], ["su/ord", "ockero/ord"])


def test_model_QRM6_nobody_may_preside_unless_substitutes_may() -> None:
    # Eight substitutes serve, no ordinary member is present: quorate, but nobody may preside.
    subs = [s.id for s in SEATS if s.kind == "substitute" and s.side == "region"]
    r = model(subs).consider("x")
    assert (r["quorate"], r["served"], r["outcome"], r["presiding"]) == (True, 8, "not_dealt_with", None)
    people = {s: {"born": dt.date(1950 + i, 1, 1)} for i, s in enumerate(subs)}
    r = model(subs, people=people, substitute_may_preside=True).consider("x")
    assert (r["outcome"], r["presiding"]) == ("position", "dn_goteborg/ers")


def test_model_QRM7_remote_chair_and_remote_presence() -> None:
    chair = ["goteborg/ord1"]
    r = model(ORDINARY, away=chair).consider("x")
    assert (r["presiding"], r["remote_counts"], r["served"]) == ("regionhalsan/ord", True, 15)
    r = model(ORDINARY, away=chair, remote={"allowed": False, "chair_on_site": True}).consider("x")
    assert (r["presiding"], r["remote_counts"], r["served"]) == ("regionhalsan/ord", False, 14)
    r = model(ORDINARY, away=chair, remote={"allowed": True, "chair_on_site": False}).consider("x")
    assert (r["presiding"], r["remote_counts"]) == ("goteborg/ord1", True)
    # Everyone eligible is remote: nobody on site may preside, so remote presence does not count.
    r = model(ORDINARY, away=ORDINARY).consider("x")
    assert (r["remote_counts"], r["served"], r["quorate"], r["outcome"]) == (False, 0, False, "not_quorate")


def test_model_CNS2_CNS3_consensus_referral_removal() -> None:
    m = model(ORDINARY)
    assert m.consider("x", abstentions=["su/ord"])["outcome"] == "position"
    r = model(ORDINARY, consensus="unanimous_assent").consider("x", abstentions=["su/ord"])
    assert r["outcome"] == "referred_back"
    r = m.consider("x", objections=["su/ord"], reason="Bered om")
    assert (r["outcome"], r["referrals"], r["reason"], r["objections"]) == (
        "referred_back",
        1,
        "Bered om",
        ["su/ord"],
    )
    r = m.consider("x", objections=["su/ord"], referrals=1)  # max_referrals 1: only removal remains
    assert (r["outcome"], r["referrals"]) == ("removed", 1)
    assert m.consider("x", objections=["su/ord"], action="remove")["outcome"] == "removed"
    assert (
        model(ORDINARY, on_no_consensus="remove").consider("x", objections=["su/ord"])["outcome"] == "removed"
    )
    r = model(ORDINARY, max_referrals=3).consider("x", objections=["su/ord"], referrals=2)
    assert (r["outcome"], r["referrals"]) == ("referred_back", 3)


def test_model_refusals_change_nothing() -> None:
    m = model([o for o in ORDINARY if o != "su/ord"] + ["su/ers", "narhalsan/ers"])
    for rule, kw in [
        ("RGT-4", {"objections": ["nobody/ord"], "referrals": -1}),  # RGT-4 before CNS-3
        ("CNS-3", {"referrals": -1, "objections": ["su/ord"], "abstentions": ["su/ord"]}),
        ("CNS-2", {"objections": ["narhalsan/ers"], "abstentions": ["narhalsan/ers"]}),
        ("RGT-1", {"objections": ["narhalsan/ers"]}),  # present, but its member serves
        ("RGT-1", {"abstentions": ["su/ord"]}),  # absent
        ("RGT-1", {"objections": ["narhalsan/ord"], "disqualified": ["narhalsan/ord"]}),  # jävig
    ]:
        with pytest.raises(Refused) as exc:
            m.consider("x", **kw)
        assert exc.value.rule == rule
    assert m.prev == {}
    r = m.consider("Utan kvorum", objections=["su/ers"], disqualified=ORDINARY[:10])
    assert (r["outcome"], r["substitutions"]) == (
        "not_quorate",
        {"su/ord": "su/ers", "narhalsan/ord": "narhalsan/ers"},
    )
    with pytest.raises(Refused) as exc:  # refused even when the item would not be quorate
        m.consider("x", objections=["dn_goteborg/ers"], disqualified=ORDINARY[:10])
    assert exc.value.rule == "RGT-1"


# ---------------------------------------------------------------------------------------------------------
# The engine against the model on random meetings.

SEAT_LINE = re.compile(r"^      - \{id: (\S+), kind: (\w+), body: (\w+)\}\n", re.M)
MEETING_BLOCK = re.compile(r"^meeting:\n(?:  .*\n)+", re.M)
DEFAULT_ROSTER = tuple(m.groups() for m in SEAT_LINE.finditer(TEXT))
EXTRA_SUBSTITUTES = [("goteborg/ers", "goteborg"), ("su/ers2", "su"), ("molndal/ers2", "molndal")]
EXTRA_SUBSTITUTES += [("dn_vastra/ers2", "dn_vastra")]
DROPPABLE = [i for i, k, _ in DEFAULT_ROSTER if k == "substitute"] + ["goteborg/ord2", "goteborg/ord3"]
DATES = ["2026-03-13", "2027-09-01", "2029-05-20", "2033-02-01"]  # 4 different chairs (ROT-3a)
BORN = [dt.date(1950, 5, 1), dt.date(1955, 1, 1), dt.date(1960, 7, 15), dt.date(1971, 3, 3)]
SINCE = [dt.date(2010, 1, 1), dt.date(2015, 1, 1), dt.date(2019, 1, 1), dt.date(2023, 1, 1)]
NOBODY = "nobody/ord"  # holds no seat (RGT-4)
REFERRALS = st.sampled_from([0, 1, 2, 3] * 3 + [-1])  # -1: CNS-3 refuses
ACTIONS = st.sampled_from([None, "refer_back", "remove"])
REASONS = st.sampled_from([None, "Bered om"])


def yaml_bool(value: bool) -> str:
    return "true" if value else "false"


@dataclass(frozen=True)
class Rules:
    """A variation of the 2026 ruleset: its meeting block and the samråd's seats (id, kind, body)."""

    roster: tuple[tuple[str, str, str], ...] = DEFAULT_ROSTER
    substitution_scope: str = "same_body"
    quorum: str | int = "more_than_half"
    quorum_both_sides_present: bool = False
    presiding_fallback: str = "eldest"
    substitute_may_preside: bool = False
    allowed: bool = True
    chair_on_site: bool = True
    consensus: str = "no_objection"
    max_referrals: int = 1
    on_no_consensus: str = "refer_back"

    def text(self) -> str:
        seats = "".join(f"      - {{id: {i}, kind: {k}, body: {b}}}\n" for i, k, b in self.roster)
        spans = [m.span() for m in SEAT_LINE.finditer(TEXT)]
        text = TEXT[: spans[0][0]] + seats + TEXT[spans[-1][1] :]
        block = "".join(
            f"{line}\n"
            for line in [
                "meeting:",
                f"  forum: {FORUM}",
                f"  substitution_scope: {self.substitution_scope}",
                f"  quorum: {self.quorum}",
                f"  quorum_both_sides_present: {yaml_bool(self.quorum_both_sides_present)}",
                f"  presiding_fallback: {self.presiding_fallback}",
                f"  substitute_may_preside: {yaml_bool(self.substitute_may_preside)}",
                "  remote:",
                f"    allowed: {yaml_bool(self.allowed)}",
                f"    chair_on_site: {yaml_bool(self.chair_on_site)}",
                f"  consensus: {self.consensus}",
                f"  max_referrals: {self.max_referrals}",
                f"  on_no_consensus: {self.on_no_consensus}",
            ]
        )
        return MEETING_BLOCK.sub(lambda _: block, text)

    def __repr__(self) -> str:
        names = [k for k in self.__dataclass_fields__ if k != "roster"]
        changed = [f"{k}={getattr(self, k)!r}" for k in names if getattr(self, k) != getattr(Rules, k)]
        if self.roster != DEFAULT_ROSTER:
            changed.append(f"roster={[i for i, _, _ in self.roster]!r}")
        return f"Rules({', '.join(changed)})"


@functools.lru_cache(maxsize=256)
def ruleset(rules: Rules) -> samverkan.Ruleset:
    return samverkan.load_string(rules.text(), "reference.yaml")


@st.composite
def rules_strategy(draw: st.DrawFn) -> Rules:
    dropped = draw(st.sets(st.sampled_from(DROPPABLE), max_size=6))
    roster = [s for s in DEFAULT_ROSTER if s[0] not in dropped]
    roster += [(i, "substitute", b) for i, b in EXTRA_SUBSTITUTES if draw(st.integers(0, 5)) == 5]
    if draw(st.integers(0, 3)) == 3:
        roster = draw(st.permutations(roster))
    n = sum(k == "ordinary" for _, k, _ in roster)
    return Rules(
        roster=tuple(roster),
        substitution_scope=draw(st.sampled_from(["same_body", "same_party", "same_side"])),
        quorum=draw(st.one_of(st.sampled_from(["more_than_half", "two_thirds"]), st.integers(1, n))),
        quorum_both_sides_present=draw(st.booleans()),
        presiding_fallback=draw(st.sampled_from(["eldest", "longest_serving_then_eldest"])),
        substitute_may_preside=draw(st.booleans()),
        allowed=not draw(st.booleans()),
        chair_on_site=not draw(st.booleans()),
        consensus=draw(st.sampled_from(["no_objection", "unanimous_assent"])),
        max_referrals=draw(st.integers(0, 3)),
        on_no_consensus=draw(st.sampled_from(["refer_back", "remove"])),
    )


@dataclass
class Item:
    """One agenda item; seats in objections, abstentions and disqualified are picks (see scenarios).

    Before it, moves (what, seat, remote, reason): "arrive", "leave" or "toggle" (arrive if absent, else
    leave).
    """

    moves: list[tuple[str, str, bool, str]]
    objections: list[int | str]
    abstentions: list[int | str]
    disqualified: list[int | str]
    referrals: int
    action: str | None
    reason: str | None


@dataclass
class Scenario:
    rules: Rules
    date: str
    chair: str | None
    vice_chair: str | None
    people: dict[str, dict[str, str]]
    present: list[str]
    remote: list[str]
    items: list[Item] = field(default_factory=list)


def office_holders(rs: samverkan.Ruleset, date: str) -> tuple[str, str]:
    """ROT-3a: the rotation's chair and vice chair bodies on the date, as their first ordinary seats."""
    term = rs.chair_on(date)
    first: dict[str, str] = {}
    for s in rs.seats(FORUM):
        if s.kind == "ordinary":
            first.setdefault(s.body, s.id)
    return first[term.chair], first[term.vice_chair]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    rules = draw(rules_strategy())
    rs = ruleset(rules)
    seats = [s.id for s in rs.seats(FORUM)]
    ordinary = [s.id for s in rs.seats(FORUM) if s.kind == "ordinary"]
    # CMP-5, ROT-3a: offices given by the caller, or from the rotation.
    date = draw(st.sampled_from(DATES))
    chair, vice = office_holders(rs, date)
    mode = draw(st.sampled_from(["rotation", "given", "chair only", "vice only"]))
    if mode in ("given", "chair only"):
        chair = draw(st.sampled_from([o for o in ordinary if o != vice]))
    if mode in ("given", "vice only"):
        vice = draw(st.sampled_from([o for o in ordinary if o != chair]))
    given_chair = chair if mode in ("given", "chair only") else None
    given_vice = vice if mode in ("given", "vice only") else None
    # QRM-6: birth dates and tenure, some missing; few distinct values, so that ties happen.
    no_person = draw(st.sets(st.sampled_from(seats), max_size=3))
    no_born = draw(st.sets(st.sampled_from(seats), max_size=3))
    no_since = draw(st.sets(st.sampled_from(seats), max_size=3))
    # QRM-3, QRM-7: attendance, some remote. A seat is absent when its level (0-9) is under its kind's
    # absence level; 10 for ordinary seats: none present, so substitutes alone may reach a small count.
    absent = {"ordinary": draw(st.integers(0, 10)), "substitute": draw(st.integers(0, 7))}
    remote_level = draw(st.integers(0, 3))
    kind = {s.id: s.kind for s in rs.seats(FORUM)}
    people, present, remote = {}, [], []
    for s, x in zip(seats, draw(st.binary(min_size=len(seats), max_size=len(seats))), strict=True):
        # One byte per seat (one draw for all is much faster): attendance, birth date and tenure.
        attendance, born, since = x % 10, BORN[x // 10 % 4], SINCE[x // 40 % 4]
        if s not in no_person:
            people[s] = {"name": s} | ({} if s in no_born else {"born": born.isoformat()})
            people[s] |= {} if s in no_since else {"member_since": since.isoformat()}
        if attendance >= absent[kind[s]]:
            at_a_distance = attendance >= 10 - remote_level
            if at_a_distance:
                remote.append(s)
            if not at_a_distance or x < 128:  # remote implies present: listed in present or not
                present.append(s)
    # QRM-4, QRM-5, CNS-2, CNS-3, RGT-1, RGT-4: items, with arrivals and departures between them.
    # A pick is a seat (any, or one holding none) or, as a number, one of the members serving (RGT-1);
    # 3 in 4 picks are a serving member.
    pick = st.tuples(st.integers(0, 3), st.integers(0, 30), st.sampled_from([*seats, NOBODY]))
    picks = st.lists(pick.map(lambda p: p[2] if p[0] == 3 else p[1]), max_size=2)
    move = st.tuples(
        st.sampled_from(["toggle", "toggle", "arrive", "leave"]),
        st.sampled_from(seats),
        st.booleans(),
        st.sampled_from(["left", "disqualified"]),
    )
    items = []
    for _ in range(draw(st.integers(1, 5))):
        items.append(
            Item(
                moves=draw(st.lists(move, max_size=3)),
                objections=draw(picks),
                abstentions=draw(picks),
                disqualified=draw(picks),
                referrals=draw(REFERRALS),
                action=draw(ACTIONS),
                reason=draw(REASONS),
            )
        )
    return Scenario(rules, date, given_chair, given_vice, people, present, remote, items)


def model_people(people: dict[str, dict[str, str]]) -> dict[str, dict[str, dt.date | None]]:
    return {
        s: {k: dt.date.fromisoformat(p[k]) if k in p else None for k in ("born", "member_since")}
        for s, p in people.items()
    }


def same(engine_call: Callable[[], Any], model_call: Callable[[], Any], log: list[str], **also: Any) -> None:
    """Runs one act on both sides; they must agree on the refusal (its rule) or on every field of the
    ruling (the model's and ``also``), in to_dict() and in the attributes alike."""
    try:
        got = engine_call()
    except samverkan.Error as exc:
        got = exc
    try:
        want = model_call()
    except Refused as exc:
        want = exc
    transcript = "\n".join(log)
    if isinstance(want, Refused) or isinstance(got, Exception):
        rule = getattr(got, "rule", None) if isinstance(got, Exception) else f"no refusal ({got!r})"
        assert isinstance(want, Refused), f"engine refused [{rule}] {got}, model: {want}\n{transcript}"
        assert rule == want.rule, f"engine: {rule}, model: {want.rule} ({want})\n{transcript}"
        event(f"refused {want.rule}")
        return
    if want is None:  # arrive, leave
        return
    d = got.to_dict()
    want = {**also, **want}
    diffs = {k: {"engine": d.get(k), "model": v} for k, v in want.items() if d.get(k) != v}
    if not diffs and list(d["substitutions"].items()) != list(want["substitutions"].items()):
        diffs["substitutions (order)"] = {"engine": d["substitutions"], "model": want["substitutions"]}
    assert not diffs, f"{diffs}\n{transcript}"
    # The attributes say what to_dict() says; rules are the steps' rules, each once, in order.
    unknowns = [
        {f: getattr(u, f) for f in ("rule", "decides", "missing", "seats", "candidates")}
        for u in got.unknowns
    ]
    attributes = {k: getattr(got, k) for k in want if k not in ("date", "unknowns")} | {"unknowns": unknowns}
    assert attributes == {k: v for k, v in d.items() if k in attributes}, transcript
    assert got.date.isoformat() == d["date"], transcript
    assert got.rules == list(dict.fromkeys(step["rule"] for step in d["steps"])) == d.get("rules", got.rules)
    event(want["outcome"] + (" (unknown presiding)" if want["unknowns"] else ""))


def serving(m: Meeting, disqualified: list[str]) -> list[str]:
    """Who the model says will serve in the next item (a copy considers it)."""
    try:
        return list(copy.copy(m).consider("", disqualified=disqualified)["serving"])
    except Refused:
        return []


def resolve(picks: list[int | str], serving: list[str]) -> list[str]:
    seats = [
        p if isinstance(p, str) else serving[p % len(serving)] for p in picks if serving or isinstance(p, str)
    ]
    return list(dict.fromkeys(seats))  # a seat once


def run(sc: Scenario) -> None:
    rs = ruleset(sc.rules)
    log = [
        f"rs = samverkan.load_string({sc.rules!r}.text())",
        f"m = samverkan.Meeting(rs, date={sc.date!r}, present={sc.present!r}, remote={sc.remote!r},",
        f"    chair={sc.chair!r}, vice_chair={sc.vice_chair!r}, people={sc.people!r})",
    ]
    engine = samverkan.Meeting(
        rs,
        forum=FORUM,
        date=sc.date,
        present=sc.present,
        chair=sc.chair,
        vice_chair=sc.vice_chair,
        people=sc.people,
        remote=sc.remote,
    )
    chair, vice = office_holders(rs, sc.date)
    people = model_people(sc.people)
    m = Meeting(
        rs.seats(FORUM), rs.meeting, sc.chair or chair, sc.vice_chair or vice, people, sc.present, sc.remote
    )
    ruling_of = {"forum": FORUM, "date": sc.date, "ruleset": rs.id}
    for n, item in enumerate(sc.items, 1):
        for what, seat, remote, reason in item.moves:
            if what == "leave" or (what == "toggle" and seat in m.present):
                log.append(f"m.leave({seat!r}, reason={reason!r})")
                same(partial(engine.leave, seat, reason=reason), partial(m.leave, seat, reason=reason), log)
            else:
                log.append(f"m.arrive({seat!r}, remote={remote!r})")
                same(partial(engine.arrive, seat, remote=remote), partial(m.arrive, seat, remote=remote), log)
        title = f"Ärende {n}"
        disqualified = resolve(item.disqualified, serving(m, []))
        kw: dict[str, Any] = {"disqualified": disqualified}
        kw["objections"] = resolve(item.objections, serving(m, disqualified))
        kw["abstentions"] = resolve(item.abstentions, serving(m, disqualified))
        kw |= {"referrals": item.referrals, "action": item.action, "reason": item.reason}
        log.append(f"m.consider({title!r}, **{kw!r})")
        same(partial(engine.consider, title, **kw), partial(m.consider, title, **kw), log, **ruling_of)


@settings(
    max_examples=int(os.environ.get("SAMVERKAN_REFERENCE_EXAMPLES", "2000")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios())
def test_engine_agrees_with_reference_model(sc: Scenario) -> None:
    run(sc)
