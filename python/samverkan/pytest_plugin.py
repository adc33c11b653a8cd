"""A pytest plugin that collects policy files (``*.policy.yaml``), one test per case, so they run inside an
existing pytest suite. A failing case shows the same text as ``samverkan test``.

Installed with the package as the ``pytest11`` entry point ``samverkan.pytest_plugin``; from a source tree,
``pytest_plugins = ["samverkan.pytest_plugin"]`` in a conftest (or ``-p samverkan.pytest_plugin``) loads it.
Options: ``--policy-lang sv|en`` (the language of the reports) and ``--policy-no-golden`` (skip the golden
files; ``samverkan test --update-golden`` writes them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._lang import DEFAULT, LANGS
from .policytest import (
    SUFFIX,
    CaseResult,
    PolicyCase,
    PolicyFile,
    PolicyFileError,
    RulesetCache,
    load_policy_file,
    read_golden,
    run_case,
)

__all__ = ["PolicyCaseFailed", "PolicyFileCollector", "PolicyItem"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("samverkan", "samverkan policy tests (*.policy.yaml)")
    group.addoption(
        "--policy-lang",
        choices=LANGS,
        default=DEFAULT,
        help=f"the language of a failing policy case's report (default {DEFAULT})",
    )
    group.addoption(
        "--policy-no-golden",
        action="store_true",
        default=False,
        help="do not compare the golden rulings (<name>.golden.yaml beside a policy file)",
    )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> PolicyFileCollector | None:
    if file_path.name.endswith(SUFFIX):
        item: PolicyFileCollector = PolicyFileCollector.from_parent(parent, path=file_path)
        return item
    return None


class PolicyCaseFailed(Exception):
    """A policy case that failed; carries its result for the report."""

    def __init__(self, result: CaseResult) -> None:
        super().__init__(result.name)
        self.result = result


class PolicyFileCollector(pytest.File):
    """One policy file; a malformed one is a collection error naming file, case and key."""

    def collect(self) -> Iterator[PolicyItem]:
        try:
            pf = load_policy_file(self.path)
        except PolicyFileError as exc:
            raise self.CollectError(str(exc)) from None
        self.policy = dataclasses.replace(pf, display=self.nodeid)  # reports name it as pytest does
        self.rulesets = RulesetCache()
        self._golden: dict[str, Any] | None = None
        self._golden_read = False
        for case in pf.cases:
            item: PolicyItem = PolicyItem.from_parent(self, name=case.name, case=case)
            yield item

    def golden(self) -> dict[str, Any] | None:
        """The file's golden rulings, read once."""
        if not self._golden_read:
            self._golden = None if self.config.getoption("policy_no_golden") else read_golden(self.path)
            self._golden_read = True
        return self._golden


class PolicyItem(pytest.Item):
    """One case of a policy file."""

    def __init__(self, *, case: PolicyCase, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.add_marker(pytest.mark.policy)
        if case.xfail is not None:
            # A case marked xfail that passes fails the run, as `samverkan test` counts it.
            self.add_marker(pytest.mark.xfail(reason=case.xfail, strict=True, raises=PolicyCaseFailed))

    def _file(self) -> PolicyFileCollector:
        parent = self.parent
        assert isinstance(parent, PolicyFileCollector)
        return parent

    def runtest(self) -> None:
        f = self._file()
        result = run_case(self._policy(), self.case, self._lang(), f.golden(), f.rulesets)
        self.user_properties.append(("rules", " ".join(result.rules)))
        if result.status in ("failed", "xfailed"):
            raise PolicyCaseFailed(result)

    def _policy(self) -> PolicyFile:
        return self._file().policy

    def _lang(self) -> str:
        lang: str = self.config.getoption("policy_lang")
        return lang

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        if isinstance(excinfo.value, PolicyCaseFailed):
            return excinfo.value.result.report(self._lang())
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.name}::{self.name}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "policy: a case of a policy file (*.policy.yaml)")
