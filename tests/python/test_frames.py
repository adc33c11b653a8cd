"""pandas frames of a ruleset."""

from __future__ import annotations

import pytest

import samverkan

pd = pytest.importorskip("pandas")
from samverkan.frames import edges_frame, forums_frame, seats_frame  # noqa: E402


def test_seats_frame(rs2026: samverkan.Ruleset) -> None:
    df = seats_frame(rs2026)
    assert list(df.index) == list(range(27))
    assert (df["kind"] == "ordinary").sum() == 15
    assert df.groupby("side").size().to_dict() == {"municipal": 11, "region": 16}
    assert df.loc[0, "seat"] == "dn_goteborg/ord"


def test_forums_and_edges_frames(rs2016: samverkan.Ruleset) -> None:
    forums = forums_frame(rs2016)
    assert forums.loc["politiskt_samrad", "ordinary_seats"] == 15
    assert forums.loc["tema_mitt_i_livet", "theme"] == "Mitt i Livet"
    edges = edges_frame(rs2016)
    assert set(edges.columns) == {"source", "type", "target", "rule"}
    assert (edges["type"] == "adopts").sum() == 13
