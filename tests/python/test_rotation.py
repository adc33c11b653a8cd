"""The chair rotation through Python (ROT-1 … ROT-6): schedule, look-ups, validation, CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import samverkan

# domain.md ROT-6: the proposed schedule.
DEFAULT = [
    ("goteborg", "regionhalsan", "municipal"),
    ("regionhalsan", "molndal", "region"),
    ("molndal", "narhalsan", "municipal"),
    ("narhalsan", "harryda", "region"),
    ("harryda", "tandvard", "municipal"),
    ("tandvard", "partille", "region"),
    ("partille", "habilitering_halsa", "municipal"),
    ("habilitering_halsa", "ockero", "region"),
    ("ockero", "sjukhusen_i_vaster", "municipal"),
    ("sjukhusen_i_vaster", "goteborg", "region"),
    ("goteborg", "su", "municipal"),
]


@pytest.fixture(scope="module")
def rs() -> samverkan.Ruleset:
    return samverkan.load_default("2026-03-13")


def test_ROT6_default_schedule(rs: samverkan.Ruleset) -> None:
    s = rs.rotation(terms=11)
    assert len(s) == 11
    assert [(t.chair, t.vice_chair, t.lgs_chair_side) for t in s] == DEFAULT
    assert s[0].start == dt.date(2015, 1, 1) and s[0].end == dt.date(2016, 12, 31)
    assert s[10].start == dt.date(2035, 1, 1) and s[10].end == dt.date(2036, 12, 31)
    assert s[0].chair_side == "municipal" and s[1].chair_side == "region"
    assert all(t.chair not in ("dn_goteborg", "dn_vastra") for t in rs.rotation(terms=40))
    assert [t.chair for t in samverkan.load_default("2020-01-01").rotation(terms=11)] == [
        c for c, _, _ in DEFAULT
    ]


def test_rotation_from_a_date(rs: samverkan.Ruleset) -> None:
    s = rs.rotation(terms=2, start="2026-06-01")
    assert [t.index for t in s] == [5, 6]
    assert s[0].chair == "tandvard"
    with pytest.raises(samverkan.RuleViolation, match="before the first term") as info:
        rs.rotation(terms=2, start="2014-12-31")
    assert info.value.rule == "ROT-6"


def test_lookups(rs: samverkan.Ruleset) -> None:
    t = rs.chair_on("2029-06-01")
    assert (t.chair, t.vice_chair, t.start) == ("habilitering_halsa", "ockero", dt.date(2029, 1, 1))
    assert rs.next_chair("su", "2026-06-01").start == dt.date(2037, 1, 1)
    assert rs.next_chair("tandvard", "2026-06-01").chair == "tandvard"  # holds it now
    with pytest.raises(samverkan.RuleViolation) as info:
        rs.next_chair("dn_goteborg", "2026-06-01")
    assert info.value.rule == "ROT-2"
    with pytest.raises(samverkan.UnknownId):
        rs.next_chair("sx", "2026-06-01")
    with pytest.raises(samverkan.RuleViolation):
        rs.chair_on("2010-01-01")


def test_to_frame(rs: samverkan.Ruleset) -> None:
    pytest.importorskip("pandas")
    df = rs.rotation(terms=8).to_frame()
    assert list(df.columns) == [
        "start",
        "end",
        "chair",
        "vice_chair",
        "chair_side",
        "vice_side",
        "lgs_chair_side",
    ]
    assert len(df) == 8
    assert df.loc[1, "chair"] == "regionhalsan"


def test_explanation(rs: samverkan.Ruleset) -> None:
    t = rs.rotation(terms=2)[1]
    assert t.rules == ["ROT-1", "ROT-2", "ROT-3a", "ROT-3", "ROT-4", "ROT-6"]
    text = t.explain()
    assert "previous vice chair regionhalsan succeeds" in text
    assert "003_324ab1002b074ef9.txt § Mandat och arbetsformer" in text


@pytest.mark.parametrize(
    ("old", "new", "check"),
    [
        (
            "alternate_sides: true",
            "alternate_sides: false",
            lambda s: {t.chair_side for t in s} == {"municipal"},
        ),
        (
            "municipal: [goteborg, molndal, harryda",
            "municipal: [goteborg, harryda, molndal",
            lambda s: s[1].vice_chair == "harryda",
        ),
        (
            "vice_from_other_side: true",
            "vice_from_other_side: false",
            lambda s: all(t.vice_side == t.chair_side and t.vice_chair != t.chair for t in s),
        ),
        (
            "vice_succeeds: true",
            "vice_succeeds: false",
            lambda s: s[1].chair == "regionhalsan" and s[2].chair == "molndal",
        ),
        (
            "lgs_coordination: same_side",
            "lgs_coordination: opposite_side",
            lambda s: s[0].lgs_chair_side == "region",
        ),
        ("lgs_coordination: same_side", "lgs_coordination: none", lambda s: s[0].lgs_chair_side is None),
        ("term_years: 2", "term_years: 3", lambda s: s[1].start == dt.date(2018, 1, 1)),
        ("anchor: 2015-01-01", "anchor: 2019-01-01", lambda s: s[0].start == dt.date(2019, 1, 1)),
        (
            "first_holder: goteborg",
            "first_holder: regionhalsan",
            lambda s: (
                (s[0].chair, s[0].vice_chair, s[0].chair_side) == ("regionhalsan", "goteborg", "region")
            ),
        ),
        ("align_with_mandate: true", "align_with_mandate: false", lambda s: "ROT-6" not in s[0].rules),
    ],
    ids=[
        "alternate_sides",
        "pool_order",
        "vice_from_other_side",
        "vice_succeeds",
        "lgs_opposite",
        "lgs_none",
        "term_years",
        "anchor",
        "first_holder",
        "align_with_mandate",
    ],
)
def test_parameters_change_the_schedule(
    changed: Callable[[str, str], samverkan.Ruleset],
    old: str,
    new: str,
    check: Callable[[samverkan.Schedule], bool],
) -> None:
    assert check(changed(old, new).rotation(terms=12))


def test_generated_schedules_validate(rs: samverkan.Ruleset) -> None:
    assert samverkan.validate_rotation(rs, rs.rotation(terms=16).rows()) == []
    big = rs.rotation(terms=1000)
    assert len(big) == 1000 and big[999].end == dt.date(4014, 12, 31)
    assert samverkan.validate_rotation(rs, big.rows()) == []


def rows(rs: samverkan.Ruleset, n: int = 6) -> list[dict[str, object]]:
    return rs.rotation(terms=n).rows()


def findings(rs: samverkan.Ruleset, schedule: list[dict[str, object]]) -> list[tuple[str, int, str]]:
    return [(v.rule, v.term_index, v.severity) for v in samverkan.validate_rotation(rs, schedule)]


def test_ROT1_term_length_gap_overlap(rs: samverkan.Ruleset) -> None:
    s = rows(rs)
    s[1]["end"] = dt.date(2019, 12, 31)
    s[2]["start"], s[2]["end"] = dt.date(2020, 1, 1), dt.date(2021, 12, 31)
    got = findings(rs, s)
    assert ("ROT-1", 1, "error") in got
    s = rows(rs)
    s[2]["start"] = dt.date(2019, 2, 1)
    got = samverkan.validate_rotation(rs, s)
    assert any(v.rule == "ROT-1" and v.term_index == 2 and "gap" in v.message for v in got)
    s = rows(rs)
    s[2]["start"] = dt.date(2018, 6, 1)
    assert any("overlaps" in v.message for v in samverkan.validate_rotation(rs, s))


def test_ROT6_straddling_a_mandate_boundary_is_a_warning(rs: samverkan.Ruleset) -> None:
    s = [{"start": "2018-01-01", "end": "2019-12-31", "chair": "goteborg", "vice_chair": "regionhalsan"}]
    assert findings(rs, s) == [("ROT-6", 0, "warning")]


def test_ROT2_same_side_twice_and_purchaser(rs: samverkan.Ruleset) -> None:
    s = rows(rs)
    s[1]["chair"], s[1]["vice_chair"] = "molndal", "regionhalsan"
    assert ("ROT-2", 1, "error") in findings(rs, s)
    s = rows(rs)
    s[1]["chair"] = "dn_goteborg"
    got = samverkan.validate_rotation(rs, s)
    assert any(v.rule == "ROT-2" and "purchaser" in v.message for v in got)


def test_ROT3_vice_from_chairs_side(rs: samverkan.Ruleset) -> None:
    s = rows(rs)
    s[0]["vice_chair"] = "molndal"
    assert ("ROT-3", 0, "error") in findings(rs, s)


def test_ROT4_lgs_side(rs: samverkan.Ruleset) -> None:
    s = rows(rs)
    s[0]["lgs_chair_side"] = "region"
    assert findings(rs, s) == [("ROT-4", 0, "error")]
    s[0]["lgs_chair_side"] = None
    assert findings(rs, s) == []


def test_ROT3a_fairness_warning(rs: samverkan.Ruleset) -> None:
    s = rows(rs, 8)
    s[4]["chair"] = "goteborg"  # goteborg chairs again before harryda, partille and ockero
    got = samverkan.validate_rotation(rs, s)
    fair = [v for v in got if v.rule == "ROT-3a"]
    assert fair and fair[0].severity == "warning" and "harryda" in fair[0].message


def test_unknown_body_in_a_row_is_a_rule_violation(rs: samverkan.Ruleset) -> None:
    s = rows(rs)
    s[3]["chair"] = "narhalsn"
    with pytest.raises(samverkan.RuleViolation, match="did you mean 'narhalsan'") as info:
        samverkan.validate_rotation(rs, s)
    assert info.value.rule == "ROT-2"
    with pytest.raises(samverkan.RuleViolation, match="no vice_chair"):
        samverkan.validate_rotation(rs, [{"start": "2015-01-01", "end": "2016-12-31", "chair": "goteborg"}])


def test_validate_a_dataframe(rs: samverkan.Ruleset) -> None:
    pytest.importorskip("pandas")
    df = rs.rotation(terms=6).to_frame()
    df.loc[2, "vice_chair"] = "partille"
    got = samverkan.validate_rotation(rs, df)
    assert ("ROT-3", 2, "error") in [(v.rule, v.term_index, v.severity) for v in got]


def test_meeting_takes_chair_from_rotation(rs: samverkan.Ruleset) -> None:
    m = samverkan.Meeting(rs, date="2026-03-13", present=[s.id for s in rs.seats()])
    r = m.consider("Ärende")
    assert r.presiding == "tandvard/ord"
    assert "ROT-3a" in r.rules
    m = samverkan.Meeting(rs, date="2035-03-13", present=[s.id for s in rs.seats()])
    assert m.consider("Ärende").presiding == "goteborg/ord1"
    absent_chair = [s.id for s in rs.seats() if s.id != "tandvard/ord"]
    r = samverkan.Meeting(rs, date="2026-03-13", present=absent_chair).consider("Ärende")
    assert r.presiding == "partille/ord"  # the vice chair of the term in force


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samverkan", *args], capture_output=True, text=True, check=False
    )


def test_cli_rotation_formats() -> None:
    r = run("rotation", "--terms", "11")
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Ordföranderotation i goteborg-2026 (ROT-1 … ROT-6)"
    assert lines[1].split() == ["start", "slut", "ordförande", "vice", "ordförande", "LGS-ordförande", "från"]
    assert "2035-01-01  2036-12-31  goteborg             su                   kommunerna" in r.stdout
    r = run("rotation", "--terms", "11", "--lang", "en")
    lines = r.stdout.splitlines()
    assert lines[0] == "Chair rotation of goteborg-2026 (ROT-1 … ROT-6)"
    assert lines[1].split() == ["start", "end", "chair", "vice", "chair", "LGS", "chair", "side"]
    assert "2035-01-01  2036-12-31  goteborg             su                   municipal" in r.stdout
    for lang in ("sv", "en"):
        r = run("rotation", "--terms", "2", "--on", "2026-06-01", "--format", "json", "--lang", lang)
        data = json.loads(r.stdout)
        assert [d["chair"] for d in data] == ["tandvard", "partille"]
        assert data[0]["lgs_chair_side"] == "region"
        r = run("rotation", "--terms", "1", "--format", "csv", "--lang", lang)
        assert r.stdout.splitlines() == [
            "start,end,chair,vice_chair,chair_side,vice_side,lgs_chair_side",
            "2015-01-01,2016-12-31,goteborg,regionhalsan,municipal,region,municipal",
        ]
    r = run("rotation", "--terms", "1", "--format", "markdown")
    assert r.stdout.splitlines()[0] == "| period | ordförande | vice ordförande | LGS-ordförande från |"
    assert r.stdout.splitlines()[2] == "| 2015–2016 | goteborg | regionhalsan | kommunerna |"
    r = run("--lang", "en", "rotation", "--terms", "1", "--format", "markdown")
    assert r.stdout.splitlines()[0] == "| term | chair | vice chair | LGS chair side |"
    assert r.stdout.splitlines()[2] == "| 2015–2016 | goteborg | regionhalsan | municipal |"
    r = run("rotation", "--terms", "1", "--format", "mermaid")
    assert "    title Ordföranderotation i politiska samrådet, 2015–2016 (goteborg-2026)" in r.stdout
    assert "    section Ordförande\n" in r.stdout and "    section Vice ordförande\n" in r.stdout
    r = run("rotation", "--terms", "1", "--format", "mermaid", "--lang", "en")
    assert "    title Chair rotation of the politiskt samråd, 2015–2016 (goteborg-2026)" in r.stdout
    assert "    section Chair\n" in r.stdout and "    section Vice chair\n" in r.stdout
    r = run("rotation", "--terms", "-1")
    assert r.returncode == 2 and "-1 is not between 0 and 10000 (max_rotation_terms)" in r.stderr


def test_cli_rotation_check_refuses_a_csv_without_its_header(tmp_path: Path) -> None:
    """A schedule whose first row is a term, not the column names, is refused (exit status 2), never checked
    as zero terms."""
    plan = tmp_path / "plan.csv"
    plan.write_text("2026-01-01,2027-12-31,goteborg/ord1,regionhalsan/ord\n", encoding="utf-8")
    r = run("rotation", "--check", str(plan))
    assert r.returncode == 2 and r.stdout == ""
    assert "plan.csv: the first row must name the columns start,end,chair,vice_chair" in r.stderr
    plan.write_text("start,end,chair,vice_chair\n", encoding="utf-8")
    r = run("rotation", "--check", str(plan), "--lang", "en")
    assert r.returncode == 2 and "the schedule has a header but no term" in r.stderr


def test_cli_rotation_check(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(run("rotation", "--terms", "6", "--format", "csv").stdout, encoding="utf-8")
    r = run("rotation", "--check", str(good))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == "6 perioder kontrollerade mot goteborg-2026: 0 fel, 0 varning(ar)\n"
    r = run("rotation", "--check", str(good), "--lang", "en")
    assert r.stdout == "6 terms checked against goteborg-2026: 0 error(s), 0 warning(s)\n"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        good.read_text(encoding="utf-8").replace("molndal,narhalsan", "molndal,harryda"), encoding="utf-8"
    )
    r = run("rotation", "--check", str(bad))
    assert r.returncode == 1
    # The findings themselves are the library's, in English; the command frames them.
    assert r.stdout.startswith("fel: ROT-3: term 2 (2019-01-01 – 2020-12-31): the vice chair harryda")
    assert "varning: ROT-3a: " in r.stdout
    assert r.stdout.endswith("6 perioder kontrollerade mot goteborg-2026: 1 fel, 1 varning(ar)\n")
    r = run("--lang", "en", "rotation", "--check", str(bad))
    assert r.returncode == 1
    assert r.stdout.startswith("error: ROT-3: term 2 (2019-01-01 – 2020-12-31): the vice chair harryda")
    assert "warning: ROT-3a: " in r.stdout
    assert r.stdout.endswith("6 terms checked against goteborg-2026: 1 error(s), 1 warning(s)\n")
    unknown = tmp_path / "unknown.csv"
    unknown.write_text(
        good.read_text(encoding="utf-8").replace("harryda,tandvard", "hary,tandvard"), encoding="utf-8"
    )
    r = run("rotation", "--check", str(unknown))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("samverkan: fel: ") and "not a body" in r.stderr
    r = run("rotation", "--check", str(unknown), "--lang", "en")
    assert r.returncode == 2 and r.stderr.startswith("samverkan: error: ") and "not a body" in r.stderr
    r = run("rotation", "--check", str(tmp_path / "missing.csv"))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_docs_schedule_and_timeline_match_the_command(root: Path) -> None:
    page = (root / "docs" / "chair-rotation.md").read_text(encoding="utf-8")
    table = run("rotation", "--terms", "16", "--format", "markdown").stdout
    timeline = run("rotation", "--terms", "16", "--format", "mermaid").stdout
    assert table in page
    assert "```mermaid\n" + timeline + "```" in page


def test_ROT5_presidium(rs: samverkan.Ruleset, changed: Callable[[str, str], samverkan.Ruleset]) -> None:
    assert samverkan.load_default("2020-06-01").forum("politiskt_presidium").offices == [
        ("politiskt_samrad", "chair"),
        ("politiskt_samrad", "vice_chair"),
    ]
    assert rs.forum("politiskt_presidium").offices == [
        ("politiskt_samrad", "chair"),
        ("politiskt_samrad", "vice_chair"),
        ("lgs", "chair"),
        ("lgs", "vice_chair"),
    ]
    with pytest.raises(samverkan.RulesetError) as info:
        changed("      - {forum: lgs, role: chair}", "      - {forum: lgz, role: chair}")
    assert info.value.rule == "ROT-5"
    with pytest.raises(samverkan.RulesetError, match="not one of chair or vice_chair") as info:
        changed("      - {forum: lgs, role: chair}", "      - {forum: lgs, role: secretary}")
    assert info.value.rule == "ROT-5"


# ---- bounds: how many terms and how far ahead -------------------------------------------------------


@pytest.mark.parametrize("terms", [samverkan.rotation.MAX_TERMS + 1, 10**12, 10**30, -1])
def test_ROT1_term_count_out_of_range_is_refused_before_any_work(rs: samverkan.Ruleset, terms: int) -> None:
    with pytest.raises(samverkan.ArgumentError, match="terms") as info:
        rs.rotation(terms=terms)
    assert isinstance(info.value, ValueError)


def test_ROT1_schedule_runs_at_most_to_9999_12_31(rs: samverkan.Ruleset) -> None:
    assert samverkan.rotation.MAX_TERMS == 10_000
    s = rs.rotation(terms=3992)
    assert s[-1].end == dt.date(9998, 12, 31)
    assert s.rows()[-1]["end"] == dt.date(9998, 12, 31)
    with pytest.raises(samverkan.ArgumentError, match="at most 3992 fit"):
        rs.rotation(terms=3993)
    with pytest.raises(samverkan.ArgumentError, match="10000-12-31"):
        rs.rotation(terms=1, start="9999-06-01")


def test_ROT6_far_dates_work_quickly_or_are_refused(rs: samverkan.Ruleset) -> None:
    t = rs.chair_on("9998-06-01")
    assert (t.start, t.end) == (dt.date(9997, 1, 1), dt.date(9998, 12, 31))
    with pytest.raises(samverkan.ArgumentError, match=r"ends after 9999-12-31, the last date samverkan"):
        rs.chair_on(dt.date.max)
    with pytest.raises(samverkan.ArgumentError, match="'su' does not hold the chair in any term between"):
        rs.next_chair("su", "9998-01-01")
    assert rs.next_chair("su", "9900-01-01").end <= dt.date(9999, 12, 31)
    late = rs.rotation(terms=2).rows()
    late[1]["end"] = dt.date.max
    # A row ending on the last date is checked, not refused.
    assert [v.rule for v in samverkan.validate_rotation(rs, late)] == ["ROT-1", "ROT-6"]


def test_cli_rotation_terms_bound() -> None:
    r = run("rotation", "--terms", str(10**12))
    assert r.returncode == 2
    assert "between 0 and 10000" in r.stderr and "Traceback" not in r.stderr
    r = run("rotation", "--terms", "-1")
    assert r.returncode == 2 and "between 0 and 10000" in r.stderr
    r = run("rotation", "--terms", "3993", "--format", "csv")
    assert r.returncode == 2 and "at most 3992 fit" in r.stderr and r.stdout == ""
    r = run("rotation", "--terms", "1", "--on", "9999-06-01")
    assert r.returncode == 2 and "9999-12-31" in r.stderr and "Traceback" not in r.stderr


def test_report_far_ahead_says_why_there_is_no_presidium() -> None:
    r = run("report", "--on", "9999-06-01", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Presidium on 9999-06-01 (ROT-3a): not given: term 3992" in r.stdout
    r = run("report", "--on", "9999-06-01")
    assert "Presidium den 9999-06-01 (ROT-3a): kan inte anges: term 3992" in r.stdout


def test_ROT2_empty_pool_is_refused_at_load(changed: Callable[[str, str], samverkan.Ruleset]) -> None:
    with pytest.raises(samverkan.RulesetError, match="the municipal pool is empty") as info:
        changed("municipal: [goteborg, molndal, harryda, partille, ockero]", "municipal: []")
    e = info.value
    assert (e.path, e.key, e.rule) == ("changed.yaml", "rotation.pools.municipal", "ROT-2")
    assert e.line is not None and e.column is not None
    with pytest.raises(samverkan.RulesetError, match="first_holder 'dn_vastra' is in neither") as info:
        changed("first_holder: goteborg", "first_holder: dn_vastra")
    assert (info.value.key, info.value.rule) == ("rotation.first_holder", "ROT-6")
