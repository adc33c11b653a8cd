from __future__ import annotations

import datetime as dt
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
