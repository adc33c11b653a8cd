// The meeting engine (§ 4, § 5, § 10): serving members, quorum, presiding, outcome, rights.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>

#include "support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_meeting {

using namespace std::chrono;
using samverkan::agenda_item;
using samverkan::meeting;
using samverkan::meeting_setup;
using samverkan::outcome;

namespace {

const samverkan::date day = year{2026} / March / 13;

samverkan::ruleset_ptr rules_2026() { return samverkan::load_default(day); }

using samverkan::test::with;

std::vector<std::string> seats_where(const samverkan::ruleset& rs, auto keep) {
    std::vector<std::string> out;
    for (const auto& s : rs.forum_by_id("politiskt_samrad").seats)
        if (keep(s)) out.push_back(s.id);
    return out;
}

std::vector<std::string> all_seats(const samverkan::ruleset& rs) {
    return seats_where(rs, [](const samverkan::seat&) { return true; });
}
std::vector<std::string> ordinary_seats(const samverkan::ruleset& rs) {
    return seats_where(rs, [](const samverkan::seat& s) { return s.kind == samverkan::seat_kind::ordinary; });
}
std::vector<std::string> without(std::vector<std::string> ids, const std::vector<std::string>& drop) {
    std::erase_if(ids, [&](const std::string& id) { return std::find(drop.begin(), drop.end(), id) != drop.end(); });
    return ids;
}

meeting_setup setup(std::vector<std::string> present) {
    meeting_setup s;
    s.day = day;
    s.present = std::move(present);
    s.chair = "goteborg/ord1";
    s.vice_chair = "regionhalsan/ord";
    return s;
}

agenda_item item(std::string title, std::vector<std::string> objections = {}, std::vector<std::string> abstentions = {},
                 std::vector<std::string> disqualified = {}, int referrals = 0) {
    return {std::move(title),
            std::move(objections),
            std::move(abstentions),
            std::move(disqualified),
            referrals,
            samverkan::no_consensus_choice::unspecified,
            ""};
}

bool has_rule(const samverkan::ruling& r, const std::string& id) {
    const auto rules = r.rules();
    return std::find(rules.begin(), rules.end(), id) != rules.end();
}

const std::vector<std::string> vgr_ordinary{"dn_goteborg/ord",        "dn_vastra/ord", "regionhalsan/ord",
                                            "narhalsan/ord",          "tandvard/ord",  "habilitering_halsa/ord",
                                            "sjukhusen_i_vaster/ord", "su/ord"};

}  // namespace

// ---- attendance table: who is present -> how many ordinary seats are served --------------------

struct attendance_case {
    const char* name;
    std::vector<std::string> absent;  // from "everyone present"
    std::size_t served;
    std::size_t substitutions;
    bool quorate;
};

class Attendance : public ::testing::TestWithParam<attendance_case> {};

TEST_P(Attendance, QRM2_QRM3_ServedSeatsAndQuorum) {
    const auto rs = rules_2026();
    const auto& c = GetParam();
    meeting m(rs, setup(without(all_seats(*rs), c.absent)));
    const auto r = m.consider(item("Ärende"));
    EXPECT_EQ(r.served(), c.served);
    EXPECT_EQ(r.substitutions().size(), c.substitutions);
    EXPECT_EQ(r.ordinary_seats(), 15u);
    EXPECT_EQ(r.threshold(), 8u);
    EXPECT_EQ(r.quorate(), c.quorate);
    EXPECT_EQ(r.result(), c.quorate ? outcome::position : outcome::not_quorate);
    EXPECT_TRUE(has_rule(r, "QRM-2"));
    EXPECT_TRUE(has_rule(r, "QRM-3"));
    EXPECT_EQ(has_rule(r, "CNS-4"), !c.quorate);
}

INSTANTIATE_TEST_SUITE_P(
    Samrad2026, Attendance,
    ::testing::Values(attendance_case{"everyone", {}, 15, 0, true},
                      attendance_case{"vgr_ordinary_absent_substitutes_serve", vgr_ordinary, 15, 8, true},
                      attendance_case{"goteborg_ordinary_absent_no_substitutes",
                                      {"goteborg/ord1", "goteborg/ord2", "goteborg/ord3"},
                                      12,
                                      0,
                                      true},
                      attendance_case{"exactly_8",
                                      {"dn_goteborg/ord", "dn_goteborg/ers", "dn_vastra/ord", "dn_vastra/ers",
                                       "narhalsan/ord", "narhalsan/ers", "tandvard/ord", "tandvard/ers", "su/ord",
                                       "su/ers", "goteborg/ord2", "goteborg/ord3"},
                                      8,
                                      0,
                                      true},
                      attendance_case{"exactly_7",
                                      {"dn_goteborg/ord", "dn_goteborg/ers", "dn_vastra/ord", "dn_vastra/ers",
                                       "narhalsan/ord", "narhalsan/ers", "tandvard/ord", "tandvard/ers", "su/ord",
                                       "su/ers", "goteborg/ord2", "goteborg/ord3", "ockero/ord", "ockero/ers"},
                                      7,
                                      0,
                                      false}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Meeting, CNS4_NotQuorateDecidesNothingAndNamesNoPresiding) {
    const auto rs = rules_2026();
    meeting m(rs, setup({"goteborg/ord1", "molndal/ord"}));
    const auto r = m.consider(item("Ärende", {"molndal/ord"}));
    EXPECT_EQ(r.result(), outcome::not_quorate);
    EXPECT_FALSE(r.presiding().has_value());
    EXPECT_EQ(r.referrals(), 0);
}

// ---- rights -------------------------------------------------------------------------------

TEST(Meeting, RGT1_SubstituteWhoseOrdinaryIsPresentAttendsButDoesNotServe) {
    const auto rs = rules_2026();
    meeting m(rs, setup(all_seats(*rs)));
    const auto r = m.consider(item("Ärende"));
    EXPECT_EQ(samverkan::test::count_of(r.serving(), "molndal/ers"), 0);
    EXPECT_TRUE(has_rule(r, "RGT-1"));
    try {
        (void)m.consider(item("Nästa", {"molndal/ers"}));
        FAIL() << "objection from a non-serving substitute was accepted";
    } catch (const samverkan::not_permitted& e) {
        EXPECT_EQ(e.rule(), "RGT-1");
        EXPECT_NE(std::string(e.what()).find("molndal/ers"), std::string::npos);
    }
    EXPECT_EQ(m.rulings().size(), 1u);  // the refused call changed nothing
}

TEST(Meeting, RGT4_NoSeatNoPart) {
    const auto rs = rules_2026();
    EXPECT_THROW(meeting(rs, setup({"stranger"})), samverkan::not_permitted);
    meeting m(rs, setup(ordinary_seats(*rs)));
    try {
        (void)m.consider(item("Ärende", {"goteborg/ord4"}));
        FAIL();
    } catch (const samverkan::not_permitted& e) {
        EXPECT_EQ(e.rule(), "RGT-4");
    }
    EXPECT_THROW(m.arrive("nobody"), samverkan::not_permitted);
    EXPECT_THROW((void)m.consider(item("Ärende", {}, {"lgs/ord"})), samverkan::not_permitted);
    EXPECT_TRUE(m.rulings().empty());
}

// ---- attendance over the items --------------------------------------------------------------

TEST(Meeting, QRM5_LateOrdinaryMemberTakesTheSeatBackAtTheNextItem) {
    const auto rs = rules_2026();
    meeting m(rs, setup(without(all_seats(*rs), {"su/ord"})));
    const auto first = m.consider(item("Första"));
    ASSERT_EQ(first.substitutions().size(), 1u);
    EXPECT_EQ(first.substitutions()[0], (std::pair<std::string, std::string>{"su/ord", "su/ers"}));
    m.arrive("su/ord");
    const auto second = m.consider(item("Andra", {}, {"su/ord"}));
    EXPECT_TRUE(second.substitutions().empty());
    EXPECT_EQ(samverkan::test::count_of(second.serving(), "su/ord"), 1);
    EXPECT_EQ(samverkan::test::count_of(second.serving(), "su/ers"), 0);
}

TEST(Meeting, QRM4_DisqualifiedMemberIsReplacedForOneItemOnly) {
    const auto rs = rules_2026();
    meeting m(rs, setup(all_seats(*rs)));
    const auto jav = m.consider(item("Upphandling", {}, {}, {"narhalsan/ord"}));
    EXPECT_TRUE(has_rule(jav, "QRM-4"));
    EXPECT_EQ(jav.served(), 15u);
    ASSERT_EQ(jav.substitutions().size(), 1u);
    EXPECT_EQ(jav.substitutions()[0].second, "narhalsan/ers");
    // The disqualified member may not object in that item.
    EXPECT_THROW((void)m.consider(item("Upphandling", {"narhalsan/ord"}, {}, {"narhalsan/ord"})),
                 samverkan::not_permitted);
    const auto next = m.consider(item("Nästa"));
    EXPECT_TRUE(next.substitutions().empty());
    EXPECT_FALSE(has_rule(next, "QRM-4"));
}

TEST(Meeting, QRM5_MemberWhoLeftDoesNotServeAgain) {
    const auto rs = rules_2026();
    meeting m(rs, setup(ordinary_seats(*rs)));
    m.leave("molndal/ord");
    m.arrive("molndal/ord");
    const auto r = m.consider(item("Ärende"));
    EXPECT_EQ(r.served(), 14u);
    EXPECT_TRUE(has_rule(r, "QRM-5"));
    EXPECT_THROW((void)m.consider(item("Ärende", {"molndal/ord"})), samverkan::not_permitted);
}

TEST(Meeting, QRM5_LeavingForJavAllowsReturn) {
    const auto rs = rules_2026();
    meeting m(rs, setup(ordinary_seats(*rs)));
    m.leave("molndal/ord", samverkan::leave_reason::disqualified);
    EXPECT_EQ(m.consider(item("Jäv")).served(), 14u);
    m.arrive("molndal/ord");
    EXPECT_EQ(m.consider(item("Tillbaka")).served(), 15u);
}

TEST(Meeting, QRM5_ServingSubstituteIsNotDisplacedByAnotherSubstitute) {
    const auto rs = with("substitution_scope: same_body", "substitution_scope: same_party");
    // dn_goteborg's members are away; a later VGR substitute comes first in the ruleset's order.
    meeting m(rs, setup(without(all_seats(*rs), {"dn_goteborg/ord", "dn_goteborg/ers", "dn_vastra/ers"})));
    const auto first = m.consider(item("Första"));
    ASSERT_EQ(first.substitutions().size(), 1u);
    EXPECT_EQ(first.substitutions()[0], (std::pair<std::string, std::string>{"dn_goteborg/ord", "regionhalsan/ers"}));
    m.arrive("dn_vastra/ers");  // earlier in the order than regionhalsan/ers
    const auto second = m.consider(item("Andra"));
    ASSERT_EQ(second.substitutions().size(), 1u);
    EXPECT_EQ(second.substitutions()[0].second, "regionhalsan/ers");
}

// ---- presiding ------------------------------------------------------------------------------

TEST(Meeting, QRM6_ChairPresides) {
    const auto rs = rules_2026();
    meeting m(rs, setup(ordinary_seats(*rs)));
    EXPECT_EQ(m.consider(item("Ärende")).presiding(), "goteborg/ord1");
}

TEST(Meeting, QRM6_ChairAbsentViceChairPresides) {
    const auto rs = rules_2026();
    meeting m(rs, setup(without(ordinary_seats(*rs), {"goteborg/ord1"})));
    EXPECT_EQ(m.consider(item("Ärende")).presiding(), "regionhalsan/ord");
}

TEST(Meeting, QRM6_BothAbsentEldestPresides) {
    const auto rs = rules_2026();
    auto s = setup(without(ordinary_seats(*rs), {"goteborg/ord1", "regionhalsan/ord"}));
    for (const auto& id : s.present) s.people[id] = {id, year{1970} / January / 1, std::nullopt};
    s.people["ockero/ord"] = {"Äldst", year{1948} / May / 17, std::nullopt};
    meeting m(rs, s);
    const auto r = m.consider(item("Ärende"));
    EXPECT_EQ(r.presiding(), "ockero/ord");
    EXPECT_NE(r.explain(samverkan::language::en).find("1948-05-17"), std::string::npos);
}

TEST(Meeting, QRM6_BothAbsentWithoutBirthDatesIsDecidedWithAnUnknown) {
    const auto rs = rules_2026();
    auto s = setup(without(ordinary_seats(*rs), {"goteborg/ord1", "regionhalsan/ord"}));
    s.people["ockero/ord"] = {"Äldst", year{1948} / May / 17, std::nullopt};  // the others' birth dates are missing
    meeting m(rs, s);
    const auto r = m.consider(item("Ärende", {"su/ord"}));
    EXPECT_TRUE(r.quorate());
    EXPECT_EQ(r.result(), outcome::referred_back);  // quorum and outcome do not depend on who presides
    EXPECT_FALSE(r.presiding().has_value());
    const auto unknowns = r.unknowns();
    ASSERT_EQ(unknowns.size(), 1u);
    EXPECT_EQ(unknowns[0].rule, "QRM-6");
    EXPECT_EQ(unknowns[0].decides, "presiding");
    EXPECT_EQ(unknowns[0].missing, std::vector<std::string>{"born"});
    EXPECT_EQ(unknowns[0].seats.size(), 12u);       // 13 present ordinary members, one with a birth date
    EXPECT_EQ(unknowns[0].candidates.size(), 13u);  // ... who is a candidate too
    EXPECT_EQ(samverkan::test::count_of(unknowns[0].candidates, "ockero/ord"), 1u);
    EXPECT_EQ(m.rulings().size(), 1u);
}

TEST(Meeting, QRM6_NobodyMayPresideSoTheItemIsNotDealtWith) {
    const auto rs = rules_2026();
    // Only substitutes serve for the VGR bodies; substitutes may not preside (substitute_may_preside: false).
    std::vector<std::string> present;
    for (const auto& id : vgr_ordinary) present.push_back(id.substr(0, id.find('/')) + "/ers");
    meeting m(rs, setup(present));
    const auto r = m.consider(item("Ärende"));
    EXPECT_TRUE(r.quorate());
    EXPECT_EQ(r.served(), 8u);
    EXPECT_EQ(r.result(), outcome::not_dealt_with);
    EXPECT_FALSE(r.presiding().has_value());
    EXPECT_TRUE(has_rule(r, "QRM-6"));
    EXPECT_FALSE(has_rule(r, "CNS-2"));
    const auto allowed = with("substitute_may_preside: false", "substitute_may_preside: true");
    const auto again = meeting(allowed, setup(present)).consider(item("Ärende"));
    EXPECT_EQ(again.result(), outcome::position);
    EXPECT_FALSE(again.presiding().has_value());  // no birth dates: presiding is an unknown, the outcome is not
    EXPECT_EQ(again.unknowns().size(), 1u);
}

TEST(Meeting, QRM6_SubstituteMayNotPresideUnlessAllowed) {
    const auto rs = rules_2026();
    auto s = setup(without(all_seats(*rs), {"goteborg/ord1", "regionhalsan/ord"}));
    for (const auto& id : s.present) s.people[id] = {id, year{1970} / January / 1, std::nullopt};
    s.people["regionhalsan/ers"] = {"Ersättare", year{1940} / January / 1, std::nullopt};
    EXPECT_NE(meeting(rs, s).consider(item("Ärende")).presiding(), "regionhalsan/ers");
    const auto allowed = with("substitute_may_preside: false", "substitute_may_preside: true");
    EXPECT_EQ(meeting(allowed, s).consider(item("Ärende")).presiding(), "regionhalsan/ers");
}

// ---- remote participation ---------------------------------------------------------------------

TEST(Meeting, QRM7_RemotePresenceCountsWhenAllowed) {
    const auto rs = rules_2026();
    auto s = setup(without(ordinary_seats(*rs), {"su/ord", "tandvard/ord"}));
    s.remote = {"su/ord", "tandvard/ord"};
    EXPECT_EQ(meeting(rs, s).consider(item("Ärende")).served(), 15u);
    const auto not_allowed = with("remote: {allowed: true", "remote: {allowed: false");
    const auto r = meeting(not_allowed, s).consider(item("Ärende"));
    EXPECT_EQ(r.served(), 13u);
    EXPECT_TRUE(has_rule(r, "QRM-7"));
}

TEST(Meeting, QRM7_RemoteChairDoesNotPreside) {
    const auto rs = rules_2026();
    auto s = setup(without(ordinary_seats(*rs), {"goteborg/ord1"}));
    s.remote = {"goteborg/ord1"};
    EXPECT_EQ(meeting(rs, s).consider(item("Ärende")).presiding(), "regionhalsan/ord");
    const auto off_site = with("chair_on_site: true", "chair_on_site: false");
    EXPECT_EQ(meeting(off_site, s).consider(item("Ärende")).presiding(), "goteborg/ord1");
}

// ---- consensus and its failure -----------------------------------------------------------------

struct consensus_case {
    const char* name;
    std::vector<std::string> objections;
    std::vector<std::string> abstentions;
    int referrals;
    outcome expected;
    int referrals_after;
};

class Consensus : public ::testing::TestWithParam<consensus_case> {};

TEST_P(Consensus, CNS2_CNS3_Outcome) {
    const auto rs = rules_2026();
    const auto& c = GetParam();
    meeting m(rs, setup(ordinary_seats(*rs)));
    const auto r = m.consider(item("Ärende", c.objections, c.abstentions, {}, c.referrals));
    EXPECT_EQ(r.result(), c.expected);
    EXPECT_EQ(r.referrals(), c.referrals_after);
    EXPECT_TRUE(has_rule(r, "CNS-2"));
    EXPECT_EQ(has_rule(r, "CNS-3"), c.expected == outcome::referred_back || c.expected == outcome::removed);
    EXPECT_EQ(has_rule(r, "CNS-1"), c.expected == outcome::position);
}

INSTANTIATE_TEST_SUITE_P(
    Samrad2026, Consensus,
    ::testing::Values(consensus_case{"no_objection", {}, {}, 0, outcome::position, 0},
                      consensus_case{"abstention_does_not_block", {}, {"partille/ord"}, 0, outcome::position, 0},
                      consensus_case{"objection_first_time_refers_back", {"su/ord"}, {}, 0, outcome::referred_back, 1},
                      consensus_case{"objection_after_one_referral_removes", {"su/ord"}, {}, 1, outcome::removed, 1}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Meeting, CNS3_ReasonAndMeetingsChoice) {
    const auto rs = rules_2026();
    meeting m(rs, setup(ordinary_seats(*rs)));
    auto it = item("Ärende", {"su/ord"});
    it.reason = "kostnadsfördelningen";
    const auto back = m.consider(it);
    EXPECT_EQ(back.reason(), "kostnadsfördelningen");
    EXPECT_NE(back.explain(samverkan::language::en).find("kostnadsfördelningen"), std::string::npos);
    it.choice = samverkan::no_consensus_choice::remove;
    EXPECT_EQ(m.consider(it).result(), outcome::removed);
}

TEST(Meeting, CNS2_ObjectAndAbstainAtOnceIsRefused) {
    const auto rs = rules_2026();
    meeting m(rs, setup(ordinary_seats(*rs)));
    EXPECT_THROW((void)m.consider(item("Ärende", {"su/ord"}, {"su/ord"})), samverkan::rule_violation);
}

// ---- parameters change the result as the specification says ----------------------------------

TEST(Parameters, QRM3_TwoThirds) {
    const auto rs = with("quorum: more_than_half", "quorum: two_thirds");
    const auto nine = without(ordinary_seats(*rs), {"su/ord", "tandvard/ord", "narhalsan/ord", "dn_vastra/ord",
                                                    "ockero/ord", "partille/ord"});
    const auto r = meeting(rs, setup(nine)).consider(item("Ärende"));
    EXPECT_EQ(r.threshold(), 10u);
    EXPECT_FALSE(r.quorate());
    EXPECT_TRUE(meeting(rules_2026(), setup(nine)).consider(item("Ärende")).quorate());
}

TEST(Parameters, QRM3_ExplicitCountAndBothSides) {
    const auto counted = with("quorum: more_than_half", "quorum: 12");
    EXPECT_EQ(meeting(counted, setup(ordinary_seats(*counted))).consider(item("Ärende")).threshold(), 12u);
    const auto both = with("quorum_both_sides_present: false", "quorum_both_sides_present: true");
    const auto r = meeting(both, setup(vgr_ordinary)).consider(item("Ärende"));
    EXPECT_EQ(r.served(), 8u);
    EXPECT_FALSE(r.quorate());  // 8 of 15, but no municipality serves
    EXPECT_TRUE(meeting(rules_2026(), setup(vgr_ordinary)).consider(item("Ärende")).quorate());
}

TEST(Parameters, QRM2_SameParty) {
    const auto rs = with("substitution_scope: same_body", "substitution_scope: same_party");
    const auto present = without(all_seats(*rs), {"dn_goteborg/ord", "dn_goteborg/ers"});
    EXPECT_EQ(meeting(rules_2026(), setup(present)).consider(item("Ärende")).served(), 14u);
    const auto r = meeting(rs, setup(present)).consider(item("Ärende"));
    EXPECT_EQ(r.served(), 15u);
    // Göteborg has no substitutes of its own; under same_party no other municipality's may serve.
    const auto gbg = without(all_seats(*rs), {"goteborg/ord1"});
    EXPECT_EQ(meeting(rs, setup(gbg)).consider(item("Ärende")).served(), 14u);
    const auto side = with("substitution_scope: same_body", "substitution_scope: same_side");
    EXPECT_EQ(meeting(side, setup(gbg)).consider(item("Ärende")).served(), 15u);
}

TEST(Parameters, CNS2_UnanimousAssentMakesAbstentionBlock) {
    const auto rs = with("consensus: no_objection", "consensus: unanimous_assent");
    const auto r = meeting(rs, setup(ordinary_seats(*rs))).consider(item("Ärende", {}, {"partille/ord"}));
    EXPECT_EQ(r.result(), outcome::referred_back);
}

TEST(Parameters, CNS3_OnNoConsensusRemoveAndMaxReferrals) {
    const auto remove = with("on_no_consensus: refer_back", "on_no_consensus: remove");
    EXPECT_EQ(meeting(remove, setup(ordinary_seats(*remove))).consider(item("Ärende", {"su/ord"})).result(),
              outcome::removed);
    const auto three = with("max_referrals: 1", "max_referrals: 3");
    EXPECT_EQ(meeting(three, setup(ordinary_seats(*three))).consider(item("Ärende", {"su/ord"}, {}, {}, 2)).result(),
              outcome::referred_back);
}

TEST(Explanation, EveryStepNamesItsRuleAndSource) {
    const auto rs = rules_2026();
    meeting m(rs, setup(all_seats(*rs)));
    const auto r = m.consider(item("Ärende", {"su/ord"}));
    const auto text = r.explain(samverkan::language::en);
    for (const auto& id : r.rules()) EXPECT_NE(text.find(id + "  "), std::string::npos) << id;
    EXPECT_NE(text.find("15 of 15 ordinary seats served"), std::string::npos);
    EXPECT_NE(text.find("kommunallagen 6 kap. 27 §"), std::string::npos);
    EXPECT_NE(text.find("003_324ab1002b074ef9.txt § Mandat och arbetsformer"), std::string::npos);
}

TEST(Meeting, ROT3a_ChairAndViceComeFromTheRotationWhenNotGiven) {
    const auto rs = rules_2026();
    meeting_setup s;
    s.day = year{2026} / March / 13;  // tandvard chairs, partille is vice chair
    s.present = all_seats(*rs);
    const auto r = meeting(rs, s).consider(item("Ärende"));
    EXPECT_EQ(r.presiding(), "tandvard/ord");
    EXPECT_TRUE(has_rule(r, "ROT-3a"));
    s.present = without(all_seats(*rs), {"tandvard/ord"});
    EXPECT_EQ(meeting(rs, s).consider(item("Ärende")).presiding(), "partille/ord");
    s.day = year{2035} / March / 1;  // Göteborg chairs: its first ordinary seat
    s.present = all_seats(*rs);
    EXPECT_EQ(meeting(rs, s).consider(item("Ärende")).presiding(), "goteborg/ord1");
    s.chair = "molndal/ord";  // a chair given is kept; only the vice chair comes from the rotation (su)
    const auto kept = meeting(rs, s).consider(item("Ärende"));
    EXPECT_EQ(kept.presiding(), "molndal/ord");
    EXPECT_EQ(kept.vice_chair(), "su/ord");
    s.chair = "su/ord";  // CMP-5: the rotation's vice chair would then hold the same seat
    EXPECT_THROW(meeting(rs, s), samverkan::rule_violation);
}

TEST(Meeting, ROT3a_DerivedOfficesLiveInTheRulingNotInTheSetup) {
    const auto rs = rules_2026();
    meeting_setup s;
    s.day = year{2026} / March / 13;
    s.present = all_seats(*rs);
    meeting m(rs, s);
    const auto r = m.consider(item("Ärende"));
    EXPECT_FALSE(m.setup().chair.has_value());
    EXPECT_FALSE(m.setup().vice_chair.has_value());
    EXPECT_EQ(r.chair(), "tandvard/ord");
    EXPECT_EQ(r.vice_chair(), "partille/ord");
    meeting again(rs, m.setup());  // rebuilt from the setup: the same rulings and explanations
    const auto r2 = again.consider(item("Ärende"));
    EXPECT_EQ(r2.steps(), r.steps());
    EXPECT_EQ(r2.explain(), r.explain());
}

}  // namespace unity_test_meeting
