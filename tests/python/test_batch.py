"""rule_batch against Meeting.consider: the same served count, quorum and outcome on random scenarios,
for every parameter value; boolean and packed input; any thread count (QRM-2 … QRM-6, CNS-2, CNS-3, RGT-1)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
import pytest

import samverkan

DATE = "2026-03-13"
FORUM = "politiskt_samrad"


def random_masks(n: int, seats: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    rate = rng.uniform(0.2, 1.0, size=(n, 1))
    present = rng.random((n, seats)) < rate
    objections = rng.random((n, seats)) < 0.03
    disqualified = rng.random((n, seats)) < 0.03
    return present, objections, disqualified


def by_meeting(
    rs: samverkan.Ruleset,
    present: np.ndarray,
    objections: np.ndarray,
    disqualified: np.ndarray,
    referrals: int,
) -> tuple[list[int], list[bool], list[str]]:
    ids = [s.id for s in rs.seats(FORUM)]
    served, quorate, outcome = [], [], []
    for p, o, d in zip(present, objections, disqualified, strict=True):
        m = samverkan.Meeting(rs, FORUM, DATE, [ids[i] for i in np.flatnonzero(p)])
        try:
            r = m.consider(
                "Ärende",
                objections=[ids[i] for i in np.flatnonzero(o)],
                disqualified=[ids[i] for i in np.flatnonzero(d)],
                referrals=referrals,
            )
        except samverkan.NotPermitted as e:
            assert e.rule == "RGT-1"
            served.append(-1)
            quorate.append(False)
            outcome.append("refused")
            continue
        served.append(r.served)
        quorate.append(r.quorate)
        outcome.append(r.outcome)
    return served, quorate, outcome


def check_agrees(rs: samverkan.Ruleset, n: int, referrals: int, seed: int) -> None:
    seats = len(rs.seats(FORUM))
    present, objections, disqualified = random_masks(n, seats, seed)
    b = samverkan.rule_batch(rs, FORUM, present, objections, disqualified, referrals=referrals)
    served, quorate, outcome = by_meeting(rs, present, objections, disqualified, referrals)
    names = [samverkan.OUTCOMES[c] for c in b["outcome"]]
    assert names == outcome
    ok = np.array(outcome) != "refused"
    assert b["served"][ok].tolist() == np.array(served)[ok].tolist()
    assert b["quorate"].tolist() == quorate


def test_agrees_with_meetings_on_the_default_samrad(rs2026: samverkan.Ruleset) -> None:
    for referrals in (0, 1, 2):
        check_agrees(rs2026, 1500, referrals, seed=referrals)


@pytest.mark.parametrize(
    ("scope", "quorum", "both"),
    list(
        itertools.product(
            ["same_body", "same_party", "same_side"], ["more_than_half", "two_thirds", "5"], [False, True]
        )
    ),
)
def test_agrees_for_every_parameter_value(
    changed_all: Callable[[list[tuple[str, str]]], samverkan.Ruleset], scope: str, quorum: str, both: bool
) -> None:
    rs = changed_all(
        [
            ("substitution_scope: same_body", f"substitution_scope: {scope}"),
            ("quorum: more_than_half", f"quorum: {quorum}"),
            ("quorum_both_sides_present: false", f"quorum_both_sides_present: {str(both).lower()}"),
            ("substitute_may_preside: false", f"substitute_may_preside: {str(both).lower()}"),
            (
                "on_no_consensus: refer_back",
                "on_no_consensus: " + ("remove" if quorum == "5" else "refer_back"),
            ),
        ]
    )
    check_agrees(rs, 120, referrals=len(scope) % 3, seed=len(scope) + len(quorum))


def test_packed_input_gives_the_same_answers(rs2026: samverkan.Ruleset) -> None:
    present, objections, _ = random_masks(5000, len(rs2026.seats(FORUM)), seed=3)
    weights = np.uint64(1) << np.arange(present.shape[1], dtype=np.uint64)
    packed = (present.astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)
    packed_obj = (objections.astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)
    a = samverkan.rule_batch(rs2026, FORUM, present, objections)
    b = samverkan.rule_batch(rs2026, FORUM, packed, packed_obj)
    c = samverkan.rule_batch(rs2026, FORUM, packed.reshape(-1, 1), packed_obj.reshape(-1, 1))
    for key in ("served", "quorate", "outcome"):
        assert np.array_equal(a[key], b[key]) and np.array_equal(a[key], c[key])


def test_results_do_not_depend_on_the_thread_count(rs2026: samverkan.Ruleset) -> None:
    present, objections, disqualified = random_masks(20_001, len(rs2026.seats(FORUM)), seed=4)
    one = samverkan.rule_batch(rs2026, FORUM, present, objections, disqualified, threads=1)
    for t in (2, 3, 7):
        many = samverkan.rule_batch(rs2026, FORUM, present, objections, disqualified, threads=t)
        for key in one:
            assert np.array_equal(one[key], many[key])


def test_output_types_and_categorical(rs2026: samverkan.Ruleset) -> None:
    present = np.ones((4, len(rs2026.seats(FORUM))), dtype=bool)
    present[1] = False
    r = samverkan.rule_batch(rs2026, FORUM, present)
    assert r["served"].dtype == np.uint16 and r["quorate"].dtype == bool and r["outcome"].dtype == np.uint8
    cat = samverkan.outcome_categorical(r["outcome"])
    assert list(cat) == ["position", "not_quorate", "position", "position"]
    assert list(cat.categories) == list(samverkan.OUTCOMES)
    empty = samverkan.rule_batch(rs2026, FORUM, present[:0])
    assert empty["served"].shape == (0,)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"present": np.ones((3, 26), dtype=bool)}, "shape"),
        ({"present": np.ones((3, 2), dtype=np.uint64)}, "shape"),
        ({"present": np.ones((3, 27), dtype=np.float64)}, "boolean"),
        ({"present": np.ones((3, 27), dtype=bool), "objections": np.ones((4, 27), dtype=bool)}, "scenarios"),
        ({"present": np.ones((3, 27), dtype=bool), "threads": 0}, "threads"),
        ({"present": np.ones((3, 27), dtype=bool), "threads": 100_000}, "threads"),
    ],
)
def test_malformed_input_is_refused(rs2026: samverkan.Ruleset, kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(samverkan.ArgumentError, match=match):
        samverkan.rule_batch(rs2026, FORUM, **kwargs)  # type: ignore[arg-type]


def test_negative_referrals_and_unknown_forum(rs2026: samverkan.Ruleset) -> None:
    present = np.ones((3, 27), dtype=bool)
    with pytest.raises(samverkan.RuleViolation) as info:
        samverkan.rule_batch(rs2026, FORUM, present, referrals=-1)
    assert info.value.rule == "CNS-3"
    with pytest.raises(samverkan.UnknownId):
        samverkan.rule_batch(rs2026, "politiskt_samrd", present)
