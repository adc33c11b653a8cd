"""The language of human-readable output: the check of a language and the rule texts per language."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

import samverkan
from samverkan._lang import DEFAULT, LANGS, check_lang, rule_statement, rule_title


def test_languages() -> None:
    assert LANGS == ("sv", "en") and DEFAULT == "sv"
    assert check_lang("sv") == "sv" and check_lang("en") == "en"
    for bad in ("de", "SV", "", None):
        with pytest.raises(ValueError, match="lang must be sv or en, not"):
            check_lang(bad)  # type: ignore[arg-type]


def test_rule_texts_fall_back_to_english() -> None:
    rule = samverkan.find_rule("QRM-3")
    assert rule is not None
    assert rule_title(rule, "en") == rule.title and rule_statement(rule, "en") == rule.statement
    swedish: Any = getattr(rule, "title_sv", "")
    assert rule_title(rule) == (swedish or rule.title)
    with pytest.raises(ValueError, match="not 'fi'"):
        rule_title(rule, "fi")


@pytest.mark.parametrize(
    ("fields", "title", "statement"),
    [
        ({}, "Quorum", "More than half."),
        ({"title_sv": "", "statement_sv": ""}, "Quorum", "More than half."),
        ({"title_sv": "Beslutförhet", "statement_sv": "Mer än hälften."}, "Beslutförhet", "Mer än hälften."),
    ],
)
def test_rule_texts_with_and_without_swedish_fields(
    fields: dict[str, str], title: str, statement: str
) -> None:
    rule: Any = SimpleNamespace(title="Quorum", statement="More than half.", **fields)
    assert rule_title(rule, "sv") == title and rule_statement(rule, "sv") == statement
    assert rule_title(rule, "en") == "Quorum" and rule_statement(rule, "en") == "More than half."
