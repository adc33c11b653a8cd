"""Policy changes as data: change a ruleset by path, read change files, list the differences between two
rulesets, and keep a timeline of versions with dated changes.

A change names a key of the ruleset file by its path (docs/ruleset-schema.md), items of a list by their
id, and ``+``/``-`` add to or remove from a list::

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> changed = rs.with_changes({"meeting.quorum": "two_thirds", "rotation.vice_succeeds": False})
    >>> changed.id, changed.meeting["quorum"], rs.meeting["quorum"]
    ('goteborg-2026/changed', 'two_thirds', 'more_than_half')
    >>> [(d.path, d.before, d.after) for d in samverkan.diff(rs, changed)][1:]
    [('meeting.quorum', 'more_than_half', 'two_thirds'), ('rotation.vice_succeeds', 'true', 'false')]
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from . import _core
from ._lang import DEFAULT, check_lang

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

ChangeSet = _core.ChangeSet
ChangeError = _core.ChangeError
Difference = _core.Difference
Timeline = _core.Timeline

COLUMNS = ("path", "section", "kind", "before", "after", "rule")
"""The columns of ``Diff.rows()`` and ``Diff.to_frame()``."""

SECTIONS = (
    "version",
    "sources",
    "structure",
    "seats",
    "relations",
    "themes",
    "parameters",
    "rotation pools",
    "plan",
)
"""What a difference concerns, as ``Difference.section`` names it."""

_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Skillnader mellan {a} och {b}",
        "none": "Inga skillnader.",
        "count": "{n} skillnader.",
        "col.path": "sökväg",
        "col.section": "del",
        "col.kind": "ändring",
        "col.before": "före",
        "col.after": "efter",
        "col.rule": "regel",
        "kind.changed": "ändrad",
        "kind.added": "tillagd",
        "kind.removed": "borttagen",
        "section.version": "version",
        "section.sources": "källor",
        "section.structure": "struktur",
        "section.seats": "platser",
        "section.relations": "relationer",
        "section.themes": "teman",
        "section.parameters": "parametrar",
        "section.rotation pools": "rotationspooler",
        "section.plan": "samverkansplan",
    },
    "en": {
        "title": "Differences between {a} and {b}",
        "none": "No differences.",
        "count": "{n} differences.",
        "col.path": "path",
        "col.section": "section",
        "col.kind": "change",
        "col.before": "before",
        "col.after": "after",
        "col.rule": "rule",
    },
}


def _word(lang: str, key: str) -> str:
    words = _WORDS[check_lang(lang)]
    return words.get(key, key.split(".", 1)[-1])


def load_changes(path: str | os.PathLike[str]) -> _core.ChangeSet:
    """Reads a change file (``samverkan_changes: 1``: name, description, rationale, effective, base,
    changes). A malformed file raises RulesetError naming file, line, column and key."""
    return _core.load_changes(os.fspath(path))


def load_changes_string(text: str, origin: str = "<string>") -> _core.ChangeSet:
    """As load_changes, from text."""
    return _core.load_changes_string(text, origin)


class Diff(Sequence[_core.Difference]):
    """Every difference between two rulesets, in the order of the schema; see ``rows()``, ``to_frame()``,
    ``to_markdown()``."""

    def __init__(self, a: _core.Ruleset, b: _core.Ruleset, differences: list[_core.Difference]) -> None:
        self.a = a
        self.b = b
        self._items = differences

    @overload
    def __getitem__(self, i: int) -> _core.Difference: ...
    @overload
    def __getitem__(self, i: slice) -> list[_core.Difference]: ...
    def __getitem__(self, i: int | slice) -> _core.Difference | list[_core.Difference]:
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[_core.Difference]:
        return iter(self._items)

    def sections(self) -> dict[str, int]:
        """How many differences each section has, in the order of SECTIONS."""
        counts = {s: sum(d.section == s for d in self._items) for s in SECTIONS}
        return {s: n for s, n in counts.items() if n}

    def rows(self) -> list[dict[str, Any]]:
        """One dict per difference with the keys of COLUMNS (before/after None where absent)."""
        return [{c: getattr(d, c) for c in COLUMNS} for d in self._items]

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame with the columns of COLUMNS."""
        from .frames import _pandas

        frame: pd.DataFrame = _pandas().DataFrame(self.rows(), columns=list(COLUMNS))
        return frame

    def to_markdown(self, lang: str = DEFAULT) -> str:
        """A Markdown table, Swedish by default (``lang="en"`` for English)."""
        lines = [f"## {_word(lang, 'title').format(a=self.a.id, b=self.b.id)}", ""]
        if not self._items:
            return "\n".join([*lines, _word(lang, "none"), ""])
        lines.append(_word(lang, "count").format(n=len(self._items)))
        lines.append("")
        lines.append("| " + " | ".join(_word(lang, "col." + c) for c in COLUMNS) + " |")
        lines.append("|" + " --- |" * len(COLUMNS))
        for d in self._items:
            cells = [
                f"`{d.path}`",
                _word(lang, "section." + d.section),
                _word(lang, "kind." + d.kind),
                _cell(d.before),
                _cell(d.after),
                d.rule,
            ]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"

    def to_text(self, lang: str = DEFAULT) -> str:
        """One line per difference: ``kind path: before → after [rule]``."""
        lines = [_word(lang, "title").format(a=self.a.id, b=self.b.id)]
        for d in self._items:
            change = {
                "changed": f"{d.before} → {d.after}",
                "added": f"+ {d.after}",
                "removed": f"- {d.before}",
            }[d.kind]
            rule = f" [{d.rule}]" if d.rule else ""
            lines.append(f"  {_word(lang, 'kind.' + d.kind)}: {d.path}: {change}{rule}")
        if not self._items:
            lines.append("  " + _word(lang, "none"))
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"<Diff {self.a.id} → {self.b.id}: {len(self._items)} differences>"


def _cell(value: str | None) -> str:
    if value is None:
        return "–"
    return "`" + value.replace("|", "\\|").replace("`", "'") + "`"


def diff(a: _core.Ruleset, b: _core.Ruleset) -> Diff:
    """Every difference between rulesets ``a`` and ``b``: keys whose values differ, items (with ids) added
    or removed as a whole, items of lists without ids (relations, offices, assumptions) added or removed.
    Keys left at their default compare equal to the default written out.

    >>> import samverkan
    >>> d = samverkan.diff(samverkan.load_default("2025-06-01"), samverkan.load_default("2026-06-01"))
    >>> d.sections()["themes"] > 0, d.sections()["plan"] > 0
    (True, True)
    """
    if not isinstance(a, _core.Ruleset) or not isinstance(b, _core.Ruleset):
        raise _core.ArgumentError("diff(a, b) compares two Ruleset objects")
    return Diff(a, b, _core._diff(a, b))


def schema_fields() -> list[dict[str, Any]]:
    """The ruleset file's schema, one dict per key: path, type, required, rule, meaning, presence, lo, hi,
    choices, parameter, default (the text of a parameter's default, else None)."""
    return _core._ruleset_fields()


def _type_text(f: dict[str, Any]) -> str:
    t: str = f["type"]
    if t == "choice":
        return "name: " + ", ".join(f"`{c}`" for c in f["choices"])
    if t == "quorum":
        names = ", ".join(f"`{c}`" for c in f["choices"])
        return f"name {names}, or an integer {f['lo']}–{f['hi']}"
    if t == "integer":
        return f"integer {f['lo']}–{f['hi']}"
    return {
        "id_list": "id or list of ids",
        "text_list": "list of text",
        "section": "mapping",
        "keyed_list": "list (items with `id`)",
        "list": "list",
    }.get(t, t)


def schema_markdown(parent: str) -> str:
    """The Markdown table of the keys written directly under ``parent`` ("" for the top level,
    ``"meeting"``, ``"forums.*"``, …), as docs/ruleset-schema.md shows them."""
    rows = ["| key | type | required / default | meaning | rule |", "| --- | --- | --- | --- | --- |"]
    found = False
    for f in schema_fields():
        path: str = f["path"]
        head, _, key = path.rpartition(".")
        if head != parent or key == "*":
            continue
        found = True
        if f["parameter"]:
            presence = f"`{f['default']}`" if not f["required"] else f["presence"] or "required"
        else:
            presence = f["presence"] or ("required" if f["required"] else "optional")
        rows.append(f"| `{key}` | {_type_text(f)} | {presence} | {f['meaning']} | {f['rule'] or '–'} |")
    if not found:
        raise _core.ArgumentError(f"schema: no keys under {parent!r}")
    return "\n".join(rows) + "\n"
