"""Simulated meetings and sweeps: how often is the samråd quorate, and what comes of an item, when
attendance is uncertain (QRM-2, QRM-3, QRM-6, CNS-2, CNS-3).

``simulate`` draws meetings at random (PCG, one stream per block of 64 meetings, so the same seed gives
the same answer whatever the thread count) and decides each first item with the meeting kernel. It also
covers what the exact risk cannot: correlated absences (``clashes``: a group of seats away together, such
as a body's calendar clash) and objections. ``sweep`` runs it over a grid of attendance rates and
meeting parameters, on this machine or on a Dask cluster.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import _core
from .batch import OUTCOMES

if TYPE_CHECKING:
    # pandas ships no type information; with pandas-stubs installed the frame below is typed.
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

#: The z value of a two-sided 95 % interval.
Z95 = 1.959963984540054


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for k successes in n trials (95 % by default)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def attendance_per_seat(
    ruleset: _core.Ruleset,
    forum: str,
    attendance: float | Mapping[str, float] | Sequence[float] | Any,
    substitute_attendance: float | None = None,
    known_absent: Iterable[str] = (),
) -> list[float]:
    """The probability each seat of the forum is present, in seat order, read exactly as
    quorum_probability reads its arguments (one number, a dict naming the seats, or a sequence in seat
    order; ``substitute_attendance``; ``known_absent``: declared apologies, anmält förhinder)."""
    return _core.attendance_per_seat(ruleset, forum, attendance, substitute_attendance, tuple(known_absent))


@dataclass(frozen=True)
class Simulation:
    """What ``simulate`` found: the probability of each outcome with its 95 % interval, and the
    distribution of ordinary seats served."""

    n: int
    counts: dict[str, int]
    served_counts: tuple[int, ...]
    probabilities: dict[str, float] = field(init=False)
    intervals: dict[str, tuple[float, float]] = field(init=False)

    def __post_init__(self) -> None:
        n = max(self.n, 1)
        object.__setattr__(self, "probabilities", {k: c / n for k, c in self.counts.items()})
        object.__setattr__(self, "intervals", {k: wilson_interval(c, self.n) for k, c in self.counts.items()})

    @property
    def quorate(self) -> float:
        """The probability that the item is quorate (QRM-3)."""
        return 1.0 - self.probabilities["not_quorate"]

    @property
    def quorate_interval(self) -> tuple[float, float]:
        low, high = self.intervals["not_quorate"]
        return (1.0 - high, 1.0 - low)

    @property
    def served(self) -> tuple[float, ...]:
        """P(served == k) for k = 0 … ordinary seats."""
        n = max(self.n, 1)
        return tuple(c / n for c in self.served_counts)

    @property
    def expected_served(self) -> float:
        """The expected number of ordinary seats served."""
        return sum(k * p for k, p in enumerate(self.served))

    def __repr__(self) -> str:
        lo, hi = self.quorate_interval
        return (
            f"<Simulation of {self.n} meetings: quorate {self.quorate:.4f} (95 % {lo:.4f}–{hi:.4f}), "
            f"expected served {self.expected_served:.2f}>"
        )


def simulate(
    ruleset: _core.Ruleset,
    forum: str = "politiskt_samrad",
    attendance: float | Mapping[str, float] | Sequence[float] | Any = 0.9,
    objection: float = 0.0,
    n: int = 10_000_000,
    seed: int = 0,
    threads: int | None = None,
    *,
    substitute_attendance: float | None = None,
    known_absent: Iterable[str] = (),
    clashes: Iterable[tuple[Iterable[str], float]] = (),
    referrals: int = 0,
) -> Simulation:
    """Simulates ``n`` meetings of the forum and decides each one's first item.

    ``attendance``, ``substitute_attendance`` and ``known_absent`` are as for quorum_probability;
    ``clashes`` are groups of seats away together with a probability, on top of the independent draws;
    ``objection`` is the probability that a serving member objects to the item (CNS-2), and ``referrals``
    how often it was referred back before (CNS-3). Probabilities are used to 2⁻¹⁶.

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> s = samverkan.simulate(rs, attendance=0.55, n=100_000, seed=1)
    >>> round(s.quorate, 2), s.n
    (0.98, 100000)
    """
    if not isinstance(n, int) or n < 0:
        raise _core.ArgumentError(f"n must be a whole number of meetings, 0 or more, not {n!r}")
    rates = attendance_per_seat(ruleset, forum, attendance, substitute_attendance, known_absent)
    groups = [([str(s) for s in seats], float(q)) for seats, q in clashes]
    raw = _core.simulate(
        ruleset, forum, rates, groups, float(objection), int(referrals), n, int(seed), threads
    )
    counts = dict(zip(OUTCOMES, raw["outcomes"], strict=True))
    return Simulation(n=raw["meetings"], counts=counts, served_counts=tuple(raw["served"]))


# ---- sweeps -----------------------------------------------------------------------------------------

#: Grid keys that are not meeting parameters.
POINT_KEYS = ("attendance", "substitute_attendance", "objection", "referrals")


@lru_cache(maxsize=64)
def _ruleset_for(text: str, origin: str, changes: tuple[tuple[str, Any], ...]) -> _core.Ruleset:
    rs = _core.load_string(text, origin)
    return rs.with_changes(dict(changes)) if changes else rs


def _sweep_point(task: tuple[Any, ...]) -> dict[str, Any]:
    """One grid point: plain data in, plain data out, so that a Dask worker can run it."""
    text, origin, forum, changes, point, n, seed, threads = task
    rs = _ruleset_for(text, origin, changes)
    s = simulate(
        rs,
        forum,
        attendance=point.get("attendance", 0.9),
        objection=point.get("objection", 0.0),
        n=n,
        seed=seed,
        threads=threads,
        substitute_attendance=point.get("substitute_attendance"),
        referrals=point.get("referrals", 0),
    )
    low, high = s.quorate_interval
    row: dict[str, Any] = {"quorate": s.quorate, "quorate_low": low, "quorate_high": high}
    row.update({f"p_{k}": v for k, v in s.probabilities.items()})
    row["expected_served"] = s.expected_served
    row["n"] = s.n
    return row


def sweep(
    ruleset: _core.Ruleset,
    forum: str = "politiskt_samrad",
    grid: Mapping[str, Sequence[Any]] | None = None,
    n: int = 1_000_000,
    seed: int = 0,
    threads: int | None = None,
    client: Any = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Runs simulate() over every combination of the grid's values; returns one row per combination.

    Keys are ``attendance``, ``substitute_attendance``, ``objection``, ``referrals`` and any change path of
    ``Ruleset.with_changes`` (``meeting.quorum``, ``meeting.substitution_scope``,
    ``rotation.pools.municipal-``, …), applied to a copy of the ruleset. Every point uses the same seed,
    so differences between points are not noise of the draw.
    With a Dask ``distributed.Client`` as ``client`` the points run on the cluster
    (``pip install samverkan[dask]``). A progress bar (tqdm) shows on long runs (``progress=None``: when
    there are more than 20 points or more than 10⁸ meetings in all).

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> grid = {"attendance": [0.6, 0.9], "meeting.quorum": ["more_than_half", "two_thirds"]}
    >>> df = samverkan.sweep(rs, grid=grid, n=20_000, progress=False)
    >>> df[["attendance", "meeting.quorum"]].values.tolist()
    [[0.6, 'more_than_half'], [0.6, 'two_thirds'], [0.9, 'more_than_half'], [0.9, 'two_thirds']]
    >>> bool((df["quorate"].iloc[1] < df["quorate"].iloc[0]))
    True
    """
    from .frames import _pandas

    pd_ = _pandas()
    grid = dict(grid or {"attendance": [0.9]})
    for key in grid:
        if not isinstance(key, str):
            raise _core.ArgumentError(f"grid key {key!r}: use {', '.join(POINT_KEYS)} or a change path")
        if isinstance(grid[key], (str, bytes)) or not isinstance(grid[key], Iterable):
            raise _core.ArgumentError(f"grid[{key!r}] must be a list of values")
    text = ruleset.to_yaml()  # what a Dask worker reads the ruleset from
    keys = list(grid)
    combos = [dict(zip(keys, values, strict=True)) for values in itertools.product(*(grid[k] for k in keys))]
    tasks = []
    for combo in combos:
        changes = tuple(sorted((k, v) for k, v in combo.items() if k not in POINT_KEYS))
        point = {k: v for k, v in combo.items() if k in POINT_KEYS}
        try:  # refuses a bad path or value here, before any work
            _ruleset_for(text, ruleset.origin, changes)
        except _core.ChangeError as exc:
            if exc.path is not None and exc.path in grid and "unknown path" in str(exc):
                raise _core.ArgumentError(
                    f"grid key {exc.path!r}: neither {', '.join(POINT_KEYS)} nor a change path ({exc})"
                ) from None
            raise
        tasks.append((text, ruleset.origin, forum, changes, point, n, seed, threads))
    show = progress if progress is not None else (len(tasks) > 20 or len(tasks) * n > 10**8)
    rows: list[dict[str, Any]]
    if client is not None:
        futures = client.map(_sweep_point, tasks, pure=False)
        if show:
            import distributed
            from tqdm.auto import tqdm

            completed: Iterable[Any] = distributed.as_completed(futures)  # type: ignore[no-untyped-call, unused-ignore]
            for _ in tqdm(completed, total=len(futures), desc="sweep"):
                pass
        rows = client.gather(futures)
    else:
        iterable: Iterable[tuple[Any, ...]] = tasks
        if show:
            from tqdm.auto import tqdm

            iterable = tqdm(tasks, desc="sweep")
        rows = [_sweep_point(t) for t in iterable]
    return pd_.DataFrame([{**combo, **row} for combo, row in zip(combos, rows, strict=True)])
