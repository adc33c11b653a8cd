"""Runs the shared meeting cases of tests/policy/meeting.yaml, as tests/cpp/test_policy_meeting.cpp
does: C++ and Python must reach the same rulings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import samverkan

ROOT = Path(__file__).resolve().parents[2]
DOC = yaml.safe_load((ROOT / "tests" / "policy" / "meeting.yaml").read_text(encoding="utf-8"))
DEFAULT_TEXT = (ROOT / "rulesets" / "goteborg-2026.yaml").read_text(encoding="utf-8")


def ruleset_for(case: dict[str, Any]) -> samverkan.Ruleset:
    text = DEFAULT_TEXT
    for old, new in case.get("change", []):
        assert old in text, old
        text = text.replace(old, new, 1)
    return samverkan.load_string(text, "policy.yaml")


def meeting_for(case: dict[str, Any], rs: samverkan.Ruleset) -> samverkan.Meeting:
    present = case["present"]
    if isinstance(present, str):
        present = [s.id for s in rs.seats("politiskt_samrad") if present == "all" or s.kind == "ordinary"]
    present = [s for s in present if s not in case.get("absent", [])]
    people: dict[str, dict[str, Any]] = {}
    if "people_born_default" in case:
        since = case.get("people_member_since_default")
        people = {
            s: {"name": s, "born": str(case["people_born_default"]), "member_since": since and str(since)}
            for s in present
        }
    for seat, data in case.get("people", {}).items():
        if isinstance(data, dict):
            people[seat] = {"name": seat, **{k: str(v) for k, v in data.items()}}
        else:
            people[seat] = {"name": seat, "born": str(data)}
    defaults = DOC["defaults"]
    return samverkan.Meeting(
        rs,
        forum="politiskt_samrad",
        date="2026-03-13",
        present=present,
        chair=case.get("chair", defaults["chair"]),
        vice_chair=case.get("vice_chair", defaults["vice_chair"]),
        people=people or None,
        remote=case.get("remote"),
    )


def check(r: samverkan.Ruling, expect: dict[str, Any]) -> None:
    for key, attr in (
        ("outcome", "outcome"),
        ("quorate", "quorate"),
        ("served", "served"),
        ("threshold", "threshold"),
    ):
        if key in expect:
            assert getattr(r, attr) == expect[key], key
    if "presiding" in expect:
        assert r.presiding == expect["presiding"]
    if "substitutions" in expect:
        assert r.substitutions == expect["substitutions"]
    for seat in expect.get("serving_includes", []):
        assert seat in r.serving
    for seat in expect.get("serving_excludes", []):
        assert seat not in r.serving
    if "unknowns" in expect:
        assert [u.rule for u in r.unknowns] == expect["unknowns"]
    for rule in expect.get("rules_include", []):
        assert rule in r.rules


@pytest.mark.parametrize("case", DOC["cases"], ids=[c["name"] for c in DOC["cases"]])
def test_policy_case(case: dict[str, Any]) -> None:
    rs = ruleset_for(case)
    m = meeting_for(case, rs)
    for item in case["items"]:
        for step in item.get("before", []):
            if "arrive" in step:
                m.arrive(step["arrive"], remote=step.get("remote", False))
            if "leave" in step:
                m.leave(step["leave"], step.get("reason", "left"))
        kwargs = {k: item[k] for k in ("objections", "abstentions", "disqualified", "referrals") if k in item}
        expect = item["expect"]
        if "error" in expect:
            before = len(m.rulings)
            with pytest.raises(samverkan.RuleViolation) as info:
                m.consider(item["title"], **kwargs)
            assert info.value.rule == expect["error"]
            assert len(m.rulings) == before
            continue
        check(m.consider(item["title"], **kwargs), expect)


def test_file_has_the_cases_the_issue_names() -> None:
    assert len(DOC["cases"]) >= 20
