"""The language of human-readable output: Swedish (``"sv"``, the default) or English (``"en"``).

Reports, explanations and the command line's output read Swedish unless English is asked for.
Exception messages are English whatever the language.
"""

from __future__ import annotations

from ._core import ArgumentError, Rule

LANGS = ("sv", "en")
DEFAULT = "sv"


def check_lang(lang: str) -> str:
    """``lang`` itself when it is one of LANGS; ArgumentError (a ValueError) otherwise."""
    if not isinstance(lang, str) or lang not in LANGS:
        raise ArgumentError(f"lang must be {' or '.join(LANGS)}, not {lang!r}")
    return lang


def rule_title(rule: Rule, lang: str = DEFAULT) -> str:
    """The rule's title in ``lang``."""
    return rule.title_sv if check_lang(lang) == "sv" else rule.title


def rule_statement(rule: Rule, lang: str = DEFAULT) -> str:
    """The rule's statement in ``lang``."""
    return rule.statement_sv if check_lang(lang) == "sv" else rule.statement
