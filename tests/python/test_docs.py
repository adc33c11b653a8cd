"""The docs show only code that runs: every ```pycon block is run as a doctest, every ```console block
of a samverkan command prints what it shows, and the YAML examples load."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import samverkan

DOCS = Path(__file__).resolve().parents[2] / "docs"
BLOCK = re.compile(r"```(pycon|yaml|console)\n(.*?)```", re.S)


def blocks(kind: str) -> list[tuple[str, int, str]]:
    out = []
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            if m.group(1) == kind:
                out.append((page.name, text[: m.start()].count("\n") + 1, m.group(2)))
    return out


PYCON = blocks("pycon")
PAGES = sorted({page for page, _, _ in PYCON})


@pytest.mark.parametrize("page", PAGES)
def test_pycon_blocks_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's blocks are one session: later blocks use what earlier ones defined. Paths are relative to
    the source tree."""
    monkeypatch.chdir(DOCS.parent)
    code = "\n".join(c for name, _, c in PYCON if name == page)
    test = doctest.DocTestParser().get_doctest(code, {"samverkan": samverkan}, page, page, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{page}: a doctest failed (see the output above)"


# Console blocks of the command line; other console blocks (a shell session) are illustrations.
CONSOLE = [(p, n, b) for p, n, b in blocks("console") if b.startswith("$ samverkan ")]


@pytest.mark.parametrize(("page", "line", "block"), CONSOLE, ids=[f"{p}:{n}" for p, n, _ in CONSOLE])
def test_console_blocks_print_what_they_show(
    page: str, line: int, block: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A block starts with ``$ samverkan ...``; the rest is that command's output, exactly."""
    import shlex

    from samverkan import cli

    command, _, expected = block.partition("\n")
    monkeypatch.chdir(DOCS.parent)
    assert cli.main(shlex.split(command)[2:]) == 0
    assert capsys.readouterr().out == expected


def test_docs_have_examples() -> None:
    assert len(PYCON) >= 4


def test_yaml_rulesets_in_docs_load() -> None:
    full = [(p, n, y) for p, n, y in blocks("yaml") if y.startswith("samverkan_ruleset:")]
    assert full, "the schema page shows a complete ruleset"
    for page, line, text in full:
        rs = samverkan.load_string(text, f"{page}:{line}")
        assert rs.structure.validate() == []


def test_change_files_in_docs_apply() -> None:
    changes = [(p, n, y) for p, n, y in blocks("yaml") if "samverkan_changes:" in y]
    assert changes, "the policy-changes page shows a change file"
    for page, line, text in changes:
        cs = samverkan.load_changes_string(text, f"{page}:{line}")
        samverkan.load_default(cs.effective).with_changes(cs)
        shipped = DOCS / "examples" / f"{cs.name}.yaml"
        assert shipped.read_text(encoding="utf-8") == text, f"{page}:{line} shows {shipped.name} as it is"


@pytest.mark.parametrize(
    "module",
    [
        "samverkan",
        "samverkan.batch",
        "samverkan.changes",
        "samverkan.impact",
        "samverkan.minutes",
        "samverkan.policytest",
        "samverkan.report",
        "samverkan.rotation",
        "samverkan.simulate",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    """The examples in the package's docstrings are doctests too."""
    import importlib

    failures, _ = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert failures == 0
