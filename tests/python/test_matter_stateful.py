"""Random sequences of allowed, forbidden and forced steps on a matter and the meetings that consider it.

After every step the event log read back (from its history and from its JSON) rebuilds the same state, and a
refused step leaves the log exactly as it was. The C++ event log decides every step; this machine only tries
them and never predicts which are allowed.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

import samverkan

RS = samverkan.load_default("2026-03-13")
START = dt.date(2026, 2, 2)
SEATS = [s.id for s in RS.seats("politiskt_samrad")]
ORDINARY = [s.id for s in RS.seats("politiskt_samrad") if s.kind == "ordinary"]
ADOPTERS = RS.structure.adopters_of("politiskt_samrad")
# Preparers of the samråd and forums that are not (STR-1), bodies that adopt and one that does not (CNS-5).
FORUMS = ["lgs", "lgs_beredning", "politiskt_presidium", "tema_aldre", "nosam"]
BODIES = [*ADOPTERS[:4], "lgs"]

forced = st.sampled_from([(False, None), (True, "as it happened"), (True, None)])


class MatterMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.day = START
        self.matter = samverkan.Matter(
            RS, "Trygga vårdövergångar", "tema_aldre", directional=True, on=self.day
        )
        self.meeting: samverkan.Meeting | None = None
        self.refused = 0

    def step(self, action: object) -> None:
        """Takes a step; a refusal must be one of the library's errors and leave the log unchanged."""
        before = self.matter.to_json()
        try:
            action()  # type: ignore[operator]
        except samverkan.Error:
            self.refused += 1
            assert self.matter.to_json() == before

    @rule(days=st.integers(0, 20))
    def later(self, days: int) -> None:
        self.day += dt.timedelta(days=days)

    @rule(by=st.sampled_from(FORUMS), how=forced)
    def prepare(self, by: str, how: tuple[bool, str | None]) -> None:
        self.step(lambda: self.matter.prepare(by, on=self.day, force=how[0], reason=how[1]))

    @rule(how=forced)
    def place_on_agenda(self, how: tuple[bool, str | None]) -> None:
        self.step(lambda: self.matter.place_on_agenda(on=self.day, force=how[0], reason=how[1]))

    @rule(absent=st.sets(st.sampled_from(ORDINARY), max_size=9))
    def open_meeting(self, absent: set[str]) -> None:
        present = [s for s in ORDINARY if s not in absent]
        self.meeting = samverkan.Meeting(
            RS, date=self.day, present=present, chair="goteborg/ord1", vice_chair="regionhalsan/ord"
        )

    @rule(seat=st.sampled_from(SEATS), leave=st.booleans())
    def attendance(self, seat: str, leave: bool) -> None:
        mt = self.meeting
        if mt is not None:
            self.step(lambda: mt.leave(seat) if leave else mt.arrive(seat))

    @rule(
        objections=st.lists(st.sampled_from(ORDINARY), max_size=2, unique=True),
        action=st.sampled_from([None, "refer_back", "remove"]),
        directional=st.booleans(),
        how=forced,
        item=st.booleans(),
    )
    def consider(
        self,
        objections: list[str],
        action: str | None,
        directional: bool,
        how: tuple[bool, str | None],
        item: bool,
    ) -> None:
        mt = self.meeting
        if mt is None:
            return
        if item:
            self.step(lambda: mt.consider("Information", objections=objections))
        else:
            self.step(
                lambda: mt.consider(
                    self.matter,
                    objections=objections,
                    action=action,
                    directional=directional,
                    force=how[0],
                    force_reason=how[1],
                )
            )

    @rule(body=st.sampled_from([None, *BODIES]), days=st.integers(-5, 60), how=forced)
    def set_deadline(self, body: str | None, days: int, how: tuple[bool, str | None]) -> None:
        deadline = self.day + dt.timedelta(days=days)
        self.step(
            lambda: self.matter.set_deadline(deadline, body=body, on=self.day, force=how[0], reason=how[1])
        )

    @rule(body=st.sampled_from(BODIES), decision=st.sampled_from(["adopt", "changes", "decline"]), how=forced)
    def decide(self, body: str, decision: str, how: tuple[bool, str | None]) -> None:
        m = self.matter
        if decision == "decline":
            self.step(lambda: m.decline(body, on=self.day, reference="D1", force=how[0], reason=how[1]))
        else:
            self.step(
                lambda: m.adopt(
                    body, on=self.day, with_changes=decision == "changes", force=how[0], reason=how[1]
                )
            )

    @rule(pick=st.integers(0, 4), body=st.sampled_from(ADOPTERS))
    def an_allowed_step(self, pick: int, body: str) -> None:
        """One of the actions next_steps() allows now, so that runs reach positions and adoption. The log
        decides it as any other step and may still refuse it (a step dated before the matter's last one)."""
        allowed = [s["action"] for s in self.matter.next_steps(self.day) if s["allowed"]]
        if not allowed:
            return
        action = allowed[pick % len(allowed)]
        m = self.matter
        if action == "prepare":
            self.step(lambda: m.prepare("lgs", on=self.day))
        elif action == "place_on_agenda":
            self.step(lambda: m.place_on_agenda(on=self.day))
        elif action == "consider":
            self.open_meeting(set())  # everyone present
            mt = self.meeting
            assert mt is not None
            self.step(lambda: mt.consider(m, directional=True))
        elif action == "set_deadline":
            self.step(lambda: m.set_deadline(self.day + dt.timedelta(days=30), on=self.day))
        else:
            self.step(lambda: m.adopt(body, on=self.day))

    def teardown(self) -> None:
        event(f"ends {self.matter.status}")

    @invariant()
    def the_log_rebuilds_the_same_state(self) -> None:
        m = self.matter
        text = m.to_json()
        again = samverkan.Matter.from_json(RS, text)
        assert again == m and again.to_json() == text
        assert (again.status, again.referrals, again.adoption) == (m.status, m.referrals, m.adoption)
        assert samverkan.Matter.from_history(RS, m.history) == m
        assert all(v["reason"] for v in m.violations())
        for mid in m.log.meeting_ids():
            assert [r.to_dict() for r in again.log.rulings(mid)] == [r.to_dict() for r in m.log.rulings(mid)]


MatterMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_matter_steps = MatterMachine.TestCase
