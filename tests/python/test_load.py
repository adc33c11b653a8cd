"""Loading rulesets: the embedded versions (§ 0), files, dates, and the Ruleset surface."""

from __future__ import annotations

import datetime as dt

import pytest

import samverkan


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2016-01-01", "goteborg-2016"),
        ("2020-06-01", "goteborg-2016"),
        (dt.date(2025, 12, 31), "goteborg-2016"),
        (dt.datetime(2026, 1, 1, 12, 30), "goteborg-2026"),
        ("2040-06-01", "goteborg-2026"),
    ],
)
def test_load_default_picks_version_in_force(on: object, expected: str) -> None:
    assert samverkan.load_default(on).id == expected  # type: ignore[arg-type]


def test_load_default_today_is_the_2026_version() -> None:
    rs = samverkan.load_default()
    assert rs.in_force_on(dt.date.today())
    assert rs.id == "goteborg-2026"


def test_date_before_any_version_is_an_error() -> None:
    with pytest.raises(samverkan.NoRulesetInForce, match="2015-12-31") as info:
        samverkan.load_default("2015-12-31")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, samverkan.Error)


@pytest.mark.parametrize("bad", ["2025-02-30", "13/03/2026", "", "yesterday"])
def test_bad_date_text_is_a_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        samverkan.load_default(bad)


def test_bad_date_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        samverkan.load_default(20260313)  # type: ignore[arg-type]


def test_ruleset_attributes(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    assert rs2026.valid_from == dt.date(2026, 1, 1)
    assert rs2026.valid_to is None
    assert rs2016.valid_from == dt.date(2016, 1, 1)
    assert rs2016.valid_to == dt.date(2025, 12, 31)
    assert isinstance(rs2026.valid_from, dt.date)
    assert rs2026.origin == "goteborg-2026.yaml (embedded)"
    assert [s["id"] for s in rs2026.sources] == ["000", "003"]
    assert [s["id"] for s in rs2016.sources] == ["003"]
    assert "goteborg-2026" in repr(rs2026)
    assert rs2026.plan_period == (dt.date(2026, 1, 1), dt.date(2029, 12, 31))
    assert rs2016.plan_period is None


def test_assumptions_mark_the_defaults(rs2016: samverkan.Ruleset) -> None:
    keys = {a["key"] for a in rs2016.assumptions}
    assert "valid_from" in keys  # § 0: 2016-01-01 is a default, marked as such


def test_CMP3_samrad_composition(rs2026: samverkan.Ruleset) -> None:
    seats = rs2026.seats("politiskt_samrad")
    assert len(seats) == 27
    assert sum(s.kind == "ordinary" for s in seats) == 15
    assert sum(s.kind == "substitute" for s in seats) == 12
    assert [s.index for s in seats] == list(range(27))  # dense, in ruleset order
    assert rs2026.quorum_threshold() == 8  # QRM-3


def test_CMP1_each_vgr_body_has_ordinary_and_substitute(rs2026: samverkan.Ruleset) -> None:
    by_id = {s.id: s for s in rs2026.seats("politiskt_samrad")}
    for body in [
        "dn_goteborg",
        "dn_vastra",
        "regionhalsan",
        "narhalsan",
        "tandvard",
        "habilitering_halsa",
        "sjukhusen_i_vaster",
        "su",
    ]:
        assert by_id[f"{body}/ord"].kind == "ordinary"
        assert by_id[f"{body}/ers"].kind == "substitute"
        assert by_id[f"{body}/ord"].side == "region"
        assert by_id[f"{body}/ord"].party == "vgr"


def test_CMP2_municipal_seats_default_spread(rs2026: samverkan.Ruleset) -> None:
    by_id = {s.id: s for s in rs2026.seats("politiskt_samrad")}
    for i in (1, 2, 3):
        seat = by_id[f"goteborg/ord{i}"]
        assert (seat.kind, seat.body, seat.party, seat.side) == (
            "ordinary",
            "goteborg",
            "goteborg",
            "municipal",
        )
    assert not any(s.startswith("goteborg/ers") for s in by_id)
    for m in ["molndal", "harryda", "partille", "ockero"]:
        assert by_id[f"{m}/ord"].kind == "ordinary"
        assert by_id[f"{m}/ers"].kind == "substitute"
    municipal = [s for s in by_id.values() if s.side == "municipal"]
    assert len(municipal) == 11 and sum(s.kind == "substitute" for s in municipal) == 4


def test_bodies_and_parties(rs2026: samverkan.Ruleset) -> None:
    kinds = {b.id: b.kind for b in rs2026.bodies}
    assert kinds["dn_goteborg"] == kinds["dn_vastra"] == "purchaser"
    assert kinds["su"] == "provider"
    assert kinds["goteborg"] == "municipality"
    assert {p.id: p.side for p in rs2026.parties}["vgr"] == "region"
    assert rs2026.body("su").name == "Styrelsen för Sahlgrenska Universitetssjukhuset"


def test_parameters_carry_the_spec_defaults(rs2026: samverkan.Ruleset) -> None:
    m = rs2026.meeting
    assert m["substitution_scope"] == "same_body"  # QRM-2
    assert m["quorum"] == "more_than_half"  # QRM-3
    assert m["remote"] == {"allowed": True, "chair_on_site": True}  # QRM-7
    assert m["consensus"] == "no_objection"  # CNS-2
    assert m["max_referrals"] == 1 and m["on_no_consensus"] == "refer_back"  # CNS-3
    r = rs2026.rotation_parameters
    assert r["anchor"] == dt.date(2015, 1, 1) and r["first_holder"] == "goteborg"  # ROT-6
    assert r["pools"]["municipal"] == ["goteborg", "molndal", "harryda", "partille", "ockero"]  # ROT-3a
    assert r["lgs_coordination"] == "same_side"  # ROT-4


def test_THM1_THM2_themes_differ_between_versions(
    rs2016: samverkan.Ruleset, rs2026: samverkan.Ruleset
) -> None:
    def labels(rs: samverkan.Ruleset) -> set[str]:
        return {f.theme["label"] for f in rs.forums if f.theme is not None}

    assert labels(rs2016) == {"Äldre", "Mitt i Livet", "Barn och unga", "Psykiatri"}
    assert labels(rs2026) == {"Äldre", "Rehabilitering/habilitering", "Barn och unga", "Psykiatri"}
    mitt = rs2016.forum("tema_mitt_i_livet").theme
    assert (mitt["min_age"], mitt["max_age"]) == (18, 64)


def test_PLN1_PLN3_plan(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    assert len(rs2026.focus_areas) == 2
    assert len(rs2026.equity_groups) == 4
    assert rs2016.focus_areas == [] and rs2016.equity_groups == []


def test_load_file_and_string_match_embedded(root, default_text: str) -> None:  # type: ignore[no-untyped-def]
    from_file = samverkan.load(root / "rulesets" / "goteborg-2026.yaml")
    assert from_file.origin.endswith("goteborg-2026.yaml")
    from_text = samverkan.load_string(default_text, "mine.yaml")
    assert from_text.origin == "mine.yaml"
    assert [s.id for s in from_file.seats("politiskt_samrad")] == [
        s.id for s in from_text.seats("politiskt_samrad")
    ]


def test_unknown_forum_in_seats_is_unknown_id(rs2026: samverkan.Ruleset) -> None:
    with pytest.raises(samverkan.UnknownId, match="did you mean 'politiskt_samrad'") as info:
        rs2026.seats("politiskt_samrod")
    assert isinstance(info.value, KeyError)
    assert info.value.id == "politiskt_samrod"
    assert str(info.value).startswith("unknown forum")


def test_embedded_versions() -> None:
    assert [r.id for r in samverkan.embedded_versions()] == ["goteborg-2016", "goteborg-2026"]


def test_rule_catalogue() -> None:
    ids = [r.id for r in samverkan.rules()]
    assert len(ids) == len(set(ids)) == 51
    qrm3 = samverkan.find_rule("QRM-3")
    assert qrm3 is not None and qrm3.law == "kommunallagen 6 kap. 27 §"
    assert "003_324ab1002b074ef9.txt" in samverkan.find_rule("CNS-3").source  # type: ignore[union-attr]
    assert samverkan.find_rule("NOPE-1") is None
