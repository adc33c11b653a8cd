"""The samråd's attendance risk from Python: ``samverkan.quorum_probability(...)`` side by side with a
straightforward pure-Python dynamic programme of the same rules, on the same inputs.

Each input gives every seat its own probability of being present (drawn between 0.5 and 1), and in one
input out of four a seat has sent apologies (anmält förhinder, probability 0). The pure-Python programme
groups the seats by substitution scope once (QRM-2: a group serves min(#ordinary, #ordinary present +
#substitutes present) seats), then per input convolves the groups' distributions and sums P(quorate)
(QRM-3, with both sides present when the ruleset asks). The two must agree to 1e-12 on every input; the
script prints the time per input of each and their ratio, measured in the same run (best of three passes):

    python benchmarks/bench_risk.py [--inputs N]

A ratio `pure_python_dp / samverkan` of 20 or more is the aim.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence

from timing import best_time

import samverkan

FORUM = "politiskt_samrad"
SCOPE_KEY = {"same_body": "body", "same_party": "party", "same_side": "side"}
Figures = tuple[float, list[float]]


class PureDP:
    """P(quorate) and P(served == k) by a dynamic programme over the substitution groups, in plain Python."""

    def __init__(self, rs: samverkan.Ruleset, forum: str = FORUM) -> None:
        seats = rs.seats(forum)
        key = SCOPE_KEY[rs.meeting["substitution_scope"]]
        groups: dict[str, tuple[list[int], list[int], int]] = {}
        for s in seats:
            side = 1 if s.side == "municipal" else 2
            ordinary, substitutes, _ = groups.setdefault(getattr(s, key), ([], [], side))
            (ordinary if s.kind == "ordinary" else substitutes).append(s.index)
        self.groups = [g for g in groups.values() if g[0]]
        self.ordinary_seats = sum(len(g[0]) for g in self.groups)
        self.threshold = rs.quorum_threshold()
        self.both_sides = bool(rs.meeting["quorum_both_sides_present"])

    @staticmethod
    def counts(probabilities: list[float], cap: int) -> list[float]:
        """P(k present) for k = 0 … cap, with cap or more lumped at cap."""
        out = [1.0] + [0.0] * cap
        for q in probabilities:
            for k in range(cap - 1, -1, -1):
                moved = out[k] * q
                out[k] -= moved
                out[k + 1] += moved
        return out

    def served(self, p: Sequence[float], ordinary: list[int], substitutes: list[int]) -> list[float]:
        """QRM-2: P(the group serves j seats): min(#ordinary, #ordinary present + #substitutes present)."""
        n = len(ordinary)
        present = self.counts([p[i] for i in ordinary], n)
        standing_in = self.counts([p[i] for i in substitutes], n)
        group = [0.0] * (n + 1)
        for a, x in enumerate(present):
            for b, y in enumerate(standing_in):
                group[min(n, a + b)] += x * y
        return group

    def __call__(self, p: Sequence[float]) -> Figures:
        if self.both_sides:
            return self.with_sides(p)
        dist = [1.0]  # P(k ordinary seats served so far)
        for ordinary, substitutes, _ in self.groups:
            group = self.served(p, ordinary, substitutes)
            new = [0.0] * (len(dist) + len(group) - 1)
            for k, x in enumerate(dist):
                for j, y in enumerate(group):
                    new[k + j] += x * y
            dist = new
        return sum(dist[self.threshold :]), dist

    def with_sides(self, p: Sequence[float]) -> Figures:
        """The same, tracking which sides serve (bits 1 and 2) for quorum both_sides_present (QRM-3)."""
        dist = [[1.0, 0.0, 0.0, 0.0]]
        for ordinary, substitutes, side in self.groups:
            group = self.served(p, ordinary, substitutes)
            new = [[0.0] * 4 for _ in range(len(dist) + len(group) - 1)]
            for k, row in enumerate(dist):
                for j, y in enumerate(group):
                    target = new[k + j]
                    for sides, x in enumerate(row):
                        target[sides | side if j else sides] += x * y
            dist = new
        return sum(row[3] for row in dist[self.threshold :]), [sum(row) for row in dist]


def inputs(rs: samverkan.Ruleset, n: int, seed: int = 0) -> list[list[float]]:
    rng = random.Random(seed)
    seats = len(rs.seats(FORUM))
    out = []
    for _ in range(n):
        p = [rng.uniform(0.5, 1.0) for _ in range(seats)]
        if rng.random() < 0.25:
            p[rng.randrange(seats)] = 0.0
        out.append(p)
    return out


def engine(rs: samverkan.Ruleset) -> Callable[[list[float]], Figures]:
    def run(p: list[float]) -> Figures:
        r = samverkan.quorum_probability(rs, FORUM, attendance=p)
        return r.quorate, r.distribution

    return run


def agree(a: Figures, b: Figures) -> bool:
    return abs(a[0] - b[0]) <= 1e-12 and all(abs(x - y) <= 1e-12 for x, y in zip(a[1], b[1], strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--inputs", type=int, default=5_000)
    args = parser.parse_args(argv)
    rs = samverkan.load_default("2026-03-13")
    items = inputs(rs, args.inputs)
    pure, ours = PureDP(rs), engine(rs)
    disagree = [p for p in items if not agree(pure(p), ours(p))]
    if disagree:
        print(f"{len(disagree)} inputs disagree; the first: {disagree[0]}")
        print(f"  pure Python: {pure(disagree[0])}\n  samverkan:   {ours(disagree[0])}")
        return 1
    t_pure, t_ours = best_time(pure, items), best_time(ours, items)
    print(f"{len(items)} attendance inputs of the samråd, figures agree to 1e-12 on every one")
    print(f"pure-Python DP                   {t_pure * 1e6:8.2f} µs per input")
    print(f"samverkan.quorum_probability     {t_ours * 1e6:8.2f} µs per input")
    print(f"ratio pure_python_dp / samverkan: {t_pure / t_ours:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
