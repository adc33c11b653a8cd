"""A year of the politiskt samråd, 2026, kept in one event log (docs/matters.md, docs/minutes.md).

Four meetings, with absences and serving substitutes (QRM-2); the second is not quorate (QRM-3, CNS-4).
A directional position is referred back once (CNS-3), agreed at the meeting after next and adopted by 11 of
the 13 bodies, declined by one and pending in one (CNS-5). A second matter is removed after a second failure
to agree (CNS-3). Each meeting is convened by a process leader of Samverkanskontoret (MTG-2, RGT-3), and the
minutes of the third are signed by the person who presided and published (RGT-2, MIN-2).

tests/python/test_year_replay.py builds the year, replays it from its event log (as JSON) and checks every
state. Run it to print the year's matters::

    python docs/examples/year_2026.py
"""

from __future__ import annotations

from dataclasses import dataclass

import samverkan

FORUM = "politiskt_samrad"
LEADER = "samverkanskontoret/processledare"
ADOPTERS_DECLINING = "partille"
ADOPTERS_PENDING = "ockero"


@dataclass
class Year:
    ruleset: samverkan.Ruleset
    log: samverkan.EventLog
    guideline: samverkan.Matter  # directional: referred back, not dealt with, agreed, adopted
    routine: samverkan.Matter  # referred back, then removed
    plan: samverkan.Matter  # agreed at the last meeting
    meetings: list[samverkan.Meeting]


def _meeting(rs: samverkan.Ruleset, day: str, absent: list[str], substitutes: list[str]) -> samverkan.Meeting:
    """A meeting of the samråd: every ordinary member but the absent ones, and the substitutes who came."""
    ordinary = [s.id for s in rs.seats(FORUM) if s.kind == "ordinary"]
    return samverkan.Meeting(rs, date=day, present=[s for s in ordinary if s not in absent] + substitutes)


def build() -> Year:
    rs = samverkan.load_default("2026-01-01")
    guideline = samverkan.Matter(
        rs, "Gemensam riktlinje för trygga vårdövergångar", "lgs", directional=True, on="2026-01-20"
    )
    log = guideline.log
    routine = samverkan.Matter(rs, "Samverkansrutin för hemsjukvård", "tema_aldre", on="2026-01-27", log=log)
    plan = samverkan.Matter(rs, "Uppföljning av handlingsplanen", "lgs", on="2026-08-17", log=log)

    # 13 March: two members away, their substitutes serve (QRM-2); both matters meet an objection (CNS-2).
    for m in (guideline, routine):
        m.prepare("lgs", on="2026-02-16").place_on_agenda(on="2026-02-20")
    first = _meeting(rs, "2026-03-13", ["su/ord", "molndal/ord"], ["su/ers", "molndal/ers"])
    first.consider(guideline, objections=["narhalsan/ord"], reason="Konsekvenserna för primärvården")
    first.consider(routine, objections=["goteborg/ord2"], reason="Ansvaret för läkemedel")
    first.notice(LEADER, on="2026-02-20")

    # 22 May: eight ordinary members away and no substitute: 7 of 15 seats served, not quorate (QRM-3, CNS-4).
    guideline.prepare("lgs", on="2026-04-20").place_on_agenda(on="2026-04-24")
    away = ["dn_goteborg/ord", "dn_vastra/ord", "narhalsan/ord", "tandvard/ord", "su/ord", "goteborg/ord2",
            "goteborg/ord3", "ockero/ord"]  # fmt: skip
    second = _meeting(rs, "2026-05-22", away, [])
    second.consider(guideline)
    second.notice(LEADER, on="2026-04-24")

    # 18 September: the guideline is agreed (CNS-1); the routine fails a second time and is removed (CNS-3).
    routine.prepare("lgs", on="2026-08-24").place_on_agenda(on="2026-08-28")
    plan.prepare("lgs", on="2026-08-24").place_on_agenda(on="2026-08-28")
    third = _meeting(rs, "2026-09-18", ["harryda/ord"], ["harryda/ers"])
    third.consider(guideline)
    third.consider(routine, objections=["goteborg/ord2"], reason="Läkemedelsansvaret är fortfarande oklart")
    third.notice(LEADER, on="2026-08-28")
    minutes = third.minutes()
    minutes.sign(by=str(minutes.presiding[0]), on="2026-09-25")
    minutes.publish(on="2026-10-02")

    # 27 November: the plan's follow-up is agreed.
    fourth = _meeting(rs, "2026-11-27", ["partille/ord"], ["partille/ers"])
    fourth.consider(plan)
    fourth.notice(LEADER, on="2026-10-30")

    # Adoption (fastställande) of the guideline by each body that adopts the samråd's positions (CNS-5).
    for body in sorted(guideline.adoption):
        if body == ADOPTERS_DECLINING:
            guideline.decline(body, on="2026-11-10", reference="KS 2026/412")
        elif body != ADOPTERS_PENDING:
            guideline.adopt(body, on="2026-10-20", reference=f"{body}-2026-118")
    return Year(rs, log, guideline, routine, plan, [first, second, third, fourth])


if __name__ == "__main__":
    year = build()
    for matter in (year.guideline, year.routine, year.plan):
        print(f"{matter.id}  {matter.title}: {matter.status}, återremisser {matter.referrals}")
    print(year.guideline.adoption_status("2026-12-31")["status"])
