"""The language of human-readable output: the check of a language and the rule texts per language."""

from __future__ import annotations

import pytest

import samverkan
from samverkan._lang import DEFAULT, LANGS, check_lang, rule_statement, rule_title


def test_languages() -> None:
    assert LANGS == ("sv", "en") and DEFAULT == "sv"
    assert check_lang("sv") == "sv" and check_lang("en") == "en"
    for bad in ("de", "SV", "", None):
        with pytest.raises(samverkan.ArgumentError, match="lang must be sv or en, not"):
            check_lang(bad)  # type: ignore[arg-type]


def test_rule_texts_per_language() -> None:
    rule = samverkan.find_rule("QRM-3")
    assert rule is not None
    assert rule_title(rule, "en") == rule.title and rule_statement(rule, "en") == rule.statement
    assert rule_title(rule) == rule.title_sv == "Beslutförhet: mer än hälften av de ordinarie platserna"
    assert "ordinarie platserna" in rule_statement(rule)
    with pytest.raises(ValueError, match="not 'fi'"):
        rule_title(rule, "fi")


def test_every_rule_has_swedish_texts() -> None:
    for rule in samverkan.rules():
        assert rule.title_sv and rule.statement_sv, rule.id
        assert rule.title_sv != rule.title, rule.id
