"""The meeting engine through Python: the same cases as tests/cpp/test_meeting.cpp, same results."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import samverkan

DATE = "2026-03-13"
VGR_ORDINARY = [
    "dn_goteborg/ord",
    "dn_vastra/ord",
    "regionhalsan/ord",
    "narhalsan/ord",
    "tandvard/ord",
    "habilitering_halsa/ord",
    "sjukhusen_i_vaster/ord",
    "su/ord",
]


@pytest.fixture(scope="module")
def rs() -> samverkan.Ruleset:
    return samverkan.load_default(DATE)


def seats(rs: samverkan.Ruleset, kind: str | None = None) -> list[str]:
    return [s.id for s in rs.seats("politiskt_samrad") if kind is None or s.kind == kind]


def without(ids: list[str], drop: list[str]) -> list[str]:
    return [i for i in ids if i not in drop]


def meeting(rs: samverkan.Ruleset, present: list[str], **kw: object) -> samverkan.Meeting:
    return samverkan.Meeting(
        rs,
        forum="politiskt_samrad",
        date=DATE,
        present=present,
        chair="goteborg/ord1",
        vice_chair="regionhalsan/ord",
        **kw,
    )  # type: ignore[arg-type]


EXACTLY_8_ABSENT = [
    "dn_goteborg/ord", "dn_goteborg/ers", "dn_vastra/ord", "dn_vastra/ers", "narhalsan/ord", "narhalsan/ers",
    "tandvard/ord", "tandvard/ers", "su/ord", "su/ers", "goteborg/ord2", "goteborg/ord3",
]  # fmt: skip


@pytest.mark.parametrize(
    ("absent", "served", "substitutions", "quorate"),
    [
        pytest.param([], 15, 0, True, id="everyone"),
        pytest.param(VGR_ORDINARY, 15, 8, True, id="vgr_ordinary_absent_substitutes_serve"),
        pytest.param(["goteborg/ord1", "goteborg/ord2", "goteborg/ord3"], 12, 0, True, id="goteborg_absent"),
        pytest.param(EXACTLY_8_ABSENT, 8, 0, True, id="exactly_8"),
        pytest.param([*EXACTLY_8_ABSENT, "ockero/ord", "ockero/ers"], 7, 0, False, id="exactly_7"),
    ],
)
def test_QRM2_QRM3_attendance(
    rs: samverkan.Ruleset, absent: list[str], served: int, substitutions: int, quorate: bool
) -> None:
    r = meeting(rs, without(seats(rs), absent)).consider("Ärende")
    assert r.served == served
    assert len(r.substitutions) == substitutions
    assert (r.ordinary_seats, r.threshold) == (15, 8)
    assert r.quorate is quorate
    assert r.outcome == ("position" if quorate else "not_quorate")
    assert "QRM-3" in r.rules and "QRM-2" in r.rules
    assert ("CNS-4" in r.rules) is (not quorate)
    if not quorate:
        assert r.presiding is None


def test_everyone_present_serving_list(rs: samverkan.Ruleset) -> None:
    r = meeting(rs, seats(rs)).consider("Ärende")
    assert r.serving == seats(rs, "ordinary")  # in seat order
    assert r.presiding == "goteborg/ord1"


def test_vgr_substitutes_serve_for_their_own_body(rs: samverkan.Ruleset) -> None:
    r = meeting(rs, without(seats(rs), VGR_ORDINARY)).consider("Ärende")
    assert r.substitutions == {o: o.replace("/ord", "/ers") for o in VGR_ORDINARY}


def test_RGT1_attending_substitute_objection_is_refused(rs: samverkan.Ruleset) -> None:
    m = meeting(rs, seats(rs))
    first = m.consider("Ärende")
    assert "molndal/ers" not in first.serving
    with pytest.raises(samverkan.NotPermitted, match="molndal/ers") as info:
        m.consider("Nästa", objections=["molndal/ers"])
    assert info.value.rule == "RGT-1"
    assert isinstance(info.value, PermissionError) and isinstance(info.value, samverkan.RuleViolation)
    assert len(m.rulings) == 1


def test_RGT4_no_seat_no_part(rs: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.NotPermitted) as info:
        meeting(rs, ["stranger"])
    assert info.value.rule == "RGT-4"
    m = meeting(rs, seats(rs, "ordinary"))
    with pytest.raises(samverkan.NotPermitted) as info:
        m.consider("Ärende", abstentions=["goteborg/ord4"])
    assert info.value.rule == "RGT-4"
    assert m.rulings == []


def test_QRM5_late_member_takes_seat_back(rs: samverkan.Ruleset) -> None:
    m = meeting(rs, without(seats(rs), ["su/ord"]))
    assert m.consider("Första").substitutions == {"su/ord": "su/ers"}
    m.arrive("su/ord")
    second = m.consider("Andra", objections=["su/ord"])
    assert second.substitutions == {}
    assert "su/ord" in second.serving and "su/ers" not in second.serving
    assert second.outcome == "referred_back"


def test_QRM4_disqualified_replaced_for_one_item(rs: samverkan.Ruleset) -> None:
    m = meeting(rs, seats(rs))
    r = m.consider("Upphandling", disqualified=["narhalsan/ord"])
    assert r.substitutions == {"narhalsan/ord": "narhalsan/ers"} and r.served == 15
    assert "QRM-4" in r.rules
    assert m.consider("Nästa").substitutions == {}


def test_QRM5_member_who_left_does_not_serve_again(rs: samverkan.Ruleset) -> None:
    m = meeting(rs, seats(rs, "ordinary"))
    m.leave("molndal/ord")
    m.arrive("molndal/ord")
    assert m.consider("Ärende").served == 14
    with pytest.raises(ValueError, match="reason must be"):
        m.leave("su/ord", reason="tired")


@pytest.mark.parametrize(
    ("absent", "people", "presiding"),
    [
        pytest.param([], None, "goteborg/ord1", id="chair"),
        pytest.param(["goteborg/ord1"], None, "regionhalsan/ord", id="chair_absent"),
        pytest.param(
            ["goteborg/ord1", "regionhalsan/ord"], {"ockero/ord": "1948-05-17"}, "ockero/ord", id="eldest"
        ),
    ],
)
def test_QRM6_presiding(
    rs: samverkan.Ruleset, absent: list[str], people: dict[str, str] | None, presiding: str
) -> None:
    present = without(seats(rs, "ordinary"), absent)
    births = None
    if people is not None:
        births = {s: {"name": s, "born": "1970-01-01"} for s in present}
        births.update({s: {"name": "Äldst", "born": b} for s, b in people.items()})
    r = meeting(rs, present, people=births).consider("Ärende")
    assert r.presiding == presiding
    assert "QRM-6" in r.rules


def test_QRM6_chair_and_vice_absent_without_birth_dates_is_an_unknown(rs: samverkan.Ruleset) -> None:
    m = meeting(rs, without(seats(rs, "ordinary"), ["goteborg/ord1", "regionhalsan/ord"]))
    r = m.consider("Ärende", objections=["su/ord"])
    assert (r.quorate, r.outcome, r.presiding) == (True, "referred_back", None)
    [u] = r.unknowns
    assert (u.rule, u.decides, u.missing) == ("QRM-6", "presiding", ["born"])
    assert u.seats == u.candidates == without(seats(rs, "ordinary"), ["goteborg/ord1", "regionhalsan/ord"])
    assert [s.kind for s in r.steps if s.rule == "QRM-6"] == ["chair_cannot", "vice_chair_cannot", "unknown"]
    assert "born" in r.explain(lang="en") and "okänt" in r.explain()


def test_QRM6_unknown_candidates_include_the_best_known(rs: samverkan.Ruleset) -> None:
    present = without(seats(rs, "ordinary"), ["goteborg/ord1", "regionhalsan/ord"])
    people = {s: {"born": "1970-01-01"} for s in present if s != "su/ord"}
    r = meeting(rs, present, people=people).consider("Ärende")
    [u] = r.unknowns
    assert u.seats == ["su/ord"]
    assert u.candidates == ["dn_goteborg/ord", "su/ord"]  # a tie goes to the earlier seat


def test_QRM6_nobody_may_preside_is_not_dealt_with(rs: samverkan.Ruleset) -> None:
    substitutes = [s.replace("/ord", "/ers") for s in VGR_ORDINARY]
    r = meeting(rs, substitutes).consider("Ärende")
    assert (r.quorate, r.outcome, r.presiding) == (True, "not_dealt_with", None)
    assert r.steps[-1].rule == "QRM-6" and r.steps[-1].kind == "nobody"


def test_QRM7_remote(rs: samverkan.Ruleset, changed: Callable[[str, str], samverkan.Ruleset]) -> None:
    present = without(seats(rs, "ordinary"), ["su/ord", "tandvard/ord"])
    assert meeting(rs, present, remote=["su/ord", "tandvard/ord"]).consider("Ärende").served == 15
    off = changed("remote: {allowed: true", "remote: {allowed: false")
    assert meeting(off, present, remote=["su/ord", "tandvard/ord"]).consider("Ärende").served == 13


@pytest.mark.parametrize(
    ("objections", "abstentions", "referrals", "outcome", "after"),
    [
        pytest.param([], [], 0, "position", 0, id="no_objection"),
        pytest.param([], ["partille/ord"], 0, "position", 0, id="abstention"),
        pytest.param(["su/ord"], [], 0, "referred_back", 1, id="objection_0_referrals"),
        pytest.param(["su/ord"], [], 1, "removed", 1, id="objection_1_referral"),
    ],
)
def test_CNS2_CNS3_outcomes(
    rs: samverkan.Ruleset,
    objections: list[str],
    abstentions: list[str],
    referrals: int,
    outcome: str,
    after: int,
) -> None:
    r = meeting(rs, seats(rs, "ordinary")).consider(
        "Ärende", objections=objections, abstentions=abstentions, referrals=referrals
    )
    assert r.outcome == outcome
    assert r.referrals == after
    assert ("CNS-3" in r.rules) is (outcome in ("referred_back", "removed"))


def test_CNS3_reason_and_choice(rs: samverkan.Ruleset) -> None:
    m = meeting(rs, seats(rs, "ordinary"))
    r = m.consider("Ärende", objections=["su/ord"], reason="kostnadsfördelningen")
    assert r.reason == "kostnadsfördelningen" and "kostnadsfördelningen" in r.explain()
    assert m.consider("Ärende", objections=["su/ord"], action="remove").outcome == "removed"
    with pytest.raises(ValueError, match="action must be"):
        m.consider("Ärende", objections=["su/ord"], action="postpone")


def test_parameters_change_results(
    rs: samverkan.Ruleset, changed: Callable[[str, str], samverkan.Ruleset]
) -> None:
    away = ["su/ord", "tandvard/ord", "narhalsan/ord", "dn_vastra/ord", "ockero/ord", "partille/ord"]
    nine = without(seats(rs, "ordinary"), away)
    two_thirds = changed("quorum: more_than_half", "quorum: two_thirds")
    assert meeting(rs, nine).consider("Ärende").quorate
    r = meeting(two_thirds, nine).consider("Ärende")
    assert (r.threshold, r.quorate) == (10, False)

    same_party = changed("substitution_scope: same_body", "substitution_scope: same_party")
    present = without(seats(rs), ["dn_goteborg/ord", "dn_goteborg/ers"])
    assert meeting(rs, present).consider("Ärende").served == 14
    assert meeting(same_party, present).consider("Ärende").served == 15

    unanimous = changed("consensus: no_objection", "consensus: unanimous_assent")
    assert meeting(unanimous, seats(rs, "ordinary")).consider(
        "Ärende", abstentions=["partille/ord"]
    ).outcome == ("referred_back")


def test_explanation_names_every_rule_with_source(rs: samverkan.Ruleset) -> None:
    r = meeting(rs, seats(rs)).consider("Ärende", objections=["su/ord"])
    text = r.explain()
    for rule in r.rules:
        assert f"{rule}  " in text
    assert "15 av 15 ordinarie platser har tjänstgörande ledamöter" in text  # Swedish by default
    assert "15 of 15 ordinary seats served" in r.explain(lang="en")
    assert "kommunallagen 6 kap. 27 §" in text
    assert "003_324ab1002b074ef9.txt" in text
    assert [s.rule for s in r.steps] == r.rules  # each rule applied once here


def test_meeting_arguments_are_checked(rs: samverkan.Ruleset) -> None:
    with pytest.raises(TypeError, match="date"):
        samverkan.Meeting(rs, present=[])
    with pytest.raises(TypeError, match="list of seat ids"):
        samverkan.Meeting(rs, date=DATE, present="su/ord")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        samverkan.Meeting(rs, date=DATE, present=[], people={"su/ord": {"born": "1961-02-30"}})
    with pytest.raises(samverkan.RuleViolation) as info:
        samverkan.Meeting(rs, date=DATE, present=[], chair="lgs/ord")
    assert info.value.rule == "CMP-5"
