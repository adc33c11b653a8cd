"""One agenda item of the samråd per scenario, decided by samverkan.rule_batch and by its peers on the same
scenarios in one run: scenarios per second of each and the ratio to samverkan, measured side by side.

    python benchmarks/compare.py [--scenarios N] [--slow N] [--quick] [--seed S] [--referrals R]

Scenarios: the politiskt samråd of the ruleset in force on 2026-03-13. Each seat is present with
probability 0.85; in about one scenario in eight one seat objects: a random present ordinary member,
or, in one objecting scenario in sixteen, any random seat (absent seats and substitutes whose ordinary
member is present make RGT-1 refusals). A few fixed scenarios come first so that the subset the slow
peers decide holds every outcome the rules can reach with these parameters (nobody present, only
substitutes present, an objection from a serving and from a non-serving substitute). Each scenario is
the first agenda item of a meeting, `referrals` times referred back before (default 0).

Implementations, each deciding served (ordinary seats served), quorate and the outcome code of
samverkan.OUTCOMES:

- samverkan.rule_batch on the packed uint64 words (one per scenario) and on the boolean (N, seats)
  array, on one thread and on every core. The boolean form includes packing the array into words.
- pure Python, one scenario at a time, from lists of the present and objecting seat ids: QRM-2 (a
  substitute serves for an empty ordinary seat of its own body, in the ruleset's order), QRM-3 (more
  than half of the ordinary seats), QRM-6 (not dealt with when no ordinary member serves: a substitute
  may not preside), RGT-1 (an objection from a seat that does not serve is refused), CNS-2/CNS-3 (an
  objection refers the matter back, or removes it once max_referrals referrals were made).
- NumPy, vectorised over the boolean (N, seats) array (in blocks of 65,536 scenarios, transposed so
  that each seat is a contiguous row), with the same rules.
- zen-engine (the GoRules JDM engine), one `evaluate(name, context)` per scenario, as its documentation
  shows. The decision model is loaded once into the engine (a static loader) and reused: that is the
  fastest of the documented ways here; `create_decision(json).evaluate(context)` and a loader callback
  take several times longer per call. The context holds the facts of the scenario as a user would pass
  them: {"present": {seat id: true/false}, "objections": [seat ids], "referrals": n}. The rules live in
  the model, generated from the ruleset (input node → expression node → output node): served (per body,
  min(ordinary seats, ordinary members + substitutes present), QRM-2), quorum (QRM-3), whether an
  ordinary member is present to preside (QRM-6), whether each objection comes from a serving seat (a
  substitute serves when fewer of its body's ordinary members and earlier substitutes are present than
  the body has ordinary seats; RGT-1), removal or återremiss by referrals (CNS-3), and the outcome. One
  expression node with the seats unrolled was faster than per-seat lists and faster than a decision table
  for the outcome, so the model takes that form. Turning a scenario into seat-id lists (pure Python) or
  a context (zen-engine) is done before timing.
- the physical baselines: streaming the same input bytes once, present and objection masks, as
  `np.sum` over the packed words and `np.count_nonzero` over the boolean arrays (the present mask alone
  is shown as well).

The slow peers (pure Python, zen-engine) decide the first `--slow` scenarios; NumPy and samverkan all of
them. Every implementation must give samverkan's served, quorate and outcome on every scenario it
decides, or the script prints the first disagreement and exits with status 1. Each time is the best of
three passes (time.perf_counter); the ratios are of throughputs measured in this run. The targets at the
end are printed as `ratio …` lines; nothing is asserted on time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

import samverkan

DATE = "2026-03-13"
FORUM = "politiskt_samrad"
P_PRESENT = 0.85
P_OBJECTION = 1 / 8
P_OBJECTION_ANY_SEAT = 1 / 16  # of the objecting scenarios: any seat objects, not a present ordinary one
NUMPY_BLOCK = 1 << 16
GENERATION_BLOCK = 1 << 20
MIN_PASS = 0.05  # seconds

CODE = {name: code for code, name in enumerate(samverkan.OUTCOMES)}
POSITION, REFERRED_BACK, REMOVED = CODE["position"], CODE["referred_back"], CODE["removed"]
NOT_QUORATE, NOT_DEALT_WITH, REFUSED = CODE["not_quorate"], CODE["not_dealt_with"], CODE["refused"]

BoolArray = npt.NDArray[np.bool_]
Words = npt.NDArray[np.uint64]
Result = dict[str, npt.NDArray[Any]]
Ruling = tuple[int, bool, int]  # served, quorate, outcome code
Case = tuple[list[str], list[str], int]  # present seat ids, objecting seat ids, referrals
T = TypeVar("T")


@dataclass(frozen=True)
class Layout:
    """The forum as the peers need it, read from the ruleset: seats in column order, bodies with their
    ordinary seats and substitutes (each in the ruleset's order), and the parameters of the rules."""

    seats: tuple[str, ...]
    ordinary: tuple[int, ...]
    bodies: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]  # (ordinary columns, substitute columns)
    threshold: int
    max_referrals: int
    always_remove: bool  # on_no_consensus: remove

    def blocked(self, referrals: int) -> int:
        """The outcome of an objection: återremiss, or removal once max_referrals is reached (CNS-3)."""
        return REMOVED if self.always_remove or referrals >= self.max_referrals else REFERRED_BACK


def layout_of(rs: samverkan.Ruleset) -> Layout:
    params = rs.meeting
    expected = {
        "substitution_scope": "same_body",
        "quorum": "more_than_half",
        "quorum_both_sides_present": False,
        "substitute_may_preside": False,
        "consensus": "no_objection",
    }
    differs = {k: params[k] for k, v in expected.items() if params[k] != v}
    if differs:
        raise SystemExit(f"compare.py implements the peers for {expected}; this ruleset has {differs}")
    seats = rs.seats(FORUM)
    bodies: dict[str, tuple[list[int], list[int]]] = {}
    for i, s in enumerate(seats):
        ords, subs = bodies.setdefault(s.body, ([], []))
        (ords if s.kind == "ordinary" else subs).append(i)
    ordinary = tuple(i for i, s in enumerate(seats) if s.kind == "ordinary")
    return Layout(
        seats=tuple(s.id for s in seats),
        ordinary=ordinary,
        bodies=tuple((tuple(o), tuple(s)) for o, s in bodies.values()),
        threshold=len(ordinary) // 2 + 1,  # QRM-3, more than half
        max_referrals=params["max_referrals"],
        always_remove=params["on_no_consensus"] == "remove",
    )


# --- scenarios -------------------------------------------------------------------------------------------


@dataclass
class Scenarios:
    present: BoolArray  # (N, seats)
    objections: BoolArray  # (N, seats)
    present_words: Words  # (N,)
    objection_words: Words  # (N,)


def fixed_rows(layout: Layout) -> tuple[BoolArray, BoolArray]:
    """Scenarios that random attendance at 0.85 almost never draws."""
    n = len(layout.seats)
    ordinary = np.zeros(n, dtype=bool)
    ordinary[list(layout.ordinary)] = True
    paired = [(o[0], s[0]) for o, s in layout.bodies if len(o) == 1 and len(s) == 1]
    (o1, s1), (_, s2) = paired[0], paired[1]
    everyone, nobody = np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
    only_substitutes = ~ordinary
    one_absent = everyone.copy()
    one_absent[o1] = False
    rows = [
        (everyone, nobody),  # position
        (nobody, nobody),  # not quorate
        (only_substitutes, nobody),  # quorate, nobody may preside
        (one_absent, np.eye(n, dtype=bool)[s1]),  # a serving substitute objects
        (one_absent, np.eye(n, dtype=bool)[s2]),  # a substitute whose ordinary member is present objects
        (one_absent, np.eye(n, dtype=bool)[o1]),  # an absent member objects
    ]
    return np.array([r[0] for r in rows]), np.array([r[1] for r in rows])


def pack(rows: BoolArray) -> Words:
    """Bit i of a scenario's word = column i (at most 64 columns)."""
    bits = np.packbits(rows, axis=1, bitorder="little")
    padded = np.zeros((len(rows), 8), dtype=np.uint8)
    padded[:, : bits.shape[1]] = bits
    return padded.view("<u8").reshape(len(rows)).astype(np.uint64)


def make_scenarios(layout: Layout, n: int, seed: int) -> Scenarios:
    rng = np.random.default_rng(seed)
    seats = len(layout.seats)
    if seats > 64:
        raise SystemExit("the packed form here holds one word per scenario (at most 64 seats)")
    ordinary = np.zeros(seats, dtype=bool)
    ordinary[list(layout.ordinary)] = True
    present = np.empty((n, seats), dtype=bool)
    objections = np.zeros((n, seats), dtype=bool)
    fixed_present, fixed_objections = fixed_rows(layout)
    k = min(n, len(fixed_present))
    present[:k], objections[:k] = fixed_present[:k], fixed_objections[:k]
    for a in range(k, n, GENERATION_BLOCK):
        b = min(n, a + GENERATION_BLOCK)
        p = rng.random((b - a, seats)) < P_PRESENT
        present[a:b] = p
        rows = np.flatnonzero(rng.random(b - a) < P_OBJECTION)
        anywhere = rng.random(len(rows)) < P_OBJECTION_ANY_SEAT
        keys = rng.random((len(rows), seats))
        candidates = np.where(anywhere[:, None], True, p[rows] & ordinary)
        keys[~candidates] = -1.0
        has_candidate = candidates.any(axis=1)
        objections[a + rows[has_candidate], keys.argmax(axis=1)[has_candidate]] = True
    present_words = np.empty(n, dtype=np.uint64)
    objection_words = np.empty(n, dtype=np.uint64)
    for a in range(0, n, GENERATION_BLOCK):
        b = min(n, a + GENERATION_BLOCK)
        present_words[a:b] = pack(present[a:b])
        objection_words[a:b] = pack(objections[a:b])
    return Scenarios(present, objections, present_words, objection_words)


def seat_ids(layout: Layout, rows: BoolArray) -> list[list[str]]:
    return [[layout.seats[j] for j in np.flatnonzero(row)] for row in rows]


# --- pure Python -----------------------------------------------------------------------------------------


class PurePython:
    """The rules one scenario at a time, over seat ids."""

    def __init__(self, layout: Layout) -> None:
        ids = layout.seats
        self.bodies = [([ids[i] for i in o], [ids[i] for i in s]) for o, s in layout.bodies]
        self.ordinary = [ids[i] for i in layout.ordinary]
        self.threshold = layout.threshold
        self.max_referrals = layout.max_referrals
        self.always_remove = layout.always_remove

    def rule(self, case: Case) -> Ruling:
        present, objections, referrals = case
        here = set(present)
        serving: set[str] = set()
        for ordinary, substitutes in self.bodies:  # QRM-2
            empty = 0
            for seat in ordinary:
                if seat in here:
                    serving.add(seat)
                else:
                    empty += 1
            for seat in substitutes:
                if empty and seat in here:
                    serving.add(seat)
                    empty -= 1
        served = len(serving)  # each serving member fills one ordinary seat
        if any(seat not in serving for seat in objections):  # RGT-1
            return served, False, REFUSED
        if served < self.threshold:  # QRM-3, CNS-4
            return served, False, NOT_QUORATE
        if not any(seat in here for seat in self.ordinary):  # QRM-6
            return served, True, NOT_DEALT_WITH
        if objections:  # CNS-2, CNS-3: återremiss, or removal once max_referrals referrals were made
            removed = self.always_remove or referrals >= self.max_referrals
            return served, True, REMOVED if removed else REFERRED_BACK
        return served, True, POSITION


# --- NumPy -----------------------------------------------------------------------------------------------


def numpy_rule(layout: Layout, present: BoolArray, objections: BoolArray, referrals: int) -> Result:
    """The rules vectorised over blocks of scenarios, one contiguous row per seat."""
    n = len(present)
    served_out = np.empty(n, dtype=np.uint16)
    quorate_out = np.empty(n, dtype=bool)
    outcome_out = np.empty(n, dtype=np.uint8)
    ordinary = list(layout.ordinary)
    with_substitutes = [(list(o), list(s)) for o, s in layout.bodies if s]
    for a in range(0, n, NUMPY_BLOCK):
        b = min(n, a + NUMPY_BLOCK)
        p = np.ascontiguousarray(present[a:b].T)  # (seats, block)
        o = np.ascontiguousarray(objections[a:b].T)
        ordinary_present = p[ordinary]
        served = ordinary_present.sum(axis=0, dtype=np.uint16)
        serving = p.copy()
        for ords, subs in with_substitutes:  # QRM-2
            empty = len(ords) - p[ords].sum(axis=0, dtype=np.int16)
            for s in subs:
                takes = p[s] & (empty > 0)
                serving[s] = takes
                served += takes
                empty -= takes
        refused = (o & ~serving).any(axis=0)  # RGT-1
        quorate = served >= layout.threshold  # QRM-3
        blocked = np.uint8(layout.blocked(referrals))
        outcome = np.where(o.any(axis=0), blocked, np.uint8(POSITION))  # CNS-2, CNS-3
        outcome[~ordinary_present.any(axis=0)] = NOT_DEALT_WITH  # QRM-6
        outcome[~quorate] = NOT_QUORATE  # CNS-4
        outcome[refused] = REFUSED
        served_out[a:b] = served
        quorate_out[a:b] = quorate & ~refused
        outcome_out[a:b] = outcome
    return {"served": served_out, "quorate": quorate_out, "outcome": outcome_out}


# --- zen-engine ------------------------------------------------------------------------------------------


def jdm_model(layout: Layout) -> dict[str, Any]:
    """The rules as a JDM decision graph, input node → expression node → output node. Input:
    {"present": {seat id: bool, …}, "objections": [seat id, …], "referrals": int}; output: served,
    quorate, outcome and the facts they come from."""
    ids = layout.seats

    def here(i: int) -> str:
        return f"present[{json.dumps(ids[i])}]"

    def count(cols: Sequence[int]) -> str:
        return " + ".join(f"({here(i)} ? 1 : 0)" for i in cols)

    # QRM-2: a body fills min(its ordinary seats, its ordinary members + substitutes present) seats, and a
    # substitute serves when fewer of its body's ordinary members and earlier substitutes are present than
    # the body has ordinary seats.
    served = " + ".join(f"min([{len(o)}, {count(o + s)}])" if s else count(o) for o, s in layout.bodies)
    serving = ", ".join(
        [f"{json.dumps(ids[i])}: {here(i)}" for i in layout.ordinary]
        + [
            f"{json.dumps(ids[sub])}: {here(sub)} and {count(o + s[:k])} < {len(o)}"
            for o, s in layout.bodies
            for k, sub in enumerate(s)
        ]
    )
    removes = "true" if layout.always_remove else f"referrals >= {layout.max_referrals}"  # CNS-3
    outcome = (
        '$.refused ? "refused" : not $.quorum ? "not_quorate" : not $.presider ? "not_dealt_with" : '
        '$.objected ? ($.removes ? "removed" : "referred_back") : "position"'
    )
    expressions = [
        ("served", served),
        ("quorum", f"$.served >= {layout.threshold}"),  # QRM-3
        ("presider", " or ".join(here(i) for i in layout.ordinary)),  # QRM-6: no substitute presides
        ("objected", "len(objections) > 0"),  # CNS-2
        ("refused", f"some(objections, not ({{{serving}}})[#])"),  # RGT-1
        ("removes", removes),
        ("quorate", "$.quorum and not $.refused"),
        ("outcome", outcome),  # RGT-1, CNS-4, QRM-6, CNS-3, CNS-2 in that order
    ]
    at = {"x": 0, "y": 0}
    return {
        "nodes": [
            {"id": "input", "type": "inputNode", "name": "scenario", "position": at},
            {
                "id": "rules",
                "type": "expressionNode",
                "name": "samråd item",
                "position": at,
                "content": {
                    "expressions": [{"id": k, "key": k, "value": v} for k, v in expressions],
                    "passThrough": False,
                    "inputField": None,
                    "outputPath": None,
                    "executionMode": "single",
                },
            },
            {"id": "output", "type": "outputNode", "name": "ruling", "position": at},
        ],
        "edges": [
            {"id": "e1", "sourceId": "input", "targetId": "rules", "type": "edge"},
            {"id": "e2", "sourceId": "rules", "targetId": "output", "type": "edge"},
        ],
    }


class ZenPeer:
    """The model of jdm_model() in zen-engine: loaded once into the engine (a static loader) and evaluated
    by name, one scenario per call."""

    def __init__(self, zen: Any, layout: Layout) -> None:
        self.engine = zen.ZenEngine({"loader": {"type": "static", "content": {"samrad": jdm_model(layout)}}})
        self.seats = layout.seats

    def context(self, present: list[str], objections: list[str], referrals: int) -> dict[str, Any]:
        here = set(present)
        attendance = {seat: seat in here for seat in self.seats}
        return {"present": attendance, "objections": objections, "referrals": referrals}

    def rule(self, context: dict[str, Any]) -> Ruling:
        result = self.engine.evaluate("samrad", context)["result"]
        return int(result["served"]), bool(result["quorate"]), CODE[result["outcome"]]


def zen_peer(layout: Layout) -> ZenPeer | None:
    try:
        import zen  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return None
    return ZenPeer(zen, layout)


# --- measuring and checking ------------------------------------------------------------------------------


def best_of_three(runs: Sequence[Callable[[], object]]) -> list[float]:
    """Seconds per call of each run, the best of three passes. The passes go round the runs in turn (the
    first pass of every run, then the second, …), so that a burst of load from elsewhere on the machine
    spoils one pass of several runs rather than every pass of one. A pass repeats a call that takes less
    than MIN_PASS seconds so that short runs (--quick) are not timed at the clock's resolution."""
    repeats = []
    for f in runs:
        start = time.perf_counter()
        f()
        repeats.append(max(1, math.ceil(MIN_PASS / max(time.perf_counter() - start, 1e-9))))
    best = [float("inf")] * len(runs)
    for _ in range(3):
        for k, (f, r) in enumerate(zip(runs, repeats, strict=True)):
            start = time.perf_counter()
            for _ in range(r):
                f()
            best[k] = min(best[k], (time.perf_counter() - start) / r)
    return best


def per_scenario(rule: Callable[[T], Ruling], inputs: list[T]) -> list[Ruling]:
    return [rule(x) for x in inputs]


def as_result(rulings: list[Ruling]) -> Result:
    return {
        "served": np.array([r[0] for r in rulings], dtype=np.uint16),
        "quorate": np.array([r[1] for r in rulings], dtype=bool),
        "outcome": np.array([r[2] for r in rulings], dtype=np.uint8),
    }


def first_disagreement(reference: Result, theirs: Result) -> int | None:
    n = len(theirs["outcome"])
    differs = np.zeros(n, dtype=bool)
    for key in ("served", "quorate", "outcome"):
        differs |= reference[key][:n] != theirs[key]
    bad = np.flatnonzero(differs)
    return int(bad[0]) if len(bad) else None


def describe(r: Result, i: int) -> str:
    outcome = samverkan.OUTCOMES[int(r["outcome"][i])]
    return f"served {int(r['served'][i])}, quorate {bool(r['quorate'][i])}, {outcome}"


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next(
                (line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model
            )
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} logical CPUs ({model}), load average {load}"


def numpy_kernels() -> str:
    line = f"NumPy {np.__version__}"
    coretype = os.environ.get("OPENBLAS_CORETYPE")
    if coretype is not None:
        line += f"; OPENBLAS_CORETYPE={coretype} is set (left as it is)"
    try:
        from threadpoolctl import threadpool_info  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return line
    for pool in threadpool_info():
        if pool.get("internal_api") in ("openblas", "mkl", "blis"):
            line += (
                f"; threadpoolctl: {pool['internal_api']} {pool.get('version')}, kernel "
                f"{pool.get('architecture')}, {pool.get('num_threads')} threads"
            )
    return line


@dataclass
class Row:
    key: str
    name: str
    scenarios: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.scenarios / self.seconds


@dataclass
class Target:
    label: str
    faster: str  # the row key whose throughput is divided ...
    slower: str  # ... by this one's
    bound: float
    at_least: bool  # the ratio must be at least the bound (else at most)

    def line(self, rows: dict[str, Row]) -> str | None:
        if self.faster not in rows or self.slower not in rows:
            return None
        value = rows[self.faster].rate / rows[self.slower].rate
        met = value >= self.bound if self.at_least else value <= self.bound
        bound = f"{'≥' if self.at_least else '≤'} {self.bound:g}"
        return f"ratio {self.faster} / {self.slower}: {value:.3g} ({self.label}; target {bound}: " + (
            "met)" if met else "not met)"
        )


TARGETS = [
    Target(
        "packed input within 2× of streaming the packed words",
        "stream_packed",
        "samverkan_packed_1",
        2,
        False,
    ),
    Target("boolean input within 3× of np.count_nonzero", "count_nonzero_bool", "samverkan_bool_1", 3, False),
    Target("≥ 1,000× pure Python", "samverkan_packed_1", "pure_python", 1_000, True),
    Target("≥ 10,000× zen-engine", "samverkan_packed_1", "zen_engine", 10_000, True),
    Target("two threads ≥ 1.7× one", "samverkan_packed_2", "samverkan_packed_1", 1.7, True),
]


@dataclass
class Run:
    key: str
    name: str
    scenarios: int
    run: Callable[[], object]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scenarios", type=int, help="scenarios for NumPy and samverkan (default 10,000,000)"
    )
    parser.add_argument("--slow", type=int, help="scenarios for pure Python and zen-engine (default 20,000)")
    parser.add_argument("--quick", action="store_true", help="a short run: 100,000 and 2,000 scenarios")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--referrals", type=int, default=0, help="times each matter was referred back before")
    args = parser.parse_args(argv)
    n: int = args.scenarios or (100_000 if args.quick else 10_000_000)
    slow = min(n, args.slow or (2_000 if args.quick else 20_000))
    referrals: int = args.referrals
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

    rs = samverkan.load_default(DATE)
    layout = layout_of(rs)
    print(f"compare.py: {n:,} scenarios of {FORUM} ({rs.id}, {len(layout.seats)} seats), seed {args.seed}")
    print(f"referrals {referrals}; pure Python and zen-engine decide the first {slow:,}")
    print(f"machine: {machine()}; {cores} usable here")
    print(numpy_kernels())
    s = make_scenarios(layout, n, args.seed)
    # The slow peers' input, made before timing: seat-id lists for pure Python, JSON-like contexts for zen.
    present_ids, objection_ids = seat_ids(layout, s.present[:slow]), seat_ids(layout, s.objections[:slow])
    cases = [(p, o, referrals) for p, o in zip(present_ids, objection_ids, strict=True)]
    pure = PurePython(layout)
    zen = zen_peer(layout)
    contexts = [zen.context(*case) for case in cases] if zen is not None else []

    def batch(present: Any, objections: Any, threads: int) -> Callable[[], Result]:
        def run() -> Result:
            return samverkan.rule_batch(rs, FORUM, present, objections, referrals=referrals, threads=threads)

        return run

    def threads(t: int) -> str:
        return "1 thread" if t == 1 else f"{t} threads"

    def each(rule: Callable[[T], Ruling], inputs: list[T]) -> Callable[[], list[Ruling]]:
        return lambda: per_scenario(rule, inputs)

    # samverkan on packed input, one thread, comes first: the reference of every check and ratio.
    runs = [
        Run(f"samverkan_packed_{t}", f"samverkan rule_batch, packed, {threads(t)}", n,
            batch(s.present_words, s.objection_words, t))
        for t in sorted({t for t in (1, 2, cores) if t <= cores})
    ] + [
        Run(f"samverkan_bool_{t}", f"samverkan rule_batch, boolean, {threads(t)}", n,
            batch(s.present, s.objections, t))
        for t in sorted({1, cores})
    ]  # fmt: skip
    runs.append(Run("numpy", "NumPy, vectorised over the boolean array", n,
                    lambda: numpy_rule(layout, s.present, s.objections, referrals)))  # fmt: skip
    runs.append(Run("pure_python", "pure Python, per scenario", slow, each(pure.rule, cases)))
    if zen is not None:
        runs.append(
            Run(
                "zen_engine",
                f"zen-engine {zen_version()}, JDM model, per scenario",
                slow,
                each(zen.rule, contexts),
            )
        )
    else:
        print("zen-engine is not installed (pip install 'samverkan[bench]'): its row is left out")

    reference = batch(s.present_words, s.objection_words, 1)()
    counts = np.bincount(reference["outcome"], minlength=len(samverkan.OUTCOMES))
    print("outcomes: " + ", ".join(f"{o} {c:,}" for o, c in zip(samverkan.OUTCOMES, counts, strict=True)))
    for r in runs[1:]:
        out = r.run()
        result = as_result(out) if isinstance(out, list) else out
        assert isinstance(result, dict)
        bad = first_disagreement(reference, result)
        if bad is not None:
            present, objections = (seat_ids(layout, a[bad : bad + 1])[0] for a in (s.present, s.objections))
            print(f"DISAGREEMENT on scenario {bad}: present {present}, objections {objections}")
            print(f"  samverkan, packed, 1 thread: {describe(reference, bad)}")
            print(f"  {r.name}: {describe(result, bad)}")
            return 1
    print("served, quorate and outcome equal samverkan's (packed, one thread) on every scenario:")
    print("  " + ", ".join(f"{r.key} {r.scenarios:,}" for r in runs[1:]))

    # The physical baselines: the same input bytes streamed once.
    words, objection_words = s.present_words, s.objection_words
    runs += [
        Run("stream_packed", "stream packed input once: np.sum, present + objection words", n,
            lambda: (words.sum(), objection_words.sum())),
        Run("stream_packed_present", "stream packed input once: np.sum, present words", n,
            lambda: words.sum()),
        Run("count_nonzero_bool", "stream boolean input once: np.count_nonzero, present + objections", n,
            lambda: (np.count_nonzero(s.present), np.count_nonzero(s.objections))),
        Run("count_nonzero_bool_present", "stream boolean input once: np.count_nonzero, present", n,
            lambda: np.count_nonzero(s.present)),
    ]  # fmt: skip
    seconds = best_of_three([r.run for r in runs])
    rows = {r.key: Row(r.key, r.name, r.scenarios, t) for r, t in zip(runs, seconds, strict=True)}
    reference_rate = rows["samverkan_packed_1"].rate

    print()
    print(f"{'implementation':<66} {'scenarios':>11} {'scenarios/s':>12} {'samverkan ÷ this':>17}")
    for row in rows.values():
        print(f"{row.name:<66} {row.scenarios:>11,} {row.rate:>12.3g} {reference_rate / row.rate:>17.3g}")
    print("samverkan ÷ this: scenarios/s of samverkan rule_batch on packed input, one thread, over the row's")
    print()
    print("targets (ratios of the scenarios/s above):")
    for target in TARGETS:
        line = target.line(rows)
        if line is not None:
            print(line)
    return 0


def zen_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zen-engine")
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
