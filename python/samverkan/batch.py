"""Batch rulings: N attendance scenarios of one forum decided at once by the meeting kernel (QRM, CNS, RGT-1).

Each scenario is the first agenda item of a meeting of the forum: who is present, who objects, who is
jävig. Masks are NumPy arrays: booleans of shape (N, seats) with columns in the order of
``ruleset.seats(forum)``, or packed ``uint64`` words (bit i = seat i) of shape (N, words) or (N,).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _core

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    # pandas ships no type information; with pandas-stubs installed the Categorical below is typed.
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

#: Outcome codes of ``rule_batch(...)["outcome"]``, by code: 0 position (ställningstagande), 1 referred_back
#: (återremiss), 2 removed (avförs), 3 not_quorate, 4 not_dealt_with (nobody may preside), 5 refused (an
#: objection from a seat that does not serve, RGT-1).
OUTCOMES = ("position", "referred_back", "removed", "not_quorate", "not_dealt_with", "refused")


def rule_batch(
    ruleset: _core.Ruleset,
    forum: str,
    present: Any,
    objections: Any = None,
    disqualified: Any = None,
    referrals: int = 0,
    threads: int | None = None,
) -> dict[str, npt.NDArray[Any]]:
    """Decides every scenario: returns ``served`` (ordinary seats served, uint16), ``quorate`` (bool) and
    ``outcome`` (uint8 codes, see OUTCOMES and outcome_categorical).

    ``referrals`` is how often the matter was referred back before (CNS-3), the same for every scenario.
    The GIL is released while the kernel runs on ``threads`` threads (default: every core); the results
    do not depend on the thread count.

    >>> import numpy as np, samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> everyone = np.ones((3, len(rs.seats("politiskt_samrad"))), dtype=bool)
    >>> everyone[1, :20] = False
    >>> r = samverkan.rule_batch(rs, "politiskt_samrad", everyone)
    >>> r["served"].tolist(), r["quorate"].tolist(), [OUTCOMES[c] for c in r["outcome"]]
    ([15, 4, 15], [True, False, True], ['position', 'not_quorate', 'position'])
    """
    return _core.rule_batch(ruleset, forum, present, objections, disqualified, int(referrals), threads)


def outcome_categorical(codes: npt.NDArray[np.uint8]) -> pd.Categorical:
    """The outcome codes as a pandas Categorical with the names of OUTCOMES."""
    from .frames import _pandas

    codes8 = codes.astype("int8")
    categorical: pd.Categorical = _pandas().Categorical.from_codes(codes8, categories=list(OUTCOMES))
    return categorical
