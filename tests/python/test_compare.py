"""samverkan.compare: the same meetings under two rulesets, what comes out differently (QRM-2, QRM-3,
QRM-6, ROT-3a), the summary, the quorum probability, the rotation and the report in both languages."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import samverkan
import samverkan.impact

DATE = "2026-03-13"
FORUM = "politiskt_samrad"


def with_changes(rs: samverkan.Ruleset, changes: dict[str, Any]) -> samverkan.Ruleset:
    """The ruleset with parameters changed, keys as ``meeting.quorum`` or ``rotation.first_holder``.
    Every changed ruleset of these tests comes from here."""
    return rs.with_changes(changes)


@pytest.fixture(scope="module")
def rs() -> samverkan.Ruleset:
    return samverkan.load_default(DATE)


@pytest.fixture(scope="module")
def two_thirds(rs: samverkan.Ruleset) -> samverkan.Ruleset:
    return with_changes(rs, {"meeting.quorum": "two_thirds"})


def ordinary(rs: samverkan.Ruleset) -> list[str]:
    return [s.id for s in rs.seats(FORUM) if s.kind == "ordinary"]


def thresholds(rs: samverkan.Ruleset) -> tuple[int, int]:
    """More than half and two thirds of the ordinary seats (QRM-3), from the seat count alone."""
    n = len(ordinary(rs))
    return n // 2 + 1, math.ceil(2 * n / 3)


def served(rs: samverkan.Ruleset, present: Iterable[str]) -> int:
    """Ordinary seats served under substitution_scope same_body (QRM-2): per body, its ordinary members
    present and as many of its present substitutes as it has empty ordinary seats."""
    here = set(present)
    total = 0
    for ordinary_ids, substitute_ids in _bodies(rs):
        total += min(len(ordinary_ids), len(here & ordinary_ids) + len(here & substitute_ids))
    return total


_BODIES: dict[str, list[tuple[set[str], set[str]]]] = {}


def _bodies(rs: samverkan.Ruleset) -> list[tuple[set[str], set[str]]]:
    """Per body of the forum, its ordinary and its substitute seat ids (read once per ruleset)."""
    if rs.id not in _BODIES:
        seats = rs.seats(FORUM)
        _BODIES[rs.id] = [
            (
                {s.id for s in seats if s.body == body and s.kind == "ordinary"},
                {s.id for s in seats if s.body == body and s.kind == "substitute"},
            )
            for body in sorted({s.body for s in seats})
        ]
    return _BODIES[rs.id]


# ---- QRM-3: a change of quorum -------------------------------------------------------------------


@pytest.mark.parametrize("substitutes_present", [False, True])
def test_QRM3_two_thirds_differs_exactly_between_the_thresholds(
    rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset, substitutes_present: bool
) -> None:
    k = 6
    c = samverkan.compare(rs, two_thirds, absent_up_to=k, substitutes_present=substitutes_present)
    members = ordinary(rs)
    substitutes = [s.id for s in rs.seats(FORUM) if s.kind == "substitute"] if substitutes_present else []
    low, high = thresholds(rs)
    patterns = [away for j in range(k + 1) for away in itertools.combinations(members, j)]
    expected = {
        frozenset(away)
        for away in patterns
        if low <= served(rs, [*substitutes, *(m for m in members if m not in away)]) < high
    }
    got = {frozenset(s for s in absent if s in members) for absent in c.differences["absent"]}
    assert got == expected
    assert (c.summary["scenarios"], c.summary["differing"]) == (len(patterns), len(expected))
    assert c.summary["complete"] and c.summary["listed"] == len(expected)
    if expected:
        assert set(c.differences["outcome_baseline"]) == {"position"}
        assert set(c.differences["outcome_changed"]) == {"not_quorate"}
        assert c.summary["outcomes"][("position", "not_quorate")] == len(expected)
    else:
        # Every body but Göteborg has a substitute: at least 12 of 15 seats are served.
        assert substitutes_present and c.differences.empty


def test_QRM3_drawn_meetings_and_the_quorum_probability(
    rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset
) -> None:
    rates = {"*": 0.6, "goteborg": 0.3, "su/ers": 0.2}
    c = samverkan.compare(rs, two_thirds, rates=rates, n=2000, seed=7)
    seats = rs.seats(FORUM)
    per_seat = [rates.get(s.id, rates.get(s.body, rates["*"])) for s in seats]
    draws = np.random.default_rng(7).random((2000, len(seats))) < np.asarray(per_seat)
    low, high = thresholds(rs)
    ids = np.array([s.id for s in seats])
    expected = {i for i, row in enumerate(draws) if low <= served(rs, ids[row].tolist()) < high}
    assert expected and set(c.differences["scenario"]) == expected
    assert c.summary["differing"] == len(expected) and c.summary["scenarios"] == 2000
    for _, row in c.differences.iterrows():
        assert low <= served(rs, row["present"]) < high
    q = c.quorum_probability
    assert q is not None
    assert q.baseline.quorate == samverkan.quorum_probability(rs, FORUM, per_seat).quorate
    assert q.changed.quorate == samverkan.quorum_probability(two_thirds, FORUM, per_seat).quorate
    assert q.change == pytest.approx(q.changed.quorate - q.baseline.quorate) and q.change < 0


def test_rates_alone_give_the_quorum_probability(
    rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset
) -> None:
    c = samverkan.compare(rs, two_thirds, rates=0.5)
    assert c.summary["scenarios"] == 0 and c.differences.empty
    assert c.quorum_probability is not None
    assert (
        c.quorum_probability.changed.quorate == samverkan.quorum_probability(two_thirds, FORUM, 0.5).quorate
    )


def test_identical_rulesets_have_no_differences(rs: samverkan.Ruleset) -> None:
    for other in (rs, with_changes(rs, {})):
        c = samverkan.compare(rs, other, absent_up_to=3)
        assert c.summary["differing"] == 0 and c.differences.empty and c.rotation.empty
        assert all(b == ch for b, ch in c.summary["outcomes"])
        assert sum(c.summary["outcomes"].values()) == c.summary["scenarios"] == 1 + 15 + 105 + 455


# ---- given scenarios: full rulings ------------------------------------------------------------------


def test_given_scenarios_as_a_dataframe_are_ruled_in_full(rs: samverkan.Ruleset) -> None:
    everyone = [s.id for s in rs.seats(FORUM)]
    without_goteborg = [s for s in everyone if not s.startswith("goteborg/")]
    frame = pd.DataFrame(
        [
            {"present": everyone, "objections": None},
            {"present": without_goteborg, "objections": None},
            {"present": everyone, "objections": ["su/ord"]},
            {"present": everyone, "objections": ["su/ers"]},  # does not serve: refused (RGT-1)
        ]
    )
    same_side = with_changes(rs, {"meeting.substitution_scope": "same_side"})
    c = samverkan.compare(rs, same_side, frame)
    assert c.summary["compared_in_full"] == 4 and c.summary["complete"]
    # Without Göteborg, substitutes of other municipalities serve in its seats under same_side (QRM-2).
    [row] = c.differences.to_dict("records")
    assert row["scenario"] == 1 and row["outcome_baseline"] == row["outcome_changed"] == "position"
    assert {"served", "serving", "substitutions"} <= set(row["differs_in"])
    assert row["objections"] == [] and row["referrals"] == 0
    for name, ruleset in (("baseline", rs), ("changed", same_side)):
        ruling = samverkan.Meeting(ruleset, FORUM, "2026-01-01", present=without_goteborg).consider("Ärende")
        assert row[f"steps_{name}"] == ruling.to_dict()["steps"]
        assert row[f"explanation_{name}"] == ruling.explain("sv")
    assert c.summary["outcomes"][("refused", "refused")] == 1
    assert c.summary["outcomes"][("referred_back", "referred_back")] == 1
    # The same scenarios as a list of dicts give the same answer.
    again = samverkan.compare(rs, same_side, frame.to_dict("records"))
    assert again.summary == c.summary


def test_given_scenarios_with_dates_referrals_and_remote(rs: samverkan.Ruleset) -> None:
    everyone = [s.id for s in rs.seats(FORUM)]
    scenarios = [{"present": everyone, "objections": ["su/ord"], "referrals": 1, "date": "2026-05-01"}]
    remove = with_changes(rs, {"meeting.max_referrals": 2})
    c = samverkan.compare(rs, remove, scenarios, lang="en")
    [row] = c.differences.to_dict("records")
    assert (row["outcome_baseline"], row["outcome_changed"]) == ("removed", "referred_back")
    assert "referred back" in row["explanation_changed"] and row["date"].isoformat() == "2026-05-01"


def test_QRM6_a_difference_in_who_chairs_counts(rs: samverkan.Ruleset) -> None:
    rotated = with_changes(rs, {"rotation.first_holder": "molndal"})
    c = samverkan.compare(rs, rotated, absent_up_to=1)
    # The batch sees no difference (it names nobody presiding); the full rulings do (ROT-3a).
    assert c.summary["differing"] == c.summary["scenarios"] == 16 and c.summary["complete"]
    assert all("vice_chair" in d for d in c.differences["differs_in"])
    assert not c.rotation.empty


# ---- exhaustive ----------------------------------------------------------------------------------------


def test_exhaustive_is_refused_above_the_bound_before_any_work(
    rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("work started")

    monkeypatch.setattr(samverkan.impact, "rule_batch", no_work)
    assert 2 ** len(rs.seats(FORUM)) > samverkan.impact.MAX_SCENARIOS
    with pytest.raises(samverkan.ArgumentError, match=r"27 seats, 2\*\*27 patterns"):
        samverkan.compare(rs, two_thirds, exhaustive=True)


def test_exhaustive_on_a_forum_without_substitutes(
    changed_all: Callable[[list[tuple[str, str]]], samverkan.Ruleset], rs: samverkan.Ruleset
) -> None:
    text = rs.source_text
    assert text is not None
    lines = re.findall(r"(?m)^ +- \{id: \w+/ers, kind: substitute.*\n", text)
    small = changed_all([(line, "") for line in lines])
    n = len(small.seats(FORUM))
    assert n == len(ordinary(small)) == 15
    c = samverkan.compare(
        small, with_changes(small, {"meeting.quorum": "two_thirds"}), exhaustive=True, limit=0
    )
    low, high = thresholds(small)
    assert c.summary["scenarios"] == 2**n
    assert c.summary["differing"] == sum(math.comb(n, k) for k in range(low, high))
    assert c.summary["listed"] == 0 and c.differences.empty


# ---- rotation ------------------------------------------------------------------------------------------


def test_ROT6_2016_and_2026_share_one_rotation(rs2016: samverkan.Ruleset, rs2026: samverkan.Ruleset) -> None:
    assert samverkan.rotation_changes(rs2016, rs2026, terms=6).empty
    with pytest.raises(samverkan.ArgumentError, match="no common day"):
        samverkan.compare(rs2016, rs2026, absent_up_to=0)
    c = samverkan.compare(rs2016, rs2026, absent_up_to=0, on=("2020-06-01", DATE))
    assert c.rotation.empty and c.summary["differing"] == 1  # another term, another chair
    assert c.differences.loc[0, "differs_in"][:2] == ["chair", "vice_chair"]


def test_rotation_changes_pair_the_terms(rs: samverkan.Ruleset) -> None:
    rotated = with_changes(rs, {"rotation.first_holder": "molndal"})
    frame = samverkan.rotation_changes(rs, rotated, terms=5, start="2026-06-01")
    pairs = zip(rs.rotation(5, "2026-06-01"), rotated.rotation(5, "2026-06-01"), strict=True)
    expected = [
        (i, b.chair, c.chair, b.vice_chair, c.vice_chair)
        for i, (b, c) in enumerate(pairs)
        if (b.chair, b.vice_chair) != (c.chair, c.vice_chair)
    ]
    assert expected
    columns = ["term", "chair_baseline", "chair_changed", "vice_chair_baseline", "vice_chair_changed"]
    assert list(frame[columns].itertuples(index=False, name=None)) == expected
    assert samverkan.compare(rs, rotated, rates=0.9, terms=0).rotation.empty


# ---- the report ----------------------------------------------------------------------------------------


def test_markdown_is_swedish_by_default_and_english_on_request(
    rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset
) -> None:
    c = samverkan.compare(rs, two_thirds, absent_up_to=6, substitutes_present=False, rates=None)
    sv, en = c.to_markdown(), c.to_markdown(lang="en", rows=3)
    assert sv == c.to_markdown(lang="sv")
    for text in (
        "# Konsekvensanalys",
        "## Sammanfattning",
        "ställningstagande",
        "inte beslutfört",
        "ersättarna",
    ):
        assert text in sv
    assert "två tredjedelar" in sv and "Ordförande och vice ordförande är desamma" in sv
    for text in ("# Impact of a change", "## Summary", "not quorate", "Chair rotation", "quorate"):
        assert text in en
    assert en.count("\n| 49") + en.count("\n| 50") == 3  # three rows of the table, scenarios 4944…
    assert "beslutfört" not in en.split("## Scenarios")[1]
    with pytest.raises(samverkan.ArgumentError, match="lang"):
        c.to_markdown(lang="de")
    rotated = with_changes(rs, {"rotation.first_holder": "molndal"})
    report = samverkan.compare(rs, rotated, rates=0.9).to_markdown()
    assert "| Period | Ordförande före" in report and "Sannolikhet för beslutförhet" in report


def test_summary_frame(rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset) -> None:
    c = samverkan.compare(rs, two_thirds, absent_up_to=6, substitutes_present=False, limit=10)
    frame = c.summary_frame()
    assert list(frame.columns) == ["outcome_baseline", "outcome_changed", "scenarios", "differing"]
    assert frame["scenarios"].sum() == c.summary["scenarios"]
    assert (
        frame["differing"].sum() == c.summary["differing"] > c.summary["listed"] == len(c.differences) == 10
    )


# ---- wrong arguments -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({}, "give scenarios"),
        ({"absent_up_to": 1, "exhaustive": True}, "one source"),
        ({"absent_up_to": -1}, "absent_up_to"),
        ({"absent_up_to": 1.5}, "absent_up_to"),
        ({"n": 10}, "rates"),
        ({"rates": 1.5}, "probability"),
        ({"rates": {"su": 0.5}}, "names neither"),
        ({"scenarios": "goteborg/ord1"}, "DataFrame or a list"),
        ({"scenarios": [{"present": "su/ord"}]}, "list of seat ids"),
        ({"scenarios": [{"present": ["su/ord"], "votes": 1}]}, "unknown key votes"),
        ({"scenarios": [{"objections": ["su/ord"]}]}, "nobody present"),
        ({"scenarios": [{"present": ["su/ord"], "date": 20260313}]}, "date"),
        ({"absent_up_to": 1, "lang": "de"}, "lang"),
        ({"absent_up_to": 1, "terms": -1}, "terms"),
        ({"absent_up_to": 1, "on": "2026-13-01"}, "on"),
        ({"absent_up_to": 1, "on": ("2026-03-13",)}, "two"),
        ({"absent_up_to": 1, "forum": 3}, "forum"),
    ],
)
def test_wrong_arguments_raise_argument_error(
    rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset, kwargs: dict[str, Any], match: str
) -> None:
    with pytest.raises(samverkan.ArgumentError, match=match):
        samverkan.compare(rs, two_thirds, **kwargs)


def test_unknown_ids(rs: samverkan.Ruleset, two_thirds: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.UnknownId, match="nope"):
        samverkan.compare(rs, two_thirds, absent_up_to=1, forum="nope")
    with pytest.raises(samverkan.UnknownId, match="nope"):
        samverkan.compare(rs, two_thirds, rates={"nope": 0.5, "*": 0.9})
    # A seat id in a scenario goes to the meeting, which refuses an id that holds no seat (RGT-4).
    with pytest.raises(samverkan.NotPermitted, match="RGT-4"):
        samverkan.compare(rs, two_thirds, [{"present": ["nope/ord"]}])
    with pytest.raises(samverkan.ArgumentError, match="Ruleset"):
        samverkan.compare(rs, "goteborg-2026")  # type: ignore[arg-type]
    with pytest.raises(samverkan.NoRulesetInForce, match="goteborg-2026"):
        samverkan.compare(rs, two_thirds, absent_up_to=1, on="2025-06-01")
