"""The command line: `samverkan report` on the embedded default and on files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from samverkan.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samverkan", *args], capture_output=True, text=True, check=False
    )


def test_report_today() -> None:
    r = run("report")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "goteborg-2026" in out
    assert "27 representatives: 15 ordinary seats, 12 substitutes" in out
    assert "Quorum (QRM-3): 8 of 15 ordinary seats" in out
    assert "Result: valid" in out


def test_report_2020_is_the_2016_version_with_mitt_i_livet() -> None:
    r = run("report", "--on", "2020-06-01")
    assert r.returncode == 0, r.stderr
    assert "goteborg-2016" in r.stdout
    assert "Mitt i Livet" in r.stdout
    assert "27 representatives: 15 ordinary seats, 12 substitutes" in r.stdout
    assert "Quorum (QRM-3): 8 of 15" in r.stdout
    assert "Presidium on 2020-06-01 (ROT-3a): chair molndal, vice chair narhalsan" in r.stdout


def test_report_names_who_decides_the_handlingsplan() -> None:
    r = run("report", "--on", "2026-06-01")
    assert "Decides the handlingsplan and follows it up yearly (STR-3): lgs" in r.stdout
    r = run("report", "--on", "2020-06-01")
    assert "(STR-3): - (this ruleset names no handlingsplan)" in r.stdout


def test_report_names_the_bodies_the_samrad_is_anchored_in() -> None:
    for on in ("2020-06-01", "2026-06-01"):
        r = run("report", "--on", on)
        assert "Carry information both ways to their home organisations (STR-9, CNS-6): 13 bodies" in r.stdout


def test_report_names_who_appoints_the_presidium_offices() -> None:
    out = run("report", "--on", "2026-06-01").stdout
    assert (
        "offices: politiskt_samrad chair (appointed by politiskt_samrad, CMP-5), "
        "politiskt_samrad vice_chair (appointed by politiskt_samrad, CMP-5), lgs chair, lgs vice_chair" in out
    )


def test_report_on_a_date_with_no_ruleset_fails_clearly() -> None:
    r = run("report", "--on", "2010-01-01")
    assert r.returncode == 2
    assert "no embedded ruleset is in force on 2010-01-01" in r.stderr


def test_report_bad_date() -> None:
    r = run("report", "--on", "2026-02-30")
    assert r.returncode != 0
    assert "YYYY-MM-DD" in r.stderr


def test_report_bad_ruleset_file(tmp_path: Path, default_text: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(default_text.replace("kind: provider", "kind: provdier", 1), encoding="utf-8")
    r = run("report", "--ruleset", str(bad))
    assert r.returncode == 2
    assert str(bad) in r.stderr and "did you mean 'provider'" in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


def test_report_ruleset_file(root: Path) -> None:
    r = run("report", "--ruleset", str(root / "rulesets" / "goteborg-2016.yaml"))
    assert r.returncode == 0, r.stderr
    assert "goteborg-2016" in r.stdout


def test_rules_and_dot(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "QRM-3" in capsys.readouterr().out
    assert main(["rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| id |")
    assert main(["dot", "--on", "2026-01-01"]) == 0
    assert capsys.readouterr().out.startswith("digraph")
