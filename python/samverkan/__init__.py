"""samverkan: the governance rules of Vårdsamverkan i Göteborgsområdet as code.

Load the rules in force on a date and ask the structure who prepares, reports and adopts::

    >>> import samverkan
    >>> rs = samverkan.load_default("2026-03-13")
    >>> rs.id, len(rs.seats("politiskt_samrad")), rs.quorum_threshold()
    ('goteborg-2026', 27, 8)
    >>> rs.structure.path("tema_aldre", "politiskt_samrad")
    ['tema_aldre', 'lgs', 'politiskt_samrad']
"""

from __future__ import annotations

import datetime as _dt
import os as _os

try:
    from . import _core
except ImportError as exc:  # pragma: no cover - only without a build
    raise ImportError(
        "samverkan's compiled core (samverkan._core) is missing: install the package with "
        "'pip install .' from the source tree rather than importing it from there"
    ) from exc

from . import _arguments  # guards the core's functions, before anything below binds one by name
from ._arguments import ArgumentTypeError
from ._core import (
    ArgumentError,
    Body,
    Edge,
    Error,
    EventLog,
    Forum,
    LogError,
    NoRulesetInForce,
    NotPermitted,
    Party,
    Problem,
    Rule,
    Ruleset,
    RulesetError,
    RuleViolation,
    Seat,
    Structure,
    UnknownId,
    find_rule,
    rules,
)
from ._dates import DateLike, to_date
from .batch import OUTCOMES, outcome_categorical, rule_batch
from .changes import (
    ChangeError,
    ChangeSet,
    Diff,
    Difference,
    Timeline,
    diff,
    load_changes,
    load_changes_string,
    schema_fields,
)
from .impact import Comparison, QuorumChange, compare, rotation_changes
from .matter import Event, Matter
from .meeting import Meeting, Ruling, Step, Unknown
from .minutes import Minutes, validate_calendar
from .risk import AttendanceRisk, quorum_probability
from .rotation import RotationViolation, Schedule, Term, Violation, validate_rotation
from .simulate import Simulation, simulate, sweep

__all__ = [
    "ArgumentTypeError",
    "schema_fields",
    "load_changes_string",
    "load_changes",
    "diff",
    "Timeline",
    "Difference",
    "Diff",
    "ChangeSet",
    "ChangeError",
    "OUTCOMES",
    "ArgumentError",
    "AttendanceRisk",
    "Body",
    "Comparison",
    "DateLike",
    "Edge",
    "Error",
    "Event",
    "EventLog",
    "Forum",
    "LogError",
    "Matter",
    "Meeting",
    "Minutes",
    "NoRulesetInForce",
    "NotPermitted",
    "Party",
    "Problem",
    "QuorumChange",
    "Rule",
    "RotationViolation",
    "Ruleset",
    "RulesetError",
    "RuleViolation",
    "Ruling",
    "Schedule",
    "Seat",
    "Simulation",
    "Step",
    "Structure",
    "Term",
    "Unknown",
    "UnknownId",
    "Violation",
    "compare",
    "embedded_versions",
    "find_rule",
    "load",
    "load_default",
    "load_string",
    "outcome_categorical",
    "quorum_probability",
    "rotation_changes",
    "rule_batch",
    "rules",
    "simulate",
    "sweep",
    "validate_rotation",
    "validate_calendar",
]

__version__ = "0.1.0"


def load_default(on: DateLike | None = None) -> Ruleset:
    """The embedded Göteborg ruleset in force on ``on`` (a date or "YYYY-MM-DD"; default: today).

    Raises NoRulesetInForce for a date no version covers (before 2016-01-01).
    """
    day = _dt.date.today() if on is None else to_date(on, "on")
    return _core.load_default(day)


def load(path: str | _os.PathLike[str]) -> Ruleset:
    """Reads and checks a ruleset file; raises RulesetError (path, line, column, key, rule)."""
    return _core.load(_os.fspath(path))


def load_string(text: str, origin: str = "<string>") -> Ruleset:
    """As load(), from YAML text; ``origin`` names it in errors."""
    return _core.load_string(text, origin)


def embedded_versions() -> list[Ruleset]:
    """Every embedded ruleset, oldest first."""
    return list(_core.embedded_versions())


_arguments.guard_python(globals(), __all__)  # calls that do not fit a signature raise ArgumentTypeError
