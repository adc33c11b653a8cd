"""The year 2026 of docs/examples/year_2026.py: built step by step, then replayed from its event log."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import samverkan

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "year_2026.py"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("year_2026", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def year() -> Any:
    return _example().build()


def test_four_meetings_one_not_quorate_substitutes_serving(year: Any) -> None:
    outcomes = [[r.outcome for r in m.rulings] for m in year.meetings]
    assert outcomes == [
        ["referred_back", "referred_back"],  # CNS-2, CNS-3
        ["not_quorate"],  # QRM-3: 7 of 15 seats served
        ["position", "removed"],  # CNS-1; CNS-3 after max_referrals
        ["position"],
    ]
    assert year.meetings[1].rulings[0].served == 7
    first = year.meetings[0].rulings[0]
    assert first.substitutions == {"su/ord": "su/ers", "molndal/ord": "molndal/ers"}  # QRM-2
    assert first.served == 15


def test_matters_end_where_the_year_left_them(year: Any) -> None:
    g, r, p = year.guideline, year.routine, year.plan
    assert (g.status, g.referrals) == ("in_adoption", 1)
    assert (r.status, r.referrals) == ("removed", 1)
    assert (p.status, p.referrals) == ("position", 0)
    counts: dict[str, int] = {}
    for state in g.adoption.values():
        counts[state] = counts.get(state, 0) + 1
    assert counts == {"adopted": 11, "declined": 1, "pending": 1}  # CNS-5: 13 adopting bodies
    assert g.adoption["partille"] == "declined" and g.adoption["ockero"] == "pending"
    assert g.adoption_status("2026-12-31")["status"] == "partially_adopted"
    assert g.violations() == [] and r.violations() == []


def test_the_minutes_of_september_are_signed_and_published(year: Any) -> None:
    minutes = year.meetings[2].minutes()
    assert minutes.status == "published"  # MIN-2
    assert minutes.signed_by == minutes.presiding[0]  # RGT-2
    text = minutes.to_markdown()
    assert "Minnesanteckningar" in text and "Protokoll" not in text  # MIN-1
    with pytest.raises(samverkan.RuleViolation, match="MIN-2"):
        minutes.sign(by=str(minutes.presiding[0]))


def test_the_year_replays_from_its_log(year: Any) -> None:
    text = year.log.to_json()
    replayed = samverkan.EventLog.from_json(year.ruleset, text)
    assert replayed.to_json() == text  # lossless
    for matter in (year.guideline, year.routine, year.plan):
        again = samverkan.Matter.from_json(year.ruleset, text, id=matter.id)
        assert again == matter
        state = (again.status, again.referrals, again.adoption)
        assert state == (matter.status, matter.referrals, matter.adoption)


def test_the_example_runs_as_a_script(capsys: pytest.CaptureFixture[str]) -> None:
    import runpy

    runpy.run_path(str(EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out
    assert "removed" in out and "partially_adopted" in out
