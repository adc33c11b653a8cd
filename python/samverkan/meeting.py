"""Meetings: who serves, quorum, who presides and the outcome of each agenda item (QRM, CNS, RGT).

The rules are decided in the compiled core (the meeting kernel); its Meeting takes friendly arguments
itself (dates as text, people as dicts), so a scenario costs no Python-level conversion.

A meeting stands alone until it considers a Matter. Then it is opened in the matter's event log with its
attendance and items so far, and from then on that log holds it and records its steps: one log per history,
so that ``Matter.from_json(rs, matter.to_json())`` rebuilds the meeting that ruled on the matter too.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import _core
from ._arguments import ArgumentTypeError
from ._core import ArgumentError
from .matter import Matter

Ruling = _core.Ruling
Step = _core.Step
Unknown = _core.Unknown


class Meeting(_core.Meeting):
    __doc__ = _core.Meeting.__doc__

    def consider(
        self,
        title: str | Matter,
        objections: Iterable[str] | None = None,
        abstentions: Iterable[str] | None = None,
        disqualified: Iterable[str] | None = None,
        referrals: int = 0,
        action: str | None = None,
        reason: str | None = None,
        *,
        directional: bool | None = None,
        force: bool = False,
        force_reason: str | None = None,
    ) -> Ruling:
        """Decides one agenda item: a title, or a Matter.

        For a Matter the item's title and referral count are the matter's own (CNS-3: ``max_referrals``
        applies to its real history), the outcome is recorded on the matter, and ``directional`` (default: the
        matter's, as raised) marks a position as an inriktningsbeslut (CNS-5). ``force=True`` with
        ``force_reason`` takes a consideration the matter's state forbids (MTG-3, CNS-1, CNS-3), or an item
        of a meeting whose minutes are signed (MIN-2), anyway, recorded as a deviation. ``action`` is what the
        meeting chooses without consensus ("refer_back" or "remove"); ``reason`` is what renewed preparation
        must address. Raises NotPermitted (RGT-1, RGT-4), RuleViolation (CNS-2, CNS-3, MTG-3, CNS-1) or
        ArgumentError; a refused call changes nothing."""
        if isinstance(title, Matter):
            if referrals != 0:
                raise ArgumentError("referrals: a matter's referral count is its own; do not give referrals=")
            if directional is not None and not isinstance(directional, bool):
                given = type(directional).__name__
                raise ArgumentTypeError(f"directional: expected True or False, got {given}")
            return self.consider_matter(
                title.log,
                title.id,
                objections,
                abstentions,
                disqualified,
                action,
                reason,
                directional=directional,
                force=force,
                force_reason=force_reason,
            )
        if not isinstance(title, str):
            raise ArgumentTypeError(
                f"title: expected a title (str) or a samverkan.Matter, got {type(title).__name__}"
            )
        if directional is not None:
            raise ArgumentError("directional applies to a samverkan.Matter, not to a title")
        return super().consider(
            title,
            objections,
            abstentions,
            disqualified,
            referrals,
            action,
            reason,
            force=force,
            force_reason=force_reason,
        )


__all__ = ["Meeting", "Ruling", "Step", "Unknown"]
