"""Bad rulesets through Python: specific exception classes with path, line, column, key and rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import samverkan


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_exception_hierarchy() -> None:
    assert issubclass(samverkan.RulesetError, ValueError)
    assert issubclass(samverkan.RulesetError, samverkan.Error)
    assert issubclass(samverkan.RuleViolation, ValueError)
    assert issubclass(samverkan.NotPermitted, samverkan.RuleViolation)
    assert issubclass(samverkan.NotPermitted, PermissionError)
    assert issubclass(samverkan.UnknownId, KeyError)
    assert not issubclass(samverkan.RulesetError, RuntimeError)
    assert issubclass(samverkan.ArgumentError, samverkan.Error)
    assert issubclass(samverkan.ArgumentError, ValueError)
    assert samverkan.ArgumentError.__module__ == "samverkan"
    assert "ArgumentError" in samverkan.__all__


def test_unknown_names_in_arguments_are_argument_errors(rs2026: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ArgumentError) as info:
        rs2026.structure.forums("nonsense")
    assert str(info.value) == "level must be political, strategic, operational or support, not 'nonsense'"
    assert isinstance(info.value, ValueError) and isinstance(info.value, samverkan.Error)
    with pytest.raises(samverkan.ArgumentError, match="kind must be ordinary or substitute, not 'ersattare'"):
        rs2026.forum("politiskt_samrad").count("ersattare")
    with pytest.raises(samverkan.ArgumentError, match="'2026-13-01' is not a date in the form YYYY-MM-DD"):
        samverkan.load_default("2026-13-01")


def test_unknown_key_suggests_nearest(default_text: str) -> None:
    bad = default_text.replace("    level: strategic\n", "    levl: strategic\n", 1)
    with pytest.raises(samverkan.RulesetError, match=r"did you mean 'level'") as info:
        samverkan.load_string(bad, "bad.yaml")
    e = info.value
    assert e.path == "bad.yaml"
    assert e.line == line_of(bad, "    levl: strategic")
    assert e.column == 5
    assert e.key == "forums[2].levl"
    assert str(e).startswith(f"bad.yaml:{e.line}:5:")


def test_preparation_cycle_names_STR1(default_text: str) -> None:
    bad = default_text.replace(
        "  - {rule: STR-2, type: prepares_for, from: lgs_beredning, to: lgs}\n",
        "  - {rule: STR-2, type: prepares_for, from: lgs_beredning, to: lgs}\n"
        "  - {rule: STR-2, type: prepares_for, from: politiskt_samrad, to: lgs_beredning}\n",
    )
    with pytest.raises(samverkan.RulesetError, match="preparation cycle") as info:
        samverkan.load_string(bad, "cycle.yaml")
    assert info.value.rule == "STR-1"
    assert info.value.line == line_of(bad, "from: politiskt_samrad, to: lgs_beredning")


def test_missing_level_names_STR4(default_text: str) -> None:
    bad = default_text.replace("    level: support\n", "", 1)
    with pytest.raises(samverkan.RulesetError, match="missing required key 'level'") as info:
        samverkan.load_string(bad)
    assert info.value.rule == "STR-4"


def test_substitute_without_ordinary_names_QRM2(default_text: str) -> None:
    bad = default_text.replace("      - {id: molndal/ord, kind: ordinary, body: molndal}\n", "")
    with pytest.raises(samverkan.RulesetError, match="no ordinary seat") as info:
        samverkan.load_string(bad)
    assert info.value.rule == "QRM-2"
    assert info.value.line == line_of(bad, "{id: molndal/ers")


def test_impossible_date(default_text: str) -> None:
    bad = default_text.replace("valid_from: 2026-01-01", "valid_from: 2026-02-30")
    with pytest.raises(samverkan.RulesetError, match="not a real calendar date") as info:
        samverkan.load_string(bad)
    assert info.value.key == "valid_from"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("~\n", "no ruleset"),
        ("id: [unclosed\n", "not valid YAML"),
        ("- a\n- b\n", "mapping"),
    ],
)
def test_malformed_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(samverkan.RulesetError, match=message) as info:
        samverkan.load(path)
    assert info.value.path == str(path)


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as f:
        f.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(samverkan.RulesetError, match="larger than 10 MiB"):
        samverkan.load(path)


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(samverkan.RulesetError, match="nested deeper than 64"):
        samverkan.load_string("a: " + "[" * 200 + "]" * 200 + "\n")


def test_missing_file() -> None:
    with pytest.raises(samverkan.RulesetError, match="no such file"):
        samverkan.load("/nonexistent/ruleset.yaml")


def test_failed_load_leaves_defaults_untouched(default_text: str) -> None:
    before = samverkan.load_default("2026-06-01")
    with pytest.raises(samverkan.RulesetError):
        samverkan.load_string(default_text.replace("id: goteborg-2026", "id: [x]"))
    after = samverkan.load_default("2026-06-01")
    assert after.id == before.id == "goteborg-2026"
    assert len(after.seats("politiskt_samrad")) == 27
