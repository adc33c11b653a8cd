"""Attendance risk through Python: the forms of the arguments, the refusals, and agreement with meetings
decided one by one (samverkan.Meeting) — exactly over every pattern of a few uncertain seats, and within
sampling error on random meetings (QRM-2, QRM-3)."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest

import samverkan

DATE = "2026-03-13"
FORUM = "politiskt_samrad"


@pytest.fixture(scope="module")
def rs() -> samverkan.Ruleset:
    return samverkan.load_default(DATE)


def seat_ids(rs: samverkan.Ruleset, kind: str | None = None) -> list[str]:
    return [s.id for s in rs.seats(FORUM) if kind is None or s.kind == kind]


def same(a: samverkan.AttendanceRisk, b: samverkan.AttendanceRisk) -> bool:
    return math.isclose(a.quorate, b.quorate, abs_tol=1e-12) and all(
        math.isclose(x, y, abs_tol=1e-12) for x, y in zip(a.distribution, b.distribution, strict=True)
    )


# ---- the result -------------------------------------------------------------------------------------


def test_result_carries_the_figures(rs: samverkan.Ruleset) -> None:
    r = samverkan.quorum_probability(rs, attendance=0.9)
    assert isinstance(r, samverkan.AttendanceRisk)
    assert (r.forum, r.threshold, r.ordinary_seats) == (FORUM, 8, 15)
    assert isinstance(r.quorate, float) and 0.999 < r.quorate <= 1.0
    assert isinstance(r.distribution, list) and len(r.distribution) == 16
    assert math.isclose(sum(r.distribution), 1.0, abs_tol=1e-12)
    assert math.isclose(r.quorate, sum(r.distribution[8:]), abs_tol=1e-12)
    assert math.isclose(r.expected_served, sum(k * x for k, x in enumerate(r.distribution)), abs_tol=1e-12)
    # same_body (QRM-2): 12 ordinary seats with a substitute of their body, Göteborg's 3 without.
    assert math.isclose(r.expected_served, 12 * (1 - 0.1**2) + 3 * 0.9, abs_tol=1e-12)
    assert repr(r) == (
        "<AttendanceRisk politiskt_samrad: P(quorate) = 1.0000, 14.58 of 15 ordinary seats served on average>"
    )


def test_certain_attendance(rs: samverkan.Ruleset) -> None:
    assert samverkan.quorum_probability(rs, attendance=1).distribution[15] == 1.0
    nobody = samverkan.quorum_probability(rs, attendance=0)
    assert nobody.quorate == 0.0 and nobody.distribution[0] == 1.0


# ---- the forms of attendance ----------------------------------------------------------------------


def test_one_number_a_list_a_tuple_an_array_and_a_dict_agree(rs: samverkan.Ruleset) -> None:
    ids = seat_ids(rs)
    number = samverkan.quorum_probability(rs, attendance=0.6)
    for form in ([0.6] * 27, (0.6,) * 27, np.full(27, 0.6)):
        assert same(samverkan.quorum_probability(rs, attendance=form), number)
    single = samverkan.quorum_probability(rs, attendance=np.full(27, 0.6, dtype=np.float32))
    assert math.isclose(single.quorate, number.quorate, abs_tol=1e-6)
    assert same(samverkan.quorum_probability(rs, attendance=dict.fromkeys(ids, 0.6)), number)
    assert same(samverkan.quorum_probability(rs, attendance=np.float64(0.6)), number)


def test_a_sequence_is_in_seat_order(rs: samverkan.Ruleset) -> None:
    ids = seat_ids(rs)
    rng = random.Random(3)
    p = [rng.random() for _ in ids]
    by_list = samverkan.quorum_probability(rs, attendance=p)
    by_dict = samverkan.quorum_probability(rs, attendance=dict(zip(ids, p, strict=True)))
    by_array = samverkan.quorum_probability(rs, attendance=np.array(p))
    assert same(by_list, by_dict) and same(by_list, by_array)


def test_substitute_attendance(rs: samverkan.Ruleset) -> None:
    kinds = [s.kind for s in rs.seats(FORUM)]
    per_seat = [0.8 if k == "ordinary" else 0.3 for k in kinds]
    expected = samverkan.quorum_probability(rs, attendance=per_seat)
    assert same(samverkan.quorum_probability(rs, attendance=0.8, substitute_attendance=0.3), expected)
    # A dict may leave out the substitutes when substitute_attendance covers them.
    ordinary = dict.fromkeys(seat_ids(rs, "ordinary"), 0.8)
    assert same(samverkan.quorum_probability(rs, attendance=ordinary, substitute_attendance=0.3), expected)
    # A substitute the dict names keeps its own figure.
    named = {**ordinary, "su/ers": 1.0}
    r = samverkan.quorum_probability(rs, attendance=named, substitute_attendance=0.3)
    per_seat[seat_ids(rs).index("su/ers")] = 1.0
    assert same(r, samverkan.quorum_probability(rs, attendance=per_seat))


def test_known_absent_is_away_whatever_attendance_says(rs: samverkan.Ruleset) -> None:
    ids = seat_ids(rs)
    away = ["goteborg/ord1", "su/ord", "su/ers"]
    per_seat = [0.0 if i in away else 0.9 for i in ids]
    expected = samverkan.quorum_probability(rs, attendance=per_seat)
    assert same(samverkan.quorum_probability(rs, attendance=0.9, known_absent=away), expected)
    assert same(samverkan.quorum_probability(rs, attendance=[0.9] * 27, known_absent=away), expected)
    assert same(
        samverkan.quorum_probability(rs, attendance=dict.fromkeys(ids, 0.9), known_absent=away), expected
    )
    # Seats with apologies (anmält förhinder) need no entry in a dict.
    others = {i: 0.9 for i in ids if i not in away}
    assert same(samverkan.quorum_probability(rs, attendance=others, known_absent=away), expected)
    assert same(samverkan.quorum_probability(rs, attendance=0.9, known_absent=iter(away)), expected)
    assert same(
        samverkan.quorum_probability(rs, attendance=0.9, known_absent=None), samverkan.quorum_probability(rs)
    )


def test_the_2016_samrad_and_a_forum_without_seats(rs: samverkan.Ruleset) -> None:
    r2016 = samverkan.quorum_probability(samverkan.load_default("2020-06-01"), attendance=0.5)
    assert r2016.forum == FORUM and len(r2016.distribution) == r2016.ordinary_seats + 1
    with pytest.raises(samverkan.RuleViolation, match="no seats") as info:
        samverkan.quorum_probability(rs, forum="lgs")
    assert info.value.rule == "CMP-1"


# ---- refusals ------------------------------------------------------------------------------------


ARGUMENT_ERRORS = [
    ({"attendance": 1.5}, r"attendance is 1\.5; a probability lies between 0 and 1"),
    ({"attendance": -0.1}, r"attendance is -0\.1;"),
    ({"attendance": math.nan}, r"attendance is nan;"),
    ({"attendance": [0.5] * 26}, "attendance has 26 entries; politiskt_samrad has 27 seats"),
    ({"attendance": np.full(28, 0.5)}, "attendance has 28 entries"),
    ({"attendance": np.array([0.5])}, "attendance has 1 entry;"),
    ({"attendance": [0.5] * 26 + [2.0]}, r"attendance\[26\] \(seat 'ockero/ers'\) is 2;"),
    (
        {"attendance": {"su/ord": 0.5}},
        "attendance gives no probability for 'dn_goteborg/ord', 'dn_goteborg/ers', 'dn_vastra/ord' and 23 "
        "more; a dict names every seat not in known_absent",
    ),
    ({"attendance": {"su/ord": 1.5}}, r"attendance\['su/ord'\] is 1\.5"),
    (
        {"attendance": [0.5] * 27, "substitute_attendance": 0.3},
        "substitute_attendance applies when attendance is one number or a dict",
    ),
    ({"substitute_attendance": 7}, "substitute_attendance is 7;"),
    ({"known_absent": ["su/ord", "su/ord"]}, "seat 'su/ord' is given twice in known_absent"),
]


@pytest.mark.parametrize(("kwargs", "message"), ARGUMENT_ERRORS)
def test_malformed_arguments_are_argument_errors(
    rs: samverkan.Ruleset, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(samverkan.ArgumentError, match=message) as info:
        samverkan.quorum_probability(rs, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError) and isinstance(info.value, samverkan.Error)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"known_absent": ["su/ordd"]},
            r"'su/ordd' holds no seat in politiskt_samrad and cannot send apologies "
            r"\(did you mean 'su/ord'\?\)",
        ),
        (
            {"attendance": {"nobody/ord": 0.5}},
            "'nobody/ord' holds no seat in politiskt_samrad and cannot attend",
        ),
    ],
)
def test_an_id_that_holds_no_seat_is_RGT4(
    rs: samverkan.Ruleset, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(samverkan.NotPermitted, match=message) as info:
        samverkan.quorum_probability(rs, **kwargs)  # type: ignore[arg-type]
    assert info.value.rule == "RGT-4"


def test_an_unknown_forum(rs: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.UnknownId, match="samradet"):
        samverkan.quorum_probability(rs, forum="samradet")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"attendance": "0.5"}, "attendance: expected a probability, a dict"),
        ({"attendance": None}, "got NoneType"),
        ({"attendance": True}, "got bool"),
        ({"attendance": {"su/ord": "x"}}, r"attendance\['su/ord'\]: expected a probability"),
        ({"attendance": {1: 0.5}}, "attendance: seat ids are text"),
        ({"attendance": ["x"] * 27}, r"attendance\[0\] \(seat 'dn_goteborg/ord'\): expected"),
        ({"known_absent": "su/ord"}, "known_absent: expected a list of seat ids, got the string 'su/ord'"),
        ({"known_absent": 3}, "known_absent: expected a list of seat ids, got int"),
    ],
)
def test_arguments_of_the_wrong_type_are_type_errors(
    rs: samverkan.Ruleset, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        samverkan.quorum_probability(rs, **kwargs)  # type: ignore[arg-type]


def test_an_endless_known_absent_is_refused_without_hanging(rs: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ArgumentError, match="given twice"):
        samverkan.quorum_probability(rs, known_absent=itertools.cycle(["su/ord"]))


# ---- agreement with meetings decided one by one -----------------------------------------------------


def meeting_ruling(rs: samverkan.Ruleset, present: list[str]) -> samverkan.Ruling:
    return samverkan.Meeting(rs, date=DATE, present=present).consider("Ärende")


SCENARIOS = [
    ("same_body", "more_than_half", False),
    ("same_party", "two_thirds", True),
    ("same_side", "more_than_half", True),
]


def ruleset_for(text: str, scope: str, quorum: str, both: bool) -> samverkan.Ruleset:
    """The 2026 ruleset with the given substitution_scope (QRM-2) and quorum (QRM-3)."""
    for old, new in [
        ("substitution_scope: same_body", f"substitution_scope: {scope}"),
        ("quorum: more_than_half ", f"quorum: {quorum} "),
        ("quorum_both_sides_present: false", f"quorum_both_sides_present: {str(both).lower()}"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return samverkan.load_string(text, f"{scope}-{quorum}-{both}.yaml")


@pytest.mark.parametrize(("scope", "quorum", "both"), SCENARIOS)
def test_exact_over_every_pattern_of_uncertain_seats(
    default_text: str, scope: str, quorum: str, both: bool
) -> None:
    rs = ruleset_for(default_text, scope, quorum, both)
    ids = seat_ids(rs)
    rng = random.Random(f"{scope}{quorum}{both}")
    uncertain = rng.sample(ids, 9)
    p = {i: (rng.uniform(0.05, 0.95) if i in uncertain else float(rng.random() < 0.55)) for i in ids}
    quorate = 0.0
    distribution = [0.0] * 16
    for pattern in itertools.product((False, True), repeat=len(uncertain)):
        here = dict(zip(uncertain, pattern, strict=True))
        weight = math.prod(p[i] if here[i] else 1 - p[i] for i in uncertain)
        present = [i for i in ids if here.get(i, p[i] == 1.0)]
        r = meeting_ruling(rs, present)
        distribution[r.served] += weight
        quorate += weight * r.quorate
    risk = samverkan.quorum_probability(rs, attendance=p)
    assert math.isclose(risk.quorate, quorate, abs_tol=1e-12)
    assert all(
        math.isclose(a, b, abs_tol=1e-12) for a, b in zip(risk.distribution, distribution, strict=True)
    )


@pytest.mark.parametrize(("scope", "quorum", "both"), SCENARIOS)
def test_sampled_meetings_agree_within_sampling_error(
    default_text: str, scope: str, quorum: str, both: bool
) -> None:
    rs = ruleset_for(default_text, scope, quorum, both)
    ids = seat_ids(rs)
    rng = random.Random(2026)
    # Rates that leave the outcome in doubt: the region likelier to come than the municipalities.
    p = {s.id: (0.4 if s.side == "region" else 0.25) for s in rs.seats(FORUM)}
    risk = samverkan.quorum_probability(rs, attendance=p)
    n = 3000
    served = quorate = 0
    for _ in range(n):
        r = meeting_ruling(rs, [i for i in ids if rng.random() < p[i]])
        served += r.served
        quorate += r.quorate
    assert 0.05 < risk.quorate < 0.95
    sigma = math.sqrt(risk.quorate * (1 - risk.quorate) / n)
    assert abs(quorate / n - risk.quorate) < 4 * sigma
    assert abs(served / n - risk.expected_served) < 0.1
