"""simulate and sweep: agreement with rule_batch on the same kind of meetings, determinism whatever the
thread count, correlated absences, objections, parameter sweeps on one machine and on a Dask cluster."""

from __future__ import annotations

import numpy as np
import pytest

import samverkan
from samverkan.simulate import attendance_per_seat, wilson_interval

FORUM = "politiskt_samrad"


def test_same_seed_same_answer_whatever_the_threads(rs2026: samverkan.Ruleset) -> None:
    a = samverkan.simulate(rs2026, attendance=0.6, objection=0.2, n=200_003, seed=5, threads=1)
    b = samverkan.simulate(rs2026, attendance=0.6, objection=0.2, n=200_003, seed=5, threads=2)
    c = samverkan.simulate(rs2026, attendance=0.6, objection=0.2, n=200_003, seed=5, threads=7)
    assert a.counts == b.counts == c.counts and a.served_counts == b.served_counts == c.served_counts
    d = samverkan.simulate(rs2026, attendance=0.6, objection=0.2, n=200_003, seed=6, threads=1)
    assert d.counts != a.counts
    assert sum(a.counts.values()) == a.n == 200_003 and sum(a.served_counts) == a.n


def test_agrees_with_rule_batch_on_independent_attendance(rs2026: samverkan.Ruleset) -> None:
    # The same model two ways: the simulation, and rule_batch on meetings drawn with NumPy. Both estimate
    # the same probabilities; with 400,000 meetings each they agree to well within 0.01.
    n = 400_000
    sim = samverkan.simulate(rs2026, attendance=0.55, substitute_attendance=0.4, n=n, seed=3)
    rng = np.random.default_rng(3)
    rates = np.array(attendance_per_seat(rs2026, FORUM, 0.55, 0.4))
    present = rng.random((n, len(rates))) < rates
    batch = samverkan.rule_batch(rs2026, FORUM, present)
    for code, name in enumerate(samverkan.OUTCOMES):
        assert abs(sim.probabilities[name] - np.mean(batch["outcome"] == code)) < 0.01, name
    assert abs(sim.expected_served - batch["served"].mean()) < 0.05


def test_objections_and_referrals(rs2026: samverkan.Ruleset) -> None:
    s = samverkan.simulate(rs2026, attendance=1.0, objection=0.25, n=100_000, seed=1)
    assert s.counts["not_quorate"] == 0
    assert abs(s.probabilities["referred_back"] - 0.25) < 0.01
    removed = samverkan.simulate(rs2026, attendance=1.0, objection=0.25, n=100_000, seed=1, referrals=1)
    assert removed.counts["removed"] == s.counts["referred_back"]  # CNS-3: max_referrals reached


def test_a_calendar_clash_takes_a_group_away_together(rs2026: samverkan.Ruleset) -> None:
    goteborg = ["goteborg/ord1", "goteborg/ord2", "goteborg/ord3"]
    s = samverkan.simulate(rs2026, attendance=1.0, n=50_000, seed=2, clashes=[(goteborg, 0.5)])
    assert abs(s.served[12] - 0.5) < 0.02 and abs(s.served[15] - 0.5) < 0.02
    assert s.served[13] == s.served[14] == 0.0


def test_known_absent_and_attendance_forms(rs2026: samverkan.Ruleset) -> None:
    seats = [s.id for s in rs2026.seats(FORUM)]
    assert attendance_per_seat(rs2026, FORUM, 0.5) == [0.5] * len(seats)
    rates = dict.fromkeys(seats, 0.9) | {"su/ord": 0.2}
    by_dict = attendance_per_seat(rs2026, FORUM, rates, None, ["molndal/ord"])
    assert by_dict[seats.index("su/ord")] == 0.2 and by_dict[seats.index("molndal/ord")] == 0.0
    assert by_dict[seats.index("su/ers")] == 0.9
    with pytest.raises(samverkan.NotPermitted):
        attendance_per_seat(rs2026, FORUM, 0.5, known_absent=["su/orr"])
    with pytest.raises(samverkan.ArgumentError):
        attendance_per_seat(rs2026, FORUM, [0.5, 0.5])
    with pytest.raises(samverkan.ArgumentError):
        attendance_per_seat(rs2026, FORUM, 1.5)
    s = samverkan.simulate(rs2026, attendance=0.9, known_absent=seats, n=1000)
    assert s.counts["not_quorate"] == 1000


def test_agrees_with_the_exact_risk(rs2026: samverkan.Ruleset) -> None:
    exact = samverkan.quorum_probability(rs2026, attendance=0.5, substitute_attendance=0.3)
    s = samverkan.simulate(rs2026, attendance=0.5, substitute_attendance=0.3, n=1_000_000, seed=9)
    low, high = s.quorate_interval
    assert low - 0.002 < exact.quorate < high + 0.002
    assert abs(s.expected_served - exact.expected_served) < 0.01


def test_bad_requests_are_refused_before_work(rs2026: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ArgumentError, match="at most"):
        samverkan.simulate(rs2026, n=10**15)
    with pytest.raises(samverkan.ArgumentError):
        samverkan.simulate(rs2026, n=-1)
    with pytest.raises(samverkan.ArgumentError, match="objection"):
        samverkan.simulate(rs2026, objection=2.0, n=10)
    with pytest.raises(samverkan.RuleViolation):
        samverkan.simulate(rs2026, n=10, referrals=-1)
    with pytest.raises(samverkan.ArgumentError, match="threads"):
        samverkan.simulate(rs2026, n=10, threads=0)


def test_wilson_interval() -> None:
    low, high = wilson_interval(50, 100)
    assert low < 0.5 < high and abs((low + high) / 2 - 0.5) < 1e-12
    assert wilson_interval(0, 10)[0] == 0.0 and wilson_interval(10, 10)[1] == pytest.approx(1.0)


def test_sweep_over_attendance_and_parameters(rs2026: samverkan.Ruleset) -> None:
    grid = {
        "attendance": [0.5, 0.8],
        "meeting.quorum": ["more_than_half", "two_thirds"],
        "meeting.substitution_scope": ["same_body", "same_side"],
    }
    df = samverkan.sweep(rs2026, grid=grid, n=20_000, progress=False)
    assert len(df) == 8
    assert set(df.columns) >= {"attendance", "meeting.quorum", "quorate", "quorate_low", "p_position", "n"}
    low = df[(df["attendance"] == 0.5) & (df["meeting.substitution_scope"] == "same_body")]
    assert low["quorate"].iloc[1] < low["quorate"].iloc[0]  # two thirds is harder to reach
    body = df[(df["attendance"] == 0.5) & (df["meeting.quorum"] == "more_than_half")]["quorate"].tolist()
    assert body[1] >= body[0]  # substitutes across the side fill more seats
    # The same point simulated directly gives the same figures (the same seed is used everywhere).
    two_thirds = rs2026.with_changes({"meeting.quorum": "two_thirds"})
    direct = samverkan.simulate(two_thirds, attendance=0.8, n=20_000)
    row = df[(df["attendance"] == 0.8) & (df["meeting.quorum"] == "two_thirds")]
    assert row[row["meeting.substitution_scope"] == "same_body"]["quorate"].iloc[0] == direct.quorate


def test_sweep_refuses_unknown_keys_and_values(rs2026: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ArgumentError, match="grid key"):
        samverkan.sweep(rs2026, grid={"atendance": [0.5]}, n=10)
    with pytest.raises(samverkan.ArgumentError, match="did you mean 'meeting.quorum'"):
        samverkan.sweep(rs2026, grid={"meeting.quorom": ["two_thirds"]}, n=10)
    with pytest.raises(samverkan.ChangeError, match="QRM-3"):
        samverkan.sweep(rs2026, grid={"meeting.quorum": ["most"]}, n=10)
    with pytest.raises(samverkan.ArgumentError, match="list"):
        samverkan.sweep(rs2026, grid={"attendance": 0.5}, n=10)  # type: ignore[dict-item]


def test_sweep_on_a_dask_cluster(rs2026: samverkan.Ruleset) -> None:
    distributed = pytest.importorskip("distributed")
    grid = {"attendance": [0.5, 0.7], "meeting.quorum": ["more_than_half", "two_thirds"]}
    local = samverkan.sweep(rs2026, grid=grid, n=10_000, progress=False)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = samverkan.sweep(rs2026, grid=grid, n=10_000, client=client, progress=False)
    assert remote.equals(local)
