"""Notices, minutes, the attendance register and the calendar from Python (MTG-1, MTG-2, MIN-1, MIN-2,
RGT-2, RGT-3, CNS-1, PLN-4)."""

from __future__ import annotations

import datetime as dt

import pytest

import samverkan

DAY = "2026-03-13"


@pytest.fixture
def rs() -> samverkan.Ruleset:
    return samverkan.load_default(DAY)


def everyone_but(rs: samverkan.Ruleset, *absent: str) -> list[str]:
    return [s.id for s in rs.seats("politiskt_samrad") if s.id not in absent]


@pytest.fixture
def meeting(rs: samverkan.Ruleset) -> samverkan.Meeting:
    m = samverkan.Meeting(
        rs,
        date=DAY,
        present=everyone_but(rs, "su/ord", "molndal/ers"),
        remote=["molndal/ers"],
        chair="goteborg/ord1",
        vice_chair="regionhalsan/ord",
        people={"goteborg/ord1": "Anna <Andersson> & co"},
    )
    m.notice(issued_by="samverkanskontoret/processledare", on="2026-02-27")
    m.consider("Trygga vårdövergångar")
    m.arrive("su/ord")
    m.consider("Budget <2027>", objections=["su/ord"], reason="kostnader & fördelning")
    return m


def test_notice_convenes_every_ordinary_member_and_substitute(rs: samverkan.Ruleset) -> None:
    m = samverkan.Meeting(rs, date=DAY, present=everyone_but(rs), chair="goteborg/ord1")
    notice = m.notice(issued_by="samverkanskontoret/pl")
    assert notice["recipients"] == [s.id for s in rs.seats("politiskt_samrad")]
    assert len(notice["recipients"]) == 27
    assert notice["issued_on"] == dt.date(2026, 3, 13)  # no notice period in the shipped ruleset
    assert notice["rules"] == ["MTG-2", "RGT-3"]


def test_rgt3_only_a_process_leader_issues_the_notice(rs: samverkan.Ruleset) -> None:
    m = samverkan.Meeting(rs, date=DAY, present=everyone_but(rs), chair="goteborg/ord1")
    with pytest.raises(samverkan.NotPermitted, match="RGT-3") as err:
        m.notice(issued_by="goteborg/ord1")
    assert err.value.rule == "RGT-3"
    forced = m.notice(issued_by="goteborg/ord1", force=True, reason="kontoret var stängt")
    assert forced["forced"] and forced["breaks"] == "RGT-3"
    assert m.minutes().deviations[0]["rule"] == "RGT-3"


def test_mtg2_notice_period(rs: samverkan.Ruleset) -> None:
    changed = rs.with_changes({"meeting.notice_days": 14})
    m = samverkan.Meeting(changed, date=DAY, present=everyone_but(changed), chair="goteborg/ord1")
    with pytest.raises(samverkan.RuleViolation, match="MTG-2"):
        m.notice(issued_by="samverkanskontoret/pl", on="2026-03-01")
    assert m.notice(issued_by="samverkanskontoret/pl")["issued_on"] == dt.date(2026, 2, 27)


def test_swedish_minutes(meeting: samverkan.Meeting) -> None:
    md = meeting.minutes().to_markdown()
    assert md.startswith("# Minnesanteckningar – Politiskt samråd 2026-03-13")
    for heading in (
        "Kallelse",
        "Närvarande",
        "Ankomster och avgångar",
        "Ordförande för mötet",
        "Tjänstgörande ersättare",
        "Ärenden",
        "Avvikelser",
        "Justering",
    ):
        assert f"\n## {heading}\n" in md, heading
    assert "Utfall: Ställningstagande" in md
    assert "Utfall: Återremiss" in md
    assert "ärende 1: su/ers tjänstgör för su/ord" in md
    assert "molndal/ers, ersättare, på distans" in md
    assert "Ej justerade" in md
    assert "protokoll" not in md.lower()
    assert "Minutes" not in md


def test_english_minutes_on_request(meeting: samverkan.Meeting) -> None:
    md = meeting.minutes().to_markdown(lang="en")
    for line in (
        "# Minutes – ",
        "## Present",
        "## Serving substitutes",
        "## Signing",
        "position (ställningstagande)",
    ):
        assert line in md
    assert "protocol" not in md.lower()
    with pytest.raises(samverkan.ArgumentError):
        meeting.minutes().to_markdown(lang="de")


def test_sign_by_the_person_who_presided_only(meeting: samverkan.Meeting) -> None:
    minutes = meeting.minutes()
    assert minutes.status == "draft"
    assert minutes.presiding == ["goteborg/ord1"]
    with pytest.raises(samverkan.NotPermitted, match="RGT-2"):
        minutes.sign(by="regionhalsan/ord")
    assert minutes.status == "draft"
    minutes.sign(by="goteborg/ord1", on="2026-03-20")
    assert minutes.status == "signed" and minutes.signed_by == "goteborg/ord1"
    assert "Justerade 2026-03-20 av Anna \\<Andersson\\> & co (goteborg/ord1)" in minutes.to_markdown()


def test_published_minutes_are_final(meeting: samverkan.Meeting) -> None:
    minutes = meeting.minutes()
    with pytest.raises(samverkan.RuleViolation, match="MIN-2"):
        minutes.publish()
    minutes.sign(by="goteborg/ord1")
    minutes.publish(on=dt.date(2026, 3, 27))
    assert minutes.status == "published"
    assert meeting.minutes().status == "published"
    before = minutes.to_markdown()
    with pytest.raises(samverkan.RuleViolation, match="MIN-2"):
        minutes.publish()
    with pytest.raises(samverkan.RuleViolation, match="MIN-2"):
        minutes.sign(by="goteborg/ord1")
    with pytest.raises(samverkan.RuleViolation, match="MIN-2"):
        meeting.consider("Efteråt")
    with pytest.raises(samverkan.RuleViolation, match="MIN-2"):
        meeting.arrive("molndal/ord")
    assert minutes.to_markdown() == before
    assert len(meeting.rulings) == 2


def test_forced_steps_are_deviations(meeting: samverkan.Meeting) -> None:
    minutes = meeting.minutes()
    minutes.sign(by="su/ord", force=True, reason="ordföranden är sjuk")
    assert [d["rule"] for d in minutes.deviations] == ["RGT-2"]
    assert "bryter mot RGT-2: ordföranden är sjuk" in minutes.to_markdown()
    assert "breaks RGT-2: ordföranden är sjuk" in minutes.to_markdown(lang="en")
    with pytest.raises(samverkan.ArgumentError, match="reason"):
        minutes.sign(by="su/ord", force=True)  # signed already (MIN-2): a forced step needs a reason


def test_meeting_steps_after_signing_are_forced_deviations(meeting: samverkan.Meeting) -> None:
    """MIN-2: a meeting whose minutes are signed changes only by a forced step, which is a deviation."""
    minutes = meeting.minutes()
    minutes.sign(by="goteborg/ord1")
    history = meeting.log.to_json()
    with pytest.raises(samverkan.ArgumentError, match="reason"):
        meeting.arrive("molndal/ord", force=True)
    assert meeting.log.to_json() == history
    meeting.arrive("molndal/ord", force=True, force_reason="kom efter justeringen")
    meeting.leave("molndal/ord", force=True, force_reason="lämnade")
    r = meeting.consider("Övrigt", force=True, force_reason="tillägg i efterhand")
    assert r.outcome == "position"
    assert [(d["kind"], d["rule"], d["reason"]) for d in minutes.deviations] == [
        ("arrived", "MIN-2", "kom efter justeringen"),
        ("left", "MIN-2", "lämnade"),
        ("item_considered", "MIN-2", "tillägg i efterhand"),
    ]
    again = samverkan.EventLog.from_json(meeting.ruleset, meeting.log.to_json())
    assert again.violations() == meeting.log.violations()
    assert again.to_json() == meeting.log.to_json()


def test_force_on_a_meeting_standing_alone_breaks_nothing(rs: samverkan.Ruleset) -> None:
    """A step that breaks no rule is taken as usual, forced or not, and is no deviation."""
    m = samverkan.Meeting(
        rs, date=DAY, present=everyone_but(rs, "su/ord"), chair="goteborg/ord1", vice_chair="regionhalsan/ord"
    )
    m.arrive("su/ord", force=True, force_reason="onödigt")
    assert m.consider("A", force=True, force_reason="onödigt").served == 15
    assert m.minutes().deviations == []


def test_html_escapes_text(meeting: samverkan.Meeting) -> None:
    html = meeting.minutes().to_html()
    assert html.startswith('<article class="minnesanteckningar" lang="sv">')
    assert "<h2>Närvarande</h2>" in html
    assert "Budget &lt;2027&gt;" in html
    assert "kostnader &amp; fördelning" in html
    assert "Anna &lt;Andersson&gt; &amp; co" in html
    assert "<2027>" not in html and "<Andersson>" not in html


def test_attendance_register(meeting: samverkan.Meeting) -> None:
    frame = meeting.attendance_frame()
    assert list(frame.columns) == ["item", "title", "seat", "body", "name", "role", "remote"]
    assert len(frame) == 26 + 27  # su/ord arrives before item 2
    row = frame.set_index(["item", "seat"])
    assert row.loc[(1, "su/ers"), "role"] == "serving_substitute"
    assert row.loc[(2, "su/ers"), "role"] == "non_serving_substitute"
    assert row.loc[(2, "su/ord"), "role"] == "ordinary"
    assert bool(row.loc[(1, "molndal/ers"), "remote"])
    assert row.loc[(1, "goteborg/ord1"), "name"] == "Anna <Andersson> & co"
    assert (1, "su/ord") not in row.index
    csv = meeting.minutes().attendance_frame().to_csv(index=False)
    assert csv.splitlines()[0] == "item,title,seat,body,name,role,remote"
    assert "2,Budget <2027>,su/ord,su,,ordinary,False" in csv


def test_validate_calendar(rs: samverkan.Ruleset) -> None:
    assert samverkan.validate_calendar(rs, 2026, ["2026-03-13", dt.date(2026, 9, 18)]) == []
    findings = samverkan.validate_calendar(rs, 2026, ["2026-03-13", "2026-03-13", "2027-03-12"])
    assert [(f["issue"], f["termin"]) for f in findings] == [
        ("duplicate", "spring"),
        ("outside_year", "spring"),
        ("too_few_meetings", "autumn"),
    ]
    assert findings[2]["rule"] == "MTG-1" and findings[2]["date"] is None
    old = samverkan.load_default("2020-01-01")
    findings = samverkan.validate_calendar(old, 2026, ["2026-03-13"])
    assert [f["issue"] for f in findings] == ["outside_validity"]
    with pytest.raises(samverkan.ArgumentError):
        samverkan.validate_calendar(rs, 2026, ["13 mars"])
