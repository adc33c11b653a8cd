"""The structure graph (STR-1 … STR-9, CNS-5) through Python."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import samverkan


def test_forums_by_level(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    s = rs2026.structure
    assert s.forums("political") == ["politiskt_samrad", "politiskt_presidium"]
    assert s.forums("strategic") == ["lgs", "lgs_beredning"]
    assert s.forums("operational") == [
        "tema_barn_unga",
        "tema_psykiatri",
        "tema_rehab_hab",
        "tema_aldre",
        "nosam",
    ]
    assert s.forums("support") == ["samverkanskontoret", "arbetsgrupper"]
    assert len(s.forums()) == 11
    assert "tema_mitt_i_livet" in rs2016.structure.forums("operational")
    assert "nosam" not in rs2016.structure.forums()


def test_unknown_level_is_a_value_error(rs2026: samverkan.Ruleset) -> None:
    with pytest.raises(ValueError, match="political"):
        rs2026.structure.forums("national")


def test_STR1_preparers_of_samrad(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    for rs in (rs2016, rs2026):
        assert rs.structure.preparers_of("politiskt_samrad") == [
            "lgs",
            "lgs_beredning",
            "politiskt_presidium",
        ]


def test_STR2_styrgrupp_prepares_for_lgs(rs2026: samverkan.Ruleset) -> None:
    assert rs2026.structure.preparers_of("lgs") == ["lgs_beredning"]


def test_STR3_handlingsplan_decider(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    assert rs2026.structure.action_plan_decider() == "lgs"
    assert rs2016.structure.action_plan_decider() is None  # 003 names no handlingsplan


def test_STR3_handlingsplan_decider_must_be_a_forum(changed: Callable[[str, str], samverkan.Ruleset]) -> None:
    with pytest.raises(samverkan.RulesetError, match="unknown forum 'su'") as info:
        changed("action_plan: {decided_by: lgs}", "action_plan: {decided_by: su}")
    assert (info.value.key, info.value.rule) == ("plan.action_plan.decided_by", "STR-3")


def test_CNS5_thirteen_adopters(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    for rs in (rs2016, rs2026):
        adopters = rs.structure.adopters_of("politiskt_samrad")
        assert len(adopters) == 13
        assert set(adopters) == {b.id for b in rs.bodies}


@pytest.mark.parametrize(
    "theme", ["tema_barn_unga", "tema_psykiatri", "tema_rehab_hab", "tema_aldre", "nosam"]
)
def test_STR4_STR8_question_from_theme_group_reaches_samrad(rs2026: samverkan.Ruleset, theme: str) -> None:
    assert rs2026.structure.path(theme, "politiskt_samrad") == [theme, "lgs", "politiskt_samrad"]


def test_path_edge_cases(rs2026: samverkan.Ruleset) -> None:
    s = rs2026.structure
    assert s.path("lgs", "lgs") == ["lgs"]
    assert s.path("su", "politiskt_samrad") == ["su", "politiskt_samrad"]
    assert s.path("politiskt_samrad", "tema_aldre") == []  # questions travel upward only
    assert s.reaches("arbetsgrupper", "politiskt_samrad")
    with pytest.raises(samverkan.UnknownId, match="did you mean 'tema_aldre'"):
        s.path("tema_aldr", "lgs")


def test_validate_and_edges(rs2026: samverkan.Ruleset) -> None:
    s = rs2026.structure
    assert s.validate() == []
    represented = [e for e in s.edges() if e.type == "represented_in"]
    assert len(represented) == 13
    assert {e.rule for e in represented if e.source == "su"} == {"CMP-1"}
    assert {e.rule for e in represented if e.source == "goteborg"} == {"CMP-2"}
    assert all(e.target == "politiskt_samrad" for e in represented)


def test_STR9_anchoring(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    for rs in (rs2016, rs2026):
        s = rs.structure
        anchoring = s.anchoring("politiskt_samrad")
        assert anchoring == list(dict.fromkeys(seat.body for seat in rs.seats("politiskt_samrad")))
        assert len(anchoring) == 13
        assert s.anchoring("lgs") == []  # LGS's members are not modelled as seats
        anchors = [e for e in s.edges() if e.type == "anchors_in"]
        assert {e.rule for e in anchors} == {"STR-9"}
        assert {(e.source, e.target) for e in anchors} == {
            (e.target, e.source) for e in s.edges() if e.type == "represented_in"
        }
    with pytest.raises(samverkan.UnknownId):
        rs2026.structure.anchoring("samradet")


def test_STR9_anchors_in_cannot_be_written(changed: Callable[[str, str], samverkan.Ruleset]) -> None:
    with pytest.raises(samverkan.RulesetError, match="anchors_in relations come from the forum") as info:
        changed(
            "{rule: STR-5, type: appoints, from: lgs, to: arbetsgrupper}",
            "{rule: STR-9, type: anchors_in, from: lgs, to: su}",
        )
    assert (info.value.key, info.value.rule) == ("relations[3].type", "STR-9")


def test_CMP5_who_appoints_which_office(rs2026: samverkan.Ruleset, rs2016: samverkan.Ruleset) -> None:
    for rs in (rs2016, rs2026):
        s = rs.structure
        assert s.appointer_of("politiskt_samrad", "chair") == ("politiskt_samrad", "CMP-5")
        assert s.appointer_of("politiskt_samrad", "vice_chair") == ("politiskt_samrad", "CMP-5")
        assert s.appointer_of("lgs", "chair") is None  # the sources do not say who elects LGS's presidium
    # 2026 (ROT-5): the politiskt presidium holds LGS's offices too; the samråd does not appoint it whole.
    appoints = {(e.source, e.target) for e in rs2026.structure.edges() if e.type == "appoints"}
    assert ("politiskt_samrad", "politiskt_presidium") not in appoints
    assert ("lgs", "arbetsgrupper") in appoints  # STR-5
    assert ("politiskt_samrad", "politiskt_presidium") in {
        (e.source, e.target) for e in rs2016.structure.edges() if e.type == "appoints"
    }
    with pytest.raises(samverkan.ArgumentError, match="role must be chair or vice_chair, not 'secretary'"):
        rs2026.structure.appointer_of("lgs", "secretary")


def test_to_dot(rs2026: samverkan.Ruleset) -> None:
    dot = rs2026.structure.to_dot()
    assert dot.startswith("digraph")
    for forum in rs2026.structure.forums():
        assert f'id="{forum}"' in dot
    assert 'label="prepares_for STR-1"' in dot
    assert 'label="anchors_in STR-9", style=dashed, constraint=false' in dot
