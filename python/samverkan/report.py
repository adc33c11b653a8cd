"""The text report on a ruleset: what is in force, the structure by level, the samråd's composition
and the validation result. Figures come from the library; this module only lays them out, in
Swedish (the default) or English."""

from __future__ import annotations

import datetime as _dt
from collections import Counter

from ._core import ArgumentError, Forum, Ruleset, Structure, find_rule
from ._lang import DEFAULT, check_lang
from .rotation import chair_on

LEVELS = ("political", "strategic", "operational", "support")

_TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "heading": "samverkan-rapport",
        "heading_on": "samverkan-rapport: regler som gäller den {on}",
        "ruleset": "Regelverk",
        "in_force": "Gäller",
        "until_replaced": "tills vidare",
        "not_in_force": "(gäller inte den {on})",
        "read_from": "Läst från",
        "sources": "Källor",
        "plan_period": "Planperiod",
        "structure": "Strukturen per nivå (§ 2)",
        "level.political": "politisk",
        "level.strategic": "strategisk",
        "level.operational": "operativ",
        "level.support": "stöd",
        "aliases": " (även: {aliases})",
        "theme": " — tema {label}, {ages}",
        "any_age": "alla åldrar",
        "offices": " — uppdrag: {offices}",
        "role.chair": "ordförande",
        "role.vice_chair": "vice ordförande",
        "preparers": "  Bereder samrådets ärenden (STR-1): {ids}",
        "path": "  En fråga som väcks i {forum} når samrådet via: {path}",
        "adopters": "  Fastställer samrådets inriktningsbeslut (CNS-5): {n} nämnder och styrelser",
        "anchoring": "  För information åt båda hållen till sina hemorganisationer (STR-9, CNS-6): "
        "{n} nämnder och styrelser",
        "action_plan": "  Beslutar om handlingsplanen och följer upp den årligen (STR-3): {decider}",
        "no_action_plan": "- (regelverket nämner ingen handlingsplan)",
        "appointed": "{office} (utses av {by}, {rule})",
        "presidium_unknown": "  Presidium den {on} (ROT-3a): kan inte anges: {why}",
        "composition": "Sammansättning: {name} (CMP-1 … CMP-3)",
        "totals": "  {n} representanter: {ordinary} ordinarie ledamöter, {substitutes} ersättare",
        "side.region": "Regionen (VGR)",
        "side.municipal": "Kommunerna",
        "side_totals": "  {label:<15} {ordinary:>2} ordinarie + {substitutes:>2} ersättare",
        "quorum.more_than_half": "mer än hälften",
        "quorum.two_thirds": "två tredjedelar",
        "quorum.count": "fast antal",
        "quorum": "  Beslutförhet (QRM-3): {quorum} av {ordinary} ordinarie platser med tjänstgörande "
        "ledamot ({how})",
        "scope": "  Ersättare tjänstgör inom (QRM-2): {scope}",
        "consensus": "  Enighet (CNS-2): {consensus}; utan enighet (CNS-3): {on_no_consensus}, "
        "avförs efter {max_referrals} återremiss(er)",
        "rotation": "  Ordförandeskapets rotation (ROT-1 … ROT-6): perioder om {years} år från {anchor}, "
        "första ordförande {first}, samordning med LGS {lgs}",
        "presidium": "  Presidium den {on} (ROT-3a): ordförande {chair}, vice ordförande {vice} "
        "(period {start} – {end}; LGS-ordförande från {lgs})",
        "lgs_side.municipal": "kommunerna",
        "lgs_side.region": "regionen",
        "plan": "Samverkansplan (PLN-1, PLN-3)",
        "focus_area": "  fokusområde   {name}",
        "consider": "  beakta        {name}",
        "validation": "Kontroll",
        "ok.ids": "  id:n unika, varje hänvisning känd, parametrar inom tillåtna värden: ok",
        "ok.str1": "  STR-1 beredningen går i en riktning (ingen cykel): ok",
        "ok.str4": "  STR-4 varje forum på operativ nivå når LGS: ok",
        "ok.str7": "  STR-7 varje representerad nämnd och styrelse når samrådet: ok",
        "invalid": "  Resultat: OGILTIGT",
        "valid": "  Resultat: giltigt",
    },
    "en": {
        "heading": "samverkan report",
        "heading_on": "samverkan report: rules in force on {on}",
        "ruleset": "Ruleset",
        "in_force": "In force",
        "until_replaced": "until replaced",
        "not_in_force": "(not in force on {on})",
        "read_from": "Read from",
        "sources": "Sources",
        "plan_period": "Plan period",
        "structure": "Structure by level (§ 2)",
        "level.political": "political",
        "level.strategic": "strategic",
        "level.operational": "operational",
        "level.support": "support",
        "aliases": " (also: {aliases})",
        "theme": " — theme {label}, {ages}",
        "any_age": "any age",
        "offices": " — offices: {offices}",
        "role.chair": "chair",
        "role.vice_chair": "vice_chair",
        "preparers": "  Prepares the samråd's matters (STR-1): {ids}",
        "path": "  A question raised in {forum} reaches the samråd via: {path}",
        "adopters": "  Adopt the samråd's directional positions (CNS-5): {n} bodies",
        "anchoring": "  Carry information both ways to their home organisations (STR-9, CNS-6): {n} bodies",
        "action_plan": "  Decides the handlingsplan and follows it up yearly (STR-3): {decider}",
        "no_action_plan": "- (this ruleset names no handlingsplan)",
        "appointed": "{office} (appointed by {by}, {rule})",
        "presidium_unknown": "  Presidium on {on} (ROT-3a): not given: {why}",
        "composition": "Composition of {name} (CMP-1 … CMP-3)",
        "totals": "  {n} representatives: {ordinary} ordinary seats, {substitutes} substitutes",
        "side.region": "Region (VGR)",
        "side.municipal": "Municipalities",
        "side_totals": "  {label:<15} {ordinary:>2} ordinary + {substitutes:>2} substitutes",
        "quorum.more_than_half": "more than half",
        "quorum.two_thirds": "two thirds",
        "quorum.count": "set count",
        "quorum": "  Quorum (QRM-3): {quorum} of {ordinary} ordinary seats served ({how})",
        "scope": "  Substitutes serve for (QRM-2): {scope}",
        "consensus": "  Consensus (CNS-2): {consensus}; without consensus (CNS-3): {on_no_consensus}, "
        "removal after {max_referrals} referral(s)",
        "rotation": "  Chair rotation (ROT-1 … ROT-6): {years}-year terms from {anchor}, "
        "first chair {first}, LGS coordination {lgs}",
        "presidium": "  Presidium on {on} (ROT-3a): chair {chair}, vice chair {vice} "
        "(term {start} – {end}; LGS chair side {lgs})",
        "lgs_side.municipal": "municipal",
        "lgs_side.region": "region",
        "plan": "Plan (PLN-1, PLN-3)",
        "focus_area": "  focus area    {name}",
        "consider": "  consider      {name}",
        "validation": "Validation",
        "ok.ids": "  ids unique, every reference known, parameters in range: ok",
        "ok.str1": "  STR-1 preparation flows one way (no cycle): ok",
        "ok.str4": "  STR-4 every operational forum reaches LGS: ok",
        "ok.str7": "  STR-7 every represented body reaches the samråd: ok",
        "invalid": "  Result: INVALID",
        "valid": "  Result: valid",
    },
}


def _law(rule_id: str) -> str:
    rule = find_rule(rule_id)
    return rule.law if rule is not None and rule.law else ""


def _ages(theme: dict[str, object], text: dict[str, str]) -> str:
    lo, hi = theme["min_age"], theme["max_age"]
    if lo is None and hi is None:
        return text["any_age"]
    if lo is None:
        return f"0–{hi}"
    if hi is None:
        return f"{lo}+"
    return f"{lo}–{hi}"


def _office(structure: Structure, forum_id: str, role: str, text: dict[str, str]) -> str:
    name = f"{forum_id} {text.get('role.' + role, role)}"
    appointed = structure.appointer_of(forum_id, role)
    if appointed is None:
        return name
    by, rule = appointed
    return text["appointed"].format(office=name, by=by, rule=rule)


def _forum_line(structure: Structure, forum: Forum, text: dict[str, str]) -> str:
    line = f"{forum.name} [{forum.id}]"
    if forum.aliases:
        line += text["aliases"].format(aliases=", ".join(forum.aliases))
    if forum.theme is not None:
        line += text["theme"].format(label=forum.theme["label"], ages=_ages(forum.theme, text))
    if forum.offices:
        offices = ", ".join(_office(structure, f, role, text) for f, role in forum.offices)
        line += text["offices"].format(offices=offices)
    return line


def report(ruleset: Ruleset, on: _dt.date | None = None, lang: str = DEFAULT) -> str:
    """The report as text, in Swedish (``lang="sv"``, the default) or English (``lang="en"``).
    ``on`` is the date asked about, if any."""
    text = _TEXT[check_lang(lang)]
    out: list[str] = []
    add = out.append
    s = ruleset.structure
    samrad_id = ruleset.meeting["forum"]

    def field(key: str, value: str) -> None:
        add(f"{text[key] if key else '':<12}{value}")

    heading = text["heading"] if on is None else text["heading_on"].format(on=on.isoformat())
    add(heading)
    add("=" * len(heading))
    field("ruleset", f"{ruleset.id}: {ruleset.name}")
    until = ruleset.valid_to.isoformat() if ruleset.valid_to else text["until_replaced"]
    field("in_force", f"{ruleset.valid_from.isoformat()} – {until}")
    if on is not None and not ruleset.in_force_on(on):
        field("", text["not_in_force"].format(on=on.isoformat()))
    field("read_from", ruleset.origin)
    for i, src in enumerate(ruleset.sources):
        field("sources" if i == 0 else "", f"{src['id']}  {src['file']}  {src['title']}")
    if ruleset.plan_period is not None:
        start, end = ruleset.plan_period
        field("plan_period", f"{start.isoformat()} – {end.isoformat()}")

    add("")
    add(text["structure"])
    for level in LEVELS:
        ids = s.forums(level)
        label = text["level." + level]
        for i, forum_id in enumerate(ids):
            add(f"  {label if i == 0 else '':<12} {_forum_line(s, ruleset.forum(forum_id), text)}")
    add(text["preparers"].format(ids=", ".join(s.preparers_of(samrad_id))))
    themes = [f for f in ruleset.forums if f.theme is not None]
    if themes:
        path = s.path(themes[0].id, samrad_id)
        add(text["path"].format(forum=themes[0].id, path=" → ".join(path)))
    decider = s.action_plan_decider()
    add(text["action_plan"].format(decider=decider if decider is not None else text["no_action_plan"]))
    adopters = s.adopters_of(samrad_id)
    add(text["adopters"].format(n=len(adopters)))
    add(f"    {', '.join(adopters)}")
    anchoring = s.anchoring(samrad_id)
    add(text["anchoring"].format(n=len(anchoring)))

    seats = ruleset.seats(samrad_id)
    kinds = Counter(seat.kind for seat in seats)
    ordinary, substitutes = kinds["ordinary"], kinds["substitute"]
    add("")
    add(text["composition"].format(name=ruleset.forum(samrad_id).name))
    add(text["totals"].format(n=len(seats), ordinary=ordinary, substitutes=substitutes))
    for side in ("region", "municipal"):
        on_side = [seat for seat in seats if seat.side == side]
        n_ord = sum(seat.kind == "ordinary" for seat in on_side)
        add(
            text["side_totals"].format(
                label=text["side." + side], ordinary=n_ord, substitutes=len(on_side) - n_ord
            )
        )
        by_body: dict[str, list[str]] = {}
        for seat in on_side:
            by_body.setdefault(seat.body, []).append(seat.id)
        for body, ids in by_body.items():
            add(f"    {body:<20} {', '.join(ids)}")
    meeting = ruleset.meeting
    rule = meeting["quorum"]
    how = text["quorum." + rule] if rule in ("more_than_half", "two_thirds") else text["quorum.count"]
    law = _law("QRM-3")
    if law:
        how += f"; {law}"
    add(text["quorum"].format(quorum=ruleset.quorum_threshold(), ordinary=ordinary, how=how))
    add(text["scope"].format(scope=meeting["substitution_scope"]))
    add(
        text["consensus"].format(
            consensus=meeting["consensus"],
            on_no_consensus=meeting["on_no_consensus"],
            max_referrals=meeting["max_referrals"],
        )
    )
    rot = ruleset.rotation_parameters
    add(
        text["rotation"].format(
            years=rot["term_years"],
            anchor=rot["anchor"].isoformat(),
            first=rot["first_holder"],
            lgs=rot["lgs_coordination"],
        )
    )
    if on is not None and on >= rot["anchor"]:
        try:
            term = chair_on(ruleset, on)
        except ArgumentError as exc:  # a term running past the last date the library handles
            add(text["presidium_unknown"].format(on=on.isoformat(), why=exc))
        else:
            lgs_side = term.lgs_chair_side
            add(
                text["presidium"].format(
                    on=on.isoformat(),
                    chair=term.chair,
                    vice=term.vice_chair,
                    start=term.start.isoformat(),
                    end=term.end.isoformat(),
                    lgs=text.get("lgs_side." + lgs_side, lgs_side) if lgs_side else "-",
                )
            )

    if ruleset.focus_areas or ruleset.equity_groups:
        add("")
        add(text["plan"])
        for area in ruleset.focus_areas:
            add(text["focus_area"].format(name=area["name"]))
        for group in ruleset.equity_groups:
            add(text["consider"].format(name=group["name"]))

    add("")
    problems = s.validate()
    add(text["validation"])
    if problems:
        for p in problems:
            add(f"  {p.rule or '-'}: {p.message}")
        add(text["invalid"])
    else:
        for key in ("ok.ids", "ok.str1", "ok.str4", "ok.str7"):
            add(text[key])
        add(text["valid"])
    return "\n".join(out) + "\n"
