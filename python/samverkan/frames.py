"""pandas views of a ruleset for analysts: seats, forums and the structure's edges.

pandas is imported only when a frame is asked for (``pip install samverkan[frames]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._core import Ruleset

if TYPE_CHECKING:
    # pandas ships no type information; with pandas-stubs installed the frames below are typed.
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("samverkan.frames needs pandas: pip install 'samverkan[frames]'") from None
    return pandas


def seats_frame(ruleset: Ruleset, forum_id: str = "politiskt_samrad") -> pd.DataFrame:
    """One row per seat, indexed by the seat's dense index (0…n-1)."""
    rows = [
        {"index": s.index, "seat": s.id, "kind": s.kind, "body": s.body, "party": s.party, "side": s.side}
        for s in ruleset.seats(forum_id)
    ]
    frame: pd.DataFrame = _pandas().DataFrame(rows)
    return frame.set_index("index")


def forums_frame(ruleset: Ruleset) -> pd.DataFrame:
    """One row per forum: id, name, level, seat counts and the theme label where there is one."""
    rows = [
        {
            "forum": f.id,
            "name": f.name,
            "level": f.level,
            "ordinary_seats": f.count("ordinary"),
            "substitute_seats": f.count("substitute"),
            "theme": f.theme["label"] if f.theme is not None else None,
        }
        for f in ruleset.forums
    ]
    frame: pd.DataFrame = _pandas().DataFrame(rows)
    return frame.set_index("forum")


def edges_frame(ruleset: Ruleset) -> pd.DataFrame:
    """One row per edge of the structure graph: source, type, target and the rule that puts it there."""
    rows = [
        {"source": e.source, "type": e.type, "target": e.target, "rule": e.rule}
        for e in ruleset.structure.edges()
    ]
    frame: pd.DataFrame = _pandas().DataFrame(rows)
    return frame
