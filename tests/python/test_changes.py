"""Policy changes: with_changes, change files, the timeline, diff, the schema table and the command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import samverkan
from samverkan import cli
from samverkan.changes import schema_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_a_parameter_change_returns_a_new_ruleset_and_leaves_the_original(rs2026: samverkan.Ruleset) -> None:
    changed = rs2026.with_changes({"meeting.quorum": "two_thirds", "rotation.vice_succeeds": False})
    assert changed.meeting["quorum"] == "two_thirds"
    assert changed.rotation_parameters["vice_succeeds"] is False
    assert changed.quorum_threshold() == 10
    assert rs2026.meeting["quorum"] == "more_than_half"
    assert rs2026.rotation_parameters["vice_succeeds"] is True
    assert rs2026.quorum_threshold() == 8
    assert changed.id == "goteborg-2026/changed"


def test_every_parameter_of_the_schema_can_be_addressed(rs2026: samverkan.Ruleset) -> None:
    for field in samverkan.schema_fields():
        if not field["parameter"]:
            continue
        path = field["path"]
        head, _, key = path.partition(".")
        view = rs2026.meeting if head == "meeting" else rs2026.rotation_parameters
        for part in key.split("."):
            view = view[part]
        # Writing the current value back changes nothing but the id.
        value = view.isoformat() if isinstance(view, dt.date) else view
        again = rs2026.with_changes({path: value})
        assert [d.path for d in samverkan.diff(rs2026, again)] == ["id"], path


def test_an_unknown_path_is_refused_with_the_nearest_valid_paths(rs2026: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ChangeError, match=r"did you mean 'meeting\.quorum'") as info:
        rs2026.with_changes({"meeting.quorom": "two_thirds"})
    assert info.value.path == "meeting.quorom"
    assert isinstance(info.value, samverkan.Error)
    with pytest.raises(samverkan.ChangeError, match=r"'rotation\.vice_succeeds'"):
        rs2026.with_changes({"rotation.vice_succeds": True})
    with pytest.raises(samverkan.ChangeError, match=r"there is no item 'molndall'.*'bodies\.molndal"):
        rs2026.with_changes({"bodies.molndall.name": "x"})


def test_a_wrong_value_names_the_change_and_the_rule(rs2026: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.ChangeError, match="QRM-3") as info:
        rs2026.with_changes({"meeting.quorum": "half"})
    assert info.value.path == "meeting.quorum"
    with pytest.raises(samverkan.ChangeError, match="between 1 and 20"):
        rs2026.with_changes({"rotation.term_years": 0})
    with pytest.raises(samverkan.ArgumentError, match="not text, a number"):
        rs2026.with_changes({"meeting.quorum": {1, 2}})
    with pytest.raises(samverkan.ArgumentTypeError, match="mapping of path"):
        rs2026.with_changes(["meeting.quorum"])  # type: ignore[arg-type]


def test_a_broken_structure_is_refused_with_every_rule_and_nothing_is_applied(
    rs2026: samverkan.Ruleset,
) -> None:
    before = rs2026.to_yaml()
    with pytest.raises(samverkan.ChangeError) as info:
        rs2026.with_changes(
            {"meeting.quorum": "two_thirds", "forums.politiskt_samrad.seats.ockero/ord": None}
        )
    # The substitute has no ordinary seat to stand in for (QRM-2), the rotation's pool names a body
    # without a seat (CMP-5): both are reported.
    assert info.value.rules == ["QRM-2", "CMP-5"]
    assert len(info.value.problems) == 2
    assert rs2026.to_yaml() == before


def test_seats_bodies_and_pool_members_are_added_and_removed(rs2026: samverkan.Ruleset) -> None:
    n = len(rs2026.seats("politiskt_samrad"))
    out = rs2026.with_changes(
        {
            "forums.politiskt_samrad.seats.ockero/ord": None,
            "forums.politiskt_samrad.seats.ockero/ers": None,
            "rotation.pools.municipal-": "ockero",
        }
    )
    assert len(out.seats("politiskt_samrad")) == n - 2
    assert "ockero" not in out.rotation_parameters["pools"]["municipal"]
    assert out.quorum_threshold() == 8  # 14 ordinary seats: more than half is 8

    kungalv = {"name": "Kungälvs kommun", "side": "municipal"}
    grown = rs2026.with_changes(
        {
            "parties.kungalv": kungalv,
            "bodies.kungalv": {"name": "Kungälvs kommun", "party": "kungalv", "kind": "municipality"},
            "forums.politiskt_samrad.seats+": [
                {"id": "kungalv/ord", "kind": "ordinary", "body": "kungalv"},
                {"id": "kungalv/ers", "kind": "substitute", "body": "kungalv"},
            ],
            "rotation.pools.municipal+": "kungalv",
        }
    )
    assert [s.id for s in grown.seats("politiskt_samrad")][-2:] == ["kungalv/ord", "kungalv/ers"]
    assert grown.rotation_parameters["pools"]["municipal"][-1] == "kungalv"
    assert grown.quorum_threshold() == 9  # 16 ordinary seats


def test_relations_change_through_list_operations(rs2026: samverkan.Ruleset) -> None:
    supports = [e for e in rs2026.structure.edges() if e.type == "supports"]
    out = rs2026.with_changes({"relations-": {"type": "supports", "from": "samverkanskontoret"}})
    assert not [e for e in out.structure.edges() if e.type == "supports"]
    assert supports
    with pytest.raises(samverkan.ChangeError, match="nothing in 'relations' matches"):
        rs2026.with_changes({"relations-": {"type": "supports", "from": "nobody"}})
    with pytest.raises(samverkan.ChangeError, match=r"relations\+' or '-'"):
        rs2026.with_changes({"relations.0": "x"})


def test_change_files_are_read_with_their_metadata(tmp_path: Path) -> None:
    cs = samverkan.load_changes(ROOT / "docs" / "examples" / "quorum-two-thirds.yaml")
    assert cs.name == "quorum-two-thirds"
    assert cs.effective == dt.date(2027, 1, 1)
    assert cs.changes == {"meeting.quorum": "two_thirds"}
    assert cs.description and cs.rationale
    bad = tmp_path / "bad.yaml"
    bad.write_text("samverkan_changes: 1\nname: x\nchange: {}\n", encoding="utf-8")
    with pytest.raises(samverkan.RulesetError, match="did you mean 'changes'") as info:
        samverkan.load_changes(bad)
    assert info.value.path == str(bad) and info.value.line == 3
    bad.write_text("samverkan_changes: 1\nname: x\nchanges:\n  meeting.quorom: 9\n", encoding="utf-8")
    with pytest.raises(samverkan.ChangeError, match=r"bad\.yaml:4:3|meeting\.quorum"):
        samverkan.load_default("2026-03-13").with_changes(samverkan.load_changes(bad))


def test_values_keep_their_types_through_a_change_file() -> None:
    cs = samverkan.load_changes_string(
        "samverkan_changes: 1\nname: t\nchanges:\n  a: true\n  b: 9\n  c: '9'\n  d: [x, y]\n  e: ~\n"
        "  f: {k: v}\n  g: 2028-01-01\n"
    )
    assert cs.changes == {
        "a": True,
        "b": 9,
        "c": "9",
        "d": ["x", "y"],
        "e": None,
        "f": {"k": "v"},
        "g": "2028-01-01",
    }


def test_a_dated_change_takes_effect_on_its_day_in_a_timeline(rs2026: samverkan.Ruleset) -> None:
    cs = samverkan.load_changes(ROOT / "docs" / "examples" / "quorum-two-thirds.yaml")
    timeline = samverkan.Timeline().with_changes(cs)
    assert [v.id for v in timeline.versions] == [
        "goteborg-2016",
        "goteborg-2026",
        "goteborg-2026/quorum-two-thirds",
    ]
    assert timeline.load("2026-12-31").quorum_threshold() == 8
    assert timeline.load("2026-12-31").valid_to == dt.date(2026, 12, 31)
    assert timeline.load("2027-01-01").quorum_threshold() == 10
    assert timeline.load("2020-01-01").id == "goteborg-2016"
    with pytest.raises(samverkan.NoRulesetInForce):
        timeline.load("2015-01-01")
    assert rs2026.valid_to is None  # the embedded version is untouched
    later = rs2026.with_changes(cs)
    assert later.valid_from == dt.date(2027, 1, 1)
    with pytest.raises(samverkan.ArgumentError, match="§ 0"):
        rs2026.with_changes({"meeting.quorum": 9}, effective="2020-01-01")
    with pytest.raises(samverkan.ArgumentError, match="no effective date"):
        samverkan.Timeline().with_changes({"meeting.quorum": 9})


def test_to_yaml_round_trips(rs2016: samverkan.Ruleset, rs2026: samverkan.Ruleset) -> None:
    for rs in (rs2016, rs2026):
        text = rs.to_yaml()
        again = samverkan.load_string(text, "again.yaml")
        assert again.to_yaml() == text
        assert len(samverkan.diff(rs, again)) == 0


def test_diff_of_the_embedded_rulesets_shows_the_real_differences(
    rs2016: samverkan.Ruleset, rs2026: samverkan.Ruleset
) -> None:
    d = samverkan.diff(rs2016, rs2026)
    by_path = {x.path: x for x in d}
    # Themes: Mitt i livet went, rehabilitering/habilitering came, the criteria follow THM-3.
    assert by_path["forums.tema_mitt_i_livet"].kind == "removed"
    assert by_path["forums.tema_rehab_hab"].kind == "added"
    assert (
        by_path["forums.tema_aldre.theme.rule"].before,
        by_path["forums.tema_aldre.theme.rule"].after,
    ) == (
        "THM-1",
        "THM-3",
    )
    # The presidium also leads LGS in 2026 (ROT-5).
    offices = [x for x in d if x.path == "forums.politiskt_presidium.offices"]
    assert {x.kind for x in offices} == {"added"} and len(offices) == 2
    # The LGS beredningsgrupp is the styrgrupp.
    assert by_path["forums.lgs_beredning.name"].after == "LGS styrgrupp"
    # Support forums: samverkanskontoret by name, and its support edges (STR-6).
    assert by_path["forums.samverkanskontoret.name"].after == "Samverkanskontoret"
    assert any(x.section == "relations" and x.rule == "STR-6" and x.kind == "added" for x in d)
    # Focus areas of the samverkansplan (PLN-1).
    assert by_path["plan.focus_areas.halsa"].section == "plan"
    assert d.sections()["themes"] >= 5
    # Nothing appears twice, and an added item's keys are not listed again one by one.
    assert not [x for x in d if x.path.startswith("forums.tema_rehab_hab.")]
    frame = d.to_frame()
    assert list(frame.columns) == list(samverkan.changes.COLUMNS)
    assert len(frame) == len(d)


def test_diff_renders_in_swedish_and_english(rs2026: samverkan.Ruleset) -> None:
    changed = rs2026.with_changes({"meeting.quorum": "two_thirds"})
    d = samverkan.diff(rs2026, changed)
    sv = d.to_markdown()
    en = d.to_markdown(lang="en")
    assert "| `meeting.quorum` | parametrar | ändrad | `more_than_half` | `two_thirds` | QRM-3 |" in sv
    assert "| `meeting.quorum` | parameters | changed | `more_than_half` | `two_thirds` | QRM-3 |" in en
    assert "ändrad: meeting.quorum: more_than_half → two_thirds [QRM-3]" in d.to_text()
    assert "Inga skillnader." in samverkan.diff(rs2026, rs2026).to_markdown()
    with pytest.raises(samverkan.ArgumentError):
        d.to_markdown(lang="de")


def test_the_schema_page_shows_the_schema_table() -> None:
    page = (ROOT / "docs" / "ruleset-schema.md").read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- schema: (\S+) -->\n(.*?)<!-- /schema -->", page, flags=re.S)
    assert len(blocks) >= 20
    for parent, table in blocks:
        assert table == schema_markdown("" if parent == "(top)" else parent), parent
    # Every mapping of the schema has its table on the page.
    shown = {p for p, _ in blocks}
    for field in samverkan.schema_fields():
        if field["type"] == "section" and field["path"] not in ("meeting.remote",) or field["type"] == "list":
            assert field["path"] in shown, field["path"]


def test_cli_diff(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["diff", "goteborg-2016", "goteborg-2026"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Skillnader mellan goteborg-2016 och goteborg-2026")
    assert "ändrad: forums.lgs_beredning.name: LGS Beredningsgrupp → LGS styrgrupp" in out
    assert cli.main(["diff", "goteborg-2016", "goteborg-2026", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"path": "forums.tema_mitt_i_livet", "kind": "removed"}.items() <= rows[
        [r["path"] for r in rows].index("forums.tema_mitt_i_livet")
    ].items()
    assert cli.main(["diff", "goteborg-2016", "no-such.yaml"]) == 2


def test_cli_impact(capsys: pytest.CaptureFixture[str]) -> None:
    change = str(ROOT / "docs" / "examples" / "quorum-two-thirds.yaml")
    assert cli.main(["impact", change, "--rows", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Ändring: quorum-two-thirds")
    assert "| `meeting.quorum` | parametrar | ändrad | `more_than_half` | `two_thirds` | QRM-3 |" in out
    assert "9949 scenarier prövade; 5005 avgörs olika." in out
    assert cli.main(["impact", change, "--rows", "1", "--lang", "en"]) == 0
    assert "# Change: quorum-two-thirds" in capsys.readouterr().out


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema", "--section", "meeting"]) == 0
    out = capsys.readouterr().out
    assert (
        "| `quorum` | name `more_than_half`, `two_thirds`, or an integer 1–10000 | `more_than_half` |" in out
    )
    assert cli.main(["schema", "--format", "json"]) == 0
    fields = json.loads(capsys.readouterr().out)
    assert {f["path"] for f in fields} >= {
        "meeting.quorum",
        "rotation.pools.municipal",
        "forums.*.seats.*.kind",
    }
    assert cli.main(["schema", "--section", "nothing"]) == 2


def test_sweep_takes_any_change_path(rs2026: samverkan.Ruleset) -> None:
    grid = {"attendance": [0.7], "rotation.vice_succeeds": [True, False]}
    df = samverkan.sweep(rs2026, grid=grid, n=2_000, progress=False)
    assert df["rotation.vice_succeeds"].tolist() == [True, False]
    with pytest.raises(samverkan.ArgumentError, match="grid key 'atendance'"):
        samverkan.sweep(rs2026, grid={"atendance": [0.5]}, n=10)
