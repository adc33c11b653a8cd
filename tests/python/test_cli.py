"""The command line: `samverkan report` on the embedded default and on files, `rules` and `dot`; Swedish
by default, English with --lang en."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import samverkan
from samverkan.cli import main
from samverkan.report import report


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samverkan", *args], capture_output=True, text=True, check=False
    )


def test_report_today_in_swedish() -> None:
    r = run("report")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("samverkan-rapport: regler som gäller den ")
    assert "goteborg-2026" in out
    assert "Gäller      2026-01-01 – tills vidare" in out
    assert "Strukturen per nivå (§ 2)" in out
    assert "  politisk     Politiskt samråd [politiskt_samrad]" in out
    assert "  strategisk   " in out and "  operativ     " in out and "  stöd         " in out
    assert "Fastställer samrådets inriktningsbeslut (CNS-5): 13 nämnder och styrelser" in out
    assert "27 representanter: 15 ordinarie ledamöter, 12 ersättare" in out
    assert "Beslutförhet (QRM-3): 8 av 15 ordinarie platser med tjänstgörande ledamot" in out
    assert "Ersättare tjänstgör inom (QRM-2): same_body" in out
    assert "avförs efter 1 återremiss(er)" in out
    assert "  fokusområde   Trygga, säkra och effektiva vårdövergångar" in out
    assert "Resultat: giltigt" in out
    assert "Quorum" not in out and "ordinary" not in out


def test_report_today_in_english() -> None:
    for args in (("report", "--lang", "en"), ("--lang", "en", "report")):
        r = run(*args)
        assert r.returncode == 0, r.stderr
        out = r.stdout
        assert out.startswith("samverkan report: rules in force on ")
        assert "goteborg-2026" in out
        assert "27 representatives: 15 ordinary seats, 12 substitutes" in out
        assert "Quorum (QRM-3): 8 of 15 ordinary seats" in out
        assert "  political    Politiskt samråd [politiskt_samrad]" in out
        assert "Result: valid" in out


def test_report_2020_is_the_2016_version_with_mitt_i_livet() -> None:
    r = run("report", "--on", "2020-06-01")
    assert r.returncode == 0, r.stderr
    assert "goteborg-2016" in r.stdout
    assert "Mitt i Livet" in r.stdout
    assert "27 representanter: 15 ordinarie ledamöter, 12 ersättare" in r.stdout
    assert "Beslutförhet (QRM-3): 8 av 15" in r.stdout
    assert (
        "Presidium den 2020-06-01 (ROT-3a): ordförande molndal, vice ordförande narhalsan "
        "(period 2019-01-01 – 2020-12-31; LGS-ordförande från kommunerna)"
    ) in r.stdout
    r = run("report", "--on", "2020-06-01", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "27 representatives: 15 ordinary seats, 12 substitutes" in r.stdout
    assert "Quorum (QRM-3): 8 of 15" in r.stdout
    assert "Presidium on 2020-06-01 (ROT-3a): chair molndal, vice chair narhalsan" in r.stdout


def test_report_function_language(rs2026: samverkan.Ruleset) -> None:
    assert report(rs2026) == report(rs2026, lang="sv")
    assert report(rs2026).startswith("samverkan-rapport\n=================\n")
    assert report(rs2026, lang="en").startswith("samverkan report\n================\n")
    with pytest.raises(ValueError, match="lang must be sv or en, not 'de'"):
        report(rs2026, lang="de")


def test_report_names_who_decides_the_handlingsplan() -> None:
    r = run("report", "--on", "2026-06-01", "--lang", "en")
    assert "Decides the handlingsplan and follows it up yearly (STR-3): lgs" in r.stdout
    r = run("report", "--on", "2020-06-01", "--lang", "en")
    assert "(STR-3): - (this ruleset names no handlingsplan)" in r.stdout
    r = run("report", "--on", "2026-06-01")
    assert "Beslutar om handlingsplanen och följer upp den årligen (STR-3): lgs" in r.stdout


def test_report_names_the_bodies_the_samrad_is_anchored_in() -> None:
    for on in ("2020-06-01", "2026-06-01"):
        r = run("report", "--on", on, "--lang", "en")
        assert "Carry information both ways to their home organisations (STR-9, CNS-6): 13 bodies" in r.stdout
    r = run("report", "--on", "2026-06-01")
    assert "hemorganisationer (STR-9, CNS-6): 13 nämnder och styrelser" in r.stdout


def test_report_names_who_appoints_the_presidium_offices() -> None:
    out = run("report", "--on", "2026-06-01", "--lang", "en").stdout
    assert (
        "offices: politiskt_samrad chair (appointed by politiskt_samrad, CMP-5), "
        "politiskt_samrad vice_chair (appointed by politiskt_samrad, CMP-5), lgs chair, lgs vice_chair" in out
    )
    out = run("report", "--on", "2026-06-01").stdout
    assert "politiskt_samrad ordförande (utses av politiskt_samrad, CMP-5)" in out


def test_report_on_a_date_with_no_ruleset_fails_clearly() -> None:
    r = run("report", "--on", "2010-01-01")
    assert r.returncode == 2
    assert r.stderr.startswith("samverkan: fel: no embedded ruleset is in force on 2010-01-01")
    r = run("report", "--on", "2010-01-01", "--lang", "en")
    assert r.returncode == 2
    assert r.stderr.startswith("samverkan: error: no embedded ruleset is in force on 2010-01-01")


def test_unknown_language_is_refused() -> None:
    r = run("report", "--lang", "de")
    assert r.returncode == 2
    assert "invalid choice: 'de'" in r.stderr and r.stdout == ""


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
    out = capsys.readouterr().out
    assert "QRM-3" in out and "    källa: " in out and "    lag: kommunallagen 6 kap. 27 §" in out
    assert main(["rules", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "    source: " in out and "    law: kommunallagen 6 kap. 27 §" in out
    assert main(["rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| id | regel | lydelse | källa |\n")
    assert main(["--lang", "en", "rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| id | rule | statement | source |\n")
    assert main(["dot", "--on", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("digraph")
    assert 'label="Politiskt samråd\n(politisk)", id="politiskt_samrad"' in out
    assert 'label="bereder STR-1"' in out and 'label="fastställer CNS-5"' in out
    assert main(["dot", "--on", "2026-01-01", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out == samverkan.load_default("2026-01-01").structure.to_dot()
    assert 'label="Politiskt samråd\n(political)"' in out and 'label="prepares_for STR-1"' in out


def test_rules_in_swedish_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """`rules` prints each rule's Swedish title and statement; --lang en the English ones."""
    qrm3 = samverkan.find_rule("QRM-3")
    assert qrm3 is not None
    assert main(["rules", "--format", "markdown"]) == 0
    sv = capsys.readouterr().out
    assert f"| QRM-3 | {qrm3.title_sv} | {qrm3.statement_sv} |" in sv
    assert main(["rules", "--format", "markdown", "--lang", "en"]) == 0
    assert f"| QRM-3 | {qrm3.title} | {qrm3.statement} |" in capsys.readouterr().out
