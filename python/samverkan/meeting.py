"""Meetings: who serves, quorum, who presides and the outcome of each agenda item (QRM, CNS, RGT).

The rules are decided in the compiled core (the meeting kernel); its Meeting takes friendly arguments
itself (dates as text, people as dicts), so a scenario costs no Python-level conversion.
"""

from __future__ import annotations

from . import _core

Meeting = _core.Meeting
Ruling = _core.Ruling
Step = _core.Step
Unknown = _core.Unknown

__all__ = ["Meeting", "Ruling", "Step", "Unknown"]
