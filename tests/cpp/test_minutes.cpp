// Notices (MTG-2, RGT-3) and minutes (MIN-1, MIN-2, RGT-2, CNS-1, PLN-4) as steps of the event log: who is
// convened and by whom, the notice period, signing by the person who presided, publishing as final, what the
// minutes say in Swedish and English, the attendance register, and the log's JSON form with these steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <samverkan/event_log.hpp>
#include <samverkan/minutes.hpp>

#include "log_support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_minutes {

using namespace std::chrono;
using samverkan::attendance_role;
using samverkan::event_kind;
using samverkan::event_log;
using samverkan::language;
using samverkan::minutes_status;
using samverkan::step_options;
using namespace samverkan::test;

namespace {

const samverkan::date notice_day = year{2026} / February / 27;
const samverkan::date signing_day = year{2026} / March / 20;
const samverkan::date publishing_day = year{2026} / March / 27;

/// A samråd meeting without su/ord at the opening (su/ers serves), su/ord arriving before item 2, a matter taking
/// a position, and an item with an objection that is referred back.
event_log minuted_log() {
    event_log log(rules_2026());
    log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "samverkanskontoret/processledare", notice_day);
    bring_to_agenda(log, "m1");
    auto present = samrad_seats(log.rules());
    std::erase(present, "su/ord");
    log.open_meeting("samrad-1", samrad_setup(meeting_day, present));
    log.consider("samrad-1", "m1", agreed());
    log.arrive("samrad-1", "su/ord");
    auto item = objected("bring the costs <by region & kommun>");
    item.title = "Budget <2027> & \"fördelning\"";
    log.consider_item("samrad-1", item);
    return log;
}

}  // namespace

TEST(Notice, MTG2_EveryOrdinaryMemberAndSubstituteIsConvened) {
    event_log log(rules_2026());
    const auto& e =
        log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "samverkanskontoret/processledare", notice_day);
    EXPECT_EQ(e.kind, event_kind::notice_issued);
    const auto& recipients = std::get<std::vector<std::string>>(*e.find("recipients"));
    EXPECT_EQ(recipients, samrad_seats(log.rules()));
    EXPECT_EQ(recipients.size(), 27U);  // CMP-3: 15 ordinary + 12 substitutes
    EXPECT_NE(std::find(recipients.begin(), recipients.end(), "molndal/ers"), recipients.end());
    EXPECT_EQ(e.rules, (std::vector<std::string>{"MTG-2", "RGT-3"}));
    ASSERT_NE(log.notice_of("samrad-1"), nullptr);
    EXPECT_EQ(log.notice_of("samrad-1")->by, "samverkanskontoret/processledare");
}

TEST(Notice, RGT3_OnlyAProcessLeaderOfTheSupportForumIssuesIt) {
    event_log log(rules_2026());
    EXPECT_EQ(log.notice_issuers("politiskt_samrad"), std::vector<std::string>{"samverkanskontoret"});
    for (const std::string by : {"goteborg/ord1", "lgs", "samverkanskontoretx/pl", "samverkanskontoret/"}) {
        expect_refused(
            log, [&] { (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, by, notice_day); }, "RGT-3");
    }
    try {
        (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "goteborg/ord1", notice_day);
        ADD_FAILURE() << "a chair's own notice is refused";
    } catch (const samverkan::not_permitted& e) {
        EXPECT_EQ(e.rule(), "RGT-3");
    }
    EXPECT_EQ(log.notice_of("samrad-1"), nullptr);
    // The support forum itself, for its process leaders.
    (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "samverkanskontoret", notice_day);
    EXPECT_TRUE(log.violations().empty());
}

TEST(Notice, MTG2_NoticePeriodOfTheRuleset) {
    event_log log(with("  meetings_per_termin: 1 ", "  meetings_per_termin: 1\n  notice_days: 14 "));
    EXPECT_EQ(log.rules().meeting.notice_days, 14);
    const samverkan::date late = year{2026} / February / 28;  // 13 days before the meeting
    expect_refused(
        log,
        [&] { (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "samverkanskontoret/pl", late); },
        "MTG-2");
    (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "samverkanskontoret/pl",
                           year{2026} / February / 27);
    EXPECT_TRUE(log.violations().empty());
    (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "samverkanskontoret/pl", late,
                           step_options{true, "the date moved"});
    ASSERT_EQ(log.violations().size(), 1U);
    EXPECT_EQ(log.violations()[0].rule, "MTG-2");
    EXPECT_EQ(log.violations()[0].kind, event_kind::notice_issued);
}

TEST(Notice, MTG2_WithoutANoticePeriodOnlyANoticeAfterTheMeetingIsLate) {
    event_log log(rules_2026());
    EXPECT_EQ(log.rules().meeting.notice_days, 0);
    (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "samverkanskontoret/pl", meeting_day);
    expect_refused(
        log,
        [&] {
            (void)log.issue_notice("samrad-2", "politiskt_samrad", meeting_day, "samverkanskontoret/pl",
                                   year{2026} / March / 14);
        },
        "MTG-2");
}

TEST(Minutes, RGT2_OnlyThePersonWhoPresidedSigns) {
    auto log = minuted_log();
    EXPECT_EQ(log.minutes_of("samrad-1").status, minutes_status::draft);
    expect_refused(log, [&] { (void)log.sign_minutes("samrad-1", "regionhalsan/ord", signing_day); }, "RGT-2");
    try {
        (void)log.sign_minutes("samrad-1", "su/ord", signing_day);
        ADD_FAILURE() << "refused";
    } catch (const samverkan::not_permitted& e) {
        EXPECT_EQ(e.rule(), "RGT-2");
    }
    const auto& rec = log.sign_minutes("samrad-1", "goteborg/ord1", signing_day);
    EXPECT_EQ(rec.status, minutes_status::signed_);
    EXPECT_EQ(rec.signed_by, "goteborg/ord1");
    EXPECT_EQ(log.events().back().kind, event_kind::minutes_signed);
    expect_refused(log, [&] { (void)log.sign_minutes("samrad-1", "goteborg/ord1", signing_day); }, "MIN-2");
}

TEST(Minutes, MIN2_PublishedMinutesAreFinal) {
    auto log = minuted_log();
    expect_refused(log, [&] { (void)log.publish_minutes("samrad-1", publishing_day); }, "MIN-2");
    (void)log.sign_minutes("samrad-1", "goteborg/ord1", signing_day);
    // Signed minutes record the meeting: it takes no more items or arrivals.
    expect_refused(log, [&] { (void)log.consider_item("samrad-1", agreed()); }, "MIN-2");
    const auto& rec = log.publish_minutes("samrad-1", publishing_day);
    EXPECT_EQ(rec.status, minutes_status::published);
    EXPECT_EQ(rec.published_on, publishing_day);
    expect_refused(log, [&] { (void)log.publish_minutes("samrad-1", publishing_day); }, "MIN-2");
    expect_refused(log, [&] { (void)log.sign_minutes("samrad-1", "goteborg/ord1", publishing_day); }, "MIN-2");
    expect_refused(log, [&] { log.arrive("samrad-1", "molndal/ers"); }, "MIN-2");
    expect_refused(log, [&] { (void)log.consider_item("samrad-1", agreed()); }, "MIN-2");
    EXPECT_EQ(samverkan::make_minutes(log, "samrad-1").record.status, minutes_status::published);
}

TEST(Minutes, MIN2_AfterSigningTheMeetingChangesOnlyByAForcedStep) {
    auto log = minuted_log();
    (void)log.sign_minutes("samrad-1", "goteborg/ord1", signing_day);
    const auto before = samverkan::to_json(log);
    EXPECT_THROW(log.arrive("samrad-1", "molndal/ers", false, step_options{true, ""}), samverkan::invalid_argument);
    EXPECT_EQ(samverkan::to_json(log), before);
    log.arrive("samrad-1", "molndal/ers", false, step_options{true, "came after the signing"});
    log.leave("samrad-1", "molndal/ers", samverkan::leave_reason::left, step_options{true, "left again"});
    EXPECT_EQ(log.consider_item("samrad-1", agreed(), step_options{true, "added afterwards"}).result(),
              samverkan::outcome::position);
    const auto m = samverkan::make_minutes(log, "samrad-1");
    ASSERT_EQ(m.deviations.size(), 3U);
    for (const auto& d : m.deviations) EXPECT_EQ(d.rule, "MIN-2");
    EXPECT_EQ(m.deviations[0].kind, samverkan::event_kind::arrived);
    EXPECT_EQ(m.deviations[2].reason, "added afterwards");
    const auto again = samverkan::event_log_from_json(rules_2026(), samverkan::to_json(log));
    EXPECT_EQ(again.violations(), log.violations());
    EXPECT_EQ(samverkan::to_json(again), samverkan::to_json(log));
}

TEST(Minutes, MIN1_CNS1_SwedishMinutesHaveTheHeadingsAReaderExpects) {
    auto log = minuted_log();
    (void)log.sign_minutes("samrad-1", "goteborg/ord1", signing_day);
    const auto m = samverkan::make_minutes(log, "samrad-1");
    ASSERT_EQ(m.items.size(), 2U);
    EXPECT_EQ(m.items[0].matter, "m1");
    EXPECT_EQ(m.presiding(), std::vector<std::string>{"goteborg/ord1"});
    const auto md = samverkan::to_markdown(m);
    EXPECT_EQ(md.rfind("# Minnesanteckningar – ", 0), 0U) << md;
    for (const char* heading : {"## Kallelse", "## Närvarande", "## Ankomster och avgångar", "## Ordförande för mötet",
                                "## Tjänstgörande ersättare", "## Ärenden", "## Avvikelser", "## Justering"})
        EXPECT_NE(md.find(std::string(heading) + "\n"), std::string::npos) << heading << "\n" << md;
    EXPECT_NE(md.find("Utfall: Ställningstagande"), std::string::npos) << md;
    EXPECT_NE(md.find("Utfall: Återremiss"), std::string::npos) << md;
    EXPECT_NE(md.find("ärende 1: su/ers tjänstgör för su/ord"), std::string::npos) << md;
    EXPECT_NE(md.find("su/ord anländer före ärende 2"), std::string::npos) << md;
    EXPECT_NE(md.find("till 27 mottagare"), std::string::npos) << md;
    EXPECT_NE(md.find("Justerade 2026-03-20 av goteborg/ord1"), std::string::npos) << md;
    EXPECT_NE(md.find("Inga avvikelser."), std::string::npos) << md;
    for (const char* never : {"Protokoll", "protokoll", "Beslut:", "Minutes"})
        EXPECT_EQ(md.find(never), std::string::npos) << never << "\n" << md;
}

TEST(Minutes, EnglishOnRequest) {
    const auto m = samverkan::make_minutes(minuted_log(), "samrad-1");
    const auto md = samverkan::to_markdown(m, language::en);
    for (const char* line : {"# Minutes – ", "## Present", "## Serving substitutes", "## Presiding", "## Items",
                             "## Deviations (avvikelser)", "## Signing", "Outcome: position (ställningstagande)",
                             "Outcome: referred back (återremiss)", "Not signed"})
        EXPECT_NE(md.find(line), std::string::npos) << line << "\n" << md;
    EXPECT_EQ(md.find("Protocol"), std::string::npos);
    EXPECT_EQ(md.find("Närvarande"), std::string::npos);
}

TEST(Minutes, HtmlEscapesText) {
    const auto m = samverkan::make_minutes(minuted_log(), "samrad-1");
    const auto html = samverkan::to_html(m);
    EXPECT_EQ(html.rfind("<article class=\"minnesanteckningar\" lang=\"sv\">", 0), 0U);
    EXPECT_NE(html.find("<h2>Närvarande</h2>"), std::string::npos);
    EXPECT_NE(html.find("Budget &lt;2027&gt; &amp; &quot;fördelning&quot;"), std::string::npos) << html;
    EXPECT_NE(html.find("&lt;by region &amp; kommun&gt;"), std::string::npos) << html;
    EXPECT_EQ(html.find("<2027>"), std::string::npos);
    EXPECT_EQ(html.find("<by region"), std::string::npos);
    const auto md = samverkan::to_markdown(m);
    EXPECT_NE(md.find("Budget \\<2027\\> & \"fördelning\""), std::string::npos) << md;
}

TEST(Minutes, PLN4_DeviationsAreListedWithTheRuleTheyBreak) {
    event_log log(rules_2026());
    (void)log.issue_notice("samrad-1", "politiskt_samrad", meeting_day, "goteborg/ord1", notice_day,
                           step_options{true, "the office was closed"});
    log.raise("m1", "Vårdövergångar", "politiskt_samrad", "tema_aldre", raised_on);
    log.place_on_agenda("m1", placed_on, step_options{true, "urgent"});
    open_full_meeting(log);
    (void)log.consider("samrad-1", "m1", agreed());
    (void)log.sign_minutes("samrad-1", "regionhalsan/ord", signing_day, step_options{true, "the chair is ill"});
    const auto m = samverkan::make_minutes(log, "samrad-1");
    // The forced placing on the agenda is the matter's, not this meeting's.
    ASSERT_EQ(m.deviations.size(), 2U);
    EXPECT_EQ(m.deviations[0].rule, "RGT-3");
    EXPECT_EQ(m.deviations[1].rule, "RGT-2");
    const auto md = samverkan::to_markdown(m);
    EXPECT_NE(md.find("bryter mot RGT-3: the office was closed"), std::string::npos) << md;
    EXPECT_NE(md.find("bryter mot RGT-2: the chair is ill"), std::string::npos) << md;
    EXPECT_EQ(log.violations().size(), 3U);
}

TEST(Minutes, AttendanceRegisterHasARowPerSeatAndItem) {
    event_log log(rules_2026());
    auto present = samrad_seats(log.rules());
    std::erase(present, "su/ord");
    std::erase(present, "molndal/ers");
    auto setup = samrad_setup(meeting_day, present);
    setup.remote = {"molndal/ers"};
    log.open_meeting("samrad-1", setup);
    (void)log.consider_item("samrad-1", agreed());
    log.arrive("samrad-1", "su/ord");
    auto item = agreed();
    item.disqualified = {"harryda/ord"};
    (void)log.consider_item("samrad-1", item);
    const auto rows = samverkan::make_minutes(log, "samrad-1").attendance();
    EXPECT_EQ(rows.size(), 26U + 27U);  // su/ord arrives before item 2
    auto role = [&](std::size_t item_no, const std::string& seat) {
        const auto it =
            std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.item == item_no && r.seat == seat; });
        EXPECT_NE(it, rows.end()) << seat;
        return it == rows.end() ? samverkan::attendance_row{} : *it;
    };
    EXPECT_EQ(role(1, "su/ers").role, attendance_role::serving_substitute);
    EXPECT_EQ(role(2, "su/ers").role, attendance_role::non_serving_substitute);
    EXPECT_EQ(role(2, "su/ord").role, attendance_role::ordinary);
    EXPECT_EQ(role(1, "goteborg/ord1").role, attendance_role::ordinary);
    EXPECT_EQ(role(2, "harryda/ers").role, attendance_role::serving_substitute);
    EXPECT_EQ(role(1, "molndal/ers").role, attendance_role::non_serving_substitute);
    EXPECT_TRUE(role(1, "molndal/ers").remote);
    EXPECT_FALSE(role(1, "goteborg/ord1").remote);
    EXPECT_EQ(role(1, "su/ers").body, "su");
    EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.item == 1 && r.seat == "su/ord"; }),
              0);
}

TEST(Minutes, JsonRoundTripAndReplayKeepNoticesAndSignatures) {
    auto log = minuted_log();
    (void)log.sign_minutes("samrad-1", "goteborg/ord1", signing_day);
    (void)log.publish_minutes("samrad-1", publishing_day);
    const std::string text = to_json(log);
    EXPECT_NE(text.find("\"notice_issued\""), std::string::npos);
    EXPECT_NE(text.find("\"minutes_signed\""), std::string::npos);
    EXPECT_NE(text.find("\"minutes_published\""), std::string::npos);
    const auto read = samverkan::event_log_from_json(rules_2026(), text);
    EXPECT_EQ(read.events(), log.events());
    EXPECT_EQ(to_json(read), text);
    EXPECT_EQ(read.minutes_of("samrad-1"), log.minutes_of("samrad-1"));
    EXPECT_EQ(samverkan::to_markdown(samverkan::make_minutes(read, "samrad-1")),
              samverkan::to_markdown(samverkan::make_minutes(log, "samrad-1")));
}

TEST(Minutes, ReplayRefusesTamperedNoticesAndSignatures) {
    auto log = minuted_log();
    (void)log.sign_minutes("samrad-1", "goteborg/ord1", signing_day);
    auto events = log.events();
    {
        auto tampered = events;
        tampered.back().by = "su/ord";  // signed by someone who did not preside
        EXPECT_THROW((void)event_log::replay(rules_2026(), tampered), samverkan::log_error);
    }
    {
        auto tampered = events;
        tampered.front().by = "lgs";  // a notice by no process leader
        EXPECT_THROW((void)event_log::replay(rules_2026(), tampered), samverkan::log_error);
    }
    {
        auto tampered = events;
        auto& recipients = std::get<std::vector<std::string>>(tampered.front().facts[2].value);
        recipients.pop_back();  // a substitute left out of the notice
        EXPECT_THROW((void)event_log::replay(rules_2026(), tampered), samverkan::log_error);
    }
    {
        auto tampered = events;
        auto published = tampered.back();
        published.kind = event_kind::minutes_published;
        published.by = "politiskt_samrad";
        published.rules = {"MIN-2"};
        tampered.push_back(published);
        tampered.push_back(tampered[tampered.size() - 3]);  // an item after publishing
        EXPECT_THROW((void)event_log::replay(rules_2026(), tampered), samverkan::log_error);
        tampered.pop_back();
        EXPECT_EQ(event_log::replay(rules_2026(), tampered).minutes_of("samrad-1").status, minutes_status::published);
    }
}

}  // namespace unity_test_minutes
