"""The policy test runner (samverkan.policytest), `samverkan test` and the pytest plugin: a case that holds
passes, one that does not fails with the right text, a malformed file is refused naming its key, and
golden files, JUnit XML and coverage say what they should."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import samverkan
from samverkan import cli
from samverkan import policytest as pt

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]

HEAD = """\
ruleset: goteborg-2026
defaults: {date: 2026-03-13, chair: goteborg/ord1, vice_chair: regionhalsan/ord}
cases:
"""

PASSING = """\
  - name: passes
    meeting: {present: ordinary, absent: [su/ord]}
    expect: {outcome: position, served: 14, threshold: 8, presiding: goteborg/ord1, rules_include: [QRM-3]}
"""

FAILING = """\
  - name: fails
    meeting: {present: ordinary, absent: [su/ord]}
    expect: {served: 15, outcome: position}
"""


def write(tmp_path: Path, cases: str, name: str = "x.policy.yaml", head: str = HEAD) -> Path:
    path = tmp_path / name
    path.write_text(head + cases, encoding="utf-8")
    return path


def run(path: Path, lang: str = "sv") -> list[pt.CaseResult]:
    return pt.run_file(pt.load_policy_file(path), lang)


# -- Running cases


def test_a_case_that_holds_passes(tmp_path: Path) -> None:
    [r] = run(write(tmp_path, PASSING))
    assert (r.status, r.mismatches, r.ok) == ("passed", [], True)
    assert r.rules[:2] == ["QRM-2", "QRM-3"] and "CNS-1" in r.rules
    assert r.record is not None and r.record[0]["served"] == 14


def test_a_wrong_expectation_fails_naming_the_field_expected_and_actual(tmp_path: Path) -> None:
    [r] = run(write(tmp_path, FAILING))
    assert r.status == "failed" and not r.ok
    assert r.mismatches == [pt.Mismatch("item 1", "served", 15, 14)]
    report = r.report()
    assert report.startswith(f"UNDERKÄNT {tmp_path / 'x.policy.yaml'}: fails\n")
    assert "  punkt 1: served: förväntat 15, faktiskt 14\n" in report
    assert "  förklaring, punkt 1 «Ärende»:\n" in report
    assert "QRM-2  tomma ordinarie platser: su/ord" in report  # the ruling's explanation, in Swedish
    english = run(write(tmp_path, FAILING), lang="en")[0].report("en")
    assert "  item 1: served: expected 15, got 14\n" in english
    assert "QRM-2  empty ordinary seats: su/ord" in english


def test_every_kind_of_expectation_is_checked(tmp_path: Path) -> None:
    cases = """\
  - name: meeting
    meeting:
      present: all
      absent: [su/ord]
      items:
        - {expect: {outcome: removed, quorate: false, threshold: 9, presiding: su/ord, substitutions: {},
                    serving_includes: [su/ord], serving_excludes: [su/ers], unknowns: [QRM-6],
                    rules_include: [CNS-3], rules: [QRM-2]}}
  - name: rotation
    rotation: {terms: 2}
    expect: [{start: 2015-01-02, chair: su, chair_side: region, lgs_chair_side: ~}]
  - name: validation
    validation: ~
    expect: {rules: [STR-1]}
"""
    meeting, rotation, validation = run(write(tmp_path, cases))
    fields = [m.field for m in meeting.mismatches]
    assert fields == [
        "outcome",
        "quorate",
        "threshold",
        "presiding",
        "substitutions",
        "serving_includes",
        "serving_excludes",
        "unknowns",
        "rules_include",
        "rules",
    ]
    assert [(m.where, m.field) for m in rotation.mismatches] == [
        ("", "terms"),
        ("term 0", "start"),
        ("term 0", "chair"),
        ("term 0", "chair_side"),
        ("term 0", "lgs_chair_side"),
    ]
    assert validation.mismatches == [pt.Mismatch("", "rules", ["STR-1"], [])]


def test_refusals_by_rule_and_by_class(tmp_path: Path) -> None:
    cases = """\
  - name: refused_item_leaves_the_meeting_as_it_was
    meeting:
      present: all
      items:
        - {objections: [su/ers], expect: {error: RGT-1}}
        - {expect: {served: 15}}
  - name: refused_meeting
    meeting: {date: 2025-01-01, present: ordinary}
    expect: {error: NoRulesetInForce}
  - name: expected_refusal_that_does_not_come
    meeting: {present: ordinary}
    expect: {error: RGT-4}
  - name: refusal_that_is_not_expected
    meeting: {present: ordinary, objections: [nobody/ord]}
    expect: {outcome: position}
  - name: rotation_refused
    rotation: {on: 2014-06-01}
    expect: {error: ROT-6}
"""
    results = run(write(tmp_path, cases))
    assert [r.status for r in results] == ["passed", "passed", "failed", "failed", "passed"]
    assert results[0].rules[0] == "RGT-1" and results[0].record is not None
    assert results[0].record[0] == {"error": "RGT-1"} and len(results[0].record) == 2
    assert results[2].mismatches == [pt.Mismatch("item 1", "error", "RGT-4", None)]
    assert results[3].mismatches == [pt.Mismatch("item 1", "error", None, "RGT-4")]


def test_rulesets_and_changes_from_files_beside_the_policy_file(tmp_path: Path) -> None:
    shutil.copy(ROOT / "docs" / "examples" / "quorum-two-thirds.yaml", tmp_path / "change.yaml")
    shutil.copy(ROOT / "tests" / "policy" / "rulesets" / "minimal.yaml", tmp_path / "small.yaml")
    policy = write(
        tmp_path,
        """\
  - name: file_changes
    meeting: {present: ordinary}
    expect: {threshold: 10}
  - name: own_changes_replace_the_files
    changes: {meeting.quorum: 12}
    meeting: {date: 2026-03-13, present: ordinary}
    expect: {threshold: 12}
  - name: own_ruleset_without_the_files_changes
    ruleset: small.yaml
    meeting: {date: 2024-03-01, present: all, chair: ~, vice_chair: ~}
    expect: {threshold: 2, served: 2, presiding: goteborg/ord}
""",
        head="ruleset: goteborg-2026\nchanges: change.yaml\ndefaults: {date: 2027-03-01}\ncases:\n",
    )
    assert [r.status for r in run(policy)] == ["passed"] * 3


def test_xfail_is_reported_and_a_passing_xfail_fails(tmp_path: Path) -> None:
    cases = """\
  - name: known
    xfail: "QRM-3: for the test"
    meeting: {present: ordinary}
    expect: {served: 14}
  - name: fixed
    xfail: "QRM-3: for the test"
    meeting: {present: ordinary}
    expect: {served: 15}
"""
    known, fixed = run(write(tmp_path, cases))
    assert (known.status, known.ok, known.reason) == ("xfailed", True, "QRM-3: for the test")
    assert (fixed.status, fixed.ok) == ("xpassed", False)
    assert "KÄND AVVIKELSE" in known.report() and "OVÄNTAT GODKÄNT" in fixed.report()


MATTER = """\
  - name: matter
    matter:
      raised_by: tema_aldre
      directional: true
      date: 2026-02-02
      steps:
        - {place_on_agenda: true, date: 2026-03-02, expect: {error: MTG-3}}
        - {prepare: lgs, date: 2026-02-16, expect: {rules: [STR-1], status: prepared}}
        - {place_on_agenda: true, date: 2026-03-02}
        - meeting: {date: 2026-03-13, present: ordinary}
          expect: {outcome: position, served: 15, status: in_adoption, cases: 13}
        - {notice: samverkanskontoret/anna, date: 2026-03-14, force: sent late}
        - {adopt: su, date: 2026-04-20}
    expect: {adoption: {su: adopted}, violations: [MTG-2],
             adoption_status: {on: 2026-05-01, status: partially_adopted, in_force: false, adopted: 1}}
"""


def test_a_matter_case_runs_its_steps(tmp_path: Path) -> None:
    [r] = run(write(tmp_path, MATTER))
    assert (r.status, r.mismatches, r.ok, r.record) == ("passed", [], True, None)
    cov = pt.coverage([r])
    assert all(cov.counts[rule] == 1 for rule in ("STR-1", "MTG-3", "CNS-5", "MTG-2", "RGT-3", "QRM-3"))
    assert cov.counts["RGT-2"] == 0


@pytest.mark.parametrize(
    ("old", "new", "where", "field"),
    [
        ("status: prepared}", "status: raised}", "step 2", "status"),
        (
            "{prepare: lgs, date: 2026-02-16,",
            "{prepare: lgs, force: needless, date: 2026-02-16,",
            "step 2",
            "force",
        ),
        ("{error: MTG-3}", "{error: STR-1}", "step 1", "error"),
        ("served: 15", "served: 14", "step 4", "served"),
        ("violations: [MTG-2]", "violations: []", "", "violations"),
        ("status: partially_adopted", "status: adopted", "", "adoption_status.status"),
        (
            "{adopt: su, date: 2026-04-20}",
            "{adopt: su, date: 2026-04-20, expect: {error: CNS-5}}",
            "step 6",
            "error",
        ),
    ],
)
def test_a_wrong_expectation_of_a_matter_fails(
    tmp_path: Path, old: str, new: str, where: str, field: str
) -> None:
    assert old in MATTER
    [r] = run(write(tmp_path, MATTER.replace(old, new, 1)))
    assert (r.status, r.ok) == ("failed", False)
    assert (r.mismatches[0].where, r.mismatches[0].field) == (where, field)
    assert "UNDERKÄNT" in r.report() and (not where or "steg" in r.report())


def test_a_refused_step_must_change_nothing_and_ends_the_case_when_unexpected(tmp_path: Path) -> None:
    unexpected = MATTER.replace("{prepare: lgs, date: 2026-02-16,", "{prepare: tema_aldre, date: 2026-02-16,")
    [r] = run(write(tmp_path, unexpected))
    assert r.status == "failed"
    assert [(m.where, m.field, m.expected, m.actual) for m in r.mismatches] == [
        ("step 2", "error", None, "STR-1")
    ]
    assert "STR-1" in r.explanation


def test_a_forced_raising_and_a_refused_raising(tmp_path: Path) -> None:
    cases = (
        "  - name: refused\n    matter: {raised_by: lgs, forum: tema_aldre}\n    expect: {error: STR-8}\n"
        "  - name: forced\n    matter: {raised_by: lgs, forum: tema_aldre, force: asked}\n"
        "    expect: {status: raised, violations: [STR-8]}\n"
        "  - name: raised\n    matter: {raised_by: lgs, forum: tema_aldre}\n    expect: {status: raised}\n"
    )
    refused, forced, raised = run(write(tmp_path, cases, head=HEAD.replace("2026-03-13", "2026-02-02")))
    assert (refused.status, forced.status) == ("passed", "passed")
    assert raised.status == "failed" and raised.mismatches[0].field == "error"


# -- Malformed files


@pytest.mark.parametrize(
    ("cases", "case", "key", "message"),
    [
        ("  - name: a\n    meting: {}\n    expect: {}\n", "a", "meting", "did you mean 'meeting'"),
        (
            "  - name: a\n    meeting: {present: ordinary}\n    expect: {servd: 15}\n",
            "a",
            "expect.servd",
            "unknown key (did you mean 'served'?)",
        ),
        (
            "  - name: a\n    meeting: {present: ordinary, items: [{expect: {outcom: position}}]}\n",
            "a",
            "meeting.items[0].expect.outcom",
            "did you mean 'outcome'",
        ),
        (
            "  - name: a\n    meeting: {present: ordinary}\n    expect: {served: many}\n",
            "a",
            "expect.served",
            "",
        ),
        (
            "  - name: a\n    meeting: {present: ordinary}\n    expect: {outcome: agreed}\n",
            "a",
            "expect.outcome",
            "",
        ),
        (
            "  - name: a\n    meeting: {present: ordinary}\n    expect: {rules_include: [QRM3]}\n",
            "a",
            "expect.rules_include",
            "'QRM3' is not a rule id",
        ),
        (
            "  - name: a\n    meeting: {present: some}\n    expect: {}\n",
            "a",
            "meeting.present",
            "all, ordinary",
        ),
        (
            "  - name: a\n    meeting: {present: ordinary}\n    rotation: {on: 2026-01-01}\n    expect: {}\n",
            "a",
            "",
            "exactly one of",
        ),
        ("  - name: a\n    meeting: {present: ordinary}\n", "a", "expect", "missing"),
        (
            "  - name: a\n    rotation: {on: 2026-01-01, terms: 2}\n    expect: {}\n",
            "a",
            "rotation",
            "either",
        ),
        ("  - name: a\n    validation: ~\n    expect: {}\n", "a", "expect.rules", "missing"),
        (
            "  - name: a\n    validation: {yaml: x.yaml, changes: {}}\n    expect: {rules: []}\n",
            "a",
            "validation",
            "",
        ),
        (
            "  - name: a\n    meeting: {present: ordinary}\n    expect: {error: RGT-1, served: 3}\n",
            "a",
            "expect",
            "together",
        ),
        (
            "  - name: a\n    meeting: {present: all, items: [{title: x}]}\n    expect: {served: 3}\n",
            "a",
            "expect",
            "may only name a refusal",
        ),
        (
            "  - name: a\n    meeting: {present: all, items: [{before: [{arrive: su/ord, remote: yes}]}]}\n",
            "a",
            "meeting.items[0].before[0].remote",
            "true or false",
        ),
        (
            "  - name: a\n    validation: ~\n    expect: {rules: []}\n  - name: a\n    matter: {}\n",
            None,
            "cases[1].name",
            "twice",
        ),
        ("  - {meeting: {}}\n", None, "cases[0].name", "needs a name"),
        (
            "  - name: a\n    matter: {raised_by: lgs, titel: X}\n    expect: {}\n",
            "a",
            "matter.titel",
            "did you mean 'title'",
        ),
        ("  - name: a\n    matter: {title: X}\n    expect: {}\n", "a", "matter.raised_by", "missing"),
        (
            "  - name: a\n    matter: {raised_by: lgs, steps: [{prepar: lgs}]}\n",
            "a",
            "matter.steps[0].prepar",
            "did you mean 'prepare'",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs, steps: [{prepare: lgs, place_on_agenda: true}]}\n",
            "a",
            "matter.steps[0]",
            "exactly one of",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs, steps: [{prepare: lgs, expect: {statu: prepared}}]}\n",
            "a",
            "matter.steps[0].expect.statu",
            "did you mean 'status'",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs, steps: [{prepare: lgs, expect: {outcome: position}}]}"
            "\n",
            "a",
            "matter.steps[0].expect.outcome",
            "unknown key",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs, steps: [{meeting: {}, consider: {referrals: 1}}]}\n",
            "a",
            "matter.steps[0].consider.referrals",
            "unknown key",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs, steps: [{notice: samverkanskontoret/a}]}\n",
            "a",
            "matter.steps[0]",
            "last meeting step",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs, steps: [{adopt: su, force: x, expect: {error: CNS-5}}]"
            "}\n",
            "a",
            "matter.steps[0].force",
            "not also expected refused",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs}\n    expect: {adoption_status: {status: overdue}}\n",
            "a",
            "expect.adoption_status.on",
            "missing",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs}\n    expect: {violations: [XYZ-1]}\n",
            "a",
            "expect.violations",
            "not a rule id",
        ),
        (
            "  - name: a\n    matter: {raised_by: lgs}\n    expect: {status: adopted}\n",
            "a",
            "expect.status",
            "expected one of raised",
        ),
    ],
)
def test_a_malformed_file_names_file_case_and_key(
    tmp_path: Path, cases: str, case: str | None, key: str, message: str
) -> None:
    path = write(tmp_path, cases)
    with pytest.raises(pt.PolicyFileError) as info:
        pt.load_policy_file(path)
    e = info.value
    assert (e.file, e.case, e.key) == (str(path), case, key)
    assert message in str(e)
    assert isinstance(e, samverkan.Error)


def test_a_meeting_without_a_date_and_top_level_mistakes(tmp_path: Path) -> None:
    with pytest.raises(pt.PolicyFileError, match="meeting.date: missing"):
        pt.load_policy_string("ruleset: goteborg-2026\ncases:\n  - {name: a, meeting: {}, expect: {}}\n")
    with pytest.raises(pt.PolicyFileError, match="defaults.chiar: unknown key"):
        pt.load_policy_string("ruleset: goteborg-2026\ndefaults: {chiar: x}\ncases: []\n")
    with pytest.raises(pt.PolicyFileError, match="given twice"):
        pt.load_policy_string("ruleset: goteborg-2026\nruleset: goteborg-2016\ncases: []\n")
    with pytest.raises(pt.PolicyFileError, match="no ruleset"):
        pt.load_policy_string("cases:\n  - {name: a, validation: ~, expect: {rules: []}}\n")
    with pytest.raises(pt.PolicyFileError, match="not valid YAML"):
        pt.load_policy_string("cases: [\n")


def test_on_is_a_key_and_an_impossible_date_stays_text() -> None:
    """As the C++ reader sees them: `on:` is not the boolean True, 2015-02-30 is text, not an error."""
    pf = pt.load_policy_string(
        "ruleset: goteborg-2026\ncases:\n"
        "  - {name: a, rotation: {on: 2026-03-13}, expect: {chair: tandvard}}\n"
        "  - {name: b, validation: {changes: {rotation.anchor: 2015-02-30}}, expect: {rules: [ROT-6]}}\n"
    )
    assert [r.status for r in pt.run_file(pf)] == ["passed", "passed"]


# -- Golden files


def test_golden_rulings_written_then_a_difference_fails_as_a_diff(tmp_path: Path) -> None:
    path = write(tmp_path, PASSING + "  - name: term\n    rotation: {on: 2026-03-13}\n    expect: {}\n")
    pf = pt.load_policy_file(path)
    golden = pt.write_golden(pf, pt.run_file(pf, golden=False))
    assert golden == tmp_path / "x.golden.yaml"
    data = pt.read_golden(path)
    assert data is not None and list(data) == ["passes", "term"]
    assert list(data["passes"][0])[:4] == ["ruleset", "forum", "date", "title"]  # to_dict()'s own order
    assert data["term"][0]["chair"] == "tandvard"
    assert [r.status for r in pt.run_file(pf)] == ["passed", "passed"]

    golden.write_text(
        golden.read_text(encoding="utf-8").replace("served: 14", "served: 13"), encoding="utf-8"
    )
    r = pt.run_file(pf)[0]
    assert r.status == "failed" and r.mismatches == []
    assert "--- golden: passes\n+++ actual: passes\n" in r.golden_diff
    assert "-  served: 13\n+  served: 14\n" in r.golden_diff
    assert "avgörandet skiljer sig från referensfilen:" in r.report()

    # A case the golden file does not know yet fails until the file is written again.
    path.write_text(path.read_text(encoding="utf-8") + FAILING.replace("served: 15", "served: 14"))
    assert [r.status for r in pt.run_file(pt.load_policy_file(path))] == ["failed", "passed", "failed"]


def test_update_golden_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, PASSING)
    assert cli.main(["test", str(path), "--update-golden"]) == 0
    assert f"skrev {tmp_path / 'x.golden.yaml'}" in capsys.readouterr().out
    assert cli.main(["test", str(path)]) == 0


# -- JUnit XML, coverage, the command line


def test_junit_xml_counts_and_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    known = '  - name: m\n    xfail: "QRM-3: for the test"\n    meeting: {present: ordinary}\n'
    known += "    expect: {served: 1}\n"
    path = write(tmp_path, PASSING + FAILING + known)
    out = tmp_path / "junit.xml"
    assert cli.main(["test", str(path), "--junit-xml", str(out)]) == 1
    root = ET.parse(out).getroot()
    assert (root.tag, root.get("tests"), root.get("failures"), root.get("skipped")) == (
        "testsuites",
        "3",
        "1",
        "1",
    )
    [suite] = root
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == (str(path), "3", "1")
    cases = {tc.get("name"): tc for tc in suite}
    assert list(cases) == ["passes", "fails", "m"]
    failure = cases["fails"].find("failure")
    assert failure is not None and failure.get("message") == "served: 15 ≠ 14"
    assert failure.text is not None and "served: förväntat 15, faktiskt 14" in failure.text
    skipped = cases["m"].find("skipped")
    assert skipped is not None and skipped.get("message") == "xfail: QRM-3: for the test"
    assert cases["passes"].find("failure") is None


def test_coverage_counts_cases_per_rule_and_lists_the_unexercised(tmp_path: Path) -> None:
    cases = PASSING + "  - name: refused\n    meeting: {present: [x/ord]}\n    expect: {error: RGT-4}\n"
    cov = pt.coverage(run(write(tmp_path, cases)))
    assert (cov.counts["QRM-3"], cov.counts["RGT-4"], cov.counts["ROT-1"]) == (1, 1, 0)
    assert "ROT-1" in cov.unexercised and "QRM-3" in cov.exercised
    assert cov.percent == pytest.approx(100 * len(cov.exercised) / len(pt.ENGINE_RULES))
    text = cov.to_text("en")
    assert "  QRM-3      1\n" in text and "  ROT-1      0\n" in text
    assert re.search(r"Rules with an engine that no case exercised: .*ROT-1", text)
    assert f"Coverage: {len(cov.exercised)} of {len(pt.ENGINE_RULES)} rules with an engine" in text


def test_engine_rules_are_the_catalogue_minus_the_unreached() -> None:
    catalogue = [r.id for r in samverkan.rules()]
    assert set(pt.UNREACHED) <= set(catalogue)
    assert list(pt.ENGINE_RULES) == [r for r in catalogue if r not in pt.UNREACHED]
    assert all(reason for reason in pt.UNREACHED.values())


def test_fail_under_and_the_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, PASSING)
    assert cli.main(["test", str(good), "--fail-under", "10"]) == 0
    assert cli.main(["test", str(good), "--fail-under", "100"]) == 1
    out = capsys.readouterr().out
    assert "Täckningen" in out and "är under --fail-under 100 %" in out
    assert cli.main(["test", str(write(tmp_path, FAILING, "bad.policy.yaml"))]) == 1
    assert (
        cli.main(["test", str(write(tmp_path, "  - name: a\n    meeting: {}\n", "broken.policy.yaml"))]) == 2
    )
    assert "broken.policy.yaml: case 'a': expect: missing" in capsys.readouterr().err
    assert cli.main(["test", str(tmp_path / "nowhere")]) == 2
    with pytest.raises(SystemExit) as info:
        cli.main(["test", str(good), "--fail-under", "101"])
    assert info.value.code == 2


def test_directories_are_searched_and_output_is_swedish_unless_english_is_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", PASSING, "a.policy.yaml")
    write(tmp_path / "sub", FAILING, "b.policy.yaml")
    write(tmp_path, FAILING, "not-a-policy.yaml")
    assert pt.find_policy_files([tmp_path]) == [
        tmp_path / "sub" / "a.policy.yaml",
        tmp_path / "sub" / "b.policy.yaml",
    ]
    assert cli.main(["test", str(tmp_path)]) == 1
    sv = capsys.readouterr().out
    assert "UNDERKÄNT" in sv and sv.endswith(
        "2 fall: godkända 1, underkända 1, överhoppade 0, kända avvikelser 0, oväntat godkända 0\n"
    )
    assert cli.main(["--lang", "en", "test", str(tmp_path)]) == 1
    en = capsys.readouterr().out
    assert "FAILED" in en and en.endswith("2 cases: 1 passed, 1 failed, 0 skipped, 0 xfailed, 0 xpassed\n")


def test_the_failure_shown_in_the_docs_is_what_the_runner_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (ROOT / "docs" / "policy-tests.md").read_text(encoding="utf-8")
    shown = re.search(r"```text\n(UNDERKÄNT .*?)```", page, re.S)
    assert shown is not None
    example = ROOT / "docs" / "examples" / "quorum-two-thirds.policy.yaml"
    assert f"```yaml\n{example.read_text(encoding='utf-8')}```" in page
    shutil.copy(ROOT / "docs" / "examples" / "quorum-two-thirds.yaml", tmp_path)
    text = example.read_text(encoding="utf-8").replace("expect: {served: 10,", "expect: {served: 11,")
    (tmp_path / "quorum-two-thirds.policy.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["test", "quorum-two-thirds.policy.yaml"]) == 1
    assert capsys.readouterr().out == shown.group(1)


def test_the_shipped_suite_covers_every_rule_with_an_engine() -> None:
    files = pt.find_policy_files([ROOT / "tests" / "policy"])
    policies = [pt.load_policy_file(f) for f in files]
    results = [r for pf in policies for r in pt.run_file(pf)]
    assert len(results) >= 40
    assert all(r.ok for r in results), [r.report("en") for r in results if not r.ok]
    assert pt.coverage(results).unexercised == []
    rulesets = {c.ruleset or pf.ruleset for pf in policies for c in pf.cases}
    assert {"goteborg-2016", "goteborg-2026"} <= rulesets
    assert all(c.xfail is None or re.match(r"[A-Z]{3}-\d", c.xfail) for pf in policies for c in pf.cases)


# -- The pytest plugin


def test_the_pytest_plugin_collects_one_item_per_case(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".policy.yaml",
        x=HEAD
        + PASSING
        + FAILING
        + '  - name: known\n    xfail: "QRM-3: for the test"\n    meeting: {present: ordinary}\n'
        "    expect: {served: 1}\n" + MATTER,
    )
    result = pytester.runpytest("-p", "samverkan.pytest_plugin", "-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(passed=2, failed=1, xfailed=1)
    result.stdout.fnmatch_lines(
        [
            "*UNDERKÄNT x.policy.yaml: fails*",
            "*punkt 1: served: förväntat 15, faktiskt 14*",
        ]
    )
    english = pytester.runpytest(
        "-p", "samverkan.pytest_plugin", "-p", "no:cacheprovider", "--policy-lang", "en"
    )
    english.stdout.fnmatch_lines(["*item 1: served: expected 15, got 14*"])


def test_the_pytest_plugin_reports_a_malformed_file_as_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".policy.yaml", x=HEAD + "  - name: a\n    meeting: {present: ordinary}\n    expect: {servd: 1}\n"
    )
    result = pytester.runpytest("-p", "samverkan.pytest_plugin", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*case 'a': expect.servd: unknown key (did you mean 'served'?)*"])
