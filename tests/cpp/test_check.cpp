// check_consistency (ruleset_check.hpp) on rulesets built in code: ids unique, every reference known,
// parameters in range, each problem naming the rule it breaks.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/load.hpp>
#include <samverkan/ruleset_check.hpp>
#include <samverkan/structure.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_check {

using namespace std::chrono;
using samverkan::body_kind;
using samverkan::level;
using samverkan::relation_type;
using samverkan::seat_kind;
using samverkan::side;

namespace {

samverkan::ruleset copy_2026() { return *samverkan::embedded_versions().back(); }

samverkan::forum& forum_in(samverkan::ruleset& rs, std::string_view id) {
    return *std::find_if(rs.forums.begin(), rs.forums.end(), [&](const samverkan::forum& f) { return f.id == id; });
}

samverkan::seat make_seat(const samverkan::ruleset& rs, std::string id, seat_kind kind, const std::string& body_id,
                          std::size_t index) {
    const auto* b = rs.find_body(body_id);
    samverkan::seat s;
    s.id = std::move(id);
    s.kind = kind;
    s.body = body_id;
    s.party = b != nullptr ? b->party : std::string();
    s.side = b != nullptr ? b->side : side::municipal;
    s.index = index;
    return s;
}

/// The smallest ruleset the checks accept: one region board and one municipality in a samråd,
/// LGS preparing for it and one theme group under LGS.
samverkan::ruleset tiny() {
    samverkan::ruleset rs;
    rs.id = "tiny";
    rs.name = "Tiny";
    rs.valid_from = year{2026} / January / 1;
    rs.parties = {{"region", "Regionen", side::region, {}}, {"kommunen", "Kommunen", side::municipal, {}}};
    rs.bodies = {{"styrelsen", "Styrelsen", "region", body_kind::provider, side::region, {}},
                 {"kommunen", "Kommunen", "kommunen", body_kind::municipality, side::municipal, {}}};
    samverkan::forum samrad;
    samrad.id = "politiskt_samrad";
    samrad.name = "Samråd";
    samrad.level = level::political;
    samrad.seats = {make_seat(rs, "styrelsen/ord", seat_kind::ordinary, "styrelsen", 0),
                    make_seat(rs, "styrelsen/ers", seat_kind::substitute, "styrelsen", 1),
                    make_seat(rs, "kommunen/ord", seat_kind::ordinary, "kommunen", 2),
                    make_seat(rs, "kommunen/ers", seat_kind::substitute, "kommunen", 3)};
    samverkan::forum lgs;
    lgs.id = "lgs";
    lgs.name = "LGS";
    lgs.level = level::strategic;
    samverkan::forum tema;
    tema.id = "tema";
    tema.name = "Tema";
    tema.level = level::operational;
    rs.forums = {samrad, lgs, tema};
    rs.relations = {{relation_type::prepares_for, "lgs", "politiskt_samrad", "STR-1", {}},
                    {relation_type::reports_to, "tema", "lgs", "STR-4", {}}};
    rs.rotation.municipal_pool = {"kommunen"};
    rs.rotation.region_pool = {"styrelsen"};
    rs.rotation.first_holder = "kommunen";
    return rs;
}

std::string listed(const std::vector<samverkan::problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += "  [" + p.rule + "] " + p.message + "\n";
    return out.empty() ? "  (none)\n" : out;
}

}  // namespace

// Outside the anonymous namespace, as the parametrised tests over it are (GCC's -Wsubobject-linkage in a unity
// build).

/// One way to break the 2026 ruleset, and the problem it must cause.
struct broken {
    std::string_view name;
    std::function<void(samverkan::ruleset&)> change;
    std::string_view rule;     ///< the problem's rule id ("" where no rule applies)
    std::string_view message;  ///< part of its message
};

void PrintTo(const broken& c, std::ostream* os) { *os << c.name; }

std::string case_name(const ::testing::TestParamInfo<broken>& row) { return std::string(row.param.name); }

class BrokenRuleset : public ::testing::TestWithParam<broken> {};

TEST(Check, EmbeddedRulesetsHaveNoProblems) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const auto problems = samverkan::check_consistency(*rs);
        EXPECT_TRUE(problems.empty()) << rs->id << ":\n" << listed(problems);
    }
}

TEST(Check, TinyRulesetBuiltInCodeHasNoProblems) {
    const auto rs = std::make_shared<const samverkan::ruleset>(tiny());
    EXPECT_TRUE(samverkan::check_consistency(*rs).empty()) << listed(samverkan::check_consistency(*rs));
    const samverkan::structure s(rs);
    EXPECT_TRUE(s.validate().empty()) << listed(s.validate());
    EXPECT_EQ(s.path("tema", "politiskt_samrad"), (std::vector<std::string>{"tema", "lgs", "politiskt_samrad"}));
}

TEST(Check, OneFaultIsOneProblem) {
    auto rs = copy_2026();
    rs.parties.push_back(rs.parties[1]);
    const auto problems = samverkan::check_consistency(rs);
    ASSERT_EQ(problems.size(), 1u) << listed(problems);
    EXPECT_EQ(problems[0].rule, "");
    EXPECT_EQ(problems[0].message, "duplicate party id 'goteborg'");
}

TEST(Check, ProblemsKeepTheMarkOfTheElement) {
    auto rs = tiny();
    rs.forums[0].seats[0].body = "styrelsn";
    rs.forums[0].seats[0].mark = {12, 9, "forums[0].seats[0]"};
    const auto problems = samverkan::check_consistency(rs);
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].rule, "CMP-1");
    EXPECT_EQ(problems[0].mark.line, 12);
    EXPECT_EQ(problems[0].mark.column, 9);
    EXPECT_EQ(problems[0].mark.key, "forums[0].seats[0].body");
    EXPECT_EQ(problems[0].message, "seat 'styrelsen/ord' names unknown body 'styrelsn' (did you mean 'styrelsen'?)");
}

TEST(Check, SeveralFaultsAreAllReported) {
    auto rs = tiny();
    rs.meeting.max_referrals = -1;
    rs.meeting.meetings_per_termin = 0;
    rs.rotation.term_years = 0;
    const auto problems = samverkan::check_consistency(rs);
    ASSERT_EQ(problems.size(), 3u) << listed(problems);
    EXPECT_EQ(problems[0].rule, "CNS-3");
    EXPECT_EQ(problems[1].rule, "MTG-1");
    EXPECT_EQ(problems[2].rule, "ROT-1");
}

TEST(Check, ROT2_EmptyPoolNamesItsKey) {
    auto rs = tiny();
    rs.rotation.municipal_pool.clear();
    rs.rotation.first_holder = "styrelsen";
    const auto problems = samverkan::check_consistency(rs);
    ASSERT_EQ(problems.size(), 1u) << listed(problems);
    EXPECT_EQ(problems[0].rule, "ROT-2");
    EXPECT_EQ(problems[0].mark.key, "rotation.pools.municipal");
    EXPECT_EQ(problems[0].message, "the municipal pool is empty; list at least one eligible body of that side");
}

TEST_P(BrokenRuleset, NamesTheRule) {
    const auto& c = GetParam();
    auto rs = copy_2026();
    c.change(rs);
    const auto problems = samverkan::check_consistency(rs);
    const bool found = std::any_of(problems.begin(), problems.end(), [&](const samverkan::problem& p) {
        return p.rule == c.rule && p.message.find(c.message) != std::string::npos;
    });
    EXPECT_TRUE(found) << "expected [" << c.rule << "] '" << c.message << "' among:\n" << listed(problems);
}

INSTANTIATE_TEST_SUITE_P(
    Check, BrokenRuleset,
    ::testing::Values(
        broken{"ValidToBeforeValidFrom",
               [](samverkan::ruleset& rs) { rs.valid_to = year{2025} / December / 31; }, "",
               "valid_to is before valid_from"},
        broken{"DuplicatePartyId", [](samverkan::ruleset& rs) { rs.parties.push_back(rs.parties[0]); }, "",
               "duplicate party id 'vgr'"},
        broken{"DuplicateBodyId", [](samverkan::ruleset& rs) { rs.bodies.push_back(rs.bodies[7]); }, "",
               "duplicate id 'regionhalsan'"},
        broken{"ForumReusesABodyId",
               [](samverkan::ruleset& rs) {
                   samverkan::forum f;
                   f.id = "su";
                   f.name = "SU-forum";
                   f.level = level::support;
                   rs.forums.push_back(f);
               },
               "", "duplicate id 'su'"},
        broken{"DuplicateSeatId",
               [](samverkan::ruleset& rs) { forum_in(rs, "politiskt_samrad").seats[1].id = "dn_goteborg/ord"; }, "",
               "duplicate seat id 'dn_goteborg/ord' in forum 'politiskt_samrad'"},
        broken{"BodyNamesUnknownParty", [](samverkan::ruleset& rs) { rs.bodies[12].party = "vgrr"; }, "",
               "body 'su' names unknown party 'vgrr' (did you mean 'vgr'?)"},
        broken{"BodyNotOnItsPartysSide", [](samverkan::ruleset& rs) { rs.bodies[12].side = side::municipal; }, "",
               "body 'su' is not on its party's side"},
        broken{"CMP1_SeatNamesUnknownBody",
               [](samverkan::ruleset& rs) { forum_in(rs, "politiskt_samrad").seats[0].body = "dn_gotebrg"; }, "CMP-1",
               "seat 'dn_goteborg/ord' names unknown body 'dn_gotebrg' (did you mean 'dn_goteborg'?)"},
        broken{"CMP1_SeatDisagreesWithItsBody",
               [](samverkan::ruleset& rs) { forum_in(rs, "politiskt_samrad").seats[0].side = side::municipal; },
               "CMP-1", "seat 'dn_goteborg/ord' disagrees with its body on party or side"},
        broken{"QRM2_SubstituteWithoutOrdinarySeat",
               [](samverkan::ruleset& rs) {
                   auto& seats = forum_in(rs, "politiskt_samrad").seats;
                   seats.erase(seats.begin());
               },
               "QRM-2", "substitute seat 'dn_goteborg/ers' of body 'dn_goteborg' has no ordinary seat"},
        broken{"QRM3_SeatsButNoOrdinarySeat",
               [](samverkan::ruleset& rs) {
                   auto& f = forum_in(rs, "lgs");
                   f.seats.push_back(make_seat(rs, "su/ers", seat_kind::substitute, "su", 0));
               },
               "QRM-3", "forum 'lgs' has seats but no ordinary seat"},
        broken{"STR4_RelationNamesUnknownForum",
               [](samverkan::ruleset& rs) {
                   rs.relations.push_back({relation_type::reports_to, "nosm", "lgs", "STR-4", {}});
               },
               "STR-4", "relation names unknown forum or body 'nosm' (did you mean 'nosam'?)"},
        broken{"CNS5_AdoptsMustStartAtABody",
               [](samverkan::ruleset& rs) {
                   rs.relations.push_back({relation_type::adopts, "lgs", "politiskt_samrad", "CNS-5", {}});
               },
               "CNS-5", "'adopts' must start at a body, not forum 'lgs'"},
        broken{"CNS5_AdoptsMustEndAtAForum",
               [](samverkan::ruleset& rs) {
                   rs.relations.push_back({relation_type::adopts, "su", "goteborg", "CNS-5", {}});
               },
               "CNS-5", "'adopts' must end at a forum, not body 'goteborg'"},
        broken{"STR9_AnchorsInMustStartAtAForum",
               [](samverkan::ruleset& rs) {
                   rs.relations.push_back({relation_type::anchors_in, "su", "politiskt_samrad", "STR-9", {}});
               },
               "STR-9", "'anchors_in' must start at a forum, not body 'su'"},
        broken{"STR9_AnchorsInMustEndAtABody",
               [](samverkan::ruleset& rs) {
                   rs.relations.push_back({relation_type::anchors_in, "politiskt_samrad", "lgs", "STR-9", {}});
               },
               "STR-9", "'anchors_in' must end at a body, not forum 'lgs'"},
        broken{"QRM1_MeetingNamesUnknownForum", [](samverkan::ruleset& rs) { rs.meeting.forum = "samradet"; }, "QRM-1",
               "meeting names unknown forum 'samradet'"},
        broken{"QRM3_QuorumCountZero",
               [](samverkan::ruleset& rs) {
                   rs.meeting.quorum.kind = samverkan::quorum_kind::count;
                   rs.meeting.quorum.count = 0;
               },
               "QRM-3", "quorum count must be at least 1"},
        broken{"QRM3_QuorumCountAboveTheOrdinarySeats",
               [](samverkan::ruleset& rs) {
                   rs.meeting.quorum.kind = samverkan::quorum_kind::count;
                   rs.meeting.quorum.count = 16;
               },
               "QRM-3", "quorum count 16 exceeds the 15 ordinary seats of forum 'politiskt_samrad'"},
        broken{"CNS3_NegativeMaxReferrals", [](samverkan::ruleset& rs) { rs.meeting.max_referrals = -1; }, "CNS-3",
               "max_referrals must be 0 or more"},
        broken{"CNS5_InForceCountZero",
               [](samverkan::ruleset& rs) {
                   rs.meeting.in_force.kind = samverkan::in_force_kind::count;
                   rs.meeting.in_force.count = 0;
               },
               "CNS-5", "in_force_when count must be at least 1"},
        broken{"CNS5_InForceCountAboveTheAdoptingBodies",
               [](samverkan::ruleset& rs) {
                   rs.meeting.in_force.kind = samverkan::in_force_kind::count;
                   rs.meeting.in_force.count = 14;
               },
               "CNS-5",
               "in_force_when count 14 exceeds the 13 bodies that adopt the positions of forum 'politiskt_samrad'"},
        broken{"MTG1_NoMeetingsPerTermin", [](samverkan::ruleset& rs) { rs.meeting.meetings_per_termin = 0; }, "MTG-1",
               "meetings_per_termin must be 1 or more"},
        broken{"ROT2_RotationNamesUnknownForum", [](samverkan::ruleset& rs) { rs.rotation.forum = "samrad"; }, "ROT-2",
               "rotation names unknown forum 'samrad'"},
        broken{"ROT1_TermOfZeroYears", [](samverkan::ruleset& rs) { rs.rotation.term_years = 0; }, "ROT-1",
               "term_years must be 1 or more"},
        broken{"ROT6_MandateOfZeroYears", [](samverkan::ruleset& rs) { rs.rotation.mandate_years = 0; }, "ROT-6",
               "mandate_years must be 1 or more"},
        broken{"ROT2_EmptyPool", [](samverkan::ruleset& rs) { rs.rotation.region_pool.clear(); }, "ROT-2",
               "the region pool is empty"},
        broken{"ROT1_TermOfTooManyYears", [](samverkan::ruleset& rs) { rs.rotation.term_years = 21; }, "ROT-1",
               "term_years must be at most 20"},
        broken{"ROT6_MandateOfTooManyYears", [](samverkan::ruleset& rs) { rs.rotation.mandate_years = 21; }, "ROT-6",
               "mandate_years must be at most 20"},
        broken{"ROT6_FirstElectionOutOfRange", [](samverkan::ruleset& rs) { rs.rotation.first_election_year = -5; },
               "ROT-6", "the first election year must be between 1900 and 9999"},
        broken{"ROT6_AnchorAfterTheLastDate",
               [](samverkan::ruleset& rs) { rs.rotation.anchor = year{10000} / January / 1; }, "ROT-6",
               "anchor must be a calendar date no later than 9999-12-31"},
        broken{"ROT2_PurchaserInPool", [](samverkan::ruleset& rs) { rs.rotation.region_pool[0] = "dn_vastra"; }, "ROT-2",
               "purchaser body 'dn_vastra' is not in the chair rotation"},
        broken{"ROT2_UnknownBodyInPool", [](samverkan::ruleset& rs) { rs.rotation.region_pool[0] = "regionhalsa"; },
               "ROT-2", "rotation pool names unknown body 'regionhalsa'"},
        broken{"ROT2_BodyOnTheWrongSide", [](samverkan::ruleset& rs) { rs.rotation.municipal_pool.push_back("su"); },
               "ROT-2", "body 'su' is not on the municipal side"},
        broken{"ROT3a_BodyTwiceInPool", [](samverkan::ruleset& rs) { rs.rotation.municipal_pool.push_back("molndal"); },
               "ROT-3a", "'molndal' appears twice in the municipal pool"},
        broken{"CMP5_PoolMemberWithoutOrdinarySeat",
               [](samverkan::ruleset& rs) {
                   auto b = rs.bodies[12];
                   b.id = "ny_styrelse";
                   rs.bodies.push_back(b);
                   rs.rotation.region_pool.push_back("ny_styrelse");
               },
               "CMP-5", "body 'ny_styrelse' has no ordinary seat in forum 'politiskt_samrad'"},
        broken{"ROT6_FirstHolderInNoPool", [](samverkan::ruleset& rs) { rs.rotation.first_holder = "dn_goteborg"; },
               "ROT-6", "first_holder 'dn_goteborg' is in neither rotation pool"},
        broken{"STR3_HandlingsplanDecidedByUnknownForum",
               [](samverkan::ruleset& rs) { rs.action_plan->decided_by = "lgss"; }, "STR-3",
               "the handlingsplan is decided by unknown forum 'lgss' (did you mean 'lgs'?)"},
        broken{"STR3_HandlingsplanDecidedByABody", [](samverkan::ruleset& rs) { rs.action_plan->decided_by = "su"; },
               "STR-3", "the handlingsplan is decided by unknown forum 'su'"},
        broken{"ROT5_OfficeNamesUnknownForum",
               [](samverkan::ruleset& rs) { forum_in(rs, "politiskt_presidium").offices[2].forum = "lgz"; }, "ROT-5",
               "office names unknown forum 'lgz'"},
        broken{"CMP5_OfficeAppointedByUnknownForum",
               [](samverkan::ruleset& rs) { forum_in(rs, "politiskt_presidium").offices[0].appointed_by = "samradet"; },
               "CMP-5", "office politiskt_samrad chair is appointed by unknown forum or body 'samradet'"},
        broken{"THM3_MinAgeAboveMaxAge",
               [](samverkan::ruleset& rs) { forum_in(rs, "tema_barn_unga").theme->min_age = 20; }, "THM-3",
               "theme 'tema_barn_unga' has min_age above max_age"}),
    case_name);

}  // namespace unity_test_check
