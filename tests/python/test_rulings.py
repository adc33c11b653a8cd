"""Rulings as data: steps with named facts, to_dict(), explanations in Swedish and English, unknowns,
and the refusals a meeting makes before it decides anything (§ 0, CMP-5, RGT-4, duplicate ids)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

import samverkan

DATE = "2026-03-13"


@pytest.fixture(scope="module")
def rs() -> samverkan.Ruleset:
    return samverkan.load_default(DATE)


def seats(rs: samverkan.Ruleset, kind: str | None = None) -> list[str]:
    return [s.id for s in rs.seats("politiskt_samrad") if kind is None or s.kind == kind]


def test_steps_are_rule_ids_with_named_facts(rs: samverkan.Ruleset) -> None:
    m = samverkan.Meeting(rs, date=DATE, present=seats(rs, "ordinary"), chair="goteborg/ord1")
    r = m.consider("Ärende", objections=["su/ord"], reason="kostnaderna")
    quorum = next(s for s in r.steps if s.rule == "QRM-3")
    assert quorum.kind == "quorum"
    assert quorum.facts == {
        "served": 15,
        "ordinary_seats": 15,
        "quorum": "more_than_half",
        "threshold": 8,
        "quorate": True,
    }
    referral = r.steps[-1]
    assert (referral.rule, referral.kind) == ("CNS-3", "referred_back")
    assert referral.facts == {"referral": 1, "max_referrals": 1, "reason": "kostnaderna"}


def test_to_dict_has_every_field_and_step_and_is_json(rs: samverkan.Ruleset) -> None:
    m = samverkan.Meeting(rs, date=DATE, present=seats(rs))
    r = m.consider("Ärende", abstentions=["partille/ord"], disqualified=["su/ord"])
    d = r.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["ruleset"] == "goteborg-2026" and d["date"] == DATE and d["forum"] == "politiskt_samrad"
    assert (d["chair"], d["vice_chair"]) == ("tandvard/ord", "partille/ord")  # from the rotation (ROT-3a)
    assert d["substitutions"] == {"su/ord": "su/ers"}
    assert d["outcome"] == "position" and d["presiding"] == "tandvard/ord"
    for field in ("quorate", "served", "ordinary_seats", "threshold", "serving", "objections", "abstentions"):
        assert d[field] == getattr(r, field)
    assert d["reason"] == "" and d["referrals"] == 0 and d["remote_counts"] is False and d["unknowns"] == []
    assert [(s["rule"], s["kind"], s["facts"]) for s in d["steps"]] == [
        (s.rule, s.kind, s.facts) for s in r.steps
    ]


def test_same_input_gives_the_same_dict(rs: samverkan.Ruleset) -> None:
    def ruling() -> dict[str, object]:
        m = samverkan.Meeting(rs, date=DATE, present=seats(rs))
        return m.consider("Ärende", objections=["su/ord"]).to_dict()

    assert ruling() == ruling()


def test_explain_is_swedish_by_default_and_english_on_request(rs: samverkan.Ruleset) -> None:
    r = samverkan.Meeting(rs, date=DATE, present=seats(rs)).consider("Ärende")
    sv, en = r.explain(), r.explain(lang="en")
    assert sv == r.explain(lang="sv")
    assert "beslutfört" in sv and "ställningstagande" in sv and "källa:" in sv
    assert "quorate" in en and "source:" in en
    # Law references and quoted source text are the same in both languages.
    for text in ("kommunallagen 6 kap. 27 §", "«Politiska samrådets arbetsform"):
        assert text in sv and text in en
    with pytest.raises(samverkan.ArgumentError, match="lang"):
        r.explain(lang="de")


def test_unknowns_to_dict(rs: samverkan.Ruleset) -> None:
    present = [s for s in seats(rs, "ordinary") if s not in ("tandvard/ord", "partille/ord")]
    d = samverkan.Meeting(rs, date=DATE, present=present).consider("Ärende").to_dict()
    assert d["presiding"] is None and d["outcome"] == "position"
    [u] = d["unknowns"]
    assert u["rule"] == "QRM-6" and u["decides"] == "presiding" and u["missing"] == ["born"]
    assert u["candidates"] == present


# ---- the gaps: refusals before anything is decided -------------------------------------------


def test_meeting_outside_the_rulesets_validity_is_refused(rs: samverkan.Ruleset) -> None:
    old = samverkan.load_default("2020-06-01")
    with pytest.raises(samverkan.NoRulesetInForce, match="goteborg-2016.*2016-01-01.*2025-12-31"):
        samverkan.Meeting(old, date=DATE, present=seats(rs))
    with pytest.raises(samverkan.NoRulesetInForce, match="goteborg-2026.*2026-01-01"):
        samverkan.Meeting(rs, date="2025-12-31", present=seats(rs))
    assert isinstance(samverkan.NoRulesetInForce("x"), samverkan.Error)


@pytest.mark.parametrize(
    ("chair", "vice_chair", "match"),
    [
        ("su/ers", "goteborg/ord1", "substitute seat"),
        ("goteborg/ord1", "molndal/ers", "substitute seat"),
        ("lgs/ord", "goteborg/ord1", "holds no seat"),
        ("su/ord", "su/ord", "two different seats"),
    ],
)
def test_CMP5_chair_and_vice_are_two_ordinary_seats(
    rs: samverkan.Ruleset, chair: str, vice_chair: str, match: str
) -> None:
    with pytest.raises(samverkan.RuleViolation, match=match) as info:
        samverkan.Meeting(rs, date=DATE, present=seats(rs), chair=chair, vice_chair=vice_chair)
    assert info.value.rule == "CMP-5"


@pytest.mark.parametrize("field", ["objections", "abstentions", "disqualified"])
def test_a_seat_named_twice_in_an_item_is_refused(rs: samverkan.Ruleset, field: str) -> None:
    m = samverkan.Meeting(rs, date=DATE, present=seats(rs))
    with pytest.raises(samverkan.ArgumentError, match=f"'su/ord' is given twice in {field}"):
        m.consider("Ärende", **{field: ["su/ord", "su/ord"]})  # type: ignore[arg-type]
    assert m.rulings == []


@pytest.mark.parametrize("field", ["present", "remote"])
def test_a_seat_named_twice_at_the_start_is_refused(rs: samverkan.Ruleset, field: str) -> None:
    args: dict[str, list[str]] = {"present": seats(rs), "remote": []}
    args[field] = [*args[field], "su/ord"] if field == "present" else ["su/ord", "su/ord"]
    with pytest.raises(samverkan.ArgumentError, match="su/ord"):
        samverkan.Meeting(rs, date=DATE, **args)  # type: ignore[arg-type]


def test_argument_errors_are_samverkan_errors_and_value_errors(rs: samverkan.Ruleset) -> None:
    m = samverkan.Meeting(rs, date=DATE, present=seats(rs))
    with pytest.raises(samverkan.ArgumentError, match="action must be"):
        m.consider("Ärende", objections=["su/ord"], action="postpone")
    with pytest.raises(samverkan.ArgumentError, match="reason must be"):
        m.leave("su/ord", reason="tired")
    with pytest.raises(ValueError, match="level must be"):
        rs.structure.forums("nonsense")
    assert issubclass(samverkan.ArgumentError, samverkan.Error)
    assert issubclass(samverkan.ArgumentError, ValueError)


def test_late_arrival_can_be_remote(rs: samverkan.Ruleset) -> None:
    present = [s for s in seats(rs, "ordinary") if s != "su/ord"]
    m = samverkan.Meeting(rs, date=DATE, present=present, chair="goteborg/ord1")
    assert m.consider("Första").served == 14
    m.arrive("su/ord", remote=True)
    r = m.consider("Andra")
    assert r.served == 15 and r.remote_counts and "su/ord" in r.serving
    assert r.steps[0].rule == "QRM-7" and r.steps[0].facts == {"seats": ["su/ord"]}


def test_setup_stays_as_given_and_rebuilds_the_same_rulings(rs: samverkan.Ruleset) -> None:
    people = {"ockero/ord": {"name": "Äldst", "born": "1948-05-17"}}
    m = samverkan.Meeting(rs, date=DATE, present=seats(rs), remote=["su/ord"], people=people)
    first = m.consider("Ärende", objections=["su/ord"])
    setup = m.setup()
    assert setup["chair"] is None and setup["vice_chair"] is None  # derived offices live in the ruling
    assert first.chair == "tandvard/ord"
    assert setup["date"] == dt.date(2026, 3, 13) and setup["remote"] == ["su/ord"]
    assert setup["people"]["ockero/ord"] == {
        "name": "Äldst",
        "born": dt.date(1948, 5, 17),
        "member_since": None,
    }
    again = samverkan.Meeting(rs, **setup).consider("Ärende", objections=["su/ord"])
    assert again.to_dict() == first.to_dict()
    assert again.explain() == first.explain() and again.explain(lang="en") == first.explain(lang="en")


def test_people_with_unknown_keys_are_refused(rs: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ArgumentError, match="unknown key"):
        samverkan.Meeting(rs, date=DATE, present=[], people={"su/ord": {"age": 61}})


def test_QRM2_same_party_own_substitute_first(changed: Callable[[str, str], samverkan.Ruleset]) -> None:
    rs = changed("substitution_scope: same_body", "substitution_scope: same_party")
    present = [s for s in seats(rs) if s not in ("dn_goteborg/ord", "dn_goteborg/ers")]
    r = samverkan.Meeting(rs, date=DATE, present=present).consider("Ärende", disqualified=["dn_vastra/ord"])
    assert r.substitutions == {"dn_goteborg/ord": "regionhalsan/ers", "dn_vastra/ord": "dn_vastra/ers"}
