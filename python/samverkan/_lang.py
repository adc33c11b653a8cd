"""The language of human-readable output: Swedish (``"sv"``, the default) or English (``"en"``).

Reports, explanations and the command line's output read Swedish unless English is asked for.
Exception messages are English whatever the language.
"""

from __future__ import annotations

from ._core import Rule

LANGS = ("sv", "en")
DEFAULT = "sv"


def _unknown(lang: object) -> ValueError:
    """The error for a language other than those of LANGS: the one place that chooses its class."""
    return ValueError(f"lang must be {' or '.join(LANGS)}, not {lang!r}")


def check_lang(lang: str) -> str:
    """``lang`` itself when it is one of LANGS; ValueError otherwise."""
    if not isinstance(lang, str) or lang not in LANGS:
        raise _unknown(lang)
    return lang


def _rule_text(rule: Rule, field: str, lang: str) -> str:
    english: str = getattr(rule, field)
    if check_lang(lang) == "sv":
        swedish = getattr(rule, f"{field}_sv", "")
        if isinstance(swedish, str) and swedish:
            return swedish
    return english


def rule_title(rule: Rule, lang: str = DEFAULT) -> str:
    """The rule's title in ``lang``; the English title where the Swedish one is missing or empty."""
    return _rule_text(rule, "title", lang)


def rule_statement(rule: Rule, lang: str = DEFAULT) -> str:
    """The rule's statement in ``lang``; the English statement where the Swedish one is missing or empty."""
    return _rule_text(rule, "statement", lang)
