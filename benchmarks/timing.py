"""Timing for the Python benchmarks: the best of a few passes, so that a burst of load on a shared machine
spoils one pass rather than the figure."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def best_time(f: Callable[[T], object], items: Sequence[T], passes: int = 3) -> float:
    """Seconds per item of the fastest of ``passes`` passes of ``f`` over ``items``."""
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for item in items:
            f(item)
        best = min(best, time.perf_counter() - start)
    return best / len(items)
