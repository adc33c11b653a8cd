"""The text report on a ruleset: what is in force, the structure by level, the samråd's composition
and the validation result. Figures come from the library; this module only lays them out."""

from __future__ import annotations

import datetime as _dt
from collections import Counter

from ._core import ArgumentError, Forum, Ruleset, Structure, find_rule
from .rotation import chair_on

LEVELS = ("political", "strategic", "operational", "support")


def _law(rule_id: str) -> str:
    rule = find_rule(rule_id)
    return rule.law if rule is not None and rule.law else ""


def _ages(theme: dict[str, object]) -> str:
    lo, hi = theme["min_age"], theme["max_age"]
    if lo is None and hi is None:
        return "any age"
    if lo is None:
        return f"0–{hi}"
    if hi is None:
        return f"{lo}+"
    return f"{lo}–{hi}"


def _office(structure: Structure, forum_id: str, role: str) -> str:
    appointed = structure.appointer_of(forum_id, role)
    if appointed is None:
        return f"{forum_id} {role}"
    by, rule = appointed
    return f"{forum_id} {role} (appointed by {by}, {rule})"


def _forum_line(structure: Structure, forum: Forum) -> str:
    text = f"{forum.name} [{forum.id}]"
    if forum.aliases:
        text += f" (also: {', '.join(forum.aliases)})"
    if forum.theme is not None:
        text += f" — theme {forum.theme['label']}, {_ages(forum.theme)}"
    if forum.offices:
        text += " — offices: " + ", ".join(_office(structure, f, role) for f, role in forum.offices)
    return text


def report(ruleset: Ruleset, on: _dt.date | None = None) -> str:
    """The report as text. ``on`` is the date asked about, if any."""
    out: list[str] = []
    add = out.append
    s = ruleset.structure
    samrad_id = ruleset.meeting["forum"]

    heading = "samverkan report"
    if on is not None:
        heading += f": rules in force on {on.isoformat()}"
    add(heading)
    add("=" * len(heading))
    add(f"Ruleset     {ruleset.id}: {ruleset.name}")
    until = ruleset.valid_to.isoformat() if ruleset.valid_to else "until replaced"
    add(f"In force    {ruleset.valid_from.isoformat()} – {until}")
    if on is not None and not ruleset.in_force_on(on):
        add(f"            (not in force on {on.isoformat()})")
    add(f"Read from   {ruleset.origin}")
    for i, src in enumerate(ruleset.sources):
        add(f"{'Sources' if i == 0 else '':<12}{src['id']}  {src['file']}  {src['title']}")
    if ruleset.plan_period is not None:
        start, end = ruleset.plan_period
        add(f"Plan period {start.isoformat()} – {end.isoformat()}")

    add("")
    add("Structure by level (§ 2)")
    for level in LEVELS:
        ids = s.forums(level)
        for i, forum_id in enumerate(ids):
            add(f"  {level if i == 0 else '':<12} {_forum_line(s, ruleset.forum(forum_id))}")
    add(f"  Prepares the samråd's matters (STR-1): {', '.join(s.preparers_of(samrad_id))}")
    themes = [f for f in ruleset.forums if f.theme is not None]
    if themes:
        path = s.path(themes[0].id, samrad_id)
        add(f"  A question raised in {themes[0].id} reaches the samråd via: {' → '.join(path)}")
    decider = s.action_plan_decider()
    add(
        "  Decides the handlingsplan and follows it up yearly (STR-3): "
        + (decider if decider is not None else "- (this ruleset names no handlingsplan)")
    )
    adopters = s.adopters_of(samrad_id)
    add(f"  Adopt the samråd's directional positions (CNS-5): {len(adopters)} bodies")
    add(f"    {', '.join(adopters)}")
    anchoring = s.anchoring(samrad_id)
    add(f"  Carry information both ways to their home organisations (STR-9, CNS-6): {len(anchoring)} bodies")

    seats = ruleset.seats(samrad_id)
    kinds = Counter(seat.kind for seat in seats)
    ordinary, substitutes = kinds["ordinary"], kinds["substitute"]
    add("")
    add(f"Composition of {ruleset.forum(samrad_id).name} (CMP-1 … CMP-3)")
    add(f"  {len(seats)} representatives: {ordinary} ordinary seats, {substitutes} substitutes")
    for side, label in (("region", "Region (VGR)"), ("municipal", "Municipalities")):
        on_side = [seat for seat in seats if seat.side == side]
        n_ord = sum(seat.kind == "ordinary" for seat in on_side)
        n_sub = len(on_side) - n_ord
        add(f"  {label:<15} {n_ord:>2} ordinary + {n_sub:>2} substitutes")
        by_body: dict[str, list[str]] = {}
        for seat in on_side:
            by_body.setdefault(seat.body, []).append(seat.id)
        for body, ids in by_body.items():
            add(f"    {body:<20} {', '.join(ids)}")
    meeting = ruleset.meeting
    quorum = ruleset.quorum_threshold()
    rule = meeting["quorum"]
    how = (
        "more than half"
        if rule == "more_than_half"
        else "two thirds"
        if rule == "two_thirds"
        else "set count"
    )
    law = _law("QRM-3")
    add(f"  Quorum (QRM-3): {quorum} of {ordinary} ordinary seats served ({how}{'; ' + law if law else ''})")
    add(f"  Substitutes serve for (QRM-2): {meeting['substitution_scope']}")
    add(
        f"  Consensus (CNS-2): {meeting['consensus']}; without consensus (CNS-3): "
        f"{meeting['on_no_consensus']}, removal after {meeting['max_referrals']} referral(s)"
    )
    rot = ruleset.rotation_parameters
    add(
        f"  Chair rotation (ROT-1 … ROT-6): {rot['term_years']}-year terms from {rot['anchor'].isoformat()}, "
        f"first chair {rot['first_holder']}, LGS coordination {rot['lgs_coordination']}"
    )
    if on is not None and on >= rot["anchor"]:
        try:
            term = chair_on(ruleset, on)
        except ArgumentError as exc:  # a term running past the last date the library handles
            add(f"  Presidium on {on.isoformat()} (ROT-3a): not given: {exc}")
        else:
            lgs = term.lgs_chair_side or "-"
            add(
                f"  Presidium on {on.isoformat()} (ROT-3a): chair {term.chair}, vice chair {term.vice_chair} "
                f"(term {term.start.isoformat()} – {term.end.isoformat()}; LGS chair side {lgs})"
            )

    if ruleset.focus_areas or ruleset.equity_groups:
        add("")
        add("Plan (PLN-1, PLN-3)")
        for area in ruleset.focus_areas:
            add(f"  focus area    {area['name']}")
        for group in ruleset.equity_groups:
            add(f"  consider      {group['name']}")

    add("")
    problems = s.validate()
    add("Validation")
    if problems:
        for p in problems:
            add(f"  {p.rule or '-'}: {p.message}")
        add("  Result: INVALID")
    else:
        add("  ids unique, every reference known, parameters in range: ok")
        add("  STR-1 preparation flows one way (no cycle): ok")
        add("  STR-4 every operational forum reaches LGS: ok")
        add("  STR-7 every represented body reaches the samråd: ok")
        add("  Result: valid")
    return "\n".join(out) + "\n"
