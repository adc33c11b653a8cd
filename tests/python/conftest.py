from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import samverkan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def rs2026() -> samverkan.Ruleset:
    return samverkan.load_default(dt.date(2026, 3, 13))


@pytest.fixture(scope="session")
def rs2016() -> samverkan.Ruleset:
    return samverkan.load_default("2020-06-01")


@pytest.fixture(scope="session")
def default_text() -> str:
    return (ROOT / "rulesets" / "goteborg-2026.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def changed(default_text: str) -> Callable[[str, str], samverkan.Ruleset]:
    """The 2026 ruleset with one edit of its text (which must occur exactly once), e.g. a parameter."""

    def change(old: str, new: str) -> samverkan.Ruleset:
        assert default_text.count(old) == 1, old
        return samverkan.load_string(default_text.replace(old, new), "changed.yaml")

    return change


@pytest.fixture(scope="session")
def changed_all(default_text: str) -> Callable[[list[tuple[str, str]]], samverkan.Ruleset]:
    """The 2026 ruleset with several edits of its text (each must occur exactly once)."""

    def change(edits: list[tuple[str, str]]) -> samverkan.Ruleset:
        text = default_text
        for old, new in edits:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        return samverkan.load_string(text, "changed.yaml")

    return change
