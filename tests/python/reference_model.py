"""A reference model of one meeting of a forum with seats: who serves, quorum, who presides, the outcome.

Written from /work/shared/domain.md (§ 4 QRM, § 5 CNS, § 10 RGT) and the item semantics of the ruling
contract (spec/rulings.md), not from the engine, so that test_reference_model.py can compare the two on
random meetings. It is meant to be read: plain data in, plain dicts out, every step named by its rule.

    seats       the forum's seats in forum order, each with id, kind ("ordinary" | "substitute"), body,
                party and side ("municipal" | "region"), e.g. samverkan's Ruleset.seats(forum)
    params      the ruleset's meeting parameters, shaped like Ruleset.meeting
    chair, vice_chair   the seat ids holding the offices (the caller resolves the rotation, ROT-3a)
    people      seat id -> {"born": date | None, "member_since": date | None}; a seat may be left out
    present, remote     seat ids present at the start; the remote ones take part at a distance (QRM-7)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple


class Seat(NamedTuple):
    id: str
    kind: str
    body: str
    party: str
    side: str


class Refused(Exception):
    """An act the rules refuse; ``rule`` names the rule (RGT-1, RGT-4, CNS-2, CNS-3)."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(f"{message} [{rule}]")
        self.rule = rule


Assignment = dict[str, str]  # ordinary seat id -> id of the seat serving it (vacant seats left out)
NOBODY = "nobody"  # _preside's answer when no one present may preside
SCOPE = {"same_body": "body", "same_party": "party", "same_side": "side"}  # QRM-2: what must match


class Meeting:
    def __init__(
        self,
        seats: Iterable[Any],
        params: Mapping[str, Any],
        chair: str,
        vice_chair: str,
        people: Mapping[str, Mapping[str, dt.date | None]] | None = None,
        present: Iterable[str] = (),
        remote: Iterable[str] = (),
    ) -> None:
        self.seats = [Seat(s.id, s.kind, s.body, s.party, s.side) for s in seats]
        self.seat = {s.id: s for s in self.seats}
        self.order = {s.id: i for i, s in enumerate(self.seats)}
        self.params = params
        self.chair, self.vice_chair = chair, vice_chair
        self.people = {k: dict(v) for k, v in (people or {}).items()}
        self.remote = set(remote)
        self.present = set(present) | self.remote  # taking part remotely is being present (QRM-7)
        self.left: set[str] = set()  # left for a reason other than jäv: never serves again (QRM-5)
        self.prev: Assignment = {}  # the previous item's assignment (QRM-5); none before the first item

    # Between items (QRM-5) ------------------------------------------------------------------------------

    def arrive(self, seat_id: str, remote: bool = False) -> None:
        self._holds_seat(seat_id)
        self.present.add(seat_id)
        if remote:
            self.remote.add(seat_id)
        else:
            self.remote.discard(seat_id)

    def leave(self, seat_id: str, reason: str = "left") -> None:
        self._holds_seat(seat_id)
        self.present.discard(seat_id)
        self.remote.discard(seat_id)
        if reason != "disqualified":  # QRM-4: a jävig member returns; QRM-5: anyone else does not
            self.left.add(seat_id)

    # One agenda item ------------------------------------------------------------------------------------

    def consider(
        self,
        title: str,
        objections: Iterable[str] = (),
        abstentions: Iterable[str] = (),
        disqualified: Iterable[str] = (),
        referrals: int = 0,
        action: str | None = None,
        reason: str | None = None,
    ) -> dict[str, Any]:
        """The ruling on one item, as Ruling.to_dict() without rules and steps; raises Refused.

        A refused item changes nothing."""
        objections, abstentions, disqualified = list(objections), list(abstentions), list(disqualified)
        p = self.params
        # RGT-4: a person who holds no seat cannot take part at all.
        for seat_id in objections + abstentions + disqualified:
            self._holds_seat(seat_id)
        # CNS-3: a referral count is never negative.
        if referrals < 0:
            raise Refused("CNS-3", f"referrals must be 0 or more, got {referrals}")
        # CNS-2: one seat cannot both object and abstain.
        both = set(objections) & set(abstentions)
        if both:
            raise Refused("CNS-2", f"{sorted(both)} both object and abstain")

        # QRM-4: a jävig member is away for this item. QRM-7: remote participation counts as presence
        # when the ruleset allows it ...
        def available(with_remote: bool) -> Callable[[str], bool]:
            return lambda s: (
                s in self.present
                and s not in self.left
                and s not in disqualified
                and (s not in self.remote or with_remote)
            )

        any_remote = any(available(True)(s) and s in self.remote for s in self.seat)
        remote_counts = any_remote and p["remote"]["allowed"]
        assignment = self._assign(available(remote_counts))
        presiding, unknowns = self._preside(assignment)
        # ... and the person presiding is on site: if only a remote member could preside, nobody may,
        # and then remote presence does not count at all.
        if remote_counts and p["remote"]["chair_on_site"] and presiding == NOBODY:
            remote_counts = False
            assignment = self._assign(available(False))
            presiding, unknowns = self._preside(assignment)
        serving = self._in_order(assignment.values())

        # RGT-1: only serving members take part in the consensus.
        for seat_id in objections + abstentions:
            if seat_id not in serving:
                raise Refused("RGT-1", f"{seat_id} does not serve in this item")

        # QRM-3: enough ordinary seats filled by serving members (and, optionally, both sides serving).
        n = sum(s.kind == "ordinary" for s in self.seats)
        quorum = p["quorum"]  # more_than_half, two_thirds or a count
        threshold = {"more_than_half": n // 2 + 1, "two_thirds": -(-2 * n // 3)}.get(quorum, quorum)
        served = len(assignment)
        quorate = served >= threshold
        if p["quorum_both_sides_present"]:
            quorate = quorate and {self.seat[s].side for s in serving} == {"municipal", "region"}

        count = referrals
        if not quorate:
            outcome, presiding, unknowns = "not_quorate", None, []  # CNS-4: stays on the list
        elif presiding == NOBODY:
            outcome, presiding = "not_dealt_with", None  # QRM-6: never a position with nobody presiding
        else:
            # CNS-2: an objection blocks; under unanimous_assent an abstention blocks too.
            blocked = bool(objections) or (p["consensus"] == "unanimous_assent" and bool(abstentions))
            if not blocked:
                outcome = "position"
            # CNS-3: refer back or remove; after max_referrals referrals only removal remains.
            elif referrals >= p["max_referrals"] or (action or p["on_no_consensus"]) == "remove":
                outcome = "removed"
            else:
                outcome, count = "referred_back", referrals + 1

        self.prev = assignment  # QRM-5: seats change only between items
        return {
            "title": title,
            "chair": self.chair,
            "vice_chair": self.vice_chair,
            "quorate": quorate,
            "served": served,
            "ordinary_seats": n,
            "threshold": threshold,
            "serving": serving,
            "substitutions": {o: s for o, s in assignment.items() if o != s},
            "presiding": presiding,
            "outcome": outcome,
            "objections": self._in_order(objections),
            "abstentions": self._in_order(abstentions),
            "reason": reason or "",
            "referrals": count,
            "remote_counts": remote_counts,
            "unknowns": unknowns,
        }

    # QRM-2, QRM-4, QRM-5: who serves --------------------------------------------------------------------

    def _assign(self, available: Callable[[str], bool]) -> Assignment:
        ordinary = [s for s in self.seats if s.kind == "ordinary"]
        substitutes = [s for s in self.seats if s.kind == "substitute"]
        scope = SCOPE[self.params["substitution_scope"]]
        got = {o.id: o.id for o in ordinary if available(o.id)}  # a. a present member serves
        used: set[str] = set()

        def fill(keep_previous: bool, own_body: bool) -> None:
            for o in ordinary:
                if o.id in got:
                    continue
                previous = self.seat.get(self.prev.get(o.id, ""))
                if keep_previous:
                    candidates = [previous] if previous and previous.kind == "substitute" else []
                else:
                    candidates = substitutes  # the ruleset's order decides (QRM-2)
                for s in candidates:
                    in_scope = s.body == o.body if own_body else getattr(s, scope) == getattr(o, scope)
                    if in_scope and available(s.id) and s.id not in used:
                        got[o.id] = s.id
                        used.add(s.id)
                        break

        fill(keep_previous=True, own_body=True)  # b. QRM-5: a serving substitute is not displaced
        fill(keep_previous=False, own_body=True)  # c. QRM-2: the body's own substitutes first
        fill(keep_previous=True, own_body=False)  # d. QRM-5: ... nor one of another body in scope
        fill(keep_previous=False, own_body=False)  # e. QRM-2: then the others in scope
        return {o.id: got[o.id] for o in ordinary if o.id in got}

    # QRM-6, QRM-7: who presides --------------------------------------------------------------------------

    def _preside(self, assignment: Assignment) -> tuple[str | None, list[dict[str, Any]]]:
        """(seat, []) when known; (None, [unknown]) when data is missing; (NOBODY, []) when nobody may."""
        p = self.params
        serving = set(assignment.values())
        eligible = [
            s.id
            for s in self.seats
            if s.id in serving
            and (s.kind == "ordinary" or p["substitute_may_preside"])
            and not (p["remote"]["chair_on_site"] and s.id in self.remote)
        ]
        if self.chair in eligible:
            return self.chair, []
        if self.vice_chair in eligible:
            return self.vice_chair, []
        if not eligible:
            return NOBODY, []
        # Both absent: the eldest (or longest serving, then eldest); ties by seat order.
        need = ["born"] if p["presiding_fallback"] == "eldest" else ["member_since", "born"]

        def data(seat_id: str) -> list[dt.date | None]:
            person = self.people.get(seat_id, {})
            return [person.get(field) for field in need]

        known = [s for s in eligible if None not in data(s)]
        lacking = [s for s in eligible if None in data(s)]
        best = min(known, key=lambda s: (data(s), self.order[s])) if known else None
        if not lacking:
            return best, []
        # The data is missing: name it and every seat that could preside given what is known.
        missing = [f for i, f in enumerate(need) if any(data(s)[i] is None for s in lacking)]
        unknown = {
            "rule": "QRM-6",
            "decides": "presiding",
            "missing": missing,
            "seats": lacking,
            "candidates": self._in_order(lacking + ([best] if best else [])),
        }
        return None, [unknown]

    # Helpers --------------------------------------------------------------------------------------------

    def _holds_seat(self, seat_id: str) -> None:
        if seat_id not in self.seat:  # RGT-4
            raise Refused("RGT-4", f"{seat_id!r} holds no seat in the forum")

    def _in_order(self, seat_ids: Iterable[str]) -> list[str]:
        return sorted(set(seat_ids), key=self.order.__getitem__)
