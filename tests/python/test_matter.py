"""Matters through Python: the lifecycle from raising to adoption, refused and forced steps, referrals, and
the event log read back from its history and its JSON. The C++ event log decides every step; these tests check
that the Python layer hands each step over and reports the result and the refusals as the library's errors."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import samverkan

DAY = dt.date(2026, 3, 13)


@pytest.fixture(scope="module")
def rs() -> samverkan.Ruleset:
    return samverkan.load_default(DAY)


def ordinary(rs: samverkan.Ruleset) -> list[str]:
    return [s.id for s in rs.seats("politiskt_samrad") if s.kind == "ordinary"]


def meeting(rs: samverkan.Ruleset, day: str = "2026-03-13", **kw: Any) -> samverkan.Meeting:
    return samverkan.Meeting(
        rs, date=day, present=ordinary(rs), chair="goteborg/ord1", vice_chair="regionhalsan/ord", **kw
    )


def on_agenda(rs: samverkan.Ruleset, **kw: Any) -> samverkan.Matter:
    m = samverkan.Matter(rs, "Trygga vårdövergångar", "tema_aldre", on="2026-02-02", **kw)
    m.prepare("lgs", on="2026-02-16")
    m.place_on_agenda(on="2026-03-02")
    return m


def adopted_position(rs: samverkan.Ruleset) -> samverkan.Matter:
    m = on_agenda(rs, directional=True)
    meeting(rs).consider(m)
    return m


def same_state(a: samverkan.Matter, b: samverkan.Matter) -> None:
    assert a == b
    assert a.history == b.history
    assert (a.status, a.referrals, a.adoption, a.cases, a.preparers) == (
        b.status,
        b.referrals,
        b.adoption,
        b.cases,
        b.preparers,
    )
    assert a.log.meeting_ids() == b.log.meeting_ids()
    for mid in a.log.meeting_ids():
        assert [r.to_dict() for r in a.log.rulings(mid)] == [r.to_dict() for r in b.log.rulings(mid)]


# ---- the lifecycle -------------------------------------------------------------------------------------


def test_directional_flag_is_in_the_log_from_the_raising(rs: samverkan.Ruleset) -> None:
    """CNS-5: the flag a matter is raised with is an event fact, so a replay reads it back before any
    position; a meeting that considers the matter assumes it."""
    m = on_agenda(rs, directional=True)
    assert m.history[0]["facts"]["directional"] is True
    again = samverkan.Matter.from_json(rs, m.to_json())
    assert again.directional and again.status == "on_agenda"
    meeting(rs).consider(again)
    assert again.status == "in_adoption" and len(again.adoption) == 13
    plain = on_agenda(rs)
    assert "directional" not in plain.history[0]["facts"]
    assert not samverkan.Matter.from_json(rs, plain.to_json()).directional
    meeting(rs).consider(plain)
    assert plain.status == "position" and plain.adoption == {}


def test_lifecycle_from_raising_to_adoption(rs: samverkan.Ruleset) -> None:
    m = samverkan.Matter(rs, "Trygga vårdövergångar", "tema_aldre", directional=True, on="2026-02-02")
    assert (m.id, m.status, m.forum, m.raised_by, m.raised_on) == (
        "m1",
        "raised",
        "politiskt_samrad",
        "tema_aldre",
        dt.date(2026, 2, 2),
    )
    assert m.adoption == {}
    m.prepare("lgs", on="2026-02-16")
    assert m.status == "prepared" and m.preparers == ["lgs"]
    m.place_on_agenda(on=dt.date(2026, 3, 2))
    assert m.status == "on_agenda"

    mt = meeting(rs)
    r = mt.consider(m)
    assert (r.outcome, r.title, r.referrals) == ("position", "Trygga vårdövergångar", 0)
    assert m.status == "in_adoption" and m.last_meeting == mt.id == "politiskt_samrad-2026-03-13"
    assert mt.log is m.log
    assert len(m.adoption) == len(rs.structure.adopters_of("politiskt_samrad")) == 13
    assert set(m.adoption.values()) == {"pending"}
    assert m.adoption_status("2026-03-20")["status"] == "pending"

    m.set_deadline("2026-06-30", on="2026-03-13")
    m.adopt("su", on="2026-04-20", reference="SU 2026-00123")
    m.adopt("goteborg", on="2026-04-09", with_changes=True)
    assert m.adoption["su"] == "adopted" and m.adoption["goteborg"] == "adopted_with_changes"
    assert m.cases[[c["body"] for c in m.cases].index("su")]["reference"] == "SU 2026-00123"
    status = m.adoption_status("2026-05-01")
    assert (status["status"], status["adopted"], status["in_force"]) == ("partially_adopted", 2, False)
    assert m.adoption_status("2026-07-01")["status"] == "overdue"

    for body in m.adoption:
        if m.adoption[body] == "pending":
            m.adopt(body, on="2026-05-15")
    status = m.adoption_status("2026-07-01")
    assert (status["status"], status["in_force"]) == ("adopted", True)
    assert m.violations() == []

    kinds = [e["kind"] for e in m.history]
    assert kinds[:6] == [
        "raised",
        "prepared",
        "placed_on_agenda",
        "meeting_opened",
        "considered",
        "deadline_set",
    ]
    assert kinds.count("adoption_recorded") == 13


def test_decline_and_not_applicable(rs: samverkan.Ruleset) -> None:
    m = adopted_position(rs)
    m.decline("su", on="2026-04-01", reference="SU 2026-1")
    m.not_applicable("tandvard", on="2026-04-01")
    assert m.adoption["su"] == "declined" and m.adoption["tandvard"] == "not_applicable"


def test_next_steps_name_the_rules(rs: samverkan.Ruleset) -> None:
    m = samverkan.Matter(rs, "x", "tema_aldre", on="2026-02-02")
    steps = {s["action"]: s for s in m.next_steps("2026-02-03")}
    assert list(steps) == ["prepare", "place_on_agenda", "consider", "set_deadline", "record_adoption"]
    assert steps["prepare"]["allowed"] and not steps["place_on_agenda"]["allowed"]
    assert steps["place_on_agenda"]["rule"] == "MTG-3" and steps["set_deadline"]["rule"] == "CNS-5"
    assert all(isinstance(s["note"], str) and s["note"] for s in steps.values())


# ---- refused steps -------------------------------------------------------------------------------------


def refused(
    m: samverkan.Matter, step: Any, rule: str, cls: type[Exception] = samverkan.RuleViolation
) -> None:
    before = m.history
    with pytest.raises(cls) as info:
        step()
    assert isinstance(info.value, samverkan.Error)
    if rule:
        assert getattr(info.value, "rule", None) == rule, str(info.value)
    assert m.history == before


def test_every_forbidden_step_is_refused_with_its_rule(rs: samverkan.Ruleset) -> None:
    m = samverkan.Matter(rs, "x", "tema_aldre", on="2026-02-02")
    refused(m, lambda: m.place_on_agenda(on="2026-02-03"), "MTG-3")
    refused(m, lambda: meeting(rs).consider(m), "MTG-3")
    refused(m, lambda: m.set_deadline("2026-06-30", on="2026-02-03"), "CNS-5")
    refused(m, lambda: m.adopt("su", on="2026-02-03"), "CNS-5")
    refused(m, lambda: m.prepare("tema_aldre", on="2026-02-03"), "STR-1")
    m.prepare("lgs", on="2026-02-16")
    m.place_on_agenda(on="2026-03-02")
    refused(m, lambda: m.prepare("lgs", on="2026-03-03"), "MTG-3")

    p = on_agenda(rs, log=samverkan.EventLog(rs))
    meeting(rs).consider(p, directional=False)
    assert p.status == "position"
    for step in (
        lambda: p.prepare("lgs", on="2026-03-20"),
        lambda: p.place_on_agenda(on="2026-03-20"),
        lambda: meeting(rs, "2026-04-10").consider(p),
    ):
        refused(p, step, "CNS-1")
    refused(p, lambda: p.adopt("su", on="2026-03-20"), "CNS-5")

    d = adopted_position(rs)
    refused(d, lambda: d.adopt("lgs", on="2026-03-20"), "", samverkan.UnknownId)  # a forum, no body


def test_malformed_steps_are_argument_errors(rs: samverkan.Ruleset) -> None:
    m = samverkan.Matter(rs, "x", "tema_aldre", on="2026-02-02")
    refused(m, lambda: m.prepare("lgs", on="2026-01-01"), "", samverkan.ArgumentError)  # before the raising
    refused(m, lambda: m.prepare("nonsense", on="2026-02-03"), "", samverkan.UnknownId)
    with pytest.raises(samverkan.ArgumentError):
        samverkan.Matter(rs, "y", "tema_aldre", on="2026-02-02", id="m1", log=m.log)  # an id is used once
    assert m.log.matter_ids() == ["m1"]


def test_meeting_refusals_leave_the_matter_unchanged(rs: samverkan.Ruleset) -> None:
    m = on_agenda(rs)
    mt = meeting(rs)
    refused(m, lambda: mt.consider(m, objections=["nobody/ord"]), "", samverkan.Error)
    refused(m, lambda: mt.consider(m, referrals=1), "", samverkan.ArgumentError)
    assert m.status == "on_agenda" and mt.rulings == []


# ---- referrals and removal -----------------------------------------------------------------------------


def test_referral_then_removal_after_max_referrals(rs: samverkan.Ruleset) -> None:
    assert rs.meeting["max_referrals"] == 1
    m = on_agenda(rs)
    r = meeting(rs).consider(m, objections=["su/ord"], reason="ask the providers")
    assert (r.outcome, m.status, m.referrals, m.referral_reason) == (
        "referred_back",
        "referred_back",
        1,
        "ask the providers",
    )
    refused(m, lambda: m.place_on_agenda(on="2026-03-20"), "MTG-3")
    m.prepare("lgs_beredning", on="2026-05-04")
    m.place_on_agenda(on="2026-09-01")
    assert {s["action"]: s["rule"] for s in m.next_steps("2026-09-02")}["consider"] == "CNS-3"
    r = meeting(rs, "2026-09-18").consider(m, objections=["su/ord"])
    assert (r.outcome, r.referrals, m.status) == ("removed", 1, "removed")
    for step in (lambda: m.prepare("lgs", on="2026-09-20"), lambda: m.place_on_agenda(on="2026-09-20")):
        refused(m, step, "CNS-3")
    assert m.log.meeting_ids() == ["politiskt_samrad-2026-03-13", "politiskt_samrad-2026-09-18"]


# ---- forced steps --------------------------------------------------------------------------------------


def test_forced_steps_are_recorded_as_violations(rs: samverkan.Ruleset) -> None:
    m = samverkan.Matter(rs, "Främja hälsa", "lgs", on="2026-02-02")
    refused(
        m, lambda: m.place_on_agenda(on="2026-03-02", force=True), "", samverkan.ArgumentError
    )  # no reason
    m.place_on_agenda(on="2026-03-02", force=True, reason="the plan's deadline")
    assert m.status == "on_agenda"
    assert m.violations() == [
        {
            "index": 1,
            "kind": "placed_on_agenda",
            "subject": "m1",
            "rule": "MTG-3",
            "reason": "the plan's deadline",
        }
    ]
    assert m.history[1]["forced"] is True and m.history[1]["breaks"] == "MTG-3"
    meeting(rs).consider(m)
    meeting(rs, "2026-04-10").consider(m, force=True, force_reason="reconsidered at the chair's request")
    assert [v["rule"] for v in m.violations()] == ["MTG-3", "CNS-1"]
    m.prepare("lgs", on="2026-04-11", force=True, reason="late")
    assert [v["kind"] for v in m.violations()][-1] == "prepared"
    same_state(m, samverkan.Matter.from_json(rs, m.to_json()))


def test_force_on_an_allowed_step_records_nothing(rs: samverkan.Ruleset) -> None:
    m = samverkan.Matter(rs, "x", "tema_aldre", on="2026-02-02")
    m.prepare("lgs", on="2026-02-03", force=True, reason="needless")
    assert m.violations() == [] and "forced" not in m.history[1]


# ---- the log read back ---------------------------------------------------------------------------------


def busy(rs: samverkan.Ruleset) -> samverkan.Matter:
    """A matter referred back once, then a directional position, with a meeting whose attendance changed
    between items and an information item before the matter."""
    m = on_agenda(rs, directional=True)
    first = meeting(rs)
    first.leave("su/ord")
    first.consider("Information från tjänstepersoner")
    first.arrive("su/ord")
    first.consider(m, objections=["molndal/ord"])
    m.prepare("politiskt_presidium", on="2026-04-01")
    m.place_on_agenda(on="2026-04-02", force=False)
    second = meeting(rs, "2026-05-08", id="samrad-maj")
    second.leave("tandvard/ord", reason="disqualified")
    second.consider(m)
    second.consider("Uppföljning av handlingsplanen")
    m.set_deadline("2026-09-30", body="su", on="2026-05-08")
    m.adopt("su", on="2026-06-01", reference="SU 2026-00123")
    return m


def test_json_round_trip_and_history_rebuild_the_same_state(rs: samverkan.Ruleset) -> None:
    m = busy(rs)
    text = m.to_json()
    again = samverkan.Matter.from_json(rs, text)
    same_state(m, again)
    assert again.to_json() == text
    same_state(m, samverkan.Matter.from_history(rs, m.history))
    kinds = [e["kind"] for e in m.history]
    assert kinds.count("meeting_opened") == 2 and kinds.count("item_considered") == 2
    assert kinds.count("left") == 2 and kinds.count("arrived") == 1
    assert m.log.meeting_ids() == ["politiskt_samrad-2026-03-13", "samrad-maj"]
    assert json.loads(text)["samverkan_event_log"] == samverkan._core.EVENT_LOG_SCHEMA


def test_a_meeting_keeps_its_steps_in_the_log_once_it_considers_a_matter(rs: samverkan.Ruleset) -> None:
    m = on_agenda(rs)
    other = on_agenda(rs, log=m.log)
    mt = meeting(rs)
    mt.consider("Information")
    mt.consider(m)
    mt.leave("su/ord")
    mt.consider(other)
    mt.consider("Övrigt")
    assert [r.title for r in mt.rulings] == [
        "Information",
        "Trygga vårdövergångar",
        "Trygga vårdövergångar",
        "Övrigt",
    ]
    assert [e["kind"] for e in m.history][-6:] == [
        "meeting_opened",
        "item_considered",
        "considered",
        "left",
        "considered",
        "item_considered",
    ]
    assert [e["kind"] for e in m.history].count("item_considered") == 2
    again = samverkan.Matter.from_history(rs, m.history, id=other.id)
    assert again.status == other.status and again.id == "m2"
    foreign = on_agenda(rs)
    with pytest.raises(samverkan.ArgumentError, match="another event log"):
        mt.consider(foreign)
    assert foreign.status == "on_agenda"


def test_a_tampered_history_is_refused_naming_the_first_offending_event(rs: samverkan.Ruleset) -> None:
    m = busy(rs)
    events = m.history
    reordered = [events[0], events[2], events[1], *events[3:]]
    for i, e in enumerate(reordered):
        e["seq"] = i
    with pytest.raises(samverkan.LogError) as info:
        samverkan.Matter.from_history(rs, reordered)
    assert (info.value.index, info.value.rule) == (1, "MTG-3")
    assert isinstance(info.value, samverkan.Error) and str(info.value).startswith("event 1: ")

    tampered = m.history
    considered = [i for i, e in enumerate(tampered) if e["kind"] == "considered"][0]
    tampered[considered]["facts"]["outcome"] = "position"
    with pytest.raises(samverkan.LogError) as info:
        samverkan.Matter.from_history(rs, tampered)
    assert info.value.index == considered

    preparer = m.history
    preparer[1]["by"] = "tema_aldre"
    with pytest.raises(samverkan.LogError) as info:
        samverkan.Matter.from_history(rs, preparer)
    assert (info.value.index, info.value.rule) == (1, "STR-1")

    unflagged = samverkan.Matter(rs, "x", "lgs", on="2026-02-02")
    unflagged.place_on_agenda(on="2026-02-03", force=True, reason="r")
    plain = unflagged.history
    for key in ("forced", "breaks", "reason"):
        del plain[1][key]
    with pytest.raises(samverkan.LogError) as info:
        samverkan.Matter.from_history(rs, plain)
    assert (info.value.index, info.value.rule) == (1, "MTG-3")


def test_a_newer_schema_or_another_ruleset_is_refused(rs: samverkan.Ruleset) -> None:
    m = on_agenda(rs)
    doc = json.loads(m.to_json())
    doc["samverkan_event_log"] = samverkan._core.EVENT_LOG_SCHEMA + 1
    with pytest.raises(samverkan.ArgumentError, match="newer than version"):
        samverkan.Matter.from_json(rs, json.dumps(doc))
    with pytest.raises(samverkan.ArgumentError, match="ruleset"):
        samverkan.Matter.from_json(samverkan.load_default("2020-06-01"), m.to_json())
    with pytest.raises(samverkan.ArgumentError):
        samverkan.Matter.from_json(rs, "not json")
    with pytest.raises(samverkan.ArgumentError, match="no matter"):
        samverkan.Matter.from_history(rs, [])
    with pytest.raises(samverkan.UnknownId):
        samverkan.Matter.from_json(rs, m.to_json(), id="m9")


# ---- argument types ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "name"),
    [
        pytest.param(lambda rs: samverkan.Matter("rs", "x", "lgs"), "ruleset", id="ruleset"),
        pytest.param(lambda rs: samverkan.Matter(rs, 3, "lgs"), "title", id="title"),
        pytest.param(lambda rs: samverkan.Matter(rs, "x", None), "raised_by", id="raised_by"),
        pytest.param(
            lambda rs: samverkan.Matter(rs, "x", "lgs", directional="yes"), "directional", id="directional"
        ),
        pytest.param(lambda rs: samverkan.Matter(rs, "x", "lgs", on=20260202), "on", id="on"),
        pytest.param(lambda rs: samverkan.Matter(rs, "x", "lgs", log="log"), "log", id="log"),
        pytest.param(lambda rs: samverkan.Matter(rs, "x", "lgs", on=DAY).prepare(7, on=DAY), "by", id="by"),
        pytest.param(
            lambda rs: samverkan.Matter(rs, "x", "lgs", on=DAY).place_on_agenda(on=DAY, force=1),
            "force",
            id="force",
        ),
        pytest.param(
            lambda rs: samverkan.Matter(rs, "x", "lgs", on=DAY).place_on_agenda(on=DAY, force=True, reason=5),
            "reason",
            id="reason",
        ),
        pytest.param(lambda rs: samverkan.Matter.from_json(rs, b"{}"), "text", id="text"),
        pytest.param(lambda rs: samverkan.Matter.from_history(rs, "[]"), "events", id="events"),
        pytest.param(lambda rs: samverkan.Matter.from_history(rs, [1]), "events[0]", id="event"),
        pytest.param(lambda rs: meeting(rs).consider(42), "title", id="consider"),
    ],
)
def test_wrong_argument_types_name_the_argument(rs: samverkan.Ruleset, call: Any, name: str) -> None:
    with pytest.raises(TypeError, match=f"^{name.replace('[', '.').replace(']', '.')}: "):
        call(rs)


def test_wrong_argument_values_are_library_errors(rs: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ArgumentError, match="on: "):
        samverkan.Matter(rs, "x", "lgs", on="13 March")
    with pytest.raises(samverkan.UnknownId):
        samverkan.Matter(rs, "x", "lgs", forum="nonsense", on=DAY)
    m = adopted_position(rs)
    with pytest.raises(samverkan.ArgumentError, match="deadline: "):
        m.set_deadline("soon", on="2026-03-14")
    with pytest.raises(samverkan.ArgumentError, match="applies to a samverkan.Matter"):
        meeting(rs).consider("x", directional=True)
    with pytest.raises(samverkan.ArgumentError, match="another ruleset|under ruleset"):
        samverkan.Matter(samverkan.load_default("2020-06-01"), "x", "lgs", on="2020-06-01", log=m.log)
