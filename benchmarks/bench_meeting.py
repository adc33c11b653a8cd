"""One agenda item of the samråd per scenario, from Python: ``Meeting(...)`` + ``consider(...)`` side by
side with a straightforward pure-Python implementation of the same rules, on the same random scenarios.

Each scenario draws attendance (each seat present with probability 0.85), sometimes one objection
from a present ordinary member and, in half of them, birth dates for everyone present. The two must
reach the same outcome, served count and presiding member on every scenario; the script prints the
time per scenario of each and their ratio, measured in the same run (best of three passes):

    python benchmarks/bench_meeting.py [--scenarios N]

A ratio `pure_python / engine` of 1 or more means the engine is at least as fast per scenario.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Callable, Sequence
from typing import Any

from timing import best_time

import samverkan

DATE = dt.date(2026, 3, 13)
CHAIR, VICE = "goteborg/ord1", "regionhalsan/ord"

Scenario = tuple[list[str], list[str], dict[str, dict[str, Any]] | None]


class PureSamrad:
    """The same rules for one item in plain Python: the ids checked (RGT-4, each seat once), QRM-2,
    QRM-3, QRM-6 (chair, vice chair, eldest; unknown without birth dates), RGT-1, CNS-2 and CNS-3."""

    def __init__(self, rs: samverkan.Ruleset) -> None:
        seats = rs.seats("politiskt_samrad")
        self.ordinary = [s.id for s in seats if s.kind == "ordinary"]
        self.body = {s.id: s.body for s in seats}
        self.substitutes: dict[str, list[str]] = {}
        for s in seats:
            if s.kind == "substitute":
                self.substitutes.setdefault(s.body, []).append(s.id)
        self.threshold = len(self.ordinary) // 2 + 1
        self.order = {s.id: i for i, s in enumerate(seats)}

    def consider(
        self, present: Sequence[str], objections: Sequence[str], people: dict[str, dict[str, Any]] | None
    ) -> tuple[str, int, str | None]:
        here = set(present)
        if len(here) != len(present) or not here <= self.body.keys():
            raise ValueError("a seat id is unknown or given twice")
        serving: list[str] = []
        used: set[str] = set()
        for seat in self.ordinary:
            if seat in here:
                serving.append(seat)
                continue
            for sub in self.substitutes.get(self.body[seat], ()):
                if sub in here and sub not in used:
                    used.add(sub)
                    serving.append(sub)
                    break
        served = len(serving)
        if any(seat not in serving for seat in objections):
            raise PermissionError("RGT-1: only serving members object")
        if served < self.threshold:
            return "not_quorate", served, None
        presiding: str | None
        if CHAIR in here:
            presiding = CHAIR
        elif VICE in here:
            presiding = VICE
        else:
            eligible = [s for s in serving if s in self.ordinary]
            if not eligible:
                return "not_dealt_with", served, None
            if people is None or any(s not in people for s in eligible):
                presiding = None
            else:
                presiding = min(eligible, key=lambda s: (people[s]["born"], self.order[s]))
        return ("referred_back" if objections else "position"), served, presiding


def scenarios(rs: samverkan.Ruleset, n: int, seed: int = 0) -> list[Scenario]:
    rng = random.Random(seed)
    seats = [s.id for s in rs.seats("politiskt_samrad")]
    ordinary = [s.id for s in rs.seats("politiskt_samrad") if s.kind == "ordinary"]
    out: list[Scenario] = []
    for _ in range(n):
        present = [s for s in seats if rng.random() < 0.85]
        candidates = [s for s in ordinary if s in present]
        objections = [rng.choice(candidates)] if candidates and rng.random() < 0.25 else []
        people = None
        if rng.random() < 0.5:
            people = {
                s: {"born": dt.date(1940 + rng.randrange(40), 1 + rng.randrange(12), 1)} for s in present
            }
        out.append((present, objections, people))
    return out


def engine(rs: samverkan.Ruleset) -> Callable[[Scenario], tuple[str, int, str | None]]:
    def run(s: Scenario) -> tuple[str, int, str | None]:
        present, objections, people = s
        r = samverkan.Meeting(
            rs, date=DATE, present=present, chair=CHAIR, vice_chair=VICE, people=people
        ).consider("Ärende", objections=objections)
        return r.outcome, r.served, r.presiding

    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scenarios", type=int, default=20_000)
    args = parser.parse_args(argv)
    rs = samverkan.load_default(DATE)
    items = scenarios(rs, args.scenarios)
    pure = PureSamrad(rs)
    ours = engine(rs)

    def pure_run(s: Scenario) -> tuple[str, int, str | None]:
        return pure.consider(*s)

    disagree = [s for s in items if pure_run(s) != ours(s)]
    if disagree:
        present, objections, people = disagree[0]
        print(f"{len(disagree)} scenarios disagree; the first: present={present} objections={objections}")
        print(f"  pure Python: {pure_run(disagree[0])}; engine: {ours(disagree[0])}")
        return 1
    t_pure, t_engine = best_time(pure_run, items), best_time(ours, items)
    print(f"{len(items)} scenarios, outcomes agree on every one")
    print(f"pure Python              {t_pure * 1e6:8.2f} µs per scenario")
    print(f"Meeting + consider       {t_engine * 1e6:8.2f} µs per scenario")
    print(f"ratio pure_python / engine: {t_pure / t_engine:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
