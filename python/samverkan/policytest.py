"""Policy tests: YAML files of cases (meetings, rotation look-ups, validations, matters) with the rulings and
states they must reach, run by ``samverkan test``, by the pytest plugin and by the C++ tests alike
(docs/policy-tests.md).

A file names a ruleset (an embedded id or a path), optional changes, and its cases::

    >>> import samverkan.policytest as pt
    >>> pf = pt.load_policy_string('''
    ... ruleset: goteborg-2026
    ... defaults: {date: 2026-03-13, chair: goteborg/ord1, vice_chair: regionhalsan/ord}
    ... cases:
    ...   - name: everyone_present
    ...     meeting: {present: ordinary}
    ...     expect: {outcome: position, served: 15, rules_include: [QRM-3]}
    ... ''')
    >>> [r.status for r in pt.run_file(pf)]
    ['passed']
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import _core
from ._core import ArgumentError, ChangeError, Error, NoRulesetInForce, RulesetError, RuleViolation, UnknownId
from ._files import read_text
from ._lang import DEFAULT, check_lang
from .matter import Matter
from .meeting import Meeting
from .rotation import schedule_rows, validate_rotation

__all__ = [
    "ENGINE_RULES",
    "KINDS",
    "STATUSES",
    "UNREACHED",
    "CaseResult",
    "Coverage",
    "Mismatch",
    "PolicyCase",
    "PolicyFile",
    "PolicyFileError",
    "RulesetCache",
    "coverage",
    "find_policy_files",
    "golden_path",
    "junit_xml",
    "load_policy_file",
    "load_policy_string",
    "message",
    "read_golden",
    "refusal_name",
    "run_case",
    "run_file",
    "summary",
    "write_golden",
]

SUFFIX = ".policy.yaml"
"""The ending of a policy file's name; directories are searched for it recursively."""

GOLDEN_SUFFIX = ".golden.yaml"
"""A policy file's golden rulings live beside it: ``meeting.policy.yaml`` → ``meeting.golden.yaml``."""

KINDS = ("meeting", "rotation", "validation", "matter")
"""The kinds of case; each case holds exactly one of these keys."""

STATUSES = ("passed", "failed", "skipped", "xfailed", "xpassed")
"""A case's result. ``xpassed`` (a case marked ``xfail`` that passes) counts as a failure."""

# What each rule id that no engine names is, and why no policy case can observe it. Every other rule id of
# the catalogue has an engine (ENGINE_RULES); a new rule of the catalogue has one until it is listed here.
UNREACHED: dict[str, str] = {
    "STR-6": "an edge of the structure graph; RGT-3's check of a notice reads the supports edges and names "
    "RGT-3, and the check of a written relation names the relation's own rule, which is data",
    "STR-9": "the anchoring edges derived from the seats (Structure.anchoring); no ruling or finding of an "
    "engine names it",
    "CMP-2": "the municipalities' seats are the ruleset's seat lists; no check counts them",
    "CMP-3": "the totals follow from the seat lists; no check counts them",
    "CMP-4": "the right to attend and speak is cited in the wording of RGT-1's step, which carries RGT-1",
    "CNS-6": "a duty of members that nothing decides",
    "MIN-1": "the minutes are minnesanteckningar by construction; no step, refusal or finding names MIN-1",
    "MIN-3": "yearly information and reports are not modelled",
    "THM-1": "the themes are data (forums.*.theme); routing to themes has no engine yet",
    "THM-2": "the temagrupper are data (forums.*.theme); routing to themes has no engine yet",
    "PLN-1": "the plan's focus areas are data; the handlingsplan has no engine yet",
    "PLN-2": "activities of the handlingsplan are not modelled",
    "PLN-3": "the equity groups are data; activities that consider them are not modelled",
    "PLN-4": "the yearly report is not modelled; the forced steps it follows up name the rule each breaks",
}

ENGINE_RULES: tuple[str, ...] = tuple(r.id for r in _core.rules() if r.id not in UNREACHED)
"""The rule ids an engine names in a ruling step, a rotation term, a check finding or a refusal, in the
catalogue's order: every rule of the catalogue except those in UNREACHED."""

ERROR_CLASSES = ("NoRulesetInForce", "UnknownId", "ArgumentError", "RulesetError")
"""The names ``expect.error`` takes besides a rule id: the class of a refusal that names no rule."""

_OUTCOMES = ("position", "referred_back", "removed", "not_quorate", "not_dealt_with")
_SIDES = ("municipal", "region")
_CATALOGUE = frozenset(r.id for r in _core.rules())

# The keys a file, a case and each kind of case may hold; anything else is refused, so a typo never
# passes silently.
_FILE_KEYS = ("ruleset", "changes", "defaults", "cases")
_DEFAULT_KEYS = ("forum", "date", "chair", "vice_chair")
_CASE_KEYS = ("name", "ruleset", "changes", "xfail", *KINDS, "expect")
_ITEM_FIELDS = (
    "title",
    "objections",
    "abstentions",
    "disqualified",
    "referrals",
    "action",
    "reason",
    "before",
)
_MEETING_KEYS = (
    "forum",
    "date",
    "present",
    "absent",
    "remote",
    "chair",
    "vice_chair",
    "people",
    "people_born_default",
    "people_member_since_default",
    "items",
)
_RULING_EXPECT = (
    "outcome",
    "quorate",
    "served",
    "threshold",
    "presiding",
    "substitutions",
    "serving_includes",
    "serving_excludes",
    "unknowns",
    "rules_include",
    "rules",
    "error",
)
_TERM_EXPECT = (
    "start",
    "end",
    "chair",
    "vice_chair",
    "chair_side",
    "vice_side",
    "lgs_chair_side",
    "rules_include",
)
_VALIDATION_KEYS = ("changes", "yaml", "schedule")
_MATTER_KEYS = ("title", "raised_by", "forum", "directional", "date", "force", "steps")
_SETUP_KEYS = tuple(k for k in _MEETING_KEYS if k != "items")
_CONSIDER_KEYS = ("objections", "abstentions", "disqualified", "action", "reason", "before", "directional")
_STEP_ACTIONS = (
    "prepare",
    "place_on_agenda",
    "meeting",
    "set_deadline",
    "adopt",
    "decline",
    "not_applicable",
    "notice",
    "sign",
    "publish",
)
"""The actions of a matter's step; each step holds exactly one."""
_STEP_KEYS: dict[str, tuple[str, ...]] = {
    "prepare": ("date", "force", "expect"),
    "place_on_agenda": ("date", "force", "expect"),
    "meeting": ("consider", "force", "expect"),
    "set_deadline": ("body", "date", "force", "expect"),
    "adopt": ("reference", "with_changes", "date", "force", "expect"),
    "decline": ("reference", "date", "force", "expect"),
    "not_applicable": ("reference", "date", "force", "expect"),
    "notice": ("date", "force", "expect"),
    "sign": ("date", "force", "expect"),
    "publish": ("date", "force", "expect"),
}
_MATTER_EXPECT = (
    "raised_rules",
    "status",
    "referrals",
    "referral_reason",
    "preparers",
    "adoption",
    "cases",
    "adoption_status",
    "violations",
    "next_steps_allowed",
)
_MATTER_STATES = ("raised", "prepared", "on_agenda", "referred_back", "position", "in_adoption", "removed")
_ADOPTION_STATES = ("pending", "adopted", "adopted_with_changes", "declined", "not_applicable")
_ADOPTION_STATUS_KEYS = (
    "on",
    "status",
    "in_force",
    "in_force_for",
    "overdue",
    "adopted",
    "declined",
    "pending",
    "not_applicable",
)
_ADOPTION_STATUSES = ("pending", "adopted", "partially_adopted", "declined", "overdue")
_ACTIONS = ("prepare", "place_on_agenda", "consider", "set_deadline", "record_adoption")
_ALONE = "an expected refusal ('error') cannot be checked together with other keys"
_SCHEDULE_KEYS = ("start", "end", "chair", "vice_chair", "lgs_chair_side")


class PolicyFileError(Error):
    """A policy file that cannot be read: names the file, the case and the key."""

    def __init__(self, file: str, case: str | None, key: str | None, message: str) -> None:
        self.file = file
        self.case = case
        self.key = key
        where = file
        if case is not None:
            where += f": case {case!r}"
        if key:
            where += f": {key}"
        super().__init__(f"{where}: {message}")


# ---------------------------------------------------------------------------------------------------------
# Reading


class _Loader(yaml.SafeLoader):
    """YAML as the C++ runner reads it: only true/false are booleans (``on:`` is a key, not True), and a
    key given twice is refused."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is given twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """A date; text that only looks like one (2015-02-30) stays text, as the C++ reader sees it."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass(frozen=True)
class PolicyCase:
    """One case of a policy file, checked when the file was read."""

    name: str
    kind: str
    spec: Any
    """The value of the case's kind key (``meeting``, ``rotation``, ``validation`` or ``matter``)."""
    expect: Any
    ruleset: str | None = None
    changes: Any = None
    has_changes: bool = False
    """Whether the case gives ``changes`` (which replace the file's, even when empty)."""
    xfail: str | None = None


@dataclass(frozen=True)
class PolicyFile:
    """A policy file: its ruleset, changes, meeting defaults and cases."""

    path: Path
    ruleset: str | None
    changes: Any
    defaults: Mapping[str, Any]
    cases: tuple[PolicyCase, ...]
    display: str = ""
    """How reports name the file (default: its path as given)."""

    @property
    def name(self) -> str:
        """The file as reports name it."""
        return self.display or str(self.path)


class _Checker:
    """Checks the parts of one policy file, naming file, case and key in every error."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.case: str | None = None

    def fail(self, key: str, message: str) -> PolicyFileError:
        return PolicyFileError(self.file, self.case, key, message)

    def mapping(self, value: Any, key: str, allowed: Sequence[str]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(key, f"expected a mapping, got {_show(value)}")
        for k in value:
            if k not in allowed:
                near = difflib.get_close_matches(str(k), allowed, n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else f"; the keys are {', '.join(allowed)}"
                raise self.fail(_join(key, str(k)), f"unknown key{hint}")
        return value

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value:
            raise self.fail(key, f"expected text, got {_show(value)}")
        return value

    def optional_text(self, value: Any, key: str) -> str | None:
        return None if value is None else self.text(value, key)

    def ids(self, value: Any, key: str) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"expected a list of ids, got {_show(value)}")
        return list(value)

    def rule_ids(self, value: Any, key: str) -> list[str]:
        ids = self.ids(value, key)
        for rule in ids:
            if rule not in _CATALOGUE:
                raise self.fail(key, f"{rule!r} is not a rule id of the catalogue")
        return ids

    def day(self, value: Any, key: str) -> _dt.date:
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(key, f"expected a date YYYY-MM-DD, got {_show(value)}")

    def integer(self, value: Any, key: str, low: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or (low is not None and value < low):
            floor = f" of at least {low}" if low is not None else ""
            raise self.fail(key, f"expected a whole number{floor}, got {_show(value)}")
        return value

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {_show(value)}")
        return value

    def choice(self, value: Any, key: str, choices: Sequence[str | None]) -> Any:
        if value not in choices:
            names = ", ".join("~" if c is None else c for c in choices)
            raise self.fail(key, f"expected one of {names}, got {_show(value)}")
        return value

    def changes(self, value: Any, key: str, file_allowed: bool = True) -> Any:
        if value is None or (file_allowed and isinstance(value, str) and value):
            return value
        if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
            what = "a mapping of change paths to values" + (
                " or a change file's path" if file_allowed else ""
            )
            raise self.fail(key, f"expected {what}, got {_show(value)}")
        return dict(value)

    def error(self, value: Any, key: str) -> str:
        name = self.text(value, key)
        if name not in _CATALOGUE and name not in ERROR_CLASSES:
            raise self.fail(
                key, f"{name!r} is neither a rule id of the catalogue nor one of {', '.join(ERROR_CLASSES)}"
            )
        return name

    # -- expectations

    def ruling_expect(self, value: Any, key: str) -> dict[str, Any]:
        e = self.mapping({} if value is None else value, key, _RULING_EXPECT)
        if "error" in e:
            if len(e) > 1:
                raise self.fail(key, _ALONE)
            self.error(e["error"], _join(key, "error"))
            return dict(e)
        for k in ("quorate",):
            if k in e:
                self.boolean(e[k], _join(key, k))
        for k in ("served", "threshold"):
            if k in e:
                self.integer(e[k], _join(key, k), 0)
        if "outcome" in e:
            self.choice(e["outcome"], _join(key, "outcome"), _OUTCOMES)
        if "presiding" in e:
            self.optional_text(e["presiding"], _join(key, "presiding"))
        if "substitutions" in e:
            subs = e["substitutions"] if e["substitutions"] is not None else {}
            if not isinstance(subs, Mapping) or not all(
                isinstance(a, str) and isinstance(b, str) for a, b in subs.items()
            ):
                raise self.fail(
                    _join(key, "substitutions"), "expected a mapping of ordinary seat → substitute"
                )
        for k in ("serving_includes", "serving_excludes"):
            if k in e:
                self.ids(e[k], _join(key, k))
        for k in ("unknowns", "rules_include", "rules"):
            if k in e:
                self.rule_ids(e[k], _join(key, k))
        return dict(e)

    def term_expect(self, value: Any, key: str) -> dict[str, Any]:
        e = self.mapping(value, key, _TERM_EXPECT)
        for k in ("start", "end"):
            if k in e:
                self.day(e[k], _join(key, k))
        for k in ("chair", "vice_chair"):
            if k in e:
                self.text(e[k], _join(key, k))
        for k in ("chair_side", "vice_side"):
            if k in e:
                self.choice(e[k], _join(key, k), _SIDES)
        if "lgs_chair_side" in e:
            self.choice(e["lgs_chair_side"], _join(key, "lgs_chair_side"), (*_SIDES, None))
        if "rules_include" in e:
            self.rule_ids(e["rules_include"], _join(key, "rules_include"))
        return dict(e)

    # -- the kinds of case

    def meeting(self, m: Any, expect: Any, has_expect: bool) -> None:
        allowed = (*_MEETING_KEYS, *_ITEM_FIELDS)
        m = self.mapping(m, "meeting", allowed)
        self.setup(m, "meeting")
        if "items" in m:
            mixed = [k for k in _ITEM_FIELDS if k in m]
            if mixed:
                raise self.fail(f"meeting.{mixed[0]}", "with items, each item holds its own fields")
            items = m["items"]
            if not isinstance(items, list) or not items:
                raise self.fail("meeting.items", "expected a list of at least one agenda item")
            for i, item in enumerate(items):
                key = f"meeting.items[{i}]"
                item = self.mapping(item, key, (*_ITEM_FIELDS, "expect"))
                self.item(item, key)
                self.ruling_expect(item.get("expect"), key + ".expect")
            if has_expect:
                if not isinstance(expect, Mapping) or list(expect) != ["error"]:
                    raise self.fail(
                        "expect",
                        "with items, the case's expect may only name a refusal of the meeting: {error: …}",
                    )
                self.error(expect["error"], "expect.error")
        else:
            self.item(m, "meeting")
            self.ruling_expect(expect, "expect")

    def setup(self, m: Mapping[str, Any], at: str) -> None:
        """The keys of a meeting's setup: forum, date, present, absent, remote, offices, people."""
        for k in ("forum", "chair", "vice_chair"):
            if k in m:
                self.optional_text(m[k], f"{at}.{k}")
        if "date" in m:
            self.day(m["date"], f"{at}.date")
        present = m.get("present")
        if isinstance(present, str):
            self.choice(present, f"{at}.present", ("all", "ordinary"))
        else:
            self.ids(present, f"{at}.present")
        for k in ("absent", "remote"):
            self.ids(m.get(k), f"{at}.{k}")
        for k in ("people_born_default", "people_member_since_default"):
            if m.get(k) is not None:
                self.day(m[k], f"{at}.{k}")
        people = m.get("people") or {}
        if not isinstance(people, Mapping):
            raise self.fail(f"{at}.people", f"expected a mapping of seat → person, got {_show(people)}")
        for seat, who in people.items():
            key = f"{at}.people.{seat}"
            if isinstance(who, Mapping):
                self.mapping(who, key, ("name", "born", "member_since"))
                if who.get("name") is not None:
                    self.text(who["name"], key + ".name")
                for k in ("born", "member_since"):
                    if who.get(k) is not None:
                        self.day(who[k], f"{key}.{k}")
            elif who is not None:
                self.day(who, key)

    def item(self, it: Mapping[str, Any], key: str) -> None:
        if "title" in it:
            self.text(it["title"], _join(key, "title"))
        for k in ("objections", "abstentions", "disqualified"):
            self.ids(it.get(k), _join(key, k))
        if "referrals" in it:
            self.integer(it["referrals"], _join(key, "referrals"))
        if "action" in it:
            self.choice(it["action"], _join(key, "action"), ("remove", "refer_back"))
        if "reason" in it:
            self.text(it["reason"], _join(key, "reason"))
        before = it.get("before") or []
        if not isinstance(before, list):
            raise self.fail(_join(key, "before"), "expected a list of arrivals and departures")
        for j, step in enumerate(before):
            skey = f"{_join(key, 'before')}[{j}]"
            if isinstance(step, Mapping) and "arrive" in step:
                step = self.mapping(step, skey, ("arrive", "remote"))
                self.text(step["arrive"], skey + ".arrive")
                if "remote" in step:
                    self.boolean(step["remote"], skey + ".remote")
            elif isinstance(step, Mapping) and "leave" in step:
                step = self.mapping(step, skey, ("leave", "reason"))
                self.text(step["leave"], skey + ".leave")
                if "reason" in step:
                    self.choice(step["reason"], skey + ".reason", ("left", "disqualified"))
            else:
                raise self.fail(skey, "expected {arrive: seat[, remote: bool]} or {leave: seat[, reason: …]}")

    def rotation(self, r: Any, expect: Any) -> None:
        r = self.mapping(r, "rotation", ("on", "terms", "from"))
        if ("on" in r) == ("terms" in r):
            raise self.fail("rotation", "give either on: DATE or terms: N")
        if "on" in r:
            if "from" in r:
                raise self.fail("rotation.from", "'from' goes with 'terms', not with 'on'")
            self.day(r["on"], "rotation.on")
        else:
            self.integer(r["terms"], "rotation.terms", 0)
            if "from" in r:
                self.day(r["from"], "rotation.from")
        if isinstance(expect, Mapping) and "error" in expect:
            self.mapping(expect, "expect", ("error",))
            self.error(expect["error"], "expect.error")
        elif "on" in r:
            self.term_expect(expect, "expect")
        else:
            if not isinstance(expect, list):
                raise self.fail("expect", "with terms: N, expect a list of terms (or {error: …})")
            for i, term in enumerate(expect):
                self.term_expect(term, f"expect[{i}]")

    def validation(self, v: Any, expect: Any, case: Mapping[str, Any]) -> None:
        v = self.mapping({} if v is None else v, "validation", _VALIDATION_KEYS)
        if len(v) > 1:
            raise self.fail("validation", "give at most one of changes, yaml, schedule")
        if "changes" in v:
            self.changes(v["changes"], "validation.changes", file_allowed=False)
        if "yaml" in v:
            self.text(v["yaml"], "validation.yaml")
            for k in ("ruleset", "changes"):
                if k in case:
                    raise self.fail(
                        k, "a validation of a yaml file loads that file; the case's ruleset is unused"
                    )
        if "schedule" in v:
            rows = v["schedule"]
            if isinstance(rows, str):
                self.text(rows, "validation.schedule")
            elif isinstance(rows, list):
                for i, row in enumerate(rows):
                    key = f"validation.schedule[{i}]"
                    row = self.mapping(row, key, _SCHEDULE_KEYS)
                    for k in ("start", "end", "chair", "vice_chair"):
                        if k not in row:
                            raise self.fail(f"{key}.{k}", "missing")
                    self.day(row["start"], key + ".start")
                    self.day(row["end"], key + ".end")
                    self.text(row["chair"], key + ".chair")
                    self.text(row["vice_chair"], key + ".vice_chair")
                    if "lgs_chair_side" in row:
                        self.choice(row["lgs_chair_side"], key + ".lgs_chair_side", (*_SIDES, None))
            else:
                raise self.fail("validation.schedule", "expected a list of rows or a CSV file's path")
        e = self.mapping(expect, "expect", ("rules",))
        if "rules" not in e:
            raise self.fail("expect.rules", "missing: the rule ids of the findings (an empty list for none)")
        self.rule_ids(e["rules"], "expect.rules")

    def matter(self, m: Any, expect: Any, has_expect: bool) -> None:
        m = self.mapping(m, "matter", _MATTER_KEYS)
        for k in ("title", "forum"):
            if k in m:
                self.text(m[k], f"matter.{k}")
        if "raised_by" not in m:
            raise self.fail("matter.raised_by", "missing: the forum that raises the matter")
        self.text(m["raised_by"], "matter.raised_by")
        if "directional" in m:
            self.boolean(m["directional"], "matter.directional")
        if "date" in m:
            self.day(m["date"], "matter.date")
        if "force" in m:
            self.text(m["force"], "matter.force")
        steps = m.get("steps") or []
        if not isinstance(steps, list):
            raise self.fail("matter.steps", "expected a list of steps")
        meeting_ok = False  # whether the last meeting step considers the matter: notices and minutes need one
        for i, step in enumerate(steps):
            key = f"matter.steps[{i}]"
            self.step(step, key)
            if "meeting" in step:
                meeting_ok = "error" not in (step.get("expect") or {})
            elif not meeting_ok and any(a in step for a in ("notice", "sign", "publish")):
                raise self.fail(
                    key,
                    "a notice or the minutes are of the last meeting step, which must consider the matter "
                    "(a meeting step not expected to be refused)",
                )
        if not has_expect:
            if not steps:
                raise self.fail("expect", "missing (a matter without steps needs an expect)")
            return
        e = self.mapping(expect, "expect", (*_MATTER_EXPECT, "error"))
        if "error" in e:
            if len(e) > 1:
                raise self.fail("expect", _ALONE)
            if steps:
                raise self.fail("expect.error", "a refused raising has no steps after it")
            self.error(e["error"], "expect.error")
            return
        self.matter_expect(e, "expect")

    def step(self, value: Any, key: str) -> None:
        if not isinstance(value, Mapping):
            raise self.fail(
                key, f"expected a mapping with one of {', '.join(_STEP_ACTIONS)}, got {_show(value)}"
            )
        actions = [a for a in _STEP_ACTIONS if a in value]
        if len(actions) != 1:
            if not actions:  # a misspelt action: "did you mean"
                self.mapping(
                    value, key, (*_STEP_ACTIONS, *sorted({k for v in _STEP_KEYS.values() for k in v}))
                )
            raise self.fail(key, f"a step holds exactly one of {', '.join(_STEP_ACTIONS)}")
        action = actions[0]
        st = self.mapping(value, key, (action, *_STEP_KEYS[action]))
        at = _join(key, action)
        if action in ("place_on_agenda", "publish"):
            if st[action] is not True:
                raise self.fail(at, f"expected true, got {_show(st[action])}")
        elif action == "set_deadline":
            self.day(st[action], at)
        elif action == "meeting":
            self.setup(self.mapping(st[action] if st[action] is not None else {}, at, _SETUP_KEYS), at)
            c = self.mapping(st.get("consider") or {}, _join(key, "consider"), _CONSIDER_KEYS)
            self.item(c, _join(key, "consider"))
            if "directional" in c:
                self.boolean(c["directional"], _join(key, "consider.directional"))
        else:
            self.text(st[action], at)
        if "date" in st:
            self.day(st["date"], _join(key, "date"))
        if "force" in st:
            self.text(st["force"], _join(key, "force"))
        if "body" in st and st["body"] is not None:
            self.text(st["body"], _join(key, "body"))
        if "reference" in st:
            self.text(st["reference"], _join(key, "reference"))
        if "with_changes" in st:
            self.boolean(st["with_changes"], _join(key, "with_changes"))
        ekey = _join(key, "expect")
        ruling_keys = (
            tuple(k for k in _RULING_EXPECT if k != "error")
            if action == "meeting"
            else ("rules_include", "rules")
        )
        e = self.mapping(st.get("expect") or {}, ekey, (*_MATTER_EXPECT, *ruling_keys, "error"))
        if "error" in e:
            if len(e) > 1:
                raise self.fail(ekey, _ALONE)
            if "force" in st:
                raise self.fail(
                    _join(key, "force"), "a forced step is taken; it is not also expected refused"
                )
            self.error(e["error"], _join(ekey, "error"))
            return
        self.ruling_expect({k: v for k, v in e.items() if k in ruling_keys}, ekey)
        self.matter_expect({k: v for k, v in e.items() if k in _MATTER_EXPECT}, ekey)

    def matter_expect(self, e: Mapping[str, Any], key: str) -> None:
        if "status" in e:
            self.choice(e["status"], _join(key, "status"), _MATTER_STATES)
        for k in ("referrals", "cases"):
            if k in e:
                self.integer(e[k], _join(key, k), 0)
        if "referral_reason" in e and e["referral_reason"] != "":
            self.text(e["referral_reason"], _join(key, "referral_reason"))
        if "preparers" in e:
            self.ids(e["preparers"], _join(key, "preparers"))
        if "adoption" in e:
            a = e["adoption"]
            if not isinstance(a, Mapping):
                raise self.fail(_join(key, "adoption"), f"expected a mapping of body → state, got {_show(a)}")
            for body, state in a.items():
                self.choice(state, _join(key, f"adoption.{body}"), _ADOPTION_STATES)
        if "adoption_status" in e:
            akey = _join(key, "adoption_status")
            a = self.mapping(e["adoption_status"], akey, _ADOPTION_STATUS_KEYS)
            if "on" not in a:
                raise self.fail(_join(akey, "on"), "missing: the day the adoption is aggregated on")
            self.day(a["on"], _join(akey, "on"))
            if "status" in a:
                self.choice(a["status"], _join(akey, "status"), _ADOPTION_STATUSES)
            if "in_force" in a:
                self.boolean(a["in_force"], _join(akey, "in_force"))
            for k in ("in_force_for", "overdue"):
                if k in a:
                    self.ids(a[k], _join(akey, k))
            for k in ("adopted", "declined", "pending", "not_applicable"):
                if k in a:
                    self.integer(a[k], _join(akey, k), 0)
        for k in ("violations", "raised_rules"):
            if k in e:
                self.rule_ids(e[k], _join(key, k))
        if "next_steps_allowed" in e:
            nkey = _join(key, "next_steps_allowed")
            for action in self.ids(e["next_steps_allowed"], nkey):
                self.choice(action, nkey, _ACTIONS)


def _join(key: str, sub: str) -> str:
    return f"{key}.{sub}" if key else sub


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def load_policy_string(
    text: str, origin: str = "<string>", path: str | os.PathLike[str] | None = None
) -> PolicyFile:
    """As load_policy_file, from text; relative paths in it are taken from ``path``'s directory (default: the
    current directory)."""
    check = _Checker(origin)
    try:
        doc = yaml.load(text, Loader=_Loader)  # a SafeLoader
    except (yaml.YAMLError, ValueError) as exc:
        raise PolicyFileError(origin, None, None, f"not valid YAML: {exc}") from None
    doc = check.mapping(doc, "", _FILE_KEYS)
    ruleset = check.optional_text(doc.get("ruleset"), "ruleset")
    changes = check.changes(doc.get("changes"), "changes")
    defaults = check.mapping(doc.get("defaults") or {}, "defaults", _DEFAULT_KEYS)
    if "date" in defaults:
        check.day(defaults["date"], "defaults.date")
    for k in ("forum", "chair", "vice_chair"):
        if k in defaults:
            check.optional_text(defaults[k], f"defaults.{k}")
    raw_cases = doc.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        raise check.fail("cases", "expected a list of at least one case")
    cases: list[PolicyCase] = []
    names: set[str] = set()
    for i, raw in enumerate(raw_cases):
        check.case = None
        name = raw.get("name") if isinstance(raw, Mapping) else None
        if not isinstance(name, str) or not name:
            raise check.fail(f"cases[{i}].name", "every case needs a name")
        if name in names:
            raise check.fail(f"cases[{i}].name", f"the name {name!r} is used twice")
        names.add(name)
        check.case = name
        c = check.mapping(raw, "", _CASE_KEYS)
        kinds = [k for k in KINDS if k in c]
        if len(kinds) != 1:
            raise check.fail("", f"a case holds exactly one of {', '.join(KINDS)}")
        kind = kinds[0]
        own = check.optional_text(c.get("ruleset"), "ruleset")
        spec = c[kind]
        loads_yaml = kind == "validation" and isinstance(spec, Mapping) and "yaml" in spec
        if own is None and ruleset is None and not loads_yaml:
            raise check.fail("ruleset", "no ruleset: give one in the case or at the top of the file")
        case_changes = check.changes(c.get("changes"), "changes")
        xfail = c.get("xfail")
        if xfail is not None:
            check.text(xfail, "xfail")
        has_items = kind == "meeting" and isinstance(spec, Mapping) and "items" in spec
        if kind != "matter" and "expect" not in c and not has_items:
            raise check.fail("expect", "missing")
        if kind == "meeting":
            m = c["meeting"]
            merged_date = (m or {}).get("date", defaults.get("date")) if isinstance(m, Mapping) else None
            check.meeting(m, c.get("expect"), "expect" in c)
            if merged_date is None:
                raise check.fail("meeting.date", "missing (give it in the meeting or in defaults)")
        elif kind == "rotation":
            check.rotation(c["rotation"], c.get("expect"))
        elif kind == "validation":
            check.validation(c["validation"], c.get("expect"), c)
        else:
            check.matter(c["matter"], c.get("expect"), "expect" in c)
            if "date" not in c["matter"] and "date" not in defaults:
                raise check.fail(
                    "matter.date", "missing: the day it is raised (in the matter or in defaults)"
                )
        cases.append(
            PolicyCase(
                name=name,
                kind=kind,
                spec=c[kind],
                expect=c.get("expect"),
                ruleset=own,
                changes=case_changes,
                has_changes="changes" in c,
                xfail=xfail,
            )
        )
    return PolicyFile(
        Path(path) if path is not None else Path(origin), ruleset, changes, defaults, tuple(cases)
    )


def load_policy_file(path: str | os.PathLike[str]) -> PolicyFile:
    """Reads and checks a policy file; a malformed one raises PolicyFileError (file, case, key)."""
    p = Path(path)
    try:
        text = read_text(p, "policy file")
    except ArgumentError as exc:
        raise PolicyFileError(str(p), None, None, str(exc)) from None
    return load_policy_string(text, str(p), p)


def find_policy_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The policy files named: files as given, directories searched recursively for ``*.policy.yaml``, in
    order. A path that does not exist raises PolicyFileError."""
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*" + SUFFIX) if f.is_file())
        elif p.is_file():
            out.append(p)
        else:
            raise PolicyFileError(str(p), None, None, "no such file or directory")
    return out


# ---------------------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Mismatch:
    """One expected field that the engine answered otherwise; ``where`` is e.g. "item 2" or "term 0"."""

    where: str
    field: str
    expected: Any
    actual: Any


@dataclass
class CaseResult:
    """The result of one case: its status, what differed, the rule ids it exercised, the explanations."""

    file: str
    name: str
    kind: str
    status: str
    mismatches: list[Mismatch] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    """The rule ids the case exercised, first seen first (steps, unknowns, terms, findings, refusals)."""
    explanation: str = ""
    """The rendered explanations of the parts that differed (rulings, terms, findings)."""
    reason: str = ""
    """Why the case was skipped, or the reason of its xfail mark."""
    record: list[dict[str, Any]] | None = None
    """What the golden file holds for the case: every ruling's to_dict() (or term) in order; None for none."""
    golden_diff: str = ""

    @property
    def ok(self) -> bool:
        """Whether the case does not fail the run."""
        return self.status not in ("failed", "xpassed")

    def report(self, lang: str = DEFAULT) -> str:
        """The case as text: status, file and name, each mismatch, the golden diff, the explanations."""
        w = _WORDS[check_lang(lang)]
        head = f"{w['status.' + self.status]} {self.file}: {self.name}"
        lines = [head]
        if self.reason and self.status in ("skipped", "xfailed", "xpassed"):
            lines[0] += f" ({self.reason})"
        for m in self.mismatches:
            where = f"{_where(m.where, lang)}: " if m.where else ""
            lines.append(
                "  "
                + where
                + w["mismatch"].format(field=m.field, expected=_value(m.expected), actual=_value(m.actual))
            )
        if self.golden_diff:
            lines.append("  " + w["golden"])
            lines += ["    " + line for line in self.golden_diff.rstrip("\n").split("\n")]
        if self.explanation and self.status == "failed":
            lines += ["  " + line if line else "" for line in self.explanation.rstrip("\n").split("\n")]
        return "\n".join(lines) + "\n"


_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "status.passed": "GODKÄNT",
        "status.failed": "UNDERKÄNT",
        "status.skipped": "ÖVERHOPPAT",
        "status.xfailed": "KÄND AVVIKELSE",
        "status.xpassed": "OVÄNTAT GODKÄNT",
        "mismatch": "{field}: förväntat {expected}, faktiskt {actual}",
        "golden": "avgörandet skiljer sig från referensfilen:",
        "item": "punkt",
        "step": "steg",
        "term": "period",
        "explanation": "förklaring",
        "findings": "fynd",
        "summary": "{n} fall: godkända {passed}, underkända {failed}, överhoppade {skipped}, "
        "kända avvikelser {xfailed}, oväntat godkända {xpassed}",
        "coverage.title": "Regeltäckning: hur många fall som prövade varje regel "
        "(i ett avgörandes steg, ett fynd eller ett ärendes steg)",
        "coverage.none": "Regler med motor som inget fall prövade: {rules}",
        "coverage.all": "Alla regler med motor prövades.",
        "coverage.unreached": "Regler utan motor (räknas inte): {rules}",
        "coverage.percent": "Täckning: {exercised} av {total} regler med motor ({percent:.1f} %)",
        "fail_under": "Täckningen {percent:.1f} % är under --fail-under {limit:g} %",
        "golden.written": "skrev {path}",
    },
    "en": {
        "status.passed": "PASSED",
        "status.failed": "FAILED",
        "status.skipped": "SKIPPED",
        "status.xfailed": "XFAIL",
        "status.xpassed": "XPASS",
        "mismatch": "{field}: expected {expected}, got {actual}",
        "golden": "the ruling differs from the golden file:",
        "item": "item",
        "step": "step",
        "term": "term",
        "explanation": "explanation",
        "findings": "findings",
        "summary": "{n} cases: {passed} passed, {failed} failed, {skipped} skipped, {xfailed} xfailed, "
        "{xpassed} xpassed",
        "coverage.title": "Rule coverage: how many cases exercised each rule "
        "(in a ruling's steps, a finding or a matter's step)",
        "coverage.none": "Rules with an engine that no case exercised: {rules}",
        "coverage.all": "Every rule with an engine was exercised.",
        "coverage.unreached": "Rules without an engine (not counted): {rules}",
        "coverage.percent": "Coverage: {exercised} of {total} rules with an engine ({percent:.1f} %)",
        "fail_under": "Coverage {percent:.1f} % is under --fail-under {limit:g} %",
        "golden.written": "wrote {path}",
    },
}


def message(lang: str, key: str, **fields: Any) -> str:
    """A message of the runner's output in ``lang`` (``summary``, ``golden.written``, ``fail_under``, …)."""
    return _WORDS[check_lang(lang)][key].format(**fields)


def _where(where: str, lang: str) -> str:
    """ "item 2" / "term 0" in ``lang``; the internal form is English."""
    w = _WORDS[lang]
    kind, _, rest = where.partition(" ")
    return f"{w.get(kind, kind)} {rest}" if kind in ("item", "term", "step") else where


def _heading(lang: str, key: str, where: str) -> str:
    """ "explanation" or "explanation, item 2" in ``lang``."""
    word = _WORDS[lang][key]
    return f"{word}, {_where(where, lang)}" if where else word


def _value(value: Any) -> str:
    """A value as a policy file spells it: ~ for none, true/false, [a, b], {k: v}."""
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "[" + ", ".join(_value(v) for v in sorted(value)) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def _text(value: Any) -> str | None:
    """A date or text from a policy file as the engine spells it."""
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------------------------------------
# Running


def refusal_name(exc: BaseException) -> str:
    """The name a refusal goes by in ``expect.error``: its rule id, or its class."""
    if isinstance(exc, RuleViolation):
        return exc.rule or "RuleViolation"
    if isinstance(exc, NoRulesetInForce):
        return "NoRulesetInForce"
    if isinstance(exc, UnknownId):
        return "UnknownId"
    if isinstance(exc, ArgumentError):
        return "ArgumentError"
    if isinstance(exc, RulesetError):
        return exc.rule or "RulesetError"
    return f"(unexpected) {type(exc).__name__}: {exc}"


class RulesetCache:
    """The rulesets of one run, each loaded and changed once; share one between files of a run."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], _core.Ruleset] = {}
        self._embedded = {v.id: v for v in _core.embedded_versions()}

    def base(self, name: str, directory: Path) -> _core.Ruleset:
        if name in self._embedded:
            return self._embedded[name]
        path = directory / name
        key = (str(path.resolve()), "")
        if key not in self._cache:
            self._cache[key] = _core.load(os.fspath(path))
        return self._cache[key]

    def changed(self, rs: _core.Ruleset, changes: Any, directory: Path) -> _core.Ruleset:
        if changes is None or (isinstance(changes, Mapping) and not changes):
            return rs
        if isinstance(changes, str):
            path = directory / changes
            key = (f"{id(rs)}:{rs.id}", "file:" + str(path.resolve()))
            if key not in self._cache:
                self._cache[key] = rs.with_changes(_core.load_changes(os.fspath(path)))
            return self._cache[key]
        key = (f"{id(rs)}:{rs.id}", json.dumps(changes, default=str))
        if key not in self._cache:
            self._cache[key] = rs.with_changes(changes)
        return self._cache[key]

    def for_case(self, pf: PolicyFile, case: PolicyCase) -> _core.Ruleset:
        """The case's own ruleset (without the file's changes) or the file's, with the case's changes
        (replacing the file's) or the file's."""
        directory = pf.path.parent
        name = case.ruleset if case.ruleset is not None else pf.ruleset
        if name is None:  # refused when the file was read
            raise PolicyFileError(pf.name, case.name, "ruleset", "no ruleset")
        changes = case.changes if case.has_changes else (None if case.ruleset is not None else pf.changes)
        return self.changed(self.base(name, directory), changes, directory)


class _Run:
    """Collects one case's mismatches, rule ids, explanations and record."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.mismatches: list[Mismatch] = []
        self.rules: list[str] = []
        self.explanations: list[str] = []
        self.record: list[dict[str, Any]] = []

    def saw(self, rules: Iterable[str]) -> None:
        for r in rules:
            if r and r not in self.rules:
                self.rules.append(r)

    def expect(self, where: str, name: str, expected: Any, actual: Any) -> bool:
        if expected != actual:
            self.mismatches.append(Mismatch(where, name, expected, actual))
            return False
        return True

    def refused(self, where: str, want: str | None, exc: BaseException) -> None:
        name = refusal_name(exc)
        if not name.startswith("(unexpected)"):
            self.saw([getattr(exc, "rule", None) or ""])
        self.record.append({"error": name})
        self.expect(where, "error", want, name)
        self.explanations.append(f"{_where(where, self.lang) + ': ' if where else ''}{exc}")


def _people(m: Mapping[str, Any], present: list[str]) -> dict[str, dict[str, str]] | None:
    people: dict[str, dict[str, str]] = {}
    if m.get("people_born_default") is not None or m.get("people_member_since_default") is not None:
        born, since = _text(m.get("people_born_default")), _text(m.get("people_member_since_default"))
        for seat in present:
            who = {"name": seat}
            if born:
                who["born"] = born
            if since:
                who["member_since"] = since
            people[seat] = who
    for seat, data in (m.get("people") or {}).items():
        who = {"name": str(seat)}
        if isinstance(data, Mapping):
            if data.get("name") is not None:
                who["name"] = str(data["name"])
            for k in ("born", "member_since"):
                if data.get(k) is not None:
                    who[k] = str(_text(data[k]))
        elif data is not None:
            who["born"] = str(_text(data))
        people[str(seat)] = who
    return people or None


def _setting(m: Mapping[str, Any], defaults: Mapping[str, Any], key: str) -> Any:
    if key in m:
        return m[key]
    return defaults.get(key)


def _run_meeting(pf: PolicyFile, case: PolicyCase, rs: _core.Ruleset, run: _Run) -> None:
    m: Mapping[str, Any] = case.spec
    defaults = pf.defaults
    items: list[tuple[Mapping[str, Any], Mapping[str, Any]]]
    if "items" in m:
        items = [(it, it.get("expect") or {}) for it in m["items"]]
    else:
        items = [(m, case.expect or {})]
    try:
        forum = _setting(m, defaults, "forum") or "politiskt_samrad"
        present = _present(rs, forum, m)
        meeting = _core.Meeting(
            rs,
            forum=forum,
            date=_text(_setting(m, defaults, "date")),
            present=present,
            chair=_text(_setting(m, defaults, "chair")),
            vice_chair=_text(_setting(m, defaults, "vice_chair")),
            people=_people(m, present),
            remote=_ids(m.get("remote")),
        )
    except Error as exc:
        want = (case.expect or {}).get("error") if isinstance(case.expect, Mapping) else None
        run.refused("", want, exc)
        return
    if "items" in m and isinstance(case.expect, Mapping) and "error" in case.expect:
        run.expect("", "error", case.expect["error"], None)
    for n, (it, expect) in enumerate(items, start=1):
        where = f"item {n}"
        title = str(it.get("title", "Ärende"))
        try:
            for step in it.get("before") or []:
                if "arrive" in step:
                    meeting.arrive(step["arrive"], remote=bool(step.get("remote", False)))
                else:
                    meeting.leave(step["leave"], step.get("reason", "left"))
        except Error as exc:  # a change of attendance is never what a case expects to be refused
            run.refused(where, None, exc)
            return
        before = len(meeting.rulings)
        try:
            ruling = meeting.consider(
                title,
                objections=_ids(it.get("objections")),
                abstentions=_ids(it.get("abstentions")),
                disqualified=_ids(it.get("disqualified")),
                referrals=int(it.get("referrals", 0)),
                action=it.get("action"),
                reason=it.get("reason"),
            )
        except Error as exc:
            run.refused(where, expect.get("error"), exc)
            if "error" not in expect or not run.expect(where, "rulings", before, len(meeting.rulings)):
                return
            continue
        run.saw(ruling.rules)
        run.saw(u.rule for u in ruling.unknowns)
        run.record.append(ruling.to_dict())
        ok = _check_ruling(run, where, ruling, expect)
        if not ok:
            run.explanations.append(_heading(run.lang, "explanation", where) + f" «{title}»:")
            run.explanations.append("  " + ruling.explain(run.lang).rstrip("\n").replace("\n", "\n  "))


def _present(rs: _core.Ruleset, forum: str, m: Mapping[str, Any]) -> list[str]:
    """The seats present: ``all``, ``ordinary`` or a list, without those ``absent``."""
    present_spec = m.get("present")
    if isinstance(present_spec, str):
        present = [s.id for s in rs.forum(forum).seats if present_spec == "all" or s.kind == "ordinary"]
    else:
        present = [str(s) for s in (present_spec or [])]
    absent = set(_ids(m.get("absent")))
    return [s for s in present if s not in absent]


def _events(log: _core.EventLog) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = json.loads(log.to_json())["events"]
    return events


_MATTER_ID = "m1"


def _run_matter(pf: PolicyFile, case: PolicyCase, rs: _core.Ruleset, run: _Run) -> None:
    m: Mapping[str, Any] = case.spec
    expect: Mapping[str, Any] = case.expect if isinstance(case.expect, Mapping) else {}
    last = _checked_day(m.get("date", pf.defaults.get("date")))
    forum = str(m.get("forum") or rs.rotation_parameters["forum"])
    try:
        matter = Matter(
            rs,
            str(m.get("title", "Ärende")),
            str(m["raised_by"]),
            directional=bool(m.get("directional", False)),
            forum=forum,
            on=last,
            id=_MATTER_ID,
            force="force" in m,
            reason=m.get("force"),
        )
    except Error as exc:
        run.refused("", expect.get("error"), exc)
        return
    if "error" in expect:
        run.expect("", "error", expect["error"], None)
        return
    log = matter.log
    run.saw(_events(log)[-1]["rules"])
    if "force" in m:
        _check_forced(run, "", log, 0, str(m["force"]))
    meeting: Meeting | None = None
    for n, st in enumerate(m.get("steps") or [], start=1):
        where = f"step {n}"
        action = next(a for a in _STEP_ACTIONS if a in st)
        e: Mapping[str, Any] = st.get("expect") or {}
        forced = "force" in st
        reason = st.get("force")
        before = log.to_json()
        broken = len(log.violations())
        count = len(_events(log))
        ruling: _core.Ruling | None = None
        try:
            if action == "meeting":
                setup: Mapping[str, Any] = st["meeting"] or {}
                c: Mapping[str, Any] = st.get("consider") or {}
                day = _checked_day(setup.get("date", last))
                mforum = str(setup.get("forum") or matter.forum)
                present = _present(rs, mforum, setup)
                meeting = None  # until this step's meeting stands
                meeting = Meeting(
                    rs,
                    forum=mforum,
                    date=day.isoformat(),
                    present=present,
                    chair=_text(_setting(setup, pf.defaults, "chair")),
                    vice_chair=_text(_setting(setup, pf.defaults, "vice_chair")),
                    people=_people(setup, present),
                    remote=_ids(setup.get("remote")),
                )  # its id in the log: <forum>-<date>, chosen when it joins the matter's log
                try:  # a change of attendance is never what a case expects to be refused
                    for b in c.get("before") or []:
                        if "arrive" in b:
                            meeting.arrive(b["arrive"], remote=bool(b.get("remote", False)))
                        else:
                            meeting.leave(b["leave"], b.get("reason", "left"))
                except Error as exc:
                    run.refused(where, None, exc)
                    return
                ruling = meeting.consider(
                    matter,
                    objections=_ids(c.get("objections")),
                    abstentions=_ids(c.get("abstentions")),
                    disqualified=_ids(c.get("disqualified")),
                    action=c.get("action"),
                    reason=c.get("reason"),
                    directional=c.get("directional"),
                    force=forced,
                    force_reason=reason,
                )
                on = day
            else:
                on = _checked_day(st.get("date", last))
                opts: dict[str, Any] = {"force": forced, "reason": reason}
                if action == "prepare":
                    matter.prepare(str(st[action]), on, **opts)
                elif action == "place_on_agenda":
                    matter.place_on_agenda(on, **opts)
                elif action == "set_deadline":
                    matter.set_deadline(_checked_day(st[action]), st.get("body"), on, **opts)
                elif action == "adopt":
                    matter.adopt(
                        str(st[action]), on, st.get("reference"), bool(st.get("with_changes", False)), **opts
                    )
                elif action == "decline":
                    matter.decline(str(st[action]), on, st.get("reference"), **opts)
                elif action == "not_applicable":
                    matter.not_applicable(str(st[action]), on, st.get("reference"), **opts)
                else:  # notice, sign, publish: of the meeting of the last meeting step
                    assert meeting is not None  # the file was checked: a meeting step that considers it
                    if action == "notice":
                        meeting.notice(issued_by=str(st[action]), on=on, **opts)
                    elif action == "sign":
                        meeting.minutes().sign(by=str(st[action]), on=on, **opts)
                    else:
                        meeting.minutes().publish(on=on, **opts)
        except Error as exc:
            run.refused(where, e.get("error"), exc)
            if "error" not in e or not run.expect(where, "unchanged", True, log.to_json() == before):
                return
            continue
        last = on
        if forced:
            _check_forced(run, where, log, broken, str(reason))
        events = _events(log)
        for ev in events[count:]:
            run.saw(ev["rules"])
        run.saw(v["rule"] for v in log.violations())
        if "error" in e:
            run.expect(where, "error", e["error"], None)
            continue
        rules = list(events[-1]["rules"])
        ok = True
        if ruling is not None:
            run.saw(u.rule for u in ruling.unknowns)
            ok = _check_ruling(run, where, ruling, {k: v for k, v in e.items() if k in _RULING_EXPECT})
        else:
            n_before = len(run.mismatches)
            if "rules_include" in e and any(x not in rules for x in _ids(e["rules_include"])):
                run.mismatches.append(Mismatch(where, "rules_include", _ids(e["rules_include"]), rules))
            if "rules" in e:
                run.expect(where, "rules", _ids(e["rules"]), rules)
            ok = len(run.mismatches) == n_before
        ok = _check_matter(run, where, log, e, last) and ok
        if not ok and ruling is not None:
            run.explanations.append(_heading(run.lang, "explanation", where) + f" «{matter.title}»:")
            run.explanations.append("  " + ruling.explain(run.lang).rstrip("\n").replace("\n", "\n  "))
    _check_matter(run, "", log, expect, last)


def _check_forced(run: _Run, where: str, log: _core.EventLog, broken: int, reason: str) -> None:
    """A forced step must break a rule: the log gains one violation, with the step's reason."""
    run.expect(where, "force", [reason], [v["reason"] for v in log.violations()[broken:]])


def _check_matter(run: _Run, where: str, log: _core.EventLog, e: Mapping[str, Any], on: _dt.date) -> bool:
    """The matter's state against the expectations of a step or the case; ``on`` is the latest step's day."""
    before = len(run.mismatches)
    state = log.matter(_MATTER_ID)
    if "raised_rules" in e:
        run.expect(where, "raised_rules", _ids(e["raised_rules"]), list(_events(log)[0]["rules"]))
    if "status" in e:
        run.expect(where, "status", e["status"], state["state"])
    if "referrals" in e:
        run.expect(where, "referrals", e["referrals"], state["referrals"])
    if "referral_reason" in e:
        run.expect(where, "referral_reason", e["referral_reason"], state["referral_reason"])
    if "preparers" in e:
        run.expect(where, "preparers", _ids(e["preparers"]), list(state["preparers"]))
    cases = {c["body"]: c["state"] for c in state["cases"]}
    if "adoption" in e:
        want = {str(b): s for b, s in e["adoption"].items()}
        run.expect(where, "adoption", want, {b: cases.get(b) for b in want})
    if "cases" in e:
        run.expect(where, "cases", e["cases"], len(cases))
    if "adoption_status" in e:
        a = e["adoption_status"]
        got = log.adoption(_MATTER_ID, _checked_day(a["on"]))
        for k, v in a.items():
            if k == "on":
                continue
            name = f"adoption_status.{k}"
            if k in ("in_force_for", "overdue"):
                run.expect(where, name, sorted(_ids(v)), sorted(got[k]))
            else:
                run.expect(where, name, v, got[k])
    if "violations" in e:
        run.expect(where, "violations", _ids(e["violations"]), [v["rule"] for v in log.violations()])
    if "next_steps_allowed" in e:
        allowed = [s["action"] for s in log.next_steps(_MATTER_ID, on) if s["allowed"]]
        run.expect(where, "next_steps_allowed", _ids(e["next_steps_allowed"]), allowed)
    return len(run.mismatches) == before


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _check_ruling(run: _Run, where: str, r: _core.Ruling, e: Mapping[str, Any]) -> bool:
    before = len(run.mismatches)
    if "error" in e:
        run.expect(where, "error", e["error"], None)
    for key in ("outcome", "quorate", "served", "threshold", "presiding"):
        if key in e:
            run.expect(where, key, e[key], getattr(r, key))
    if "substitutions" in e:
        run.expect(where, "substitutions", dict(e["substitutions"] or {}), dict(r.substitutions))
    serving = list(r.serving)
    if "serving_includes" in e:
        missing = [s for s in _ids(e["serving_includes"]) if s not in serving]
        if missing:
            run.mismatches.append(Mismatch(where, "serving_includes", _ids(e["serving_includes"]), serving))
    if "serving_excludes" in e:
        present = [s for s in _ids(e["serving_excludes"]) if s in serving]
        if present:
            run.mismatches.append(Mismatch(where, "serving_excludes", _ids(e["serving_excludes"]), serving))
    if "unknowns" in e:
        run.expect(where, "unknowns", _ids(e["unknowns"]), [u.rule for u in r.unknowns])
    rules = list(r.rules)
    if "rules_include" in e and any(x not in rules for x in _ids(e["rules_include"])):
        run.mismatches.append(Mismatch(where, "rules_include", _ids(e["rules_include"]), rules))
    if "rules" in e:
        run.expect(where, "rules", _ids(e["rules"]), rules)
    return len(run.mismatches) == before


_TERM_FIELDS = ("index", "start", "end", "chair", "vice_chair", "chair_side", "vice_side", "lgs_chair_side")


def _term_record(t: _core.Term) -> dict[str, Any]:
    d: dict[str, Any] = {k: getattr(t, k) for k in _TERM_FIELDS}
    d["start"], d["end"] = t.start.isoformat(), t.end.isoformat()
    d["rules"] = list(t.rules)
    return d


def _check_term(run: _Run, where: str, t: _core.Term, e: Mapping[str, Any]) -> None:
    before = len(run.mismatches)
    for key in ("start", "end"):
        if key in e:
            run.expect(where, key, _text(e[key]), getattr(t, key).isoformat())
    for key in ("chair", "vice_chair", "chair_side", "vice_side", "lgs_chair_side"):
        if key in e:
            run.expect(where, key, e[key], getattr(t, key))
    rules = list(t.rules)
    if "rules_include" in e and any(x not in rules for x in _ids(e["rules_include"])):
        run.mismatches.append(Mismatch(where, "rules_include", _ids(e["rules_include"]), rules))
    if len(run.mismatches) != before:
        run.explanations.append(_heading(run.lang, "explanation", where) + ":")
        run.explanations.append("  " + t.explain().rstrip("\n").replace("\n", "\n  "))


def _run_rotation(case: PolicyCase, rs: _core.Ruleset, run: _Run) -> None:
    r: Mapping[str, Any] = case.spec
    expect = case.expect
    want_error = expect.get("error") if isinstance(expect, Mapping) else None
    try:
        if "on" in r:
            terms = [_core.term_on(rs, _checked_day(r["on"]))]
        else:
            start = _checked_day(r["from"]) if "from" in r else None
            terms = list(_core.rotation_schedule(rs, int(r["terms"]), start))
    except Error as exc:
        run.refused("", want_error, exc)
        return
    for t in terms:
        run.saw(t.rules)
        run.record.append(_term_record(t))
    if want_error is not None:
        run.expect("", "error", want_error, None)
        return
    if "on" in r:
        _check_term(run, "", terms[0], expect)
        return
    run.expect("", "terms", len(expect), len(terms))
    for i, (t, e) in enumerate(zip(terms, expect, strict=False)):
        _check_term(run, f"term {i}", t, e)


def _checked_day(value: Any) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def _run_validation(pf: PolicyFile, case: PolicyCase, rulesets: RulesetCache, run: _Run) -> None:
    v: Mapping[str, Any] = case.spec or {}
    directory = pf.path.parent
    found: set[str] = set()
    lines: list[str] = []

    def findings(rs: _core.Ruleset) -> None:
        for p in rs.structure.validate():
            if p.rule:
                found.add(p.rule)
            lines.append(f"{p.rule or '-'}: {p.message}")

    if "changes" in v:
        base = rulesets.for_case(pf, case)
        try:
            findings(base.with_changes(v["changes"]))
        except ChangeError as exc:
            found.update(exc.rules)
            lines += list(exc.problems) or [str(exc)]
    elif "yaml" in v:
        try:
            findings(_core.load(os.fspath(directory / v["yaml"])))
        except RulesetError as exc:
            if exc.rule:
                found.add(exc.rule)
            lines.append(str(exc))
    elif "schedule" in v:
        rs = rulesets.for_case(pf, case)
        rows: list[dict[str, Any]]
        if isinstance(v["schedule"], str):
            text = read_text(directory / v["schedule"], "schedule")
            rows = schedule_rows(text, str(directory / v["schedule"]))
        else:
            rows = [
                {k: (_text(val) if k in ("start", "end") else val) for k, val in row.items()}
                for row in v["schedule"]
            ]
        try:
            for finding in validate_rotation(rs, rows):
                found.add(finding.rule)
                lines.append(f"{finding.rule} ({finding.severity}): {finding.message}")
        except RuleViolation as exc:
            if exc.rule:
                found.add(exc.rule)
            lines.append(str(exc))
    else:
        findings(rulesets.for_case(pf, case))
    run.saw(sorted(found))
    want = set(_ids(case.expect["rules"]))
    if want != found:
        run.mismatches.append(Mismatch("", "rules", sorted(want), sorted(found)))
        run.explanations.append(f"{_WORDS[run.lang]['findings']}:")
        run.explanations += ["  " + line for line in lines] or ["  -"]


def run_case(
    pf: PolicyFile,
    case: PolicyCase,
    lang: str = DEFAULT,
    golden: Mapping[str, Any] | None = None,
    rulesets: RulesetCache | None = None,
) -> CaseResult:
    """Runs one case of ``pf``; with ``golden`` (the file's golden rulings), its record must match them."""
    lang = check_lang(lang)
    result = CaseResult(pf.name, case.name, case.kind, "passed", reason=case.xfail or "")
    rulesets = rulesets or RulesetCache()
    run = _Run(lang)
    try:
        if case.kind == "validation":
            _run_validation(pf, case, rulesets, run)
        else:
            rs = rulesets.for_case(pf, case)
            if case.kind == "meeting":
                _run_meeting(pf, case, rs, run)
            elif case.kind == "matter":
                _run_matter(pf, case, rs, run)
            else:
                _run_rotation(case, rs, run)
    except PolicyFileError:
        raise
    except Exception as exc:  # a case that cannot run fails; the run goes on with the next
        run.mismatches.append(Mismatch("", "error", None, f"{type(exc).__name__}: {exc}"))
    result.mismatches, result.rules = run.mismatches, run.rules
    result.explanation = "\n".join(run.explanations)
    if case.kind in ("meeting", "rotation"):
        result.record = run.record
    if golden is not None and result.record is not None and case.xfail is None:
        result.golden_diff = _golden_diff(golden.get(case.name), result.record, case.name)
    failed = bool(result.mismatches or result.golden_diff)
    if case.xfail is not None:
        result.status = "xfailed" if failed else "xpassed"
    else:
        result.status = "failed" if failed else "passed"
    return result


def golden_path(path: str | os.PathLike[str]) -> Path:
    """Where a policy file's golden rulings live: ``x.policy.yaml`` → ``x.golden.yaml`` beside it."""
    p = Path(path)
    stem = p.name[: -len(SUFFIX)] if p.name.endswith(SUFFIX) else p.stem
    return p.with_name(stem + GOLDEN_SUFFIX)


def read_golden(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """A policy file's golden rulings (case name → records), or None when it has none."""
    g = golden_path(path)
    if not g.exists():
        return None
    data = yaml.safe_load(g.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise PolicyFileError(str(g), None, None, "a golden file is a mapping of case name to rulings")
    return data


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)


def _golden_diff(golden: Any, record: list[dict[str, Any]], name: str) -> str:
    if golden == record:
        return ""
    before = _dump(golden).splitlines(keepends=True) if golden is not None else []
    after = _dump(record).splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, f"golden: {name}", f"actual: {name}"))


def write_golden(pf: PolicyFile, results: Sequence[CaseResult]) -> Path:
    """Writes the golden rulings of ``pf``: every meeting and rotation case not marked xfail, in the file's
    order, each ruling whole (``to_dict()``); returns the golden file's path."""
    data = {
        r.name: r.record for r in results if r.record is not None and r.status not in ("xfailed", "xpassed")
    }
    path = golden_path(pf.path)
    header = f"# The golden rulings of {pf.path.name}, written by `samverkan test --update-golden`.\n"
    path.write_text(header + _dump(data), encoding="utf-8")
    return path


def run_file(
    pf: PolicyFile, lang: str = DEFAULT, golden: bool = True, rulesets: RulesetCache | None = None
) -> list[CaseResult]:
    """Runs every case of ``pf``; with ``golden`` (the default), a golden file beside it is compared."""
    data = read_golden(pf.path) if golden else None
    rulesets = rulesets or RulesetCache()
    return [run_case(pf, c, lang, data, rulesets) for c in pf.cases]


def summary(results: Sequence[CaseResult], lang: str = DEFAULT) -> str:
    """One line: how many cases passed, failed, were skipped, xfailed and xpassed."""
    counts = {s: sum(r.status == s for r in results) for s in STATUSES}
    return _WORDS[check_lang(lang)]["summary"].format(n=len(results), **counts)


# ---------------------------------------------------------------------------------------------------------
# Coverage


@dataclass(frozen=True)
class Coverage:
    """How many cases exercised each rule id of the catalogue."""

    counts: dict[str, int]
    engine_rules: tuple[str, ...] = ENGINE_RULES

    @property
    def exercised(self) -> list[str]:
        """The rule ids with an engine that at least one case exercised."""
        return [r for r in self.engine_rules if self.counts.get(r, 0) > 0]

    @property
    def unexercised(self) -> list[str]:
        """The rule ids with an engine that no case exercised."""
        return [r for r in self.engine_rules if self.counts.get(r, 0) == 0]

    @property
    def percent(self) -> float:
        """The share of the rule ids with an engine that were exercised, in per cent."""
        return 100.0 * len(self.exercised) / len(self.engine_rules) if self.engine_rules else 100.0

    def to_text(self, lang: str = DEFAULT, table: bool = True) -> str:
        """The report: one line per rule with an engine (with ``table``), those none exercised, the rules
        without an engine, and the percentage."""
        w = _WORDS[check_lang(lang)]
        lines: list[str] = []
        if table:
            lines += [w["coverage.title"], ""]
            lines += [f"  {r:<7} {self.counts.get(r, 0):>4}" for r in self.engine_rules]
            lines.append("")
        none = self.unexercised
        lines.append(w["coverage.none"].format(rules=", ".join(none)) if none else w["coverage.all"])
        if table:
            lines.append(w["coverage.unreached"].format(rules=", ".join(UNREACHED)))
        lines.append(
            w["coverage.percent"].format(
                exercised=len(self.exercised), total=len(self.engine_rules), percent=self.percent
            )
        )
        return "\n".join(lines) + "\n"


def coverage(results: Iterable[CaseResult]) -> Coverage:
    """For each rule id of the catalogue, how many of the cases that ran exercised it."""
    counts = {r.id: 0 for r in _core.rules()}
    for result in results:
        if result.status == "skipped":
            continue
        for rule in set(result.rules):
            if rule in counts:
                counts[rule] += 1
    return Coverage(counts)


# ---------------------------------------------------------------------------------------------------------
# JUnit XML


def junit_xml(results: Sequence[CaseResult], lang: str = DEFAULT) -> str:
    """The results as JUnit XML: one testsuite per file, one testcase per case; failures carry the report."""
    root = ET.Element("testsuites", name="samverkan policy tests")
    by_file: dict[str, list[CaseResult]] = {}
    for r in results:
        by_file.setdefault(r.file, []).append(r)
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for file, rs in by_file.items():
        failures = sum(not r.ok for r in rs)
        skipped = sum(r.status in ("skipped", "xfailed") for r in rs)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=file,
            tests=str(len(rs)),
            failures=str(failures),
            errors="0",
            skipped=str(skipped),
        )
        totals["tests"] += len(rs)
        totals["failures"] += failures
        totals["skipped"] += skipped
        for r in rs:
            tc = ET.SubElement(suite, "testcase", classname=_classname(file), name=r.name, file=file)
            if not r.ok:
                message = "; ".join(
                    f"{m.field}: {_value(m.expected)} ≠ {_value(m.actual)}" for m in r.mismatches
                )
                if r.status == "xpassed":
                    message = f"XPASS: {r.reason}"
                elif r.golden_diff and not message:
                    message = "golden"
                ET.SubElement(tc, "failure", message=message, type=r.status).text = r.report(lang)
            elif r.status in ("skipped", "xfailed"):
                reason = r.reason if r.status == "skipped" else f"xfail: {r.reason}"
                ET.SubElement(tc, "skipped", message=reason)
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("errors", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _classname(file: str) -> str:
    name = Path(file).name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
