// A matter from raising to adoption (STR-1, STR-2, STR-4, STR-8, MTG-3, CNS-1 … CNS-5): every transition,
// allowed and refused with its rule, referrals, removal, adoption and what may happen next.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <samverkan/event_log.hpp>
#include <samverkan/load.hpp>
#include <samverkan/matter.hpp>
#include <samverkan/schema.hpp>

#include "log_support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_matter {

using namespace std::chrono;
using samverkan::adoption_state;
using samverkan::adoption_status;
using samverkan::event_kind;
using samverkan::event_log;
using samverkan::matter_action;
using samverkan::matter_state;
using samverkan::step_options;
using namespace samverkan::test;

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const std::vector<std::string> adopters_2026{"dn_goteborg",
                                             "dn_vastra",
                                             "regionhalsan",
                                             "narhalsan",
                                             "tandvard",
                                             "habilitering_halsa",
                                             "sjukhusen_i_vaster",
                                             "su",
                                             "goteborg",
                                             "molndal",
                                             "harryda",
                                             "partille",
                                             "ockero"};

/// A directional position of the samråd, its 13 adoption cases open.
event_log directional_position(samverkan::ruleset_ptr rules = rules_2026()) {
    event_log log(std::move(rules));
    bring_to_agenda(log);
    open_full_meeting(log);
    log.consider("samrad-1", "m1", agreed(), true);
    return log;
}

const samverkan::date adopted_on = year{2026} / April / 20;

}  // namespace

// ---- raising (STR-4, STR-8) ------------------------------------------------------------------------

TEST(Matter, STR4_ThemeGroupRaisesAMatterForTheSamradThroughLgs) {
    event_log log(rules_2026());
    const auto& m = log.raise("m1", "Trygga vårdövergångar", "politiskt_samrad", "tema_aldre", raised_on);
    EXPECT_EQ(m.state(), matter_state::raised);
    EXPECT_EQ(m.forum(), "politiskt_samrad");
    EXPECT_EQ(m.raised_by(), "tema_aldre");
    ASSERT_EQ(log.events().size(), 1u);
    const auto& e = log.events()[0];
    EXPECT_EQ(e.kind, event_kind::raised);
    EXPECT_EQ(e.by, "tema_aldre");
    EXPECT_TRUE(contains(e.rules, "STR-4"));  // the theme group works under LGS
    EXPECT_TRUE(contains(e.rules, "STR-8"));  // LGS takes questions up to the samråd
}

TEST(Matter, STR8_AForumWithNoWayUpCannotRaiseAMatter) {
    event_log log(rules_2026());
    // The samverkanskontoret supports the structure but takes no questions up.
    expect_refused(log, [&] { log.raise("m1", "t", "politiskt_samrad", "samverkanskontoret", raised_on); }, "STR-8");
    EXPECT_TRUE(log.matters().empty());
    EXPECT_THROW(log.raise("m1", "t", "politiskt_samrad", "no_such_forum", raised_on), samverkan::unknown_id);
}

TEST(Matter, CNS3_AMatterIdIsNeverReused) {
    event_log log(rules_2026());
    log.raise("m1", "t", "politiskt_samrad", "lgs", raised_on);
    EXPECT_THROW(log.raise("m1", "again", "politiskt_samrad", "lgs", raised_on), samverkan::invalid_argument);
    EXPECT_EQ(log.events().size(), 1u);
}

// ---- preparation (STR-1, STR-2) ----------------------------------------------------------------------

TEST(Matter, STR1_OnlyAPreparerOfTheSamradPreparesItsMatters) {
    event_log log(rules_2026());
    log.raise("m1", "t", "politiskt_samrad", "tema_aldre", raised_on);
    expect_refused(log, [&] { log.prepare("m1", "tema_aldre", prepared_on); }, "STR-1");
    for (const char* preparer : {"lgs", "lgs_beredning", "politiskt_presidium"}) {
        const auto& m = log.prepare("m1", preparer, prepared_on);
        EXPECT_EQ(m.state(), matter_state::prepared);
        EXPECT_EQ(log.events().back().rules, std::vector<std::string>{"STR-1"});
    }
    EXPECT_EQ(log.matter_at("m1").preparers(),
              (std::vector<std::string>{"lgs", "lgs_beredning", "politiskt_presidium"}));
}

TEST(Matter, STR2_TheStyrgruppPreparesTheMattersOfLgs) {
    event_log log(rules_2026());
    log.raise("m1", "t", "lgs", "tema_psykiatri", raised_on);
    expect_refused(log, [&] { log.prepare("m1", "politiskt_presidium", prepared_on); }, "STR-2");
    log.prepare("m1", "lgs_beredning", prepared_on);
    EXPECT_EQ(log.events().back().rules, std::vector<std::string>{"STR-2"});
}

// ---- the agenda (MTG-3) --------------------------------------------------------------------------------

TEST(Matter, MTG3_AnUnpreparedMatterIsNotPlacedOnTheAgenda) {
    event_log log(rules_2026());
    log.raise("m1", "t", "politiskt_samrad", "lgs", raised_on);
    expect_refused(log, [&] { log.place_on_agenda("m1", placed_on); }, "MTG-3");
    EXPECT_EQ(log.matter_at("m1").state(), matter_state::raised);
    log.prepare("m1", "lgs", prepared_on);
    EXPECT_EQ(log.place_on_agenda("m1", placed_on).state(), matter_state::on_agenda);
    expect_refused(log, [&] { log.prepare("m1", "lgs", placed_on); }, "MTG-3");  // preparation comes first
}

TEST(Matter, MTG3_AMatterNotOnTheAgendaIsNotConsidered) {
    event_log log(rules_2026());
    log.raise("m1", "t", "politiskt_samrad", "lgs", raised_on);
    log.prepare("m1", "lgs", prepared_on);
    open_full_meeting(log);
    expect_refused(log, [&] { (void)log.consider("samrad-1", "m1", agreed()); }, "MTG-3");
    EXPECT_TRUE(log.meeting_at("samrad-1").rulings().empty());  // the meeting engine was not asked
}

TEST(Matter, AStepDatedBeforeTheMattersLastIsRefused) {
    event_log log(rules_2026());
    log.raise("m1", "t", "politiskt_samrad", "lgs", prepared_on);
    EXPECT_THROW(log.prepare("m1", "lgs", raised_on), samverkan::invalid_argument);
    EXPECT_EQ(log.events().size(), 1u);
}

// ---- consideration: the meeting engine decides, the matter follows -----------------------------------

TEST(Matter, CNS1_APositionEndsTheMatter) {
    event_log log(rules_2026());
    bring_to_agenda(log);
    open_full_meeting(log);
    const auto r = log.consider("samrad-1", "m1", agreed());
    EXPECT_EQ(r.result(), samverkan::outcome::position);
    const auto& m = log.matter_at("m1");
    EXPECT_EQ(m.state(), matter_state::position);
    EXPECT_TRUE(m.cases().empty());
    EXPECT_EQ(m.last_meeting(), "samrad-1");
    const auto& e = log.events().back();
    EXPECT_EQ(e.kind, event_kind::considered);
    EXPECT_EQ(e.steps, r.steps());  // the ruling's structured steps are in the event
    EXPECT_TRUE(contains(e.rules, "CNS-1"));
    expect_refused(log, [&] { log.prepare("m1", "lgs", meeting_day); }, "CNS-1");
    expect_refused(log, [&] { log.place_on_agenda("m1", meeting_day); }, "CNS-1");
    expect_refused(log, [&] { (void)log.consider("samrad-1", "m1", agreed()); }, "CNS-1");
    expect_refused(
        log, [&] { log.record_adoption("m1", "su", adoption_state::adopted, adopted_on, "SU 2026/12"); }, "CNS-5");
}

TEST(Matter, CNS3_ReferredBackWithTheReasonThenRemovedAfterMaxReferrals) {
    event_log log(rules_2026());  // max_referrals: 1
    bring_to_agenda(log);
    open_full_meeting(log);
    auto r = log.consider("samrad-1", "m1", objected("bring the costs"));
    EXPECT_EQ(r.result(), samverkan::outcome::referred_back);
    const auto& m = log.matter_at("m1");
    EXPECT_EQ(m.state(), matter_state::referred_back);
    EXPECT_EQ(m.referrals(), 1);
    EXPECT_EQ(m.referral_reason(), "bring the costs");
    expect_refused(log, [&] { log.place_on_agenda("m1", meeting_day); }, "MTG-3");  // back to preparation first

    log.prepare("m1", "lgs_beredning", year{2026} / May / 4);
    log.place_on_agenda("m1", year{2026} / September / 1);
    open_full_meeting(log, "samrad-2", next_meeting_day);
    samverkan::agenda_item item = objected();
    item.referrals = 0;  // the matter, not the caller, supplies the count
    r = log.consider("samrad-2", "m1", item);
    EXPECT_EQ(r.data().referrals, 1);
    EXPECT_EQ(r.result(), samverkan::outcome::removed);  // CNS-3: only removal remains
    EXPECT_EQ(log.matter_at("m1").state(), matter_state::removed);
    EXPECT_EQ(std::get<std::int64_t>(*log.events().back().find("referrals")), 1);
}

TEST(Matter, CNS3_MaxReferralsComesFromTheRuleset) {
    event_log log(with("max_referrals: 1 ", "max_referrals: 2 "));
    bring_to_agenda(log);
    const samverkan::date days[] = {meeting_day, year{2026} / April / 17, year{2026} / May / 15};
    for (int i = 0; i < 3; ++i) {
        const std::string id = "samrad-" + std::to_string(i + 1);
        open_full_meeting(log, id, days[i]);
        if (i > 0) {
            log.prepare("m1", "lgs", days[i]);
            log.place_on_agenda("m1", days[i]);
        }
        const auto r = log.consider(id, "m1", objected());
        EXPECT_EQ(r.result(), i < 2 ? samverkan::outcome::referred_back : samverkan::outcome::removed) << i;
    }
    EXPECT_EQ(log.matter_at("m1").referrals(), 2);
}

TEST(Matter, CNS3_ARemovedMatterTakesNoFurtherStep) {
    event_log log(with("on_no_consensus: refer_back", "on_no_consensus: remove"));
    bring_to_agenda(log);
    open_full_meeting(log);
    EXPECT_EQ(log.consider("samrad-1", "m1", objected()).result(), samverkan::outcome::removed);
    expect_refused(log, [&] { log.prepare("m1", "lgs", meeting_day); }, "CNS-3");
    expect_refused(log, [&] { log.place_on_agenda("m1", meeting_day); }, "CNS-3");
    expect_refused(log, [&] { (void)log.consider("samrad-1", "m1", agreed()); }, "CNS-3");
    expect_refused(log, [&] { log.set_deadline("m1", "", year{2026} / June / 30, meeting_day); }, "CNS-3");
    expect_refused(log, [&] { log.record_adoption("m1", "su", adoption_state::adopted, adopted_on, "x"); }, "CNS-3");
    for (const auto& s : log.next_steps("m1", meeting_day)) {
        EXPECT_FALSE(s.allowed) << to_string(s.action);
        EXPECT_EQ(s.rule, "CNS-3");
    }
    // It may come back only as a new matter.
    EXPECT_EQ(log.raise("m2", "Trygga vårdövergångar", "politiskt_samrad", "lgs", meeting_day).state(),
              matter_state::raised);
}

TEST(Matter, CNS4_NotQuorateStaysOnTheAgendaAndCountsNoReferral) {
    event_log log(rules_2026());
    bring_to_agenda(log);
    log.open_meeting("thin", samrad_setup(meeting_day, {"goteborg/ord1", "regionhalsan/ord", "su/ord"}));
    const auto r = log.consider("thin", "m1", objected());
    EXPECT_EQ(r.result(), samverkan::outcome::not_quorate);
    EXPECT_EQ(log.matter_at("m1").state(), matter_state::on_agenda);
    EXPECT_EQ(log.matter_at("m1").referrals(), 0);
    open_full_meeting(log, "samrad-2", next_meeting_day);
    EXPECT_EQ(log.consider("samrad-2", "m1", agreed()).result(), samverkan::outcome::position);
}

TEST(Matter, QRM6_NobodyMayPresideStaysOnTheAgenda) {
    event_log log(rules_2026());
    bring_to_agenda(log);
    // Quorate through the substitutes, but no substitute may preside and no ordinary member is there.
    std::vector<std::string> substitutes;
    for (const auto& s : log.rules().forum_by_id("politiskt_samrad").seats)
        if (s.kind == samverkan::seat_kind::substitute) substitutes.push_back(s.id);
    log.open_meeting("substitutes", samrad_setup(meeting_day, substitutes));
    const auto r = log.consider("substitutes", "m1", agreed());
    EXPECT_EQ(r.result(), samverkan::outcome::not_dealt_with);
    EXPECT_EQ(log.matter_at("m1").state(), matter_state::on_agenda);
}

TEST(Matter, AMeetingOfAnotherForumCannotConsiderTheMatter) {
    event_log log(rules_2026());
    log.raise("m1", "t", "lgs", "tema_aldre", raised_on);
    log.prepare("m1", "lgs_beredning", prepared_on);
    log.place_on_agenda("m1", placed_on);
    open_full_meeting(log);
    EXPECT_THROW((void)log.consider("samrad-1", "m1", agreed()), samverkan::invalid_argument);
    EXPECT_TRUE(log.meeting_at("samrad-1").rulings().empty());
}

TEST(Matter, RGT1_TheMeetingEnginesRefusalLeavesTheMatterUnchanged) {
    event_log log(rules_2026());
    bring_to_agenda(log);
    log.open_meeting("samrad-1", samrad_setup(meeting_day, samrad_seats(log.rules(), true)));
    samverkan::agenda_item item;
    item.objections = {"su/ers"};  // attends, but does not serve
    expect_refused(log, [&] { (void)log.consider("samrad-1", "m1", item); }, "RGT-1");
    EXPECT_EQ(log.matter_at("m1").state(), matter_state::on_agenda);
}

// ---- adoption (CNS-5) --------------------------------------------------------------------------------

TEST(Matter, CNS5_ADirectionalPositionOpensACasePerAdoptingBody) {
    const auto log = directional_position();
    const auto& m = log.matter_at("m1");
    EXPECT_EQ(m.state(), matter_state::in_adoption);
    EXPECT_TRUE(m.directional());
    std::vector<std::string> bodies;
    for (const auto& c : m.cases()) {
        bodies.push_back(c.body);
        EXPECT_EQ(c.state, adoption_state::pending);
    }
    EXPECT_EQ(bodies, adopters_2026);
    const auto s = log.adoption("m1", adopted_on);
    EXPECT_EQ(s.status, adoption_status::pending);
    EXPECT_FALSE(s.in_force);
    EXPECT_EQ(s.pending, 13u);
}

TEST(Matter, CNS5_TheDirectionalFlagIsRaisedWithTheMatterAndSurvivesTheReplay) {
    event_log log(rules_2026());
    log.raise("m1", "Trygga vårdövergångar", "politiskt_samrad", "tema_aldre", raised_on, {}, true);
    log.prepare("m1", "lgs", prepared_on);
    log.place_on_agenda("m1", placed_on);
    EXPECT_TRUE(log.matter_at("m1").directional());
    auto again = samverkan::event_log_from_json(rules_2026(), samverkan::to_json(log));
    EXPECT_TRUE(again.matter_at("m1").directional());
    open_full_meeting(again);
    (void)again.consider("samrad-1", "m1", agreed());  // the matter's own flag
    EXPECT_EQ(again.matter_at("m1").state(), matter_state::in_adoption);
    EXPECT_EQ(again.matter_at("m1").cases().size(), adopters_2026.size());
    // Told otherwise, the meeting takes a plain position.
    open_full_meeting(log);
    (void)log.consider("samrad-1", "m1", agreed(), false);
    EXPECT_EQ(log.matter_at("m1").state(), matter_state::position);
    EXPECT_FALSE(log.matter_at("m1").directional());
}

TEST(Matter, CNS5_EachBodyRecordsItsDecisionWithDateAndReference) {
    auto log = directional_position();
    log.record_adoption("m1", "su", adoption_state::adopted_with_changes, adopted_on, "SU 2026-00123");
    const auto& c = log.matter_at("m1").cases()[7];
    EXPECT_EQ(c.body, "su");
    EXPECT_EQ(c.state, adoption_state::adopted_with_changes);
    EXPECT_EQ(c.decided, adopted_on);
    EXPECT_EQ(c.reference, "SU 2026-00123");
    EXPECT_EQ(log.events().back().rules, std::vector<std::string>{"CNS-5"});
    EXPECT_THROW(log.record_adoption("m1", "su", adoption_state::pending, adopted_on, ""), samverkan::invalid_argument);
    EXPECT_THROW(log.record_adoption("m1", "no_such_body", adoption_state::adopted, adopted_on, ""),
                 samverkan::unknown_id);
}

TEST(Matter, CNS5_ABodyThatDoesNotAdoptIsRefused) {
    // Öckerö taken out of the bodies that adopt the samråd's positions.
    auto rules = with("            goteborg, molndal, harryda, partille, ockero],\n     to: politiskt_samrad}",
                      "            goteborg, molndal, harryda, partille],\n     to: politiskt_samrad}");
    auto log = directional_position(rules);
    EXPECT_EQ(log.matter_at("m1").cases().size(), 12u);
    expect_refused(
        log, [&] { log.record_adoption("m1", "ockero", adoption_state::adopted, adopted_on, "KS 2026/7"); }, "CNS-5");
    expect_refused(log, [&] { log.set_deadline("m1", "ockero", year{2026} / June / 30, adopted_on); }, "CNS-5");
}

TEST(Matter, CNS5_AllAdoptedIsInForceOnlyWhenEveryBodyAdopted) {
    auto log = directional_position();
    for (std::size_t i = 0; i + 1 < adopters_2026.size(); ++i)
        log.record_adoption("m1", adopters_2026[i], adoption_state::adopted, adopted_on, "ref");
    auto s = log.adoption("m1", adopted_on);
    EXPECT_EQ(s.status, adoption_status::partially_adopted);
    EXPECT_FALSE(s.in_force);
    EXPECT_EQ(s.adopted, 12u);
    log.record_adoption("m1", "ockero", adoption_state::adopted, adopted_on, "KS 2026/7");
    s = log.adoption("m1", adopted_on);
    EXPECT_EQ(s.status, adoption_status::adopted);
    EXPECT_TRUE(s.in_force);
    EXPECT_EQ(s.in_force_for, adopters_2026);
    // A decision counts from its day on.
    EXPECT_EQ(log.adoption("m1", year{2026} / April / 19).status, adoption_status::pending);
}

TEST(Matter, CNS5_ADeclineKeepsAllAdoptedOutOfForceButNotApplicableDoesNot) {
    auto log = directional_position();
    for (std::size_t i = 0; i + 2 < adopters_2026.size(); ++i)
        log.record_adoption("m1", adopters_2026[i], adoption_state::adopted, adopted_on, "ref");
    log.record_adoption("m1", "partille", adoption_state::not_applicable, adopted_on, "KS 2026/1");
    log.record_adoption("m1", "ockero", adoption_state::adopted, adopted_on, "KS 2026/7");
    auto s = log.adoption("m1", adopted_on);
    EXPECT_EQ(s.status, adoption_status::adopted);  // not applicable does not count against it
    EXPECT_TRUE(s.in_force);
    EXPECT_EQ(s.not_applicable, 1u);
    log.record_adoption("m1", "ockero", adoption_state::declined, year{2026} / April / 21, "KS 2026/8");
    s = log.adoption("m1", year{2026} / April / 21);
    EXPECT_FALSE(s.in_force);
    EXPECT_EQ(s.status, adoption_status::partially_adopted);
    EXPECT_EQ(s.declined, 1u);
}

TEST(Matter, CNS5_ForAdoptingBodiesHoldsForEachBodyThatAdopted) {
    auto log = directional_position(
        with("  meetings_per_termin: 1 ", "  in_force_when: for_adopting_bodies\n  meetings_per_termin: 1 "));
    EXPECT_EQ(log.rules().meeting.in_force.kind, samverkan::in_force_kind::for_adopting_bodies);
    log.record_adoption("m1", "su", adoption_state::adopted, adopted_on, "SU 1");
    log.record_adoption("m1", "goteborg", adoption_state::declined, adopted_on, "KS 1");
    const auto s = log.adoption("m1", adopted_on);
    EXPECT_TRUE(s.in_force);
    EXPECT_EQ(s.in_force_for, std::vector<std::string>{"su"});
    EXPECT_EQ(s.status, adoption_status::partially_adopted);
}

TEST(Matter, CNS5_AMinimumNumberOfBodies) {
    auto log = directional_position(with("  meetings_per_termin: 1 ", "  in_force_when: 7\n  meetings_per_termin: 1 "));
    EXPECT_EQ(log.rules().meeting.in_force.kind, samverkan::in_force_kind::count);
    EXPECT_EQ(log.rules().meeting.in_force.count, 7u);
    for (std::size_t i = 0; i < 6; ++i)
        log.record_adoption("m1", adopters_2026[i], adoption_state::adopted, adopted_on, "ref");
    EXPECT_FALSE(log.adoption("m1", adopted_on).in_force);
    log.record_adoption("m1", adopters_2026[6], adoption_state::adopted, adopted_on, "ref");
    const auto s = log.adoption("m1", adopted_on);
    EXPECT_TRUE(s.in_force);
    EXPECT_EQ(s.in_force_for.size(), 7u);
    EXPECT_EQ(s.status, adoption_status::partially_adopted);
}

TEST(Matter, CNS5_APendingCaseIsOverdueAfterItsDeadline) {
    auto log = directional_position();
    const samverkan::date deadline = year{2026} / June / 30;
    log.set_deadline("m1", "", deadline, meeting_day);
    log.set_deadline("m1", "su", year{2026} / August / 31, meeting_day);
    log.record_adoption("m1", "goteborg", adoption_state::adopted, adopted_on, "KS 1");
    EXPECT_EQ(log.adoption("m1", deadline).status, adoption_status::partially_adopted);
    const auto s = log.adoption("m1", year{2026} / July / 1);
    EXPECT_EQ(s.status, adoption_status::overdue);
    EXPECT_EQ(s.overdue.size(), 11u);  // every pending body but su, whose deadline is later
    EXPECT_FALSE(contains(s.overdue, "su"));
    EXPECT_FALSE(contains(s.overdue, "goteborg"));
}

TEST(Matter, CNS5_AggregationTable) {
    using samverkan::adoption_case;
    using samverkan::in_force_kind;
    using samverkan::in_force_rule;
    const samverkan::date on = year{2026} / June / 1;
    auto cases = [&](std::vector<adoption_state> states) {
        std::vector<adoption_case> out;
        for (std::size_t i = 0; i < states.size(); ++i) {
            adoption_case c;
            c.body = "b" + std::to_string(i);
            c.state = states[i];
            if (states[i] != adoption_state::pending) c.decided = on;
            out.push_back(c);
        }
        return out;
    };
    const auto A = adoption_state::adopted, D = adoption_state::declined, P = adoption_state::pending;
    struct row {
        std::vector<adoption_state> states;
        in_force_rule rule;
        adoption_status status;
        bool in_force;
    };
    const std::vector<row> rows{
        {{A, A, A}, {in_force_kind::all_adopted, 0}, adoption_status::adopted, true},
        {{A, A, P}, {in_force_kind::all_adopted, 0}, adoption_status::partially_adopted, false},
        {{A, D, A}, {in_force_kind::all_adopted, 0}, adoption_status::partially_adopted, false},
        {{D, D, D}, {in_force_kind::all_adopted, 0}, adoption_status::declined, false},
        {{P, P, P}, {in_force_kind::all_adopted, 0}, adoption_status::pending, false},
        {{A, D, P}, {in_force_kind::for_adopting_bodies, 0}, adoption_status::partially_adopted, true},
        {{D, P, P}, {in_force_kind::for_adopting_bodies, 0}, adoption_status::pending, false},
        {{A, A, P}, {in_force_kind::count, 2}, adoption_status::partially_adopted, true},
        {{A, P, P}, {in_force_kind::count, 2}, adoption_status::partially_adopted, false},
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto s = samverkan::summarise_adoption(cases(rows[i].states), rows[i].rule, on);
        EXPECT_EQ(s.status, rows[i].status) << "row " << i;
        EXPECT_EQ(s.in_force, rows[i].in_force) << "row " << i;
    }
}

// ---- in_force_when in the ruleset (CNS-5) ------------------------------------------------------------

TEST(Matter, CNS5_InForceWhenIsAParameterOfTheSchemaTable) {
    const auto* f = samverkan::find_field("meeting.in_force_when");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->rule, "CNS-5");
    EXPECT_EQ(samverkan::to_text(samverkan::default_value(*f)), "all_adopted");
    EXPECT_EQ(rules_2026()->meeting.in_force.kind, samverkan::in_force_kind::all_adopted);
    try {
        (void)with("  meetings_per_termin: 1 ", "  in_force_when: most\n  meetings_per_termin: 1 ");
        ADD_FAILURE() << "expected a refusal";
    } catch (const samverkan::ruleset_error& e) {
        EXPECT_EQ(e.where().rule, "CNS-5");
        EXPECT_NE(e.message().find("all_adopted, for_adopting_bodies or a whole number of adopting bodies"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW((void)with("  meetings_per_termin: 1 ", "  in_force_when: 0\n  meetings_per_termin: 1 "),
                 samverkan::ruleset_error);
}

// ---- what may happen next --------------------------------------------------------------------------

TEST(Matter, NextStepsNameTheRuleThatAllowsOrBlocks) {
    event_log log(rules_2026());
    log.raise("m1", "t", "politiskt_samrad", "tema_aldre", raised_on);
    auto steps = log.next_steps("m1", raised_on);
    ASSERT_EQ(steps.size(), 5u);
    EXPECT_EQ(steps[0].action, matter_action::prepare);
    EXPECT_TRUE(steps[0].allowed);
    EXPECT_EQ(steps[0].rule, "STR-1");
    EXPECT_NE(steps[0].note.find("lgs_beredning"), std::string::npos);
    EXPECT_FALSE(steps[1].allowed);
    EXPECT_EQ(steps[1].rule, "MTG-3");
    EXPECT_FALSE(steps[2].allowed);
    EXPECT_EQ(steps[2].rule, "MTG-3");
    EXPECT_FALSE(steps[4].allowed);
    EXPECT_EQ(steps[4].rule, "CNS-5");

    log.prepare("m1", "lgs", prepared_on);
    log.place_on_agenda("m1", placed_on);
    steps = log.next_steps("m1", placed_on);
    EXPECT_TRUE(steps[2].allowed);
    EXPECT_EQ(steps[2].rule, "CNS-2");

    open_full_meeting(log);
    (void)log.consider("samrad-1", "m1", objected());
    log.prepare("m1", "lgs", next_meeting_day);
    log.place_on_agenda("m1", next_meeting_day);
    steps = log.next_steps("m1", next_meeting_day);
    EXPECT_TRUE(steps[2].allowed);
    EXPECT_EQ(steps[2].rule, "CNS-3");  // referred back once: without consensus only removal remains
    EXPECT_NE(steps[2].note.find("only removal remains"), std::string::npos);
}

TEST(Matter, NextStepsOfADirectionalPositionListThePendingBodies) {
    auto log = directional_position();
    log.record_adoption("m1", "su", adoption_state::adopted, adopted_on, "SU 1");
    const auto steps = log.next_steps("m1", adopted_on);
    EXPECT_FALSE(steps[0].allowed);
    EXPECT_EQ(steps[0].rule, "CNS-1");
    EXPECT_TRUE(steps[4].allowed);
    EXPECT_EQ(steps[4].rule, "CNS-5");
    EXPECT_NE(steps[4].note.find("ockero"), std::string::npos);
    EXPECT_EQ(steps[4].note.find("su,"), std::string::npos);
}

// ---- forced steps -----------------------------------------------------------------------------------

TEST(Matter, AForcedStepIsTakenAndRecordedWithTheRuleItBreaks) {
    event_log log(rules_2026());
    log.raise("m1", "t", "politiskt_samrad", "lgs", raised_on);
    // Forcing needs a reason; without one nothing happens.
    EXPECT_THROW(log.place_on_agenda("m1", placed_on, step_options{true, ""}), samverkan::invalid_argument);
    EXPECT_EQ(log.events().size(), 1u);
    EXPECT_TRUE(log.violations().empty());

    const auto& m = log.place_on_agenda("m1", placed_on, step_options{true, "urgent: the region's budget"});
    EXPECT_EQ(m.state(), matter_state::on_agenda);
    const auto& e = log.events().back();
    EXPECT_TRUE(e.forced);
    EXPECT_EQ(e.breaks, "MTG-3");
    const auto v = log.violations();
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].index, 1u);
    EXPECT_EQ(v[0].rule, "MTG-3");
    EXPECT_EQ(v[0].subject, "m1");
    EXPECT_EQ(v[0].reason, "urgent: the region's budget");

    // Force on a step that breaks nothing records nothing as broken.
    open_full_meeting(log);
    (void)log.consider("samrad-1", "m1", agreed(), true, step_options{true, "no need"});
    EXPECT_FALSE(log.events().back().forced);
    EXPECT_EQ(log.violations().size(), 1u);
}

TEST(Matter, AForcedAdoptionByABodyThatDoesNotAdopt) {
    auto rules = with("            goteborg, molndal, harryda, partille, ockero],\n     to: politiskt_samrad}",
                      "            goteborg, molndal, harryda, partille],\n     to: politiskt_samrad}");
    auto log = directional_position(rules);
    log.record_adoption("m1", "ockero", adoption_state::adopted, adopted_on, "KS 2026/7",
                        step_options{true, "Öckerö adopted it on its own initiative"});
    EXPECT_EQ(log.matter_at("m1").cases().size(), 13u);
    ASSERT_EQ(log.violations().size(), 1u);
    EXPECT_EQ(log.violations()[0].rule, "CNS-5");
}

}  // namespace unity_test_matter
